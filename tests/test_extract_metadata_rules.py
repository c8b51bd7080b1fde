"""The general evidence rules for title, date and authors, each pinned on a small hand-written page.

Each page is an English blog/news article built here: a header (site nav, headline, byline widget, date stamp),
a body of a few paragraphs, a footer. The `head` and `header` arguments carry what a rule is about.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from newscorpus.extract import extract_article
from newscorpus.extract.dates import find_written_dates

URL = "https://www.examplenews.com/blog/river-towns"
PARAGRAPHS = [
    "The river towns along the valley have spent the last decade rebuilding their old quays and warehouses, "
    "turning what used to be loading docks into markets, workshops and small museums that draw visitors all year.",
    "Local councils pooled their budgets to repair the towpath, which now links eleven villages over forty "
    "kilometres, and the ferry service that stopped in the nineties is running again on summer weekends.",
    "Shop owners say the change shows in their books: more people stay the night, and the bakeries and "
    "bookshops that nearly closed are hiring again, although rents have started to climb as well.",
    "Not everyone is pleased. Some residents worry that the quiet streets are becoming busy, and the council has "
    "promised a review of parking and traffic before the next season begins in the spring.",
]


def page(*, head: str = "", header: str = "<h1>River towns rebuild their quays</h1>", footer: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html lang='en'><head><title>River towns rebuild their quays | Example News</title>{head}</head><body>"
        "<nav><a href='/'>Home</a><a href='/world'>World</a><a href='/sport'>Sport</a></nav>"
        f"<article><header>{header}</header><div class='entry-content'>{body}</div></article>"
        f"<footer><p>© 2025 Example News</p>{footer}</footer></body></html>"
    )


def ld_json(data: dict) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def published_day(html: str) -> str | None:
    article = extract_article(html, URL)
    value = article.to_dict(json_safe=True)["published_at"]
    return value[:10] if value else None


# --- dates -------------------------------------------------------------------------------------------------------


def test_republish_stamp_gives_way_to_the_printed_date() -> None:
    """Declared published == modified is a CMS re-save; the date printed under the headline is the story's."""
    head = (
        "<meta property='article:published_time' content='2025-11-20T16:02:46Z'>"
        "<meta property='article:modified_time' content='2025-11-20T16:02:46Z'>"
    )
    header = (
        "<h1>River towns rebuild their quays</h1>"
        "<div class='meta'><span>By Ann Lee</span> · <span>May 14, 2025</span></div>"
    )
    assert published_day(page(head=head, header=header)) == "2025-05-14"


def test_declared_date_wins_when_it_is_not_a_republish_stamp() -> None:
    """Different published and modified instants: the declared published date stands, whatever the page prints."""
    head = (
        "<meta property='article:published_time' content='2024-03-17T09:00:00Z'>"
        "<meta property='article:modified_time' content='2025-08-05T17:21:57Z'>"
    )
    header = "<h1>River towns rebuild their quays</h1><p>May 14, 2025</p>"
    assert published_day(page(head=head, header=header)) == "2024-03-17"


@pytest.mark.parametrize(
    ("published", "modified", "printed", "utc", "offset"),
    [
        # Business Wire and Yoast declare modified = published until someone edits the story
        ("2025-02-13T01:05:00Z", "2025-02-13T01:05:00Z", "February 12, 2025 08:05 PM", "2025-02-13T01:05:00", "-05:00"),
        # modified 22 minutes after publication: an editor's fix
        ("2025-03-13T01:30:11Z", "2025-03-13T01:52:40Z", "March 12, 2025 22:30", "2025-03-13T01:30:11", "-03:00"),
    ],
)
def test_a_declared_instant_that_is_no_republish_stamp_stands_and_the_printed_time_gives_its_offset(
    published: str, modified: str, printed: str, utc: str, offset: str
) -> None:
    """An article never edited, or edited soon after it appeared, declares no re-save stamp: the page prints the same
    instant in its own zone (8:05 PM Eastern for 01:05 UTC, Rio's 22:30 for 01:30 UTC), a day that may differ from
    the UTC one, and that printed time gives the offset, not a second, wrong instant."""
    head = (
        f"<meta property='article:published_time' content='{published}'>"
        f"<meta property='article:modified_time' content='{modified}'>"
    )
    header = f"<h1>River towns rebuild their quays</h1><p class='publication-data'>{printed}</p>"
    article = extract_article(page(head=head, header=header), URL)
    assert article.published_at is not None
    assert article.published_at.isoformat() == f"{utc}+00:00"
    assert article.tz_offset == offset


def test_a_date_only_stamp_beside_a_never_edited_declaration_gives_the_declared_day() -> None:
    head = (
        "<meta property='article:published_time' content='2025-02-13T01:05:00Z'>"
        "<meta property='article:modified_time' content='2025-02-13T01:05:00Z'>"
    )
    date_only = "<h1>River towns rebuild their quays</h1><p>February 12, 2025</p>"
    assert published_day(page(head=head, header=date_only)) == "2025-02-13"


STRUCTURED_ONLY = ld_json(
    {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": "River towns rebuild their quays",
        "datePublished": "2024-03-06T10:16:49Z",
        "dateModified": "2025-11-19T08:00:00Z",
    }
)
UPDATE_ONLY_STAMP = "<h1>River towns rebuild their quays</h1><p>Last updated on November 19, 2025</p>"


def test_page_presenting_only_its_update_date_is_dated_by_it() -> None:
    """Publication declared only in JSON-LD, never printed, and the stamp shows only the later update: the page
    presents itself by that date (in any language: the stamp's label is not read)."""
    assert published_day(page(head=STRUCTURED_ONLY, header=UPDATE_ONLY_STAMP)) == "2025-11-19"
    german = "<h1>River towns rebuild their quays</h1><p>Aktualisiert am 19. November 2025</p>"
    assert published_day(page(head=STRUCTURED_ONLY, header=german)) == "2025-11-19"


def test_update_only_stamp_keeps_a_publication_date_given_to_share_cards() -> None:
    """The same page with an Open Graph article:published_time keeps the declared publication date."""
    head = STRUCTURED_ONLY + "<meta property='article:published_time' content='2024-03-06T10:16:49Z'>"
    assert published_day(page(head=head, header=UPDATE_ONLY_STAMP)) == "2024-03-06"


def test_update_only_stamp_keeps_a_publication_date_printed_elsewhere() -> None:
    """The same page printing its publication date anywhere (here the footer) keeps it."""
    footer = "<p>First published March 6, 2024</p>"
    assert published_day(page(head=STRUCTURED_ONLY, header=UPDATE_ONLY_STAMP, footer=footer)) == "2024-03-06"


def test_update_only_stamp_needs_a_later_declared_modification() -> None:
    """Without a declared modification after the publication, the stamp's later date is not an update of it."""
    no_modified = ld_json(
        {"@context": "https://schema.org", "@type": "BlogPosting", "datePublished": "2024-03-06T10:16:49Z"}
    )
    assert published_day(page(head=no_modified, header=UPDATE_ONLY_STAMP)) == "2024-03-06"


def test_an_update_stamp_never_replaces_a_republished_declared_date() -> None:
    """'Last Updated: Dec 17' (in a <time> or as text) is the modification, not the publication."""
    head = (
        "<meta property='article:published_time' content='2025-12-01T10:00:00Z'>"
        "<meta property='article:modified_time' content='2025-12-01T10:00:00Z'>"
    )
    in_time = "<h1>River towns rebuild their quays</h1><time datetime='2025-12-17'>Last Updated: Dec 17, 2025</time>"
    as_text = "<h1>River towns rebuild their quays</h1><p>Last updated: December 17, 2025</p>"
    assert published_day(page(head=head, header=in_time)) == "2025-12-01"
    assert published_day(page(head=head, header=as_text)) == "2025-12-01"


def test_printed_date_before_an_update_stamp_is_preferred_without_metadata() -> None:
    header = "<h1>River towns rebuild their quays</h1><p>Updated January 8, 2026</p><p>Published July 5, 2021</p>"
    assert published_day(page(header=header)) == "2021-07-05"


def test_date_printed_above_a_headline_far_from_the_body() -> None:
    """The date zone reaches above the headline, and past a long summary box between headline and body."""
    summary = "".join(f"<li>Point number {i} of the summary box</li>" for i in range(25))
    header = f"<p>Dec 12, 2025</p><h1>River towns rebuild their quays</h1><ul class='summary'>{summary}</ul>"
    assert published_day(page(header=header)) == "2025-12-12"


def test_webpage_node_date_is_used_when_the_article_node_has_none() -> None:
    """Yoast graphs often date only the WebPage node."""
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": URL, "datePublished": "2024-03-17T19:47:39+00:00"},
            {"@type": "Organization", "@id": "https://www.examplenews.com/#org", "name": "Example News"},
        ],
    }
    head = ld_json(graph) + "<meta property='article:modified_time' content='2024-05-03T10:57:58+00:00'>"
    assert published_day(page(head=head)) == "2024-03-17"


# --- titles ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # the site's name after the headline in the <h1> itself
        ("<h1>River towns rebuild their quays – Example News</h1>", "River towns rebuild their quays"),
        # a <br> separates words
        ("<h1>RIVER TOWNS<br>REBUILD<br><span>THEIR QUAYS</span></h1>", "RIVER TOWNS REBUILD THEIR QUAYS"),
        # a <time> stamp nested in the heading is not part of it
        (
            "<h1><a href='/x'><time datetime='2025-12-18'>Dec 18 2025</time> River towns rebuild their quays</a></h1>",
            "River towns rebuild their quays",
        ),
        # a headline may start with a brand and a colon: nothing is cut
        (
            "<h1>Example News Poll: river towns rebuild their quays</h1>",
            "Example News Poll: river towns rebuild their quays",
        ),
    ],
)
def test_heading_text_is_cleaned(header: str, expected: str) -> None:
    assert extract_article(page(header=header), URL).title == expected


def test_heading_in_the_footer_is_not_the_headline() -> None:
    """A footer <h1> ("Select Your Location") does not compete with the article's headline."""
    html = page(
        header="<h1>River towns rebuild their quays</h1>",
        footer="<div class='locator'><h1>Select Your Location</h1></div>",
    ).replace("<title>River towns rebuild their quays | Example News</title>", "<title>Valley news | Example</title>")
    assert extract_article(html, URL).title == "River towns rebuild their quays"


def test_heading_inside_a_page_wide_popup_aside_still_counts() -> None:
    html = page(header="<h1>River towns rebuild their quays</h1>")
    html = html.replace("<body>", "<body><aside class='popup-overlay'>").replace("</body>", "</aside></body>")
    html = html.replace("<title>River towns rebuild their quays | Example News</title>", "<title>Valley</title>")
    assert extract_article(html, URL).title == "River towns rebuild their quays"


# --- authors -----------------------------------------------------------------------------------------------------


def test_author_referenced_by_id_in_a_json_ld_graph() -> None:
    person_id = "https://www.examplenews.com/#/schema/person/abc123"
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "BlogPosting", "headline": "River towns rebuild their quays", "author": {"@id": person_id}},
            {"@type": "Person", "@id": person_id, "name": "Shiv Kumar"},
        ],
    }
    assert extract_article(page(head=ld_json(graph)), URL).authors == ["Shiv Kumar"]


def test_declared_author_keeps_a_job_title_out_of_the_authors() -> None:
    head = "<meta name='author' content='Shannon Williams'>"
    header = "<h1>River towns rebuild their quays</h1><p>By Shannon Williams, Journalist</p>"
    assert extract_article(page(head=head, header=header), URL).authors == ["Shannon Williams"]


def test_declared_author_cuts_a_bio_run_into_the_byline() -> None:
    head = "<meta name='author' content='Shiv Kumar'>"
    header = (
        "<h1>River towns rebuild their quays</h1>"
        "<p>Written by: Shiv Kumar Head Product Launches, Adoption, &amp; Evangelism</p>"
    )
    assert extract_article(page(head=head, header=header), URL).authors == ["Shiv Kumar"]


def test_declared_author_does_not_drop_a_second_full_name() -> None:
    head = "<meta name='author' content='Jane Doe'>"
    header = "<h1>River towns rebuild their quays</h1><p>By Jane Doe and John Roe</p>"
    assert extract_article(page(head=head, header=header), URL).authors == ["Jane Doe", "John Roe"]


def test_by_label_and_name_in_separate_elements() -> None:
    header = (
        "<h1>River towns rebuild their quays</h1><div><span>by </span><p><a href='/a/sg'>Shannon Grilli</a></p></div>"
    )
    assert extract_article(page(header=header), URL).authors == ["Shannon Grilli"]


def test_lone_by_label_followed_by_a_bio_is_not_a_byline() -> None:
    header = (
        "<h1>River towns rebuild their quays</h1><div><span>by</span>"
        "<p>Our desk, covering towns, rivers, and transport since 1990.</p></div>"
    )
    assert extract_article(page(header=header), URL).authors == []


def test_byline_widget_with_dot_operator_separators() -> None:
    header = (
        "<h1>River towns rebuild their quays</h1>"
        "<div>By <a href='/author/mr'>Matthew Richardson</a> ⋅ Review Editor ⋅ "
        "<span>Updated November 18, 2025</span></div>"
    )
    article = extract_article(page(header=header), URL)
    assert article.authors == ["Matthew Richardson"]
    assert article.to_dict(json_safe=True)["published_at"][:10] == "2025-11-18"  # an update stamp, but the only date


def test_degrees_after_a_byline_name_are_not_authors() -> None:
    header = "<h1>River towns rebuild their quays</h1><p>By Lizzie Streit, MS, RDN, LD</p>"
    assert extract_article(page(header=header), URL).authors == ["Lizzie Streit"]


# --- numeric date order ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "stamp", "expected"),
    [
        ("en", "3/4/2025", "2025-03-04"),  # US English: month first
        ("en-US", "09.10.2024", "2024-09-10"),
        ("en-GB", "3/4/2025", "2025-04-03"),  # British English: day first
        ("id", "3/4/2025", "2025-04-03"),  # Indonesian: day first
        ("en", "02-12-2025", "2025-12-02"),  # dashes stay day first
        ("en", "19/5/2023", "2023-05-19"),  # unambiguous either way
    ],
)
def test_numeric_printed_date_order_follows_the_page_language(lang: str, stamp: str, expected: str) -> None:
    html = page(header=f"<h1>River towns rebuild their quays</h1><p>Ann Lee · {stamp}</p>")
    assert published_day(html.replace("<html lang='en'>", f"<html lang='{lang}'>")) == expected


def test_related_articles_dates_in_json_ld_are_not_the_page_date() -> None:
    """Only the page's own WebPage node may stand in for the article's date, never a listed related story."""
    related = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [{"@type": "NewsArticle", "headline": "Older story", "datePublished": "2019-01-01"}],
    }
    header = "<h1>River towns rebuild their quays</h1><p>By Ann Lee · June 2, 2025</p>"
    assert published_day(page(head=ld_json(related), header=header)) == "2025-06-02"


# --- precision of declared dates, relative stamps, more written forms ------------------------------------------


@pytest.mark.parametrize(
    ("other_stamp", "expected"),
    [
        # the real timestamp of the adjacent day says which instant the padded day was cut from
        ("2023-05-18T04:39:05+00:00", "2023-05-18"),
        # only an adjacent day is the same publication cut differently; a stamp days later is another event
        ("2023-05-25T04:39:05+00:00", "2023-05-17"),
    ],
    ids=["adjacent-day", "days-away"],
)
def test_a_precise_declared_stamp_beats_a_midnight_padded_day_next_to_it(other_stamp: str, expected: str) -> None:
    """A template that pads a bare day with a zero time ("...T00:00:00+0000") next to a real timestamp."""
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "River towns rebuild their quays",
        "datePublished": "2023-05-17T00:00:00+0000",
    }
    webpage = {"@context": "https://schema.org", "@type": "WebPage", "datePublished": other_stamp}
    assert published_day(page(head=ld_json(article) + ld_json(webpage))) == expected


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("Posted 3 hours ago", "2024-03-10"),
        ("2 days ago", "2024-03-08"),
        ("Diperbarui 3 hari yang lalu", "2024-03-07"),
        ("vor 2 Tagen", "2024-03-08"),
        ("hace 1 semana", "2024-03-03"),
        ("Yesterday at 10:15", "2024-03-09"),
    ],
)
def test_a_relative_stamp_counts_back_from_the_crawl_date(stamp: str, expected: str) -> None:
    header = f"<h1>River towns rebuild their quays</h1><p>By Ann Lee · {stamp}</p>"
    article = extract_article(page(header=header), URL, crawl_date=date(2024, 3, 10))
    assert article.to_dict(json_safe=True)["published_at"][:10] == expected


def test_a_relative_stamp_without_a_crawl_date_is_no_date() -> None:
    header = "<h1>River towns rebuild their quays</h1><p>By Ann Lee · 2 days ago</p>"
    assert published_day(page(header=header)) is None


def test_an_absolute_stamp_outranks_a_relative_one() -> None:
    header = "<h1>River towns rebuild their quays</h1><p>June 2, 2025</p><p>Updated 2 hours ago</p>"
    article = extract_article(page(header=header), URL, crawl_date=date(2025, 6, 20))
    assert article.to_dict(json_safe=True)["published_at"][:10] == "2025-06-02"


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2023/05/19 14:05", "2023-05-19"),
        ("2023.05.19", "2023-05-19"),
        ("2023年5月19日", "2023-05-19"),
        ("2023년 5월 19일", "2023-05-19"),
        ("19 maja 2023", "2023-05-19"),
        ("5 Ekim 2023", "2023-10-05"),
        ("EKİM 5, 2023", "2023-10-05"),
        ("19 января 2023", "2023-01-19"),
        ("19. toukokuuta 2023", "2023-05-19"),
        ("14 Julai 2023", "2023-07-14"),
    ],
)
def test_year_first_east_asian_and_more_languages_stamps_are_read(stamp: str, expected: str) -> None:
    html = page(header=f"<h1>River towns rebuild their quays</h1><p>Ann Lee · {stamp}</p>")
    assert published_day(html) == expected


def test_a_version_number_is_not_a_year_first_date() -> None:
    assert find_written_dates("Release notes for 2019.1.2 and 2020.3.10") == []


# --- what the page prints, with no metadata to lean on ----------------------------------------------------------


def test_a_deck_and_byline_run_together_still_give_the_byline_and_its_date() -> None:
    """Inline markup (<span class=deck>, <span class=byline>) puts the summary and "By X on <date>" on one line."""
    header = (
        "<h1>River towns rebuild their quays</h1><span class='deck'>Eleven villages along the valley have turned "
        "their old loading docks into markets, workshops and small museums, and visitors are coming back.</span>"
        "<span class='byline'> By <a href='/profile/lisa-jennings'>Lisa Jennings</a> on Dec. 19, 2025</span>"
    )
    footer = "<a href='/profile/lisa-jennings'>View All Articles by This Author</a>"
    article = extract_article(page(header=header, footer=footer), URL)
    assert article.authors == ["Lisa Jennings"]
    assert published_day(page(header=header, footer=footer)) == "2025-12-19"


def test_the_headline_stamp_outranks_time_elements_of_other_stories() -> None:
    """A "latest news" widget's <time>s show none of the days the headline's stamp prints: they date other stories."""
    widget = "".join(
        f"<li><a href='/n{i}'>Other story {i}</a><time datetime='2025-12-19T{9 + i:02d}:00:00-05:00'>Dec 19</time></li>"
        for i in range(3)
    )
    header = "<h1>River towns rebuild their quays</h1><p>By Elaine Chen</p><p>Dec. 18, 2025</p>"
    html = page(header=header, footer=f"<ul class='latest'>{widget}</ul>")
    assert published_day(html) == "2025-12-18"
    # a stamp that reads two ways ("03/08/2025": March 8 or 3 August) does not outrank a machine-readable <time>
    ambiguous = page(header=header.replace("Dec. 18, 2025", "03/08/2025"), footer=f"<ul>{widget}</ul>")
    assert published_day(ambiguous) == "2025-12-19"


def test_a_stamp_labelled_posted_outranks_later_update_stamps() -> None:
    footer = "<p>Updated November 23, 2013</p><p>Updated September 26, 2011</p><p>Posted July 10, 2004</p>"
    assert published_day(page(footer=footer)) == "2004-07-10"


def test_the_printed_day_keeps_the_declared_time_of_that_day() -> None:
    """A re-save stamp gives way to the printed day; when the declaration is of that same day, it still says when."""
    head = (
        "<meta property='article:published_time' content='2025-12-19T23:35:13Z'>"
        "<meta property='article:modified_time' content='2025-12-19T23:44:53Z'>"
    )
    header = "<h1>River towns rebuild their quays</h1><p>By Lisa Jennings</p><p>Dec. 19, 2025</p>"
    article = extract_article(page(head=head, header=header), URL)
    assert article.to_dict(json_safe=True)["published_at"] == "2025-12-19T23:35:13+00:00"


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Shannon Williams, Journalist", ["Shannon Williams"]),
        ("By Audrey Huang, Staff Photographer", ["Audrey Huang"]),
        ("by Jacob Trussell—10 min read", ["Jacob Trussell"]),
        ("By Jane Doe · 5 min read", ["Jane Doe"]),
        ("Published on December 2nd, 2025 by Chen Zhao and Daryl Fairweather", ["Chen Zhao", "Daryl Fairweather"]),
        ("By Arricca Elin SanSonePublished: Dec 20, 2023", ["Arricca Elin SanSone"]),
        ("By Jeff Cobb. Last Updated on December 11, 2025", ["Jeff Cobb"]),
        ("By Matthew Digby, Minh Do on Monday, November 18th, 2019 at 11:08 a.m.", ["Matthew Digby", "Minh Do"]),
        ("By Jane Doe and John Roe, 3 March 2024", ["Jane Doe", "John Roe"]),
    ],
)
def test_a_byline_with_a_role_a_stamp_or_a_reading_time_gives_just_the_names(byline: str, authors: list[str]) -> None:
    header = f"<h1>River towns rebuild their quays</h1><p class='byline'>{byline}</p>"
    assert extract_article(page(header=header), URL).authors == authors


def test_a_link_to_more_by_this_author_names_nobody() -> None:
    footer = "<div class='author-box'><a href='/profile/x'>View All Articles by This Author</a></div>"
    assert extract_article(page(footer=footer), URL).authors == []


def test_an_author_widget_keeps_the_names_not_the_outlets_address_or_its_stamp() -> None:
    header = (
        "<h1>River towns rebuild their quays</h1>"
        "<div class='byline author-info'><a href='/toireporter/author-toi-lifestyle-desk'>TOI Lifestyle Desk</a>"
        " / etimes.in / Updated: Dec 17, 2025, 21:47 IST</div>"
    )
    article = extract_article(page(header=header), URL)
    assert article.authors == ["TOI Lifestyle Desk"]
    assert published_day(page(header=header)) == "2025-12-17"


def test_a_label_word_opening_a_list_item_is_no_byline() -> None:
    """ "Reporting:" labels a byline ("Reporting: Jane Doe"), and also a point in a checklist; the point stays."""
    item = "<ul><li>Reporting: which KPIs must be visible in-CRM</li><li>Integration: what data flows in</li></ul>"
    html = page(header="<h1>River towns rebuild their quays</h1><p>By Andrew Clark</p>").replace(
        "</div></article>", f"{item}</div></article>"
    )
    article = extract_article(html, URL)
    assert article.authors == ["Andrew Clark"]
    assert "Reporting: which KPIs must be visible in-CRM" in article.body


# --- the offset a page prints its time in ------------------------------------------------------------------------

_UTC_DECLARED = "<meta property='article:published_time' content='2023-05-19T01:32:11Z'>"


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("May 18, 2023 at 9:32 p.m. EDT", "2023-05-18T21:32:11-04:00"),  # a US zone word
        ("May 18, 2023 9:32 PM", "2023-05-18T21:32:11-04:00"),  # no zone printed: the gap to UTC is the offset
        ("19 May 2023 02:32 BST", "2023-05-19T02:32:11+01:00"),
        ("May 18, 2023", "2023-05-19T01:32:11+00:00"),  # a bare day says nothing of the offset
        ("May 18, 2023 9:17 PM", "2023-05-19T01:32:11+00:00"),  # another moment (not a whole quarter hour off)
    ],
)
def test_a_declared_utc_instant_takes_the_offset_the_page_prints_it_in(stamp: str, published: str) -> None:
    header = f"<h1>River towns rebuild their quays</h1><p>By Ann Lee</p><p>{stamp}</p>"
    article = extract_article(page(head=_UTC_DECLARED, header=header), URL)
    assert article.to_dict(json_safe=True)["published_at"] == published


def test_a_bare_printed_time_means_the_sources_zone_when_one_is_configured() -> None:
    header = "<h1>River towns rebuild their quays</h1><p>By Ann Lee</p><p>May 19, 2023 8:32 AM</p>"
    article = extract_article(page(head=_UTC_DECLARED, header=header), URL, timezone="Asia/Jakarta")
    assert article.to_dict(json_safe=True)["published_at"] == "2023-05-19T08:32:11+07:00"  # 08:32 WIB is 01:32Z
    # read in the source's zone, 9:32 PM is another moment than the declared one: no offset is inferred from it
    other = extract_article(
        page(head=_UTC_DECLARED, header=header.replace("19, 2023 8:32 AM", "18, 2023 9:32 PM")),
        URL,
        timezone="Asia/Jakarta",
    )
    assert other.to_dict(json_safe=True)["published_at"] == "2023-05-19T01:32:11+00:00"


def test_zone_words_other_than_wib_utc_gmt_count_only_in_capitals() -> None:
    """ "ist" and "est" are German and French words ("… 10:15 ist …"), IST and EST are zones."""
    assert find_written_dates("19 May 2023 10:15 IST")[0][1].offset == "+05:30"
    assert find_written_dates("am 19. Mai 2023 10:15 ist es passiert")[0][1].offset == "+00:00"
    assert find_written_dates("19 Mei 2023 14:05 wib")[0][1].offset == "+07:00"


# --- stamps at the top of the story's container ------------------------------------------------------------------


def test_a_stamp_line_opening_the_body_is_header_not_story() -> None:
    stamp = "<p>Updated: May 22, 2023 9:40 a.m. | Published: May 19, 2023 11:58 p.m.</p>"
    html = page().replace("<div class='entry-content'>", f"<div class='entry-content'>{stamp}")
    article = extract_article(html, URL)
    assert article.body.startswith(PARAGRAPHS[0][:40])
    assert published_day(html) == "2023-05-19"  # the publication, not the update


def test_a_relative_stamp_opening_the_body_dates_the_story_from_the_crawl_day() -> None:
    html = page().replace("<div class='entry-content'>", "<div class='entry-content'><p>2 days ago</p>")
    article = extract_article(html, URL, crawl_date=date(2024, 2, 14))
    assert article.body.startswith(PARAGRAPHS[0][:40])
    assert article.to_dict(json_safe=True)["published_at"][:10] == "2024-02-12"


def test_a_story_opening_with_a_date_keeps_its_first_paragraph() -> None:
    first = "<p>May 19, 2023 — The council voted on Monday night to repair the bridge.</p>"
    html = page().replace("<div class='entry-content'>", f"<div class='entry-content'>{first}")
    assert extract_article(html, URL).body.startswith("May 19, 2023 — The council voted")


def test_in_a_footer_stamp_the_published_part_outranks_the_updated_part() -> None:
    footer = "<p>Updated: May 22, 2023 9:40 a.m. | Published: May 19, 2023 11:58 p.m.</p>"
    assert published_day(page(footer=footer)) == "2023-05-19"


def test_an_h1_that_only_links_home_is_the_logo_not_the_headline() -> None:
    head = "<meta property='og:title' content='River towns: the quays are back'>"  # an SEO title, not the headline
    masthead = "<header class='site'><h1 class='logo'><a href='/'>The Valley Ledger</a></h1></header>"
    seo_title = "<title>River towns: the quays are back | Example News</title>"
    html = page(head=head).replace("<body>", f"<body>{masthead}")
    html = html.replace("<title>River towns rebuild their quays | Example News</title>", seo_title)
    assert extract_article(html, URL).title == "River towns rebuild their quays"
    # a headline that links to its own article is still the headline
    headline = "<h1>River towns rebuild their quays</h1>"
    linked = html.replace(headline, f"<h1><a href='{URL}'>River towns rebuild their quays</a></h1>")
    assert extract_article(linked, URL).title == "River towns rebuild their quays"
