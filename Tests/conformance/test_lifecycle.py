"""Process lifecycle: persistence across restarts and crashes, bootstrap credentials."""

from __future__ import annotations

import os
import stat

import pytest

from harness import aws_error, contact_arn, read_credentials_file, unique


def create_contact(server, alias):
    client = server.client()
    client.create_contact(Alias=alias, DisplayName="Durable", Type="PERSONAL", Plan={"Stages": []})
    channel = client.create_contact_channel(
        ContactId=contact_arn(alias), Name="durable email", Type="EMAIL", DeliveryAddress={"SimpleAddress": "d@example.com"}
    )["ContactChannelArn"]
    return channel


def assert_contact_survived(server, alias, channel):
    client = server.client()
    got = client.get_contact(ContactId=contact_arn(alias))
    assert got["DisplayName"] == "Durable"
    assert client.get_contact_channel(ContactChannelId=channel)["Name"] == "durable email"


def test_data_survives_graceful_restart(server_factory):
    srv = server_factory.new()
    alias = unique("durable")
    channel = create_contact(srv, alias)

    assert srv.stop() == 0, srv.log_tail()
    srv.restart()
    assert_contact_survived(srv, alias, channel)


def test_data_survives_kill_9(server_factory):
    srv = server_factory.new()
    alias = unique("crash")
    channel = create_contact(srv, alias)

    srv.kill()
    srv.restart()
    assert_contact_survived(srv, alias, channel)
    # and the server keeps working after recovery
    srv.client().create_contact(Alias=unique("after-crash"), Type="PERSONAL", Plan={"Stages": []})


def test_admin_account_survives_restart(server_factory):
    srv = server_factory.new()
    account = srv.create_account("durable")
    srv.stop()
    srv.restart()
    client = srv.client(account=account)
    alias = unique("b")
    assert client.create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []})["ContactArn"] == contact_arn(alias, account.account_id)


def test_sigterm_exits_zero(server_factory):
    srv = server_factory.new()
    srv.client().list_contacts()
    assert srv.stop() == 0, srv.log_tail()


def test_first_start_without_env_creds_writes_credentials_file(server_factory):
    srv = server_factory.new(bootstrap=False)
    path = srv.data_dir / "credentials"
    assert path.is_file(), f"{path} was not created\n{srv.log_tail()}"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, oct(os.stat(path).st_mode)

    account, text = read_credentials_file(path)
    assert account is not None, f"no [default] aws_access_key_id/aws_secret_access_key in:\n{text}"
    assert len(account.account_id) == 12 and account.account_id.isdigit(), f"no 12-digit account id in:\n{text}"
    srv.accounts[account.account_id] = account
    srv.default_account = account

    alias = unique("boot")
    arn = srv.client().create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    assert arn == contact_arn(alias, account.account_id)

    # a restart keeps the same credentials (no regeneration)
    srv.stop()
    srv.restart()
    assert read_credentials_file(path)[0] == account
    assert srv.client().get_contact(ContactId=arn)["Alias"] == alias


def test_generated_credentials_are_per_installation(server_factory):
    first = server_factory.new(bootstrap=False)
    second = server_factory.new(bootstrap=False)
    a, _ = read_credentials_file(first.data_dir / "credentials")
    b, _ = read_credentials_file(second.data_dir / "credentials")
    assert a is not None and b is not None
    assert a.access_key_id != b.access_key_id
    assert a.secret_access_key != b.secret_access_key
    # first's key means nothing to second
    second.accounts[a.account_id] = a
    with aws_error("UnrecognizedClientException", 403):
        second.client(access_key_id=a.access_key_id, secret_access_key=a.secret_access_key).list_contacts()


@pytest.mark.engine("sqlite")
def test_sqlite_data_lives_in_data_dir(server_factory):
    srv = server_factory.new()
    create_contact(srv, unique("files"))
    assert any(srv.data_dir.iterdir()), "data dir is empty"
