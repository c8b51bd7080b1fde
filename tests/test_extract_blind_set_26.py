"""Rules found by the twenty-sixth blind page set (bench/blind-pages-26): more time zones, photo and source labels
in Cyrillic and Greek, press offices and CMS accounts in more languages, Korean board software's titles, and a
Hatena account name.
"""

from __future__ import annotations

import pytest
from extraction_checks import authors_of, story_page
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.agencies import desk_credit
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.dates import parse_date
from newscorpus.extract.titles import choose_title


@pytest.mark.parametrize(
    ("stamp", "offset"),
    [("05 mar 2025 - 21:10 ART", "-03:00"), ("05/03/2025 14h32 BRT", "-03:00"), ("5 March 2025, 09:12 EAT", "+03:00")],
)
def test_time_zones_of_latin_america_and_africa(stamp: str, offset: str) -> None:
    found = parse_date(stamp)
    assert found is not None and found.offset == offset


def test_a_photo_credit_in_cyrillic_is_no_writer() -> None:
    byline = read_byline("Текст: Анна Белова / Фото: Игорь Лебедев", at_start=True)
    assert byline is not None and byline.authors == ["Анна Белова"] and byline.others == ["Игорь Лебедев"]
    assert authors_of("Текст: Анна Белова, фото: пресс-служба УрТУ") == ["Анна Белова"]
    assert authors_of("Джерело: Міська рада") == []  # Ukrainian "source"


@pytest.mark.parametrize("credit", ["Γραφείο Τύπου", "Пресс-служба", "Прес-служба"])
def test_press_offices_are_desks(credit: str) -> None:
    assert desk_credit(credit)


def test_a_webadmin_account_is_no_writer() -> None:
    head = "<meta name='author' content='webadmin'>"
    page = story_page("ru", "Новый корпус откроется в сентябре", "", head=head, paragraphs=STORY)
    assert extract_article(page, "https://www.urtu.example/news/korpus").authors == []


@pytest.mark.parametrize(
    ("html_title", "headings", "title"),
    [
        # Gnuboard: "subject > board name" in the <title> and the hidden <h1>
        (
            "3월 18일(월)부터 외래 진료시간 변경 안내 > 공지사항 | 한마음병원",
            ["3월 18일(월)부터 외래 진료시간 변경 안내 > 공지사항"],
            "3월 18일(월)부터 외래 진료시간 변경 안내",
        ),
        # a breadcrumb as the <h1> is no headline
        (
            "하계휴가 기간 중 출하 및 고객상담 일정 안내 > 공지사항 | 대성정밀",
            ["HOME > 고객센터 > 공지사항"],
            "하계휴가 기간 중 출하 및 고객상담 일정 안내",
        ),
    ],
)
def test_korean_board_titles(html_title: str, headings: list[str], title: str) -> None:
    chosen = choose_title(declared=[], headings=headings, html_title=html_title, site_names=[], url="https://x.co.kr/")
    assert chosen == title


def test_a_hatena_account_name_is_the_writer_as_printed() -> None:
    header = "<div class='entry-header'><span class='author vcard'><span class='fn'>id:mochi_tanaka</span></span></div>"
    page = story_page("ja", "京都の喫茶店めぐり", header, paragraphs=STORY)
    assert extract_article(page, "https://mochi-tanaka.hatenablog.com/entry/2025/03/05").authors == ["mochi_tanaka"]


@pytest.mark.parametrize(
    ("widget", "authors"),
    [
        (
            "<a href='/u/1657383120984123' data-testid='author-name'><p class='_7y5nA'>老周聊财经</p></a>",
            ["老周聊财经"],
        ),
        ("<div class='author'><span class='author-name'>北村かずお</span></div>", ["北村かずお"]),
        ("<div class='author'><span class='author-name'>윤서진</span></div>", ["윤서진"]),
        # a label or a role in the author element names nobody
        ("<div class='author'><span class='author-name'>作者</span></div>", []),
        ("<div class='author'><span class='author-name'>관리자</span></div>", []),
    ],
)
def test_a_display_name_in_han_kana_or_hangul_in_an_author_element(widget: str, authors: list[str]) -> None:
    page = story_page("zh", "春天的第一场雨", widget, paragraphs=STORY)
    assert extract_article(page, "https://baijiahao.example.com/s?id=1825").authors == authors
