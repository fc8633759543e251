"""Listings as aligned text tables, single items as Rich renderables."""

from __future__ import annotations

from .grid import Column, draw, use_colour
from .rows import COLUMNS, flat

WIDE = {"summary", "text", "title", "aliases"}
NARROW = {"actors": 30, "place": 20, "speaker": 24, "publisher": 24, "tags": 20, "sources": 12}


def listing_grid(kind: str, items: list) -> str:
    """A listing as plain aligned columns (no Rich import: listings start fast);
    the long text column wraps, the others are cut with an ellipsis."""
    columns = [Column(c, grow=c in WIDE, most=NARROW.get(c, 40)) for c in COLUMNS[kind]]
    rows = []
    for item in items:
        row = flat(item)
        rows.append([row[c] for c in COLUMNS[kind]])
    return draw(columns, rows, colour=use_colour())


def item_table(fields: list[tuple[str, str]]):
    """One item, field by field."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for name, value in fields:
        table.add_row(name, Text(value))
    return table
