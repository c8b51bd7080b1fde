"""Hostile pages and hostile batch lines: the extractor keeps what a browser would show and never crashes.

Each page goes through `extract_article` directly; the batch door is run as the `newscorpus extract` command on
a file of hostile lines, which must give one output line per input line, in order, with errors recorded.
test_extract_batch.py covers the batch door's ordering, time limit and plain garbage lines; this file covers
markup that breaks parsers (nesting past libxml2's depth limit, lone surrogates), extreme sizes, broken JSON-LD and
impossible dates, and the JSON-lines edge cases (raw control characters in a line, non-string html, repeated ids).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newscorpus.extract import extract_article
from newscorpus.extract.batch import extract_jsonl
from newscorpus.extract.document import MAX_NESTING, parse_html
from newscorpus.extract.markup_depth import cap_nesting
from newscorpus.extract.text_lines import element_lines

SENTENCE = "The harbour authority said on Monday that the new pier will open next spring after long delays."
STORY = " ".join([SENTENCE] * 6)


def page(body_prefix: str = "", *, head: str = "", title: str = "Harbour pier opens", article: str = "") -> str:
    article = article or f"<p>{STORY}</p><p>Second part. {STORY}</p>"
    return (
        f"<html lang='en'><head><title>{title}</title>{head}</head>"
        f"<body>{body_prefix}<article><h1>{title}</h1>{article}</article></body></html>"
    )


def tree_depth(html: str) -> int:
    tree = parse_html(html)
    assert tree is not None
    return max(sum(1 for _ in element.iterancestors()) for element in tree.iter())


@pytest.mark.parametrize("count", [300, 3000])
@pytest.mark.parametrize("opening", ["<div>", "<font color=red>", "<span>", "<table><tr><td>", "<blockquote>"])
def test_unclosed_wrappers_past_the_parsers_depth_limit_keep_the_article(opening: str, count: int) -> None:
    """libxml2 stops at depth 256 (2048 with huge_tree) and drops the rest of the page; a browser shows it."""
    fields = extract_article(page(opening * count), "https://news.example/2024/05/02/pier")
    assert fields.title == "Harbour pier opens"
    assert fields.body.startswith(STORY) and f"Second part. {STORY}" in fields.body
    assert fields.is_article


def test_deep_nesting_keeps_every_line_in_reading_order_and_the_tree_shallow() -> None:
    """Past the cap elements become siblings (as browsers flatten): text keeps its order, and the tree stays far
    below Python's recursion limit, which the extractor's walkers recurse towards once per level."""
    levels = 20_000
    html = "<html><body>" + "".join(f"<span><p>Level {i} text.</p>" for i in range(levels)) + "<p>The end.</p>"
    tree = parse_html(html)
    assert tree is not None
    assert element_lines(tree) == [f"Level {i} text." for i in range(levels)] + ["The end."]
    assert tree_depth(html) <= MAX_NESTING + 5
    fields = extract_article(html, "https://news.example/deep")  # no RecursionError anywhere in the extractor
    assert "Level 19999 text." in fields.body and fields.body.endswith("The end.")


def test_nesting_just_under_the_limit_is_parsed_as_written() -> None:
    html = page("<div>" * 250)
    assert tree_depth(html) > 250  # not flattened: the cap only applies once libxml2 gives up
    assert extract_article(html, "https://news.example/a").body.startswith(STORY)


def test_cap_nesting_changes_nothing_below_the_cap_and_skips_script_text() -> None:
    shallow = page("<div class='x'>" * 10) + "<script>if (a<b) { s = '<div><div><div>'; }</script>"
    assert cap_nesting(shallow, 50) == shallow
    deep = "<DIV>" * 5 + "<script>'<div>'</script><p>x</p>" + "</div>" * 5
    # at the cap the innermost open element closes before the next opens; the end tags of those closed early go
    expected = "<DIV><DIV><DIV></div><DIV></div><DIV></div><script>'<div>'</script><p>x</p></div></div>"
    assert cap_nesting(deep, 3) == expected
    hidden = "<div>" * 300 + "<script>var secret = 1;</script><noscript>enable scripts</noscript><p>Shown text.</p>"
    lines = element_lines(parse_html(f"<html><body>{hidden}"))
    assert lines == ["Shown text."]  # hidden elements past the cap stay elements, so they stay hidden


@pytest.mark.parametrize("bad", ["\ud800", "\udfff", "\udc80\udc81", "a\ud83d"], ids=["high", "low", "pair-ish", "cut"])
def test_lone_surrogates_in_str_input_do_not_drop_the_rest_of_the_page(bad: str) -> None:
    """libxml2 stopped parsing at the first lone surrogate: everything after it (the article) vanished."""
    fields = extract_article(page(f"<p>Menu {bad} item</p>"), "https://news.example/a")
    assert fields.body.startswith(STORY) and fields.title == "Harbour pier opens"
    json.dumps(fields.to_dict(json_safe=True))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_bytes_with_a_byte_order_mark_are_decoded(encoding: str) -> None:
    raw = page().encode(encoding) if encoding != "utf-16-be" else ("\ufeff" + page()).encode(encoding)
    fields = extract_article(raw, "https://news.example/a")
    assert fields.title == "Harbour pier opens" and fields.body.startswith(STORY)


def test_a_few_nul_bytes_in_str_input_are_dropped() -> None:
    fields = extract_article(page("<p>\x00ad\x00</p>"), "https://news.example/a")
    assert fields.body.startswith(STORY)


@pytest.mark.parametrize("stray", ["</html>", "</body></html>", "</BODY >", "</body>"])
def test_content_after_a_stray_end_of_document_tag_is_read(stray: str) -> None:
    """An embedded snippet's "</body></html>" mid-page: libxml2 dropped everything after "</html>" (and put what
    follows "</body>" outside the body); a browser shows it in the body."""
    fields = extract_article(page(f"<div class='embed'>Ad{stray}</div>"), "https://news.example/a")
    assert fields.title == "Harbour pier opens" and fields.body.startswith(STORY)


def test_megabytes_of_inline_code_in_the_head_do_not_push_the_article_past_the_size_cut() -> None:
    state = "<script>window.__STATE__ = '" + "x" * 5_000_000 + "';</script><style>" + "a{}" * 100_000 + "</style>"
    card = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-02T08:00:00Z"}'
    fields = extract_article(page(head=state + card + "</script>"), "https://news.example/a")
    assert fields.body.startswith(STORY) and f"Second part. {STORY}" in fields.body
    assert fields.published_at is not None and fields.published_at.isoformat() == "2024-05-02T08:00:00+00:00"


HOSTILE_PAGES = {
    "4mb-line-without-tags": "x" * 4_000_000,
    "4mb-of-text-in-one-paragraph": "<html><body><p>" + "word " * 800_000,
    "100k-tiny-elements": "<html><body>" + "<span>a</span>" * 100_000 + f"<p>{STORY}</p>",
    "only-script": "<html><head><script>" + "var a = '<p>not text</p>';" * 50_000 + "</script></head></html>",
    "huge-attribute": f"<html><body><div class='{'c' * 3_000_000}'><p>{STORY}</p></div>",
    "cdata-and-stray-end-tags": page("<![CDATA[ never closed <p></td></tr></table></div></body></html><p>"),
    "long-title": page(title="T" * 1_000_000),
    "json-ld-invalid": page(head='<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'),
    "json-ld-deep": page(
        head='<script type="application/ld+json">' + '{"a":' * 50_000 + "1" + "}" * 50_000 + "</script>"
    ),
    "json-ld-deep-graph": page(
        head='<script type="application/ld+json">'
        + '{"@graph":[' * 900
        + '{"@type":"NewsArticle","datePublished":"2024-05-02T08:00:00Z"}'
        + "]}" * 900
        + "</script>"
    ),
    "json-ld-wrong-types": page(
        head='<script type="application/ld+json">{"@type":["NewsArticle",1,null,{}],"headline":123,'
        '"author":[1,null,{"name":5},"x"],"datePublished":123456789,"dateModified":{"a":1},"image":{"url":[1]},'
        '"keywords":5,"articleSection":[null],"x":1e999999,"y":NaN}</script>'
    ),
    "json-ld-impossible-dates": page(
        head='<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0000-01-01T00:00:00Z",'
        '"dateModified":"99999-12-31"}</script>'
    ),
    "meta-dates-at-the-edges-of-datetime": page(
        head="<meta property='article:published_time' content='0001-01-01T00:00:00+14:00'>"
        "<meta property='article:modified_time' content='9999-12-31T23:59:59-12:00'>"
        "<meta name='date' content='-0001-01-01'>"
    ),
    "malformed-time-elements": page(
        "<time datetime='2024-13-45T99:99:99+99:99'>x</time><time datetime='0000-00-00'>y</time>"
        "<time datetime='99999-01-01'>z</time><time datetime='" + "9" * 10_000 + "'>w</time>"
    ),
    "impossible-printed-dates": page("<p>Published 31 February 0000, updated 99999-99-99</p><p>Jumat, 0 Mei 0000</p>"),
}


@pytest.mark.parametrize("html", list(HOSTILE_PAGES.values()), ids=list(HOSTILE_PAGES))
def test_hostile_pages_give_fields_not_exceptions(html: str) -> None:
    fields = extract_article(html, "https://news.example/0000/00/00/story", crawl_date=None)
    record = fields.to_dict(json_safe=True)
    json.dumps(record)
    if "<article>" in html:  # the article is still found whatever else the page holds
        assert STORY in fields.body


def test_impossible_dates_are_no_date() -> None:
    for name in ("json-ld-impossible-dates", "meta-dates-at-the-edges-of-datetime", "malformed-time-elements"):
        assert extract_article(HOSTILE_PAGES[name], "https://news.example/story").published_at is None, name


def test_the_batch_command_gives_one_line_per_hostile_line_in_order(tmp_path: Path) -> None:
    good = page()
    lines = [
        "{not json",
        json.dumps({"id": "no-html", "url": "https://news.example/x"}),
        json.dumps({"id": "int-html", "html": 5}),
        json.dumps({"id": "null-html", "html": None}),
        json.dumps({"id": "list-html", "html": [good]}),
        json.dumps(42),
        "[" * 100_000 + "]" * 100_000,  # JSON nested past the decoder's recursion limit
        json.dumps({"id": "dup", "url": "https://news.example/1", "html": good}),
        json.dumps({"id": "dup", "url": "https://news.example/2", "html": good}),
        json.dumps({"id": "deep", "url": 5, "html": page("<font>" * 3000), "crawl_date": 20240101}),
        json.dumps({"id": "surrogate", "html": page("<p>\ud800</p>")}),  # written as the escape "\ud800"
        '{"id": "raw-cr", "html": "' + good.replace("<p>", "<p>\r\t", 1) + '"}',  # a lenient writer's raw CR
        json.dumps({"id": "date-overflow", "html": HOSTILE_PAGES["meta-dates-at-the-edges-of-datetime"]}),
        json.dumps({"id": "bad-crawl-date", "html": good, "crawl_date": "99999-01-01"}),
        json.dumps({"id": "last", "html": good}),
    ]
    source, target = tmp_path / "pages.jsonl", tmp_path / "articles.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
    cli = str(Path(sys.executable).with_name("newscorpus"))  # the console script pyproject installs
    command = [cli, "extract", "--input", str(source), "--output", str(target), "--workers", "2", "--time-limit", "60"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    ids = [r["id"] for r in records]
    assert ids == [None, "no-html", "int-html", "null-html", "list-html", None, None, "dup", "dup", "deep",
                   "surrogate", "raw-cr", "date-overflow", "bad-crawl-date", "last"]  # fmt: skip
    errors = [r["error"] for r in records]
    assert errors[0].startswith("JSONDecodeError")
    assert all("no html string" in e for e in errors[1:5])
    assert errors[5] == "ValueError: input line is not a JSON object"
    assert errors[6].startswith("RecursionError")
    assert all(r["quality_flags"] == ["extract_error"] and r["body"] == "" for r in records[:7])
    for record in records[7:]:
        assert record["error"] is None, record["id"]
        assert record["title"] == "Harbour pier opens" and record["body"].startswith(STORY), record["id"]
    assert records[12]["published_at"] is None
    stats = json.loads(done.stderr.strip().splitlines()[-1])
    assert stats["pages"] == 15 and stats["errors"] == 7 and stats["timeouts"] == 0


def test_a_callers_stream_splits_lines_only_at_newlines(tmp_path: Path) -> None:
    """A stream opened in Python's default universal-newline mode would cut a line at a raw carriage return."""
    path = tmp_path / "pages.jsonl"
    path.write_text('{"id": "cr", "html": "' + page().replace("<p>", "<p>\r", 1) + '"}\n', encoding="utf-8", newline="")
    out = io.StringIO()
    with path.open(encoding="utf-8") as stream:
        stats = extract_jsonl(stream, out, workers=1)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert stats.pages == 1 and records[0]["id"] == "cr" and records[0]["body"].startswith(STORY)
