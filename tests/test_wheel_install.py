"""newscorpus installed as a regular wheel, not `pip install -e`: the package finds its SQL models, expectation suites
and DAG inside itself, and a real crawl → transform → gate → publish runs from a directory that is not the repo.

The wheel is built from a copy of the repository (a build in the work tree would leave build/ behind) by pip with
build isolation: that is how a user builds it, and the project's .venv has no `wheel` package for
--no-build-isolation. It is installed with `pip install --target`, and run by the python of a fresh venv whose
site-packages names the project's .venv site-packages in a .pth line. A .pth line adds a path but does not run that
path's own .pth files, so the editable install's finder is never loaded: nothing of the checkout can be imported.

NEWSCORPUS_WHEEL_SOURCE builds from another checkout instead of this one (to try a pyproject.toml change on a copy).
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from newscorpus import settings
from newscorpus.demo import DEMO_DATE
from newscorpus.demo_site import demo_env, truth

REPO = Path(__file__).resolve().parent.parent
# Top-level folders of a checkout that are not part of the build (local state, caches, the tests themselves).
_NOT_BUILT = {".venv", ".git", "data", ".airflow", "build", "dist", "tests", "bench", ".pytest_cache", ".ruff_cache"}
# The repository's top-level folders that the wheel carries inside the package (pyproject.toml's package-dir).
_PROJECT_DIRS = ("dags", "expectations", "transforms")
_TIMEOUT_S = 600


@dataclass(frozen=True)
class Installed:
    source: Path  # the checkout the wheel was built from
    wheel: Path
    target: Path  # what `pip install --target` filled: newscorpus/, spiders/, the dist-info
    python: Path  # an interpreter that sees target first, then the .venv's dependencies, never the checkout


def _source() -> Path:
    return Path(os.environ.get("NEWSCORPUS_WHEEL_SOURCE") or REPO).resolve()


def _copy_checkout(source: Path, destination: Path) -> Path:
    def ignore(folder: str, names: list[str]) -> list[str]:
        top = Path(folder) == source
        return [n for n in names if (top and n in _NOT_BUILT) or n == "__pycache__" or n.endswith(".egg-info")]

    return Path(shutil.copytree(source, destination, ignore=ignore))


def _isolated_python(venv: Path) -> Path:
    """A venv without the editable install: the .venv's site-packages is on its path, the .venv's .pth files are
    not run."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=_TIMEOUT_S)
    python = venv / "bin" / "python"
    own = subprocess.run(
        [str(python), "-c", "import site; print(site.getsitepackages()[0])"],
        check=True,
        capture_output=True,
        text=True,
        timeout=_TIMEOUT_S,
    ).stdout.strip()
    Path(own, "newscorpus-test-deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return python


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("wheel")
    source = _source()
    checkout = _copy_checkout(source, work / "checkout")
    wheels = work / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    built = subprocess.run(
        [*pip, "wheel", "--no-deps", "-w", str(wheels), str(checkout)],
        capture_output=True,
        text=True,
        timeout=_TIMEOUT_S,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = wheels.glob("newscorpus-*.whl")
    target = work / "site-packages"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True, timeout=_TIMEOUT_S)
    return Installed(source=source, wheel=wheel, target=target, python=_isolated_python(work / "venv"))


def _env(target: Path, **extra: str) -> dict[str, str]:
    """The caller's environment less anything that points at a checkout or a corpus, plus PYTHONPATH=target."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("NEWSCORPUS_", "AIRFLOW", "PYTHON", "SCRAPY_")) and name != "VIRTUAL_ENV"
    }
    return {**env, "PYTHONPATH": str(target), **extra}


def _files(root: Path) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith(".")
    }


def test_a_checkout_reads_the_repository_folders() -> None:
    """In the checkout (and so in an editable install) the SQL being edited is the SQL that runs."""
    assert not (REPO / "newscorpus" / "_bundled").exists()
    assert settings.TRANSFORMS_DIR == REPO / "transforms"
    assert settings.EXPECTATIONS_DIR == REPO / "expectations"
    assert settings.DAGS_DIR == REPO / "dags"


@pytest.mark.slow
def test_the_wheel_carries_every_module_and_project_file(installed: Installed) -> None:
    """pyproject.toml lists the packages by name: a new subpackage or data file left out of it fails here, and so
    does a file the wheel carries by mistake (a module at the repository root would land in newscorpus/_bundled/)."""
    expected = {
        f"{package}/{name}" for package in ("newscorpus", "spiders") for name in _files(installed.source / package)
    }
    for folder in _PROJECT_DIRS:
        expected |= {f"newscorpus/_bundled/{folder}/{name}" for name in _files(installed.source / folder)}
    with zipfile.ZipFile(installed.wheel) as wheel:
        carried = {name for name in wheel.namelist() if ".dist-info/" not in name}
    assert sorted(expected - carried) == [], "missing from the wheel"
    assert sorted(carried - expected) == [], "in the wheel but not in the checkout's package folders"


@pytest.mark.slow
def test_the_installed_package_parses_its_own_dag(installed: Installed, tmp_path: Path) -> None:
    probe = """
import json, sys
from pathlib import Path
import newscorpus, spiders
from newscorpus import airflow_local, settings
from airflow.dag_processing.dagbag import DagBag
dags_folder = airflow_local.airflow_env(Path(sys.argv[2]))["AIRFLOW__CORE__DAGS_FOLDER"]
bag = DagBag(dag_folder=dags_folder)
Path(sys.argv[1]).write_text(json.dumps({
    "modules": [newscorpus.__file__, spiders.__file__],
    "dirs": [str(settings.TRANSFORMS_DIR), str(settings.EXPECTATIONS_DIR), str(settings.DAGS_DIR), dags_folder],
    "editable_finder": any("editable" in repr(finder).lower() for finder in sys.meta_path),
    "import_errors": {str(k): str(v) for k, v in bag.import_errors.items()},
    "dags": {dag_id: dag.fileloc for dag_id, dag in bag.dags.items()},
}))
"""
    out = tmp_path / "probe.json"
    home = tmp_path / "airflow-home"
    env = _env(installed.target, AIRFLOW_HOME=str(home), AIRFLOW__CORE__LOAD_EXAMPLES="False")
    done = subprocess.run(
        [str(installed.python), "-c", probe, str(out), str(home)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=_TIMEOUT_S,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    seen = json.loads(out.read_text())
    assert seen["editable_finder"] is False
    for path in seen["modules"] + seen["dirs"] + list(seen["dags"].values()):
        assert Path(path).is_relative_to(installed.target), path
    bundled = installed.target / "newscorpus" / "_bundled"
    # TRANSFORMS_DIR, EXPECTATIONS_DIR, DAGS_DIR, and the DAGs folder `airflow dags test` and the demo are given
    assert seen["dirs"] == [str(bundled / name) for name in ("transforms", "expectations", "dags", "dags")]
    assert seen["import_errors"] == {}
    assert list(seen["dags"]) == ["news_corpus"]


@pytest.mark.slow
def test_the_installed_package_crawls_transforms_and_publishes_from_another_directory(
    installed: Installed, demo_site_urls: dict[str, str], tmp_path: Path
) -> None:
    """`newscorpus run` for one demo outlet: a real Scrapy crawl of 127.0.0.1, the SQL models of transforms/ and
    the suites of expectations/, all read from the install; the corpus lands in ./data of the caller's directory and
    nothing is written into the install."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    registry = installed.target / "newscorpus" / "demo_site" / "sources.yaml"  # the demo registry is package data
    env = _env(installed.target, **demo_env(demo_site_urls), NEWSCORPUS_SOURCES=str(registry))
    before = _files(installed.target)
    done = subprocess.run(
        [str(installed.python), "-m", "newscorpus.cli", "-q", "run", "--date", DEMO_DATE.isoformat()]
        + ["--source", "korankota"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=_TIMEOUT_S,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    summary = json.loads(done.stdout)
    partition = summary["partitions"]["korankota"]
    assert partition["published"] is True, partition
    assert partition["articles"] == sum(record["outlet"] == "korankota" for record in truth(DEMO_DATE))
    assert "expectations passed" in partition["summary"]
    data = elsewhere / "data"
    assert summary["data_root"] == str(data)
    assert list((data / "published" / "articles").glob("source=korankota/crawl_date=*/*.parquet"))
    assert list((data / "raw").glob("source=korankota/**/*.warc.gz"))
    assert _files(installed.target) == before, "the run wrote into the install"
