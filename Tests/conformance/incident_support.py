"""Helpers for the ssm-incidents tests: response plans and incidents through boto3, the timeline
read back with its data, alert integrations and chat channels made with `hikeshi admin`, payloads
the monitoring tools send, and `WebhookSink`, a threaded HTTP server that records what Hikeshi
posts to chat webhooks (and answers the GET of an SNS `SubscribeURL`).

Nothing here is a pytest fixture; conftest.py wires them up.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

from harness import HikeshiServer, unique, wait_until

INCIDENTS = "ssm-incidents"
CUSTOM_SOURCE = "aws.ssm-incidents.custom"
TRIGGER_EVENT = "SSM Incident Trigger"
UPDATE_EVENT = "SSM Incident Record Update"
ENGAGEMENT_EVENT = "SSM Contacts Engagement"
AUTOMATION_EVENT = "SSM Automation Execution"


# ---------------------------------------------------------------------------
# Names, ARNs, time
# ---------------------------------------------------------------------------


def plan_name(prefix: str = "plan") -> str:
    """A unique response plan name (``^[a-zA-Z0-9-_]*$``)."""
    return unique(prefix)


def plan_arn(name: str, account: str) -> str:
    return f"arn:aws:ssm-incidents::{account}:response-plan/{name}"


def incident_id(arn: str) -> str:
    """The last path segment of an incident record ARN (what chat messages and commands use)."""
    return arn.rsplit("/", 1)[-1]


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


# ---------------------------------------------------------------------------
# boto3 shortcuts
# ---------------------------------------------------------------------------


def template(title: str = "Checkout is down", impact: int = 3, **extra: Any) -> dict:
    return {"title": title, "impact": impact, **extra}


def create_plan(client: Any, name: str | None = None, *, title: str = "Checkout is down", impact: int = 3, template_extra: dict | None = None, **params: Any) -> str:
    """Creates a response plan (a unique name unless given); returns its ARN."""
    name = name or plan_name()
    return client.create_response_plan(name=name, incidentTemplate=template(title, impact, **(template_extra or {})), **params)["arn"]


def start(client: Any, plan: str, **params: Any) -> str:
    return client.start_incident(responsePlanArn=plan, **params)["incidentRecordArn"]


def record(client: Any, arn: str) -> dict:
    return client.get_incident_record(arn=arn)["incidentRecord"]


def collect(call: Callable[..., dict], key: str, page_size: int | None = None, **params: Any) -> tuple[list, int]:
    """Every item of a paginated list (following nextToken); returns (items, pages)."""
    items: list = []
    pages = 0
    token = None
    while True:
        args = dict(params)
        if page_size is not None:
            args["maxResults"] = page_size
        if token:
            args["nextToken"] = token
        response = call(**args)
        pages += 1
        items += response.get(key, [])
        token = response.get("nextToken")
        if not token:
            return items, pages
        assert pages < 1000, "pagination does not end"


def timeline(client: Any, arn: str, **params: Any) -> list[dict]:
    """The incident's timeline summaries (all pages), in the order listed."""
    return collect(client.list_timeline_events, "eventSummaries", incidentRecordArn=arn, **params)[0]


def timeline_events(client: Any, arn: str, event_type: str | None = None) -> list[dict]:
    """Full timeline events (GetTimelineEvent), oldest first, with `data`: eventData parsed as JSON when it is."""
    events = []
    for summary in timeline(client, arn):
        if event_type is not None and summary["eventType"] != event_type:
            continue
        event = client.get_timeline_event(incidentRecordArn=arn, eventId=summary["eventId"])["event"]
        try:
            event["data"] = json.loads(event["eventData"])
        except (ValueError, TypeError):
            event["data"] = None
        events.append(event)
    return events


def trigger_actions(client: Any, arn: str) -> list[str]:
    """The `action` of each "SSM Incident Trigger" event (created, absorbed, resolved), oldest first."""
    return [(e["data"] or {}).get("action") for e in timeline_events(client, arn, TRIGGER_EVENT)]


def related_items(client: Any, arn: str) -> list[dict]:
    return collect(client.list_related_items, "relatedItems", incidentRecordArn=arn)[0]


def involved_arns(client: Any, arn: str) -> list[str]:
    return [
        i["identifier"]["value"].get("arn")
        for i in related_items(client, arn)
        if i["identifier"]["type"] == "INVOLVED_RESOURCE"
    ]


def incidents_of_plan(client: Any, plan: str) -> list[dict]:
    """The caller's incident summaries whose ARN belongs to the plan (by the plan's name in the ARN)."""
    name = plan.rsplit("/", 1)[-1]
    records = collect(client.list_incident_records, "incidentRecordSummaries")[0]
    return [r for r in records if f":incident-record/{name}/" in r["arn"]]


def share_policy(principal_account: str, actions: list[str], effect: str = "Allow", resource: str = "*") -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": effect, "Principal": {"AWS": principal_account}, "Action": actions, "Resource": resource}
            ],
        }
    )


SHARED_ACTIONS = [
    "ssm-incidents:GetResponsePlan",
    "ssm-incidents:StartIncident",
    "ssm-incidents:GetIncidentRecord",
    "ssm-incidents:UpdateIncidentRecord",
    "ssm-incidents:ListTimelineEvents",
    "ssm-incidents:CreateTimelineEvent",
]


# ---------------------------------------------------------------------------
# hikeshi admin: integrations and chat channels
# ---------------------------------------------------------------------------


def public_env(server: HikeshiServer) -> dict[str, str]:
    """What `hikeshi admin` needs to print URLs that reach this server."""
    return {"HIKESHI_PUBLIC_URL": server.endpoint}


def create_integration(server: HikeshiServer, plan: str, kind: str, *, account: str | None = None, auto_resolve: bool = False) -> dict:
    """`hikeshi admin create-integration` for the plan (name or ARN); returns the printed JSON."""
    args = ["create-integration", "--account-id", account or server.creds.account_id, "--response-plan", plan, "--kind", kind]
    if auto_resolve:
        args.append("--auto-resolve")
    out = server.admin(*args, env=public_env(server))
    assert isinstance(out, dict), f"create-integration did not print JSON: {out!r}"
    return out


def create_chat_channel(
    server: HikeshiServer, kind: str, webhook_url: str, *, name: str | None = None, signing_secret: str | None = None, account: str | None = None
) -> dict:
    """`hikeshi admin create-chat-channel`; returns the printed JSON ({arn, kind, name, …})."""
    args = [
        "create-chat-channel", "--account-id", account or server.creds.account_id, "--name", name or unique(kind),
        "--kind", kind, "--webhook-url", webhook_url,
    ]
    if signing_secret is not None:
        args += ["--signing-secret", signing_secret]
    out = server.admin(*args, env=public_env(server))
    assert isinstance(out, dict), f"create-chat-channel did not print JSON: {out!r}"
    return out


# ---------------------------------------------------------------------------
# Plain HTTP
# ---------------------------------------------------------------------------


@dataclass
class HTTPResult:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.body.decode(errors="replace")

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body.strip() else {}


def http_post(url: str, body: bytes | str | dict | list, headers: dict[str, str] | None = None, content_type: str = "application/json") -> HTTPResult:
    if isinstance(body, (dict, list)):
        data = json.dumps(body).encode()
    elif isinstance(body, str):
        data = body.encode()
    else:
        data = body
    hdrs = {"Content-Type": content_type, **(headers or {})}
    request = urllib.request.Request(url, data=data, headers=hdrs, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return HTTPResult(response.status, response.read(), dict(response.headers.items()))
    except urllib.error.HTTPError as e:
        return HTTPResult(e.code, e.read(), dict(e.headers.items()))


# ---------------------------------------------------------------------------
# Webhook sink
# ---------------------------------------------------------------------------


@dataclass
class Hook:
    """One request the sink received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    received_at: float  # time.monotonic()

    @property
    def text(self) -> str:
        return self.body.decode(errors="replace")

    @property
    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None


class WebhookSink:
    """A threaded HTTP server on 127.0.0.1 recording every request (POSTed JSON from chat channels,
    GETs of SNS SubscribeURLs); answers 200 with `{}` (or `fail_next(n)`'s status)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hooks: list[Hook] = []
        self._failures: list[int] = []
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                hook = Hook(self.command, self.path, {k: v for k, v in self.headers.items()}, body, time.monotonic())
                with sink._lock:
                    status = sink._failures.pop(0) if sink._failures else 200
                    if status == 200:
                        sink._hooks.append(hook)
                data = b"ok" if status == 200 else b"failed"
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_POST = _handle  # noqa: N815 (http.server naming)
            do_GET = _handle  # noqa: N815
            do_PUT = _handle  # noqa: N815

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), name="webhook-sink", daemon=True)

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> "WebhookSink":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def fail_next(self, count: int = 1, status: int = 500) -> None:
        with self._lock:
            self._failures += [status] * count

    def hooks(self, path: str | None = None, *, method: str | None = None, containing: str | None = None) -> list[Hook]:
        with self._lock:
            hooks = list(self._hooks)
        return [
            h
            for h in hooks
            if (path is None or h.path.split("?")[0] == path)
            and (method is None or h.method == method)
            and (containing is None or containing in h.text)
        ]

    def wait_for(self, path: str | None = None, *, count: int = 1, containing: str | None = None, method: str | None = "POST", timeout: float = 15) -> list[Hook]:
        return wait_until(
            lambda: (found := self.hooks(path, method=method, containing=containing)) and len(found) >= count and found,
            timeout=timeout,
            message=lambda: f"{count} {method or ''} request(s) to {path or 'the sink'} containing {containing!r}; have: "
            + repr([(h.method, h.path, h.text[:300]) for h in self.hooks()]),
        )


# ---------------------------------------------------------------------------
# Slack
# ---------------------------------------------------------------------------


def slack_signature(secret: str, timestamp: str, body: str) -> str:
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return "v0=" + digest


def post_slack(url: str, form: dict[str, str], secret: str, *, signature: str | None = None, timestamp: str | None = None) -> HTTPResult:
    """POSTs a form as Slack does, signed with the app's signing secret (or with `signature`)."""
    body = urllib.parse.urlencode(form)
    ts = timestamp or str(int(time.time()))
    headers = {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature or slack_signature(secret, ts, body)}
    return http_post(url, body, headers, content_type="application/x-www-form-urlencoded")


def slash_command(text: str, user: str = "alice") -> dict[str, str]:
    return {
        "token": "deprecated-verification-token",
        "team_id": "T0001",
        "team_domain": "example",
        "channel_id": "C2147483705",
        "channel_name": "incidents",
        "user_id": "U2147483697",
        "user_name": user,
        "command": "/hikeshi",
        "text": text,
        "api_app_id": "A123456",
        "response_url": "https://hooks.slack.invalid/commands/1234/5678",
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
    }


def block_action(action_id: str, value: str, user: str = "alice") -> dict[str, str]:
    payload = {
        "type": "block_actions",
        "user": {"id": "U2147483697", "username": user, "name": user, "team_id": "T0001"},
        "api_app_id": "A123456",
        "team": {"id": "T0001", "domain": "example"},
        "channel": {"id": "C2147483705", "name": "incidents"},
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        "response_url": "https://hooks.slack.invalid/actions/1234/5678",
        "actions": [
            {"action_id": action_id, "block_id": "hikeshi", "type": "button", "value": value, "action_ts": f"{time.time():.6f}"}
        ],
    }
    return {"payload": json.dumps(payload)}


# ---------------------------------------------------------------------------
# What monitoring tools post
# ---------------------------------------------------------------------------


def alarm_arn(name: str, account: str = "123456789012", region: str = "us-east-1") -> str:
    return f"arn:aws:cloudwatch:{region}:{account}:alarm:{name}"


def eventbridge_alarm(name: str, state: str = "ALARM", *, account: str = "123456789012", region: str = "us-east-1", instance: str = "i-0abc1234def567890") -> dict:
    """EventBridge's documented "CloudWatch Alarm State Change" event."""
    moment = now_utc()
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}+0000"
    previous = "OK" if state != "OK" else "ALARM"
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "CloudWatch Alarm State Change",
        "source": "aws.cloudwatch",
        "account": account,
        "time": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "region": region,
        "resources": [alarm_arn(name, account, region)],
        "detail": {
            "alarmName": name,
            "configuration": {
                "description": "Goes into alarm when server CPU utilization is too high!",
                "metrics": [
                    {
                        "id": "30b6c6b2-a864-43a2-4877-c09a1afc3b87",
                        "metricStat": {
                            "metric": {"dimensions": {"InstanceId": instance}, "name": "CPUUtilization", "namespace": "AWS/EC2"},
                            "period": 300,
                            "stat": "Average",
                        },
                        "returnData": True,
                    }
                ],
            },
            "previousState": {"reason": "Threshold Crossed", "timestamp": stamp, "value": previous},
            "state": {
                "reason": "Threshold Crossed: 1 out of the last 1 datapoints [99.5] was greater than the threshold (70.0).",
                "timestamp": stamp,
                "value": state,
            },
        },
    }


def cloudwatch_alarm_message(name: str, state: str = "ALARM", *, account: str = "123456789012", region: str = "us-east-1", instance: str = "i-0abc1234def567890") -> dict:
    """The JSON a CloudWatch alarm publishes to its SNS topic."""
    return {
        "AlarmName": name,
        "AlarmDescription": "CPU above 70% for 5 minutes",
        "AWSAccountId": account,
        "AlarmConfigurationUpdatedTimestamp": "2024-01-01T00:00:00.000+0000",
        "NewStateValue": state,
        "NewStateReason": "Threshold Crossed: 1 datapoint [99.5] was greater than the threshold (70.0).",
        "StateChangeTime": now_utc().strftime("%Y-%m-%dT%H:%M:%S.000+0000"),
        "Region": "US East (N. Virginia)",
        "AlarmArn": alarm_arn(name, account, region),
        "OldStateValue": "OK" if state != "OK" else "ALARM",
        "OKActions": [],
        "AlarmActions": [f"arn:aws:sns:{region}:{account}:alarms"],
        "InsufficientDataActions": [],
        "Trigger": {
            "MetricName": "CPUUtilization",
            "Namespace": "AWS/EC2",
            "StatisticType": "Statistic",
            "Statistic": "AVERAGE",
            "Unit": None,
            "Dimensions": [{"value": instance, "name": "InstanceId"}],
            "Period": 300,
            "EvaluationPeriods": 1,
            "ComparisonOperator": "GreaterThanThreshold",
            "Threshold": 70.0,
            "TreatMissingData": "missing",
            "EvaluateLowSampleCountPercentile": "",
        },
    }


def sns_notification(message: str, *, topic: str = "arn:aws:sns:us-east-1:123456789012:alarms", subject: str | None = "ALARM in US East (N. Virginia)") -> dict:
    """An SNS HTTP(S) `Notification` (unsigned: the Signature is filler; see `sign_sns`)."""
    body = {
        "Type": "Notification",
        "MessageId": str(uuid.uuid4()),
        "TopicArn": topic,
        "Message": message,
        "Timestamp": now_utc().strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
        "SignatureVersion": "1",
        "Signature": base64.b64encode(secrets.token_bytes(256)).decode(),
        "SigningCertURL": "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem",
        "UnsubscribeURL": f"https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={topic}:{uuid.uuid4()}",
    }
    if subject is not None:
        body["Subject"] = subject
    return body


def sns_subscription_confirmation(subscribe_url: str, *, topic: str = "arn:aws:sns:us-east-1:123456789012:alarms") -> dict:
    token = secrets.token_hex(64)
    return {
        "Type": "SubscriptionConfirmation",
        "MessageId": str(uuid.uuid4()),
        "Token": token,
        "TopicArn": topic,
        "Message": f"You have chosen to subscribe to the topic {topic}.\nTo confirm the subscription, visit the SubscribeURL included in this message.",
        "SubscribeURL": subscribe_url,
        "Timestamp": now_utc().strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
        "SignatureVersion": "1",
        "Signature": base64.b64encode(secrets.token_bytes(256)).decode(),
        "SigningCertURL": "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem",
    }


def sns_string_to_sign(message: dict) -> str:
    """The text SNS signs (AWS's documented field lists, each as name, newline, value, newline)."""
    if message["Type"] == "Notification":
        keys = ["Message", "MessageId"] + (["Subject"] if "Subject" in message else []) + ["Timestamp", "TopicArn", "Type"]
    else:
        keys = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"]
    return "".join(f"{k}\n{message[k]}\n" for k in keys)


def sign_sns(message: dict, private_key: Any) -> dict:
    """Signs the message with SignatureVersion 2 (SHA256withRSA) using a `cryptography` RSA key."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    signed = dict(message, SignatureVersion="2")
    signature = private_key.sign(sns_string_to_sign(signed).encode(), padding.PKCS1v15(), hashes.SHA256())
    signed["Signature"] = base64.b64encode(signature).decode()
    return signed


def self_signed_certificate() -> tuple[Any, str]:
    """A fresh RSA key and a self-signed certificate (PEM) for it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sns.us-east-1.amazonaws.com")])
    moment = now_utc()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(moment - dt.timedelta(days=1))
        .not_valid_after(moment + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return key, certificate.public_bytes(serialization.Encoding.PEM).decode()


def alertmanager_payload(
    group_key: str,
    status: str = "firing",
    *,
    alertname: str = "DiskFull",
    instances: tuple[str, ...] = ("db1",),
    severity: str = "critical",
    summary: str | None = None,
) -> dict:
    """An Alertmanager webhook notification (version 4) for a group by alertname."""
    start_time = now_utc() - dt.timedelta(minutes=2)
    alerts = []
    for instance in instances:
        alerts.append(
            {
                "status": status,
                "labels": {"alertname": alertname, "severity": severity, "instance": instance},
                "annotations": {"summary": summary or f"{alertname} on {instance}", "description": f"{instance} has less than 1% disk left"},
                "startsAt": iso(start_time),
                "endsAt": iso(now_utc()) if status == "resolved" else "0001-01-01T00:00:00Z",
                "generatorURL": f"http://prometheus.example:9090/graph?g0.expr=disk_free%7Binstance%3D%22{instance}%22%7D",
                "fingerprint": hashlib.sha1(f"{alertname}{instance}".encode()).hexdigest()[:16],
            }
        )
    common_annotations = {"summary": summary} if summary else {}
    return {
        "version": "4",
        "groupKey": group_key,
        "truncatedAlerts": 0,
        "status": status,
        "receiver": "hikeshi",
        "groupLabels": {"alertname": alertname},
        "commonLabels": {"alertname": alertname, "severity": severity, **({"instance": instances[0]} if len(instances) == 1 else {})},
        "commonAnnotations": common_annotations,
        "externalURL": "http://alertmanager.example:9093",
        "alerts": alerts,
    }


def grafana_payload(group_key: str, rule: str, status: str = "firing") -> dict:
    """A Grafana unified alerting webhook notification."""
    start_time = now_utc() - dt.timedelta(minutes=1)
    tag = "FIRING" if status == "firing" else "RESOLVED"
    return {
        "receiver": "hikeshi",
        "status": status,
        "orgId": 1,
        "alerts": [
            {
                "status": status,
                "labels": {"alertname": rule, "grafana_folder": "Infra", "team": "blue"},
                "annotations": {"description": "Memory above 90% on web-1"},
                "startsAt": iso(start_time),
                "endsAt": "0001-01-01T00:00:00Z" if status == "firing" else iso(now_utc()),
                "generatorURL": "http://grafana.example/alerting/grafana/abc123/view",
                "fingerprint": "57c6d9296de2ad39",
                "silenceURL": "http://grafana.example/alerting/silence/new?matcher=alertname%3DHighMemory",
                "dashboardURL": "http://grafana.example/d/dash1",
                "panelURL": "http://grafana.example/d/dash1?viewPanel=1",
                "values": {"B": 92.5, "C": 1},
                "valueString": "[ var='B' labels={} value=92.5 ], [ var='C' labels={} value=1 ]",
            }
        ],
        "groupLabels": {"alertname": rule},
        "commonLabels": {"alertname": rule, "grafana_folder": "Infra", "team": "blue"},
        "commonAnnotations": {"description": "Memory above 90% on web-1"},
        "externalURL": "http://grafana.example/",
        "version": "1",
        "groupKey": group_key,
        "truncatedAlerts": 0,
        "title": f"[{tag}:1] {rule} (Infra blue)",
        "state": "alerting" if status == "firing" else "ok",
        "message": f"**{tag}**\n\nValue: B=92.5\nLabels:\n - alertname = {rule}\n",
    }
