"""Localised "posted by" footers as the last author guess, and "Baca Juga" / "Related articles" link lists dropped
whole on every body path: the source's body selector and the trafilatura fallback as well as main_content.py.

Pages are small hand-written fixtures: a blog post with its footer outside the story (the footer names the writer),
and an Indonesian story read through a Kompas-style body selector (`.read__content`, per the Indonesian sources
reference) with a "Baca juga:" list of links between its paragraphs. Where a rule could over-match, a test pins the
sentence that must stay prose.
"""

from __future__ import annotations

import lxml.html
import pytest
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.body import extract_body, run_trafilatura
from newscorpus.sources import ExtractionRules

URL = "https://blog.example.org/2024/05/jardins-partages"


def blog_post(footer: str, *, first: str = "", lang: str = "en") -> str:
    """A blog post: the story, then a post footer outside it (as Blogger and WordPress themes print it)."""
    lead = f"<p>{first}</p>" if first else ""
    story = "".join(f"<p>{text}</p>" for text in STORY)
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>Garden plots</title></head><body>"
        "<header class='site-header'><nav><a href='/'>Home</a> <a href='/garden'>Garden</a></nav></header>"
        f"<main><div class='post'><h1>Garden plots</h1><div class='post-body'>{lead}{story}</div>"
        f"<div class='post-footer'><span class='post-meta'>{footer}</span></div></div></main>"
        "<footer class='site-footer'><p>Copyright 2024 Example Blog</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("footer", "lang", "name"),
    [
        ("Publié par Marie Dupont le 3 mai 2024", "fr", "Marie Dupont"),
        ("Publié par Marie Dupont le 3 mai 2024 à 10h30", "fr", "Marie Dupont"),
        ("Veröffentlicht von Jonas Weber", "de", "Jonas Weber"),
        ("Veröffentlicht von Jonas Weber am 3. Mai 2024 um 10:15 Uhr", "de", "Jonas Weber"),
        ("Diposting oleh Budi Santoso di 20.15", "id", "Budi Santoso"),
        ("Pubblicato da Giulia Rossi il 3 maggio 2024", "it", "Giulia Rossi"),
        ("Geplaatst door Sanne de Vries op 3 mei 2024", "nl", "Sanne de Vries"),
    ],
)
def test_a_localised_posted_by_footer_names_the_author(footer: str, lang: str, name: str) -> None:
    assert extract_article(blog_post(footer, lang=lang), URL).authors == [name]


def test_the_english_posted_by_footer_still_names_the_author() -> None:
    html = blog_post("Posted by David Miller at December 16, 2025 11:15 AM")
    assert extract_article(html, URL).authors == ["David Miller"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a sentence that opens with the label: what follows is no name, nor a stamp
        "Posted by the committee in 2019, the rules say that every plot must be worked at least once a month.",
        # a name-like word, then a date and the rest of a sentence: a book's publisher, not the post's writer
        "Publié par Gallimard le 3 mai 2019, le roman a été traduit dans trente langues.",
        "Pubblicato da Mondadori il 3 maggio 2019, il romanzo vinse il premio Strega l'anno dopo.",
    ],
)
def test_a_sentence_opening_with_a_posted_by_label_names_no_author(sentence: str) -> None:
    fields = extract_article(blog_post("", first=sentence), URL)
    assert fields.authors == []
    assert sentence in fields.body  # it stays in the story


def test_a_footer_crediting_a_desk_with_an_article_names_no_author() -> None:
    # particles pass as parts of names ("Sanne de Vries"); a name opens with a capital, "la Redacción" does not
    html = blog_post("Publicado por la Redacción el 3 de mayo de 2024", lang="es")
    assert extract_article(html, URL).authors == []


# --- "Baca juga:" link lists on the source-selector and trafilatura paths ------------------------------------------

ID_URL = "https://nasional.kompas.example/read/2024/05/03/101500001/banjir-rob-di-pesisir-utara"
ID_STORY = [
    "Banjir rob kembali merendam permukiman warga di pesisir utara Jakarta pada Jumat pagi, setelah air laut naik "
    "lebih tinggi dari perkiraan dan tanggul di beberapa titik tidak mampu menahan limpasan air.",
    "Petugas pemadam kebakaran dan relawan membantu warga memindahkan barang ke tempat yang lebih tinggi, sementara "
    "pemerintah kota menyiapkan pompa tambahan dan dapur umum di kantor kelurahan.",
    "Warga berharap perbaikan tanggul yang dijanjikan sejak tahun lalu segera dikerjakan, karena genangan seperti "
    "ini kini datang hampir setiap bulan dan merusak rumah serta perabot mereka.",
]
RELATED_HEADLINES = [
    "Tanggul Laut Jakarta Ditargetkan Rampung Tahun Depan",
    "BMKG Peringatkan Potensi Rob di Pesisir Utara Jawa",
    "Ribuan Warga Mengungsi akibat Banjir di Jakarta Utara",
]
KOMPAS_RULES = ExtractionRules(body=".read__content", title=".read__title")


def related_box(label: str = "Baca juga:", *, as_list: bool = True) -> str:
    """The label in a paragraph of its own, then the links: as a list, or as linked paragraphs."""
    links = [
        f"<a href='/read/2024/05/0{i}/1000000{i}/berita-{i}'>{headline}</a>"
        for i, headline in enumerate(RELATED_HEADLINES, 1)
    ]
    if as_list:
        return f"<p><strong>{label}</strong></p><ul>{''.join(f'<li>{link}</li>' for link in links)}</ul>"
    return f"<p><strong>{label}</strong></p>{''.join(f'<p>{link}</p>' for link in links)}"


def kompas_page(middle: str) -> str:
    first, *rest = ID_STORY
    body = f"<p>{first}</p>{middle}" + "".join(f"<p>{text}</p>" for text in rest)
    return (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Banjir rob di pesisir utara</title></head>"
        "<body><header><nav><a href='/'>Beranda</a> <a href='/nasional'>Nasional</a></nav></header>"
        "<div class='read__header'><h1 class='read__title'>Banjir Rob Kembali Rendam Pesisir Utara Jakarta</h1>"
        "<div class='read__time'>Jumat, 3 Mei 2024 10:15 WIB</div></div>"
        f"<div class='read__content'>{body}</div><footer><p>Kompas Example</p></footer></body></html>"
    )


@pytest.mark.parametrize("as_list", [True, False])
def test_a_body_selector_leaves_out_a_baca_juga_list_of_links(as_list: bool) -> None:
    fields = extract_article(kompas_page(related_box(as_list=as_list)), ID_URL, rules=KOMPAS_RULES)
    assert fields.body.split("\n\n") == ID_STORY
    assert not any(headline in fields.body for headline in RELATED_HEADLINES)


def test_a_body_selector_keeps_a_list_of_links_without_a_related_label() -> None:
    # the article's own list of links (its sources) has no "Baca juga" label over it: it stays
    sources = "".join(f"<li><a href='/dokumen/{i}'>{headline}</a></li>" for i, headline in enumerate(RELATED_HEADLINES))
    fields = extract_article(kompas_page(f"<p>Sumber laporan ini:</p><ul>{sources}</ul>"), ID_URL, rules=KOMPAS_RULES)
    assert all(headline in fields.body for headline in RELATED_HEADLINES)


def test_a_body_selector_keeps_the_drop_rules_and_the_related_rule_together() -> None:
    rules = ExtractionRules(body=".read__content", title=".read__title", drop=(".ad-slot",))
    middle = related_box("Artikel Terkait") + "<div class='ad-slot'><p>Iklan: promo akhir pekan</p></div>"
    fields = extract_article(kompas_page(middle), ID_URL, rules=rules)
    assert fields.body.split("\n\n") == ID_STORY


def test_the_trafilatura_fallback_leaves_out_a_baca_juga_list_of_links() -> None:
    # trafilatura drops a <ul> of links itself, but not linked paragraphs
    tree = lxml.html.fromstring(kompas_page(related_box(as_list=False)))
    document = run_trafilatura(tree, ID_URL, favor_precision=False)
    assert document is not None
    assert not any(headline in document.text for headline in RELATED_HEADLINES)
    assert all(text in document.text for text in ID_STORY)
    # it reads a copy: the page itself keeps its links
    assert all(headline in tree.text_content() for headline in RELATED_HEADLINES)


@pytest.mark.parametrize("as_list", [True, False])
def test_the_body_methods_agree_on_a_baca_juga_list(as_list: bool) -> None:
    tree = lxml.html.fromstring(kompas_page(related_box(as_list=as_list)))
    by_rules = extract_body(tree, ID_URL, KOMPAS_RULES)
    generic = extract_body(tree, ID_URL, None)
    assert (by_rules.method, generic.method) == ("rules", "main_content")
    for result in (by_rules, generic):
        assert not any(headline in " ".join(result.lines) for headline in RELATED_HEADLINES)
