"""The `newscorpus` command. Exit codes a scheduler can act on: 0 done, 1 failed, 2 bad input or config,
3 a partition failed its quality gate (quarantined)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

from newscorpus.partitions import PartitionError, check_run_id, parse_date

EXIT_FAILED, EXIT_USAGE, EXIT_QUARANTINED = 1, 2, 3


def _date(value: str):
    try:
        return parse_date(value)
    except PartitionError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _run_id(value: str) -> str:
    try:
        return check_run_id(value)
    except PartitionError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _source_id(value: str) -> str:
    from newscorpus.sources import SOURCE_ID

    if not SOURCE_ID.match(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a source id (lower-case letters, digits, '-', '_')")
    return value


def _partition_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", required=True, type=_source_id, help="source id from the registry")
    parser.add_argument("--date", required=True, type=_date, help="crawl date, YYYY-MM-DD")
    parser.add_argument("--run-id", type=_run_id, help="run id (default: cli__DATE, so a rerun replaces itself)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newscorpus",
        description="Turn news websites into a clean, deduplicated, quality-checked corpus. "
        "Storage root: NEWSCORPUS_DATA (default ./data); sources: NEWSCORPUS_SOURCES (default ./sources.yaml).",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug detail")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="run the whole pipeline through Airflow on the shipped local news site")
    demo.add_argument("--date", type=_date, help="crawl date of the demo (default 2026-11-20)")
    demo.add_argument("--show-airflow-log", action="store_true", help="print Airflow's whole output")

    run = commands.add_parser("run", help="every stage for one date without Airflow: crawl → publish → catalog")
    run.add_argument("--date", required=True, type=_date, help="crawl date, YYYY-MM-DD")
    run.add_argument(
        "--source", action="append", type=_source_id, help="only this source (repeatable); default: all enabled"
    )
    run.add_argument("--run-id", type=_run_id, help="run id (default: cli__DATE)")

    extract = commands.add_parser(
        "extract",
        help="batch: --input pages.jsonl --output articles.jsonl; or a partition's WARC into staging Parquet",
        description="With --input: read JSON lines {id, url, html} and write one line of article fields per input "
        "line, in the same order, on all cores. With --source/--date: the pipeline's extract stage.",
    )
    extract.add_argument("--input", help="JSON lines {id, url, html}; - for stdin")
    extract.add_argument("--output", help="where the article lines go; - for stdout")
    extract.add_argument("--workers", type=int, help="processes (default: every core)")
    extract.add_argument("--time-limit", type=float, default=10.0, help="seconds per page before it is cut off")
    extract.add_argument("--timezone", default="UTC", help="time zone for dates that state none (default UTC)")
    extract.add_argument("--source", type=_source_id, help="pipeline mode: source id")
    extract.add_argument("--date", type=_date, help="pipeline mode: crawl date, YYYY-MM-DD")
    extract.add_argument("--run-id", type=_run_id, help="pipeline mode: run id (default: cli__DATE)")

    for name, text in (
        ("crawl", "crawl one source for one date; raw WARC lands under raw/"),
        ("transform", "run the SQL models of transforms/ on a partition"),
        ("validate", "run the gate on a staged partition: publish it, or quarantine it (exit 3)"),
        ("publish", "the same as validate: nothing is published without passing the gate"),
    ):
        _partition_args(commands.add_parser(name, help=text))

    query = commands.add_parser("query", help="run read-only SQL against the catalog and print a table")
    query.add_argument("sql", help='e.g. "SELECT source, count(*) FROM articles GROUP BY source"')
    query.add_argument("--json", action="store_true", help="print rows as JSON lines")

    quarantine = commands.add_parser("quarantine", help="inspect quarantined partitions; release one after a fix")
    actions = quarantine.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every quarantined partition with its first failed expectation")
    listing.add_argument("--source", type=_source_id, help="only this source")
    for name, text in (
        ("show", "why a partition was quarantined: failed expectations with observed values, row counts"),
        ("release", "re-run the gate on a quarantined partition; publish it if it passes now (exit 3 if not)"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("--source", required=True, type=_source_id, help="source id")
        action.add_argument("--date", required=True, type=_date, help="crawl date, YYYY-MM-DD")
        action.add_argument("--run-id", required=True, type=_run_id, help="the run that quarantined it (see list)")

    search = commands.add_parser("search", help="full-text search (BM25) over the published articles")
    search.add_argument("terms", help='words to look for, e.g. "banjir jakarta"')
    search.add_argument("--source", type=_source_id, help="only this source")
    search.add_argument("--since", type=_date, help="only articles published on or after YYYY-MM-DD")
    search.add_argument("--lang", help="only this language code, e.g. id")
    search.add_argument("--limit", type=int, default=10, help="at most this many hits (default 10)")
    search.add_argument("--json", action="store_true", help="print hits as JSON lines")

    sources = commands.add_parser("sources", help="list the sources of the registry")
    sources.add_argument("--all", action="store_true", help="include disabled sources")
    return parser


def _single_source(args: argparse.Namespace) -> dict[str, Any]:
    from newscorpus import pipeline

    return pipeline.list_sources([args.source])[0]


def _stage(args: argparse.Namespace) -> dict[str, Any]:
    from newscorpus import pipeline
    from newscorpus.partitions import Partition

    run_id = args.run_id or f"cli__{args.date}"
    source = _single_source(args)
    partition = Partition(source["id"], args.date, run_id).to_dict()
    if args.command == "crawl":
        return pipeline.crawl(source, args.date, run_id)
    carried = {"source": source, "partition": partition}
    if args.command == "extract":
        return pipeline.extract(carried)
    if args.command == "transform":
        return pipeline.cluster([pipeline.transform(carried)])[0]
    from newscorpus.transform import discover_models

    marts = [m.name for m in discover_models() if m.layer == "marts"]
    staged = {t: str(Partition.from_dict(partition).staging_dir(_data_root(), t) / "data.parquet") for t in marts}
    return pipeline.gate({**carried, "staged": staged})


def _quarantine(args: argparse.Namespace) -> int:
    from newscorpus import quarantine
    from newscorpus.partitions import Partition

    root = _data_root()
    if args.action == "list":
        items = quarantine.list_quarantined(root, args.source)
        for item in items:
            first = item.summary.splitlines()[0] if item.summary else ""
            print(f"{item.partition.source:<20} {item.partition.crawl_date}  run {item.partition.run_id}\n    {first}")
        if not items:
            print("nothing is quarantined")
        return 0
    item = quarantine.find_quarantined(root, Partition(args.source, args.date, args.run_id))
    if args.action == "show":
        print(f"{item.folder}\n\nfailed expectations:\n{item.summary}\n\nrows: {json.dumps(item.rows())}")
        return 0
    from newscorpus import pipeline
    from newscorpus.sources import source_from_dict

    outcome = quarantine.release(source_from_dict(pipeline.list_sources([args.source])[0]), item, root)
    if not outcome.published:
        print(f"still failing, kept in quarantine:\n{outcome.summary}", file=sys.stderr)
        return EXIT_QUARANTINED
    pipeline.refresh_catalog()
    print(f"released and published: {outcome.location} ({outcome.articles} articles)")
    return 0


def _extract_batch(args: argparse.Namespace) -> int:
    from newscorpus.extract.batch import extract_jsonl, open_jsonl

    if not args.output:
        print("error: --input needs --output (a path, or - for stdout)", file=sys.stderr)
        return EXIT_USAGE
    source, target = open_jsonl(args.input, "r"), open_jsonl(args.output, "w")
    try:
        stats = extract_jsonl(
            source, target, workers=args.workers, time_limit_s=args.time_limit, default_timezone=args.timezone,
            progress_every=500,
        )  # fmt: skip
    finally:
        for stream in (source, target):
            if stream not in (sys.stdin, sys.stdout):
                stream.close()
    print(json.dumps(stats.to_dict()), file=sys.stderr)
    return 0


def _data_root():
    from newscorpus.settings import data_root

    return data_root()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    from newscorpus.publish import GateFailed
    from newscorpus.sources import SourceConfigError

    try:
        if args.command == "demo":
            from newscorpus.demo import DEMO_DATE, run_demo

            return run_demo(args.date or DEMO_DATE, verbose=args.show_airflow_log)
        if args.command == "query":
            import duckdb

            from newscorpus.catalog import query
            from newscorpus.tables import format_table

            try:
                columns, rows = query(_data_root(), args.sql)
            except duckdb.Error as exc:
                print(f"error: {exc}", file=sys.stderr)
                return EXIT_USAGE
            if args.json:
                for row in rows:
                    print(json.dumps(dict(zip(columns, row, strict=True)), default=str, ensure_ascii=False))
            else:
                print(format_table(columns, rows))
            return 0
        if args.command == "search":
            from newscorpus.search import search

            hits = search(
                _data_root(), args.terms, source=args.source, since=args.since, language=args.lang, limit=args.limit
            )
            for hit in hits:
                if args.json:
                    print(json.dumps(hit.__dict__, default=str, ensure_ascii=False))
                else:
                    print(
                        f"{hit.score:6.2f}  {hit.source}  {hit.published_at or hit.crawl_date}  {hit.title}\n"
                        f"        {hit.url}\n        {hit.snippet}\n"
                    )
            if not hits and not args.json:
                print("no match")
            return 0
        if args.command == "quarantine":
            return _quarantine(args)
        if args.command == "sources":
            from newscorpus.settings import sources_file
            from newscorpus.sources import load_sources

            for s in load_sources(sources_file(), include_disabled=args.all):
                print(f"{s.id:<20} {'enabled ' if s.enabled else 'disabled'} {s.language:<4} {s.home}")
            return 0
        if args.command == "extract" and args.input:
            return _extract_batch(args)
        if args.command == "extract" and not (args.source and args.date):
            print("error: extract needs --input and --output, or --source and --date", file=sys.stderr)
            return EXIT_USAGE
        if args.command == "run":
            from newscorpus import pipeline

            result = pipeline.run_all(args.date, args.run_id or f"cli__{args.date}", args.source)
            print(json.dumps(result, indent=2, default=str))
            return 0 if all(p.get("published") for p in result["partitions"].values()) else EXIT_QUARANTINED
        print(json.dumps(_stage(args), indent=2, default=str))
        return 0
    except GateFailed as exc:
        print(f"quarantined: {exc}", file=sys.stderr)
        return EXIT_QUARANTINED
    except (SourceConfigError, PartitionError, ValueError) as exc:  # QueryRefused is a ValueError
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
