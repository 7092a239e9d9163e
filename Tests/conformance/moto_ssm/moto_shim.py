"""A tiny stand-in for the parts of moto the vendored tests import (moto is not a dependency of this suite):
`mock_aws` leaves the test as it is (the fixture in conftest.py points boto3 at a fresh Hikeshi server instead), and
`moto.core.DEFAULT_ACCOUNT_ID` is the account that server is started with."""

import sys
import types

DEFAULT_ACCOUNT_ID = "123456789012"


def mock_aws(func=None, **_kwargs):
    return func if func is not None else (lambda f: f)


def install() -> None:
    moto = types.ModuleType("moto")
    moto.mock_aws = mock_aws
    moto.mock_ssm = mock_aws
    core = types.ModuleType("moto.core")
    core.DEFAULT_ACCOUNT_ID = DEFAULT_ACCOUNT_ID
    moto.core = core
    sys.modules["moto"] = moto
    sys.modules["moto.core"] = core
