"""The benchmarks' shared pieces: requests signed once (SigV4 signatures stay valid for 15 minutes, so wrk and
http.client can replay them), and the data the hot paths read — contacts, a year-long rotation with overrides, a
customer with open support cases.

Used by bench.py, instructions.py and sign_request.py; not a test module.
"""

from __future__ import annotations

import datetime as dt
import json

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

REGION = "us-east-1"
SUPPORT_TARGET = "AWSSupport_20130415."


def signed(endpoint: str, key: str, secret: str, service: str, body: dict | None, target: str | None = None,
           method: str = "POST", path: str = "/") -> dict:  # fmt: skip
    """`{"method", "path", "body", "headers"}` of a request signed once: JSON 1.1 when `target` is given, else REST-JSON."""
    data = json.dumps(body) if body is not None else ""
    headers = {"Content-Type": "application/x-amz-json-1.1" if target else "application/json"}
    if target:
        headers["X-Amz-Target"] = target
    request = AWSRequest(method=method, url=endpoint + path, data=data.encode(), headers=headers)
    SigV4Auth(Credentials(key, secret), service, REGION).add_auth(request)
    return {"method": method, "path": path, "body": data, "headers": dict(request.headers.items())}


def rotation_with_overrides(contacts) -> tuple[list[str], str]:
    """30 contacts in a daily rotation (Asia/Tokyo, since 2026) with 100 six-hour overrides in 2027; returns the
    contacts' ARNs and the rotation's."""
    people = [contacts.create_contact(Alias=f"bench-{i}", Type="PERSONAL", Plan={"Stages": []})["ContactArn"] for i in range(30)]
    rotation = contacts.create_rotation(
        Name="bench-rotation",
        ContactIds=people,
        StartTime=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),
        TimeZoneId="Asia/Tokyo",
        Recurrence={"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1, "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}]},
    )["RotationArn"]
    for day in range(0, 300, 3):
        start = dt.datetime(2027, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(days=day)
        contacts.create_rotation_override(
            RotationId=rotation, NewContactIds=[people[day % 30]], StartTime=start, EndTime=start + dt.timedelta(hours=6)
        )
    return people, rotation


# A year of the rotation's shifts (ListRotationShifts), given its ARN.
def a_year_of(rotation: str) -> dict:
    return {"RotationId": rotation, "StartTime": "2027-01-01T00:00:00Z", "EndTime": "2028-01-01T00:00:00Z"}


def business_customer(server):
    """A new customer account on the Business plan (Japanese, Asia/Tokyo)."""
    account = server.create_account()
    server.client("hikeshi").put_support_plan(AccountId=account.account_id, Plan="business", Language="ja", TimeZone="Asia/Tokyo")
    return account


def support_cases(client, count: int, replies: bool = True) -> None:
    """`count` open cases, each with a reply (two communications) when `replies`."""
    for index in range(count):
        case = client.create_case(
            subject=f"Instance i-0abc{index:04d} does not answer",
            communicationBody="Since 09:00 JST the instance in ap-northeast-1 fails its status check. We rebooted it.",
            serviceCode="amazon-elastic-compute-cloud-linux",
            categoryCode="general-guidance",
            severityCode="normal",
            language="ja",
        )["caseId"]
        if replies:
            client.add_communication_to_case(caseId=case, communicationBody="It is still failing after a stop and start.")
