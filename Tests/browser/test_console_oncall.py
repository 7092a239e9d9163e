"""The console's on-call pages in a real browser, checked against the API with boto3.

Contacts, a rotation and an escalation plan are made with boto3; console users are made with
`hikeshi admin create-user` (an oncall-manager, and a responder linked to alice's contact).
Flows: the manager previews and creates an override on the rotation page and boto3's
ListRotationShifts then shows the OVERRIDDEN shift; the manager moves an escalation stage down
and GetContact shows the stages swapped; the responder acknowledges a page from
/console/oncall/me and DescribePage / ListPageReceipts show it READ; the rotation page renders in
ja, ko and zh. Every page load goes through check_page (JS errors, axe, html lang, screenshot).
"""

from __future__ import annotations

import urllib.request

import datetime as dt
import subprocess
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from harness import DEFAULT_ACCOUNT_ID, HikeshiServer, clean_env, unique
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from browser import ConsoleUser, check_page, path_of, wait_for, wait_for_element

ZONE = "America/New_York"
PASSWORD = "correct horse battery staple 42"


@dataclass(frozen=True)
class OnCallWorld:
    client: object
    alice: str
    bob: str
    rotation_name: str
    rotation_arn: str
    office_name: str
    schedule_alias: str
    plan_alias: str
    plan_arn: str
    manager: ConsoleUser
    responder: ConsoleUser


def create_user(server: HikeshiServer, role: str, contact_arn: str | None = None) -> ConsoleUser:
    """`hikeshi admin create-user` with a password on stdin (so no change is forced at sign-in)."""
    name = unique(role.replace("-", ""))
    args = [str(server.binary), "admin", "create-user", "--account-id", DEFAULT_ACCOUNT_ID, "--user-name", name, "--role", role,
            "--password-stdin", *server.storage_args]
    if contact_arn:
        args += ["--contact-arn", contact_arn]
    result = subprocess.run(args, input=PASSWORD + "\n", capture_output=True, text=True, timeout=60, env=clean_env())
    assert result.returncode == 0, f"create-user failed: {result.stderr}"
    return ConsoleUser(DEFAULT_ACCOUNT_ID, name, role, PASSWORD)


@pytest.fixture
def world(server: HikeshiServer) -> OnCallWorld:
    client = server.client("ssm-contacts")
    alice_alias, bob_alias = unique("alice"), unique("bob")
    alice = client.create_contact(Alias=alice_alias, DisplayName="Alice Example", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    bob = client.create_contact(Alias=bob_alias, DisplayName="Bob Example", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    mail = client.create_contact_channel(
        ContactId=alice, Name="alice mail", Type="EMAIL", DeliveryAddress={"SimpleAddress": f"{alice_alias}@example.test"}
    )["ContactChannelArn"]
    client.update_contact(ContactId=alice, Plan={"Stages": [
        {"DurationInMinutes": 5, "Targets": [{"ChannelTargetInfo": {"ContactChannelId": mail, "RetryIntervalInMinutes": 1}}]},
        {"DurationInMinutes": 0, "Targets": [{"ChannelTargetInfo": {"ContactChannelId": mail, "RetryIntervalInMinutes": 1}}]},
    ]})
    name = unique("primary")
    rotation = client.create_rotation(
        Name=name, ContactIds=[alice, bob], StartTime=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=3), TimeZoneId=ZONE,
        Recurrence={"DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}], "NumberOfOnCalls": 1, "RecurrenceMultiplier": 1},
    )["RotationArn"]
    office = unique("office")
    weekday = [{"Start": {"HourOfDay": 9, "MinuteOfHour": 0}, "End": {"HourOfDay": 17, "MinuteOfHour": 0}}]
    client.create_rotation(
        Name=office, ContactIds=[alice, bob], StartTime=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=3), TimeZoneId="Asia/Tokyo",
        Recurrence={
            "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}], "NumberOfOnCalls": 1, "RecurrenceMultiplier": 1,
            "ShiftCoverages": {day: weekday for day in ("MON", "TUE", "WED", "THU", "FRI")},
        },
    )
    schedule = unique("sched")
    client.create_contact(Alias=schedule, DisplayName="Primary schedule", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [rotation]})
    plan_alias = unique("plan")
    plan = client.create_contact(
        Alias=plan_alias, DisplayName="Escalation", Type="ESCALATION",
        Plan={"Stages": [
            {"DurationInMinutes": 5, "Targets": [{"ContactTargetInfo": {"ContactId": alice, "IsEssential": False}}]},
            {"DurationInMinutes": 10, "Targets": [{"ContactTargetInfo": {"ContactId": bob, "IsEssential": True}}]},
        ]},
    )["ContactArn"]
    return OnCallWorld(
        client, alice, bob, name, rotation, office, schedule, plan_alias, plan,
        manager=create_user(server, "oncall-manager"), responder=create_user(server, "responder", contact_arn=alice),
    )


def open_page(driver: WebDriver, url, path: str, shot: str, lang: str = "en") -> None:
    driver.get(url(path))
    wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete", f"{path} to load")
    assert path_of(driver) == path.split("?")[0], f"{path} ended at {driver.current_url}"
    check_page(driver, shot, lang=lang)


def set_value(driver: WebDriver, css: str, value: str) -> None:
    element = wait_for_element(driver, css)
    driver.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", element, value
    )


def confirm_dialog(driver: WebDriver) -> None:
    """data-confirm forms ask in a <dialog>: press its first button."""
    wait_for_element(driver, "dialog[open] button").click()


def test_override_preview_and_create(browser, url, signed_in, engine, world):
    driver = browser("en")
    signed_in(driver, world.manager)
    open_page(driver, url, "/console/oncall", f"{engine}/oncall-now-en")
    rows = driver.find_element(By.CSS_SELECTOR, "[data-testid=oncall-rotations]").text
    assert world.rotation_name in rows and ("Alice Example" in rows or "Bob Example" in rows), rows
    schedules = driver.find_element(By.CSS_SELECTOR, "[data-testid=oncall-schedules]").text
    assert "Primary schedule" in schedules and "Example" in schedules, schedules

    path = f"/console/oncall/rotations/{world.rotation_name}"
    open_page(driver, url, path, f"{engine}/oncall-rotation-en")
    assert ZONE in driver.find_element(By.CSS_SELECTOR, "[data-testid=rotation-zone]").text
    assert driver.find_elements(By.CSS_SELECTOR, "[data-testid=month-grid] td"), "the month grid has day cells"

    zone = ZoneInfo(ZONE)
    day = (dt.datetime.now(zone) + dt.timedelta(days=2)).date()
    start = dt.datetime(day.year, day.month, day.day, 12, 0, tzinfo=zone)
    end = start + dt.timedelta(hours=6)
    driver.find_element(By.CSS_SELECTOR, "details.edit summary").click()
    set_value(driver, "#override-start", start.strftime("%Y-%m-%dT%H:%M"))
    set_value(driver, "#override-end", end.strftime("%Y-%m-%dT%H:%M"))
    Select(driver.find_element(By.ID, "override-contact")).select_by_value(world.bob)
    driver.find_element(By.CSS_SELECTOR, "[data-testid=override-preview]").click()

    after = wait_for_element(driver, "[data-testid=preview-after]")
    check_page(driver, f"{engine}/oncall-override-preview-en", lang="en")
    assert "Overridden" in after.text and "Bob Example" in after.text, after.text
    assert "Overridden" not in driver.find_element(By.CSS_SELECTOR, "[data-testid=preview-before]").text
    assert not world.client.list_rotation_overrides(
        RotationId=world.rotation_arn, StartTime=start - dt.timedelta(days=1), EndTime=end + dt.timedelta(days=1)
    )["RotationOverrides"], "the preview must not create anything"

    confirm_form = driver.find_element(By.CSS_SELECTOR, "[data-testid=override-confirm]")
    fields = {e.get_attribute("name"): e.get_attribute("value") for e in confirm_form.find_elements(By.CSS_SELECTOR, "input[type=hidden]")}
    assert fields.get("token"), f"the confirm form carries an idempotency token: {fields}"
    driver.find_element(By.CSS_SELECTOR, "[data-testid=override-create]").click()
    wait_for(driver, lambda d: path_of(d) == path and d.find_elements(By.CSS_SELECTOR, "[data-testid=overrides]"), "back on the rotation page")
    check_page(driver, f"{engine}/oncall-rotation-override-en", lang="en")
    assert "Bob Example" in driver.find_element(By.CSS_SELECTOR, "[data-testid=overrides]").text
    listed = world.client.list_rotation_overrides(
        RotationId=world.rotation_arn, StartTime=start - dt.timedelta(days=1), EndTime=end + dt.timedelta(days=1)
    )["RotationOverrides"]
    assert len(listed) == 1, listed
    week = driver.find_element(By.CSS_SELECTOR, "[data-testid=week]").text
    assert "12:00–18:00 Bob Example Override" in week, f"the week names the override in words: {week}"

    # the auto-refresh fragment of who is on call: HTML without the layout, and 304 when unchanged
    statuses = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const headers = {'X-Requested-With': 'console'};
        fetch('/console/oncall/fragment', {credentials: 'same-origin', headers}).then(async first => {
            const text = await first.text();
            const etag = first.headers.get('ETag');
            const again = await fetch('/console/oncall/fragment', {credentials: 'same-origin', headers: {...headers, 'If-None-Match': etag}});
            done([first.status, text.includes('<html'), text.includes(arguments[0]), again.status]);
        }).catch(e => done(String(e)));
        """,
        world.rotation_name,
    )
    assert statuses == [200, False, True, 304], statuses

    shifts = world.client.list_rotation_shifts(RotationId=world.rotation_arn, StartTime=start, EndTime=end)["RotationShifts"]
    overridden = [s for s in shifts if s.get("Type") == "OVERRIDDEN"]
    assert overridden, shifts
    assert all(s["ContactIds"] == [world.bob] for s in overridden), overridden
    assert overridden[0]["StartTime"] == start.astimezone(dt.timezone.utc) and overridden[-1]["EndTime"] == end.astimezone(dt.timezone.utc)

    # month navigation: next month's grid, then back
    heading = driver.find_element(By.ID, "month-heading").text
    driver.find_element(By.CSS_SELECTOR, "a[rel=next][href*='month=']").click()
    wait_for(driver, lambda d: "month=" in d.current_url and d.find_element(By.ID, "month-heading").text != heading, "the next month")
    check_page(driver, f"{engine}/oncall-rotation-next-month-en", lang="en")
    driver.find_element(By.CSS_SELECTOR, "a[rel=prev][href*='month=']").click()
    wait_for(driver, lambda d: d.find_element(By.ID, "month-heading").text == heading, "back to this month")

    # a narrow screen shows the list of shifts instead of the grid
    driver.set_window_size(380, 900)
    try:
        assert not driver.find_element(By.CSS_SELECTOR, "[data-testid=month-grid]").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, "[data-testid=shift-list]").is_displayed()
        check_page(driver, f"{engine}/oncall-rotation-narrow-en", lang="en")
    finally:
        driver.set_window_size(1366, 900)

    # delete it again through the console (confirm dialog), and the API shows it gone
    driver.find_element(By.CSS_SELECTOR, "[data-testid=overrides] button[type=submit]").click()
    confirm_dialog(driver)
    wait_for(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, "[data-testid=overrides]"), "the override list to empty")
    assert not world.client.list_rotation_overrides(
        RotationId=world.rotation_arn, StartTime=start - dt.timedelta(days=1), EndTime=end + dt.timedelta(days=1)
    )["RotationOverrides"]


def test_override_without_javascript(browser, url, signed_in, engine, world):
    """The same flow with scripts disabled: plain forms, and the delete form posts without its dialog."""
    driver = browser("en")
    signed_in(driver, world.manager)
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    path = f"/console/oncall/rotations/{world.rotation_name}"
    driver.get(url(path))
    assert path_of(driver) == path
    start = dt.datetime.now(ZoneInfo(ZONE)).replace(minute=0, second=0, microsecond=0) + dt.timedelta(days=5)
    driver.find_element(By.CSS_SELECTOR, "details.edit summary").click()
    for css, value in (("#override-start", start), ("#override-end", start + dt.timedelta(hours=3))):
        field = driver.find_element(By.CSS_SELECTOR, css)
        field.send_keys(value.strftime("%m%d%Y"), Keys.TAB, value.strftime("%I%M%p"))
    Select(driver.find_element(By.ID, "override-contact")).select_by_value(world.bob)
    driver.find_element(By.CSS_SELECTOR, "[data-testid=override-preview]").click()
    wait_for_element(driver, "[data-testid=preview-after]")
    driver.find_element(By.CSS_SELECTOR, "[data-testid=override-create]").click()
    wait_for(driver, lambda d: "notice=oncall.overrideCreated" in d.current_url, "the override to be created")
    window = {"RotationId": world.rotation_arn, "StartTime": start - dt.timedelta(days=1), "EndTime": start + dt.timedelta(days=1)}
    listed = world.client.list_rotation_overrides(**window)["RotationOverrides"]
    assert [(o["StartTime"], o["EndTime"]) for o in listed] == [
        (start.astimezone(dt.timezone.utc), (start + dt.timedelta(hours=3)).astimezone(dt.timezone.utc))
    ], listed
    driver.find_element(By.CSS_SELECTOR, "[data-testid=overrides] button[type=submit]").click()
    wait_for(driver, lambda d: "notice=oncall.overrideDeleted" in d.current_url, "the override to be deleted")
    assert not world.client.list_rotation_overrides(**window)["RotationOverrides"]


def test_override_confirm_twice_makes_one(browser, url, signed_in, engine, world):
    driver = browser("en")
    signed_in(driver, world.manager)
    path = f"/console/oncall/rotations/{world.rotation_name}"
    open_page(driver, url, path, f"{engine}/oncall-rotation-twice-en")
    start = dt.datetime.now(ZoneInfo(ZONE)).replace(minute=0, second=0, microsecond=0) + dt.timedelta(days=3)
    fields = {
        "_csrf": driver.find_element(By.CSS_SELECTOR, "input[name=_csrf]").get_attribute("value"),
        "start": start.strftime("%Y-%m-%dT%H:%M"),
        "end": (start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "contact": world.bob,
        "token": unique("confirm"),
    }
    for _ in range(2):
        status = driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {method: 'POST', credentials: 'same-origin', redirect: 'manual', body: new URLSearchParams(arguments[1])})
                .then(r => done(r.type === 'opaqueredirect' ? 303 : r.status)).catch(e => done(String(e)));
            """,
            path + "/overrides",
            fields,
        )
        assert status == 303, f"the confirm answered {status}"
    listed = world.client.list_rotation_overrides(
        RotationId=world.rotation_arn, StartTime=start - dt.timedelta(days=1), EndTime=start + dt.timedelta(days=1)
    )["RotationOverrides"]
    assert len(listed) == 1, listed


def test_coverage_gaps_in_words(browser, url, signed_in, engine, world):
    driver = browser("en")
    signed_in(driver, world.manager)
    open_page(driver, url, f"/console/oncall/rotations/{world.office_name}", f"{engine}/oncall-rotation-gaps-en")
    gaps = driver.find_element(By.CSS_SELECTOR, "[data-testid=coverage-gaps]").text
    assert "nobody is on call from" in gaps and "Asia/Tokyo" in gaps, gaps
    assert "Asia/Tokyo" in driver.find_element(By.CSS_SELECTOR, "[data-testid=rotation-zone]").text
    # who is on call now follows the coverage: nobody outside weekdays 09:00-17:00 Tokyo time, until the next shift
    open_page(driver, url, "/console/oncall", f"{engine}/oncall-now-gap-en")
    row = driver.find_element(By.XPATH, f"//table[@data-testid='oncall-rotations']//tr[td/a[text()='{world.office_name}']]")
    tokyo = dt.datetime.now(ZoneInfo("Asia/Tokyo"))
    covered = tokyo.weekday() < 5 and 9 <= tokyo.hour < 17
    near_hand_off = tokyo.minute >= 59 and tokyo.hour in (8, 16)
    if covered and not near_hand_off:
        assert "Example" in row.text, row.text
    elif not near_hand_off:
        assert "Nobody is on call" in row.text, row.text
        until = row.find_element(By.CSS_SELECTOR, "time").get_attribute("datetime")
        assert dt.datetime.fromisoformat(until.replace("Z", "+00:00")).astimezone(ZoneInfo("Asia/Tokyo")).hour == 9, until
    open_page(driver, url, f"/console/oncall/contacts/{world.schedule_alias}", f"{engine}/oncall-schedule-en")
    assert driver.find_element(By.CSS_SELECTOR, f"a[href='/console/oncall/rotations/{world.rotation_name}']")


def test_contact_and_escalation_plan(browser, url, signed_in, engine, world):
    driver = browser("en")
    signed_in(driver, world.manager)
    alias = world.alice.rsplit("/", 1)[-1]
    open_page(driver, url, f"/console/oncall/contacts/{alias}", f"{engine}/oncall-contact-en")
    channels = driver.find_element(By.CSS_SELECTOR, "[data-testid=channels]").text
    assert "alice mail" in channels and "Not activated" in channels, channels
    member_of = driver.find_element(By.CSS_SELECTOR, "[data-testid=member-of]").text
    assert world.rotation_name in member_of and world.office_name in member_of, member_of
    plan = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in driver.find_elements(By.CSS_SELECTOR, "[data-testid=engagement-plan] tbody tr")]
    assert plan == [["1", "alice mail", "0 min"], ["2", "alice mail", "5 min"]], plan

    before = len(world.client.list_pages_by_contact(ContactId=world.alice)["Pages"])
    driver.find_element(By.CSS_SELECTOR, "[data-testid=send-test] button[type=submit]").click()
    confirm_dialog(driver)
    wait_for(driver, lambda d: "notice=oncall.testSent" in d.current_url, "the test page to be sent")
    check_page(driver, f"{engine}/oncall-contact-sent-en", lang="en")
    wait_for(driver, lambda d: len(world.client.list_pages_by_contact(ContactId=world.alice)["Pages"]) > before, "a page for alice")

    path = f"/console/oncall/escalation-plans/{world.plan_alias}"
    open_page(driver, url, path, f"{engine}/oncall-escalation-en")
    driver.find_element(By.CSS_SELECTOR, f"form[action='{path}/stages/0/down'] button").click()
    wait_for(driver, lambda d: "notice=oncall.stagesSaved" in d.current_url, "the stages to be saved")
    check_page(driver, f"{engine}/oncall-escalation-moved-en", lang="en")
    stages = world.client.get_contact(ContactId=world.plan_arn)["Plan"]["Stages"]
    assert [s["Targets"][0]["ContactTargetInfo"]["ContactId"] for s in stages] == [world.bob, world.alice]
    assert [s["DurationInMinutes"] for s in stages] == [10, 5]


def test_acknowledge_my_page(browser, url, signed_in, engine, world):
    engagement = world.client.start_engagement(ContactId=world.alice, Sender="pytest", Subject="Disk full", Content="db-1 is at 99 %")[
        "EngagementArn"
    ]
    driver = browser("en")
    wait_for(
        driver, lambda d: world.client.list_pages_by_engagement(EngagementId=engagement)["Pages"], "the page of the engagement to exist"
    )
    page = world.client.list_pages_by_engagement(EngagementId=engagement)["Pages"][0]["PageArn"]
    signed_in(driver, world.responder)
    open_page(driver, url, "/console/oncall/me", f"{engine}/oncall-me-en")
    pages = driver.find_element(By.CSS_SELECTOR, "[data-testid=my-pages]")
    assert "Disk full" in pages.text
    pages.find_element(By.CSS_SELECTOR, f"input[value='{page}']").find_element(By.XPATH, "..").find_element(
        By.CSS_SELECTOR, "[data-testid=acknowledge]"
    ).click()
    wait_for(driver, lambda d: "notice=oncall.acknowledged" in d.current_url, "the acknowledgement")
    check_page(driver, f"{engine}/oncall-me-acknowledged-en", lang="en")
    assert "Disk full" not in driver.find_element(By.ID, "main").text
    described = world.client.describe_page(PageId=page)
    assert "ReadTime" in described, described
    receipts = world.client.list_page_receipts(PageId=page)["Receipts"]
    assert "READ" in [r["ReceiptType"] for r in receipts], receipts

    # my calendar feed: its URL on asking (a POST: the first look makes its secret), and the feed answers it
    driver.find_element(By.CSS_SELECTOR, "[data-testid=show-feeds]").click()
    feed = wait_for_element(driver, "[data-testid=feeds] code.feed-url").text
    assert feed.startswith(url("/calendar/")) and feed.endswith(".ics"), feed
    with urllib.request.urlopen(feed, timeout=10) as response:
        body = response.read().decode()
    assert response.headers["Content-Type"].startswith("text/calendar") and "BEGIN:VCALENDAR" in body

    # a responder reads but does not edit: no override form
    open_page(driver, url, f"/console/oncall/rotations/{world.rotation_name}", f"{engine}/oncall-rotation-responder-en")
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-testid=override-form]")
    status = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const token = document.querySelector('input[name=_csrf]').value;
        const body = new URLSearchParams({_csrf: token, start: '2030-01-01T00:00', end: '2030-01-01T06:00', contact: arguments[1]});
        fetch(arguments[0], {method: 'POST', credentials: 'same-origin', body}).then(r => done(r.status)).catch(e => done(String(e)));
        """,
        f"/console/oncall/rotations/{world.rotation_name}/overrides",
        world.bob,
    )
    assert status == 403, f"a responder's override POST answered {status}"
    assert not world.client.list_rotation_overrides(
        RotationId=world.rotation_arn, StartTime=dt.datetime(2029, 12, 31, tzinfo=dt.timezone.utc), EndTime=dt.datetime(2030, 1, 2, tzinfo=dt.timezone.utc)
    )["RotationOverrides"]


@pytest.mark.parametrize(("lang", "html_lang"), [("ja", "ja"), ("ko", "ko"), ("zh", "zh-Hans")], ids=["ja", "ko", "zh"])
def test_rotation_page_languages(browser, url, signed_in, engine, world, lang, html_lang):
    driver = browser(lang)
    signed_in(driver, world.manager)
    open_page(driver, url, f"/console/oncall/rotations/{world.rotation_name}", f"{engine}/oncall-rotation-{lang}", lang=html_lang)
    headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "[data-testid=month-grid] thead th")]
    assert len(headers) == 7
    monday = {"ja": "月", "ko": "월", "zh": "周一"}[lang]
    assert headers[0].startswith(monday), f"weeks start on Monday in {lang}: {headers}"
    open_page(driver, url, "/console/oncall", f"{engine}/oncall-now-{lang}", lang=html_lang)
    open_page(driver, url, f"/console/oncall/escalation-plans/{world.plan_alias}", f"{engine}/oncall-escalation-{lang}", lang=html_lang)
