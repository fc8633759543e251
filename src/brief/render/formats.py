"""Listings as JSON, CSV and Markdown: pure functions from items to text."""

from __future__ import annotations

import csv
import io
import json

from .rows import COLUMNS, flat


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def listing_json(kind: str, items: list) -> str:
    """{"quotes": [...]}: one top-level key per kind, fields as in the schema."""
    return to_json({kind: [item.to_dict() for item in items]})


def listing_csv(kind: str, items: list) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS[kind])
    for item in items:
        row = flat(item)
        writer.writerow([row[c] for c in COLUMNS[kind]])
    return buffer.getvalue()


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipe, no line break, no HTML."""
    text = " ".join(str(text).split())
    for char, escaped in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;"), ("*", "\\*"),
                          ("_", "\\_"), ("`", "\\`"), ("[", "\\["), ("]", "\\]")):
        text = text.replace(char, escaped)
    return text


def listing_md(kind: str, items: list) -> str:
    columns = COLUMNS[kind]
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    for item in items:
        row = flat(item)
        lines.append("| " + " | ".join(md_cell(row[c]) for c in columns) + " |")
    return "\n".join(lines) + "\n"
