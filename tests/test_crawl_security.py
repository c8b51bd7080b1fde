"""The crawler cannot be turned against its own network, nor made to eat unbounded bodies, nor leak credentials.

Real Scrapy subprocess crawls of a hostile site served on 127.0.0.1 by this module, with a second server on
127.0.0.2 that must never be asked anything. Every private address these tests name is refused before any
connection; the ones outside loopback (10.0.0.1, 169.254.169.254) are outside the source's allowed domains too, so
even a broken guard could not reach them (the offsite filter would), but the test then fails on the error kind.
"""

from __future__ import annotations

import gzip
import ipaddress
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
import pytest
from warcio.archiveiterator import ArchiveIterator

from newscorpus.crawl import CRAWL_LOG_NAME, STATS_NAME, CrawlError, CrawlResult, crawl_source, partition_dir
from newscorpus.sources import Politeness, Source
from spiders import settings as spider_settings
from spiders.network_policy import NetworkPolicy, non_public_kind

CRAWL_DATE = date(2026, 11, 27)
ARTICLE_PATTERN = r"/news/[a-z0-9-]+\.html$"
ONLY_THIS_HOST = ("127.0.0.1/32",)
BOMB_BYTES = 64 * 1024 * 1024  # decompressed size of the bombs; DOWNLOAD_MAXSIZE is 10 MiB
AUTH_SECRET = "Bearer AUTH-SECRET-5678"
COOKIE_SECRET = "COOKIE-SECRET-1234"
REDIRECT_CHAIN = 12  # loop-1 -> loop-2 -> ... -> loop-12, longer than REDIRECT_MAX_TIMES (5)
SITEMAP_CHAIN = 10  # sitemap-1 -> ... -> sitemap-10, deeper than NEWSCORPUS_SITEMAP_MAX_DEPTH (2)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class RecordingServer:
    """Answers from `routes` (404 otherwise) and remembers every request: (path, headers)."""

    host: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def _handler_for(server: RecordingServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = server.routes.get(self.path.split("?", 1)[0], Route(404, b"not found"))
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture(scope="module")
def serve() -> Iterator:
    servers: list[ThreadingHTTPServer] = []

    def start(host: str) -> RecordingServer:
        recording = RecordingServer(host)
        http_server = ThreadingHTTPServer((host, 0), _handler_for(recording))
        http_server.daemon_threads = True
        recording.port = http_server.server_address[1]
        threading.Thread(target=http_server.serve_forever, daemon=True).start()
        servers.append(http_server)
        return recording

    yield start
    for http_server in servers:
        http_server.shutdown()
        http_server.server_close()


def _html(title: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body><p>{title}</p></body></html>".encode()


def _redirect(location: str) -> Route:
    return Route(302, b"", {"Location": location})


@dataclass
class HostileSite:
    site: RecordingServer
    other: RecordingServer  # 127.0.0.2: allowed domain, but not an allowed network
    links: dict[str, str]  # name -> URL as written in the feed


def _urlset(*urls: str) -> bytes:
    entries = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode()


def _sitemap_index(*urls: str) -> bytes:
    entries = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    return f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'.encode()


@pytest.fixture(scope="module")
def hostile(serve) -> HostileSite:
    site, other = serve("127.0.0.1"), serve("127.0.0.2")
    base = site.url
    links = {
        "metadata": "http://169.254.169.254/news/latest-meta-data.html",
        "intranet": "http://10.0.0.1/news/intranet.html",
        "ipv6_loopback": f"http://[::1]:{site.port}/news/ipv6-loopback.html",
        "other_loopback": f"{other.url}news/other-loopback.html",
        "by_name": f"http://localhost:{site.port}/news/by-name.html",
        "file": "file:///tmp/news/local-file.html",
        "long": f"{base}news/{'a' * 2100}.html",
        "redirect_out": f"{base}news/moved.html",
        "redirect_loop": f"{base}news/loop-1.html",
        "gzip_bomb": f"{base}news/gzip-bomb.html",
        "brotli_bomb": f"{base}news/brotli-bomb.html",
        "fine": f"{base}news/fine.html",
    }
    items = "".join(f"<item><title>{name}</title><link>{url}</link></item>" for name, url in links.items())
    zeros = b"\0" * BOMB_BYTES
    site.routes.update(
        {
            "/robots.txt": Route(200, b"User-agent: *\nAllow: /\n"),
            "/rss.xml": Route(
                200,
                f"<rss version='2.0'><channel><title>Hostile</title>{items}</channel></rss>".encode(),
                {"Content-Type": "application/rss+xml", "Set-Cookie": f"session={COOKIE_SECRET}; Path=/"},
            ),
            "/news/fine.html": Route(200, _html("fine"), {"Content-Type": "text/html"}),
            "/news/by-name.html": Route(200, _html("by name"), {"Content-Type": "text/html"}),
            "/news/moved.html": _redirect(f"{other.url}news/redirect-target.html"),
            "/news/gzip-bomb.html": Route(
                200, gzip.compress(zeros, compresslevel=9), {"Content-Type": "text/html", "Content-Encoding": "gzip"}
            ),
            "/news/brotli-bomb.html": Route(
                200, brotli.compress(zeros, quality=5), {"Content-Type": "text/html", "Content-Encoding": "br"}
            ),
            # An index that lists itself, and a chain of indexes nested SITEMAP_CHAIN deep.
            "/sitemap.xml": Route(200, _sitemap_index(f"{base}sitemap.xml", f"{base}sitemap-1.xml")),
            f"/sitemap-{SITEMAP_CHAIN}.xml": Route(200, _urlset(links["fine"])),
        }
    )
    for n in range(1, SITEMAP_CHAIN):
        site.routes[f"/sitemap-{n}.xml"] = Route(200, _sitemap_index(f"{base}sitemap-{n + 1}.xml"))
    for n in range(1, REDIRECT_CHAIN):
        site.routes[f"/news/loop-{n}.html"] = _redirect(f"/news/loop-{n + 1}.html")
    site.routes[f"/news/loop-{REDIRECT_CHAIN}.html"] = Route(200, _html("end of the loop"))
    other.routes["/news/redirect-target.html"] = Route(200, _html("must never be fetched"))
    other.routes["/news/other-loopback.html"] = Route(200, _html("must never be fetched"))
    return HostileSite(site, other, links)


def _source(site: RecordingServer, *, extra_domains: tuple[str, ...] = (), sitemaps: bool = True) -> Source:
    return Source(
        id="hostile",
        name="Hostile",
        language="en",
        timezone="UTC",
        home=site.url,
        allowed_domains=("127.0.0.1", *extra_domains),
        feeds=(f"{site.url}rss.xml",),
        sitemaps=(f"{site.url}sitemap.xml",) if sitemaps else (),
        article_pattern=ARTICLE_PATTERN,
        max_pages=0,
        politeness=Politeness(download_delay=0.0, concurrency=4, autothrottle=False),
    )


@pytest.fixture(autouse=True)
def _no_allowance_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSCORPUS_ALLOWED_NETWORKS", raising=False)


@pytest.fixture(scope="module")
def crawl(hostile: HostileSite, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    # Both loopback servers are allowed domains: only the network policy stands between the crawler and 127.0.0.2.
    source = _source(hostile.site, extra_domains=(f"127.0.0.2:{hostile.other.port}", "localhost"))
    headers = {"Authorization": AUTH_SECRET, "Accept": "*/*"}
    return crawl_source(
        source,
        crawl_date=CRAWL_DATE,
        run_id="hostile",
        data_root=tmp_path_factory.mktemp("data"),
        timeout_s=120,
        allowed_networks=ONLY_THIS_HOST,
        extra_settings={"DEFAULT_REQUEST_HEADERS": json.dumps(headers)},
    )


def _log(result: CrawlResult) -> list[dict]:
    return [json.loads(line) for line in Path(result.crawl_log).read_text(encoding="utf-8").splitlines()]


def _errors_for(lines: list[dict], url: str) -> list[str]:
    return [line["error"] for line in lines if line["error"] and url in (line["url"], line["final_url"])]


@pytest.mark.parametrize(
    ("link", "reason"),
    [
        ("metadata", "blocked: cloud metadata address 169.254.169.254"),
        ("intranet", "blocked: private address 10.0.0.1"),
        ("ipv6_loopback", "blocked: loopback address ::1"),
        ("other_loopback", "blocked: loopback address 127.0.0.2"),
        ("by_name", "blocked: localhost resolves to loopback address 127.0.0.1"),
        ("file", "blocked: scheme 'file' is not http or https"),
        ("long", "blocked: URL longer than 2048 characters"),
    ],
)
def test_unsafe_links_are_blocked_once_and_logged(crawl: CrawlResult, hostile: HostileSite, link: str, reason: str):
    (error,) = _errors_for(_log(crawl), hostile.links[link])
    assert error.startswith(reason)


def test_blocked_requests_never_reach_a_server(crawl: CrawlResult, hostile: HostileSite):
    assert hostile.other.requests == []  # 127.0.0.2 is an allowed domain, yet not an allowed network
    assert "/news/by-name.html" not in hostile.site.paths  # "localhost" is 127.0.0.1, but only the IP was allowed
    assert not any(len(path) > 2048 for path in hostile.site.paths)
    assert "/news/fine.html" in hostile.site.paths  # the control: the crawl itself worked


def test_redirect_to_a_blocked_address_is_refused_and_logged(crawl: CrawlResult, hostile: HostileSite):
    target = f"{hostile.other.url}news/redirect-target.html"
    (line,) = [line for line in _log(crawl) if line["final_url"] == target]
    assert line["url"] == hostile.links["redirect_out"] and line["status"] is None
    assert line["error"].startswith("blocked: loopback address 127.0.0.2")


def test_blocked_requests_are_counted_in_the_stats(crawl: CrawlResult):
    blocked = [line for line in _log(crawl) if (line["error"] or "").startswith("blocked: ")]
    assert crawl.blocked == len(blocked) == 8  # the 7 links above and the redirect
    assert crawl.stats["newscorpus/failures/blocked"] == len(blocked)


@pytest.mark.parametrize("link", ["gzip_bomb", "brotli_bomb"])
def test_compression_bomb_is_cut_off_at_download_maxsize_and_logged(crawl: CrawlResult, hostile: HostileSite, link):
    url = hostile.links[link]
    lines = [line for line in _log(crawl) if url in (line["url"], line["final_url"])]
    (landed,) = [line for line in lines if line["status"] == 200]  # archived compressed, as received
    assert landed["bytes"] == len(hostile.site.routes[url.removeprefix(hostile.site.url[:-1])].body)
    (error,) = [line["error"] for line in lines if line["error"]]
    assert error.startswith(f"limit: body larger than {spider_settings.DOWNLOAD_MAXSIZE} bytes once decompressed")


def test_redirect_chain_stops_at_redirect_max_times(crawl: CrawlResult, hostile: HostileSite):
    max_times = spider_settings.REDIRECT_MAX_TIMES
    loop_paths = [p for p in hostile.site.paths if p.startswith("/news/loop-")]
    assert loop_paths == [f"/news/loop-{n}.html" for n in range(1, max_times + 2)]
    (error,) = _errors_for(_log(crawl), hostile.links["redirect_loop"])
    assert error == f"limit: max redirections reached (REDIRECT_MAX_TIMES={max_times})"


def test_sitemap_indexes_stop_at_the_depth_cap(crawl: CrawlResult, hostile: HostileSite):
    max_depth = spider_settings.NEWSCORPUS_SITEMAP_MAX_DEPTH
    sitemap_paths = [p for p in hostile.site.paths if p.startswith("/sitemap")]
    assert sorted(sitemap_paths) == sorted(["/sitemap.xml", *(f"/sitemap-{n}.xml" for n in range(1, max_depth + 1))])
    (error,) = _errors_for(_log(crawl), f"{hostile.site.url}sitemap-{max_depth + 1}.xml")
    assert error.startswith("limit: sitemap index nested deeper than NEWSCORPUS_SITEMAP_MAX_DEPTH")
    assert crawl.stats["finish_reason"] == "finished"


def test_credentials_sent_are_redacted_in_the_warc_and_absent_from_the_logs(crawl: CrawlResult, hostile: HostileSite):
    sent = [headers for path, headers in hostile.site.requests if path == "/news/fine.html"]
    assert sent and sent[0]["authorization"] == AUTH_SECRET  # the secrets really were on the wire
    assert COOKIE_SECRET in sent[0]["cookie"]
    request_records = []
    for path in crawl.warc_files:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "request":
                    request_records.append(record.http_headers)
    fine = [h for h in request_records if h.to_str().startswith("GET /news/fine.html ")]
    assert fine and fine[0].get_header("Authorization") == "[redacted]" == fine[0].get_header("Cookie")
    for headers in request_records:
        assert AUTH_SECRET not in headers.to_str() and COOKIE_SECRET not in headers.to_str()
    crawl_dir = Path(crawl.crawl_dir)
    for name in (CRAWL_LOG_NAME, STATS_NAME):
        text = (crawl_dir / name).read_text(encoding="utf-8")
        assert "AUTH-SECRET" not in text and COOKIE_SECRET not in text


def test_default_allows_no_private_address_and_the_failure_names_the_setting(serve, tmp_path: Path):
    site = serve("127.0.0.1")
    site.routes["/rss.xml"] = Route(200, b"<rss><channel></channel></rss>")
    with pytest.raises(CrawlError, match="NEWSCORPUS_ALLOWED_NETWORKS") as raised:
        crawl_source(_source(site, sitemaps=False), crawl_date=CRAWL_DATE, run_id="default", data_root=tmp_path)
    assert "loopback address 127.0.0.1" in str(raised.value)
    assert site.requests == []


def test_allowance_from_the_environment_variable(serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    site = serve("127.0.0.1")
    site.routes["/rss.xml"] = Route(200, b"<rss><channel></channel></rss>")
    monkeypatch.setenv("NEWSCORPUS_ALLOWED_NETWORKS", " 10.9.0.0/16 , 127.0.0.1/32")
    result = crawl_source(_source(site, sitemaps=False), crawl_date=CRAWL_DATE, run_id="env", data_root=tmp_path)
    assert result.blocked == 0 and "/rss.xml" in site.paths


def test_a_listed_host_name_may_resolve_to_loopback(hostile: HostileSite, tmp_path: Path):
    by_name = f"http://localhost:{hostile.site.port}/"
    source = Source(**{**_source(hostile.site).__dict__, "home": by_name, "allowed_domains": ("localhost",)})
    source = Source(**{**source.__dict__, "feeds": (f"{by_name}rss.xml",), "sitemaps": ()})
    result = crawl_source(
        source, crawl_date=CRAWL_DATE, run_id="by-name", data_root=tmp_path, allowed_networks=("localhost",)
    )
    fetched = {line["final_url"] for line in _log(result) if line["status"] == 200}
    assert f"{by_name}news/by-name.html" in fetched


def test_the_resolver_alone_refuses_a_name_at_connection_time(hostile: HostileSite, tmp_path: Path):
    """With the request guard taken out, the DNS resolver Twisted connects through still refuses the name."""
    middlewares = {**spider_settings.DOWNLOADER_MIDDLEWARES, "spiders.request_guard.RequestGuardMiddleware": None}
    by_name = f"http://localhost:{hostile.site.port}/news/by-name.html"
    before = list(hostile.site.paths)
    source = Source(**{**_source(hostile.site).__dict__, "allowed_domains": ("127.0.0.1", "localhost")})
    source = Source(**{**source.__dict__, "feeds": (), "sitemaps": (), "sections": (by_name,)})
    with pytest.raises(CrawlError, match="landed no response"):
        crawl_source(
            source,
            crawl_date=CRAWL_DATE,
            run_id="resolver",
            data_root=tmp_path,
            allowed_networks=ONLY_THIS_HOST,
            extra_settings={"DOWNLOADER_MIDDLEWARES": json.dumps(middlewares), "RETRY_TIMES": "0"},
        )
    (crawl_dir,) = partition_dir(tmp_path, "hostile", CRAWL_DATE, "resolver").iterdir()
    lines = [json.loads(x) for x in (crawl_dir / CRAWL_LOG_NAME).read_text().splitlines()]
    errors = {line["url"]: line["error"] for line in lines}
    assert errors[by_name].startswith("blocked: localhost resolves to loopback address 127.0.0.1")
    assert hostile.site.paths == before


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fd12::1", "private"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("169.254.169.254", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("192.0.2.1", "non-global"),
        ("::ffff:10.0.0.1", "private (embedded in ::ffff:a00:1)"),
        ("2002:a00:1::1", "private (embedded in 2002:a00:1::1)"),
        ("8.8.8.8", None),
        ("2606:4700::1", None),
    ],
)
def test_address_kinds(address: str, kind: str | None):
    assert non_public_kind(ipaddress.ip_address(address)) == kind


def test_policy_networks_cover_literals_and_names_need_listing():
    policy = NetworkPolicy.from_entries(["127.0.0.1/32", "Mirror.Internal.", "10.0.0.0/8"])
    loopback, ten = ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("10.1.1.1")
    metadata = ipaddress.ip_address("169.254.169.254")
    assert policy.literal_refusal(loopback) is None and policy.literal_refusal(ten) is None
    assert "not in NEWSCORPUS_ALLOWED_NETWORKS" in policy.literal_refusal(ipaddress.ip_address("127.0.0.2"))
    assert "list the host name" in policy.resolved_refusal("localhost", [loopback])
    assert policy.resolved_refusal("mirror.internal", [ten]) is None
    assert "cloud metadata" in policy.resolved_refusal("mirror.internal", [metadata])
    public = ipaddress.ip_address("93.184.215.14")
    assert policy.resolved_refusal("example.com", [public]) is None
    assert "private" in policy.resolved_refusal("example.com", [public, ten])  # every answer must pass


@pytest.mark.parametrize("entry", ["10.0.0.0/33", "not a host", "http://x.test/", "a..b"])
def test_bad_allowance_is_rejected_before_crawling(entry: str, tmp_path: Path):
    with pytest.raises(ValueError, match="NEWSCORPUS_ALLOWED_NETWORKS"):
        crawl_source(
            _source(RecordingServer("127.0.0.1", port=9)),
            crawl_date=CRAWL_DATE,
            run_id="bad",
            data_root=tmp_path,
            allowed_networks=[entry],
        )
    assert list(tmp_path.iterdir()) == []


def test_credentials_in_urls_never_reach_the_crawl_log() -> None:
    from spiders.crawl_log import CrawlLogLine

    line = CrawlLogLine(
        url="https://reader:hunter2@news.example/a",
        final_url="http://k:s@news.example/b",
        error="download: ftp://x:y@h/",
    ).to_json()
    assert "hunter2" not in line and "reader" not in line and "k:s" not in line and "x:y" not in line
    assert "https://[redacted]@news.example/a" in line
