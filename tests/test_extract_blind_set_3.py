"""Rules found by a third blind page set (world news and the non-news web, written without sight of the extractor;
see bench/blind-pages-3): a dek printed over the byline and date block, and a stamp run into its update on one line
("Sun 21 May 2023 00.20 BST Last modified on Sun 21 May 2023 09.02 BST").
"""

from __future__ import annotations

from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article

URL = "https://www.ledger.example.co.uk/uk-news/2023/may/21/garden-plots"
DEK = "Families on the waiting list face another season without land as the council admits the depot site is not ready"
DECLARED = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
    '"headline": "Garden plots", "datePublished": "2023-05-20T23:20:00.000Z"}</script>'
)


def dek_page(meta: str) -> str:
    """A news page that prints its dek, then `meta`, then a lead photo, then the story, each in its own block."""
    story = "".join(f"<p class='para'>{text}</p>" for text in STORY)
    return (
        f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'><title>Garden plots</title>{DECLARED}</head>"
        "<body><header><nav><a href='/'>Home</a> <a href='/uk-news'>UK news</a></nav></header><main><article>"
        f"<div class='kicker'>Cities</div><h1>Garden plots</h1><p class='standfirst'>{DEK}</p>"
        f"<div class='meta'>{meta}</div>"
        "<figure><img src='/depot.jpg' alt=''><figcaption>The old bus depot. Photograph: Ann Lee</figcaption></figure>"
        f"<div class='body'>{story}</div></article></main><footer><p>© 2023 The Ledger</p></footer></body></html>"
    )


GUARDIAN_META = (
    "<address>By <a rel='author' href='/profile/ann'>Harriet Coles</a> and <a rel='author' href='/profile/tom'>Tom "
    "Ashby</a></address><div class='dateline'><span>Sun 21 May 2023 00.20 BST</span><details><summary>Last modified "
    "on Sun 21 May 2023 09.02 BST</summary></details></div>"
)


def test_a_dek_over_the_byline_and_date_block_is_no_part_of_the_body() -> None:
    article = extract_article(dek_page(GUARDIAN_META), URL)
    assert article.body.split("\n\n")[0] == STORY[0]
    assert DEK not in article.body
    assert article.authors == ["Harriet Coles", "Tom Ashby"]


def test_a_first_paragraph_with_no_meta_block_under_it_stays() -> None:
    article = extract_article(dek_page(""), URL)
    assert article.body.split("\n\n")[0] == DEK


def test_the_stamp_under_a_dek_gives_the_declared_instant_its_printed_offset() -> None:
    # declared 23:20Z on the 20th; printed 00.20 BST on the 21st: the same instant, on the day the reader saw
    article = extract_article(dek_page(GUARDIAN_META), URL)
    assert article.to_dict(json_safe=True)["published_at"] == "2023-05-21T00:20:00+01:00"


def test_a_stamp_run_into_its_update_on_one_line_is_read_as_two_stamps() -> None:
    meta = "<p>Sun 21 May 2023 00.20 BST Last modified on Sun 21 May 2023 09.02 BST</p>"
    page = dek_page(meta).replace(DECLARED, "")
    article = extract_article(page, URL)
    assert article.to_dict(json_safe=True)["published_at"] == "2023-05-21T00:20:00+01:00"
