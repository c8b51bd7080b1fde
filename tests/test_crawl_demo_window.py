"""The crawl window on the demo site with history: a crawl for date D lands exactly the articles the site dates
D - lookback_days .. D, whether it finds them through the feed, the sitemap or the section pages."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newscorpus.crawl import crawl_source
from newscorpus.demo_site import SOURCES_YAML, demo_env, render_site, serve_site, truth
from newscorpus.sources import load_sources

LAST = dt.date(2026, 11, 20)
FIRST = dt.date(2026, 11, 18)
NETWORKS = ["127.0.0.1/32"]
OUTLETS = ("korankota", "wartanusantara", "harborherald")


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    root = tmp_path_factory.mktemp("history-site")
    render_site(root, LAST, first_date=FIRST)
    with serve_site(root) as urls, pytest.MonkeyPatch.context() as patch:
        for name, value in demo_env(urls).items():
            patch.setenv(name, value)
        yield {s.id: s for s in load_sources(SOURCES_YAML)}


def _local_day(record: dict) -> dt.date:
    hours, minutes = (int(part) for part in record["tz_offset"].lstrip("+-").split(":"))
    sign = -1 if record["tz_offset"].startswith("-") else 1
    return (record["published_at"] + sign * dt.timedelta(hours=hours, minutes=minutes)).date()


def test_history_site_dates_every_day_with_distinct_articles():
    records = truth(LAST, first_date=FIRST)
    for outlet in OUTLETS:
        days = [_local_day(r) for r in records if r["outlet"] == outlet]
        assert {day: days.count(day) for day in set(days)} == {FIRST: 6, FIRST + dt.timedelta(days=1): 6, LAST: 6}
        paths = [r["path"] for r in records if r["outlet"] == outlet]
        assert len(set(paths)) == len(paths)
    # the two-day site is unchanged by the history option
    assert truth(LAST) == [r for r in records if _local_day(r) >= LAST - dt.timedelta(days=1)]


@pytest.mark.parametrize("crawl_date", [FIRST, LAST])
def test_crawl_for_a_date_lands_exactly_the_articles_of_its_window(crawl_date, sources, tmp_path: Path):
    wanted = {crawl_date - dt.timedelta(days=n) for n in range(2)}  # lookback_days 1
    expected = {r["outlet"]: set() for r in truth(LAST, first_date=FIRST)}
    for record in truth(LAST, first_date=FIRST):
        if _local_day(record) in wanted:
            expected[record["outlet"]].add(record["path"])
    for outlet in OUTLETS:
        result = crawl_source(
            sources[outlet],
            crawl_date=crawl_date,
            run_id="window",
            data_root=tmp_path,
            allowed_networks=["127.0.0.1/32"],
        )
        lines = [json.loads(x) for x in Path(result.crawl_log).read_text().splitlines()]
        landed = {urlsplit(x["final_url"]).path for x in lines if x["status"] == 200 and x["is_article_candidate"]}
        assert landed == expected[outlet], outlet
        assert result.stats["newscorpus/skipped/window"] > 0


def test_window_skips_are_counted_in_crawl_runs(sources, tmp_path: Path):
    """What the spider skipped never appears as a fetch; crawl_runs still reports it, from the crawl's stats."""
    import duckdb

    from newscorpus.partitions import Partition
    from newscorpus.stage import extract_partition
    from newscorpus.transform import run_models

    source = sources["korankota"]
    result = crawl_source(source, crawl_date=LAST, run_id="counted", data_root=tmp_path, allowed_networks=NETWORKS)
    partition = Partition(source.id, LAST, "counted")
    extract_partition(source, partition, tmp_path)
    staged = run_models(partition, tmp_path)
    row = duckdb.sql(
        f"select skipped_out_of_window, refused_robots from read_parquet('{staged.tables['crawl_runs']}')"
    ).fetchone()
    assert row[0] == result.stats["newscorpus/skipped/window"] + result.stats.get(
        "newscorpus/skipped/window_sitemap", 0
    )
    assert row[0] > 0
    assert row[1] == result.stats.get("newscorpus/failures/robots", 0)
