"""Chooses the headline among the page's title candidates.

og:title and <title> usually carry the site name ("... - Koran Kota", "Kompas.com | ..."), and the <h1> is usually
the clean headline but is sometimes the site logo. The headline is the <h1> when a declared title confirms it or
when it is the page's only <h1>, otherwise the declared title with the site name cut off.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from newscorpus.extract.stamp_labels import HOST_NAME_ANY_TLD

# the headline and the site's name in a <title>: "Headline | Site", "Headline - Site", "Site – Headline"
TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*[|»]\s*")

_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " / ", ": ")
_TRAIL_SEPARATORS = (" | ", " • ", " · ", " :: ", " » ")  # "Headline | Section | Site": two or more are a breadcrumb
_MAX_TITLE_WORDS = 40
_BOARD_NAME_TAIL = re.compile(r"(?<=\S)\s+>\s+[^>|]{1,20}(?:\s+\|\s+[^>|]{1,40})?$")  # "… > 공지사항 | 대성정밀"
_BREADCRUMB_STEPS = 2
# a short run of Han (and kana) characters after a bare "-", "_" or "｜" ending a <title>
_CJK_SITE_SUFFIX = re.compile(r"[-_｜|](?P<site>[\u3040-\u30ff\u4e00-\u9fff]{2,10})$")
_CJK_HEADLINE_MIN_CHARS = 8
_QUALIFIER_SEPARATORS = (" - ", " – ", " — ", " | ")
_MAX_QUALIFIER_WORDS = 5
# what aggregators print after a linked headline: the source's domain and a comment count
_ATTRIBUTION_TAIL = re.compile(rf"^\s*\(?{HOST_NAME_ANY_TLD}\)?(?:\s+\d+)?\s*$", re.IGNORECASE)
# a site's host name printed before the headline without a separator: "davidbau.com Vibe Coding"
_LEADING_HOST = re.compile(rf"^(?P<host>{HOST_NAME_ANY_TLD})\s+(?=\S)", re.IGNORECASE)


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
    cleaned = [_without_board_name(strip_site_name(t, sites)) for t in declared if t]
    if html_title:
        cleaned.append(_without_board_name(strip_site_name(html_title, sites)))
    headings = [
        _without_board_name(_strip_site_suffix(h, sites))
        for h in headings
        if 0 < len(h.split()) <= _MAX_TITLE_WORDS
        and name_key(h) not in sites
        and not h.rstrip().endswith(":")
        and h.count(" > ") < _BREADCRUMB_STEPS  # "HOME > 고객센터 > 공지사항": a breadcrumb, not a headline
    ]
    for heading in headings:
        key = name_key(heading)
        for candidate in cleaned:
            other = name_key(candidate)
            if (
                key
                and other
                and key != other
                and key.startswith(other)
                and (
                    _ATTRIBUTION_TAIL.match(heading[len(candidate) :])
                    or (heading.startswith(candidate) and _ends_with_site(heading[len(candidate) :], html_title, sites))
                )
            ):
                # "Headline (latimes.com) 87": an aggregator's source and count; "Headline Ultima Hora Mallorca": the
                # site's home link printed inside the <h1>, the name its <title> ends with
                return _cut_qualifier(candidate)
        if any(
            key and (name_key(c) == key or name_key(c).startswith(key) or key.startswith(name_key(c))) for c in cleaned
        ):
            return _cut_qualifier(heading)
    if len(headings) == 1 and len(headings[0].split()) >= 2:
        return _cut_qualifier(headings[0])  # one visible headline beats an SEO title written for search results
    for candidate in [*cleaned[:1], *headings[:1], *cleaned[1:], fallback]:
        if candidate and candidate.strip() and name_key(candidate) not in sites:
            return _cut_qualifier(_untruncated(candidate.strip(), cleaned))
    return None


def _ends_with_site(rest: str, html_title: str | None, sites: set[str]) -> bool:
    key = name_key(rest)
    return bool(key and html_title and name_key(html_title).endswith(key) and _is_site(rest, sites, whole=True))


def _untruncated(title: str, candidates: list[str]) -> str:
    """og:title is often cut at a fixed length ("... Find Solutions (Including"); when another candidate (the
    <title>) continues it, the longer one is the headline."""
    key = name_key(title)
    longer = [
        c
        for c in candidates
        if len(name_key(c)) > len(key) and name_key(c).startswith(key) and not _continues_after_separator(c, title)
    ]
    return max(longer, key=len).strip() if key and longer else title


def _continues_after_separator(longer: str, title: str) -> bool:
    """ "Headline - Site - Tagline" extends "Headline" with a site name, not with the rest of a cut headline."""
    rest = longer.strip()[len(title.strip()) :].lstrip()
    return not rest or rest[0] in "-–—|:·•»/"


# a headline's source after a dash, as Philippine and Indian papers print it: "… before rainy season — MMDA"
_SOURCE_ACRONYM = re.compile(r"[A-Z]{3,8}")


def _cut_qualifier(title: str) -> str:
    """ "Wedding Planning Tools – Caterer Comparison Spreadsheet" -> "Wedding Planning Tools": a short capitalised
    tag after a dash or bar (a format, a part number, an SEO promise) qualifies the headline and is not part of
    it. A tail that continues the sentence ("— and It May ...") or outweighs the head stays."""
    for separator in _QUALIFIER_SEPARATORS:
        head, found, tail = title.partition(separator)
        head_words, tail_words = re.findall(r"\w+", head), re.findall(r"\w+", tail)
        if (
            found
            and len(head_words) >= 3
            and 0 < len(tail_words) <= min(_MAX_QUALIFIER_WORDS, len(head_words))
            and (tail.strip()[0].isupper() or tail.strip()[0].isdigit())
            and separator not in tail
            and not _SOURCE_ACRONYM.fullmatch(tail.strip())
        ):
            return head.strip()
    return title


def _without_board_name(title: str) -> str:
    """ "3월 18일(월)부터 외래 진료시간 변경 안내 > 공지사항" -> the post's subject: Korean board software (Gnuboard)
    titles a post "subject > board name" in its <title> and its hidden <h1>."""
    return _BOARD_NAME_TAIL.sub("", title) if " > " in title else title


def strip_site_name(title: str, sites: set[str]) -> str:
    """ "Headline - Site" / "Site | Headline" -> "Headline" when the cut-off part names the site."""
    title = title.strip()
    leading = _LEADING_HOST.match(title)
    if leading and name_key(leading.group("host")) in sites:
        title = title[leading.end() :]
    for separator in _TRAIL_SEPARATORS:
        head, *trail = title.split(separator)
        if len(trail) >= 2 and len(head.split()) >= 3 and all(len(part.split()) <= 6 for part in trail):
            return head.strip()
        *crumbs, last = title.split(separator)
        if (
            len(crumbs) >= 2
            and len(last.split()) >= 3
            and (_is_site(crumbs[0], sites) or _spells_site(crumbs[0], sites))
        ):
            return last.strip()  # "Site :: Section :: Headline", a breadcrumb from the site down
    for separator in _SEPARATORS:
        if separator not in title:
            continue
        head, _, tail = title.rpartition(separator)
        if head.strip() and _is_site(tail, sites):
            return strip_site_name(head, sites)
        first, _, rest = title.partition(separator)
        # "Bhopal: Upper Lake ..." on bhopalsamachar24.in: a place that only begins the site's name opens a headline
        if rest.strip() and _is_site(first, sites, whole=separator == ": "):
            # "Bhopal Samachar 24: Bhopal: Upper Lake ...": after the site's name, a place's is the headline's own
            return rest.strip() if separator == ": " else strip_site_name(rest, sites)
    return _without_cjk_site_suffix(title)


def _without_cjk_site_suffix(title: str) -> str:
    """ "成都地铁…直达-西部在线", "标题_新浪新闻": Chinese and Japanese sites join the site's name with a bare dash or
    underscore, and the name is in Han script where the address is Latin (pinyin), so no site key matches it."""
    match = _CJK_SITE_SUFFIX.search(title)
    return title[: match.start()].strip() if match and match.start() >= _CJK_HEADLINE_MIN_CHARS else title


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
    keys = {name_key(name) for name in site_names if name}
    host = urlsplit(url).hostname or ""
    keys.add(name_key(host.removeprefix("www.")))  # an <h1> logo that prints the host: "davidbau.com"
    labels = [label for label in host.split(".") if label not in {"www", "m", "amp", "com", "co", "id", "net", "org"}]
    keys.update(label for label in labels if len(label) > 2)
    return {k for k in keys if k}


def _is_site(part: str, sites: set[str], *, whole: bool = False) -> bool:
    """The part names the site: it is a site key, begins with one, or (unless `whole`) begins one."""
    key = name_key(part)
    if len(key) < 3 or len(part.split()) > 6:
        return False
    return any(
        key == site or key.startswith(site) or (not whole and site.startswith(key)) for site in sites if len(site) > 2
    )


def _spells_site(part: str, sites: set[str]) -> bool:
    """Most of the part's words are in a site key: "The Marlow County Courier-Press" on marlowcourierpress.com."""
    words = [word for word in re.findall(r"\w{3,}", part.casefold()) if word != "the"]
    found = sum(any(word in site for site in sites) for word in words)
    return bool(words) and found * 2 > len(words)


def folded_key(text: str) -> str:
    """A name as compared with an address or a slug: its letters and digits, case- and accent-folded
    ("Martínez" == "martinez")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def name_key(text: str) -> str:
    """A name as compared with others: its letters and digits, case-folded ("Koran Kota" == "korankota.")."""
    return "".join(re.findall(r"\w+", text.casefold()))
