"""The news_corpus DAG as Airflow parses it: params, pool, retries, timeouts, docs and the asset outlet.

Parsed by Airflow's own DagBag from dags/ (no metadata DB needed), so an import error, a task left without a
timeout or a doc, or a crawl outside the pool fails here in seconds, before any end-to-end run.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from newscorpus import dag_config
from newscorpus.settings import REPO_ROOT

TASKS = {
    "plan",
    "crawl",
    "extract",
    "transform",
    "cluster",
    "gate",
    "refresh_catalog",
    "announce",
    "build_reports",
    "summarize",
}


def _parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **env: str):
    monkeypatch.setenv("AIRFLOW_HOME", str(tmp_path))
    monkeypatch.setenv("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(REPO_ROOT / "dags"))
    assert bag.import_errors == {}
    return bag.dags[dag_config.DAG_ID]


@pytest.fixture
def dag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("NEWSCORPUS_SCHEDULE", raising=False)
    return _parse(tmp_path, monkeypatch)


def test_tasks_params_and_schedule(dag) -> None:
    assert {t.task_id for t in dag.tasks} == TASKS
    assert dag.timetable.expression == dag_config.DEFAULT_SCHEDULE  # daily by default
    assert dict(dag.params) == {"sources": [], "crawl_date": None, "lookback_days": None, "dry_run": False}
    schema = {name: dag.params.get_param(name).schema for name in dag.params}
    assert schema["sources"]["type"] == "array" and schema["sources"]["items"] == {"type": "string"}
    assert schema["lookback_days"]["type"] == ["null", "integer"] and schema["lookback_days"]["minimum"] == 0
    assert schema["dry_run"]["type"] == "boolean"
    # a bad value is refused by Airflow before any task runs
    with pytest.raises(Exception, match="lookback_days|-1"):
        dag.params.get_param("lookback_days").resolve(-1)
    assert dag.max_active_runs == 1 and dag.catchup is False


def test_the_schedule_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hourly = _parse(tmp_path, monkeypatch, NEWSCORPUS_SCHEDULE="@hourly")
    assert hourly.timetable.expression in ("@hourly", "0 * * * *")
    manual = _parse(tmp_path, monkeypatch, NEWSCORPUS_SCHEDULE="none")
    assert type(manual.timetable).__name__ == "NullTimetable"


def test_crawls_share_a_pool_and_only_they_are_retried_with_backoff(dag) -> None:
    tasks = {t.task_id: t for t in dag.tasks}
    crawl = tasks["crawl"]
    assert crawl.pool == dag_config.CRAWL_POOL == "crawl" and crawl.pool_slots == 1
    assert crawl.retries == 2 and crawl.retry_exponential_backoff == 2.0
    assert crawl.retry_delay == timedelta(minutes=5) and crawl.max_retry_delay == timedelta(minutes=30)
    for task_id, task in tasks.items():
        if task_id != "crawl":
            assert task.retries == 0, f"{task_id} must not be retried"
            assert task.pool == "default_pool", task_id
    assert tasks["gate"].retries == 0  # a gate failure is a verdict


def test_every_task_has_a_timeout_and_operator_docs(dag) -> None:
    tasks = {t.task_id: t for t in dag.tasks}
    for task_id, task in tasks.items():
        assert task.execution_timeout == dag_config.TASK_TIMEOUTS[task_id], task_id
        assert task.execution_timeout <= timedelta(hours=2), task_id
        assert "**On failure**" in task.doc_md, f"{task_id}: doc_md must say what to do when it fails"
    # the crawl subprocess stops before Airflow kills the task, so its WARC and stats are written
    assert tasks["crawl"].execution_timeout > dag_config.CRAWL_SUBPROCESS_TIMEOUT
    for needle in ("dry_run", "lookback_days", "NEWSCORPUS_SCHEDULE", "airflow pools set crawl", "non-existent pool"):
        assert needle in dag.doc_md, needle


def test_the_published_corpus_is_an_asset_outlet_of_announce_only(dag) -> None:
    outlets = {t.task_id: [a.name for a in t.outlets] for t in dag.tasks if t.outlets}
    assert outlets == {"announce": ["newscorpus_published"]}
    tasks = {t.task_id: t for t in dag.tasks}
    # announce runs when some source failed (others still published) and after the catalog shows the new data
    assert tasks["announce"].trigger_rule == "all_done"
    assert "refresh_catalog" in tasks["announce"].upstream_task_ids


def test_mapping_runs_one_chain_per_source(dag) -> None:
    from airflow.sdk.definitions.mappedoperator import MappedOperator

    tasks = {t.task_id: t for t in dag.tasks}
    assert {tid for tid, t in tasks.items() if isinstance(t, MappedOperator)} == {
        "crawl",
        "extract",
        "transform",
        "gate",
    }
    assert tasks["cluster"].trigger_rule == "all_done"  # one failed source does not stop the others


def test_crawl_pool_slots_are_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSCORPUS_CRAWL_POOL_SLOTS", raising=False)
    assert dag_config.crawl_pool_slots() == dag_config.DEFAULT_CRAWL_POOL_SLOTS
    monkeypatch.setenv("NEWSCORPUS_CRAWL_POOL_SLOTS", "2")
    assert dag_config.crawl_pool_slots() == 2
    monkeypatch.setenv("NEWSCORPUS_CRAWL_POOL_SLOTS", "zero")
    with pytest.raises(ValueError, match="NEWSCORPUS_CRAWL_POOL_SLOTS"):
        dag_config.crawl_pool_slots()


def test_plan_applies_the_window_and_dry_run_params_to_every_job(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from newscorpus import pipeline

    registry = tmp_path / "sources.yaml"
    entry = """
  - id: {id}
    name: {id}
    language: id
    timezone: Asia/Jakarta
    home: https://{id}.example/
    allowed_domains: [{id}.example]
    discovery: {{lookback_days: 3}}
"""
    registry.write_text("sources:" + entry.format(id="alpha") + entry.format(id="beta"), encoding="utf-8")
    monkeypatch.setenv("NEWSCORPUS_SOURCES", str(registry))

    default = pipeline.plan(None, "2026-11-20", "manual__1")
    assert [(j["source"]["id"], j["source"]["lookback_days"], j["dry_run"]) for j in default] == [
        ("alpha", 3, False),
        ("beta", 3, False),
    ]
    narrowed = pipeline.plan(["beta"], "2026-11-20", "manual__1", lookback_days=0, dry_run=True)
    assert [(j["source"]["id"], j["source"]["lookback_days"], j["dry_run"]) for j in narrowed] == [("beta", 0, True)]
    assert narrowed[0]["crawl_date"] == "2026-11-20" and narrowed[0]["run_id"] == "manual__1"
    with pytest.raises(ValueError, match="lookback_days"):
        pipeline.plan(None, "2026-11-20", "manual__1", lookback_days=-1)
    with pytest.raises(ValueError, match="unknown or disabled source"):
        pipeline.plan(["gamma"], "2026-11-20", "manual__1")


def test_announce_names_only_published_partitions_and_nothing_in_a_dry_run():
    from newscorpus import pipeline

    outcomes = [
        {"source": "alpha", "crawl_date": "2026-11-20", "run_id": "r", "published": True, "articles": 7},
        {"source": "beta", "crawl_date": "2026-11-20", "run_id": "r", "published": False, "articles": 3},
        None,  # a mapped gate that failed pushed nothing
    ]
    announced = pipeline.announce(outcomes)
    assert announced == [{"source": "alpha", "crawl_date": "2026-11-20", "run_id": "r", "articles": 7}]
    assert pipeline.announce(outcomes, dry_run=True) == []
    assert pipeline.announce(outcomes[1:]) == []
