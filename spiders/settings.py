"""Scrapy settings shared by every crawl; per-source politeness and the page cap come as -s from newscorpus.crawl.

Values here are for news HTML: small bodies (10 MiB cap), short timeouts, few retries, robots.txt obeyed, and an
honest User-Agent that says who is crawling and why.
"""

import os

from newscorpus.settings import USER_AGENT as NEWSCORPUS_USER_AGENT

BOT_NAME = "newscorpus"
SPIDER_MODULES = ["spiders.spiders"]
NEWSPIDER_MODULE = "spiders.spiders"

# Who to write to about this crawler: an e-mail address or URL from NEWSCORPUS_CONTACT, appended to the User-Agent
# so a site's operator can reach whoever runs it ("newscorpus/0.1 (+https://...; ...; contact: ops@example.org)").
CONTACT_ENV = "NEWSCORPUS_CONTACT"
_CONTACT = os.environ.get(CONTACT_ENV, "").strip()
USER_AGENT = NEWSCORPUS_USER_AGENT[:-1] + f"; contact: {_CONTACT})" if _CONTACT else NEWSCORPUS_USER_AGENT
ROBOTSTXT_OBEY = True
# Groups naming our product token and groups naming Scrapy both apply (see spiders.robots).
ROBOTSTXT_PARSER = "spiders.robots.OurGroupsRobotParser"
NEWSCORPUS_ROBOTS_TOKEN = "newscorpus"

# Politeness defaults; newscorpus.crawl overrides them per source from Source.politeness.
# robots.txt's Crawl-delay is honoured up to this many seconds between requests to a host (spiders.crawl_delay).
NEWSCORPUS_MAX_CRAWL_DELAY_S = 30.0
# Scrapy's own downloader exceeds the per-domain concurrency when the delay is 0 (see spiders.downloader).
DOWNLOADER = "spiders.downloader.SlotLimitedDownloader"
DOWNLOAD_DELAY = 1.0
CONCURRENT_REQUESTS_PER_DOMAIN = 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Scrapy applies DOWNLOAD_MAXSIZE both on the wire and to the body once decompressed (gzip/deflate/br/zstd), so a
# compression bomb stops at this size; spiders.recorded_limits records where that happens.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
REDIRECT_MAX_TIMES = 5

# Never connect to non-public addresses unless listed here (CIDR networks or host names; see
# spiders.network_policy). newscorpus.crawl fills it from crawl_source(allowed_networks=...) and the environment.
NEWSCORPUS_ALLOWED_NETWORKS: list[str] = []
TWISTED_DNS_RESOLVER = "spiders.guarded_resolver.GuardedResolver"
NEWSCORPUS_MAX_URL_LENGTH = 2048
# The sitemaps protocol allows 50,000 URLs and 50 MB (uncompressed) per sitemap; an index of indexes is enough.
NEWSCORPUS_SITEMAP_MAXSIZE = 50 * 1024 * 1024
NEWSCORPUS_SITEMAP_MAX_DEPTH = 2  # 0 = the configured sitemap, 1 = a sitemap it lists, ...
NEWSCORPUS_MAX_LINKS_PER_DOCUMENT = 50_000

# Only http(s) is ever fetched: no file://, ftp://, s3:// or data: even if a link or a redirect names one.
DOWNLOAD_HANDLERS = {"file": None, "ftp": None, "s3": None, "data": None}
RETRY_ENABLED = True
RETRY_TIMES = 2
# spiders.retry: exponential backoff on 5xx (1 s, 2 s, ...), Retry-After honoured on 429/503 up to the cap.
NEWSCORPUS_RETRY_BACKOFF_S = 1.0
NEWSCORPUS_RETRY_MAX_WAIT_S = 120.0

# Requests a callback yields are scheduled synchronously and the news spider yields no items (the WARC middleware
# lands every response), yet Scrapy starts CONCURRENT_ITEMS + 1 asyncio tasks for every callback's output: at the
# default of 100, about 0.3 ms of CPU per page for nothing. Not 1: a sitemap's links would then reach the scheduler
# one at a time, and on a fast site its JOBDIR queue would empty (and its files be closed, removed and created
# again) after almost every request.
CONCURRENT_ITEMS = 4
# JOBDIR's disk queue (resume after a graceful stop): marshal instead of pickle, cheaper per request; every meta
# value the crawl sets is a str, int, float, bool, list or dict (a request that were not would be kept in memory
# and counted as scheduler/unserializable, which the tests check stays absent). FIFO: pages are fetched in the
# order discovery lists them, and popping from queuelib's FIFO reads on through a chunk file where its LIFO seeks
# back, reads and truncates the file for every request (8 vs 38 us per request).
SCHEDULER_DISK_QUEUE = "scrapy.squeues.MarshalFifoDiskQueue"

LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False
# Scrapy 2.19 enables by default an HTTP server that executes Python code sent to it (for its MCP tooling) and
# writes its port and token to ~/.local/state/scrapy; a scheduled crawler has no use for either.
REMOTE_CONTROL_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"

# Raw zone: WARC files rotate past this size; warc_file paths in the crawl log are relative to the data root.
NEWSCORPUS_WARC_MAX_BYTES = 1_000_000_000
NEWSCORPUS_DATA_ROOT = None

DOWNLOADER_MIDDLEWARES = {
    # Scrapy's, with a synchronous answer once a host's robots.txt is parsed (see spiders.robots).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "spiders.robots.CachedRobotsTxtMiddleware": 100,
    # Before the offsite filter (see spiders.request_guard): scheme, URL length, non-public addresses.
    "spiders.request_guard.RequestGuardMiddleware": 40,
    # Replaced: Scrapy's offsite filter ignores ports and drops requests without a trace.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "spiders.middlewares.HostPortOffsiteMiddleware": 50,
    # Engine side of RetryMiddleware (550): hears only failures that retrying gave up on.
    "spiders.middlewares.FetchFailureMiddleware": 540,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.retry.BackoffRetryMiddleware": 550,
    # Same places as Scrapy's own, but the caps they enforce are written to the crawl log.
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "spiders.recorded_limits.RecordedHttpCompressionMiddleware": 590,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "spiders.recorded_limits.RecordedRedirectMiddleware": 600,
    # Downloader side of HttpCompressionMiddleware (590) and RedirectMiddleware (600): archives bodies as received.
    "spiders.middlewares.WarcArchiveMiddleware": 950,
}

SPIDER_MIDDLEWARES = {
    # Replaced by the request guard's NEWSCORPUS_MAX_URL_LENGTH, which also covers redirects and logs refusals.
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
}

EXTENSIONS = {
    # The landing process (WARC files + crawl log); before the extensions that use it or report on it.
    "spiders.landing.Landing": 100,
    # AutoThrottle that never goes below a host's robots.txt Crawl-delay.
    "scrapy.extensions.throttle.AutoThrottle": None,
    "spiders.crawl_delay.CrawlDelayAutoThrottle": 0,
    # robots.txt's Crawl-delay, read once per host when RobotsTxtMiddleware has parsed it.
    "spiders.crawl_delay.RobotsCrawlDelay": 0,
    "spiders.extensions.FailureRecorder": 500,
    "spiders.extensions.CrawlStatsWriter": 500,
}
