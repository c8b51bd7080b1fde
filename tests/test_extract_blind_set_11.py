"""Rules found by an eleventh blind page set (the big platforms' and sites' article pages, and Indonesian and Southeast
Asian news, written without sight of the extractor; see bench/blind-pages-11): Kompas' regional credit
"Kontributor Semarang, Name", GMA's closing "—VBL, GMA Integrated News".
"""

from __future__ import annotations

from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.credits import split_names

PARAGRAPHS = "".join(f"<p>{text}</p>" for text in STORY)


def _page(head: str, body: str, lang: str = "en") -> str:
    return f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_a_regional_contributors_role_and_place_are_not_a_name() -> None:
    assert split_names("Kontributor Semarang, Titis Anis Fauziyah") == ["Titis Anis Fauziyah"]
    assert split_names("Budi Santoso, Andi Wijaya") == ["Budi Santoso", "Andi Wijaya"]


def test_kompas_declares_the_contributor_with_her_place() -> None:
    head = (
        "<title>Ratusan nelayan tak melaut</title><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "Ratusan nelayan tak melaut", '
        '"author": {"@type": "Person", "name": "Kontributor Semarang, Titis Anis Fauziyah"}}</script>'
    )
    body = f"<article><h1>Ratusan nelayan tak melaut</h1>{PARAGRAPHS}</article>"
    article = extract_article(_page(head, body, "id"), "https://regional.kompas.example/read/2025/02/03/1/nelayan")
    assert article.authors == ["Titis Anis Fauziyah"]


def test_a_desks_closing_initials_and_outlet_are_no_text() -> None:
    assert remove_boilerplate([*STORY, "—VBL, GMA Integrated News"]) == STORY
    assert remove_boilerplate([*STORY, "—KBK/VBL, GMA Integrated News"]) == STORY
