"""Rules found by a sixteenth blind page set (sports, entertainment and review pages; research, policy and legal
news; the lifestyle web of big publishers and recipe blogs, written without sight of the extractor; see
bench/blind-pages-16): a profile link and a job's beat after a byline, a recipe's or how-to's declared author, an
ASP.NET page whose <form> wraps the whole page, inline "You might also like:" links, a recipe site's reader notes,
an Instagram embed's fallback line, a retail-links disclosure, an Indonesian ministry's press bureau, an Indonesian
weekday before a byline's stamp, an organisation whose name holds "and", header boxes over a headline inside the
text's container, an institution's "by" line, and styled-components class names.
"""

from __future__ import annotations

import json

import pytest
from extraction_checks import authors_of
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.credits import split_names
from newscorpus.extract.main_content import _class_words


@pytest.mark.parametrize(
    "line",
    [
        "Written by Grace Liddell Senior Editor, Audio See full bio",
        "Written by Grace Liddell Senior Editor, Audio",
        "By Grace Liddell See full bio",
        "By Grace Liddell Read full profile",
    ],
)
def test_a_profile_link_and_a_jobs_beat_after_the_name_are_no_more_authors(line: str) -> None:
    assert authors_of(line) == ["Grace Liddell"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe Staff Writer and John Roe", ["Jane Doe", "John Roe"]),
        ("By Priya Raman, Energy Editor, and Ben Schultz", ["Priya Raman", "Ben Schultz"]),
    ],
)
def test_a_name_joined_by_and_after_a_job_title_is_still_an_author(line: str, authors: list[str]) -> None:
    assert authors_of(line) == authors


def test_a_review_sites_author_box_with_job_and_bio_link_names_one_writer() -> None:
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        "<html><head><title>Aura ANC 2 review</title></head><body><article><h1>Aura ANC 2 review</h1>"
        "<div class='c-globalAuthor'><img src='/a.jpg' alt=''><div><span class='c-globalAuthor_meta'>Written by "
        "<a href='/profiles/grace-liddell/'>Grace Liddell</a></span><span class='c-globalAuthor_title'>Senior Editor,"
        " Audio</span><a class='c-globalAuthor_bioLink' href='/profiles/grace-liddell/'>See full bio</a></div></div>"
        f"<div class='c-ShortcodeContent'>{body}</div></article></body></html>"
    )
    assert extract_article(html, "https://www.example.com/tech/aura-anc-2-review/").authors == ["Grace Liddell"]


@pytest.mark.parametrize("node_type", ["Recipe", "HowTo"])
def test_a_recipe_or_how_to_node_declares_the_author_when_no_article_node_does(node_type: str) -> None:
    """Recipe sites (Cookpad, Dotdash Meredith) and how-to pages type their page's one JSON-LD node as a Recipe or
    HowTo, with the writer in it; the page prints her name only on a card among other links."""
    node = {
        "@context": "https://schema.org",
        "@type": node_type,
        "name": "Ayam taliwang",
        "author": {"@type": "Person", "name": "Sri Wahyuni"},
    }
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        f"<html><head><title>Ayam taliwang</title><script type='application/ld+json'>{json.dumps(node)}</script>"
        f"</head><body><main><h1>Ayam taliwang</h1><div class='recipe'>{body}</div></main></body></html>"
    )
    assert extract_article(html, "https://www.example.com/recipes/123-ayam-taliwang").authors == ["Sri Wahyuni"]


def test_an_article_node_still_outranks_a_recipe_node() -> None:
    nodes = [
        {"@type": "Recipe", "name": "Miso butter chicken", "author": {"@type": "Person", "name": "Recipe Tester"}},
        {"@type": "BlogPosting", "headline": "Miso butter chicken", "author": {"@type": "Person", "name": "Ana Ruiz"}},
    ]
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        "<html><head><title>Miso butter chicken</title><script type='application/ld+json'>"
        f"{json.dumps({'@context': 'https://schema.org', '@graph': nodes})}</script></head><body><main>"
        f"<h1>Miso butter chicken</h1><div class='entry-content'>{body}</div></main></body></html>"
    )
    assert extract_article(html, "https://www.example.com/miso-butter-chicken/").authors == ["Ana Ruiz"]


def test_an_aspnet_form_wrapping_the_page_is_read_though_a_big_script_follows_it() -> None:
    """ASP.NET WebForms puts the whole page in one <form>; a layout tag that holds most of the page is the page, and
    the state blobs in the scripts after it are no text of the page."""
    story = (
        "<div class='key-takeaways'><h3>Key Takeaways</h3><ul><li>The agency approved final rules on risk "
        "assessments for businesses that sell data.</li><li>Covered businesses file summaries every year.</li></ul>"
        "</div>"
        + "".join(f"<p>{t}</p>" for t in STORY)
        + "<h2>When Is a Risk Assessment Required?</h2><ul><li>selling or sharing personal information;</li>"
        "<li>processing sensitive personal information.</li></ul>"
    )
    state = "window.__state = " + json.dumps({"items": ["x" * 60 for _ in range(200)]}) + ";"
    html = (
        "<html><head><title>Risk assessment rules</title></head><body><form id='mainform' method='post'>"
        "<header><nav><ul><li><a href='/people'>People</a></li><li><a href='/insights'>Insights</a></li></ul></nav>"
        "</header><main><h1>Risk assessment rules</h1><div class='rte insight-content'>"
        f"{story}</div></main><footer><p>© 2024 Crane LLP. Attorney Advertising.</p></footer></form>"
        f"<script>{state}</script></body></html>"
    )
    body = extract_article(html, "https://www.example.com/en/insights/risk-assessment-rules").body
    assert body.splitlines()[0] == "Key Takeaways"
    assert "When Is a Risk Assessment Required?" in body.splitlines()
    assert "processing sensitive personal information." in body.splitlines()
    assert "Attorney Advertising" not in body


def test_an_inline_you_might_also_like_link_is_dropped_and_the_steps_after_it_stay() -> None:
    lines = [
        *STORY,
        "Step 4: Fill, Caulk and Sand",
        "Fill the nail holes with wood filler and caulk the seams where the molding meets the top.",
        "YOU MIGHT ALSO LIKE: DIY Limewash Dresser",
        "Step 5: Prime and Paint",
        "A bonding primer is a must on an old finish. Two coats of paint gave me full coverage.",
    ]
    kept = remove_boilerplate(lines)
    assert "YOU MIGHT ALSO LIKE: DIY Limewash Dresser" not in kept
    assert kept[-2:] == lines[-2:]


def test_a_recipe_sites_cooking_notes_are_reader_comments() -> None:
    notes = ["Cooking Notes", "Marguerite", "Jan 21, 2024", "Made this with brown rice. Still perfect.", "214"]
    assert remove_boilerplate([*STORY, "Tip", "Cooled shallot oil keeps for two weeks.", *notes]) == [
        *STORY,
        "Tip",
        "Cooled shallot oil keeps for two weeks.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "A post shared by Riverside Zoo (@riversidezoo_cf)",
        "All products featured on Pitchfork are independently selected by our editors. However, when you buy "
        "something through our retail links, we may earn an affiliate commission.",
    ],
)
def test_an_instagram_embeds_fallback_line_and_a_retail_links_disclosure_are_no_text(line: str) -> None:
    assert remove_boilerplate([*STORY[:2], line, STORY[2]]) == STORY


def test_an_indonesian_ministrys_press_bureau_block_closes_its_release() -> None:
    contacts = [
        "Biro Humas Kementerian Kominfo",
        "Kepala Biro Humas",
        "Arif Wicaksono (081318000333)",
        "e-mail: humas@mail.kominfo.go.id",
    ]
    assert remove_boilerplate([*STORY, *contacts]) == STORY


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Oleh Budi Santoso Senin, 18 Maret 2024 14:30 WIB", ["Budi Santoso"]),
        ("Oleh Budi Santoso Jum'at, 19 Mei 2023 14:05 WIB", ["Budi Santoso"]),
    ],
)
def test_an_indonesian_weekday_before_the_stamp_is_no_part_of_the_name(line: str, authors: list[str]) -> None:
    assert authors_of(line) == authors


@pytest.mark.parametrize(
    "name",
    [
        "Kementerian Komunikasi dan Informatika",
        "Department of Health and Human Services",
        "Halvorsen & Partners",
    ],
)
def test_an_organisation_whose_name_holds_and_is_one_credit(name: str) -> None:
    assert split_names(name) == [name]


def test_two_people_joined_by_and_are_still_two_credits() -> None:
    assert split_names("Jane Doe and John Roe") == ["Jane Doe", "John Roe"]


def test_the_header_boxes_over_a_headline_inside_the_text_container_are_no_text() -> None:
    """Science X (phys.org) prints its editorial-process note, the editors and the headline inside the <article>
    that holds the story's paragraphs: the text starts under the headline."""
    note = (
        "This article has been reviewed according to Science X's editorial process and policies. Editors have "
        "highlighted the following attributes while ensuring the content's credibility:"
    )
    lines = ["feature", note, "fact-checked", "Edited by Tessa Moreno", "Coral larvae swim toward reefs", *STORY]
    assert remove_boilerplate(lines, title="Coral larvae swim toward reefs") == STORY


def test_a_heading_set_apart_in_capitals_under_a_label_stays() -> None:
    lines = ["Safety Alert", "ELECTRICAL SAFETY", *STORY]
    assert remove_boilerplate(lines, title="Electrical Safety") == lines


def test_text_above_a_heading_that_repeats_the_title_stays() -> None:
    lines = [*STORY, "Coral larvae swim toward reefs", "The team plans to test whether the larvae survive."]
    assert remove_boilerplate(lines, title="Coral larvae swim toward reefs") == lines


def test_an_institution_credited_as_by_line_is_not_cut_to_its_first_word() -> None:
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        "<html><head><title>Coral larvae swim toward reefs</title></head><body><article class='news-article'>"
        "<h1>Coral larvae swim toward reefs</h1><p class='article-byline'>by University of Otago</p>"
        f"<div class='article-main'>{body}</div></article></body></html>"
    )
    assert "University" not in extract_article(html, "https://phys.org/news/2024-03-coral-larvae.html").authors


def test_a_styled_components_caption_is_read_by_its_component_name() -> None:
    """Condé Nast's pages name their blocks as styled components, "CaptionWrapper-hBBmpj": the hash after the dash
    hid the caption word, and the caption and photo credit ran on into the text."""
    body = "".join(f"<p class='BodyParagraph-kDeFgh'>{t}</p>" for t in STORY)
    figure = (
        "<figure class='AssetEmbedWrapper-dJOddb'><img alt='' src='/a.jpg'><div class='CaptionWrapper-hBBmpj'>"
        "<span class='CaptionText-bMOddl'>Limpiadores suaves en gel y espuma.</span>"
        "<span class='CaptionCredit-pGBapb'>Diego Arce</span></div></figure>"
    )
    html = (
        "<html><head><title>Rutina de skincare</title></head><body><article><h1>Rutina de skincare</h1>"
        f"<div class='ArticlePageChunks-nGDlch body'>{body}{figure}</div></article></body></html>"
    )
    text = extract_article(html, "https://www.vogue.mx/belleza/articulos/rutina-skincare").body
    assert "Limpiadores" not in text and "Diego Arce" not in text
    assert [line for line in text.splitlines() if line] == STORY


def test_a_component_and_element_class_keeps_its_element_word() -> None:
    """Brightspot's "VideoEnhancement-caption" is a component and its element, not a hash: still a caption."""
    assert _class_words("VideoEnhancement-caption", "videoenhancement-caption") == "videoenhancement-caption"
    assert _class_words("CaptionWrapper-hBBmpj", "captionwrapper-hbbmpj") == "caption-wrapper"


def test_a_recipe_nodes_bare_day_gives_way_to_the_same_days_declared_instant() -> None:
    """A recipe blog's Recipe node declares "2023-10-03", its WebPage node and <meta> the instant 13:15 UTC that day:
    the instant is kept, not the bare day at noon."""
    node = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "Pot roast", "datePublished": "2023-10-03T13:15:00+00:00"},
            {
                "@type": "Recipe",
                "name": "Pot roast",
                "author": {"@type": "Person", "name": "Jessamyn Cole"},
                "datePublished": "2023-10-03",
            },
        ],
    }
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = (
        f"<html><head><title>Pot roast</title><script type='application/ld+json'>{json.dumps(node)}</script>"
        "<meta property='article:published_time' content='2023-10-03T13:15:00+00:00'></head><body><main>"
        f"<h1>Pot roast</h1><div class='entry-content'>{body}</div></main></body></html>"
    )
    article = extract_article(html, "https://www.example.com/pot-roast/")
    assert article.to_dict(json_safe=True)["published_at"] == "2023-10-03T13:15:00+00:00"
