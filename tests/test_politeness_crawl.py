"""A source's politeness settings hold in a real crawl, measured by the server: never more requests in flight to
one host than `concurrency` (also with `download_delay: 0`, where Scrapy 2.19's own downloader starts every queued
request at once; see spiders.downloader), request starts spaced by `download_delay`, and by robots.txt's
Crawl-delay when the site asks for more (spiders.crawl_delay), with AutoThrottle on or off."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from crawl_fixture_server import Reply, ScriptedSite, fixed, html, serve_script

from newscorpus.crawl import crawl_source
from newscorpus.sources import Politeness, Source

ARTICLES = 12
SERVER_LATENCY_S = 0.5  # every article answer takes this long, so requests overlap unless the crawler holds back


def _crawl(politeness: Politeness, tmp_path: Path, robots: str = "User-agent: *\nDisallow:\n") -> list[float]:
    """Crawl a section page linking ARTICLES slow articles; return when each article request reached the server."""
    with serve_script({}) as site:
        _build(site, robots)
        source = Source(
            id="polite",
            name="Polite",
            language="en",
            timezone="UTC",
            home=site.url + "/",
            allowed_domains=("127.0.0.1",),
            sections=(site.url + "/section",),
            article_pattern=r"/a/",
            politeness=politeness,
        )
        result = crawl_source(
            source,
            crawl_date=date(2026, 11, 20),
            run_id="polite",
            data_root=tmp_path,
            timeout_s=120,
            allowed_networks=["127.0.0.1/32"],
        )
        assert result.stats["newscorpus/article_responses"] == ARTICLES
        return sorted(hit.at for hit in site.hits if hit.path.startswith("/a/"))


def _build(site: ScriptedSite, robots: str) -> None:
    links = "".join(f'<a href="/a/{n}">story {n}</a>' for n in range(ARTICLES))
    site.routes["/robots.txt"] = fixed(Reply(body=robots.encode(), headers={"Content-Type": "text/plain"}))
    site.routes["/section"] = fixed(html(f"<html><body>{links}</body></html>"))
    for n in range(ARTICLES):
        page = f"<html><body><h1>Story {n}</h1><p>Text.</p></body></html>".encode()
        site.routes[f"/a/{n}"] = fixed(Reply(body=page, delay_s=SERVER_LATENCY_S))


def _most_in_flight(starts: list[float]) -> int:
    """Requests the server was answering at once (each takes SERVER_LATENCY_S; a small margin for timer jitter)."""
    busy = SERVER_LATENCY_S - 0.05
    return max(sum(1 for other in starts if other <= start < other + busy) for start in starts)


@pytest.mark.parametrize("concurrency", [1, 2, 4])
def test_no_delay_never_exceeds_the_per_host_concurrency(concurrency: int, tmp_path: Path):
    starts = _crawl(Politeness(download_delay=0.0, concurrency=concurrency, autothrottle=False), tmp_path)
    assert _most_in_flight(starts) == concurrency  # used in full, never exceeded


def test_download_delay_spaces_request_starts(tmp_path: Path):
    delay = 0.4
    starts = _crawl(Politeness(download_delay=delay, concurrency=2, autothrottle=False), tmp_path)
    gaps = _gaps(starts)
    # RANDOMIZE_DOWNLOAD_DELAY draws each wait from 0.5x .. 1.5x the delay
    assert min(gaps) >= 0.5 * delay - 0.02
    assert sum(gaps) / len(gaps) >= 0.8 * delay


def _gaps(starts: list[float]) -> list[float]:
    return [later - earlier for earlier, later in zip(starts, starts[1:], strict=False)]


@pytest.mark.parametrize("autothrottle", [False, True])
@pytest.mark.parametrize("group", ["*", "newscorpus", "Scrapy"])
def test_robots_crawl_delay_slows_the_host_down(group: str, autothrottle: bool, tmp_path: Path):
    robots = f"User-agent: {group}\nCrawl-delay: 0.6\nDisallow: /private/\n"
    if group != "*":
        robots = "User-agent: *\nDisallow:\n\n" + robots  # the group naming us applies, not the `*` one
    starts = _crawl(Politeness(download_delay=0.0, concurrency=4, autothrottle=autothrottle), tmp_path, robots)
    # the slot's delay is jittered 0.5x .. 1.5x like any DOWNLOAD_DELAY; without it the starts come all at once
    assert min(_gaps(starts)) >= 0.5 * 0.6 - 0.02
    assert _most_in_flight(starts) <= 2


def test_a_crawl_delay_for_another_robot_does_not_apply(tmp_path: Path):
    robots = "User-agent: SlowBot\nCrawl-delay: 5\n\nUser-agent: *\nDisallow:\n"
    starts = _crawl(Politeness(download_delay=0.0, concurrency=4, autothrottle=False), tmp_path, robots)
    assert _most_in_flight(starts) == 4
