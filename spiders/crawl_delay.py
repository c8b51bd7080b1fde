"""robots.txt's Crawl-delay, honoured: the host's download slot never sends faster than the site asked.

Scrapy reads robots.txt for Allow/Disallow only. A site that writes `Crawl-delay: 5` for our product token, for
Scrapy or for `*` (spiders.robots decides which groups apply to us) gets at least that many seconds between two
requests to it, whatever the source's politeness says, with AutoThrottle on or off. The delay goes into the
downloader's per-slot settings (DOWNLOAD_SLOTS), so a slot that Scrapy drops when idle and creates again keeps it;
NEWSCORPUS_MAX_CRAWL_DELAY_S caps it, so a robots.txt cannot stall a crawl beyond its timeout without a trace.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.extensions.throttle import AutoThrottle

from spiders.robots import OurGroupsRobotParser

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

log = logging.getLogger(__name__)
STAT = "newscorpus/robots_crawl_delay_s"


def slot_floor(crawler: Crawler, key: str | None) -> float:
    """The least delay robots.txt asked of this slot (0 when it asked none)."""
    if key is None:
        return 0.0
    return float(crawler.engine.downloader.per_slot_settings.get(key, {}).get("delay", 0.0))


class RobotsCrawlDelay:
    """Reads Crawl-delay when Scrapy's RobotsTxtMiddleware has parsed a host's robots.txt (the robots_parsed
    signal, once per host: nothing runs per page)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.cap = crawler.settings.getfloat("NEWSCORPUS_MAX_CRAWL_DELAY_S")
        crawler.signals.connect(self._robots_parsed, signal=signals.robots_parsed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RobotsCrawlDelay:
        return cls(crawler)

    def _robots_parsed(self, robotparser: Any, request: Request) -> None:
        if not isinstance(robotparser, OurGroupsRobotParser):
            return
        asked = robotparser.crawl_delay(request.headers.get(b"User-Agent") or b"")
        if not asked:
            return
        delay = min(asked, self.cap)
        host = urlsplit(request.url).hostname or ""
        if delay < asked:
            log.warning("%s asks Crawl-delay %g s; capped at NEWSCORPUS_MAX_CRAWL_DELAY_S=%g", host, asked, delay)
        downloader = self.crawler.engine.downloader
        key = request.meta.get(downloader.DOWNLOAD_SLOT) or host
        downloader.per_slot_settings.setdefault(key, {})["delay"] = delay
        slot = downloader.slots.get(key)
        if slot is not None:
            slot.delay = max(slot.delay, delay)
        self.crawler.stats.max_value(STAT, delay)
        log.info("robots.txt of %s: Crawl-delay %g s honoured", host, delay)


class CrawlDelayAutoThrottle(AutoThrottle):
    """AutoThrottle that may slow a host down further but never below its robots.txt Crawl-delay."""

    def _response_downloaded(self, response: Response, request: Request, spider: Any) -> None:
        super()._response_downloaded(response, request, spider)
        key, slot = self._get_slot(request, spider)
        if slot is not None:
            slot.delay = max(slot.delay, slot_floor(self.crawler, key))
