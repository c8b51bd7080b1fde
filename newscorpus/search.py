"""`newscorpus search`: BM25-ranked full-text search over the published articles, with a snippet per hit.
Every word must occur (conjunctive), as people expect of a search box.

The index is sharded by published file (see newscorpus.catalog): each shard that can hold a hit (by source and
crawl date) is searched on its own and the hits merged by score. BM25 weighs a word by its rarity within the
shard, so scores from different days are comparable only roughly; the order within a day is exact.

Everything the user typed reaches DuckDB as a bound parameter, never as SQL text.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from newscorpus import duckdb_extensions
from newscorpus.catalog import catalog_path, search_index_dir

log = logging.getLogger(__name__)

SEARCH_SQL = """
with scored as (
    select article_id, fts_main_article_text.match_bm25(article_id, $terms, conjunctive := 1) as score
    from article_text
)
select t.source, t.crawl_date, t.published_at, t.language, t.title, t.url, t.body, s.score
from scored as s
join article_text as t using (article_id)
where s.score is not null
  and ($source is null or t.source = $source)
  and ($since is null or coalesce(cast(t.published_at as date), t.crawl_date) >= $since)
  and ($language is null or t.language = $language)
order by s.score desc, t.published_at desc
limit $limit
"""


@dataclass(frozen=True)
class Hit:
    source: str
    crawl_date: dt.date
    published_at: dt.datetime | None
    language: str | None
    title: str | None
    url: str
    score: float
    snippet: str


def snippet(body: str, terms: str, width: int = 160) -> str:
    """The body around the first query word it contains, with the matched words marked [like this]."""
    words = [w for w in re.findall(r"\w+", terms.lower()) if len(w) > 1]
    text = " ".join((body or "").split())
    positions = [m.start() for w in words if (m := re.search(rf"\b{re.escape(w)}", text, re.IGNORECASE))]
    start = max(min(positions) - width // 3, 0) if positions else 0
    excerpt = text[start : start + width]
    for word in words:
        excerpt = re.sub(rf"\b({re.escape(word)}\w*)", r"[\1]", excerpt, flags=re.IGNORECASE)
    return ("…" if start else "") + excerpt + ("…" if start + width < len(text) else "")


def search(
    data_root: Path,
    terms: str,
    *,
    source: str | None = None,
    since: dt.date | None = None,
    language: str | None = None,
    limit: int = 10,
) -> list[Hit]:
    path = catalog_path(data_root)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no catalog yet; run the pipeline (make demo) first")
    config = {"autoinstall_known_extensions": False}
    with duckdb.connect(str(path), read_only=True, config=config) as con:
        tables = {row[0] for row in con.sql("select table_name from information_schema.tables").fetchall()}
        if "search_shards" not in tables:
            return []
        # an article published on day D is crawled on D - 1 or later, so older shards cannot hold a hit
        shards = [
            row[0]
            for row in con.execute(
                "select shard from search_shards where articles > 0 and ($source is null or source = $source) "
                "and ($since is null or crawl_date >= cast($since as date) - 1) order by crawl_date desc, shard",
                {"source": source, "since": since},
            ).fetchall()
        ]
    params = {"terms": terms, "source": source, "since": since, "language": language, "limit": limit}
    rows, missing = [], []
    for shard in shards:
        try:
            with duckdb.connect(str(search_index_dir(data_root) / shard), read_only=True, config=config) as con:
                duckdb_extensions.load(con, "fts")
                rows += con.execute(SEARCH_SQL, params).fetchall()
        except duckdb.IOException:  # removed by a refresh since the catalog was read (its file is unpublished)
            missing.append(shard)
    if missing:  # or lost some other way: say so rather than answer from part of the corpus in silence
        log.warning(
            "%d search shard(s) listed in %s are missing (%s); if this repeats, `newscorpus catalog` rebuilds them",
            len(missing), path, ", ".join(missing[:3]),
        )  # fmt: skip
    rows.sort(key=lambda r: (r[-1], r[2].timestamp() if r[2] else float("-inf")), reverse=True)
    return [
        Hit(src, crawl_date, published_at, lang, title, url, float(score), snippet(body, terms))
        for src, crawl_date, published_at, lang, title, url, body, score in rows[:limit]
    ]
