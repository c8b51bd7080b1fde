"""Bad staging input for the SQL models: a clear error or flagged rows, never a crash that stages half a partition."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newscorpus.partitions import DATA_FILE, Partition
from newscorpus.schemas import EXTRACTED_SCHEMA
from newscorpus.settings import TRANSFORMS_DIR
from newscorpus.transform import ExtractedSchemaError, run_models

DAY = dt.date(2026, 11, 20)
T0 = dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC)
MARTS = ("articles", "article_signatures", "pages", "crawl_runs")


def _row(url: str | None, minute: int, **fields) -> dict:
    row = {name: None for name in EXTRACTED_SCHEMA.names}
    row.update(
        source="korankota", crawl_date=DAY, run_id="run1", url=url, final_url=url, status=200,
        fetched_at=T0 + dt.timedelta(minutes=minute), is_article=True, language="id", title=f"title {minute}",
        body=f"Berita nomor {minute} tentang banjir yang merendam kota sejak pagi hari ini.",
        published_at=T0, warc_file="raw/x.warc.gz", warc_offset=minute,
    )  # fmt: skip
    row.update(fields)
    return row


def _write(root: Path, partition: Partition, table: pa.Table) -> None:
    folder = partition.staging_dir(root, "extracted")
    folder.mkdir(parents=True)
    pq.write_table(table, folder / DATA_FILE)


def _staged(root: Path, partition: Partition) -> list[str]:
    return [t for t in MARTS if (partition.staging_dir(root, t) / DATA_FILE).exists()]


@pytest.fixture
def partition() -> Partition:
    return Partition("korankota", DAY, "run1")


def test_a_missing_column_is_named_and_nothing_is_staged(tmp_path: Path, partition: Partition) -> None:
    table = pa.Table.from_pylist([_row("http://news.example/a", 1)], schema=EXTRACTED_SCHEMA).drop_columns(["body"])
    _write(tmp_path, partition, table)
    with pytest.raises(ExtractedSchemaError, match=r"not the extracted schema: column body is missing$"):
        run_models(partition, tmp_path)
    assert _staged(tmp_path, partition) == []


def test_a_retyped_column_is_named(tmp_path: Path, partition: Partition) -> None:
    table = pa.Table.from_pylist([_row("http://news.example/a", 1)], schema=EXTRACTED_SCHEMA)
    table = table.set_column(table.schema.get_field_index("warc_offset"), "warc_offset", pa.array(["12"]))
    _write(tmp_path, partition, table)
    with pytest.raises(ExtractedSchemaError, match="column warc_offset is VARCHAR, expected BIGINT"):
        run_models(partition, tmp_path)
    assert _staged(tmp_path, partition) == []


def test_an_empty_partition_stages_empty_tables_and_a_run_row(tmp_path: Path, partition: Partition) -> None:
    _write(tmp_path, partition, EXTRACTED_SCHEMA.empty_table())
    result = run_models(partition, tmp_path)
    assert result.rows["articles"] == result.rows["pages"] == result.rows["article_signatures"] == 0
    (run,) = pq.read_table(result.tables["crawl_runs"]).to_pylist()
    assert run["requests"] == 0 and run["articles_extracted"] == 0 and run["duplicates_skipped"] == 0


def test_null_heavy_rows_are_kept_as_pages_and_never_merged(tmp_path: Path, partition: Partition) -> None:
    nothing = {name: None for name in EXTRACTED_SCHEMA.names}
    rows = [
        _row("http://news.example/ok", 1),
        nothing | {"source": "korankota", "crawl_date": DAY, "run_id": "run1"},  # every field NULL
        _row(None, 2),  # an "article" without a URL cannot have an id
        _row("http://news.example/no-body-1", 3, body=None),
        _row("http://news.example/no-body-2", 4, body=None),
        _row("http://news.example/no-status", 5, status=None, is_article=None),
    ]
    _write(tmp_path, partition, pa.Table.from_pylist(rows, schema=EXTRACTED_SCHEMA))
    result = run_models(partition, tmp_path)
    assert result.rows["pages"] == len(rows)  # every attempt is accounted for
    articles = {a["url"]: a for a in pq.read_table(result.tables["articles"]).to_pylist()}
    assert set(articles) == {"http://news.example/ok", "http://news.example/no-body-1", "http://news.example/no-body-2"}
    # two bodiless articles are not "duplicates" of each other; they stay visible (content_hash NULL) for the gate
    assert articles["http://news.example/no-body-1"]["content_hash"] is None
    assert all(a["article_id"] for a in articles.values())
    signed = {r["article_id"] for r in pq.read_table(result.tables["article_signatures"]).to_pylist()}
    assert signed == {articles["http://news.example/ok"]["article_id"]}  # no words, no signature


def test_a_five_megabyte_body_goes_through(tmp_path: Path, partition: Partition) -> None:
    paragraph = " ".join(f"kata{i % 9973} lain{i % 7919}" for i in range(500)) + "\n\n"
    big = (paragraph * (5_000_000 // len(paragraph) + 1))[:5_000_000]
    rows = [_row("http://news.example/big", 1, body=big), _row("http://news.example/small", 2)]
    _write(tmp_path, partition, pa.Table.from_pylist(rows, schema=EXTRACTED_SCHEMA))
    result = run_models(partition, tmp_path)
    articles = {a["url"]: a for a in pq.read_table(result.tables["articles"]).to_pylist()}
    assert len(articles["http://news.example/big"]["body"]) == 5_000_000
    signatures = pq.read_table(result.tables["article_signatures"]).to_pylist()
    assert len(signatures) == 2 and all(len(s["signature"]) == 64 for s in signatures)


def test_a_model_failing_late_stages_no_table(tmp_path: Path, partition: Partition) -> None:
    transforms = shutil.copytree(TRANSFORMS_DIR, tmp_path / "transforms")
    (transforms / "marts" / "zz_broken.sql").write_text("select no_such_column from articles\n")
    _write(tmp_path, partition, pa.Table.from_pylist([_row("http://news.example/a", 1)], schema=EXTRACTED_SCHEMA))
    with pytest.raises(RuntimeError, match=r"model zz_broken .* failed"):
        run_models(partition, tmp_path, transforms_dir=transforms)
    assert _staged(tmp_path, partition) == []  # the marts built before it were not written either
