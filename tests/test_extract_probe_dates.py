"""Date stamps a probe of hand-written pages found unread: a label with a lead-in word ("Date published:", "Page last
reviewed:", "Originally published on …") or in its own element above the date, a row of stamps longer than a stamp
("Written by … | Fact checked by … | Updated …"), dates glued to the next span by markup ("2021Updated:"), a stamp
under a headline that sits below a kicker inside the body, WordPress's "This entry was posted on …" footer, and the
labels of other languages. Each is pinned with a small page written here.
"""

from __future__ import annotations

from datetime import date

import pytest

from newscorpus.extract.article import extract_article
from newscorpus.extract.dates import find_written_dates, is_stamp_only

STORY = (
    "<p>The county opened three new cooling centres this week after forecasters warned of a long stretch of hot "
    "weather, and asked residents to check on elderly neighbours during the afternoons.</p>"
    "<p>The centres will stay open until nine in the evening and offer water, seating and charging points for "
    "phones, the county's emergency office said in a short statement on Monday.</p>"
    "<p>Bus routes that pass the centres will run every fifteen minutes instead of every half hour, and riders over "
    "sixty-five will travel free for the rest of the month, the transit agency said.</p>"
    "<p>Officials said they would review the plan in the autumn and publish the number of visitors each centre "
    "received, so that next summer's sites can be chosen where they are needed most.</p>"
)
NAV = '<header><a href="/">Riverside County</a><nav><a href="/news">News</a> <a href="/about">About</a></nav></header>'
FOOTER = "<footer><p>&copy; 2025 Riverside County. All rights reserved.</p></footer>"
URL = "https://county.example/news/cooling-centres"


def _published(html: str, url: str = URL) -> date | None:
    fields = extract_article(html, url)
    return fields.published_at.date() if fields.published_at else None


def _page(article: str, after: str = "") -> str:
    head = "<html lang='en-GB'><head><title>Cooling centres open</title></head>"
    return f"{head}<body>{NAV}<main>{article}</main>{after}{FOOTER}</body></html>"


# --- 1. a label with a lead-in word, or in its own element above the date ----------------------------------------


@pytest.mark.parametrize(
    ("stamps", "expected"),
    [
        (
            "<dl><dt>Date published:</dt><dd>3 November 2025</dd><dt>Last updated:</dt><dd>10 November 2025</dd></dl>",
            date(2025, 11, 3),
        ),
        # the update first: the date under "Last updated:" is read with its label
        (
            "<dl><dt>Last updated:</dt><dd>10 November 2025</dd><dt>Date published:</dt><dd>3 November 2025</dd></dl>",
            date(2025, 11, 3),
        ),
        ("<p>Date published: 3 November 2025</p>", date(2025, 11, 3)),
    ],
)
def test_label_with_lead_in_or_in_its_own_element(stamps: str, expected: date) -> None:
    html = _page(f"<article><h1>Cooling centres open</h1>{stamps}{STORY}</article>")
    assert _published(html) == expected
    fields = extract_article(html, URL)
    assert fields.body.startswith("The county opened")  # the stamps are header, not story


@pytest.mark.parametrize(
    ("footer_line", "expected"),
    [
        ("Page last reviewed: November 14, 2024", date(2024, 11, 14)),
        ("Originally published on 14 April 2025 in the County Bulletin.", date(2025, 4, 14)),
        # a long line: the date follows its label at once
        (
            "This entry was posted on Wednesday, November 13th, 2024 at 2:30 pm and is filed under News. You can "
            "follow any responses to this entry through the RSS 2.0 feed.",
            date(2024, 11, 13),
        ),
        ("Veröffentlicht am 3. Mai 2024", date(2024, 5, 3)),
    ],
)
def test_labelled_stamp_anywhere_comes_before_a_guess(footer_line: str, expected: date) -> None:
    # a comment's date below the story is what a guess over the whole page takes
    comments = (
        '<section id="comments"><h3>One response</h3><ol><li><cite>Ann</cite> Says:<br>'
        "<small>November 16th, 2024 at 9:12 am</small><p>Good news for the bus riders.</p></li></ol></section>"
    )
    html = _page(f"<article><h1>Cooling centres open</h1>{STORY}<p>{footer_line}</p></article>", comments)
    assert _published(html) == expected


def test_a_date_deep_in_a_long_labelled_line_is_prose() -> None:
    line = (
        "Posted in the county's weekly roundup, which also covers the library's summer hours and the new parking "
        "rules that start on 14 April 2025 downtown."
    )
    html = _page(f"<article><h1>Cooling centres open</h1>{STORY}<p>{line}</p></article>")
    assert _published(html) is None


# --- 2. a row of stamps longer than one stamp -----------------------------------------------------------------------


def test_row_of_stamps_is_read_piece_by_piece() -> None:
    row = "Written by Jen Kowal | Fact checked by Omar Haddad | Updated December 5, 2025"
    html = _page(f"<article><h1>Cooling centres open</h1><p>{row}</p>{STORY}</article>")
    assert _published(html) == date(2025, 12, 5)


def test_published_and_updated_row_beats_a_masthead_date() -> None:
    html = (
        "<html lang='en'><head><title>Cooling centres open</title></head><body>"
        "<header class='masthead'><div class='masthead-date'>Thursday, March 14, 2024</div>"
        "<a href='/'>Valley Tribune</a>"
        "<nav><a href='/news'>News</a><a href='/local'>Local</a><a href='/sports'>Sports</a></nav></header>"
        "<div class='alert'>Breaking: Storm watch issued for the county through Friday evening</div>"
        "<main><p class='section'>Local News</p><article><h1>Cooling centres open</h1>"
        "<p class='byline'>By Karen Liu</p>"
        "<p class='dates'>Published Mar 13, 2024 at 6:45 PM | Updated Mar 14, 2024 at 9:02 AM</p>"
        f"{STORY}</article></main></body></html>"
    )
    assert _published(html) == date(2024, 3, 13)


# --- 3. a date glued to the next span ---------------------------------------------------------------------------


def test_year_glued_to_the_next_label() -> None:
    stamps = "<div><span>Published: January 05, 2021</span><span>Updated: December 01, 2025</span></div>"
    html = _page(f"<article><h1>Cooling centres open</h1><p>Written by: Kristen Baker</p>{stamps}{STORY}</article>")
    assert _published(html) == date(2021, 1, 5)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Published: January 05, 2021Updated: December 01, 2025", [date(2021, 1, 5), date(2025, 12, 1)]),
        ("November 20, 2025March 5, 2024 by Ellie Warren", [date(2025, 11, 20), date(2024, 3, 5)]),
        ("ByRachel GreenbergJuly 8, 2025September 1, 2025", [date(2025, 7, 8), date(2025, 9, 1)]),
        ("19 Mei 2023WIB", [date(2023, 5, 19)]),
        # no date: a month name inside a word, a year running on into more digits
        ("Summary 5, 2024 and Dismay 12, 2023", []),
        ("ABCMarch 5, 2024", []),
        ("March 5, 20245 and 05/03/20241", []),
    ],
)
def test_glued_dates_are_read_and_words_are_not(text: str, days: list[date]) -> None:
    assert [found.utc.date() for _, found in find_written_dates(text, month_first=True)] == days


def test_stamp_line_with_lead_in_is_stamp_only() -> None:
    assert is_stamp_only("Date published: 3 November 2025")
    assert is_stamp_only("Published: January 05, 2021Updated: December 01, 2025")
    assert not is_stamp_only("Date of the meeting: 3 November 2025")


# --- 4. a kicker above the headline inside the article container --------------------------------------------------


def test_stamp_under_a_headline_below_a_kicker() -> None:
    site_node = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", '
        '"name": "Riverside County", "url": "https://county.example", "datePublished": "2018-06-01T00:00:00+00:00"}]}'
        "</script>"
    )
    html = (
        f"<html lang='en-US'><head><title>Cooling centres open | Riverside County</title>{site_node}</head><body>{NAV}"
        "<main><article><p class='eyebrow'>Community Guide</p><h1>Cooling centres open</h1>"
        f"<p class='meta'>Dec 10, 2025 · 6 min read</p>{STORY}</article></main>{FOOTER}</body></html>"
    )
    fields = extract_article(html, URL)
    assert fields.published_at is not None and fields.published_at.date() == date(2025, 12, 10)
