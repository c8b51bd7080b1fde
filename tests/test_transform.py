"""The SQL models on a hand-built extracted partition: canonical URLs, dedup, first_seen_at, pages, crawl_runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newscorpus.partitions import DATA_FILE, Partition
from newscorpus.schemas import EXTRACTED_SCHEMA
from newscorpus.transform import ExtractedSchemaError, discover_models, run_models

DAY = dt.date(2026, 11, 20)
T0 = dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC)
BODY_A = "Paragraf pertama tentang banjir di Jakarta.\n\nParagraf kedua dengan rincian korban dan bantuan."
BODY_B = "A different story about the harbour and its new ferry terminal.\n\nSecond paragraph."


def _row(url: str, minute: int, **fields) -> dict:
    row = {name: None for name in EXTRACTED_SCHEMA.names}
    row.update(
        source="korankota",
        crawl_date=DAY,
        run_id="run1",
        url=url,
        final_url=url,
        status=200,
        fetched_at=T0 + dt.timedelta(minutes=minute),
        content_type="text/html; charset=utf-8",
        bytes=1000,
        body_sha256=f"sha-{minute}",
        warc_file="raw/x.warc.gz",
        warc_offset=minute * 100,
        is_article_candidate=True,
        is_article=True,
        title=f"title {minute}",
        body=BODY_A,
        word_count=14,
        authors=[],
        editors=["Lili Lestari"],
        tags=[],
        quality_flags=[],
        language="id",
        published_at=T0 - dt.timedelta(hours=minute),
    )
    row.update(fields)
    return row


def _write_extracted(root: Path, partition: Partition, rows: list[dict]) -> None:
    folder = partition.staging_dir(root, "extracted")
    folder.mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=EXTRACTED_SCHEMA), folder / DATA_FILE)


def _read(path: str) -> list[dict]:
    return pq.read_table(path).to_pylist()


@pytest.fixture
def partition() -> Partition:
    return Partition("korankota", DAY, "run1")


def test_models_run_in_dependency_order() -> None:
    order = [m.name for m in discover_models()]
    assert order.index("stg_fetches") < order.index("int_article_candidates") < order.index("int_articles_deduped")
    assert order.index("int_articles_deduped") < order.index("articles")
    assert {m.name for m in discover_models() if m.layer == "marts"} == {
        "articles",
        "article_signatures",
        "pages",
        "crawl_runs",
    }


def test_tracking_parameters_and_duplicates_collapse(tmp_path: Path, partition: Partition) -> None:
    rows = [
        _row("http://News.example:80/2026-11-20/banjir?utm_source=rss", 1),
        _row("http://news.example/2026-11-20/banjir/#komentar", 2),  # same page, another spelling
        _row("http://news.example/2026-11-20/banjir-copy", 3, body=BODY_A.upper(), published_at=T0),  # later copy
        _row("http://news.example/2026-11-20/ferry", 4, body=BODY_B, title="Ferry"),
        _row("http://news.example/tag/banjir", 5, is_article_candidate=False, is_article=False, body=None),
        _row("http://news.example/2026-11-20/gone", 6, status=404, is_article=False, body=None),
        _row(
            "http://news.example/admin/",
            7,
            status=None,
            error="robots: disallowed",
            is_article=False,
            body=None,
            warc_file=None,
            warc_offset=None,
            fetched_at=None,
        ),
        _row("http://news.example/2026-11-20/broken", 8, is_article=False, extract_error="ParserError: boom"),
    ]
    _write_extracted(tmp_path, partition, rows)
    result = run_models(partition, tmp_path)

    articles = _read(result.tables["articles"])
    assert sorted(a["canonical_url"] for a in articles) == [
        "http://news.example/2026-11-20/banjir",
        "http://news.example/2026-11-20/ferry",
    ]
    assert len({a["article_id"] for a in articles}) == 2
    banjir = next(a for a in articles if a["canonical_url"].endswith("banjir"))
    assert banjir["editors"] == ["Lili Lestari"]
    assert banjir["first_seen_at"] == T0 + dt.timedelta(minutes=1)
    assert banjir["warc_offset"] == 100  # provenance points at the copy that was kept

    pages = _read(result.tables["pages"])
    assert len(pages) == len(rows)  # every attempt is accounted for, errors included
    errors = {p["url"]: p["error"] for p in pages if p["error"]}
    assert errors["http://news.example/admin/"] == "robots: disallowed"
    assert errors["http://news.example/2026-11-20/broken"].startswith("extract: ParserError")

    (run,) = _read(result.tables["crawl_runs"])
    assert run["requests"] == 8
    assert run["responses_4xx"] == 1
    assert run["robots_denied"] == 1
    assert run["extract_errors"] == 1
    assert run["articles_extracted"] == 2
    assert run["duplicates_skipped"] == 2  # the second spelling (same id) and the upper-cased copy (same body)


def test_first_seen_at_survives_a_rerun(tmp_path: Path, partition: Partition) -> None:
    url = "http://news.example/2026-11-20/banjir"
    _write_extracted(tmp_path, partition, [_row(url, 1)])
    first = _read(run_models(partition, tmp_path).tables["articles"])[0]
    published = partition.published_dir(tmp_path, "articles")
    published.mkdir(parents=True)
    pq.write_table(pq.read_table(partition.staging_dir(tmp_path, "articles") / DATA_FILE), published / DATA_FILE)

    rerun = Partition("korankota", DAY, "run2")
    _write_extracted(tmp_path, rerun, [_row(url, 30, run_id="run2")])
    again = _read(run_models(rerun, tmp_path).tables["articles"])[0]
    assert again["article_id"] == first["article_id"]
    assert again["first_seen_at"] == first["first_seen_at"] == T0 + dt.timedelta(minutes=1)
    assert again["run_id"] == "run2"


def test_marts_are_zstd_parquet(tmp_path: Path, partition: Partition) -> None:
    _write_extracted(tmp_path, partition, [_row("http://news.example/a", 1)])
    result = run_models(partition, tmp_path)
    meta = pq.ParquetFile(result.tables["articles"]).metadata
    assert meta.row_group(0).column(0).compression == "ZSTD"
    with duckdb.connect() as con:
        assert con.sql(f"select count(*) from read_parquet('{result.tables['pages']}')").fetchone()[0] == 1


def test_missing_extract_is_a_clear_error(tmp_path: Path, partition: Partition) -> None:
    with pytest.raises(FileNotFoundError, match="run extract first"):
        run_models(partition, tmp_path)


def test_a_retyped_column_is_refused_by_name(tmp_path: Path, partition: Partition) -> None:
    folder = partition.staging_dir(tmp_path, "extracted")
    folder.mkdir(parents=True)
    pq.write_table(pa.table({"url": ["http://x/"], "status": ["not a number"]}), folder / DATA_FILE)
    with pytest.raises(ExtractedSchemaError, match="run_id is missing.*column status is VARCHAR, expected INTEGER"):
        run_models(partition, tmp_path)


def test_rel_canonical_is_trusted_only_on_the_same_host(tmp_path: Path, partition: Partition) -> None:
    rows = [
        _row("http://news.example/amp/banjir", 1, canonical_link="http://news.example/2026-11-20/banjir"),
        _row("http://news.example/ferry?page=all", 2, body=BODY_B, canonical_link="http://evil.example/ferry"),
    ]
    _write_extracted(tmp_path, partition, rows)
    articles = _read(run_models(partition, tmp_path).tables["articles"])
    assert sorted(a["canonical_url"] for a in articles) == [
        "http://news.example/2026-11-20/banjir",  # the page's own canonical link
        "http://news.example/ferry?page=all",  # a canonical link to another host is ignored
    ]


def test_a_missing_models_folder_is_an_error_not_an_empty_success(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no SQL models in staging/, intermediate/, marts/"):
        discover_models(tmp_path / "transforms")
