"""`newscorpus search` over the catalog's full-text index: ranked hits, filters, and user text that stays data."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newscorpus import pipeline
from newscorpus.catalog import catalog_path, query, refresh_catalog, search_index_dir
from newscorpus.cli import main
from newscorpus.demo import DEMO_DATE
from newscorpus.demo_site import truth
from newscorpus.search import search, snippet


@pytest.fixture(scope="module")
def published_demo(tmp_path_factory: pytest.TempPathFactory, demo_site_urls: dict[str, str]) -> Path:
    from newscorpus.demo_site import SOURCES_YAML, demo_env

    data = tmp_path_factory.mktemp("search") / "data"
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {**demo_env(demo_site_urls), "NEWSCORPUS_SOURCES": str(SOURCES_YAML),
                            "NEWSCORPUS_DATA": str(data)}.items():  # fmt: skip
            patch.setenv(name, value)
        pipeline.run_all(DEMO_DATE, "search-test")
    return data


def _a_title_word(outlet: str) -> tuple[str, str]:
    article = next(t for t in truth(DEMO_DATE) if t["outlet"] == outlet)
    words = sorted((w for w in article["title"].split() if w.isalpha() and len(w) > 5), key=len, reverse=True)
    return article["title"], words[0]


def test_a_title_word_finds_its_article_first(published_demo: Path) -> None:
    title, word = _a_title_word("harborherald")
    hits = search(published_demo, word)
    assert hits and any(h.title == title for h in hits[:3])
    assert all(hits[i].score >= hits[i + 1].score for i in range(len(hits) - 1))
    best = next(h for h in hits if h.title == title)
    assert word.lower() in best.snippet.lower()


def test_filters_narrow_the_hits(published_demo: Path) -> None:
    _, word = _a_title_word("korankota")
    hits = search(published_demo, word, source="korankota")
    assert hits and all(h.source == "korankota" for h in hits)
    assert search(published_demo, word, source="harborherald") == []  # an Indonesian word, an English outlet
    assert search(published_demo, word, language="en") == []
    assert search(published_demo, word, language="id")
    assert search(published_demo, word, since=DEMO_DATE.replace(year=2030)) == []


def test_hostile_text_finds_nothing_and_harms_nothing(published_demo: Path, monkeypatch, capsys) -> None:
    before = query(published_demo, "SELECT count(*) FROM articles")
    assert search(published_demo, "'); DROP TABLE articles; --") == []
    monkeypatch.setenv("NEWSCORPUS_DATA", str(published_demo))
    assert main(["search", "'); DROP TABLE articles; --"]) == 0
    assert "no match" in capsys.readouterr().out
    assert query(published_demo, "SELECT count(*) FROM articles") == before


def test_snippet_marks_the_words() -> None:
    text = "Pembuka. " * 30 + "Banjir besar merendam Jakarta Utara sejak pagi."
    assert "[Banjir]" in snippet(text, "banjir") and snippet(text, "banjir").startswith("…")


@pytest.mark.parametrize(
    "sql",
    [
        "COPY (SELECT * FROM articles) TO '/tmp/newscorpus-leak.csv'",
        "ATTACH '/tmp/newscorpus-other.duckdb'",
        "SELECT * FROM read_csv('/etc/passwd')",
        "INSTALL httpfs",
        "SET enable_external_access = true",
        "CREATE TABLE x AS SELECT 1",
    ],
)
def test_query_can_read_the_corpus_and_nothing_else(published_demo: Path, sql: str) -> None:
    with pytest.raises((ValueError, duckdb.Error)):
        query(published_demo, sql)
    assert not Path("/tmp/newscorpus-leak.csv").exists() and not Path("/tmp/newscorpus-other.duckdb").exists()
    assert query(published_demo, "SELECT count(*) FROM articles")[1][0][0] > 0


def _publish_articles(root: Path, source: str, day: str, articles: list[tuple[str, str, str]]) -> None:
    """A published articles file as the gate leaves it (only the columns search reads)."""
    folder = root / "published" / "articles" / f"source={source}" / f"crawl_date={day}"
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        {
            "article_id": aid,
            "source": source,
            "crawl_date": dt.date.fromisoformat(day),
            "language": "id",
            "published_at": dt.datetime.fromisoformat(f"{day}T03:00:00+00:00"),
            "url": f"https://{source}/{aid}",
            "title": title,
            "body": body,
        }  # fmt: skip
        for aid, title, body in articles
    ]
    pq.write_table(pa.Table.from_pylist(rows), folder / "data.parquet")


def test_the_search_index_grows_incrementally_and_follows_republished_partitions(tmp_path: Path) -> None:
    root = tmp_path / "data"
    _publish_articles(root, "korankota", "2026-11-20", [("a1", "Banjir Jakarta", "Banjir merendam Jakarta Utara.")])
    refresh_catalog(root)
    (first_shard,) = search_index_dir(root).glob("*.duckdb")
    built_at = first_shard.stat().st_mtime_ns
    assert [h.title for h in search(root, "banjir")] == ["Banjir Jakarta"]

    _publish_articles(root, "korankota", "2026-11-21", [("a2", "Banjir surut", "Air banjir mulai surut pagi ini.")])
    refresh_catalog(root)
    assert first_shard.stat().st_mtime_ns == built_at  # yesterday's index was not rebuilt
    assert len(list(search_index_dir(root).glob("*.duckdb"))) == 2
    assert {h.title for h in search(root, "banjir")} == {"Banjir Jakarta", "Banjir surut"}
    assert [h.title for h in search(root, "banjir", since=dt.date(2026, 11, 21))] == ["Banjir surut"]

    # a republished partition replaces its index; the old one goes, and its article is no longer found
    _publish_articles(root, "korankota", "2026-11-20", [("a3", "Gempa Cianjur", "Gempa mengguncang Cianjur.")])
    refresh_catalog(root)
    assert not first_shard.exists()
    assert [h.title for h in search(root, "banjir")] == ["Banjir surut"]
    assert [h.title for h in search(root, "gempa cianjur")] == ["Gempa Cianjur"]


def test_a_reader_holding_the_catalog_open_does_not_block_a_refresh(tmp_path: Path) -> None:
    root = tmp_path / "data"
    _publish_articles(root, "korankota", "2026-11-20", [("a1", "Banjir Jakarta", "Banjir merendam Jakarta Utara.")])
    refresh_catalog(root)
    with duckdb.connect(str(catalog_path(root)), read_only=True) as reader:
        _publish_articles(root, "korankota", "2026-11-21", [("a2", "Banjir surut", "Air banjir mulai surut.")])
        refresh_catalog(root)  # would raise a lock error if the refresh wrote into the file the reader holds
        assert reader.sql("select count(*) from search_shards").fetchone()[0] == 1  # its snapshot, unchanged
    assert len(search(root, "banjir")) == 2


def test_two_catalogs_in_one_folder_keep_their_own_search_index(tmp_path: Path, monkeypatch) -> None:
    """Each refresh deletes the shards its own catalog does not list; a shared folder would lose the other's."""
    harbour, valley = tmp_path / "harbour-data", tmp_path / "valley-data"
    _publish_articles(harbour, "harborherald", "2026-11-20", [("h1", "Harbour wall", "The harbour wall held.")])
    _publish_articles(valley, "valleyvoice", "2026-11-20", [("v1", "Valley floods", "The valley flooded.")])
    catalogs = tmp_path / "catalogs"
    for root, name in ((harbour, "corpus.duckdb"), (valley, "valley.duckdb")):
        monkeypatch.setenv("NEWSCORPUS_CATALOG", str(catalogs / name))
        refresh_catalog(root)

    for root, name, word, title in (
        (harbour, "corpus.duckdb", "harbour", "Harbour wall"),
        (valley, "valley.duckdb", "valley", "Valley floods"),
    ):
        monkeypatch.setenv("NEWSCORPUS_CATALOG", str(catalogs / name))
        assert [h.title for h in search(root, word)] == [title]
        refresh_catalog(root)  # a refresh of one (harbour's, then valley's) leaves the other's index alone
    monkeypatch.setenv("NEWSCORPUS_CATALOG", str(catalogs / "corpus.duckdb"))
    assert [h.title for h in search(harbour, "harbour")] == ["Harbour wall"]
    assert sorted(p.name for p in catalogs.iterdir() if p.is_dir()) == ["search_index", "valley.search_index"]


def test_a_lost_shard_is_reported_and_the_next_refresh_rebuilds_it(tmp_path: Path, caplog) -> None:
    root = tmp_path / "data"
    _publish_articles(root, "korankota", "2026-11-20", [("a1", "Banjir Jakarta", "Banjir merendam Jakarta Utara.")])
    refresh_catalog(root)
    (shard,) = search_index_dir(root).glob("*.duckdb")
    shard.unlink()
    with caplog.at_level(logging.WARNING, logger="newscorpus.search"):
        assert search(root, "banjir") == []
    assert f"1 search shard(s) listed in {catalog_path(root)} are missing ({shard.name})" in caplog.text
    refresh_catalog(root)
    assert [h.title for h in search(root, "banjir")] == ["Banjir Jakarta"]
