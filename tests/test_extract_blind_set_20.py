"""Rules found by the twentieth blind page set (bench/blind-pages-20): the world's printed dates and their labels,
credit labels and "by" words of more languages, advertisement labels and copyright lines of more scripts, and a dek
over a bare name, a photo credit and the date stamp.
"""

from __future__ import annotations

import pytest
from extraction_checks import authors_of, published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.bylines import read_byline
from newscorpus.extract.dates import is_stamp_only, parse_date


@pytest.mark.parametrize(
    ("stamp", "moment"),
    [
        ("2024 m. rugsėjo 17 d. 09:45", "2024-09-17T09:45"),  # Lithuanian: the year first, the month's genitive
        ("2024. február 12. 09:15", "2024-02-12T09:15"),  # Hungarian: the year first
        ("08. новембар 2023. 16:40", "2023-11-08T16:40"),  # Serbian: a full stop after the year, then the time
        ("17. svibnja 2024.", "2024-05-17"),  # Croatian
        ("5. apríla 2024", "2024-04-05"),  # Slovak
        ("5 декември 2023", "2023-12-05"),  # Bulgarian
        ("2024年（令和6年）1月10日 0:30", "2024-01-10T00:30"),  # the Japanese era year in brackets after the year
    ],
)
def test_printed_dates_of_more_languages(stamp: str, moment: str) -> None:
    found = parse_date(stamp)
    assert found is not None
    assert found.utc.strftime("%Y-%m-%dT%H:%M" if found.has_time else "%Y-%m-%d") == moment


@pytest.mark.parametrize(
    "line",
    [
        "1.3.2024 klo 1.15 Päivitetty 1.3.2024 klo 8.40",  # Finnish "updated"
        "Thứ ba, 5/3/2024, 14:30 (GMT+7)",  # a Vietnamese weekday
        "입력 2024.07.12 01:10 수정 2024.07.12 09:02",  # Korean "input" and "revised"
        "Τρίτη, 14 Μαΐου 2024 - 18:20",  # a Greek weekday
        "środa, 6 marca 2024",
    ],
)
def test_stamps_with_labels_and_weekdays_of_more_languages(line: str) -> None:
    assert is_stamp_only(line)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("de Andreea Munteanu și Radu Ionescu", ["Andreea Munteanu", "Radu Ionescu"]),  # Romanian "by" and "and"
        ("2 mai 202412 aprilie 2024 de Andreea Munteanu", ["Andreea Munteanu"]),  # a hidden updated <time> glued
        ("Аутор: Милош Јовановић", ["Милош Јовановић"]),  # Serbian
        ("Autorė: Rūta Petrauskaitė", ["Rūta Petrauskaitė"]),  # Lithuanian, a woman
        ("كتب أحمد سمير", ["أحمد سمير"]),  # Egyptian "wrote"
        ("文／林怡君　攝影／陳冠宇", ["林怡君"]),  # Chinese label and name joined by a slash; the photographer is none
        ("글 박서연 · 사진 이도윤", ["박서연"]),  # Korean "text" and "photo"
    ],
)
def test_credit_labels_and_by_words_of_more_languages(line: str, authors: list[str]) -> None:
    assert authors_of(line) == authors


@pytest.mark.parametrize("line", ["de la mañana a la noche", "De Madrid a Paris en tren", "글을 쓰는 방법"])
def test_a_lower_case_de_or_a_korean_word_opening_a_sentence_is_no_byline(line: str) -> None:
    byline = read_byline(line, at_start=True)
    assert byline is None or not byline.authors


@pytest.mark.parametrize(
    "label",
    [
        "広告",
        "廣告",
        "广告",
        "광고",
        "Quảng cáo",
        "تبلیغات",
        "פרסומת",
        "إعلان",
        "저작권자 © 수도권일보 무단전재 및 재배포 금지",
    ],
)
def test_advertisement_labels_and_copyright_lines_of_more_scripts_are_no_text(label: str) -> None:
    assert remove_boilerplate([STORY[0], label, STORY[1]]) == [STORY[0], STORY[1]]


def test_a_dek_over_a_bare_name_a_photo_credit_and_the_stamp_is_header() -> None:
    """Finnish papers print the writer's bare name and the photographer under the dek, then the local stamp: the dek
    is no text, and the stamp, once inside the header, gives the reader's day of the declared UTC instant."""
    dek = "Pakkanen hellittää viikonloppuna, mutta ensi viikolla on luvassa uusi kylmä jakso."
    declared = '{"@type": "NewsArticle", "datePublished": "2024-02-29T23:15:00Z", "author": {"name": "Mikko Heinonen"}}'
    html = (
        f"<html lang='fi'><head><title>Kylmin lukema</title><meta name='description' content='{dek}'>"
        f"<script type='application/ld+json'>{declared}</script></head><body><header><nav><a href='/'>Etusivu</a>"
        "</nav></header><article><h1>Kylmin lukema</h1>"
        f"<p class='Article_a1-lead'>{dek}</p><div class='meta'><div>Mikko Heinonen</div><div>Kuvat: Sanna Lehtonen"
        "</div><div><span>1.3.2024 klo 1.15</span> <span>Päivitetty 1.3.2024 klo 8.40</span></div></div>"
        "<div class='Article_a1-body'>" + "".join(f"<p>{text}</p>" for text in STORY) + "</div></article></body></html>"
    )
    article = extract_article(html, "https://www.pohjolansanomat.fi/uutiset/a/2f6c1e0b")
    assert [line for line in article.body.splitlines() if line] == STORY
    assert article.published_at is not None and article.published_at.isoformat() == "2024-02-29T23:15:00+00:00"
    assert article.tz_offset == "+02:00"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Texto: Marta Sanz Ribera / Fotografía: Iker Zubiri", ["Marta Sanz Ribera"]),
        ("Publié le 5 mars 2024 à 14h02 par Hélène Marchal — 3 commentaires", ["Hélène Marchal"]),
        ("Por Inês Carvalho 5 de março de 2024, 14:02", ["Inês Carvalho"]),
        ("Par Claire Dubreuil (Nantes, correspondante)", ["Claire Dubreuil"]),  # her place and job in brackets
        (
            "September 12, 2023 · 6 min · Posted by Priya Raman, Staff Engineer, and Tom Becker, Software Engineer",
            ["Priya Raman", "Tom Becker"],  # "Posted by" is a credit, not a stamp's label
        ),
        (
            "Reporting by Amara Okafor and Liam Brennan; Additional reporting by Chidi Nwosu; Editing by Susan Fenton",
            ["Amara Okafor", "Liam Brennan"],  # a contributor of additional reporting is no writer
        ),
    ],
)
def test_bylines_beside_stamps_photographers_and_contributors(line: str, authors: list[str]) -> None:
    assert authors_of(line) == authors


def _page(head: str, header: str, *, above: str = "", body: str = "") -> str:
    paragraphs = body or "".join(f"<p>{text}</p>" for text in STORY)
    return (
        f"<html><head><title>Garden plots</title>{head}</head><body><header><nav><a href='/'>Home</a></nav>"
        f"</header><main>{above}<article>{header}<div class='article__body'>{paragraphs}</div></article></main>"
        "</body></html>"
    )


def test_a_names_line_ending_in_the_sites_name_completes_a_one_name_declaration() -> None:
    head = "<meta name='author' content='Rina Wulandari'>"
    header = "<h1>Garden plots</h1><div class='author'>Rina Wulandari, Dimas Pratama - kabarnusaNews</div>"
    article = extract_article(_page(head, header), "https://news.kabarnusa.example/berita/garden-plots")
    assert article.authors == ["Rina Wulandari", "Dimas Pratama"]


def test_a_sidebar_storys_date_just_above_the_headline_is_not_the_articles() -> None:
    above = (
        "<aside><ol class='mostread'><li>4 <a href='/a'>Handball: HSG feiert Auswärtssieg</a> 01.03.2024</li>"
        "<li>5 <a href='/b'>Polizei sucht Zeugen nach Einbruch in Kita</a> 28.02.2024</li></ol></aside>"
    )
    header = "<h1>Garden plots</h1><p class='meta'>Von Katrin Möller 3. März 2024, 14:20 Uhr</p>"
    article = extract_article(_page("", header, above=above), "https://www.example.de/lokales/garden-plots")
    assert published_day(article) == "2024-03-03"


def test_a_headline_in_an_h2_split_by_line_breaks_under_the_logo_h1() -> None:
    declared = '{"@type": "Article", "headline": "The Last Lighthouse Keepers of the Outer Hebrides"}'
    head = (
        "<meta property='og:title' content='The Last Lighthouse Keepers'>"
        f"<script type='application/ld+json'>{declared}</script>"
    )
    header = (
        "<h1 class='site-header__name'>Harbour Quarterly</h1><h2 class='feature-hero__title'><span>The Last Lighthouse"
        "</span><br><span>Keepers of the</span><br><span>Outer Hebrides</span></h2>"
    )
    article = extract_article(_page(head, header), "https://harbourquarterly.example/features/lighthouse-keepers")
    assert article.title == "The Last Lighthouse Keepers of the Outer Hebrides"


def test_a_series_label_in_the_headline_under_the_sites_name_and_the_headline_leaves_the_body() -> None:
    declared = '{"@type": "Article", "headline": "The Great Molasses Flood, Revisited"}'
    head = f"<script type='application/ld+json'>{declared}</script>"
    header = (
        "<h1>Past &amp; Present</h1><h2 class='headline'><span class='series-label'>Podcast:</span> The Great Molasses"
        " Flood, Revisited</h2>"
    )
    article = extract_article(_page(head, header), "https://pastandpresent.example/podcast/molasses-flood")
    assert article.title == "The Great Molasses Flood, Revisited"
    lines = remove_boilerplate(["Podcast: The Great Molasses Flood, Revisited", *STORY], title=article.title)
    assert lines == STORY


def test_a_related_box_inside_the_story_does_not_end_it() -> None:
    insert = ["You Might Also Like …", "How to Pick a Heat Pump", "The Grid Is Not Ready for Winter Peaks"]
    assert remove_boilerplate([STORY[0], *insert, STORY[1], STORY[2]]) == STORY


def test_a_related_list_of_teasers_after_the_story_still_ends_it() -> None:
    related = ["Related stories", "Council approves new bus depot", STORY[1], "Schools get garden grants", STORY[2]]
    assert remove_boilerplate([STORY[0], STORY[1], STORY[2], *related])[:3] == STORY
    assert "Related stories" not in remove_boilerplate([STORY[0], STORY[1], STORY[2], *related])


def test_a_dated_photo_caption_under_the_headline_does_not_beat_the_stamp_above_it() -> None:
    header = (
        "<div class='kop'><span>Wonen</span><span>ma 3 mrt 2025, 14:12</span></div><h1>Garden plots</h1>"
        "<figure><img src='/a.jpg' alt=''><figcaption>Zonnepanelen op een schooldak (archieffoto, 12 juni 2023)."
        " Foto: Hollandse Beeldbank</figcaption></figure>"
    )
    article = extract_article(_page("", header), "https://www.omroep.example/nieuws/garden-plots")
    assert published_day(article) == "2025-03-03"


def test_a_live_blogs_updated_at_entry_stamps_and_key_events_filter_are_no_text() -> None:
    entries = [f"Entry {n}: {text}" for n, text in enumerate(STORY * 2)]
    stamped = ["Filter key events"]
    for n, entry in enumerate(entries):
        stamped += [f"Updated at {23 - n:02d}.{n * 7:02d} BST", entry]
    assert remove_boilerplate(stamped) == entries


def test_a_programme_of_times_with_their_own_labels_stays() -> None:
    programme = ["Updated at 09.00 Registration", "Updated at 10.30 Keynote", STORY[0]]
    assert remove_boilerplate(programme) == programme
