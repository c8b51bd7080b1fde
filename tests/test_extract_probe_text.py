"""How the extractor reads text, from a probe of hand-written platform pages: sibling inline elements with nothing
between them ("<span>…Specialist</span><span>Feb. 1, 2023</span>") are two words a reader sees apart, not
"…SpecialistFeb. 1, 2023", while a word split by its markup ("<b>W</b>ord", "10<sup>th</sup>") stays whole; and an
accordion's question, an <a> that goes nowhere ("elementor-accordion-title"), is text of the page's own, not a link.
"""

from __future__ import annotations

import lxml.html
import pytest

from newscorpus.extract.article import extract_article
from newscorpus.extract.document import parse_html
from newscorpus.extract.main_content import extract_main_content
from newscorpus.extract.text_lines import element_lines

STORY = [
    "Late winter, while trees are still dormant, is the best time to prune most fruit trees in the region. Pruning "
    "now lets you see the branch structure clearly and gives cuts time to heal before growth begins.",
    "Start by removing the three Ds: dead, damaged and diseased wood. Next, remove branches that cross or rub "
    "against each other, and any water sprouts growing straight up from main limbs.",
    "Apple and pear trees are pruned to a central leader with scaffold branches spaced around the trunk, while "
    "peaches and plums are opened to a vase shape so that light reaches the middle.",
    "Never remove more than a quarter of the living wood in one year; heavy cuts push a flush of soft shoots that "
    "shade the tree and bear little fruit in the seasons that follow.",
]


def _lines(html: str) -> list[str]:
    return element_lines(lxml.html.fromstring(html))


@pytest.mark.parametrize(
    ("html", "line"),
    [
        (
            '<div><span class="news-author">Greg Halvorsen, Extension Horticulture Specialist</span>'
            '<span class="news-date">Feb. 1, 2023</span></div>',
            "Greg Halvorsen, Extension Horticulture Specialist Feb. 1, 2023",
        ),
        (
            "<div><span>Published: January 05, 2021</span><span>Updated: December 01, 2025</span></div>",
            "Published: January 05, 2021 Updated: December 01, 2025",
        ),
        (
            "<div><span><b>By Jane Doe</b></span><span><time>March 3, 2024</time></span></div>",
            "By Jane Doe March 3, 2024",
        ),
        ("<div><span>Read time</span><span>5</span><span>min</span></div>", "Read time 5 min"),
        ("<div><span>BY</span><span>JANE DOE</span></div>", "BY JANE DOE"),
    ],
)
def test_sibling_elements_with_nothing_between_are_apart(html: str, line: str) -> None:
    assert _lines(html) == [line]


@pytest.mark.parametrize(
    ("html", "line"),
    [
        ("<p><b>W</b>ord, e<i>x</i>ample and <b>W</b><i>ord</i></p>", "Word, example and Word"),
        (
            "<p>the 10<sup>th</sup> of May, H<sub>2</sub>O and <span>x</span><sup>2</sup></p>",
            "the 10th of May, H2O and x2",
        ),
        ("<p><span>multi</span><span>plied</span> and <span>Wo</span><span>rd</span></p>", "multiplied and Word"),
        ("<p><span>A</span> <span>B</span>, <span>C</span><!-- c --><span>, d</span></p>", "A B, C, d"),
    ],
)
def test_words_split_by_markup_stay_whole(html: str, line: str) -> None:
    assert _lines(html) == [line]


def test_blocks_and_breaks_still_end_lines() -> None:
    assert _lines("<div><span>One</span><br><span>Two</span><p>Three</p><span>Four</span></div>") == [
        "One",
        "Two",
        "Three",
        "Four",
    ]


def _news_page(meta: str) -> str:
    return (
        "<html><head><title>When and how to prune fruit trees | Extension</title></head><body>"
        '<header><a href="/">Plains State University Extension</a></header>'
        '<main><article class="news-article"><h1 class="news-title">When and how to prune fruit trees</h1>'
        f'<div class="news-meta">{meta}</div>'
        '<div class="news-body">' + "".join(f"<p>{text}</p>" for text in STORY) + "</div></article></main>"
        "<footer><p>© 2026 Plains State University</p></footer></body></html>"
    )


def test_date_in_a_span_right_after_the_author_span_is_found() -> None:
    page = _news_page(
        '<span class="news-author">Greg Halvorsen, Extension Horticulture Specialist</span>'
        '<span class="news-date">Feb. 1, 2023</span>'
    )
    article = extract_article(page, "https://extension.example.edu/news/prune-fruit-trees")
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == "2023-02-01"


def test_published_date_is_not_read_as_the_updated_one() -> None:
    page = _news_page("<span>Published: January 05, 2021</span><span>Updated: December 01, 2025</span>")
    article = extract_article(page, "https://extension.example.edu/news/prune-fruit-trees")
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == "2021-01-05"


def test_body_line_of_sibling_spans_keeps_a_year_apart_from_the_next_word() -> None:
    html = (
        "<html><body><article><p><span>Published: January 05, 2021</span><span>Updated: December 01, 2025</span></p>"
        + "".join(f"<p>{text}</p>" for text in STORY)
        + "</article></body></html>"
    )
    lines = extract_main_content(parse_html(html)).lines
    assert "Published: January 05, 2021 Updated: December 01, 2025" in lines
    assert lines[-len(STORY) :] == STORY


QUESTIONS = [
    ("Does pruning in summer slow a tree's growth?", "Summer cuts remove leaves that feed the tree, so yes."),
    ("Should I seal large pruning cuts?", "No: wound paints trap moisture and slow the healing of the bark."),
    ("How do I prune a tree planted this year?", "Cut the leader back to about a metre to start the framework."),
]


def _faq_page(title_anchor: str) -> str:
    items = "".join(
        '<div class="elementor-accordion-item"><div class="elementor-tab-title" role="button">'
        f'<span class="elementor-accordion-icon"><i class="fas fa-plus"></i></span>{title_anchor.format(q)}</div>'
        f'<div class="elementor-tab-content" role="region"><p>{a}</p></div></div>'
        for q, a in QUESTIONS
    )
    return (
        '<html><body><nav><a href="/">Home</a> <a href="/news/">News</a></nav><main><div class="entry-content">'
        + "".join(f"<p>{text}</p>" for text in STORY)
        + "<h2>Frequently asked questions</h2>"
        + f'<div class="elementor-accordion" role="tablist">{items}</div>'
        + "</div></main></body></html>"
    )


@pytest.mark.parametrize(
    "anchor",
    [
        '<a class="elementor-accordion-title" tabindex="0">{}</a>',
        '<a class="elementor-accordion-title" href="">{}</a>',
        '<a class="elementor-accordion-title" href="#">{}</a>',
        '<a class="elementor-accordion-title" href="javascript:void(0)">{}</a>',
    ],
)
def test_accordion_titles_that_go_nowhere_are_text(anchor: str) -> None:
    lines = extract_main_content(parse_html(_faq_page(anchor))).lines
    expected = [line for q, a in QUESTIONS for line in (q, a)]
    assert lines == [*STORY, "Frequently asked questions", *expected]


def test_linked_lines_after_the_text_still_go() -> None:
    """Outside an accordion an <a> with no href is still a link (site builders leave menu links' href to scripts),
    and one with a real href in an accordion too: a trailing line of such links is not the text."""
    for tail in (
        '<p><a class="button">Book an appointment today</a></p>',
        '<div class="accordion"><p><a href="/book/">Book an appointment today</a></p></div>',
    ):
        html = (
            '<html><body><main><div class="entry-content">'
            + "".join(f"<p>{text}</p>" for text in STORY)
            + tail
            + "</div></main></body></html>"
        )
        assert extract_main_content(parse_html(html)).lines == STORY
