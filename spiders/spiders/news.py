"""The one spider for every source: it reads the source config and says what to follow, nothing else.

Landing the responses is not its job: the WARC middleware has archived every response (robots.txt, redirects and
errors included) before a callback runs, and the crawl recorder logs what failed. The spider starts from the
source's feeds, sitemaps and section pages and requests the article links it finds there, one level deep.

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
from spiders.site_scope import SiteScope

# Discovery documents first, so the page cap (max_pages) is not spent before the article links are known.
_DISCOVERY_PRIORITY = 10


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
            yield self._discovery_request(url, self.parse_sitemap, "sitemap")
        for url in self.source.sections:
            yield self._discovery_request(url, self.parse_section, "section")

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        yield from self._article_requests(feed_item_links(response.body, response.url), "feed")

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        max_size = int(response.meta.get("download_maxsize") or self.settings.getint("DOWNLOAD_MAXSIZE"))
        try:
            found = sitemap_links(response.body, response.url, max_size=max_size)
        except ValueError as exc:
            self.logger.warning("Ignoring sitemap %s: %s", response.url, exc)
            return
        if found.is_index:
            for url in found.locs:
                yield self._discovery_request(url, self.parse_sitemap, "sitemap")
        else:
            yield from self._article_requests(found.locs, "sitemap")

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
        # Off-site links are yielded on purpose: the offsite middleware refuses them and the refusal is logged.
        for url in urls:
            if url.startswith(("http://", "https://")) and self.is_article_url(url):
                yield scrapy.Request(url, callback=self.parse_article, meta={"discovered_via": via})

    def _discovery_request(self, url: str, callback: Any, via: str) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, meta={"discovered_via": via}, priority=_DISCOVERY_PRIORITY)
