# Vendored from getmoto/moto @0af643a (tests/test_ssm/test_ssm.py: the two tag tests that concern documents'
# neighbours), Apache License 2.0, Copyright the moto authors; see https://github.com/getmoto/moto/blob/master/LICENSE.
import boto3
import pytest
from botocore.exceptions import ClientError

from moto import mock_aws

SSM_REGION = "us-east-1"


@mock_aws
def test_tags_invalid_resource_id():
    client = boto3.client("ssm", region_name=SSM_REGION)

    with pytest.raises(ClientError) as ex:
        client.list_tags_for_resource(ResourceType="Parameter", ResourceId="bar")
    assert ex.value.response["Error"]["Code"] == "InvalidResourceId"


@mock_aws
def test_tags_invalid_resource_type():
    client = boto3.client("ssm", region_name=SSM_REGION)

    with pytest.raises(ClientError) as ex:
        client.list_tags_for_resource(ResourceType="foo", ResourceId="bar")
    assert ex.value.response["Error"]["Code"] == "InvalidResourceType"
