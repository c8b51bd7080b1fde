"""Crawl bookkeeping extensions: the failures for the crawl log, the statistics for stats.json.

Both write next to the WARC files in the spider's output_dir, so a crawl directory explains itself: what was
landed (WARC + crawl log), what was attempted and failed (crawl-log lines with `error`), and how the run went.
"""

from __future__ import annotations

import functools
import json
import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider, signals

from newscorpus.crawl import STATS_NAME
from spiders.crawl_log import CrawlLogLine, discovered_via, first_url, utc_timestamp
from spiders.landing import LANDING_FAILED_STAT, WARC_WRITE_FAILED, Landing, LandingFailed
from spiders.signals import fetch_failed

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class FailureRecorder:
    """Writes a crawl-log line (error set, no status) for every request that never got a response.

    Through the landing process, which owns the crawl log (spiders.landing): one writer, lines in order.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.fetch_failed, signal=fetch_failed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailureRecorder:
        return cls(crawler)

    @functools.cached_property
    def _landing(self) -> Landing:
        return Landing.of(self.crawler)  # not in __init__: the extensions are not all built yet then

    def fetch_failed(self, request: Request, error: str) -> None:
        spider = self.crawler.spider
        line = CrawlLogLine(
            url=first_url(request),
            final_url=request.url if request.meta.get("redirect_urls") else None,
            fetched_at=utc_timestamp(),
            discovered_via=discovered_via(request),
            is_article_candidate=bool(spider is not None and spider.is_article_url(request.url)),
            error=error,
        )
        try:
            self._landing.log(line)
        except LandingFailed:
            logger.error("Could not record a failed request in the crawl log (%s): %s", error, line.url)
        self.crawler.stats.inc_value(f"newscorpus/failures/{error.split(':', 1)[0]}")


class CrawlStatsWriter:
    """Dumps Scrapy's statistics and the finish reason to stats.json when the spider closes."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlStatsWriter:
        return cls(crawler)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = dict(self.crawler.stats.get_stats())
        # The landing process is waited for before this runs (spiders.landing): its failure fails the crawl.
        stats["finish_reason"] = WARC_WRITE_FAILED if stats.get(LANDING_FAILED_STAT) else reason
        path = Path(spider.output_dir) / STATS_NAME
        path.write_text(json.dumps(stats, indent=2, sort_keys=True, default=_json_value) + "\n", encoding="utf-8")


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return utc_timestamp(value)
    return str(value)
