"""The crawler's end of the landing process (spiders.landing_writer), which writes the WARC files and the crawl log.

Landing a page means building two WARC records, digesting them, gzip-compressing them, and writing a crawl-log line:
on a fast site as much CPU as Scrapy spends fetching the page. This extension hands each fetched exchange (and each
failure line) to a child process over a pipe, in the order they happen, so that work runs on another core while
the reactor goes on fetching. What the crawler sends is what Scrapy already holds (URLs, header dicts, the body);
every transformation into WARC happens in the child.

When the spider closes, the pipe is closed and the child drains it, closes the current WARC file under its final
name and exits; this extension waits for that before the crawl's stats.json is written (it is listed before
CrawlStatsWriter in EXTENSIONS, and Scrapy calls spider_closed handlers in that order). If the child fails (a full
disk) the next write to the pipe finds it broken and the crawl stops, or the exit code says so at the close:
either way the crawl's finish reason is warc_write_failed and newscorpus.crawl fails the run. A killed crawl
loses at most what was still in the crawler's buffer or the pipe (see FLUSH_INTERVAL_S): those pages are not in
the crawl log, so the resumed crawl fetches them again.
"""

from __future__ import annotations

import fcntl
import functools
import json
import logging
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING

import scrapy
from scrapy import Request, Spider, signals
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.task import LoopingCall

from newscorpus.crawl import CRAWL_LOG_NAME
from spiders.crawl_log import CrawlLogLine
from spiders.landing_writer import EXCHANGE, LOG_LINE, FetchedExchange, write_frame
from spiders.warc_files import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

WARC_WRITE_FAILED = "warc_write_failed"  # finish reason of a crawl that could not write its WARC files
LANDING_FAILED_STAT = "newscorpus/landing_failed"
_REPO_ROOT = Path(__file__).resolve().parent.parent
# Frames wait in the crawler's buffer until it fills or the next flush, at most FLUSH_INTERVAL_S: that much of a
# crawl is lost if it is killed (and fetched again when it resumes: those pages are not in the crawl log).
_BUFFER_BYTES = 256 * 1024
FLUSH_INTERVAL_S = 0.1
# Slack between the crawler and the landing process; more only delays the moment a failure shows.
_PIPE_BYTES = 1024 * 1024


@functools.lru_cache(maxsize=1024)
def _address_text(address: object) -> str:
    """str() of an ipaddress object is Python code; a crawl talks to few addresses, so each is spelled once."""
    return str(address)


class LandingFailed(OSError):
    """The landing process is gone: nothing more the crawl fetches can be archived."""


class Landing:
    """Starts the landing process when the spider opens, feeds it, and waits for it when the spider closes."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self._max_bytes = crawler.settings.getint("NEWSCORPUS_WARC_MAX_BYTES", DEFAULT_MAX_BYTES)
        self._data_root = crawler.settings.get("NEWSCORPUS_DATA_ROOT")
        self._process: subprocess.Popen[bytes] | None = None
        self._pipe: IO[bytes] | None = None
        self._flusher: LoopingCall | None = None
        self.failed = False
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Landing:
        return cls(crawler)

    @staticmethod
    def of(crawler: Crawler) -> Landing:
        """The crawl's Landing extension (components built after extensions find it here)."""
        for extension in crawler.extensions.middlewares:
            if isinstance(extension, Landing):
                return extension
        raise RuntimeError("spiders.landing.Landing is not in EXTENSIONS: nothing would archive the crawl")

    def spider_opened(self, spider: Spider) -> None:
        output_dir = Path(spider.output_dir)
        source = spider.source
        config = {
            "output_dir": str(output_dir),
            "data_root": str(self._data_root or output_dir),
            "crawl_log_name": CRAWL_LOG_NAME,
            "max_bytes": self._max_bytes,
            "warcinfo": {
                "software": f"newscorpus (Scrapy {scrapy.__version__})",
                "format": "WARC File Format 1.1",
                "http-header-user-agent": self.crawler.settings.get("USER_AGENT"),
                "robots": "obey" if self.crawler.settings.getbool("ROBOTSTXT_OBEY") else "ignore",
                "source": source.id,
                "description": f"{source.name} ({source.home})",
            },
        }
        self._process = subprocess.Popen(
            [sys.executable, "-m", "spiders.landing_writer", json.dumps(config)],
            cwd=_REPO_ROOT,
            stdin=subprocess.PIPE,
            bufsize=_BUFFER_BYTES,
        )
        self._pipe = self._process.stdin
        assert self._pipe is not None
        try:
            fcntl.fcntl(self._pipe.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
        except (AttributeError, OSError):  # not Linux, or above /proc/sys/fs/pipe-max-size: the default will do
            pass
        self._flusher = LoopingCall(self._flush)
        self._flusher.start(FLUSH_INTERVAL_S, now=False)

    def land(self, request: Request, response: Response, first_url: str, discovered_via: str, is_article: bool) -> None:
        """Send one fetched exchange; raises LandingFailed when the landing process is gone."""
        fetched = FetchedExchange(
            url=response.url,
            first_url=first_url,
            request_url=request.url,
            method=request.method,
            fetched_at=time.time(),
            request_headers=dict(request.headers),
            protocol=response.protocol,
            status=response.status,
            response_headers=dict(response.headers),
            body=response.body,
            ip_address=_address_text(response.ip_address) if response.ip_address else None,
            discovered_via=discovered_via,
            is_article_candidate=is_article,
        )
        self._send((EXCHANGE, *fetched))

    def log(self, line: CrawlLogLine) -> None:
        """Send a crawl-log line (a failure); raises LandingFailed when the landing process is gone."""
        self._send((LOG_LINE, line.to_json()))

    def _send(self, frame: tuple) -> None:
        """Buffered: the pipe is written when the buffer fills and by _flush, not once per frame (each write
        wakes the landing process; batches keep both processes busy instead of switching)."""
        if self._pipe is None:
            raise LandingFailed("the landing process is not running (the spider is not open)")
        try:
            write_frame(self._pipe, frame)
        except (BrokenPipeError, ValueError) as exc:
            raise self._failure(exc) from exc

    def _flush(self) -> None:
        if self._pipe is None or self.failed:
            return
        try:
            self._pipe.flush()
        except (BrokenPipeError, ValueError) as exc:
            self._failure(exc)

    def _failure(self, exc: Exception) -> LandingFailed:
        """The landing process is gone: stop the crawl (once) rather than fetch what can no longer be archived."""
        if not self.failed:
            self.failed = True
            logger.error("The landing process is gone (%s): stopping the crawl", exc)
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=WARC_WRITE_FAILED))
        return LandingFailed(f"the landing process is gone: {exc}")

    def spider_closed(self, spider: Spider) -> None:
        if self._process is None or self._pipe is None:
            return
        if self._flusher is not None and self._flusher.running:
            self._flusher.stop()
        try:
            self._pipe.close()  # writes what is buffered; the landing process then drains the pipe and exits
        except BrokenPipeError:
            self.failed = True
        return_code = self._process.wait()
        self._pipe = None
        if return_code != 0:
            self.failed = True
        if self.failed:
            logger.error("The landing process failed (exit code %s): WARC files incomplete", return_code)
            self.crawler.stats.set_value(LANDING_FAILED_STAT, 1)
