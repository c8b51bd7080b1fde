"""`AirflowServices.airflow`: a CLI command that loses SQLite's lock race is run again; other failures are not.

The race itself (a WAL-mode transaction that read before it writes, while the scheduler commits) cannot be made to
happen on demand, so the command here is a stand-in executable that fails the way Airflow's CLI does."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from newscorpus import airflow_services
from newscorpus.airflow_services import AirflowServices

LOCKED = "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked"


def _stand_in(tmp_path: Path, failures: int, message: str) -> Path:
    """An `airflow` that fails `failures` times with `message` on stderr, then prints its arguments."""
    calls = tmp_path / "calls"
    script = tmp_path / "airflow"
    script.write_text(
        "#!/bin/sh\n"
        f'echo call >> "{calls}"\n'
        f'if [ "$(wc -l < "{calls}")" -le {failures} ]; then echo "{message}" >&2; exit 1; fi\n'
        'echo "ran $*"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def _calls(tmp_path: Path) -> int:
    return len((tmp_path / "calls").read_text().splitlines())


@pytest.fixture(autouse=True)
def _no_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(airflow_services, "_LOCKED_RETRY_S", 0.0)


def test_a_command_that_found_the_database_locked_is_run_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(airflow_services, "_airflow_bin", lambda: str(_stand_in(tmp_path, 2, LOCKED)))
    output = AirflowServices({"AIRFLOW_HOME": str(tmp_path)}).airflow("backfill", "create", "--dag-id", "x")
    assert output.strip() == "ran backfill create --dag-id x"
    assert _calls(tmp_path) == 3


def test_a_database_that_stays_locked_fails_with_the_last_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(airflow_services, "_airflow_bin", lambda: str(_stand_in(tmp_path, 99, LOCKED)))
    with pytest.raises(RuntimeError, match="database is locked"):
        AirflowServices({"AIRFLOW_HOME": str(tmp_path)}).airflow("backfill", "create")
    assert _calls(tmp_path) == airflow_services._LOCKED_ATTEMPTS


def test_any_other_failure_is_reported_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(airflow_services, "_airflow_bin", lambda: str(_stand_in(tmp_path, 1, "DAG not found")))
    with pytest.raises(RuntimeError, match="DAG not found"):
        AirflowServices({"AIRFLOW_HOME": str(tmp_path)}).airflow("backfill", "create")
    assert _calls(tmp_path) == 1
