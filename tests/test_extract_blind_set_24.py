"""Rules found by the twenty-fourth blind page set (bench/blind-pages-24): the content web's and English-language
news's credits (author chips side by side, "Autora:", a certification and an employer after the name, a department
in Spanish) and the boxes after a story ("More Knox County News", "Support … journalism").
"""

from __future__ import annotations

import pytest
from extraction_checks import authors_of, published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate


def _page(lang: str, headline: str, header: str, *, after: str = "") -> str:
    """An article page: the headline, the `header` under it, the story, and `after` the article."""
    story = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    return (
        f"<html lang='{lang}'><head><title>{headline}</title></head><body><main><article><h1>{headline}</h1>"
        f"{header}{story}</article>{after}</main></body></html>"
    )


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Written by Rita Alvarez, NASM-CPT, head coach at Iron & Oak Fitness", ["Rita Alvarez"]),
        ("Autora: Dra. Lucía Ferrer, Servicio de Traumatología y Cirugía Ortopédica", ["Dra. Lucía Ferrer"]),
        ("Harriet Osei, Health Editor", ["Harriet Osei"]),  # a British paper's beat editor writes the story
        ("Maya Chen, Staff Writer", ["Maya Chen"]),
        # a name after a comma and "and" still adds a writer, after a job or an affiliation
        ("By Priya Raman, Energy Editor, and Ben Schultz", ["Priya Raman", "Ben Schultz"]),
        ("By Jane Doe, Stanford University, and John Roe", ["Jane Doe", "John Roe"]),
    ],
)
def test_credits_with_a_certification_an_employer_or_a_department(line: str, authors: list[str]) -> None:
    assert authors_of(line) == authors


def test_author_chips_side_by_side_are_one_writer_each() -> None:
    chips = "".join(
        f"<a href='/blog/authors/{slug}' class='Post_author__e1'><img alt='' src='/{slug}.jpg'><span>{name}</span></a>"
        for slug, name in (("priya", "Priya Natarajan"), ("sam", "Sam Okafor"))
    )
    header = f"<div class='Post_meta__c8'><div class='Post_authors__r4'>{chips}</div></div>"
    page = _page("en", "Why we moved our queue to Postgres", header)
    article = extract_article(page, "https://www.tallyworks.io/blog/postgres-queue")
    assert article.authors == ["Priya Natarajan", "Sam Okafor"]


def test_a_spanish_hospital_pages_stamp_is_read_once_its_credit_is_known() -> None:
    meta = (
        "<div class='node__meta'><div class='field--name-field-autor'><span class='label'>Autora:</span> <a"
        " href='/es/cuadro-medico/lucia-ferrer'>Dra. Lucía Ferrer</a>, Servicio de Traumatología</div>"
        "<div class='node__date'>Publicado el 7 de noviembre de 2024</div></div>"
    )
    related = "".join(
        f"<li><a href='/es/{n}'>Otro artículo</a> <time datetime='{d}'>fecha</time></li>"
        for n, d in (("a", "2024-10-02T10:00:00Z"), ("b", "2025-01-21T09:30:00Z"))
    )
    after = f"<section class='relacionados'><ul>{related}</ul></section>"
    page = _page("es", "Esguince de tobillo: cuándo ir a urgencias", meta, after=after)
    article = extract_article(page, "https://www.hospitalsanrafael.es/es/blog/esguince-tobillo")
    assert article.authors == ["Dra. Lucía Ferrer"] and published_day(article) == "2024-11-07"


@pytest.mark.parametrize(
    "box",
    [
        ["More Knox County News", "Knox County schools add two snow make-up days", "New roundabout opens on Maloney"],
        ["Support PREMIUM TIMES' journalism of integrity and credibility", "Good journalism costs a lot of money."],
    ],
)
def test_a_local_news_box_or_a_support_ask_after_the_story_is_no_text(box: list[str]) -> None:
    assert remove_boilerplate([*STORY, *box]) == STORY


def test_a_more_news_box_inside_the_story_is_cut_out_and_the_story_goes_on() -> None:
    box = ["More Local News", "Tulsa police search for suspect in robbery", "Broken Arrow approves new splash pad"]
    assert remove_boilerplate([STORY[0], *box, STORY[1], STORY[2]]) == STORY
