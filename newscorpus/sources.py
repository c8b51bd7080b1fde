"""The source registry: which outlets to crawl, how to discover their articles and how to read them.

Loaded from YAML and validated up front, so a typo fails when the config is read, naming the file, the source and
the field, and not halfway through a crawl. `${NAME}` in a string is replaced by the environment variable NAME
(the demo uses this for the ports of its local site); an unset variable is an error, never an empty string.

Enabling a real outlet is a deliberate act, enforced here so a flipped `enabled` flag alone never starts a crawl:
- a source that is enabled must not carry a `disabled_reason` (delete the reason when the reason is gone);
- a source that is enabled and reaches any public host must have `permission.verified: true` and
  `permission.checked_on: YYYY-MM-DD` (somebody read its robots.txt and terms, e.g. with `newscorpus sources
  check ID`, from a machine that reaches it). Hosts that can never be somebody else's outlet are exempt: loopback
  addresses and the names reserved for tests (localhost, *.localhost, *.test, *.example, *.invalid,
  example.com/.net/.org), i.e. the demo site and test fixtures.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")

_SOURCE_FIELDS = frozenset(
    {"id", "name", "country", "language", "timezone", "home", "allowed_domains", "discovery", "enabled",
     "disabled_reason", "permission", "extraction", "politeness", "max_pages", "min_articles", "min_words",
     "max_row_drop", "max_coverage_drop"}
)  # fmt: skip
_DISCOVERY_FIELDS = frozenset(
    {"feeds", "sitemaps", "sections", "article_pattern", "section_depth", "dated_index", "lookback_days",
     "sample_article"}
)  # fmt: skip
# RFC 2606 / RFC 6761 names: never anybody's outlet, so sources living only there need no permission record.
_RESERVED_SUFFIXES = (".localhost", ".test", ".example", ".invalid")
_RESERVED_NAMES = frozenset({"localhost", "example.com", "example.net", "example.org"})


class SourceConfigError(ValueError):
    """A source registry that cannot be used; the message names the file, the source and the field."""


@dataclass(frozen=True)
class ExtractionRules:
    """Per-source hints for the extractor; everything is optional, the generic extractor fills the gaps."""

    body: str | None = None  # CSS selector of the element that holds the article paragraphs
    title: str | None = None
    drop: tuple[str, ...] = ()  # CSS selectors removed before reading the body (menus, widgets, captions)
    image_caption: str | None = None
    date: str | None = None  # CSS selector of an element whose text holds the publication date
    # strptime formats the source prints its publication date in ("%d/%m/%Y %H:%M"), read from the `date` element
    # or, without one, from the lines under the headline; month names of any language the extractor knows
    date_format: tuple[str, ...] = ()


@dataclass(frozen=True)
class Politeness:
    """How gently to crawl one outlet; the defaults are what a news site should be glad to see."""

    download_delay: float = 1.0  # seconds between requests to the same host
    concurrency: int = 2  # simultaneous requests to the same host
    autothrottle: bool = True


@dataclass(frozen=True)
class DatedIndex:
    """A dated listing (`.../indeks?date={date}&page={page}`) that backfills read for one logical date."""

    url: str  # template with {date} (formatted with date_format) and optionally {page}
    date_format: str = "%Y-%m-%d"
    max_pages: int = 5


@dataclass(frozen=True)
class Permission:
    """What we know about whether the outlet allows collection; shipped with every real source."""

    terms_url: str | None = None
    robots_notes: str | None = None
    contact: str | None = None
    verified: bool = False  # somebody checked robots/terms from a machine that reaches the outlet
    checked_on: str | None = None  # YYYY-MM-DD of that check


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    language: str
    timezone: str
    home: str
    allowed_domains: tuple[str, ...]
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    article_pattern: str = r"."
    section_depth: int = 1  # how many listing pages deep section pages are followed (pagination included)
    dated_index: DatedIndex | None = None
    sample_article: str | None = None  # one known article URL: `sources check` asks robots.txt about it
    lookback_days: int = 1  # a run for date D also takes articles dated D-lookback_days .. D
    max_pages: int = 500
    country: str | None = None
    enabled: bool = True
    disabled_reason: str | None = None  # why a shipped source is off (terms, robots, unverified)
    permission: Permission = field(default_factory=Permission)
    extraction: ExtractionRules = field(default_factory=ExtractionRules)
    politeness: Politeness = field(default_factory=Politeness)
    min_articles: int = 1  # the gate quarantines a partition with fewer articles
    min_words: int = 80  # the gate quarantines a partition where most articles are shorter
    max_row_drop: float = 0.5  # ... or with this share fewer articles than its trailing average
    max_coverage_drop: float = 0.3  # ... or whose date/byline/image coverage fell this much below its baseline

    def to_dict(self) -> dict[str, Any]:
        """A plain dict that survives JSON (XCom, subprocess arguments)."""
        from dataclasses import asdict

        return asdict(self)


def _expand_env(value: Any, where: str) -> Any:
    if isinstance(value, str):

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in os.environ:
                raise SourceConfigError(f"{where}: environment variable {name} is not set")
            return os.environ[name]

        return _ENV_REF.sub(replace, value)
    if isinstance(value, list):
        return [_expand_env(v, where) for v in value]
    if isinstance(value, dict):
        return {k: _expand_env(v, f"{where}.{k}") for k, v in value.items()}
    return value


# The crawl_runs column holding, as JSON, the registry entry a run used (see permission_record).
PERMISSION_COLUMN = "source_permission"


def permission_record(source: Source) -> dict[str, Any]:
    """The registry's facts about a source's permission, stored as JSON in its run's crawl_runs row: kept with the data,
    they still say under which terms it was collected when the registry has moved, changed or is not at hand."""
    p = source.permission
    record = {
        "name": source.name, "home": source.home, "terms_url": p.terms_url, "robots_notes": p.robots_notes,
        "contact": p.contact, "verified": p.verified, "checked_on": p.checked_on, "enabled": source.enabled,
        "disabled_reason": source.disabled_reason,
    }  # fmt: skip
    return record


def _str_tuple(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourceConfigError(f"{where}: field '{key}' must be a list of strings")
    return tuple(value)


def _date_formats(raw: dict[str, Any], where: str) -> tuple[str, ...]:
    """The `date_format` list, each format checked now: it must name a day, a month and a year, and read back
    what it writes (a typo such as "%d/%m/%Q" fails here, not silently on every page)."""
    formats = _str_tuple(raw, "date_format", where)
    sample = dt.datetime(2026, 8, 3, 17, 53, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    for date_format in formats:
        codes = set(re.findall(r"%(.)", date_format))
        if not ({"d"} <= codes and codes & {"m", "b", "B"} and codes & {"Y", "y"}):
            raise SourceConfigError(
                f"{where}: field 'date_format' {date_format!r} needs a day (%d), a month (%m, %b or %B) and a year "
                "(%Y or %y)"
            )
        try:
            dt.datetime.strptime(sample.strftime(date_format), date_format)
        except ValueError as exc:
            message = f"{where}: field 'date_format' {date_format!r} is not a usable format: {exc}"
            raise SourceConfigError(message) from exc
    return formats


def _parse_source(raw: Any, where: str) -> Source:
    if not isinstance(raw, dict):
        raise SourceConfigError(f"{where}: each source must be a mapping")
    source_id = raw.get("id")
    if not isinstance(source_id, str) or not SOURCE_ID.match(source_id):
        raise SourceConfigError(
            f"{where}: field 'id' must match {SOURCE_ID.pattern} (lower-case letters, digits, '-', '_'), "
            f"got {source_id!r}"
        )
    where = f"{where} (id={source_id})"
    unknown = set(raw) - _SOURCE_FIELDS
    if unknown:
        raise SourceConfigError(f"{where}: unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    raw = _expand_env(raw, where)
    for required in ("name", "language", "timezone", "home"):
        if not isinstance(raw.get(required), str) or not raw[required]:
            raise SourceConfigError(f"{where}: field '{required}' is required and must be a string")
    try:
        ZoneInfo(raw["timezone"])
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SourceConfigError(f"{where}: field 'timezone' is not a known time zone: {raw['timezone']!r}") from exc
    if not re.match(r"^https?://", raw["home"]):
        raise SourceConfigError(f"{where}: field 'home' must be an http(s) URL, got {raw['home']!r}")
    discovery = raw.get("discovery", {}) or {}
    if not isinstance(discovery, dict):
        raise SourceConfigError(f"{where}: field 'discovery' must be a mapping")
    unknown = set(discovery) - _DISCOVERY_FIELDS
    if unknown:
        raise SourceConfigError(f"{where}: unknown field(s) in 'discovery': {', '.join(sorted(map(str, unknown)))}")
    sample_article = discovery.get("sample_article")
    if sample_article is not None and not re.match(r"^https?://", str(sample_article)):
        raise SourceConfigError(f"{where}: field 'discovery.sample_article' must be an http(s) URL")
    article_pattern = discovery.get("article_pattern", r".")
    try:
        re.compile(article_pattern)
    except re.error as exc:
        raise SourceConfigError(f"{where}: field 'discovery.article_pattern' is not a valid regex: {exc}") from exc
    extraction_raw = raw.get("extraction", {}) or {}
    if not isinstance(extraction_raw, dict):
        raise SourceConfigError(f"{where}: field 'extraction' must be a mapping")
    unknown = set(extraction_raw) - {"body", "title", "drop", "image_caption", "date", "date_format"}
    if unknown:
        raise SourceConfigError(f"{where}: unknown field(s) in 'extraction': {', '.join(sorted(unknown))}")
    extraction = ExtractionRules(
        body=extraction_raw.get("body"),
        title=extraction_raw.get("title"),
        drop=_str_tuple(extraction_raw, "drop", f"{where}.extraction"),
        image_caption=extraction_raw.get("image_caption"),
        date=extraction_raw.get("date"),
        date_format=_date_formats(extraction_raw, f"{where}.extraction"),
    )
    politeness_raw = raw.get("politeness", {}) or {}
    if not isinstance(politeness_raw, dict):
        raise SourceConfigError(f"{where}: field 'politeness' must be a mapping")
    unknown = set(politeness_raw) - {"download_delay", "concurrency", "autothrottle"}
    if unknown:
        raise SourceConfigError(f"{where}: unknown field(s) in 'politeness': {', '.join(sorted(unknown))}")
    delay = politeness_raw.get("download_delay", 1.0)
    concurrency = politeness_raw.get("concurrency", 2)
    if not isinstance(delay, int | float) or delay < 0:
        raise SourceConfigError(f"{where}: field 'politeness.download_delay' must be a number >= 0")
    if not isinstance(concurrency, int) or concurrency < 1:
        raise SourceConfigError(f"{where}: field 'politeness.concurrency' must be an integer >= 1")
    politeness = Politeness(float(delay), concurrency, bool(politeness_raw.get("autothrottle", True)))
    for name in ("max_row_drop", "max_coverage_drop"):
        if name in raw and (not isinstance(raw[name], int | float) or not 0 <= raw[name] <= 1):
            raise SourceConfigError(f"{where}: field '{name}' must be a number between 0 and 1")
    for name in ("max_pages", "min_articles", "min_words"):
        if name in raw and (not isinstance(raw[name], int) or raw[name] < 0):
            raise SourceConfigError(f"{where}: field '{name}' must be a non-negative integer")
    dated_index = _parse_dated_index(discovery.get("dated_index"), where)
    permission = _parse_permission(raw.get("permission"), where)
    for name in ("section_depth", "lookback_days"):
        if name in discovery and (not isinstance(discovery[name], int) or discovery[name] < 0):
            raise SourceConfigError(f"{where}: field 'discovery.{name}' must be a non-negative integer")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise SourceConfigError(f"{where}: field 'enabled' must be true or false")
    disabled_reason = raw.get("disabled_reason")
    if disabled_reason is not None and not isinstance(disabled_reason, str):
        raise SourceConfigError(f"{where}: field 'disabled_reason' must be a string")
    allowed = _str_tuple(raw, "allowed_domains", where)
    if not allowed:
        raise SourceConfigError(f"{where}: field 'allowed_domains' must name at least one host")
    if enabled:
        _check_deliberately_enabled(raw["home"], allowed, disabled_reason, permission, where)
    return Source(
        id=source_id,
        name=raw["name"],
        language=raw["language"],
        timezone=raw["timezone"],
        home=raw["home"].rstrip("/") + "/",
        allowed_domains=allowed,
        feeds=_str_tuple(discovery, "feeds", f"{where}.discovery"),
        sitemaps=_str_tuple(discovery, "sitemaps", f"{where}.discovery"),
        sections=_str_tuple(discovery, "sections", f"{where}.discovery"),
        article_pattern=article_pattern,
        section_depth=discovery.get("section_depth", 1),
        dated_index=dated_index,
        sample_article=sample_article,
        lookback_days=discovery.get("lookback_days", 1),
        max_pages=raw.get("max_pages", 500),
        country=raw.get("country"),
        enabled=enabled,
        disabled_reason=disabled_reason,
        permission=permission,
        extraction=extraction,
        politeness=politeness,
        min_articles=raw.get("min_articles", 1),
        min_words=raw.get("min_words", 80),
        max_row_drop=float(raw.get("max_row_drop", 0.5)),
        max_coverage_drop=float(raw.get("max_coverage_drop", 0.3)),
    )


def is_fixture_host(host: str) -> bool:
    """True for a host that cannot be a real outlet: a loopback address or a name reserved for tests."""
    host = host.strip().strip("[]").rstrip(".").lower()
    host = host.rsplit(":", 1)[0] if host.count(":") == 1 else host  # drop a port, keep bare IPv6
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in _RESERVED_NAMES or host.endswith(_RESERVED_SUFFIXES)


def _check_deliberately_enabled(
    home: str, allowed: tuple[str, ...], disabled_reason: str | None, permission: Permission, where: str
) -> None:
    """The rule at the top of this module: enabling takes the permission record, not only `enabled: true`."""
    how = (
        "to enable it, check its robots.txt and terms (newscorpus sources check ID), then set "
        "permission.verified: true and permission.checked_on: YYYY-MM-DD and delete disabled_reason; "
        "otherwise set enabled: false"
    )
    if disabled_reason is not None:
        raise SourceConfigError(
            f"{where}: field 'disabled_reason': the source is enabled but still says why it is off "
            f"({disabled_reason!r}); {how}"
        )
    from urllib.parse import urlsplit

    hosts = [urlsplit(home).hostname or "", *allowed]
    if all(is_fixture_host(h) for h in hosts) or (permission.verified and permission.checked_on):
        return
    raise SourceConfigError(
        f"{where}: field 'permission.verified': the source is enabled but its permission is not verified "
        f"(verified: {str(permission.verified).lower()}, checked_on: {permission.checked_on or 'unset'}); {how}"
    )


def _parse_dated_index(raw: Any, where: str) -> DatedIndex | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise SourceConfigError(f"{where}: field 'discovery.dated_index' must be a mapping with 'url'")
    unknown = set(raw) - {"url", "date_format", "max_pages"}
    if unknown:
        raise SourceConfigError(f"{where}: unknown field(s) in 'discovery.dated_index': {', '.join(sorted(unknown))}")
    url = raw.get("url")
    if not isinstance(url, str) or "{date}" not in url:
        raise SourceConfigError(f"{where}: field 'discovery.dated_index.url' must be a template containing {{date}}")
    max_pages = raw.get("max_pages", 5)
    if not isinstance(max_pages, int) or max_pages < 1:
        raise SourceConfigError(f"{where}: field 'discovery.dated_index.max_pages' must be an integer >= 1")
    date_format = raw.get("date_format", "%Y-%m-%d")
    if not isinstance(date_format, str):
        raise SourceConfigError(f"{where}: field 'discovery.dated_index.date_format' must be a strftime string")
    return DatedIndex(url=url, date_format=date_format, max_pages=max_pages)


def _parse_permission(raw: Any, where: str) -> Permission:
    if raw is None:
        return Permission()
    if not isinstance(raw, dict):
        raise SourceConfigError(f"{where}: field 'permission' must be a mapping")
    unknown = set(raw) - {"terms_url", "robots_notes", "contact", "verified", "checked_on"}
    if unknown:
        raise SourceConfigError(f"{where}: unknown field(s) in 'permission': {', '.join(sorted(unknown))}")
    raw = dict(raw)
    if isinstance(raw.get("checked_on"), dt.date):  # YAML reads an unquoted 2026-11-20 as a date
        raw["checked_on"] = raw["checked_on"].isoformat()
    for name in ("terms_url", "robots_notes", "contact", "checked_on"):
        if raw.get(name) is not None and not isinstance(raw[name], str):
            raise SourceConfigError(f"{where}: field 'permission.{name}' must be a string")
    if not isinstance(raw.get("verified", False), bool):
        raise SourceConfigError(f"{where}: field 'permission.verified' must be true or false")
    checked_on = raw.get("checked_on")
    if checked_on is not None:
        try:
            day = dt.date.fromisoformat(checked_on)
        except ValueError as exc:
            raise SourceConfigError(f"{where}: field 'permission.checked_on' must be a date YYYY-MM-DD") from exc
        if day > dt.date.today() + dt.timedelta(days=1):
            raise SourceConfigError(f"{where}: field 'permission.checked_on' is in the future: {checked_on}")
    if raw.get("verified") and checked_on is None:
        raise SourceConfigError(
            f"{where}: field 'permission.checked_on' is required when permission.verified is true (YYYY-MM-DD)"
        )
    return Permission(
        terms_url=raw.get("terms_url"),
        robots_notes=raw.get("robots_notes"),
        contact=raw.get("contact"),
        verified=raw.get("verified", False),
        checked_on=raw.get("checked_on"),
    )


def load_sources(path: Path | str, *, include_disabled: bool = False) -> list[Source]:
    """Read and validate the registry; raises SourceConfigError with file, source and field on bad input."""
    path = Path(path)
    if not path.exists():
        raise SourceConfigError(f"{path}: source registry not found (set NEWSCORPUS_SOURCES)")
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SourceConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("sources"), list):
        raise SourceConfigError(f"{path}: expected a mapping with a 'sources' list")
    sources = [_parse_source(raw, f"{path}: sources[{i}]") for i, raw in enumerate(document["sources"])]
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            raise SourceConfigError(f"{path}: source id {source.id!r} appears twice")
        seen.add(source.id)
    return [s for s in sources if include_disabled or s.enabled]


def source_from_dict(raw: dict[str, Any]) -> Source:
    """Rebuild a Source from Source.to_dict() output (the shape that crosses XCom and process boundaries)."""
    raw = dict(raw)
    extraction = dict(raw.pop("extraction", {}) or {})
    extraction["drop"] = tuple(extraction.get("drop", ()))
    extraction["date_format"] = tuple(extraction.get("date_format", ()))
    politeness = Politeness(**(raw.pop("politeness", {}) or {}))
    permission = Permission(**(raw.pop("permission", {}) or {}))
    dated_index = raw.pop("dated_index", None)
    raw["dated_index"] = DatedIndex(**dated_index) if dated_index else None
    for key in ("allowed_domains", "feeds", "sitemaps", "sections"):
        raw[key] = tuple(raw.get(key, ()))
    return Source(extraction=ExtractionRules(**extraction), politeness=politeness, permission=permission, **raw)
