"""Reading what a check fetched: robots.txt rules for our user agent, blocks and challenge pages, feeds, sitemaps
and listing pages. Pure functions of a Fetched, so every rule here is testable without a network.

robots.txt is read by the crawler's own parser (spiders.robots.OurGroupsRobotParser: Protego, with every group that
names our product token or "Scrapy" applying, else `*`), so the check and the crawl agree on every URL. Several
outlets disallow Scrapy by name; that disallows us too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from newscorpus.sources_check.fetch import Fetched
from spiders import settings as spider_settings
from spiders.robots import OurGroupsRobotParser

ROBOTS_TOKEN = getattr(spider_settings, "NEWSCORPUS_ROBOTS_TOKEN", "newscorpus")
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024  # the crawler's DOWNLOAD_MAXSIZE
SITEMAP_MAX_BYTES = 50 * 1024 * 1024  # the sitemaps protocol's limit, as in the crawler
BLOCKING_STATUSES = {401: "unauthorized", 403: "forbidden", 429: "too many requests", 451: "unavailable for legal"}

# Lower-cased markers of bot walls; looked for only in small HTML answers (a challenge page is a few KB).
_CHALLENGE_MARKERS = (
    ("<title>just a moment", "Cloudflare challenge (Just a moment...)"),
    ("cf-chl", "Cloudflare challenge"),
    ("challenge-platform", "Cloudflare challenge"),
    ("attention required! | cloudflare", "Cloudflare block page"),
    ("performing security verification", "security verification page"),
    ("checking your browser", "browser check page"),
    ("captcha-delivery.com", "DataDome captcha"),
    ("px-captcha", "PerimeterX captcha"),
    ("_incapsula_resource", "Incapsula challenge"),
    ("g-recaptcha", "captcha (reCAPTCHA)"),
    ("h-captcha", "captcha (hCaptcha)"),
    ("hcaptcha.com", "captcha (hCaptcha)"),
    ("captcha", "captcha"),
)
_CHALLENGE_MAX_BYTES = 200 * 1024
_HREF = re.compile(rb"""href\s*=\s*["']([^"'<>\s]+)["']""", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    verdict: str  # ok | blocked | broken
    detail: str


def challenge(fetched: Fetched) -> str | None:
    """The kind of bot wall this answer is, or None. Cloudflare's own header first, then page markers."""
    if fetched.headers.get("cf-mitigated", "").lower() == "challenge":
        return "Cloudflare challenge (cf-mitigated)"
    head = fetched.body[:1024].lstrip().lower()
    looks_html = "html" in fetched.content_type or head.startswith((b"<!doctype html", b"<html"))
    if not looks_html or len(fetched.body) > _CHALLENGE_MAX_BYTES:
        return None
    text = fetched.body.decode("utf-8", "replace").lower()
    return next((name for marker, name in _CHALLENGE_MARKERS if marker in text), None)


def http_verdict(fetched: Fetched) -> Verdict | None:
    """blocked / broken when the answer itself is unusable, None when its content is worth reading."""
    if fetched.error:
        return Verdict("broken", fetched.error)
    status = fetched.status or 0
    wall = challenge(fetched)
    if status in BLOCKING_STATUSES:
        extra = f", {wall}" if wall else ""
        return Verdict("blocked", f"HTTP {status} {BLOCKING_STATUSES[status]}{extra}")
    if wall:
        return Verdict("blocked", f"{wall} (HTTP {status})")
    if status >= 400:
        return Verdict("broken", f"HTTP {status}")
    if fetched.truncated:
        return Verdict("broken", f"larger than the {len(fetched.body) // 1024 // 1024 or 1} MiB cap, cut off")
    return None


@dataclass
class RobotsRules:
    """robots.txt of one origin. state: rules (parsed), absent (4xx: all allowed), blocked or unavailable (unknown)."""

    url: str
    state: str
    detail: str
    parser: OurGroupsRobotParser | None = None

    def allows(self, url: str) -> tuple[bool | None, str]:
        """(True, "") allowed; (False, why) disallowed; (None, why) not known because robots.txt could not be read."""
        if self.state == "absent":
            return True, ""
        if self.parser is None:
            return None, f"robots.txt {self.state}"
        if self.parser.allowed(url, ROBOTS_TOKEN):
            return True, ""
        refused = [t for t in self.parser.tokens if not self.parser.rp.can_fetch(url, t)]
        names = ["Scrapy" if t == "scrapy" else f"our user agent ({t})" for t in refused]
        return False, f"robots.txt disallows it for {' and '.join(names) or ROBOTS_TOKEN}"

    def crawl_delay(self) -> float | None:
        return self.parser.crawl_delay(ROBOTS_TOKEN) if self.parser else None


def read_robots(fetched: Fetched) -> tuple[RobotsRules, Verdict]:
    """How the crawler would read this robots.txt answer, and how the check reports the fetch."""
    if fetched.error:
        return RobotsRules(fetched.url, "unavailable", fetched.error), Verdict("broken", fetched.error)
    status = fetched.status or 0
    problem = http_verdict(fetched)
    if problem and problem.verdict == "blocked":
        return RobotsRules(fetched.url, "blocked", problem.detail), problem
    if 400 <= status < 500:
        detail = f"no robots.txt (HTTP {status}): everything allowed"
        return RobotsRules(fetched.url, "absent", detail), Verdict("ok", detail)
    if status >= 500 or status < 200 or status >= 300:
        detail = f"HTTP {status}: rules unknown, nothing fetched from this host"
        return RobotsRules(fetched.url, "unavailable", detail), Verdict("broken", detail)
    parser = OurGroupsRobotParser(fetched.body, None, ROBOTS_TOKEN)
    rules = RobotsRules(fetched.url, "rules", "", parser)
    notes = []
    delay = rules.crawl_delay()
    if delay:
        notes.append(f"crawl-delay {delay:g} s")
    sitemaps = list(parser.rp.sitemaps)
    if sitemaps:
        notes.append(f"declares {len(sitemaps)} sitemap(s): {', '.join(sitemaps[:3])}")
    if fetched.truncated:
        notes.append(f"longer than {ROBOTS_MAX_BYTES // 1024} KiB, read up to there")
    rules.detail = "; ".join(notes) or "parsed"
    return rules, Verdict("ok", rules.detail)


class DocumentError(ValueError):
    """A feed or sitemap that cannot be read as one."""


_SAFE_XML = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _xml_root(body: bytes) -> etree._Element:
    try:
        root = etree.fromstring(body.lstrip(), parser=etree.XMLParser(**_SAFE_XML))
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"not well-formed XML: {exc}") from exc
    if root is None:
        raise DocumentError("empty document")
    return root


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def read_feed(body: bytes) -> tuple[int, list[str]]:
    """Number of items of an RSS 2.0 / RSS 1.0 / Atom feed, and their links."""
    root = _xml_root(body)
    kind = _local(root).lower()
    if kind not in ("rss", "rdf", "feed"):
        raise DocumentError(f"not a feed (root element <{_local(root)}>)")
    links: list[str] = []
    count = 0
    for element in root.iter():
        if _local(element) not in ("item", "entry"):
            continue
        count += 1
        for child in element:
            if _local(child) == "link":
                link = (child.get("href") or child.text or "").strip()
                if link:
                    links.append(link)
                    break
    return count, links


def read_sitemap(body: bytes) -> tuple[str, int, list[str]]:
    """("urlset" | "sitemapindex", number of entries, their <loc>s)."""
    root = _xml_root(body)
    kind = _local(root)
    if kind not in ("urlset", "sitemapindex"):
        raise DocumentError(f"not a sitemap (root element <{kind}>)")
    entry = "url" if kind == "urlset" else "sitemap"
    locs: list[str] = []
    count = 0
    for element in root:
        if _local(element) != entry:
            continue
        count += 1
        for child in element:
            if _local(child) == "loc" and child.text and child.text.strip():
                locs.append(child.text.strip())
                break
    return kind, count, locs


def article_links(body: bytes, base_url: str, article_pattern: str) -> list[str]:
    """Links on a listing page that the source's article_pattern accepts (re.search, as the spider uses it)."""
    pattern = re.compile(article_pattern)
    links: list[str] = []
    for match in _HREF.finditer(body):
        url = urljoin(base_url, match.group(1).decode("utf-8", "replace"))
        if pattern.search(url) and url not in links:
            links.append(url)
    return links
