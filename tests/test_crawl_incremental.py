"""Incremental crawling: pages published by earlier partitions are not fetched again, and a crawl that was
killed half-way resumes in its own directory without landing any page twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from crawl_fixture_server import Reply, ScriptedSite, fixed, html, serve_script
from warcio.archiveiterator import ArchiveIterator

import newscorpus.crawl as crawl_module
from newscorpus.crawl import CrawlError, CrawlResult, crawl_source, find_crawls, partition_dir
from newscorpus.sources import Politeness, Source

DAY_1 = date(2026, 11, 19)
DAY_2 = date(2026, 11, 20)
NETWORKS = ["127.0.0.1/32"]


def _article(n: int) -> str:
    return f"<html><body><h1>Story {n}</h1><p>Text of story {n}.</p></body></html>"


def _sitemap(base: str, stories: dict[int, date]) -> Reply:
    entries = "".join(
        f"<url><loc>{base}/story/{n}?utm_campaign=daily</loc><lastmod>{day.isoformat()}</lastmod></url>"
        for n, day in stories.items()
    )
    body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    return Reply(body=body.encode(), headers={"Content-Type": "application/xml"})


def _source(base: str, *, concurrency: int = 4) -> Source:
    return Source(
        id="incremental",
        name="Incremental",
        language="en",
        timezone="UTC",
        home=base + "/",
        allowed_domains=("127.0.0.1",),
        sitemaps=(base + "/sitemap.xml",),
        article_pattern=r"/story/\d+$",
        lookback_days=1,
        politeness=Politeness(download_delay=0.0, concurrency=concurrency, autothrottle=False),
    )


def _log(result_dir: Path) -> list[dict]:
    return [json.loads(line) for line in (result_dir / "crawl-log.jsonl").read_text().splitlines()]


def _publish_pages(data_root: Path, result: CrawlResult) -> None:
    """What the publish stage leaves for this test's purpose: the crawl's pages as published/pages Parquet."""
    rows = [
        {"url": line["url"], "final_url": line["final_url"], "status": line["status"], "source": result.source}
        for line in _log(Path(result.crawl_dir))
    ]
    target = data_root / "published/pages" / f"source={result.source}" / f"crawl_date={result.crawl_date}"
    target.mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(rows), target / "part-0.parquet")


def _landed_articles(crawl_dir: Path) -> Counter[str]:
    """Target URIs of 2xx article response records over every WARC file of a crawl directory."""
    found: Counter[str] = Counter()
    for path in sorted(crawl_dir.glob("responses-*.warc.gz")):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                uri = record.rec_headers.get_header("WARC-Target-URI")
                if record.rec_type == "response" and "/story/" in uri:
                    assert record.http_headers.get_statuscode() == "200"
                    found[uri] += 1
    return found


@pytest.fixture
def site() -> Iterator[ScriptedSite]:
    with serve_script({}) as served:
        yield served


def test_second_run_fetches_only_new_pages(site: ScriptedSite, tmp_path: Path):
    base = site.url
    site.routes.update({f"/story/{n}": fixed(html(_article(n))) for n in range(1, 6)})
    site.routes["/sitemap.xml"] = fixed(_sitemap(base, {1: DAY_1, 2: DAY_1, 3: DAY_1}))
    first = crawl_source(_source(base), crawl_date=DAY_1, run_id="r1", data_root=tmp_path, allowed_networks=NETWORKS)
    assert _landed_articles(Path(first.crawl_dir)) == {f"{base}/story/{n}": 1 for n in (1, 2, 3)}
    assert first.stats["newscorpus/skipped/seen"] == 0
    _publish_pages(tmp_path, first)

    site.routes["/sitemap.xml"] = fixed(_sitemap(base, {1: DAY_1, 2: DAY_1, 3: DAY_1, 4: DAY_2, 5: DAY_2}))
    site.hits.clear()
    second = crawl_source(_source(base), crawl_date=DAY_2, run_id="r2", data_root=tmp_path, allowed_networks=NETWORKS)
    assert _landed_articles(Path(second.crawl_dir)) == {f"{base}/story/{n}": 1 for n in (4, 5)}
    assert sorted(h.path for h in site.hits if h.path.startswith("/story/")) == ["/story/4", "/story/5"]
    assert second.stats["newscorpus/skipped/seen"] == 3
    assert second.stats["newscorpus/seen_urls"] >= 3


def test_rerun_of_a_published_date_fetches_its_pages_again(site: ScriptedSite, tmp_path: Path):
    site.routes.update({f"/story/{n}": fixed(html(_article(n))) for n in (1, 2)})
    site.routes["/sitemap.xml"] = fixed(_sitemap(site.url, {1: DAY_1, 2: DAY_1}))
    first = crawl_source(
        _source(site.url), crawl_date=DAY_1, run_id="r1", data_root=tmp_path, allowed_networks=NETWORKS
    )
    _publish_pages(tmp_path, first)
    rerun = crawl_source(
        _source(site.url), crawl_date=DAY_1, run_id="r1b", data_root=tmp_path, allowed_networks=NETWORKS
    )
    assert len(_landed_articles(Path(rerun.crawl_dir))) == 2
    assert rerun.stats["newscorpus/skipped/seen"] == 0


def _hard_kill(process: subprocess.Popen[str]) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@pytest.mark.parametrize("kill", ["graceful", "hard"])
def test_killed_crawl_resumes_without_landing_a_page_twice(
    kill: str, site: ScriptedSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    count = 40
    # Slow pages, so the kill lands mid-crawl: 40 pages x 0.25 s over 2 connections is about 5 s.
    site.routes.update({f"/story/{n}": fixed(Reply(body=_article(n).encode(), delay_s=0.25)) for n in range(count)})
    site.routes["/sitemap.xml"] = fixed(_sitemap(site.url, {n: DAY_2 for n in range(count)}))
    source = _source(site.url, concurrency=2)
    if kill == "hard":
        monkeypatch.setattr(crawl_module, "_kill_group", _hard_kill)
    with pytest.raises(CrawlError, match="timed out"):
        crawl_source(source, crawl_date=DAY_2, run_id="r", data_root=tmp_path, timeout_s=3.5, allowed_networks=NETWORKS)
    (crawl_dir,) = partition_dir(tmp_path, "incremental", DAY_2, "r").iterdir()
    landed_before = _landed_articles(crawl_dir) if kill == "graceful" else None
    first_attempt = Counter(h.path for h in site.hits if h.path.startswith("/story/"))
    assert 0 < len(first_attempt) < count, "the kill must land mid-crawl"
    monkeypatch.undo()

    resumed = crawl_source(source, crawl_date=DAY_2, run_id="r", data_root=tmp_path, allowed_networks=NETWORKS)
    assert resumed.resumed and Path(resumed.crawl_dir) == crawl_dir
    assert find_crawls(tmp_path, "incremental", DAY_2, "r") == [crawl_dir]
    landed = _landed_articles(crawl_dir)
    assert landed == {f"{site.url}/story/{n}": 1 for n in range(count)}  # every page, none twice
    if landed_before is not None:
        assert landed_before and set(landed_before) <= set(landed)
    article_lines = [line for line in _log(crawl_dir) if line["status"] == 200 and "/story/" in line["url"]]
    assert len(article_lines) == count and len({line["final_url"] for line in article_lines}) == count
    for line in article_lines:  # every log line still points at a readable record
        with (tmp_path / line["warc_file"]).open("rb") as stream:
            stream.seek(line["warc_offset"])
            record = next(iter(ArchiveIterator(stream)))
            assert record.rec_headers.get_header("WARC-Target-URI") == line["final_url"]
    refetched = [path for path, n in Counter(h.path for h in site.hits if h.path.startswith("/story/")).items()
                 if n > 1]  # fmt: skip
    assert len(refetched) <= 2, f"only requests in flight at the kill may be asked for again: {refetched}"
    manifest = json.loads((crawl_dir / "manifest.json").read_text())
    assert sum(f["records_by_type"].get("response", 0) for f in manifest["files"]) == resumed.responses
    assert not list(crawl_dir.glob("*.open")) and not (crawl_dir / "jobdir").exists()
    assert resumed.stats["newscorpus/skipped/seen"] >= len(landed_before or {})
