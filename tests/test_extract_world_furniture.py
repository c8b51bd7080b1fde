"""Local furniture that the probe of news pages abroad (bench/platform-pages, set "world") found left in bodies:

1. Chinese sites' source line ("来源：新华网") and editor-in-charge line ("【责任编辑:王静】").
2. The Korean wire's reporter e-mail line ("hong@yna.co.kr") and tip line ("제보는 카카오톡 okjebo") closing a story.
3. A Japanese paywall notice ("この記事は有料記事です。残り1200文字"): dropped, and the article flagged a teaser, as
   are paywall phrases in other languages ("Weiterlesen mit SPIEGEL+", "Réservé aux abonnés", ...).
4. The broadcast note closing a German public TV story ("Dieses Thema im Programm: Das Erste, tagesschau, ...").
5. The editor credit closing a Brazilian story ("Edição: Fernando Fraga").

Source lines and notices are dropped wherever they stand as a line of their own; the closing credits only at the
end of the story, where they live. Every page and line here is written for the test.
"""

from __future__ import annotations

import pytest

from newscorpus.extract.article import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.flags import teaser_phrase_in

ZH = [
    "新华社北京5月11日电 国家统计局发布数据显示，4月份全国居民消费价格指数同比上涨0.3%，涨幅比上月扩大。",
    "分析人士认为，随着一系列促消费政策持续发力，国内需求有望进一步恢复，物价将保持温和上涨态势。",
]
KO = [
    "(서울=연합뉴스) 김영훈 기자 = 정부가 내년도 최저임금 심의를 앞두고 노사 양측의 의견을 듣는 간담회를 열었다.",
    "전문가들은 업종별 차등 적용 여부가 올해 심의의 핵심 쟁점이 될 것으로 보고 있다.",
]
JA = [
    "経済産業省によると、今年の夏は平年より気温が高くなる見通しで、電力の予備率が3％を下回るおそれがあるという。",
    "政府は来月にも追加の対策をまとめる方針で、電力会社との調整を急いでいる。",
]
DE = [
    "Die Bundesregierung will den Ausbau der Stromnetze deutlich beschleunigen, kündigten Vertreter von Bund an.",
    "Umweltverbände reagierten zurückhaltend. Man werde die Gesetzentwürfe genau prüfen, sagte eine Sprecherin.",
]
PT = [
    "O Comitê de Política Monetária manteve a taxa básica de juros, informou o Banco Central nesta quarta-feira.",
    "A próxima reunião do comitê está marcada para o fim do mês que vem, segundo o calendário do banco.",
]


def _page(paragraphs: list[str], *, lang: str) -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<html lang="{lang}"><head><title>Headline</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/world">World</a></nav></header>
<main><article><h1>Headline</h1><div class="article-body">{body}</div></article></main>
<footer><p>About us</p><p>Contact</p></footer></body></html>"""


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        (["来源：新华网", *ZH, "【责任编辑:王静】"], ZH),
        ([*ZH, "来源: 人民网", "责任编辑：李明"], ZH),
        ([*KO, "hong@yna.co.kr", "제보는 카카오톡 okjebo"], KO),
        ([JA[0], "この記事は有料記事です。残り1200文字", JA[1]], JA),
        ([*DE, "Dieses Thema im Programm: Das Erste, tagesschau, 27. November 2025 um 12:00 Uhr"], DE),
        ([*PT, "Edição: Fernando Fraga"], PT),
        ([*PT, "Edição:"], PT),
    ],
)
def test_local_furniture_is_dropped(lines: list[str], kept: list[str]) -> None:
    assert remove_boilerplate(lines) == kept


@pytest.mark.parametrize(
    "lines",
    [
        # the closing credits stay where they are not at the end: a story may quote an address or a label
        [KO[0], "hong@yna.co.kr", KO[1]],
        [PT[0], "Edição: Fernando Fraga", PT[1]],
        [DE[0], "Dieses Thema im Programm: Das Erste, tagesschau, 27. November 2025", DE[1]],
        # sentences that hold the words are text
        [*ZH, "新闻来源：新华网报道称，物价将保持温和上涨态势，国内需求有望进一步恢复。"],
        [*PT, "Edição: a nova versão do programa foi lançada ontem. O governo disse que ela traz mudanças."],
        [*KO, "연락처는 hong@yna.co.kr 입니다."],
    ],
)
def test_the_same_words_in_the_story_stay(lines: list[str]) -> None:
    assert remove_boilerplate(lines) == lines


@pytest.mark.parametrize(
    "phrase",
    [
        "この記事は有料記事です。残り1200文字",
        "この記事は会員限定です",
        "订阅后阅读全文",
        "이 기사는 유료 회원 전용입니다",
        "Weiterlesen mit SPIEGEL+",
        "Réservé aux abonnés",
        "Contenido exclusivo para suscriptores",
        "Conteúdo exclusivo para assinantes",
    ],
)
def test_paywall_phrases_in_other_languages(phrase: str) -> None:
    assert teaser_phrase_in(phrase)


def test_a_japanese_paywalled_story_loses_its_notice_and_is_a_teaser() -> None:
    html = _page([JA[0], "この記事は有料記事です。残り1200文字", JA[1]], lang="ja")
    article = extract_article(html, "https://example.jp/articles/1")
    assert article.body.split("\n\n") == JA
    assert "teaser" in article.quality_flags


def test_a_japanese_story_without_the_notice_is_no_teaser() -> None:
    article = extract_article(_page(JA, lang="ja"), "https://example.jp/articles/2")
    assert "teaser" not in article.quality_flags


def test_a_korean_wire_story_loses_its_closing_lines() -> None:
    html = _page([*KO, "hong@yna.co.kr<br>제보는 카카오톡 okjebo"], lang="ko")
    article = extract_article(html, "https://example.kr/view/1")
    assert article.body.split("\n\n") == KO
