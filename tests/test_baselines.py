"""The gate's per-source thresholds from published history: a sudden drop in articles or bylines blocks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newscorpus.partitions import DATA_FILE, Partition
from newscorpus.quality import gate_parameters, validate_partition
from newscorpus.quality.baselines import trailing_baseline
from newscorpus.sources import Source

SOURCE = Source(
    id="harian", name="Harian", language="id", timezone="Asia/Jakarta", home="https://harian.example/",
    allowed_domains=("harian.example",), min_articles=1, min_words=5,
)  # fmt: skip
DAY = dt.date(2026, 11, 20)


def _articles(day: dt.date, count: int, *, bylines: bool = True) -> list[dict]:
    body = "Banjir merendam sebagian Jakarta Utara sejak Kamis pagi setelah hujan deras semalaman. " * 4
    return [
        {
            "article_id": f"{day}-{i}",
            "source": SOURCE.id,
            "url": f"https://harian.example/{day}/{i}",
            "canonical_url": f"https://harian.example/{day}/{i}",
            "title": f"Judul {i}",
            "lead": body[:80],
            "body": body,
            "authors": ["Rina"] if bylines else [],
            "editors": [],
            "agency": None,
            "published_at": dt.datetime.combine(day, dt.time(3), dt.UTC),
            "modified_at": None,
            "tz_offset": "+07:00",
            "section": None,
            "tags": [],
            "language": "id",
            "word_count": len(body.split()),
            "image_url": f"https://harian.example/{i}.jpg",
            "image_caption": None,
            "dateline": None,
            "content_hash": f"h{day}{i}",
            "near_dup_cluster": f"{day}-{i}",
            "quality_flags": [],
            "first_seen_at": dt.datetime.combine(day, dt.time(5), dt.UTC),
            "crawl_date": day,
            "run_id": "r",
            "warc_file": "raw/x",
            "warc_offset": i,
        }  # fmt: skip
        for i in range(count)
    ]


def _publish_history(root: Path, days: int, per_day: int) -> None:
    for back in range(1, days + 1):
        day = DAY - dt.timedelta(days=back)
        folder = Partition(SOURCE.id, day, "r").published_dir(root, "articles")
        folder.mkdir(parents=True)
        pq.write_table(pa.Table.from_pylist(_articles(day, per_day)), folder / DATA_FILE)


def test_the_baseline_comes_from_the_trailing_published_partitions(tmp_path: Path) -> None:
    assert trailing_baseline(tmp_path, SOURCE.id, DAY).partitions == 0
    _publish_history(tmp_path, days=5, per_day=20)
    baseline = trailing_baseline(tmp_path, SOURCE.id, DAY)
    assert (baseline.partitions, baseline.mean_articles, baseline.coverage["authors"]) == (5, 20.0, 1.0)
    assert trailing_baseline(tmp_path, SOURCE.id, DAY - dt.timedelta(days=5)).partitions == 0  # only earlier days
    parameters = gate_parameters(SOURCE, DAY, baseline)
    assert parameters["min_articles"] == 10  # max_row_drop 0.5 of 20
    assert parameters["min_authors_coverage"] == 0.7  # max_coverage_drop 0.3 below 1.0


def _gate(root: Path, articles: list[dict]):
    return validate_partition(
        {"articles": pa.Table.from_pylist(articles)},
        source=SOURCE.id,
        crawl_date=DAY,
        run_id="r",
        parameters=gate_parameters(SOURCE, DAY, trailing_baseline(root, SOURCE.id, DAY)),
        reports_dir=root / "reports",
    )


def test_a_sudden_drop_blocks_and_a_normal_day_passes(tmp_path: Path) -> None:
    _publish_history(tmp_path, days=5, per_day=20)
    assert _gate(tmp_path, _articles(DAY, 19)).passed

    drop = _gate(tmp_path, _articles(DAY, 6))
    assert not drop.passed
    assert "expect_table_row_count_to_be_between" in drop.summary()

    redesign = _gate(tmp_path, _articles(DAY, 20, bylines=False))  # the byline moved into a script
    assert not redesign.passed
    assert "expect_column_proportion_of_non_null_values_to_be_between(authors)" in redesign.summary()
    assert "[blocking]" in redesign.summary()


def _with(rows: list[dict], every: int, **changes) -> list[dict]:
    """rows with `changes` applied to every `every`-th row."""
    return [{**row, **changes} if i % every == 0 else row for i, row in enumerate(rows)]


def test_body_length_and_shares_come_from_history_too(tmp_path: Path) -> None:
    # a paywalled outlet: every other article of its normal days is a teaser; its bodies are ~48 words
    for back in range(1, 4):
        day = DAY - dt.timedelta(days=back)
        folder = Partition(SOURCE.id, day, "r").published_dir(tmp_path, "articles")
        folder.mkdir(parents=True)
        pq.write_table(pa.Table.from_pylist(_with(_articles(day, 10), 2, quality_flags=["teaser"])), folder / DATA_FILE)
    baseline = trailing_baseline(tmp_path, SOURCE.id, DAY)
    words = _articles(DAY, 1)[0]["word_count"]
    assert baseline.median_words == words
    assert baseline.shares == {"near_duplicate": 0.0, "flag_short": 0.0, "flag_teaser": 0.5}
    parameters = gate_parameters(SOURCE, DAY, baseline)
    assert parameters["max_flag_teaser_share"] == 0.7  # its usual 0.5 plus the suite's share_margin 0.2
    assert parameters["max_near_duplicate_share"] == 0.2  # no history of copies: the suite's default
    assert parameters["min_median_words"] == round(words * 0.5)  # median_words_drop 0.5 of its usual median
    assert parameters["max_median_words"] == round(words * 3)  # median_words_rise 2.0

    # the same teaser share passes for this outlet and blocks for one without that history
    today = _with(_articles(DAY, 10), 2, quality_flags=["teaser"])
    assert _gate(tmp_path, today).passed
    fresh = validate_partition(
        {"articles": pa.Table.from_pylist(today)},
        source=SOURCE.id,
        crawl_date=DAY,
        run_id="r",
        parameters=gate_parameters(SOURCE, DAY),
        reports_dir=tmp_path / "reports",
    )
    assert "expect_column_mean_to_be_between(gate_flag_teaser) observed 0.5 [blocking]" in fresh.summary()

    # bodies a third of the usual length: the extractor lost paragraphs; min_words (5) alone would not see it
    short_body = "Banjir merendam Jakarta Utara sejak Kamis pagi setelah hujan deras semalaman."
    shorter = [{**row, "body": short_body, "word_count": len(short_body.split())} for row in _articles(DAY, 10)]
    blocked = _gate(tmp_path, shorter)
    assert not blocked.passed
    assert "expect_column_median_to_be_between(word_count)" in blocked.summary()
