"""The `newscorpus` command. Exit codes a scheduler can act on: 0 done, 1 failed (a retry may help), 2 bad input
or config (fix it; a retry will not help), 3 a partition failed its quality gate (quarantined), 4 nothing to work on
(no corpus yet, or nothing matched the filters)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

from newscorpus.partitions import PartitionError, check_run_id, parse_date

EXIT_FAILED, EXIT_USAGE, EXIT_QUARANTINED, EXIT_NO_DATA = 1, 2, 3, 4

EXIT_CODES = """exit codes (for schedulers and scripts):
  0  done
  1  failed: a crawl, a task or the storage broke; the message says where; a retry may help
  2  bad input or config: a wrong argument, source id, date or registry field; fix it, a retry will not help
  3  quarantined: a partition failed its quality gate; see `newscorpus quarantine list`
  4  nothing to work on: no corpus yet, or nothing matched the filters (report, export)
  5  blocked: `sources check` found an outlet refusing us (401/403/429, challenge page, robots.txt)
  130 interrupted (Ctrl-C)"""

EXAMPLES = """examples:
  newscorpus demo                                   # the whole pipeline on the shipped local news site
  newscorpus run --date 2026-11-20 --source my-outlet
  newscorpus extract --source my-outlet --html saved-article.html     # test selectors offline
  newscorpus query "SELECT source, count(*) FROM articles GROUP BY source"
  newscorpus search "banjir jakarta" --lang id --limit 5
  newscorpus report                                 # data/reports/corpus/index.html
  newscorpus export --format jsonl --dedup --since 2026-11-01 --output corpus.jsonl
  newscorpus quarantine list --json"""

_FORMATTER = argparse.RawDescriptionHelpFormatter


def _command(commands: Any, name: str, help_text: str, description: str | None = None, examples: str = "") -> Any:
    """A sub-command whose --help shows its purpose, its examples and the exit codes."""
    epilog = (f"examples:\n{examples}\n\n" if examples else "") + EXIT_CODES
    return commands.add_parser(
        name, help=help_text, description=description or help_text, epilog=epilog, formatter_class=_FORMATTER
    )


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
        description="Turn news websites into a clean, deduplicated, quality-checked corpus.\n\n"
        "Storage root: NEWSCORPUS_DATA (default ./data); sources: NEWSCORPUS_SOURCES (default ./sources.yaml).\n"
        "Run `newscorpus COMMAND --help` for each command's options and examples.",
        epilog=f"{EXAMPLES}\n\n{EXIT_CODES}",
        formatter_class=_FORMATTER,
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug detail (and tracebacks)")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bars (off anyway when stderr is not a terminal)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = _command(
        commands, "demo", "run the whole pipeline through Airflow on the shipped local news site",
        examples="  newscorpus demo\n  newscorpus demo --date 2026-11-21 --show-airflow-log",
    )  # fmt: skip
    demo.add_argument("--date", type=_date, help="crawl date of the demo (default 2026-11-20)")
    demo.add_argument("--show-airflow-log", action="store_true", help="print Airflow's whole output")

    run = _command(
        commands, "run", "every stage for one date without Airflow: crawl → publish → catalog → reports",
        "Crawl, extract, transform, cluster, gate and publish each source for one date, then refresh the catalog "
        "and the reports. One source failing does not stop the others; prints a JSON summary; exit 3 when a "
        "partition was quarantined. --dry-run validates and reports each verdict without publishing anything; "
        "it exits 3 when a partition would be quarantined.",
        examples="  newscorpus run --date 2026-11-20\n  newscorpus run --date 2026-11-20 --source a --source b\n"
        "  newscorpus run --date 2026-11-20 --dry-run    # what would be published, nothing written for readers",
    )  # fmt: skip
    run.add_argument("--date", required=True, type=_date, help="crawl date, YYYY-MM-DD")
    run.add_argument(
        "--source", action="append", type=_source_id, help="only this source (repeatable); default: all enabled"
    )
    run.add_argument("--run-id", type=_run_id, help="run id (default: cli__DATE)")
    run.add_argument(
        "--dry-run", action="store_true", help="validate and report verdicts; publish, quarantine, catalog nothing"
    )

    extract = _command(
        commands, "extract",
        "extract articles: a batch of saved pages, one saved page with a source's rules, or a partition's WARC",
        "Three modes:\n"
        "  --input/--output   read JSON lines {id, url, html}, write one line of article fields per input line, in\n"
        "                     the same order, on all cores (the door the benchmark and outside checks use)\n"
        "  --source --html    test a source's selectors offline on a page you saved: prints what each selector\n"
        "                     matches and the fields the pipeline would extract (exit 1 if it finds no article)\n"
        "  --source --date    the pipeline's extract stage: a partition's WARC into staging Parquet",
        examples="  newscorpus extract --input pages.jsonl --output articles.jsonl --workers 2\n"
        "  curl -s https://outlet.example/2026/11/20/story > saved.html\n"
        "  newscorpus extract --source my-outlet --html saved.html --url https://outlet.example/2026/11/20/story\n"
        "  newscorpus extract --source korankota --date 2026-11-20",
    )  # fmt: skip
    extract.add_argument("--input", help="JSON lines {id, url, html}; - for stdin")
    extract.add_argument("--output", help="where the article lines go; - for stdout")
    extract.add_argument("--workers", type=int, help="processes (default: every core)")
    extract.add_argument("--time-limit", type=float, default=10.0, help="seconds per page before it is cut off")
    extract.add_argument("--timezone", default="UTC", help="time zone for dates that state none (default UTC)")
    extract.add_argument("--source", type=_source_id, help="source id (pipeline and --html modes)")
    extract.add_argument("--html", help="a saved page to extract with the source's rules (selector test)")
    extract.add_argument("--url", help="--html mode: the page's URL (default: the source's home page)")
    extract.add_argument("--json", action="store_true", help="--html mode: print the result as one JSON object")
    extract.add_argument("--date", type=_date, help="pipeline mode: crawl date, YYYY-MM-DD")
    extract.add_argument("--run-id", type=_run_id, help="pipeline mode: run id (default: cli__DATE)")

    for name, text in (
        ("crawl", "crawl one source for one date; raw WARC lands under raw/"),
        ("transform", "run the SQL models of transforms/ on a partition"),
        ("validate", "run the gate on a staged partition: publish it, or quarantine it (exit 3)"),
        ("publish", "the same as validate: nothing is published without passing the gate"),
    ):
        _partition_args(
            _command(commands, name, text, examples=f"  newscorpus {name} --source korankota --date 2026-11-20")
        )

    query = _command(
        commands, "query", "run read-only SQL against the catalog and print a table",
        "Tables: articles, pages, crawl_runs, validations (views over published/). Only reading statements run.",
        examples='  newscorpus query "SELECT source, count(*) AS n FROM articles GROUP BY source"\n'
        '  newscorpus query --json "SELECT title, url FROM articles WHERE agency = \'Antara\'" | jq .title',
    )  # fmt: skip
    query.add_argument("sql", help='e.g. "SELECT source, count(*) FROM articles GROUP BY source"')
    query.add_argument("--json", action="store_true", help="print rows as JSON lines")

    quarantine = _command(
        commands, "quarantine", "inspect quarantined partitions; release one after a fix",
        examples="  newscorpus quarantine list --json\n"
        "  newscorpus quarantine show --source korankota --date 2026-11-20 --run-id cli__2026-11-20\n"
        "  newscorpus quarantine release --source korankota --date 2026-11-20 --run-id cli__2026-11-20",
    )  # fmt: skip
    actions = quarantine.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every quarantined partition with its first failed expectation")
    listing.add_argument("--source", type=_source_id, help="only this source")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    for name, text in (
        ("show", "why a partition was quarantined: failed expectations with observed values, row counts"),
        ("release", "re-run the gate on a quarantined partition; publish it if it passes now (exit 3 if not)"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("--source", required=True, type=_source_id, help="source id")
        action.add_argument("--date", required=True, type=_date, help="crawl date, YYYY-MM-DD")
        action.add_argument("--run-id", required=True, type=_run_id, help="the run that quarantined it (see list)")
        if name == "show":
            action.add_argument("--json", action="store_true", help="print one JSON object")

    search = _command(
        commands, "search", "full-text search (BM25) over the published articles",
        "Every word must match (titles and bodies, accents and case ignored); the text is a bound parameter.",
        examples='  newscorpus search "harbour wall" --source harborherald --since 2026-11-01 --limit 5\n'
        '  newscorpus search "banjir" --lang id --json | jq -r .url',
    )  # fmt: skip
    search.add_argument("terms", help='words to look for, e.g. "banjir jakarta"')
    search.add_argument("--source", type=_source_id, help="only this source")
    search.add_argument("--since", type=_date, help="only articles published on or after YYYY-MM-DD")
    search.add_argument("--lang", help="only this language code, e.g. id")
    search.add_argument("--limit", type=int, default=10, help="at most this many hits (default 10)")
    search.add_argument("--json", action="store_true", help="print hits as JSON lines")

    report = _command(
        commands, "report", "write the static HTML corpus report (charts, coverage, gate history)",
        "Articles per source per day, body lengths, languages, duplicate and syndication rates, field coverage "
        "per source and the gate history with links into the Data Docs; plotly.js is written beside the page, so "
        "it opens offline. Exit 4 when nothing is published yet.",
        examples="  newscorpus report\n  newscorpus report --output /srv/www/corpus --json",
    )  # fmt: skip
    report.add_argument("--output", help="folder to write index.html into (default: NEWSCORPUS_DATA/reports/corpus)")
    report.add_argument("--json", action="store_true", help="print a JSON summary (paths, counts)")

    export = _command(
        commands, "export", "export the corpus for training: one document per line, with a dataset card",
        "Each document is {id, text, metadata}: text is the title, a blank line and the body. A dataset card "
        "(NAME.card.md and NAME.card.json) is written beside the file: counts, sources, date range, languages and "
        "each source's permission notes from the registry. Exit 4 when nothing matches the filters.",
        examples="  newscorpus export --format jsonl --output corpus.jsonl\n"
        "  newscorpus export --format parquet --dedup --since 2026-11-01 --lang id --output id.parquet\n"
        "  newscorpus export --format jsonl --source korankota --source wartanusantara --output two.jsonl --json",
    )  # fmt: skip
    export.add_argument("--format", required=True, choices=("jsonl", "parquet"), help="file format")
    export.add_argument("--output", required=True, help="the file to write (its card goes beside it)")
    export.add_argument("--since", type=_date, help="only articles published (else crawled) on or after YYYY-MM-DD")
    export.add_argument("--source", action="append", type=_source_id, help="only this source (repeatable)")
    export.add_argument("--lang", help="only this language code, e.g. id")
    export.add_argument("--dedup", action="store_true", help="one document per near-duplicate cluster")
    export.add_argument("--json", action="store_true", help="print a JSON summary (paths, counts, sha256)")

    sources = _command(
        commands, "sources", "list the sources of the registry (validating it)",
        examples="  newscorpus sources --all\n  newscorpus sources --json | jq -r '.[].id'",
    )  # fmt: skip
    sources.add_argument("--all", action="store_true", help="include disabled sources")
    sources.add_argument("--json", action="store_true", help="print a JSON array of the sources' settings")
    source_actions = sources.add_subparsers(dest="action", metavar="ACTION")  # none: list the registry
    check = source_actions.add_parser(
        "check", formatter_class=_FORMATTER, epilog=EXIT_CODES,
        help="ask outlets what the crawler would meet: robots.txt, feeds, sitemaps, 403s, challenge pages",
        description="Fetch robots.txt, feeds, sitemaps, section pages and the dated index of each source with our "
        "real User-Agent and report what works, what robots.txt allows (for our agent and for Scrapy) and what "
        "blocks us. Without ID: every source, disabled ones get only robots.txt read. With ID: that source, fully. "
        "Exit 0 all fine, 1 something broken, 5 an outlet blocks us, 2 bad registry or id.",
    )  # fmt: skip
    check.add_argument("source_id", nargs="?", type=_source_id, metavar="ID", help="only this source (any state)")
    check.add_argument("--date", type=_date, help="date for the dated index (default: yesterday, UTC)")
    check.add_argument("--timeout", type=float, default=15.0, help="seconds per request (default 15)")
    check.add_argument("--json", action="store_true", help="print one JSON document")
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
    from newscorpus.settings import storage_root
    from newscorpus.storage import Storage

    store = Storage.at(storage_root())  # a local folder or s3://
    staged = {t: store.uri(Partition.from_dict(partition).staging_key(t)) for t in marts}
    return pipeline.gate({**carried, "staged": staged})


def _quarantine(args: argparse.Namespace) -> int:
    from newscorpus import quarantine
    from newscorpus.partitions import Partition
    from newscorpus.settings import storage_root

    root = storage_root()  # quarantine/ lives in the storage root (a local folder or s3://)
    if args.action == "list":
        items = quarantine.list_quarantined(root, args.source)
        if args.json:
            print(json.dumps([_quarantined_json(item) for item in items], indent=2, default=str))
            return 0
        for item in items:
            first = item.summary.splitlines()[0] if item.summary else ""
            print(f"{item.partition.source:<20} {item.partition.crawl_date}  run {item.partition.run_id}\n    {first}")
        if not items:
            print("nothing is quarantined")
        return 0
    item = quarantine.find_quarantined(root, Partition(args.source, args.date, args.run_id))
    if args.action == "show":
        if args.json:
            print(json.dumps({**_quarantined_json(item), "rows": item.rows()}, indent=2, default=str))
            return 0
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


def _quarantined_json(item: Any) -> dict[str, Any]:
    """One quarantined partition for scripts: where it is and why (each failed expectation, one per line)."""
    failures = [line for line in item.summary.splitlines() if line.strip()]
    return {
        "source": item.partition.source,
        "crawl_date": item.partition.crawl_date.isoformat(),
        "run_id": item.partition.run_id,
        "folder": item.folder,
        "failed_expectations": failures,
    }


def _sources(args: argparse.Namespace) -> int:
    from newscorpus.settings import sources_file
    from newscorpus.sources import load_sources

    if getattr(args, "action", None) == "check":
        from newscorpus.sources_check.command import run

        return run(args.source_id, sample_date=args.date, timeout=args.timeout, as_json=args.json)
    registry = load_sources(sources_file(), include_disabled=args.all)
    if args.json:
        print(json.dumps([s.to_dict() for s in registry], indent=2, default=str))
        return 0
    for s in registry:
        print(f"{s.id:<20} {'enabled ' if s.enabled else 'disabled'} {s.language:<4} {s.home}")
    return 0


def _try_page(args: argparse.Namespace) -> int:
    """`extract --source ID --html saved.html`: the source's rules on one saved page, no crawl, no storage."""
    from pathlib import Path

    from newscorpus.selector_check import format_result, problems, try_source
    from newscorpus.settings import sources_file
    from newscorpus.sources import load_sources

    page = Path(args.html)
    if not page.is_file():
        print(f"error: {page}: no such file; save the article page first (e.g. curl -o {page} URL)", file=sys.stderr)
        return EXIT_USAGE
    registry = {s.id: s for s in load_sources(sources_file(), include_disabled=True)}
    if args.source not in registry:
        known = ", ".join(sorted(registry)) or "none"
        print(
            f"error: source {args.source!r} is not in {sources_file()} (known: {known}); add it first", file=sys.stderr
        )
        return EXIT_USAGE
    result = try_source(registry[args.source], page, args.url)
    print(json.dumps(result, indent=2, ensure_ascii=False, default=str) if args.json else format_result(result))
    return 0 if result["fields"]["is_article"] and not problems(result) else EXIT_FAILED


def _report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from newscorpus.report import build_report

    built = build_report(_data_root(), Path(args.output) if args.output else None)
    if args.json:
        print(json.dumps(built.summary(), indent=2))
    else:
        print(f"corpus report: {built.index} ({built.data.articles} articles, {len(built.data.sources)} sources)")
    return 0


def _export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from newscorpus.export import ExportFilters, export_corpus

    filters = ExportFilters(since=args.since, sources=tuple(args.source or ()), language=args.lang, dedup=args.dedup)
    result = export_corpus(_data_root(), Path(args.output), args.format, filters)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2))
    else:
        print(f"{result.documents} documents → {result.path} ({result.bytes:,} bytes)")
        print(f"dataset card: {result.card_markdown} and {result.card_json}")
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
    from newscorpus import progress

    try:
        with progress.shown(args.command in _LONG_COMMANDS and progress.wanted(args.quiet)):
            return _dispatch(args)
    except KeyboardInterrupt:
        print("interrupted; nothing half-written is published (rerun the same command to finish)", file=sys.stderr)
        return 130
    except Exception as exc:  # the exit code and one line saying what to do; the traceback with -v
        code, hint = _classify(exc)
        if args.verbose:
            logging.getLogger("newscorpus.cli").exception("%s failed", args.command)
        print(f"error: {exc}" + (f"\n{hint}" if hint else ""), file=sys.stderr)
        return code


_LONG_COMMANDS = {"run", "crawl", "extract", "transform"}


def _classify(exc: Exception) -> tuple[int, str]:
    """Exit code and next step for an exception that reached the command line."""
    import duckdb

    from newscorpus.export import ExportError
    from newscorpus.publish import GateFailed
    from newscorpus.report import NoCorpus
    from newscorpus.sources import SourceConfigError

    if isinstance(exc, GateFailed):
        return EXIT_QUARANTINED, "see why: newscorpus quarantine list; after a fix: newscorpus quarantine release ..."
    if isinstance(exc, NoCorpus):
        return EXIT_NO_DATA, "publish something first: make demo, or newscorpus run --date YYYY-MM-DD"
    if isinstance(exc, ExportError) and str(exc).startswith("no published article"):
        return EXIT_NO_DATA, ""
    if isinstance(exc, SourceConfigError):
        return EXIT_USAGE, "fix the registry (the message names the file, source and field); check: newscorpus sources"
    if isinstance(exc, PartitionError | ValueError | duckdb.Error):  # QueryRefused and ExportError are ValueErrors
        return EXIT_USAGE, ""
    if isinstance(exc, FileNotFoundError):
        return (EXIT_NO_DATA if "catalog" in str(exc) or "published" in str(exc) else EXIT_FAILED), ""
    return EXIT_FAILED, f"({type(exc).__name__}; rerun with -v for the traceback)"


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "demo":
        from newscorpus.demo import DEMO_DATE, run_demo

        return run_demo(args.date or DEMO_DATE, verbose=args.show_airflow_log)
    if args.command == "query":
        from newscorpus.catalog import query
        from newscorpus.tables import format_table

        columns, rows = query(_data_root(), args.sql)
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
        return _sources(args)
    if args.command == "report":
        return _report(args)
    if args.command == "export":
        return _export(args)
    if args.command == "extract" and args.input:
        return _extract_batch(args)
    if args.command == "extract" and args.html:
        if not args.source:
            print("error: --html needs --source ID (whose extraction rules to use)", file=sys.stderr)
            return EXIT_USAGE
        return _try_page(args)
    if args.command == "extract" and not (args.source and args.date):
        print(
            "error: extract needs --input and --output, --source and --html, or --source and --date "
            "(see newscorpus extract --help)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.command == "run":
        from newscorpus import pipeline

        result = pipeline.run_all(args.date, args.run_id or f"cli__{args.date}", args.source, dry_run=args.dry_run)
        print(json.dumps(result, indent=2, default=str))
        succeeded = "passed" if args.dry_run else "published"
        return 0 if all(p.get(succeeded) for p in result["partitions"].values()) else EXIT_QUARANTINED
    print(json.dumps(_stage(args), indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
