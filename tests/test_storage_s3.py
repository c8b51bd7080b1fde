"""The S3 path for real: an S3-compatible server (moto in server mode) on 127.0.0.1, the demo site crawled into it.

raw WARC lands in the bucket, extract and transform read and write s3://, publish commits there with a manifest,
and the catalog (a local file) reads the published Parquet through DuckDB's httpfs. Nothing of the shared zones
may land on local disk.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newscorpus import pipeline
from newscorpus.catalog import catalog_path, query, refresh_catalog
from newscorpus.commits import committed_files, read_commit
from newscorpus.demo import DEMO_DATE
from newscorpus.demo_site import truth
from newscorpus.partitions import PUBLISHED_TABLES, Partition
from newscorpus.storage import Storage

boto3 = pytest.importorskip("boto3")

BUCKET = "newscorpus-test"
PREFIX = "corpus"
RUN = "s3-test"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """moto_server on a free port of 127.0.0.1, stopped (its whole process group) when the module is done."""
    binary = Path(sys.executable).with_name("moto_server")
    for _attempt in range(3):
        port = _free_port()
        process = subprocess.Popen(
            [str(binary), "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        endpoint = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        if process.poll() is None:
            break
    else:
        pytest.fail("moto_server did not start")
    try:
        yield endpoint
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture
def s3_env(s3_endpoint: str, demo_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    """The demo-site environment with NEWSCORPUS_DATA on a fresh bucket; credentials as any AWS client reads them."""
    env = {
        "AWS_ENDPOINT_URL": s3_endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_REGION": "us-east-1",
        "NEWSCORPUS_DATA": f"s3://{BUCKET}/{PREFIX}",
        "NEWSCORPUS_LOCAL_DIR": str(tmp_path / "local"),
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("NEWSCORPUS_CATALOG", raising=False)
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    yield {"client": client, "local": tmp_path / "local", **env}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _keys(client, prefix: str) -> list[str]:
    keys = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=f"{PREFIX}/{prefix}"):
        keys += [item["Key"].removeprefix(f"{PREFIX}/") for item in page.get("Contents", [])]
    return sorted(k for k in keys if not k.endswith("/"))  # pyarrow keeps emptied "folders" as marker objects


def test_the_pipeline_runs_on_s3_and_the_catalog_reads_it_through_httpfs(
    s3_env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, local = s3_env["client"], s3_env["local"]
    (source,) = pipeline.list_sources(["korankota"])
    crawled = pipeline.crawl(source, DEMO_DATE, RUN)
    partition = Partition("korankota", DEMO_DATE, RUN)

    raw = _keys(client, partition.raw_key)
    assert any(k.endswith(".warc.gz") for k in raw) and any(k.endswith("/_SUCCESS") for k in raw), raw
    assert any(k.endswith("/crawl-log.jsonl") for k in raw)

    extracted = pipeline.extract(crawled)
    assert extracted["extracted"]["path"] == f"s3://{BUCKET}/{PREFIX}/{partition.staging_key('extracted')}"
    (transformed,) = pipeline.cluster([pipeline.transform(extracted)])
    assert all(p.startswith(f"s3://{BUCKET}/{PREFIX}/staging/{RUN}/") for p in transformed["staged"].values())
    outcome = pipeline.gate(transformed)
    assert outcome["published"] is True

    # the commit manifest is the one object that publishes; it names files that are in the bucket
    store = Storage.at(f"s3://{BUCKET}/{PREFIX}")
    commit = read_commit(store, partition)
    assert commit is not None and commit.run_id == RUN
    for table in PUBLISHED_TABLES:
        (key,) = commit.files[table]
        assert key in _keys(client, partition.published_key(table))
    assert commit.validation in _keys(client, "published/validations/")

    catalog = Path(pipeline.refresh_catalog())
    assert catalog == local / "corpus.duckdb" == catalog_path(f"s3://{BUCKET}/{PREFIX}")
    expected = sorted(t["title"] for t in truth(DEMO_DATE) if t["outlet"] == "korankota")
    _, rows = query(local, "SELECT title FROM articles ORDER BY title")
    assert [r[0] for r in rows] == expected
    _, views = query(local, "SELECT sql FROM duckdb_views() WHERE view_name = 'articles'")
    assert f"s3://{BUCKET}/{PREFIX}/published/articles/" in views[0][0]
    _, runs = query(local, "SELECT source, articles_published, gate_passed FROM crawl_runs")
    assert runs == [("korankota", len(expected), True)]

    # nothing of the shared zones landed on local disk: only the catalog, reports and the crawl's scratch
    for zone in ("staging", "published", "quarantine"):
        assert not (local / zone).exists(), zone

    # a publish in flight (a data file no commit names yet) stays invisible, on S3 as locally
    in_flight = f"{partition.published_key('articles')}/part-99999999T999999999999-inflight.parquet"
    bogus = store.read_table(commit.files["articles"][0]).slice(0, 3)
    store.write_table(in_flight, bogus)
    refresh_catalog(f"s3://{BUCKET}/{PREFIX}")
    _, count = query(local, "SELECT count(*) FROM articles")
    assert count == [(len(expected),)]

    # a rerun of the gate republishes: a new commit, the stray file collected, the old file kept retired for its
    # grace period, the same rows; once the grace has run out, the catalog refresh deletes the old file
    again = pipeline.gate(transformed)
    assert again["published"] is True
    recommit = read_commit(store, partition)
    assert recommit.commit_id != commit.commit_id
    assert set(recommit.retired) >= set(commit.files["articles"])
    assert _keys(client, partition.published_key("articles")) == sorted(
        recommit.files["articles"] + commit.files["articles"]
    )
    assert committed_files(store, "articles") == recommit.files["articles"]
    refresh_catalog(f"s3://{BUCKET}/{PREFIX}")
    _, count = query(local, "SELECT count(DISTINCT article_id), count(*) FROM articles")
    assert count == [(len(expected), len(expected))]
    monkeypatch.setenv("NEWSCORPUS_RETIRED_GRACE_S", "0")
    refresh_catalog(f"s3://{BUCKET}/{PREFIX}")
    assert _keys(client, partition.published_key("articles")) == recommit.files["articles"]


def test_storage_writes_are_whole_objects_and_listing_skips_scratch(s3_env: dict) -> None:
    store = Storage.at(f"s3://{BUCKET}/{PREFIX}")
    assert store.is_remote and store.uri("a/b.parquet") == f"s3://{BUCKET}/{PREFIX}/a/b.parquet"
    store.write_table("zone/x.parquet", pa.table({"n": [1, 2, 3]}))
    scratch = store.scratch("zone/y.parquet")
    pq.write_table(pa.table({"n": [4]}), store.path(scratch), filesystem=store.fs)
    assert store.list_files("zone") == ["zone/x.parquet"]  # the scratch object is hidden until committed
    store.commit_scratch(scratch, "zone/y.parquet")
    assert store.list_files("zone") == ["zone/x.parquet", "zone/y.parquet"]
    assert store.read_table("zone/y.parquet").to_pylist() == [{"n": 4}]
    assert sorted(_keys(s3_env["client"], "zone/")) == ["zone/x.parquet", "zone/y.parquet"]
