"""Rules found by the twenty-first blind page set (bench/blind-pages-21): old table layouts and legacy portals (a
headline in big <font> or a CMS's own title class, a story as <br>-separated text in a <font> or <span>, an
archive's drop-down), credits and stamps of old sites in many languages, print views, and a story's hidden rest
under its "Continue reading" button.
"""

from __future__ import annotations

import pytest
from extraction_checks import authors_of, published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.article import _printed_dates
from newscorpus.extract.bylines import closing_credits
from newscorpus.extract.dates import is_stamp_only

NAV = "".join(f"<a href='/s{n}'>Section {n}</a> | " for n in range(6))
ARCHIVE = "<form><select name='d'>" + "".join(f"<option>{n:02d}.09.2006</option>" for n in range(1, 31)) * 4
ARCHIVE += "</select></form>"


def _table_page(story: str, *, title: str = "Glas Sumadije :: Vesti", above: str = "") -> str:
    """An old portal: a navigation column with an archive drop-down, and the story in the next column's cell."""
    return (
        f"<html><head><title>{title}</title></head><body><table width='800'><tr><td colspan='2'>"
        f"<font size='5'><b>Glas Sumadije</b></font><br>{NAV}</td></tr><tr><td width='180' valign='top'>"
        f"<b>Archive</b><br>{ARCHIVE}<br>You are visitor number 12345<br>since Jan. 1, 2001</td>"
        f"<td valign='top'>{above}{story}</td></tr></table></body></html>"
    )


def _broken(tag: str, attributes: str = "") -> str:
    return f"<{tag} {attributes}>" + "<br><br>".join(STORY) + f"<br><br></{tag}>"


def _lines(article) -> list[str]:  # noqa: ANN001 - ArticleFields
    return [line for line in article.body.splitlines() if line]


OLD_PORTAL_STORIES = {
    # a headline in big <font>, the story in a <font>, the date nearest above the headline (not the counter's)
    "font": (
        "<font face='Arial' size='1'>Tuesday, March 4, 2003</font><br><br><font size='5'><b>School board weighs"
        " four-day week to cut fuel costs</b></font><br><font size='2'>By John T. Miller, Staff Writer</font><br><br>"
        + _broken("font", "face='Times New Roman' size='3'"),
        ("School board weighs four-day week to cut fuel costs", "2003-03-04", ["John T. Miller"]),
    ),
    # a CMS's own title class, the story in a <span> set apart by line breaks
    "span": (
        "<span class='gs_naslov'>Sajam meda okupio 80 izlagaca</span><br>"
        "<span class='gs_datum'>Objavljeno: 14.09.2006 | Autor: Milan Petrovic</span><br><br>"
        + _broken("span", "class='gs_txt'"),
        ("Sajam meda okupio 80 izlagaca", "2006-09-14", ["Milan Petrovic"]),
    ),
}


@pytest.mark.parametrize(("story", "expected"), list(OLD_PORTAL_STORIES.values()), ids=list(OLD_PORTAL_STORIES))
def test_an_old_portals_headline_story_date_and_writer(story: str, expected: tuple[str, str, list[str]]) -> None:
    title, day, authors = expected
    article = extract_article(_table_page(story), "http://www.portal.example/vesti.php?id=903")
    assert article.title == title
    assert _lines(article) == STORY  # not the navigation and archive cells trafilatura would keep
    assert published_day(article) == day
    assert article.authors == authors


def test_a_print_views_printed_on_date_is_not_the_publication_date() -> None:
    story = (
        "<p>Westfalen-Kurier Gedruckt am 30.11.2025, 09:14 Uhr</p><h1>Neues Werk in Lippstadt</h1>"
        "<p>Von Martin Keller</p><p>Erstellt: 12.03.2024, 16:05 Uhr · Aktualisiert: 13.03.2024, 07:30 Uhr</p>"
        + "".join(f"<p>{text}</p>" for text in STORY)
    )
    html = f"<html><head><title>Druckversion</title></head><body>{story}</body></html>"
    article = extract_article(html, "https://www.westfalen-kurier.example/lippstadt/werk-123?print=1")
    assert published_day(article) == "2024-03-12"
    assert _lines(article) == STORY


REST = [
    "The levy renews a tax of 42 cents per $1,000 of assessed value for five years, costing the owner of a typical "
    "home about $126 a year, and it funds most of the district's library and after-school programmes.",
    "Voters turned down a larger levy two years ago, and the board cut the request by a third before putting it on "
    "the ballot again this spring, after a series of public meetings in every branch.",
]


def test_the_hidden_rest_of_a_story_under_its_continue_reading_button_is_read() -> None:
    visible = "".join(f"<p>{text}</p>" for text in STORY)
    hidden = "".join(f"<p>{text}</p>" for text in REST)
    html = (
        "<html><head><title>Levy</title></head><body><article><h1>Levy</h1><div class='byline'>By Ann Lee</div>"
        f"<div class='asset-content'>{visible}</div>"
        "<div class='continue-reading'><button onclick=\"document.getElementById('rest').style.display='block'\">"
        "Continue reading</button></div>"
        f"<div class='subscriber-only' id='rest' style='display:none'>{hidden}</div>"
        "<div class='comments'><h3>Comments</h3><p>Be the first to comment.</p></div></article></body></html>"
    )
    assert _lines(extract_article(html, "https://www.ridgecountytimes.example/news/levy")) == STORY + REST


def test_a_print_views_printed_on_stamp_is_no_publication_stamp() -> None:
    printed, _ = _printed_dates(["Westfalen-Kurier Gedruckt am 30.11.2025, 09:14 Uhr"], "UTC", month_first=False)
    assert printed == []
    published, _ = _printed_dates(["Erstellt: 12.03.2024, 16:05 Uhr"], "UTC", month_first=False)
    assert [stamp.utc.date().isoformat() for stamp in published] == ["2024-03-12"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Napisał: Tomasz Wróbel", ["Tomasz Wróbel"]),  # Polish "wrote"
        ("Συντάκτης: Νίκος Καραγιάννης", ["Νίκος Καραγιάννης"]),
        ("[ 5/3/2009 ] Автор: Петя Стоянова", ["Петя Стоянова"]),  # a stamp in brackets before the label
        ("Közzétéve: 2006. május 9. | Szerző: Kovács Anna", ["Kovács Anna"]),  # a labelled stamp in any language
        (
            "2008-05-20 09:15:32\u3000来源：江城日报\u3000作者：本报记者 李明 王芳\u3000【字号 大 中 小】",
            ["李明", "王芳"],
        ),
        ("記者陳志明／台中報導", ["陳志明"]),  # Taiwan: "reporter X, reporting from Taichung"
        ("김민수 기자 minsu@namhaenews.co.kr", ["김민수"]),  # a Korean reporter with her address, over the story
    ],
)
def test_old_sites_credits_in_many_languages(line: str, authors: list[str]) -> None:
    assert authors_of(line) == authors


def test_a_japanese_reporters_bracketed_credit_under_the_story() -> None:
    assert closing_credits(["（記者 中村健一）", "関連記事"]).authors == ["中村健一"]
    assert closing_credits(["関連記事", "（記者 中村健一）"]).authors == []  # only right under the text


@pytest.mark.parametrize("line", ["18/08/2024 22h30 · Atualizado há 3 meses", "Updated 2 years ago"])
def test_a_relative_stamp_in_months_or_years_is_a_stamp(line: str) -> None:
    assert is_stamp_only(line)
