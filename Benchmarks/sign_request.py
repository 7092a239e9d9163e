"""Prints a wrk Lua script that replays one SigV4-signed ssm-contacts call (valid for 15 minutes).

Usage: sign_request.py ENDPOINT ACCESS_KEY SECRET TARGET JSON_BODY
"""
import json
import sys

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

endpoint, key, secret, target, body = sys.argv[1:6]
request = AWSRequest(
    method="POST",
    url=endpoint + "/",
    data=body.encode(),
    headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "SSMContacts." + target},
)
SigV4Auth(Credentials(key, secret), "ssm-contacts", "us-east-1").add_auth(request)
print('wrk.method = "POST"')
print("wrk.body = " + json.dumps(body))
for name, value in request.headers.items():
    print("wrk.headers[%s] = %s" % (json.dumps(name), json.dumps(value)))
