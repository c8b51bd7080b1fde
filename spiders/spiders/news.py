"""The one spider for every source: it reads the source config and says what to follow, nothing else.

Landing the responses is not its job: the WARC middleware has archived every response (robots.txt, redirects and
errors included) before a callback runs, and the crawl recorder logs what failed. The spider starts from the
source's feeds, sitemaps and section pages and requests the article links it finds there, one level deep.
Caps (spiders.settings): links taken from one document, sitemap-index nesting, sitemap size; what a cap leaves out
is logged (and the unfollowed sitemaps written to the crawl log as "limit: ..."), never silently dropped.

Run it through newscorpus.crawl.crawl_source, or by hand from the repository root:
    scrapy crawl news -a source_json='<Source.to_dict() as JSON>' -a output_dir=/tmp/crawl
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse

from newscorpus.sources import source_from_dict
from spiders.discovery import feed_item_links, sitemap_links
from spiders.refusals import LimitReached
from spiders.signals import fetch_failed
from spiders.site_scope import SiteScope

# Discovery documents first, so the page cap (max_pages) is not spent before the article links are known.
_DISCOVERY_PRIORITY = 10
_SITEMAP_DEPTH = "sitemap_depth"  # request meta: 0 for a configured sitemap, +1 per sitemap index followed


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, source_json: str | None = None, output_dir: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not source_json or not output_dir:
            raise ValueError("the news spider needs -a source_json=<Source.to_dict() JSON> and -a output_dir=<dir>")
        self.source = source_from_dict(json.loads(source_json))
        self.output_dir = Path(output_dir)
        self.site_scope = SiteScope.from_source(self.source)
        self.allowed_domains = self.site_scope.host_names
        self._article_pattern = re.compile(self.source.article_pattern)

    def is_article_url(self, url: str) -> bool:
        return bool(self._article_pattern.search(url))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.source.feeds:
            yield self._discovery_request(url, self.parse_feed, "feed")
        for url in self.source.sitemaps:
            yield self._sitemap_request(url, depth=0)
        for url in self.source.sections:
            yield self._discovery_request(url, self.parse_section, "section")

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        links = self._capped(feed_item_links(response.body, response.url), response.url)
        yield from self._article_requests(links, "feed")

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        max_size = int(response.meta.get("download_maxsize") or self.settings.getint("DOWNLOAD_MAXSIZE"))
        try:
            found = sitemap_links(response.body, response.url, max_size=max_size)
        except ValueError as exc:
            self.logger.warning("Ignoring sitemap %s: %s", response.url, exc)
            return
        locs = self._capped(found.locs, response.url)
        if not found.is_index:
            yield from self._article_requests(locs, "sitemap")
            return
        depth = int(response.meta.get(_SITEMAP_DEPTH, 0)) + 1
        max_depth = self.settings.getint("NEWSCORPUS_SITEMAP_MAX_DEPTH")
        for url in locs:
            request = self._sitemap_request(url, depth=depth)
            if depth <= max_depth:
                yield request
            else:
                limit = LimitReached(f"sitemap index nested deeper than NEWSCORPUS_SITEMAP_MAX_DEPTH={max_depth}")
                self.crawler.stats.inc_value("newscorpus/limits/sitemap_depth")
                self.crawler.signals.send_catch_log(signal=fetch_failed, request=request, error=str(limit))

    def parse_section(self, response: Response) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        hrefs = response.css("a::attr(href)").getall()
        links = (response.urljoin(href.strip()).split("#", 1)[0] for href in hrefs)
        yield from self._article_requests(list(dict.fromkeys(links)), "section")

    def parse_article(self, response: Response) -> Iterator[dict[str, Any]]:
        """Already archived by the WARC middleware; the item only feeds the item_scraped_count statistic."""
        yield {"url": response.url, "status": response.status}

    def _article_requests(self, urls: list[str], via: str) -> Iterator[scrapy.Request]:
        # Off-site, non-http and overlong links are yielded on purpose: the offsite filter and the request guard
        # refuse them, and every refusal is logged.
        for url in urls:
            if not self.is_article_url(url):
                continue
            try:
                yield scrapy.Request(url, callback=self.parse_article, meta={"discovered_via": via})
            except ValueError as exc:  # not a URL Scrapy can represent at all
                self.logger.warning("Ignoring link %r: %s", url[:200], exc)

    def _capped(self, links: list[str], document_url: str) -> list[str]:
        cap = self.settings.getint("NEWSCORPUS_MAX_LINKS_PER_DOCUMENT")
        if cap <= 0 or len(links) <= cap:
            return links
        self.logger.warning("%s lists %d links; following the first %d only", document_url, len(links), cap)
        self.crawler.stats.inc_value("newscorpus/limits/links_per_document")
        return links[:cap]

    def _sitemap_request(self, url: str, *, depth: int) -> scrapy.Request:
        request = self._discovery_request(url, self.parse_sitemap, "sitemap")
        request.meta[_SITEMAP_DEPTH] = depth
        request.meta["download_maxsize"] = self.settings.getint("NEWSCORPUS_SITEMAP_MAXSIZE")
        return request

    def _discovery_request(self, url: str, callback: Any, via: str) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, meta={"discovered_via": via}, priority=_DISCOVERY_PRIORITY)
