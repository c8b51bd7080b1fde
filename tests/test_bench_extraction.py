"""bench/extraction.py's --strip-metadata: what it removes is exactly the declarations, nothing the page prints."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from extraction_checks import published_day

from newscorpus.extract import extract_article

BENCH = Path(__file__).resolve().parent.parent / "bench" / "extraction.py"


def _bench():
    spec = importlib.util.spec_from_file_location("extraction_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGE = (
    "<html><head><meta charset='utf-8'><title>Quays rebuilt</title>"
    "<meta property='og:title' content='Quays rebuilt'><meta property='article:published_time' content='2025-05-01'>"
    "<meta name='author' content='Ann Lee'><meta name='viewport' content='width=device-width'>"
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-05-01"}</script>'
    "<script>var x = 1;</script></head><body><article><h1>Quays rebuilt</h1><p>By Ann Lee · May 2, 2025</p>"
    "<p>The river towns have rebuilt their old quays and warehouses into markets and small museums.</p>"
    "</article></body></html>"
)


def test_strip_metadata_leaves_only_what_the_page_prints() -> None:
    stripped = _bench().strip_metadata(PAGE)
    assert "ld+json" not in stripped and "og:title" not in stripped and "published_time" not in stripped
    assert "name='author'" not in stripped
    assert "<meta charset='utf-8'>" in stripped and "viewport" in stripped and "var x = 1" in stripped
    assert stripped.endswith(PAGE[PAGE.index("<body>") :])  # the printed page, byte for byte
    article = extract_article(stripped, "https://example.com/quays")
    assert published_day(article) == "2025-05-02"
    assert article.authors == ["Ann Lee"]


def test_pages_are_read_in_their_own_charset() -> None:
    """Both extractors must get the page a browser shows: a page stored in windows-1252 is read by its declaration,
    while a page stored in UTF-8 that still declares its old charset is read as UTF-8."""
    page_text = _bench().page_text
    legacy = "<html><head><meta charset='windows-1252'></head><body><p>“Caf\u00e9” – £5</p></body></html>"
    assert page_text(legacy.encode("cp1252")) == legacy
    restored = "<html><head><meta charset='iso-8859-2'></head><body><p>Kraków, żółw</p></body></html>"
    assert page_text(restored.encode("utf-8")) == restored
