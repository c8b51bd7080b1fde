"""Rules found by a seventeenth blind page set (Indonesian national, regional and business news; opinion, analysis
and special formats; article pages in the shapes that trip extractors, written without sight of the extractor;
see bench/blind-pages-17): detik's glued advertisement label, Indonesian video inserts, Liputan6's section pager
Tempo's subscription pitch, and a month-only date that htmldate gave today's day.
"""

from __future__ import annotations

import htmldate.extractors
import lxml.html
import pytest
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.flags import teaser_phrase_in
from newscorpus.extract.guesses import guess_date


@pytest.mark.parametrize(
    "line",
    [
        "ADVERTISEMENTSCROLL TO CONTINUE WITH CONTENT",
        "Lihat Video: Detik-detik Pencuri Kabel Beraksi Terekam CCTV",
        "Tonton juga: Banjir di Bekasi",
        "Saksikan video: Jembatan gantung putus",
        "1 dari 3 halaman",
    ],
)
def test_indonesian_outlets_inserts_and_pagers_are_no_text(line: str) -> None:
    assert remove_boilerplate([*STORY[:2], line, STORY[2]]) == STORY


def test_a_sentence_about_a_video_stays() -> None:
    line = "Lihat video ini, kata dia, yang beredar di media sosial sejak Senin pagi."
    assert remove_boilerplate([*STORY[:2], line, STORY[2]]) == [*STORY[:2], line, STORY[2]]


def test_a_subscription_pitch_naming_the_outlet_is_a_teaser_phrase() -> None:
    assert teaser_phrase_in("Berlangganan Tempo untuk membaca liputan investigasi dan laporan mendalam tanpa batas.")
    assert not teaser_phrase_in("Warga berlangganan air bersih dari PDAM sejak tahun lalu untuk kebutuhan sehari-hari.")


def test_a_month_without_a_day_is_never_given_todays_day() -> None:
    """dateutil fills a missing day from today: htmldate read a page's `<time datetime="2024-10">` as the 29th on the
    29th and the 30th on the 30th, so the same page gave another date on every rerun."""
    with pytest.raises(ValueError, match="no day"):
        htmldate.extractors.dateutil_parse("2024-10")
    assert htmldate.extractors.dateutil_parse("2024-10-05 10:00:00").day == 5
    page = lxml.html.fromstring(
        "<html><body><p>Some text</p><div class='last-reviewed'><p>Date Last Reviewed: "
        "<time datetime='2024-10'>October 2024</time></p></div></body></html>"
    )
    assert guess_date(page, "", None) == "2024-10-01"
