"""Case email: every communication on a case goes to the addresses copied on the case and on the message
(as AWS Support mails its CC list), through the server's SMTP delivery."""

from __future__ import annotations

from support_support import EC2, GENERAL, customer, desk, support


def test_copied_addresses_get_every_communication(server_factory, smtp_sink):
    srv = server_factory.new(env={"HIKESHI_SMTP_URL": smtp_sink.url, "HIKESHI_SMTP_FROM": "support@hikeshi.test"})
    client = support(srv, customer(srv, "business", "en", "UTC"))
    hk = desk(srv)
    case_id = client.create_case(
        subject="Database connections time out",
        communicationBody="Since 09:00 UTC connections to db-1 in us-east-1 time out. What should we check?",
        serviceCode=EC2, categoryCode=GENERAL, severityCode="high", language="en",
        ccEmailAddresses=["ops@example.com", "lead@example.com"],
    )["caseId"]  # fmt: skip
    display_id = client.describe_cases(caseIdList=[case_id])["cases"][0]["displayId"]

    opened = smtp_sink.wait_for("ops@example.com", subject_contains=f"[Case {display_id}]")
    assert "connections to db-1" in opened[0].body
    assert opened[0].mail_from == "support@hikeshi.test"
    assert sorted(opened[0].rcpt_tos) == ["lead@example.com", "ops@example.com"]

    agent = hk.create_agent(Name="Kenji", Specialties=["compute"], Languages=["en"])["Agent"]
    hk.reply_to_case(CaseId=case_id, AgentId=agent["AgentId"], Body="Please send the security group id.", RequestInformation=True,
                     CcEmailAddresses=["dba@example.com"])  # fmt: skip
    replies = smtp_sink.wait_for("dba@example.com")
    assert "Please send the security group id." in replies[0].body
    assert "Kenji" in replies[0].body
    assert "pending-customer-action" in replies[0].body
    assert sorted(replies[0].rcpt_tos) == ["dba@example.com", "lead@example.com", "ops@example.com"]

    client.add_communication_to_case(caseId=case_id, communicationBody="It is sg-0123456789abcdef0.")
    answers = smtp_sink.wait_for("ops@example.com", count=3)
    assert any("sg-0123456789abcdef0" in mail.body for mail in answers)


def test_no_copies_no_mail(server_factory, smtp_sink):
    srv = server_factory.new(env={"HIKESHI_SMTP_URL": smtp_sink.url, "HIKESHI_SMTP_FROM": "support@hikeshi.test"})
    client = support(srv, customer(srv, "developer", "en", "UTC"))
    quiet = client.create_case(subject="No copies", communicationBody="Which instance types support EFA?", serviceCode=EC2,
                               categoryCode=GENERAL, severityCode="low", language="en")["caseId"]  # fmt: skip
    loud = client.create_case(subject="With copies", communicationBody="Which instance types support EFA?", serviceCode=EC2,
                              categoryCode=GENERAL, severityCode="low", language="en", ccEmailAddresses=["x@example.com"])["caseId"]  # fmt: skip
    # The quiet case was committed first: a mail job of its own would have been due earlier than the loud one's.
    smtp_sink.wait_for("x@example.com")
    subjects = [mail.subject for mail in smtp_sink.messages]
    assert not any("No copies" in subject for subject in subjects), subjects
    assert quiet != loud
