"""`newscorpus sources check`: before a source is enabled (and whenever a crawl starts failing), ask the outlet what
the crawler would meet: its robots.txt for our user agent, whether each feed, sitemap, section page and dated index
answers, and whether it answers with a block (401/403/429/451) or a challenge page instead.

What is fetched, and how:
- one request at a time, with our real User-Agent, the source's download_delay (or robots.txt's crawl-delay, if
  longer, at most 10 s) between requests to the same host, a timeout and the crawler's size caps;
- robots.txt of every host involved; then each discovery URL that robots.txt allows for our user agent and for
  "Scrapy". A URL robots.txt disallows is reported, never fetched. Nothing is fetched from a host whose robots.txt
  blocked us or could not be read. The sample article is only asked about, never fetched;
- a disabled source gets only its robots.txt read when the whole registry is checked; naming it (`sources check
  ID`) fetches its discovery URLs too. For a source disabled over its terms, do that once you have permission.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

from newscorpus.sources import Source
from newscorpus.sources_check import probes
from newscorpus.sources_check.fetch import Fetched, fetch, policy_from_environment
from spiders.network_policy import NetworkPolicy

VERDICT_ORDER = ("ok", "skipped", "broken", "blocked")  # a source takes the worst verdict of its URLs
MAX_POLITE_DELAY = 10.0


@dataclass
class UrlCheck:
    kind: str  # robots | feed | sitemap | dated_index | section | article
    url: str
    verdict: str  # ok | blocked | disallowed | broken | skipped
    detail: str = ""
    robots: str | None = None  # allowed | disallowed | unknown (None for robots.txt itself)
    status: int | None = None
    content_type: str | None = None
    items: int | None = None  # feed items, sitemap entries, article links on a listing page
    final_url: str | None = None  # where redirects ended, when they did
    seconds: float | None = None


@dataclass
class SourceCheck:
    source: str
    enabled: bool
    disabled_reason: str | None
    fetched_discovery: bool  # false: only robots.txt was read (a disabled source in a whole-registry check)
    urls: list[UrlCheck] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        """blocked when the outlet refuses us (HTTP block, challenge page, robots.txt), broken when something
        configured does not work, ok otherwise."""
        worst = "ok"
        for url in self.urls:
            verdict = "blocked" if url.verdict == "disallowed" else url.verdict
            if VERDICT_ORDER.index(verdict) > VERDICT_ORDER.index(worst):
                worst = verdict
        return "ok" if worst == "skipped" else worst

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "verdict": self.verdict,
            "enabled": self.enabled,
            "disabled_reason": self.disabled_reason,
            "fetched_discovery": self.fetched_discovery,
            "urls": [asdict(u) for u in self.urls],
        }


class _Session:
    """Fetches politely (per-host delay), caches robots.txt per origin across sources."""

    def __init__(self, policy: NetworkPolicy, timeout: float, fetcher: Callable[..., Fetched]) -> None:
        self.policy = policy
        self.timeout = timeout
        self.fetcher = fetcher
        self.robots: dict[str, tuple[probes.RobotsRules, UrlCheck]] = {}
        self._last: dict[str, float] = {}

    def get(self, url: str, *, delay: float, max_bytes: int) -> Fetched:
        host = urlsplit(url).netloc
        wait = self._last.get(host, 0.0) + min(delay, MAX_POLITE_DELAY) - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            return self.fetcher(url, self.policy, timeout=self.timeout, max_bytes=max_bytes)
        finally:
            self._last[host] = time.monotonic()

    def robots_for(self, origin: str, delay: float) -> tuple[probes.RobotsRules, UrlCheck]:
        if origin not in self.robots:
            fetched = self.get(f"{origin}/robots.txt", delay=delay, max_bytes=probes.ROBOTS_MAX_BYTES)
            rules, verdict = probes.read_robots(fetched)
            row = _row("robots", fetched, verdict)
            home_allowed, why = rules.allows(f"{origin}/")
            row.robots = {True: "allowed", False: "disallowed", None: "unknown"}[home_allowed]
            if home_allowed is False:
                row.verdict, row.detail = "disallowed", f"{why} (the whole site)"
            self.robots[origin] = (rules, row)
        return self.robots[origin]


def _row(kind: str, fetched: Fetched, verdict: probes.Verdict, items: int | None = None) -> UrlCheck:
    return UrlCheck(
        kind=kind,
        url=fetched.url,
        verdict=verdict.verdict,
        detail=verdict.detail,
        status=fetched.status,
        content_type=fetched.content_type or None,
        items=items,
        final_url=fetched.final_url if fetched.final_url != fetched.url else None,
        seconds=fetched.seconds,
    )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def discovery_targets(source: Source, sample_date: dt.date) -> list[tuple[str, str]]:
    """(kind, url) of everything the spider would start from; the dated index for sample_date, page 1."""
    targets = [("feed", u) for u in source.feeds] + [("sitemap", u) for u in source.sitemaps]
    if source.dated_index:
        index = source.dated_index
        targets.append(("dated_index", index.url.format(date=sample_date.strftime(index.date_format), page=1)))
    targets += [("section", u) for u in source.sections]
    return targets


def check_source(
    source: Source,
    session: _Session,
    *,
    fetch_discovery: bool,
    sample_date: dt.date,
) -> SourceCheck:
    result = SourceCheck(source.id, source.enabled, source.disabled_reason, fetch_discovery)
    targets = discovery_targets(source, sample_date)
    origins = list(dict.fromkeys(_origin(u) for u in [source.home, *(u for _, u in targets)]))
    robots: dict[str, probes.RobotsRules] = {}
    delay = source.politeness.download_delay
    for origin in origins:
        rules, row = session.robots_for(origin, delay)
        robots[origin] = rules
        result.urls.append(row)
    found_articles: list[str] = []
    for kind, url in targets:
        rules = robots[_origin(url)]
        allowed, why = rules.allows(url)
        if allowed is False:
            result.urls.append(UrlCheck(kind, url, "disallowed", f"{why}; not fetched", robots="disallowed"))
            continue
        if allowed is None:
            result.urls.append(UrlCheck(kind, url, "skipped", f"{why}: not fetched", robots="unknown"))
            continue
        if not fetch_discovery:
            note = "source disabled: not fetched (name it to fetch: newscorpus sources check " + source.id + ")"
            result.urls.append(UrlCheck(kind, url, "skipped", note, robots="allowed"))
            continue
        polite = max(delay, rules.crawl_delay() or 0.0)
        max_bytes = probes.SITEMAP_MAX_BYTES if kind == "sitemap" else probes.DOCUMENT_MAX_BYTES
        fetched = session.get(url, delay=polite, max_bytes=max_bytes)
        row, links = _read_document(kind, fetched, source)
        row.robots = "allowed"
        result.urls.append(row)
        found_articles += links
    sample = source.sample_article or _first_article(found_articles, source)
    if sample:
        origin = _origin(sample)
        if origin not in robots:
            robots[origin], row = session.robots_for(origin, delay)
            result.urls.append(row)
        allowed, why = robots[origin].allows(sample)
        origin_note = "configured sample_article" if source.sample_article else "first article found"
        if allowed is True:
            row = UrlCheck("article", sample, "ok", f"{origin_note}; allowed, not fetched", robots="allowed")
        elif allowed is False:
            row = UrlCheck("article", sample, "disallowed", f"{origin_note}; {why}", robots="disallowed")
        else:
            row = UrlCheck("article", sample, "skipped", f"{origin_note}; {why}", robots="unknown")
        result.urls.append(row)
    return result


def _first_article(links: list[str], source: Source) -> str | None:
    pattern = re.compile(source.article_pattern)
    return next((link for link in links if pattern.search(link)), links[0] if links else None)


def _read_document(kind: str, fetched: Fetched, source: Source) -> tuple[UrlCheck, list[str]]:
    problem = probes.http_verdict(fetched)
    if problem:
        return _row(kind, fetched, problem), []
    try:
        if kind == "feed":
            count, links = probes.read_feed(fetched.body)
            detail = f"{count} item(s)"
        elif kind == "sitemap":
            shape, count, links = probes.read_sitemap(fetched.body)
            detail = f"sitemap index of {count} sitemap(s)" if shape == "sitemapindex" else f"{count} URL(s)"
            if shape == "sitemapindex":
                links = []  # children are sitemaps, not articles
        else:
            links = probes.article_links(fetched.body, fetched.final_url, source.article_pattern)
            count, detail = len(links), f"{len(links)} link(s) matching article_pattern"
    except probes.DocumentError as exc:
        return _row(kind, fetched, probes.Verdict("broken", str(exc))), []
    verdict = probes.Verdict("ok", detail) if count else probes.Verdict("broken", f"{detail}: empty")
    return _row(kind, fetched, verdict, items=count), links


def check_sources(
    sources: Iterable[Source],
    *,
    named: bool,
    sample_date: dt.date | None = None,
    timeout: float = 15.0,
    policy: NetworkPolicy | None = None,
    fetcher: Callable[..., Fetched] = fetch,
) -> list[SourceCheck]:
    """Check each source. named=True (the operator named the sources) fetches discovery URLs of disabled ones too."""
    session = _Session(policy if policy is not None else policy_from_environment(), timeout, fetcher)
    day = sample_date or (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1))
    return [
        check_source(source, session, fetch_discovery=named or source.enabled, sample_date=day) for source in sources
    ]
