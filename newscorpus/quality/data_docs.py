"""The static Data Docs site of all stored validation results: what a person opens to see why a partition failed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from newscorpus.quality.project import SITE_NAME, data_docs_dir, open_project

if TYPE_CHECKING:
    from great_expectations.data_context import FileDataContext
    from great_expectations.data_context.types.resource_identifiers import ValidationResultIdentifier


def build_data_docs(reports_dir: Path) -> Path:
    """Rebuild the site at reports_dir/data_docs/ (the newest results only) and return its index.html."""
    with open_project(reports_dir) as context:
        context.build_data_docs(site_names=[SITE_NAME])
    index = data_docs_dir(reports_dir) / "index.html"
    if not index.is_file():
        raise RuntimeError(f"GX built the Data Docs but {index} does not exist")
    return index


def validation_page(context: FileDataContext, result_id: ValidationResultIdentifier) -> str | None:
    """The local path of the Data Docs page of one validation result, or None if it has not been built."""
    for site in context.get_docs_sites_urls(resource_identifier=result_id, site_name=SITE_NAME):
        url = site.get("site_url")
        if not url:
            continue
        path = Path(unquote(urlparse(url).path))
        if path.is_file():
            return str(path)
    return None
