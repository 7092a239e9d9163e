"""Backups: `hikeshi admin backup --to FILE` copies the embedded database while the server serves and writes, and
`hikeshi admin restore --from FILE` puts it back into a data directory with no server running. Everything
acknowledged before the backup began reads back, and sealed secrets (access keys) still open with the same master
key. On PostgreSQL the commands point at pg_dump."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import pytest

from harness import HikeshiServer, unique


def test_backup_while_writing_then_restore_into_a_fresh_directory(server_factory, engine):
    server = server_factory.new()
    if engine != "sqlite":
        result = server.admin("backup", "--to", str(server.data_dir.parent / "x.sqlite"), check=False)
        assert result.returncode != 0 and "pg_dump" in result.stderr, result.stderr
        pytest.skip("PostgreSQL is backed up with pg_dump")
    contacts = server.client("ssm-contacts")
    customer = server.create_account()  # its access key is sealed under the master key
    acknowledged: list[str] = []
    stop = threading.Event()

    def write() -> None:
        while not stop.is_set():
            alias = unique("bk")
            contacts.create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []})
            acknowledged.append(alias)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        while len(acknowledged) < 20:
            threading.Event().wait(0.05)
        before = list(acknowledged)
        backup = server.data_dir.parent / "backup.sqlite"
        assert server.admin("backup", "--to", str(backup)) == {"Backup": str(backup)}
        while len(acknowledged) < len(before) + 10:  # writes went on during and after the copy
            threading.Event().wait(0.05)
    finally:
        stop.set()
        writer.join()
    refused = server.admin("backup", "--to", str(backup), check=False)
    assert refused.returncode != 0 and "--force" in refused.stderr

    # A fresh data directory with the same master key: restore, then serve.
    fresh_dir = Path(tempfile.mkdtemp(prefix="restored-", dir=server_factory.root))
    (fresh_dir / "master.key").write_bytes((server.data_dir / "master.key").read_bytes())
    restored = HikeshiServer(server.binary, "sqlite", fresh_dir, None, server.bootstrap)
    server_factory.servers.append(restored)
    answer = restored.admin("restore", "--from", str(backup))
    assert answer == {"Restored": str(backup)}, answer
    restored.start()
    aliases = set()
    paginator = restored.client("ssm-contacts").get_paginator("list_contacts")
    for page in paginator.paginate():
        aliases |= {c["Alias"] for c in page["Contacts"]}
    assert set(before) <= aliases, f"lost: {set(before) - aliases}"
    assert aliases <= set(acknowledged) | set(before)
    assert restored.client("ssm-contacts", account=customer).list_contacts()["Contacts"] == []

    # Not while a server runs on the directory; not a file that is not a Hikeshi database.
    busy = restored.admin("restore", "--from", str(backup), check=False)
    assert busy.returncode != 0 and "stop the server" in busy.stderr, busy.stderr
    restored.stop()
    junk = server_factory.root / "junk.sqlite"
    junk.write_text("not a database")
    bad = restored.admin("restore", "--from", str(junk), check=False)
    assert bad.returncode != 0 and "not a Hikeshi database" in bad.stderr, bad.stderr
    # A second restore keeps the database it replaces.
    again = restored.admin("restore", "--from", str(backup))
    assert again["PreviousDatabaseKeptAs"].startswith("hikeshi.sqlite.before-restore-"), again
    assert (fresh_dir / again["PreviousDatabaseKeptAs"]).exists()
