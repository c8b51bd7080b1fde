"""Rules found by a thirteenth blind page set (Indonesian national and regional portals and their special
renderings, listicles and comparison pages, organisations' information pages and company blogs, written without
sight of the extractor; see bench/blind-pages-13): Okezone's app pitch and bracketed editor, investment and reader-
column disclaimers, a column writer's bio that names her role straight after her name, Kontan's dateline, the Tribun
network's and Bali Post's closing credits, a live report's refresh switch.
"""

from __future__ import annotations

import pytest
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract.author_bio import without_closing_bio
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.dateline import cut_dateline


def test_okezones_app_pitch_and_its_editors_name_in_brackets_close_no_story() -> None:
    closing = [
        "Dapatkan berita up to date dengan semua berita terkini dari Okezone hanya dengan satu akun di ORION, "
        "daftar sekarang dengan klik disini dan nantikan kejutan menarik lainnya",
        "(Rani Hardjanti)",
    ]
    assert remove_boilerplate([*STORY, *closing]) == STORY


def test_a_bracketed_name_inside_the_story_stays() -> None:
    lines = [STORY[0], "(Rani Hardjanti)", *STORY[1:]]
    assert remove_boilerplate(lines) == lines


@pytest.mark.parametrize(
    "disclaimer",
    [
        "Disclaimer: berita ini tidak bertujuan mengajak membeli atau menjual saham. Keputusan investasi sepenuhnya "
        "ada di tangan pembaca. Bisnis.com tidak bertanggung jawab terhadap segala kerugian maupun keuntungan.",
        "Tulisan ini merupakan kiriman pembaca detikcom. Seluruh isi tulisan menjadi tanggung jawab penulis. "
        "(Terima kasih - Redaksi)",
    ],
)
def test_indonesian_closing_disclaimers_are_no_text(disclaimer: str) -> None:
    assert remove_boilerplate([*STORY, disclaimer]) == STORY


@pytest.mark.parametrize(
    "bio",
    [
        "Rahmat Hidayatullah peneliti kebijakan transportasi di Pusat Studi Transportasi dan Logistik",
        "Rahmat Hidayatullah, dosen Fakultas Teknik Universitas Gadjah Mada",
        "Rahmat Hidayatullah adalah pengamat transportasi",
    ],
)
def test_a_column_writers_bio_naming_her_role_after_her_name_is_no_text(bio: str) -> None:
    assert without_closing_bio([*STORY, bio], ["Rahmat Hidayatullah"]) == STORY


def test_kontans_outlet_then_place_dateline_is_cut_whole() -> None:
    paragraph = "Rupiah di pasar spot dibuka menguat pada perdagangan Kamis (6/3) pagi."
    rest, dateline = cut_dateline(f"KONTAN.CO.ID - JAKARTA. {paragraph}")
    assert rest == paragraph
    assert dateline is not None and dateline.place == "JAKARTA"


@pytest.mark.parametrize(
    "closing",
    ["(cr24/tribun-medan.com)", "(kmb/balipost)", "(Serambinews.com/Rizwan Fahmi)", "BACA BERITA LAINNYA DI SINI"],
)
def test_regional_credits_and_prompts_closing_the_story_are_no_text(closing: str) -> None:
    assert remove_boilerplate([*STORY, closing]) == STORY


def test_a_live_reports_refresh_switch_is_no_text() -> None:
    assert remove_boilerplate(["Perbarui otomatis", *STORY]) == STORY
