"""A SIGTERM to a process that runs `AirflowServices` stops the services too: they live in process groups of their
own, so before this a killed test run left an api-server, a scheduler and Celery workers running. The service here
is a stand-in executable (a long sleep), started exactly as the real ones are."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

_RUNNER = """
import sys, time
from pathlib import Path
from newscorpus import airflow_services
from newscorpus.airflow_services import AirflowServices

home, stand_in = Path(sys.argv[1]), sys.argv[2]
airflow_services._airflow_bin = lambda: stand_in
with AirflowServices({"AIRFLOW_HOME": str(home)}) as services:
    service = services.start("sleeper", "sleeper")
    (home / "service.pid").write_text(str(service.pid))
    time.sleep(300)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat_file:  # a zombie is gone for our purpose
        return stat_file.read().split(")")[-1].split()[0] != "Z"


def test_a_sigterm_to_the_runner_stops_its_services_and_still_ends_it(tmp_path: Path) -> None:
    stand_in = tmp_path / "airflow"
    stand_in.write_text("#!/bin/sh\nexec sleep 300\n")
    stand_in.chmod(stand_in.stat().st_mode | stat.S_IEXEC)
    runner = subprocess.Popen([sys.executable, "-c", _RUNNER, str(tmp_path), str(stand_in)])
    pid_file = tmp_path / "service.pid"
    deadline = time.monotonic() + 60
    while not pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    service_pid = int(pid_file.read_text())
    assert _alive(service_pid)
    try:
        runner.send_signal(signal.SIGTERM)
        assert runner.wait(timeout=60) == -signal.SIGTERM
        deadline = time.monotonic() + 10
        while _alive(service_pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(service_pid)
    finally:
        runner.kill()
        try:
            os.killpg(service_pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
