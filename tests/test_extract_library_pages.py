"""Rules found by running the extractor over the real news pages another extraction library tests itself with
(newspaper4k's fixtures: Nikkei, Última Hora, CNN, LSM, Prachatai, CNN Arabic), written here as small pages of our
own: a basic-format ISO timestamp, a writer's line or a home link inside the <h1>, four writers with initials, a
"today, 17:40" stamp, a Latvian credit with its role in brackets, a wire service in brackets, a Thai related-stories
label, a report-a-typo box and a byte-order mark left on a line of its own.
"""

from __future__ import annotations

import datetime as dt

import pytest
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.dates import find_relative_date, is_stamp_only, parse_date

PARAGRAPHS = "".join(f"<p>{text}</p>" for text in STORY)


def _page(head: str, body: str, lang: str = "en") -> str:
    return f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("value", "utc", "offset"),
    [
        ("20180619T055000+0900", dt.datetime(2018, 6, 18, 20, 50, tzinfo=dt.UTC), "+09:00"),
        ("20180619T0550Z", dt.datetime(2018, 6, 19, 5, 50, tzinfo=dt.UTC), "+00:00"),
    ],
)
def test_a_basic_format_iso_timestamp_is_read(value: str, utc: dt.datetime, offset: str) -> None:
    found = parse_date(value)
    assert found is not None and found.utc == utc and found.offset == offset and found.has_time


def test_eight_digits_alone_are_no_date() -> None:
    assert parse_date("20180619") is None  # as likely an article id


def test_a_declared_basic_format_timestamp_dates_the_story() -> None:
    """Nikkei declares "20180619T055000+0900" and lists related stories of the day before with their times."""
    head = (
        "<title>Trade talks resume</title><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "Trade talks resume", "datePublished": "20180619T055000+0900"}</script>'
    )
    body = (
        f"<article><h1>Trade talks resume</h1>{PARAGRAPHS}</article>"
        "<aside><h4><a href='/a/1'>Earlier talks stall</a> <span>(2018/6/18 14:10)</span></h4></aside>"
    )
    article = extract_article(_page(head, body), "https://www.nikkei.example/article/DGX123/")
    assert article.to_dict(json_safe=True)["published_at"] == "2018-06-19T05:50:00+09:00"


def test_a_writers_line_inside_the_headline_is_not_the_headline() -> None:
    """<h1><span>Headline</span><br><span>Senior writer Name</span></h1>; og:title and <title> give the headline
    (with their own additions) and not the writer."""
    head = (
        "<title>Harbor commission delays vote (photo: Reuters) : The Daily</title>"
        "<meta property='og:title' content='Harbor commission delays vote (photo: Reuters)'>"
    )
    body = (
        "<article><h1><span>Harbor commission delays vote</span><span></span><br>"
        f"<span>Senior writer Kenji Nakazawa</span></h1>{PARAGRAPHS}</article>"
    )
    article = extract_article(_page(head, body), "https://www.daily.example/article/123/")
    assert article.title == "Harbor commission delays vote"


def test_a_headline_on_two_lines_that_the_title_prints_whole_stays_whole() -> None:
    head = "<title>Weekend Coding: build a radio | The Daily</title>"
    body = f"<article><h1>Weekend Coding:<br>build a radio</h1>{PARAGRAPHS}</article>"
    article = extract_article(_page(head, body), "https://www.daily.example/article/124/")
    assert article.title == "Weekend Coding: build a radio"


def test_the_sites_home_link_inside_the_headline_is_cut() -> None:
    """Última Hora prints "<h1><span>Headline</span><a href='/mallorca.html'>Ultima Hora Mallorca</a></h1>" and a
    <title> of "Headline » Local » Noticias » Ultima Hora Mallorca"."""
    head = "<title>Anticorrupción decidirá en Madrid si recurre » Local » Noticias » Ultima Hora Mallorca</title>"
    body = (
        "<h1><span class='define'>Anticorrupción decidirá en Madrid si recurre</span>"
        f"<a href='/mallorca.html'>Ultima Hora Mallorca</a></h1><div class='story'>{PARAGRAPHS}</div>"
    )
    article = extract_article(_page(head, body, "es"), "https://ultimahora.es/mallorca/noticia/local/x.html")
    assert article.title == "Anticorrupción decidirá en Madrid si recurre"


def test_a_headline_that_goes_on_past_the_declared_title_keeps_its_words() -> None:
    """og:title cut short; the <h1> goes on with ", Northbridge study finds", which starts with the site's name but
    is not what the <title> ends with."""
    head = (
        "<title>Soil microbes help wheat shrug off drought, Northbridge study finds | Northbridge University News"
        "</title><meta property='og:title' content='Soil microbes help wheat shrug off drought'>"
        "<meta property='og:site_name' content='Northbridge University News'>"
    )
    body = (
        f"<h1>Soil microbes help wheat shrug off drought, Northbridge study finds</h1><article>{PARAGRAPHS}</article>"
    )
    article = extract_article(_page(head, body), "https://news.northbridge.edu/2024/02/soil-microbes/")
    assert article.title == "Soil microbes help wheat shrug off drought, Northbridge study finds"


def test_four_writers_with_initials_and_their_network() -> None:
    byline = read_byline("By Dana A. Ford, James S.A. Corey, Chien-Ming Wang, and Tom Watkins, CNN", at_start=True)
    assert byline is not None
    assert byline.authors == ["Dana A. Ford", "James S.A. Corey", "Chien-Ming Wang", "Tom Watkins"]


def test_a_sentence_that_opens_with_by_is_still_no_byline() -> None:
    assert (
        read_byline("By the time the ferry reached the island the storm had passed and the crowd went", at_start=True)
        is None
    )


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("By Jane Doe (AP)", ["Jane Doe"], ["AP"]),
        ("By Jane Doe and Tom Smith (Reuters)", ["Jane Doe", "Tom Smith"], ["Reuters"]),
        ("By Jane Doe (Jakarta)", ["Jane Doe"], []),
        ("Autori: Anna Ūdre (LTV Ziņu dienesta ārzemju ziņu redaktore)", ["Anna Ūdre"], []),
        ("Author: Anna Udre (LTV news foreign desk editor)", ["Anna Udre"], []),
        ("Autorius: Jonas Petraitis", ["Jonas Petraitis"], []),
        ("(Antara)", [], ["Antara"]),
    ],
)
def test_bracketed_wire_services_places_and_roles(line: str, authors: list[str], agencies: list[str]) -> None:
    byline = read_byline(line, at_start=True)
    assert byline is not None and byline.authors == authors and byline.agencies == agencies


@pytest.mark.parametrize("line", ["Šodien, 17:40", "Today at 9:30", "Hari ini, 14:05 WIB", "Heute um 10.30 Uhr"])
def test_today_with_a_time_is_a_stamp_of_the_crawl_day(line: str) -> None:
    assert is_stamp_only(line)
    found = find_relative_date(line, crawl_date=dt.date(2021, 1, 3))
    assert found is not None and found.utc.date() == dt.date(2021, 1, 3)


@pytest.mark.parametrize("line", ["Today", "Today, the mayor said the ferry would run"])
def test_today_without_a_time_is_a_word(line: str) -> None:
    assert not is_stamp_only(line)
    assert find_relative_date(line, crawl_date=dt.date(2021, 1, 3)) is None


def test_a_latvian_story_without_its_stamp_credit_and_typo_box() -> None:
    body = (
        "<article><h1>Norvēģijā pēc zemes nogruvuma pieci bojāgājušie</h1><div class='date'>Šodien, 17:40</div>"
        "<div class='authors'><strong>Autori:</strong> Anna Ūdre (LTV Ziņu dienesta ārzemju ziņu redaktore)</div>"
        f"{PARAGRAPHS}<div class='typo'><strong>Kļūda rakstā?</strong><p>Iezīmējiet tekstu un spiediet "
        "<span>Ctrl+Enter</span>, lai nosūtītu labojamo teksta fragmentu redaktoram!</p></div></article>"
    )
    article = extract_article(_page("<title>Nogruvums</title>", body, "lv"), "https://www.lsm.example/raksts/1/")
    assert article.authors == ["Anna Ūdre"]
    assert article.body.split("\n\n") == STORY


def test_a_thai_related_stories_label_goes_with_its_links() -> None:
    body = (
        f"<article><h1>ข่าวการประท้วง</h1>{PARAGRAPHS}<h3>เรื่องที่เกี่ยวข้อง</h3>"
        "<ul><li><a href='/journal/2'>นักศึกษาชุมนุมหน้ามหาวิทยาลัย</a></li>"
        "<li><a href='/journal/3'>ศาลนัดฟังคำพิพากษาคดีชุมนุม</a></li></ul></article>"
    )
    article = extract_article(_page("<title>ข่าว</title>", body, "th"), "https://prachatai.example/journal/1")
    assert article.body.split("\n\n") == STORY


def test_a_byte_order_mark_alone_is_no_paragraph() -> None:
    body = f"<article><h1>Harbor commission delays vote</h1>{PARAGRAPHS}\ufeff<div class='line'> </div></article>"
    article = extract_article(_page("<title>Harbor</title>", body), "https://www.daily.example/article/125/")
    assert article.body.split("\n\n") == STORY


def test_xinhuas_closing_editor_credit_and_error_button() -> None:
    """Xinhua ends its stories with "【纠错】 【责任编辑:张樵苏 】" in one row: an editor, and no text."""
    story = "".join(f"<p>{text}</p>" for text in CHINESE_STORY)
    body = (
        f"<h1>短缺药品保供稳价</h1><div id='detail'>{story}<div id='articleEdit'><span><a class='advise' "
        "href='javascript:void(0);'>【纠错】</a></span><span class='editor'>【责任编辑:张樵苏\n】</span></div></div>"
    )
    article = extract_article(_page("<title>短缺药品保供稳价</title>", body, "zh"), "https://www.news.example/c_1.htm")
    assert article.editors == ["张樵苏"]
    assert article.body.split("\n\n") == CHINESE_STORY


CHINESE_STORY = [
    "新华社北京11月17日电 记者17日从国家卫生健康委获悉，近阶段，相关部门持续依托短缺药品供应保障工作会商联动机制，"
    "深入优化短缺药品实时监测。",
    "据了解，短缺药品信息监测共享正在多维度推进，国家卫生健康委依托全国公立医疗卫生机构短缺药品信息直报系统开展监测预警与分析。",
    "同时，多环节发挥短缺药品清单抓手作用，国家医保局密切监测国家短缺药品清单和临床必需易短缺药品重点监测清单药品价格和配送情况。",
]


def test_a_gallerys_pager_is_no_text() -> None:
    """CNN's 2013 gallery: "<<", "<", a <div> per page number, ">", ">>", each a clickable <div>, not a link."""
    pager = "".join(f"<div class='nav' onclick='go({n})'><span>{n}</span></div>" for n in range(1, 9))
    body = (
        "<article><h1>Harbor commission delays vote</h1><div class='gallery'><p>Crowds wait along the route.</p>"
        "<div class='jump'><span>&lt;&lt;</span></div><div class='prev'><span>&lt;</span></div>"
        f"<div class='pages'>{pager}</div><div class='next'><span>&gt;</span></div>"
        f"<div class='jump'><span>&gt;&gt;</span></div></div>{PARAGRAPHS}</article>"
    )
    article = extract_article(_page("<title>Harbor</title>", body), "https://www.daily.example/article/126/")
    lines = article.body.split("\n\n")
    assert lines[-3:] == STORY and not any(line.isdigit() or line in ("<", "<<", ">", ">>") for line in lines)


def test_a_box_scores_quarter_numbers_stay() -> None:
    header = "".join(f"<th>{n}</th>" for n in (1, 2, 3, 4))
    row = "".join(f"<td>{n}</td>" for n in (14, 16, 16, 9))
    body = (
        f"<article><h1>Oakridge rallies past Lakeside</h1>{PARAGRAPHS}<table><tr><th>Team</th>{header}"
        f"<th>Final</th></tr><tr><td>Lakeside</td>{row}<td>55</td></tr></table></article>"
    )
    article = extract_article(_page("<title>Oakridge</title>", body), "https://www.daily.example/sports/127/")
    assert "1" in article.body.replace("\n", " ").split() and "Lakeside" in article.body
