"""The support desk (`hikeshi` API, provider account 111111111111): who may call what, support plans
and plan definitions, business calendars and company holidays, the first-response clock (business
hours, Japanese holidays, 24/7 plans, breach paging, durability across a crash), agents, the queue,
the case workflow (assign, reply, request information, resolve, knowledge search), ratings and
surveys, raising a severity, and the case-quality coach.

The module shares one private server (real clock) for everything that leaves the desk's global
settings alone; tests that change plan definitions or calendars, or need a fixed domain time
(`--clock-start`) or fast time (`--time-scale`), start their own.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from typing import Any, Iterator

import pytest

from harness import HikeshiServer, aws_error, clean_env, unique, wait_until
from support_support import (
    AGENT_ID_RE,
    EC2,
    FRIDAY_1559_JST,
    FRIDAY_1600_JST,
    GENERAL,
    ON_POSTGRES,
    RDS,
    SATURDAY_1000_JST,
    all_pages,
    at_once,
    as_utc,
    clock_args,
    customer,
    desk,
    details,
    open_case,
    private_server,
    spaced,
    support,
    the_case,
    utc,
    word,
)

UNKNOWN_CASE = "case-123456789012-2026-0123456789abcdef"
UNKNOWN_AGENT = "agent-0123456789abcdef"


@pytest.fixture(scope="module")
def srv(hikeshi_bin: str, engine: str) -> Iterator[HikeshiServer]:
    with private_server(hikeshi_bin, engine) as server:
        yield server


@pytest.fixture(scope="module")
def hk(srv: HikeshiServer) -> Any:
    return desk(srv)


@pytest.fixture(scope="module")
def agent(hk: Any) -> dict:
    """An agent speaking every language with every specialty used here."""
    return hk.create_agent(
        Name="Aiko Tanaka", Email="aiko@example.com", Specialties=["compute", "databases"], Languages=["ja", "en", "ko", "zh"]
    )["Agent"]


def new_agent(hk: Any, name: str | None = None, specialties: list[str] | None = None, languages: list[str] | None = None) -> dict:
    return hk.create_agent(Name=name or unique("agent"), Specialties=specialties or ["compute"], Languages=languages or ["ja"])["Agent"]


def queue(hk: Any, **params: Any) -> list[dict]:
    return all_pages(hk.list_queue, "Cases", page_size=100, **params)[0]


def queue_ids(hk: Any, **params: Any) -> list[str]:
    return [c["CaseId"] for c in queue(hk, **params)]


def only(ids: list[str], wanted: list[str]) -> list[str]:
    """`ids` restricted to `wanted`, in the order listed."""
    return [i for i in ids if i in wanted]


# ---------------------------------------------------------------------------
# Who may call what
# ---------------------------------------------------------------------------


def test_customers_cannot_run_the_desk(srv, hk, agent):
    account = customer(srv, "business")
    case_id = open_case(support(srv, account))
    mine = desk(srv, account)
    calls = {
        "ListAgents": lambda: mine.list_agents(),
        "CreateAgent": lambda: mine.create_agent(Name="Mallory", Specialties=["compute"], Languages=["en"]),
        "UpdateAgent": lambda: mine.update_agent(AgentId=agent["AgentId"], Active=False),
        "ListQueue": lambda: mine.list_queue(),
        "AssignCase": lambda: mine.assign_case(CaseId=case_id, AgentId=agent["AgentId"]),
        "ReplyToCase": lambda: mine.reply_to_case(CaseId=case_id, AgentId=agent["AgentId"], Body="hi"),
        "ResolveCaseAsAgent": lambda: mine.resolve_case_as_agent(CaseId=case_id, AgentId=agent["AgentId"], ResolutionNote="done"),
        "PutSupportPlan": lambda: mine.put_support_plan(AccountId=account.account_id, Plan="enterprise", Language="en", TimeZone="UTC"),
        "UpdatePlanDefinition": lambda: mine.update_plan_definition(Plan="developer", BusinessHoursOnly=False),
        "PutBusinessCalendar": lambda: mine.put_business_calendar(
            Language="en", TimeZone="UTC", WeeklyHours=[{"Day": "MON", "Start": "00:00", "End": "24:00"}]
        ),
        "AddCompanyHoliday": lambda: mine.add_company_holiday(Language="ja", Date="2026-12-28", Name="mine"),
        "RemoveCompanyHoliday": lambda: mine.remove_company_holiday(Language="ja", Date="2026-12-28"),
        "SearchResolvedCases": lambda: mine.search_resolved_cases(QueryText="error"),
        "GetSupportSettings": lambda: mine.get_support_settings(),
        "PutSupportSettings": lambda: mine.put_support_settings(BreachEngagementArn=""),
    }
    for name, call in calls.items():
        with aws_error("AccessDeniedException", 403):
            call()
    # nothing changed
    assert details(hk, case_id)["Status"] == "unassigned"
    assert details(hk, case_id).get("AgentId") is None
    assert hk.get_support_plan(AccountId=account.account_id)["SupportPlan"]["Plan"] == "business"
    assert all(a["Active"] for a in all_pages(hk.list_agents, "Agents")[0] if a["AgentId"] == agent["AgentId"])
    assert "Mallory" not in [a["Name"] for a in all_pages(hk.list_agents, "Agents")[0]]


def test_what_customers_may_call(srv, hk, agent):
    account = customer(srv, "developer", "ja", "Asia/Tokyo")
    other = customer(srv, "business")
    mine = desk(srv, account)
    plan = mine.get_support_plan()
    assert plan["SupportPlan"]["AccountId"] == account.account_id
    assert plan["SupportPlan"]["Plan"] == "developer"
    assert plan["SupportPlan"]["Language"] == "ja"
    assert plan["SupportPlan"]["TimeZone"] == "Asia/Tokyo"
    assert plan["Definition"]["Plan"] == "developer"
    with aws_error("AccessDeniedException", 403):
        mine.get_support_plan(AccountId=other.account_id)
    case_id = open_case(support(srv, account))
    assert details(mine, case_id)["CaseId"] == case_id
    other_case = open_case(support(srv, other))
    with aws_error("ResourceNotFoundException", 404):
        mine.describe_case_details(CaseId=other_case)
    with aws_error("ResourceNotFoundException", 404):
        hk.describe_case_details(CaseId=UNKNOWN_CASE)
    draft = mine.check_case_draft(Body="Our instance is down. What should we do?")
    assert draft["Language"] == "en" and draft["Findings"], "a customer may ask the coach, and this draft has gaps"
    assert draft["Score"] < 100
    # the provider sees any account's plan and case
    assert hk.get_support_plan(AccountId=other.account_id)["SupportPlan"]["Plan"] == "business"
    assert details(hk, other_case)["AccountId"] == other.account_id


# ---------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------


def test_put_and_get_support_plan(srv, hk):
    account = srv.create_account()
    assert hk.get_support_plan(AccountId=account.account_id)["SupportPlan"]["Plan"] == "basic", "no plan means Basic"
    assert hk.get_support_plan(AccountId=account.account_id)["Definition"]["TechnicalCases"] is False
    put = hk.put_support_plan(AccountId=account.account_id, Plan="enterprise-on-ramp", Language="ko", TimeZone="Asia/Seoul")["SupportPlan"]
    assert put["AccountId"] == account.account_id
    assert put["Plan"] == "enterprise-on-ramp"
    assert put["Language"] == "ko"
    assert put["TimeZone"] == "Asia/Seoul"
    assert put["UpdatedAt"]
    got = hk.get_support_plan(AccountId=account.account_id)
    assert got["SupportPlan"]["Plan"] == "enterprise-on-ramp"
    assert {t["SeverityCode"]: t["FirstResponseMinutes"] for t in got["Definition"]["Targets"]}["critical"] == 30
    hk.put_support_plan(AccountId=account.account_id, Plan="developer", Language="ja", TimeZone="Asia/Tokyo")
    assert desk(srv, account).get_support_plan()["SupportPlan"]["Plan"] == "developer"


def test_put_support_plan_errors(srv, hk):
    account = srv.create_account()
    with aws_error("ResourceNotFoundException", 404):
        hk.put_support_plan(AccountId="999999999998", Plan="developer", Language="ja", TimeZone="Asia/Tokyo")
    with aws_error("ValidationException", 400, mentions="TimeZone"):
        hk.put_support_plan(AccountId=account.account_id, Plan="developer", Language="ja", TimeZone="Mars/Olympus_Mons")
    unchecked = desk(srv, parameter_validation=False)
    with aws_error("ValidationException", 400):
        unchecked.put_support_plan(AccountId=account.account_id, Plan="platinum", Language="ja", TimeZone="Asia/Tokyo")
    assert hk.get_support_plan(AccountId=account.account_id)["SupportPlan"]["Plan"] == "basic"


def test_admin_set_support_plan(srv, hk):
    account = srv.create_account()
    args = ["set-support-plan", "--account-id", account.account_id, "--plan", "business", "--language", "en", "--time-zone", "UTC"]
    result = srv.admin(*args, check=False)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["AccountId"] == account.account_id
    assert out["Plan"] == "business" and out["Language"] == "en" and out["TimeZone"] == "UTC"
    got = hk.get_support_plan(AccountId=account.account_id)["SupportPlan"]
    assert (got["Plan"], got["Language"], got["TimeZone"]) == ("business", "en", "UTC")
    # the running server applies it at once
    case_id = open_case(support(srv, account), severityCode="urgent", language="en")
    assert details(hk, case_id)["FirstResponseTargetMinutes"] == 60
    for bad in (
        ["--account-id", "999999999991", "--plan", "business"],
        ["--account-id", account.account_id, "--plan", "gold"],
        ["--account-id", account.account_id, "--plan", "developer", "--time-zone", "Mars/Olympus_Mons"],
    ):
        failed = srv.admin("set-support-plan", *bad, check=False)
        assert failed.returncode != 0, bad
        assert failed.stdout.strip() == ""
    assert hk.get_support_plan(AccountId=account.account_id)["SupportPlan"]["Plan"] == "business"


DEFAULT_TARGETS = {
    "basic": {"low": 1440, "normal": 720},
    "developer": {"low": 1440, "normal": 720},
    "business": {"low": 1440, "normal": 720, "high": 240, "urgent": 60},
    "enterprise-on-ramp": {"low": 1440, "normal": 720, "high": 240, "urgent": 60, "critical": 30},
    "enterprise": {"low": 1440, "normal": 720, "high": 240, "urgent": 60, "critical": 15},
}


def test_list_plan_definitions_defaults(srv, hk):
    definitions = {d["Plan"]: d for d in hk.list_plan_definitions()["PlanDefinitions"]}
    assert sorted(definitions) == sorted(DEFAULT_TARGETS)
    for plan, targets in DEFAULT_TARGETS.items():
        assert {t["SeverityCode"]: t["FirstResponseMinutes"] for t in definitions[plan]["Targets"]} == targets, plan
    assert definitions["basic"]["TechnicalCases"] is False
    assert definitions["developer"]["TechnicalCases"] is True
    assert definitions["developer"]["BusinessHoursOnly"] is True
    assert definitions["developer"]["CommunicationTypes"] == ["web"]
    for plan in ("business", "enterprise-on-ramp", "enterprise"):
        assert definitions[plan]["BusinessHoursOnly"] is False
        assert sorted(definitions[plan]["CommunicationTypes"]) == ["call", "chat", "web"]
    # customers may read them too
    assert desk(srv, customer(srv, "developer")).list_plan_definitions()["PlanDefinitions"]


def test_update_plan_definition_applies_to_new_cases(server_factory):
    fri = server_factory.new(serve_args=clock_args(FRIDAY_1559_JST))
    hk = desk(fri)
    client = support(fri, customer(fri, "developer", "ja"))
    before = open_case(client, severityCode="normal")
    with aws_error("ValidationException", 400, mentions="Targets"):
        hk.update_plan_definition(
            Plan="developer", Targets=[{"SeverityCode": "low", "FirstResponseMinutes": 600}, {"SeverityCode": "low", "FirstResponseMinutes": 300}]
        )
    updated = hk.update_plan_definition(
        Plan="developer", Targets=[{"SeverityCode": "low", "FirstResponseMinutes": 600}, {"SeverityCode": "normal", "FirstResponseMinutes": 300}]
    )["PlanDefinition"]
    assert {t["SeverityCode"]: t["FirstResponseMinutes"] for t in updated["Targets"]} == {"low": 600, "normal": 300}
    assert updated["BusinessHoursOnly"] is True, "fields not given are kept"
    listed = {d["Plan"]: d for d in hk.list_plan_definitions()["PlanDefinitions"]}["developer"]
    assert {t["SeverityCode"]: t["FirstResponseMinutes"] for t in listed["Targets"]} == {"low": 600, "normal": 300}
    after = open_case(client, severityCode="normal")
    new = details(hk, after)
    assert new["FirstResponseTargetMinutes"] == 300
    # Fri 15:59-18:00 is 2 h 1 min, then Tue 2026-11-24 08:00 + 2 h 59 min = 10:59 JST
    assert_due(new, "2026-11-24T01:59:00Z", FRIDAY_1559_JST)
    old = details(hk, before)
    assert old["FirstResponseTargetMinutes"] == 720, "a case keeps the target it opened with"
    assert_due(old, "2026-11-24T08:59:00Z", FRIDAY_1559_JST)
    # the targets are the plan's severities: adding one offers it to the plan's customers
    assert [lvl["code"] for lvl in client.describe_severity_levels()["severityLevels"]] == ["low", "normal"]
    with aws_error("ValidationException", 400, mentions="severityCode"):
        open_case(client, severityCode="high")
    hk.update_plan_definition(Plan="developer", Targets=[
        {"SeverityCode": "low", "FirstResponseMinutes": 600}, {"SeverityCode": "normal", "FirstResponseMinutes": 300},
        {"SeverityCode": "high", "FirstResponseMinutes": 120},
    ])
    assert [lvl["code"] for lvl in client.describe_severity_levels()["severityLevels"]] == ["low", "normal", "high"]
    assert details(hk, open_case(client, severityCode="high"))["FirstResponseTargetMinutes"] == 120


# ---------------------------------------------------------------------------
# Business calendars
# ---------------------------------------------------------------------------


def test_list_business_calendars_defaults(hk):
    calendars = {c["Language"]: c for c in hk.list_business_calendars()["BusinessCalendars"]}
    assert sorted(calendars) == ["en", "ja", "ko", "zh"]
    expected = {"ja": ("Asia/Tokyo", "JP"), "ko": ("Asia/Seoul", "KR"), "zh": ("Asia/Shanghai", "CN"), "en": ("America/Los_Angeles", "US")}
    for language, (zone, country) in expected.items():
        assert calendars[language]["TimeZone"] == zone
        assert calendars[language]["HolidayCountry"] == country
        days = [h["Day"] for h in calendars[language]["WeeklyHours"]]
        assert days == ["MON", "TUE", "WED", "THU", "FRI"], days


def test_put_business_calendar_validation(hk):
    with aws_error("ValidationException", 400, mentions="WeeklyHours"):
        hk.put_business_calendar(Language="en", TimeZone="America/Los_Angeles", WeeklyHours=[{"Day": "MON", "Start": "17:00", "End": "09:00"}])
    with aws_error("ValidationException", 400, mentions="TimeZone"):
        hk.put_business_calendar(Language="en", TimeZone="Nowhere/Special", WeeklyHours=[{"Day": "MON", "Start": "09:00", "End": "17:00"}])
    en = {c["Language"]: c for c in hk.list_business_calendars()["BusinessCalendars"]}["en"]
    assert en["TimeZone"] == "America/Los_Angeles", "a rejected calendar changes nothing"


def test_put_business_calendar_drives_due_times_and_options(server_factory):
    fri = server_factory.new(serve_args=clock_args(FRIDAY_1600_JST))
    hk = desk(fri)
    week = [{"Day": d, "Start": "09:00", "End": "17:00"} for d in ("MON", "TUE", "WED", "THU", "FRI")]
    put = hk.put_business_calendar(Language="en", TimeZone="America/New_York", WeeklyHours=week, HolidayCountry="NONE")["BusinessCalendar"]
    assert put["TimeZone"] == "America/New_York" and put["HolidayCountry"] == "NONE"
    assert put["WeeklyHours"] == week
    listed = {c["Language"]: c for c in hk.list_business_calendars()["BusinessCalendars"]}["en"]
    assert listed["WeeklyHours"] == week and listed["TimeZone"] == "America/New_York"
    client = support(fri, customer(fri, "developer", "en", "America/New_York"))
    case = details(hk, open_case(client, language="en", severityCode="normal"))
    # Fri 2026-11-20 07:00Z is 02:00 in New York: Fri 09:00-17:00 (8 h) + Mon 09:00-13:00 (4 h) = Mon 13:00 EST
    assert as_utc(case["FirstResponseDueAt"]) == utc("2026-11-23T18:00:00Z")
    assert case["TimeZone"] == "America/New_York"
    options = client.describe_create_case_options(issueType="technical", serviceCode=EC2, categoryCode=GENERAL, language="en")
    [web] = options["communicationTypes"]
    assert web["supportedHours"] == [{"startTime": "09:00 AM", "endTime": "05:00 PM"}]
    assert web["datesWithoutSupport"] == [], "HolidayCountry NONE: no public holidays (Thanksgiving stays open)"


def test_company_holidays(server_factory):
    fri = server_factory.new(serve_args=clock_args(FRIDAY_1559_JST))
    hk = desk(fri)
    client = support(fri, customer(fri, "developer", "ja"))
    added = hk.add_company_holiday(Language="ja", Date="2026-11-24", Name="Company day")["BusinessCalendar"]
    assert {"Date": "2026-11-24", "Name": "Company day"} in added["CompanyHolidays"]
    ja = {c["Language"]: c for c in hk.list_business_calendars()["BusinessCalendars"]}["ja"]
    assert ja["CompanyHolidays"] == [{"Date": "2026-11-24", "Name": "Company day"}]
    assert ja["HolidayCountry"] == "JP"
    # Fri 15:59-18:00 (2 h 1 min); Mon public holiday, Tue company holiday; Wed 08:00 + 9 h 59 min = 17:59 JST
    assert_due(details(hk, open_case(client, severityCode="normal")), "2026-11-25T08:59:00Z", FRIDAY_1559_JST)
    options = client.describe_create_case_options(issueType="technical", serviceCode=EC2, categoryCode=GENERAL, language="ja")
    closed = [d["startDateTime"] for d in options["communicationTypes"][0]["datesWithoutSupport"]]
    assert "2026-11-23T15:00:00.000Z" in closed, "the company holiday is a date without support"
    removed = hk.remove_company_holiday(Language="ja", Date="2026-11-24")["BusinessCalendar"]
    assert removed["CompanyHolidays"] == []
    assert_due(details(hk, open_case(client, severityCode="normal")), "2026-11-24T08:59:00Z", FRIDAY_1559_JST)
    with aws_error("ResourceNotFoundException", 404):
        hk.remove_company_holiday(Language="ja", Date="2026-11-24")
    with aws_error("ValidationException", 400):
        hk.add_company_holiday(Language="ja", Date="2026-02-30", Name="No such day")


# ---------------------------------------------------------------------------
# The first-response clock
# ---------------------------------------------------------------------------


def assert_due(case: dict, nominal: str, clock_start: str) -> None:
    """The due time is `nominal` for a case opened exactly at `clock_start`; a case opened during business hours a few
    seconds later is due as many seconds later."""
    created = as_utc(case["CreatedAt"])
    late = created - utc(clock_start)
    assert dt.timedelta(0) <= late < dt.timedelta(seconds=30), (case["CreatedAt"], clock_start)
    due = as_utc(case["FirstResponseDueAt"])
    expected = utc(nominal) + late
    assert abs((due - expected).total_seconds()) < 1, f"due {due}, expected {expected} ({nominal} + {late})"


def test_developer_clock_runs_on_tokyo_business_hours(server_factory):
    fri = server_factory.new(serve_args=clock_args(FRIDAY_1559_JST))
    hk = desk(fri)
    case_id = open_case(support(fri, customer(fri, "developer", "ja")), severityCode="normal")
    case = details(hk, case_id)
    assert case["Plan"] == "developer"
    assert case["BusinessHoursOnly"] is True
    assert case["FirstResponseTargetMinutes"] == 720
    assert case["TimeZone"] == "Asia/Tokyo"
    # Fri 15:59-18:00 = 2 h 1 min; Sat, Sun, Mon 11-23 (勤労感謝の日) closed; Tue 08:00 + 9 h 59 min = 17:59 JST
    assert_due(case, "2026-11-24T08:59:00Z", FRIDAY_1559_JST)
    assert 0 <= case["BusinessSecondsSpent"] < 60
    assert case.get("TargetMet") is None, "still running"
    assert case["Breached"] is False
    assert case.get("FirstResponseAt") is None
    [listed] = [c for c in queue(hk) if c["CaseId"] == case_id]
    assert listed["FirstResponseDueAt"] == case["FirstResponseDueAt"]
    assert listed["BusinessHoursOnly"] is True and listed["Plan"] == "developer"


def test_a_due_time_past_closing_rolls_to_the_next_business_morning(server_factory):
    """Opened at Fri 16:00 plus the few milliseconds it takes to open: 12 business hours end a moment after Tuesday's
    18:00 close, so the first response is due at Wednesday's opening plus that moment."""
    fri = server_factory.new(serve_args=clock_args(FRIDAY_1600_JST))
    case = details(desk(fri), open_case(support(fri, customer(fri, "developer", "ja")), severityCode="normal"))
    late = as_utc(case["CreatedAt"]) - utc(FRIDAY_1600_JST)
    assert dt.timedelta(0) < late < dt.timedelta(seconds=30)
    due = as_utc(case["FirstResponseDueAt"])
    assert abs((due - (utc("2026-11-24T23:00:00Z") + late)).total_seconds()) < 0.01, due


def test_business_urgent_clock_is_round_the_clock(server_factory):
    fri = server_factory.new(serve_args=clock_args(FRIDAY_1600_JST))
    hk = desk(fri)
    case = details(hk, open_case(support(fri, customer(fri, "business", "ja")), severityCode="urgent"))
    assert case["Plan"] == "business"
    assert case["BusinessHoursOnly"] is False
    assert case["FirstResponseTargetMinutes"] == 60
    assert abs((as_utc(case["FirstResponseDueAt"]) - as_utc(case["CreatedAt"])).total_seconds() - 3600) < 1
    assert_due(case, "2026-11-20T08:00:00Z", FRIDAY_1600_JST)


def test_weekend_case_waits_for_tuesday(server_factory):
    sat = server_factory.new(serve_args=clock_args(SATURDAY_1000_JST))
    hk = desk(sat)
    case_id = open_case(support(sat, customer(sat, "developer", "ja")), severityCode="low")
    case = details(hk, case_id)
    # closed until Tue 08:00 (Mon is a holiday); 24 business hours: Tue 10 h, Wed 10 h, Thu 4 h = Thu 12:00 JST
    assert as_utc(case["FirstResponseDueAt"]) == utc("2026-11-26T03:00:00Z")
    assert case["BusinessSecondsSpent"] == 0
    assert details(hk, case_id)["BusinessSecondsSpent"] == 0, "the clock does not run on a Saturday"


def test_business_time_stops_at_closing_time(server_factory):
    """At --time-scale 3600 (a domain hour per real second) from Fri 16:00 JST: a Developer case's clock runs until
    18:00 and then stands still, while a Business urgent case's round-the-clock timer keeps going, passes its
    60-minute target and shows as breached even with nobody set up to be paged."""
    fast = server_factory.new(serve_args=clock_args(FRIDAY_1600_JST, 3600))
    hk = desk(fast)
    developer = details(hk, open_case(support(fast, customer(fast, "developer", "ja")), severityCode="normal"))
    business = details(hk, open_case(support(fast, customer(fast, "business", "ja")), severityCode="urgent"))
    closing = utc("2026-11-20T09:00:00Z")
    until_closing = (closing - as_utc(developer["CreatedAt"])).total_seconds()
    assert 0 < until_closing <= 7200, f"the case should open before 18:00 JST, opened {developer['CreatedAt']}"
    # the Business case's timer shows the domain time: wait until it is five minutes past 18:00 JST
    # (and past its 60-minute due time: on a slow start the case may open shortly before 18:00)
    past_closing = max((closing - as_utc(business["CreatedAt"])).total_seconds() + 300, 3600 + 300)
    wait_until(lambda: details(hk, business["CaseId"])["BusinessSecondsSpent"] >= past_closing, timeout=15, interval=0.05,
               message="the domain clock to pass 18:05 JST")
    spent = details(hk, developer["CaseId"])["BusinessSecondsSpent"]
    assert abs(spent - until_closing) <= 1, (spent, until_closing)
    assert details(hk, developer["CaseId"]).get("TargetMet") is None
    late = details(hk, business["CaseId"])
    assert late.get("TargetMet") is False, late
    assert late["Breached"] is True


def test_first_agent_reply_stops_the_clock(server_factory):
    fri = server_factory.new(serve_args=clock_args(FRIDAY_1600_JST))
    hk = desk(fri)
    agent = new_agent(hk)
    case_id = open_case(support(fri, customer(fri, "developer", "ja")), severityCode="normal")
    replied = hk.reply_to_case(CaseId=case_id, AgentId=agent["AgentId"], Body="確認します。")["Case"]
    assert replied["FirstResponseAt"]
    assert replied["TargetMet"] is True
    assert replied["Breached"] is False
    first = as_utc(replied["FirstResponseAt"])
    spent = replied["BusinessSecondsSpent"]
    hk.reply_to_case(CaseId=case_id, AgentId=agent["AgentId"], Body="追加の情報です。")
    again = details(hk, case_id)
    assert as_utc(again["FirstResponseAt"]) == first, "only the first reply counts"
    assert again["BusinessSecondsSpent"] == spent
    assert again["TargetMet"] is True


def make_breach_contact(fri: HikeshiServer) -> str:
    contacts = fri.client()
    return contacts.create_contact(Alias=unique("support-oncall"), DisplayName="Support on call", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]


def engagements_for(fri: HikeshiServer, contact: str) -> list[dict]:
    return [e for e in all_pages(fri.client().list_engagements, "Engagements")[0] if e["ContactArn"] == contact]


def test_breach_pages_the_on_call_contact(server_factory):
    fast = server_factory.new(serve_args=clock_args(FRIDAY_1600_JST, 3600))
    hk = desk(fast)
    contact = make_breach_contact(fast)
    assert hk.put_support_settings(BreachEngagementArn=contact)["SupportSettings"]["BreachEngagementArn"] == contact
    assert hk.get_support_settings()["SupportSettings"]["BreachEngagementArn"] == contact
    agent = new_agent(hk)
    client = support(fast, customer(fast, "business", "ja"))
    answered = open_case(client, severityCode="urgent", subject="answered in time")
    hk.reply_to_case(CaseId=answered, AgentId=agent["AgentId"], Body="Looking now.")
    withdrawn = open_case(client, severityCode="urgent", subject="resolved by the customer")
    client.resolve_case(caseId=withdrawn)
    late = open_case(client, severityCode="urgent", subject="nobody answers")
    display = details(hk, late)["DisplayId"]
    # due one domain hour later = about one real second
    [engagement] = wait_until(lambda: engagements_for(fast, contact), timeout=15, message="the breach engagement")
    assert engagement["Sender"] == "hikeshi-support"
    described = fast.client().describe_engagement(EngagementId=engagement["EngagementArn"])
    assert display in described["Subject"] + described["Content"]
    case = details(hk, late)
    assert case["Breached"] is True
    assert case["TargetMet"] is False
    assert case.get("FirstResponseAt") is None
    ok = details(hk, answered)
    assert ok["Breached"] is False and ok["TargetMet"] is True
    assert len(engagements_for(fast, contact)) == 1, "the answered and the resolved case page nobody"


def test_a_case_resolved_before_its_due_time_is_not_breached(server_factory):
    fast = server_factory.new(serve_args=clock_args(FRIDAY_1600_JST, 3600))
    hk = desk(fast)
    client = support(fast, customer(fast, "business", "en", "UTC"))
    withdrawn = open_case(client, severityCode="urgent", language="en", subject="never mind")
    client.resolve_case(caseId=withdrawn)
    resolved_at = details(hk, withdrawn)
    assert resolved_at["Status"] == "resolved"
    unanswered = open_case(client, severityCode="urgent", language="en", subject="still waiting")
    # the unanswered twin, opened later, is past its 60-minute target: so is the resolved case's due time
    wait_until(lambda: details(hk, unanswered)["BusinessSecondsSpent"] >= 65 * 60, timeout=15, interval=0.05,
               message="65 domain minutes to pass")
    assert details(hk, unanswered)["Breached"] is True
    case = details(hk, withdrawn)
    assert case["Breached"] is False, "resolved within its target: no breach"
    assert case.get("TargetMet") is None, "no reply and resolved before the due time: no verdict"
    assert case["BusinessSecondsSpent"] < 3600, "the clock stopped when the case was resolved"


def test_breach_check_survives_a_crash(server_factory):
    fast = server_factory.new(serve_args=clock_args(FRIDAY_1600_JST, 3600))
    hk = desk(fast)
    contact = make_breach_contact(fast)
    hk.put_support_settings(BreachEngagementArn=contact)
    account = customer(fast, "business", "en", "UTC")
    case_id = open_case(support(fast, account), severityCode="urgent", language="en")
    fast.kill()
    fast.restart()
    wait_until(lambda: engagements_for(fast, contact), timeout=15, message="the breach engagement after a restart")
    assert details(desk(fast), case_id)["Breached"] is True
    assert len(engagements_for(fast, contact)) == 1


def test_support_settings_need_a_contact_of_the_provider(srv, hk):
    with aws_error("ValidationException", 400, mentions="BreachEngagementArn"):
        hk.put_support_settings(BreachEngagementArn="arn:aws:sns:us-east-1:111111111111:not-a-contact")
    with aws_error("ValidationException", 400, mentions="BreachEngagementArn"):
        hk.put_support_settings(BreachEngagementArn="arn:aws:ssm-contacts:us-east-1:111111111111:contact/nobody-here")
    stranger = srv.create_account()
    theirs = srv.client(account=stranger).create_contact(Alias=unique("theirs"), DisplayName="Theirs", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    with aws_error("ValidationException", 400, mentions="BreachEngagementArn"):
        hk.put_support_settings(BreachEngagementArn=theirs)
    assert not hk.get_support_settings()["SupportSettings"].get("BreachEngagementArn")


# ---------------------------------------------------------------------------
# Agents
# ---------------------------------------------------------------------------


def test_create_update_and_list_agents(srv, hk):
    created = hk.create_agent(Name="Min-jun Kim", Email="minjun@example.com", Specialties=["networking", "compute"], Languages=["ko", "en"])["Agent"]
    assert re.fullmatch(AGENT_ID_RE, created["AgentId"]), created["AgentId"]
    assert created["Name"] == "Min-jun Kim"
    assert created["Email"] == "minjun@example.com"
    assert sorted(created["Specialties"]) == ["compute", "networking"]
    assert sorted(created["Languages"]) == ["en", "ko"]
    assert created["Active"] is True
    assert created["CreatedAt"]
    updated = hk.update_agent(AgentId=created["AgentId"], Name="Minjun Kim", Languages=["ko"])["Agent"]
    assert updated["Name"] == "Minjun Kim" and updated["Languages"] == ["ko"]
    assert sorted(updated["Specialties"]) == ["compute", "networking"], "fields not given are kept"
    more = [new_agent(hk) for _ in range(3)]
    agents, sizes = all_pages(hk.list_agents, "Agents", page_size=2)
    assert all(size <= 2 for size in sizes) and len(sizes) >= 3
    ids = [a["AgentId"] for a in agents]
    assert len(ids) == len(set(ids)), "each agent once"
    for agent in [updated, *more]:
        assert agent["AgentId"] in ids
    assert next(a for a in agents if a["AgentId"] == created["AgentId"])["Name"] == "Minjun Kim"
    with aws_error("ResourceNotFoundException", 404):
        hk.update_agent(AgentId=UNKNOWN_AGENT, Name="Nobody")
    unchecked = desk(srv, parameter_validation=False)
    with aws_error("ValidationException", 400, mentions="Languages"):
        unchecked.create_agent(Name="No languages", Specialties=["compute"], Languages=[])
    with aws_error("ValidationException", 400, mentions="Specialties"):
        unchecked.create_agent(Name="Cook", Specialties=["cooking"], Languages=["en"])


def test_inactive_agents_cannot_take_cases(srv, hk):
    agent = new_agent(hk)
    case_id = open_case(support(srv, customer(srv, "developer")))
    assert hk.update_agent(AgentId=agent["AgentId"], Active=False)["Agent"]["Active"] is False
    with aws_error("ConflictException", 409):
        hk.assign_case(CaseId=case_id, AgentId=agent["AgentId"])
    assert details(hk, case_id).get("AgentId") is None
    with aws_error("ResourceNotFoundException", 404):
        hk.assign_case(CaseId=case_id, AgentId=UNKNOWN_AGENT)
    hk.update_agent(AgentId=agent["AgentId"], Active=True)
    assert hk.assign_case(CaseId=case_id, AgentId=agent["AgentId"])["Case"]["AgentId"] == agent["AgentId"]


# ---------------------------------------------------------------------------
# The queue
# ---------------------------------------------------------------------------


def test_queue_is_earliest_due_first(srv, hk):
    client = support(srv, customer(srv, "business", "zh", "Asia/Shanghai"))
    normal = open_case(client, severityCode="normal", language="zh")
    urgent = open_case(client, severityCode="urgent", language="zh")
    high = open_case(client, severityCode="high", language="zh")
    mine = [normal, urgent, high]
    assert only(queue_ids(hk), mine) == [urgent, high, normal]
    listed = [c for c in queue(hk, Language="zh") if c["CaseId"] in mine]
    assert [c["CaseId"] for c in listed] == [urgent, high, normal]
    dues = [as_utc(c["FirstResponseDueAt"]) for c in listed]
    assert dues == sorted(dues)


def test_queue_filters_by_agent_language_and_specialty(srv, hk):
    ja_client = support(srv, customer(srv, "developer", "ja"))
    ko_client = support(srv, customer(srv, "developer", "ko", "Asia/Seoul"))
    ja_ec2 = open_case(ja_client, language="ja")
    ko_ec2 = open_case(ko_client, language="ko")
    ja_rds = open_case(ja_client, language="ja", serviceCode=RDS)
    mine = [ja_ec2, ko_ec2, ja_rds]
    korean = new_agent(hk, specialties=["compute", "databases"], languages=["ko"])
    seen = only(queue_ids(hk, AgentId=korean["AgentId"]), mine)
    assert seen == [ko_ec2], "a Korean-speaking agent sees Korean cases only"
    dba = new_agent(hk, specialties=["databases"], languages=["ja", "ko"])
    assert only(queue_ids(hk, AgentId=dba["AgentId"]), mine) == [ja_rds]
    assert sorted(only(queue_ids(hk, Specialty="compute"), mine)) == sorted([ja_ec2, ko_ec2])
    assert only(queue_ids(hk, Specialty="databases"), mine) == [ja_rds]
    assert sorted(only(queue_ids(hk, Language="ja"), mine)) == sorted([ja_ec2, ja_rds])
    assert sorted(only(queue_ids(hk, ServiceCode=EC2), mine)) == sorted([ja_ec2, ko_ec2])
    assert only(queue_ids(hk, ServiceCode=RDS, Language="ja"), mine) == [ja_rds]
    connectivity = open_case(ja_client, language="ja", categoryCode="connectivity")
    assert only(queue_ids(hk, CategoryCode="connectivity"), mine + [connectivity]) == [connectivity]
    with aws_error("ResourceNotFoundException", 404):
        hk.list_queue(AgentId=UNKNOWN_AGENT)
    assert details(hk, ja_rds)["Specialty"] == "databases"
    assert details(hk, ja_ec2)["Specialty"] == "compute"


def test_queue_hides_assigned_and_resolved_cases(srv, hk, agent):
    client = support(srv, customer(srv, "developer", "ja"))
    waiting = open_case(client)
    taken = open_case(client)
    done = open_case(client)
    mine = [waiting, taken, done]
    assigned = hk.assign_case(CaseId=taken, AgentId=agent["AgentId"])["Case"]
    assert assigned["Status"] == "opened"
    assert assigned["AgentId"] == agent["AgentId"]
    client.resolve_case(caseId=done)
    assert only(queue_ids(hk), mine) == [waiting]
    assert sorted(only(queue_ids(hk, IncludeAssigned=True), mine)) == sorted([waiting, taken])
    # paging the queue returns every case once
    items, sizes = all_pages(hk.list_queue, "Cases", page_size=2, IncludeAssigned=True)
    ids = [c["CaseId"] for c in items]
    assert len(ids) == len(set(ids)) and all(s <= 2 for s in sizes)
    assert set(ids) >= {waiting, taken}


# ---------------------------------------------------------------------------
# The case workflow
# ---------------------------------------------------------------------------


def test_assign_reply_request_information_and_resolve(srv, hk, agent):
    account = customer(srv, "developer", "ja")
    client = support(srv, account)
    case_id = open_case(client, communicationBody="Our instance stopped answering. What can we check?")
    with aws_error("ResourceNotFoundException", 404):
        hk.assign_case(CaseId=UNKNOWN_CASE, AgentId=agent["AgentId"])
    assert hk.assign_case(CaseId=case_id, AgentId=agent["AgentId"])["Case"]["Status"] == "opened"
    assert the_case(client, case_id)["status"] == "opened"

    spaced()
    reply = hk.reply_to_case(CaseId=case_id, AgentId=agent["AgentId"], Body="Please check the system log.")["Case"]
    assert reply["Status"] == "work-in-progress"
    assert the_case(client, case_id)["status"] == "work-in-progress"
    newest = client.describe_communications(caseId=case_id)["communications"][0]
    assert newest["body"] == "Please check the system log."
    assert newest["submittedBy"] == agent["Name"]

    asked = hk.reply_to_case(CaseId=case_id, AgentId=agent["AgentId"], Body="Can you send the instance id?", RequestInformation=True)["Case"]
    assert asked["Status"] == "pending-customer-action"
    assert the_case(client, case_id)["status"] == "pending-customer-action"
    client.add_communication_to_case(caseId=case_id, communicationBody="It is i-0abc1234def567890.")
    assert the_case(client, case_id)["status"] == "customer-action-completed"

    resolved = hk.resolve_case_as_agent(CaseId=case_id, AgentId=agent["AgentId"], ResolutionNote="The host was replaced; stop and start the instance.")["Case"]
    assert resolved["Status"] == "resolved"
    assert resolved["ResolutionNote"] == "The host was replaced; stop and start the instance."
    assert resolved["ResolvedAt"]
    assert the_case(client, case_id)["status"] == "resolved"
    assert case_id not in [c["caseId"] for c in client.describe_cases()["cases"]]
    with aws_error("ConflictException", 409):
        hk.reply_to_case(CaseId=case_id, AgentId=agent["AgentId"], Body="One more thing")
    with aws_error("ConflictException", 409):
        hk.resolve_case_as_agent(CaseId=case_id, AgentId=agent["AgentId"], ResolutionNote="again")
    with aws_error("ResourceNotFoundException", 404):
        hk.reply_to_case(CaseId=UNKNOWN_CASE, AgentId=agent["AgentId"], Body="hello")


def test_reply_assigns_an_unassigned_case(srv, hk, agent):
    client = support(srv, customer(srv, "developer", "ja"))
    case_id = open_case(client)
    case = hk.reply_to_case(CaseId=case_id, AgentId=agent["AgentId"], Body="Hello")["Case"]
    assert case["AgentId"] == agent["AgentId"]
    assert case_id not in queue_ids(hk)


def test_search_resolved_cases(srv, hk, agent):
    client = support(srv, customer(srv, "business", "en", "UTC"))
    marker = word()
    solved = open_case(client, language="en", subject=f"StatusCheckFailed_System on our web server {marker}",
                       communicationBody=f"Instance i-0abc1234def567890 reports StatusCheckFailed_System. {marker}")
    hk.resolve_case_as_agent(CaseId=solved, AgentId=agent["AgentId"], ResolutionNote="Stop and start the instance to move it to a healthy host.")
    open_marker = word()
    unsolved = open_case(client, language="en", communicationBody=f"StatusCheckFailed_System again {open_marker}")
    results = hk.search_resolved_cases(QueryText="StatusCheckFailed_System")["Results"]
    hit = next(r for r in results if r["CaseId"] == solved)
    assert hit["Score"] > 0
    assert hit["ResolutionNote"] == "Stop and start the instance to move it to a healthy host."
    assert hit["DisplayId"] == details(hk, solved)["DisplayId"]
    assert hit["ServiceCode"] == EC2 and hit["Language"] == "en"
    assert unsolved not in [r["CaseId"] for r in results], "unresolved cases are never found"
    assert [r["CaseId"] for r in hk.search_resolved_cases(QueryText=f"StatusCheckFailed_System {marker}")["Results"]] == [solved]
    assert hk.search_resolved_cases(QueryText=open_marker)["Results"] == []
    assert hk.search_resolved_cases(QueryText=word())["Results"] == []
    assert [r["CaseId"] for r in hk.search_resolved_cases(QueryText=marker, Language="en", ServiceCode=EC2)["Results"]] == [solved]
    assert hk.search_resolved_cases(QueryText=marker, Language="ja")["Results"] == []
    # a customer's reply reopens the case: it leaves the knowledge search until resolved again
    client.add_communication_to_case(caseId=solved, communicationBody="It happened again.")
    assert hk.search_resolved_cases(QueryText=marker)["Results"] == []
    client.resolve_case(caseId=solved)
    assert [r["CaseId"] for r in hk.search_resolved_cases(QueryText=marker)["Results"]] == [solved]


def test_every_message_is_searchable_even_when_sent_at_once(srv, hk, agent):
    client = support(srv, customer(srv, "developer", "ja"))
    for _ in range(2):
        case_id = open_case(client)
        words = [word() for _ in range(6)]
        assert at_once(lambda i: client.add_communication_to_case(caseId=case_id, communicationBody=f"detail {words[i]}")["result"], 6) == [True] * 6
        assert len(client.describe_communications(caseId=case_id)["communications"]) == 7
        hk.resolve_case_as_agent(CaseId=case_id, AgentId=agent["AgentId"], ResolutionNote="Done.")
        missing = [w for w in words if [r["CaseId"] for r in hk.search_resolved_cases(QueryText=w)["Results"]] != [case_id]]
        assert missing == [], f"{len(missing)} of 6 messages are not found by the knowledge search"


def test_search_resolved_cases_in_japanese(srv, hk, agent):
    client = support(srv, customer(srv, "developer", "ja"))
    marker = word()
    case_id = open_case(client, subject=f"ステータスチェックが失敗する {marker}", communicationBody="インスタンスのシステムステータスチェックが失敗しています。どうすればよいですか？")
    hk.resolve_case_as_agent(CaseId=case_id, AgentId=agent["AgentId"], ResolutionNote="インスタンスを停止して起動し、別のホストに移してください。")
    results = hk.search_resolved_cases(QueryText="システムステータスチェック", Language="ja")["Results"]
    hit = next(r for r in results if r["CaseId"] == case_id)
    assert hit["Score"] > 0 and hit["Language"] == "ja"
    assert [r["CaseId"] for r in hk.search_resolved_cases(QueryText=f"別のホスト {marker}")["Results"]] == [case_id]


def test_case_details_communications_and_coach(srv, hk, agent):
    client = support(srv, customer(srv, "developer", "en", "UTC"))
    case_id = open_case(client, language="en", subject="Help", communicationBody="it does not work")
    spaced()
    hk.reply_to_case(CaseId=case_id, AgentId=agent["AgentId"], Body="Which instance?")
    spaced()
    client.add_communication_to_case(caseId=case_id, communicationBody="i-0abc1234def567890")
    case = details(hk, case_id)
    communications = case["Communications"]
    assert [c["Author"] for c in communications] == ["customer", "agent", "customer"]
    assert [c["Body"] for c in communications] == ["it does not work", "Which instance?", "i-0abc1234def567890"]
    assert all(c["CommunicationId"] and c["CreatedAt"] for c in communications)
    assert len({c["CommunicationId"] for c in communications}) == 3
    assert communications[1]["SubmittedBy"] == agent["Name"]
    assert case["Coach"], "a vague first message gets advice"
    assert all(f["Code"] and f["Kind"] and f["Message"] for f in case["Coach"])
    assert case["SubmittedBy"]
    assert case["AccountId"] == case_id.split("-")[1]


def test_rate_an_agent_reply(srv, hk, agent):
    account = customer(srv, "developer", "en", "UTC")
    client = support(srv, account)
    mine = desk(srv, account)
    case_id = open_case(client, language="en")
    spaced()
    hk.reply_to_case(CaseId=case_id, AgentId=agent["AgentId"], Body="Here is the answer.")
    customer_message, agent_reply = details(mine, case_id)["Communications"]
    assert agent_reply["Author"] == "agent"
    mine.rate_communication(CaseId=case_id, CommunicationId=agent_reply["CommunicationId"], Rating=5, Comment="Spot on")
    rated = {c["CommunicationId"]: c.get("Rating") for c in details(hk, case_id)["Communications"]}
    assert rated == {customer_message["CommunicationId"]: None, agent_reply["CommunicationId"]: 5}
    mine.rate_communication(CaseId=case_id, CommunicationId=agent_reply["CommunicationId"], Rating=3)
    assert details(mine, case_id)["Communications"][1]["Rating"] == 3, "a new rating replaces the old one"
    with aws_error("ConflictException", 409):
        mine.rate_communication(CaseId=case_id, CommunicationId=customer_message["CommunicationId"], Rating=4)
    with aws_error("ResourceNotFoundException", 404):
        mine.rate_communication(CaseId=case_id, CommunicationId="comm-00000000000000000000", Rating=4)
    unchecked = desk(srv, account, parameter_validation=False)
    for rating in (0, 6):
        with aws_error("ValidationException", 400, mentions="Rating"):
            unchecked.rate_communication(CaseId=case_id, CommunicationId=agent_reply["CommunicationId"], Rating=rating)
    assert details(mine, case_id)["Communications"][1]["Rating"] == 3
    stranger = desk(srv, customer(srv, "developer"))
    with aws_error("ResourceNotFoundException", 404):
        stranger.rate_communication(CaseId=case_id, CommunicationId=agent_reply["CommunicationId"], Rating=1)


def test_survey_opens_when_the_case_is_resolved(srv, hk, agent):
    account = customer(srv, "developer", "ja")
    mine = desk(srv, account)
    case_id = open_case(support(srv, account))
    with aws_error("ConflictException", 409):
        mine.submit_case_survey(CaseId=case_id, Rating=5, Comment="early")
    hk.resolve_case_as_agent(CaseId=case_id, AgentId=agent["AgentId"], ResolutionNote="Fixed.")
    mine.submit_case_survey(CaseId=case_id, Rating=4, Comment="とても助かりました")
    case = details(hk, case_id)
    assert case["SurveyRating"] == 4
    assert case["SurveyComment"] == "とても助かりました"
    with aws_error("ResourceNotFoundException", 404):
        desk(srv, customer(srv, "developer")).submit_case_survey(CaseId=case_id, Rating=1)
    unchecked = desk(srv, account, parameter_validation=False)
    for rating in (0, 6):
        with aws_error("ValidationException", 400, mentions="Rating"):
            unchecked.submit_case_survey(CaseId=case_id, Rating=rating)
    assert details(hk, case_id)["SurveyRating"] == 4


def test_raise_case_severity_opens_a_new_case(srv, hk):
    account = customer(srv, "business", "en", "UTC")
    mine = desk(srv, account)
    client = support(srv, account)
    old_id = open_case(client, language="en", severityCode="normal", subject="Database slow")
    raised = mine.raise_case_severity(CaseId=old_id, SeverityCode="urgent", Reason="Checkout is now failing")["Case"]
    assert raised["CaseId"] != old_id
    assert raised["SeverityCode"] == "urgent"
    assert raised["SupersedesCaseId"] == old_id
    assert raised["Subject"] == "Database slow"
    assert raised["FirstResponseTargetMinutes"] == 60
    old = details(mine, old_id)
    assert old["SeverityCode"] == "normal", "the old case keeps its severity"
    assert old["SupersededByCaseId"] == raised["CaseId"]
    system = [c for c in old["Communications"] if c["Author"] == "system"]
    assert system and raised["DisplayId"] in system[-1]["Body"]
    with aws_error("ConflictException", 409):
        mine.rate_communication(CaseId=old_id, CommunicationId=system[-1]["CommunicationId"], Rating=5)
    assert the_case(client, raised["CaseId"])["severityCode"] == "urgent"
    # lower or equal severities are not raises
    other = open_case(client, language="en", severityCode="high")
    for severity in ("high", "normal", "low"):
        with aws_error("ValidationException", 400, mentions="SeverityCode"):
            mine.raise_case_severity(CaseId=other, SeverityCode=severity)
    # another account's case
    with aws_error("ResourceNotFoundException", 404):
        desk(srv, customer(srv, "business")).raise_case_severity(CaseId=other, SeverityCode="urgent")
    # a case is raised once; a resolved case is not raised
    with aws_error("ConflictException", 409):
        mine.raise_case_severity(CaseId=old_id, SeverityCode="urgent")
    client.resolve_case(caseId=other)
    with aws_error("ConflictException", 409):
        mine.raise_case_severity(CaseId=other, SeverityCode="urgent")


def test_a_case_is_raised_once_even_when_asked_at_once(srv):
    account = customer(srv, "business", "en", "UTC")
    client = support(srv, account)
    mine = desk(srv, account)
    for _ in range(2):
        old_id = open_case(client, severityCode="normal", language="en")
        outcomes = at_once(lambda _: mine.raise_case_severity(CaseId=old_id, SeverityCode="urgent")["Case"]["CaseId"], 6)
        raised = [o for o in outcomes if o.startswith("case-")]
        assert len(raised) == 1, outcomes
        assert sorted(o for o in outcomes if not o.startswith("case-")) == ["ConflictException"] * 5
        assert details(mine, old_id)["SupersededByCaseId"] == raised[0]
        assert [c["SupersedesCaseId"] for c in queue_of(srv, account) if c.get("SupersedesCaseId") == old_id] == [old_id]


def test_a_case_is_resolved_once_even_when_asked_at_once(srv, hk, agent):
    client = support(srv, customer(srv, "developer", "ja"))
    for _ in range(2):
        case_id = open_case(client)
        outcomes = at_once(
            lambda i: hk.resolve_case_as_agent(CaseId=case_id, AgentId=agent["AgentId"], ResolutionNote=f"note {i}")["Case"]["Status"], 6
        )
        messages = [c for c in details(hk, case_id)["Communications"] if c["Author"] == "agent"]
        assert len(messages) == 1, f"{len(messages)} resolution messages; outcomes {outcomes}"
        assert sorted(outcomes) == ["ConflictException"] * 5 + ["resolved"], outcomes


def queue_of(srv: HikeshiServer, account: Any) -> list[dict]:
    """The provider's view of every unresolved case of `account` (queue, assigned or not)."""
    return [c for c in queue(desk(srv), IncludeAssigned=True) if c["AccountId"] == account.account_id]


def test_raise_beyond_the_plan_is_refused(srv):
    account = customer(srv, "developer", "ja")
    case_id = open_case(support(srv, account), severityCode="low")
    with aws_error("ValidationException", 400):
        desk(srv, account).raise_case_severity(CaseId=case_id, SeverityCode="urgent")
    normal = desk(srv, account).raise_case_severity(CaseId=case_id, SeverityCode="normal")["Case"]
    assert normal["SeverityCode"] == "normal" and normal["SupersedesCaseId"] == case_id


# ---------------------------------------------------------------------------
# The case-quality coach
# ---------------------------------------------------------------------------

GOOD_EN = (
    "EC2 instance i-0abc1234def567890 in us-east-1 fails its status check",
    'Since 2026-11-20 09:00 UTC our instance i-0abc1234def567890 in us-east-1 shows the error message "Instance reachability '
    'check failed" and is still failing now. We tried rebooting and stopping/starting it, but it still fails. Our goal is to '
    "get the web server back online. Could you tell us whether the underlying host has a problem?",
)

DRAFTS = {
    "en": ("urgent help", "help it's broken"),
    "ja": ("緊急", "サーバーが応答しない"),
    "ko": ("긴급", "서버가 응답하지 않습니다"),
    "zh": ("紧急", "服务器无响应"),
}


def test_good_draft_scores_higher_than_a_vague_one(hk):
    good = hk.check_case_draft(Subject=GOOD_EN[0], Body=GOOD_EN[1], Language="en")
    vague = hk.check_case_draft(Subject="help", Body="help it's broken", Language="en")
    assert good["Score"] > vague["Score"]
    assert 0 <= vague["Score"] <= 100 and 0 <= good["Score"] <= 100
    assert vague["Findings"] and good["Language"] == "en"
    vague_codes = {f["Code"] for f in vague["Findings"]}
    good_codes = {f["Code"] for f in good["Findings"]}
    assert "no-question" in vague_codes and "no-question" not in good_codes
    assert "no-region" in vague_codes and "no-region" not in good_codes


@pytest.mark.parametrize("language", ["en", "ja", "ko", "zh"])
def test_draft_coach_speaks_the_drafts_language(hk, language):
    subject, body = DRAFTS[language]
    report = hk.check_case_draft(Subject=subject, Body=body, Language=language)
    assert report["Language"] == language
    assert report["Findings"], report
    for finding in report["Findings"]:
        assert finding["Code"] and finding["Kind"] and finding["Message"]
    codes = {f["Code"] for f in report["Findings"]}
    assert "urgent-in-subject" in codes
    messages = " ".join(f["Message"] for f in report["Findings"])
    script = {"en": r"^[\x00-\x7f“”‘’—–…]*$", "ja": r"[\u3040-\u30ff]", "ko": r"[\uac00-\ud7a3]", "zh": r"[\u4e00-\u9fff]"}[language]
    assert re.search(script, messages), messages
    if language == "zh":
        assert not re.search(r"[\u3040-\u30ff\uac00-\ud7a3]", messages)


def test_draft_coach_knows_common_errors(hk):
    report = hk.check_case_draft(
        Subject="Instance down", Body="Our instance i-0abc1234def567890 in ap-northeast-1 shows StatusCheckFailed_System.", Language="ja"
    )
    known = [f for f in report["Findings"] if f["Code"].startswith("known-answer.")]
    assert known, report["Findings"]
    assert re.search(r"[\u3040-\u30ff]", known[0]["Message"]), "Japanese advice for a Japanese draft"
    plain = hk.check_case_draft(Subject="Question", Body="How do I pick an instance type for a web server?", Language="en")
    assert not [f for f in plain["Findings"] if f["Code"].startswith("known-answer.")]
    calm = hk.check_case_draft(Subject="Instance question", Body="How do I pick an instance type?", Language="en")
    assert "urgent-in-subject" not in {f["Code"] for f in calm["Findings"]}


def test_findings_quote_the_words_that_raised_them(srv, hk):
    body = "At 10:15 our instance failed with an error and the login password is Xk9#mP2v!qLw. Why?"
    report = hk.check_case_draft(Subject="至急 instance down", Body=body, Language="en")
    evidence = {f["Code"]: f.get("Evidence", []) for f in report["Findings"]}
    assert evidence["time-without-zone"] == ["10:15"]
    assert evidence["urgent-in-subject"] == ["至急"]
    assert "instance" in evidence["resource-without-id"]
    assert evidence["sensitive-data"] and all("Xk9#mP2v!qLw" not in word and len(word) <= 5 for word in evidence["sensitive-data"])
    assert evidence["no-goal"] == [], "a finding about the whole draft quotes nothing"
    # The case keeps the findings it was opened with, evidence included.
    client = support(srv, customer(srv, "developer", "en", "UTC"))
    case_id = open_case(client, language="en", subject="Help", communicationBody="At 10:15 the instance failed. Why?")
    stored = {f["Code"]: f.get("Evidence") for f in details(hk, case_id)["Coach"]}
    assert stored["time-without-zone"] == ["10:15"]


def test_draft_language_defaults_to_english(srv, hk):
    report = hk.check_case_draft(Body="help it's broken")
    assert report["Language"] == "en"
    assert all(re.fullmatch(r"[\x00-\x7f“”‘’—–…]*", f["Message"]) for f in report["Findings"]), report["Findings"]
    unchecked = desk(srv, parameter_validation=False)
    with aws_error("ValidationException", 400, mentions="Language"):
        unchecked.check_case_draft(Body="help", Language="fr")
    with aws_error("ValidationException", 400, mentions="Body"):
        unchecked.check_case_draft(Body="")


def test_case_coach_through_the_aws_cli(srv):
    report = srv.aws("hikeshi", "check-case-draft", "--body", "サーバーが応答しない", "--language", "ja")
    assert report["Language"] == "ja"
    assert isinstance(report["Score"], int)
    assert report["Findings"] and all(re.search(r"[\u3040-\u30ff]", f["Message"]) for f in report["Findings"])


# Desk reports
# ---------------------------------------------------------------------------


def support_cli(server: HikeshiServer, *args: str) -> str:
    """Runs `hikeshi support ARGS` against the server's storage; stdout as written (CSV keeps its CRLF)."""
    result = subprocess.run(
        [str(server.binary), "support", *args, *server.storage_args], capture_output=True, timeout=60, env=clean_env(),
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def test_desk_report_through_the_api_and_the_cli(server_factory):
    """On a server whose clock starts Friday 16:00 JST: a Business urgent case answered at once (met), a Developer
    case answered at once (met, in business time), and an unanswered one still inside its target (pending); a
    rating; then the report by month in Tokyo time, by range, as CSV from the command line, and its refusals."""
    fri = server_factory.new(serve_args=clock_args(FRIDAY_1600_JST))
    hk = desk(fri)
    agent = new_agent(hk)
    business = customer(fri, "business", "ja")
    urgent = open_case(support(fri, business), severityCode="urgent")
    developer = open_case(support(fri, customer(fri, "developer", "ja")), severityCode="normal")
    waiting = open_case(support(fri, customer(fri, "developer", "ko", "Asia/Seoul")), severityCode="low", language="ko")
    for case_id in (urgent, developer):
        hk.reply_to_case(CaseId=case_id, AgentId=agent["AgentId"], Body="確認します。")
    reply = details(hk, urgent)["Communications"][1]
    desk(fri, business).rate_communication(CaseId=urgent, CommunicationId=reply["CommunicationId"], Rating=4)

    report = hk.get_desk_report(Month="2026-11", TimeZone="Asia/Tokyo")
    assert report["From"] == dt.datetime(2026, 10, 31, 15, tzinfo=dt.timezone.utc)
    assert report["To"] == dt.datetime(2026, 11, 30, 15, tzinfo=dt.timezone.utc)
    overall = report["Overall"]
    assert (overall["Dimension"], overall["Cases"], overall["Met"], overall["Missed"], overall["Pending"]) == ("all", 3, 2, 0, 1)
    assert overall["Rate"] == 1.0
    assert 0 <= overall["MedianFirstResponseMinutes"] < 1, "answered within seconds of business time"
    rows = {(r["Plan"], r["Severity"]): (r["Cases"], r["Met"], r["Pending"]) for r in report["ByPlanAndSeverity"]}
    assert rows == {("developer", "low"): (1, 0, 1), ("developer", "normal"): (1, 1, 0), ("business", "urgent"): (1, 1, 0)}
    assert [(r["Language"], r["Cases"]) for r in report["ByLanguage"]] == [("ja", 2), ("ko", 1)]
    assert [(r["AgentId"], r["Met"]) for r in report["ByAgent"]] == [(agent["AgentId"], 2)]
    assert report["Ratings"] == [{"AgentId": agent["AgentId"], "Count": 1, "Average": 4.0}]
    assert [(a["Bucket"], a["Count"]) for a in report["OpenByAge"]] == [("under-1-day", 3), ("1-to-3-days", 0), ("3-to-7-days", 0), ("over-7-days", 0)]
    assert report["Breaches"] == []
    # A range that ends before the cases opened holds none of them; the open cases are counted all the same.
    early = hk.get_desk_report(From=dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc), To=dt.datetime(2026, 11, 2, tzinfo=dt.timezone.utc))
    assert early["Overall"]["Cases"] == 0 and "Rate" not in early["Overall"]
    assert sum(a["Count"] for a in early["OpenByAge"]) == 3
    # The command line reads the same store.
    csv_out = support_cli(fri, "report", "--month", "2026-11", "--time-zone", "Asia/Tokyo", "--format", "csv")
    lines = csv_out.strip().split("\r\n")
    assert lines[0].startswith("dimension,plan,severity,language,agent_id,cases,met,missed,pending,rate")
    # The command line's clock is the machine's (past the waiting case's due time), the server's is held at Friday.
    fields = lines[1].split(",")
    assert fields[:7] == ["all", "", "", "", "", "3", "2"] and int(fields[7]) + int(fields[8]) == 1, lines[1]
    ratings = support_cli(fri, "report", "--month", "2026-11", "--time-zone", "Asia/Tokyo", "--format", "csv", "--section", "ratings")
    assert ratings == f"agent_id,count,average\r\n{agent['AgentId']},1,4.00\r\n"
    whole = json.loads(support_cli(fri, "report", "--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00Z"))
    assert whole["Overall"]["Cases"] == 3
    # Refusals name the field and change nothing.
    with aws_error("ValidationException", 400, mentions="Month"):
        hk.get_desk_report()
    with aws_error("ValidationException", 400, mentions="TimeZone"):
        hk.get_desk_report(Month="2026-11", TimeZone="Mars/Olympus")
    with aws_error("ValidationException", 400, mentions="To"):
        hk.get_desk_report(From=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), To=dt.datetime(2027, 6, 1, tzinfo=dt.timezone.utc))
    with aws_error("ValidationException", 400, mentions="Month"):
        desk(fri, parameter_validation=False).get_desk_report(Month="2026-13")
    with aws_error("AccessDeniedException", 403):
        desk(fri, business).get_desk_report(Month="2026-11")
