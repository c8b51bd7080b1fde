"""Rules found by a seventh blind page set (English-language news and organisation pages of 2024-2026, and the
evergreen guides and explainers of a general crawl, written without sight of the extractor; see
bench/blind-pages-7): an obituary's guest book, a registration wall's pitch, the outlet named after the reporters,
"Name / Business reporter", the name element of a contributors block, a CivicPlus module <h2> over the <h3>
headline.
"""

from __future__ import annotations

import pytest
from extraction_checks import authors_of, published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.flags import teaser_phrase_in

PARAGRAPHS = "".join(f"<p>{text}</p>" for text in STORY)


def _page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_an_obituarys_guest_book_is_not_text() -> None:
    guest_book = (
        "<div class='obit-guestbook'><h3>Guest Book</h3><p>12 entries</p><div class='entry'><p>She was my second "
        "grade teacher in 1979 and I still remember her reading to us. My condolences.</p><span>— Tom R.</span></div>"
    )
    page = _page("<title>Margaret Hollister</title>", f"<main><h1>Margaret Hollister</h1>{PARAGRAPHS}{guest_book}")
    body = extract_article(page, "https://www.courier.example/obituaries/margaret-hollister").body
    assert body.split("\n\n") == STORY


@pytest.mark.parametrize(
    "line",
    [
        "Create a free account to read 2 articles a month, or subscribe for unlimited access to local business news.",
        "Subscribe for unlimited access to all our reporting.",
    ],
)
def test_a_registration_walls_pitch_is_a_teaser_phrase(line: str) -> None:
    assert teaser_phrase_in(line)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # the outlet the reporters write for, after their names
        (
            "By Hannah Cole, Marcus Bell and Yusuf Adeyemi, National Courier Network",
            ["Hannah Cole", "Marcus Bell", "Yusuf Adeyemi"],
        ),
        ("Imogen Ashworth / Business reporter", ["Imogen Ashworth"]),
        ("Imogen Ashworth, Political correspondent", ["Imogen Ashworth"]),
    ],
)
def test_bylines_with_the_outlet_or_the_beat_after_the_names(line: str, authors: list[str]) -> None:
    assert authors_of(line) == authors


def test_a_job_alone_is_no_byline() -> None:
    assert read_byline("Senior Political Reporter", at_start=True) is None


def test_the_name_element_of_a_contributors_block() -> None:
    """A BBC-like byline block: the time, share buttons and the contributor's name and role as separate spans, with
    the organisation declared as the author."""
    head = (
        '<title>Water bills</title><script type=\'application/ld+json\'>{"@type": "NewsArticle", "author": '
        '{"@type": "Organization", "name": "Britcast News"}}</script>'
    )
    body = (
        "<main><article><h1>Water bills: why are they going up?</h1><div data-component='byline-block'>"
        "<div class='sc-byline'><time datetime='2025-03-19T06:12:44.000Z'>2 hours ago</time><button>Share</button>"
        "<div class='sc-contributors'><span class='sc-name'>Imogen Ashworth</span><span class='sc-role'>Business "
        f"reporter</span></div></div></div>{PARAGRAPHS}</article></main>"
    )
    assert extract_article(_page(head, body), "https://www.britcast.example/news/business-1").authors == [
        "Imogen Ashworth"
    ]


def test_a_module_h2_over_the_h3_headline_without_an_h1() -> None:
    """CivicPlus's "News Flash" module title as the page's first heading, the story's headline an <h3> under it."""
    body = (
        "<main><h2 class='moduleTitle'>News Flash</h2><div class='detail'><h3 class='article-title'>Arrest Made in "
        f"String of Catalytic Converter Thefts</h3>{PARAGRAPHS}</div><aside><h3>Tools</h3></aside></main>"
    )
    page = _page("<title>News Flash • Westbrook, MN • CivicEngage</title>", body)
    assert extract_article(page, "https://www.westbrook.example/CivicAlerts.aspx?AID=51").title == (
        "Arrest Made in String of Catalytic Converter Thefts"
    )


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Hana Sørensen · Head of Engineering", ["Hana Sørensen"]),
        ("Tunde Oyelaran · Developer Advocate · 2024-08-29 · 6 min read", ["Tunde Oyelaran"]),
    ],
)
def test_a_company_blogs_name_and_job_byline(line: str, authors: list[str]) -> None:
    assert authors_of(line) == authors


@pytest.mark.parametrize("line", ["Sam Whitford | Photo Editor", "Products · Developer tools", "Home · News Editor"])
def test_a_photo_credit_or_a_menu_in_the_bylines_shape_is_no_byline(line: str) -> None:
    byline = read_byline(line, at_start=True)
    assert byline is None or byline.authors == []


def test_a_labelled_stamp_after_a_credit_in_its_row_dates_the_page() -> None:
    """A health library's only date: "Medical review: X, MD · Last reviewed: 09/12/2024" under the text."""
    body = (
        f"<main><h1>Iron-Deficiency Anemia</h1><p>By Cedar Valley Clinic Staff</p>{PARAGRAPHS}"
        "<div class='review'><p>Medical review: Andrea Kowalczyk, MD, Hematology · Last reviewed: 09/12/2024</p></div>"
        "</main>"
    )
    article = extract_article(_page("<title>Iron-Deficiency Anemia</title>", body), "https://clinic.example/a/iron")
    assert published_day(article) == "2024-09-12"


def test_the_bio_under_an_about_the_author_heading_names_the_writer() -> None:
    """No byline; below the text, "About the Author" and "Marisol Vega is the founding attorney of …"."""
    body = (
        f"<main><article><h1>How probate works in Texas</h1>{PARAGRAPHS}</article><div class='author-bio-box'>"
        "<h4>About the Author</h4><p><strong>Marisol Vega</strong> is the founding attorney of Vega Estate Law and "
        "has guided San Antonio families through probate since 2009.</p></div></main>"
    )
    article = extract_article(_page("<title>How probate works</title>", body), "https://vegalaw.example/blog/probate")
    assert article.authors == ["Marisol Vega"]


def test_an_accordions_section_headings_printed_as_buttons_are_text() -> None:
    """<h2><button>Symptoms</button></h2>: the button opens the section, its words are the section's heading."""
    sections = "".join(
        f"<h2 class='accordion__heading'><button class='accordion__trigger' aria-expanded='true'>"
        f"<span>{name}</span><span aria-hidden='true'>+</span></button></h2><div class='panel'><p>{text}</p></div>"
        for name, text in zip(("Symptoms", "Causes", "Treatment"), STORY, strict=True)
    )
    page = _page("<title>Anemia</title>", f"<main><article><h1>Iron-Deficiency Anemia</h1>{sections}</article></main>")
    body = extract_article(page, "https://clinic.example/a/iron").body.split("\n\n")
    assert body == ["Symptoms", STORY[0], "Causes", STORY[1], "Treatment", STORY[2]]


@pytest.mark.parametrize("label", ["Inhalt", "Spis treści", "Innehåll", "目次", "Mục lục"])
def test_a_table_of_contents_under_its_label_in_more_languages_is_not_text(label: str) -> None:
    headings = ["Erste Schritte", "Die Kosten", "Fazit"]
    entries = "".join(f"<li><a href='#s{n}'>{h}</a></li>" for n, h in enumerate(headings))
    sections = "".join(f"<h2 id='s{n}'>{h}</h2><p>{STORY[n]}</p>" for n, h in enumerate(headings))
    article = f"<h1>Der ETF-Sparplan</h1><div class='box'><p>{label}</p><ol>{entries}</ol></div>{sections}"
    page = _page("<title>Der ETF-Sparplan</title>", f"<main><article>{article}</article></main>")
    body = extract_article(page, "https://bank.example/ratgeber/etf-sparplan").body.split("\n\n")
    assert body == [line for n, h in enumerate(headings) for line in (h, STORY[n])]


def test_a_one_word_name_element_in_a_contributor_block_is_a_beat_not_a_writer() -> None:
    body = (
        "<main><article><h1>How this man's bedding gave him a lung disease</h1><div class='contributor-block'>"
        f"<a class='topic-name' href='/healthcare/'>Healthcare</a></div>{PARAGRAPHS}</article></main>"
    )
    page = _page("<title>Bedding and the lungs</title>", body)
    assert extract_article(page, "https://www.magazine.example/sites/x/2019/11/16/bedding").authors == []


def test_the_credited_writers_bio_closing_the_story_is_not_text() -> None:
    """ "By Theodore Grant" over a column that ends "Theodore Grant is a retired civics teacher … The views expressed
    in this column are his own."; a last paragraph about someone else stays."""
    bio = (
        "Theodore Grant is a retired Bayshore High School civics teacher. The views expressed in this column are his "
        "own and do not necessarily reflect those of the newspaper."
    )
    body = f"<main><article><h1>Keep the library open late</h1><p>By Theodore Grant</p>{PARAGRAPHS}<p>{bio}</p>"
    article = extract_article(
        _page("<title>Keep the library open</title>", body + "</article></main>"), "https://t.example/o/1"
    )
    assert article.authors == ["Theodore Grant"] and article.body.split("\n\n") == STORY
    other = bio.replace("Theodore Grant", "Margaret Ellis")
    body = f"<main><article><h1>Keep the library open late</h1><p>By Theodore Grant</p>{PARAGRAPHS}<p>{other}</p>"
    article = extract_article(
        _page("<title>Keep the library open</title>", body + "</article></main>"), "https://t.example/o/1"
    )
    assert article.body.split("\n\n")[-1] == other


def test_the_polish_recommended_label_is_not_text() -> None:
    assert "Polecamy" not in remove_boilerplate([STORY[0], "Polecamy", STORY[1]], title=None, captions=[])
