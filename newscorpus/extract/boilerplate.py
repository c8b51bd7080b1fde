"""Line-level cleanup of page furniture that survives body extraction.

Selectors and trafilatura remove most chrome, but news CMSs put widgets inside the article container: the
"A A A Pengaturan Font" font switcher, "Foto : ANTARA/Reuters/..." photo credits, "Baca juga: ..." related
links, paywall prompts, copyright and anti-crawling notices, and a trailing "Komentar" block. Each rule here
names one such thing and matches whole lines only, so story text is never cut mid-paragraph.
"""

from __future__ import annotations

import re

from newscorpus.extract.dates import find_written_dates
from newscorpus.extract.flags import TEASER_PHRASES
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
    r"^(?:Copyright\b|Hak\s+cipta\b|©|\(c\)\s|All\s+rights\s+reserved|Dilarang\s+keras\s+mengambil\s+konten|"
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
    kept = _cut_comment_block(kept)
    kept = _drop_leading_header_lines(kept, title_key)
    while kept and _SHARE.match(kept[-1]):
        kept.pop()
    return kept


def _is_furniture(line: str, caption_keys: set[str]) -> bool:
    words = len(line.split())
    if _key(line) in caption_keys:
        return True
    if _FONT_WIDGET.match(line) or _SHARE.match(line) and words <= 4:
        return True
    if _PHOTO_CREDIT.match(line) and words <= _SHORT_LINE_WORDS:
        return True
    if _RELATED.match(line) and words <= _RELATED_MAX_WORDS:
        return True
    if TEASER_PHRASES.search(line) and words <= _PROMPT_MAX_WORDS:
        return True
    return bool(_NOTICE.match(line) and words <= _NOTICE_MAX_WORDS)


def _cut_comment_block(lines: list[str]) -> list[str]:
    """Drops a trailing comments section: from a "Komentar" heading on, when little text follows it."""
    total_words = sum(len(line.split()) for line in lines)
    for index, line in enumerate(lines):
        if index == 0 or not _COMMENTS_HEADING.match(line):
            continue
        after = sum(len(x.split()) for x in lines[index + 1 :])
        if after <= max(40, total_words // 3):
            return lines[:index]
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
