"""Plain-text tables for the terminal: what `newscorpus query` and the demo print."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def _cell(value: Any, width: int) -> str:
    text = "NULL" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], *, max_width: int = 48) -> str:
    """Columns joined by " | " and a rule whose "+" sits exactly under each "|" (so "-+-" between columns, as rows
    have no leading space); lines carry no trailing blanks."""
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def joined(values: Sequence[str]) -> str:
        return " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [joined(columns), "-+-".join("-" * w for w in widths)]
    out += [joined(row) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
