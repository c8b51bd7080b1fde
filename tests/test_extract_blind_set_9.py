"""Rules found by a ninth blind page set (news sites of 25 languages and commercial article pages, written without
sight of the extractor; see bench/blind-pages-9): a story set apart by <br>s in one element (Naver, old portals),
Naver's caption and closing "이름 기자 e-mail" credit, a views counter and a report-a-typo hint, CNBC Indonesia's
"Baca:" inserts and desk sign-off, a Google News promo, "Halaman 1/1", a gallery's "1/4" counters, Chinese names
listed with spaces.
"""

from __future__ import annotations

import pytest
from extraction_checks import published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.reporter_credits import inline_credit

PARAGRAPHS = "".join(f"<p>{text}</p>" for text in STORY)

KOREAN_STORY = [
    "서울시가 내년부터 심야 자율주행버스 운행 노선을 현재 1개에서 3개로 확대한다.",
    "서울시는 5일 이런 내용을 담은 '자율주행 대중교통 확대 계획'을 발표했"
    "다. 시는 지난해 12월부터 합정역과 동대문역을 오가는 버스를 운행해 왔"
    "다.",
    "새로 추가되는 노선은 강남역∼신논현역∼사당역 구간과 여의도∼영등포역∼구로디지털단지역 구간이다.",
    "요금은 시범 운행 기간인 내년 상반기까지 무료이며, 이후 일반 심야버스 요금과 같은 수준으로 책정될 예정이다.",
    "시에 따르면 기존 합정∼동대문 노선의 누적 승객은 지난달 말 기준 2만1"
    "천여 명으로 집계됐다. 운행 기간 동안 자율주행과 관련한 사고는 한 건도"
    " 없었다.",
    '윤종호 서울시 도시교통실장은 "심야 시간대 시민들의 이동 편의를 높이고 '
    '운수 종사자 부족 문제에도 대응할 수 있을 것"이라며 "안전성을 최우선으'
    '로 두고 노선을 늘려가겠다"고 말했다.',
    "시는 내년 하반기에는 심야 자율주행택시 시범 운행도 시작할 계획이다. 택"
    "시는 강남 일대에서 먼저 운행되며, 승객은 전용 앱으로 호출할 수 있다.",
]


OTHER_STORIES = "".join(
    f"<li><a href='/article/{n}'>{headline}</a></li>"
    for n, headline in enumerate(
        ["수능 D-9…수험생 건강관리 이렇게", "서울 지하철 요금 150원 인상 확정", "내일 아침 영하권 추위…중부 곳곳 서리"]
    )
)


def _page(head: str, body: str, lang: str = "en") -> str:
    return f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_a_story_set_apart_by_line_breaks_is_read_without_the_page_around_it() -> None:
    """Naver News: the story is the text of one <article>, paragraphs set apart by <br>s, its photo's caption in
    <em class="img_desc">, the reporter's credit with her address as its last line; the page around it (byline box,
    copyright, section note, reactions, the reporter's other stories, comments) is in sibling <div>s under the same
    parent."""
    story = "".join(f"<br>{text}<br>" for text in KOREAN_STORY)
    body = (
        "<div id='ct'><div class='media_end_head'><h2 id='title_area'><span>서울시, 심야 자율주행버스 확대</span></h2>"
        "<em class='media_end_head_journalist_name'>김민수 기자</em></div>"
        "<div id='contents' class='newsct_body'><div id='newsct_article' class='newsct_article _article_body'>"
        "<article id='dic_area' class='go_trans _article_content'><span class='end_photo_org'><img src='/1.jpg'>"
        "<em class='img_desc'>서울 심야 자율주행버스 [서울시 제공. 재판매 및 DB 금지]</em></span><br>"
        f"{story}<br>김민수 기자 minsu@hanuldaily.example</article></div>"
        "<div class='byline'><p><span class='byline_s'>김민수 기자(minsu@hanuldaily.example)</span></p></div>"
        "<div class='copyright'><p>Copyright ⓒ 한울일보. All rights reserved. 무단 전재 및 재배포 금지.</p></div>"
        "<div class='media_end_linked'><p>기사 섹션 분류 안내</p><p>기사의 섹션 정보는 해당 언론사의 분류를 따르고 "
        "있습니다. 언론사는 개별 기사를 2개 이상 섹션으로 중복 분류할 수 있습니다.</p></div>"
        "<div class='_reactionModule'><ul><li>좋아요</li><li>훈훈해요</li><li>슬퍼요</li></ul></div>"
        "<div class='media_end_journalist_card'><div>김민수 기자</div><p>구독자 1,284 응원수 342</p><ul>"
        f"{OTHER_STORIES}</ul></div></div></div>"
    )
    article = extract_article(_page("<title>심야 자율주행버스</title>", body, "ko"), "https://n.news.example/article/1")
    assert article.body.split("\n\n") == KOREAN_STORY
    assert article.authors == ["김민수"]


@pytest.mark.parametrize("line", ["김민수 기자 minsu@hanuldaily.example", "김민수 기자(minsu@hanuldaily.example)"])
def test_a_korean_reporters_closing_credit_with_her_address(line: str) -> None:
    byline = read_byline(line, at_start=False)
    assert byline is not None and byline.authors == ["김민수"]


def test_a_closing_sentence_with_an_address_is_no_credit() -> None:
    assert read_byline("Readers can write to the council at council@city.example", at_start=False) is None


def test_a_views_counter_and_a_report_a_typo_hint_are_no_text() -> None:
    body = (
        "<article><h1>У Львові відкрили новий центр реабілітації</h1><div class='views'>2 745 переглядів</div>"
        f"{PARAGRAPHS}<div class='mistake'>Помітили помилку? Виділіть текст та натисніть Ctrl+Enter</div></article>"
    )
    article = extract_article(_page("<title>Центр</title>", body, "uk"), "https://visnyk.example/suspilstvo/1.html")
    assert article.body.split("\n\n") == STORY


def test_cnbc_indonesias_inserts_promo_pager_and_desk_sign_off() -> None:
    first, second, third = STORY
    body = (
        f"<article><h1>Rupiah dibuka melemah</h1><div class='detail_text'><p>{first}</p>"
        "<p>Baca: IHSG Diprediksi Bergerak Mixed, Cermati Saham-Saham Ini</p>"
        f"<p>{second}</p><p>{third}</p><p><strong>EKONOMIRAYA INDONESIA RESEARCH</strong></p>"
        "<p>Baca berita EkonomiRaya lainnya di Google News</p><div class='paging'>Halaman 1/1</div></div></article>"
    )
    article = extract_article(_page("<title>Rupiah</title>", body, "id"), "https://www.ekonomiraya.example/market/1")
    assert article.body.split("\n\n") == STORY


def test_a_galleys_counters_are_no_text() -> None:
    slides = "".join(
        f"<div class='slide'><img src='/{n}.jpg'><span class='count'>{n}/4</span></div>" for n in range(1, 5)
    )
    body = f"<article><h1>น้ำท่วมกรุงเทพ</h1>{PARAGRAPHS}<div class='gallery'>{slides}</div></article>"
    article = extract_article(_page("<title>น้ำท่วมกรุงเทพ</title>", body, "th"), "https://www.siamdaily.example/news/1")
    assert article.body.split("\n\n") == STORY


def test_a_lone_fraction_stays() -> None:
    """One "3/4" alone is no gallery counter (a score, a share)."""
    body = f"<article><h1>Scores</h1>{PARAGRAPHS}<p>3/4</p></article>"
    article = extract_article(_page("<title>Scores</title>", body), "https://www.daily.example/sport/1")
    assert article.body.split("\n\n")[-1] == "3/4"


def test_chinese_reporters_listed_with_spaces() -> None:
    byline = inline_credit(
        "华夏新闻网杭州3月5日电（记者 李明 张华）杭州市人力资源和社会保障局4日发布新一轮人才引进政策。"
    )
    assert byline is not None and byline.authors == ["李明", "张华"]


def _lasso_box(name: str, price: str) -> str:
    return (
        "<div class='lasso-container'><div class='lasso-display lasso-cactus'><div class='lasso-box-1'>"
        f"<div class='lasso-badge'>Our Pick</div><a class='lasso-title' href='/go/{name}/'>{name}</a>"
        f"<div class='lasso-price'><div class='lasso-price-value'>{price}</div></div><div class='lasso-stars'>4.8</div>"
        "</div><div class='lasso-box-2'><div class='lasso-description'>Try it free for 14 days. No credit card "
        "required.</div></div><div class='lasso-box-3'><a class='lasso-button-1' href='/go/x/'>Visit Site</a></div>"
        "<div class='lasso-box-5'><div class='lasso-date'>07/15/2025 04:12 pm GMT</div></div></div></div>"
    )


def test_an_affiliate_plugins_product_box_is_no_text() -> None:
    """Lasso's box: badge, price, stars, the shop's blurb, the button and the price stamp."""
    first, second, third = STORY
    body = (
        f"<article><h1>The best online course platforms</h1><div class='entry-content'><p>{first}</p>"
        f"<h2>1. Kajabi</h2>{_lasso_box('Kajabi', 'From $49/mo')}<p>{second}</p>"
        f"<h2>2. Podia</h2>{_lasso_box('Podia', 'From $33/mo')}<p>{third}</p></div></article>"
    )
    article = extract_article(
        _page("<title>The best online course platforms</title>", body), "https://edtech.example/best/"
    )
    assert article.body.split("\n\n") == [first, "1. Kajabi", second, "2. Podia", third]


def test_the_editors_own_paragraphs_in_a_product_box_stay() -> None:
    body = (
        "<article><h1>The best espresso machines</h1><div class='entry-content'><p>We tested twelve machines.</p>"
        "<div class='lasso-container'><div class='lasso-display'><h2>Best overall: Castello Mini Pro</h2>"
        f"<div class='lasso-badge'>Our pick</div><p>{STORY[0]}</p><p>{STORY[1]}</p>"
        "<div class='lasso-buttons'><a class='lasso-button-1' href='#'>Check price on Amazon</a></div>"
        f"</div></div><p>{STORY[2]}</p></div></article>"
    )
    article = extract_article(_page("<title>The best espresso machines</title>", body), "https://coffee.example/best/")
    assert article.body.split("\n\n")[-4:] == ["Best overall: Castello Mini Pro", *STORY]


def test_aawps_product_box_keeps_only_its_title() -> None:
    box = (
        "<div class='aawp'><div class='aawp-product aawp-product--horizontal'><div class='aawp-product__thumb'>"
        "<img src='/w.jpg'></div><div class='aawp-product__content'><a class='aawp-product__title' href='#'>"
        "Garmin Forerunner 265</a><div class='aawp-product__description'><ul><li>Dual-frequency GPS and built-in "
        "sensors</li><li>Up to 13 days of battery life</li></ul></div></div><div class='aawp-product__footer'>"
        "<div class='aawp-product__pricing'><span class='aawp-product__price'>$449.99</span></div>"
        "<a class='aawp-button aawp-button--buy' href='#'>Buy on Amazon</a></div></div></div>"
    )
    body = f"<article><h1>Best GPS watches</h1><div class='entry-content'>{PARAGRAPHS}{box}</div></article>"
    article = extract_article(_page("<title>Best GPS watches</title>", body), "https://run.example/best-gps/")
    assert "Dual-frequency" not in article.body and "$449.99" not in article.body
    assert article.body.split("\n\n")[:3] == STORY


@pytest.mark.parametrize(
    "line",
    [
        "1. Best overall: Levoit Core 400S Check price",
        "Best for milky coffees: Sage Bambino Check Price »",
        "Garmin Forerunner 55 View on Amazon",
    ],
)
def test_a_product_pick_with_its_shop_button_is_no_text(line: str) -> None:
    assert remove_boilerplate([*STORY, line]) == STORY


def test_a_sentence_about_prices_stays() -> None:
    line = "Prices rose again this month, so it pays to check the price before you buy"
    assert remove_boilerplate([*STORY, line]) == [*STORY, line]


def test_a_compensation_disclosure_is_no_text() -> None:
    line = "We may receive compensation when you click on links to products we review. How we make money"
    assert remove_boilerplate([line, *STORY]) == STORY


def test_a_readers_comment_time_does_not_date_the_story() -> None:
    """No declared date; the header prints "Last updated: 12/03/2025" (day first, an Australian site); a reader's
    comment below carries <time datetime="14/03/2025 at 8:12 pm">."""
    body = (
        "<article><header><h1>Best hiking backpacks</h1><ul class='entry-meta'><li>Josh Nguyen</li>"
        f"<li class='meta-updated-date'>Last updated: 12/03/2025</li></ul></header>{PARAGRAPHS}</article>"
        "<div class='ct-comments' id='comments'><ol class='ct-comment-list'><li><article class='ct-comment-inner'>"
        "<b>Sam</b> <time datetime='14/03/2025 at 8:12 pm'>14/03/2025 at 8:12 pm</time><p>Great list, thanks!</p>"
        "</article></li></ol></div>"
    )
    article = extract_article(
        _page("<title>Best hiking backpacks</title>", body, "en-AU"), "https://trail.example.au/b/"
    )
    assert published_day(article) == "2025-03-12"
