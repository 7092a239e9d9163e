"""Incidents in the console, against the API: a responder starts an incident from the console and the API sees it,
adds a note the API reads back with the responder's name, resumes the runbook's waiting step, and resolves; the pages
in four languages; and the refusals a browser never shows: a form without its CSRF token or from another origin,
another account's incident, a customer at the incident list."""

from __future__ import annotations

import dataclasses
import json
import uuid
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import Select

from browser import check_page, path_of, wait_for, wait_for_element
from console_flows import Session, ready

HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'
ROLE_ARN = "arn:aws:iam::111111111111:role/IncidentRunbookRole"
LANGUAGES = [("ja", "ja"), ("ko", "ko"), ("zh", "zh-Hans"), ("en", "en")]


def runbook_plan(server: Any) -> tuple[str, str]:
    """A response plan whose runbook waits at a pause step with a Markdown description; returns (plan ARN, name)."""
    ssm = server.client("ssm")
    document = "console-rb-" + uuid.uuid4().hex[:8]
    content = {
        "schemaVersion": "0.3",
        "mainSteps": [{"name": "triage", "action": "aws:pause", "description": "# Triage\n\nDetermine **customer impact**.\n\n- check the dashboard"}],
    }
    ssm.create_document(Name=document, DocumentType="Automation", DocumentFormat="JSON", Content=json.dumps(content))
    name = "console-" + uuid.uuid4().hex[:8]
    incidents = server.client("ssm-incidents")
    arn = incidents.create_response_plan(
        name=name, displayName="Checkout down", incidentTemplate={"title": "Checkout is down", "impact": 3},
        actions=[{"ssmAutomation": {"roleArn": ROLE_ARN, "documentName": document}}])["arn"]
    return arn, name


@pytest.mark.both_engines
def test_a_responder_works_an_incident_in_the_console_and_the_api_sees_it(server, browser, url, console_user, signed_in, engine):
    incidents = server.client("ssm-incidents")
    plan_arn, _ = runbook_plan(server)
    user = console_user("responder")
    driver = browser("en")
    ready(driver, signed_in, user)

    driver.get(url("/console/incidents/start"))
    wait_for_element(driver, "[data-testid=start-incident]")
    check_page(driver, f"{engine}/incident-start-en", lang="en")
    Select(driver.find_element(By.ID, "plan")).select_by_value(plan_arn)
    driver.find_element(By.ID, "title").send_keys(HOSTILE)
    Select(driver.find_element(By.ID, "impact")).select_by_value("2")
    driver.find_element(By.CSS_SELECTOR, "[data-testid=start-incident] button[value=preview]").click()
    preview = wait_for_element(driver, "[data-testid=start-preview]").text
    assert "console-rb-" in preview and "2 – High" in preview, preview
    assert Select(driver.find_element(By.ID, "plan")).first_selected_option.get_attribute("value") == plan_arn
    assert incidents.list_incident_records()["incidentRecordSummaries"] == [] or all(
        r["title"] != HOSTILE for r in incidents.list_incident_records()["incidentRecordSummaries"]), "a preview starts nothing"
    driver.find_element(By.CSS_SELECTOR, "[data-testid=start-incident] button[value=start]").click()
    wait_for(driver, lambda d: "notice=incidents.started" in d.current_url, "the incident page after starting")

    records = [r for r in incidents.list_incident_records()["incidentRecordSummaries"] if r["title"] == HOSTILE]
    assert len(records) == 1 and records[0]["impact"] == 2 and records[0]["status"] == "OPEN", records
    arn = records[0]["arn"]
    record = incidents.get_incident_record(arn=arn)["incidentRecord"]
    assert record["incidentRecordSource"]["createdBy"] == f"arn:aws:iam::{user.account_id}:user/{user.user_name}"
    # The hostile title is text: no element was made from it.
    assert HOSTILE in driver.find_element(By.TAG_NAME, "h1").text
    assert driver.find_elements(By.CSS_SELECTOR, "main img") == []
    check_page(driver, f"{engine}/incident-overview-en", lang="en")

    note = f"Rolled back {HOSTILE}"
    driver.find_element(By.ID, "note").send_keys(note)
    driver.find_element(By.CSS_SELECTOR, "[data-testid=add-note] button[type=submit]").click()
    wait_for(driver, lambda d: "notice=incidents.noteAdded" in d.current_url, "the note to be added")
    summaries = incidents.list_timeline_events(
        incidentRecordArn=arn, filters=[{"key": "eventType", "condition": {"equals": {"stringValues": ["Note"]}}}])["eventSummaries"]
    assert len(summaries) == 1
    data = json.loads(incidents.get_timeline_event(incidentRecordArn=arn, eventId=summaries[0]["eventId"])["event"]["eventData"])
    assert data == {"content": note, "author": user.user_name}
    assert user.user_name in driver.find_element(By.CSS_SELECTOR, "[data-testid=notes]").text

    # The runbook starts in the background; its page shows the waiting step's Markdown and a Resume button.
    def waiting(d: Any) -> bool:
        d.get(url(path_of(d).split("?")[0] + "/runbook") if not path_of(d).endswith("/runbook") else d.current_url)
        return bool(d.find_elements(By.CSS_SELECTOR, "[data-testid=runbook-resume]"))

    wait_for(driver, waiting, "the runbook to wait at its pause step", timeout=20)
    check_page(driver, f"{engine}/incident-runbook-en", lang="en")
    assert "Determine customer impact." in driver.find_element(By.CSS_SELECTOR, ".step-description").text
    driver.find_element(By.CSS_SELECTOR, "[data-testid=runbook-resume]").click()
    wait_for(driver, lambda d: "notice=incidents.signalSent" in d.current_url, "the resume to be sent")
    execution = record_execution(incidents, arn)
    ssm = server.client("ssm")
    wait_for(driver, lambda _: ssm.get_automation_execution(AutomationExecutionId=execution)["AutomationExecution"]["AutomationExecutionStatus"] == "Success",
             "the runbook to finish after Resume", timeout=20)

    driver.get(url(path_of(driver).rsplit("/runbook", 1)[0]))
    driver.find_element(By.CSS_SELECTOR, "[data-testid=resolve-incident]").click()
    dialog = wait_for_element(driver, "dialog[open]")
    dialog.find_element(By.TAG_NAME, "button").click()
    wait_for(driver, lambda d: "notice=incidents.resolvedNotice" in d.current_url, "the incident to be resolved")
    assert incidents.get_incident_record(arn=arn)["incidentRecord"]["status"] == "RESOLVED"
    assert driver.find_element(By.CSS_SELECTOR, "[data-testid=incident-status]").get_attribute("title") == "RESOLVED"

    # The post-incident analysis: started from the template, a question answered, an action item added; the API agrees.
    driver.get(url(path_of(driver) + "/analysis"))
    driver.find_element(By.CSS_SELECTOR, "[data-testid=create-analysis]").click()
    answer = wait_for_element(driver, "[data-testid=analysis-answers] textarea")
    check_page(driver, f"{engine}/incident-analysis-en", lang="en")
    question = answer.get_attribute("name").removeprefix("q.")
    answer.send_keys("Release 42 broke the payment form.")
    driver.find_element(By.CSS_SELECTOR, "[data-testid=analysis-answers] button[type=submit]").click()
    wait_for(driver, lambda d: "notice=incidents.answersSaved" in d.current_url, "the answers to be saved")
    driver.find_element(By.ID, "action-title").send_keys("Canary release for the payment form")
    driver.find_element(By.ID, "action-priority").send_keys("2")
    driver.find_element(By.CSS_SELECTOR, "[data-testid=add-action-item] button[type=submit]").click()
    wait_for(driver, lambda d: "notice=incidents.actionAdded" in d.current_url, "the action item to be added")
    hikeshi = server.client("hikeshi")
    [summary] = hikeshi.list_analyses(IncidentRecordArn=arn)["Analyses"]
    analysis = hikeshi.get_analysis(Name=summary["Name"])["Analysis"]
    answered = {q["Id"]: q for s in analysis["Sections"] for q in s["Questions"]}[question]
    assert answered["Answer"] == "Release 42 broke the payment form."
    assert answered["AnsweredBy"].endswith(f":user/{user.user_name}")
    assert [(i["Title"], i["Priority"]) for i in analysis["ActionItems"]] == [("Canary release for the payment form", 2)]


def record_execution(incidents: Any, arn: str) -> str:
    executions = incidents.get_incident_record(arn=arn)["incidentRecord"]["automationExecutions"]
    return executions[0]["ssmExecutionArn"].rsplit("/", 1)[-1]


def test_an_incident_started_with_the_api_shows_in_every_language(server, browser, url, console_user, signed_in, engine):
    incidents = server.client("ssm-incidents")
    plan_arn, plan = runbook_plan(server)
    arn = incidents.start_incident(responsePlanArn=plan_arn, title="Kassensystem", impact=1)["incidentRecordArn"]
    incidents.create_timeline_event(incidentRecordArn=arn, eventTime="2026-03-08T06:30:00Z", eventType="Custom Event", eventData="DST day")
    user = console_user("responder")
    page = "/console/incidents/" + arn.split("/", 1)[1]
    for index, (lang, html_lang) in enumerate(LANGUAGES):
        driver = browser(lang, tz="America/New_York")
        if index == 0:
            user = dataclasses.replace(user, password=ready(driver, signed_in, user))
        else:
            signed_in(driver, user)
        driver.get(url("/console/incidents"))
        wait_for_element(driver, "[data-testid=open-incidents]")
        assert "Kassensystem" in driver.find_element(By.CSS_SELECTOR, "[data-testid=open-incidents]").text
        check_page(driver, f"{engine}/incidents-{lang}", lang=html_lang)
        for suffix in ("", "/timeline", "/runbook", "/engagements", "/related", "/properties", "/analysis"):
            driver.get(url(page + suffix))
            check_page(driver, f"{engine}/incident{suffix.replace('/', '-') or '-overview'}-{lang}", lang=html_lang)
        driver.get(url(page + "/timeline?order=oldest"))
        headers = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "section.day h3")]
        # The custom event at 06:30Z on the day New York moves its clocks is shown with that day's offset.
        assert any("UTC-04:00" in h for h in headers) or any("UTC-05:00" in h for h in headers), headers


def test_forms_need_the_session_token_and_origin_and_accounts_stay_apart(server, url, console_user):
    incidents = server.client("ssm-incidents")
    plan_arn, _ = runbook_plan(server)
    arn = incidents.start_incident(responsePlanArn=plan_arn, title="Private incident")["incidentRecordArn"]
    page = "/console/incidents/" + arn.split("/", 1)[1]
    user = console_user("responder")
    session = Session(url(""))
    session.sign_in(user, user.password)
    # The generated password must be changed first; everything else redirects to settings until then.
    status, _, headers = session.request(page)
    assert (status, headers.get("Location")) == (303, "/console/settings")
    token = session.csrf("/console/settings")
    status, _, _ = session.request("/console/settings/password", {"_csrf": token, "current": user.password, "new": "a console password 2026"})
    assert status == 303

    before = incidents.list_timeline_events(incidentRecordArn=arn)["eventSummaries"]
    assert session.request(page + "/notes", {"note": "no token"})[0] == 403
    assert session.request(page + "/notes", {"note": "wrong token", "_csrf": "x" * 43})[0] == 403
    assert session.request(page + "/notes", {"note": "other site", "_csrf": token}, origin="https://evil.example")[0] == 403
    assert session.request(page + "/notes", {"note": "no origin", "_csrf": token}, origin=None)[0] == 403
    assert incidents.list_timeline_events(incidentRecordArn=arn)["eventSummaries"] == before
    assert session.request(page + "/notes", {"note": "with token", "_csrf": token})[0] == 303
    assert len(incidents.list_timeline_events(incidentRecordArn=arn)["eventSummaries"]) == len(before) + 1

    # A responder of another account sees no such incident, and cannot write to it.
    server.admin("create-account", "--account-id", "222222222222", "--name", "other", check=False)
    stranger = console_user("responder", account_id="222222222222")
    other = Session(url(""))
    other.sign_in(stranger, stranger.password)
    other_token = other.csrf("/console/settings")
    other.request("/console/settings/password", {"_csrf": other_token, "current": stranger.password, "new": "a console password 2026"})
    assert other.request(page)[0] == 404
    assert other.request(page + "/notes", {"note": "stranger", "_csrf": other_token})[0] == 404
    assert len(incidents.list_timeline_events(incidentRecordArn=arn)["eventSummaries"]) == len(before) + 1

    # An on-call manager reads incidents but may not resolve them or delete their events.
    manager = console_user("oncall-manager")
    boss = Session(url(""))
    boss.sign_in(manager, manager.password)
    boss_token = boss.csrf("/console/settings")
    boss.request("/console/settings/password", {"_csrf": boss_token, "current": manager.password, "new": "a console password 2026"})
    assert boss.request(page)[0] == 200
    assert boss.request(page + "/resolve", {"_csrf": boss_token})[0] == 403
    assert boss.request(page + "/notes", {"note": "manager", "_csrf": boss_token})[0] == 403
    assert incidents.get_incident_record(arn=arn)["incidentRecord"]["status"] == "OPEN"

    # A customer (of a customer account) may not open the incident list at all.
    customer = console_user("customer", account_id="222222222222")
    shopper = Session(url(""))
    shopper.sign_in(customer, customer.password)
    shopper_token = shopper.csrf("/console/settings")
    shopper.request("/console/settings/password", {"_csrf": shopper_token, "current": customer.password, "new": "a console password 2026"})
    assert shopper.request("/console/incidents")[0] == 403
    # Signed out, pages send the browser to sign in and forms are refused.
    anonymous = Session(url(""))
    status, _, headers = anonymous.request("/console/incidents")
    assert status == 303 and headers["Location"].startswith("/console/signin")
    assert anonymous.request(page + "/notes", {"note": "anon", "_csrf": "x"})[0] == 401



def test_custom_events_are_added_edited_and_deleted_on_the_timeline(server, browser, url, console_user, signed_in, engine):
    incidents = server.client("ssm-incidents")
    plan_arn, _ = runbook_plan(server)
    arn = incidents.start_incident(responsePlanArn=plan_arn, title="Timeline work")["incidentRecordArn"]
    page = "/console/incidents/" + arn.split("/", 1)[1]
    user = console_user("responder")
    driver = browser("en", tz="Asia/Tokyo")
    ready(driver, signed_in, user)
    driver.get(url(page + "/timeline"))
    driver.find_element(By.CSS_SELECTOR, "details.edit > summary").click()
    moment = driver.find_element(By.ID, "event-time")
    driver.execute_script("arguments[0].value = '2026-12-06T09:30:00'", moment)
    driver.find_element(By.ID, "event-text").send_keys("Failed over to the replica")
    driver.find_element(By.CSS_SELECTOR, "[data-testid=add-event] button[type=submit]").click()
    wait_for(driver, lambda d: "notice=common.saved" in d.current_url, "the timeline after adding")

    def custom() -> list[dict]:
        summaries = incidents.list_timeline_events(
            incidentRecordArn=arn, filters=[{"key": "eventType", "condition": {"equals": {"stringValues": ["Custom Event"]}}}])["eventSummaries"]
        return [incidents.get_timeline_event(incidentRecordArn=arn, eventId=s["eventId"])["event"] for s in summaries]

    [event] = custom()
    assert event["eventData"] == "Failed over to the replica"
    # 09:30 in Asia/Tokyo, the viewer's zone, is 00:30 UTC.
    assert event["eventTime"].utctimetuple()[:5] == (2026, 12, 6, 0, 30)
    check_page(driver, f"{engine}/incident-timeline-events-en", lang="en")

    item = driver.find_element(By.ID, "event-" + event["eventId"])
    item.find_element(By.LINK_TEXT, "Edit").click()
    text = wait_for_element(driver, f"#event-{event['eventId']} [data-testid=edit-event] textarea")
    check_page(driver, f"{engine}/incident-timeline-edit-en", lang="en")
    text.clear()
    text.send_keys("Failed over to replica B")
    driver.find_element(By.CSS_SELECTOR, f"#event-{event['eventId']} [data-testid=edit-event] button[type=submit]").click()
    wait_for(driver, staleness_of(text), "the page after saving the edit")
    wait_for(driver, lambda _: [e["eventData"] for e in custom()] == ["Failed over to replica B"], "the edit to be saved")

    driver.find_element(By.ID, "event-" + event["eventId"]).find_element(By.LINK_TEXT, "Edit").click()
    wait_for_element(driver, f"#event-{event['eventId']} button.danger").click()
    wait_for_element(driver, "dialog[open]").find_element(By.TAG_NAME, "button").click()
    wait_for(driver, lambda d: "/timeline" in d.current_url and not d.find_elements(By.ID, "event-" + event["eventId"]), "the event to leave the page")
    assert custom() == []

    # A note is edited in place too, and keeps its author.
    incidents.create_timeline_event(
        incidentRecordArn=arn, eventTime="2026-12-06T01:00:00Z", eventType="Note", eventData=json.dumps({"content": "first take", "author": "alice"}))
    [note] = incidents.list_timeline_events(
        incidentRecordArn=arn, filters=[{"key": "eventType", "condition": {"equals": {"stringValues": ["Note"]}}}])["eventSummaries"]
    driver.get(url(page + f"/timeline?edit={note['eventId']}"))
    text = wait_for_element(driver, f"#event-{note['eventId']} [data-testid=edit-event] textarea")
    assert text.get_attribute("value") == "first take"
    text.clear()
    text.send_keys("second take")
    driver.find_element(By.CSS_SELECTOR, f"#event-{note['eventId']} [data-testid=edit-event] button[type=submit]").click()
    wait_for(driver, lambda d: "notice=common.saved" in d.current_url, "the note to be saved")
    data = json.loads(incidents.get_timeline_event(incidentRecordArn=arn, eventId=note["eventId"])["event"]["eventData"])
    assert data == {"content": "second take", "author": "alice"}
