"""The DAG under Airflow's real scheduler: api-server, scheduler, dag-processor and triggerer on 127.0.0.1, a run
triggered through the REST API v2, tasks run by the LocalExecutor (the executor Airflow 3 allows on SQLite)."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import published_files

from newscorpus import airflow_local
from newscorpus.airflow_services import AirflowServices, services_env, wait_for_run
from newscorpus.catalog import query
from newscorpus.demo import DEMO_DATE
from newscorpus.demo_site import OUTLETS, SOURCES_YAML, demo_env, truth

pytestmark = pytest.mark.slow

RUN_TIMEOUT_S = 600


def _published(data: Path, table: str = "articles") -> list[dict]:
    rows = []
    for path in published_files(data, table):
        rows += [{**row, "_partition": path.parent.name} for row in pq.read_table(path).to_pylist()]
    return rows


def test_a_run_triggered_through_the_rest_api_is_scheduled_executed_and_published(
    demo_site_urls: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    env = services_env(
        tmp_path / "airflow-home",
        {**demo_env(demo_site_urls), "NEWSCORPUS_SOURCES": str(SOURCES_YAML), "NEWSCORPUS_DATA": str(data)},
    )
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("sqlite:")
    airflow_local.migrate(env)
    with AirflowServices(env) as services:
        services.start_core()
        client = services.client()
        services.wait_for(client.dag_is_parsed, 300, "the dag-processor to parse news_corpus")
        client.unpause()
        run_id = client.trigger(DEMO_DATE.isoformat())
        run = wait_for_run(services, run_id, RUN_TIMEOUT_S)
        instances = client.task_instances(run_id)
        assert run["state"] == "success", f"{instances}\n{services.logs()}"

        assert run["logical_date"].startswith(DEMO_DATE.isoformat())
        assert run["run_type"] == "manual"
        assert {ti["state"] for ti in instances} == {"success"}
        crawls = [ti for ti in instances if ti["task_id"] == "crawl"]
        assert sorted(ti["map_index"] for ti in crawls) == list(range(len(OUTLETS)))  # one mapped crawl per source
        assert all(ti["hostname"] for ti in instances)  # executed by a worker process, not in-process

    assert all(process.poll() is not None for process in services.processes.values())  # everything stopped

    articles = _published(data)
    assert len(articles) == len(truth(DEMO_DATE))
    assert {row["_partition"] for row in articles} == {f"crawl_date={DEMO_DATE}"}
    assert {row["source"] for row in articles} == set(OUTLETS)
    assert {row["run_id"] for row in articles} == {run_id}
    _, counts = query(data, "SELECT count(*) FROM articles")
    assert counts == [(len(articles),)]
    assert (data / "reports" / "data_docs" / "index.html").is_file()
