"""Finds the article text in a parsed page in one pass over the tree, without editing or copying it.

trafilatura evaluates dozens of large XPath expressions per page (and re-runs readability and jusText to compare),
which made it most of our extraction time. This does what those do in one bottom-up walk:

1. subtrees that are chrome by tag (nav, aside, footer, form, figcaption, script ...) or by class/id words of a
   block (comment, share, sidebar, related, newsletter ...) are skipped, unless they hold most of the page's text
   (some sites name the whole layout "sidebar-left"); a comment section is skipped whatever it holds, an author
   box and a tooltip (even inside a sentence) unless they hold much of the page; "no-sidebar" names no chrome;
2. every paragraph-like block gives its score (length, commas, minus link text) to its parent in full and to its
   grandparent in half, as readability does; the best-scored container is the article (a data table's container
   rather than the table);
3. the pick widens to the ancestor that holds the rest of the article, but not to one whose additions are link text
   or teaser cards of other stories; well-scored siblings join unless they are link-heavy;
4. the container's blocks are read line by line, dropping link-dominated lines at its edges and as paragraphs
   (a code block stays), and a "Baca Juga" / "Related articles" label with the links it heads, with the numbers
   an ordered list shows;
5. intro paragraphs between the page's <h1> and the container (a hero block of their own) are read in front of it.

The result carries a confidence; article.py falls back to trafilatura when it is low, so odd layouts lose speed,
not text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from newscorpus.extract.boilerplate import is_related_label
from newscorpus.extract.dates import find_written_dates
from newscorpus.extract.text_lines import INVISIBLE_TAGS

_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "embed",
        "canvas",
        "head",
        "title",
        "nav",
        "aside",
        "footer",
        "form",
        "button",
        "select",
        "textarea",
        "input",
        "label",
        "menu",
        "dialog",
        "video",
        "audio",
        "picture",
        "img",
        "map",
        "figcaption",
    }
)
_CODE_LINE_BREAK = "\ue000"  # a newline inside <pre>, kept apart from the markup's own newlines until a line is made
_TEXT_OUTSIDE_SELECT = lxml.etree.XPath("descendant-or-self::text()[not(ancestor::select)]")
_PARAGRAPH_TAGS = frozenset({"p", "pre", "blockquote", "td", "dd", "li", "h2", "h3", "h4", "h5", "h6"})
_TEXT_WRAPPER_TAGS = frozenset(
    {"div", "font", "article", "section"}
)  # a paragraph when it holds text of its own, else a wrapper
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figure",
        "figcaption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tr",
        "td",
        "th",
        "ul",
        "center",
        "details",
        "summary",
    }
)
_CAPTION_DESC = r"(?:img|image|photo)[_-]?desc"  # a photo's description: Naver's <em class="img_desc">
_CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-list|commentlist|disqus|respond|reply|share|sharing|social|sharedaddy|"
    r"sidebar|side-bar|related|recommend(?:ed|ations)?|more-stories|read-more|also-read|newsletter-signup|"
    r"subscribe|subscription|signup|sign-up|promo|advert(?:isement)?|ads?|ad-slot|adslot|banner|sponsor(?:ed)?|"
    r"cookie|consent|gdpr|popup|modal|overlay|breadcrumbs?|pagination|pager|nav|navbar|navigation|menu|"
    r"masthead|site-header|site-footer|footer|toolbar|tags?|tag-list|tagcloud|taglist|author-box|author-bio|"
    r"author-info|author-card|author-details|author-description|author-profile|about-the-author|bio|biography|"
    r"newsletter|disclaimer|read-next|up-next|more-from|recirc(?:ulation)?|affiliate-disclosure|"
    r"about-author|byline-bio|skip-link|screen-reader-text|sr-only|visually-hidden|print-only|"
    r"jp-relatedposts|yarpp|outbrain|taboola|trending|popular|most-read|mostread|next-post|prev-post|"
    r"post-navigation|toc|table-of-contents|rating|reviews?-widget|cta|call-to-action|"
    r"(?:wp-|image-?|photo-?|img-|media-)?captions?(?:-text)?|(?:photo-?|image-?)?credits?|donate|donations?|"
    r"polls?|quiz(?:zes)?|"  # a reader poll's or quiz's widget inside the text (Riddle, a CMS's poll block)
    rf"{_CAPTION_DESC}|"  # Naver's caption: <em class="img_desc">
    # affiliate plugins' product boxes: their badge, price, stars, blurb, stamp and "Check price" button (an editor's
    # own paragraphs written into the box stay)
    r"lasso-(?:badge|price|stars|date|buttons?|disclosure|description)|"
    r"aawp-product__(?:price|pricing|rating|footer|ribbon|description)|aawp-table|"
    r"hawk-(?:wrapper|nest|widget)|"  # Future plc's price widget: "Today's best X deals", its shops and prices
    r"(?:gem|app)-c-published-dates|"  # GOV.UK's publication dates and its page's update history
    r"metatable|submission-history)"  # an arXiv abstract's subjects, "Cite as" and version list
    r"(?:$|[\s_-])",
)
_AI_SUMMARY_NOTE = re.compile(
    r"\b(?:AI|artificial intelligence)[- ]generated\b|\bgenerated (?:by|with|using) (?:AI|artificial intelligence)\b|"
    r"\b(?:summari[sz]ed|written) by AI\b|\bdibuat (?:oleh|dengan) AI\b|\bKI-generiert|\bgenerado por (?:la )?IA\b|"
    r"\bgénéré par (?:l')?IA\b",
    re.IGNORECASE,
)
_AI_SUMMARY_MAX_CHARS = 2000
_INLINE_CAPTION = re.compile(rf"(?:^|[\s_-]){_CAPTION_DESC}(?:$|\s)")  # a caption <em>/<span> outside paragraphs
# CSS modules (Next.js, webpack's css-loader) name a class "<Component>_<local>__<hash>": "RelatedArticles_list__x1",
# "InlineNewsletter_root__b3Kq1", "signupBackground___27LhS". The component's name hides its words from _CHROME_WORDS
# (no separator before "Newsletter"); read at camelCase boundaries they count. Only in such a class: a hand-named
# "leadMediaCaption" or "tocHeader" (a heading of the text) keeps its old reading. The hash goes first: split, it
# could spell "ad" or "nav"; a hash has a digit or a capital, a BEM element ("read__content") has none.
_CSS_MODULE_CLASS = re.compile(
    r"(?<!\S)([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)_{2,3}(?=[\w-]*[0-9A-Z])[\w-]{2,12}(?!\S)"
)
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
# a styled-components class: the component's CamelCase name and a hash ("CaptionWrapper-hBBmpj", Condé Nast's Verso)
# ("VideoEnhancement-caption", Brightspot's component-and-element name, has a word, not a hash, after the dash)
_STYLED_CLASS = re.compile(r"(?<!\S)([A-Z][a-z]+(?:[A-Z][a-z0-9]+)+)-(?=[a-z]*[A-Z0-9])[A-Za-z0-9]{5,8}(?!\S)")
# a namespaced BEM block in camelCase ("c-trendingNow", "o-relatedStories": Global News's WordPress VIP theme). Only a
# one-letter namespace: "js-messageContent" is a script's hook (XenForo) and says nothing about the box.
_BEM_CAMEL_BLOCK = re.compile(r"(?<![\w-])[a-z]-[a-z]+(?:[A-Z][a-z0-9]+)+")
_CONTENT_WORDS = re.compile(
    r"article|content|entry|post-body|post_body|postbody|(?<!hi)story|body-text|text-body|main|blog-post|"
    r"td-post-content|rich-?text|prose|markdown",
)
# "related-articles", "more-stories", "popular-posts": the content word names other stories, not this one
_OTHER_STORIES = re.compile(
    r"(?:related|recommend\w*|more|popular|trending|other|next|prev\w*|similar|latest|recent)[-_]?"
    r"(?:articles?|posts?|stor(?:y|ies)|content|entr(?:y|ies)|news)"
)
# Reader comments are prose too (long paragraphs) and often sit in a wrapper named "...-content", so neither the
# prose test nor the content words may keep them; only a wrapper that also holds the headline is the article.
_COMMENT_MARKS = re.compile(
    r"(?:^|[\s_-])(?<!tag-)(?<!category-)(?:comments?|comment-?list|commentlist|comments?-area|disqus(?:_thread)?|"
    # es, pt, ro, it, de, id, pl
    r"comentari(?:os?|ii?)|coment[aá]rios?|commenti|kommentare?|komentar(?:ze)?)"
    r"(?:$|[\s_-])",
)
# The author's box after the story (name, photo, bio): a long bio is prose, so the box is skipped by its class alone,
# unless it holds a large part of the page (then it is the layout). "about_author", "author-wrapper", the Simple
# Author Box plugin's "saboxplugin-wrap"
_AUTHOR_BOX = re.compile(
    r"(?:^|[\s_-])(?:about[-_]?(?:the[-_]?)?authors?|(?:authors?|writers?)[-_]?(?:box|bio|info|card|details|"
    r"description|profile|about|wrap(?:per)?)|saboxplugin[-_]wrap)(?:$|[\s_-])"
)
_AUTHOR_BOX_KEEP_SHARE = 0.3
# "no_toc_section", "no-sidebar", "without-ads": a class naming what the block does not have or is not
_NEGATED_MARK = re.compile(r"(?<![\w-])(?:no|not|without)[-_][\w-]+")
# A tooltip or popover: text shown over the page on hover or click ("Keyword: A keyword is what users write ..." after
# a glossary term), not a part of the sentence it is attached to
_POPUP_MIN_CHARS = 30
_POPUP_MARKS = re.compile(r"(?:^|[\s_-])(?:tooltip|popover|tippy-box)(?:$|[\s_-])")
# Page furniture is a block; an inline element's class names its styling (a code sample's "hljs-comment" span)
_INLINE_TAGS = frozenset(
    {"span", "code", "a", "em", "strong", "b", "i", "u", "small", "sup", "sub", "mark", "time", "abbr", "kbd", "var"}
)
# React's streamed server rendering sends a suspended part of the page (often the whole article) as <div hidden
# id="S:0"> at the end of the body, and a script moves it into place: hidden in the markup, shown to the reader
_STREAMED_BOUNDARY = re.compile(r"S:\d+$")
# An accordion, FAQ, toggle or tab block: its titles are anchors going nowhere. (Its closed panels, display:none
# until clicked, stay left out: the dev set's truth leaves such answers out of the text, wcxb-dev-4155.)
_DISCLOSURE_MARKS = re.compile(r"(?:^|[\s_-])(?:accordions?|faqs?|toggles?|collaps(?:e|ed|ible)|tabs?)(?:$|[\s_-])")
_DISCLOSURE_LEVELS = 4  # the element and its three nearest ancestors
# an accordion's panel, a card's collapsed text ("collapse provider-card__more", "faq-item__a", "collapsible-section")
_COLLAPSED_MARKS = re.compile(
    r"(?:^|[\s_-])(?:collapse|collapsible|accordion|faq|read-?more|more-?text|expandable|toggle)(?:$|[\s_-])"
)
_CONTINUE_READING = re.compile(
    r"(?:continue\s+reading|read\s+(?:the\s+)?(?:full\s+(?:article|story)|rest)|show\s+(?:the\s+)?full\s+(?:article|story)"
    r"|weiterlesen|seguir\s+leyendo|leia\s+mais|continua\s+a\s+leggere|lire\s+la\s+suite|lanjutkan\s+membaca"
    r"|tampilkan\s+semua)\b",
    re.IGNORECASE,
)
_EXPANDER_MAX_WORDS = 6
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# sometimes wrap a whole page: ASP.NET's <form>, or a <button> left unclosed in the header, inside which the parser
# nests the rest of the page
_LAYOUT_TAGS = frozenset({"nav", "aside", "footer", "form", "button"})
_CHROME_KEEP_SHARE = 0.5  # a "chrome" subtree holding more of the page's paragraph text than this is the layout
_HIDDEN_KEEP_SHARE = 0.5  # a hidden subtree holding more of the page's text than this is the page under a dialog
_ARIA_HIDDEN_KEEP_SHARE = 0.3  # ... and one only hidden from screen readers (a modal dialog's backdrop)
_TEASER_LIST_MIN_CARDS = 3
# a card's linked headline or its list's label; an accordion section's heading
_SUBHEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_NOT_ALNUM = re.compile(r"[\W_]+")
_SLUG_MIN_CHARS = 8
_LINK_GRID_MIN_CELLS = 6
_TEASER_CARD_MAX_CHARS = 500  # a headline, a sentence or two of teaser, a time: a card, not a story
_TEASER_LIST_MAX_SHARE = 0.6  # even a list of cards holding more of the page than this is taken for the page
_CARD_MARKS = re.compile(r"(?:^|[\s_-])(?:teaser|card|item|story|post|entry|article)s?(?:$|[\s_-])", re.IGNORECASE)
_TEASER_BOX_MAX_SHARE = 0.3  # a "related" box of linked headlines and teasers holding more of the page is the page
# data-nosnippet: the publisher's own mark for text that is not the page's content (related boxes, expandable code
# samples); some paywalled sites mark the whole story with it, so a marked subtree holding this much of the page stays
_NOSNIPPET_KEEP_SHARE = 0.3
_MIN_PARAGRAPH_CHARS = 25
_BROKEN_CONTAINER_PIECES = 3  # <br>-separated paragraphs that make an element a story container
# A photo story: an intro this short, at least this many captions in the text's container, holding this many times
# the intro's words and this many words each on average (sentences, not "The mayor speaks.")
_PHOTO_STORY_MAX_TEXT_WORDS = 120
_PHOTO_STORY_MIN_CAPTIONS = 4
_PHOTO_STORY_CAPTION_SHARE = 2.0
_PHOTO_STORY_MIN_CAPTION_WORDS = 12
_SLIDE_COUNTER = re.compile(r"\d{1,3}\s*(?:of|/|von|de|dari|di|sur|из|van|z)\s*\d{1,3}$", re.IGNORECASE)
# "Luis Ortega/Valley Courier", "AP Photo/Jane Roe", "Photo: Jane Roe", "(Foto: ANTARA/...)"
_PHOTO_CREDIT = re.compile(
    r"\(?(?:(?:photo|foto|image|picture|credit|bild|gambar)s?\b[^.!?]{0,60}|[^.!?/]{2,40}/[^.!?/]{2,40})\)?$",
    re.IGNORECASE,
)
_MIN_QUOTE_CHARS = 80  # a quoted sentence or two: a box quoting a word or a slogan is still furniture
_PROSE_PARAGRAPH_CHARS = 80
_PROSE_CHARS = 400
_SIBLING_SHARE = 0.2
_SHOP_GRID_MIN_TILES = 3
_SHOP_TILE_MAX_WORDS = 20  # a tile: the product's name, its rating, its price, the button; no sentence
_SHOP_LABEL_MAX_CHARS = 80  # the grid's title or a "See all" link beside the tiles
# a price as shops print it: "$126.49", "160.95 €", "Rp800.000", "R$ 49,90", "1.299 kr", "12,000円"
_PRICE = re.compile(
    r"(?:[$€£¥₹₩]|Rp\.?|R\$|\b(?:USD|EUR|GBP|IDR)\b)\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|円|원|₫|\bkr\b|\bzł|\bKč)"
)
_MAX_WIDEN_STEPS = 10
_BODY_SECTIONS = 2  # other children of <body> holding prose that make it the text's container
_BODY_SECTION_PROSE = 200
_WIDEN_LEVELS = 5  # how far above the best-scored element a container scoring nearly as well is looked for
_WIDEN_GAIN = 1.15  # the parent must add this much prose
_WIDEN_PROSE_SHARE = 0.6  # and what it adds must be mostly prose
_LINE_LINK_DENSITY = 0.5
_CARD_LINK_SHARE = 0.9  # a longer line that is all link: a teaser card, its headline and summary in one <a>
_SENTENCE_OWN_CHARS = 20  # a link-heavy line with this much text of its own around the link is a sentence
_WRAPPER_EXTRA_CHARS = 150  # a parent adding no more prose than this (a caption, a date line) is a wrapper
_WIDEN_MAX_LINK_SHARE = 0.2  # nor be this much link text (teaser lists of other stories)
# a link-dominated line inside the text stays when it is one of these: a list of sources, a linked product heading,
# a code sample whose names link to their documentation
_LINKED_ITEM_BLOCKS = frozenset({"li", "dt", "dd", "td", "th", "h2", "h3", "h4", "h5", "h6", "pre"})
_ITEM_TAGS = frozenset({"li", "dt", "dd", "td", "th"})  # a list item or a table cell: one entry of the text's own
_DATA_TABLE_ROWS = 3  # fewer rows (or a single column): a layout table that may hold the whole story
_TEASER_HEADINGS = 3  # this many linked headlines among what a parent adds make it a list of other stories
_TEASER_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5"})
_INDEX_TAGS = frozenset({"sub", "sup"})  # "H2O", "x2": glued to the letter before them
_LEAD_MAX_LEVELS = 8  # how far up from the container the headline is looked for
_LEAD_MAX_LINK_SHARE = 0.3
_LEAD_MIN_PARAGRAPHS = 2  # a lone paragraph there is the standfirst (or a caption, a bio card): not the text
_LEAD_MAX_SHARE = 0.5  # more prose than this above the container: the pick is a part of the article, not its start
_BYLINE_LABEL = re.compile(r"\b(?:by|written|posted|published|updated|oleh|penulis)\b", re.IGNORECASE)
# the standfirst, a summary box or a caption above the text: the page's own summary, not the article's paragraphs
_SUMMARY_WORDS = re.compile(r"dek|excerpt|summary|standfirst|subtitle|caption|description|teaser|byline|author")


@dataclass
class MainContent:
    """Body lines (one per block) and how sure the extractor is that they are the article (0..1)."""

    lines: list[str] = field(default_factory=list)
    confidence: float = 0.0


@dataclass
class _Stats:
    text: int = 0  # visible characters in the subtree, skipped parts excluded
    links: int = 0  # of which inside <a>
    paragraph: int = 0  # characters in paragraph-like blocks


def extract_main_content(tree: lxml.html.HtmlElement) -> MainContent:
    """The article lines of the page, best effort; never raises on odd markup."""
    body = tree.find("body")
    root = body if body is not None else tree
    teaser_lists: set[lxml.html.HtmlElement] = set()
    collapsed: set[lxml.html.HtmlElement] = set()
    skipped = _chrome_subtrees(root, teaser_lists, collapsed)
    content = _pick(root, skipped, teaser_lists, collapsed=collapsed)
    skipped |= collapsed  # a photo story is read from what shows
    if sum(len(line.split()) for line in content.lines) <= _PHOTO_STORY_MAX_TEXT_WORDS:
        photo_story = _as_photo_story(root, skipped, teaser_lists)
        if photo_story is not None:
            return photo_story
    return content


def _pick(
    root: lxml.html.HtmlElement,
    skipped: set[lxml.html.HtmlElement],
    teaser_lists: set[lxml.html.HtmlElement],
    around: lxml.html.HtmlElement | None = None,
    collapsed: set[lxml.html.HtmlElement] | None = None,
) -> MainContent:
    """The best-scored container widened to the whole text, or the one `around` the given element; `collapsed`
    sections take no part in choosing it, and are read when they are in it."""
    shown = skipped
    if collapsed:
        skipped = skipped | collapsed
    scores: dict[lxml.html.HtmlElement, float] = {}
    prose: dict[lxml.html.HtmlElement, int] = {}
    total_paragraph = _score_paragraphs(root, skipped, scores, prose)
    if not scores:
        return MainContent()
    for element in list(scores):
        scores[element] *= _class_weight(element)
    if around is None:
        around = _widen(_out_of_data_table(max(scores, key=lambda e: scores[e])), scores)
    best = _widen_to_prose(around, prose, skipped, teaser_lists)
    parts = _with_siblings(best, scores, skipped)
    if collapsed and (rest := _rest_behind_expander(parts[-1], collapsed)) is not None:
        parts.append(rest)  # the story's hidden rest under its "Continue reading" button
    lines: list[str] = _lead_under_headline(parts[0], skipped)
    for part in parts:
        lines += _readable_lines(part, shown)
    picked = sum(len(line) for line in lines)
    confidence = min(1.0, picked / total_paragraph) if total_paragraph else 0.0
    return MainContent(lines=lines, confidence=confidence)


def _as_photo_story(
    root: lxml.html.HtmlElement, skipped: set[lxml.html.HtmlElement], teaser_lists: set[lxml.html.HtmlElement]
) -> MainContent | None:
    """A photo story ("Photos: one last show at the drive-in") tells its story in its gallery's captions under an
    intro of a paragraph or two: then the captions are the text, though they are furniture on every other page.
    Their slide counters ("3 of 8") and photo credits ("Name/Outlet") stay out. None when the page is not one:
    fewer than a few captions of sentences, or a text that does not consist mostly of them."""
    captions = [
        caption
        for caption in root.iter("figcaption")
        if caption in skipped
        and not _skipped_above(caption, root, skipped)
        and len((caption.text_content() or "").split()) >= _PHOTO_STORY_MIN_CAPTION_WORDS
    ]
    if len(captions) < _PHOTO_STORY_MIN_CAPTIONS:
        return None
    shown = skipped - set(captions)
    for caption in captions:
        shown |= _chrome_subtrees(caption, set())
        shown.update(child for child in caption.iter() if child is not caption and _is_slide_furniture(child))
    gallery = captions[0]
    while gallery is not None and not all(gallery in caption.iterancestors() for caption in captions[1:]):
        gallery = gallery.getparent()
    story = _pick(root, shown, teaser_lists, around=gallery)
    caption_words = sum(len(_block_text(caption).split()) for caption in captions)
    other_words = sum(len(line.split()) for line in story.lines) - caption_words
    if caption_words < _PHOTO_STORY_CAPTION_SHARE * max(other_words, 1):
        return None
    return story


def _skipped_above(
    element: lxml.html.HtmlElement, root: lxml.html.HtmlElement, skipped: set[lxml.html.HtmlElement]
) -> bool:
    """An ancestor of the element below `root` is left out itself (a gallery in an aside, a related card)."""
    parent = element.getparent()
    while parent is not None and parent is not root:
        if parent in skipped:
            return True
        parent = parent.getparent()
    return False


def _is_slide_furniture(element: lxml.html.HtmlElement) -> bool:
    """A slide counter or a photo credit inside a caption: a short element of its own, no sentence in it."""
    text = _collapse_spaces(element.text_content() or "").strip()
    return bool(text) and (bool(_SLIDE_COUNTER.match(text)) or bool(_PHOTO_CREDIT.match(text)))


def _chrome_subtrees(
    root: lxml.html.HtmlElement,
    teaser_lists: set[lxml.html.HtmlElement],
    collapsed: set[lxml.html.HtmlElement] | None = None,
) -> set[lxml.html.HtmlElement]:
    """Elements whose whole subtree is page furniture, except ones that hold the article's text; the lists of
    other stories' cards among them are also put in `teaser_lists`, and hidden sections a reader opens in place
    (accordions) in `collapsed`: they are read where the text is, but do not decide where that is."""
    page_chars = 0
    skipped: set[lxml.html.HtmlElement] = set()
    chrome_marks: dict[str, tuple[bool, bool, bool, bool]] = {}  # class/id strings repeat a lot within a page
    stack = list(root)
    while stack:
        element = stack.pop()
        tag = element.tag
        if not isinstance(tag, str):
            skipped.add(element)
            continue
        if tag in _SKIP_TAGS:
            parent = element.getparent()
            if tag == "button" and parent is not None and parent.tag in _SUBHEADING_TAGS:
                stack.extend(element)  # an accordion's section heading, printed as the button that opens it
                continue
            if tag == "button" and _is_expander(element):
                following = element.getnext()
                if following is not None and _is_collapsed_section(following):
                    stack.extend(element)  # an FAQ's question, the button that opens its answer
                    continue
            if tag in _LAYOUT_TAGS:
                page_chars = page_chars or _text_chars(root) or 1
                if _share(element, page_chars) > _CHROME_KEEP_SHARE:
                    stack.extend(element)
                    continue
            skipped.add(element)
            continue
        if not element.keys():  # no attributes (most <p>, <li>, <span>): none of the marks below can apply
            stack.extend(element)
            continue
        attributes = element.attrib
        hidden = "hidden" in attributes and not _STREAMED_BOUNDARY.match(attributes.get("id") or "")
        style = attributes.get("style")
        out_of_view = hidden or bool(style and _HIDDEN_STYLE.search(style))
        if out_of_view or attributes.get("aria-hidden") == "true":
            page_chars = page_chars or _text_chars(root) or 1
            # the page behind a cookie wall or paywall dialog is hidden from screen readers while the dialog shows
            # (aria-hidden), or from view until it is paid for: a hidden subtree that large is read
            keep_share = _HIDDEN_KEEP_SHARE if out_of_view else _ARIA_HIDDEN_KEEP_SHARE
            behind_dialog = _share(element, page_chars) > keep_share
            if not behind_dialog:
                if collapsed is None or not _is_collapsed_section(element):
                    skipped.add(element)
                    continue
                collapsed.add(element)
        if "data-nosnippet" in attributes and tag not in _INLINE_TAGS:  # a marked <span> is part of its sentence
            page_chars = page_chars or _text_chars(root) or 1
            if _share(element, page_chars) <= _NOSNIPPET_KEEP_SHARE:
                skipped.add(element)
                continue
        # React sites hash their class names and say what a block is in a data attribute instead
        component = attributes.get("data-component") or attributes.get("data-testid") or ""
        element_id = attributes.get("id") or ""
        if element_id and tag in _SUBHEADING_TAGS and _is_slug_of_text(element_id, element):
            element_id = ""  # a jump target named after the heading's words ("where-do-credit-scores-come-from")
        marks = f"{attributes.get('class') or ''} {element_id} {attributes.get('role') or ''} {component}"
        if len(marks) <= 3:
            stack.extend(element)
            continue
        if tag in _INLINE_TAGS:  # "hljs-comment" in a code sample, "share-count" in a line: only a tooltip goes
            if _INLINE_CAPTION.search(marks) and not any(a.tag == "p" for a in element.iterancestors()):
                skipped.add(element)  # ... and a photo's caption outside any paragraph: Naver's <em class="img_desc">
                continue
            if marks.strip() == "descriptor":
                skipped.add(element)  # arXiv's field labels: <span class="descriptor">Abstract:</span>
                continue
            if _popup_marks(marks):
                page_chars = page_chars or _text_chars(root) or 1
                if _is_popup_text(element, page_chars):
                    skipped.add(element)
                    continue
            stack.extend(element)
            continue
        if "ummar" in marks and _is_ai_summary(element):
            skipped.add(element)  # Rappler's "Summary … This is AI generated summarization": no one wrote it
            continue
        if _is_teaser_list(element):
            page_chars = page_chars or _text_chars(root) or 1
            if _share(element, page_chars) <= _TEASER_LIST_MAX_SHARE:
                skipped.add(element)  # "Latest News": cards of other stories, each a linked headline and a teaser
                teaser_lists.add(element)
                continue
        if ("product" in marks or "shop" in marks) and _is_shop_grid(element):
            skipped.add(element)  # "Shop Trekking Poles": a shop's tiles inside a guide, each a name, a price, a button
            continue
        verdict = chrome_marks.get(marks)
        if verdict is None:
            # the class-word patterns are lowercase: faster than case-insensitive matching; "no_toc_section",
            # "no-sidebar" say what the block is not. A substring test first where a pattern needs one word
            lowered = marks.lower()
            words = _class_words(marks, lowered)
            if "no" in lowered:
                lowered = _NEGATED_MARK.sub(" ", lowered)
                words = _NEGATED_MARK.sub(" ", words)
            verdict = chrome_marks[marks] = (
                ("omment" in lowered or "oment" in lowered or "disqus" in lowered)
                and bool(_COMMENT_MARKS.search(lowered)),
                bool(_CHROME_WORDS.search(words) and not _names_content(words)),
                ("author" in lowered or "writer" in lowered or "sabox" in lowered)
                and bool(_AUTHOR_BOX.search(lowered)),
                _popup_marks(lowered),
            )
        is_comment, is_chrome, is_author_box, is_popup = verdict
        if is_popup:
            page_chars = page_chars or _text_chars(root) or 1
            if _is_popup_text(element, page_chars):
                skipped.add(element)
                continue
        if is_comment and next(element.iter("h1"), None) is None:
            skipped.add(element)
            continue
        if is_author_box and next(element.iter("h1"), None) is None:
            page_chars = page_chars or _text_chars(root) or 1
            if _share(element, page_chars) <= _AUTHOR_BOX_KEEP_SHARE:
                skipped.add(element)
                continue
        if is_chrome and not _is_bare_quote(element):
            if not _holds_prose(element):
                skipped.add(element)
                continue
            page_chars = page_chars or _text_chars(root) or 1
            if _is_teaser_box(element) and _share(element, page_chars) <= _TEASER_BOX_MAX_SHARE:
                skipped.add(element)  # "More from Politics": other stories' headlines with teasers as long as text
                continue
        stack.extend(element)  # a skipped element's descendants need no verdict of their own
    return skipped


def _is_ai_summary(element: lxml.html.HtmlElement) -> bool:
    """A summary box that says a machine wrote it."""
    text = element.text_content() or ""
    return len(text) <= _AI_SUMMARY_MAX_CHARS and bool(_AI_SUMMARY_NOTE.search(text))


def _is_slug_of_text(element_id: str, element: lxml.html.HtmlElement) -> bool:
    """Whether the id spells the element's own words: the anchor a CMS derives from a heading's text, whose words
    ("credit", "share", "related") say nothing about what kind of block it is."""
    slug = _NOT_ALNUM.sub("", element_id.lower())
    return len(slug) >= _SLUG_MIN_CHARS and slug in _NOT_ALNUM.sub("", (element.text_content() or "").lower())


def _is_collapsed_section(element: lxml.html.HtmlElement) -> bool:
    """A hidden block that a reader opens in place: an accordion's or FAQ's answer under the button that expands it,
    a card's collapsed "Read more" text. Its words are the article's (the dev set's truth keeps a collapsed section's
    text); a hidden menu, modal or duplicate is not opened by a button beside it and stays out."""
    text = _collapse_spaces(element.text_content() or "")
    if len(text) < _MIN_PARAGRAPH_CHARS or sum(len(a.text_content() or "") for a in element.iter("a")) * 2 > len(text):
        return False  # a hidden menu, a list of links
    previous = element.getprevious()
    if previous is not None and isinstance(previous.tag, str) and _is_expander(previous):
        return True
    marks = f"{element.get('class') or ''} {element.get('data-theme-key') or ''}".lower()
    return bool(marks.strip()) and bool(_COLLAPSED_MARKS.search(marks))


def _rest_behind_expander(
    part: lxml.html.HtmlElement, collapsed: set[lxml.html.HtmlElement]
) -> lxml.html.HtmlElement | None:
    """The collapsed block right after the text and the button that opens it: the rest of the story."""
    button = part.getnext()
    if button is None or not isinstance(button.tag, str) or not _is_expander(button):
        return None
    rest = button.getnext()
    return rest if rest is not None and rest in collapsed else None


def _is_expander(element: lxml.html.HtmlElement) -> bool:
    """The button (or the heading holding it) that opens the section after it: an accordion's question."""
    if element.get("aria-expanded") is not None:
        return True
    if next((b for b in element.iter("button") if b.get("aria-expanded") is not None), None) is not None:
        return True
    # a "Continue reading" button over the rest of the story, which the page holds hidden until it is pressed
    words = _collapse_spaces(element.text_content() or "").strip()
    return len(words.split()) <= _EXPANDER_MAX_WORDS and bool(_CONTINUE_READING.match(words))


def _is_bare_quote(element: lxml.html.HtmlElement) -> bool:
    """A block that holds a quotation and nothing to click: GOV.UK press releases set a minister's words in a
    "call-to-action" box. A box with a link, a button, a form or a picture is what its class says it is."""
    if next(element.iter("blockquote"), None) is None:
        return False
    if next(element.iter("a", "button", "form", "input", "img", "iframe"), None) is not None:
        return False
    return len(_collapse_spaces(element.text_content() or "")) >= _MIN_QUOTE_CHARS


_ATOMIC_MIN_CLASSES = 5
_ATOMIC_SHARE = 0.7


def _class_words(marks: str, lowered: str) -> str:
    """The class/id string lowered, CSS-module and styled-components classes read without their hash and with
    their camelCase words set apart by "-" ("InlineNewsletter_root__b3Kq1" -> "inline-newsletter_root",
    "CaptionWrapper-hBBmpj" -> "caption-wrapper"), as are camelCase BEM blocks ("c-trendingNow" ->
    "c-trending-now"), for the chrome words. `lowered` is marks.lower(), returned as it is when the string has no
    capitals (most do not)."""
    tokens = lowered.split()
    if len(tokens) >= _ATOMIC_MIN_CLASSES and sum(len(t) <= 2 for t in tokens) >= _ATOMIC_SHARE * len(tokens):
        # Medium's generated atomic classes ("nj jf ad sg zo xk re"): an "ad" among them is chance, not an ad slot
        lowered = " ".join(t for t in tokens if len(t) > 2)
        marks = " ".join(t for t in marks.split() if len(t) > 2)
    if lowered == marks:
        return lowered
    words = marks
    if "__" in marks:
        words = _CSS_MODULE_CLASS.sub(lambda match: _CAMEL_BOUNDARY.sub("-", match.group(1)), words)
    if "-" in marks:
        words = _STYLED_CLASS.sub(lambda match: _CAMEL_BOUNDARY.sub("-", match.group(1)), words)
        words = _BEM_CAMEL_BLOCK.sub(lambda match: _CAMEL_BOUNDARY.sub("-", match.group(0)), words)
    return words.lower()


def _popup_marks(marks: str) -> bool:
    """Whether a class/id names a tooltip or a popover (a cheap substring test first: this runs on inline tags)."""
    lowered = marks.lower()
    return ("tool" in lowered or "pop" in lowered or "tippy" in lowered) and bool(_POPUP_MARKS.search(lowered))


def _is_popup_text(element: lxml.html.HtmlElement, page_chars: int) -> bool:
    """A tooltip or popover with a sentence in it (a glossary definition shown on hover, inside a sentence too). A
    label of a word or two is what an icon says on the page ("B corp", "Vegan"), and a "tooltip" holding much of
    the page is a layout wrapper."""
    chars = len((element.text_content() or "").strip())
    return _POPUP_MIN_CHARS <= chars <= _NOSNIPPET_KEEP_SHARE * page_chars


def _names_content(marks: str) -> bool:
    """Content words in the class/id, other than as a box of other stories ("related-articles", "more-posts")."""
    return bool(_CONTENT_WORDS.search(marks) and _CONTENT_WORDS.search(_OTHER_STORIES.sub(" ", marks)))


def _is_teaser_list(element: lxml.html.HtmlElement) -> bool:
    """Three or more cards of other stories side by side: each an <article> (or a block classed as a card, teaser
    or item) holding a linked headline and at most a short teaser, none a page's own <h1>."""
    cards = 0
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _SUBHEADING_TAGS:
            continue  # the list's own heading ("Latest News")
        if child.tag != "article" and not _CARD_MARKS.search(child.get("class") or ""):
            return False
        if not _is_teaser_card(child):
            return False
        cards += 1
    return cards >= _TEASER_LIST_MIN_CARDS


def _is_shop_grid(element: lxml.html.HtmlElement) -> bool:
    """Three or more product tiles side by side (or in the one list the block holds under its title), each a name,
    a price and a link or a button to buy it, with nothing else beside them but short labels. A guide's own
    product picks are told in sentences, which no tile holds."""
    children = [child for child in element if isinstance(child.tag, str)]
    lists = [child for child in children if child.tag in ("ul", "ol")]
    if len(lists) == 1:
        items = [child for child in lists[0] if isinstance(child.tag, str)]  # a comment between tiles is no tile
        children = [child for child in children if child is not lists[0]] + items
    tiles = 0
    for child in children:
        text = _collapse_spaces(child.text_content() or "")
        if len(text.split()) > _SHOP_TILE_MAX_WORDS:
            return False
        if _PRICE.search(text) and next(child.iter("a", "button"), None) is not None:
            tiles += 1
        elif len(text) > _SHOP_LABEL_MAX_CHARS:
            return False
    return tiles >= _SHOP_GRID_MIN_TILES


def _is_teaser_card(card: lxml.html.HtmlElement) -> bool:
    return len(card.text_content() or "") <= _TEASER_CARD_MAX_CHARS and _is_teaser_box(card)


def _is_teaser_box(element: lxml.html.HtmlElement) -> bool:
    """Linked headlines of other stories and no headline of its own: a box whose prose is their teasers."""
    if next(element.iter("h1"), None) is not None:
        return False
    return any(
        next(heading.iter("a"), None) is not None or next(heading.iterancestors("a"), None) is not None
        for heading in element.iter(*_SUBHEADING_TAGS)
    )


def _holds_prose(element: lxml.html.HtmlElement) -> bool:
    """Several long paragraphs: an article container whose class merely contains a chrome word."""
    prose = 0
    for paragraph in element.iter("p"):
        length = len((paragraph.text_content() or "").strip())
        if length >= _PROSE_PARAGRAPH_CHARS:
            prose += length
            if prose >= _PROSE_CHARS:
                return True
    return False


def _share(element: lxml.html.HtmlElement, page_chars: int) -> float:
    return _text_chars(element) / page_chars


def _text_chars(element: lxml.html.HtmlElement) -> int:
    """Characters of the element's text, its scripts' and style sheets' left out: the page's state blobs after an
    ASP.NET <form> that wraps the whole page must not make the form look like a minor part of it."""
    chars = len(element.text_content() or "")
    for code in element.iter("script", "style", "template"):
        chars -= len(code.text or "")
    return chars


def _score_paragraphs(
    root: lxml.html.HtmlElement,
    skipped: set[lxml.html.HtmlElement],
    scores: dict[lxml.html.HtmlElement, float],
    prose: dict[lxml.html.HtmlElement, int],
) -> int:
    """Readability's scoring: each paragraph feeds its parent and grandparent; returns total paragraph chars."""
    total = 0
    stack = [root]
    while stack:
        element = stack.pop()
        if element in skipped:
            continue
        tag = element.tag
        # a layout cell holding tables (old table sites nest the story's table in a column's <td>) is no paragraph;
        # a <font> around <br>-separated text is one, as a <div> is
        # (a <figcaption> is only reached when a photo story's captions are read as its text)
        # so is a <span> around several of them (old portals' story element: "<span class=txt>…<br><br>…")
        is_paragraph = (
            (tag in _PARAGRAPH_TAGS and not (tag == "td" and _is_layout_cell(element)))
            or (tag in _TEXT_WRAPPER_TAGS and _has_direct_text(element))
            or tag == "figcaption"
            or (tag == "span" and _is_broken_story(element))
        )
        if is_paragraph:
            text = _block_text(element)
            length = len(text)
            # the link text is only read for a block long enough to count (most short ones are menu items)
            links = _link_chars(element, skipped) if length >= _MIN_PARAGRAPH_CHARS else 0
            if length >= _MIN_PARAGRAPH_CHARS and links < 0.5 * length:
                total += length
                for ancestor in element.iterancestors():
                    prose[ancestor] = prose.get(ancestor, 0) + length
                # text set apart by <br>s (Naver's, Antara's, old portals' story element) is that many paragraphs
                pieces = 1 + _broken_paragraphs(element) if tag in _TEXT_WRAPPER_TAGS or tag == "span" else 1
                score = (pieces + text.count(",") + text.count("、") + min(length / 100.0, 3.0 * pieces)) * (
                    1 - links / length
                )
                parent = element.getparent()
                if pieces >= _BROKEN_CONTAINER_PIECES:
                    # several <br>-separated paragraphs: the element holds the story itself, as a <div> of <p>s
                    # would, and its parent (which also holds the headline block and the footer) only half of it
                    prose[element] = prose.get(element, 0) + length
                    scores[element] = scores.get(element, 0.0) + score
                    if parent is not None:
                        scores[parent] = scores.get(parent, 0.0) + score / 2
                elif parent is not None:
                    scores[parent] = scores.get(parent, 0.0) + score
                    grandparent = parent.getparent()
                    if grandparent is not None:
                        scores[grandparent] = scores.get(grandparent, 0.0) + score / 2
            if tag not in _TEXT_WRAPPER_TAGS:
                continue  # a paragraph's own children are not paragraphs
        stack.extend(reversed(element))
    return total


def _is_layout_cell(cell: lxml.html.HtmlElement) -> bool:
    """A table cell that lays out a column of the page (old table sites: the story's own table, or its headline and
    text blocks, in a column's <td>, or the story as <br>-separated text in a <font> of its own), not a cell of
    data."""
    return next(cell.iter("table", "h1", "div", "p"), None) is not None or any(
        child.tag in ("font", "span") and _is_broken_story(child) for child in cell
    )


def _is_broken_story(element: lxml.html.HtmlElement) -> bool:
    """An inline element holding a story of its own text set apart by <br>s, as a <div> would."""
    return 1 + _broken_paragraphs(element) >= _BROKEN_CONTAINER_PIECES and _has_direct_text(element)


def _broken_paragraphs(element: lxml.html.HtmlElement) -> int:
    """How many paragraphs of the element's own text start after a <br>."""
    return sum(1 for child in element if child.tag == "br" and len((child.tail or "").strip()) >= _MIN_PARAGRAPH_CHARS)


def _has_direct_text(element: lxml.html.HtmlElement) -> bool:
    """A <div> used as a paragraph: text of its own, not only inside child blocks."""
    if element.text and len(element.text.strip()) >= _MIN_PARAGRAPH_CHARS:
        return True
    if _is_span_paragraph(element):
        # React sites (Kumparan's styled components) write each paragraph as a <span> in its own <div>s; one such
        # <div> alone is more often a promo line, so it counts only beside another (its own or its wrapper's sibling)
        parent = element.getparent()
        neighbours = [element.getprevious(), element.getnext()]
        if parent is not None and len(parent) == 1:
            neighbours += [
                wrapper[0]
                for wrapper in (parent.getprevious(), parent.getnext())
                if wrapper is not None and len(wrapper) == 1
            ]
        return any(other is not None and _is_span_paragraph(other) for other in neighbours)
    return any(
        isinstance(child.tag, str)
        and (child.tag in ("br", "a", "b", "strong", "i", "em", "span") and len((child.tail or "").strip()) > 20)
        for child in element
    )


def _is_span_paragraph(element: lxml.html.HtmlElement) -> bool:
    """A <div> whose one child is a <span> of prose and nothing else."""
    if len(element) != 1 or (element.text or "").strip() or element.tag not in _TEXT_WRAPPER_TAGS:
        return False
    span = element[0]
    if span.tag != "span" or (span.tail or "").strip():
        return False
    if any(isinstance(child.tag, str) and child.tag in _BLOCK_TAGS for child in span.iterdescendants()):
        return False
    return len(span.text_content().strip()) >= _PROSE_PARAGRAPH_CHARS


def _text_and_links(element: lxml.html.HtmlElement, skipped: set[lxml.html.HtmlElement]) -> tuple[str, int]:
    """The block's text and how many of its characters are link text."""
    return _block_text(element), _link_chars(element, skipped)


def _block_text(element: lxml.html.HtmlElement) -> str:
    """The block's text; a drop-down's options (an archive's hundreds of dates) are a widget, not prose."""
    if next(element.iter("select"), None) is None:
        return _collapse_spaces(element.text_content() or "")
    return _collapse_spaces("".join(_TEXT_OUTSIDE_SELECT(element)))


def _link_chars(element: lxml.html.HtmlElement, skipped: set[lxml.html.HtmlElement]) -> int:
    return sum(len((a.text_content() or "").strip()) for a in element.iter("a") if a not in skipped)


def _is_disclosure_title(anchor: lxml.html.HtmlElement) -> bool:
    """An <a> that goes nowhere (no href, "", "#" or "javascript:…") in an accordion, FAQ, toggle or tab block: the
    title a reader clicks to open the text under it (`<a class="elementor-accordion-title" tabindex="0">`), a
    question of the text's own and not a link. An <a> with no href elsewhere is still read as a link: site builders
    leave their menu links' and buttons' href to the page's scripts."""
    href = (anchor.get("href") or "").strip()
    if href and href != "#" and not href[:11].lower().startswith("javascript:"):
        return False
    return _in_disclosure(anchor)


def _in_disclosure(element: lxml.html.HtmlElement) -> bool:
    """Whether the element or one of its nearest ancestors is marked as an accordion, FAQ, toggle or tab block."""
    node: lxml.html.HtmlElement | None = element
    for _ in range(_DISCLOSURE_LEVELS):
        if node is None:
            return False
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if len(marks) > 1 and _DISCLOSURE_MARKS.search(marks.lower()):
            return True
        node = node.getparent()
    return False


def _collapse_spaces(text: str) -> str:
    """Runs of whitespace as one space, trimmed: what `re.sub(r"\\s+", " ", text).strip()` gives (str.split and the
    regex's \\s both mean Unicode whitespace), at a fraction of the cost; it runs on every paragraph and line."""
    return " ".join(text.split())


def _class_weight(element: lxml.html.HtmlElement) -> float:
    raw = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('itemprop') or ''}"
    marks = raw.lower()
    weight = 1.0
    if element.tag in ("article", "main") or _CONTENT_WORDS.search(marks):
        weight *= 1.25
    words = _class_words(raw, marks)
    if _CHROME_WORDS.search(words) and not _names_content(words):
        weight *= 0.6
    return weight


def _out_of_data_table(best: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A data table's cells score as paragraphs, and a big table can outscore the text around it; a table is part
    of an article, never the article, so the pick moves to the table's container. A table with a single column or
    only a row or two is page layout (old sites put the whole story in a <td>) and is left alone."""
    if best.tag not in ("table", "tbody", "thead", "tfoot"):
        return best
    table = best if best.tag == "table" else next(best.iterancestors("table"), None)
    if table is None or table.getparent() is None:
        return best
    rows = [row for row in table.iter("tr") if next(row.iterancestors("table"), None) is table]
    if len(rows) < _DATA_TABLE_ROWS or max(len(row.findall("td")) + len(row.findall("th")) for row in rows) < 2:
        return best
    return table.getparent()


def _widen_to_prose(
    node: lxml.html.HtmlElement,
    prose: dict[lxml.html.HtmlElement, int],
    skipped: set[lxml.html.HtmlElement],
    teaser_lists: set[lxml.html.HtmlElement],
) -> lxml.html.HtmlElement:
    """Moves up while the parent adds mostly prose: an article split into sections under one parent. A parent
    whose additions read like a list of other stories (link-heavy text, or several headlines that are links,
    adding less than the article already has) is the page around the article, not more of it."""
    own_prose = prose.get(node, 0)
    # walked only once a parent is weighed (most picks stop before); each step's parent then holds the previous
    # one, whose figures are reused instead of walked again
    measured: dict[lxml.html.HtmlElement, _Region] = {}
    own: _Region | None = None
    probe = start = node
    for _ in range(_MAX_WIDEN_STEPS):
        parent = probe.getparent()
        if parent is None or parent.tag == "html":
            break
        if parent.tag == "body" and not _sections_of_body(parent, probe, prose):
            break
        parent_prose = prose.get(parent, 0)
        if parent_prose == own_prose or (node is start and parent_prose - own_prose <= _WRAPPER_EXTRA_CHARS):
            probe = parent  # a wrapper adding nothing (or, around the pick itself, a line): look one level up
            continue
        if parent_prose < _WIDEN_GAIN * own_prose:
            break
        if own is None:
            own = measured[node] = _region(node, skipped)
        whole = measured[parent] = _region(parent, skipped, measured)
        added_text = whole.text - own.text
        # a pick that is a list (a recipe's steps) widens over more lists (its ingredients) as over prose
        added_items = whole.listed - own.listed if start.tag in ("ol", "ul") else 0
        if parent_prose - own_prose + added_items < _WIDEN_PROSE_SHARE * added_text:
            break
        if whole.links - own.links >= _WIDEN_MAX_LINK_SHARE * added_text:
            break
        if any(parent in lst.iterancestors() and node not in lst.iterancestors() for lst in teaser_lists):
            break  # the parent holds a list of other stories' cards: the page around the article
        if whole.stories > max(1, own.stories):
            break  # the parent holds another story under its own headline: the next one an infinite scroll loaded
        linked_headings = whole.linked_headings - own.linked_headings
        if (
            linked_headings >= _TEASER_HEADINGS
            and 2 * linked_headings >= whole.headings - own.headings
            and parent_prose - own_prose < own_prose
        ):
            break
        node = probe = parent
        own_prose, own = parent_prose, whole
    return node


def _sections_of_body(body: lxml.html.HtmlElement, section: lxml.html.HtmlElement, prose: dict) -> bool:
    """Whether the page is laid out as the text's sections side by side under <body> (Showit's canvas: each
    section a block of its own, no wrapper around them): several other children of <body> hold prose."""
    others = sum(1 for child in body if child is not section and prose.get(child, 0) >= _BODY_SECTION_PROSE)
    return others >= _BODY_SECTIONS


@dataclass
class _Region:
    text: int = 0  # visible characters, skipped parts excluded
    links: int = 0  # of which inside <a>
    headings: int = 0  # h2..h5
    linked_headings: int = 0  # headings that are (or hold) a link: teaser cards of other stories
    stories: int = 0  # <article>s under their own <h1>: two in one region are two stories (an infinite scroll)
    listed: int = 0  # of the text, not linked and inside list items


def _region(
    element: lxml.html.HtmlElement,
    skipped: set[lxml.html.HtmlElement],
    measured: dict[lxml.html.HtmlElement, _Region] | None = None,
) -> _Region:
    """What the reader sees of the element: its text, link text and (linked) headings, skipped parts excluded.
    `measured` holds regions of descendants already walked: one outside any link or heading counts as it did on
    its own, so its figures are added instead of walking it again."""
    region = _Region()
    stack: list[tuple[lxml.html.HtmlElement, bool, bool, bool]] = [(element, False, False, False)]
    while stack:
        node, in_link, in_heading, in_item = stack.pop()
        if node in skipped:
            continue
        if node is not element:
            tail = len((node.tail or "").strip())  # text of the parent's, after this child
            region.text += tail
            region.links += tail if in_link else 0
            region.listed += tail if in_item and not in_link else 0
            known = measured.get(node) if measured and not (in_link or in_heading or in_item) else None
            if known is not None:
                region.text += known.text
                region.links += known.links
                region.headings += known.headings
                region.linked_headings += known.linked_headings
                region.stories += known.stories
                region.listed += known.listed
                continue
        tag = node.tag
        chars = len((node.text or "").strip())
        region.text += chars
        link = in_link or tag == "a"
        item = in_item or tag == "li"
        if link:
            region.links += chars
        elif item:
            region.listed += chars
        if tag == "article" and node.find(".//h1") is not None:
            region.stories += 1
        heading = tag in _TEASER_HEADING_TAGS
        if heading and not in_heading:
            region.headings += 1
            if in_link or next(node.iter("a"), None) is not None:
                region.linked_headings += 1
        stack.extend((child, link, in_heading or heading, item) for child in node)
    return region


def _widen(best: lxml.html.HtmlElement, scores: dict[lxml.html.HtmlElement, float]) -> lxml.html.HtmlElement:
    """Moves up to the highest of the nearest ancestors that scores nearly as well: the article is split over
    sibling containers, or the pick is a list deep inside it (a recipe card's steps, each item a paragraph) that
    outscores the story's own container by a hair."""
    node = best
    ancestor = best
    for _ in range(_WIDEN_LEVELS):
        ancestor = ancestor.getparent()
        if ancestor is None or ancestor.tag in ("body", "html"):
            break
        if scores.get(ancestor, 0.0) >= 0.95 * scores[best]:
            node = ancestor
    return node


def _with_siblings(
    best: lxml.html.HtmlElement, scores: dict[lxml.html.HtmlElement, float], skipped: set[lxml.html.HtmlElement]
) -> list:
    """The pick and its siblings that score well too (readability's sibling step); a well-scored sibling that is
    link-heavy (a box of recommendations written as sentences) is not part of the article."""
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(10.0, scores.get(best, 0.0) * _SIBLING_SHARE)
    parts = []
    for sibling in parent:
        if sibling is best:
            parts.append(sibling)
        elif isinstance(sibling.tag, str) and scores.get(sibling, 0.0) >= threshold:
            region = _region(sibling, skipped)
            if region.links < _WIDEN_MAX_LINK_SHARE * region.text:
                parts.append(sibling)
        elif sibling.tag == "p":
            text = _collapse_spaces(sibling.text_content() or "")
            if len(text) > 80:
                parts.append(sibling)
    return parts


def _list_number(item: lxml.html.HtmlElement, following: dict[lxml.html.HtmlElement, int]) -> str | None:
    """ "3." for the third item of an <ol> (start, reversed and value attributes honoured), as the browser prints
    it: the number is part of what the reader sees ("3. Kaiser Permanente"); None outside an ordered list.
    `following` keeps each list's next number, so a long list is counted once."""
    parent = item.getparent()
    if parent is None or parent.tag != "ol":
        return None
    step = -1 if "reversed" in parent.attrib else 1
    number = following.get(parent)
    if number is None:
        start = parent.get("start", "").strip()
        if start.lstrip("-").isdigit():
            number = int(start)
        else:
            number = sum(1 for child in parent if child.tag == "li") if step < 0 else 1
    value = item.get("value", "").strip()
    if value.lstrip("-").isdigit():
        number = int(value)
    following[parent] = number + step
    return f"{number}."


def _lead_under_headline(container: lxml.html.HtmlElement, skipped: set[lxml.html.HtmlElement]) -> list[str]:
    """The article's intro paragraphs between the headline and the text container: two or more prose <p> after
    the page's <h1> and before the container in reading order. Page layouts often put them in a hero block of
    their own, so neither the scoring nor the widening reaches them. A lone standfirst, summary and caption boxes,
    teaser cards, link lists, repeated card texts and short lines (bylines, dates, share counts) are not taken."""
    if next(container.iter("h1"), None) is not None:
        return []
    found: list[lxml.html.HtmlElement] = []  # what lies between headline and container, in reverse reading order
    node = container
    headline = None
    for _ in range(_LEAD_MAX_LEVELS):
        parent = node.getparent()
        if parent is None or node.tag == "body":
            break
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str) or sibling in skipped:
                continue
            headlines = [h for h in sibling.iter("h1") if h not in skipped]
            if not headlines:
                found.append(sibling)
                continue
            headline = headlines[-1]
            levels: list[list[lxml.html.HtmlElement]] = []
            probe = headline
            while probe is not sibling:
                levels.append([e for e in probe.itersiblings() if isinstance(e.tag, str) and e not in skipped])
                probe = probe.getparent()
            for level in reversed(levels):
                found.extend(reversed(level))
            break
        if headline is not None:
            break
        node = parent
    if headline is None:
        return []
    paragraphs = []
    seen: set[str] = set()
    for block in reversed(found):
        region = _region(block, skipped)
        if region.linked_headings or region.links > _LEAD_MAX_LINK_SHARE * region.text:
            continue
        for paragraph in _lead_paragraphs(block, skipped):
            text, links = _text_and_links(paragraph, skipped)
            if len(text) >= _PROSE_PARAGRAPH_CHARS and links <= _LEAD_MAX_LINK_SHARE * len(text):
                if text in seen:
                    return []  # the same paragraph twice: cards and their tooltips (price plans), not a lead
                seen.add(text)
                paragraphs.append((paragraph, len(text)))
    lead_chars = sum(length for _, length in paragraphs)
    if len(paragraphs) < _LEAD_MIN_PARAGRAPHS or lead_chars > _LEAD_MAX_SHARE * _region(container, skipped).text:
        return []
    if _dated_after(found, paragraphs[-1][0], skipped):
        return []
    return [line for paragraph, _ in paragraphs for line in _readable_lines(paragraph, skipped)]


def _dated_after(found: list, last: lxml.html.HtmlElement, skipped: set[lxml.html.HtmlElement]) -> bool:
    """Whether a date or a byline is printed between the intro's last paragraph and the container. The page's
    header zone (where article.py reads the byline and the date) ends at the body's first line; an intro taken
    in front of such a meta row would move the byline and the date out of it, so the intro is left out then."""
    pieces: list[str] = []
    after = False
    for block in reversed(found):  # reading order
        for element in block.iter():
            if element is last:
                after = True
                pieces.append(element.tail or "")
                continue
            if after and isinstance(element.tag, str) and not any(a is last for a in element.iterancestors()):
                if element not in skipped:
                    pieces.append(element.text or "")
                pieces.append(element.tail or "")
    text = " ".join(pieces)
    return bool(_BYLINE_LABEL.search(text) or find_written_dates(text))


def _lead_paragraphs(block: lxml.html.HtmlElement, skipped: set[lxml.html.HtmlElement]) -> list:
    """The <p> elements of a subtree, in reading order, skipped parts and summary boxes left out."""
    found = []
    stack = [block]
    while stack:
        element = stack.pop()
        if element in skipped or not isinstance(element.tag, str):
            continue
        marks = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if _SUMMARY_WORDS.search(marks):
            continue
        if element.tag == "p":
            found.append(element)
            continue
        stack.extend(reversed(element))
    return found


def _readable_lines(container: lxml.html.HtmlElement, skipped: set[lxml.html.HtmlElement]) -> list[str]:
    """Lines as rendered (one per block, <br> breaks). Link-dominated lines are left out at the container's edges
    (breadcrumbs, tag lists, "read next" links) and as stand-alone paragraphs inside it ("READ MORE: ..."); inside
    the text, a list item or a heading that is a link is the article's own (a list of sources, a listicle's
    linked product names), and so is a linked paragraph that opens such an item or cell ("<li><p><a>Title</a></p>
    <p>Description</p></li>"). A link-heavy line with a sentence of its own around the link is text."""
    reading = _read_lines(container, skipped)
    lines, linky = reading.lines, reading.linky
    start, end = 0, len(lines)
    while start < end and linky[start]:
        start += 1
    while end > start and linky[end - 1]:
        end -= 1
    heads: set[int] = set()  # the first line of each list item or cell: the item's own name
    seen_items: set[lxml.html.HtmlElement] = set()
    for index, (*_, item) in enumerate(lines):
        if item is not None and item not in seen_items:
            seen_items.add(item)
            heads.add(index)
    related = {index for block in _related_link_lists(reading, skipped) for index in range(*reading.spans[block])}
    related |= _link_grid_lines(reading)
    return _rows_joined(
        [
            (text, item)
            for index, (text, _, block, item) in enumerate(lines[start:end], start)
            if (not linky[index] or block in _LINKED_ITEM_BLOCKS or index in heads) and index not in related
        ]
    )


def _link_grid_lines(reading: _Reading) -> set[int]:
    """The lines of a table whose every cell is a link ("Alabama LLC | Alaska LLC | Arizona LLC …"): a grid of links
    to the site's other pages, laid out as a table; a data table with linked names has cells of plain text too."""
    by_table: dict[lxml.html.HtmlElement, list[int]] = {}
    for index, (*_, item) in enumerate(reading.lines):
        if item is not None and item.tag in ("td", "th"):
            table = next(item.iterancestors("table"), None)
            if table is not None:
                by_table.setdefault(table, []).append(index)
    return {
        index
        for indexes in by_table.values()
        if len(indexes) >= _LINK_GRID_MIN_CELLS and all(reading.linky[index] for index in indexes)
        for index in indexes
    }


def _rows_joined(lines: list[tuple[str, lxml.html.HtmlElement | None]]) -> list[str]:
    """A data table's row as one line, its cells joined by " | " as a reader scans it ("Asana | Structure plus
    flexibility | Free plan for up to 10 users"); only where each cell of the row is one line (a layout table's
    column of paragraphs stays as it is)."""

    def row_of(cell: lxml.html.HtmlElement | None) -> lxml.html.HtmlElement | None:
        return cell.getparent() if cell is not None and cell.tag in ("td", "th") else None

    joined: list[str] = []
    index = 0
    while index < len(lines):
        row = row_of(lines[index][1])
        end = index + 1
        while row is not None and end < len(lines) and row_of(lines[end][1]) is row:
            end += 1
        cells = [cell for _, cell in lines[index:end]]
        if end - index >= 2 and len(set(cells)) == len(cells):
            joined.append(" | ".join(text for text, _ in lines[index:end]))
        else:
            end = index + 1
            joined.append(lines[index][0])
        index = end
    return joined


def related_link_lists(container: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The blocks of the "Baca Juga" / "Related articles" boxes in the container, each a label with the links it
    heads, as this extractor leaves them out of its own lines: for readers of the container's text that lost the
    links (a source's body selector, trafilatura), which drop these blocks first. Only what a reader sees is read:
    scripts, styles and comments are passed over as an ad slot is."""
    unseen = {e for e in container.iter() if not isinstance(e.tag, str) or e.tag in INVISIBLE_TAGS}
    return _related_link_lists(_read_lines(container, unseen), unseen)


@dataclass
class _Reading:
    """A container's lines as rendered, each with its link characters, the tag of its block and the list item or
    cell it is in; which block each line is in, and which lines each block holds."""

    lines: list[tuple[str, int, str, lxml.html.HtmlElement | None]]
    owners: list[lxml.html.HtmlElement | None]  # each line's innermost block
    spans: dict[lxml.html.HtmlElement, tuple[int, int]]  # a block's lines: lines[start:end]
    linky: list[bool]  # the line is (mostly) a link


def _read_lines(container: lxml.html.HtmlElement, skipped: set[lxml.html.HtmlElement]) -> _Reading:
    lines: list[tuple[str, int, str, lxml.html.HtmlElement | None]] = []
    current: list[str] = []
    link_chars = [0]
    blocks: list[str] = []
    open_blocks: list[lxml.html.HtmlElement] = []  # the block elements being read, innermost last
    owners: list[lxml.html.HtmlElement | None] = []  # each line's innermost block
    spans: dict[lxml.html.HtmlElement, tuple[int, int]] = {}  # a block's lines: lines[start:end]
    items: list[lxml.html.HtmlElement] = []  # the list items and cells being read, innermost last
    item_number: list[str] = []  # the number an ordered list shows in front of the item being read
    list_numbers: dict[lxml.html.HtmlElement, int] = {}
    preformatted = [0]  # how many <pre>s the walk is inside: there a newline ends a line, as a browser shows it

    def flush() -> None:
        # a <pre>'s lines stay lines of one block: the boilerplate rules read it whole (its repeated "}" lines are
        # code, not a widget printed twice), and the body shows it as printed
        text, *code = "".join(current).split(_CODE_LINE_BREAK)
        text = "\n".join(line for line in (_collapse_spaces(text), *(part.rstrip() for part in code)) if line.strip())
        if text:
            if item_number:
                if not text[:1].isdigit():
                    text = f"{item_number[0]} {text}"
                item_number.clear()
            lines.append((text, link_chars[0], blocks[-1] if blocks else "", items[-1] if items else None))
            owners.append(open_blocks[-1] if open_blocks else None)
        current.clear()
        link_chars[0] = 0

    def add(text: str, tag: str = "") -> None:
        """Appends an element's text; "Williams" + "Shipwreck" from two elements with no space between are two
        words a reader sees apart (block-styled spans), not "WilliamsShipwreck"; so are a recipe card's "Prep
        Time" label and its "2 hrs" value (but not "H" and a subscript "2"), and a date's year and an "Updated"
        label (but not a subscript "2" and the "O" after it: a capital after a digit is set apart only where an
        element starts). In a <pre>, a newline ends a line of code."""
        if preformatted[0] and "\n" in text:
            current.append(text.replace("\n", _CODE_LINE_BREAK))
            return
        if current and (
            (text[:1].isupper() and current[-1][-1:].islower())
            or (text[:1].isupper() and current[-1][-1:].isdigit() and tag and tag not in _INDEX_TAGS)
            or (text[:1].isdigit() and current[-1][-1:].isalpha() and tag not in _INDEX_TAGS)
        ):
            current.append(" ")
        current.append(text)

    def walk(element: lxml.html.HtmlElement, in_link: bool) -> None:
        if element in skipped:
            if element.tail:
                add(element.tail)
            return
        tag = element.tag
        block = tag in _BLOCK_TAGS
        if block or tag == "br":
            flush()
        if block:
            blocks.append(tag)
            open_blocks.append(element)
            first_line = len(lines)
            preformatted[0] += tag == "pre"
            if tag in _ITEM_TAGS:
                items.append(element)
            if tag == "li":
                number = _list_number(element, list_numbers)
                item_number[:] = [number] if number else []
        inside = in_link or (tag == "a" and not _is_disclosure_title(element))
        if element.text:
            add(element.text, tag)
            if inside:
                link_chars[0] += len(element.text.strip())
        for child in element:
            walk(child, inside)
        if block:
            flush()
            blocks.pop()
            open_blocks.pop()
            preformatted[0] -= tag == "pre"
            spans[element] = (first_line, len(lines))
            if tag in _ITEM_TAGS:
                items.pop()
        if element.tail:
            add(element.tail)
            if in_link:
                link_chars[0] += len(element.tail.strip())

    walk(container, False)
    flush()
    linky = [
        bool(
            links
            and links >= _LINE_LINK_DENSITY * len(text)
            and (len(text.split()) < 25 or (links >= _CARD_LINK_SHARE * len(text) and len(text.split()) < 60))
            and not _sentence_around_link(text, links)
        )
        for text, links, _, _ in lines
    ]
    return _Reading(lines=lines, owners=owners, spans=spans, linky=linky)


def _related_link_lists(reading: _Reading, skipped: set[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """The blocks of "Baca Juga" / "Related articles" boxes inside the text: a block whose first line is such a
    label and whose other lines are all links, or a label block and the list of links right after it (an ad slot or
    an empty block between them aside). Link-only list items are otherwise kept (a list of sources, a listicle's
    products), so without the label such a list stays."""
    spans, linky = reading.spans, reading.linky
    dropped: list[lxml.html.HtmlElement] = []
    for index, (text, *_) in enumerate(reading.lines):
        if not is_related_label(text):
            continue
        element = reading.owners[index]
        while element is not None and element in spans:
            start, end = spans[element]
            if start != index:
                break  # the label is not the block's first line
            if end - start > 1:  # the smallest block holding the label and more: a label over links
                if all(linky[start + 1 : end]):
                    dropped.append(element)
                break
            links = _links_after(element, end, linky, spans, skipped)
            if links and spans[links[-1]][1] > end:
                dropped += [element, *links]  # a label, then a list of links: no text between
                break
            element = element.getparent()
    return dropped


def _links_after(
    element: lxml.html.HtmlElement,
    end: int,
    linky: list[bool],
    spans: dict[lxml.html.HtmlElement, tuple[int, int]],
    skipped: set[lxml.html.HtmlElement],
) -> list[lxml.html.HtmlElement]:
    """The run of link-only blocks right after the element (whose lines end at `end`): lists and linked paragraphs,
    with skipped or empty blocks (an ad slot) between them. Text outside a block (a tail, an inline link) ends the
    run."""
    run: list[lxml.html.HtmlElement] = []
    for following in element.itersiblings():
        if not isinstance(following.tag, str) or following in skipped:
            if (following.tail or "").strip():
                break
            continue
        span = spans.get(following)
        if span is None or span[0] != end or not all(linky[span[0] : span[1]]):
            break
        end = span[1]
        run.append(following)
        if (following.tail or "").strip():
            break
    return run


def _sentence_around_link(text: str, links: int) -> bool:
    """A sentence of the text whose second half is a link ("The case was shelved in 2017 but was <a>re-opened
    after his eviction</a>."): several words of its own before the link and a full stop at the end. A pointer to
    another page ("READ MORE: <a>...</a>", "Also read: ...") has a word or two of its own."""
    return len(text) - links >= _SENTENCE_OWN_CHARS and text.endswith((".", "!", "?", "。"))
