"""Rules found by an eighth blind page set (pages whose writer and date are hard to find, written without sight of
the extractor; see bench/blind-pages-8): a stamp row run into the byline, a Polish "r." after the year, credit labels
in Turkish, Polish and Japanese, a byline's parenthetical place and role, an outlet named "Portal".
"""

from __future__ import annotations

import pytest
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.bylines import extract_bylines, read_byline
from newscorpus.extract.dates import is_stamp_only

PARAGRAPHS = "".join(f"<p>{text}</p>" for text in STORY)


def _page(head: str, body: str, lang: str = "en") -> str:
    return f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_a_stamp_row_run_into_the_byline_gives_the_local_day() -> None:
    """ "By A and B, Staff Writers Published 11:42 p.m. PT March 3, 2025 Updated 8:05 a.m. PT March 4, 2025" in one
    block, 2025-03-04T07:42Z declared: the printed stamp says the same instant on the evening of March 3."""
    head = "<title>Harbor vote</title><meta property='article:published_time' content='2025-03-04T07:42:00Z'>"
    body = (
        "<main><article><h1>Harbor commission delays dredging vote</h1><div class='byline'>By Maria Okonkwo and "
        "Daniel Reyes, Staff Writers Published 11:42 p.m. PT March 3, 2025 Updated 8:05 a.m. PT March 4, 2025</div>"
        f"{PARAGRAPHS}</article></main>"
    )
    article = extract_article(_page(head, body), "https://www.tribune.example/2025/03/04/harbor-vote/")
    assert article.tz_offset == "-08:00"
    assert article.authors == ["Maria Okonkwo", "Daniel Reyes"]


@pytest.mark.parametrize("line", ["17 czerwca 2024 r.", "17 июня 2024 г."])
def test_a_year_suffix_keeps_a_stamp_a_stamp(line: str) -> None:
    assert is_stamp_only(line)


def test_a_sentence_with_an_initial_is_no_stamp() -> None:
    assert not is_stamp_only("Rozmawiał r. Kowalski 17 czerwca 2024")


@pytest.mark.parametrize(
    ("line", "authors", "others"),
    [
        ("Haber: Mehmet Yılmaz  Fotoğraflar: Emre Demir", ["Mehmet Yılmaz"], ["Emre Demir"]),
        ("Autorka tekstu: Katarzyna Nowak", ["Katarzyna Nowak"], []),
        ("文・佐藤美咲　写真・田中健", ["佐藤美咲"], ["田中健"]),
        ("文・佐藤健太、山口美咲", ["佐藤健太", "山口美咲"], []),
        ("Por Ana Beatriz Costa, Portal Metrópole — São Paulo", ["Ana Beatriz Costa"], []),
    ],
)
def test_credit_labels_and_outlets_of_more_languages(line: str, authors: list[str], others: list[str]) -> None:
    byline = read_byline(line, at_start=True)
    assert byline is not None and byline.authors == authors and byline.others == others


def test_a_bylines_parenthetical_place_and_role_are_not_names() -> None:
    """Le Monde's "Camille Durand (Marseille, envoyée spéciale)" in an author element, the outlet declared."""
    head = (
        "<title>Marseille</title><meta property='og:site_name' content='Le Quotidien'>"
        "<meta name='author' content='Le Quotidien'>"
    )
    body = (
        "<main><article><h1>À Marseille, la rénovation des écoles prend du retard</h1><p class='meta__date'>Publié le "
        "7 janvier 2025 à 18h30</p><span class='author'>Camille Durand (Marseille, envoyée spéciale)</span>"
        f"{PARAGRAPHS}</article></main>"
    )
    article = extract_article(_page(head, body, "fr"), "https://www.quotidien.example/societe/article/ecoles")
    assert article.authors == ["Camille Durand"]


@pytest.mark.parametrize("heading", ["Before you move on…", "Explore more on these topics: Banking Cornwall Retail"])
def test_a_reader_revenue_ask_or_a_topics_list_after_the_text_ends_it(heading: str) -> None:
    ask = "We have a small favour to ask. Millions are turning to us for open, independent news every day."
    assert remove_boilerplate([*STORY, heading, ask], title=None, captions=[]) == STORY


@pytest.mark.parametrize(
    "line",
    [
        "Share Tweet WhatsApp Font Size Save Print Comment",
        "(This story has not been edited by MarketPulse staff and is auto-generated from a syndicated feed.)",
        "Download The MarketPulse India App to get Daily Market Updates & Live Business News.",
    ],
)
def test_a_toolbar_row_a_feed_note_and_an_app_pitch_are_not_text(line: str) -> None:
    assert remove_boilerplate([STORY[0], line, STORY[1]], title=None, captions=[]) == [STORY[0], STORY[1]]


def test_a_lone_wire_name_opening_the_text_is_its_byline() -> None:
    lines, byline = extract_bylines(["PTI", *STORY])
    assert byline.agencies == ["PTI"] and byline.authors == [] and [line for line in lines if line] == STORY
