"""Rules found by a fifteenth blind page set (the content-marketing web's trend posts, how-tos and glossary pages,
help centres, documentation and forum threads, and article pages in 25 languages, written without sight of the
extractor; see bench/blind-pages-15): Hebrew's and Thai's "by", and Thai names.
"""

from __future__ import annotations

import pytest
from extraction_checks import authors_of
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.credit_names import looks_like_name


@pytest.mark.parametrize(
    ("line", "author"),
    [("מאת נועה לוי", "נועה לוי"), ("โดย พิมพ์ชนก ศรีสุข", "พิมพ์ชนก ศรีสุข")],
)
def test_hebrew_and_thai_by_words_open_a_byline(line: str, author: str) -> None:
    assert authors_of(line) == [author]


@pytest.mark.parametrize("line", ["โดยทั่วไป นักท่องเที่ยว", "מאת הכותב"])
def test_a_sentence_opening_with_those_words_is_no_byline(line: str) -> None:
    assert read_byline(line, at_start=True) is None


def test_a_thai_given_name_and_surname_look_like_a_name_and_a_thai_sentence_does_not() -> None:
    assert looks_like_name("พิมพ์ชนก ศรีสุข", strict=True)
    assert not looks_like_name("นักท่องเที่ยวส่วนใหญ่เดินทางมาถึงเชียงใหม่ในช่วงเดือนธันวาคม", strict=True)


def test_a_thai_blogs_byline_in_its_entry_meta_names_the_writer() -> None:
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        "<html lang='th'><head><title>เที่ยวเชียงใหม่ 3 วัน</title></head><body><article><h1>เที่ยวเชียงใหม่ 3 วัน</h1>"
        "<div class='entry-meta'><span class='posted-by'><span class='author vcard'>โดย พิมพ์ชนก ศรีสุข</span></span>"
        f"</div><div class='entry-content'>{body}</div></article></body></html>"
    )
    assert extract_article(html, "https://www.example.co.th/2024/03/chiang-mai/").authors == ["พิมพ์ชนก ศรีสุข"]


def test_a_name_that_ends_in_a_vowel_sign_keeps_it() -> None:
    """trafilatura's name normalisation ends a name at its last letter, and a Devanagari or Bengali vowel sign is a
    mark: "राधा शर्मा" came out as "राधा शर्म"."""
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        "<html lang='hi'><head><title>दिल्ली में बारिश</title></head><body><article><h1>दिल्ली में बारिश</h1>"
        f"<div class='author-name'>राधा शर्मा</div><div class='story'>{body}</div></article></body></html>"
    )
    assert extract_article(html, "https://www.example.in/delhi/rain").authors == ["राधा शर्मा"]


def _framer_page(picture_alt: str, name_box: str) -> str:
    body = "".join(f"<p class='framer-text'>{t}</p>" for t in STORY)
    return (
        "<html><head><title>Five product-led growth trends</title></head><body><div id='main'>"
        "<h1 class='framer-text'>Five product-led growth trends</h1><div class='framer-1e2krk'><div class='framer-1'>"
        f"<div data-framer-background-image-wrapper='true'><img src='https://framerusercontent.example/a.png' "
        f"alt='{picture_alt}'></div></div><div class='framer-2'>{name_box}</div></div>"
        f"<div data-framer-component-type='RichTextContainer'>{body}</div></div></body></html>"
    )


def test_the_name_printed_first_in_the_box_beside_a_named_picture_is_the_author() -> None:
    """Framer sets the writer's picture and the box of her name over her job title side by side."""
    name_box = (
        "<div><p class='framer-text'>Sam Okafor</p></div><div><p class='framer-text'>Co-founder &amp; CEO</p></div>"
    )
    assert extract_article(_framer_page("Sam Okafor", name_box), "https://www.pl.example/blog/trends").authors == [
        "Sam Okafor"
    ]


def _ghost_page(twitter_data: str) -> str:
    body = "".join(f"<p>{t}</p>" for t in STORY)
    ld = (
        '<script type=\'application/ld+json\'>{"@context": "https://schema.org", "@type": "Article", '
        '"headline": "Set up SPF, DKIM and DMARC", "author": {"@type": "Person", "name": "Arjun Mehta"}}'
        "</script>"
    )
    return (
        f"<html><head><title>Set up SPF, DKIM and DMARC</title>{ld}<meta name='twitter:label1' content='Written by'>"
        f"<meta name='twitter:data1' content='{twitter_data}'></head><body><article><h1>Set up SPF, DKIM and DMARC"
        f"</h1><section class='gh-content'>{body}</section></article></body></html>"
    )


def test_a_share_cards_written_by_row_adds_the_writers_the_json_ld_leaves_out() -> None:
    """Ghost's JSON-LD names the primary author only; its `twitter:data1` "Written by" row names them all."""
    url = "https://inboxready.example/spf-dkim-dmarc/"
    assert extract_article(_ghost_page("Arjun Mehta, Claire Dubois"), url).authors == ["Arjun Mehta", "Claire Dubois"]
    assert extract_article(_ghost_page("Arjun Mehta, PT"), url).authors == ["Arjun Mehta"]  # a credential
    assert extract_article(_ghost_page("Someone Else"), url).authors == ["Arjun Mehta"]  # not the declared one


def test_a_help_articles_heading_with_a_print_link_inside_gives_a_one_line_title() -> None:
    """Freshdesk has no <h1>: the article's title is an <h2 class="heading"> with a "Print" link inside it."""
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        "<html><head><title>Troubleshooting receipt printers : POSpal Support</title>"
        "<meta property='og:title' content='Troubleshooting receipt printers'></head><body>"
        "<section class='main content fc-article-show'><div class='article__header'><h2 class='heading'>"
        "Troubleshooting receipt printers\n   <a href='javascript:print();' class='solution-print--icon'>\n"
        "<span class='text-print'>Print</span>\n</a>\n</h2></div>"
        f"<article class='article-body'>{body}</article></section></body></html>"
    )
    article = extract_article(html, "https://support.pospal.example/support/solutions/articles/48001219834")
    assert article.title == "Troubleshooting receipt printers"


@pytest.mark.parametrize(("printed", "author"), [("u/sourdough_ledger", "sourdough_ledger"), ("m_brandt", "m_brandt")])
def test_a_communitys_user_name_is_kept_as_the_site_prints_it(printed: str, author: str) -> None:
    """A Reddit post's "u/sourdough_ledger" is no "U" and "Sourdough Ledger"."""
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        "<html><head><title>My starter finally doubled</title></head><body><main><shreddit-post>"
        f"<h1>My starter finally doubled</h1><span class='author-name'>{printed}</span>"
        f"<div class='post-body'>{body}</div></shreddit-post></main></body></html>"
    )
    assert extract_article(html, "https://www.reddit.example/r/Sourdough/comments/abc/").authors == [author]
