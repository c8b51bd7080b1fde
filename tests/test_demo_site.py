"""The local demo news site: rendered into a temp dir, served on 127.0.0.1, fetched over real HTTP."""

from __future__ import annotations

import datetime as dt
import email.utils
import os
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.html
import pytest

from newscorpus.demo_site import OUTLETS, SOURCES_YAML, demo_env, render_site, serve_site, truth
from newscorpus.sources import Source, load_sources

CRAWL_DATE = dt.date(2026, 11, 20)  # a Friday
WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}

# No proxy: the site is on loopback, whatever the environment says.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status = status
        self.content_type = headers.get("Content-Type", "")
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str, method: str = "GET") -> Response:
    request = urllib.request.Request(url, method=method)
    try:
        with _OPENER.open(request, timeout=10) as response:
            return Response(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, dict(error.headers), error.read())


def links_in(html: str) -> list[str]:
    return [str(href) for href in lxml.html.fromstring(html).xpath("//a/@href")]


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo_site")
    render_site(root, CRAWL_DATE)
    return root


@pytest.fixture(scope="module")
def urls(site_root: Path) -> Iterator[dict[str, str]]:
    with serve_site(site_root) as served:
        yield served


@pytest.fixture(scope="module")
def sources(urls: dict[str, str]) -> Iterator[dict[str, Source]]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in demo_env(urls).items():
            patch.setenv(name, value)
        yield {source.id: source for source in load_sources(SOURCES_YAML)}


@pytest.fixture(scope="module")
def site_truth() -> list[dict]:
    return truth(CRAWL_DATE)


def by_outlet(records: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        grouped[record["outlet"]].append(record)
    return grouped


# --- discovery files ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("outlet", OUTLETS)
def test_robots_txt_allows_all_but_admin_and_search_and_names_its_sitemap(urls: dict[str, str], outlet: str):
    base = urls[outlet]
    response = fetch(f"{base}/robots.txt")
    assert response.status == 200
    assert response.content_type == "text/plain; charset=utf-8"
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(response.text.splitlines())
    assert robots.can_fetch("newscorpus", f"{base}/")
    assert not robots.can_fetch("newscorpus", f"{base}/admin/")
    assert not robots.can_fetch("newscorpus", f"{base}/search?q=banjir")
    assert robots.site_maps() == [f"{base}/sitemap.xml"]


@pytest.mark.parametrize("outlet", OUTLETS)
def test_rss_feed_items_carry_absolute_links_and_the_true_pubdate(urls, site_truth, outlet):
    base = urls[outlet]
    response = fetch(f"{base}/rss.xml")
    assert response.status == 200
    assert response.content_type == "application/rss+xml"
    channel = ET.fromstring(response.body).find("channel")
    items = channel.findall("item")
    expected = {record["path"]: record for record in by_outlet(site_truth)[outlet]}
    assert {item.findtext("link") for item in items} == {base + path for path in expected}
    for item in items:
        record = expected[item.findtext("link").removeprefix(base)]
        assert item.findtext("title") == record["title"]
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate")) == record["published_at"]


@pytest.mark.parametrize("outlet", OUTLETS)
def test_sitemap_is_a_urlset_with_lastmod_and_google_news_for_one_outlet(urls, site_truth, outlet):
    base = urls[outlet]
    response = fetch(f"{base}/sitemap.xml")
    assert response.status == 200
    assert response.content_type == "application/xml"
    urlset = ET.fromstring(response.body)
    assert urlset.tag == f"{{{NS['sm']}}}urlset"
    entries = urlset.findall("sm:url", NS)
    assert entries
    for entry in entries:
        assert entry.findtext("sm:loc", namespaces=NS).startswith(base + "/")
        assert dt.datetime.fromisoformat(entry.findtext("sm:lastmod", namespaces=NS)).tzinfo is not None
    news_dates = urlset.findall("sm:url/news:news/news:publication_date", NS)
    if outlet == "wartanusantara":
        assert len(news_dates) == len(entries) == len(by_outlet(site_truth)[outlet])
        published = {r["published_at"] for r in by_outlet(site_truth)[outlet]}
        assert {dt.datetime.fromisoformat(d.text) for d in news_dates} == published
    else:
        assert news_dates == []


def test_every_article_is_reachable_from_feed_or_sitemap_and_from_a_section_page(urls, sources, site_truth):
    for outlet, records in by_outlet(site_truth).items():
        base = urls[outlet]
        source = sources[outlet]
        discovered: set[str] = set()
        for feed in source.feeds:
            discovered |= {item.findtext("link") for item in ET.fromstring(fetch(feed).body).iter("item")}
        for sitemap in source.sitemaps:
            discovered |= {loc.text for loc in ET.fromstring(fetch(sitemap).body).iter(f"{{{NS['sm']}}}loc")}
        from_sections: set[str] = set()
        for section in source.sections:
            page = fetch(section)
            assert page.status == 200, section
            from_sections |= {urllib.parse.urljoin(section, href) for href in links_in(page.text)}
        for record in records:
            url = base + record["path"]
            assert url in discovered, url
            assert url in from_sections, url


# --- pages -------------------------------------------------------------------------------------------------------


def test_article_pages_hold_exactly_the_true_body_under_the_configured_selectors(urls, sources, site_truth):
    for record in site_truth:
        source = sources[record["outlet"]]
        rules = source.extraction
        response = fetch(urls[record["outlet"]] + record["path"])
        assert response.status == 200, record["path"]
        assert response.content_type == "text/html; charset=utf-8"
        tree = lxml.html.fromstring(response.text)
        assert tree.get("lang").startswith(record["language"])
        assert words(tree.cssselect(rules.title)[0].text_content()) == record["title"]
        assert record["title"] in tree.findtext(".//title")
        assert words(tree.cssselect(rules.image_caption)[0].text_content()) == record["image_caption"]
        assert tree.xpath("//meta[@property='og:image']/@content") == [record["image_url"]]
        local = record["published_at"].astimezone(ZoneInfo(source.timezone))
        assert local.strftime("%H:%M") in tree.cssselect(rules.date)[0].text_content()
        (body,) = tree.cssselect(rules.body)
        for selector in rules.drop:
            for element in body.cssselect(selector):
                element.drop_tree()
        paragraphs = [words(p.text_content()) for p in body.iter("p")]
        if record["outlet"] == "korankota":
            # The staff credits sit inside the body container on purpose, as on the seed page.
            *paragraphs, credits = paragraphs
            assert credits.startswith("Redaktur : ") and "Penulis : " in credits
        assert paragraphs == record["paragraphs"]


def test_article_images_are_served_as_jpeg(urls, site_truth):
    record = site_truth[0]
    response = fetch(urls[record["outlet"]] + record["image_url"])
    assert response.status == 200
    assert response.content_type == "image/jpeg"
    assert response.body.startswith(b"\xff\xd8") and response.body.endswith(b"\xff\xd9")


def test_korankota_article_keeps_the_seed_page_chrome(urls, site_truth):
    records = by_outlet(site_truth)["korankota"]
    for record in records:
        html = fetch(urls["korankota"] + record["path"]).text
        tree = lxml.html.fromstring(html)
        menu = words(tree.cssselect("nav.menu")[0].text_content())
        assert menu.startswith("Nasional Mondial Ekonomi Megapolitan Olahraga Rona")
        for chrome in ("Foto : ", "Pengaturan Font", "Redaktur : ", "Penulis : ", "Komentar"):
            assert chrome in html, chrome
        assert tree.xpath("//meta[@property='og:title']/@content") == [record["title"]]
        date_line = words(tree.cssselect("div.date")[0].text_content())
        weekday = "|".join(WEEKDAYS_ID)
        assert re.fullmatch(rf"({weekday}) \d{{1,2}}/\d{{1,2}}/\d{{4}} \| \d\d:\d\d", date_line)
        credits = words(tree.cssselect("div.article-description p")[-1].text_content())
        writer = "Antara" if record["agency"] == "Antara" else ", ".join(record["authors"])
        assert credits.endswith(f"Penulis : {writer}")
        assert record["paragraphs"][0].startswith(f"{record['dateline']} - ")
    wire_share = sum(r["agency"] == "Antara" for r in records) / len(records)
    assert 0.3 <= wire_share <= 0.7


def test_wartanusantara_and_harborherald_carry_their_own_page_furniture(urls, site_truth):
    warta = by_outlet(site_truth)["wartanusantara"][0]
    html = fetch(urls["wartanusantara"] + warta["path"]).text
    tree = lxml.html.fromstring(html)
    assert re.match(r"Rep: .+ / Red: .+", words(tree.cssselect("div.read-content p.byline")[0].text_content()))
    assert "Baca Juga:" in tree.cssselect("div.read-content")[0].text_content()
    assert tree.cssselect(".cookie-banner") and tree.cssselect(".share-buttons")
    assert re.search(r"\d{1,2} November 2026 \d{2}:\d{2} WIB", tree.cssselect("div.date-published")[0].text_content())
    assert '"@type": "NewsArticle"' in html and "+07:00" in html

    herald = next(r for r in by_outlet(site_truth)["harborherald"] if len(r["authors"]) == 2)
    tree = lxml.html.fromstring(fetch(urls["harborherald"] + herald["path"]).text)
    assert words(tree.cssselect("p.byline")[0].text_content()) == "By {} and {}".format(*herald["authors"])
    assert dt.datetime.fromisoformat(tree.cssselect("time.published")[0].get("datetime")) == herald["published_at"]
    body = tree.cssselect("div.story-body")[0]
    assert body.cssselect(".newsletter-signup") and body.cssselect(".related-stories li a")


@pytest.mark.parametrize("outlet", OUTLETS)
def test_unknown_paths_get_a_real_404_with_the_outlets_page_and_no_directory_listing(urls, outlet):
    base = urls[outlet]
    not_found_text = "Page not found" if outlet == "harborherald" else "Halaman tidak ditemukan"
    for path in ("/no-such-page", "/images/", "/images", "/%2e%2e/korankota/index.html", "/tag/"):
        response = fetch(base + path)
        assert response.status == 404, path
        assert response.content_type == "text/html; charset=utf-8"
        assert not_found_text in response.text


def test_head_requests_answer_headers_only(urls, site_truth):
    record = site_truth[0]
    response = fetch(urls[record["outlet"]] + record["path"], method="HEAD")
    assert response.status == 200 and response.body == b""
    assert response.content_type == "text/html; charset=utf-8"


def crawl_site(base: str) -> tuple[dict[str, int], dict[str, set[str]]]:
    """Breadth-first over every same-origin <a href> from the home page: {path: status}, {path: linking pages}."""
    statuses: dict[str, int] = {}
    referrers: dict[str, set[str]] = defaultdict(set)
    queue = ["/"]
    while queue:
        path = queue.pop(0)
        if path in statuses:
            continue
        response = fetch(base + path)
        statuses[path] = response.status
        if response.status != 200 or not response.content_type.startswith("text/html"):
            continue
        for href in links_in(response.text):
            target = urllib.parse.urlsplit(urllib.parse.urljoin(base + path, href))
            if f"{target.scheme}://{target.netloc}" != base or not target.path:
                continue
            referrers[target.path].add(path)
            queue.append(target.path)
    return statuses, referrers


@pytest.mark.parametrize("outlet", OUTLETS)
def test_article_pattern_matches_every_article_and_no_listing_page(urls, sources, site_truth, outlet):
    base, source = urls[outlet], sources[outlet]
    pattern = re.compile(source.article_pattern)
    statuses, referrers = crawl_site(base)
    articles = {r["path"] for r in by_outlet(site_truth)[outlet]}
    found_ok = {path for path, status in statuses.items() if status == 200}
    assert articles <= found_ok
    listings = found_ok - articles
    assert len(listings) >= 10  # home, sections, tags, day indexes, search, ...
    for path in articles:
        assert pattern.search(base + path), path
    for path in listings:
        assert not pattern.search(base + path), f"listing page matches the article pattern: {path}"
    dead = {path for path, status in statuses.items() if status != 200}
    assert dead, "each outlet links one article URL that does not exist"
    section_paths = {urllib.parse.urlsplit(url).path for url in source.sections}
    for path in dead:
        assert statuses[path] == 404
        assert pattern.search(base + path), f"the dead link should look like an article: {path}"
        assert referrers[path] & section_paths, f"the dead link should be on a section page: {path}"


# --- content -----------------------------------------------------------------------------------------------------


def test_content_volume_and_shape(site_truth):
    assert len(site_truth) >= 30
    assert {outlet: len(records) for outlet, records in by_outlet(site_truth).items()} == dict.fromkeys(OUTLETS, 12)
    assert len({r["title"] for r in site_truth}) == len(site_truth)
    assert len({(r["outlet"], r["path"]) for r in site_truth}) == len(site_truth)
    for record in site_truth:
        assert 4 <= len(record["paragraphs"]) <= 9, record["path"]
        assert 120 <= sum(len(p.split()) for p in record["paragraphs"]) <= 500, record["path"]
        assert not any("{" in p or "}" in p for p in record["paragraphs"]), "unfilled placeholder"
        assert record["language"] == ("en" if record["outlet"] == "harborherald" else "id")
        assert record["authors"] or record["agency"]
        assert record["image_url"].startswith("/images/") and record["image_caption"]
        if record["dateline"]:
            assert record["dateline"] in record["paragraphs"][0]


@pytest.mark.parametrize(
    ("crawl_date", "expected"),
    [
        (dt.date(2026, 11, 20), {"Jumat (20/11)", "Kamis (19/11)"}),
        (dt.date(2027, 1, 4), {"Senin (4/1)", "Minggu (3/1)"}),
    ],
)
def test_korankota_relative_dates_follow_the_article_day(crawl_date, expected):
    seen = set()
    for record in by_outlet(truth(crawl_date))["korankota"]:
        local = record["published_at"].astimezone(ZoneInfo("Asia/Jakarta"))
        relative = f"{WEEKDAYS_ID[local.weekday()]} ({local.day}/{local.month})"
        assert relative in record["paragraphs"][0], record["path"]
        seen.add(relative)
    assert seen == expected


@pytest.mark.parametrize("crawl_date", [dt.date(2026, 11, 20), dt.date(2026, 7, 1)])
def test_articles_are_dated_on_the_crawl_date_and_the_day_before_in_the_outlets_zone(crawl_date):
    zones = {"korankota": "Asia/Jakarta", "wartanusantara": "Asia/Jakarta", "harborherald": "Europe/London"}
    for outlet, records in by_outlet(truth(crawl_date)).items():
        local_days = set()
        for record in records:
            assert record["published_at"].utcoffset() == dt.timedelta(0)
            local = record["published_at"].astimezone(ZoneInfo(zones[outlet]))
            assert local.isoformat()[-6:] == record["tz_offset"]
            local_days.add(local.date())
        assert local_days == {crawl_date, crawl_date - dt.timedelta(days=1)}
    offsets = {r["outlet"]: r["tz_offset"] for r in truth(crawl_date)}
    assert offsets["harborherald"] == ("+01:00" if crawl_date.month == 7 else "+00:00")


def test_the_antara_wire_story_runs_on_both_indonesian_outlets(urls, site_truth):
    wires: dict[str, list[dict]] = defaultdict(list)
    for record in site_truth:
        if record["wire"]:
            wires[record["wire"]].append(record)
    shared = [copies for copies in wires.values() if {c["outlet"] for c in copies} == {"korankota", "wartanusantara"}]
    assert len(shared) == 1
    kota, warta = sorted(shared[0], key=lambda c: c["outlet"])
    assert kota["agency"] == warta["agency"] == "Antara"
    assert kota["paragraphs"][1:] == warta["paragraphs"][1:]
    assert kota["paragraphs"][0] != warta["paragraphs"][0]
    assert kota["title"] != warta["title"]
    for copy in (kota, warta):
        page = fetch(urls[copy["outlet"]] + copy["path"])
        assert page.status == 200
        shown = [words(p.text_content()) for p in lxml.html.fromstring(page.text).iter("p")]
        assert copy["paragraphs"][1:] == [p for p in shown if p in copy["paragraphs"][1:]]


# --- broken redesign ---------------------------------------------------------------------------------------------


def test_broken_outlet_renders_articles_without_body_paragraphs(tmp_path):
    render_site(tmp_path, CRAWL_DATE, broken_outlets=frozenset({"korankota"}))
    records = by_outlet(truth(CRAWL_DATE))
    containers = {"korankota": "div.article-description", "wartanusantara": "div.read-content"}
    with serve_site(tmp_path) as served:
        for outlet, container in containers.items():
            for record in records[outlet]:
                page = fetch(served[outlet] + record["path"])
                assert page.status == 200
                tree = lxml.html.fromstring(page.text)
                assert record["title"] in tree.findtext(".//title")
                (body,) = tree.cssselect(container)
                if outlet == "korankota":
                    assert body.findall(".//p") == [] and body.text_content().strip() == ""
                    assert tree.cssselect("nav.menu") and "Komentar" in page.text
                    for paragraph in record["paragraphs"]:
                        assert paragraph[:60] not in tree.text_content()
                else:
                    assert len(body.findall(".//p")) > len(record["paragraphs"])
        feed = fetch(served["korankota"] + "/rss.xml")
        assert len(ET.fromstring(feed.body).findall("channel/item")) == len(records["korankota"])
    render_site(tmp_path, CRAWL_DATE)
    html = (tmp_path / "korankota" / records["korankota"][0]["path"].lstrip("/") / "index.html").read_text()
    assert "Redaktur : " in html, "a later normal render replaces the broken one"


def test_render_site_rejects_unknown_broken_outlets(tmp_path):
    with pytest.raises(ValueError, match="nosuchpaper"):
        render_site(tmp_path, CRAWL_DATE, broken_outlets=frozenset({"nosuchpaper"}))


# --- server lifecycle and registry -------------------------------------------------------------------------------


def assert_gone(url: str) -> None:
    with pytest.raises(urllib.error.URLError):
        _OPENER.open(url, timeout=5)


def demo_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("demo-site-")}


def test_servers_are_gone_after_the_context_exits_also_on_error(site_root):
    already_running = demo_threads()  # the module-scoped `urls` fixture may be serving too
    with serve_site(site_root) as served:
        assert all(fetch(url + "/").status == 200 for url in served.values())
        assert len(set(served.values())) == len(OUTLETS)
        assert len(demo_threads() - already_running) == len(OUTLETS)
    for url in served.values():
        assert_gone(url + "/")
    assert demo_threads() <= already_running
    with pytest.raises(RuntimeError, match="boom"), serve_site(site_root) as served_again:
        raise RuntimeError("boom")
    for url in served_again.values():
        assert_gone(url + "/")
    assert demo_threads() <= already_running


def test_serving_writes_nothing_to_stderr(site_root, capfd):
    with serve_site(site_root) as served:
        assert fetch(served["korankota"] + "/").status == 200
        assert fetch(served["korankota"] + "/no-such-page").status == 404
    captured = capfd.readouterr()
    assert captured.err == ""


def test_serve_site_refuses_an_unrendered_root(tmp_path):
    with pytest.raises(FileNotFoundError, match="render_site"), serve_site(tmp_path):
        pass


def test_demo_env_points_the_source_registry_at_the_served_outlets(urls, sources):
    env = demo_env(urls)
    assert env == {
        **{f"NEWSCORPUS_DEMO_{o.upper()}_URL": urls[o] for o in OUTLETS},
        "NEWSCORPUS_ALLOWED_NETWORKS": "127.0.0.1/32",  # the demo site is on loopback; nothing else is allowed
    }
    assert set(sources) == set(OUTLETS)
    for outlet, source in sources.items():
        assert source.home == urls[outlet] + "/"
        assert source.allowed_domains == ("127.0.0.1",)
        assert all(url.startswith(urls[outlet] + "/") for url in source.feeds + source.sitemaps + source.sections)
    korankota = sources["korankota"].extraction
    assert korankota.body == "div.article-description"
    assert korankota.drop == (".font-widget", ".photo-credit", ".komentar", "nav.menu")
    assert (korankota.image_caption, korankota.date) == ("figcaption.caption", "div.date")


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# "ignored": started as a script's background job is (`nohup … &`), with SIGINT ignored, which Python keeps
@pytest.mark.parametrize("inherited_sigint", ["default", "ignored"])
@pytest.mark.timeout(120)
def test_command_line_renders_serves_and_stops_on_ctrl_c(tmp_path, inherited_sigint):
    out = tmp_path / "site"
    process = subprocess.Popen(
        [sys.executable, "-m", "newscorpus.demo_site", "--date", "2026-11-20", "--out", str(out), "--serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=_ignore_sigint if inherited_sigint == "ignored" else None,
    )
    try:
        served: dict[str, str] = {}
        for line in process.stdout:
            match = re.match(r"^(\w+): (http://127\.0\.0\.1:\d+)/$", line.strip())
            if match:
                served[match.group(1)] = match.group(2)
            if line.startswith("serving"):
                break
        assert set(served) == set(OUTLETS)
        assert fetch(served["harborherald"] + "/rss.xml").status == 200
        assert (out / "korankota" / "robots.txt").is_file()
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, stderr
    assert "stopped" in stdout
    assert_gone(served["harborherald"] + "/")
