"""`newscorpus export`: the published corpus as training data, one document per line (`{id, text, metadata}`),
in JSON lines or Parquet, with a dataset card beside it.

DuckDB reads the catalog's views (opened read-only) and writes the file itself, so an export of millions of
articles streams instead of passing through Python. Filters are bound parameters, never pasted into SQL. The file is
written under a temporary name and renamed, so a reader never sees half an export.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newscorpus.catalog import catalog_path
from newscorpus.report.data import NoCorpus, connect_catalog

FORMATS = ("jsonl", "parquet")

# The metadata kept with each document: enough to filter, cite and trace it back to its raw WARC record.
_METADATA = """struct_pack(
    source := source, url := url, canonical_url := canonical_url, title := title,
    published_at := strftime(published_at, '%Y-%m-%dT%H:%M:%SZ'), tz_offset := tz_offset,
    crawl_date := strftime(crawl_date, '%Y-%m-%d'), language := language, authors := authors, editors := editors,
    agency := agency, section := section, tags := tags, word_count := word_count,
    near_dup_cluster := near_dup_cluster, content_hash := content_hash, quality_flags := quality_flags,
    warc_file := warc_file, warc_offset := warc_offset
)"""

_SELECTED = """
select * from articles
where ($since is null or coalesce(cast(published_at as date), crawl_date) >= $since)
  and ($sources is null or list_contains($sources, source))
  and ($lang is null or language = $lang)
"""

# One document per near-duplicate cluster (or per exact body when it has none): the earliest published copy.
_DEDUP = """
qualify row_number() over (
    partition by coalesce(near_dup_cluster, content_hash, article_id)
    order by published_at nulls last, first_seen_at nulls last, article_id
) = 1
"""


class ExportError(ValueError):
    """An export that cannot be made as asked; the message says what to change."""


@dataclass(frozen=True)
class ExportFilters:
    since: dt.date | None = None
    sources: tuple[str, ...] = ()
    language: str | None = None
    dedup: bool = False


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    documents: int
    bytes: int
    sha256: str
    card_markdown: Path
    card_json: Path
    filters: ExportFilters

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(
            path=str(self.path), card_markdown=str(self.card_markdown), card_json=str(self.card_json),
            filters={**asdict(self.filters), "since": self.filters.since and self.filters.since.isoformat(),
                     "sources": list(self.filters.sources)},
        )  # fmt: skip
        return out


def card_paths(output: Path) -> tuple[Path, Path]:
    """`corpus.jsonl` → `corpus.card.md` and `corpus.card.json` beside it."""
    stem = output.name
    for suffix in (".jsonl", ".parquet"):
        stem = stem.removesuffix(suffix)
    return output.with_name(f"{stem}.card.md"), output.with_name(f"{stem}.card.json")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _parameters(filters: ExportFilters) -> dict[str, Any]:
    return {"since": filters.since, "sources": list(filters.sources) or None, "lang": filters.language}


def export_corpus(data_root: Path, output: Path, fmt: str, filters: ExportFilters | None = None) -> ExportResult:
    """Write the selected articles to output (jsonl or parquet) and the dataset card beside it."""
    from newscorpus.dataset_card import describe_export, write_card

    filters = filters or ExportFilters()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    path = catalog_path(data_root)
    output = output.resolve()
    if output.is_dir():
        raise ExportError(f"{output} is a directory; give a file name, e.g. {output / ('corpus.' + fmt)}")
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.name}.tmp")
    tmp.unlink(missing_ok=True)
    selected = _SELECTED + (_DEDUP if filters.dedup else "")
    documents = (
        f"select article_id as id, concat_ws(chr(10) || chr(10), nullif(trim(title), ''), body) as text, "
        f"{_METADATA} as metadata from ({selected}) order by crawl_date, source, published_at nulls last, article_id"
    )
    options = "format json" if fmt == "jsonl" else "format parquet, compression zstd"
    params = _parameters(filters)
    with connect_catalog(data_root) as con:
        if "articles" not in {r[0] for r in con.execute("select view_name from duckdb_views()").fetchall()}:
            raise NoCorpus(f"{path}: nothing is published yet; run the pipeline first")
        con.execute("set TimeZone = 'UTC'")
        description = describe_export(con, selected, params)
        if description["documents"] == 0:
            raise ExportError(
                f"no published article matches these filters (since={filters.since}, "
                f"source={','.join(filters.sources) or 'any'}, lang={filters.language or 'any'})"
                "; loosen them, or see what there is: newscorpus query "
                '"SELECT source, language, min(crawl_date), max(crawl_date), count(*) FROM articles GROUP BY ALL"'
            )
        tmp_sql = str(tmp).replace("'", "''")
        con.execute(f"copy ({documents}) to '{tmp_sql}' ({options})", params)
    count = description["documents"]
    tmp.replace(output)
    result = ExportResult(
        path=output, format=fmt, documents=count, bytes=output.stat().st_size, sha256=_sha256(output),
        card_markdown=card_paths(output)[0], card_json=card_paths(output)[1], filters=filters,
    )  # fmt: skip
    write_card(result, description)
    return result
