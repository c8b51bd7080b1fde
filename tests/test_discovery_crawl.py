"""Discovery through a real crawl: section pages followed to their depth, dated index pages read page after page
for each day of the window, and a sitemap index whose children (Google News sitemaps) are skipped when their
lastmod is older than the window. Each case checks which URLs the server was asked for and what the stats count."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from crawl_fixture_server import Reply, ScriptedSite, fixed, html, serve_script
from warcio.archiveiterator import ArchiveIterator

from newscorpus.crawl import CrawlResult, crawl_source
from newscorpus.sources import DatedIndex, Politeness, Source

CRAWL_DATE = date(2026, 11, 20)  # lookback_days=1: the window is 2026-11-19 .. 2026-11-20, Asia/Jakarta
ARTICLE = "<html><head><title>{0}</title></head><body><h1>{0}</h1><p>Text of {0}.</p></body></html>"

# Section /kanal/nasional with section_depth=2: its own links plus one level of its pagination.
SECTION_PAGES = {
    "/kanal/nasional": ["/berita/s-1", "/kanal/nasional?page=2", "/kanal/olahraga"],
    "/kanal/nasional?page=2": ["/berita/s-2", "/kanal/nasional?page=3"],
    "/kanal/nasional?page=3": ["/berita/s-3"],  # depth 3: never read
    "/kanal/olahraga": ["/berita/s-4"],  # outside the section's path: never read
}
SECTION_NEVER_FETCHED = ["/kanal/nasional?page=3", "/kanal/olahraga", "/berita/s-3", "/berita/s-4"]

# Dated index `/indeks?date=DD-MM-YYYY&page=N`, max_pages=3: the 19th runs out of articles on page 3, the 20th
# still has some on page 3 and stops at the cap; the 18th is outside the window.
INDEX_ARTICLES = {
    ("19-11-2026", 1): ["/berita/i-19-1a", "/berita/i-19-1b"],
    ("19-11-2026", 2): ["/berita/i-19-2a"],
    ("19-11-2026", 3): [],
    ("20-11-2026", 1): ["/berita/i-20-1a"],
    ("20-11-2026", 2): ["/berita/i-20-2a"],
    ("20-11-2026", 3): ["/berita/i-20-3a"],
    ("20-11-2026", 4): ["/berita/i-20-4a"],  # beyond max_pages
    ("18-11-2026", 1): ["/berita/i-18-1a"],  # outside the window
}
INDEX_NEVER_FETCHED = [
    "/indeks?date=19-11-2026&page=4",
    "/indeks?date=20-11-2026&page=4",
    "/indeks?date=18-11-2026&page=1",
    "/berita/i-20-4a",
    "/berita/i-18-1a",
]

# A sitemap index: a fresh Google News child sitemap and a stale one (lastmod before the window).
NEWS_ENTRIES = [
    ("/berita/n-in", "2026-11-20T10:00:00+07:00"),
    ("/berita/n-out", "2026-11-17T10:00:00+07:00"),
]


def _sitemap_index(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemap-news.xml</loc><lastmod>2026-11-20T11:00:00+07:00</lastmod></sitemap>"
        f"<sitemap><loc>{base}/sitemap-2026-10.xml</loc><lastmod>2026-10-31</lastmod></sitemap>"
        "</sitemapindex>"
    ).encode()


def _news_sitemap(base: str) -> bytes:
    entries = "".join(
        f"<url><loc>{base}{path}</loc><news:news><news:publication>"
        "<news:name>Fixture</news:name><news:language>id</news:language></news:publication>"
        f"<news:publication_date>{published}</news:publication_date><news:title>t</news:title></news:news></url>"
        for path, published in NEWS_ENTRIES
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}</urlset>'
    ).encode()


def _listing(links: list[str]) -> Reply:
    anchors = "".join(f'<li><a href="{link}">{link}</a></li>' for link in links)
    return html(f"<html><body><nav><a href='/'>Home</a></nav><ul>{anchors}</ul></body></html>")


def _routes(base: str) -> dict:
    routes = {
        "/robots.txt": fixed(Reply(body=b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"})),
        "/sitemap-index.xml": fixed(Reply(body=_sitemap_index(base), headers={"Content-Type": "application/xml"})),
        "/sitemap-news.xml": fixed(Reply(body=_news_sitemap(base), headers={"Content-Type": "application/xml"})),
        "/sitemap-2026-10.xml": fixed(Reply(body=_news_sitemap(base), headers={"Content-Type": "application/xml"})),
    }
    for path, links in SECTION_PAGES.items():
        routes[path] = fixed(_listing(links))
    for (day, page), links in INDEX_ARTICLES.items():
        routes[f"/indeks?date={day}&page={page}"] = fixed(_listing(links))
    for path in _all_article_paths():
        routes[path] = fixed(html(ARTICLE.format(path)))
    return routes


def _all_article_paths() -> set[str]:
    paths = {link for links in SECTION_PAGES.values() for link in links if link.startswith("/berita/")}
    paths |= {link for links in INDEX_ARTICLES.values() for link in links}
    return paths | {path for path, _ in NEWS_ENTRIES}


def _source(base: str) -> Source:
    return Source(
        id="discovery",
        name="Discovery",
        language="id",
        timezone="Asia/Jakarta",
        home=base + "/",
        allowed_domains=("127.0.0.1",),
        sitemaps=(base + "/sitemap-index.xml",),
        sections=(base + "/kanal/nasional",),
        section_depth=2,
        dated_index=DatedIndex(url=base + "/indeks?date={date}&page={page}", date_format="%d-%m-%Y", max_pages=3),
        article_pattern=r"/berita/",
        lookback_days=1,
        politeness=Politeness(download_delay=0.0, concurrency=4, autothrottle=False),
    )


@pytest.fixture(scope="module")
def site() -> Iterator[ScriptedSite]:
    with serve_script({}) as served:
        served.routes.update(_routes(served.url))
        yield served


@pytest.fixture(scope="module")
def crawl(site: ScriptedSite, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    return crawl_source(
        _source(site.url),
        crawl_date=CRAWL_DATE,
        run_id="discovery",
        data_root=tmp_path_factory.mktemp("data"),
        timeout_s=180,
        allowed_networks=["127.0.0.1/32"],
    )


def _landed_articles(crawl: CrawlResult, base: str) -> list[str]:
    landed = []
    for path in crawl.warc_files:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                uri = record.rec_headers.get_header("WARC-Target-URI")
                if record.rec_type == "response" and uri.startswith(base + "/berita/"):
                    landed.append(uri.removeprefix(base))
    return landed


def test_section_pages_are_followed_to_their_depth_and_stay_under_their_path(crawl: CrawlResult, site: ScriptedSite):
    assert site.count("/kanal/nasional") == 1
    assert site.count("/kanal/nasional?page=2") == 1
    for path in SECTION_NEVER_FETCHED:
        assert site.count(path) == 0, path
    landed = _landed_articles(crawl, site.url)
    assert "/berita/s-1" in landed and "/berita/s-2" in landed


def test_dated_index_is_read_for_each_day_of_the_window_until_a_page_is_empty_or_the_cap(
    crawl: CrawlResult, site: ScriptedSite
):
    for day, last_page in (("19-11-2026", 3), ("20-11-2026", 3)):
        for page in range(1, last_page + 1):
            assert site.count(f"/indeks?date={day}&page={page}") == 1, (day, page)
    for path in INDEX_NEVER_FETCHED:
        assert site.count(path) == 0, path
    landed = set(_landed_articles(crawl, site.url))
    expected = {"/berita/i-19-1a", "/berita/i-19-1b", "/berita/i-19-2a"}
    expected |= {"/berita/i-20-1a", "/berita/i-20-2a", "/berita/i-20-3a"}
    assert expected <= landed


def test_stale_child_sitemap_is_skipped_and_news_dates_filter_entries(crawl: CrawlResult, site: ScriptedSite):
    assert site.count("/sitemap-news.xml") == 1
    assert site.count("/sitemap-2026-10.xml") == 0
    assert crawl.stats["newscorpus/skipped/window_sitemap"] == 1
    assert site.count("/berita/n-out") == 0
    assert crawl.stats["newscorpus/skipped/window"] == 1  # n-out, by its news:publication_date
    assert "/berita/n-in" in _landed_articles(crawl, site.url)


def test_every_discovered_article_lands_once(crawl: CrawlResult, site: ScriptedSite):
    landed = _landed_articles(crawl, site.url)
    expected = _all_article_paths() - {"/berita/s-3", "/berita/s-4", "/berita/i-20-4a", "/berita/i-18-1a"}
    expected -= {"/berita/n-out"}
    assert sorted(landed) == sorted(expected)
    assert crawl.stats["newscorpus/article_responses"] == len(expected)
