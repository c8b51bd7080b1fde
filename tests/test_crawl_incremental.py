"""Incremental crawling: pages published by earlier partitions are not fetched again, and a crawl that was
killed half-way resumes in its own directory without landing any page twice."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pyarrow as pa
import pytest
from crawl_fixture_server import Reply, ScriptedSite, fixed, html, serve_script
from warcio.archiveiterator import ArchiveIterator

import newscorpus.crawl as crawl_module
from newscorpus import storage
from newscorpus.commits import Commit, data_file_key, new_commit_id, write_commit
from newscorpus.crawl import CrawlError, CrawlResult, crawl_source, find_crawls, landed_urls, partition_dir
from newscorpus.partitions import Partition
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
    """What the publish stage does for the pages table: a data file, then the partition's commit naming it."""
    rows = [
        {"url": line["url"], "final_url": line["final_url"], "status": line["status"], "source": result.source}
        for line in _log(Path(result.crawl_dir))
    ]
    store = storage.shared(data_root)
    partition = Partition(result.source, result.crawl_date, result.run_id)
    commit_id = new_commit_id()
    key = data_file_key(partition, "pages", commit_id)
    store.write_table(key, pa.Table.from_pylist(rows))
    commit = Commit(result.source, result.crawl_date, result.run_id, commit_id, commit_id, {"pages": [key]})
    write_commit(store, partition, commit)


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


class _RecordingPopen(subprocess.Popen):
    """subprocess.Popen that remembers its instances, so the test can signal the Scrapy process it started."""

    started: list[subprocess.Popen] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _RecordingPopen.started.append(self)


def _kill_after(data_root: Path, landed: int, sig: signal.Signals) -> threading.Thread:
    """Signal the crawl's process group once its crawl log shows `landed` stories: mid-crawl, whatever Scrapy's
    start-up time on a busy machine."""

    def landed_so_far() -> int:
        logs = list(data_root.glob("raw/*/*/*/crawl=*/crawl-log.jsonl"))
        return sum(text.count('"status":200') for text in (p.read_text() for p in logs)) - 1  # minus the sitemap

    def watch() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if _RecordingPopen.started and landed_so_far() >= landed:
                os.killpg(_RecordingPopen.started[-1].pid, sig)
                return
            time.sleep(0.02)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["graceful", "hard"])
def test_killed_crawl_resumes_without_landing_a_page_twice(
    sig: signal.Signals, site: ScriptedSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    count = 40
    # Slow pages, so the kill after 8 landed pages comes mid-crawl.
    site.routes.update({f"/story/{n}": fixed(Reply(body=_article(n).encode(), delay_s=0.2)) for n in range(count)})
    site.routes["/sitemap.xml"] = fixed(_sitemap(site.url, {n: DAY_2 for n in range(count)}))
    source = _source(site.url, concurrency=2)
    _RecordingPopen.started.clear()
    monkeypatch.setattr(crawl_module.subprocess, "Popen", _RecordingPopen)
    watcher = _kill_after(tmp_path, 8, sig)
    with pytest.raises(CrawlError, match="did not finish normally|failed"):
        crawl_source(source, crawl_date=DAY_2, run_id="r", data_root=tmp_path, allowed_networks=NETWORKS)
    watcher.join()
    monkeypatch.undo()
    (crawl_dir,) = partition_dir(tmp_path, "incremental", DAY_2, "r").iterdir()
    assert not (crawl_dir / "_SUCCESS").exists()
    first_attempt = Counter(h.path for h in site.hits if h.path.startswith("/story/"))
    assert 0 < len(first_attempt) < count, "the kill must land mid-crawl"
    landed_before = {urlsplit(u).path for u in landed_urls(crawl_dir) if "/story/" in u}
    assert landed_before

    resumed = crawl_source(source, crawl_date=DAY_2, run_id="r", data_root=tmp_path, allowed_networks=NETWORKS)
    assert resumed.resumed and Path(resumed.crawl_dir) == crawl_dir
    assert find_crawls(tmp_path, "incremental", DAY_2, "r") == [crawl_dir]
    landed = _landed_articles(crawl_dir)
    assert landed == {f"{site.url}/story/{n}": 1 for n in range(count)}  # every page, none twice
    article_lines = [line for line in _log(crawl_dir) if line["status"] == 200 and "/story/" in line["url"]]
    assert len(article_lines) == count and len({line["final_url"] for line in article_lines}) == count
    for line in article_lines:  # every log line still points at a readable record
        with (tmp_path / line["warc_file"]).open("rb") as stream:
            stream.seek(line["warc_offset"])
            record = next(iter(ArchiveIterator(stream)))
            assert record.rec_headers.get_header("WARC-Target-URI") == line["final_url"]
    hits = Counter(h.path for h in site.hits if h.path.startswith("/story/"))
    refetched = {path for path, n in hits.items() if n > 1}
    # Only requests that were in flight when the process died are asked for again; nothing it landed.
    assert not refetched & landed_before and all(hits[path] == 1 for path in landed_before)
    assert refetched <= set(first_attempt) - landed_before
    assert resumed.stats["newscorpus/skipped/seen"] == len(landed_before)
    manifest = json.loads((crawl_dir / "manifest.json").read_text())
    assert sum(f["records_by_type"].get("response", 0) for f in manifest["files"]) == resumed.responses
    assert not list(crawl_dir.glob("*.open")) and not (crawl_dir / "jobdir").exists()
    assert (crawl_dir / "scrapy.log").read_text(encoding="utf-8").count("--- newscorpus: scrapy started") == 2


def test_recovery_keeps_exactly_the_whole_records_of_a_cut_off_warc(tmp_path: Path):
    from spiders.warc_files import HttpExchange, RotatingWarcWriter, recover_open_warc, whole_records_end

    writer = RotatingWarcWriter(tmp_path, warcinfo={"software": "test"})
    ends = []
    for n in range(5):
        exchange = HttpExchange(
            url=f"http://x.test/{n}", fetched_at=datetime.now(UTC), request_line=f"GET /{n} HTTP/1.1",
            request_headers=[("Host", "x.test")], protocol="HTTP/1.1", status=200, reason="OK",
            response_headers=[("Content-Type", "text/html")], body=_article(n).encode() * 20,
        )  # fmt: skip
        location = writer.write_exchange(exchange)
        ends.append(location.offset + location.length)
    (open_file,) = tmp_path.glob("*.open")
    data = open_file.read_bytes()
    cut = (ends[2] + ends[3]) // 2  # inside the fourth response record
    open_file.write_bytes(data[:cut])
    kept_end = whole_records_end(open_file)
    assert ends[2] < kept_end < cut  # the third exchange's request record is whole, the fourth response is not
    final, kept = recover_open_warc(open_file)
    assert final.name == "responses-00000.warc.gz" and kept == kept_end == final.stat().st_size
    with final.open("rb") as stream:
        uris = [
            r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(stream) if r.rec_type == "response"
        ]
    assert uris == [f"http://x.test/{n}" for n in range(3)]
    assert RotatingWarcWriter(tmp_path, warcinfo={})._index == 0  # a resumed writer goes on with 00001


def test_a_full_disk_fails_the_crawl_and_its_resume_lands_every_page_once(site: ScriptedSite, tmp_path: Path):
    """The landing process hits "file too large" mid-crawl (RLIMIT_FSIZE, inherited by every process the crawl
    starts, stands in for a full disk): the crawl stops with warc_write_failed instead of finishing with holes,
    and once there is room again its resume lands every page exactly once, each log line on a whole record."""
    count = 40
    pages = {n: _article(n).replace("</p>", f"{os.urandom(8000).hex()}</p>") for n in range(count)}  # ~16 KB
    site.routes.update({f"/story/{n}": fixed(html(page)) for n, page in pages.items()})
    site.routes["/sitemap.xml"] = fixed(_sitemap(site.url, {n: DAY_2 for n in range(count)}))
    source = _source(site.url, concurrency=2)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, hard))  # room for about half of the gzipped pages
    try:
        with pytest.raises(CrawlError, match="warc_write_failed"):
            crawl_source(source, crawl_date=DAY_2, run_id="r", data_root=tmp_path, allowed_networks=NETWORKS)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    (crawl_dir,) = partition_dir(tmp_path, "incremental", DAY_2, "r").iterdir()
    assert not (crawl_dir / "_SUCCESS").exists()
    stats = json.loads((crawl_dir / "stats.json").read_text())
    assert stats["finish_reason"] == "warc_write_failed"
    landed_before = {urlsplit(u).path for u in landed_urls(crawl_dir) if "/story/" in u}
    assert 0 < len(landed_before) < count, "the limit must be hit mid-crawl"

    resumed = crawl_source(source, crawl_date=DAY_2, run_id="r", data_root=tmp_path, allowed_networks=NETWORKS)
    assert resumed.resumed and Path(resumed.crawl_dir) == crawl_dir
    assert _landed_articles(crawl_dir) == {f"{site.url}/story/{n}": 1 for n in range(count)}
    article_lines = [line for line in _log(crawl_dir) if line["status"] == 200 and "/story/" in line["url"]]
    assert len(article_lines) == count
    for line in article_lines:
        with (tmp_path / line["warc_file"]).open("rb") as stream:
            stream.seek(line["warc_offset"])
            record = next(iter(ArchiveIterator(stream)))
            assert record.rec_headers.get_header("WARC-Target-URI") == line["final_url"]
            assert record.content_stream().read().decode() == pages[int(line["final_url"].rsplit("/", 1)[1])]
    hits = Counter(h.path for h in site.hits if h.path.startswith("/story/"))
    assert all(hits[path] == 1 for path in landed_before)  # nothing landed was fetched again
