"""Crawling a small local news site for real (Scrapy subprocess) and reading back what landed in the raw zone."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from newscorpus.crawl import (
    CRAWL_LOG_NAME,
    SCRAPY_LOG_NAME,
    STATS_NAME,
    SUCCESS_MARKER,
    CrawlError,
    CrawlResult,
    crawl_source,
    find_crawls,
    partition_dir,
)
from newscorpus.sources import Politeness, Source
from spiders.discovery import feed_item_links, sitemap_links
from spiders.site_scope import SiteScope

CRAWL_DATE = date(2026, 11, 27)
RUN_ID = "manual__2026-11-27T06:00:00+00:00"
ARTICLE_PATTERN = r"/news/[a-z0-9-]+\.html$"
ARTICLES = [f"news/article-{n}.html" for n in range(1, 6)]  # n-th article at ARTICLES[n - 1]
GZIPPED_ARTICLE = "news/article-5.html"  # stored compressed, served with Content-Encoding: gzip
REDIRECTS = {"/news/old-article.html": "/news/article-4.html"}
HEADERS = {"/" + GZIPPED_ARTICLE: {"Content-Encoding": "gzip"}}
# The whole loopback range, so that the link to 127.0.0.2 is refused by the offsite filter (what these tests check)
# rather than by the request guard (tests/test_crawl_security.py).
LOCAL_NETWORKS = ("127.0.0.0/8",)
LOG_FIELDS = {
    "url", "final_url", "status", "fetched_at", "content_type", "charset", "bytes", "body_sha256", "warc_file",
    "warc_offset", "warc_length", "discovered_via", "is_article_candidate", "error",
}  # fmt: skip


@dataclass
class FixtureSite:
    root: Path
    url: str
    requested_paths: list[str]
    other_port_url: str  # a second local server: same host, other port, so off-site
    other_port_requests: list[str]


def _article_html(n: int) -> str:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Article {n}</title></head>"
        f"<body><h1>Article {n}</h1><p>Body of article number {n}, unique text {n * 7919}.</p></body></html>"
    )


def _write_site(root: Path, base: str, other_port_base: str) -> None:
    (root / "news").mkdir(parents=True)
    (root / "section").mkdir()
    (root / "private" / "news").mkdir(parents=True)
    for n, path in enumerate(ARTICLES, start=1):
        html = _article_html(n).encode("utf-8")
        (root / path).write_bytes(gzip.compress(html) if path == GZIPPED_ARTICLE else html)
    (root / "private/news/secret.html").write_text("<html><body>secret</body></html>", encoding="utf-8")
    (root / "about.html").write_text("<html><body>about us</body></html>", encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    (root / "rss.xml").write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Fixture News</title><link>{base}</link>
  <item><title>One</title><link>{base}news/article-1.html</link></item>
  <item><title>Two</title><link>{base}news/article-2.html</link></item>
  <item><title>Moved</title><link>{base}news/old-article.html</link></item>
</channel></rss>""",
        encoding="utf-8",
    )
    (root / "sitemap.xml").write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{base}sitemap-news.xml</loc></sitemap>
</sitemapindex>""",
        encoding="utf-8",
    )
    (root / "sitemap-news.xml").write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{base}news/article-3.html</loc><lastmod>2026-11-27</lastmod></url>
  <url><loc>{base}news/article-1.html</loc></url>
  <url><loc>{base}news/missing.html</loc></url>
  <url><loc>{base}news/article-5.html</loc></url>
</urlset>""",
        encoding="utf-8",
    )
    (root / "section/politics.html").write_text(
        f"""<html><body><h1>Politics</h1><ul>
  <li><a href="/news/article-2.html">Two again</a></li>
  <li><a href="../private/news/secret.html">Secret</a></li>
  <li><a href="/about.html">About (not an article: not followed)</a></li>
  <li><a href="http://127.0.0.2:{base.rstrip("/").rsplit(":", 1)[1]}/news/offsite.html">Other host</a></li>
  <li><a href="{other_port_base}news/other-port.html">Same host, other port</a></li>
</ul></body></html>""",
        encoding="utf-8",
    )


def _source(base: str, *, max_pages: int = 100) -> Source:
    return Source(
        id="fixture",
        name="Fixture News",
        language="en",
        timezone="UTC",
        home=base,
        allowed_domains=("127.0.0.1",),
        feeds=(f"{base}rss.xml",),
        sitemaps=(f"{base}sitemap.xml",),
        sections=(f"{base}section/politics.html",),
        article_pattern=ARTICLE_PATTERN,
        max_pages=max_pages,
        politeness=Politeness(download_delay=0.0, concurrency=2, autothrottle=False),
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, serve_directory) -> FixtureSite:
    other_root = tmp_path_factory.mktemp("other-port-site")
    (other_root / "news").mkdir()
    (other_root / "news/other-port.html").write_text(_article_html(99), encoding="utf-8")
    other = serve_directory(other_root)
    root = tmp_path_factory.mktemp("fixture-site")
    served = serve_directory(root, redirects=REDIRECTS, headers=HEADERS)
    _write_site(root, served.url, other.url)
    return FixtureSite(root, served.url, served.requested_paths, other.url, other.requested_paths)


@pytest.fixture(scope="module")
def data_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="module")
def crawl(site: FixtureSite, data_root: Path) -> CrawlResult:
    return crawl_source(
        _source(site.url),
        crawl_date=CRAWL_DATE,
        run_id=RUN_ID,
        data_root=data_root,
        timeout_s=120,
        allowed_networks=LOCAL_NETWORKS,
    )


def _log_lines(result: CrawlResult) -> list[dict]:
    return [json.loads(line) for line in Path(result.crawl_log).read_text(encoding="utf-8").splitlines()]


def _warc_responses(result: CrawlResult) -> dict[str, list[tuple[int, bytes]]]:
    """Target URI -> [(HTTP status, decoded body)] over every WARC file of the crawl."""
    found: dict[str, list[tuple[int, bytes]]] = {}
    for path in result.warc_files:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response":
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    status = int(record.http_headers.get_statuscode())
                    found.setdefault(uri, []).append((status, record.content_stream().read()))
    return found


def _lines_for(lines: list[dict], url: str) -> list[dict]:
    return [line for line in lines if line["url"] == url or line["final_url"] == url]


def test_every_article_lands_in_the_warc_with_status_200_and_its_body(crawl: CrawlResult, site: FixtureSite):
    responses = _warc_responses(crawl)
    for n, path in enumerate(ARTICLES, start=1):
        assert responses[site.url + path] == [(200, _article_html(n).encode("utf-8"))]
    article_lines = [line for line in _log_lines(crawl) if line["status"] == 200 and line["is_article_candidate"]]
    assert {line["final_url"] for line in article_lines} == {site.url + p for p in ARTICLES}


def test_compressed_body_is_archived_as_received(crawl: CrawlResult, site: FixtureSite, data_root: Path):
    """The WARC middleware must run before HttpCompressionMiddleware decodes the body."""
    on_the_wire = (site.root / GZIPPED_ARTICLE).read_bytes()
    (line,) = _lines_for(_log_lines(crawl), site.url + GZIPPED_ARTICLE)
    assert line["bytes"] == len(on_the_wire)
    assert line["body_sha256"] == hashlib.sha256(on_the_wire).hexdigest()
    with open(data_root / line["warc_file"], "rb") as stream:
        stream.seek(line["warc_offset"])
        record = next(iter(ArchiveIterator(stream)))
        assert record.http_headers.get_header("Content-Encoding") == "gzip"
        assert record.raw_stream.read() == on_the_wire
    assert crawl.stats["newscorpus/article_responses"] == len(ARTICLES)


def test_warc_files_start_with_warcinfo_and_pair_requests_with_responses(crawl: CrawlResult):
    assert [Path(p).name for p in crawl.warc_files] == ["responses-00000.warc.gz"]
    with open(crawl.warc_files[0], "rb") as stream:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Record-ID"), r.rec_headers.get_header("WARC-Concurrent-To"))
            for r in ArchiveIterator(stream)
        ]
    assert records[0][0] == "warcinfo"
    assert [kind for kind, _, _ in records].count("warcinfo") == 1
    response_ids = {rid for kind, rid, _ in records if kind == "response"}
    request_links = [to for kind, _, to in records if kind == "request"]
    assert len(request_links) == len(response_ids) > 0
    assert set(request_links) == response_ids


def test_crawl_log_offsets_seek_straight_to_the_response_record(crawl: CrawlResult, data_root: Path):
    lines = [line for line in _log_lines(crawl) if line["status"] is not None]
    assert lines
    for line in lines:
        with open(data_root / line["warc_file"], "rb") as stream:
            stream.seek(line["warc_offset"])
            chunk = stream.read(line["warc_length"])
        records = []
        for record in ArchiveIterator(io.BytesIO(chunk)):  # a record's stream is only readable in its turn
            records.append((record.rec_type, record.rec_headers.get_header("WARC-Target-URI"),
                            int(record.http_headers.get_statuscode()), record.raw_stream.read()))  # fmt: skip
        assert len(records) == 1, "the length must cover exactly one record"
        rec_type, target_uri, status, raw_body = records[0]
        assert (rec_type, target_uri, status) == ("response", line["final_url"], line["status"])
        assert len(raw_body) == line["bytes"]
        assert hashlib.sha256(raw_body).hexdigest() == line["body_sha256"]


def test_crawl_log_lines_carry_every_field(crawl: CrawlResult, site: FixtureSite):
    lines = _log_lines(crawl)
    assert all(set(line) == LOG_FIELDS for line in lines)
    (article_1,) = [line for line in lines if line["final_url"] == site.url + "news/article-1.html"]
    assert article_1["content_type"] == "text/html"
    assert article_1["discovered_via"] in {"feed", "sitemap"}
    assert article_1["fetched_at"].endswith("Z")
    assert article_1["warc_file"].startswith("raw/source=fixture/crawl_date=2026-11-27/run_id=")
    (robots,) = [line for line in lines if line["url"] == site.url + "robots.txt"]
    assert robots["status"] == 200 and robots["discovered_via"] == "robots"
    (section,) = [line for line in lines if line["url"] == site.url + "section/politics.html"]
    assert section["discovered_via"] == "section" and section["is_article_candidate"] is False


def test_404_and_redirect_are_recorded(crawl: CrawlResult, site: FixtureSite):
    lines = _log_lines(crawl)
    responses = _warc_responses(crawl)
    missing = site.url + "news/missing.html"
    assert [line["status"] for line in _lines_for(lines, missing)] == [404]
    assert responses[missing][0][0] == 404

    old, new = site.url + "news/old-article.html", site.url + "news/article-4.html"
    chain = sorted((line["status"], line["url"], line["final_url"]) for line in _lines_for(lines, old))
    assert chain == [(200, old, new), (301, old, old)]
    assert responses[old][0][0] == 301


def test_robots_disallowed_url_is_logged_and_never_fetched(crawl: CrawlResult, site: FixtureSite):
    secret = site.url + "private/news/secret.html"
    (line,) = _lines_for(_log_lines(crawl), secret)
    assert line["status"] is None and line["warc_file"] is None
    assert line["error"].startswith("robots")
    assert "/private/news/secret.html" not in site.requested_paths
    assert secret not in _warc_responses(crawl)
    assert "/robots.txt" in site.requested_paths


def test_off_site_links_are_logged_and_not_followed(crawl: CrawlResult, site: FixtureSite):
    lines = _log_lines(crawl)
    other_host = site.url.replace("127.0.0.1", "127.0.0.2") + "news/offsite.html"
    other_port = site.other_port_url + "news/other-port.html"
    for url in (other_host, other_port):
        (line,) = _lines_for(lines, url)
        assert line["status"] is None and line["error"].startswith("offsite")
        assert url not in _warc_responses(crawl)
    assert site.other_port_requests == []
    assert "/about.html" not in site.requested_paths  # sections are followed to articles only


def test_success_marker_stats_and_result(crawl: CrawlResult, data_root: Path):
    crawl_dir = Path(crawl.crawl_dir)
    assert crawl_dir.is_absolute()
    assert crawl_dir.parent == partition_dir(data_root, "fixture", CRAWL_DATE, RUN_ID)
    assert crawl_dir.name.startswith("crawl=")
    assert (crawl_dir / SUCCESS_MARKER).is_file()
    stats = json.loads((crawl_dir / STATS_NAME).read_text())
    assert stats["finish_reason"] == "finished"
    assert stats == crawl.stats
    lines = _log_lines(crawl)
    assert crawl.responses == sum(line["status"] is not None for line in lines)
    assert crawl.errors == sum(line["error"] is not None for line in lines) == 3  # robots + two off-site
    assert crawl.crawl_log == str(crawl_dir / CRAWL_LOG_NAME)
    assert find_crawls(data_root, "fixture", CRAWL_DATE, RUN_ID)[0] == crawl_dir
    scrapy_log = (crawl_dir / SCRAPY_LOG_NAME).read_text(encoding="utf-8")  # Scrapy's whole log stays with the crawl
    assert scrapy_log.count("--- newscorpus: scrapy started") == 1 and "Spider closed (finished)" in scrapy_log


def test_second_crawl_of_a_partition_writes_a_new_directory(crawl: CrawlResult, site: FixtureSite, data_root: Path):
    first = Path(crawl.crawl_dir)
    before = {p.name: p.read_bytes() for p in first.iterdir()}
    second = crawl_source(
        _source(site.url), crawl_date=CRAWL_DATE, run_id=RUN_ID, data_root=data_root, allowed_networks=LOCAL_NETWORKS
    )
    assert Path(second.crawl_dir) != first
    assert Path(second.crawl_dir).parent == first.parent
    assert {p.name: p.read_bytes() for p in first.iterdir()} == before
    assert find_crawls(data_root, "fixture", CRAWL_DATE, RUN_ID) == [first, Path(second.crawl_dir)]


def test_warc_files_rotate_and_offsets_still_point_into_the_right_file(site: FixtureSite, tmp_path: Path):
    result = crawl_source(
        _source(site.url),
        crawl_date=CRAWL_DATE,
        run_id="rotation",
        data_root=tmp_path,
        extra_settings={"NEWSCORPUS_WARC_MAX_BYTES": "2000"},
        allowed_networks=LOCAL_NETWORKS,
    )
    assert len(result.warc_files) > 2
    for path in result.warc_files:
        with open(path, "rb") as stream:
            assert next(iter(ArchiveIterator(stream))).rec_type == "warcinfo"
    for line in _log_lines(result):
        if line["status"] is None:
            continue
        with open(tmp_path / line["warc_file"], "rb") as stream:
            stream.seek(line["warc_offset"])
            record = next(iter(ArchiveIterator(io.BytesIO(stream.read(line["warc_length"])))))
        assert record.rec_headers.get_header("WARC-Target-URI") == line["final_url"]


def test_max_pages_caps_the_crawl(site: FixtureSite, tmp_path: Path):
    result = crawl_source(
        _source(site.url, max_pages=3),
        crawl_date=CRAWL_DATE,
        run_id="capped",
        data_root=tmp_path,
        allowed_networks=LOCAL_NETWORKS,
    )
    assert result.stats["finish_reason"] == "closespider_pagecount"
    assert result.responses < 10


def test_crawl_that_lands_nothing_raises_and_leaves_no_marker(tmp_path: Path):
    closed_port = "http://127.0.0.1:9/"  # discard port: nothing listens, every connection is refused
    source = Source(**{**_source(closed_port).__dict__, "sitemaps": (), "sections": ()})
    with pytest.raises(CrawlError, match="landed no response") as raised:
        crawl_source(
            source,
            crawl_date=CRAWL_DATE,
            run_id="broken",
            data_root=tmp_path,
            extra_settings={"RETRY_TIMES": "0"},
            allowed_networks=LOCAL_NETWORKS,
        )
    assert "Spider closed" in str(raised.value)  # the message carries the tail of Scrapy's log
    (crawl_dir,) = partition_dir(tmp_path, "fixture", CRAWL_DATE, "broken").iterdir()
    assert "Connection was refused" in (crawl_dir / SCRAPY_LOG_NAME).read_text(encoding="utf-8")  # and all of it
    assert not (crawl_dir / SUCCESS_MARKER).exists()
    lines = [json.loads(x) for x in (crawl_dir / CRAWL_LOG_NAME).read_text().splitlines()]
    failed = sorted((line["url"], line["discovered_via"]) for line in lines if line["error"].startswith("download: "))
    assert failed == [(closed_port + "robots.txt", "robots"), (closed_port + "rss.xml", "feed")]
    assert all(line["status"] is None for line in lines)
    assert find_crawls(tmp_path, "fixture", CRAWL_DATE, "broken") == []


def test_crawl_that_overruns_its_timeout_is_killed_and_leaves_no_marker(site: FixtureSite, tmp_path: Path):
    with pytest.raises(CrawlError, match="timed out"):
        crawl_source(
            _source(site.url),
            crawl_date=CRAWL_DATE,
            run_id="slow",
            data_root=tmp_path,
            timeout_s=0.01,
            allowed_networks=LOCAL_NETWORKS,
        )
    (crawl_dir,) = partition_dir(tmp_path, "fixture", CRAWL_DATE, "slow").iterdir()
    assert not (crawl_dir / SUCCESS_MARKER).exists()
    assert find_crawls(tmp_path, "fixture", CRAWL_DATE, "slow") == []


@pytest.mark.parametrize("run_id", ["../escape", "a/b", "..", "", "run id", "x\ny"])
def test_bad_run_id_is_rejected_before_anything_is_written(run_id: str, tmp_path: Path):
    source = _source("http://127.0.0.1:9/")
    with pytest.raises(ValueError, match="run_id"):
        crawl_source(source, crawl_date=CRAWL_DATE, run_id=run_id, data_root=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_site_scope_compares_hosts_and_ports():
    scope = SiteScope.from_source(
        Source(
            id="s",
            name="S",
            language="en",
            timezone="UTC",
            home="http://127.0.0.1:8123/",
            allowed_domains=("127.0.0.1", "example.com", "cdn.test:9000"),
        )
    )
    assert scope.allows("http://127.0.0.1:8123/news/a.html")
    assert not scope.allows("http://127.0.0.1:8124/news/a.html")
    assert scope.allows("https://www.example.com/a") and scope.allows("http://example.com/a")
    assert not scope.allows("https://badexample.com/a")
    assert scope.allows("http://cdn.test:9000/x") and not scope.allows("http://cdn.test/x")
    assert not scope.allows("http://127.0.0.1:notaport/x")
    assert scope.host_names == ["127.0.0.1", "cdn.test", "example.com"]


def test_feed_links_from_atom_and_rss_guid():
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="/a.html"/>
        <link rel="enclosure" href="/a.jpg"/></entry><entry><link href="http://x.test/b.html"/></entry></feed>"""
    assert feed_item_links(atom, "http://x.test/feed") == ["http://x.test/a.html", "http://x.test/b.html"]
    rss = b"""<rss><channel><item><guid>http://x.test/c.html</guid></item>
        <item><guid isPermaLink="false">tag:1</guid></item></channel></rss>"""
    assert feed_item_links(rss, "http://x.test/") == ["http://x.test/c.html"]
    assert feed_item_links(b"not xml at all", "http://x.test/") == []


def test_gzipped_sitemap_is_read_and_a_gzip_bomb_is_refused():
    urlset = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x.test/a</loc></url></urlset>"""
    found = sitemap_links(gzip.compress(urlset), "http://x.test/s.xml.gz", max_size=10_000)
    assert (found.is_index, found.locs) == (False, ["http://x.test/a"])
    with pytest.raises(ValueError, match="larger than"):
        sitemap_links(gzip.compress(b"<urlset>" + b" " * 50_000 + b"</urlset>"), "http://x.test/", max_size=10_000)


def test_a_source_with_nowhere_to_start_is_refused_before_anything_is_written(tmp_path: Path):
    source = Source(**{**_source("http://127.0.0.1:9/").__dict__, "feeds": (), "sitemaps": (), "sections": ()})
    with pytest.raises(CrawlError, match="has nowhere to start: give it discovery.feeds"):
        crawl_source(source, crawl_date=CRAWL_DATE, run_id="r", data_root=tmp_path, allowed_networks=LOCAL_NETWORKS)
    assert not (tmp_path / "raw").exists()
