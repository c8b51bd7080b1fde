"""extract_article: one fetched HTML page in, the article fields of the `articles` table out.

Evidence is weighed in one order for every field: the source's configured selectors, then JSON-LD, then
OpenGraph / meta tags, then `<time>` elements, then patterns in the visible text, then trafilatura's guesses.
Bad input (empty, binary, no <body>, huge) never raises: it comes back as empty fields with quality flags.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import lxml.html

from newscorpus.extract.author_bio import author_from_closing_bio, without_closing_bio, without_name_lines
from newscorpus.extract.body import extract_body, select
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.bylines import (
    POSTED_BY_LABEL,
    closing_credits,
    closing_editors,
    extract_bylines,
    read_byline,
    wire_credits,
)
from newscorpus.extract.credit_names import JOB_TITLE, ORGANISATION_WORD, Byline, looks_like_name
from newscorpus.extract.credits import decide_credits, split_names
from newscorpus.extract.date_formats import parse_with_formats
from newscorpus.extract.dateline import Dateline, cut_dateline
from newscorpus.extract.dates import (
    MONTHS,
    PageDate,
    date_from_url,
    find_partial_date,
    find_relative_date,
    find_written_dates,
    is_stamp_only,
    parse_date,
    parse_short_stamp,
    to_page_date,
)
from newscorpus.extract.document import parse_html
from newscorpus.extract.fields import ArticleFields
from newscorpus.extract.flags import (
    count_words,
    has_teaser_phrase,
    looks_like_listing,
    quality_flags,
    read_page_signals,
)
from newscorpus.extract.guesses import (
    author_from_avatar,
    author_from_data_layer,
    author_from_links,
    author_from_site_name,
    author_from_user_page_link,
    guess_author,
    guess_date,
    guess_printed_date,
    guess_section,
    guess_tags,
)
from newscorpus.extract.language import detect_language
from newscorpus.extract.metadata import UPDATE_LABEL_PATTERN, PageMetadata, read_metadata
from newscorpus.extract.republication import conversation_authors
from newscorpus.extract.site_owner import author_from_site_owner
from newscorpus.extract.stamp_labels import STAMP_LABEL_WORDS, STAMP_LEAD_IN, WEEKDAY_WORDS
from newscorpus.extract.text_lines import element_lines, lines_below_story, normalize_space
from newscorpus.extract.titles import choose_title, folded_key
from newscorpus.extract.words import SENTENCE_ENDS
from newscorpus.extract.zones import format_offset, parse_offset
from newscorpus.sources import ExtractionRules

_CLOSING_CREDIT_LINES = 4  # the story box's credit lines under the text ("(tirto.id - Humaniora)" / "Penulis: X")
_DATELINE_SEARCH_LINES = 5  # a dateline further down is a quote, not the start of the story
_HEADER_SEARCH_LINES = 15
_STAMP_MAX_WORDS = 14  # "Jumat, 19 Mei 2023 | 14:05 WIB" is a stamp; a caption mentioning a date is prose
_FUTURE_TOLERANCE = timedelta(days=2)  # a "published" date later than this after the crawl is an event date
_DATE_ZONE_REACH = 80  # how far above the first body line the headline is looked for, to start the date zone
_ABOVE_TITLE_LINES = 3  # date stamps printed just above the headline ("Dec 12, 2025" / <h1>)
_STAMP_SENTENCES_MAX_WORDS = 16  # a short line of labelled stamps read piece by piece at each label
# a press release's or a wire story's dateline: "CHICAGO (March 3, 2024) –", "WORCESTER, Mass., March 5, 2024
# /PRNewswire/ --"
_DATELINE_MAX_CHARS = 80
_DATELINE_PLACE_MAX_WORDS = 4
_DATELINE_STAMP_MAX_WORDS = 7  # "March 5, 2024 /PRNewswire/", "March 3, 2024 10:00 a.m. ET)"
_DATELINE_DASH = re.compile(r"\s(?:-{1,2}|–|—)\s")
# words of a phrase, not of a name, in a capitalised label beside a stamp: "FOR IMMEDIATE RELEASE · October 8, 2025"
_PHRASE_WORDS = frozenset({"for", "the", "to", "of", "and", "in", "on", "at", "from", "with", "a", "an", "now", "new"})
# "Written by … | Fact checked by … | Updated …", "Inquirer / 01:30 AM March 05, 2025": each piece a stamp's length
_STAMP_PARTS = re.compile(r"\s+[|·•/]\s+")
# "Sun 21 May 2023 00.20 BST Last modified on Sun 21 May 2023 09.02 BST": a stamp and its update in one line
_UPDATE_PARTS = re.compile(rf"\s+(?=(?:last\s+)?{UPDATE_LABEL_PATTERN})", re.IGNORECASE)
_LABEL_PARTS = re.compile(rf"\s+(?={STAMP_LEAD_IN}?{STAMP_LABEL_WORDS}\b)", re.IGNORECASE)
_DASH_PARTS = re.compile(r"\s+[—–]\s+")  # "Written by … — Medically reviewed by … — Updated on June 30, 2023"
_LABEL_TO_DATE_WORDS = 3  # "This entry was posted on Wednesday, November 5th, 2025 at …": the date right after a label
_KICKER_LINES = 2  # lines a body may hold above its headline ("Learning Center" / headline / stamp / story)
_DEK_MAX_WORDS = 60  # a dek is a sentence or two; a longer first paragraph over a byline is the story's own
_META_BLOCK_LINES = 12  # page lines a byline, its stamps and a lead photo's caption put between a dek and the story
_NAME_LINES_BEFORE_META = 2  # a bare writer's name and a photo credit may print above a dek's date stamp
_NAME_LINE_MAX_WORDS = 6
_LEADING_COUNT_LINES = 3
_BARE_COUNT = re.compile(r"\d[\d.,]*\s?[KkMm]?")  # "642", "1.2K"
_LEADING_STAMP_LINES = 2  # stamp lines a body may open with ("Published …", then "Updated …")
_SAME_MINUTE = timedelta(seconds=60)  # a printed stamp (no seconds) and a declared instant of the same moment
# a wall-clock `<time datetime>` with nothing after it: no "Z", no offset, no "UTC"
_LOCAL_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?")
_ZONED_TIMESTAMP = re.compile(rf"{_LOCAL_TIMESTAMP.pattern}\s*[+-]\d{{2}}:?\d{{2}}")
_QUARTER_HOUR = timedelta(minutes=15)  # every UTC offset in use is a whole number of quarter hours
# the UTC offsets zones use, in quarter hours: whole hours from -12 to +14, the half hours of India, Iran,
# Newfoundland, Myanmar, central Australia and the Marquesas, and Nepal's, Eucla's and the Chatham Islands' :45
_OFFSETS_IN_USE = frozenset(
    [h * 4 for h in range(-12, 15) if h] + [q * 2 for q in (-19, -7, 7, 9, 11, 13, 19, 21)] + [23, 35, 51]
)
_OFFSET_RANGE = (timedelta(hours=-12), timedelta(hours=14))  # the clocks of the world, from UTC
_ADJACENT_DAY = timedelta(hours=36)  # a padded midnight and a precise stamp this close are the same publication
# declared published = modified to within a save's lag: the CMS stamped a re-save or a migration, not the story (a
# modification 20 minutes after publication is an editor's fix, and the declared publication stands)
_REPUBLISH_WINDOW = timedelta(minutes=2)
_STAMP_LINE_MAX_CHARS = 60
_LINE_BREAKS = re.compile(r"\s*[\r\n]\s*")
_UPDATE_LABEL = re.compile(UPDATE_LABEL_PATTERN, re.IGNORECASE)
# a stamp labelled with a date after the story's first appearance: "Last updated: …", "Reviewed on …"
_LATER_STAMP_LABEL = re.compile(
    rf"^\W*{STAMP_LEAD_IN}?(?:{UPDATE_LABEL_PATTERN}|(?:medically\s+|last\s+)?reviewed\b)", re.IGNORECASE
)
# "By Lisa Jennings on Dec. 19, 2025", "By Sarah Schwartz — November 18, 2025": names, then at once a date
_BYLINE_THEN_DATE = re.compile(
    r"\bBy\s+(?P<names>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s+(?:and|&)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?)"
    r"(?:\s+on\s+|\s*[|·•—–,-]\s*|\s+)(?=\d{1,2}\s+[A-Z][a-z]|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{4}-\d{2}-\d{2})"
)
# "Last updated: November 13, 2025", "Published on 3 June 2024", "Diperbarui 19 Mei 2023", "Date published:",
# "Page last reviewed:", "Originally published on …", "Veröffentlicht am …": a stamp's own label
_STAMP_LABEL = re.compile(rf"^\W*{STAMP_LEAD_IN}?(?:{STAMP_LABEL_WORDS}|(?:last\s+)?reviewed)\b", re.IGNORECASE)
# the label alone, its date in the next element: "Date published:" / "3 November 2025" (a <dt> and its <dd>)
_LONE_STAMP_LABEL = re.compile(rf"{_STAMP_LABEL.pattern}(?:\s+(?:on|at|am|le|el|em|il|op))?\W*$", re.IGNORECASE)
_POSTED_BY = re.compile(
    # the label, in English and localised ("Publié par", "Diposting oleh"), or an author box's "View all posts by"
    rf"^\s*(?:(?:{POSTED_BY_LABEL})\s*:?|(?:view|see|read|browse)?\s*(?:all|more)\s+(?:posts|articles|stories)\s+"
    r"(?:by|from))\s+(?P<name>[^\W\d_][\w.'’ -]{1,50}?)"
    # then the end, a stamp ("at 11:15 AM", "on December 16"), a localised one that is a date or a time and no
    # sentence ("le 3 mai 2024", "am 3. Mai 2024 um 10:15", "di 20.15", "às 10:30"; not "il 3 maggio 2019, il
    # romanzo ...": no comma, no full stop at the end, a few words), or a bar
    r"\s*(?:$|\s(?:at|on)\s+\S.*$|\s(?:di|le|à|am|um|em|às|el|en|il|alle|op|om)\s+\d\S*(?:\s+[^\s,;]+){0,7}"
    r"(?<![.!?])$"
    r"|\s*[·|•]\s.*$)",
    re.IGNORECASE,
)
# a stamp line that ends in its writer, as blog footers and personal pages print it: "Posted on March 3, 2025 by
# Erik Demaine in Uncategorized", "Last updated March 3, 2025 by Erik Demaine.", WordPress's "This entry was posted
# on Monday, March 3rd, 2025 at 4:12 pm by Erik Demaine and is filed under News." (the stamp holds a digit); a footer
# link may follow after a dash or bar ("… by Erik Demaine. — Accessibility")
_STAMPED_BY = re.compile(
    rf"^\W*{STAMP_LEAD_IN}?{STAMP_LABEL_WORDS}(?:\s+(?:on|at))?\s+[^|·•]{{0,40}}?\d[^|·•]{{0,30}}?\s+by\s+"
    r"(?P<name>[^\W\d_][\w.'’ -]{1,50}?)"
    r"(?:\s+(?:in|and\s+is\s+filed\s+under)\s+\S.{0,300}|\.?\s+[—–|·•]\s.{0,60})?\W*$",
    re.IGNORECASE,
)
# the start of a span whose end is the date that follows: "May 4 – ", "4 - ", "May 4 through " (not a time before
# its date: "14:05 - 3 May 2024")
_PRINTED_ON = re.compile(
    r"\b(?:gedruckt\s+am|printed\s+on|imprimé\s+le|impreso\s+el|impresso\s+em|stampato\s+il|dicetak\s+pada)\W*$",
    re.IGNORECASE,
)
_RANGE_START = re.compile(
    r"(?<![:.h])\b\d{1,2}(?:st|nd|rd|th)?\s*(?:[–—-]|\s(?:through|until|thru)\s)\s*$", re.IGNORECASE
)
_URL_YEAR_MONTH = re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>0[1-9]|1[0-2])/(?!\d{1,2}/)")
# "October 9", "Oct. 9th", "9 October": a stamp with no year
_YEARLESS_STAMP = re.compile(
    r"(?:(?P<month_first>[^\W\d_]{3,9}\.?)\s+(?P<day_last>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<day_first>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<month_last>[^\W\d_]{3,9}\.?))"
)
# ... opening a line of credits, after its weekday: "Tue 4 Mar Words: Jake Thornton | Photos: Lisa Marsh"
_YEARLESS_STAMP_LEADING = re.compile(
    rf"(?:{WEEKDAY_WORDS}\.?,?\s+)?{_YEARLESS_STAMP.pattern}"
    r"(?=\s*[|·•–—]|\s+(?:by|words|story|text|written|posted)\b)",
    re.IGNORECASE,
)
_MONTH_FIRST_LANGUAGES = frozenset({"en", "en-us"})
_US_ONLY_DOMAINS = frozenset({"edu", "gov", "mil", "us"})  # top-level domains of American institutions only
_SLASHED_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")
_MONTHS_IN_YEAR = 12
_MAX_DAY = 31
# country domains of English-writing countries that print numeric dates day first
_DAY_FIRST_ENGLISH_COUNTRIES = frozenset(
    {"uk", "ie", "au", "nz", "za", "in", "pk", "ng", "ke", "gh", "ug", "tz", "sg", "my", "hk", "gg", "je", "im", "mt"}
)
_NAME_LINE_MAX_WORDS = 7
# a header line of writers' names alone: "Hannah Lee, Omar Farouk"
_NAMES_LINE_MAX_WORDS = 12
_NAMES_JOINED = re.compile(r",\s|\s(?:and|&)\s")
_ONE_WORD_SITE_TAIL = re.compile(r"\s+[-–—|]\s+\S+$")  # the site's name after the writers' names
# a byline widget that puts the label and the name in separate elements: "by" / "Written by" / "Author", then the name
_LONE_BY_LABEL = re.compile(
    r"^\s*(?:(?:written|posted|words|article|story)\s+by|by|authors?|about\s+the\s+authors?|oleh|penulis"
    # the label over the name in other languages: "Autor", "Auteur", "Yazar", "Автор", "作者", "글쓴이", "بقلم"
    r"|autor(?:in|a)?|auteure?|autore|yazar|автор|作者|글쓴이|เขียนโดย|بقلم|लेखक|tác\s+giả)\s*[:：]?\s*$",
    re.IGNORECASE,
)


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
        site_names=[meta.site_name or "", *meta.logo_names],
        url=url,
    )
    title = _LINE_BREAKS.sub(" ", title) if title else title  # a title is one line, whatever markup it came from
    rule_caption = _rule_text(tree, rules.image_caption if rules else None)
    captions = meta.figure_captions + ([rule_caption] if rule_caption else [])
    teaser_in_body = has_teaser_phrase(body.lines)
    lines = _without_standfirst(remove_boilerplate(body.lines, title=title, captions=captions), meta.descriptions)
    lines = _without_dek_over_meta(lines, page_lines)
    first_paragraph = lines[0] if lines else ""
    preamble, lines, dateline = _split_at_dateline(lines)
    lines, body_byline = extract_bylines(lines)
    body_byline.merge(Byline(editors=closing_editors(body.lines)))  # boilerplate drops "Edição: X"
    lines = _without_leading_stamps(_without_leading_counts(lines))  # the date zone then reaches down over them
    zone_end = _below_headline_in_body(lines, title)  # the body's lines stay as they are
    header = _header_lines(page_lines, title, zone_end)
    date_zone = _date_zone(page_lines, title, zone_end) or header
    byline = _read_header_bylines(date_zone + preamble)
    byline.merge(body_byline)
    if not (byline.authors or byline.agencies):
        byline.merge(closing_credits(lines_below_story(page_lines, lines, _CLOSING_CREDIT_LINES)))
    elif not byline.authors:
        byline.merge(wire_credits(lines_below_story(page_lines, lines, _CLOSING_CREDIT_LINES)))
    printed_people, printed_outlets = _outlet_named_apart(byline.authors, meta.site_name, url)
    if printed_people and printed_outlets:  # "Por Mariana Costa, PortalNotícia SP": the outlet she writes for
        byline.authors[:] = printed_people
    republished_from = conversation_authors(tree)
    if republished_from:  # the republisher's byline names who posted the piece, not who wrote it
        byline.authors[:] = republished_from
    declared_people, declared_outlets = _outlet_named_apart(meta.authors, meta.site_name, url)
    if not byline.authors and declared_people:
        byline.authors += _names_line_with_declared(date_zone, declared_people)
    credits = decide_credits(
        byline,
        metadata_authors=declared_people,
        metadata_organisations=declared_outlets + meta.author_organisations,
        metadata_editors=meta.editors,
        dateline_agency=dateline.agency if dateline else None,
        reviewed_creators=meta.reviewed_creators,
        fallback_authors=lambda: _as_declared(
            declared_outlets,
            _first_credited(
                lambda: guess_author(tree),
                lambda: _labelled_name(page_lines),
                lambda: author_from_links(tree),
                lambda: author_from_user_page_link(tree, url),
                lambda: author_from_avatar(tree),
                lambda: _posted_by_name(page_lines),
                lambda: author_from_closing_bio(page_lines, lines),
                lambda: author_from_data_layer(tree),
                lambda: _name_beside_stamp(date_zone),
                lambda: author_from_site_name([meta.site_name, *meta.titles, meta.html_title]),
                lambda: author_from_site_owner(tree, [meta.site_name, meta.html_title], lines),
            ),
        ),
    )

    lines = without_name_lines(without_closing_bio(lines, credits.authors), credits.authors)
    body_text = "\n\n".join(lines)
    word_count = count_words(body_text)
    published = _published(tree, url, meta, rules, date_zone, page_lines, first_paragraph, timezone, crawl_date, title)
    modified = _first_date(meta.modified, timezone, None, None)
    # a page that states only when it was last updated ("Última actualización: 17 de agosto de 2023", declared as
    # dcterms.modified) is known by that day
    published = published or modified
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


def _without_standfirst(lines: list[str], descriptions: list[str]) -> list[str]:
    """The body without a standfirst it opens with: the page's declared description printed over the date stamp
    ("Spot funds drew $3.4 billion in five days…" / "3 hours ago" / story) is header. A first paragraph equal to
    the description with no stamp under it is the story's own (excerpts are often copied from it), and stays."""
    if (
        len(lines) > 2
        and descriptions
        and is_stamp_only(lines[1])
        and _key(lines[0]) in {_key(description) for description in descriptions}
    ):
        return lines[1:]
    return lines


def _without_dek_over_meta(lines: list[str], page_lines: list[str]) -> list[str]:
    """The body without the dek it opens with when the page prints a byline or date stamp right under that dek and
    then the story ("Commuters face months of thinner timetables…" / "By Harriet Coles and Tom Ashby" / "Sun 21 May
    2023 00.20 BST" / lead photo / story): the main-content pick kept the dek's paragraph and left the meta block
    out, but both are header, and the date zone, which ends at the first body line, must reach the stamp."""
    if len(lines) < 3 or len(lines[0].split()) > _DEK_MAX_WORDS:
        return lines
    if _is_meta_line(lines[1]):
        return lines[1:]  # the block was kept: the leading stamps and bylines go with their own rules
    dek_probe, story_probe = lines[0][:40], lines[1][:40]
    for index, line in enumerate(page_lines):
        if not line.startswith(dek_probe):
            continue
        block = page_lines[index + 1 : index + 1 + _META_BLOCK_LINES]
        meta_at = _first_meta_line(block)
        if (
            meta_at is not None
            and any(line.startswith(story_probe) for line in block[meta_at + 1 :])
            and lines[0] not in block
        ):
            return lines[1:]
        break
    return lines


def _first_meta_line(block: list[str]) -> int | None:
    """Where the meta block under a dek starts: its first line, or the stamp after a bare name and a photo credit
    ("Mikko Heinonen" / "Kuvat: Sanna Lehtonen" / "1.3.2024 klo 1.15"), short lines no sentence ends."""
    for index, line in enumerate(block[: _NAME_LINES_BEFORE_META + 1]):
        if _is_meta_line(line):
            return index
        if len(line.split()) > _NAME_LINE_MAX_WORDS or line.rstrip()[-1:] in SENTENCE_ENDS:
            return None
    return None


def _is_meta_line(line: str) -> bool:
    """Bylines and date stamps and nothing else: "By Ann Lee", "Sun 21 May 2023 00.20 BST Last modified on …",
    "Por Lucía Fernández Ortega | Gabinete de Comunicación"."""
    whole = read_byline(line, at_start=True)
    if whole is not None and (whole.authors or whole.agencies):
        return True
    pieces = _stamp_pieces(line)
    if not pieces or sum(len(piece.split()) for piece in pieces) < len(_STAMP_PARTS.sub(" ", line).split()):
        return False  # a piece too long for a stamp was left out: prose
    for piece in pieces:
        byline = read_byline(piece, at_start=True)
        if not is_stamp_only(piece) and not (byline is not None and (byline.authors or byline.agencies)):
            return False
    return True


def _without_leading_counts(lines: list[str]) -> list[str]:
    """The body without the bare numbers it opens with: a post's claps and responses ("642", "7") printed as
    buttons between the byline and the story."""
    start = 0
    while start < min(_LEADING_COUNT_LINES, len(lines) - 1) and _BARE_COUNT.fullmatch(lines[start]):
        start += 1
    return lines[start:]


def _without_leading_stamps(lines: list[str]) -> list[str]:
    """The body without the date stamps it opens with ("2 days ago", "Updated: … | Published: …", a lone label and
    its date: "Date published:" / "3 November 2025"): the stamp sat in the story's container, but it is header, and
    the date zone (which ends at the first body line) must see it."""
    start = 0
    for _ in range(_LEADING_STAMP_LINES):
        if start + 1 >= len(lines):
            break
        size = 2 if _LONE_STAMP_LABEL.match(lines[start]) else 1
        if start + size >= len(lines) or not is_stamp_only(" ".join(lines[start : start + size])):
            break
        start += size
    return lines[start:]


def _below_headline_in_body(lines: list[str], title: str | None) -> list[str]:
    """The body lines from the first one below the headline and its stamps, when the body holds the headline (under
    a kicker: "Learning Center" / headline / "Dec 10, 2025 · 6 min read" / story): the date zone must reach down
    over the stamp printed under the headline, whatever the body's first line is. Else the body lines."""
    title_key = _key(title or "")
    for index, line in enumerate(lines[: _KICKER_LINES + 1]):
        if title_key and _key(line) == title_key and index + 1 < len(lines):
            return _without_leading_stamps(lines[index + 1 :])
    return lines


def _joined_labels(lines: list[str]) -> list[str]:
    """The lines with each lone stamp label joined to the date under it ("Last updated:" / "10 November 2025"), so
    that the date is read with its label."""
    joined: list[str] = []
    index = 0
    while index < len(lines):
        if index + 1 < len(lines) and _LONE_STAMP_LABEL.match(lines[index]):
            joined.append(f"{lines[index]} {lines[index + 1]}")
            index += 2
        else:
            joined.append(lines[index])
            index += 1
    return joined


def _stamp_pieces(line: str) -> list[str]:
    """The pieces of a line (split at | · •, and at dashes before a stamp label) that are short enough to be stamps:
    "Written by Jen Kowal | Fact checked by Omar Haddad | Updated December 5, 2025" is a row of stamps, however many
    words it has in all, and so is a stamp run into its update ("… 00.20 BST Last modified on … 09.02 BST")."""
    if len(line.split()) <= _STAMP_MAX_WORDS:
        return [line]
    pieces: list[str] = []
    for piece in _STAMP_PARTS.split(line):
        stamp_then_update = _UPDATE_PARTS.split(piece, maxsplit=1)
        if len(piece.split()) <= _STAMP_MAX_WORDS:
            pieces.append(piece)
        elif len(stamp_then_update) == 2 and all(
            len(part.split()) <= _STAMP_MAX_WORDS and is_stamp_only(part) for part in stamp_then_update
        ):
            pieces += stamp_then_update
        elif labelled := [
            part
            for part in _LABEL_PARTS.split(piece)[1:]
            if len(part.split()) <= _STAMP_MAX_WORDS and is_stamp_only(part)
        ]:
            pieces += labelled  # "By A and B, Staff Writers Published 11:42 p.m. PT March 3, 2025 Updated …"
        else:
            # dashes also join a row of stamps (health publishers' "Written by … — Updated on …"), but a dash in a
            # deck sets off prose: a dash-separated piece counts only when it opens with a stamp label
            pieces += [
                part
                for part in _DASH_PARTS.split(piece)
                if len(part.split()) <= _STAMP_MAX_WORDS and _STAMP_LABEL.match(part)
            ]
    return pieces


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
    found = [i for i, line in enumerate(page_lines) if probe in line]
    if not found:
        return []
    title_key = _key(title) if title else ""
    # the body's first line may also appear earlier (a table of contents entry): take the place under the headline
    for body_index in found:
        start = max(0, body_index - _HEADER_SEARCH_LINES)
        for i in range(body_index - 1, start - 1, -1):
            if title_key and _key(page_lines[i]) == title_key:
                return page_lines[i + 1 : body_index]
    return page_lines[max(0, found[0] - _HEADER_SEARCH_LINES) : found[0]]


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
    # the first body line may repeat the headline's start ("The Best GPS Watches"): the headline is not the body;
    # it may also appear earlier, in a table of contents above the headline: the zone ends at the one below it
    for body_index in (i for i, line in enumerate(page_lines) if probe in line and _key(line) != title_key):
        for i in range(body_index - 1, max(0, body_index - _DATE_ZONE_REACH) - 1, -1):
            if _key(page_lines[i]) == title_key:
                return page_lines[max(0, i - _ABOVE_TITLE_LINES) : body_index]
    return []


def _printed_dates(lines: list[str], timezone: str, *, month_first: bool) -> tuple[list[PageDate], list[PageDate]]:
    """(dates the stamps print, dates printed after an "Updated"/"Last modified" label) in reading order."""
    printed: list[PageDate] = []
    updates: list[PageDate] = []
    # not captions or prose, but the short pieces of a row of stamps; and a long line may end in a byline with its
    # stamp (a deck and the byline in one block)
    stamps = [" | ".join(_stamp_pieces(line)) or _byline_stamp(line) for line in _joined_labels(lines)]
    text = "\n".join(stamp for stamp in stamps if stamp)
    for position, found in find_written_dates(text, timezone_name=timezone, month_first=month_first):
        label = re.split(r"\d{4}|\n", text[:position])[-1]  # the text since the previous date or line break
        if _RANGE_START.search(label):
            continue  # the end of a span ("On view May 4 – September 1, 2024"): an event's dates, not a stamp
        if _PRINTED_ON.search(label):
            continue  # a print view's "Gedruckt am 30.11.2025": the day it was printed, not published
        (updates if _UPDATE_LABEL.search(label) else printed).append(found)
    # a line, or a piece of a row of stamps ("By Trevor Haas | Posted: 3/5/24"), that is only "3/21/23": weaker
    # than a date with its full year, so after them
    for piece in (piece for line in lines for piece in _STAMP_PARTS.split(line)):
        if (short := parse_short_stamp(piece, timezone_name=timezone, month_first=month_first)) is not None:
            (updates if _UPDATE_LABEL.search(piece) else printed).append(short)
    return printed, updates


def _dateline_stamp(first_paragraph: str, timezone: str, month_first: bool) -> PageDate | None:
    """The date in a press release's or a wire story's dateline: "CHICAGO (March 3, 2024) – …", "WORCESTER, Mass.,
    March 5, 2024 /PRNewswire/ -- …": a full date after the place, a dash soon after it. A date later in the
    paragraph is the story's, not the stamp's."""
    dates = find_written_dates(first_paragraph[:_DATELINE_MAX_CHARS], timezone_name=timezone, month_first=month_first)
    if not dates:
        return None
    position, found = dates[0]
    place, rest = first_paragraph[:position], first_paragraph[position:]
    dash = _DATELINE_DASH.search(rest[:_DATELINE_MAX_CHARS])
    if (
        place[:1].isupper()
        and len(place.split()) <= _DATELINE_PLACE_MAX_WORDS
        and dash is not None
        and len(rest[: dash.start()].split()) <= _DATELINE_STAMP_MAX_WORDS
    ):
        return found
    return None


def _byline_stamp(line: str) -> str | None:
    """The "By Lisa Jennings on Dec. 19, 2025" that closes a long line: the byline and the date right after it,
    where inline markup ran a summary and the byline together. A date elsewhere in a long line is prose."""
    match = _BYLINE_THEN_DATE.search(line)
    if match is None or len(line[match.start() :].split()) > _STAMP_MAX_WORDS:
        return None
    return line[match.start() :]


def _writes_month_first(language_hints: list[str], url: str, printed_order: bool | None) -> bool:
    """US English pages print numeric dates month first ("3/4/2025" is March 4). The order the page's own
    unambiguous dates show (`printed_order`) decides first: a "2/27/2025" in its list of stories can only be month
    first, a "27/2/2025" only day first. Else the page's declared language (<html lang> first) does. Plain "en"
    counts as US, unless the site's country writes the day first (a council's "Posted 05/03/2024" under
    www.breckshire.gov.uk); British, Australian, Indian ... English do not. A page that declares no language writes
    month first under an American institution's domain."""
    if printed_order is not None:
        return printed_order
    lang = _declared_language(language_hints)
    top_level_domain = (urlsplit(url).hostname or "").rsplit(".", 1)[-1]
    if lang == "en" and top_level_domain in _DAY_FIRST_ENGLISH_COUNTRIES:
        return False
    if not lang and top_level_domain in _US_ONLY_DOMAINS:
        return True  # a 2006 faculty page declares nothing: "Last modified: 12/03/2006" under cs.millbrook.edu
    return lang in _MONTH_FIRST_LANGUAGES


def _declared_language(language_hints: list[str]) -> str:
    return next((h for h in language_hints if h), "").strip().lower().replace("_", "-")


def _slashed_date_order(page_lines: list[str]) -> bool | None:
    """True when the page's slashed dates that can be read one way only are all month first, False when all are
    day first, None when there are none or both (then they are no evidence)."""
    month_first = day_first = False
    for line in page_lines:
        if "/" not in line:
            continue
        for first, second in _SLASHED_DATE.findall(line):
            if int(first) <= _MONTHS_IN_YEAR < int(second) <= _MAX_DAY:
                month_first = True
            elif int(second) <= _MONTHS_IN_YEAR < int(first) <= _MAX_DAY:
                day_first = True
    return month_first if month_first != day_first else None


def _first_parsed(values: list[str], timezone: str) -> PageDate | None:
    """The first of the declared values that reads as a date."""
    return next((found for found in (parse_date(v, timezone_name=timezone) for v in values) if found), None)


def _is_republish_stamp(published: PageDate | None, modified: PageDate | None) -> bool:
    """True when the declared published and modified instants are the same moment: the CMS re-stamped the page
    (a migration or re-save), so the declared date says nothing about when the story appeared."""
    return published is not None and modified is not None and abs(published.utc - modified.utc) <= _REPUBLISH_WINDOW


def _printed_beside(printed: list[PageDate], published: PageDate) -> bool:
    """True when the page prints its date within a day of the declared publication: an article never edited
    declares the same instant as published and modified (Business Wire, Yoast), and the printed stamp is that
    instant in the site's own zone, so the declared date is no re-save stamp."""
    earliest, latest = (published.utc + offset for offset in _OFFSET_RANGE)
    for stamp in printed:
        if stamp.has_time and stamp.offset == "+00:00":  # a bare printed time: the site's clock, some offset away
            if earliest <= stamp.utc <= latest:
                return True
        elif earliest.date() <= _local_day(stamp) <= latest.date():
            return True
    return False


def _outlet_named_apart(declared: list[str], site_name: str | None, url: str) -> tuple[list[str], list[str]]:
    """(declared authors, those among them that are the outlet itself): Indonesian portals and local papers declare
    the site ("Media Rakyat" on mediarakyat.id, "Harian Merdeka") as the author of every story and print the
    reporter's name; the outlet is then what is left when no person is found, like a declared organisation."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    outlet_keys = {key for key in (folded_key(site_name or ""), folded_key(host.split(".")[0])) if len(key) >= 4}
    people, outlets = [], []
    for name in declared:
        # "Priya Raman | The Lakeshore Times": a writer declared with her paper's name after her own
        named = [piece for piece in _STAMP_PARTS.split(name) if folded_key(piece) not in outlet_keys]
        name = " | ".join(named) if named else name
        key = folded_key(name)
        is_outlet = key in outlet_keys or any(key.startswith(outlet) for outlet in outlet_keys if len(outlet) >= 6)
        (outlets if is_outlet else people).append(name)
    return people, outlets


def _names_line_with_declared(lines: list[str], declared: list[str]) -> list[str]:
    """The writers a header line lists by name alone ("Hannah Lee, Omar Farouk") when the page declares only one of
    them: Ghost declares just a post's primary author. Every piece a full name, one of them a declared one."""
    declared_keys = {_key(name) for name in declared}
    for line in lines:
        line = _ONE_WORD_SITE_TAIL.sub("", line)  # "Rina Wulandari, Dimas Pratama - kabarnusaNews"
        if len(line.split()) > _NAMES_LINE_MAX_WORDS or not _NAMES_JOINED.search(line):
            continue
        names = split_names(line)
        if (
            len(names) >= 2
            and all(_is_person_name(name) for name in names)
            and any(_key(name) in declared_keys for name in names)
        ):
            return names
    return []


def _is_person_name(name: str) -> bool:
    """A full name of a person, not an outlet beside her ("CNBC Indonesia", "The Conversation")."""
    words = name.split()
    return (
        len(words) >= 2
        and words[0].lower() != "the"
        and not (len(words[0]) > 1 and words[0].isupper())
        and not ORGANISATION_WORD.search(name)
        and looks_like_name(name, strict=True)
    )


def _as_declared(declared: list[str], guess: str | None) -> str | None:
    """A guess that is the declared site's name or a part of it ("Ash" on ashvardanian.com, which declares "Ash
    Vardanian" as its author) is that declared name: a personal site is named for its owner."""
    words = _name_words(guess or "")
    return next((name for name in declared if words and words <= _name_words(name)), guess)


def _name_words(name: str) -> set[str]:
    return set(name.casefold().replace(".", "").split())


def _first_credited(*guesses: Callable[[], str | None]) -> str | None:
    """The first of the (lazily asked, cheapest-first) author guesses that names someone credits would accept."""
    for guess in guesses:
        found = guess()
        if found and split_names(found):
            return found
    return None


def _posted_by_name(page_lines: list[str]) -> str | None:
    """The name in a blog's post footer or author box anywhere on the page: "Posted by David at December 16, 2025
    11:15 AM", "Posted By: Kiersten · In: Sides", "All articles by Elliot Raba", "Last updated March 3, 2025 by
    Erik Demaine." The first one is the post's; commenters' come after it."""
    for line in page_lines:
        match = _POSTED_BY.match(line) or _STAMPED_BY.match(line)
        # a name opens with a capital: "la Redacción", "le Monde" pass as names (particles, then a capital)
        if match and match.group("name")[0].isupper() and looks_like_name(match.group("name"), strict=True):
            return match.group("name")
    return None


def _name_beside_stamp(lines: list[str]) -> str | None:
    """ "March 18, 2025 | Dale Whitaker": a site builder's post details, the date and the writer's bare name in one
    row under the headline. Only a name of two or three capitalised words counts (not "Local News" after a
    comma-free stamp: that is asked for last, when nothing else names a writer)."""
    for line in lines:
        parts = _STAMP_PARTS.split(line.strip())
        if len(parts) != 2:
            continue
        for stamp, name in (parts, parts[::-1]):
            words = name.split()
            if (
                2 <= len(words) <= 3
                and all(word[:1].isupper() and word.isalpha() for word in words)
                and is_stamp_only(stamp)
                and looks_like_name(name, strict=True)
                and not JOB_TITLE.search(name)
                and not ORGANISATION_WORD.search(name)
                and not any(word.casefold() in _PHRASE_WORDS for word in words)  # "FOR IMMEDIATE RELEASE"
            ):
                return name
    return None


def _labelled_name(page_lines: list[str]) -> str | None:
    """A name printed on its own line right under a lone "Written by" / "Article by" / "Author" label anywhere on
    the page: the author box many sites put below the story (the label and the name in separate elements)."""
    for line, following in zip(page_lines, page_lines[1:], strict=False):
        if (
            _LONE_BY_LABEL.match(line)
            and looks_like_name(following, strict=True)
            and not re.search(r"[,;:|]", following)
        ):
            return following
    return None


def _read_header_bylines(lines: list[str]) -> Byline:
    byline = Byline()
    for index, line in enumerate(lines):
        parsed = read_byline(_byline_stamp(line) or line, at_start=True)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if parsed is None and _LONE_BY_LABEL.match(line) and _is_bare_name_line(following):
            # the label and the name in separate elements, read as one credit line ("作者" over "林一舟")
            parsed = read_byline(f"By {following}", at_start=True) or read_byline(
                f"{line.strip().rstrip(':：')}: {following}", at_start=True
            )
        if parsed is not None:
            byline.merge(parsed)
    return byline


def _published(
    tree: lxml.html.HtmlElement,
    url: str,
    meta: PageMetadata,
    rules: ExtractionRules | None,
    header: list[str],
    page_lines: list[str],
    first_paragraph: str,
    timezone: str,
    crawl_date: date | None,
    title: str | None,
) -> PageDate | None:
    """Publication instant, best evidence first; dates far after the crawl are skipped (they are event dates)."""
    latest = datetime.combine(crawl_date, datetime.min.time()) + _FUTURE_TOLERANCE if crawl_date else None
    rule_values: list[str | PageDate | None] = []
    rule_texts: list[str] = []
    if rules is not None and rules.date:
        for element in select(tree, rules.date):
            rule_values += [v for v in (element.get("datetime"), element.get("content")) if v]
            rule_texts.append(normalize_space(" ".join(element_lines(element))))
    under_headline = _after_headline(header, title)
    # the source says how it prints dates: its date element read that way ranks with the element; without one, the
    # lines under the headline read that way come before the generic reading of those lines
    formatted = [
        found
        for text in (rule_texts or under_headline if rules is not None and rules.date_format else [])
        if (found := parse_with_formats(text, rules.date_format, timezone_name=timezone)) is not None
    ]
    rule_values += [*formatted, *rule_texts] if rule_texts else rule_texts
    printed_order = _slashed_date_order(page_lines)
    month_first = _writes_month_first(meta.language_hints, url, printed_order)
    # numeric stamps read one way when the page's own dates show the order or its language is not English
    language = _declared_language(meta.language_hints)
    one_way = printed_order is not None or (bool(language) and not language.startswith("en"))
    printed, updates = _printed_dates(header, timezone, month_first=month_first)
    if not rule_texts:
        printed = [*formatted, *printed]
    below_headline, _ = _printed_dates(under_headline, timezone, month_first=month_first)
    captions = {_key(caption) for caption in meta.figure_captions}
    uncaptioned = [line for line in under_headline if _key(line) not in captions]
    stamped_below = (
        below_headline
        if len(uncaptioned) == len(under_headline)
        else _printed_dates(uncaptioned, timezone, month_first=month_first)[0]
    )
    # above the headline, the nearest stamp first: a visitor counter "since Jan. 1, 2001" may stand over it
    above_headline = header[: max(0, len(header) - len(under_headline) - 1)] if under_headline is not header else []
    stamped_above, _ = _printed_dates(above_headline[::-1], timezone, month_first=month_first)
    declared: list[str | PageDate | None] = _precise_first([*meta.published, *rule_values], timezone)
    declared_published = _first_parsed(meta.published, timezone)
    if (
        declared_published is not None
        and _is_republish_stamp(declared_published, _first_parsed(meta.modified, timezone))
        and not _printed_beside(printed, declared_published)
    ):
        # the page's printed date (or its article <time>) outranks a declared date that is only a re-save stamp
        declared = [*_with_declared_times(printed, declared, timezone), *meta.printed_times, *declared]
    elif not rule_values and _presents_only_update(meta, printed + updates, page_lines, timezone, month_first):
        # the page shows readers only its later update date and declares the original date just for search
        # engines: the date the page presents is the one it is known by (a source's own date rule still wins)
        declared = [*printed, *updates, *declared]
    elif declared:
        declared = _displayed_first(declared, printed + updates, timezone)
    candidates: list[str | PageDate | None] = [
        *declared,
        *_stamped_times_first(
            meta.time_elements,
            below_headline,
            timezone,
            certain=below_headline if one_way else _read_either_way(under_headline, timezone),
        ),
        # a stamp under the headline before one above it, which may be a sidebar's last story's; a photo's caption
        # under the headline may date the photo; a source's own date format still reads them first
        *([] if rule_texts else formatted),
        *stamped_below,
        *stamped_above,
        *printed,
        *updates,
        date_from_url(url, timezone_name=timezone),
        _yearless_stamp_in_url_month(header, url, timezone),
        _stamp_under_heading(page_lines, meta.headings, timezone, month_first),
        _dateline_stamp(first_paragraph, timezone, month_first),
        find_partial_date(first_paragraph, timezone_name=timezone, crawl_date=crawl_date),
        _relative_stamp(header, timezone, crawl_date),
    ]
    chosen = _first_date(candidates, timezone, crawl_date, latest)
    if chosen is not None:
        local_times = _local_time_elements(meta.printed_times, timezone)
        zoned_times = _zoned_time_elements(meta.time_elements, timezone)
        stamps = [*printed, *below_headline, *local_times, *zoned_times]
        if declared_published is not None:
            stamps.append(declared_published)  # the site's own offset for a <time>'s UTC value of the same minute
        return _in_printed_offset(chosen, stamps, timezone)
    return (
        _first_date(_labelled_stamps(page_lines, timezone, month_first), timezone, crawl_date, latest)
        or _first_date([guess_date(tree, url, crawl_date)], timezone, crawl_date, latest)
        or _first_date(
            [guess_printed_date(tree, url, crawl_date, _stamp_line_days(page_lines, timezone, month_first))],
            timezone,
            crawl_date,
            latest,
        )
    )


def _stamp_line_days(page_lines: list[str], timezone: str, month_first: bool) -> set[str]:
    """The days ("YYYY-MM-DD") of the page's lines that print one date and nothing else."""
    days = set()
    for line in page_lines:
        if len(line) <= _STAMP_LINE_MAX_CHARS and is_stamp_only(line):
            found = find_written_dates(line, timezone_name=timezone, month_first=month_first)
            if len(found) == 1:
                days.add(_local_day(found[0][1]).isoformat())
    return days


def _yearless_stamp_in_url_month(lines: list[str], url: str, timezone: str) -> PageDate | None:
    """A stamp printed without its year ("October 9") on a page whose address gives the year and month
    (".../2023/10/how-to-clean-…"): WordPress themes that drop the year from the post date."""
    address = _URL_YEAR_MONTH.search(urlsplit(url).path)
    if address is None:
        return None
    for line in lines:
        match = _YEARLESS_STAMP.fullmatch(line.strip()) or _YEARLESS_STAMP_LEADING.match(line.strip())
        if match is None:
            continue
        month = MONTHS.get((match["month_first"] or match["month_last"]).lower().rstrip("."))
        day = int(match["day_first"] or match["day_last"])
        if month == int(address["month"]) and 1 <= day <= 31:
            try:
                return to_page_date(datetime(int(address["year"]), month, day), None, timezone, False)
            except ValueError:
                return None
    return None


def _in_printed_offset(chosen: PageDate, stamps: list[PageDate], timezone: str) -> PageDate:
    """A declared UTC instant in the offset the page prints it in: "2023-05-19T01:32Z" declared, "May 18, 2023 at
    9:32 p.m. EDT" (or, with no source zone configured, a bare "9:32 p.m.") printed. Same instant, but the reader's
    day is the 18th, and the day is what the corpus is queried by."""
    if not chosen.has_time or chosen.offset != "+00:00":
        return chosen
    for stamp in stamps:
        if not stamp.has_time:
            continue
        if stamp.offset != "+00:00" and abs(stamp.utc - chosen.utc) < _SAME_MINUTE:
            return PageDate(chosen.utc, stamp.offset, True)
        gap = stamp.utc - chosen.utc  # a bare printed time read as UTC: how far the page's clock is from UTC
        quarters = round(gap / _QUARTER_HOUR)
        if (
            timezone == "UTC"
            and stamp.offset == "+00:00"
            and quarters in _OFFSETS_IN_USE
            and abs(gap - quarters * _QUARTER_HOUR) < _SAME_MINUTE
        ):
            return PageDate(chosen.utc, format_offset(quarters * _QUARTER_HOUR), True)
    return chosen


def _local_time_elements(values: list[str], timezone: str) -> list[PageDate]:
    """The article's `<time datetime>` values that give a wall-clock time and no offset ("2024-05-03T00:30" under a
    printed "2024年5月3日 0時30分"): the page's local time, which shows its offset like a printed stamp does."""
    found = (parse_date(value, timezone_name=timezone) for value in values if _LOCAL_TIMESTAMP.fullmatch(value))
    return [stamp for stamp in found if stamp is not None and stamp.has_time]


def _zoned_time_elements(values: list[str], timezone: str) -> list[PageDate]:
    """The page's `<time datetime>` values that state an offset other than UTC ("2024-02-13T18:45:00-06:00" while the
    JSON-LD declares "2024-02-14T00:45:00+00:00"): the offset the site keeps its clock in, for the same instant."""
    found = (parse_date(value, timezone_name=timezone) for value in values if _ZONED_TIMESTAMP.fullmatch(value))
    return [stamp for stamp in found if stamp is not None and stamp.has_time and stamp.offset != "+00:00"]


def _precise_first(declared: list[str | PageDate | None], timezone: str) -> list[str | PageDate | None]:
    """When the first declared publication date is a bare day written as a midnight timestamp ("2023-05-17T00:00:00
    +0000", a date field a template pads with a zero time) and another declared value states a real time of an
    adjacent day, the precise one comes first: the padded day was cut from some instant in some zone, the precise
    stamp says which instant. A bare day with no time at all gives way to a declared instant of the same day."""
    parsed = [(v, v if isinstance(v, PageDate) else parse_date(v, timezone_name=timezone)) for v in declared]
    parsed = [(value, found) for value, found in parsed if found is not None]
    if len(parsed) < 2:
        return declared
    first = parsed[0][1]
    if not first.has_time:
        # a bare day (a recipe node's "2023-10-03") and the same day's instant in a <meta> tag: the instant
        same_day = (
            value
            for value, found in parsed[1:]
            if found.has_time and not _is_midnight(found) and _local_day(found) == _local_day(first)
        )
        precise = next(same_day, None)
        return declared if precise is None else [precise, *declared]
    if not _is_midnight(first):
        return declared
    for value, found in parsed[1:]:
        if (
            found.has_time
            and not _is_midnight(found)
            and _local_day(found) != _local_day(first)
            and abs(found.utc - first.utc) < _ADJACENT_DAY
        ):
            return [value, *declared]
    return declared


def _with_declared_times(
    printed: list[PageDate], declared: list[str | PageDate | None], timezone: str
) -> list[str | PageDate | None]:
    """The printed stamps, each replaced by a declared value of the same day when there is one: the stamp says which
    day, the declaration the time of it (a printed "Dec. 19, 2025" and a declared 2025-12-19T23:35Z)."""
    parsed = [(v, v if isinstance(v, PageDate) else parse_date(v, timezone_name=timezone)) for v in declared]
    by_day = {_local_day(found): value for value, found in reversed(parsed) if found is not None}
    return [by_day.get(_local_day(found), found) for found in printed]


def _is_midnight(found: PageDate) -> bool:
    local = found.utc.astimezone(dt_timezone(parse_offset(found.offset) or timedelta(0)))
    return found.has_time and (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0)


def _presents_only_update(
    meta: PageMetadata, shown: list[PageDate], page_lines: list[str], timezone: str, month_first: bool
) -> bool:
    """True when the headline's stamp prints only a date later than the declared publication, the page declares
    a later modification too, the publication date is printed nowhere on the page, and it is declared only in
    structured data (JSON-LD / microdata), with no <meta> publication tag of the kind share cards and feeds read.
    Such a page presents itself by its update date; a page that hands its publication date to social cards
    (article:published_time) or prints it anywhere still means that date."""
    if meta.published_tag or not shown:
        return False
    published, modified = _first_parsed(meta.published, timezone), _first_parsed(meta.modified, timezone)
    if published is None or modified is None or _local_day(modified) <= _local_day(published):
        return False
    if any(_local_day(found) <= _local_day(published) for found in shown):
        return False
    printed_days = {
        _local_day(found)
        for _, found in find_written_dates("\n".join(page_lines), timezone_name=timezone, month_first=month_first)
    }
    return _local_day(published) not in printed_days


def _local_day(found: PageDate) -> date:
    """The calendar day of an instant in the offset the page stated it in (the day a reader of the page sees)."""
    return found.utc.astimezone(dt_timezone(parse_offset(found.offset) or timedelta(0))).date()


def _displayed_first(
    declared: list[str | PageDate | None], shown: list[PageDate], timezone: str
) -> list[str | PageDate | None]:
    """When the page declares several different publication dates (a JSON-LD 2018 original next to a 2025 meta
    tag), the one the article's own stamp under the headline prints comes first: that is the date the page
    presents. A lone declared date is kept even when the stamp prints only a later "Updated" date."""
    parsed = [
        (value, found)
        for value, found in (
            (v, v if isinstance(v, PageDate) else parse_date(v, timezone_name=timezone)) for v in declared
        )
        if found is not None
    ]
    if len({_local_day(found) for _, found in parsed}) < 2 or not shown:
        return declared
    printed_days = {_local_day(found) for found in shown}
    shown_on_page = [value for value, found in parsed if _local_day(found) in printed_days]
    return [*shown_on_page, *declared]


def _after_headline(zone: list[str], title: str | None) -> list[str]:
    """The date zone's lines below the headline (the zone also holds a few lines above it, where listing widgets
    may print their own dates); the whole zone when the headline is not in it."""
    title_key = _key(title or "")
    index = next((i for i, line in enumerate(zone) if title_key and _key(line) == title_key), None)
    return zone[index + 1 :] if index is not None else zone


def _stamped_times_first(
    times: list[str], printed: list[PageDate], timezone: str, *, certain: list[PageDate]
) -> list[str | PageDate]:
    """`<time>` elements, the ones holding the day the headline's stamp prints first. Listing widgets ("latest
    news", "events") carry their own <time>s; the article's is the one its stamp shows. When none shows it, the
    <time>s are all the widgets' and a stamp that can be read only one way ("Dec. 18, 2025", not "03/08/2026")
    comes before them."""
    if not times or not printed:
        return list(times)
    printed_days = {_local_day(found) for found in printed}
    stamped: list[str | PageDate] = []
    for value in times:
        found = parse_date(value, timezone_name=timezone)
        if found is not None and _local_day(found) in printed_days:
            stamped.append(value)
    return [*stamped, *times] if stamped else [*certain, *times]


def _stamp_under_heading(
    page_lines: list[str], headings: list[str], timezone: str, month_first: bool
) -> PageDate | None:
    """The date on a line of its own right under the page's <h1>: where newsletters' web versions (Mailchimp's
    "<h1>The Weekly Sprout — Issue #48</h1><p><em>October 17, 2025</em></p>") and simple blogs print it, also when
    the headline the title reader chose is not that heading and no date zone was found around it."""
    if not headings:
        return None
    heading_key = _key(headings[0])
    for index, line in enumerate(page_lines[:-1]):
        if heading_key and _key(line) == heading_key:
            following = page_lines[index + 1]
            if len(following.split()) <= _STAMP_MAX_WORDS and is_stamp_only(following):
                found = find_written_dates(following, timezone_name=timezone, month_first=month_first)
                return found[0][1] if found else None
            return None
    return None


def _read_either_way(lines: list[str], timezone: str) -> list[PageDate]:
    """The stamps of these lines that read the same day-first and month-first (a month name, or a day over 12)."""
    day_first, _ = _printed_dates(lines, timezone, month_first=False)
    month_first, _ = _printed_dates(lines, timezone, month_first=True)
    return [found for found in day_first if found in month_first]


def _relative_stamp(lines: list[str], timezone: str, crawl_date: date | None) -> PageDate | None:
    """A "3 hours ago" / "2 hari lalu" stamp on a short line of the date zone, as a day counted back from the crawl
    date: the last printed evidence, for pages that state no absolute date at all (a sentence's "two days ago" is
    prose, so long lines are not read)."""
    if crawl_date is None:
        return None
    text = "\n".join(line for line in lines if len(line.split()) <= _STAMP_MAX_WORDS)
    return find_relative_date(text, crawl_date=crawl_date, timezone_name=timezone)


def _labelled_stamps(page_lines: list[str], timezone: str, month_first: bool) -> list[PageDate]:
    """Dates on short lines labelled "Published" / "Posted" / "Last updated" anywhere on the page: the last
    resort for pages that declare nothing and print their stamp away from the headline (a footer "Last updated")."""
    published: list[PageDate] = []
    updated: list[PageDate] = []
    for line in _joined_labels(page_lines):
        parts = _STAMP_PARTS.split(line)
        if len(line.split()) <= _STAMP_SENTENCES_MAX_WORDS:
            # W3C's footer: "Date: Updated 14 May 2024. First published 2 March 2019." (two labelled sentences)
            parts = [piece for part in parts for piece in _LABEL_PARTS.split(part)]
        # a labelled stamp may also follow a credit in its row: "Medical review: X, MD · Last reviewed: 09/12/2024"
        if not _STAMP_LABEL.match(line) and not any(_STAMP_LABEL.match(p) for p in parts[1:]):
            continue
        # "Updated: May 22, 2023 | Published: May 19, 2023": each its label; a longer piece only when its date follows
        # its label at once ("This entry was posted on Wednesday, November 5th, 2025 at 2:30 pm and is filed …")
        for part in parts:
            found = find_written_dates(part, timezone_name=timezone, month_first=month_first)[:1]
            label = _STAMP_LABEL.match(part)
            if len(part.split()) > _STAMP_MAX_WORDS and not (
                found and label and len(part[label.end() : found[0][0]].split()) <= _LABEL_TO_DATE_WORDS
            ):
                continue
            (updated if _LATER_STAMP_LABEL.match(part) else published).extend(d for _, d in found)
    return [*published, *updated]  # "Updated May 2013 · Posted July 2004": the story appeared when it was posted


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
