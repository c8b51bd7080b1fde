"""The writer's bio printed right under an unsigned story names its author; a note about someone else, or a bio
further down the page, does not."""

from __future__ import annotations

from newscorpus.extract import extract_article

URL = "https://hotels.example/blog/travel-hacks"
STORY = (
    "Travelling light starts with the bag: a carry-on with a clamshell opening packs flatter than a top loader.",
    "Roll soft clothes and fold structured ones, then fill the gaps with socks, chargers and a spare tote.",
    "Book direct with the hotel where you can; the rate is often the same and the perks are usually better.",
)
BIO = "Julia Gralberg is a freelance travel writer and the editor of a boutique hotel guide based in Sydney."


def blog_page(story: tuple[str, ...], below: str = "", byline: str = "") -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in story)
    return (
        "<!DOCTYPE html><html lang='en'><head><title>Travel hacks for your next hotel stay</title></head><body>"
        "<header><a href='/'>Harbour Hotels</a></header><main><article>"
        f"<h1>Travel hacks for your next hotel stay</h1>{byline}<div class='entry'>{paragraphs}</div>"
        f"{below}</article></main><footer><p>© 2025 Harbour Hotels</p></footer></body></html>"
    )


def test_the_bio_under_an_unsigned_story_names_its_writer() -> None:
    fields = extract_article(blog_page(STORY, below=f"<div class='bio'><p>{BIO}</p></div>"), URL)
    assert fields.authors == ["Julia Gralberg"]
    assert BIO not in fields.body


def test_a_note_under_the_story_about_someone_who_is_not_a_writer_names_nobody() -> None:
    note = "Marco Bellini is the head chef of the hotel's rooftop restaurant, open daily from six."
    assert extract_article(blog_page(STORY, below=f"<p class='note'>{note}</p>"), URL).authors == []


def test_a_bio_far_below_the_story_is_someone_else_s() -> None:
    related = "".join(f"<li><a href='/blog/post-{n}'>Another post number {n}</a></li>" for n in range(12))
    page = blog_page(STORY, below=f"<aside><ul>{related}</ul></aside><div class='bio'><p>{BIO}</p></div>")
    assert extract_article(page, URL).authors == []


def test_a_byline_outranks_the_bio() -> None:
    page = blog_page(STORY, below=f"<p>{BIO}</p>", byline="<p class='byline'>By Tom Ashby</p>")
    assert extract_article(page, URL).authors == ["Tom Ashby"]
