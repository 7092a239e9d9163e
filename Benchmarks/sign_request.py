"""Prints a wrk Lua script that replays one SigV4-signed ssm-contacts call (valid for 15 minutes).

Usage: sign_request.py ENDPOINT ACCESS_KEY SECRET TARGET JSON_BODY
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workload import signed  # noqa: E402

endpoint, key, secret, target, body = sys.argv[1:6]
request = signed(endpoint, key, secret, "ssm-contacts", json.loads(body), target="SSMContacts." + target)
print('wrk.method = "POST"')
print("wrk.body = " + json.dumps(request["body"]))
for name, value in request["headers"].items():
    print("wrk.headers[%s] = %s" % (json.dumps(name), json.dumps(value)))
