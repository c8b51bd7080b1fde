"""Chooses the headline among the page's title candidates.

og:title and <title> usually carry the site name ("... - Koran Kota", "Kompas.com | ..."), and the <h1> is usually
the clean headline but is sometimes the site logo. The headline is the <h1> when a declared title confirms it or
when it is the page's only <h1>, otherwise the declared title with the site name cut off.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " / ", ": ")
_TRAIL_SEPARATORS = (" | ", " • ", " · ", " :: ")  # "Headline | Section | Site": two or more are a breadcrumb
_MAX_TITLE_WORDS = 40


def choose_title(
    *,
    declared: list[str],
    headings: list[str],
    html_title: str | None,
    site_names: list[str],
    url: str,
    fallback: str | None = None,
) -> str | None:
    """The headline, or None when the page names none."""
    sites = _site_keys(site_names, url)
    cleaned = [strip_site_name(t, sites) for t in declared if t]
    if html_title:
        cleaned.append(strip_site_name(html_title, sites))
    headings = [
        _strip_site_suffix(h, sites)
        for h in headings
        if 0 < len(h.split()) <= _MAX_TITLE_WORDS and _key(h) not in sites
    ]
    for heading in headings:
        key = _key(heading)
        if any(key and (_key(c) == key or _key(c).startswith(key) or key.startswith(_key(c))) for c in cleaned):
            return heading
    if len(headings) == 1 and len(headings[0].split()) >= 2:
        return headings[0]  # one visible headline beats an SEO title written for search results
    for candidate in [*cleaned[:1], *headings[:1], *cleaned[1:], fallback]:
        if candidate and candidate.strip() and _key(candidate) not in sites:
            return candidate.strip()
    return None


def strip_site_name(title: str, sites: set[str]) -> str:
    """ "Headline - Site" / "Site | Headline" -> "Headline" when the cut-off part names the site."""
    title = title.strip()
    for separator in _TRAIL_SEPARATORS:
        head, *trail = title.split(separator)
        if len(trail) >= 2 and len(head.split()) >= 3 and all(len(part.split()) <= 6 for part in trail):
            return head.strip()
    for separator in _SEPARATORS:
        if separator not in title:
            continue
        head, _, tail = title.rpartition(separator)
        if head.strip() and _is_site(tail, sites):
            return strip_site_name(head, sites)
        first, _, rest = title.partition(separator)
        if rest.strip() and _is_site(first, sites):
            return strip_site_name(rest, sites)
    return title


def _strip_site_suffix(heading: str, sites: set[str]) -> str:
    """An <h1> that carries the site name after the headline ("Headline – Site", "Headline | Section | Site"):
    only a trailing part is cut, since a headline may well start with a brand ("Redfin's 2026 Predictions: ...")."""
    heading = heading.strip()
    for separator in _TRAIL_SEPARATORS:
        head, *trail = heading.split(separator)
        if len(trail) >= 2 and len(head.split()) >= 3 and all(len(part.split()) <= 6 for part in trail):
            return head.strip()
    for separator in _SEPARATORS:
        head, found, tail = heading.rpartition(separator)
        if found and separator != ": " and len(head.split()) >= 2 and _is_site(tail, sites):
            return head.strip()
    return heading


def _site_keys(site_names: list[str], url: str) -> set[str]:
    keys = {_key(name) for name in site_names if name}
    host = urlsplit(url).hostname or ""
    labels = [label for label in host.split(".") if label not in {"www", "m", "amp", "com", "co", "id", "net", "org"}]
    keys.update(label for label in labels if len(label) > 2)
    return {k for k in keys if k}


def _is_site(part: str, sites: set[str]) -> bool:
    key = _key(part)
    if len(key) < 3 or len(part.split()) > 6:
        return False
    return any(key == site or key.startswith(site) or site.startswith(key) for site in sites if len(site) > 2)


def _key(text: str) -> str:
    return "".join(re.findall(r"\w+", text.casefold()))
