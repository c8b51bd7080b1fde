"""Quality flags: why a row may not be a full, clean article. The gate and corpus users filter on them.

short: under 80 words (Chinese, Japanese and Thai counted by their characters, see words.py). teaser: a paywall or
excerpt page ("Baca selengkapnya", "Subscribe to read", JSON-LD isAccessibleForFree=false, or a very short body next
to a "read more" link). boilerplate_heavy: the body is a small share of the page's text, so the page is mostly chrome
and the body is more likely to be wrong. non_article: no body, or a listing page (many headline links, little text of
its own). no_date / no_title: the field could not be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

import lxml.html

from newscorpus.extract.fields import QualityFlag
from newscorpus.extract.text_lines import normalize_space
from newscorpus.extract.words import WORD, count_tokens, count_words

SHORT_WORDS = 80
TEASER_MAX_WORDS = 150  # a "read more" link only marks a teaser when the body is this short
TEASER_PHRASE_MAX_WORDS = 400  # in a longer body "Continue reading" links to another story
BOILERPLATE_SHARE = 0.15  # body words / page words below this: the page is mostly chrome
BOILERPLATE_MIN_PAGE_WORDS = 400  # small pages are not judged on their share
LISTING_MIN_HEADLINE_LINKS = 15
LISTING_MAX_BODY_WORDS = 120
LISTING_LINE_SHARE = 0.5  # a body made of link texts is a list of links

TEASER_PHRASES = re.compile(
    r"\b(?:baca\s+selengkapnya|continue\s+reading|subscribe\s+(?:now\s+)?to\s+(?:read|continue|unlock)|"
    r"to\s+continue\s+reading|(?:sign|log)\s+in\s+to\s+(?:read|continue)|register\s+to\s+(?:read|continue)|"
    r"already\s+a\s+subscriber|already\s+have\s+an\s+account|become\s+a\s+(?:paid\s+)?(?:member|subscriber)\s+to|"
    r"unlock\s+this\s+(?:article|piece|story|post)|is\s+exclusive\s+to\s+(?:\S+\s+){0,3}(?:subscribers|members)|"
    r"read\s+the\s+full\s+(?:story|article)|"
    r"create\s+a\s+(?:free\s+)?account\s+to\s+(?:read|continue|keep\s+reading)|subscribe\s+for\s+unlimited\s+access|"
    r"(?:this|the)\s+(?:article|content|story)\s+is\s+(?:only\s+)?(?:available\s+)?(?:for|to)\s+"
    r"(?:subscribers|members|premium)|untuk\s+membaca\s+(?:artikel|berita)\s+(?:ini\s+)?selengkapnya|"
    r"(?:artikel|berita|konten)\s+ini\s+(?:khusus|hanya\s+untuk)\s+(?:pelanggan|member|anggota)|"
    r"berlangganan\s+(?:\S+\s+){0,2}untuk\s+membaca|masuk\s+untuk\s+membaca|konten\s+premium|"
    # de, fr, es, pt, it, nl (lower case: the text is lowered before matching)
    r"jetzt\s+weiterlesen|weiterlesen\s+mit\s+(?:\S+\+|(?:\S+\s+)?(?:abo\w*|plus)\b)|"
    r"artikel\s+ist\s+(?:nur\s+|exklusiv\s+)?für\s+abonnent\w*|"
    r"sie\s+(?:sind|haben)\s+bereits\s+(?:abonnent\w*|ein\s+abo\w*)\s*\?|"
    r"(?:article|contenu)\s+est\s+réservé\s+aux\s+abonnés|déjà\s+abonné\s*\?|"
    r"il\s+vous\s+reste\s+[\d.,]+\s*%\s+de\s+(?:cet|l['’])\s*article|"
    r"contenido\s+(?:es\s+)?exclusivo\s+para\s+suscriptores|suscríbete\s+para\s+(?:seguir|continuar)\s+leyendo|"
    r"ya\s+eres\s+suscriptor\s*\?|conteúdo\s+(?:é\s+)?exclusivo\s+para\s+assinantes|já\s+é\s+assinante\s*\?|"
    r"articolo\s+è\s+riservato\s+agli\s+abbonati|sei\s+già\s+abbonato\s*\?|"
    # "Déjà abonné ?" ends in "?", "Weiterlesen mit SPIEGEL+" in "+": past the last word
    r"artikel\s+is\s+(?:alleen\s+|exclusief\s+)?voor\s+abonnees|réservé\s+aux\s+abonnés)(?:\b|(?<=[?+]))",
    re.IGNORECASE,
)
# Chinese, Japanese and Korean ones, written without spaces around them: a pattern of their own, searched only in text
# that holds one of their words (a branch in the pattern above, or a scan of every page, is slow)
TEASER_PHRASES_CJK = re.compile(
    r"この記事は(?:有料記事|(?:有料)?会員限定(?:記事)?)です|有料会員限定|残り[\d,，]+文字|"
    r"(?:订阅|付费)(?:后|即可)?(?:阅读|查看)全文|유료\s*(?:회원|구독자)\s*전용|구독자\s*전용\s*(?:기사|콘텐츠)"
)
_TEASER_CJK_WORDS = ("有料", "会員", "文字", "全文", "전용")
# the same phrases matched on lowercased text: case-insensitive matching is the slow part of scanning a whole page
_TEASER_LOWER = re.compile(TEASER_PHRASES.pattern)
READ_MORE_LINK = re.compile(
    r"^(?:read\s+more|more|baca\s+selengkapnya|selengkapnya|continue\s+reading|lanjut\s+baca|baca\s+lanjutan|"
    r"read\s+full\s+(?:story|article))\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PageSignals:
    """Page-level facts the flags are judged on, read once from the tree."""

    page_words: int
    headline_link_texts: frozenset[str]  # normalised texts of links that read like headlines (4+ words)
    has_read_more_link: bool
    page_text: str = field(default="", repr=False)

    @cached_property
    def page_has_teaser_phrase(self) -> bool:
        """Read only when a flag needs it (a short body): scanning a whole page for the phrases is slow."""
        return teaser_phrase_in(self.page_text)


def read_page_signals(tree: lxml.html.HtmlElement, page_lines: list[str]) -> PageSignals:
    headline_links = set()
    read_more = False
    for anchor in tree.iter("a"):
        text = normalize_space(anchor.text_content())
        if READ_MORE_LINK.match(text):
            read_more = True
        elif count_tokens(text) >= 4:
            headline_links.add(_key(text))
    page_text = "\n".join(page_lines)
    return PageSignals(
        page_words=count_words(page_text),
        headline_link_texts=frozenset(headline_links),
        has_read_more_link=read_more,
        page_text=page_text,
    )


def teaser_phrase_in(text: str) -> bool:
    """Whether the text holds a paywall or excerpt phrase ("Subscribe to read", "Baca selengkapnya")."""
    lowered = text.lower()
    return _TEASER_LOWER.search(lowered) is not None or (
        any(word in lowered for word in _TEASER_CJK_WORDS) and TEASER_PHRASES_CJK.search(lowered) is not None
    )


def has_teaser_phrase(lines: list[str]) -> bool:
    return any(teaser_phrase_in(line) for line in lines)


def looks_like_listing(body_lines: list[str], word_count: int, signals: PageSignals, listing_type: bool) -> bool:
    """A section front or search page: declared as a collection, a body that is mostly headline links, or many
    headline links and little text of its own."""
    if listing_type and word_count < 2 * LISTING_MAX_BODY_WORDS:
        return True
    if body_lines and signals.headline_link_texts:
        linked_words = sum(_linked_words(_key(line), signals.headline_link_texts) for line in body_lines)
        if linked_words >= LISTING_LINE_SHARE * max(1, word_count):
            return True
    return len(signals.headline_link_texts) >= LISTING_MIN_HEADLINE_LINKS and word_count < LISTING_MAX_BODY_WORDS


def _linked_words(line_key: str, link_keys: frozenset[str]) -> int:
    """Words of the line that belong to the longest headline link it contains."""
    if line_key in link_keys:
        return count_tokens(line_key)
    contained = [k for k in link_keys if k in line_key]
    return max((count_tokens(k) for k in contained), default=0)


def quality_flags(
    *,
    word_count: int,
    has_title: bool,
    has_date: bool,
    is_listing: bool,
    teaser_in_body: bool,
    paywalled: bool,
    signals: PageSignals | None,
) -> list[QualityFlag]:
    """Flags in a fixed order, so equal pages get equal lists."""
    flags: list[QualityFlag] = []
    if word_count < SHORT_WORDS:
        flags.append("short")
    short_body = word_count < TEASER_MAX_WORDS
    if signals is not None and (
        (teaser_in_body and word_count < TEASER_PHRASE_MAX_WORDS)
        or paywalled
        or (short_body and word_count > 0 and (signals.has_read_more_link or signals.page_has_teaser_phrase))
    ):
        flags.append("teaser")
    if (
        signals is not None
        and signals.page_words >= BOILERPLATE_MIN_PAGE_WORDS
        and word_count < BOILERPLATE_SHARE * signals.page_words
    ):
        flags.append("boilerplate_heavy")
    if word_count == 0 or is_listing:
        flags.append("non_article")
    if not has_date:
        flags.append("no_date")
    if not has_title:
        flags.append("no_title")
    return flags


def _key(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))
