"""The GX quality gate on small hand-built partitions, with real Great Expectations (no mocks).

Each failing case breaks one thing in an otherwise good partition and checks that the gate blocks it, names the
expectation that caught it in summary(), and shows what it observed.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest

from newscorpus import settings
from newscorpus.quality import (
    GateResult,
    build_data_docs,
    gate_parameters,
    load_suite,
    suite_tables,
    validate_partition,
)
from newscorpus.quality import project as gx_project
from newscorpus.quality.frames import validation_frame
from newscorpus.quality.parameters import partition_parameters
from newscorpus.quality.suites import SuiteError, required_parameters, suite_document
from newscorpus.sources import Source

SOURCE = "korankota"
DAY = dt.date(2026, 11, 20)
RUN = "scheduled__2026-11-20T00:00:00+00:00"
T0 = dt.datetime(2026, 11, 20, 6, 0, tzinfo=dt.UTC)
PARAMETERS = {
    "min_articles": 3,
    "min_words": 20,
    "languages": ["id"],
    "min_published_at_coverage": 0.0,
    "min_authors_coverage": 0.0,
    "min_image_url_coverage": 0.0,
    "min_published_at": T0 - dt.timedelta(days=2),
    "min_median_words": 20,
    "max_median_words": 5000,
    "max_near_duplicate_share": 0.2,
    "max_flag_short_share": 0.5,
    "max_flag_teaser_share": 0.2,
}

_STR = pa.string()
_LIST = pa.list_(pa.string())
_TS = pa.timestamp("us", tz="UTC")
ARTICLES_SCHEMA = pa.schema(
    [
        ("article_id", _STR),
        ("source", _STR),
        ("url", _STR),
        ("canonical_url", _STR),
        ("title", _STR),
        ("lead", _STR),
        ("body", _STR),
        ("authors", _LIST),
        ("editors", _LIST),
        ("agency", _STR),
        ("published_at", _TS),
        ("modified_at", _TS),
        ("tz_offset", _STR),
        ("section", _STR),
        ("tags", _LIST),
        ("language", _STR),
        ("word_count", pa.int32()),
        ("image_url", _STR),
        ("image_caption", _STR),
        ("dateline", _STR),
        ("content_hash", _STR),
        ("near_dup_cluster", _STR),
        ("quality_flags", _LIST),
        ("first_seen_at", _TS),
        ("crawl_date", pa.date32()),
        ("run_id", _STR),
        ("warc_file", _STR),
        ("warc_offset", pa.int64()),
    ]
)
PAGES_SCHEMA = pa.schema(
    [
        ("url", _STR),
        ("final_url", _STR),
        ("status", pa.int32()),
        ("fetched_at", _TS),
        ("content_type", _STR),
        ("charset", _STR),
        ("bytes", pa.int64()),
        ("body_sha256", _STR),
        ("is_article", pa.bool_()),
        ("warc_file", _STR),
        ("warc_offset", pa.int64()),
        ("source", _STR),
        ("crawl_date", pa.date32()),
        ("run_id", _STR),
        ("error", _STR),
    ]
)
BODY = ("Banjir merendam sebagian Jakarta Utara sejak Kamis pagi setelah hujan deras semalaman. " * 4).strip()


def article_row(i: int, **changes) -> dict:
    url = f"https://korankota.example/berita/{i}"
    row = {
        "article_id": f"id-{i}",
        "source": SOURCE,
        "url": url,
        "canonical_url": url,
        "title": f"Judul {i}",
        "lead": "Banjir lagi.",
        "body": BODY,
        "authors": ["Rina"],
        "editors": ["Budi"],
        "agency": None,
        "published_at": T0 - dt.timedelta(hours=i),
        "modified_at": None,
        "tz_offset": "+07:00",
        "section": "metro",
        "tags": ["banjir"],
        "language": "id",
        "word_count": len(BODY.split()),
        "image_url": f"https://korankota.example/img/{i}.jpg",
        "image_caption": None,
        "dateline": "JAKARTA",
        "content_hash": f"hash-{i}",
        "near_dup_cluster": None,
        "quality_flags": [],
        "first_seen_at": T0,
        "crawl_date": DAY,
        "run_id": RUN,
        "warc_file": "raw/a.warc.gz",
        "warc_offset": 100 * i,
    }
    row.update(changes)
    return row


def page_row(i: int, **changes) -> dict:
    url = f"https://korankota.example/berita/{i}"
    row = {
        "url": url,
        "final_url": url,
        "status": 200,
        "fetched_at": T0 + dt.timedelta(seconds=i),
        "content_type": "text/html",
        "charset": "utf-8",
        "bytes": 5000,
        "body_sha256": f"sha-{i}",
        "is_article": True,
        "warc_file": "raw/a.warc.gz",
        "warc_offset": 100 * i,
        "source": SOURCE,
        "crawl_date": DAY,
        "run_id": RUN,
        "error": None,
    }
    row.update(changes)
    return row


def articles(rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=ARTICLES_SCHEMA)


def pages(rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=PAGES_SCHEMA)


def good_articles() -> list[dict]:
    return [article_row(i) for i in range(5)]


def good_pages() -> list[dict]:
    return [page_row(i) for i in range(5)] + [page_row(9, status=404, body_sha256=None, is_article=False)]


@pytest.fixture(scope="module")
def reports_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reports")


def validate(reports_dir: Path, article_rows: list[dict], page_rows: list[dict] | None = None, **kwargs):
    tables = {"articles": articles(article_rows), "pages": pages(good_pages() if page_rows is None else page_rows)}
    return validate_partition(
        tables,
        source=kwargs.pop("source", SOURCE),
        crawl_date=DAY,
        run_id=kwargs.pop("run_id", RUN),
        parameters=kwargs.pop("parameters", PARAMETERS),
        reports_dir=reports_dir,
    )


def failed_types(result: GateResult) -> set[tuple[str, str, str | None]]:
    return {(o.table, o.expectation, o.column) for o in result.failed_blocking}


# --- the suites ---------------------------------------------------------------------------------------------


def test_committed_suites_load_with_a_severity_on_every_expectation():
    assert suite_tables() == ["articles", "pages"]
    for table in suite_tables():
        suite = load_suite(table)
        document = suite_document(table)
        assert suite.name == table
        assert len(suite.expectations) == len(document["expectations"])
        assert {e.meta["severity"] for e in suite.expectations} <= {"blocking", "warning"}
        assert all(e.catch_exceptions for e in suite.expectations)
    articles_parameters = required_parameters(suite_document("articles"))
    assert articles_parameters == set(PARAMETERS) | {"max_published_at", "partition_source"}
    # the per-source parameters cover every one the suites need; the partition fills in its own source id
    source = Source(
        id=SOURCE, name="K", language="id", timezone="Asia/Jakarta", home="https://k.example/", allowed_domains=("k",)
    )
    assert articles_parameters == set(gate_parameters(source, DAY)) | {"partition_source"}
    assert required_parameters(suite_document("pages")) == {"partition_source"}


def test_a_suite_without_severity_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    document = suite_document("pages")
    del document["expectations"][1]["meta"]["severity"]
    (tmp_path / "pages.json").write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setattr(settings, "EXPECTATIONS_DIR", tmp_path)
    with pytest.raises(SuiteError, match=r"pages.json: expectations\[1\].*meta.severity"):
        load_suite("pages")


def test_suite_thresholds_must_be_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from newscorpus.quality.suites import suite_thresholds

    assert suite_thresholds("articles")["share_margin"] == 0.2
    document = suite_document("articles")
    document["meta"]["thresholds"]["max_flag_teaser_share"] = "a lot"
    (tmp_path / "articles.json").write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setattr(settings, "EXPECTATIONS_DIR", tmp_path)
    with pytest.raises(SuiteError, match=r"articles.json: meta.thresholds.max_flag_teaser_share must be a number"):
        suite_thresholds("articles")


def test_parameters_come_from_the_source_config_and_the_partition():
    source = Source(
        id=SOURCE,
        name="Koran Kota",
        language="id",
        timezone="Asia/Jakarta",
        home="https://korankota.example/",
        allowed_domains=("korankota.example",),
        min_articles=7,
    )
    parameters = gate_parameters(source, DAY)
    assert parameters["min_articles"] == 7 and parameters["languages"] == ["id"]
    assert parameters["min_words"] == 80
    assert parameters["min_authors_coverage"] == 0.0  # no published history yet: nothing to fall below
    assert parameters["max_published_at"] > dt.datetime(2026, 11, 21, tzinfo=dt.UTC)
    # an ISO string (as after an XCom round trip) becomes a UTC datetime; the partition fixes the source
    merged = partition_parameters(
        {"max_published_at": "2026-11-21T14:00:00+00:00", "partition_source": ["other"]}, source=SOURCE, crawl_date=DAY
    )
    assert merged["max_published_at"] == dt.datetime(2026, 11, 21, 14, tzinfo=dt.UTC)
    assert merged["partition_source"] == [SOURCE]


def test_validation_frame_reads_empty_lists_as_missing_and_naive_timestamps_as_utc():
    table = pa.table(
        {
            "authors": pa.array([["Rina"], [], None], _LIST),
            "published_at": pa.array([dt.datetime(2026, 11, 20, 6)] * 3, pa.timestamp("us")),
        }
    )
    frame = validation_frame(table)
    assert frame["authors"].isna().tolist() == [False, True, True]
    assert str(frame["published_at"].dt.tz) == "UTC"
    assert frame["published_at"].iloc[0].hour == 6


def test_validation_frame_adds_the_row_facts_whose_mean_is_a_share():
    table = pa.table(
        {
            "content_hash": pa.array(["a", "a", "b", None, None], _STR),
            "near_dup_cluster": pa.array(["x", "y", "y", "y", None], _STR),
            "quality_flags": pa.array([["short", "teaser"], [], None, ["non_article"], ["short"]], _LIST),
        }
    )
    frame = validation_frame(table)
    assert frame["gate_exact_duplicate"].tolist() == [1, 1, 0, 0, 0]  # two nulls are not a shared hash
    assert frame["gate_near_duplicate"].tolist() == [0, 1, 1, 1, 0]
    assert frame["gate_flag_short"].tolist() == [1, 0, 0, 0, 1]
    assert frame["gate_flag_teaser"].tolist() == [1, 0, 0, 0, 0]
    assert frame["gate_flag_non_article"].tolist() == [0, 0, 0, 1, 0]
    assert "gate_exact_duplicate" not in validation_frame(pa.table({"x": [1]})).columns  # missing source: missing fact


# --- the gate ----------------------------------------------------------------------------------------------


def test_good_partition_passes_and_gets_a_report_page(reports_dir: Path):
    result = validate(reports_dir, good_articles())
    assert result.passed, result.summary()
    assert result.failed_blocking == [] and result.warnings == []
    assert result.evaluated == len(load_suite("articles").expectations) + len(load_suite("pages").expectations)
    assert {o.table for o in result.outcomes} == {"articles", "pages"}
    assert set(result.report_pages) == {"articles", "pages"}
    assert result.report_path == result.report_pages["articles"]
    page = Path(result.report_path)
    assert page.is_file() and page.is_relative_to(reports_dir / "data_docs")
    assert "all" in result.summary() and "passed" in result.summary()
    document = json.loads(json.dumps(result.to_dict()))
    assert document["passed"] is True and document["crawl_date"] == "2026-11-20" and document["source"] == SOURCE


def test_empty_partition_is_below_min_articles(reports_dir: Path):
    result = validate(reports_dir, [])
    assert not result.passed
    assert ("articles", "expect_table_row_count_to_be_between", None) in failed_types(result)
    line = next(line for line in result.summary().splitlines() if "expect_table_row_count_to_be_between" in line)
    assert "articles" in line and "observed 0" in line and "[blocking]" in line


def test_duplicate_article_id_blocks(reports_dir: Path):
    rows = good_articles()
    rows[3]["article_id"] = rows[0]["article_id"]
    result = validate(reports_dir, rows)
    assert not result.passed
    assert ("articles", "expect_column_values_to_be_unique", "article_id") in failed_types(result)
    line = next(line for line in result.summary().splitlines() if "expect_column_values_to_be_unique" in line)
    assert "(article_id)" in line and "['id-0']" in line and "2 of 5 rows unexpected" in line


def test_null_titles_block(reports_dir: Path):
    rows = good_articles()
    rows[1]["title"] = None
    rows[2]["title"] = None
    result = validate(reports_dir, rows)
    assert not result.passed
    assert failed_types(result) == {("articles", "expect_column_values_to_not_be_null", "title")}
    assert "expect_column_values_to_not_be_null(title) observed 2 of 5 rows unexpected" in result.summary()


def test_empty_bodies_block(reports_dir: Path):
    rows = [article_row(i, body="", word_count=1) for i in range(5)]
    result = validate(reports_dir, rows)
    assert not result.passed
    assert failed_types(result) == {
        ("articles", "expect_column_value_lengths_to_be_between", "body"),
        ("articles", "expect_column_values_to_be_between", "word_count"),
        ("articles", "expect_column_median_to_be_between", "word_count"),
    }
    line = next(line for line in result.summary().splitlines() if "(body)" in line)
    assert "expect_column_value_lengths_to_be_between(body)" in line and "5 of 5 rows unexpected" in line


def test_a_partition_of_stubs_blocks(reports_dir: Path):
    # a redesign: the extractor now reads page furniture, long enough in characters but a few words each
    rows = [article_row(i, body="Business " * 30, word_count=12) for i in range(5)]
    result = validate(reports_dir, rows)
    assert not result.passed
    assert ("articles", "expect_column_values_to_be_between", "word_count") in failed_types(result)


def test_future_published_at_blocks(reports_dir: Path):
    rows = good_articles()
    rows[4]["published_at"] = dt.datetime(2026, 12, 24, 9, 30, tzinfo=dt.UTC)
    result = validate(reports_dir, rows)
    assert not result.passed
    assert failed_types(result) == {("articles", "expect_column_values_to_be_between", "published_at")}
    assert "2026-12-24T09:30:00" in result.summary()


def test_rows_of_another_source_block(reports_dir: Path):
    rows = good_articles()
    rows[0]["source"] = "otherpaper"
    result = validate(reports_dir, rows)
    assert ("articles", "expect_column_values_to_be_in_set", "source") in failed_types(result)
    assert "'otherpaper'" in result.summary()


def test_language_only_problem_is_a_warning_and_still_passes(reports_dir: Path):
    rows = [article_row(i, language="en") for i in range(5)]
    result = validate(reports_dir, rows)
    assert result.passed, result.summary()
    assert [(o.expectation, o.column) for o in result.warnings] == [("expect_column_values_to_be_in_set", "language")]
    assert result.warnings[0].observed["unexpected_count"] == 5
    assert "[warning]" in result.summary() and "'en'" in result.summary()


def validate_articles(reports_dir: Path, article_rows: list[dict], **parameter_changes) -> GateResult:
    """Only the articles suite (half the time of both): the classes below are all about articles."""
    return validate_partition(
        {"articles": articles(article_rows)},
        source=SOURCE,
        crawl_date=DAY,
        run_id=RUN,
        parameters={**PARAMETERS, **parameter_changes},
        reports_dir=reports_dir,
    )


def _rows_with(changes_by_row: dict[int, dict], count: int = 5) -> list[dict]:
    return [article_row(i, **changes_by_row.get(i, {})) for i in range(count)]


OLD = T0 - dt.timedelta(days=30)
BODY_WORDS = len(BODY.split())
# Each class of blocking failure the issue names, made by breaking one thing in a good partition:
# (rows, parameter changes, the expectation and column that must block, an observed value the summary shows).
BLOCKING_CLASSES = {
    # every body has BODY_WORDS words: a median outside the source's range blocks, whichever side
    "median body length below the source's range": (
        _rows_with({}),
        {"min_median_words": 100},
        ("expect_column_median_to_be_between", "word_count"),
        f"observed {float(BODY_WORDS)}",
    ),
    "median body length above the source's range": (
        _rows_with({}),
        {"max_median_words": 30},
        ("expect_column_median_to_be_between", "word_count"),
        f"observed {float(BODY_WORDS)}",
    ),
    "most articles older than the run's window": (
        _rows_with({i: {"published_at": OLD} for i in range(3)}),
        {},
        ("expect_column_values_to_be_between", "published_at"),
        "3 of 5 rows unexpected",
    ),
    "exact duplicates inside the partition": (
        _rows_with({1: {"content_hash": "hash-0"}}),
        {},
        ("expect_column_mean_to_be_between", "gate_exact_duplicate"),
        "observed 0.4",
    ),
    "near duplicates above the source's share": (
        _rows_with({i: {"near_dup_cluster": "cluster-a"} for i in range(3)}),
        {},
        ("expect_column_mean_to_be_between", "gate_near_duplicate"),
        "observed 0.6",
    ),
    "a listing page among the articles": (
        _rows_with({2: {"quality_flags": ["non_article"]}}),
        {},
        ("expect_column_mean_to_be_between", "gate_flag_non_article"),
        "observed 0.2",
    ),
    "teasers above the source's share (a paywall went up)": (
        _rows_with({i: {"quality_flags": ["teaser"]} for i in range(2)}),
        {},
        ("expect_column_mean_to_be_between", "gate_flag_teaser"),
        "observed 0.4",
    ),
}


@pytest.mark.parametrize("case", sorted(BLOCKING_CLASSES))
def test_each_class_of_blocking_failure_blocks(reports_dir: Path, case: str):
    rows, changes, (expectation, column), observed = BLOCKING_CLASSES[case]
    result = validate_articles(reports_dir, rows, **changes)
    assert not result.passed, case
    blocking = {(o.expectation, o.column) for o in result.failed_blocking}
    assert (expectation, column) in blocking, result.summary()
    line = next(line for line in result.summary().splitlines() if f"{expectation}({column})" in line)
    assert observed in line and "[blocking]" in line, line


def test_the_same_partition_passes_with_a_source_history_that_allows_it(reports_dir: Path):
    # a source whose normal day has many near copies and teasers: its own baseline raises the bounds
    rows = _rows_with({i: {"near_dup_cluster": "cluster-a", "quality_flags": ["teaser"]} for i in range(3)})
    assert not validate_articles(reports_dir, rows).passed
    relaxed = validate_articles(reports_dir, rows, max_near_duplicate_share=0.7, max_flag_teaser_share=0.7)
    assert relaxed.passed, relaxed.summary()


def test_warnings_publish_and_are_reported(reports_dir: Path):
    # one article a little older than the window (late discovery) and many briefs: worth a look, not a block
    rows = _rows_with({0: {"published_at": OLD}} | {i: {"quality_flags": ["short"]} for i in range(1, 4)})
    result = validate_articles(reports_dir, rows)
    assert result.passed, result.summary()
    assert {(o.expectation, o.column) for o in result.warnings} == {
        ("expect_column_values_to_be_between", "published_at"),
        ("expect_column_mean_to_be_between", "gate_flag_short"),
    }
    assert "gate_flag_short) observed 0.6 [warning]" in result.summary()
    assert "1 of 5 rows unexpected" in result.summary()


def test_a_missing_column_fails_its_expectations_instead_of_crashing(reports_dir: Path):
    table = articles(good_articles()).drop_columns(["title"])
    result = validate_partition(
        {"articles": table}, source=SOURCE, crawl_date=DAY, run_id=RUN, parameters=PARAMETERS, reports_dir=reports_dir
    )
    assert not result.passed
    failed = {(o.expectation, o.column): o for o in result.failed_blocking}
    assert ("expect_column_values_to_not_be_null", "title") in failed
    assert "title" in failed[("expect_column_values_to_not_be_null", "title")].details["error"]
    assert failed[("expect_table_columns_to_match_set", None)].observed["missing"] == ["title"]


def test_bad_pages_block(reports_dir: Path):
    page_rows = good_pages()
    page_rows[0]["status"] = 999
    page_rows[1]["body_sha256"] = None  # a 200 without its body hash
    page_rows.append(dict(page_rows[2]))  # the same fetch twice
    result = validate(reports_dir, good_articles(), page_rows)
    assert not result.passed
    assert failed_types(result) == {
        ("pages", "expect_column_values_to_be_between", "status"),
        ("pages", "expect_column_values_to_not_be_null", "body_sha256"),
        ("pages", "expect_compound_columns_to_be_unique", "source, url, fetched_at"),
    }
    assert "999" in result.summary()


def test_unknown_tables_are_skipped_but_a_gate_with_nothing_to_check_refuses(reports_dir: Path):
    tables = {"articles": articles(good_articles()), "crawl_runs": pa.table({"x": [1]})}
    result = validate_partition(
        tables, source=SOURCE, crawl_date=DAY, run_id=RUN, parameters=PARAMETERS, reports_dir=reports_dir
    )
    assert result.passed and {o.table for o in result.outcomes} == {"articles"}
    with pytest.raises(ValueError, match="has a suite"):
        validate_partition(
            {"crawl_runs": pa.table({"x": [1]})},
            source=SOURCE,
            crawl_date=DAY,
            run_id=RUN,
            parameters=PARAMETERS,
            reports_dir=reports_dir,
        )


def test_missing_parameter_is_an_error_naming_it(reports_dir: Path):
    with pytest.raises(ValueError, match="min_articles"):
        validate(reports_dir, good_articles(), parameters={"languages": ["id"]})


def test_repeated_validation_of_one_partition_in_one_process(tmp_path: Path):
    first = validate(tmp_path, good_articles())
    second = validate(tmp_path, good_articles())
    assert first.passed and second.passed
    assert first.report_path != second.report_path  # each run is kept, under its own run time
    assert Path(first.report_path).is_file() and Path(second.report_path).is_file()
    stored = list((tmp_path / "gx" / "uncommitted" / "validations" / "articles").rglob("*.json"))
    assert len(stored) == 2


def test_validation_in_another_process_after_this_one(tmp_path: Path):
    assert validate(tmp_path, good_articles()).passed
    script = (
        "import datetime as dt, pathlib, sys\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "import test_quality_gate as t\n"
        "r = t.validate(pathlib.Path(sys.argv[1]), t.good_articles(), run_id='manual__rerun')\n"
        "print(r.passed, r.report_path)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path), str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    passed, report = done.stdout.strip().split(" ", 1)
    assert passed == "True" and "run_id=manual__rerun" in report and Path(report).is_file()


def test_data_docs_index_lists_the_suites_and_partitions(reports_dir: Path):
    validate(reports_dir, good_articles(), run_id="manual__docs")
    index = build_data_docs(reports_dir)
    assert index == reports_dir.resolve() / "data_docs" / "index.html"
    html = index.read_text(encoding="utf-8")
    assert "articles" in html and "pages" in html
    assert f"source={SOURCE} crawl_date=2026-11-20 run_id=manual__docs" in html


def test_data_docs_index_keeps_only_the_newest_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(gx_project, "VALIDATION_RESULTS_LIMIT", 2)
    for run in ("manual__old", "manual__mid", "manual__new"):
        validate(tmp_path, good_articles(), run_id=run)
    html = build_data_docs(tmp_path).read_text(encoding="utf-8")
    assert "run_id=manual__new" in html and "run_id=manual__old" not in html


def test_importing_the_package_is_cheap_and_quiets_gx_info_logging():
    probe = "import logging, sys\nlogging.basicConfig(level=logging.INFO)\n{quiet}import great_expectations\n"

    def stderr_of(quiet: str) -> str:
        code = probe.format(quiet=quiet)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stderr

    # without the package GX floods INFO; this proves the probe would see the flood
    assert "INFO:great_expectations" in stderr_of("")
    quieted = stderr_of(
        "import newscorpus.quality\n"
        "assert 'great_expectations' not in sys.modules, 'newscorpus.quality imported GX eagerly'\n"
    )
    assert "INFO:great_expectations" not in quieted, quieted[:500]


# --- the gate in write-audit-publish ------------------------------------------------------------------------


def test_every_gate_run_is_a_validations_row_a_warning_publishes_and_a_block_quarantines(tmp_path: Path):
    import pyarrow.parquet as pq

    from newscorpus.commits import read_commit
    from newscorpus.partitions import Partition
    from newscorpus.publish import gate_and_publish
    from newscorpus.storage import Storage

    source = Source(
        id=SOURCE, name="K", language="id", timezone="Asia/Jakarta", home="https://k.example/", allowed_domains=("k",),
        min_articles=3, min_words=20,
    )  # fmt: skip

    def stage(run_id: str, article_rows: list[dict]) -> dict[str, str]:
        folder = tmp_path / "staging" / run_id
        folder.mkdir(parents=True)
        tables = {
            "articles": articles(article_rows),
            "pages": pages(good_pages()),
            "article_signatures": pa.table({"article_id": [r["article_id"] for r in article_rows]}),
        }
        for name, table in tables.items():
            pq.write_table(table, folder / f"{name}.parquet")
        return {name: str(folder / f"{name}.parquet") for name in tables}

    # a warning (one article from before the window: discovered late) publishes, and says so
    warned_rows = [article_row(i, published_at=T0 - dt.timedelta(days=10) if i == 0 else T0) for i in range(5)]
    first = Partition(SOURCE, DAY, "manual__first")
    published = gate_and_publish(source, first, stage(first.run_id, warned_rows), tmp_path)
    assert published.published
    assert "expect_column_values_to_be_between(published_at) observed 1 of 5 rows unexpected" in published.summary
    assert "[warning]" in published.summary
    commit = read_commit(Storage.at(tmp_path), first)
    assert commit is not None and commit.run_id == first.run_id

    # a blocking failure quarantines with its validation.json, and the published version stays
    broken_rows = good_articles()
    broken_rows[1]["content_hash"] = broken_rows[0]["content_hash"]
    second = Partition(SOURCE, DAY, "manual__second")
    blocked = gate_and_publish(source, second, stage(second.run_id, broken_rows), tmp_path)
    assert not blocked.published
    report = json.loads((second.quarantine_dir(tmp_path) / "validation.json").read_text(encoding="utf-8"))
    assert report["passed"] is False and "gate_exact_duplicate" in report["summary"]
    assert read_commit(Storage.at(tmp_path), first).run_id == first.run_id

    # both gate runs are rows of `validations`, one per suite, with what failed and how badly
    files = sorted((tmp_path / "published" / "validations" / f"source={SOURCE}").rglob("*.parquet"))
    rows = [row for path in files for row in pq.read_table(path).to_pylist()]
    by_run = {(row["run_id"], row["suite"]): row for row in rows}
    assert set(by_run) == {
        (run, suite) for run in ("manual__first", "manual__second") for suite in ("articles", "pages")
    }
    assert by_run[("manual__first", "articles")]["success"] is True
    assert any(text.startswith("warning:") for text in by_run[("manual__first", "articles")]["failed_expectations"])
    assert by_run[("manual__second", "articles")]["success"] is False
    assert any(
        "blocking:" in text and "gate_exact_duplicate" in text
        for text in by_run[("manual__second", "articles")]["failed_expectations"]
    )
