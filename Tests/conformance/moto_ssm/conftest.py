"""Runs moto's SSM document tests against Hikeshi: each test gets a fresh server (fresh storage) whose bootstrap
account is moto's 123456789012, and `boto3.client(...)` in the test is pointed at it. moto itself is not imported:
`moto_shim` stands in for the two names the tests use."""

import secrets
from typing import Any, Iterator

import boto3
import pytest

from harness import Account

from . import moto_shim

moto_shim.install()


@pytest.fixture(autouse=True)
def hikeshi_for_moto(server_factory: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    account = Account(moto_shim.DEFAULT_ACCOUNT_ID, "AKIA" + secrets.token_hex(8).upper(), secrets.token_urlsafe(30))
    server = server_factory.new(bootstrap=account)

    def client(service: str, region_name: str = "us-east-1", **_kwargs: Any) -> Any:
        return server.client(service, region=region_name)

    monkeypatch.setattr(boto3, "client", client)
    yield server


# Tests that still fail, and why; kept visible as xfail (see README.md).
KNOWN_DIFFERENCES = {
    "test_create_document": "YAML sent as JSON: Hikeshi says 'The content is not valid JSON', moto 'The content for the document is not valid.'",
    "test_get_document": "GetDocument without DocumentFormat answers in the version's own format (YAML here); moto converts to JSON",
    "test_delete_document": "GetDocument without DocumentFormat answers in the version's own format (YAML here); moto converts to JSON",
    "test_update_document": "DuplicateDocumentContent wording: Hikeshi names the document; moto has AWS's association-document text",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        reason = KNOWN_DIFFERENCES.get(item.name)
        if reason and item.module is not None and item.module.__name__.endswith("test_ssm_docs"):
            item.add_marker(pytest.mark.xfail(reason=reason, strict=True))
