"""Upgrading keeps every answer: the current release starts on data a previous release wrote
(`fixtures/upgrade-<release>/`, made by `fixtures/make_upgrade_fixture.py`), migrates it, and answers
every read of the data set (contacts, channels, rotations and shifts, engagements, response plans,
incidents, timelines, related items, replication sets, tags, support cases and communications) as
the previous release did."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from harness import clean_env
from upgrade_data import ADMIN, read_all

def model_generated_id(old: str, item_type: str) -> str:
    """An id an earlier release answered (a UUID, or what an older migration kept) in the form answered now."""
    if old.startswith("related-item/"):
        return old
    digits = old.replace("-", "").upper()
    if len(digits) != 32 or any(c not in "0123456789ABCDEF" for c in digits):
        digits = hashlib.sha256(old.encode()).hexdigest()[:32].upper()
    return f"related-item/{item_type}/{digits}"


FIXTURES = sorted((Path(__file__).resolve().parent / "fixtures").glob("upgrade-*"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_previous_release_data_reads_back_the_same(server_factory: Any, engine: str, fixture: Path) -> None:
    recorded_file = fixture / f"reads-{engine}.json"
    if not recorded_file.exists():
        pytest.fail(f"{recorded_file} is missing: make it with fixtures/make_upgrade_fixture.py")
    recorded = json.loads(recorded_file.read_text())
    server = server_factory.new(bootstrap=ADMIN, start=False)
    server.data_dir.mkdir(parents=True, exist_ok=True)
    if engine == "sqlite":
        for file in (fixture / "sqlite").iterdir():
            shutil.copy2(file, server.data_dir / file.name)
    else:
        shutil.copy2(fixture / "postgres-master.key", server.data_dir / "master.key")
        psql = server_factory.postgres.psql
        load = subprocess.run(
            [psql, server.database_url, "-v", "ON_ERROR_STOP=1", "-q", "-X", "-f", str(fixture / "postgres.sql")],
            capture_output=True, text=True, timeout=120, env=clean_env(),
        )
        assert load.returncode == 0, load.stderr
    server.start()
    answers = read_all(server, recorded["names"])
    assert len(answers) == len(recorded["reads"])
    for now, then in zip(answers, recorded["reads"]):
        # Fields later releases add to an answer, with the value they have for old data.
        record = now.get("answer", {}).get("incidentRecord") if isinstance(now.get("answer"), dict) else None
        if record is not None and record.get("automationExecutions") == [] and "automationExecutions" not in then["answer"]["incidentRecord"]:
            del record["automationExecutions"]
        # Related items' ids now answer in the model's form, related-item/<TYPE>/<32 hex>, the same id for the same item.
        for item in then.get("answer", {}).get("relatedItems", []) if isinstance(then.get("answer"), dict) else []:
            item["generatedId"] = model_generated_id(item["generatedId"], item["identifier"]["type"])
        assert now == then, f"{then['service']} {then['operation']} {then['params']} answers differently after the upgrade"
    # The old incident's parent OpsItem became an OpsItem OpsCenter serves (migration 10), with the incident under it.
    open_incident = recorded["names"]["open_incident"]
    incidents_client = server.client("ssm-incidents", account=ADMIN)
    parent = next(
        item for item in incidents_client.list_related_items(incidentRecordArn=open_incident)["relatedItems"]
        if item["identifier"]["type"] == "PARENT"
    )["identifier"]["value"]["arn"]
    ops = server.client("ssm", account=ADMIN)
    opsitem = ops.get_ops_item(OpsItemId=parent.rsplit("/", 1)[1])["OpsItem"]
    role = f"arn:aws:sts::{ADMIN.account_id}:assumed-role/AWSServiceRoleForIncidentManager/IncidentResponse"
    assert opsitem["OpsItemArn"] == parent and opsitem["Status"] == "Open" and opsitem["Version"] == "1" and opsitem["CreatedBy"] == role
    related = ops.list_ops_item_related_items(OpsItemId=opsitem["OpsItemId"])["Summaries"]
    assert [(r["ResourceUri"], r["AssociationType"], r["ResourceType"]) for r in related] == [
        (open_incident, "IsParentOf", "AWS::SSMIncidents::IncidentRecord")
    ]
    events = ops.list_ops_item_events(Filters=[{"Key": "OpsItemId", "Values": [opsitem["OpsItemId"]], "Operator": "Equal"}])["Summaries"]
    assert [e["DetailType"] for e in events] == ["OpsItem Create"]
    # And the data is still writable: a new contact, a timeline note on the old incident.
    contacts = server.client("ssm-contacts", account=ADMIN)
    contacts.create_contact(Alias="after-upgrade", Type="PERSONAL", Plan={"Stages": []})
    incidents = server.client("ssm-incidents", account=ADMIN)
    incidents.update_incident_record(arn=recorded["names"]["open_incident"], impact=3)
    assert incidents.get_incident_record(arn=recorded["names"]["open_incident"])["incidentRecord"]["impact"] == 3
    # Resolving the old incident resolves its carried-over parent OpsItem.
    incidents.update_incident_record(arn=open_incident, status="RESOLVED")
    assert ops.get_ops_item(OpsItemId=opsitem["OpsItemId"])["OpsItem"]["Status"] == "Resolved"
    assert server.stop() == 0
