"""Rules found by the twenty-third blind page set (bench/blind-pages-23): site builders' and publishing platforms'
markup (a Framer layer named "Authors", Medium's generated atomic classes, a post's clap and response counts, a
newsletter's forwarding box, reader poll and paywall, a Naver Blog nickname, a Patreon creator) and a university
story's "Words by" credit under the text.
"""

from __future__ import annotations

import pytest
from test_extract_probe_credits import STORY  # the same three paragraphs of a city story

from newscorpus.extract import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate

HEADLINE = "The 8 best AI writing tools for marketers, compared"


def _page(header: str = "", *, story: str | None = None, below: str = "", head: str = "", lang: str = "en") -> str:
    story = story if story is not None else "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    return (
        f"<html lang='{lang}'><head><meta charset='utf-8'>{head}<title>{HEADLINE}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav><main><article>"
        f"<h1>{HEADLINE}</h1>{header}<div class='post-content'>{story}</div>{below}</article></main>"
        "<footer>© 2025</footer></body></html>"
    )


def test_a_framer_layer_named_authors_holds_the_writers() -> None:
    header = (
        "<div class='framer-y8fn6flc6' data-framer-name='Authors'><div class='framer-2li8vq436' data-framer-name="
        "'Authors' data-framer-component-type='RichTextContainer'><p class='framer-text'>Elliot Navarro &amp; Sung-min"
        " Park</p></div></div>"
    )
    article = extract_article(_page(header), "https://wordsmith.framer.website/blog/best-ai-writing-tools")
    assert article.authors == ["Elliot Navarro", "Sung-min Park"]


def test_a_code_block_among_medium_atomic_classes_is_text() -> None:
    code = (
        "<pre class='nj jf ad sg zo xk re zg hd wh xe lo bk'><span data-code-block-lang='sql'>SELECT job,<br/>"
        "       rows_written<br/>FROM run_ledger;</span></pre>"
    )
    story = f"<p>{STORY[0]}</p><p>The query we run every morning:</p>{code}<p>{STORY[1]}</p><p>{STORY[2]}</p>"
    article = extract_article(_page(story=story), "https://engineering.harborlight.io/a-run-ledger-0c7e4d19b2f3")
    assert "FROM run_ledger;" in article.body.splitlines()


def test_a_posts_clap_and_response_counts_are_no_text() -> None:
    header = "<div class='claps'><p>642</p></div><div class='responses'><p>7</p></div>"
    story = "<p>642</p><p>7</p>" + "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    article = extract_article(_page(header, story=story), "https://medium.com/@tomasz/run-ledger-0c7e4d19b2f3")
    assert article.body.splitlines()[0] == STORY[0]


@pytest.mark.parametrize(
    "line",
    [
        "Forwarded this email? Subscribe here to get The Operator every Tuesday.",
        "Was this email forwarded to you? Sign up here.",
        "How did you like today’s issue?",
    ],
)
def test_a_newsletter_issues_forwarding_box_and_reader_poll_are_no_text(line: str) -> None:
    assert remove_boilerplate([STORY[0], line, STORY[1], STORY[2]]) == STORY


def test_a_substack_paywall_ends_the_free_part() -> None:
    paywall = [
        "Keep reading with a 7-day free trial",
        "Subscribe to Ledger Lines to keep reading this post and get 7 days of free access to the full post archives.",
        "Already a paid subscriber? Sign in",
    ]
    assert remove_boilerplate([*STORY, *paywall]) == STORY


def test_a_naver_blog_posts_nickname_is_its_writer() -> None:
    head = "<meta property='naverblog:nickname' content='윤서하'>"
    header = "<div class='blog_category'><a href='https://m.blog.naver.com/seoha_daily?categoryNo=3'>국내여행</a></div>"
    article = extract_article(_page(header, head=head, lang="ko"), "https://m.blog.naver.com/seoha_daily/223561230")
    assert article.authors == ["윤서하"]


def test_a_patreon_posts_creator_is_its_writer() -> None:
    header = (
        "<div><a href='https://www.patreon.com/wrencastellanos' data-tag='creator-public-page-name'>"
        "<h2 class='sc-jSMfEi'>Wren Castellanos</h2></a><p>Creating field recordings and ambient albums</p></div>"
    )
    article = extract_article(_page(header), "https://www.patreon.com/posts/carrizo-nights-is-121873305")
    assert article.authors == ["Wren Castellanos"]


def test_a_words_by_credit_under_a_university_story_names_its_writer() -> None:
    head = "<meta name='dcterms.creator' content='Southern Cross University'>"
    below = "<p class='news-detail__words'>Words by Lena Hartmann</p><p>Media enquiries: media@scu.edu.au</p>"
    article = extract_article(_page(head=head, below=below, lang="en-AU"), "https://www.scu.edu.au/news/2025/reef/")
    assert article.authors == ["Lena Hartmann"]
