"""The dataset card written beside every export: what is in the file (counts, sources, dates, languages), how it
was selected, and what we know about each source's permission to be collected, so the people who train on it can
judge what they may do with it. Markdown for people, JSON with the same facts for tools.

The permission facts come from the corpus itself: each run's `crawl_runs` row carries the registry entry the run
used (`source_permission`, written by newscorpus.publish), so the card states the registry the corpus was built
from, not whichever sources.yaml the export happens to see (after `make demo` that is the repository's, which does
not list the demo outlets). Only runs published before that column existed fall back to the current registry, and
the card says so.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import duckdb

from newscorpus.sources import PERMISSION_COLUMN, permission_record

if TYPE_CHECKING:
    from newscorpus.export import ExportResult


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def _note(facts: dict[str, Any]) -> str:
    if facts.get("verified"):
        return f"robots.txt and terms checked on {facts.get('checked_on') or 'an unrecorded date'}"
    return "permission NOT verified: check the outlet's terms before redistributing or training on it"


def recorded_permissions(con: duckdb.DuckDBPyConnection, sources: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per selected source, the permission facts its newest published run within the selected crawl dates
    recorded in crawl_runs; sources whose runs predate the record are left out (the caller falls back)."""
    views = {r[0] for r in con.execute("select view_name from duckdb_views()").fetchall()}
    if "crawl_runs" not in views:
        return {}
    columns = {r[0] for r in con.execute("describe crawl_runs").fetchall()}
    if PERMISSION_COLUMN not in columns:
        return {}
    passed = "coalesce(gate_passed, true)" if "gate_passed" in columns else "true"
    recorded = {}
    for s in sources:
        row = con.execute(
            f"""
            select {PERMISSION_COLUMN}, crawl_date, run_id from crawl_runs
            where source = ? and {PERMISSION_COLUMN} is not null and {passed}
              and crawl_date between coalesce(?::date, crawl_date) and coalesce(?::date, crawl_date)
            order by crawl_date desc, finished_at desc nulls last, run_id desc limit 1
            """,
            [s["source"], s["first_crawl_date"], s["last_crawl_date"]],
        ).fetchone()
        if row:
            facts = json.loads(row[0])
            recorded[s["source"]] = {
                **facts, "note": _note(facts), "according_to": f"run {row[2]}, crawl date {_iso(row[1])}",
            }  # fmt: skip
    return recorded


def describe_export(con: duckdb.DuckDBPyConnection, selected: str, params: dict[str, Any]) -> dict[str, Any]:
    """Counts of the selected articles (the same SQL and parameters the export writes), and each source's
    permission facts as the corpus recorded them."""
    rows = con.execute(
        f"""
        select source, count(*), sum(coalesce(word_count, 0)), min(published_at), max(published_at),
               min(crawl_date), max(crawl_date), list(distinct coalesce(language, 'unknown') order by 1)
        from ({selected}) group by source order by source
        """,
        params,
    ).fetchall()
    languages = con.execute(
        f"select coalesce(language, 'unknown'), count(*) from ({selected}) group by 1 order by 2 desc, 1", params
    ).fetchall()
    sources = [
        {
            "source": r[0], "documents": r[1], "words": int(r[2] or 0),
            "first_published": _iso(r[3]), "last_published": _iso(r[4]),
            "first_crawl_date": _iso(r[5]), "last_crawl_date": _iso(r[6]), "languages": list(r[7]),
        }
        for r in rows
    ]  # fmt: skip

    def bound(key: str, pick: Any) -> Any:
        values = [s[key] for s in sources if s[key] is not None]
        return pick(values) if values else None

    recorded = recorded_permissions(con, sources)
    for s in sources:
        s["permission"] = recorded.get(s["source"])
    return {
        "documents": sum(s["documents"] for s in sources),
        "words": sum(s["words"] for s in sources),
        "published_range": [bound("first_published", min), bound("last_published", max)],
        "crawl_date_range": [bound("first_crawl_date", min), bound("last_crawl_date", max)],
        "languages": dict(languages),
        "sources": sources,
    }


def permission_notes() -> dict[str, dict[str, Any]]:
    """What the current source registry says about each source's permission (disabled sources included): the
    fallback for runs published before crawl_runs recorded it."""
    from newscorpus.settings import sources_file
    from newscorpus.sources import SourceConfigError, load_sources

    try:
        registry = load_sources(sources_file(), include_disabled=True)
    except SourceConfigError as exc:
        return {"*": {"note": f"source registry not readable, permissions unknown: {exc}"}}
    notes = {}
    for source in registry:
        facts = permission_record(source)
        according_to = f"the current registry {sources_file()}; its runs recorded none"
        notes[source.id] = {**facts, "note": _note(facts), "according_to": according_to}
    return notes


def card_document(result: ExportResult, description: dict[str, Any]) -> dict[str, Any]:
    unknown = {"note": "not recorded by its runs nor in the source registry: permission unknown; check before use"}
    sources = [dict(s) for s in description["sources"]]
    if any(s.get("permission") is None for s in sources):
        notes = permission_notes()
        for s in sources:
            if s.get("permission") is None:
                s["permission"] = notes.get(s["source"], notes.get("*", unknown))
    return {
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "file": {"path": str(result.path), "format": result.format, "bytes": result.bytes, "sha256": result.sha256},
        "selection": result.to_dict()["filters"],
        "schema": {
            "id": "article_id: stable hash of the canonical URL",
            "text": "title, a blank line, then the body (paragraphs separated by a blank line)",
            "metadata": "source, url, canonical_url, title, published_at (UTC, ISO 8601), tz_offset, crawl_date, "
            "language, authors, editors, agency, section, tags, word_count, near_dup_cluster, content_hash, "
            "quality_flags, warc_file, warc_offset",
        },
        **{k: v for k, v in description.items() if k != "sources"},
        "sources": sources,
    }


def _markdown(card: dict[str, Any]) -> str:
    selection = card["selection"]
    lines = [
        f"# Dataset card: {card['file']['path'].rsplit('/', 1)[-1]}",
        "",
        f"News articles exported by `newscorpus export` on {card['generated_at']}.",
        "",
        "## Contents",
        "",
        f"- documents: {card['documents']:,} ({card['words']:,} words of body text)",
        f"- format: {card['file']['format']}, {card['file']['bytes']:,} bytes, sha256 `{card['file']['sha256']}`",
        f"- published: {card['published_range'][0]} to {card['published_range'][1]} (UTC)",
        f"- crawl dates: {card['crawl_date_range'][0]} to {card['crawl_date_range'][1]}",
        "- languages: " + ", ".join(f"{k} ({v:,})" for k, v in card["languages"].items()),
        f"- selection: since {selection['since'] or 'the beginning'}, sources "
        f"{', '.join(selection['sources']) or 'all'}, language {selection['language'] or 'any'}, "
        + ("one document per near-duplicate cluster (`--dedup`)" if selection["dedup"] else "near duplicates kept"),
        "",
        "## Fields",
        "",
        *(f"- `{k}`: {v}" for k, v in card["schema"].items()),
        "",
        "## Sources and permissions",
        "",
        "| source | documents | languages | crawl dates | permission |",
        "| --- | ---: | --- | --- | --- |",
    ]
    for s in card["sources"]:
        p = s["permission"]
        detail = p["note"]
        if p.get("according_to"):
            detail += f" (according to {p['according_to']})"
        if p.get("terms_url"):
            detail += f"; terms: {p['terms_url']}"
        if p.get("robots_notes"):
            detail += f"; robots: {p['robots_notes']}"
        lines.append(
            f"| {s['source']} | {s['documents']:,} | {', '.join(s['languages'])} | "
            f"{s['first_crawl_date']} to {s['last_crawl_date']} | {detail.replace('|', '/')} |"
        )
    lines += [
        "",
        "## Licence",
        "",
        "The articles remain the work of their publishers; this export grants no licence. Use it only as each "
        "source's terms allow (see the permission column), and keep the `url` with any text you show.",
        "",
    ]
    return "\n".join(lines)


def write_card(result: ExportResult, description: dict[str, Any]) -> dict[str, Any]:
    card = card_document(result, description)
    result.card_json.write_text(json.dumps(card, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    result.card_markdown.write_text(_markdown(card), encoding="utf-8")
    return card
