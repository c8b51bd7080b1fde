"""Rules found by a fifth blind page set (pages whose text is hard to find, and the web's non-news article types,
written without sight of the extractor; see bench/blind-pages-5): a recipe card's steps outscoring the post around
them; a teaser card whose headline and summary are one link; React blocks named only by a data attribute; a "More
from" box of linked headlines with prose teasers inside the text; a list of other stories' cards next to a short
story; a page that prints only when it was last updated; a photo story told in its gallery's captions.
"""

from __future__ import annotations

import lxml.html
from extraction_checks import published_day
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.main_content import _widen

PARAGRAPHS = "".join(f"<p>{text}</p>" for text in STORY)
URL = "https://www.ledger.example/news/2025/03/28/garden-plots/"


def page(article: str, *, head: str = "", after: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Garden plots</title>{head}</head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><main>"
        f"<article><h1>Garden plots</h1>{article}</article>{after}</main>"
        "<footer><p>© 2025 The Ledger</p></footer></body></html>"
    )


def test_a_recipe_cards_steps_do_not_crowd_out_the_post_around_them() -> None:
    """Each step of a WP Recipe Maker card is a list item holding a <div> of text: the list outscores the post's
    own container by a hair, and the container a few levels up is the article."""
    steps = [
        "Heat the oven to 350°F (175°C), grease a 9-inch springform pan and line the bottom with parchment paper.",
        "Melt the butter in a small saucepan over medium heat, swirling, until it foams, smells nutty and browns.",
        "Whisk the flour, baking powder, salt and cardamom in a bowl, then set the bowl aside for a minute or two.",
        "Whisk the brown butter with the sugar, add the eggs one at a time, then the milk, vanilla and dry mix.",
        "Spread the batter in the pan, arrange the pear slices on top, and bake for 45 to 50 minutes, until golden.",
        "Cool in the pan for 15 minutes before releasing the sides, and serve warm or at room temperature.",
    ]
    card = (
        "<div class='wprm-recipe-container'><div class='wprm-recipe'><h2 class='wprm-recipe-name'>Pear Cake</h2>"
        "<div class='wprm-recipe-rating'>4.86 from 112 votes</div><div class='wprm-recipe-meta-container'>"
        "<span>Prep Time</span> <span>20 mins</span> <span>Cook Time</span> <span>50 mins</span></div>"
        "<div class='wprm-recipe-ingredients-container'><h3>Ingredients</h3><ul class='wprm-recipe-ingredients'>"
        + "".join(f"<li>{item}</li>" for item in ("1/2 cup butter", "3 ripe pears", "1 1/2 cups flour", "2 eggs"))
        + "</ul></div>"
        "<div class='wprm-recipe-instructions-container'><h3>Instructions</h3><ol class='wprm-recipe-instructions'>"
        + "".join(f"<li><div class='wprm-recipe-instruction-text'>{step}</div></li>" for step in steps)
        + "</ol></div></div></div>"
    )
    tip = (
        "Room-temperature eggs mix in more smoothly and help the cake rise evenly, "
        "so take them out of the fridge early."
    )
    post = "".join(f"<p>{text}</p>" for text in [*LONG_STORY[:4], tip])  # the list scores 26.2, the post 25.2
    body = extract_article(page(f"<div class='entry-content'>{post}{card}</div>"), URL).body
    assert body.split("\n\n")[:5] == [*LONG_STORY[:4], tip]
    assert steps[-1] in body


def test_a_teaser_card_whose_headline_and_summary_are_one_link_goes_with_its_label() -> None:
    card = (
        "<section class='T00IvD rec-chunk'><h4>Recommended</h4><a href='/news/courts/koenig-pleads-guilty'><strong>"
        "Ex-parks chief pleads guilty, admits taking boat and cash from contractor</strong><span>Raymond Koenig faces "
        "up to five years in prison; sentencing is set for January.</span></a></section>"
    )
    chunks = "".join(f"<section class='ZLQLVS story-chunk'><div class='c-paragraph'>{t}</div></section>" for t in STORY)
    first, rest = chunks.split("</section>", 1)
    body = extract_article(page(f"<div class='ERXa-3 story-body'>{first}</section>{card}{rest}</div>"), URL).body
    assert body.split("\n\n") == STORY


def test_a_block_named_by_its_data_component_is_read_by_that_name() -> None:
    newsletter = (
        "<div class='Kubhl-' data-component='newsletter-inline'><h3>Get the Morning Commute newsletter</h3>"
        "<p>Traffic, transit and the stories that move Northbridge, in your inbox before 7 a.m. on weekdays.</p>"
        "<form><input type='email'><button>Sign me up</button></form></div>"
    )
    blocks = [f"<div class='WX80zz' data-component='text-block'><p>{text}</p></div>" for text in STORY]
    article = "".join(blocks[:2]) + newsletter + blocks[2]
    body = extract_article(page(f"<div class='x1Yz'>{article}</div>"), URL).body
    assert body.split("\n\n") == STORY


LONG_STORY = [
    *STORY,
    "The first plots will be marked out in April, after the council has tested the soil for the oils and metals a "
    "bus depot leaves behind, and the results will be posted at the site and on the council's website.",
    "Gardeners on the old plots said they welcomed the news but worried about the waiting list, which the council "
    "has not opened to new names since the spring before last, when it reached four hundred households.",
    "A public meeting on the rules for the new plots, from the size of sheds to the keeping of bees and hens, will "
    "be held at the library on the first Tuesday of next month, and residents may send comments until then.",
]
FOOTER = (
    "<footer class='site-footer'><p>The Ledger is an independent, nonprofit newsroom covering city hall, schools, "
    "courts and neighborhoods since 1998. Our journalism is supported by readers like you and by foundations that "
    "have no say in what we cover.</p><ul><li><a href='/about'>About us</a></li><li><a href='/staff'>Staff</a></li>"
    "<li><a href='/ethics'>Ethics policy</a></li><li><a href='/corrections'>Corrections</a></li></ul></footer>"
)


def test_a_more_from_box_of_linked_headlines_and_prose_teasers_is_not_text() -> None:
    teaser = (
        "The measure, which passed the Health and Human Services Committee on a 7-2 vote, would limit what insured "
        "patients pay out of pocket for a month's supply of insulin, though it would not apply to the uninsured."
    )
    box = (
        "<div class='more-from'><h4 class='more-from__title'>More from Politics</h4><div class='story-teaser'><h5>"
        f"<a href='/politics/insulin-cap/'>Senate panel advances insulin cap</a></h5><p>{teaser}</p></div>"
        "<div class='story-teaser'><h5><a href='/politics/tips-tax/'>House plan would phase out tax on tips</a></h5>"
        f"<p>{teaser.replace('insulin', 'tips')}</p></div></div>"
    )
    paragraphs = [f"<p>{text}</p>" for text in LONG_STORY]
    story = "<div class='entry-content'>" + "".join(paragraphs[:2]) + box + "".join(paragraphs[2:]) + "</div>"
    body = extract_article(page(story, after=FOOTER), URL).body
    assert body.split("\n\n") == LONG_STORY


def test_a_list_of_other_stories_cards_beside_a_short_story_is_not_text() -> None:
    """A TV station's short story next to a "Latest News" list of cards longer than the story."""
    cards = "".join(
        f"<article class='article-list__article'><a href='/news/{n}/'><h3>Other story number {n} in the list</h3></a>"
        f"<p>Drivers should expect delays during the morning commute as crews replace expansion joints, the "
        f"department said, and bus route {n} will be detoured along Kimball Street for three weeks.</p>"
        f"<div class='meta'><time>{n} hours ago</time></div></article>"
        for n in range(1, 4)
    )
    after = f"<section class='article-list'><h2>Latest News</h2>{cards}</section>{FOOTER}"
    story = f"<div class='article-body'><p>{STORY[0]}</p><p>{STORY[1]}</p></div>"
    article = extract_article(page(story, after=after), URL)
    assert article.body.split("\n\n") == STORY[:2]


def test_a_page_that_prints_only_its_last_update_is_dated_by_it() -> None:
    head = '<meta name="dcterms.modified" content="2023-08-17">'
    story = f"{PARAGRAPHS}<p>Última actualización: 17 de agosto de 2023</p>"
    article = extract_article(page(story, head=head), "https://www.gobierno.example/guias/plots")
    assert published_day(article) == "2023-08-17"


def test_the_highest_near_scoring_container_a_few_levels_up_is_taken() -> None:
    """The widening step itself: the post's container four levels above the card's list, scoring 96% of it, is
    the pick even though the levels between score nothing (g-22's shape on a real page)."""
    tree = lxml.html.fromstring(
        "<html><body><div id='post'><div id='container'><div id='card'><div id='steps-box'><ol id='steps'>"
        "<li>step</li></ol></div></div></div></div></body></html>"
    )
    steps, post = tree.get_element_by_id("steps"), tree.get_element_by_id("post")
    assert _widen(steps, {steps: 26.2, post: 25.2}) is post
    assert _widen(steps, {steps: 26.2, post: 20.0}) is steps


SLIDES = [
    "Cars line up along Route 40 more than two hours before the gates open for the final night at the drive-in.",
    "The owner, 74, sells tickets from the same booth her father built in 1956, as she has done since she was nine.",
    "Children play catch in front of the screen as the sun sets, while families unfold lawn chairs and blankets.",
    "The projectionist threads the last reel of film; the drive-in kept its 35mm machine for special nights.",
    "The screen goes dark shortly before midnight. The property has been sold to a developer of warehouses.",
]
INTRO = "After 68 summers, the drive-in showed its last double feature Saturday night to more than 400 cars."


def gallery(captions: list[str]) -> str:
    slides = "".join(
        f"<div class='gl-slide'><figure><img src='/p/{n}.jpg' alt=''><figcaption class='gl-cap'>"
        f"<span class='gl-count'>{n} of {len(captions)}</span><span class='gl-text'>{text}</span>"
        "<span class='gl-cr'>Luis Ortega/Valley Courier</span></figcaption></figure></div>"
        for n, text in enumerate(captions, 1)
    )
    return f"<div class='gallery'>{slides}</div>"


MORE_STORIES = (
    "<aside class='more'><h2>More stories</h2>"
    + "".join(
        f"<a href='/story/{n}'><div>{title}</div><div>3 hours ago</div></a>"
        for n, title in enumerate(
            (
                "Council delays vote on downtown parking meters again",
                "Bridge repairs to close Elm Street for a month",
                "High school band raises money for a trip to the Rose Parade",
                "Library extends its summer hours",
            ),
            1,
        )
    )
    + "</aside>"
)


def test_a_photo_story_is_told_in_its_captions() -> None:
    """A gallery of captions under a one-paragraph intro is the story: the captions are its text, without their
    slide counters and photo credits (before, the page's "More stories" box was taken for the text)."""
    body = extract_article(page(f"<div class='story'><p>{INTRO}</p>{gallery(SLIDES)}</div>", after=MORE_STORIES), URL)
    lines = body.body.split("\n\n")
    assert lines[0] == INTRO and lines[-len(SLIDES) :] == SLIDES
    assert "of 5" not in body.body and "Valley Courier" not in body.body and "parking meters" not in body.body


def test_captions_stay_out_of_a_story_that_has_its_own_text() -> None:
    """The same gallery under a story of several paragraphs, or captions too short to tell anything, are
    furniture as on every other page."""
    story = f"<div class='story'>{PARAGRAPHS}{gallery(SLIDES)}<p>{LONG_STORY[0]}</p></div>"
    assert not any(slide in extract_article(page(story), URL).body for slide in SLIDES)
    labels = ["The owner.", "The booth.", "Children at play.", "The projector.", "The last show."]
    short = extract_article(page(f"<div class='story'><p>{INTRO}</p><p>{STORY[0]}</p>{gallery(labels)}</div>"), URL)
    assert short.body.startswith(INTRO)
    assert not any(label in short.body for label in labels)
