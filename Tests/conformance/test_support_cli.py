"""The support desk's command line, against the server's storage while it runs:
`hikeshi admin set-support-plan`, `hikeshi support show-case|reply|check-draft`."""

from __future__ import annotations

import json
import subprocess

from harness import clean_env


def run_hikeshi(server, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(server.binary), *args], capture_output=True, text=True, timeout=60, env=clean_env(), stdin=subprocess.DEVNULL
    )
    if check:
        assert result.returncode == 0, f"{args} exited {result.returncode}: {result.stderr}"
    return result


def open_case(server, customer, **overrides) -> str:
    support = server.client("support", account=customer)
    request = {
        "subject": "EC2 instance stopped",
        "communicationBody": "i-0123456789abcdef0 in ap-northeast-1 stopped at 10:15 JST. Why?",
        "serviceCode": "amazon-elastic-compute-cloud-linux",
        "categoryCode": "general-guidance",
        "severityCode": "normal",
        "language": "ja",
        **overrides,
    }
    return support.create_case(**request)["caseId"]


def test_set_support_plan_then_the_api_sees_it(server):
    customer = server.create_account()
    out = server.admin(
        "set-support-plan", "--account-id", customer.account_id, "--plan", "business", "--language", "ko", "--time-zone", "Asia/Seoul"
    )
    assert out == {"AccountId": customer.account_id, "Plan": "business", "Language": "ko", "TimeZone": "Asia/Seoul"}
    seen = server.client("hikeshi", account=customer).get_support_plan()
    assert seen["SupportPlan"]["Plan"] == "business"
    assert seen["SupportPlan"]["TimeZone"] == "Asia/Seoul"
    assert {t["SeverityCode"] for t in seen["Definition"]["Targets"]} == {"low", "normal", "high", "urgent"}
    # A Business account may open an urgent case now.
    assert open_case(server, customer, severityCode="urgent").startswith(f"case-{customer.account_id}-")


def test_set_support_plan_refuses_unknown_accounts_and_zones(server):
    missing = server.admin("set-support-plan", "--account-id", "999999999998", "--plan", "developer", check=False)
    assert missing.returncode != 0
    assert "999999999998" in missing.stderr
    customer = server.create_account()
    bad_zone = server.admin(
        "set-support-plan", "--account-id", customer.account_id, "--plan", "developer", "--time-zone", "Mars/Olympus", check=False
    )
    assert bad_zone.returncode != 0
    assert "Mars/Olympus" in bad_zone.stderr
    bad_plan = server.admin("set-support-plan", "--account-id", customer.account_id, "--plan", "platinum", check=False)
    assert bad_plan.returncode != 0


def test_show_case_and_reply_stop_the_clock(server):
    customer = server.create_account()
    server.admin("set-support-plan", "--account-id", customer.account_id, "--plan", "developer", "--language", "ja", "--time-zone", "Asia/Tokyo")
    case_id = open_case(server, customer)

    shown = json.loads(run_hikeshi(server, "support", "show-case", "--case-id", case_id, "--json", *server.storage_args).stdout)
    assert shown["CaseId"] == case_id
    assert shown["Plan"] == "developer"
    assert shown["BusinessHoursOnly"] is True
    assert shown["TimeZone"] == "Asia/Tokyo"
    assert shown["FirstResponseTargetMinutes"] == 720
    assert shown["FirstResponseDueAt"] > shown["CreatedAt"]
    assert "FirstResponseAt" not in shown
    assert shown["Status"] == "unassigned"
    assert [c["Author"] for c in shown["Communications"]] == ["customer"]

    replied = json.loads(
        run_hikeshi(server, "support", "reply", "--case-id", case_id, "--body", "Please stop and start it.", "--json", *server.storage_args).stdout
    )
    assert replied["Status"] == "work-in-progress"
    assert replied["FirstResponseAt"] >= replied["CreatedAt"]
    assert replied["TargetMet"] is True
    assert replied["AgentId"] == "agent-0000000000000000"

    communications = server.client("support", account=customer).describe_communications(caseId=case_id)["communications"]
    assert communications[0]["body"] == "Please stop and start it."
    assert communications[0]["submittedBy"] == "Support desk"

    human = run_hikeshi(server, "support", "show-case", "--case-id", case_id, *server.storage_args).stdout
    assert case_id in human and "target met" in human

    missing = run_hikeshi(server, "support", "show-case", "--case-id", "case-000000000000-2026-0000000000000000", *server.storage_args, check=False)
    assert missing.returncode != 0
    assert "was not found" in missing.stderr


def test_check_draft_offline_in_four_languages():
    from harness import find_binary

    binary = str(find_binary())
    vague = json.loads(
        subprocess.run(
            [binary, "support", "check-draft", "--language", "ja", "--subject", "緊急：EC2", "--body", "EC2 が動きません", "--json"],
            capture_output=True, text=True, check=True, env=clean_env(),
        ).stdout
    )  # fmt: skip
    codes = {f["code"] for f in vague["findings"]}
    assert "urgent-in-subject" in codes
    assert "no-question" in codes
    assert vague["language"] == "ja"
    good = json.loads(
        subprocess.run(
            [
                binary, "support", "check-draft", "--language", "en", "--json", "--subject", "Intermittent 503 from ALB",
                "--body",
                "Since 2026-11-20 10:15 JST (still ongoing), the ALB app/web/50dc6c495c0c9188 in ap-northeast-1 returns "
                "HTTP 503 for about 2% of requests. Request ID: 3f1c2b7e-1111-2222-3333-444455556666. We checked target health "
                "and restarted the targets. Our goal is zero 5xx during deploys. What could cause these 503 errors?",
            ],
            capture_output=True, text=True, check=True, env=clean_env(),
        ).stdout
    )  # fmt: skip
    assert good["score"] > vague["score"]
    for language in ("en", "ko", "zh"):
        report = json.loads(
            subprocess.run(
                [binary, "support", "check-draft", "--language", language, "--body", "help", "--json"],
                capture_output=True, text=True, check=True, env=clean_env(),
            ).stdout
        )  # fmt: skip
        assert report["language"] == language
        assert report["findings"], language
    bad = subprocess.run([binary, "support", "check-draft", "--language", "fr", "--body", "x"], capture_output=True, text=True, env=clean_env())
    assert bad.returncode != 0
