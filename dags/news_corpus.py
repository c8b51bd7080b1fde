"""news_corpus: crawl each source, extract, transform, gate and publish one (source, crawl_date) partition a day.

This file only wires tasks; every task calls a plain function of `newscorpus.pipeline`.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import Asset, Param, dag, get_current_context, task

PUBLISHED_CORPUS = Asset(name="newscorpus_published", uri="file:///newscorpus/published")

DOC = """
### news_corpus

One run builds the partition **(source, crawl_date)** of every enabled source, crawl_date being the run's logical
date (or the `crawl_date` param).

- `plan`: reads the source registry (`NEWSCORPUS_SOURCES`). Fails on bad YAML; the message names file, source, field.
- `crawl` (one per source): Scrapy in a subprocess; raw WARC.gz and a crawl log land under `raw/` (append-only).
  Network trouble is retried; the task log carries Scrapy's own log.
- `extract`: WARC → `staging/<run_id>/extracted/`. A page that breaks the extractor is recorded, not fatal.
- `transform`: the SQL models of `transforms/` → staged articles, pages, crawl_runs. A failure names the model.
- `cluster`: near-duplicate clusters across all partitions of the run (the SQL of `transforms/cross_partition/`),
  so outlets that carried the same story on the same day share a cluster; waits for every transform.
- `gate`: the Great Expectations suites of `expectations/`; publish atomically, or quarantine and fail listing each
  failed expectation with its observed value. Inspect `quarantine/<run_id>/`. Other sources still publish.
- `refresh_catalog`: rebuilds the views of `corpus.duckdb`; runs even when a source failed.
- `build_reports`: GX Data Docs under `reports/data_docs/`.
- `summarize`: fails the run when a planned partition was not published, naming it and its failed expectations.
"""


@dag(
    dag_id="news_corpus",
    schedule="0 6 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    doc_md=DOC,
    tags=["newscorpus"],
    params={
        "sources": Param([], type="array", description="source ids to run; empty means every enabled source"),
        "crawl_date": Param(None, type=["null", "string"], description="YYYY-MM-DD; default: the logical date"),
    },
    default_args={"retries": 0, "execution_timeout": timedelta(hours=2)},
)
def news_corpus():
    @task
    def plan() -> list[dict]:
        from newscorpus import pipeline

        context = get_current_context()
        params = context["params"]
        when = params.get("crawl_date") or (context.get("logical_date") or context["dag_run"].run_after).date()
        return [
            {"source": source, "crawl_date": str(when), "run_id": context["run_id"]}
            for source in pipeline.list_sources(params.get("sources") or None)
        ]

    @task(
        retries=2,
        retry_delay=timedelta(minutes=5),
        retry_exponential_backoff=2.0,
        map_index_template="{{ source_id }}",
    )
    def crawl(job: dict) -> dict:
        from newscorpus import pipeline

        get_current_context()["source_id"] = job["source"]["id"]  # names the mapped instance in the UI
        return pipeline.crawl(job["source"], job["crawl_date"], job["run_id"], timeout_s=3600)

    @task
    def extract(crawled: dict) -> dict:
        from newscorpus import pipeline

        return pipeline.extract(crawled)

    @task
    def transform(extracted: dict) -> dict:
        from newscorpus import pipeline

        return pipeline.transform(extracted)

    @task(trigger_rule="all_done")
    def cluster(transformed: list[dict]) -> list[dict]:
        from newscorpus import pipeline

        return pipeline.cluster(list(transformed))

    @task(outlets=[PUBLISHED_CORPUS])
    def gate(transformed: dict) -> dict:
        from newscorpus import pipeline

        return pipeline.gate(transformed)

    @task(trigger_rule="all_done")
    def refresh_catalog() -> str:
        from newscorpus import pipeline

        return pipeline.refresh_catalog()

    @task(trigger_rule="all_done")
    def build_reports() -> str:
        from newscorpus import pipeline

        return pipeline.build_reports()

    @task(trigger_rule="all_done")
    def summarize(jobs: list[dict], outcomes: list[dict]) -> dict:
        from newscorpus import pipeline

        return pipeline.summarize(list(jobs), list(outcomes))

    jobs = plan()
    transformed = transform.expand(extracted=extract.expand(crawled=crawl.expand(job=jobs)))
    published = gate.expand(transformed=cluster(transformed))
    published >> refresh_catalog() >> build_reports() >> summarize(jobs, published)


news_corpus()
