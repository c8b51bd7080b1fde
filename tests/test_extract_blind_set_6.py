"""Rules found by a sixth blind page set (the long tail of CMSs, and world news in its own languages and calendars,
written without sight of the extractor; see bench/blind-pages-6): credit labels and stamp labels in more languages,
a European numeric stamp after a byline, the French "23 h 48", the months of Greek, Hebrew, Urdu, Bengali and
Swahili pages, Japanese era and Taiwanese Minguo years, the Solar Hijri calendar of Persian pages in Persian digits,
a two-digit-year stamp line, and photo credits of captions in more languages.
"""

from __future__ import annotations

import pytest
from extraction_checks import authors_of, published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.bylines import extract_bylines, read_byline
from newscorpus.extract.dates import is_stamp_only, parse_date

PARAGRAPHS = "".join(f"<p>{text}</p>" for text in STORY)


@pytest.mark.parametrize(
    ("line", "authors", "editors"),
    [
        # a numeric European stamp run into the byline used to cut off the second name
        ("Von Katrin Vogel und Jonas Becker 04.03.2025, 17:45 Uhr", ["Katrin Vogel", "Jonas Becker"], []),
        ("Text: Elin Sjöberg Foto: Johan Ek", ["Elin Sjöberg"], []),
        ("Text: Reto Zbinden, Bilder: Nadja Frei", ["Reto Zbinden"], []),
        ("Γράφει: Ελένη Καραγιάννη", ["Ελένη Καραγιάννη"], []),
        ("نویسنده: مریم حسین\u200cزاده", ["مریم حسین\u200cزاده"], []),
        ("रिपोर्ट: अंकित शर्मा | एडिटेड बाय: पूजा त्रिपाठी", ["अंकित शर्मा"], ["पूजा त्रिपाठी"]),
        ("作者：王心怡", ["王心怡"], []),
        # a wiki page's credits: who created it, not who last changed it
        ("Created by Jess Nguyen, last modified by Tom Ashby on 11 Mar 2025", ["Jess Nguyen"], []),
    ],
)
def test_credit_labels_of_more_languages(line: str, authors: list[str], editors: list[str]) -> None:
    byline = read_byline(line, at_start=True)
    assert byline is not None
    assert byline.authors == authors and byline.editors == editors


def test_a_stamp_label_of_another_language_ends_the_name() -> None:
    """ "Γράφει: Ελένη Καραγιάννη Δημοσίευση: 09.04.2025": the Greek "Published" label is no part of her name."""
    page = (
        "<html lang='el'><head><title>Δρόμος</title></head><body><article><h1>Κλειστός ο δρόμος</h1>"
        "<div class='meta'><span>Γράφει: Ελένη Καραγιάννη</span> <span>Δημοσίευση: 09.04.2025 | 21:47</span></div>"
        f"{PARAGRAPHS}</article></body></html>"
    )
    article = extract_article(page, "https://www.example.gr/news/dromos")
    assert article.authors == ["Ελένη Καραγιάννη"]
    assert published_day(article) == "2025-04-09"


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("Publié le 14 novembre 2025 à 23 h 48", "2025-11-14", "23:48"),  # Quebec's spaced "h"
        ("شائع 14 ستمبر 2025 09:12pm", "2025-09-14", "21:12"),  # Urdu
        ("Imechapishwa: Jumatano, Machi 4, 2026", "2026-03-04", None),  # Swahili
        ("Δημοσίευση: 9 Απριλίου 2025", "2025-04-09", None),  # Greek genitive
        ("5 במרץ 2025", "2025-03-05", None),  # Hebrew, "in March"
        ("১২ মার্চ ২০২৫", "2025-03-12", None),  # Bengali digits and month
        ("令和7年10月3日 21:15", "2025-10-03", "21:15"),  # Japanese era year
        ("令和元年5月1日", "2019-05-01", None),  # the era's first year
        ("發布時間：114年6月27日 下午11:48", "2025-06-27", "23:48"),  # Taiwan's Minguo year
        ("۱ دی ۱۴۰۴ - ۰۱:۱۵", "2025-12-22", "01:15"),  # Solar Hijri in Persian digits
        ("۱۵ مهر‌ماه ۱۴۰۳", "2024-10-06", None),
    ],
)
def test_dates_of_more_languages_and_calendars(text: str, day: str, time: str | None) -> None:
    found = parse_date(text)
    assert found is not None
    assert found.utc.date().isoformat() == day
    assert found.has_time == (time is not None)
    if time is not None:
        assert found.utc.strftime("%H:%M") == time


def test_an_impossible_solar_hijri_day_is_no_date() -> None:
    """1404 is no leap year: its Esfand has 29 days."""
    assert parse_date("30 اسفند 1404") is None
    assert parse_date("30 اسفند 1403") is not None


def test_a_two_digit_year_stamp_line_belongs_to_the_header() -> None:
    """ "פורסם: 05.11.25, 00:35" (Ynet's stamp) over the text is a stamp, not the story's first line."""
    assert is_stamp_only("פורסם: 05.11.25, 00:35")
    assert is_stamp_only("עודכן: 05.11.25, 08:10")
    assert not is_stamp_only("Die Sitzung vom 05.11.25 war kurz.")


def test_the_printed_local_stamp_dates_a_page_declaring_utc() -> None:
    """ "Publié le 14 novembre 2025 à 23 h 48" under the headline, 2025-11-15T04:48Z declared: the same instant five
    hours behind UTC, and the reader's day is the 14th."""
    page = (
        "<html lang='fr'><head><title>Verglas</title><meta property='article:published_time' "
        "content='2025-11-15T04:48:00Z'></head><body><article><h1>Près de 48 000 clients privés de courant</h1>"
        "<p class='byline'>Marie-Ève Gauthier</p><p class='date'>Publié le 14 novembre 2025 à 23 h 48</p>"
        f"{PARAGRAPHS}</article></body></html>"
    )
    article = extract_article(page, "https://www.example.ca/actualites/verglas")
    assert article.tz_offset == "-05:00"
    assert article.published_at is not None and article.published_at.isoformat() == "2025-11-15T04:48:00+00:00"


@pytest.mark.parametrize(
    "caption",
    [
        "קרון הרכבת הקלה במרכז הבקרה בנשר (צילום: אורן כהן)",
        "Kereta api di stasiun pusat (Fotoğraf: Ali Kaya)",
        "عمال في الورشة (تصوير: أحمد علي)",
        "사진: 김민지",
        "写真：佐藤美咲",
    ],
)
def test_captions_crediting_their_photo_in_more_languages_are_not_text(caption: str) -> None:
    assert remove_boilerplate([STORY[0], caption, STORY[1]], title=None, captions=[]) == [STORY[0], STORY[1]]


def _page(head: str, body: str, lang: str = "en") -> str:
    return f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_a_section_h1_over_a_title_classed_h2_gives_way_to_it() -> None:
    """Sitecore's "Club News" hero <h1> (also the <title>'s) over the story's own <h2 class=news-article__title>."""
    body = (
        "<div class='hero-banner'><h1 class='hero-banner__title'>Club News</h1></div><main><article>"
        "<h2 class='news-article__title'>Tuivaga re-signs with Herons until the end of 2027</h2>"
        f"{PARAGRAPHS}</article></main>"
    )
    page = _page("<title>Club News | Tweed Heads Herons RLFC</title>", body)
    assert extract_article(page, "https://www.heronsrlfc.example/news/2025/03/tuivaga").title == (
        "Tuivaga re-signs with Herons until the end of 2027"
    )


def test_a_short_headline_keeps_its_h1_over_a_titled_h2_after_the_text() -> None:
    """A real short headline: the title-classed <h2> of a related post after the text is not the headline."""
    body = (
        f"<main><article><h1>Sourdough Bread Recipe</h1>{PARAGRAPHS}</article>"
        "<section><h2 class='entry-title'>Biscuits and Gravy Recipe for Sundays</h2><p>More soon.</p></section></main>"
    )
    page = _page("<title>Sourdough Bread Recipe | Kitchen Notes</title>", body)
    assert extract_article(page, "https://kitchen.example/sourdough").title == "Sourdough Bread Recipe"


def test_a_civicplus_title_that_ends_with_the_headline_names_the_h2() -> None:
    body = (
        "<div id='page'><h1 class='pageTitle'>News Flash</h1><div class='detail'><h2 class='detailTitle'><span>"
        f"Police Department Launches Summer Pedestrian Safety Campaign</span></h2>{PARAGRAPHS}</div></div>"
    )
    html_title = (
        "<title>News Flash • Harlan Springs, OH • Police Department Launches Summer Pedestrian Safety Campaign</title>"
    )
    page = _page(html_title, body)
    assert extract_article(page, "https://www.harlansprings.example/CivicAlerts.aspx?AID=912").title == (
        "Police Department Launches Summer Pedestrian Safety Campaign"
    )


@pytest.mark.parametrize(
    ("html_title", "url", "headline"),
    [
        # a breadcrumb from the site down, the site spelled out where the address runs its words together
        (
            "The Marlow County Courier-Press :: News :: County board OKs $85,000 study of jail expansion",
            "https://www.marlowcourierpress.example/news/story.cfm?id=8812",
            "County board OKs $85,000 study of jail expansion",
        ),
        # a place that only begins the site's name is the headline's own
        (
            "Bhopal Samachar 24: Bhopal: Upper Lake water level drops to lowest February mark in six years",
            "https://www.bhopalsamachar24.example/2025/02/upper-lake.html",
            "Bhopal: Upper Lake water level drops to lowest February mark in six years",
        ),
        # a Chinese site's name in Han script after a bare dash
        (
            "成都地铁天府机场快线二期开通运营　双机场间最快35分钟直达-西部在线",
            "http://news.xibu-zaixian.example/2025-09/16/c_1131856422.htm",
            "成都地铁天府机场快线二期开通运营　双机场间最快35分钟直达",
        ),
    ],
)
def test_the_site_is_cut_from_a_title_tag_without_a_headline_element(html_title: str, url: str, headline: str) -> None:
    page = _page(f"<title>{html_title}</title>", f"<div class='story'><b>{headline}</b>{PARAGRAPHS}</div>")
    assert extract_article(page, url).title == headline


@pytest.mark.parametrize(("sidebar", "day"), [("2/27/2025", "2025-03-04"), ("27/2/2025", "2025-04-03")])
def test_the_pages_own_unambiguous_dates_say_which_order_its_numeric_dates_use(sidebar: str, day: str) -> None:
    """ "Updated 3/4/2025 11:42 AM" on a page without a language: the list of stories beside it dated "2/27/2025"
    can only be month first, so the stamp is March 4; "27/2/2025" would make it April 3."""
    body = (
        "<table><tr><td><span class='hl'><b>County board OKs study</b></span>"
        f"<p class='stamp'>Updated 3/4/2025 11:42 AM</p>{PARAGRAPHS}</td>"
        f"<td class='side'><a href='/s/1'>Library levy passes</a> <span>{sidebar}</span></td></tr></table>"
    )
    page = f"<html><head><title>County board OKs study</title></head><body>{body}</body></html>"
    article = extract_article(page, "https://www.marlowcourierpress.example/news/story.cfm?id=8812")
    assert published_day(article) == day


def test_a_yearless_stamp_before_labelled_credits_is_dated_by_the_address() -> None:
    """ "Tue 4 Mar Words: Jake Thornton | Photos: Lisa Marsh" on /news/2025/03/...: the stamp does not void the
    credits, and the address gives it its year."""
    body = (
        "<main><article><h1>Tuivaga re-signs with Herons until the end of 2027</h1>"
        f"<div class='meta'>Tue 4 Mar Words: Jake Thornton | Photos: Lisa Marsh</div>{PARAGRAPHS}</article></main>"
    )
    page = _page("<title>Tuivaga re-signs | Herons</title>", body)
    article = extract_article(page, "https://www.heronsrlfc.example/news/2025/03/tuivaga-re-signs")
    assert article.authors == ["Jake Thornton"]
    assert published_day(article) == "2025-03-04"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Par Claire Dubois, avec Mathieu Roche", ["Claire Dubois", "Mathieu Roche"]),
        ("Por Ana Ruiz con Luis Gómez", ["Ana Ruiz", "Luis Gómez"]),
    ],
)
def test_a_co_writer_joined_by_with_in_french_or_spanish(line: str, authors: list[str]) -> None:
    assert authors_of(line) == authors


@pytest.mark.parametrize(
    "line",
    ["9月16日，乘客在天府机场快线二期列车上拍照留念。新华社记者 王曦 摄", "市民在广场上观看灯光秀。记者 陈晓、刘洋 摄"],
)
def test_a_chinese_caption_ending_with_its_photographer_is_not_text(line: str) -> None:
    assert remove_boilerplate([STORY[0], line, STORY[1]], title=None, captions=[]) == [STORY[0], STORY[1]]
    sentence = "记者从成都地铁获悉，二期工程已完成验收。"  # "the reporter learned": prose, not a credit
    assert remove_boilerplate([sentence]) == [sentence]


@pytest.mark.parametrize(
    "label", ["עוד בנושא", "بیشتر بخوانید:", "مزید پڑھیں", "আরও পড়ুন", "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ", "SOMA PIA:"]
)
def test_read_also_labels_of_more_languages_are_not_text(label: str) -> None:
    assert label not in remove_boilerplate([STORY[0], label, STORY[1]], title=None, captions=[])


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        (
            "新华社成都9月16日电（记者陈晓、刘洋）16日上午，成都地铁天府机场快线二期正式开通运营。",
            ["陈晓", "刘洋"],
            ["Xinhua"],
        ),
        ("（中央社記者王心怡台中27日電）台中市政府今天宣布，捷運綠線延伸段將提前通車。", ["王心怡"], ["CNA"]),
        ("本报北京5月3日电（记者 王静）今天上午，北京市公布了新的公交线路调整方案。", ["王静"], []),
    ],
)
def test_the_reporters_of_a_chinese_wire_lead_in(line: str, authors: list[str], agencies: list[str]) -> None:
    """Chinese wire copy names its reporters in the lead-in that opens the first paragraph, which stays text."""
    lines, byline = extract_bylines([line, STORY[0]])
    assert byline.authors == authors and byline.agencies == agencies
    assert lines[0] == line


def test_a_bare_name_beside_the_stamp_under_the_headline_is_the_writer() -> None:
    """GoDaddy's post details "March 18, 2025 | Dale Whitaker" on a site that declares the business as author."""
    body = (
        "<main><a href='/blog'>Back to Blog</a><h1>Flattening a Workbench Top with a Router Sled</h1>"
        f"<p class='details'>March 18, 2025 | Dale Whitaker</p>{PARAGRAPHS}</main>"
    )
    page = _page("<title>Flattening a Workbench Top</title><meta name='author' content='Pine Hollow Woodshop'>", body)
    assert extract_article(page, "https://pinehollowwoodshop.example/f/flattening").authors == ["Dale Whitaker"]


def test_a_section_beside_the_stamp_is_no_writer() -> None:
    body = (
        "<main><h1>Flattening a Workbench Top with a Router Sled</h1>"
        f"<p class='details'>March 18, 2025 | Shop News</p>{PARAGRAPHS}</main>"
    )
    page = _page("<title>Flattening a Workbench Top</title>", body)
    assert extract_article(page, "https://pinehollowwoodshop.example/f/flattening").authors == []


def test_a_site_name_ending_the_title_tag_does_not_replace_a_short_h1() -> None:
    """ "Web Courses Defined | Online Learning" with an <h2>Online Learning</h2>: the h1 is the headline, the
    <title>'s tail the site's name."""
    body = f"<main><h1>Web Courses Defined</h1><h2>Online Learning</h2>{PARAGRAPHS}</main>"
    page = _page("<title>Web Courses Defined | Online Learning</title>", body)
    assert extract_article(page, "https://learn.example/web-courses").title == "Web Courses Defined"
