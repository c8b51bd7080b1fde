"""`newscorpus sources check` against real HTTP servers on 127.0.0.1 that the tests build: what works, what
robots.txt allows for our user agent (and for Scrapy), what blocks us (403, challenge pages), what is broken, the
--json shape and the exit codes. Each outlet is its own server, because robots.txt belongs to a host."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newscorpus.cli import main
from newscorpus.settings import USER_AGENT
from newscorpus.sources_check.fetch import fetch
from newscorpus.sources_check.probes import challenge, read_feed
from spiders.network_policy import NetworkPolicy

Route = tuple[int, str, bytes] | tuple[int, str, bytes, dict[str, str]]

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harian</title>
<item><title>Satu</title><link>{base}berita/2026/11/19/satu</link></item>
<item><title>Dua</title><link>{base}berita/2026/11/19/dua</link></item>
<item><title>Tiga</title><link>{base}berita/2026/11/19/tiga</link></item>
</channel></rss>"""
SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}berita/2026/11/19/satu</loc></url><url><loc>{base}berita/2026/11/19/dua</loc></url>
</urlset>"""
INDEX_PAGE = b"""<html><body><h1>Indeks 2026-11-19</h1>
<a href="/berita/2026/11/19/satu">Satu</a> <a href='/berita/2026/11/19/dua'>Dua</a> <a href="/kanal/ekonomi">Ekonomi</a>
</body></html>"""
CHALLENGE = b"""<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>
<div id="challenge-running">Checking if the site connection is secure</div>
<script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1"></script></body></html>"""


@dataclass
class Site:
    url: str
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, User-Agent) in order

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@pytest.fixture
def site() -> Iterator[Callable[[dict[str, Route]], Site]]:
    """Factory: site({"/path": (status, content_type, body[, headers])}) -> a server on 127.0.0.1, free port.
    `{base}` in a body is replaced by the site's URL. Unlisted paths answer 404."""
    servers: list[ThreadingHTTPServer] = []

    def start(routes: dict[str, Route]) -> Site:
        served = Site(url="")

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                served.requests.append((self.path, self.headers.get("User-Agent", "")))
                status, content_type, body, *extra = routes.get(self.path, (404, "text/plain", b"not found"))
                body = body.replace(b"{base}", served.url.encode())
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (extra[0] if extra else {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        served.url = f"http://127.0.0.1:{server.server_address[1]}/"
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return served

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def healthy_routes(robots: bytes = b"User-agent: *\nDisallow: /private/\n") -> dict[str, Route]:
    return {
        "/robots.txt": (200, "text/plain", robots),
        "/rss.xml": (200, "application/rss+xml", RSS),
        "/sitemap.xml": (200, "application/xml", SITEMAP),
        "/indeks?date=2026-11-19&page=1": (200, "text/html; charset=utf-8", INDEX_PAGE),
    }


def entry(source_id: str, site: Site, *, enabled: bool = True, sample: str | None = None) -> str:
    """A registry entry for a fixture outlet (loopback: no permission record needed)."""
    lines = [
        f"  - id: {source_id}",
        f"    name: {source_id}",
        "    language: id",
        "    timezone: Asia/Jakarta",
        f"    home: {site.url}",
        "    allowed_domains: [127.0.0.1]",
        f"    enabled: {'true' if enabled else 'false'}",
        *([] if enabled else ["    disabled_reason: 'unverified: test'"]),
        "    politeness: {download_delay: 0, concurrency: 1}",
        "    discovery:",
        f"      feeds: ['{site.url}rss.xml']",
        f"      sitemaps: ['{site.url}sitemap.xml']",
        f"      dated_index: {{url: '{site.url}indeks?date={{date}}&page={{page}}'}}",
        "      article_pattern: '/berita/\\d{4}/\\d{2}/\\d{2}/[a-z]+$'",
        *([f"      sample_article: '{sample}'"] if sample else []),
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """Writes a registry of the given entries and points NEWSCORPUS_SOURCES at it; loopback is allowed."""
    monkeypatch.setenv("NEWSCORPUS_ALLOWED_NETWORKS", "127.0.0.1/32")

    def write(*entries: str) -> Path:
        path = tmp_path / "sources.yaml"
        path.write_text("sources:\n" + "".join(entries), encoding="utf-8")
        monkeypatch.setenv("NEWSCORPUS_SOURCES", str(path))
        return path

    return write


def check_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main(["sources", "check", *argv, "--date", "2026-11-19", "--json", "--timeout", "5"])
    return code, json.loads(capsys.readouterr().out)


def rows(document: dict, source_id: str) -> dict[str, dict]:
    """The URL rows of one source keyed by kind (robots, feed, sitemap, dated_index, article)."""
    (source,) = [s for s in document["sources"] if s["source"] == source_id]
    return {row["kind"]: row for row in source["urls"]}


def test_a_healthy_source_works_and_is_asked_about_with_our_user_agent(site, registry, capsys) -> None:
    outlet = site(healthy_routes())
    registry(entry("harian", outlet))
    code, document = check_json(capsys, "harian")
    assert code == 0
    assert document["user_agent"] == USER_AGENT
    assert document["summary"] == {"ok": 1, "broken": 0, "blocked": 0}
    urls = rows(document, "harian")
    assert urls["robots"]["verdict"] == "ok" and urls["robots"]["status"] == 200
    assert (urls["feed"]["verdict"], urls["feed"]["items"]) == ("ok", 3)
    assert urls["feed"]["content_type"] == "application/rss+xml"
    assert (urls["sitemap"]["verdict"], urls["sitemap"]["items"]) == ("ok", 2)
    assert (urls["dated_index"]["verdict"], urls["dated_index"]["items"]) == ("ok", 2)  # /kanal/ is no article
    # the sample article is the first one found; robots.txt is asked about it, it is never fetched
    assert urls["article"]["url"] == f"{outlet.url}berita/2026/11/19/satu"
    assert (urls["article"]["verdict"], urls["article"]["robots"]) == ("ok", "allowed")
    assert "/berita/2026/11/19/satu" not in outlet.paths()
    assert outlet.paths() == ["/robots.txt", "/rss.xml", "/sitemap.xml", "/indeks?date=2026-11-19&page=1"]
    assert {agent for _, agent in outlet.requests} == {USER_AGENT}  # never disguised


def test_the_table_names_every_url_and_verdict(site, registry, capsys) -> None:
    outlet = site({**healthy_routes(), "/rss.xml": (403, "text/html", b"<html>Forbidden</html>")})
    registry(entry("harian", outlet))
    assert main(["sources", "check", "harian", "--date", "2026-11-19"]) == 5
    out = capsys.readouterr().out
    assert "harian: BLOCKED" in out
    assert "blocked  feed" in out and f"{outlet.url}rss.xml" in out and "HTTP 403 forbidden" in out
    assert "0 ok, 0 broken, 1 blocked" in out


@pytest.mark.parametrize(
    ("robots", "refused_for"),
    [
        (b"User-agent: *\nAllow: /\n\nUser-agent: newscorpus\nDisallow: /\n", "our user agent"),
        (b"User-agent: Scrapy\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "Scrapy"),
    ],
    ids=["group-naming-our-agent", "group-naming-scrapy"],
)
def test_robots_disallowing_us_is_reported_and_nothing_else_is_fetched(
    site, registry, capsys, robots: bytes, refused_for: str
) -> None:
    outlet = site(healthy_routes(robots))
    registry(entry("harian", outlet, sample=None))
    code, document = check_json(capsys, "harian")
    assert code == 5
    (source,) = document["sources"]
    assert source["verdict"] == "blocked"
    urls = rows(document, "harian")
    assert urls["robots"]["verdict"] == "disallowed" and urls["robots"]["robots"] == "disallowed"
    assert refused_for in urls["robots"]["detail"]
    for kind in ("feed", "sitemap", "dated_index"):
        assert urls[kind]["verdict"] == "disallowed" and urls[kind]["status"] is None
        assert refused_for in urls[kind]["detail"]
    assert outlet.paths() == ["/robots.txt"]  # a disallowed URL is reported, never fetched


def test_robots_disallowing_only_articles_for_scrapy_blocks_the_source(site, registry, capsys) -> None:
    robots = b"User-agent: *\nAllow: /\n\nUser-agent: scrapy\nDisallow: /berita/\n"
    outlet = site(healthy_routes(robots))
    registry(entry("harian", outlet))
    code, document = check_json(capsys, "harian")
    urls = rows(document, "harian")
    assert urls["feed"]["verdict"] == "ok"
    assert urls["article"]["verdict"] == "disallowed" and "Scrapy" in urls["article"]["detail"]
    assert code == 5


def test_a_feed_answering_403_is_blocked(site, registry, capsys) -> None:
    outlet = site({**healthy_routes(), "/rss.xml": (403, "text/html", b"<html><body>Access denied</body></html>")})
    registry(entry("harian", outlet))
    code, document = check_json(capsys, "harian")
    assert code == 5
    urls = rows(document, "harian")
    assert (urls["feed"]["verdict"], urls["feed"]["status"]) == ("blocked", 403)
    assert urls["sitemap"]["verdict"] == "ok"  # the rest is still checked and reported
    assert rows(document, "harian")["article"]["url"].endswith("/berita/2026/11/19/satu")  # found via the sitemap


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ((503, "text/html; charset=UTF-8", CHALLENGE, {"cf-mitigated": "challenge"}), "Cloudflare challenge"),
        ((200, "text/html", CHALLENGE), "Cloudflare challenge"),
        ((200, "text/html", b"<html><form><div class='g-recaptcha'></div></form></html>"), "reCAPTCHA"),
        ((429, "text/plain", b"slow down", {"Retry-After": "60"}), "HTTP 429"),
    ],
    ids=["cloudflare-503", "cloudflare-200", "captcha", "too-many-requests"],
)
def test_challenge_pages_and_rate_limits_are_blocked(site, registry, capsys, route: Route, expected: str) -> None:
    outlet = site({**healthy_routes(), "/sitemap.xml": route})
    registry(entry("harian", outlet))
    code, document = check_json(capsys, "harian")
    sitemap = rows(document, "harian")["sitemap"]
    assert sitemap["verdict"] == "blocked" and expected in sitemap["detail"]
    assert code == 5


def test_a_challenge_on_robots_txt_stops_the_host(site, registry, capsys) -> None:
    outlet = site({**healthy_routes(), "/robots.txt": (403, "text/html", CHALLENGE)})
    registry(entry("harian", outlet))
    code, document = check_json(capsys, "harian")
    urls = rows(document, "harian")
    assert urls["robots"]["verdict"] == "blocked" and "Cloudflare" in urls["robots"]["detail"]
    assert urls["feed"]["verdict"] == "skipped" and urls["feed"]["robots"] == "unknown"
    assert outlet.paths() == ["/robots.txt"]
    assert code == 5


def test_a_broken_sitemap_is_broken_not_blocked(site, registry, capsys) -> None:
    broken = b"<?xml version='1.0'?><urlset><url><loc>http://x/a</loc></url><url><loc>"
    outlet = site({**healthy_routes(), "/sitemap.xml": (200, "application/xml", broken)})
    registry(entry("harian", outlet))
    code, document = check_json(capsys, "harian")
    sitemap = rows(document, "harian")["sitemap"]
    assert sitemap["verdict"] == "broken" and "not well-formed XML" in sitemap["detail"]
    assert document["sources"][0]["verdict"] == "broken"
    assert code == 1


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ((404, "text/html", b"gone"), "HTTP 404"),
        ((200, "text/html", b"<html><body>menu</body></html>"), "not a sitemap (root element <html>)"),
        ((200, "application/xml", b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>"), "empty"),
    ],
)
def test_other_broken_sitemaps(site, registry, capsys, route: Route, expected: str) -> None:
    outlet = site({**healthy_routes(), "/sitemap.xml": route})
    registry(entry("harian", outlet))
    code, document = check_json(capsys, "harian")
    assert expected in rows(document, "harian")["sitemap"]["detail"]
    assert code == 1


def test_a_gzipped_sitemap_index_and_a_missing_robots_txt_are_fine(site, registry, capsys) -> None:
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>{base}a.xml</loc></sitemap><sitemap><loc>{base}b.xml</loc></sitemap></sitemapindex>"""
    routes = {**healthy_routes(), "/sitemap.xml": (200, "application/x-gzip", gzip.compress(index))}
    del routes["/robots.txt"]
    outlet = site(routes)
    registry(entry("harian", outlet))
    code, document = check_json(capsys, "harian")
    urls = rows(document, "harian")
    assert urls["robots"]["status"] == 404 and "everything allowed" in urls["robots"]["detail"]
    assert urls["sitemap"]["items"] == 2 and "index of 2" in urls["sitemap"]["detail"]
    assert code == 0


def test_the_json_document_has_one_entry_per_source_and_url(site, registry, capsys) -> None:
    good, bad = site(healthy_routes()), site({**healthy_routes(), "/rss.xml": (500, "text/plain", b"oops")})
    registry(entry("good", good), entry("bad", bad))
    code, document = check_json(capsys)
    assert set(document) == {"user_agent", "sample_date", "exit_code", "summary", "sources"}
    assert document["sample_date"] == "2026-11-19" and document["exit_code"] == code == 1
    assert [s["source"] for s in document["sources"]] == ["good", "bad"]
    source = document["sources"][1]
    assert set(source) == {"source", "verdict", "enabled", "disabled_reason", "fetched_discovery", "urls"}
    assert set(source["urls"][0]) == {
        "kind", "url", "verdict", "detail", "robots", "status", "content_type", "items", "final_url", "seconds"
    }  # fmt: skip
    assert rows(document, "bad")["feed"]["status"] == 500 and rows(document, "bad")["feed"]["verdict"] == "broken"


def test_a_disabled_source_gets_only_robots_txt_unless_named(site, registry, capsys) -> None:
    outlet = site(healthy_routes())
    registry(entry("quiet", outlet, enabled=False))
    code, document = check_json(capsys)
    assert code == 0
    assert outlet.paths() == ["/robots.txt"]
    urls = rows(document, "quiet")
    assert urls["feed"]["verdict"] == "skipped" and urls["feed"]["robots"] == "allowed"
    assert "sources check quiet" in urls["feed"]["detail"]
    assert document["sources"][0]["fetched_discovery"] is False
    code, document = check_json(capsys, "quiet")
    assert code == 0 and "/rss.xml" in outlet.paths()
    assert rows(document, "quiet")["feed"]["items"] == 3


def test_loopback_is_refused_without_the_network_setting(site, registry, capsys, monkeypatch) -> None:
    outlet = site(healthy_routes())
    registry(entry("harian", outlet))
    monkeypatch.delenv("NEWSCORPUS_ALLOWED_NETWORKS")
    code, document = check_json(capsys, "harian")
    robots = rows(document, "harian")["robots"]
    assert robots["verdict"] == "broken" and "refused: loopback" in robots["detail"]
    assert "NEWSCORPUS_ALLOWED_NETWORKS" in robots["detail"]
    assert outlet.requests == []  # nothing reached the server
    assert code == 1


def test_a_redirect_to_a_refused_address_is_refused_at_that_hop(site) -> None:
    target = "http://169.254.169.254/latest/meta-data/"
    outlet = site({"/rss.xml": (302, "text/plain", b"", {"Location": target})})
    fetched = fetch(f"{outlet.url}rss.xml", NetworkPolicy.from_entries(["127.0.0.1/32"]), timeout=5)
    assert fetched.redirects == [target]
    assert fetched.error is not None and fetched.error.startswith("refused: cloud metadata")


def test_bodies_are_capped(site) -> None:
    outlet = site({"/big.xml": (200, "application/xml", b"x" * 300_000)})
    fetched = fetch(f"{outlet.url}big.xml", NetworkPolicy.from_entries(["127.0.0.1/32"]), max_bytes=100_000)
    assert fetched.truncated and len(fetched.body) == 100_000


def test_unknown_id_and_bad_registry_are_usage_errors(site, registry, capsys, tmp_path: Path) -> None:
    registry(entry("harian", site(healthy_routes())))
    assert main(["sources", "check", "nope"]) == 2
    assert "no source with id 'nope'" in capsys.readouterr().err
    path = registry(entry("harian", site(healthy_routes())).replace("feeds:", "feedz:"))
    assert main(["sources", "check"]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "feedz" in err


def test_probes_read_atom_and_spot_no_challenge_in_a_big_normal_page() -> None:
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://x.test/a"/></entry></feed>"""
    assert read_feed(atom) == (1, ["https://x.test/a"])
    from newscorpus.sources_check.fetch import Fetched

    page = Fetched(url="u", final_url="u", status=200, headers={"content-type": "text/html"})
    page.body = b"<html>" + b"<p>berita</p>" * 30_000 + b"<div class='g-recaptcha'></div></html>"
    assert challenge(page) is None  # a full page with a comment-form captcha is not a wall
    page.body = CHALLENGE
    assert challenge(page) is not None
