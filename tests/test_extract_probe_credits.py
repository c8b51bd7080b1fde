"""Author rules found by probing platform layouts: editor credits, article footers, bylines that name an outlet's
desk after the writer, Italian "di" bylines, localised blog footers and health publishers' reviewer credits.

Each page is built here from one template (site nav, an <article> with a header and a story, a page footer); the
`header`, `after_story`, `outside` and `head` arguments carry what a rule is about. Where a rule could over-match,
a test pins the text that must stay what it is (a sentence opening with the same word, a teaser's byline).
"""

from __future__ import annotations

import json

import lxml.html
import pytest

from newscorpus.extract import extract_article
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.credit_names import Byline
from newscorpus.extract.credits import decide_credits
from newscorpus.extract.guesses import guess_author

URL = "https://news.example.org/2024/04/03/city-gardens"
STORY = [
    "The city will open one hundred and twenty new garden plots this spring on land that used to hold a bus depot, "
    "after three years of complaints that the waiting list had grown longer than the list of gardeners.",
    "Each plot will come with a water tap and a small shed, and the council says it will keep the rent at the "
    "level of the old plots for the first two seasons so that families on the list are not priced out.",
    "Applications open next month and will be handled by lottery, with a share of the plots kept for schools "
    "and for the neighbourhood associations that first asked for the land to be used this way.",
]


def page(
    *,
    header: str = "",
    first: str = "",
    after_story: str = "",
    in_article: str = "",
    outside: str = "",
    head: str = "",
    article_tag: str = "article",
    lang: str = "en",
) -> str:
    lead = f"<p>{first}</p>" if first else ""
    story = "".join(f"<p>{text}</p>" for text in STORY)
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>City opens new garden plots"
        f"</title>{head}</head><body><header class='site-header'><nav><a href='/'>Home</a> <a href='/city'>City</a>"
        f"</nav></header><main><{article_tag} class='post hentry'><h1>City opens new garden plots</h1>{header}"
        f"<div class='entry-content'>{lead}{story}{after_story}</div>{in_article}</{article_tag}>{outside}</main>"
        "<footer class='site-footer'><p>Copyright 2024 Example News</p></footer></body></html>"
    )


def ld_json(data: dict) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def authors_of(html: str) -> list[str]:
    return extract_article(html, URL).authors


# --- 1. an editor credit does not stop the author search -------------------------------------------------------


def test_editor_line_does_not_block_the_author_widget() -> None:
    """Media Indonesia: the writer only in an author-classed widget, the desk editor on a labelled "Editor :"
    line whose link is also author-classed. The editor line ends nothing, and its link is not the author."""
    html = page(
        header="<div class='info'><div class='author-2'>Naufal Zuhdi</div></div>",
        after_story="<div class='info-author'>Editor : <a href='/author/112/heryadi' class='author'>Heryadi</a></div>",
        lang="id",
    )
    article = extract_article(html, URL, timezone="Asia/Jakarta")
    assert article.authors == ["Naufal Zuhdi"]
    assert article.editors == ["Heryadi"]


def test_an_editor_alone_is_still_no_author() -> None:
    """Without any writer credit the editor's author-classed link is still not taken for the author."""
    html = page(
        after_story="<div class='info-author'>Editor : <a href='/author/112/heryadi' class='author'>Heryadi</a></div>",
        lang="id",
    )
    article = extract_article(html, URL, timezone="Asia/Jakarta")
    assert article.editors == ["Heryadi"]
    assert "Heryadi" not in article.authors


def test_a_guessed_author_that_is_the_credited_editor_is_dropped() -> None:
    """Whatever the page guess finds, a name the credits already hold as the editor is not an author."""
    credits = decide_credits(
        Byline(editors=["Heryadi"]),
        metadata_authors=[],
        metadata_organisations=[],
        metadata_editors=[],
        dateline_agency=None,
        fallback_authors=lambda: "Heryadi",
    )
    assert credits.authors == []
    assert credits.editors == ["Heryadi"]


# --- 2. the article's own footer holds its byline; a guess must read as a name ----------------------------------

TWENTY_ONE_FOOTER = (
    "<footer class='entry-footer default-max-width'><div class='posted-by'><span class='posted-on'>Published "
    "<time datetime='2024-04-03T09:00:00+00:00'>April 3, 2024</time></span><span class='byline'>By "
    "<a href='/author/tomaskelly/' rel='author'>Tomas Kelly</a></span></div></footer>"
)
AUTHOR_BIO = (
    "<div class='author-bio'><p class='author-description'>Tomas covers local government.</p><a "
    "class='author-link' href='/author/tomaskelly/' rel='author'>View all of Tomas Kelly's posts.</a></div>"
)


def test_byline_in_the_articles_entry_footer() -> None:
    """WordPress Twenty Twenty-One prints the byline in the article's `entry-footer`; the author box after the
    article links "View all of Tomas Kelly's posts." """
    html = page(in_article=TWENTY_ONE_FOOTER, outside=AUTHOR_BIO)
    assert authors_of(html) == ["Tomas Kelly"]


def test_a_teasers_footer_in_a_sidebar_stays_furniture() -> None:
    """A related story in a sidebar is an <article> with its own entry footer: its byline is not this story's."""
    teaser = (
        "<div class='sidebar-posts'><article><h3><a href='/other'>Other story</a></h3><footer class='entry-footer'>"
        "<span class='byline'>By <a href='/author/ruth-price/' rel='author'>Ruth Price</a></span></footer>"
        "</article></div>"
    )
    assert "Ruth Price" not in authors_of(page(outside=teaser))


def test_blogger_post_footer_in_the_hentry() -> None:
    """Blogger's post footer sits in the post's hAtom entry: "Diposting oleh <span class='fn'>…" is the byline,
    its localised label is no part of the name."""
    footer = (
        "<div class='post-footer'><span class='post-author vcard'>Diposting oleh Raya Puspita</span> "
        "<span class='post-timestamp'>di 20.15</span></div>"
    )
    html = page(in_article=footer, article_tag="div", lang="id")
    assert authors_of(html) == ["Raya Puspita"]


def test_a_guessed_author_must_read_as_a_name() -> None:
    """An author-classed link whose text is a sentence is skipped; the next author widget is asked."""
    tree = lxml.html.fromstring(
        "<html><body><article><a class='author-link' rel='author' href='/author/tk/'>View all of Tomas Kelly's "
        "posts.</a><span class='author'>Tomas Kelly</span></article></body></html>"
    )
    assert guess_author(tree) == "Tomas Kelly"


@pytest.mark.parametrize(("widget", "expected"), [("Byron Smith", "Byron Smith"), ("ByTrevor Jones", "Trevor Jones")])
def test_a_name_starting_like_a_label_keeps_its_letters(widget: str, expected: str) -> None:
    """ "By" is stripped from a widget's text only as a word, or glued to a capitalised name."""
    tree = lxml.html.fromstring(f"<html><body><article><span class='byline'>{widget}</span></article></body></html>")
    assert guess_author(tree) == expected


# --- 3. a byline's names end where the outlet's desk or a job title starts ---------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Por Fernanda Lima, g1 SP", ["Fernanda Lima"]),
        ("Por Fernanda Lima e João Souza, g1 SP", ["Fernanda Lima", "João Souza"]),
        ("By Priya Raman, Energy Editor, and Ben Schultz", ["Priya Raman", "Ben Schultz"]),
        (
            "By Daniel Burstein, Senior Director, Content & Marketing, MarketingSherpa and MECLABS Institute",
            ["Daniel Burstein"],
        ),
    ],
)
def test_byline_names_end_at_a_desk_or_a_job_title(line: str, expected: list[str]) -> None:
    parsed = read_byline(line, at_start=True)
    assert parsed is not None
    assert parsed.authors == expected


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, the council had voted to close the bridge",
        "By Tuesday, 5 p.m.",
        "By John Smith, who covered the council for years",
        "Por favor, Maria Silva",
    ],
)
def test_a_sentence_after_a_name_is_still_no_byline(line: str) -> None:
    assert read_byline(line, at_start=True) is None


def test_g1_byline_on_the_page() -> None:
    header = "<p class='content-publication-data__from'>Por Fernanda Lima, g1 SP</p>"
    assert authors_of(page(header=header, lang="pt-BR")) == ["Fernanda Lima"]


def test_declared_persons_complete_a_byline_read_short() -> None:
    """The byline is read as far as the job title; the JSON-LD lists both writers: the declaration is taken."""
    head = ld_json(
        {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": "City opens new garden plots",
            "author": [{"@type": "Person", "name": "Priya Raman"}, {"@type": "Person", "name": "Ben Schultz"}],
        }
    )
    header = "<div class='byline'>By Priya Raman, Energy Editor</div>"
    assert authors_of(page(head=head, header=header)) == ["Priya Raman", "Ben Schultz"]


# --- 4. Italian "di" bylines ----------------------------------------------------------------------------------


def test_italian_di_byline() -> None:
    header = (
        "<div class='meta'><span class='autore'>di Giulia Bianchi</span> | <span>Pubblicato il 03/04/2024</span></div>"
    )
    assert authors_of(page(header=header, lang="it")) == ["Giulia Bianchi"]


def test_italian_di_widget_loses_its_label() -> None:
    header = "<div class='writer'>di <span class='writer-name'>Marco Rossi</span></div>"
    assert authors_of(page(header=header, lang="it")) == ["Marco Rossi"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Di notte i ladri sono entrati nel negozio",
        "Di Maio ha incontrato Salvini",
        "Di Maio",
        "di fronte al Comune",
        "di Redazione",
    ],
)
def test_italian_sentences_opening_with_di_are_no_byline(sentence: str) -> None:
    assert read_byline(sentence, at_start=True) is None


def test_italian_first_paragraph_opening_with_di_stays_in_the_story() -> None:
    sentence = "Di Maio ha incontrato Salvini"
    article = extract_article(page(first=sentence, lang="it"), URL)
    assert article.body.startswith(sentence)
    assert article.authors == []


# --- 6. health publishers: reviewer and writer in one line; MedicalWebPage -------------------------------------


def test_reviewer_and_writer_in_one_credit_line() -> None:
    header = (
        "<div class='css-byline'>Medically reviewed by <a href='/reviewers/jm'>Jared Meacham, PhD, RD, CSCS</a> — "
        "Written by <a href='/authors/kaj'>Kerri-Ann Jennings, MS, RD</a> — Updated on November 20, 2023</div>"
    )
    assert authors_of(page(header=header)) == ["Kerri-Ann Jennings"]


def test_a_reviewer_line_alone_credits_no_author() -> None:
    parsed = read_byline("Reviewed by Dana Wu, P.E.", at_start=True)
    assert parsed is not None
    assert parsed.authors == []


def test_a_guessed_credit_line_is_read_part_by_part() -> None:
    credits = decide_credits(
        Byline(),
        metadata_authors=[],
        metadata_organisations=[],
        metadata_editors=[],
        dateline_agency=None,
        fallback_authors=lambda: "Medically reviewed by Jared Meacham — Written by Kerri-Ann Jennings",
    )
    assert credits.authors == ["Kerri-Ann Jennings"]


def test_medical_web_page_declares_the_author() -> None:
    """A health publisher types its article page MedicalWebPage: its author and date are the article's."""
    head = ld_json(
        {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": "City opens new garden plots",
            "datePublished": "2019-05-02T00:00:00Z",
            "author": {"@type": "Person", "name": "Kerri-Ann Jennings"},
            "reviewedBy": {"@type": "Person", "name": "Jared Meacham"},
        }
    )
    article = extract_article(page(head=head), URL)
    assert article.authors == ["Kerri-Ann Jennings"]


def test_a_plain_web_page_author_is_not_read() -> None:
    """Only the authored page types stand for an article: a WebPage's author (often the site) is not taken."""
    head = ld_json(
        {"@context": "https://schema.org", "@type": "WebPage", "author": {"@type": "Person", "name": "Site Owner"}}
    )
    assert authors_of(page(head=head)) == []
