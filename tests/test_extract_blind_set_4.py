"""Rules found by a fourth blind page set (Indonesian outlets and the English-language long tail, written without
sight of the extractor; see bench/blind-pages-4): a stamp with its time before labelled credits; the outlet declared
as the author of every story while the reporter's name is printed; "Penulis:" / "Editor:" under the story box;
degrees, offices, "Kontributor <place>" and semicolons in bylines; a stamp glued to a degree; a fact check's
ClaimReview node; an infinite scroll's next story; a related list's lone dates and a lone "(abd)" under the story;
a pull quote with its speaker; photo credits, donate widgets and writer boxes by their classes.
"""

from __future__ import annotations

import json

import pytest
from extraction_checks import published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.bylines import closing_credits, read_byline
from newscorpus.extract.dates import find_written_dates

PARAGRAPHS = "".join(f"<p>{text}</p>" for text in STORY)


def news_page(*, head: str = "", above: str = "", meta: str = "", story: str = PARAGRAPHS, after: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Kebun warga</title>{head}</head><body>"
        "<header><nav><a href='/'>Beranda</a> <a href='/nasional'>Nasional</a></nav></header><main><article>"
        f"{above}<h1>Kebun warga dibuka</h1><div class='info'>{meta}</div><div class='isi'>{story}</div>"
        f"{after}</article></main><footer><p>© 2023 Redaksi</p></footer></body></html>"
    )


def declared(author: dict[str, str], **fields: str) -> str:
    node = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Kebun warga", "author": author}
    return f'<script type="application/ld+json">{json.dumps({**node, **fields})}</script>'


@pytest.mark.parametrize(
    ("line", "authors", "editors"),
    [
        (
            "Jumat, 19 Mei 2023 14:05 Reporter : Muhammad Fikri Anwar Editor : Idham Nugroho",
            ["Muhammad Fikri Anwar"],
            ["Idham Nugroho"],
        ),
        ("Kamis, 08 Agustus 2024, 19:30 WITA Penulis: Yudi Rumondor", ["Yudi Rumondor"], []),
        (
            "Penulis: Kontributor Bitung, Yudi Rumondor | Editor: Fransiska Lumowa",
            ["Yudi Rumondor"],
            ["Fransiska Lumowa"],
        ),
        ("Oleh: Dr. Hendrawan Saputra, S.H., M.Si.", ["Dr. Hendrawan Saputra"], []),
        ("By Lauren Bishop, University Communications", ["Lauren Bishop"], []),
        ("Written by Aisha Rahman, MD, Family Medicine", ["Aisha Rahman"], []),
        ("By Jane Doe, MD, and John Roe, PhD", ["Jane Doe", "John Roe"], []),
        ("Posted by Angela Ruiz, Broker/Owner on October 15, 2024", ["Angela Ruiz"], []),
        ("Authors: Maya Greene, Research Director; Thomas Okoro, Data Analyst", ["Maya Greene", "Thomas Okoro"], []),
    ],
)
def test_bylines_keep_the_writers_and_leave_their_degrees_offices_and_places(
    line: str, authors: list[str], editors: list[str]
) -> None:
    byline = read_byline(line, at_start=True)
    assert byline is not None
    assert (byline.authors, byline.editors) == (authors, editors)


def test_the_outlet_declared_as_author_yields_to_the_printed_reporter() -> None:
    """Indonesian portals declare the site as the author of every story and print the reporter's bare name."""
    url = "https://mediarakyat.id/humaniora/852114/kebun-warga"
    head = declared({"@type": "Person", "name": "Media Rakyat"})
    printed = news_page(head=head, meta="<div class='author'>Reza Pahlevi Hasibuan</div>")
    assert extract_article(printed, url).authors == ["Reza Pahlevi Hasibuan"]
    # with no person printed, the outlet is what is left, as a declared organisation would be
    assert extract_article(news_page(head=head), url).authors == ["Media Rakyat"]
    # a person declared on a site named for someone else is the author, whatever the page prints as a name
    other = news_page(head=declared({"@type": "Person", "name": "Rina Wulandari"}))
    assert extract_article(other, url).authors == ["Rina Wulandari"]


def test_a_personal_site_named_for_its_owner_keeps_the_declared_full_name() -> None:
    """ashvardanian.com declares "Ash Vardanian" and its header prints only "Ash": the site's name is the owner."""
    url = "https://ashvardanian.example/posts/garden-plots/"
    head = declared({"@type": "Person", "name": "Ash Vardanian"})
    assert extract_article(news_page(head=head, meta="<span class='author'>Ash</span>"), url).authors == [
        "Ash Vardanian"
    ]


def test_labelled_credits_under_the_story_box_name_its_writer_and_editor() -> None:
    """Tirto closes the story box with "(tirto.id - Humaniora)" / "Penulis: X" / "Editor: Y", outside the text."""
    credits = (
        "<div class='reporter-box'><p>(tirtanusa.id - Humaniora)</p><p><b>Penulis:</b> Galang Aji Nugroho<br>"
        "<b>Editor:</b> Irfan Teguh Pribadi</p></div>"
    )
    head = '<meta name="author" content="Tirtanusa">'
    article = extract_article(news_page(head=head, after=credits), "https://tirtanusa.id/riwayat-trem-gQ7k")
    assert article.authors == ["Galang Aji Nugroho"]
    assert article.editors == ["Irfan Teguh Pribadi"]


def test_only_a_labelled_line_under_the_story_is_a_credit() -> None:
    assert closing_credits(["Pewarta: Ani Lestari", "Editor: Budi"]).authors == ["Ani Lestari"]
    # a commenter's "Posted by: …", a related story's "By …" and a bare name are no credits of the story
    found = closing_credits(["Posted by: Gabriel at December 19, 2025", "By Tom Lee", "Tom Lee"])
    assert not found.found


def test_a_stamp_glued_to_the_last_degree_of_a_byline_is_read() -> None:
    found = find_written_dates("Oleh: Dr. Hendrawan Saputra, S.H., M.Si.19/05/2023 06:00")
    assert [date.utc.date().isoformat() for _, date in found] == ["2023-05-19"]
    assert find_written_dates("versi 1.19.05.2023") == []


def test_a_fact_check_is_dated_by_its_claim_review_not_by_the_claim() -> None:
    """The rating box above the headline dates the claim ("Facebook posts, Dec. 30, 2024"); the ClaimReview node
    dates the check, and its itemReviewed names who made the claim."""
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ClaimReview", '
        '"datePublished": "2025-01-08", "author": {"@type": "Organization", "name": "VerityCheck"}, '
        '"itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Facebook posts"}, '
        '"datePublished": "2024-12-30"}}</script>'
    )
    above = "<aside class='rating'><p>“Backyard chickens are banned.”</p><p>Facebook posts, Dec. 30, 2024</p></aside>"
    article = extract_article(news_page(head=head, above=above), "https://www.veritycheck.example/fact-checks/x/")
    assert published_day(article) == "2025-01-08"


def test_the_next_story_an_infinite_scroll_appended_is_not_the_article() -> None:
    first = (
        "<article class='story'><h1>Garden plots</h1><div class='byline'>By Carla Jimenez</div>"
        f"<div class='entry-content'>{PARAGRAPHS}<p>{STORY[0]} More to come this week.</p></div></article>"
    )
    second = (
        "<article class='story story--next'><h1>Garage fire spreads to two homes</h1>"
        "<div class='byline'>By Nadia Brooks</div><div class='entry-content'>"
        "<p>A fire that started in a detached garage on Elm Street early Wednesday spread to two neighboring homes "
        "before firefighters brought it under control, officials said on Wednesday morning.</p>"
        "<p>No one was injured. The fire chief said the cause remains under investigation but does not appear "
        "suspicious, and the Red Cross is assisting two families who were displaced by it.</p></div></article>"
    )
    page = (
        "<!DOCTYPE html><html lang='en'><head><title>Garden plots</title></head><body><header><nav><a href='/'>Home"
        f"</a></nav></header><div id='infinite-container'>{first}<div class='next-marker'>Next story</div>{second}"
        "</div><footer><p>© 2025 The Ledger</p></footer></body></html>"
    )
    article = extract_article(page, "https://www.ledger.example/news/garden-plots/")
    assert STORY[2] in article.body
    assert "Garage fire" not in article.body and "detached garage" not in article.body


def test_a_related_lists_dates_and_a_lone_desk_code_close_no_story() -> None:
    related = "".join(
        f"<div class='item'><a href='/x{day}'>Berita lain nomor {day}</a><div class='date'>{day} Mei 2023 - 11:30 WIB"
        "</div></div>"
        for day in (15, 14, 13)
    )
    story = f"{PARAGRAPHS}<p>(abd)</p><div class='terkait'>{related}</div>"
    body = extract_article(news_page(story=story), "https://nasional.sindo.example/read/1/12/kebun").body
    assert body.split("\n\n")[-1] == STORY[-1]


def test_a_span_of_dates_closing_the_text_stays() -> None:
    story = f"{PARAGRAPHS}<p>7th Amsterdam Light Festival</p><p>29 November 2018 | 20 January 2019</p>"
    body = extract_article(news_page(story=story), "https://www.example.nl/festival").body
    assert body.endswith("29 November 2018 | 20 January 2019")


def test_a_pull_quote_and_its_speaker_are_no_part_of_the_text() -> None:
    said = (
        "“I had a chem lab until 8:50 on Tuesdays and Thursdays, and by the time I got out, everything was closed,” "
        "said sophomore Keiko Aldana. “I was spending like $15 a night on delivery. That adds up fast.”"
    )
    pull = "<div class='pq'><p>“I was spending like $15 a night on delivery.”</p><p>— Keiko Aldana, sophomore</p></div>"
    story = f"<p>{STORY[0]}</p><p>{said}</p>{pull}<p>{STORY[1]}</p><p>{STORY[2]}</p>"
    body = extract_article(news_page(story=story), "https://www.review.example/news/dining-hall").body
    assert said in body
    assert "— Keiko Aldana, sophomore" not in body
    assert body.count("I was spending like $15 a night on delivery") == 1


def test_a_quotation_printed_once_stays() -> None:
    quote = "<blockquote><p>“We have waited three years for this land, and we will plant it all.”</p></blockquote>"
    story = f"<p>{STORY[0]}</p>{quote}<p>{STORY[1]}</p><p>{STORY[2]}</p>"
    body = extract_article(news_page(story=story), "https://www.review.example/news/plots").body
    assert "“We have waited three years for this land, and we will plant it all.”" in body


@pytest.mark.parametrize(
    "box",
    [
        "<div class='photocredit'>Sam Whitford | Photo Editor</div>",
        "<div class='sno-donate-widget'><h3>Donate to The Ridgeline Review</h3><p>Your donation will support the "
        "student journalists of Carrow State University and cover our annual website hosting costs.</p></div>",
        "<div class='sno-story-writer-box'><div>Jamie Ortiz, Staff Writer</div><div>Jamie is a junior studying "
        "journalism and political science. She covers student government and campus services.</div></div>",
    ],
)
def test_credit_donate_and_writer_boxes_are_left_out_by_their_classes(box: str) -> None:
    story = f"<p>{STORY[0]}</p><p>{STORY[1]}</p>{box}<p>{STORY[2]}</p>"
    body = extract_article(news_page(story=story), "https://www.review.example/news/plots").body
    assert body.split("\n\n") == STORY


def test_a_story_in_a_table_nested_in_a_layout_column_is_found_without_the_columns() -> None:
    """Joomla 1.0 on a table layout: the centre column's <td> holds the story's own table, whose cell holds a
    <font> of <br>-separated paragraphs, between a menu column and a news column."""
    menu = "".join(f"<a href='#'>Rubrik {n}</a><br>" for n in range(1, 6))
    story = "<br /><br />".join(STORY)
    page = (
        "<html><head><title>Suara Pagi Online - Kebun warga</title></head><body><table width='780'>"
        "<tr><td colspan='3'><img src='header.jpg' alt='Suara Pagi Online'></td></tr><tr>"
        f"<td width='160'><table class='moduletable'><tr><th>Menu Utama</th></tr><tr><td>{menu}</td></tr></table>"
        "<table class='moduletable'><tr><th>Pengunjung</th></tr><tr><td>Kami memiliki 12 tamu online<br>"
        "Hits: 2.481.903</td></tr></table></td><td width='460'><table class='contentpaneopen'><tr>"
        "<td class='contentheading'>Kebun warga dibuka</td></tr></table><table class='contentpaneopen'>"
        "<tr><td><span class='small'>Ditulis oleh Redaksi</span></td></tr>"
        "<tr><td class='createdate'>Selasa, 12 Mei 2009</td></tr><tr><td><font face='Verdana' size='2'>"
        f"<b>Laporan: Sutrisno Budiharto</b><br /><br />{story}<br /><br /><i>(sut)</i></font></td></tr></table></td>"
        "<td width='160'><table class='moduletable'><tr><th>Berita Terbaru</th></tr><tr><td><ul>"
        "<li><a href='#'>Bupati lantik kepala desa</a></li><li><a href='#'>Harga gula naik</a></li></ul></td></tr>"
        "</table></td></tr></table></body></html>"
    )
    article = extract_article(page, "http://www.suarapagi.example/index.php?option=com_content&task=view&id=18342")
    assert article.body.split("\n\n") == STORY
    assert article.authors == ["Sutrisno Budiharto"]
    assert published_day(article) == "2009-05-12"


def test_a_letter_signed_after_a_dash_names_its_writer_over_a_staff_declaration() -> None:
    head = '<meta name="author" content="Beacon Staff">'
    story = f"{PARAGRAPHS}<p><em>— Margaret Olsen, Hadley</em></p>"
    article = extract_article(news_page(head=head, story=story), "https://www.beacon.example/opinion/letters/x/")
    assert article.authors == ["Margaret Olsen"]
    assert "Margaret Olsen" not in article.body


def test_a_signature_under_the_text_box_names_the_writer_without_his_title() -> None:
    after = "<p class='signature'><em>— Pastor Dan Whitley</em></p>"
    article = extract_article(news_page(after=after), "https://www.gracechurch.example/newsletter/november")
    assert article.authors == ["Dan Whitley"]


def test_a_dash_line_closing_a_bylined_story_adds_no_author() -> None:
    story = f"{PARAGRAPHS}<p>— Keiko Aldana, sophomore</p>"
    article = extract_article(news_page(meta="Oleh: Rina Wulandari", story=story), "https://www.example.id/x")
    assert article.authors == ["Rina Wulandari"]
