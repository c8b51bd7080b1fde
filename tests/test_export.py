"""`newscorpus export` on the published demo corpus: every published article becomes one document, the filters and
--dedup select what DuckDB selects, and the dataset card counts what the file holds and carries the registry's
permission notes per source."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.parquet as pq
import pytest

from newscorpus.catalog import query
from newscorpus.cli import EXIT_NO_DATA, main
from newscorpus.export import ExportError, ExportFilters, export_corpus
from newscorpus.settings import sources_file
from newscorpus.sources import load_sources

if TYPE_CHECKING:
    from conftest import DemoCorpus


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_holds_every_published_article_as_id_text_metadata(corpus_env: DemoCorpus, tmp_path: Path) -> None:
    result = export_corpus(corpus_env.data, tmp_path / "corpus.jsonl", "jsonl")
    _, rows = query(corpus_env.data, "SELECT article_id, title, body, source, url, language FROM articles")
    docs = _lines(result.path)
    assert result.documents == len(docs) == len(rows) > 0
    by_id = {d["id"]: d for d in docs}
    assert len(by_id) == len(docs)
    for article_id, title, body, source, url, language in rows:
        doc = by_id[article_id]
        assert doc["text"] == f"{title}\n\n{body}"
        assert (doc["metadata"]["source"], doc["metadata"]["url"], doc["metadata"]["language"]) == (
            source,
            url,
            language,
        )
        assert set(doc) == {"id", "text", "metadata"}
    assert all(d["metadata"]["published_at"] is None or d["metadata"]["published_at"].endswith("Z") for d in docs)
    assert all(d["metadata"]["warc_file"].startswith("raw/source=") for d in docs)


def test_dataset_card_counts_the_file_and_notes_permissions(corpus_env: DemoCorpus, tmp_path: Path) -> None:
    result = export_corpus(corpus_env.data, tmp_path / "corpus.jsonl", "jsonl")
    card = json.loads(result.card_json.read_text(encoding="utf-8"))
    docs = _lines(result.path)
    per_source: dict[str, int] = {}
    languages: dict[str, int] = {}
    for doc in docs:
        per_source[doc["metadata"]["source"]] = per_source.get(doc["metadata"]["source"], 0) + 1
        languages[doc["metadata"]["language"]] = languages.get(doc["metadata"]["language"], 0) + 1
    assert card["documents"] == len(docs)
    assert {s["source"]: s["documents"] for s in card["sources"]} == per_source
    assert card["languages"] == languages
    crawl_dates = sorted(d["metadata"]["crawl_date"] for d in docs)
    assert card["crawl_date_range"] == [crawl_dates[0], crawl_dates[-1]]
    assert card["file"]["sha256"] == result.sha256 and card["file"]["bytes"] == result.path.stat().st_size
    registry = {s.id: s for s in load_sources(sources_file(), include_disabled=True)}
    for entry in card["sources"]:
        permission = registry[entry["source"]].permission
        assert entry["permission"]["verified"] == permission.verified
        assert entry["permission"]["terms_url"] == permission.terms_url
        assert entry["permission"]["checked_on"] == permission.checked_on
    markdown = result.card_markdown.read_text(encoding="utf-8")
    assert f"documents: {len(docs):,}" in markdown
    for source, count in per_source.items():
        assert f"| {source} | {count:,} |" in markdown
    assert "## Licence" in markdown


def test_dedup_keeps_one_document_per_near_duplicate_cluster(corpus_env: DemoCorpus, tmp_path: Path) -> None:
    _, rows = query(
        corpus_env.data,
        "SELECT count(*), count(DISTINCT coalesce(near_dup_cluster, content_hash, article_id)) FROM articles",
    )
    total, clusters = rows[0]
    assert clusters < total, "the demo carries a wire story on several outlets"
    result = export_corpus(corpus_env.data, tmp_path / "dedup.jsonl", "jsonl", ExportFilters(dedup=True))
    docs = _lines(result.path)
    assert result.documents == len(docs) == clusters
    keys = [d["metadata"]["near_dup_cluster"] or d["metadata"]["content_hash"] for d in docs]
    assert len(set(keys)) == len(keys)
    card = json.loads(result.card_json.read_text(encoding="utf-8"))
    assert card["selection"]["dedup"] is True and card["documents"] == clusters


def test_parquet_with_filters_selects_what_duckdb_selects(corpus_env: DemoCorpus, tmp_path: Path) -> None:
    _, rows = query(corpus_env.data, "SELECT source, language, min(crawl_date) FROM articles GROUP BY ALL ORDER BY 1")
    source, language, since = rows[0]
    _, expected = query(
        corpus_env.data,
        f"SELECT article_id FROM articles WHERE source = '{source}' AND language = '{language}' "
        f"AND coalesce(published_at::date, crawl_date) >= DATE '{since}'",
    )
    filters = ExportFilters(since=since, sources=(source,), language=language)
    result = export_corpus(corpus_env.data, tmp_path / "part.parquet", "parquet", filters)
    table = pq.read_table(result.path)
    assert table.column_names == ["id", "text", "metadata"]
    assert sorted(table.column("id").to_pylist()) == sorted(r[0] for r in expected)
    assert {m["source"] for m in table.column("metadata").to_pylist()} == {source}


def test_nothing_matching_is_exit_4_and_writes_nothing(corpus_env: DemoCorpus, tmp_path: Path, capsys) -> None:
    target = tmp_path / "none.jsonl"
    with pytest.raises(ExportError, match="no published article matches"):
        export_corpus(corpus_env.data, target, "jsonl", ExportFilters(language="xx"))
    assert main(["export", "--format", "jsonl", "--lang", "xx", "--output", str(target)]) == EXIT_NO_DATA
    assert "newscorpus query" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cli_export_json_summary(corpus_env: DemoCorpus, tmp_path: Path, capsys) -> None:
    target = tmp_path / "out" / "corpus.jsonl"
    assert main(["export", "--format", "jsonl", "--dedup", "--output", str(target), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["path"] == str(target) and summary["documents"] == len(_lines(target))
    assert summary["filters"]["dedup"] is True
    assert Path(summary["card_markdown"]).name == "corpus.card.md" and Path(summary["card_json"]).is_file()
