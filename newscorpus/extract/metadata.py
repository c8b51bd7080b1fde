"""Collects what a page declares about its article: JSON-LD first, then OpenGraph / meta tags / microdata,
then `<time datetime>` elements. Each field is a list of candidates, best evidence first; article.py picks from it.

Only declared data lives here. Anything read from visible prose (bylines, "Jumat (19/5)") is in bylines.py / dates.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from newscorpus.extract.credit_names import CREDENTIAL, looks_like_name
from newscorpus.extract.jsonld import (
    LISTING_TYPES,
    find_article,
    first_text,
    image_of,
    jsonld_objects,
    names_of,
    page_published,
    person_and_org_names,
    resolve_references,
    reviewed_creators,
    types_of,
)
from newscorpus.extract.stamp_labels import UPDATED_WORDS
from newscorpus.extract.text_lines import normalize_space
from newscorpus.extract.titles import TITLE_SEPARATOR

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    "dc.date",
    "dcterms.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "cxenseparse:recs:publishtime",
    "content_publisheddate",
    "datecreated",
    "release_date",
    "originalpublicationdate",
    "article_date_original",
    "bt:pubdate",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "article.updated",
    "modified_time",
    "updated_time",
    "last-modified",
    "lastmod",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "cxenseparse:author",
    "content_author",
    "naverblog:nickname",  # a Naver Blog post's writer
)
_AGLS_CORPORATE = re.compile(r"corporateName\s*=\s*(?P<name>[^;]+)", re.IGNORECASE)
_TITLE_META = ("og:title", "twitter:title", "title", "dc.title", "parsely-title", "headline")
_DESCRIPTION_META = ("og:description", "description", "twitter:description", "dc.description")
_SECTION_META = ("article:section", "section", "parsely-section", "cxenseparse:articlesection", "category")
_TAG_META = ("article:tag", "news_keywords", "parsely-tags", "keywords")
_IMAGE_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "image")
_LANGUAGE_META = ("content-language", "language", "dc.language", "og:locale")
_CHROME_ANCESTORS = ("aside", "nav", "footer")
# a Unix time (seconds or milliseconds) in a stamp's data attribute, which a script turns into "2 days ago"
_EPOCH_ATTRIBUTES = frozenset(
    {"data-timestamp", "data-publish-date", "data-published", "data-pub-date", "data-publish-time", "data-pubdate"}
)
_EPOCH_XPATH = "//*[" + " or ".join(f"@{name}" for name in sorted(_EPOCH_ATTRIBUTES)) + "]"
_EPOCH = re.compile(r"\d{10}|\d{13}")
_EPOCH_MS_DIGITS = 13
_ARTICLE_TAGS = ("article", "header", "main")
_EPOCH_EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
_EPOCH_FUTURE_TOLERANCE = timedelta(days=2)
_ARTICLE_TIME_RANK = 2  # ranks 0-2 of _time_elements: marked as published, in the article, or unmarked
_LABEL_REACH = 40  # characters before a <time> that may hold its label
UPDATE_LABEL_PATTERN = rf"\b(?:{UPDATED_WORDS}|update)\b"
_UPDATE_LABEL = re.compile(UPDATE_LABEL_PATTERN, re.IGNORECASE)
# the comment thread around a reader's <time>: WordPress's "comment-list", Blocksy's "ct-comments", Disqus
_COMMENTS_MARK = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-list|commentlist|comment-body|disqus_thread)(?:$|[\s_-])", re.I
)
# the label of a share card's row that names the writers (`twitter:label1` "Written by", Yoast's and Ghost's)
_WRITTEN_BY = re.compile(r"Written\s+by|Authors?|Geschrieben\s+von|Ditulis\s+oleh|Escrito\s+por|Écrit\s+par", re.I)
_TWITTER_ROWS = 4
# a kicker above the headline inside the <h1>: Zeit's "article-heading__kicker", tagesschau's "seitenkopf__topline",
# FAZ's "header-label", "dachzeile", "eyebrow", "overline"
_KICKER_CLASS = re.compile(
    r"(?:^|[\s_-])(?:kicker|topline|overline|dachzeile|label|eyebrow|roofline|supertitle|antetitulo|occhiello)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
# a class that names the headline in a CMS of its own: "sv_tit", "bk_cim" (hu), "gs_naslov" (sr), "qn_tieude" (vi)
_STYLED_TITLE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:title|tit|titulo|titre|titel|titolo|cim|naslov|tieude|baslik|judul|headline|nadpis|tytul)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_BIG_FONT_SIZE = 4  # <font size="4"> and up: the sizes old templates set their headlines in
_STYLED_HEADLINE_MIN_WORDS = 2
_MAX_STYLED_HEADLINE_WORDS = 25
_NOT_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "option", "select"})
_MIN_HEADLINE_KEY = 12  # letters of a shortened headline an <h2> must continue ("News" starts too many)
# where two elements meet with no space: a word ends (lower case or punctuation) and a capitalised one starts
_GLUED_END = re.compile(r"(?:[^\W\d_]|[:;,.!?])$")
# an <h2> whose class or id calls it the title ("news-article__title", "entry-title", "detailTitle") and that is
# long enough to be a headline rather than a section's name
_TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|headline)(?:$|[\s_-])|[a-z](?:Title|Headline)\b")
_TITLED_H2_MIN_WORDS = 4
_PARAGRAPH_MIN_CHARS = 80
_GENERIC_H1_MAX_WORDS = 4  # "News Flash", a forum's name: short enough to be a module's heading, not a headline
_ITEMPROP_ELEMENTS = lxml.etree.XPath("//*[@itemprop and not(self::meta)]")  # one scan for all microdata lookups


@dataclass
class PageMetadata:
    """Declared article facts, each a list of candidates in order of trust."""

    titles: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # <h1> texts
    html_title: str | None = None
    site_name: str | None = None
    logo_names: list[str] = field(default_factory=list)  # the site's name as its logo <h1> prints it
    descriptions: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)  # JSON-LD, then meta tags / microdata
    # a <meta property/name> publication tag (Open Graph article:published_time, Dublin Core, Parse.ly ...): the
    # date the publisher hands to share cards and feeds, not only to the structured-data record for search engines
    published_tag: bool = False
    modified: list[str] = field(default_factory=list)
    time_elements: list[str] = field(default_factory=list)  # <time datetime>, most article-like first
    printed_times: list[str] = field(default_factory=list)  # the <time>s above not marked or labelled as updates
    authors: list[str] = field(default_factory=list)  # from the best tier that names any
    author_organisations: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    reviewed_creators: list[str] = field(default_factory=list)  # who made the works a review is about
    sections: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)  # absolute URLs
    image_captions: list[str] = field(default_factory=list)
    figure_captions: list[str] = field(default_factory=list)  # every <figcaption> text, to keep out of the body
    language_hints: list[str] = field(default_factory=list)  # <html lang> first, then meta, then JSON-LD
    has_article_type: bool = False  # JSON-LD or og:type say "article"
    has_listing_type: bool = False  # JSON-LD says CollectionPage / ItemList and no article
    paywalled: bool = False  # JSON-LD isAccessibleForFree: false
    canonical_link: str | None = None  # <link rel=canonical>, absolute; the SQL decides whether to trust it


def _canonical_link(tree: lxml.html.HtmlElement, base: str) -> str | None:
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href:
            absolute = urljoin(base, href)
            return absolute if absolute.startswith(("http://", "https://")) else None
    return None


def read_metadata(tree: lxml.html.HtmlElement, url: str) -> PageMetadata:
    """Everything the page declares; never raises on odd markup."""
    base = _base_url(tree, url)
    meta = _meta_values(tree)
    result = PageMetadata()
    objects = jsonld_objects(tree)
    article = find_article(objects)
    if article is not None:
        _read_jsonld_article(article, base, result, objects)
    result.reviewed_creators = reviewed_creators(objects)
    result.has_listing_type = article is None and any(types_of(o) & LISTING_TYPES - {"website"} for o in objects)

    result.titles += _values(meta, _TITLE_META)
    result.descriptions += _values(meta, _DESCRIPTION_META)
    result.published_tag = _has_tag(tree, _PUBLISHED_META)
    microdata = _ITEMPROP_ELEMENTS(tree)
    result.published += _values(meta, _PUBLISHED_META) + _itemprop_values(microdata, "datePublished")
    result.published += page_published(objects, url)  # last: a WebPage's date is weaker than the article's own
    result.modified += _values(meta, _MODIFIED_META) + _itemprop_values(microdata, "dateModified")
    # one tier only: pages list related stories' and commenters' authors in microdata
    citation_authors = [_first_name_first(a) for a in _values(meta, ("citation_author",))]
    declared_authors = [a for a in _values(meta, _AUTHOR_META) if not _is_url(a)]
    # Australian government sites' AGLS creator: "corporateName=Department for Environment and Water;
    # jurisdiction=South Australia", an organisation described in fields
    result.author_organisations += [m["name"].strip() for a in declared_authors if (m := _AGLS_CORPORATE.search(a))]
    for tier in (
        [a for a in declared_authors if "=" not in a],
        _itemprop_authors(microdata),
        citation_authors,  # scholarly pages: one tag per author, often "Last, First"
    ):
        if result.authors:
            break
        result.authors += tier
    written_by = _twitter_written_by(meta)
    if len(written_by) > len(result.authors) and {_key(a) for a in result.authors} <= {_key(n) for n in written_by}:
        result.authors = written_by  # Ghost's JSON-LD names the primary author, its "Written by" card all of them
    result.sections += _values(meta, _SECTION_META)
    for value in _values(meta, _TAG_META):
        result.tags += [t.strip() for t in value.split(",") if t.strip()]
    result.images += [urljoin(base, v) for v in _values(meta, _IMAGE_META)]
    result.site_name = result.site_name or next(iter(_values(meta, ("og:site_name", "application-name"))), None)
    result.has_article_type = result.has_article_type or "article" in (meta.get("og:type") or [""])[0].lower()
    ranked_times = _time_elements(tree)
    result.time_elements = [value for _, value in ranked_times]
    result.printed_times = [value for rank, value in ranked_times if rank <= _ARTICLE_TIME_RANK]
    result.canonical_link = _canonical_link(tree, base)
    title_element = next(tree.iter("title"), None)
    result.html_title = normalize_space(title_element.text_content()) if title_element is not None else None
    declared = [_key(t) for t in [*result.titles, result.html_title or ""] if t]
    logos = [h for h in tree.iter("h1") if _is_logo(h, base)]
    result.logo_names = [t for t in (normalize_space(h.text_content()) for h in logos) if t]
    result.headings = [
        t
        for t in (_heading_text(h, declared) for h in tree.iter("h1") if not _in_page_chrome(h) and h not in logos)
        if t
    ]
    if not result.headings:
        result.headings = _headline_in_h2(tree, [*result.titles, result.html_title or ""]) or _headline_under_module(
            tree, result.titles, result.html_title
        )
    elif len(result.headings) == 1 and len(result.headings[0].split()) <= _GENERIC_H1_MAX_WORDS:
        result.headings = _headline_under_generic_h1(tree, result.headings[0], result.titles, result.html_title)
    if not result.headings and not result.titles and next(tree.iter("h1"), None) is None:
        result.headings = _styled_headline(tree)  # a page from before <h1>s: no logo heading, no declared title
    result.figure_captions = [t for t in (normalize_space(f.text_content()) for f in tree.iter("figcaption")) if t]
    html_lang = tree.get("lang") or tree.get("xml:lang")
    result.language_hints = [h for h in [html_lang, *_values(meta, _LANGUAGE_META), *result.language_hints] if h]
    return result


def _headline_in_h2(tree: lxml.html.HtmlElement, titles: list[str]) -> list[str]:
    """The headline of a template whose only <h1> is its logo (city and county sites): the first <h2> that
    continues a declared or <title> headline ("Council Adopts 2024 Budget | City of …" in the <title>, "Council
    Adopts 2024 Budget, Approves Library Roof Repairs" in the <h2>): the <title> was shortened, the <h2> was not."""
    starts = {_key(part) for title in titles for part in TITLE_SEPARATOR.split(title)[:1] if part.strip()}
    starts = {start for start in starts if len(start) >= _MIN_HEADLINE_KEY}
    for heading in tree.iter("h2"):
        if _in_page_chrome(heading):
            continue
        text = _plain_heading_text(heading)
        key = _key(text)
        if any(key.startswith(start) and key != start for start in starts):
            return [text]
    return []


def _headline_under_module(tree: lxml.html.HtmlElement, titles: list[str], html_title: str | None) -> list[str]:
    """No <h1>, and the first <h2> is a module's short name ("News Flash" over CivicPlus's <h3 class=article-title>):
    the headline under it, found as under a module's <h1>; [] when there is none."""
    module = next((h for h in tree.iter("h2") if not _in_page_chrome(h)), None)
    if module is None:
        return []
    text = _plain_heading_text(module)
    if not 0 < len(text.split()) <= _GENERIC_H1_MAX_WORDS:
        return []
    found = _headline_under_generic_h1(tree, text, titles, html_title, module_tag="h2")
    return [] if found == [text] else found


def _headline_under_generic_h1(
    tree: lxml.html.HtmlElement, h1: str, titles: list[str], html_title: str | None, *, module_tag: str = "h1"
) -> list[str]:
    """Under a module's or forum's short <h1> ("News Flash", "Millbrook Camera Club Forum"), the <h2>-<h4> that
    prints the declared headline, or the one the <title> opens with, or ends a <title> that names the module first
    ("News Flash • Harlan Springs, OH • Police Launch ..."), is the headline. When the <title> is the module's own
    ("Club News | Herons RLFC") and declares nothing more, the first <h2> its class calls a title is. Else the <h1>
    stays."""
    h1_key = _key(h1)
    declared = {_key(title) for title in titles} - {h1_key}
    page_title = _key(html_title or "")
    titled: str | None = None
    titled_tag = "h2" if module_tag == "h1" else "h3"  # the level under the module's heading
    for heading in tree.iter("h2", "h3", "h4"):
        if _in_page_chrome(heading):
            continue
        text = _plain_heading_text(heading)
        key = _key(text)
        if len(key) < _MIN_HEADLINE_KEY or key == h1_key:
            continue
        if key in declared or (page_title.startswith(key) and not page_title.startswith(h1_key)):
            return [text]
        if _key(bare := _plain_heading_text(heading, without_kickers=True)) in declared - {key}:
            return [bare]  # the declared headline under the series label printed in its heading
        if page_title.startswith(h1_key) and page_title.endswith(key) and len(text.split()) >= _TITLED_H2_MIN_WORDS:
            return [text]  # not a site's name ending "Web Courses Defined | Online Learning"
        if (
            titled is None
            and heading.tag == titled_tag
            and len(text.split()) >= _TITLED_H2_MIN_WORDS
            and _TITLE_CLASS.search(f"{heading.get('class') or ''} {heading.get('id') or ''}")
            and _opens_text_under(tree, module_tag, heading)
        ):
            titled = text
    if titled is not None and not declared and page_title.startswith(h1_key):
        return [titled]
    return [h1]


def _styled_headline(tree: lxml.html.HtmlElement) -> list[str]:
    """The headline of a page from before headings were used for it (table layouts, `<font>` tags, a CMS's own
    spans) that declares no title either: the last big or title-classed line above the first paragraph of text
    ("<font size=5><b>School board weighs …</b></font>", "<span class=gs_naslov>…</span>"); the masthead above it
    in big letters is the site's. [] when the page has none."""
    found: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_TEXT_TAGS:
            continue
        if _styled_as_headline(element) and not _in_page_chrome(element):
            text = _plain_heading_text(element)
            if _STYLED_HEADLINE_MIN_WORDS <= len(text.split()) <= _MAX_STYLED_HEADLINE_WORDS:
                found = [text]
        elif found and any(len((part or "").strip()) >= _PARAGRAPH_MIN_CHARS for part in (element.text, element.tail)):
            return found
    return []


def _styled_as_headline(element: lxml.html.HtmlElement) -> bool:
    if element.tag == "font":
        size = (element.get("size") or "").strip()
        big = (size.isdigit() and int(size) >= _BIG_FONT_SIZE) or (size.startswith("+") and size[1:].isdigit())
    else:
        big = element.tag in ("h2", "h3", "span", "div", "td", "p", "b") and bool(
            _STYLED_TITLE_CLASS.search(element.get("class") or "")
        )
    return big and next(element.iterancestors("a"), None) is None and not list(element.iter("a"))


def _plain_heading_text(heading: lxml.html.HtmlElement, *, without_kickers: bool = False) -> str:
    """A sub-heading's words on one line (a <br> between two of them is a space), without the tools set inside it:
    Freshdesk's `<h2 class="heading">Title <a href="javascript:print();">Print</a></h2>`; `without_kickers` also
    leaves out a series label or kicker element inside it ("<span class=series-label>Podcast:</span> Headline")."""
    parts: list[str] = []

    def walk(element: lxml.html.HtmlElement) -> None:
        tool = element.tag == "button" or (
            element.tag == "a" and (element.get("href") or "").strip().lower().startswith("javascript:")
        )
        kicker = without_kickers and element is not heading and _KICKER_CLASS.search(element.get("class") or "")
        if element.tag == "br":
            parts.append(" ")
        elif not tool and not kicker and isinstance(element.tag, str):
            parts.append(element.text or "")
            for child in element:
                walk(child)
                parts.append(child.tail or "")

    walk(heading)
    return " ".join("".join(parts).split())


def _opens_text_under(tree: lxml.html.HtmlElement, module_tag: str, heading: lxml.html.HtmlElement) -> bool:
    """The heading follows the module's heading with no paragraph of text between them: it heads the text, where a
    "Related" card's or a comment section's title comes after the text."""
    after_module = False
    for element in tree.iter(module_tag, "p", heading.tag):
        if element is heading:
            return after_module
        if element.tag == module_tag:
            after_module = True
        elif after_module and element.tag == "p" and len(element.text_content().strip()) >= _PARAGRAPH_MIN_CHARS:
            return False
    return False


def _read_jsonld_article(article: dict, base: str, result: PageMetadata, objects: list[dict]) -> None:
    result.has_article_type = True
    for key in ("headline", "name", "alternativeHeadline"):
        if (text := first_text(article.get(key))) is not None:
            result.titles.append(text)
    if (text := first_text(article.get("description"))) is not None:
        result.descriptions.append(text)
    if (text := first_text(article.get("datePublished"))) is not None:
        result.published.append(text)
    elif (text := first_text(article.get("dateCreated"))) is not None:
        result.published.append(text)
    if (text := first_text(article.get("dateModified"))) is not None:
        result.modified.append(text)
    persons, organisations = person_and_org_names(resolve_references(article.get("author"), objects))
    result.authors += persons
    result.author_organisations += organisations
    result.editors += names_of(article.get("editor"))
    section = article.get("articleSection")
    result.sections += [s for s in (section if isinstance(section, list) else [section]) if isinstance(s, str)]
    keywords = article.get("keywords")
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    if isinstance(keywords, list):
        result.tags += [k.strip() for k in keywords if isinstance(k, str) and k.strip()]
    image_url, caption = image_of(article.get("image"))
    if image_url:
        result.images.append(urljoin(base, image_url))
    if caption:
        result.image_captions.append(caption)
    publisher = article.get("publisher")
    if isinstance(publisher, dict):
        result.site_name = first_text(publisher.get("name"))
    if (language := first_text(article.get("inLanguage"))) is not None:
        result.language_hints.append(language)
    free = article.get("isAccessibleForFree")
    result.paywalled = free is False or (isinstance(free, str) and free.strip().lower() == "false")


def _meta_values(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or element.get("http-equiv")
        content = element.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), []).append(normalize_space(content))
    return values


def _twitter_written_by(meta: dict[str, list[str]]) -> list[str]:
    """The names of the share card's "Written by" row (`twitter:label1` / `twitter:data1`, as Yoast and Ghost emit
    it): "Arjun Mehta, Claire Dubois"."""
    for row in range(1, _TWITTER_ROWS + 1):
        label = (meta.get(f"twitter:label{row}") or [""])[0]
        if _WRITTEN_BY.fullmatch(label.strip()):
            data = (meta.get(f"twitter:data{row}") or [""])[0]
            names = [name.strip() for name in re.split(r",|\s+(?:and|&)\s+", data) if name.strip()]
            # "Priya Nandakumar, PT": a credential after the comma is no second writer; only full names count
            return [
                name
                for name in names
                if not CREDENTIAL.fullmatch(name) and len(name.split()) >= 2 and looks_like_name(name, strict=True)
            ]
    return []


def _has_tag(tree: lxml.html.HtmlElement, keys: tuple[str, ...]) -> bool:
    """True when a <meta property=...> / <meta name=...> with one of `keys` has content; a microdata
    <meta itemprop> is part of the structured-data record and does not count."""
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name")
        if key and key.strip().lower() in keys and (element.get("content") or "").strip():
            return True
    return False


def _values(meta: dict[str, list[str]], keys: tuple[str, ...]) -> list[str]:
    return [value for key in keys for value in meta.get(key, [])]


def _itemprop_values(microdata: list[lxml.html.HtmlElement], prop: str) -> list[str]:
    """Values of the (non-<meta>) microdata elements whose itemprop is `prop`, but for the comment thread's: a
    WordPress theme stamps each reader's comment with its own `itemprop="datePublished"`."""
    values = []
    for element in (e for e in microdata if e.get("itemprop") == prop and not _is_comments_item(e)):
        value = element.get("datetime") or element.get("content") or normalize_space(element.text_content())
        if value:
            values.append(value)
    return values


def _first_name_first(name: str) -> str:
    """ "Roy, Aniruddha" -> "Aniruddha Roy" (the citation tags' library order); other forms stay as they are."""
    last, comma, first = name.partition(",")
    if comma and last.strip() and first.strip() and "," not in first and len(last.split()) <= 3:
        return f"{first.strip()} {last.strip()}"
    return name


def _itemprop_authors(microdata: list[lxml.html.HtmlElement]) -> list[str]:
    """Names in microdata `itemprop="author"`, of the first item that has any: a page lists its related stories
    as items of their own, each with its author, and those are not the article's authors."""
    names = []
    first_item: lxml.html.HtmlElement | None = None
    for index, element in enumerate(e for e in microdata if e.get("itemprop") == "author"):
        item = next((a for a in element.iterancestors() if a.get("itemscope") is not None or a.tag == "article"), None)
        if index == 0:
            first_item = item
        elif item is not first_item:
            continue
        name_element = element.xpath('.//*[@itemprop="name"]')
        holder = name_element[0] if name_element else element
        name = holder.get("content") or normalize_space(holder.text_content())
        if name and len(name) < 80:
            names.append(name)
    return names


def _time_elements(tree: lxml.html.HtmlElement) -> list[tuple[int, str]]:
    """(rank, `<time datetime>` value); ones marked as publication time and outside sidebars/footers come first.
    A <time> whose class says "updated", or that follows an "Updated"/"Last modified" label, is an update stamp."""
    ranked: list[tuple[int, int, str]] = []
    for position, element in enumerate(tree.xpath("//time[@datetime]")):
        value = element.get("datetime", "").strip()
        if not value or _is_comments_item(element):
            continue
        marks = " ".join([element.get("class") or "", element.get("itemprop") or "", element.get("id") or ""]).lower()
        rank = 2
        if element.get("pubdate") is not None or "publish" in marks or "datepublished" in marks:
            rank = 0
        elif "modif" in marks or "updat" in marks or _UPDATE_LABEL.search(_text_before(element)):
            rank = 3
        elif next(element.iterancestors(*_CHROME_ANCESTORS), None) is not None:
            rank = 4
        elif next(element.iterancestors("article", "header", "main"), None) is not None:
            rank = 1
        ranked.append((rank, position, value))
    ranked += [(rank, position, value) for position, (rank, value) in enumerate(_epoch_stamps(tree), len(ranked))]
    return [(rank, value) for rank, _, value in sorted(ranked)]


def _epoch_stamps(tree: lxml.html.HtmlElement) -> list[tuple[int, str]]:
    """(rank, ISO instant) of the article's stamps that a script renders from a Unix time in a data attribute
    (`<span data-timestamp="1718716800000">Published 2 days ago</span>`, `<article data-publish-date="1718716800">`):
    the page prints only the relative time, the attribute holds the instant. Only the article's own: a list of
    other stories carries them too."""
    stamps = []
    for element in tree.xpath(_EPOCH_XPATH):
        if next(element.iterancestors(*_CHROME_ANCESTORS), None) is not None or _is_comments_item(element):
            continue
        for name, value in element.attrib.items():
            if name not in _EPOCH_ATTRIBUTES or _EPOCH.fullmatch(value.strip()) is None:
                continue
            seconds = int(value.strip()) / (1000 if len(value.strip()) == _EPOCH_MS_DIGITS else 1)
            instant = datetime.fromtimestamp(seconds, UTC)
            if _EPOCH_EARLIEST <= instant <= datetime.now(UTC) + _EPOCH_FUTURE_TOLERANCE:
                marked = "pub" in name
                in_article = (
                    element.tag in _ARTICLE_TAGS or next(element.iterancestors(*_ARTICLE_TAGS), None) is not None
                )
                if marked or in_article:
                    stamps.append((0 if marked else 1, instant.isoformat()))
    return stamps


def _is_comments_item(element: lxml.html.HtmlElement) -> bool:
    """A property of a reader's comment: its item is a schema.org Comment, or it sits in the comment thread."""
    item = next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
    return (item is not None and "comment" in (item.get("itemtype") or "").lower()) or _in_comments(element)


def _in_comments(element: lxml.html.HtmlElement) -> bool:
    """Inside the comment thread (WordPress's "comment-list", Blocksy's "ct-comments", Disqus): the <time> there
    stamps a reader's comment, not the story."""
    return any(
        _COMMENTS_MARK.search(f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}")
        for ancestor in element.iterancestors()
    )


def _in_page_chrome(element: lxml.html.HtmlElement) -> bool:
    """Inside a footer / nav / aside that is not itself around the article (whole pages sit in popup asides)."""
    closest = next(element.iterancestors(*_CHROME_ANCESTORS, "article", "main"), None)
    return closest is not None and closest.tag in _CHROME_ANCESTORS


def _is_logo(heading: lxml.html.HtmlElement, base: str) -> bool:
    """An <h1> that is only a link to the site's home page ("<h1><a href="/">The Daily Ledger</a></h1>", or the link
    around it): the logo of a template that marks its masthead as the page's heading, not the headline."""
    links = list(heading.iter("a"))
    # or the link is around the heading: Blogger's `<a href="https://x.blogspot.com/"><h1 class="title">`
    around = next(heading.iterancestors("a"), None)
    if (
        around is not None
        and not links
        and normalize_space(around.text_content()) == normalize_space(heading.text_content())
    ):
        links = [around]
    if len(links) != 1 or normalize_space(links[0].text_content()) != normalize_space(heading.text_content()):
        return False
    target = urlsplit(urljoin(base, links[0].get("href") or ""))
    return target.path in ("", "/") and not target.query and target.netloc == urlsplit(base).netloc


def _heading_text(heading: lxml.html.HtmlElement, declared: list[str] | None = None) -> str:
    """An <h1>'s words: a <br> separates words ("WEEKEND<br>CODING"), and a <time> stamp nested in the heading
    ("<h1><time>Dec 18 2025</time> Headline</h1>") is a date, not part of the headline. Elements printed one after
    the other without a space ("<span>Hochwasser in Bayern</span><span>Lage …</span>") are separate words where a
    capitalised word follows a word's end ("<b>W</b>ord" stays one word). A kicker printed inside the heading
    ("<span class=topline>Bund-Länder-Treffen</span>") is dropped unless the declared titles print it too."""
    kickers = [
        element
        for element in heading.iterdescendants()
        if isinstance(element.tag, str) and _KICKER_CLASS.search(element.get("class") or "")
    ]
    whole = _key(heading.text_content())
    dropped = {
        kicker
        for kicker in kickers
        if (key := _key(kicker.text_content())) and key != whole and not any(key in title for title in declared or [])
    }
    dropped |= _bylines_in(heading, whole)
    parts: list[str] = []

    def add(text: str, boundary: bool) -> None:
        if boundary and text[:1].isupper() and _GLUED_END.search("".join(parts)[-1:]):
            parts.append(" ")
        parts.append(text)

    def walk(element: lxml.html.HtmlElement) -> None:
        if element.tag == "br":
            parts.append("\n")
        elif element.tag != "time" and isinstance(element.tag, str) and element not in dropped:
            add(element.text or "", True)
            for child in element:
                walk(child)
                add(child.tail or "", True)

    walk(heading)
    return " ".join(_declared_lines("".join(parts).split("\n"), declared or []).split())


def _bylines_in(heading: lxml.html.HtmlElement, whole: str) -> set[lxml.html.HtmlElement]:
    """The writer's name printed inside the heading, a `rel="author"` link and what wraps just it: the Guardian's
    opinion pages set the columnist's name in the headline ("<h1><span><a rel=author>Name</a></span> Headline")."""
    found = set()
    for link in heading.iterdescendants("a"):
        if "author" not in (link.get("rel") or "").lower().split():
            continue
        key, element = _key(link.text_content()), link
        while (
            (parent := element.getparent()) is not None and parent is not heading and _key(parent.text_content()) == key
        ):
            element = parent
        if key and key != whole:
            found.add(element)
    return found


def _declared_lines(lines: list[str], declared: list[str]) -> str:
    """An <h1>'s lines (split at its <br>s) without the closing ones the declared titles leave out when the opening
    ones start a declared title: "Headline<br><span>Senior writer Name</span>" declared as "Headline"."""
    for count in range(len(lines) - 1, 0, -1):
        head, tail = _key(" ".join(lines[:count])), _key(" ".join(lines[count:]))
        if head and any(title.startswith(head) for title in declared) and not any(tail in t for t in declared):
            return " ".join(lines[:count])
    return " ".join(lines)


def _key(text: str) -> str:
    return "".join(re.findall(r"\w+", text.casefold()))


def _text_before(element: lxml.html.HtmlElement) -> str:
    """The label printed before a <time>'s date: in its parent ("Updated <time>") or its own text."""
    parent = element.getparent()
    if parent is None:
        return ""
    parts = [parent.text or ""]
    for child in parent:
        if child is element:
            break
        parts.append(child.text_content() + (child.tail or ""))
    own_label = re.split(r"\d", element.text_content(), maxsplit=1)[0]  # <time>Last Updated: Dec 17</time>
    return " ".join(parts)[-_LABEL_REACH:] + " " + own_label[:_LABEL_REACH]


def _base_url(tree: lxml.html.HtmlElement, url: str) -> str:
    base = next((b for b in tree.iter("base") if b.get("href") is not None), None)
    return urljoin(url, base.get("href")) if base is not None else url


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://", "//", "www."))
