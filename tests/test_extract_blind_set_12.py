"""Rules found by a twelfth blind page set (the rest of a newspaper in English, press releases and institutional
news, European and Latin American news and other renderings of news pages, written without sight of the
extractor; see bench/blind-pages-12): advertisement labels and related-story labels in more languages, a photo
gallery's counters over each photo's text, a table layout's column cell, reader comments named in other languages,
a press release's end mark, a live blog's contributor lines, g1's "Participe do canal" prompt, editor initials
in capitals, El País' closing prompt, an op-ed writer's bio under her title,
the place writers filed from after their names.
"""

from __future__ import annotations

import pytest
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.author_bio import without_closing_bio
from newscorpus.extract.boilerplate import is_related_label, remove_boilerplate
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.credits import split_names


@pytest.mark.parametrize("label", ["Reklama", "Reklam", "Annons", "Mainos", "Hirdetés", "Διαφήμιση", "Publicitate"])
def test_an_advertisement_label_in_its_own_language_is_no_text(label: str) -> None:
    assert remove_boilerplate([STORY[0], label, *STORY[1:]]) == STORY


@pytest.mark.parametrize("label", ["Souvisí", "Související články", "Ştiri similare", "Știri similare", "Zobacz też"])
def test_a_related_stories_label_in_its_own_language_is_no_text(label: str) -> None:
    assert remove_boilerplate([*STORY, label]) == STORY


def test_a_galleries_counter_over_each_photos_text_is_no_text() -> None:
    lines = ["1 / 3", STORY[0], "2 / 3", STORY[1], "3 / 3", STORY[2]]
    assert remove_boilerplate(lines) == STORY


def test_counters_that_do_not_count_up_from_one_stay() -> None:
    """A score line or a fraction on its own ("3/4") is no gallery counter; neither are two that skip a number."""
    lines = [STORY[0], "2 / 3", STORY[1], "3 / 3", STORY[2]]
    assert remove_boilerplate(lines) == lines
    lines = [STORY[0], "1/4", STORY[1], "3/4", STORY[2], "4/4"]
    assert remove_boilerplate(lines) == lines


def test_a_table_layouts_column_is_no_paragraph_but_holds_the_story() -> None:
    """An old table-layout site: the left column's <td> holds the headline, the credit line, the story as one
    <div> of <br>-separated paragraphs, related links and reader comments. The cell is laid out, not a paragraph:
    the story's <div> is the text, the comments below it are not."""
    comments = "".join(
        f"<div class='comentariu'><b>reader_{n}</b> 05.03.2025, 15:1{n}<br>Iar trei luni care o să devină şase, "
        "ştim cum merge la noi cu lucrările astea de la primărie.</div>"
        for n in range(4)
    )
    body = (
        "<table id='layout'><tr><td class='coloana_stanga'><div class='articol'><h1>Pasajul se închide</h1>"
        "<div class='articol_info'>Autor: <a href='/autor/ap'>Andrei Popescu</a> | Miercuri, 05 martie 2025, 14:05"
        f"</div><div class='articol_text'>{'<br />'.join(STORY)}</div></div><div class='box'><h3>Ştiri similare</h3>"
        "<ul><li><a href='/s/1'>Bulevardul intră în reabilitare</a></li></ul></div><div class='comentarii'>"
        f"<h3>Comentarii (4)</h3>{comments}</div></td><td class='coloana_dreapta'><h3>Cele mai citite</h3><ol>"
        "<li><a href='/s/2'>Alt articol</a></li></ol></td></tr></table>"
    )
    html = f"<html lang='ro'><head><title>Pasajul se închide</title></head><body>{body}</body></html>"
    article = extract_article(html, "https://www.ziarul.example/stiri/pasajul--400122.html")
    assert article.body.split("\n\n") == STORY


@pytest.mark.parametrize("name", ["comentarios", "comentarii", "comentarios-area", "kommentare", "komentar"])
def test_reader_comments_are_known_by_their_class_in_other_languages(name: str) -> None:
    """Readers' comments are prose too; only their wrapper's class tells them from the story."""
    comments = "".join(
        f"<div class='item'><p>Reader {n} writes a long reply, with opinions, anecdotes and several clauses, about the "
        "garden plots, about the council and about everything else that has annoyed them this year.</p></div>"
        for n in range(5)
    )
    body = f"<article><h1>New garden plots</h1>{''.join(f'<p>{t}</p>' for t in STORY)}</article>"
    page = f"<body>{body}<div class='{name}'>{comments}</div></body>"
    html = f"<html><head><title>New garden plots</title></head>{page}</html>"
    assert extract_article(html, "https://news.example/n/1").body.split("\n\n") == STORY


NOTES_TO_EDITORS = [
    "Notes to editors",
    "The analysis of plot rents is based on the council's own survey of allotment sites.",
    "For further information, please contact: City Press Office",
]


@pytest.mark.parametrize("mark", ["- ENDS -", "ENDS", "-ENDS-", "###", "-30-"])
def test_a_press_releases_end_mark_ends_its_text(mark: str) -> None:
    assert remove_boilerplate([*STORY, mark, *NOTES_TO_EDITORS]) == STORY


def test_an_end_mark_with_most_of_the_text_after_it_is_a_section_break() -> None:
    lines = [STORY[0], "###", STORY[1], STORY[2]]
    assert remove_boilerplate(lines) == lines


def test_a_live_blogs_contributor_over_each_entry_is_no_text() -> None:
    entries = "".join(
        f"<div class='block'><time>18.3{n}</time><p class='contributor'>{name}</p><p>{text}</p></div>"
        for n, (name, text) in enumerate(zip(["Helen Marsh", "Samuel Okoye", "Helen Marsh"], STORY, strict=True))
    )
    head = (
        '<title>Storm live</title><script type=\'application/ld+json\'>{"@type": "LiveBlogPosting", "headline": '
        '"Storm live", "author": [{"@type": "Person", "name": "Helen Marsh"}, {"@type": "Person", "name": '
        '"Samuel Okoye"}]}</script>'
    )
    body = f"<article><h1>Storm live</h1><div class='blocks'>{entries}</div></article>"
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    article = extract_article(html, "https://news.example/uk/live/2025/mar/06/storm-live")
    assert article.authors == ["Helen Marsh", "Samuel Okoye"]
    assert [line for line in article.body.split("\n\n") if not line.startswith("18.3")] == STORY


def test_a_follow_us_prompt_opened_by_an_emoji_is_no_text() -> None:
    assert remove_boilerplate([*STORY, "📲 Participe do canal do g1 RJ no WhatsApp"]) == STORY


@pytest.mark.parametrize("initials", ["JLMR", "LHM/AGP"])
def test_an_editors_initials_in_capitals_closing_the_story_are_no_text(initials: str) -> None:
    assert remove_boilerplate([*STORY, initials]) == STORY


def test_a_wire_services_name_closing_the_story_is_left_to_the_agency_reader() -> None:
    assert remove_boilerplate([*STORY, "EFE"]) == [*STORY, "EFE"]


def test_el_paiss_follow_prompt_and_more_information_label_are_no_text() -> None:
    closing = "Sigue toda la información de Madrid en Facebook y X, o en nuestra newsletter semanal."
    assert remove_boilerplate([*STORY, closing]) == STORY
    assert is_related_label("Más información")


def test_the_op_ed_writers_bio_with_her_title_is_no_text() -> None:
    bio = (
        "Dr. Priya Raman is a family physician in Scarborough and an assistant professor in the department of family "
        "and community medicine."
    )
    assert without_closing_bio([*STORY, bio], ["Priya Raman"]) == STORY


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Amara Diallo in Aboutengué, Chad", ["Amara Diallo"]),
        ("By Amara Diallo and Jon Lee in Kabul, Afghanistan", ["Amara Diallo", "Jon Lee"]),
        ("By Jane Doe in Geneva", ["Jane Doe"]),
    ],
)
def test_the_place_writers_filed_from_is_no_name(byline: str, names: list[str]) -> None:
    credit = read_byline(byline, at_start=True)
    assert credit is not None and credit.authors == names
    assert split_names(byline) == names
