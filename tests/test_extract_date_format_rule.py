"""A source's declared date format (`extraction.date_format`, strptime codes) decides how its printed dates read:
"03/08/2026" is 3 August when the source says "%d/%m/%Y", whatever the page's language suggests; month names of
any language the extractor knows read through %B / %b; a wrong format fails when the registry loads."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscorpus.extract.article import extract_article
from newscorpus.sources import ExtractionRules, SourceConfigError, load_sources, source_from_dict

STORY = "".join(
    f"<p>The council voted on Monday night to repair the bridge before the autumn, paragraph {n} of the story.</p>"
    for n in range(6)
)


def _page(stamp: str, *, lang: str = "en") -> str:
    return f"""<!doctype html><html lang="{lang}"><head><title>Bridge repairs approved</title></head><body>
    <article><h1>Bridge repairs approved</h1><div class="byline">By Jane Doe</div>
    <div class="stamp"><span class="tgl">{stamp}</span></div><div class="text">{STORY}</div></article></body></html>"""


def test_a_declared_format_reads_an_ambiguous_numeric_date_day_first() -> None:
    html = _page("Posted 03/08/2026 17:53")
    generic = extract_article(html, url="https://news.example/a", timezone="Asia/Jakarta")
    assert generic.published_at is not None and generic.published_at.month == 3  # an English page: month first
    rules = ExtractionRules(date_format=("%d/%m/%Y %H:%M",))
    ruled = extract_article(html, url="https://news.example/a", rules=rules, timezone="Asia/Jakarta")
    assert ruled.published_at == datetime(2026, 8, 3, 10, 53, tzinfo=UTC)
    assert ruled.tz_offset == "+07:00"


def test_a_declared_format_reads_the_date_element_with_indonesian_month_names() -> None:
    html = _page("Senin, 03 Agustus 2026 | 17:53 WIB", lang="id")
    rules = ExtractionRules(date=".tgl", date_format=("%d %b %Y", "%d %B %Y | %H:%M"))
    article = extract_article(html, url="https://news.example/a", rules=rules, timezone="UTC")
    # runs of words are tried longest first: "03 Agustus 2026 | 17:53" (the second format) before "03 Agustus 2026"
    assert article.published_at == datetime(2026, 8, 3, 10, 53, tzinfo=UTC)
    assert article.tz_offset == "+07:00"  # "WIB" states the zone, whatever the source's default


def test_a_declared_format_reads_under_the_headline_and_never_outranks_a_machine_readable_time() -> None:
    ticker = '<div class="ticker">Markets 01/07/2026 09:00</div>'
    html = _page("Posted 03/08/2026 17:53").replace("<article>", f"{ticker}<article>")
    rules = ExtractionRules(date_format=("%d/%m/%Y %H:%M",))
    article = extract_article(html, url="https://news.example/a", rules=rules, timezone="Asia/Jakarta")
    assert article.published_at == datetime(2026, 8, 3, 10, 53, tzinfo=UTC)  # not the ticker's 1 July above it
    timed = html.replace('<div class="text">', '<time datetime="2026-08-02T09:15:00+07:00"></time><div class="text">')
    article = extract_article(timed, url="https://news.example/a", rules=rules, timezone="Asia/Jakarta")
    assert article.published_at == datetime(2026, 8, 2, 2, 15, tzinfo=UTC)


def test_a_format_that_reads_nothing_leaves_the_generic_reader_in_charge() -> None:
    html = _page("Jumat, 24 Juli 2026 12:40 WIB", lang="id")
    rules = ExtractionRules(date_format=("%Y.%m.%d",))
    article = extract_article(html, url="https://news.example/a", rules=rules, timezone="Asia/Jakarta")
    assert article.published_at == datetime(2026, 7, 24, 5, 40, tzinfo=UTC)


REGISTRY = """
sources:
  - id: harian-kota
    name: Harian Kota
    language: id
    timezone: Asia/Jakarta
    home: https://harian.example/
    allowed_domains: [harian.example]
    extraction:
      date_format: {formats}
"""


def test_the_registry_accepts_one_format_or_a_list_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(REGISTRY.format(formats='"%d/%m/%Y, %H:%M"'), encoding="utf-8")
    (source,) = load_sources(path)
    assert source.extraction.date_format == ("%d/%m/%Y, %H:%M",)
    path.write_text(REGISTRY.format(formats='["%d %B %Y", "%d/%m/%y"]'), encoding="utf-8")
    (source,) = load_sources(path)
    assert source.extraction.date_format == ("%d %B %Y", "%d/%m/%y")
    assert source_from_dict(source.to_dict()) == source


@pytest.mark.parametrize(
    ("formats", "message"),
    [
        ('"%d/%m/%Y %Q"', r"harian-kota.*date_format.*not a usable format"),
        ('"%m/%Y"', r"harian-kota.*date_format.*needs a day"),
        ('"%d %B"', r"harian-kota.*date_format.*needs a day .* and a year"),
        ("[1, 2]", r"harian-kota.*'date_format' must be a list of strings"),
    ],
)
def test_a_wrong_format_fails_when_the_registry_loads(tmp_path: Path, formats: str, message: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(REGISTRY.format(formats=formats), encoding="utf-8")
    with pytest.raises(SourceConfigError, match=message):
        load_sources(path)
