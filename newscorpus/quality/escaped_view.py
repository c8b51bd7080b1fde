"""The Data Docs page view for validation results, with the data values in its tables HTML-escaped.

GX 1.24 escapes the parameters of its string templates, but a table cell that is a plain value (the sampled
unexpected values of a failed expectation, the run name in the info table) reaches the page raw: its Jinja
templates are `.j2` files, which its `select_autoescape(["html", "xml"])` leaves unescaped. Those values are
article data (titles, bodies, source ids of crawled rows), so a crawled `<img onerror=...>` would run in the
browser of whoever opens the report. GX builds plain cells only from data, never from its own markup (that
comes as string-template blocks), so escaping every plain cell shows the same text and runs nothing.
The site config in `project.py` names this view for the validations section.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from great_expectations.render.components import RenderedContent
from great_expectations.render.view import DefaultJinjaPageView


class EscapedValidationPageView(DefaultJinjaPageView):
    """DefaultJinjaPageView that escapes the plain cells of every table before rendering the page."""

    def render(self, document: Any, template: str | None = None, **kwargs: Any) -> str:
        if isinstance(document, RenderedContent):
            document = document.to_json_dict()
        return super().render(escape_table_cells(document), template, **kwargs)

    def _validate_document(self, document: Any) -> None:
        if not isinstance(document, Mapping):  # render() has turned the RenderedDocumentContent into its JSON form
            raise TypeError(f"expected a rendered document, got {type(document).__name__}")


def escape_table_cells(node: Any) -> Any:
    """The JSON form of a rendered document with each plain table cell (and header cell) escaped, in place."""
    if isinstance(node, list):
        for item in node:
            escape_table_cells(item)
    elif isinstance(node, dict):
        if node.get("content_block_type") == "table":
            for key in ("header_row", "table"):  # a row is a list of cells, and a list cell is escaped item-wise
                if isinstance(node.get(key), list):
                    node[key] = [_escaped_cell(cell_or_row) for cell_or_row in node[key]]
        for value in node.values():
            escape_table_cells(value)
    return node


def _escaped_cell(cell: Any) -> Any:
    """A cell as GX would show it, with any text in it escaped; content blocks are left to GX's own rendering.

    GX prints a string as it is, wraps each plain item of a list in a <span>, and prints a dict that is not a
    content block with str(); numbers and None carry no markup.
    """
    if isinstance(cell, str):
        return html.escape(cell)
    if isinstance(cell, list):
        return [_escaped_cell(item) for item in cell]
    if isinstance(cell, dict) and "content_block_type" not in cell:
        return html.escape(str(cell))
    return cell
