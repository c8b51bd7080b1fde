"""Last-resort heuristics from trafilatura and htmldate, asked only for fields that declared metadata and the text
left empty.

They are the slow part of extraction (htmldate alone costs as much as body extraction), so they run lazily, one
field at a time, instead of trafilatura's all-fields `with_metadata=True` pass. trafilatura's own author search
deep-copies and prunes the whole tree first (about 100 ms a page); here its XPaths run on the tree as it is and a
hit inside comments or teasers is skipped by looking at the hit's ancestors instead.
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

import htmldate.extractors
import lxml.etree
import lxml.html
from dateutil.parser import parse as dateutil_parse
from htmldate import find_date
from trafilatura.metadata import normalize_authors

from newscorpus.extract.bylines import NOT_AUTHOR_LABELS, POSTED_BY_LABEL, read_byline
from newscorpus.extract.credit_names import ABOUT_THE_AUTHOR, JOB_TITLE, ORGANISATION_WORD, looks_like_name
from newscorpus.extract.dates import find_written_dates, is_stamp_only
from newscorpus.extract.reporter_credits import cjk_display_name
from newscorpus.extract.stamp_labels import HOST_NAME, STAMP_LABEL_WORDS
from newscorpus.extract.text_lines import element_lines, normalize_space
from newscorpus.extract.titles import TITLE_SEPARATOR, folded_key, name_key

log = logging.getLogger(__name__)

_NOT_THE_ARTICLE = re.compile(
    r"comment|related|sidebar|footer|recommend|guest-?book|condolence",  # an obituary's guest book is its comments
    re.IGNORECASE,
)
_MAX_AUTHOR_CHARS = 120
_STACK_LEVELS = 3  # how far up an avatar stack's block may be from one writer's name element
_STACK_MAX_CHARS = 40  # a byline block's text per writer: a name and a job title
# author pages: /author/jane-doe/, /authors/jane-doe, /contributor/a._j._neal, /profiles/jane-doe-309429
_PARAGRAPH_CHARS = 100  # a <p> this long is the story's text: the header is over
# what an author's picture is called when it does not say whose it is
_GENERIC_AVATAR_ALT = re.compile(
    r"(?:author|avatar|profile|writer)(?:\s+(?:image|photo|picture|avatar))?", re.IGNORECASE
)
_AVATAR_BLOCK_MAX_CHARS = 120
_AVATAR_NAME_LEVELS = 4  # how far up from a named picture the block that prints the name first may be
_AVATAR_NAME_MAX_WORDS = 4
_AVATAR_LEVELS = 2  # the picture and its name sit in one link or one small box
_AUTHOR_HREF = re.compile(
    r"/(?:authors?|autor(?:es)?|auteurs?|penulis|writers?|contributors?|columnists?|reporters?|journalists?|profiles?)"
    r"/(?P<slug>[^/?#]+)/?(?:[?#]|$)",
    re.IGNORECASE,
)
# the label opening an author widget's line, in the languages of _LEADING_BY and the localised "Posted by" of blog
# footers (Blogger's "Diposting oleh"); Italian "di" only in lower case ("Di Maio" is a surname)
_BY_LABEL = re.compile(
    rf"^\s*(?:{POSTED_BY_LABEL}|article\s+by|by|authors?|oleh|penulis|(?-i:di)(?=\s)|(?:von|par|por|door|מאת|โดย)(?=\s))"
    # a word boundary, or a name glued on ("ByTrevor Jones"), but not a name that starts so ("Byron", "Authority")
    r"(?:\b|(?-i:(?=[A-Z])))\s*:?\s*",
    re.IGNORECASE,
)
_DATA_LAYER_AUTHOR = re.compile(r'"page_?post_?author"\s*:\s*"(?P<name>[^"\\]{2,60})"', re.IGNORECASE)
_PERSONAL_SITE = re.compile(
    r"^(?P<name>[^|:–—]{3,60}?)[’']s\s+(?:blog|weblog|substack|newsletter|journal|notes|website|site|homepage)$",
    re.IGNORECASE,
)
_HOST_NAME = re.compile(rf"^(?:www\.)?{HOST_NAME}/?$", re.IGNORECASE)
_BAR = re.compile(r"\s*\|\s*")
# trafilatura's AUTHOR_XPATHS (trafilatura/xpaths.py, 2.3.1) as plain tests on an element's tag and attributes, so
# one walk of the tree answers all three: libxml2 takes several milliseconds a page for each of those XPaths, which
# made them most of guess_author's time. Each `re:test` there matches a pattern of literals, here the same literals.
_AUTHOR_TAGS_1 = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_AUTHOR_CLASS_PARTS_1 = ("author-name", "authorname", "AuthorName", "authorName")
_AUTHOR_TAGS_2 = frozenset({"a", "div", "h3", "h4", "p", "span"})
_AUTHOR_CLASSES_2 = frozenset({"byline", "username", "byl", "BBL"})
_AUTHOR_ID_PARTS_2 = ("author", "zuozhe", "bianji", "xiaobian")
_AUTHOR_CLASS_PARTS_2 = (
    "author",
    "channel-name",
    "zuozhe",
    "bianji",
    "xiaobian",
    "submitted-by",
    "posted-by",
    "journalist-name",
)
_AUTHOR_CLASS_PARTS_3 = ("author", "Author", "screenname", "writer", "byline", "Byline")
# every class / id string any of the three can match contains one of these: a single search skips all other elements
_AUTHOR_CLASS_MARK = re.compile(
    "uthor|byl|Byline|username|BBL|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
    "|screenname|writer"
)
_AUTHOR_ID_MARK = re.compile("uthor|zuozhe|bianji|xiaobian")
_NOT_AUTHOR_LABELS = "|".join(sorted((re.escape(k) for k in NOT_AUTHOR_LABELS), key=len, reverse=True))
# "Editor : ", "Red: ", "Medically reviewed by ": a label for someone who did not write the story
_OTHER_ROLE_LABEL = re.compile(rf"(?:^|[\s/|;,(])(?:{_NOT_AUTHOR_LABELS})(?:\s*:|(?<=\bby))\s*$", re.IGNORECASE)
_OTHER_ROLE_LABEL_START = re.compile(rf"^(?:{_NOT_AUTHOR_LABELS})(?:\s*:|(?<=\bby)\s)", re.IGNORECASE)
# the place line of a byline widget: El Mundo's `<div class="ue-c-article__byline-location">Madrid</div>`
_PATREON_CREATOR_TAG = "creator-public-page-name"
_FRAMER_AUTHOR_LAYER = re.compile(r"(?:post[ _-]?)?authors?(?:[ _-]?names?)?", re.IGNORECASE)
_PLACE_OR_BADGE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:location|dateline|place|city|ort|lugar|luogo|badge|verified)(?:$|[\s_-])", re.IGNORECASE
)
# its job line, which may run into the name with no break: `<a>Tom Ashworth</a><span class="np-article__role">Local
# Democracy Reporter</span>`
_JOB_CLASS = re.compile(r"(?:^|[\s_-])(?:role|job|jobtitle|position|designation)(?:$|[\s_-])", re.IGNORECASE)
# a credits block printed after the story: Koran Jakarta's `<div class="article-credit"><p>Redaktur : Sriyono</p>
# <p>Penulis : Muhamad Ma'rup</p></div>` (a figure's "caption-credit" names the photographer)
# platforms' own markup for the post's author, where their class names are not the usual "author"/"byline": Wix
# Blog's `<span data-hook="user-name">` in the post header, and Forem's (dev.to) `<a class="crayons-link fw-bold">`
# in the article header (its comments use other classes)
_FOREM_HEADER_CLASS = "crayons-article__header"
_FOREM_AUTHOR_LINK_CLASS = "crayons-link"
_WIX_AUTHOR_HOOK = "user-name"
_BYLINE_ASIDE = re.compile(r"\s*\([^()]{1,60}\)")
# a name element ("sc-name", "contributor__name", "byline-name") within a few levels of a byline or contributors block
_NAME_CLASS = re.compile(r"(?:^|[\s_-])name(?:$|\s)")
_BYLINE_BLOCK = re.compile(r"byline|contributor", re.IGNORECASE)
_BYLINE_BLOCK_LEVELS = 3
# the author's part of a <title>: Substack's "Headline - by Jane Doe - Publication", Medium's "Headline | by Jane Doe
# | Medium"; a lower-case "by" after the headline, not "By Popular Demand" opening a title
_TITLE_BYLINE = re.compile(r"^by\s+(?P<name>\S.*)$")
_MICROFORMAT_ROOT = re.compile(r"(?:^|\s)h-[a-z]+(?:$|\s)")
_CREDIT_BLOCK_CLASS = re.compile(r"(?:^|[\s_-])(?:article|news|post|story)[_-]?credits?(?:$|[\s_-])", re.IGNORECASE)
_MAX_TAGS = 30
_TAG_LINK = re.compile(r"/tags?/|/topics?/|/tag-|[?&]tag=")
_CATEGORY_LINK = re.compile(r"/categor(?:y|ies)/")
_SITE_ADDRESS = re.compile(rf"\s*[/|]\s*{HOST_NAME}(?=\s*(?:[/|]|$))", re.IGNORECASE)


def guess_date(tree: lxml.html.HtmlElement, url: str, crawl_date: date | None) -> str | None:
    """htmldate's original-publication date ("YYYY-MM-DD"), bounded by the crawl date when known."""
    return _htmldate(tree, url, crawl_date, extensive=False)


def guess_printed_date(
    tree: lxml.html.HtmlElement, url: str, crawl_date: date | None, stamp_days: set[str]
) -> str | None:
    """htmldate's extensive search, which also reads dates printed in the text, taken only when the day it finds
    is one the page prints on a line of its own ("Jan. 16, 2024" closing a clinic's condition page): what it finds
    in running text alone is most often a copyright year or an event, read as January 1."""
    if not stamp_days:
        return None
    found = _htmldate(tree, url, crawl_date, extensive=True)
    return found if found in stamp_days else None


def _parse_with_day(text: str, **kwargs: object) -> datetime:
    """dateutil's parse for htmldate, refusing a date without a day: dateutil fills a missing day from today, so a
    page's "2024-10" (a `<time>` of a "Date Last Reviewed: October 2024") came out as the 30th on the 30th of the
    month and the 29th the day before, and a rerun of the same page gave another date."""
    first = dateutil_parse(text, default=_NO_DAY_A, **kwargs)  # type: ignore[arg-type]
    if dateutil_parse(text, default=_NO_DAY_B, **kwargs).day != first.day:  # type: ignore[arg-type]
        raise ValueError(f"no day in {text!r}")
    return first


_NO_DAY_A, _NO_DAY_B = datetime(2000, 1, 1), datetime(2000, 1, 2)


@contextmanager
def _dates_need_a_day() -> Iterator[None]:
    """htmldate's dateutil fallback (its only use of dateutil) refuses a date without a day while we call it, and
    only then: trafilatura, which runs htmldate too (the benchmark's baseline), keeps its own behaviour."""
    original = htmldate.extractors.dateutil_parse
    htmldate.extractors.dateutil_parse = _parse_with_day
    try:
        yield
    finally:
        htmldate.extractors.dateutil_parse = original


def _htmldate(tree: lxml.html.HtmlElement, url: str, crawl_date: date | None, *, extensive: bool) -> str | None:
    options: dict = {"url": url or None, "original_date": True, "extensive_search": extensive}
    if crawl_date is not None:
        options["max_date"] = (crawl_date + timedelta(days=1)).isoformat()
    try:
        with _dates_need_a_day():
            return find_date(tree, **options)
    except Exception as exc:  # a third-party failure on one hostile page must not stop a run
        log.debug("htmldate failed on %s: %s", url, exc)
        return None


# a user name as communities print it: "u/sourdough_ledger", "@tmarsh_ops", "m_brandt" (one token with an underscore
# or the u/ or @ of a handle; trafilatura would title-case it and split it at the underscore)
# a platform's account name: "u/sourdough_ledger", "@kenta_mori", Hatena's "id:mochi_tanaka", "okada_ryo"
_USER_HANDLE = re.compile(r"(?:u/|@|id:)(?P<name>[\w.-]{2,30})|(?P<name2>[a-z][a-z0-9]*_[\w.-]{1,28})")
# a post's taxonomy printed in a byline-classed element: "Labels: Titchwell, marsh harrier", "Tags: …"
_TAXONOMY_LABEL = re.compile(r"(?:Labels|Tags|Categories|Category|Topics|Filed\s+under)\s*:", re.IGNORECASE)


def guess_author(tree: lxml.html.HtmlElement) -> str | None:
    """trafilatura's byline XPaths (author-like classes, rel=author) over the article part of the page ("A; B")."""
    try:
        site_names = _site_names(tree)
        for candidates in (_platform_author_elements(tree), *author_elements(tree)):
            for element in candidates:
                if _in_page_furniture(element) or _labelled_not_author(element) or _site_link(element):
                    continue
                if (inside := _authors_inside(element, site_names)) is not None:
                    return inside
                # "Camille Durand (Marseille, envoyée spéciale)": where she filed from and her role, not a name
                text = _without_outlet(_BYLINE_ASIDE.sub("", _author_widget_text(element)), site_names)
                whole = normalize_space(element.text_content() or "")
                if is_stamp_only(whole) or _TAXONOMY_LABEL.match(whole):
                    continue  # Blogger's "byline post-timestamp" ("May 14, 2016") and "byline post-labels"
                if 2 < len(text) <= _MAX_AUTHOR_CHARS:
                    # a community's "u/sourdough_ledger" is kept as the site prints it
                    handle = _USER_HANDLE.fullmatch(text.strip())
                    found = (handle["name"] or handle["name2"]) if handle else _normalized_authors(text)
                    # an author box's "View all of Tomas Kelly's posts." link is no byline: the next candidate is
                    names = found.split(";") if found else []
                    if any(ORGANISATION_WORD.fullmatch(n.strip()) for n in names):
                        continue  # "by University of Otago", which trafilatura's normalisation cuts to "University"
                    if names and (
                        handle is not None
                        or all(looks_like_name(n.strip(), strict=True) or cjk_display_name(n.strip()) for n in names)
                    ):
                        return _with_stacked_authors(element, found, site_names)
        return _credit_block_author(tree) or _representative_card_author(tree)
    except Exception as exc:  # a third-party failure on one hostile page must not stop a run
        log.debug("author search failed: %s", exc)
    return None


def _normalized_authors(text: str) -> str | None:
    """trafilatura's name normalisation ("A; B"), with the vowel signs it cuts from the end of a name put back: it
    ends names at the last letter, and a Devanagari, Bengali or Thai vowel sign is a mark, not a letter ("अमर उजाला"
    came out as "अमर उजाल")."""
    found = normalize_authors(None, text)
    if not found:
        return found
    names = []
    for name in found.split("; "):
        at = text.find(name)
        if at >= 0:
            end = at + len(name)
            while end < len(text) and unicodedata.category(text[end]).startswith("M"):
                end += 1
            name = text[at:end]
        names.append(name)
    return "; ".join(names)


def _authors_inside(element: lxml.html.HtmlElement, site_names: list[str]) -> str | None:
    """ "A; B" when the author element holds one chip per writer, side by side with no separator between them
    (`<div class=Post_authors><a class=Post_author>…Priya Natarajan</a><a class=Post_author>…Sam Okafor</a>`):
    read whole, the two names run into one."""
    chips = [child for child in element if isinstance(child.tag, str)]
    if len(chips) < 2 or any(chip.tag != chips[0].tag or chip.get("class") != chips[0].get("class") for chip in chips):
        return None
    names = [_without_outlet(_author_widget_text(chip), site_names) for chip in chips]
    if all(len(name.split()) >= 2 and looks_like_name(name, strict=True) for name in names):
        return "; ".join(dict.fromkeys(names))
    return None


def _with_stacked_authors(element: lxml.html.HtmlElement, found: str, site_names: list[str]) -> str:
    """The found author and the others stacked beside it in the same small byline block: an avatar stack prints
    each writer in an element of the same class ("Priyanka Rao / Staff Engineer", "Ben Okafor / Developer
    Advocate"). A block with more text than a byline's (a list of related stories) adds nobody."""
    css_class = element.get("class")
    if not css_class:
        return found
    ancestor = element
    for _ in range(_STACK_LEVELS):
        ancestor = ancestor.getparent()
        if ancestor is None:
            return found
        same = [e for e in ancestor.iter(element.tag) if e.get("class") == css_class]
        if len(same) < 2:
            continue
        if len(normalize_space(ancestor.text_content())) > _STACK_MAX_CHARS * len(same):
            return found
        names = [_without_outlet(_author_widget_text(e), site_names) for e in same]
        if all(looks_like_name(name, strict=True) for name in names):
            return "; ".join(dict.fromkeys(names))
        return found
    return found


def _platform_author_elements(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The post author's element as Wix Blog (`data-hook="user-name"`), Patreon (the creator's page name in a public
    post's header), Framer (a layer `data-framer-name="Authors"`) and Forem (dev.to: the `crayons-link` in the
    `crayons-article__header`) mark it, and a name element in a byline or contributors block (the BBC's
    `<div class=sc-contributors><span class=sc-name>Imogen Ashworth</span><span class=sc-role>Business reporter`),
    in document order."""
    found = []
    for element in tree.iter(lxml.etree.Element):
        css = element.get("class") or ""
        if element.get("data-hook") == _WIX_AUTHOR_HOOK or element.get("data-tag") == _PATREON_CREATOR_TAG:
            found.append(element)
        elif _FRAMER_AUTHOR_LAYER.fullmatch(element.get("data-framer-name") or "") and not any(
            _FRAMER_AUTHOR_LAYER.fullmatch(child.get("data-framer-name") or "") for child in element.iterdescendants()
        ):
            found.append(element)  # Framer names its layers: the innermost one called "Author(s)"
        elif _FOREM_HEADER_CLASS in css.split():
            found += [
                link for link in element.iter("a") if _FOREM_AUTHOR_LINK_CLASS in (link.get("class") or "").split()
            ]
        elif (
            "name" in css
            and _NAME_CLASS.search(css)
            and _in_byline_block(element)
            and len((element.text_content() or "").split()) >= 2  # a person's names, not a beat ("Healthcare")
        ):
            found.append(element)
    return found


def _in_byline_block(element: lxml.html.HtmlElement) -> bool:
    for ancestor in itertools.islice(element.iterancestors(), _BYLINE_BLOCK_LEVELS):
        marks = (
            f"{ancestor.get('class') or ''} {ancestor.get('data-component') or ''} {ancestor.get('data-testid') or ''}"
        )
        if _BYLINE_BLOCK.search(marks):
            return True
    return False


def _representative_card_author(tree: lxml.html.HtmlElement) -> str | None:
    """The page's h-card when the post is a microformats h-entry that names no author of its own: by the
    microformats authorship rules the entry's author is then the page's representative h-card, which blog themes
    (Jekyll's minima) print in the site footer: `<footer class="site-footer h-card"> … <li class="p-name">`. Only
    a top-level card counts: one nested in another microformat (a comment's h-cite) is someone else's."""
    classes = [(element, (element.get("class") or "").split()) for element in tree.iter(lxml.etree.Element)]
    if not any("h-entry" in css for _, css in classes) or any("p-author" in css for _, css in classes):
        return None
    names = {
        normalize_space(name.text_content())
        for card, css in classes
        if "h-card" in css and not any(_MICROFORMAT_ROOT.search(a.get("class") or "") for a in card.iterancestors())
        for name in ([card] if "p-name" in css else card.iterdescendants())
        if "p-name" in (name.get("class") or "").split()
    }
    if len(names) != 1:
        return None
    name = names.pop()
    return name if looks_like_name(name, strict=True) else None


def _credit_block_author(tree: lxml.html.HtmlElement) -> str | None:
    """The writers a labelled credits block names ("Penulis : X" beside "Redaktur : Y"), "A; B"."""
    for element in tree.iter("div", "section", "p"):
        if not _CREDIT_BLOCK_CLASS.search(element.get("class") or "") or _in_page_furniture(element):
            continue
        authors: list[str] = []
        for line in element_lines(element):
            parsed = read_byline(line, at_start=False)
            if parsed is not None:
                authors += [name for name in parsed.authors if name not in authors]
        if authors:
            return "; ".join(authors)
    return None


def _site_names(tree: lxml.html.HtmlElement) -> set[str]:
    """The site's name as the page declares it (og:site_name) and as its <title> prints it beside the headline
    ("Notes on SQLite WAL mode | jmoreland.net"), as name_key()s."""
    names = [meta.get("content") or "" for meta in tree.iter("meta") if meta.get("property") == "og:site_name"]
    title = tree.find(".//title")
    if title is not None:
        names += TITLE_SEPARATOR.split(normalize_space(title.text_content()))
    return {key for key in map(name_key, names) if key}


def _site_link(element: lxml.html.HtmlElement) -> bool:
    """A rel=author link that is the site's own: themes (Jekyll's minima) put rel=author on the site-title link
    home, `<a rel="author" href="/">jmoreland.net</a>`; it names the site, not who wrote the post. A personal
    site's title link that is a person's name ("Jane Doe") is hers, and stays."""
    if element.get("rel") != "author":
        return False
    text = normalize_space(element.text_content())
    href = urlsplit(element.get("href") or "")
    home = href.path == "/" or (bool(href.netloc) and not href.path)
    return bool(_HOST_NAME.match(text)) or (home and not looks_like_name(text))


def _without_outlet(text: str, site_names: set[str]) -> str:
    """ "Lena Whitaker | Hartwell University News": a byline naming the writer and, beside her, the office or site
    she writes for; the part that is the site's name or an organisation's is dropped when a person's name stays."""
    parts = [part for part in _BAR.split(text) if part]
    if len(parts) < 2:
        return text
    kept = [part for part in parts if name_key(part) not in site_names and not ORGANISATION_WORD.search(part)]
    if kept and len(kept) < len(parts) and all(len(p.split()) >= 2 and looks_like_name(p, strict=True) for p in kept):
        return " | ".join(kept)
    return text


def _labelled_not_author(element: lxml.html.HtmlElement) -> bool:
    """An author-classed element whose label names another role: Media Indonesia's `Editor : <a class="author">
    Heryadi</a>`, a health site's "Medically reviewed by <span class="author">…". The label is the element's own
    text or the text just before it in its parent."""
    before = ""
    parent = element.getparent()
    if parent is not None:
        before = parent.text or ""
        for sibling in parent:
            if sibling is element:
                break
            before = sibling.text_content() + (sibling.tail or "")  # "<b>Editor :</b> <a class=author>"
    own = normalize_space(element.text_content())
    return bool(_OTHER_ROLE_LABEL.search(normalize_space(before)) or _OTHER_ROLE_LABEL_START.match(own))


def author_elements(tree: lxml.html.HtmlElement) -> tuple[list, list, list]:
    """The elements each of trafilatura's three AUTHOR_XPATHS selects (specific, generic, any element), in document
    order, found in one walk of the tree."""
    # `rel='me'` in the first XPath compares a child *element* named "rel" (not the attribute) with "me"
    rel_me = {rel.getparent() for rel in tree.iter("rel") if rel.text_content() == "me"}
    specific: list = []
    generic: list = []
    anywhere: list = []
    for element in tree.iter(lxml.etree.Element):  # elements only: the XPaths' `*` skips comments and entities
        get = element.get
        css, ident, itemprop = get("class"), get("id"), get("itemprop")
        tag = element.tag
        if not (
            (css and _AUTHOR_CLASS_MARK.search(css))
            or (ident and _AUTHOR_ID_MARK.search(ident))
            or itemprop
            or tag == "author"
            or get("rel") == "author"
            or get("data-testid") in ("AuthorCard", "AuthorURL", "author-name")
            or "Byline" in (get("data-component") or "")
            or (rel_me and element in rel_me)
        ):
            continue
        css, ident, itemprop = css or "", ident or "", itemprop or ""
        if tag == "author" or (
            tag in _AUTHOR_TAGS_1
            and (
                get("rel") == "author"
                or ident == "author"
                or css == "author"
                or itemprop == "author name"
                or get("data-testid") in ("AuthorCard", "AuthorURL", "author-name")
                or any(part in css for part in _AUTHOR_CLASS_PARTS_1)
                or (rel_me and element in rel_me)
            )
        ):
            specific.append(element)
        if tag in _AUTHOR_TAGS_2 and (
            css in _AUTHOR_CLASSES_2
            or "author" in itemprop
            or any(part in ident for part in _AUTHOR_ID_PARTS_2)
            or any(part in css for part in _AUTHOR_CLASS_PARTS_2)
        ):
            generic.append(element)
        if (
            "Byline" in (get("data-component") or "")
            or "author" in itemprop
            or "author" in ident
            or "Author" in ident
            or any(part in css for part in _AUTHOR_CLASS_PARTS_3)
        ):
            anywhere.append(element)
    return specific, generic, anywhere


def _author_widget_text(element: lxml.html.HtmlElement) -> str:
    """The names in an author widget, without what such widgets print after them: an author box stacks the name
    over the job title ("Liz Kenny" / "Former McKinsey Consultant"), a byline runs into its date ("ServiceTitan
    November 26th, 2024") or into a bio ("Daniel Burstein, Senior Director, Content & Marketing")."""
    located = [child for child in element.iterdescendants() if _PLACE_OR_BADGE_CLASS.search(child.get("class") or "")]
    descendants = list(element.iterdescendants())
    job = next((i for i, child in enumerate(descendants) if _JOB_CLASS.search(child.get("class") or "")), None)
    if job is not None:
        located += descendants[job:]  # the names end at the job: what follows it is her "Follow" button or bio
    if located:  # the place the writer files from, or a "Verified" badge, is no further name
        element = _without(element, located)
    lines = [
        line
        for line in (_BY_LABEL.sub("", line).strip() for line in element_lines(element))
        if line and not ABOUT_THE_AUTHOR.match(line)
    ]
    if len(lines) > 1:
        names: list[str] = []
        for line in lines:  # the name lines, up to the first job title / date / sentence line
            if JOB_TITLE.search(line) or find_written_dates(line) or not looks_like_name(line, strict=True):
                break
            names.append(line)
        lines = [", ".join(names)] if names else lines
    text = normalize_space(" ".join(lines) if lines else " ".join(element.itertext()))
    dates = find_written_dates(text)
    if dates and dates[0][0] > 0:  # "FlowGuard EMEA on 04-ago-2021": the name ends where its stamp starts
        text = re.sub(
            rf"(?:[\s,|·•–—/-]+(?:on|at|el|le|am|pada|{STAMP_LABEL_WORDS}):?)*[\s,|·•–—/-]*$",
            "",
            text[: dates[0][0]],
            flags=re.IGNORECASE,
        )
    text = _SITE_ADDRESS.sub("", text)  # "TOI Lifestyle Desk / etimes.in": the outlet's address is no author
    pieces = text.split(",")
    for index, piece in enumerate(pieces[1:], start=1):
        if JOB_TITLE.search(piece) or (len(pieces[0].split()) >= 2 and _outlet_piece(piece.strip())):
            return ",".join(pieces[:index]).strip()
    return text


def _outlet_piece(piece: str) -> bool:
    """ "Jan Koch, ARD-Hauptstadtstudio, tagesschau": one word after a full name that is no one's name, a compound
    (the studio or desk) or written in lower case (the outlet's brand)."""
    words = piece.split()
    return len(words) == 1 and ("-" in piece or not piece[:1].isupper())


def _without(element: lxml.html.HtmlElement, dropped: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement:
    """A copy of `element` without the `dropped` descendants."""
    copy = lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode"))
    drop = {_path(element, d) for d in dropped}
    for child in [child for child in copy.iterdescendants() if _path(copy, child) in drop]:
        if child.getparent() is not None:
            child.drop_tree()
    return copy


def _path(root: lxml.html.HtmlElement, element: lxml.html.HtmlElement) -> tuple[int, ...]:
    path: list[int] = []
    while element is not root and element.getparent() is not None:
        parent = element.getparent()
        path.append(parent.index(element))
        element = parent
    return tuple(reversed(path))


def author_from_links(tree: lxml.html.HtmlElement) -> str | None:
    """The text of the first author-page link whose address names the same person: `<a href="/author/jane-doe/">
    Jane Doe</a>`. A link whose slug spells its own text is a byline whatever the site's class names are."""
    for anchor in tree.iter("a"):
        match = _AUTHOR_HREF.search(anchor.get("href") or "")
        if match is None:
            continue
        # an avatar link has no text: its title or its picture's alt names the person
        text = normalize_space(anchor.text_content()) or _avatar_name(anchor)
        if not text or len(text) > _MAX_AUTHOR_CHARS or _in_page_furniture(anchor):
            continue
        slug, name = folded_key(match.group("slug")), folded_key(text)
        if name and (slug == name or (slug.startswith(name) and slug[len(name) :].isdigit())):
            return text
    return None


def author_from_user_page_link(tree: lxml.html.HtmlElement, url: str) -> str | None:
    """The name on the link to the user page a post's address sits under: on a writing platform a post lives at
    /<user>/articles/<slug> or /@<user>/<slug>, and its profile card links /<user> with the writer's name. Only a
    handle-like user part ("kenta_y", "@mira", "dev42") or a link beside its own picture counts: a site's section
    ("/blog") links its own section page."""
    segments = [part for part in urlsplit(url).path.split("/") if part]
    if len(segments) < 2:
        return None
    user = segments[0]
    handle = user.startswith("@") or bool(re.search(r"[_\d]", user))
    for anchor in tree.iter("a"):
        href = urlsplit(anchor.get("href") or "")
        if href.path.strip("/") != user or (href.netloc and href.netloc != urlsplit(url).netloc):
            continue
        text = normalize_space(anchor.text_content())
        # the profile card may sit in the sidebar: only the menus are out
        in_menu = any(ancestor.tag in ("nav", "header") for ancestor in anchor.iterancestors())
        if not text or len(text) > _MAX_AUTHOR_CHARS or folded_key(user) in folded_key(text) or in_menu:
            continue
        parent = anchor.getparent()
        pictured = parent is not None and any(img.get("alt") == text for img in parent.iter("img"))
        if (handle or pictured) and looks_like_name(text, strict=False):
            return text
    return None


def _avatar_name(anchor: lxml.html.HtmlElement) -> str:
    images = [image.get("alt") or "" for image in anchor.iter("img")]
    return normalize_space(anchor.get("title") or next((alt for alt in images if alt.strip()), ""))


def author_from_avatar(tree: lxml.html.HtmlElement) -> str | None:
    """The name printed beside its own picture in the article's header: `<a href="/about"><img alt="Kwame
    Asante-Boateng"> <span>Kwame Asante-Boateng</span></a>`, as personal and company blogs show their writer. Only
    between the headline and the first paragraph of text: below it, avatars are commenters' and testimonials'."""
    seen_headline = False
    for element in tree.iter("h1", "p", "img"):
        if element.tag == "h1":
            seen_headline = True
        elif element.tag == "p" and seen_headline and len(element.text_content()) > _PARAGRAPH_CHARS:
            return None
        elif element.tag == "img" and seen_headline:
            name = normalize_space(element.get("alt") or "")
            if _GENERIC_AVATAR_ALT.fullmatch(name) and not _in_page_furniture(element):
                # beehiiv's `<img alt="Author" src="…/profile_picture/…">` beside `<span>Sofia Brandt</span>`
                beside = _name_beside_picture(element)
                if beside is not None:
                    return beside
                continue
            if len(name.split()) < 2 or not looks_like_name(name, strict=True) or _in_page_furniture(element):
                continue
            holder = element.getparent()
            for level in range(_AVATAR_NAME_LEVELS):
                if holder is None:
                    break
                text = normalize_space(holder.text_content())
                if text == name and level < _AVATAR_LEVELS:
                    return name
                if text and len(text) <= _AVATAR_BLOCK_MAX_CHARS and element_lines(holder)[:1] == [name]:
                    return name  # Framer: the picture's box beside a box of the name over the job title
                if text:
                    break
                holder = holder.getparent()
    return None


def _name_beside_picture(picture: lxml.html.HtmlElement) -> str | None:
    """The full name first printed in the small block around an author's picture whose alt text names no one."""
    holder = picture.getparent()
    for _ in range(_AVATAR_LEVELS):
        if holder is None:
            return None
        lines = element_lines(holder)
        if lines:
            first = lines[0]
            if sum(len(line) for line in lines) > _AVATAR_BLOCK_MAX_CHARS:
                return None
            if 2 <= len(first.split()) <= _AVATAR_NAME_MAX_WORDS and looks_like_name(first, strict=True):
                return first
            return None
        holder = holder.getparent()
    return None


def author_from_data_layer(tree: lxml.html.HtmlElement) -> str | None:
    """The post author WordPress analytics plugins push into the page's data layer: `"pagePostAuthor":"Krystyna"`."""
    for script in tree.iter("script"):
        match = _DATA_LAYER_AUTHOR.search(script.text or "")
        if match and looks_like_name(match.group("name"), strict=False):
            return match.group("name")
    return None


def author_from_site_name(site_names: list[str | None]) -> str | None:
    """ "Colin Watson's blog": a personal site's name says whose writing it is; so does the byline part of a page
    title ("Why small banks are merging - by Daniel Reyes - The Long View", as Substack and Medium title posts)."""
    for site_name in site_names:
        text = normalize_space(site_name or "")
        match = _PERSONAL_SITE.match(text)
        if match and looks_like_name(match.group("name"), strict=True):
            return match.group("name")
        for part in TITLE_SEPARATOR.split(text)[1:]:  # after the headline
            match = _TITLE_BYLINE.match(part)
            if match and len(match["name"].split()) >= 2 and looks_like_name(match["name"], strict=True):
                return match["name"]
    return None


def _in_page_furniture(element: lxml.html.HtmlElement) -> bool:
    """Inside a sidebar, comments or related-stories box; the search stops at the article (or body) element,
    whose classes describe the whole layout ("has-sidebar"). A footer inside the article is the article's own
    (WordPress' "entry-footer", Blogger's "post-footer" in its hAtom "hentry"): bylines sit there, unless that
    article is itself a teaser in a sidebar."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("article", "main", "body", "html"):
            return False
        marks = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if ancestor.tag in ("aside", "nav"):
            return True
        found = {match.lower() for match in _NOT_THE_ARTICLE.findall(marks)}
        if found:
            article = _enclosing_article(ancestor) if found == {"footer"} else None
            return article is None or _in_page_furniture(article)
    return False


def _enclosing_article(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The nearest <article> or hAtom entry ("hentry", which blog templates put on each post's container)."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "article" or "hentry" in (ancestor.get("class") or "").split():
            return ancestor
    return None


def guess_tags(tree: lxml.html.HtmlElement) -> list[str]:
    """Texts of tag links (/tag/..., /topics/...) outside page furniture."""
    return _link_texts(tree, _TAG_LINK)[:_MAX_TAGS]


def guess_section(tree: lxml.html.HtmlElement) -> str | None:
    """First category link (/category/...) outside page furniture."""
    found = _link_texts(tree, _CATEGORY_LINK)
    return found[0] if found else None


def _link_texts(tree: lxml.html.HtmlElement, href: re.Pattern[str]) -> list[str]:
    texts: list[str] = []
    for anchor in tree.iter("a"):
        target = anchor.get("href")
        if not target or not href.search(target):
            continue
        text = normalize_space(anchor.text_content()).lstrip("#")
        if text and len(text) <= 60 and text not in texts and not _in_page_furniture(anchor):
            texts.append(text)
    return texts
