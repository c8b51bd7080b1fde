"""The crawler against a scripted local site: redirects, errors, retries, timeouts, size cap, encodings, charsets,
tracking parameters, the date window and robots groups. Each case checks what landed in the WARC files and what
the crawl log and stats.json counted."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import brotli
import pytest
from crawl_fixture_server import Reply, ScriptedSite, fixed, html, serve_script
from warcio.archiveiterator import ArchiveIterator

from newscorpus.crawl import CrawlResult, crawl_source
from newscorpus.sources import Politeness, Source

CRAWL_DATE = date(2026, 11, 20)
CONTACT = "crawler-ops@example.org"
ARTICLE = "<html><head><title>{0}</title></head><body><h1>{0}</h1><p>Text of {0}.</p></body></html>"
CP1252_BODY = "<html><body><p>Caf\u00e9 \u2013 na\u00efve \u201cquotes\u201d</p></body></html>".encode("cp1252")
BROTLI_TEXT = ARTICLE.format("brotli").encode("utf-8")
GZIP_TEXT = ARTICLE.format("gzip").encode("utf-8")
SIXTY_MB = 60 * 1024 * 1024
MAXSIZE = 10 * 1024 * 1024

# Sitemap entries: (path, news:publication_date or None, lastmod or None). The window for 2026-11-20 with
# lookback_days=1 in Asia/Jakarta is 2026-11-19 .. 2026-11-20 local time.
SITEMAP = [
    ("/a/chain-1", "2026-11-20T08:00:00+07:00", None),
    ("/a/loop-1", None, "2026-11-20"),
    ("/a/missing", None, None),
    ("/a/flaky", None, None),
    ("/a/busy", None, None),
    ("/a/slow", None, None),
    ("/a/huge", None, None),
    ("/a/cp1252", None, None),
    ("/a/nocharset", None, None),
    ("/a/br", None, None),
    ("/a/gz", None, None),
    ("/a/story?utm_source=newsletter&utm_medium=email", None, None),
    ("/a/nc-private", None, None),
    ("/a/scrapy-private", None, None),
    # In the window only in Jakarta time: 2026-11-18T18:30Z is 2026-11-19 01:30 WIB.
    ("/a/late-evening-utc", "2026-11-18T18:30:00Z", None),
    # Outside: published on the 18th (WIB), the 1st, and after the crawl date.
    ("/a/old-news", "2026-11-18T10:00:00+07:00", "2026-11-20"),  # publication_date wins over lastmod
    ("/a/very-old", None, "2026-11-01"),
    ("/a/future", "2026-11-21T09:00:00+07:00", None),
]
OUTSIDE_WINDOW = ["/a/old-news", "/a/very-old", "/a/future", "/a/feed-old"]
ROBOTS = """User-agent: *
Disallow: /nothing-here/

User-agent: newscorpus
Disallow: /a/nc-private

User-agent: Scrapy
Disallow: /a/scrapy-private
"""


def _sitemap(base: str) -> bytes:
    entries = []
    for path, published, lastmod in SITEMAP:
        loc = (base + path).replace("&", "&amp;")
        entry = f"<url><loc>{loc}</loc>"
        if lastmod:
            entry += f"<lastmod>{lastmod}</lastmod>"
        if published:
            entry += f"<news:news><news:publication_date>{published}</news:publication_date></news:news>"
        entries.append(entry + "</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(entries) + "</urlset>"
    ).encode("utf-8")


def _feed(base: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
<item><link>{base}/a/story?fbclid=abc123</link><pubDate>Fri, 20 Nov 2026 09:00:00 +0700</pubDate></item>
<item><link>{base}/a/feed-old</link><pubDate>Mon, 02 Nov 2026 09:00:00 +0700</pubDate></item>
</channel></rss>""".encode()


def _first_fails(status: int, headers: dict[str, str], text: str):
    def route(count: int) -> Reply:
        return Reply(status, b"try later", headers) if count == 1 else html(ARTICLE.format(text))

    return route


def _routes(base: str) -> dict:
    return {
        "/robots.txt": fixed(Reply(body=ROBOTS.encode(), headers={"Content-Type": "text/plain"})),
        "/sitemap.xml": fixed(Reply(body=_sitemap(base), headers={"Content-Type": "application/xml"})),
        "/rss.xml": fixed(Reply(body=_feed(base), headers={"Content-Type": "application/rss+xml"})),
        "/section": fixed(html('<a href="/a/story">story</a> <a href="/a/story#comments">again</a>')),
        "/a/chain-1": fixed(Reply(302, headers={"Location": "/a/chain-2"})),
        "/a/chain-2": fixed(Reply(301, headers={"Location": base + "/a/chain-end"})),
        "/a/chain-end": fixed(html(ARTICLE.format("chain end"))),
        "/a/loop-1": fixed(Reply(302, headers={"Location": "/a/loop-2"})),
        "/a/loop-2": fixed(Reply(302, headers={"Location": "/a/loop-1"})),
        "/a/flaky": _first_fails(500, {}, "flaky"),
        "/a/busy": _first_fails(429, {"Retry-After": "2"}, "busy"),
        "/a/slow": fixed(Reply(body=ARTICLE.format("slow").encode(), delay_s=4.0)),
        "/a/huge": fixed(Reply(stream_bytes=SIXTY_MB)),
        "/a/cp1252": fixed(Reply(body=CP1252_BODY, headers={"Content-Type": "text/html; charset=utf-8"})),
        "/a/nocharset": fixed(Reply(body=CP1252_BODY, headers={"Content-Type": "text/html"})),
        "/a/br": fixed(Reply(body=brotli.compress(BROTLI_TEXT), headers={"Content-Encoding": "br"})),
        "/a/gz": fixed(Reply(body=gzip.compress(GZIP_TEXT), headers={"Content-Encoding": "gzip"})),
        "/a/story": fixed(html(ARTICLE.format("story"))),
        "/a/nc-private": fixed(html(ARTICLE.format("nc"))),
        "/a/scrapy-private": fixed(html(ARTICLE.format("scrapy"))),
        "/a/late-evening-utc": fixed(html(ARTICLE.format("late"))),
    }


def _source(base: str) -> Source:
    return Source(
        id="scripted",
        name="Scripted",
        language="en",
        timezone="Asia/Jakarta",
        home=base + "/",
        allowed_domains=("127.0.0.1",),
        feeds=(base + "/rss.xml",),
        sitemaps=(base + "/sitemap.xml",),
        sections=(base + "/section",),
        article_pattern=r"/a/",
        lookback_days=1,
        politeness=Politeness(download_delay=0.0, concurrency=8, autothrottle=False),
    )


@pytest.fixture(scope="module")
def site() -> Iterator[ScriptedSite]:
    with serve_script({}) as served:
        served.routes.update(_routes(served.url))
        yield served


@pytest.fixture(scope="module")
def crawl(site: ScriptedSite, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    previous = os.environ.get("NEWSCORPUS_CONTACT")
    os.environ["NEWSCORPUS_CONTACT"] = CONTACT
    try:
        return crawl_source(
            _source(site.url),
            crawl_date=CRAWL_DATE,
            run_id="scripted",
            data_root=tmp_path_factory.mktemp("data"),
            timeout_s=180,
            allowed_networks=["127.0.0.1/32"],
            extra_settings={
                "DOWNLOAD_TIMEOUT": "2",
                "RETRY_TIMES": "1",
                "NEWSCORPUS_RETRY_BACKOFF_S": "0.2",
                "DOWNLOAD_MAXSIZE": str(MAXSIZE),
            },
        )
    finally:
        if previous is None:
            os.environ.pop("NEWSCORPUS_CONTACT", None)
        else:
            os.environ["NEWSCORPUS_CONTACT"] = previous


def _log(crawl: CrawlResult) -> list[dict]:
    return [json.loads(line) for line in Path(crawl.crawl_log).read_text(encoding="utf-8").splitlines()]


def _warc(crawl: CrawlResult) -> dict[str, list[tuple[int, bytes, bytes]]]:
    """Target URI -> [(status, body as received, body decoded)] for every response record."""
    found: dict[str, list[tuple[int, bytes, bytes]]] = {}
    for path in crawl.warc_files:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                raw = record.raw_stream.read()
                found.setdefault(record.rec_headers.get_header("WARC-Target-URI"), []).append(
                    (int(record.http_headers.get_statuscode()), raw, b"")
                )
    return found


def _statuses(crawl: CrawlResult, site: ScriptedSite, path: str) -> list[int]:
    return [status for status, _, _ in _warc(crawl).get(site.url + path, [])]


def _lines(crawl: CrawlResult, site: ScriptedSite, path: str) -> list[dict]:
    url = site.url + path
    return [line for line in _log(crawl) if url in (line["url"], line["final_url"])]


def test_redirect_chain_lands_every_hop(crawl: CrawlResult, site: ScriptedSite):
    assert _statuses(crawl, site, "/a/chain-1") == [302]
    assert _statuses(crawl, site, "/a/chain-2") == [301]
    assert _statuses(crawl, site, "/a/chain-end") == [200]
    (end,) = [line for line in _log(crawl) if line["status"] == 200 and line["url"] == site.url + "/a/chain-1"]
    assert end["final_url"] == site.url + "/a/chain-end"


def test_redirect_loop_stops_and_is_recorded(crawl: CrawlResult, site: ScriptedSite):
    assert site.count("/a/loop-1") <= 6 and site.count("/a/loop-2") <= 6
    loop = {site.url + "/a/loop-1", site.url + "/a/loop-2"}
    lines = [line for line in _log(crawl) if {line["url"], line["final_url"]} & loop]
    assert all(line["status"] in (302, None) for line in lines)
    (stop,) = [line for line in lines if line["error"]]
    assert stop["error"].startswith("limit: redirect loop") and crawl.stats["newscorpus/limits/redirect_loop"] == 1
    assert 200 not in _statuses(crawl, site, "/a/loop-1")


def test_404_is_landed_and_counted(crawl: CrawlResult, site: ScriptedSite):
    assert _statuses(crawl, site, "/a/missing") == [404]
    assert crawl.stats["downloader/response_status_count/404"] >= 1


def test_500_then_success_lands_both_answers(crawl: CrawlResult, site: ScriptedSite):
    assert _statuses(crawl, site, "/a/flaky") == [500, 200]
    assert [line["status"] for line in _lines(crawl, site, "/a/flaky")] == [500, 200]
    assert crawl.stats["retry/reason_count/500 Internal Server Error"] == 1


def test_429_waits_for_retry_after(crawl: CrawlResult, site: ScriptedSite):
    assert _statuses(crawl, site, "/a/busy") == [429, 200]
    first, second = site.times("/a/busy")
    assert second - first >= 1.9
    assert crawl.stats["newscorpus/retry/waits"] >= 1
    assert crawl.stats["newscorpus/retry/wait_seconds"] >= 2


def test_response_slower_than_the_timeout_is_recorded_as_an_error(crawl: CrawlResult, site: ScriptedSite):
    assert site.count("/a/slow") == 2  # first try and one retry
    (line,) = _lines(crawl, site, "/a/slow")
    assert line["status"] is None and "Timeout" in line["error"]
    assert _statuses(crawl, site, "/a/slow") == []


def test_60_mb_response_is_cut_off_and_recorded(crawl: CrawlResult, site: ScriptedSite):
    (line,) = _lines(crawl, site, "/a/huge")
    assert line["status"] is None and line["error"].startswith("download:")
    assert _statuses(crawl, site, "/a/huge") == []
    assert crawl.stats["newscorpus/failures/download"] >= 2  # huge and slow


def test_wrong_or_missing_charset_lands_the_bytes_as_sent(crawl: CrawlResult, site: ScriptedSite):
    for path, charset in (("/a/cp1252", "utf-8"), ("/a/nocharset", None)):
        ((status, raw, _),) = _warc(crawl)[site.url + path]
        assert (status, raw) == (200, CP1252_BODY)
        (line,) = _lines(crawl, site, path)
        assert line["charset"] == charset and line["content_type"] == "text/html"


def test_gzip_and_brotli_bodies_land_encoded_and_decode_to_the_page(crawl: CrawlResult, site: ScriptedSite):
    for path, text, decode in (("/a/br", BROTLI_TEXT, brotli.decompress), ("/a/gz", GZIP_TEXT, gzip.decompress)):
        ((status, raw, _),) = _warc(crawl)[site.url + path]
        assert status == 200 and raw != text and decode(raw) == text
    assert crawl.stats["httpcompression/response_count"] >= 2


def test_tracking_parameters_do_not_make_a_url_new(crawl: CrawlResult, site: ScriptedSite):
    assert site.count("/a/story") == 1
    assert not [h for h in site.hits if h.path.startswith("/a/story?")]
    assert _statuses(crawl, site, "/a/story") == [200]
    assert crawl.stats["newscorpus/skipped/dupe"] == 2  # the fbclid link in the feed, the section link


def test_entries_outside_the_window_are_skipped_and_counted(crawl: CrawlResult, site: ScriptedSite):
    for path in OUTSIDE_WINDOW:
        assert site.count(path) == 0, path
        assert not _lines(crawl, site, path)
    assert crawl.stats["newscorpus/skipped/window"] == len(OUTSIDE_WINDOW)
    assert _statuses(crawl, site, "/a/late-evening-utc") == [200]


def test_robots_groups_for_our_token_and_for_scrapy_both_apply(crawl: CrawlResult, site: ScriptedSite):
    for path in ("/a/nc-private", "/a/scrapy-private"):
        assert site.count(path) == 0
        (line,) = _lines(crawl, site, path)
        assert line["status"] is None and line["error"].startswith("robots")
    assert crawl.stats["newscorpus/failures/robots"] == 2


@pytest.mark.parametrize(
    ("robots", "has_disallow_rules"),
    [
        ("User-agent: *\nAllow: /\n", False),
        ("User-agent: *\nDisallow:\n", False),  # an empty Disallow allows everything
        ("", False),
        ("User-agent: *\nDisallow: /private\n", True),
        ("User-agent: Scrapy\nDisallow: /a/\nUser-agent: *\nAllow: /\n", True),
        ("User-agent: newscorpus\nDissalow: /private\n", True),  # a misspelling Protego accepts
        ("User-agent: *\nAllow: /a/\nDisallow: /\n", True),
    ],
)
def test_robots_fast_path_gives_the_answers_of_matching_every_url(robots: str, has_disallow_rules: bool):
    """A robots.txt without any Disallow rule lets the parser skip matching (spiders.robots); with one it must
    match, and either way every answer equals Protego's for the groups that apply to us."""
    from protego import Protego

    from spiders.robots import OurGroupsRobotParser

    parser = OurGroupsRobotParser(robots.encode(), None, "newscorpus")
    reference = Protego.parse(robots)
    assert parser.allows_everything is not has_disallow_rules
    for path in ("/", "/a/story", "/private", "/private/x", "/robots.txt", "/b"):
        url = f"http://site.test{path}"
        expected = all(reference.can_fetch(url, token) for token in parser.tokens)
        assert parser.allowed(url, "newscorpus/0.1") == expected, (robots, path)


def test_user_agent_names_the_contact(crawl: CrawlResult, site: ScriptedSite):
    agents = {hit.user_agent for hit in site.hits}
    assert len(agents) == 1
    (agent,) = agents
    assert agent.startswith("newscorpus/") and f"contact: {CONTACT}" in agent


def test_manifest_lists_every_warc_file_with_records_and_sha256(crawl: CrawlResult):
    import hashlib

    manifest = json.loads((Path(crawl.crawl_dir) / "manifest.json").read_text())
    assert [f["name"] for f in manifest["files"]] == [Path(p).name for p in crawl.warc_files]
    for entry, path in zip(manifest["files"], crawl.warc_files, strict=True):
        data = Path(path).read_bytes()
        assert entry["bytes"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
        with open(path, "rb") as stream:
            assert entry["records"] == sum(1 for _ in ArchiveIterator(stream))
    responses = sum(f["records_by_type"].get("response", 0) for f in manifest["files"])
    assert responses == crawl.responses == crawl.stats["newscorpus/warc_responses"]
    assert not list(Path(crawl.crawl_dir).glob("*.open")) and not (Path(crawl.crawl_dir) / "jobdir").exists()


def test_every_record_has_target_uri_date_and_payload_digest(crawl: CrawlResult):
    """Records are written by FastWARC with digests computed by us: warcio (which the extract stage reads with)
    must find every block and payload digest right, and FastWARC's own verification must agree."""
    from fastwarc.warc import ArchiveIterator as FastArchiveIterator
    from fastwarc.warc import WarcRecordType

    ids: dict[str, str] = {}
    concurrent_to: list[str] = []
    with open(crawl.warc_files[0], "rb") as stream:
        for record in ArchiveIterator(stream, check_digests="raise"):  # raises on a wrong digest
            headers = record.rec_headers
            assert headers.protocol == "WARC/1.1"
            assert headers.get_header("WARC-Date") and headers.get_header("WARC-Block-Digest").startswith("sha1:")
            if record.rec_type in ("response", "request"):
                assert headers.get_header("WARC-Target-URI")
                assert headers.get_header("WARC-Payload-Digest").startswith("sha1:")
                record.raw_stream.read()  # the payload digest is checked as the payload is read
            if record.rec_type == "response":
                assert headers.get_header("WARC-IP-Address") == "127.0.0.1"
                ids[headers.get_header("WARC-Record-ID")] = headers.get_header("WARC-Target-URI")
            if record.rec_type == "request":
                concurrent_to.append(headers.get_header("WARC-Concurrent-To"))
    assert sorted(concurrent_to) == sorted(ids) and len(ids) > 10
    with open(crawl.warc_files[0], "rb") as stream:
        verdicts = [
            (r.record_type, r.verify_block_digest())
            for r in FastArchiveIterator(stream, record_types=WarcRecordType.any_type, parse_http=False)
        ]
    assert len(verdicts) == 2 * len(ids) + 1 and all(ok for _, ok in verdicts)


@pytest.mark.parametrize("body_bytes", [300, 20_000, 200_000, 3_000_000], ids=["tiny", "small", "large", "huge"])
def test_records_of_every_size_are_single_gzip_members_with_right_digests(tmp_path: Path, body_bytes: int):
    """Small records are compressed with zlib, large ones with FastWARC (spiders.warc_files): whichever it is,
    each record is one gzip member at the offset and length the writer returns, and its digests hold."""
    import zlib
    from datetime import UTC, datetime

    from spiders.warc_files import HttpExchange, RotatingWarcWriter

    body = (os.urandom(body_bytes // 4).hex().encode() + b"<p>news</p>" * (body_bytes // 22))[:body_bytes]
    writer = RotatingWarcWriter(tmp_path, warcinfo={"software": "test"})
    exchange = HttpExchange(
        url="http://x.test/a", fetched_at=datetime.now(UTC), request_line="GET /a HTTP/1.1",
        request_headers=[("Host", "x.test")], protocol="HTTP/1.1", status=200, reason="OK",
        response_headers=[("Content-Type", "text/html")], body=body, ip_address="127.0.0.1",
    )  # fmt: skip
    locations = [writer.write_exchange(exchange) for _ in range(3)]
    writer.close()
    (path,) = tmp_path.glob("*.warc.gz")
    data = path.read_bytes()
    for location in locations:
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        record = member.decompress(data[location.offset : location.offset + location.length])
        assert member.eof and not member.unused_data  # exactly one whole gzip member
        assert record.startswith(b"WARC/1.1\r\n") and record.endswith(body + b"\r\n\r\n")
    with path.open("rb") as stream:
        records = list(ArchiveIterator(stream, check_digests="raise"))  # raises on a wrong digest
    assert [r.rec_type for r in records] == ["warcinfo"] + ["response", "request"] * 3


def test_every_queued_request_is_kept_in_the_jobdir_queue(crawl: CrawlResult):
    """JOBDIR's queue (marshal, see spiders.settings) must hold every request, redirect hops and retries included:
    one it cannot serialise would stay in memory only and be lost by a stopped crawl's resume."""
    assert "scheduler/unserializable" not in crawl.stats
    assert crawl.stats["scheduler/enqueued/disk"] == crawl.stats["scheduler/enqueued"] > len(SITEMAP)
    assert crawl.stats["retry/count"] >= 2 and crawl.stats["downloader/response_status_count/301"] >= 1
