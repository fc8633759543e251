"""Listings and single items as Rich renderables."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from .rows import COLUMNS, flat

WIDE = {"summary", "text", "title", "aliases"}


def listing_table(kind: str, items: list, title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, expand=False, header_style="bold")
    for column in COLUMNS[kind]:
        table.add_column(column, overflow="fold", ratio=3 if column in WIDE else None,
                         no_wrap=column in ("id", "date", "said_on", "published"))
    for item in items:
        row = flat(item)
        table.add_row(*(Text(row[c]) for c in COLUMNS[kind]))
    return table


def item_table(fields: list[tuple[str, str]]) -> Table:
    """One item, field by field."""
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for name, value in fields:
        table.add_row(name, Text(value))
    return table
