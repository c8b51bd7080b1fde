"""The GX file project under the reports directory: opened under a lock and configured the same way every time.

Layout: `<reports_dir>/gx/` holds GX's stores (suites copied from the repo, validation results, checkpoints);
`<reports_dir>/data_docs/` is the static Data Docs site. Several Airflow tasks (one per source) may validate at once
and GX rewrites shared files (great_expectations.yml, suite and checkpoint JSON) without any locking of its own,
so every use of the project holds an exclusive file lock for its whole duration.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from great_expectations.data_context import FileDataContext

SITE_NAME = "newscorpus"
# The index renders the newest results only: history grows by (sources x tables) a day, and building an index over
# thousands of results takes minutes (GX issues #11542, #5378, #8243). Older pages stay on disk, unlinked.
VALIDATION_RESULTS_LIMIT = 500


def data_docs_dir(reports_dir: Path) -> Path:
    return Path(reports_dir).resolve() / "data_docs"


@contextmanager
def open_project(reports_dir: Path) -> Iterator[FileDataContext]:
    """The configured GX file context, held exclusively until the block ends."""
    import great_expectations as gx

    reports_dir = Path(reports_dir).resolve()
    reports_dir.mkdir(parents=True, exist_ok=True)
    with open(reports_dir / ".gx.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            context = gx.get_context(mode="file", project_root_dir=str(reports_dir))
            _configure(context, reports_dir)
            yield context
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _configure(context: FileDataContext, reports_dir: Path) -> None:
    """Progress bars off (they are noise in task logs) and one Data Docs site at reports_dir/data_docs."""
    from great_expectations.data_context.types.base import ProgressBarsConfig

    changed = False
    bars = context.variables.progress_bars  # a ProgressBarsConfig when set here, a dict when read from the YAML
    if not bars or any((bars if isinstance(bars, dict) else vars(bars)).values()):
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        changed = True
    site = {
        "class_name": "SiteBuilder",
        "show_how_to_buttons": False,
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(data_docs_dir(reports_dir)),
        },
        # validation pages show sampled article values; this view escapes them (GX leaves table cells raw)
        "site_section_builders": {
            "validations": {
                "view": {"module_name": "newscorpus.quality.escaped_view", "class_name": "EscapedValidationPageView"}
            }
        },
        "site_index_builder": {
            "class_name": "DefaultSiteIndexBuilder",
            "validation_results_limit": VALIDATION_RESULTS_LIMIT,
        },
    }
    sites = dict(context.variables.data_docs_sites or {})
    if sites != {SITE_NAME: site}:  # also drops GX's default local_site, which nothing would ever build
        context.variables.data_docs_sites = {SITE_NAME: site}
        changed = True
    if changed:
        context.variables.save()
