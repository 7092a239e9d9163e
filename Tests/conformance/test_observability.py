"""Prometheus metrics at /metrics."""

from __future__ import annotations

import re

from harness import unique

SAMPLE_RE = re.compile(r"^(?P<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?P<labels>[^}]*)\})?\s+(?P<value>\S+)")
LABEL_RE = re.compile(r'(?P<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?P<value>(?:[^"\\]|\\.)*)"')


def scrape(server) -> tuple[dict[str, str], list[tuple[str, dict[str, str], float]]]:
    """Returns ({metric family: type}, [(sample name, labels, value)])."""
    response = server.get("/metrics")
    assert response.status == 200, response.body[:500]
    types, samples = {}, []
    for line in response.body.decode().splitlines():
        if line.startswith("# TYPE "):
            _, _, family, kind = line.split(None, 3)
            types[family] = kind.strip()
            continue
        if not line.strip() or line.startswith("#"):
            continue
        match = SAMPLE_RE.match(line)
        assert match, f"not a Prometheus sample line: {line!r}"
        labels = {m["key"]: m["value"] for m in LABEL_RE.finditer(match["labels"] or "")}
        samples.append((match["name"], labels, float(match["value"])))
    return types, samples


def counter_total(types, samples, operation: str) -> float:
    counters = {family for family, kind in types.items() if kind == "counter"}
    total = 0.0
    for name, labels, value in samples:
        family = name[: -len("_total")] if name.endswith("_total") and name not in counters else name
        if (family in counters or name in counters) and labels.get("operation") == operation:
            total += value
    return total


def test_metrics_count_requests_per_operation(server, ssm):
    types, samples = scrape(server)
    before = counter_total(types, samples, "CreateContact")

    for _ in range(2):
        ssm.create_contact(Alias=unique("metric"), DisplayName="m", Type="PERSONAL", Plan={"Stages": []})
    ssm.list_contacts(MaxResults=1)

    types, samples = scrape(server)
    assert any(labels.get("operation") == "CreateContact" for _, labels, _ in samples), "no sample labelled operation=\"CreateContact\""
    after = counter_total(types, samples, "CreateContact")
    assert after - before >= 2, f"CreateContact counter went from {before} to {after}"
    assert counter_total(types, samples, "ListContacts") >= 1


def test_metrics_have_latency_histograms(server, ssm):
    ssm.list_contacts(MaxResults=1)
    types, samples = scrape(server)
    histograms = {family for family, kind in types.items() if kind == "histogram"}
    assert histograms, f"no histogram families in /metrics; types: {types}"
    buckets = [(name, labels) for name, labels, _ in samples if name.endswith("_bucket") and name[: -len("_bucket")] in histograms]
    assert buckets, "no _bucket samples"
    assert all("le" in labels for _, labels in buckets)
    assert any(labels.get("operation") == "ListContacts" for _, labels in buckets), "no latency buckets for operation=\"ListContacts\""


def test_metrics_need_no_auth_and_are_text(server):
    response = server.get("/metrics")
    assert response.status == 200
    assert (response.header("Content-Type") or "").startswith("text/plain"), response.headers


def test_secrets_never_reach_the_log(server_factory):
    """At the most verbose level, after signed calls that succeed and fail, no secret access key
    (the bootstrap administrator's or one made by `hikeshi admin`) nor the master key is logged."""
    srv = server_factory.new(serve_args=["--log-level", "trace"])
    other = srv.create_account("logged")
    client = srv.client()
    arn = client.create_contact(Alias=unique("logcheck"), Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    client.get_contact(ContactId=arn)
    srv.client(account=other).list_contacts()
    wrong = srv.client(access_key_id=other.access_key_id, secret_access_key="not-the-secret")
    try:
        wrong.list_contacts()
    except Exception:  # InvalidSignatureException, asserted elsewhere
        pass
    srv.stop()
    log = srv.log_path.read_text(errors="replace")
    assert "ssm-contacts" in log and "request" in log, "the server logged nothing; the check would be empty"
    assert srv.bootstrap.secret_access_key not in log
    assert other.secret_access_key not in log
    master = srv.data_dir / "master.key"
    if master.exists():
        assert master.read_text().strip() not in log
