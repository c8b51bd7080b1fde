"""Body text of news pages written in other scripts and languages, as a probe of hand-written pages in 17 languages
(bench/platform-pages, set "world") found it going wrong:

1. Chinese, Japanese and Thai put no spaces between words. Counted by spaces, a whole story was a handful of words:
   the main-content pick was rejected as a stub (the body fell to trafilatura), every such article was "short", its
   word_count a tenth of the truth, and the boilerplate rules that spare long lines took paragraphs for short ones.
   words.py counts those scripts by their characters; text with spaces is counted exactly as before.
2. Furniture in other languages: "read also" labels over links ("اقرأ أيضا", "Czytaj też", "関連記事", ...), CNN
   Indonesia's "Baca berita lengkap dan ikuti", ANSA's "RIPRODUZIONE RISERVATA", and the editors' initials closing
   an Indonesian story ("(rdp/imk)", "sur/AR-3").

Every page and line here is written for the test.
"""

from __future__ import annotations

import re

import pytest

from newscorpus.extract.article import extract_article
from newscorpus.extract.body import extract_body
from newscorpus.extract.boilerplate import is_related_label, remove_boilerplate
from newscorpus.extract.document import parse_html
from newscorpus.extract.flags import count_words

ZH = [
    "市交通委员会周二宣布，地铁东延线将于明年春季开工建设，预计三年内建成通车，沿线将新设八座车站。",
    "委员会负责人在新闻发布会上表示，施工期间部分主干道将临时封闭，市民出行请提前规划路线并留意公告。",
    "沿线商户普遍欢迎新线路，但也担心施工影响客流，希望政府在租金和停车方面给予一定的补贴和支持。",
    "委员会承诺设立专项基金帮助受影响的商户，并将在年底前公布道路封闭的具体时间表，方便商户提前做好安排。",
]
JA = [
    "市の交通局は火曜日、路面電車の路線を東部地区まで延長する計画を正式に発表した。着工は来年の春を予定している。",
    "工事の期間中は中心部に入る主要な道路の一部が数か月にわたって通行止めになるため、市は迂回路を案内する方針だ。",
    "沿線の商店主からは新しい路線を歓迎する声が上がる一方で、工事中の客足の減少を心配する意見も出ている。",
]
EN_STORY = [
    "The city council voted on Tuesday to expand the tram line to the eastern districts, ending a debate that had "
    "gone on for almost ten years and divided the governing coalition.",
    "Construction is due to start next spring and will close two of the main roads into the centre for several "
    "months, the transport department said in a statement after the vote.",
]
ID_STORY = [
    "Pemerintah provinsi memberlakukan uji emisi wajib bagi seluruh kendaraan bermotor mulai bulan depan, kata "
    "kepala dinas lingkungan hidup dalam konferensi pers di balai kota pada Senin pagi.",
    "Kendaraan yang tidak lulus uji emisi akan dikenai tarif parkir tertinggi di seluruh lokasi parkir milik "
    "pemerintah daerah, termasuk gedung parkir dan parkir di tepi jalan utama.",
]


def _page(paragraphs: list[str], *, lang: str, extra: str = "") -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<html lang="{lang}"><head><title>Headline</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/world">World</a></nav></header>
<main><article><h1>Headline</h1><div class="article-body">{body}{extra}</div></article></main>
<footer><p>About us</p><p>Contact</p></footer></body></html>"""


# --- 1. one word count for every script ------------------------------------------------------------------------------

LATIN_AND_SPACED = [
    "The council voted on Tuesday — after ten years' debate — to expand the tram line.",
    "Pemerintah provinsi memberlakukan uji emisi wajib, kata kepala dinas (Senin, 3/5/2024).",
    "Die Bahn stellte den Verkehr auf zwei Regionalstrecken ein, weil Gleise unterspült wurden.",
    "Правительство объявило о новых мерах поддержки экономики.",
    "وقال المتحدث باسم الوزارة إن المستشفيات تعمل بأقل من نصف طاقتها",
    "정부는 3일 여름철 전력 수급 대책을 발표했다. 김영훈 기자",  # Korean puts spaces between its words
    "Chính phủ công bố các biện pháp mới nhằm bảo đảm nguồn cung điện.",
    "",
]


@pytest.mark.parametrize("text", LATIN_AND_SPACED)
def test_text_with_spaces_is_counted_as_before(text: str) -> None:
    from newscorpus.extract.words import count_tokens

    assert count_tokens(text) == len(text.split())
    assert count_words(text) == len(re.findall(r"\w+", text))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("国家统计局发布数据", 5),  # 9 Han characters, 2 a word, rounded up
        ("関連記事", 2),
        ("政府は3日、新たな対策を発表した。", 8),  # "政府は" 3 + "日" 1 + "新たな対策を発表した" 10 -> 7, and "3"
        ("ประเทศไทยมีฝนตกหนัก", 5),  # 19 Thai code points, 4 a word
        ("NHK 2024年5月3日", 6),  # "NHK", "2024", "5", "3", and 年月日 as 2
        ("「計画停電を避ける」と述べた。", 6),  # the brackets and the stop are no words
    ],
)
def test_text_without_spaces_is_counted_by_its_characters(text: str, words: int) -> None:
    from newscorpus.extract.words import count_tokens

    assert count_tokens(text) == words
    assert count_words(text) == words


def test_hindi_vowel_signs_stay_inside_their_word() -> None:
    # \w does not match the combining vowel signs and viramas: "हिन्दी" was three words
    assert count_words("हिन्दी में समाचार पढ़ें") == 4


@pytest.mark.parametrize(("paragraphs", "lang"), [(ZH, "zh"), (JA, "ja")])
def test_chinese_and_japanese_bodies_are_kept_from_the_main_content_pick(paragraphs: list[str], lang: str) -> None:
    body = extract_body(parse_html(_page(paragraphs, lang=lang)), "https://example.com/a/1", None)
    assert body.method == "main_content"  # not a stub of "3 words" handed to trafilatura
    assert body.lines == paragraphs


def test_a_chinese_article_is_not_short_and_counts_its_words() -> None:
    article = extract_article(_page(ZH, lang="zh"), "https://example.com/a/1")
    characters = sum(len(re.findall(r"[\u4e00-\u9fff]", p)) for p in ZH)
    assert article.word_count == pytest.approx(characters / 2, abs=3)
    assert "short" not in article.quality_flags


def test_a_chinese_brief_is_still_short() -> None:
    brief = ["市交通委员会周二宣布，地铁东延线将于明年春季开工建设。"]
    article = extract_article(_page(brief, lang="zh"), "https://example.com/a/2")
    assert "short" in article.quality_flags


def test_a_japanese_caption_printed_twice_is_dropped_like_an_english_one() -> None:
    caption = "東京電力の火力発電所で稼働率を引き上げる作業にあたる職員たち"
    assert remove_boilerplate([JA[0], caption, caption, JA[1]]) == [JA[0], caption, JA[1]]


# --- 2. furniture in other languages ---------------------------------------------------------------------------------

READ_ALSO = [
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "إقرأ أيضا:",
    "Czytaj też",
    "Czytaj także:",
    "Ayrıca okuyun",
    "İlgili haberler",
    "関連記事",
    "関連ニュース",
    "相关新闻",
    "相关阅读：",
    "延伸閱讀",
    "관련기사",
    "อ่านเพิ่มเติม",
    "Xem thêm",
    "Tin liên quan",
    "यह भी पढ़ें",
    "ये भी पढ़ें:",
]


@pytest.mark.parametrize("label", READ_ALSO)
def test_read_also_labels_in_other_languages(label: str) -> None:
    assert is_related_label(label)


@pytest.mark.parametrize(
    "line",
    ["Czytaj też, co powiedział minister o podatkach.", "相关新闻发布会将于周五举行", "Xem thêm thông tin về dự án."],
)
def test_the_same_words_opening_a_sentence_are_not_a_label(line: str) -> None:
    assert not is_related_label(line)
    assert remove_boilerplate([ID_STORY[0], line]) == [ID_STORY[0], line]


def test_an_arabic_read_also_box_goes_with_its_links() -> None:
    story = [
        "أعلنت وزارة الصحة، الجمعة، ارتفاع عدد الضحايا جراء القصف المستمر، وسط تحذيرات أممية من تدهور الأوضاع.",
        "وقال المتحدث باسم الوزارة إن المستشفيات تعمل بأقل من نصف طاقتها بسبب نقص الوقود والأدوية.",
        "من جهتها، دعت الأمم المتحدة إلى فتح المعابر بشكل عاجل للسماح بدخول المساعدات الغذائية والطبية.",
        "وفي السياق ذاته، تتواصل الجهود الدبلوماسية في القاهرة والدوحة للتوصل إلى اتفاق لوقف إطلاق النار.",
    ]
    link = '<li><a href="/a">مفاوضات القاهرة تدخل مرحلة حاسمة</a></li>'
    box = f'<div class="more-on"><h2>اقرأ أيضا</h2><ul>{link}</ul></div>'
    html = _page(story[:2], lang="ar", extra=box + "".join(f"<p>{p}</p>" for p in story[2:]))
    article = extract_article(html, "https://example.net/news/2024/5/3/a")
    assert article.body.split("\n\n") == story


@pytest.mark.parametrize(
    "line",
    [
        "Baca berita lengkap dan ikuti",
        "Baca artikel selengkapnya di sini",
        "RIPRODUZIONE RISERVATA © Copyright ANSA",
        "Riproduzione riservata",
    ],
)
def test_pointers_and_notices_in_other_languages_are_furniture(line: str) -> None:
    assert remove_boilerplate([*ID_STORY, line, ID_STORY[0] + " Lagi."]) == [*ID_STORY, ID_STORY[0] + " Lagi."]


@pytest.mark.parametrize("code", ["(rdp/imk)", "(fby/sfr)", "sur/AR-3", "(zap/ega/dnu)"])
def test_editor_initials_closing_a_story_are_dropped(code: str) -> None:
    assert remove_boilerplate([*ID_STORY, code]) == ID_STORY


def test_editor_initials_at_the_end_of_the_last_paragraph_are_cut_off() -> None:
    assert remove_boilerplate([ID_STORY[0], ID_STORY[1] + " (rdp/imk)"]) == ID_STORY


@pytest.mark.parametrize(
    "lines",
    [
        [*EN_STORY, "(AP/AFP)"],  # an agency credit, upper case: for the agency reader
        [EN_STORY[0], "Members may vote in person and/or by post (and/or)"],
        [EN_STORY[0], "The tenants must pay the rent. (and/or)"],
        [ID_STORY[0], "(rdp/imk)", ID_STORY[1]],  # not the last line
        [ID_STORY[0], "Kecepatan kereta dibatasi 40 (km/jam)"],
    ],
)
def test_what_only_looks_like_editor_initials_stays(lines: list[str]) -> None:
    assert remove_boilerplate(lines) == lines


def test_a_detik_like_page_loses_its_initials_and_keeps_its_text() -> None:
    article = extract_article(
        _page(ID_STORY, lang="id", extra="<p><strong>(rdp/imk)</strong></p>"), "https://news.example.id/d-1/a"
    )
    assert article.body.split("\n\n") == ID_STORY
