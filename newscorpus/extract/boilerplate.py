"""Line-level cleanup of page furniture that survives body extraction.

Selectors and trafilatura remove most chrome, but news CMSs put widgets inside the article container: the
"A A A Pengaturan Font" font switcher, "Foto : ANTARA/Reuters/..." photo credits, "Baca juga: ..." related
links, paywall prompts, copyright and anti-crawling notices, and a trailing "Komentar" block. Each rule here
names one such thing and matches whole lines only, so story text is never cut mid-paragraph.
"""

from __future__ import annotations

import re

from newscorpus.extract.dates import find_written_dates
from newscorpus.extract.flags import teaser_phrase_in
from newscorpus.extract.text_lines import normalize_space

_FONT_WIDGET = re.compile(
    r"^(?:(?:A[+-]?\s*){2,4}|(?:A\s*)*(?:Pengaturan|Ukuran|Atur)\s+(?:Font|Huruf|Teks)|Font\s+Size|(?:A\s*)+"
    r"(?:Pengaturan|Ukuran)\s+(?:Font|Huruf))$",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"^(?:Foto|Photo|Fotografer|Ilustrasi|Illustration|Sumber\s+foto|Kredit\s+foto|Image|Gambar|Credit|"
    r"Photograph|Grafis|Infografis)\s*(?::|/|by\b)\s*\S",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:Baca\s+(?:juga|pula)|Read\s+also|Also\s+read|Lihat\s+juga|Simak\s+juga|Simak\s+video|"
    r"Artikel\s+terkait|Berita\s+terkait|Related(?:\s+(?:articles?|stories|news))?|ADVERTISEMENT|Advertisement|"
    r"Iklan|SCROLL\s+TO\s+(?:CONTINUE|RESUME)\s+WITH\s+CONTENT|Pilihan\s+Editor|Editor'?s\s+pick)\b\s*[:\-–—]?",
    re.IGNORECASE,
)
_NOTICE = re.compile(
    # "Copyright © 2024 ...", not a heading that starts with the word ("Copyright Office Weighs In on AI Training")
    r"^(?:Copyright\s*(?:©|\(c\)|\d{4}|by\b|.*\bAll\s+rights\s+reserved)|Hak\s+cipta\b|©|\(c\)\s|"
    r"All\s+rights\s+reserved|Dilarang\s+keras\s+mengambil\s+konten|"
    r"Dilarang\s+mengutip|Ikuti\s+berita\s+terkini|Ikuti\s+(?:kami|informasi)\b.*\b(?:Google\s+News|WhatsApp|"
    r"Telegram)|Follow\s+us\s+on)",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^(?:Bagikan|Share(?:\s+this(?:\s+article)?)?|Tweet|Print|Cetak|Salin\s+tautan|Copy\s+link|Email|"
    r"Facebook|Twitter|WhatsApp|Line|Telegram|Top|Back\s+to\s+top|Kembali\s+ke\s+atas|Tags?|Topik|Topics?|"
    r"Selengkapnya|Read\s+more|Baca\s+selengkapnya|Continue\s+reading|\(\s*\d*\s*\))\s*:?$",
    re.IGNORECASE,
)
_COMMENTS_HEADING = re.compile(
    r"^(?:Komentar|Tulis\s+komentar|Kirim\s+komentar|Beri\s+komentar|Comments?|Leave\s+a\s+(?:comment|reply)|"
    r"Post\s+a\s+comment|\d+\s+comments?|Komentar\s*\(\s*\d*\s*\)|Comments?\s*\(\s*\d*\s*\))\s*:?$",
    re.IGNORECASE,
)
# Headings that open the page's own sections after the story: the author's bio, links to other stories, a
# comment form. Matched on a short line only, and only cut when what follows is a minor part of the body.
_END_SECTION_HEADING = re.compile(
    r"^(?:About\s+the\s+(?:author|authors|writer|reviewer|contributor)s?|(?:The\s+)?Authors?|Written\s+by|"
    r"Recent\s+(?:posts|articles|stories)|Related\s+(?:posts|articles|stories|reading|content|links)|"
    r"(?:You\s+)?(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)\b.*|More\s+(?:from|stories|articles|news)\b.*|"
    r"Read\s+(?:next|more)|Recommended(?:\s+(?:for\s+you|reading|articles|stories))?|Popular\s+(?:posts|articles|stories)|"
    r"More\s+(?:great|top|related)\s+(?:\S+\s+)?(?:stories|articles|news|posts|reads)|Explore\s+further|"
    r"Most\s+(?:read|popular)|Add\s+a\s+comment|Tentang\s+penulis|Berita\s+(?:terkait|lainnya|terpopuler)|"
    r"Artikel\s+(?:terkait|lainnya)|Terpopuler|Rekomendasi(?:\s+untuk\s+anda)?)\s*[:.!…]*$",
    re.IGNORECASE,
)
_END_SECTION_MAX_WORDS = 10
_PAYWALL_MAX_WORDS = 25  # "Become a paid subscriber to X to unlock this piece and learn about:" ends the free text
# A caption that credits its picture at the end: "Protesters in the square (Image: GETTY)", "... | Photo by X"
_CREDIT_AT_END = re.compile(
    r"\((?:(?:Images?|Photos?|Photograph|Pictures?|Pic|Credit|Foto|Gambar|Sumber\s+foto)\s*(?::|by\b)|"
    r"(?:AP|AFP|Reuters|Getty|EPA|ANTARA)\b[^()]{0,20}(?:Photo|Images?|Foto)\b)[^()]{0,80}\)\s*$|"
    r"(?:[|.]|\s[-–—])\s*(?:Photo(?:graph)?s?|Images?|Picture|Foto|Credit)\s*(?::|by\b)\s*[^.|()]{1,60}\.?\s*$",
    re.IGNORECASE,
)
# Media player and gallery widgets' own words
_MEDIA_WIDGET = re.compile(
    r"^(?:Image\s+(?:copyright|caption|source)\b.*|Media\s+playback\s+is\s+(?:unsupported|not\s+supported)\b.*|"
    r"(?:Hide|Show|Toggle)\s+caption|Enlarge\s+this\s+image|Caption|Close|Expand|Play\s+video|Watch\s+video)$",
    re.IGNORECASE,
)
# The article header's labels when they land in the body: "Posted On", "5 min read", "Updated on May 2, 2025",
# "Reviewed by: Dr. X" (a reviewer is not an author), "Category: Travel"
_META_LABEL = re.compile(
    r"^(?:(?:last\s+)?(?:updated|published|posted|modified)(?:\s+(?:on|at|by|in))?|estimated\s+reading\s+time|"
    r"reading\s+time|\d+\s*-?\s*min(?:ute)?s?\s+read|categor(?:y|ies)|filed\s+under|print\s+this\s+(?:page|article)|"
    r"diperbarui|dipublikasikan|waktu\s+baca)\s*[:,]?$",
    re.IGNORECASE,
)
_META_STAMP = re.compile(r"^(?:last\s+)?(?:updated|published|posted|modified)\b", re.IGNORECASE)
_LABELLED_META = re.compile(
    r"^(?:(?:medically\s+)?reviewed|fact[- ]?checked|categor(?:y|ies)|filed\s+under)(?:\s+by)?\s*:?,?\s", re.IGNORECASE
)
_META_MAX_WORDS = 12
# "Fox News' Jane Doe contributed to this report." / "Reuters contributed reporting."
_CONTRIBUTED = re.compile(
    r"^[^.]{0,80}\bcontributed\s+(?:to\s+(?:this|the)\s+(?:report|story|article)|(?:additional\s+)?reporting)\b[^.]{0,40}\.?$",
    re.IGNORECASE,
)
# "Sign up for our daily newsletter", "Get the latest news delivered to your inbox"
_NEWSLETTER_PROMPT = re.compile(
    r"\b(?:sign\s+up|subscribe|join|get|receive)\b.{0,80}\b(?:newsletters?|inbox|mailing\s+list)\b", re.IGNORECASE
)
_NEWSLETTER_MAX_WORDS = 25
_CAPTION_MAX_WORDS = 40
_MEDIA_WIDGET_MAX_WORDS = 8
_REPEAT_MIN_WORDS = 5  # a line this long printed again within two lines: a caption or a card's hover copy
_REPEAT_WINDOW = 2
_REPEAT_MIN_RUN = 3  # lines repeating an earlier run in order, this many and this long, are a second layout copy
_REPEAT_MIN_RUN_WORDS = 100
_REPEAT_MIN_RUN_SHARE = 0.25  # a repeated table row or training week is part of the text; a copy of a quarter is not
_TOC_HEADING = re.compile(
    r"^(?:Table\s+of\s+contents?|Contents|In\s+this\s+(?:article|post|guide|story|page)|On\s+this\s+page|Jump\s+to|"
    r"Quick\s+links|Daftar\s+isi|Isi\s+artikel)\b.{0,30}$",
    re.IGNORECASE,
)
_TOC_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.):]?|[ivx]+[.)]|[-•·*])\s+", re.IGNORECASE)
_TOC_ENTRY_MAX_WORDS = 15
_TOC_MIN_ENTRIES = 3
# a table of contents' heading left alone once its entries were skipped as page furniture: "Contents hide"
_TOC_HEADING_ALONE = re.compile(
    r"^(?:Table\s+of\s+contents?|Contents|In\s+this\s+(?:article|post|guide|story|page)|On\s+this\s+page|"
    r"Daftar\s+isi|Isi\s+artikel)(?:\s+(?:hide|show|toggle))?\s*:?$",
    re.IGNORECASE,
)
# "This post contains affiliate links ... we may earn a commission": a disclosure box, not the story
_AFFILIATE_LINKS = re.compile(
    r"\b(?:affiliate\s+(?:links?|marketer|partners?)|(?:through|via)\s+(?:our|my|these|the)\s+links|"
    r"qualifying\s+purchases|paid\s+promotion|tautan\s+afiliasi)\b",
    re.IGNORECASE,
)
_AFFILIATE_EARNINGS = (
    re.compile(  # the site's own earnings: "we may earn", "I receive a commission", "at no extra cost"
        r"\b(?:(?:we|I|us|this\s+(?:site|website|blog|post|article|page))\b.{0,60}\b(?:earn|receive|make|get)s?\b|"
        r"at\s+no\s+(?:extra|additional)\s+cost|kami\s+(?:mungkin\s+)?(?:mendapat|menerima)\s+komisi)",
        re.IGNORECASE,
    )
)
_AFFILIATE_MAX_WORDS = 60
# view counters, the ad slot's "Article continues below", a feed's "The post X appeared first on Y."
_COUNTER = re.compile(
    r"^\(?(?:[\d.,]+\s*[km]?\s+(?:views?|reads?|visits?)|Visited\s+[\d,.]+\s+times?\b.{0,40}|"
    r"Dilihat\s+[\d.,]+\s*(?:kali)?)\)?$",
    re.IGNORECASE,
)
_CONTINUES_BELOW = re.compile(
    r"^(?:Advertisement\s*[-–—:]?\s*)?(?:(?:Article|Story|Content)\s+continues\s+(?:below|after)"
    r"(?:\s+(?:this\s+)?(?:ad|advertisement))?|Continue\s+reading\s+below|Lanjut(?:kan)?\s+(?:baca|membaca))\W*$",
    re.IGNORECASE,
)
# reader tools' own words: "Pin it for later!", "Share this on:", "Read Later", "Text size", "Listen to this article"
_READER_TOOL = re.compile(
    r"^(?:(?:Enjoy(?:ed)?\s+(?:the|this)\s+(?:post|article|recipe)\?\s*)?Pin\s+(?:it|this|me)\b.{0,20}|"
    r"Share\s+(?:this|it)\s+on\W*|Save\s+(?:it|this)\s+for\s+later\W*|Text\s+size|Read\s+later|"
    r"Listen\s+to\s+(?:this\s+)?(?:article|story)\b.{0,20})$",
    re.IGNORECASE,
)
_FEED_FOOTER = re.compile(r"^The\s+post\s+.{3,200}\s+appeared\s+first\s+on\s+.{2,100}$", re.IGNORECASE)
# The author's bio closing the page without an "About the author" heading: "Jane Doe is a freelance travel writer
# ...", "Lauren has written for the blog since 2018", "Eric Song is IGN's deal curator". A name, then a role.
_BIO_ROLE = (
    r"(?:writer|editor|journalist|reporter|author|contributor|columnist|correspondent|blogger|critic|curator|"
    r"content\s+(?:creator|specialist|strategist|manager|marketer)|director|founder|co-founder|producer|"
    r"photographer|editor-in-chief|jurnalis|wartawan|penulis|redaktur|kontributor)"
)
_AUTHOR_BIO = re.compile(
    r"^(?P<name>(?!(?:It|This|That|There|These|Those|The|Our|We|He|She|They|You|I)\b)[A-Z][\w'’.-]+"
    r"(?:\s+[A-Z][\w'’.-]+){0,3})(?:,\s[^,]{0,80},)?\s+"
    r"(?:(?:is|was|adalah)\s+(?:(?:a|an|the|seorang|[A-Z][\w-]*['’]s)\s+)?(?:[\w'’,-]+\s+){0,6}?" + _BIO_ROLE + r"\b|"
    r"has\s+(?:written|been\s+writing|reported|covered)\s+(?:for|about|on)\b)"
)
_BIO_TAIL_LINES = 3  # the bio is one of the last lines
_BIO_MAX_WORDS = 150
_BIO_LABEL = re.compile(r"^(?:(?:written|posted|edited|reviewed)\s+by|by|about\s+the\s+author)\s*:?$", re.IGNORECASE)
_BIO_LABEL_MAX_WORDS = 8
_BREADCRUMB = re.compile(r"^(?:Home|Beranda|News|Berita)\s*(?:/|>|»|›)", re.IGNORECASE)
_SHORT_LINE_WORDS = 15
_PROMPT_MAX_WORDS = 12  # "Subscribe to read the full story." is a prompt; a long line quoting it is text
_NOTICE_MAX_WORDS = 60
_RELATED_MAX_WORDS = 30


def remove_boilerplate(lines: list[str], *, title: str | None = None, captions: list[str] | None = None) -> list[str]:
    """The lines that are story text; the order of the rest is kept."""
    caption_keys = {_key(c) for c in captions or [] if c}
    title_key = _key(title) if title else None
    kept = [line for line in (normalize_space(x) for x in lines) if line and not _is_furniture(line, caption_keys)]
    kept = _drop_repeats(kept)
    kept = _drop_table_of_contents(kept)
    kept = [line for line in kept if not (len(line) < 40 and _TOC_HEADING_ALONE.match(line))]
    kept = _cut_comment_block(kept)
    kept = _cut_author_bio(kept)
    kept = _drop_leading_header_lines(kept, title_key)
    while kept and _SHARE.match(kept[-1]):
        kept.pop()
    return kept


def _is_furniture(line: str, caption_keys: set[str]) -> bool:
    words = len(line.split())  # cheap length tests first: this runs on every line of every page
    if caption_keys and _key(line) in caption_keys:
        return True
    if _FONT_WIDGET.match(line) or (words <= 4 and _SHARE.match(line)):
        return True
    if words <= _SHORT_LINE_WORDS and (
        _PHOTO_CREDIT.match(line) or _META_LABEL.match(line) or _CONTRIBUTED.match(line)
    ):
        return True
    if words <= _META_MAX_WORDS and (
        _LABELLED_META.match(line) or (_META_STAMP.match(line) and bool(find_written_dates(line)))
    ):
        return True
    if words <= _NEWSLETTER_MAX_WORDS and _NEWSLETTER_PROMPT.search(line):
        return True
    if words <= _CAPTION_MAX_WORDS and _CREDIT_AT_END.search(line):
        return True
    if words <= _MEDIA_WIDGET_MAX_WORDS and _MEDIA_WIDGET.match(line):
        return True
    if words <= _RELATED_MAX_WORDS and _RELATED.match(line):
        return True
    if words <= _PROMPT_MAX_WORDS and teaser_phrase_in(line):
        return True
    if words <= _MEDIA_WIDGET_MAX_WORDS and (
        _COUNTER.match(line) or _CONTINUES_BELOW.match(line) or _READER_TOOL.match(line)
    ):
        return True
    if words <= _AFFILIATE_MAX_WORDS and _AFFILIATE_LINKS.search(line) and _AFFILIATE_EARNINGS.search(line):
        return True
    if _FEED_FOOTER.match(line):
        return True
    return words <= _NOTICE_MAX_WORDS and bool(_NOTICE.match(line))


def _drop_repeats(lines: list[str]) -> list[str]:
    """Drops a line printed again right after itself (a gallery's caption under the photo and in the lightbox, a
    card's title and teaser in its hover layer) and a long run of lines that repeats an earlier run in the same
    order (responsive layouts that print the article twice). A line repeated on its own further down stays:
    interviews repeat their questions, recipes their ingredients, training plans their rows."""
    keys = [line.casefold() for line in lines]
    min_run_words = max(_REPEAT_MIN_RUN_WORDS, _REPEAT_MIN_RUN_SHARE * sum(len(line.split()) for line in lines))
    first: dict[str, int] = {}
    for index, key in enumerate(keys):
        first.setdefault(key, index)
    drop = [False] * len(lines)
    index = 0
    while index < len(lines):
        key = keys[index]
        if key in keys[max(0, index - _REPEAT_WINDOW) : index] and len(lines[index].split()) >= _REPEAT_MIN_WORDS:
            drop[index] = True
            index += 1
            continue
        start = first[key]
        run = 0
        while index + run < len(lines) and start + run < index and keys[index + run] == keys[start + run]:
            run += 1
        words = sum(len(line.split()) for line in lines[index : index + run])
        if start < index and run >= _REPEAT_MIN_RUN and words >= min_run_words:
            for offset in range(run):
                drop[index + offset] = True
            index += run
            continue
        index += 1
    return [line for line, dropped in zip(lines, drop, strict=True) if not dropped]


def _drop_table_of_contents(lines: list[str]) -> list[str]:
    """Drops a table of contents: a "Table of contents" / "In this article" line and the run of short lines under
    it that each come back later as the text's own headings."""
    keys = [_toc_key(line) for line in lines]
    later: dict[str, int] = {}
    for index, key in enumerate(keys):
        later[key] = index  # last position of each key
    drop = [False] * len(lines)
    index = 0
    while index < len(lines):
        end = index
        while (
            end < len(lines)
            and len(lines[end].split()) <= _TOC_ENTRY_MAX_WORDS
            and keys[end]
            and later[keys[end]] > end
            and keys[end] not in keys[index:end]
        ):
            end += 1
        # under a "Table of contents" line, and every entry comes back after the whole list, in the text it lists
        if (
            end - index >= _TOC_MIN_ENTRIES
            and index
            and _TOC_HEADING.match(lines[index - 1])
            and all(later[keys[i]] >= end for i in range(index, end))
        ):
            for i in range(index - 1, end):
                drop[i] = True
            index = end
            continue
        index += 1
    return [line for line, dropped in zip(lines, drop, strict=True) if not dropped]


def _toc_key(line: str) -> str:
    """ "2. When to go" and "When to go" are the same entry."""
    return _key(_TOC_NUMBERING.sub("", line))


def _cut_comment_block(lines: list[str]) -> list[str]:
    """Drops a trailing comments section, author bio, list of other stories or paywall pitch: from a "Komentar",
    "About the author", "Related articles" heading or a "Subscribe to unlock this article" prompt on, when little
    text follows it."""
    total_words = sum(len(line.split()) for line in lines)
    for index, line in enumerate(lines):
        if index == 0:
            continue
        words = len(line.split())
        end_section = words <= _END_SECTION_MAX_WORDS and bool(_END_SECTION_HEADING.match(line))
        if not (
            end_section
            or _COMMENTS_HEADING.match(line)
            or (_PROMPT_MAX_WORDS < words <= _PAYWALL_MAX_WORDS and teaser_phrase_in(line))
        ):
            continue
        after = sum(len(x.split()) for x in lines[index + 1 :])
        # a named end section (bio, related stories) may be long next to a short story; it still follows the story
        if after <= max(40, total_words // 3) or (end_section and after < total_words - after - words):
            return lines[:index]
    return lines


def _cut_author_bio(lines: list[str]) -> list[str]:
    """Drops the author's bio at the end of the page ("Jane Doe is a freelance travel writer ...") with the name,
    role and "Written by" lines just above it. Only among the last lines, and only a sentence that opens with a
    name and gives a writer's role: a story's last paragraph about its subject ("Smith is optimistic") stays."""
    for index in range(max(1, len(lines) - _BIO_TAIL_LINES), len(lines)):
        line = lines[index]
        match = _AUTHOR_BIO.match(line)
        if not match or len(line.split()) > _BIO_MAX_WORDS:
            continue
        name_words = {word.casefold() for word in match.group("name").split()}
        start = index
        while start > 1 and start > index - 3:
            above = lines[start - 1]
            words = above.split()
            if len(words) > _BIO_LABEL_MAX_WORDS or above.endswith((".", "?", "!", ":")):
                break
            shares_name = bool(name_words & {word.strip(",").casefold() for word in words})
            if not (shares_name or _BIO_LABEL.match(above) or re.search(_BIO_ROLE, above, re.IGNORECASE)):
                break
            start -= 1
        return lines[:start]
    return lines


def _drop_leading_header_lines(lines: list[str], title_key: str | None) -> list[str]:
    """Title repeats, date stamps and breadcrumbs ahead of the first sentence (trafilatura keeps the <h1>)."""
    start = 0
    while start < len(lines) and start < 6:
        line = lines[start]
        words = len(line.split())
        is_title = title_key is not None and _key(line) == title_key
        is_stamp = words <= 10 and bool(find_written_dates(line)) and not line.endswith(".")
        is_crumb = words <= 10 and bool(_BREADCRUMB.match(line))
        if not (is_title or is_stamp or is_crumb):
            break
        start += 1
    return lines[start:]


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
