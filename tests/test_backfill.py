"""History through the scheduler: `airflow backfill create` over a site with dated sitemaps builds one partition per
day, each holding only that day's articles, and backfilling a day again changes nothing.

The fixture site is built here: one English outlet whose sitemap index points at one sitemap per day
(`sitemaps/YYYY-MM-DD.xml`, entries with `lastmod` and `news:publication_date`). It holds every day's articles at
once, as a real site does when history is fetched later, so a run for day D must pick D's articles by their dates
(the source's `lookback_days: 0` window), not by what happens to be on the site.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import yaml

from newscorpus import airflow_local
from newscorpus.airflow_services import AirflowServices, services_env
from newscorpus.commits import committed_files
from newscorpus.storage import Storage

pytestmark = pytest.mark.slow

DAYS = [dt.date(2026, 11, 16), dt.date(2026, 11, 17), dt.date(2026, 11, 18)]
ARTICLES_PER_DAY = 3
SOURCE = "tidewater"
RUN_TIMEOUT_S = 600  # per run; generous because CI shares two cores with everything else
PROVENANCE = ("run_id", "warc_file", "warc_offset")  # where the bytes came from: a new crawl lands new WARC
WORDS = """harbour council ferry tide river market school bridge rain winter festival library budget museum
station lighthouse fishermen quay storm repair vote mayor volunteers parish orchard bakery tram garden concert
hospital nurses teachers pupils timetable road closure flood barrier engineers survey coast path cliff erosion
residents meeting plan funding grant charity shop high street parking fares bus route cycle lane pier anglers
""".split()


def _article_text(day: dt.date, number: int) -> tuple[str, list[str]]:
    rng = random.Random(f"{day}-{number}")
    title = f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} plan agreed for the {rng.choice(WORDS)}"
    paragraphs = []
    for _ in range(6):
        sentences = []
        for _ in range(3):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 14))]
            sentences.append(f"The {' '.join(words)} was discussed by the town on {day:%A}.")
        paragraphs.append(" ".join(sentences))
    return title, paragraphs


def _build_site(root: Path, base: str) -> dict[dt.date, set[str]]:
    """Write the outlet under root for base URL `base`; returns each day's article URLs."""
    urls: dict[dt.date, set[str]] = {}
    index_entries = []
    for day in DAYS:
        entries = []
        for number in range(ARTICLES_PER_DAY):
            title, paragraphs = _article_text(day, number)
            slug = f"story-{number}"
            path = root / "news" / day.isoformat() / f"{slug}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            published = f"{day}T{8 + number:02d}:00:00+00:00"
            body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
            path.write_text(
                f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | Tidewater</title>
<meta property="article:published_time" content="{published}"></head><body>
<nav><a href="/">Home</a></nav><article><h1 class="headline">{title}</h1>
<p class="byline">By Morwenna Trask</p><time class="published" datetime="{published}">{day:%d %B %Y}</time>
<div class="story-body">{body}</div></article></body></html>"""
            )
            url = f"{base}news/{day}/{slug}.html"
            urls.setdefault(day, set()).add(url)
            entries.append(
                f"<url><loc>{url}</loc><lastmod>{published}</lastmod><news:news><news:publication>"
                f"<news:name>Tidewater</news:name><news:language>en</news:language></news:publication>"
                f"<news:publication_date>{published}</news:publication_date><news:title>{title}</news:title>"
                f"</news:news></url>"
            )
        (root / "sitemaps").mkdir(exist_ok=True)
        (root / "sitemaps" / f"{day}.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(entries) + "</urlset>"
        )
        index_entries.append(
            f"<sitemap><loc>{base}sitemaps/{day}.xml</loc><lastmod>{day}T23:00:00+00:00</lastmod></sitemap>"
        )
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(index_entries)
        + "</sitemapindex>"
    )
    (root / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n")
    (root / "index.html").write_text('<!doctype html><html lang="en"><body><h1>Tidewater</h1></body></html>')
    return urls


def _sources_yaml(path: Path, base: str) -> Path:
    source = {
        "id": SOURCE,
        "name": "Tidewater Gazette",
        "country": "GB",
        "language": "en",
        "timezone": "UTC",
        "home": base,
        "allowed_domains": ["127.0.0.1"],
        "discovery": {
            "sitemaps": [f"{base}sitemap.xml"],
            "article_pattern": r"/news/\d{4}-\d{2}-\d{2}/[a-z0-9-]+\.html$",
            "lookback_days": 0,
        },
        "extraction": {"title": "h1.headline", "body": "div.story-body", "date": "time.published"},
        "max_pages": 100,
        "politeness": {"download_delay": 0.0, "concurrency": 4, "autothrottle": False},
        "min_articles": 1,
    }
    path.write_text(yaml.safe_dump({"sources": [source]}, sort_keys=False))
    return path


def _partition(data: Path, day: dt.date) -> list[dict]:
    """The day's published articles, read as every reader does: the files its commit names."""
    rows = []
    keys = committed_files(Storage.at(data), "articles", source=SOURCE, since=day, before=day + dt.timedelta(days=1))
    for key in keys:
        rows += pq.read_table(data / key).to_pylist()
    return sorted(rows, key=lambda row: row["article_id"])


def _files(data: Path, day: dt.date) -> dict[str, bytes]:
    folder = data / "published" / "articles" / f"source={SOURCE}" / f"crawl_date={day}"
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.parquet"))}


def _wait_for_backfill_runs(services: AirflowServices, count: int, new: int) -> list[dict]:
    """Until `count` backfill runs exist and none is queued or running (a re-backfilled day is its old run,
    cleared and queued again in the same transaction that creates the backfill)."""
    client = services.client()

    def finished() -> list[dict] | None:
        runs = [run for run in client.dag_runs() if run["run_type"] == "backfill"]
        if len(runs) < count or any(run["state"] not in {"success", "failed"} for run in runs):
            return None
        # the scheduler marks the backfill complete a moment later; only then may another one be created
        backfills = client.request("GET", "backfills?dag_id=news_corpus")["backfills"]
        return runs if backfills and all(backfill["completed_at"] for backfill in backfills) else None

    return services.wait_for(finished, RUN_TIMEOUT_S * new, f"{count} backfill runs to finish", interval=3)


def _end_of(day: dt.date) -> str:
    return f"{day}T23:59:59+00:00"


def _crawls(data: Path, day: dt.date) -> list[Path]:
    return sorted((data / "raw" / f"source={SOURCE}" / f"crawl_date={day}").glob("run_id=*/crawl=*"))


@pytest.mark.timeout(3000)
def test_backfill_builds_one_partition_per_day_and_a_second_backfill_of_a_day_changes_nothing(
    serve_directory: Callable[..., Any], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    served = serve_directory(site)
    day_urls = _build_site(site, served.url)
    data = tmp_path / "data"
    env = services_env(
        tmp_path / "airflow-home",
        {
            "NEWSCORPUS_SOURCES": str(_sources_yaml(tmp_path / "sources.yaml", served.url)),
            "NEWSCORPUS_DATA": str(data),
            "NEWSCORPUS_ALLOWED_NETWORKS": "127.0.0.1/32",
        },
    )
    airflow_local.migrate(env)
    with AirflowServices(env) as services:
        services.start_core(triggerer=False)
        client = services.client()
        services.wait_for(client.dag_is_parsed, 300, "the dag-processor to parse news_corpus")
        client.unpause()
        # One run at a time: every run ends by rebuilding the one catalog file. The window holds the runs whose
        # logical date (06:00 UTC by the DAG's schedule) falls in it, so it ends at the end of the last day.
        services.airflow(
            "backfill", "create", "--dag-id", "news_corpus", "--from-date", str(DAYS[0]), "--to-date",
            _end_of(DAYS[-1]), "--max-active-runs", "1",
        )  # fmt: skip
        runs = _wait_for_backfill_runs(services, len(DAYS), new=len(DAYS))
        assert {run["state"] for run in runs} == {"success"}, f"{runs}\n{services.logs()}"
        assert sorted(run["logical_date"][:10] for run in runs) == [str(day) for day in DAYS]

        published = {day: _partition(data, day) for day in DAYS}
        partitions = sorted(p.name for p in (data / "published" / "articles" / f"source={SOURCE}").iterdir())
        assert partitions == [f"crawl_date={day}" for day in DAYS]  # one partition per day, nothing else
        for day in DAYS:
            assert {row["url"] for row in published[day]} == day_urls[day], day  # that day's articles only
            assert {str(row["crawl_date"]) for row in published[day]} == {str(day)}
        files_before = {day: _files(data, day) for day in DAYS}

        again = DAYS[1]
        first_end = {run["logical_date"][:10]: run["end_date"] for run in runs}
        services.airflow(
            "backfill", "create", "--dag-id", "news_corpus", "--from-date", str(again), "--to-date", _end_of(again),
            "--reprocess-behavior", "completed", "--max-active-runs", "1",
        )  # fmt: skip
        runs = _wait_for_backfill_runs(services, len(DAYS), new=1)
        assert {run["state"] for run in runs} == {"success"}, f"{runs}\n{services.logs()}"
        ends = {run["logical_date"][:10]: run["end_date"] for run in runs}
        assert ends[str(again)] > first_end[str(again)]  # that day's run ran again (Airflow reuses the run) ...
        assert all(ends[str(day)] == first_end[str(day)] for day in (DAYS[0], DAYS[-1]))  # ... and only that one

    def strip(rows: list[dict]) -> list[dict]:
        return [{k: v for k, v in row.items() if k not in PROVENANCE} for row in rows]

    assert [len(_crawls(data, day)) for day in DAYS] == [1, 2, 1]  # the day was crawled again (raw is append-only)
    rebuilt = _partition(data, again)
    assert {row["warc_file"] for row in rebuilt}.isdisjoint({row["warc_file"] for row in published[again]})
    assert strip(rebuilt) == strip(published[again])  # ... into the same rows, first_seen_at included
    for day in (DAYS[0], DAYS[-1]):
        assert _files(data, day) == files_before[day], day  # the other days were not touched
