"""Rules found by an eleventh blind page set (the big platforms' and sites' article pages, and Indonesian and Southeast
Asian news, written without sight of the extractor; see bench/blind-pages-11): Kompas' regional credit
"Kontributor Semarang, Name", GMA's closing "—VBL, GMA Integrated News", a recipe's steps widening over its
ingredients and story; later, Kumparan's paragraphs written as <span>s in <div>s, a "Verified" badge in a byline,
Rappler's machine-written summary box and its "– Rappler.com" sign-off.
"""

from __future__ import annotations

from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.credits import split_names

PARAGRAPHS = "".join(f"<p>{text}</p>" for text in STORY)


def _page(head: str, body: str, lang: str = "en") -> str:
    return f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_a_regional_contributors_role_and_place_are_not_a_name() -> None:
    assert split_names("Kontributor Semarang, Titis Anis Fauziyah") == ["Titis Anis Fauziyah"]
    assert split_names("Budi Santoso, Andi Wijaya") == ["Budi Santoso", "Andi Wijaya"]


def test_kompas_declares_the_contributor_with_her_place() -> None:
    head = (
        "<title>Ratusan nelayan tak melaut</title><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "Ratusan nelayan tak melaut", '
        '"author": {"@type": "Person", "name": "Kontributor Semarang, Titis Anis Fauziyah"}}</script>'
    )
    body = f"<article><h1>Ratusan nelayan tak melaut</h1>{PARAGRAPHS}</article>"
    article = extract_article(_page(head, body, "id"), "https://regional.kompas.example/read/2025/02/03/1/nelayan")
    assert article.authors == ["Titis Anis Fauziyah"]


def test_a_desks_closing_initials_and_outlet_are_no_text() -> None:
    assert remove_boilerplate([*STORY, "—VBL, GMA Integrated News"]) == STORY
    assert remove_boilerplate([*STORY, "—KBK/VBL, GMA Integrated News"]) == STORY


DETAILS = "".join(
    f"<div class='mm-recipes-details__item'><div>{label}:</div><div>{value}</div></div>"
    for label, value in (
        ("Prep Time", "15 mins"),
        ("Cook Time", "25 mins"),
        ("Additional Time", "10 mins"),
        ("Total Time", "50 mins"),
        ("Servings", "8"),
        ("Yield", "1 10-inch skillet cookie"),
    )
)


def test_a_recipes_steps_do_not_leave_its_story_and_ingredients_behind() -> None:
    """Dotdash's recipe page: the story's paragraphs in one block, then the recipe body with its times, a list of
    short ingredients and the numbered steps, whose long items outscore everything else on the page."""
    intro = f"<p class='mntl-sc-block'>{STORY[0]}</p>"
    ingredients = "".join(
        f"<li><p>{item}</p></li>"
        for item in (
            "1/2 cup unsalted butter",
            "3/4 cup brown sugar",
            "1 large egg",
            "1 teaspoon vanilla extract",
            "1 cup all-purpose flour",
            "1 cup rolled oats",
            "1/2 teaspoon baking soda",
            "1/2 teaspoon kosher salt",
        )
    )
    steps = "".join(
        f"<li><p>{step}</p></li>"
        for step in (
            "Melt butter in a 10-inch cast iron skillet over medium heat, swirling often, until the solids turn "
            "golden brown, 4 to 5 minutes.",
            "Whisk brown sugar into the butter, then whisk in the egg until smooth, and let the mixture rest.",
            "Stir in the oats until just combined, press the dough evenly into the skillet and smooth the top.",
            "Bake until the edges are golden and the center is just set, 18 to 22 minutes, then cool for ten.",
            "Let the cookie cool in the skillet for 10 minutes before slicing, so the center can finish setting.",
            "Serve warm with vanilla ice cream; keep leftovers covered at room temperature for up to two days.",
        )
    )
    body = (
        "<article class='comp allrecipes-article'><h1>Brown butter oatmeal skillet cookie</h1>"
        f"<div class='comp article-content'><div class='comp mntl-sc-page'>{intro}</div>"
        f"<div class='recipe__body'><div class='mm-recipes-details'>{DETAILS}</div>"
        f"<div class='mm-recipes-structured-ingredients'><h2>Ingredients</h2><ul>{ingredients}</ul></div>"
        f"<div class='mm-recipes-steps'><h2>Directions</h2><ol class='mntl-sc-block-group--OL'>{steps}</ol></div>"
        "</div></div></article>"
    )
    article = extract_article(_page("<title>Skillet cookie</title>", body), "https://recipes.example/recipe/1/")
    lines = article.body.split("\n\n")
    assert lines[0] == STORY[0]
    assert "1/2 cup unsalted butter" in lines and any(line.startswith("4. Bake") for line in lines)


def _span_paragraph(text: str) -> str:
    return (
        "<div class='Viewweb__StyledView-sc-b0snvl-0 bfxuKm'><div class='TextBoxweb__StyledTextBox-sc-1noultz-0'>"
        f"<span class='Textweb__StyledText-sc-1ed9ao-0'>{text}</span></div></div>"
    )


GARDEN_PLOTS = ["North field by the old depot gate", "South field along the canal path", "The school corner plots"]


def test_paragraphs_written_as_spans_in_divs_are_read_around_a_list() -> None:
    """Kumparan's styled components: every paragraph a <span> in two <div>s, a list between them; the list alone
    outscores any one of them, and the story around it was left out."""
    items = "".join(f"<li><span>{item}</span></li>" for item in GARDEN_PLOTS)
    related = "".join(f"<a class='card' href='/news/{n}'><span>Other story number {n}</span></a>" for n in range(8))
    body = (
        "<header><a href='/'>kumpulan</a><nav><a href='/news'>News</a><a href='/bisnis'>Bisnis</a></nav></header>"
        "<main><h1>New garden plots</h1><div class='author'><span>kumpulanNEWS</span></div>"
        f"<div class='story'>{_span_paragraph(STORY[0])}{_span_paragraph(STORY[1])}"
        f"<div class='Viewweb__StyledView-sc-b0snvl-0 bfxuKm'><ol>{items}</ol></div>{_span_paragraph(STORY[2])}</div>"
        f"<section class='related'><h2>Konten Lainnya</h2>{related}</section></main>"
    )
    article = extract_article(_page("<title>New garden plots</title>", body, "id"), "https://kumpulan.example/n/1")
    assert article.body.split("\n\n") == [
        STORY[0],
        STORY[1],
        *(f"{n}. {item}" for n, item in enumerate(GARDEN_PLOTS, 1)),
        STORY[2],
    ]


def test_a_lone_span_in_a_div_after_the_story_is_not_read_as_its_paragraph() -> None:
    """An Indian business daily's story is one <div> of <br>-separated paragraphs; the promo line after it, a <span>
    in a <div> of its own, must not pull the pick out to the whole page."""
    story = "<br><br>".join(STORY)
    promo = (
        "(What's moving the markets today? Track the latest market news, stock tips and expert advice on "
        "<a href='/markets'>Pulse Markets</a>. Also, Pulse Markets is now on Telegram.)"
    )
    body = (
        f"<article><h1>Rupee slips</h1><div class='artText'>{story}</div><div class='also-read'><span>ALSO READ</span>"
        f"<ul><li><a href='/a'>Sensex opens higher</a></li></ul></div><div class='keywords'><span>{promo}</span></div>"
        "</article>"
    )
    article = extract_article(_page("<title>Rupee slips</title>", body), "https://pulse.example/markets/1.cms")
    assert article.body.split("\n\n") == STORY


def test_a_verified_badge_beside_the_writers_name_is_no_part_of_it() -> None:
    byline = (
        "<a class='author' href='/dewilestari'><img src='/a.png' alt=''><span class='name'>Dewi Lestari</span>"
        "<span class='verified-badge'>Terverifikasi</span></a>"
    )
    body = f"<main><h1>New garden plots</h1>{byline}<div class='story'>{PARAGRAPHS}</div></main>"
    article = extract_article(_page("<title>New garden plots</title>", body, "id"), "https://kumpulan.example/n/2")
    assert article.authors == ["Dewi Lestari"]


def test_a_machine_written_summary_box_under_the_headline_is_no_text() -> None:
    """Rappler's shape: the headline, an "AI generated" summary box, the byline and stamp, then the story."""
    summary = (
        "<div class='ai-summary'><div class='ai-summary__title'>Summary</div><p class='ai-summary__note'>This is AI "
        "generated summarization, which may have errors. For context, always refer to the full article.</p><ul>"
        "<li>The city opens one hundred and twenty garden plots on the old bus depot land this spring.</li>"
        "<li>Rents stay at the old level for two seasons; a lottery picks the gardeners.</li></ul></div>"
    )
    body = (
        f"<article><header><h1>New garden plots</h1>{summary}<div class='post-authors'><a rel='author' "
        "href='/author/dwight-villanueva/'>Dwight Villanueva</a></div><time datetime='2025-03-18T19:30:11+08:00'>"
        f"Mar 18, 2025 7:30 PM PHT</time></header><div class='entry-content'>{PARAGRAPHS}<p>– Rappler.com</p></div>"
        "</article>"
    )
    article = extract_article(_page("<title>New garden plots</title>", body), "https://www.rappler.example/n/3")
    assert article.body.split("\n\n") == STORY
    assert article.authors == ["Dwight Villanueva"]


def test_a_story_closed_by_the_sites_own_address_ends_before_it() -> None:
    assert remove_boilerplate([*STORY, "– Rappler.com"]) == STORY
    assert remove_boilerplate([*STORY, "—Tambuli.com.ph"]) == STORY
    assert remove_boilerplate([*STORY, "- see example.com"]) == [*STORY, "- see example.com"]
