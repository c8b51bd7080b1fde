"""The article header when it lands in the body: a finance site's partner disclosure above the headline, a kicker
over the headline, the dek over the date stamp, a declared description printed as standfirst over a relative
stamp. Each is header, not story; look-alikes that are story stay. Also two kinds of furniture inside the text: a
product card's commission notice and a live blog's entry stamps ("23:41 Nadia Petrova").

Pages are small hand-written fixtures in the shapes of comparison/finance sites, a Dow-Jones-like markets story
and a Next.js crypto news page.
"""

from __future__ import annotations

from extraction_checks import published_day

from newscorpus.extract import extract_article

URL = "https://www.example-money.com/taxes/irs-extends-deadline/"
STORY = [
    "The Internal Revenue Service has extended the deadline for filing federal tax returns for residents of six "
    "counties affected by flooding in late August, giving taxpayers there until February to file their returns.",
    "The relief applies to individuals and businesses in the six counties, and it covers returns and payments "
    "that were originally due between the end of August and the end of January next year.",
    "Taxpayers do not need to apply for the extension: the agency identifies them by the address on their most "
    "recent return and applies the new deadline on its own, the statement said on Monday afternoon.",
]
HEADLINE = "IRS extends tax deadline for flood victims in six counties"


def page(article_head: str, *, head: str = "", lang: str = "en", wrapped: bool = True) -> str:
    """The story in a content <div> under the header elements, or (not `wrapped`) as their siblings in the
    <article>, as newspaper templates print it."""
    story = "".join(f"<p>{text}</p>" for text in STORY)
    if wrapped:
        story = f"<div class='content'>{story}</div>"
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{HEADLINE} | Money Site</title>{head}"
        "</head><body><header><nav><a href='/'>Home</a> <a href='/taxes'>Taxes</a></nav></header>"
        f"<main><article>{article_head}{story}</article></main>"
        "<footer><p>© 2024 Money Site</p></footer></body></html>"
    )


DISCLOSURE = (
    "<div class='disclosure'><button>Advertiser Disclosure</button><p>Many of the offers appearing on this site "
    "are from advertisers from which this website receives compensation for being listed here. This compensation "
    "may impact how and where products appear on this site.</p></div>"
)


def test_a_partner_disclosure_above_the_headline_is_no_part_of_the_body() -> None:
    html = page(f"{DISCLOSURE}<h1>{HEADLINE}</h1><div class='date'>Sep 30, 2024</div>")
    article = extract_article(html, URL)
    assert article.body.split("\n\n") == STORY
    assert published_day(article) == "2024-09-30"


def test_other_partner_disclosures_are_no_part_of_the_body() -> None:
    for note in (
        "Many or all of the products featured here are from our partners who compensate us.",
        "Editorial Note: We earn a commission from partner links on Money Site. Commissions do not affect our "
        "editors' opinions or evaluations.",
        "Our editorial standards: We are committed to providing unbiased information.",
    ):
        html = page(f"<h1>{HEADLINE}</h1><p>{note}</p>")
        assert note not in extract_article(html, URL).body


def test_a_story_sentence_about_compensation_stays() -> None:
    sentence = (
        "Victims whose homes appear on the federal list of damaged properties are entitled to compensation, "
        "the agency said."
    )
    html = page(f"<h1>{HEADLINE}</h1>").replace(f"<p>{STORY[2]}</p>", f"<p>{STORY[2]}</p><p>{sentence}</p>")
    assert sentence in extract_article(html, URL).body


KICKER = "<div class='story-flag'><a href='/markets/'>Markets</a> | <span>Stock Market Today</span></div>"
DEK = "Small caps surge nearly 6% and the Dow gains more than 1,400 points; bonds slide."
STAMP = "<div class='story-timestamp'><time datetime='2024-11-06T21:45:00Z'>Nov. 6, 2024 4:45 pm ET</time></div>"


def test_a_kicker_the_headline_and_the_dek_over_the_stamp_leave_the_body() -> None:
    html = page(f"{KICKER}<h1>{HEADLINE}</h1><p class='story-dek'>{DEK}</p>{STAMP}", wrapped=False)
    article = extract_article(html, URL)
    assert article.body.split("\n\n") == STORY
    assert article.published_at is not None
    assert (article.published_at.date().isoformat(), article.tz_offset) == ("2024-11-06", "-05:00")


def test_a_line_under_the_headline_with_no_stamp_under_it_stays() -> None:
    # the story's first paragraph right under the headline is no dek: no date stamp follows it
    html = page(f"{KICKER}<h1>{HEADLINE}</h1><p>{DEK}</p>", wrapped=False)
    assert extract_article(html, URL).body.split("\n\n") == [DEK, *STORY]


DESCRIPTION = "Spot funds drew $3.4 billion in five days; futures open interest reaches a record."


def test_the_declared_description_over_a_relative_stamp_is_the_standfirst() -> None:
    html = page(
        f"<h1>{HEADLINE}</h1><h2 class='sc-dek'>{DESCRIPTION}</h2><div class='sc-authorline'><div class='sc-time'>"
        "<time datetime='2024-12-03T14:20:00Z'>3 hours ago</time></div></div>",
        head=f"<meta name='description' content='{DESCRIPTION}'>",
        wrapped=False,
    )
    assert extract_article(html, URL).body.split("\n\n") == STORY


def test_a_first_paragraph_equal_to_the_description_stays() -> None:
    # WordPress and many CMSs copy the first paragraph into the description: without a stamp under it, it is story
    html = page(f"<h1>{HEADLINE}</h1>", head=f"<meta name='description' content='{STORY[0]}'>")
    assert extract_article(html, URL).body.split("\n\n") == STORY


def test_a_product_cards_commission_notice_is_no_part_of_the_body() -> None:
    notice = "We earn a commission if you make a purchase, at no additional cost to you."
    html = page(f"<h1>{HEADLINE}</h1>").replace(f"<p>{STORY[1]}</p>", f"<p>{STORY[1]}</p><p>{notice}</p>")
    assert extract_article(html, URL).body.split("\n\n") == STORY


def test_a_live_blogs_entry_stamps_are_no_part_of_the_body() -> None:
    entries = "".join(
        f"<div class='entry'><p class='stamp'>{time} Nadia Petrova</p><p>{text}</p></div>"
        for time, text in zip(("23:41", "22:30", "20:05"), STORY, strict=True)
    )
    html = page(f"<h1>{HEADLINE}</h1>").replace("".join(f"<p>{t}</p>" for t in STORY), entries)
    assert extract_article(html, URL).body.split("\n\n") == STORY


def test_a_programme_of_times_and_a_column_of_figures_stay() -> None:
    programme = ["09:00 Registration", "10:30 Keynote", "12:00 Lunch", "13:30 Workshops"]
    figures = ["1.15", "10.93", "0.81", "10.63"]
    extra = "".join(f"<p>{line}</p>" for line in [*programme, *figures])
    html = page(f"<h1>{HEADLINE}</h1>").replace(f"<p>{STORY[2]}</p>", f"<p>{STORY[2]}</p>{extra}")
    assert extract_article(html, URL).body.split("\n\n") == [*STORY, *programme, *figures]
