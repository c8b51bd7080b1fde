"""Each stage on its own against the served demo site, without Airflow: crawl → extract → transform → gate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newscorpus import pipeline
from newscorpus.catalog import query
from newscorpus.commits import committed_files
from newscorpus.demo import DEMO_DATE
from newscorpus.demo_site import truth
from newscorpus.storage import Storage

SEED_CHROME = ("Pengaturan Font", "Foto :", "Redaktur", "Penulis", "Komentar", "Megapolitan Olahraga")


def _published(data: Path, table: str) -> list[dict]:
    """The rows korankota's partition commit names (the data files carry unique names per commit)."""
    (key,) = committed_files(Storage.at(data), table, source="korankota")
    assert key.startswith(f"published/{table}/source=korankota/crawl_date=2026-11-20/part-")
    return pq.read_table(data / key).to_pylist()


@pytest.fixture
def korankota_published(demo_env: dict[str, str]) -> dict:
    (source,) = pipeline.list_sources(["korankota"])
    crawled = pipeline.crawl(source, DEMO_DATE, "stage-test")
    extracted = pipeline.extract(crawled)
    transformed = pipeline.transform(extracted)
    published = pipeline.gate(transformed)
    return {"crawled": crawled, "extracted": extracted, "transformed": transformed, "published": published}


def test_seed_like_outlet_is_extracted_clean(korankota_published: dict, demo_env: dict[str, str]) -> None:
    assert korankota_published["published"]["published"] is True
    data = Path(demo_env["NEWSCORPUS_DATA"])
    articles = _published(data, "articles")
    expected = {t["title"]: t for t in truth(DEMO_DATE) if t["outlet"] == "korankota"}
    assert {a["title"] for a in articles} == set(expected)
    for article in articles:
        want = expected[article["title"]]
        for chrome in SEED_CHROME:
            assert chrome not in article["body"], (article["title"], chrome)
        assert article["editors"] == want["editors"]
        assert article["agency"] == want["agency"]
        assert article["authors"] == want["authors"]
        assert article["dateline"] == want["dateline"]
        assert article["published_at"] == want["published_at"]
        assert article["tz_offset"] == "+07:00"
        assert article["body"].split("\n\n")[-1] == want["paragraphs"][-1]
        assert not article["body"].startswith(f"{want['dateline']} -")
        assert article["warc_file"].startswith("raw/source=korankota/crawl_date=2026-11-20/run_id=stage-test/")
    assert any(a["agency"] == "Antara" and a["authors"] == [] for a in articles)


def test_every_fetch_is_accounted_for_in_pages(korankota_published: dict, demo_env: dict[str, str]) -> None:
    data = Path(demo_env["NEWSCORPUS_DATA"])
    pages = _published(data, "pages")
    assert len(pages) == korankota_published["crawled"]["responses"] + korankota_published["crawled"]["errors"]
    statuses = {p["status"] for p in pages}
    assert 404 in statuses and 200 in statuses
    assert sum(p["is_article"] for p in pages) == 12
    assert any(p["url"].endswith("/robots.txt") for p in pages)


def test_run_all_publishes_every_outlet_and_the_catalog_answers(demo_env: dict[str, str]) -> None:
    result = pipeline.run_all(DEMO_DATE, "run-all-test")
    assert {s: p["published"] for s, p in result["partitions"].items()} == {
        "korankota": True,
        "wartanusantara": True,
        "harborherald": True,
    }
    data = Path(demo_env["NEWSCORPUS_DATA"])
    columns, rows = query(data, "SELECT source, count(*) FROM articles GROUP BY source ORDER BY source")
    per_outlet = {}
    for item in truth(DEMO_DATE):
        per_outlet[item["outlet"]] = per_outlet.get(item["outlet"], 0) + 1
    assert dict(rows) == per_outlet
    _, validations = query(data, "SELECT source, bool_and(success) FROM validations GROUP BY source")
    assert all(ok for _, ok in validations) and len(validations) == 3
    _, runs = query(data, "SELECT source, articles_published, requests FROM crawl_runs ORDER BY source")
    assert [(s, n) for s, n, _ in runs] == sorted(per_outlet.items())
    assert Path(result["reports"]).name == "index.html" and Path(result["reports"]).exists()
    with pytest.raises(Exception, match="refused"):
        query(data, "CREATE TABLE x AS SELECT 1")


def test_published_at_is_utc_with_the_local_offset_kept(demo_env: dict[str, str]) -> None:
    pipeline.run_all(DEMO_DATE, "tz-test", ["wartanusantara"])
    _, rows = query(
        Path(demo_env["NEWSCORPUS_DATA"]), "SELECT title, published_at, tz_offset FROM articles ORDER BY title"
    )
    expected = {t["title"]: t for t in truth(DEMO_DATE) if t["outlet"] == "wartanusantara"}
    assert len(rows) == len(expected)
    for title, published_at, offset in rows:
        assert published_at.astimezone(dt.UTC) == expected[title]["published_at"]
        assert offset == expected[title]["tz_offset"] == "+07:00"
