"""Date stamps a third probe found unread or half read: a time printed before its date ("13:31 26.04.2024",
"Published 9:41 AM EST Jan 5, 2024", CNN's "Updated 0941 GMT (1741 HKT) January 5, 2024"), the US zone words "ET" /
"PT", an ISO day with its time after it, Korean and Persian dates, a stamp line with a two-digit year ("3/21/23",
"Updated on 09/11/25"), a row of stamps joined by dashes ("Written by … — Updated on …"), and the date printed on
its own under the page's <h1> (a newsletter's web version). Each is pinned with a small text or page written here,
beside look-alikes that must not be read (a score, a version number, a duration, a time in another sentence).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from test_extract_probe_dates import FOOTER, NAV, STORY, URL  # the same county page around each stamp

from newscorpus.extract.article import extract_article
from newscorpus.extract.dates import find_written_dates, is_stamp_only, parse_date


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def _published(html: str, url: str = URL) -> date | None:
    fields = extract_article(html, url)
    return fields.published_at.date() if fields.published_at else None


def _page(article: str, lang: str = "en-GB", title: str = "Cooling centres open") -> str:
    head = f"<html lang='{lang}'><head><title>{title}</title></head>"
    return f"{head}<body>{NAV}<main>{article}</main>{FOOTER}</body></html>"


# --- 1. a time printed before its date ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stamp", "zone", "instant", "offset"),
    [
        ("13:31 26.04.2024", "Europe/Moscow", _utc(2024, 4, 26, 10, 31), "+03:00"),  # RIA Novosti
        ("14:05, 3 May 2024", "UTC", _utc(2024, 5, 3, 14, 5), "+00:00"),
        ("10.30 WIB 19/05/2023", "UTC", _utc(2023, 5, 19, 3, 30), "+07:00"),  # the zone between time and date
        ("09:15 | 04/05/2024", "Asia/Jakarta", _utc(2024, 5, 4, 2, 15), "+07:00"),
        ("Published 9:41 AM EST Jan 5, 2024", "UTC", _utc(2024, 1, 5, 14, 41), "-05:00"),
        ("Updated 10:04 AM EST, Fri January 5, 2024", "UTC", _utc(2024, 1, 5, 15, 4), "-05:00"),  # CNN
        ("Updated 0941 GMT (1741 HKT) January 5, 2024", "Asia/Jakarta", _utc(2024, 1, 5, 9, 41), "+00:00"),  # CNN
        ("Published 11:26 pm EST, Tuesday, November 19, 2019", "UTC", _utc(2019, 11, 20, 4, 26), "-05:00"),
        ("UPDATED 16:47 EST / DECEMBER 19 2025", "UTC", _utc(2025, 12, 19, 21, 47), "-05:00"),  # SiliconANGLE
        ("نُشر: 14:05-3 مايو 2024", "UTC", _utc(2024, 5, 3, 14, 5), "+00:00"),  # Asharq Al-Awsat
        ("Posted at 09:41 on 5 January 2024", "Europe/London", _utc(2024, 1, 5, 9, 41), "+00:00"),
    ],
)
def test_time_before_its_date_sets_the_instant(stamp: str, zone: str, instant: datetime, offset: str) -> None:
    found = parse_date(stamp, timezone_name=zone)
    assert found is not None
    assert (found.utc, found.offset, found.has_time) == (instant, offset, True)


@pytest.mark.parametrize(
    "text",
    [
        "Final score 13:31 26.04.2024",  # a score: a word that is no stamp label stands before the "time"
        "The doors open at 10:30. On 3 May 2024 the council met again.",  # another sentence's time
        "Version 2.10 14.05.2024",  # a version number
        "Episode 142 · December 10, 2025 · 48:12",  # a podcast's running time after the date
        "He finished in 2:05, 3 May 2024 was his best day",
    ],
)
def test_a_time_that_is_not_the_stamps_is_not_glued_to_the_date(text: str) -> None:
    found = parse_date(text, timezone_name="UTC")
    assert found is not None  # the date itself is still read
    assert not found.has_time


def test_a_time_read_with_one_date_is_not_read_again_with_the_next() -> None:
    found = find_written_dates("26.04.2024 13:31 | 27.04.2024", timezone_name="UTC")
    assert [(d.utc, d.has_time) for _, d in found] == [
        (_utc(2024, 4, 26, 13, 31), True),
        (_utc(2024, 4, 27, 12), False),
    ]


def test_a_stamp_with_its_time_first_is_stamp_only() -> None:
    assert is_stamp_only("10.30 WIB 19/05/2023")
    assert is_stamp_only("Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)")


def test_a_time_first_stamp_under_the_headline_dates_the_page() -> None:
    html = _page(
        "<article><h1>Cooling centres open</h1><p class='meta'>Updated 10:04 PM EST, Fri January 5, 2024</p>"
        f"{STORY}</article>"
    )
    fields = extract_article(html, URL)
    assert fields.published_at == _utc(2024, 1, 6, 3, 4)
    assert fields.tz_offset == "-05:00"


# --- 2. other stamps real pages print -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stamp", "zone", "instant", "offset"),
    [
        # US zone words: summer time or not by the day
        ("Jan. 5, 2024, 9:41 a.m. ET", "UTC", _utc(2024, 1, 5, 14, 41), "-05:00"),
        ("July 5, 2024, 9:41 a.m. ET", "UTC", _utc(2024, 7, 5, 13, 41), "-04:00"),
        ("Published Jan. 5, 2024 at 9:41 a.m. PT", "UTC", _utc(2024, 1, 5, 17, 41), "-08:00"),
        ("Nov. 18th 2019 8:54 am PT", "UTC", _utc(2019, 11, 18, 16, 54), "-08:00"),  # 9to5Mac
        ("Posted on 2024-01-05 at 09:41", "UTC", _utc(2024, 1, 5, 9, 41), "+00:00"),  # an ISO day, then its time
        ("January 5, 2024 / 9:41 AM EST / CBS News", "UTC", _utc(2024, 1, 5, 14, 41), "-05:00"),
        ("5 gennaio 2024, ore 09:41", "Europe/Rome", _utc(2024, 1, 5, 8, 41), "+01:00"),
        ("2024. 1. 5. 09:41", "Asia/Seoul", _utc(2024, 1, 5, 0, 41), "+09:00"),  # Daum
        ("입력 2024.01.05. 오전 9:41", "Asia/Seoul", _utc(2024, 1, 5, 0, 41), "+09:00"),  # Naver
        ("2024年1月5日(金) 9時41分", "Asia/Tokyo", _utc(2024, 1, 5, 0, 41), "+09:00"),  # the weekday between
        ("2024年1月5日 星期五 09:41", "Asia/Shanghai", _utc(2024, 1, 5, 1, 41), "+08:00"),
        ("الجمعة، 05 يناير 2024 09:41 م", "Africa/Cairo", _utc(2024, 1, 5, 19, 41), "+02:00"),  # "م": evening
        ("5.1.2024 klo 9.41", "Europe/Helsinki", _utc(2024, 1, 5, 7, 41), "+02:00"),
        ("5. 1. 2024, 9:41", "Europe/Prague", _utc(2024, 1, 5, 8, 41), "+01:00"),  # Czech
        ("2024-01-05 09:41 (KST)", "UTC", _utc(2024, 1, 5, 0, 41), "+09:00"),  # a zone word after an ISO time
        ("2019-11-18@05:36:50 CST", "UTC", _utc(2019, 11, 18, 11, 36, 50), "-06:00"),
    ],
)
def test_stamps_read_with_their_time_and_zone(stamp: str, zone: str, instant: datetime, offset: str) -> None:
    found = parse_date(stamp, timezone_name=zone)
    assert found is not None
    assert (found.utc, found.offset, found.has_time) == (instant, offset, True)


@pytest.mark.parametrize("stamp", ["۵ ژانویه ۲۰۲۴", "5 ژانویه 2024", "جمعه ۵ ژانویه ۲۰۲۴", "5th of January 2024"])
def test_day_month_year_in_persian_and_with_of(stamp: str) -> None:
    found = parse_date(stamp, timezone_name="Asia/Tehran")
    assert found is not None and found.utc.date() == date(2024, 1, 5)


def test_a_us_zone_word_after_a_bare_date_is_no_zone() -> None:
    found = parse_date("January 5, 2024 CT", timezone_name="Asia/Jakarta")
    assert found is not None and found.offset == "+07:00" and not found.has_time


# --- 3. a stamp line with a two-digit year ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stamp", "lang", "expected"),
    [
        ("<time class='dt-published'>3/21/23</time>", "en-US", date(2023, 3, 21)),  # Squarespace
        ("<p>Updated on 09/11/25</p>", "en-US", date(2025, 9, 11)),  # Dotdash Meredith
        ("<p>09/11/25</p>", "en-GB", date(2025, 11, 9)),  # day first outside the US
        ("<p>Veröffentlicht: 21.03.23</p>", "de-DE", date(2023, 3, 21)),
    ],
)
def test_a_stamp_line_with_a_two_digit_year(stamp: str, lang: str, expected: date) -> None:
    html = _page(f"<article><div class='meta'>{stamp}</div><h1>Cooling centres open</h1>{STORY}</article>", lang)
    assert _published(html) == expected


@pytest.mark.parametrize(
    "line",
    [
        "<p>12/31/99</p>",  # not 2099
        "<p>Ref. 4/11/25</p>",  # not a stamp label
    ],
)
def test_a_two_digit_year_outside_a_stamp_line_is_not_read(line: str) -> None:
    html = _page(f"<article><h1>Cooling centres open</h1>{line}{STORY}</article>", "en-US")
    assert _published(html) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("3/21/23", date(2023, 3, 21)),
        ("Posted on 3/4/23 at 9:41 AM", date(2023, 3, 4)),  # month first on a US page
        ("Motion 3/21/23 passed on a show of hands.", None),  # a reference number in a sentence
        ("Score 3/21/23", None),
        ("1/2/3", None),
        ("12/31/99", None),  # not 2099
        ("3/21/2023", None),  # a full year is the written-date reader's
    ],
)
def test_the_short_stamp_reader_takes_whole_stamp_lines_only(line: str, expected: date | None) -> None:
    from newscorpus.extract.dates import parse_short_stamp  # noqa: PLC0415 - new in this change

    found = parse_short_stamp(line, timezone_name="UTC", month_first=True)
    assert (found.utc.date() if found else None) == expected


# --- 4. a row of stamps joined by dashes ----------------------------------------------------------------------------


def test_a_row_of_stamps_joined_by_dashes() -> None:
    html = _page(
        "<article><h1>Cooling centres open</h1><p class='byline'>Written by Sarah Lindqvist, RD — Medically reviewed"
        f" by Kevin Park, MD — Updated on June 30, 2023</p>{STORY}</article>",
        "en-US",
    )
    assert _published(html) == date(2023, 6, 30)


def test_a_date_between_dashes_in_a_deck_is_prose() -> None:
    html = _page(
        "<article><h1>Cooling centres open</h1><p class='deck'>The centres — first opened on June 30, 2023 after a "
        "long campaign by residents of the valley — will now stay open through the whole of the summer</p>"
        f"{STORY}</article>",
        "en-US",
    )
    assert _published(html) is None


# --- 5. the date on its own line under the <h1> ---------------------------------------------------------------------

NEWSLETTER = (
    "<html><head><title>The Weekly Sprout — Issue #48: Garlic, greenhouses and a giveaway</title></head><body>"
    "<table><tr><td id='templatePreheader'>Garlic, greenhouses and a giveaway</td>"
    "<td><a href='*|ARCHIVE|*'>View this email in your browser</a></td></tr>"
    "<tr><td id='templateBody'><h1>The Weekly Sprout — Issue #48</h1>{under}"
    "<p>Hi friends, it's garlic planting week here at the farm, and we put in about four thousand cloves over the "
    "weekend with the help of twelve volunteers and one very enthusiastic dog.</p>"
    "<p>The first thing most people notice about small farming is how much the small decisions add up. A few "
    "minutes spent planning at the start usually saves hours later.</p></td></tr>"
    "<tr><td><em>Copyright © 2025 Green Acre Farm, All rights reserved.</em></td></tr></table></body></html>"
)


def test_the_date_on_its_own_line_under_the_heading() -> None:
    html = NEWSLETTER.format(under="<p><em>October 17, 2025</em></p>")
    assert _published(html, "https://mailchi.mp/greenacre/weekly-sprout-48") == date(2025, 10, 17)


def test_a_sentence_under_the_heading_is_no_stamp() -> None:
    html = NEWSLETTER.format(under="<p>On October 17, 2025 we opened the farm gate to forty visitors.</p>")
    assert _published(html, "https://mailchi.mp/greenacre/weekly-sprout-48") is None


def _declared_utc_page(time_element: str) -> str:
    story = " ".join(f"The school board voted on the later start times in meeting number {n}." for n in range(12))
    return (
        "<html lang='en'><head><title>Board approves later start</title>"
        '<script type=\'application/ld+json\'>{"@type": "NewsArticle", "headline": "Board approves later start",'
        ' "datePublished": "2024-02-14T00:45:00+00:00"}</script></head><body><article>'
        f"<h1>Board approves later start</h1><p class='meta'>{time_element}</p><p>{story}</p><p>{story}</p>"
        "</article></body></html>"
    )


def test_a_declared_utc_instant_takes_the_offset_of_a_time_element_at_the_same_instant() -> None:
    """JSON-LD says 00:45 UTC on the 14th; the page's <time> says 18:45 at -06:00 on the 13th, the same moment: the
    story appeared on the 13th where it was written, and the corpus keeps that day and offset."""
    html = _declared_utc_page("<time datetime='2024-02-13T18:45:00-06:00'>Feb 13, 2024</time>")
    fields = extract_article(html, URL)
    assert fields.published_at == datetime(2024, 2, 14, 0, 45, tzinfo=UTC)
    assert fields.tz_offset == "-06:00"


def test_a_time_element_of_another_instant_does_not_move_the_declared_date() -> None:
    html = _declared_utc_page("<time datetime='2024-02-14T10:12:00-06:00'>Updated Feb 14, 2024</time>")
    fields = extract_article(html, URL)
    assert fields.published_at == datetime(2024, 2, 14, 0, 45, tzinfo=UTC)
    assert fields.tz_offset == "+00:00"
