"""Rules found by a tenth blind page set (Indonesian and English-language news of the long tail, and the health,
money, lifestyle and tech pages of a general crawl, written without sight of the extractor; see
bench/blind-pages-10): a contributor's "For The Daily Sentinel", Hindustan Times' automated-feed note, Postmedia's
"Article content" labels.
"""

from __future__ import annotations

import pytest
from extraction_checks import authors_of
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.credit_names import without_outlet_suffix

PARAGRAPHS = "".join(f"<p>{text}</p>" for text in STORY)


def _page(head: str, body: str, lang: str = "en") -> str:
    return f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Megan Hollis For The Daily Sentinel", "Megan Hollis"),
        ("Jane Doe for Reuters", "Jane Doe"),
        ("The Fund For Peace", "The Fund For Peace"),  # an organisation, not a person writing for one
        ("Megan Hollis", "Megan Hollis"),
    ],
)
def test_the_paper_a_contributor_writes_for_is_not_her_name(name: str, person: str) -> None:
    assert without_outlet_suffix(name) == person


def test_a_contributors_byline_and_declaration() -> None:
    """TownNews BLOX declares the contributor's byline whole as the author's name."""
    assert authors_of("By Megan Hollis For The Daily Sentinel") == ["Megan Hollis"]
    head = (
        "<title>County board approves bridge</title><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "County board approves bridge", '
        '"author": [{"@type": "Person", "name": "Megan Hollis For The Daily Sentinel"}]}</script>'
    )
    body = f"<article><h1>County board approves bridge</h1>{PARAGRAPHS}</article>"
    article = extract_article(_page(head, body), "https://dailysentinel.example/news/local/bridge.html")
    assert article.authors == ["Megan Hollis"]


def test_an_automated_feed_note_is_no_text() -> None:
    line = "This article was generated from an automated news agency feed without modifications to text."
    assert remove_boilerplate([*STORY, line]) == STORY


def test_postmedias_article_content_labels_are_no_text() -> None:
    first, second, third = STORY
    lines = [first, "Article content", "Article content", second, "Article content", third]
    assert remove_boilerplate(lines) == STORY


@pytest.mark.parametrize(
    "line",
    [
        "Wellnessline only shows you brands and products that we stand behind. Our team thoroughly researches and "
        "evaluates the recommendations we make on our site.",
        "SignalFlow may earn a commission when you buy through links on our site.",
        "This post may contain affiliate links. Please read my disclosure for more info.",
        "Last medically reviewed on March 4, 2025",
        "- Advertisement -",
    ],
)
def test_health_and_review_sites_notes_are_no_text(line: str) -> None:
    assert remove_boilerplate([STORY[0], line, *STORY[1:]]) == STORY


def test_a_sentence_on_reviews_or_commissions_stays() -> None:
    lines = [
        "The panel reviewed on Tuesday the 14 bids it had received for the bridge contract.",
        "Agents may earn a commission of up to 6 percent, the report found.",
    ]
    assert remove_boilerplate([*STORY, *lines]) == [*STORY, *lines]


def test_a_health_publishers_sources_end_the_text() -> None:
    sources = [
        "Abbasi B, et al. (2012). The effect of magnesium supplementation on primary insomnia in elderly.",
        "Arab A, et al. (2023). The role of magnesium in sleep health: A systematic review of available literature.",
    ]
    assert remove_boilerplate([*STORY, "How we reviewed this article:", *sources]) == STORY
