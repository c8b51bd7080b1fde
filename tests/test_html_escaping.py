"""Nothing a crawled article holds can run in the Data Docs the gate writes: headless Chromium opens the pages.

A partition whose titles, bodies, authors, sources, languages and ids are HTML payloads fails expectations that
show sample values, so the payloads land in the validation page. The page is then loaded in Chromium with its
scripts on, and the DOM Chromium ends with must show the payloads as text: no element they would create, and a
document.title they did not set. The detector itself is checked on a copy of the page with one payload unescaped.

Chromium is Debian's package; the session fixture `chromium` (conftest.py, tests/browser.py) installs it with
apt-get when it can (root), skips when it cannot, and fails in CI, which must run these tests.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pyarrow as pa
import pytest
from browser import dump_dom

from newscorpus.quality import GateResult, build_data_docs, validate_partition
from newscorpus.quality.escaped_view import escape_table_cells
from newscorpus.quality.gate import run_name

PWNED = "pwned"
IMG_PAYLOAD = f"""<img src=x onerror="document.title='{PWNED}'">"""
SCRIPT_PAYLOAD = f"<script>document.title='{PWNED}'</script>"
PAYLOADS = (IMG_PAYLOAD, SCRIPT_PAYLOAD)

SOURCE = "korankota"
DAY = dt.date(2026, 11, 20)
HOSTILE_RUN = f"manual__{IMG_PAYLOAD}"
PARAMETERS = {
    "min_articles": 3,
    "min_words": 20,
    "languages": ["id"],
    "min_published_at_coverage": 0.0,
    "min_authors_coverage": 0.0,
    "min_image_url_coverage": 0.0,
    "min_published_at": dt.datetime(2026, 11, 18, tzinfo=dt.UTC),
    "min_median_words": 20,
    "max_median_words": 5000,
    "max_near_duplicate_share": 0.2,
    "max_flag_short_share": 0.5,
    "max_flag_teaser_share": 0.2,
}
T0 = dt.datetime(2026, 11, 20, 6, 0, tzinfo=dt.UTC)
LONG_BODY = ("Banjir merendam sebagian Jakarta Utara sejak Kamis pagi setelah hujan deras semalaman. " * 4).strip()

_STR, _LIST, _TS = pa.string(), pa.list_(pa.string()), pa.timestamp("us", tz="UTC")
ARTICLE_TYPES = {
    "article_id": _STR, "source": _STR, "url": _STR, "canonical_url": _STR, "title": _STR, "lead": _STR,
    "body": _STR, "authors": _LIST, "editors": _LIST, "agency": _STR, "published_at": _TS, "modified_at": _TS,
    "tz_offset": _STR, "section": _STR, "tags": _LIST, "language": _STR, "word_count": pa.int32(),
    "image_url": _STR, "image_caption": _STR, "dateline": _STR, "content_hash": _STR, "near_dup_cluster": _STR,
    "quality_flags": _LIST, "first_seen_at": _TS, "crawl_date": pa.date32(), "run_id": _STR, "warc_file": _STR,
    "warc_offset": pa.int64(),
}  # fmt: skip
PAGE_TYPES = {
    "url": _STR, "final_url": _STR, "status": pa.int32(), "fetched_at": _TS, "content_type": _STR,
    "charset": _STR, "bytes": pa.int64(), "body_sha256": _STR, "is_article": pa.bool_(), "warc_file": _STR,
    "warc_offset": pa.int64(), "source": _STR, "crawl_date": pa.date32(), "run_id": _STR, "error": _STR,
}  # fmt: skip

# --- Chromium (tests/browser.py; the `chromium` fixture is in conftest.py) ----------------------------------------


@dataclass(frozen=True)
class RenderedPage:
    """The DOM Chromium holds after loading a page and running its scripts."""

    dom: lxml.html.HtmlElement

    @property
    def title(self) -> str:
        """document.title: the text of the first <title> in the document."""
        titles = self.dom.xpath("//title")
        return titles[0].text_content() if titles else ""

    def injected(self) -> list[str]:
        """Elements a payload would create if it reached the page as markup: the page itself has none of these."""
        script = f"document.title='{PWNED}'"
        found = self.dom.xpath("//*[@onerror]") + self.dom.xpath(f'//script[contains(., "{script}")]')
        return [lxml.html.tostring(element, encoding="unicode")[:200] for element in found]

    def text(self) -> str:
        return self.dom.text_content()


def render(chromium: str, page: Path, profile: Path) -> RenderedPage:
    """Load a page in headless Chromium with scripts on, and parse the DOM it dumps.

    Every host name resolves to nothing, so the page's CDN scripts and styles fail at once instead of reaching
    the network; the page's own inline scripts still run.
    """
    return RenderedPage(dump_dom(chromium, page, profile))


# --- the hostile partition --------------------------------------------------------------------------------------


def hostile_article(i: int) -> dict:
    """An article whose every text field is a payload; short bodies, foreign "languages" and a duplicated id and
    a stray source make expectations fail, so GX samples those values into the page."""
    payload = PAYLOADS[i % 2]
    url = f"https://korankota.example/berita/{i}"
    body = f"{payload} #{i}" if i < 4 else LONG_BODY  # 4 of 5 short: the body length check (mostly 0.8) fails
    return {
        "article_id": SCRIPT_PAYLOAD if i < 2 else f"id-{i}",  # a duplicated id: the uniqueness check fails
        "source": IMG_PAYLOAD if i == 4 else SOURCE,  # a row of another "source": the source check fails
        "url": url,
        "canonical_url": url,
        "title": f"{payload} title {i}",
        "lead": payload,
        "body": body,
        "authors": [IMG_PAYLOAD, SCRIPT_PAYLOAD],
        "editors": [payload],
        "agency": payload,
        "published_at": T0 - dt.timedelta(hours=i),
        "modified_at": None,
        "tz_offset": "+07:00",
        "section": payload,
        "tags": [payload],
        "language": IMG_PAYLOAD if i < 2 else "id",  # a warning that samples the language
        "word_count": len(body.split()),
        "image_url": f"https://korankota.example/img/{i}.jpg",
        "image_caption": payload,
        "dateline": payload,
        "content_hash": f"hash-{i}",
        "near_dup_cluster": None,
        "quality_flags": [],
        "first_seen_at": T0,
        "crawl_date": DAY,
        "run_id": HOSTILE_RUN,
        "warc_file": "raw/a.warc.gz",
        "warc_offset": 100 * i,
    }


def hostile_page(i: int) -> dict:
    url = f"https://korankota.example/berita/{i}"
    return {
        "url": url,
        "final_url": url,
        "status": 200,
        "fetched_at": T0 + dt.timedelta(seconds=i),
        "content_type": PAYLOADS[i % 2],
        "charset": "utf-8",
        "bytes": 5000,
        "body_sha256": f"sha-{i}",
        "is_article": True,
        "warc_file": "raw/a.warc.gz",
        "warc_offset": 100 * i,
        "source": IMG_PAYLOAD if i == 0 else SOURCE,
        "crawl_date": DAY,
        "run_id": HOSTILE_RUN,
        "error": PAYLOADS[i % 2],
    }


@dataclass(frozen=True)
class HostileDocs:
    result: GateResult
    index: Path


@pytest.fixture(scope="module")
def hostile_docs(tmp_path_factory: pytest.TempPathFactory) -> HostileDocs:
    reports_dir = tmp_path_factory.mktemp("reports")
    tables = {
        "articles": pa.Table.from_pylist([hostile_article(i) for i in range(5)], schema=pa.schema(ARTICLE_TYPES)),
        "pages": pa.Table.from_pylist([hostile_page(i) for i in range(5)], schema=pa.schema(PAGE_TYPES)),
    }
    result = validate_partition(
        tables, source=SOURCE, crawl_date=DAY, run_id=HOSTILE_RUN, parameters=PARAMETERS, reports_dir=reports_dir
    )
    return HostileDocs(result=result, index=build_data_docs(reports_dir))


# --- the tests --------------------------------------------------------------------------------------------------


def test_the_payloads_are_sampled_into_the_validation_page(hostile_docs: HostileDocs):
    """Without this the browser tests would prove nothing: the payloads must be among the values GX shows."""
    failed = {(o.table, o.expectation, o.column) for o in hostile_docs.result.outcomes if not o.success}
    assert {
        ("articles", "expect_column_values_to_be_unique", "article_id"),
        ("articles", "expect_column_value_lengths_to_be_between", "body"),
        ("articles", "expect_column_values_to_be_in_set", "source"),
        ("articles", "expect_column_values_to_be_in_set", "language"),
        ("pages", "expect_column_values_to_be_in_set", "source"),
    } <= failed
    assert set(hostile_docs.result.report_pages) == {"articles", "pages"}


@pytest.mark.parametrize("table", ["articles", "pages"])
def test_validation_page_shows_article_values_as_text(
    chromium: str, hostile_docs: HostileDocs, table: str, tmp_path: Path
):
    page = render(chromium, Path(hostile_docs.result.report_pages[table]), tmp_path / "profile")
    assert page.title != PWNED
    assert page.injected() == []
    text = page.text()
    assert IMG_PAYLOAD in text  # shown, as text, in the sampled values
    if table == "articles":
        assert SCRIPT_PAYLOAD in text and f"{SCRIPT_PAYLOAD} #1" in text and f"{IMG_PAYLOAD} #0" in text


def test_index_page_runs_nothing_from_the_run_name(chromium: str, hostile_docs: HostileDocs, tmp_path: Path):
    """The index lists the run name (its table is drawn by CDN scripts, which are not loaded here)."""
    page = render(chromium, hostile_docs.index, tmp_path / "profile")
    assert page.title == "Data Docs created by Great Expectations"
    assert page.injected() == []
    label = run_name(SOURCE, DAY, HOSTILE_RUN)
    assert hostile_docs.index.read_text(encoding="utf-8").count(label) >= 2  # both tables' runs are listed


def test_run_name_keeps_no_html_special_characters():
    label = run_name(SOURCE, DAY, f'manual__{SCRIPT_PAYLOAD}&"x\\y')
    assert label == "source=korankota crawl_date=2026-11-20 run_id=manual___script_document.title=_pwned___script___x_y"
    assert run_name(SOURCE, DAY, "scheduled__2026-11-20T00:00:00+00:00").endswith(
        "run_id=scheduled__2026-11-20T00:00:00+00:00"
    )


@pytest.mark.parametrize("payload", PAYLOADS, ids=["img-onerror", "script"])
def test_the_detector_catches_an_unescaped_value(
    chromium: str, hostile_docs: HostileDocs, payload: str, tmp_path: Path
):
    """The same page with the payload's escaped samples put back raw: the checks above must then fail."""
    original = Path(hostile_docs.result.report_pages["articles"])
    source = original.read_text(encoding="utf-8")
    escaped = html.escape(payload)
    assert escaped in source  # the page carries the payload escaped, as the fix writes it
    unescaped = tmp_path / "unescaped.html"
    unescaped.write_text(source.replace(escaped, payload), encoding="utf-8")
    page = render(chromium, unescaped, tmp_path / "profile")
    assert page.title == PWNED
    assert page.injected() != []


def test_escape_table_cells_escapes_plain_cells_and_leaves_content_blocks_to_gx():
    template = {"content_block_type": "string_template", "string_template": {"template": "<b>$v</b>"}}
    inner = {"content_block_type": "table", "table": [[IMG_PAYLOAD, 3]], "header_row": ["<h>"]}
    document = {
        "sections": [
            {"content_blocks": [{"content_block_type": "table", "table": [[template, [SCRIPT_PAYLOAD, inner]]]}]}
        ]
    }
    escape_table_cells(document)
    outer_row = document["sections"][0]["content_blocks"][0]["table"][0]
    assert outer_row[0] == template  # GX escapes a string template's params itself
    assert outer_row[1][0] == html.escape(SCRIPT_PAYLOAD)
    assert inner["table"] == [[html.escape(IMG_PAYLOAD), 3]] and inner["header_row"] == ["&lt;h&gt;"]
    assert escape_table_cells({"content_block_type": "table", "table": [[{"k": "<i>"}]]})["table"] == [
        [html.escape(str({"k": "<i>"}))]
    ]
