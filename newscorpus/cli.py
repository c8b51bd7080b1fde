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
  newscorpus quarantine list --json
  newscorpus catalog                                # rebuild corpus.duckdb from what published/ holds"""

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


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number (1 or more), got {value}")
    return number


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not number > 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be a number above 0, got {value}")
    return number


def _run_id(value: str) -> str:
    try:
        return check_run_id(value)
    except PartitionError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _timezone(value: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(f"{value!r} is not an IANA time zone (e.g. Asia/Jakarta, UTC)") from None
    return value


def _source_id(value: str) -> str:
    from newscorpus.sources import SOURCE_ID

    if not SOURCE_ID.match(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a source id (lower-case letters, digits, '-', '_')")
    return value


def _sources_arg(parser: argparse.ArgumentParser, help_text: str) -> None:
    """--source for commands that take several: `--source a b` and `--source a --source b` both work."""
    parser.add_argument(
        "--source", nargs="+", action="extend", type=_source_id, metavar="ID", help=f"{help_text} (one or more)"
    )


def _partition_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", required=True, type=_source_id, help="source id from the registry")
    parser.add_argument("--date", required=True, type=_date, help="crawl date, YYYY-MM-DD")
    parser.add_argument("--run-id", type=_run_id, help="run id (default: cli__DATE, so a rerun replaces itself)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newscorpus",
        description="Turn news websites into a clean, deduplicated, quality-checked corpus.\n\n"
        "Storage root: NEWSCORPUS_DATA (default ./data); sources: NEWSCORPUS_SOURCES (default ./sources.yaml);\n"
        "both relative to the current directory.\n"
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
        "and the reports. One source failing does not stop the others; prints a JSON summary; exit 1 when a "
        "partition failed before its gate (a crawl, a task, the storage), else 3 when one was quarantined. "
        "--dry-run validates and reports each verdict without publishing anything; it exits 3 when a partition "
        "would be quarantined.",
        examples="  newscorpus run --date 2026-11-20\n  newscorpus run --date 2026-11-20 --source a b\n"
        "  newscorpus run --date 2026-11-20 --dry-run    # what would be published, nothing written for readers",
    )  # fmt: skip
    run.add_argument("--date", required=True, type=_date, help="crawl date, YYYY-MM-DD")
    _sources_arg(run, "only these sources; default: all enabled")
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
    extract.add_argument("--input", help="JSON lines {id, url, html[, crawl_date, timezone]}; - for stdin")
    extract.add_argument("--output", help="where the article lines go; - for stdout")
    extract.add_argument("--workers", type=_positive_int, help="processes (default: every core)")
    extract.add_argument(
        "--time-limit", type=_positive_float, default=10.0, help="seconds per page before it is cut off"
    )
    extract.add_argument(
        "--timezone",
        type=_timezone,
        default="UTC",
        help="IANA zone for dates printed without one (default UTC); an input line's own `timezone` wins",
    )
    extract.add_argument("--source", type=_source_id, help="source id (pipeline and --html modes)")
    extract.add_argument("--html", help="a saved page to extract with the source's rules (selector test)")
    extract.add_argument("--url", help="--html mode: the page's URL (default: the source's home page)")
    extract.add_argument("--json", action="store_true", help="--html mode: print the result as one JSON object")
    extract.add_argument("--date", type=_date, help="pipeline mode: crawl date, YYYY-MM-DD")
    extract.add_argument("--run-id", type=_run_id, help="pipeline mode: run id (default: cli__DATE)")

    for name, text in (
        ("crawl", "crawl one source for one date; raw WARC lands under raw/"),
        ("transform", "run the SQL models of transforms/ on a partition"),
        ("validate", "run the gate on a staged partition: publish it, or quarantine it (exit 3); refresh the catalog"),
        ("publish", "the same as validate: nothing is published without passing the gate"),
    ):
        _partition_args(
            _command(commands, name, text, examples=f"  newscorpus {name} --source korankota --date 2026-11-20")
        )

    query = _command(
        commands, "query", "run read-only SQL against the catalog and print a table",
        "Tables: articles, pages, crawl_runs, validations (views over published/). Only reading statements run. "
        "A query that returns no rows is not an error (exit 0); exit 4 means there is no catalog yet.",
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
    search.add_argument("--limit", type=_positive_int, default=10, help="at most this many hits (default 10)")
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
        "each source's permission notes as its runs recorded them from the registry they crawled with. Exit 4 when "
        "nothing matches the filters.",
        examples="  newscorpus export --format jsonl --output corpus.jsonl\n"
        "  newscorpus export --format parquet --dedup --since 2026-11-01 --lang id --output id.parquet\n"
        "  newscorpus export --format jsonl --source korankota wartanusantara --output two.jsonl --json",
    )  # fmt: skip
    export.add_argument("--format", required=True, choices=("jsonl", "parquet"), help="file format")
    export.add_argument("--output", required=True, help="the file to write (its card goes beside it)")
    export.add_argument("--since", type=_date, help="only articles published (else crawled) on or after YYYY-MM-DD")
    _sources_arg(export, "only these sources")
    export.add_argument("--lang", help="only this language code, e.g. id")
    export.add_argument("--dedup", action="store_true", help="one document per near-duplicate cluster")
    export.add_argument("--json", action="store_true", help="print a JSON summary (paths, counts, sha256)")

    _command(
        commands, "catalog", "rebuild the catalog corpus.duckdb (views and search index) from what is published",
        "`run`, `validate`/`publish` and `quarantine release` refresh the catalog themselves; run this after "
        "publishing some other way (an Airflow run on another machine, files copied in) or after deleting the "
        "catalog. It writes no data: like every refresh it only drops files that a newer commit retired longer ago "
        "than NEWSCORPUS_RETIRED_GRACE_S.",
        examples="  newscorpus catalog\n  newscorpus catalog && newscorpus query \"SELECT count(*) FROM articles\"",
    )  # fmt: skip

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
    from newscorpus.publish import GateFailed
    from newscorpus.settings import storage_root
    from newscorpus.storage import Storage

    store = Storage.at(storage_root())  # a local folder or s3://
    staged = {t: store.uri(Partition.from_dict(partition).staging_key(t)) for t in marts}
    try:
        outcome = pipeline.gate({**carried, "staged": staged})
    except GateFailed:  # quarantined: its failed validation is on record, so the catalog's validations show it
        pipeline.refresh_catalog()
        raise
    return {**outcome, "catalog": pipeline.refresh_catalog()}  # what `query` and `search` read


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
    partition = Partition(args.source, args.date, args.run_id)
    try:
        item = quarantine.find_quarantined(root, partition)
    except FileNotFoundError:  # a wrong --source/--date/--run-id: a usage error
        print(f"error: {_not_quarantined(root, partition)}", file=sys.stderr)
        return EXIT_USAGE
    if args.action == "show":
        if args.json:
            print(json.dumps({**_quarantined_json(item), "rows": item.rows()}, indent=2, default=str))
            return 0
        print(f"{item.folder}\n\nfailed expectations:\n{item.summary}\n\nrows: {json.dumps(item.rows())}")
        return 0
    from newscorpus import pipeline
    from newscorpus.sources import source_from_dict

    outcome = quarantine.release(source_from_dict(pipeline.list_sources([args.source])[0]), item, root)
    pipeline.refresh_catalog()  # published, or one more failed validation on record: the catalog shows either
    if not outcome.published:
        print(f"still failing, kept in quarantine:\n{outcome.summary}", file=sys.stderr)
        return EXIT_QUARANTINED
    print(f"released and published: {outcome.location} ({outcome.articles} articles)")
    return 0


def _not_quarantined(root: str, partition: Any) -> str:
    """Nothing quarantined under that source, date and run: say so, and which runs of that day are."""
    from newscorpus import quarantine

    runs = sorted(
        item.partition.run_id
        for item in quarantine.list_quarantined(root, partition.source)
        if item.partition.crawl_date == partition.crawl_date
    )
    day = f"{partition.source} on {partition.crawl_date}"
    known = f"quarantined runs of {day}: {', '.join(runs)}" if runs else f"nothing of {day} is quarantined"
    return (
        f"no quarantined partition {partition.hive_path} from run {partition.run_id}; {known} "
        f"(see newscorpus quarantine list --source {partition.source})"
    )


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
    every = load_sources(sources_file(), include_disabled=True)
    registry = every if args.all else [s for s in every if s.enabled]
    if args.json:
        print(json.dumps([s.to_dict() for s in registry], indent=2, default=str))
    else:
        for s in registry:
            print(f"{s.id:<20} {'enabled ' if s.enabled else 'disabled'} {s.language:<4} {s.home}")
    hidden = len(every) - len(registry)
    if hidden:  # on stderr: a script reading stdout gets the list it asked for, a person learns about --all
        print(f"{hidden} disabled source(s) not shown; use --all (newscorpus sources --all)", file=sys.stderr)
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
    try:
        source = open_jsonl(args.input, "r")
    except OSError as exc:
        print(f"error: --input {args.input}: {exc.strerror or exc} (JSON lines, or - for stdin)", file=sys.stderr)
        return EXIT_USAGE
    try:
        target = open_jsonl(args.output, "w")
    except OSError as exc:
        if source is not sys.stdin:
            source.close()
        print(f"error: --output {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
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


class _WithoutScrapyLog(logging.Filter):
    """Drops the Scrapy log lines newscorpus.crawl forwards (hundreds per crawl): without -v a failed crawl is one
    error line naming the file that keeps the log's tail; -v shows them all."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == "newscorpus.crawl" and str(record.msg).startswith("[scrapy "))


def _configure_logging(verbose: bool) -> None:
    """Like logging.basicConfig: a host that set up logging already (pytest, an embedding program) keeps its own."""
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        if not verbose:
            handler.addFilter(_WithoutScrapyLog())
        root.addHandler(handler)
        root.setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("great_expectations").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _configure_logging(args.verbose)
    from newscorpus import progress

    try:
        with progress.shown(args.command in _LONG_COMMANDS and progress.wanted(args.quiet)):
            return _dispatch(args)
    except KeyboardInterrupt:
        print("interrupted; nothing half-written is published (rerun the same command to finish)", file=sys.stderr)
        return 130
    except Exception as exc:  # the exit code and one line saying what to do; the traceback with -v
        code, hint = _classify(exc)
        message = str(exc)
        if isinstance(exc, OSError):
            from newscorpus.cli_errors import explain_os_error

            explained = explain_os_error(exc, _path_flags(args))
            if explained:
                (code, message), hint = explained, ""
        if args.verbose:
            logging.getLogger("newscorpus.cli").exception("%s failed", args.command)
        print(f"error: {message}" + (f"\n{hint}" if hint else ""), file=sys.stderr)
        return code


def _path_flags(args: argparse.Namespace) -> dict[str, str | None]:
    """The command's path flags, so an OSError about one of them names the flag."""
    return {flag: getattr(args, flag.removeprefix("--"), None) for flag in ("--output", "--input", "--html")}


_LONG_COMMANDS = {"run", "crawl", "extract", "transform"}
# commands that write into the storage root: it is created (or refused, naming NEWSCORPUS_DATA) before any work
_WRITING_COMMANDS = {"run", "crawl", "extract", "transform", "validate", "publish", "catalog"}


def _classify(exc: Exception) -> tuple[int, str]:
    """Exit code and next step for an exception that reached the command line."""
    import duckdb

    from newscorpus.crawl import CrawlError
    from newscorpus.export import ExportError
    from newscorpus.publish import GateFailed
    from newscorpus.report import NoCorpus
    from newscorpus.sources import SourceConfigError

    if isinstance(exc, GateFailed):
        return EXIT_QUARANTINED, "see why: newscorpus quarantine list; after a fix: newscorpus quarantine release ..."
    if isinstance(exc, CrawlError):  # its one line names the file with Scrapy's log; -v shows the whole log
        return EXIT_FAILED, ""
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
    if args.command in _WRITING_COMMANDS and not (args.command == "extract" and (args.input or args.html)):
        _data_root().mkdir(parents=True, exist_ok=True)  # an unusable NEWSCORPUS_DATA fails here, named (main)
    if args.command == "catalog":
        from newscorpus import pipeline

        print(f"catalog refreshed: {pipeline.refresh_catalog()}")
        return 0
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
        return _run_exit_code(result["partitions"].values(), dry_run=args.dry_run)
    print(json.dumps(_stage(args), indent=2, default=str))
    return 0


def _run_exit_code(outcomes: Any, *, dry_run: bool) -> int:
    """1 when a partition broke before its gate gave a verdict (a crawl, a task, the storage: a retry may help),
    else 3 when the gate quarantined one (or would have, in a dry run), else 0."""
    outcomes = list(outcomes)
    verdict = "passed" if dry_run else "published"
    if any("error" in o and not o.get("quarantined") for o in outcomes):
        return EXIT_FAILED
    return 0 if all(o.get(verdict) for o in outcomes) else EXIT_QUARANTINED


if __name__ == "__main__":
    sys.exit(main())
