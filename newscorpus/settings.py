"""Where things live. One environment variable per decision, read at call time so tests can override them."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

# The folder that holds the newscorpus and spiders packages: the repository root of a checkout (and of an editable
# install), site-packages of an installed wheel. Scrapy runs from here, so `python -m` imports these packages first.
REPO_ROOT = Path(__file__).resolve().parent.parent


def project_dir(name: str) -> Path:
    """The repository's top-level folder `name` (transforms, expectations, dags) wherever it is.

    A wheel carries the three folders inside the package, as newscorpus/_bundled/<name> (pyproject.toml maps them
    there), because site-packages has no repository around it. A checkout has no _bundled/ folder, so an editable
    install reads the repository's own folder: a SQL model edited there takes effect without a reinstall."""
    bundled = Path(__file__).resolve().parent / "_bundled" / name
    return bundled if bundled.is_dir() else REPO_ROOT / name


TRANSFORMS_DIR = project_dir("transforms")
EXPECTATIONS_DIR = project_dir("expectations")
DAGS_DIR = project_dir("dags")

USER_AGENT = "newscorpus/0.1 (+https://github.com/newscorpus/newscorpus; research corpus crawler)"


def storage_root() -> str:
    """The storage root (NEWSCORPUS_DATA, default ./data): a local folder, or s3://bucket/prefix shared by workers.
    raw/, staging/, published/ and quarantine/ live under it and are read and written through newscorpus.storage."""
    value = os.environ.get("NEWSCORPUS_DATA", "data")
    return value.rstrip("/") if value.startswith("s3://") else str(Path(value).resolve())


def data_root() -> Path:
    """The local side of the storage root: the root itself when it is a folder; for an s3:// root the local folder
    NEWSCORPUS_LOCAL_DIR (default ./data) that holds what stays per machine: the catalog, reports and crawls in
    progress (they are copied to the bucket when they finish)."""
    value = os.environ.get("NEWSCORPUS_DATA", "data")
    if value.startswith("s3://"):
        return Path(os.environ.get("NEWSCORPUS_LOCAL_DIR", "data")).resolve()
    return Path(value).resolve()


def catalog_file() -> Path:
    """The catalog database: NEWSCORPUS_CATALOG, else corpus.duckdb in the local data root. It is always on local
    disk (DuckDB cannot open a database file on S3 for writing); its views read published/ wherever that is."""
    configured = os.environ.get("NEWSCORPUS_CATALOG")
    return Path(configured).resolve() if configured else data_root() / "corpus.duckdb"


def sources_file() -> Path:
    """The source registry (NEWSCORPUS_SOURCES, default ./sources.yaml): like NEWSCORPUS_DATA, relative to the
    current directory, because the registry is the user's configuration, not part of the package (an installed
    package has no repository root to find it in). Run from the repository, the default is the shipped registry;
    Airflow runs tasks in whatever directory its worker started in, so a deployment sets both to absolute paths
    (docker-compose.yml does)."""
    return Path(os.environ.get("NEWSCORPUS_SOURCES") or "sources.yaml").resolve()


def retired_file_grace() -> dt.timedelta:
    """How long a published file stays after a new commit of its partition stops naming it
    (NEWSCORPUS_RETIRED_GRACE_S seconds, default a day): a query or catalog that started on the previous version
    keeps reading whole files, and a daily run's catalog refresh removes what expired since the last one."""
    raw = os.environ.get("NEWSCORPUS_RETIRED_GRACE_S", "86400")
    try:
        seconds = float(raw)
    except ValueError:
        raise ValueError(f"NEWSCORPUS_RETIRED_GRACE_S must be a number of seconds, got {raw!r}") from None
    if seconds < 0:
        raise ValueError(f"NEWSCORPUS_RETIRED_GRACE_S must not be negative, got {raw!r}")
    return dt.timedelta(seconds=seconds)
