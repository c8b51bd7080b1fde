"""Crawl bookkeeping extensions: the failures for the crawl log, the statistics for stats.json.

Both write next to the WARC files in the spider's output_dir, so a crawl directory explains itself: what was
landed (WARC + crawl log), what was attempted and failed (crawl-log lines with `error`), and how the run went.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider, signals

from newscorpus.crawl import CRAWL_LOG_NAME, STATS_NAME
from spiders.crawl_log import CrawlLogLine, CrawlLogWriter, discovered_via, first_url, utc_timestamp
from spiders.signals import fetch_failed

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class FailureRecorder:
    """Writes a crawl-log line (error set, no status) for every request that never got a response."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self._log: CrawlLogWriter | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.fetch_failed, signal=fetch_failed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailureRecorder:
        return cls(crawler)

    def spider_opened(self, spider: Spider) -> None:
        self._log = CrawlLogWriter(Path(spider.output_dir) / CRAWL_LOG_NAME)

    def spider_closed(self, spider: Spider) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def fetch_failed(self, request: Request, error: str) -> None:
        if self._log is None:
            return
        spider = self.crawler.spider
        self._log.append(
            CrawlLogLine(
                url=first_url(request),
                final_url=request.url if request.meta.get("redirect_urls") else None,
                fetched_at=utc_timestamp(),
                discovered_via=discovered_via(request),
                is_article_candidate=bool(spider is not None and spider.is_article_url(request.url)),
                error=error,
            )
        )
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
        stats["finish_reason"] = reason
        path = Path(spider.output_dir) / STATS_NAME
        path.write_text(json.dumps(stats, indent=2, sort_keys=True, default=_json_value) + "\n", encoding="utf-8")


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return utc_timestamp(value)
    return str(value)
