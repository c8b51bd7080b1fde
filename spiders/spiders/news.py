"""The one spider for every source: it reads the source config and says what to follow, nothing else.

Landing the responses is not its job: the WARC middleware has archived every response (robots.txt, redirects and
errors included) before a callback runs, and the crawl recorder logs what failed. The spider starts from the
source's feeds, sitemaps, section pages and dated index pages and requests the article links it finds there.

What it does not request, and counts in the statistics (stats.json) instead:
- newscorpus/skipped/window: an article dated outside the run's window (crawl_date - lookback_days .. crawl_date,
  in the source's time zone) by its feed or sitemap entry, by such an entry read earlier in the run (for the same
  URL linked from a section page), or by a date written in its URL (/2026-11-20/, /2026/11/20/); an article with
  no date at all is fetched; newscorpus/skipped/window_sitemap: a child sitemap unchanged since before the window;
- newscorpus/skipped/seen: an article URL in the seen file (published by an earlier partition, or landed by an
  earlier attempt of this crawl); newscorpus/skipped/dupe: one already requested in this run. Both compare
  spiders.url_keys.url_key, so tracking parameters never make a URL new; requests go out without them.
Section pages are followed to source.section_depth (1 = the configured pages only; deeper = links that stay
under the section's path, such as its pagination). Dated index pages are read for every day of the window, page
after page while a page yields articles, up to dated_index.max_pages.
Caps (spiders.settings): links taken from one document, sitemap-index nesting, sitemap size; what a cap leaves out
is logged (and the unfollowed sitemaps written to the crawl log as "limit: ..."), never silently dropped.

Discovery requests are never filtered as duplicates (dont_filter), so a crawl resumed from its JOBDIR reads its
feeds and sitemaps again and finds the article links that the killed attempt had not reached yet.

Run it through newscorpus.crawl.crawl_source, or by hand from the repository root:
    scrapy crawl news -a source_json='<Source.to_dict() as JSON>' -a output_dir=/tmp/crawl \
        [-a crawl_date=YYYY-MM-DD] [-a seen_file=urls.txt]
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse

from newscorpus.sources import source_from_dict
from spiders.discovery import feed_items, sitemap_links
from spiders.refusals import LimitReached
from spiders.signals import fetch_failed
from spiders.site_scope import SiteScope
from spiders.url_keys import tracking_free_key, url_key, without_tracking
from spiders.window import CrawlWindow

# Discovery documents first, so the page cap (max_pages) is not spent before the article links are known; dated
# ones (feeds, sitemaps) before undated ones (sections, index pages), so the dates they give are known by the time
# a section page links the same article.
_DATED_DISCOVERY_PRIORITY = 20
_DISCOVERY_PRIORITY = 10
# A date written in an article URL (/2026-11-20/..., /2026/11/20/...): the window's only clue for undated links.
_URL_DATE = re.compile(r"/(20\d\d)[-/](0[1-9]|1[0-2])[-/](0[1-9]|[12]\d|3[01])(?=[/._-]|$)")
_SITEMAP_DEPTH = "sitemap_depth"  # request meta: 0 for a configured sitemap, +1 per sitemap index followed
_SECTION_DEPTH = "section_depth"  # request meta: 1 for a configured section page, +1 per level followed
_SECTION_PREFIX = "section_prefix"  # request meta: the path a deeper section page must stay under
_INDEX_DAY = "index_day"  # request meta: the day (ISO) and page number of a dated index page
_INDEX_PAGE = "index_page"
SKIPPED = "newscorpus/skipped/"


def read_seen_file(path: str | Path | None) -> set[str]:
    """One URL per line; keys are computed here, so the file may hold URLs in any spelling."""
    if not path:
        return set()
    with open(path, encoding="utf-8") as lines:
        return {url_key(line.strip()) for line in lines if line.strip()}


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(
        self,
        source_json: str | None = None,
        output_dir: str | None = None,
        crawl_date: str | None = None,
        seen_file: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if not source_json or not output_dir:
            raise ValueError("the news spider needs -a source_json=<Source.to_dict() JSON> and -a output_dir=<dir>")
        self.source = source_from_dict(json.loads(source_json))
        self.output_dir = Path(output_dir)
        self.site_scope = SiteScope.from_source(self.source)
        self.allowed_domains = self.site_scope.host_names
        self._article_pattern = re.compile(self.source.article_pattern)
        self.window: CrawlWindow | None = None
        if crawl_date:
            day = dt.date.fromisoformat(crawl_date)
            self.window = CrawlWindow.ending(day, self.source.lookback_days, self.source.timezone)
        self._seen = read_seen_file(seen_file)
        self._dates: dict[str, str] = {}  # url_key -> date from a feed or sitemap entry, for undated links
        # Undated links from section and index pages wait until the feeds and sitemaps (which may date them) are
        # all read: released when the spider first goes idle.
        self._hold_undated = self.window is not None and bool(self.source.feeds or self.source.sitemaps)
        self._held: list[tuple[str, str]] = []
        self._requested: set[str] = set()
        # Discovery requests skip Scrapy's duplicate filter (see above), so sitemaps and section pages are read
        # once per run through these.
        self._sections = {url_key(url) for url in self.source.sections}
        self._sitemaps = {url_key(url) for url in self.source.sitemaps}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._release_held, signal=signals.spider_idle)
        return spider

    def _release_held(self) -> None:
        self._hold_undated = False
        if not self._held:
            return
        held, self._held = self._held, []
        for url, via in held:
            for request in self._article_requests([url], via):
                self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def is_article_url(self, url: str) -> bool:
        return bool(self._article_pattern.search(url))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.crawler.stats.set_value("newscorpus/seen_urls", len(self._seen))
        for name in ("window", "window_sitemap", "seen", "dupe"):
            self.crawler.stats.set_value(SKIPPED + name, 0)
        for url in self.source.feeds:
            yield self._discovery_request(url, self.parse_feed, "feed", priority=_DATED_DISCOVERY_PRIORITY)
        for url in self.source.sitemaps:
            yield self._sitemap_request(url, depth=0)
        for url in self.source.sections:
            yield self._section_request(url, depth=1, prefix=_section_prefix(url))
        if self.source.dated_index is not None and self.window is not None:
            for day in self.window.days:
                yield self._index_request(day, 1)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        items = feed_items(response.body, response.url)
        links = self._capped(list(items), response.url)
        yield from self._article_requests(links, "feed", dates=items)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        max_size = int(response.meta.get("download_maxsize") or self.settings.getint("DOWNLOAD_MAXSIZE"))
        try:
            found = sitemap_links(response.body, response.url, max_size=max_size)
        except ValueError as exc:
            self.logger.warning("Ignoring sitemap %s: %s", response.url, exc)
            return
        locs = self._capped(found.locs, response.url)
        if not found.is_index:
            yield from self._article_requests(locs, "sitemap", dates=found.dates)
            return
        depth = int(response.meta.get(_SITEMAP_DEPTH, 0)) + 1
        max_depth = self.settings.getint("NEWSCORPUS_SITEMAP_MAX_DEPTH")
        for url in locs:
            if self.window is not None and self.window.is_older(found.dates.get(url)):
                self.crawler.stats.inc_value(SKIPPED + "window_sitemap")
                continue
            if url_key(url) in self._sitemaps:  # an index that lists itself or an earlier sitemap
                continue
            self._sitemaps.add(url_key(url))
            request = self._sitemap_request(url, depth=depth)
            if depth <= max_depth:
                yield request
            else:
                limit = LimitReached(f"sitemap index nested deeper than NEWSCORPUS_SITEMAP_MAX_DEPTH={max_depth}")
                self.crawler.stats.inc_value("newscorpus/limits/sitemap_depth")
                self.crawler.signals.send_catch_log(signal=fetch_failed, request=request, error=str(limit))

    def parse_section(self, response: Response) -> Iterator[scrapy.Request]:
        links = self._page_links(response)
        yield from self._article_requests(links, "section")
        depth = int(response.meta.get(_SECTION_DEPTH, 1))
        if depth >= self.source.section_depth:
            return
        prefix = str(response.meta.get(_SECTION_PREFIX, "/"))
        for url in links:
            if self.is_article_url(url) or not self.site_scope.allows(url):
                continue
            if urlsplit(url).path.startswith(prefix) and url_key(url) not in self._sections:
                self._sections.add(url_key(url))
                yield self._section_request(url, depth=depth + 1, prefix=prefix)

    def parse_index(self, response: Response) -> Iterator[scrapy.Request]:
        links = self._page_links(response)
        requests = list(self._article_requests(links, "index"))
        yield from requests
        page = int(response.meta.get(_INDEX_PAGE, 1))
        index = self.source.dated_index
        has_articles = any(self.is_article_url(url) for url in links)
        if index is not None and "{page}" in index.url and has_articles and page < index.max_pages:
            yield self._index_request(dt.date.fromisoformat(response.meta[_INDEX_DAY]), page + 1)

    def parse(self, response: Response) -> None:
        """The article callback: already archived by the WARC middleware; only counted (newscorpus/article_responses).

        Article requests leave their callback unset (None means this method) rather than naming it: with JOBDIR,
        Scrapy stores every queued request on disk, and for a named callback it searches the spider's members
        (inspect.getmembers) to find the method's name, once per request. No item is yielded either.
        """
        self.crawler.stats.inc_value("newscorpus/article_responses")

    def _page_links(self, response: Response) -> list[str]:
        if not isinstance(response, TextResponse):
            return []
        hrefs = response.css("a::attr(href)").getall()
        links = (response.urljoin(href.strip()).split("#", 1)[0] for href in hrefs)
        return self._capped(list(dict.fromkeys(links)), response.url)

    def _article_requests(
        self, urls: list[str], via: str, dates: dict[str, str | None] | None = None
    ) -> Iterator[scrapy.Request]:
        # Off-site, non-http and overlong links are yielded on purpose: the offsite filter and the request guard
        # refuse them, and every refusal is logged.
        stats = self.crawler.stats
        for url in urls:
            try:
                clean = without_tracking(url)
                key = tracking_free_key(clean.strip())  # = url_key(url): without_tracking is idempotent
                request = scrapy.Request(clean, meta={"discovered_via": via})  # callback: self.parse
            except ValueError as exc:  # not a URL Scrapy can represent at all
                self.logger.warning("Ignoring link %r: %s", url[:200], exc)
                continue
            if not self.is_article_url(clean):
                continue
            entry_date = self._entry_date(key, clean, dates, url) if self.window is not None else None
            if self.window is not None and not self.window.admits(entry_date):
                stats.inc_value(SKIPPED + "window")
                continue
            if entry_date is None and dates is None and self._hold_undated:
                self._held.append((url, via))
                continue
            if key in self._seen:
                stats.inc_value(SKIPPED + "seen")
                continue
            if key in self._requested:
                stats.inc_value(SKIPPED + "dupe")
                continue
            self._requested.add(key)
            yield request

    def _entry_date(self, key: str, url: str, dates: dict[str, str | None] | None, raw_url: str) -> str | None:
        """The date an entry gives (remembered for later undated links to it), else one seen earlier in a feed or
        sitemap, else a date written in the URL itself, else None (admitted)."""
        given = dates.get(raw_url) if dates is not None else None
        if given:
            self._dates.setdefault(key, given)
            return given
        if key in self._dates:
            return self._dates[key]
        match = _URL_DATE.search(urlsplit(url).path)
        return "-".join(match.groups()) if match else None

    def _capped(self, links: list[str], document_url: str) -> list[str]:
        cap = self.settings.getint("NEWSCORPUS_MAX_LINKS_PER_DOCUMENT")
        if cap <= 0 or len(links) <= cap:
            return links
        self.logger.warning("%s lists %d links; following the first %d only", document_url, len(links), cap)
        self.crawler.stats.inc_value("newscorpus/limits/links_per_document")
        return links[:cap]

    def _sitemap_request(self, url: str, *, depth: int) -> scrapy.Request:
        request = self._discovery_request(url, self.parse_sitemap, "sitemap", priority=_DATED_DISCOVERY_PRIORITY)
        request.meta[_SITEMAP_DEPTH] = depth
        request.meta["download_maxsize"] = self.settings.getint("NEWSCORPUS_SITEMAP_MAXSIZE")
        return request

    def _section_request(self, url: str, *, depth: int, prefix: str) -> scrapy.Request:
        request = self._discovery_request(url, self.parse_section, "section")
        request.meta[_SECTION_DEPTH] = depth
        request.meta[_SECTION_PREFIX] = prefix
        return request

    def _index_request(self, day: dt.date, page: int) -> scrapy.Request:
        index = self.source.dated_index
        assert index is not None
        url = index.url.format(date=day.strftime(index.date_format), page=page)
        request = self._discovery_request(url, self.parse_index, "index")
        request.meta[_INDEX_DAY] = day.isoformat()
        request.meta[_INDEX_PAGE] = page
        return request

    def _discovery_request(
        self, url: str, callback: Any, via: str, *, priority: int = _DISCOVERY_PRIORITY
    ) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, meta={"discovered_via": via}, priority=priority, dont_filter=True)


def _section_prefix(url: str) -> str:
    """Deeper pages of a section stay under its path: /kanal/nasional -> /kanal/nasional (…/2, ?page=2 …)."""
    return urlsplit(url).path.rstrip("/") or "/"
