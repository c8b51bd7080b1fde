"""Rules found by a seventeenth blind page set (Indonesian national, regional and business news; opinion, analysis
and special formats; article pages in the shapes that trip extractors, written without sight of the extractor;
see bench/blind-pages-17): detik's glued advertisement label, Indonesian video inserts, Liputan6's section pager,
Tempo's subscription pitch, a month-only date that htmldate gave today's day, reader polls and quizzes, the page
behind a cookie wall, a <time>'s UTC value of a declared local instant, an opinion section's call for responses, and
a "text and photos" credit.
"""

from __future__ import annotations

import htmldate.extractors
import lxml.html
import pytest
from extraction_checks import authors_of
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.agencies import desk_credit
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.flags import teaser_phrase_in
from newscorpus.extract.guesses import _dates_need_a_day, guess_date


@pytest.mark.parametrize(
    "line",
    [
        "ADVERTISEMENTSCROLL TO CONTINUE WITH CONTENT",
        "Lihat Video: Detik-detik Pencuri Kabel Beraksi Terekam CCTV",
        "Tonton juga: Banjir di Bekasi",
        "Saksikan video: Jembatan gantung putus",
        "1 dari 3 halaman",
    ],
)
def test_indonesian_outlets_inserts_and_pagers_are_no_text(line: str) -> None:
    assert remove_boilerplate([*STORY[:2], line, STORY[2]]) == STORY


def test_a_sentence_about_a_video_stays() -> None:
    line = "Lihat video ini, kata dia, yang beredar di media sosial sejak Senin pagi."
    assert remove_boilerplate([*STORY[:2], line, STORY[2]]) == [*STORY[:2], line, STORY[2]]


def test_a_subscription_pitch_naming_the_outlet_is_a_teaser_phrase() -> None:
    assert teaser_phrase_in("Berlangganan Tempo untuk membaca liputan investigasi dan laporan mendalam tanpa batas.")
    assert not teaser_phrase_in("Warga berlangganan air bersih dari PDAM sejak tahun lalu untuk kebutuhan sehari-hari.")


def test_a_month_without_a_day_is_never_given_todays_day() -> None:
    """dateutil fills a missing day from today: htmldate read a page's `<time datetime="2024-10">` as the 29th on the
    29th and the 30th on the 30th, so the same page gave another date on every rerun."""
    with _dates_need_a_day():
        with pytest.raises(ValueError, match="no day"):
            htmldate.extractors.dateutil_parse("2024-10")
        assert htmldate.extractors.dateutil_parse("2024-10-05 10:00:00").day == 5
    assert htmldate.extractors.dateutil_parse("2024-10").month == 10  # outside our calls htmldate is its own
    page = lxml.html.fromstring(
        "<html><body><p>Some text</p><div class='last-reviewed'><p>Date Last Reviewed: "
        "<time datetime='2024-10'>October 2024</time></p></div></body></html>"
    )
    assert guess_date(page, "", None) == "2024-10-01"


def _story_page(body: str) -> str:
    return (
        "<html><head><title>Four-day school week</title></head><body><header><nav><a href='/'>Home</a></nav>"
        "</header><article><h1>Four-day school week</h1>"
        f"<div class='entry-content'>{body}</div></article></body></html>"
    )


def test_a_reader_poll_and_a_quiz_inside_the_text_are_no_text() -> None:
    poll = (
        "<div class='wp-block-nxs-poll'><div class='nxs-poll'><h3>Should schools switch to a four-day week?</h3>"
        "<p>This poll is not scientific. 2,318 votes so far.</p></div></div>"
    )
    quiz = (
        "<div class='riddle-quiz'><h3>QUIZ: How well do you know Texas schools?</h3><p>Test your knowledge with "
        "these five questions.</p></div>"
    )
    paragraphs = [f"<p>{t}</p>" for t in STORY]
    html = _story_page(paragraphs[0] + poll + paragraphs[1] + quiz + paragraphs[2])
    assert [
        line for line in extract_article(html, "https://www.example.com/news/4-day").body.splitlines() if line
    ] == STORY


def test_the_page_behind_a_cookie_wall_dialog_is_read() -> None:
    """A pay-or-consent wall is the first element of <body>; the page behind it is aria-hidden while it shows."""
    purposes = "".join(
        f"<li><h3>Doel {n}</h3><p>Informatie over je activiteit kan worden gebruikt.</p></li>" for n in range(8)
    )
    wall = (
        "<div class='cookiewall' role='dialog' aria-modal='true'><h2>Wij vragen je toestemming</h2>"
        "<p>Wij en onze 850 partners gebruiken cookies om informatie op je apparaat op te slaan.</p>"
        f"<ul>{purposes}</ul><button>Akkoord</button></div>"
    )
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        f"<html><head><title>Kantoren worden woningen</title></head><body>{wall}"
        "<div class='page' aria-hidden='true'><article><h1>Kantoren worden woningen</h1>"
        f"<div class='article-body'>{body}</div></article></div></body></html>"
    )
    text = extract_article(html, "https://www.example.nl/nieuws/kantoren").body
    assert [line for line in text.splitlines() if line] == STORY


def test_a_small_screen_reader_hidden_block_stays_out() -> None:
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = _story_page(body + "<div aria-hidden='true'><p>Decorative duplicate of the share bar text here.</p></div>")
    assert "Decorative" not in extract_article(html, "https://www.example.com/news/x").body


def test_a_utc_time_element_of_the_declared_instant_keeps_the_declared_offset() -> None:
    """An editorial board's page declares 21:00 EDT on the 20th (published and modified alike) and its <time> holds
    the same instant in UTC, the 21st: the day the page is known by is the 20th."""
    ld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Transit plan", '
        '"datePublished": "2024-04-20T21:00:00-04:00", "dateModified": "2024-04-20T21:00:00-04:00"}'
    )
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        f"<html><head><title>Transit plan</title><script type='application/ld+json'>{ld}</script></head><body>"
        "<article><h1>Transit plan</h1><div class='byline'><span>The Editorial Board</span><div>"
        "<time dateTime='2024-04-21T01:00:00.000Z'>Published April 20, 2024 at 9:00 PM EDT</time>"
        "<span>This editorial appears in the Sunday, April 21 print edition.</span></div></div>"
        f"<div class='body'>{body}</div></article></body></html>"
    )
    article = extract_article(html, "https://www.example.com/opinion/editorials/2024/04/20/transit")
    assert article.to_dict(json_safe=True)["published_at"] == "2024-04-20T21:00:00-04:00"


@pytest.mark.parametrize(
    "line",
    [
        "Do you have an opinion on the issues raised in this article? If you would like to submit a response of up "
        "to 300 words by email to be considered for publication in our letters section, please click here.",
        "The Gazette welcomes letters of up to 250 words. Letters must include the writer's name, town and phone "
        "number for verification; only name and town are published.",
    ],
)
def test_an_opinion_sections_call_for_responses_is_no_text(line: str) -> None:
    assert remove_boilerplate([*STORY, line]) == STORY


def test_a_desk_byline_stays_a_credit_as_the_dev_truth_names_it() -> None:
    """The dev set's truth credits "News Desk" (wcxb-dev-0408): a desk is left to the organisation rules."""
    assert not desk_credit("News Desk")
    assert not desk_credit("Tim Humas Kementerian Kominfo")


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("文・写真：佐藤美咲", "佐藤美咲"),
        ("Text and photos: Jane Doe", "Jane Doe"),
        ("Words and pictures: Jane Doe", "Jane Doe"),
    ],
)
def test_a_writer_who_took_the_photographs_too_is_the_author(line: str, author: str) -> None:
    assert authors_of(line) == [author]
