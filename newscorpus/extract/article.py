"""extract_article: one fetched HTML page in, the article fields of the `articles` table out.

Evidence is weighed in one order for every field: the source's configured selectors, then JSON-LD, then
OpenGraph / meta tags, then `<time>` elements, then patterns in the visible text, then trafilatura's guesses.
Bad input (empty, binary, no <body>, huge) never raises: it comes back as empty fields with quality flags.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import lxml.html

from newscorpus.extract.body import extract_body, select
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.bylines import Byline, extract_bylines, read_byline
from newscorpus.extract.credits import decide_credits
from newscorpus.extract.dateline import Dateline, cut_dateline
from newscorpus.extract.dates import PageDate, date_from_url, find_partial_date, find_written_dates, parse_date
from newscorpus.extract.document import parse_html
from newscorpus.extract.fields import ArticleFields
from newscorpus.extract.flags import (
    count_words,
    has_teaser_phrase,
    looks_like_listing,
    quality_flags,
    read_page_signals,
)
from newscorpus.extract.guesses import guess_author, guess_date, guess_section, guess_tags
from newscorpus.extract.language import detect_language
from newscorpus.extract.metadata import UPDATE_LABEL_PATTERN, PageMetadata, read_metadata
from newscorpus.extract.text_lines import element_lines, normalize_space
from newscorpus.extract.titles import choose_title
from newscorpus.sources import ExtractionRules

_DATELINE_SEARCH_LINES = 5  # a dateline further down is a quote, not the start of the story
_HEADER_SEARCH_LINES = 15
_STAMP_MAX_WORDS = 14  # "Jumat, 19 Mei 2023 | 14:05 WIB" is a stamp; a caption mentioning a date is prose
_FUTURE_TOLERANCE = timedelta(days=2)  # a "published" date later than this after the crawl is an event date
_DATE_ZONE_REACH = 80  # how far above the first body line the headline is looked for, to start the date zone
_ABOVE_TITLE_LINES = 3  # date stamps printed just above the headline ("Dec 12, 2025" / <h1>)
_REPUBLISH_WINDOW = timedelta(hours=1)  # declared published ~= modified: the CMS stamped a re-save, not the story
_UPDATE_LABEL = re.compile(UPDATE_LABEL_PATTERN, re.IGNORECASE)
_MONTH_FIRST_LANGUAGES = frozenset({"en", "en-us"})
_NAME_LINE_MAX_WORDS = 7
# a byline widget that puts the label and the name in separate elements: "by" / "Written by" / "Author", then the name
_LONE_BY_LABEL = re.compile(r"^\s*(?:(?:written|posted|words)\s+by|by|authors?|oleh|penulis)\s*:?\s*$", re.IGNORECASE)


def extract_article(
    html: str | bytes,
    url: str,
    *,
    rules: ExtractionRules | None = None,
    timezone: str = "UTC",
    crawl_date: date | None = None,
    default_language: str | None = None,
) -> ArticleFields:
    """The article fields of one page; `timezone` is the source's zone, used for times printed without one."""
    ZoneInfo(timezone)  # an unknown zone is a caller's mistake: fail before reading anything
    tree = parse_html(html)
    if tree is None:
        return _unreadable(default_language)
    meta = read_metadata(tree, url)
    page_lines = element_lines(_page_root(tree))
    signals = read_page_signals(tree, page_lines)
    body = extract_body(tree, url, rules)

    title = _rule_text(tree, rules.title if rules else None) or choose_title(
        declared=meta.titles,
        headings=meta.headings,
        html_title=meta.html_title,
        site_names=[meta.site_name or ""],
        url=url,
    )
    rule_caption = _rule_text(tree, rules.image_caption if rules else None)
    captions = meta.figure_captions + ([rule_caption] if rule_caption else [])
    teaser_in_body = has_teaser_phrase(body.lines)
    lines = remove_boilerplate(body.lines, title=title, captions=captions)
    first_paragraph = lines[0] if lines else ""
    preamble, lines, dateline = _split_at_dateline(lines)
    lines, body_byline = extract_bylines(lines)
    header = _header_lines(page_lines, title, lines)
    date_zone = _date_zone(page_lines, title, lines) or header
    byline = _read_header_bylines(date_zone + preamble)
    byline.merge(body_byline)
    credits = decide_credits(
        byline,
        metadata_authors=meta.authors,
        metadata_organisations=meta.author_organisations,
        metadata_editors=meta.editors,
        dateline_agency=dateline.agency if dateline else None,
        fallback_authors=lambda: guess_author(tree),
    )

    body_text = "\n\n".join(lines)
    word_count = count_words(body_text)
    published = _published(tree, url, meta, rules, date_zone, first_paragraph, timezone, crawl_date)
    modified = _first_date(meta.modified, timezone, None, None)
    is_listing = looks_like_listing(lines, word_count, signals, meta.has_listing_type)
    flags = quality_flags(
        word_count=word_count,
        has_title=bool(title),
        has_date=published is not None,
        is_listing=is_listing,
        teaser_in_body=teaser_in_body,
        paywalled=meta.paywalled,
        signals=signals,
    )
    image_url = meta.images[0] if meta.images else None
    return ArticleFields(
        title=title or None,
        lead=lines[0] if lines else (meta.descriptions[0] if meta.descriptions else None),
        body=body_text,
        authors=credits.authors,
        editors=credits.editors,
        agency=credits.agency,
        published_at=published.utc if published else None,
        modified_at=modified.utc if modified else None,
        tz_offset=published.offset if published else None,
        section=_first(meta.sections) or guess_section(tree),
        tags=_unique(meta.tags or guess_tags(tree)),
        language=detect_language(body_text, [*meta.language_hints, default_language]),
        word_count=word_count,
        image_url=image_url,
        image_caption=rule_caption or _first(meta.image_captions) or _article_caption(tree),
        dateline=dateline.place if dateline else None,
        quality_flags=flags,
        is_article="non_article" not in flags,
        canonical_link=meta.canonical_link,
    )


def _unreadable(default_language: str | None) -> ArticleFields:
    return ArticleFields(
        language=detect_language("", [default_language]),
        quality_flags=["short", "non_article", "no_date", "no_title"],
        is_article=False,
    )


def _page_root(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    body = tree.find("body")
    return body if body is not None else tree


def _rule_text(tree: lxml.html.HtmlElement, selector: str | None) -> str | None:
    if not selector:
        return None
    for element in select(tree, selector):
        text = normalize_space(" ".join(element_lines(element)))
        if text:
            return text
    return None


def _split_at_dateline(lines: list[str]) -> tuple[list[str], list[str], Dateline | None]:
    """(lines before the dateline, story lines, dateline): what precedes a dateline is page furniture."""
    for index, line in enumerate(lines[:_DATELINE_SEARCH_LINES]):
        rest, dateline = cut_dateline(line)
        if dateline is not None:
            return lines[:index], [rest, *lines[index + 1 :]], dateline
    return [], lines, None


def _header_lines(page_lines: list[str], title: str | None, body_lines: list[str]) -> list[str]:
    """Page lines between the headline and the first body line: where bylines and date stamps sit."""
    if not body_lines:
        return []
    probe = body_lines[0][:40]
    body_index = next((i for i, line in enumerate(page_lines) if probe in line), None)
    if body_index is None:
        return []
    start = max(0, body_index - _HEADER_SEARCH_LINES)
    if title:
        title_key = _key(title)
        for i in range(body_index - 1, start - 1, -1):
            if _key(page_lines[i]) == title_key:
                start = i + 1
                break
    return page_lines[start:body_index]


def _is_bare_name_line(line: str) -> bool:
    """A line holding only names ("Shannon Grilli", "Moses Kim and Kate Shokurova"), not a bio or a sentence."""
    return 0 < len(line.split()) <= _NAME_LINE_MAX_WORDS and not re.search(r"[,.;:|]\s", line)


def _date_zone(page_lines: list[str], title: str | None, body_lines: list[str]) -> list[str]:
    """Page lines from just above the headline down to the first body line: where the article prints its date.
    Wider than the byline header (the headline may sit far above the body, behind a summary box or a share bar,
    and some layouts print the date above the headline); empty when the headline is not found near the body."""
    if not body_lines or not title:
        return []
    probe = body_lines[0][:40]
    title_key = _key(title)
    # the first body line may repeat the headline's start ("The Best GPS Watches"): the headline is not the body
    body_index = next((i for i, line in enumerate(page_lines) if probe in line and _key(line) != title_key), None)
    if body_index is None:
        return []
    for i in range(body_index - 1, max(0, body_index - _DATE_ZONE_REACH) - 1, -1):
        if _key(page_lines[i]) == title_key:
            return page_lines[max(0, i - _ABOVE_TITLE_LINES) : body_index]
    return []


def _printed_dates(lines: list[str], timezone: str, *, month_first: bool) -> tuple[list[PageDate], list[PageDate]]:
    """(dates the stamps print, dates printed after an "Updated"/"Last modified" label) in reading order."""
    printed: list[PageDate] = []
    updates: list[PageDate] = []
    text = "\n".join(line for line in lines if len(line.split()) <= _STAMP_MAX_WORDS)  # not captions or prose
    for position, found in find_written_dates(text, timezone_name=timezone, month_first=month_first):
        label = re.split(r"\d{4}|\n", text[:position])[-1]  # the text since the previous date or line break
        (updates if _UPDATE_LABEL.search(label) else printed).append(found)
    return printed, updates


def _writes_month_first(language_hints: list[str]) -> bool:
    """US English pages print numeric dates month first ("3/4/2025" is March 4); the page's declared language
    (<html lang> first) decides. Plain "en" counts as US; British, Australian, Indian ... English do not."""
    lang = next((h for h in language_hints if h), "").strip().lower().replace("_", "-")
    return lang in _MONTH_FIRST_LANGUAGES


def _is_republish_stamp(meta: PageMetadata, timezone: str) -> bool:
    """True when the declared published and modified instants are the same moment: the CMS re-stamped the page
    (a migration or re-save), so the declared date says nothing about when the story appeared."""
    published = next((d for d in (parse_date(v, timezone_name=timezone) for v in meta.published) if d), None)
    modified = next((d for d in (parse_date(v, timezone_name=timezone) for v in meta.modified) if d), None)
    return published is not None and modified is not None and abs(published.utc - modified.utc) <= _REPUBLISH_WINDOW


def _read_header_bylines(lines: list[str]) -> Byline:
    byline = Byline()
    for index, line in enumerate(lines):
        parsed = read_byline(line, at_start=True)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if parsed is None and _LONE_BY_LABEL.match(line) and _is_bare_name_line(following):
            parsed = read_byline(f"By {following}", at_start=True)  # "by" and the name in separate elements
        if parsed is not None:
            byline.merge(parsed)
    return byline


def _published(
    tree: lxml.html.HtmlElement,
    url: str,
    meta: PageMetadata,
    rules: ExtractionRules | None,
    header: list[str],
    first_paragraph: str,
    timezone: str,
    crawl_date: date | None,
) -> PageDate | None:
    """Publication instant, best evidence first; dates far after the crawl are skipped (they are event dates)."""
    latest = datetime.combine(crawl_date, datetime.min.time()) + _FUTURE_TOLERANCE if crawl_date else None
    rule_values = []
    if rules is not None and rules.date:
        for element in select(tree, rules.date):
            rule_values += [v for v in (element.get("datetime"), element.get("content")) if v]
            rule_values.append(normalize_space(" ".join(element_lines(element))))
    printed, updates = _printed_dates(header, timezone, month_first=_writes_month_first(meta.language_hints))
    declared: list[str | PageDate | None] = [*meta.published, *rule_values]
    if meta.published and _is_republish_stamp(meta, timezone):
        # the page's printed date (or its article <time>) outranks a declared date that is only a re-save stamp
        declared = [*printed, *meta.printed_times, *declared]
    candidates: list[str | PageDate | None] = [
        *declared,
        *meta.time_elements,
        *printed,
        *updates,
        date_from_url(url, timezone_name=timezone),
        find_partial_date(first_paragraph, timezone_name=timezone, crawl_date=crawl_date),
    ]
    return _first_date(candidates, timezone, crawl_date, latest) or _first_date(
        [guess_date(tree, url, crawl_date)], timezone, crawl_date, latest
    )


def _first_date(candidates: list, timezone: str, crawl_date: date | None, latest: datetime | None) -> PageDate | None:
    for candidate in candidates:
        parsed = (
            candidate
            if isinstance(candidate, PageDate)
            else parse_date(candidate, timezone_name=timezone, crawl_date=crawl_date)
        )
        if parsed is None:
            continue
        if latest is not None and parsed.utc.replace(tzinfo=None) > latest:
            continue
        return parsed
    return None


def _article_caption(tree: lxml.html.HtmlElement) -> str | None:
    """The first <figcaption> inside the article; a lone one anywhere on the page."""
    captions = list(tree.iter("figcaption"))
    for caption in captions:
        if len(captions) == 1 or next(caption.iterancestors("article", "main"), None) is not None:
            text = normalize_space(caption.text_content())
            if text:
                return text
    return None


def _first(values: list[str]) -> str | None:
    return next((v.strip() for v in values if v and v.strip()), None)


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for value in values:
        key = value.strip().casefold()
        if key and key not in seen:
            seen.add(key)
            result.append(value.strip())
    return result


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
