"""news_corpus: crawl each source, extract, transform, gate and publish one (source, crawl_date) partition a day.

This file only wires tasks; every task calls a plain function of `newscorpus.pipeline`, and the schedule, pool,
retries and timeouts come from `newscorpus.dag_config`.
"""

from __future__ import annotations

import pendulum
from airflow.sdk import Asset, Param, dag, get_current_context, task
from airflow.sdk.exceptions import AirflowSkipException

from newscorpus import dag_config as cfg

PUBLISHED_CORPUS = Asset(name="newscorpus_published", uri="file:///newscorpus/published")

DOC = f"""
### news_corpus

One run builds the partition **(source, crawl_date)** of every enabled source, crawl_date being the run's logical
date (or the `crawl_date` param). Every stage writes only its own partition, so a rerun of a date replaces it.

**Schedule**: `{cfg.DEFAULT_SCHEDULE}` (UTC) unless `NEWSCORPUS_SCHEDULE` says otherwise (a cron or preset;
`none` = only when triggered or backfilled). Backfill: `airflow backfill create --dag-id {cfg.DAG_ID}
--from-date D1 --to-date D2`.

**Params** (Trigger DAG w/ config, or `airflow dags test {cfg.DAG_ID} DATE -c '{{"dry_run": true}}'`):
- `sources`: source ids to run; empty = every enabled source of the registry (`NEWSCORPUS_SOURCES`).
- `crawl_date`: YYYY-MM-DD; empty = the logical date.
- `lookback_days`: the window: articles dated crawl_date - N .. crawl_date; empty = each source's own
  `discovery.lookback_days`. The gate's published_at check uses the same window.
- `dry_run`: crawl, extract, transform and validate, but publish nothing: no `published/`, no `quarantine/`, no
  catalog refresh, no asset event. `summarize` lists what a real run would have published or quarantined.

**Pool**: crawls run in the pool `{cfg.CRAWL_POOL}` (one slot each), which bounds concurrent crawls across all
workers. Create it once: `airflow pools set {cfg.CRAWL_POOL} 4 "Scrapy crawls"` (`newscorpus demo` and the compose
init service do). A task in a pool that does not exist is never scheduled: the scheduler logs "Tasks using
non-existent pool 'crawl' will not be scheduled" and the DAG shows a "non-existent pool" warning.
(`airflow dags test` runs tasks in-process and ignores pools.)

**Retries**: only `crawl` (network) is retried, {cfg.CRAWL_RETRIES} times with exponential backoff from
{cfg.CRAWL_RETRY_DELAY} up to {cfg.CRAWL_MAX_RETRY_DELAY}. Nothing else is: a rerun of the same input fails the same
way, and a gate failure is a verdict, not an accident. Every task has an execution_timeout.

**Output**: the asset `newscorpus_published` gets one event per run that published something (`announce`),
its extra naming the partitions, so downstream DAGs can be scheduled on it.
"""

PLAN_DOC = """Reads the source registry and makes one job per source. **On failure**: the message names the
YAML file, the source and the field (or an unknown id in the `sources` param). Fix the registry or the param and
trigger again; nothing was written."""
CRAWL_DOC = """Scrapy in a subprocess for one source (pool `crawl`); raw WARC.gz, crawl log and stats land
under `raw/source=S/crawl_date=D/run_id=R/` (append-only). Retried with backoff. **On failure** after the
retries: the log carries Scrapy's own log; check the site is reachable and robots.txt allows us, then clear the
task. A site that answers but yields nothing fails later, at the gate."""
EXTRACT_DOC = """WARC → `staging/<run_id>/extracted/`: title, body, bylines, dates, flags. A page that breaks or
hangs the extractor is recorded and skipped, never fatal. **On failure**: a bug or unreadable WARC; the traceback
names the file. Fix, then clear this task (crawl need not rerun)."""
TRANSFORM_DOC = """The SQL models of `transforms/` → staged articles, pages, crawl_runs for this partition.
**On failure**: the message names the SQL model; fix it and clear this task."""
CLUSTER_DOC = """Near-duplicate clusters across every partition of the run (`transforms/cross_partition/`);
waits for every transform and runs even when some failed. **On failure**: names the SQL model; clear it and the
gates after it."""
GATE_DOC = """The Great Expectations suites of `expectations/` on the staged partition. Passes: published
atomically. Blocking failure: the partition goes to `quarantine/<run_id>/source=S/crawl_date=D/` with a
`validation.json`, and this task fails listing each failed expectation and its observed value; other sources
still publish. Not retried. **On failure**: `newscorpus quarantine show --source S --date D --run-id R`; fix the
cause (extractor, source config, suite), then `newscorpus quarantine release ...` (re-runs the gate) or rerun the
date. In a dry run this task only reports its verdict."""
CATALOG_DOC = """Rebuilds the views of `corpus.duckdb` over what is published; runs even when a source failed;
skipped in a dry run. **On failure**: the catalog keeps its previous views (the published files are fine);
clear this task once the cause (disk, a locked `corpus.duckdb`) is fixed."""
ANNOUNCE_DOC = """Emits the `newscorpus_published` asset event naming the partitions published by this run.
Skipped (no event) when nothing was published or in a dry run. **On failure**: downstream DAGs were not
triggered; clear this task."""
REPORTS_DOC = """GX Data Docs under `reports/data_docs/` and the corpus report under `reports/corpus/`.
**On failure**: the corpus is fine; clear this task, or `newscorpus report` for the corpus report."""
SUMMARIZE_DOC = """Fails the run when a planned partition was not published, naming it and its failed
expectations (or, in a dry run, lists each partition's verdict and fails when one would be quarantined).
**On failure**: read its log, then the failed `gate` or earlier task of that source."""


def _params() -> dict:
    return get_current_context()["params"]


@dag(
    dag_id=cfg.DAG_ID,
    schedule=cfg.schedule(),
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    doc_md=DOC,
    tags=["newscorpus"],
    params={
        "sources": Param(
            [], type="array", items={"type": "string"}, description="source ids to run; empty: every enabled source"
        ),
        "crawl_date": Param(None, type=["null", "string"], description="YYYY-MM-DD; default: the logical date"),
        "lookback_days": Param(
            None,
            type=["null", "integer"],
            minimum=0,
            description="window in days before crawl_date; default: each source's discovery.lookback_days",
        ),
        "dry_run": Param(False, type="boolean", description="crawl, extract, transform and validate; publish nothing"),
    },
    default_args={"retries": 0},
)
def news_corpus():
    @task(execution_timeout=cfg.TASK_TIMEOUTS["plan"], doc_md=PLAN_DOC)
    def plan() -> list[dict]:
        from newscorpus import pipeline

        context = get_current_context()
        params = context["params"]
        when = params.get("crawl_date") or (context.get("logical_date") or context["dag_run"].run_after).date()
        return pipeline.plan(
            params.get("sources") or None,
            str(when),
            context["run_id"],
            lookback_days=params.get("lookback_days"),
            dry_run=bool(params.get("dry_run")),
        )

    @task(
        pool=cfg.CRAWL_POOL,
        retries=cfg.CRAWL_RETRIES,
        retry_delay=cfg.CRAWL_RETRY_DELAY,
        retry_exponential_backoff=cfg.CRAWL_RETRY_BACKOFF,
        max_retry_delay=cfg.CRAWL_MAX_RETRY_DELAY,
        execution_timeout=cfg.TASK_TIMEOUTS["crawl"],
        map_index_template="{{ source_id }}",
        doc_md=CRAWL_DOC,
    )
    def crawl(job: dict) -> dict:
        from newscorpus import pipeline

        get_current_context()["source_id"] = job["source"]["id"]  # names the mapped instance in the UI
        timeout_s = cfg.CRAWL_SUBPROCESS_TIMEOUT.total_seconds()
        return pipeline.crawl(job["source"], job["crawl_date"], job["run_id"], timeout_s=timeout_s)

    @task(execution_timeout=cfg.TASK_TIMEOUTS["extract"], doc_md=EXTRACT_DOC)
    def extract(crawled: dict) -> dict:
        from newscorpus import pipeline

        return pipeline.extract(crawled)

    @task(execution_timeout=cfg.TASK_TIMEOUTS["transform"], doc_md=TRANSFORM_DOC)
    def transform(extracted: dict) -> dict:
        from newscorpus import pipeline

        return pipeline.transform(extracted)

    @task(trigger_rule="all_done", execution_timeout=cfg.TASK_TIMEOUTS["cluster"], doc_md=CLUSTER_DOC)
    def cluster(transformed: list[dict]) -> list[dict]:
        from newscorpus import pipeline

        return pipeline.cluster(list(transformed))

    @task(retries=0, execution_timeout=cfg.TASK_TIMEOUTS["gate"], doc_md=GATE_DOC)
    def gate(transformed: dict) -> dict:
        from newscorpus import pipeline

        return pipeline.gate(transformed, dry_run=bool(_params().get("dry_run")))

    @task(trigger_rule="all_done", execution_timeout=cfg.TASK_TIMEOUTS["refresh_catalog"], doc_md=CATALOG_DOC)
    def refresh_catalog() -> str:
        from newscorpus import pipeline

        if _params().get("dry_run"):
            raise AirflowSkipException("dry run: the catalog is left as it is")
        return pipeline.refresh_catalog()

    @task(
        trigger_rule="all_done",
        outlets=[PUBLISHED_CORPUS],
        execution_timeout=cfg.TASK_TIMEOUTS["announce"],
        doc_md=ANNOUNCE_DOC,
    )
    def announce(outcomes: list[dict]) -> list[dict]:
        from newscorpus import pipeline

        published = pipeline.announce(list(outcomes), dry_run=bool(_params().get("dry_run")))
        if not published:
            raise AirflowSkipException("nothing published by this run: no asset event")
        get_current_context()["outlet_events"][PUBLISHED_CORPUS].extra = {"partitions": published}
        return published

    @task(trigger_rule="all_done", execution_timeout=cfg.TASK_TIMEOUTS["build_reports"], doc_md=REPORTS_DOC)
    def build_reports() -> str:
        from newscorpus import pipeline

        return pipeline.build_reports()

    @task(trigger_rule="all_done", execution_timeout=cfg.TASK_TIMEOUTS["summarize"], doc_md=SUMMARIZE_DOC)
    def summarize(jobs: list[dict], outcomes: list[dict]) -> dict:
        from newscorpus import pipeline

        return pipeline.summarize(list(jobs), list(outcomes), dry_run=bool(_params().get("dry_run")))

    jobs = plan()
    transformed = transform.expand(extracted=extract.expand(crawled=crawl.expand(job=jobs)))
    outcomes = gate.expand(transformed=cluster(transformed))
    catalog = refresh_catalog()
    announced = announce(outcomes)
    outcomes >> catalog >> announced >> build_reports() >> summarize(jobs, outcomes)


news_corpus()
