"""Search results as a table, JSON, CSV or Markdown.

In JSON, CSV and Markdown the snippet is plain text with each matched word
between « and »; in a table on a colour terminal the matched words are bold.
"""

from __future__ import annotations

from .grid import MARK_CLOSE, MARK_OPEN, Column, draw
from .rows import date_span

COLUMNS = ["kind", "id", "date", "snippet", "speaker", "source_id", "source"]


def _when(hit) -> str:
    if not hit.date:
        return ""
    from ..dates import format_partial

    try:
        return format_partial(hit.date, hit.end_date)
    except Exception:  # a date stored by hand in another form: show it as stored
        return date_span(hit.date, hit.end_date)


def _source(hit) -> str:
    if hit.kind == "source":
        return hit.source or ""
    if hit.source_id is None:
        return ""
    more = f" (+{len(hit.source_ids) - 1})" if len(hit.source_ids) > 1 else ""
    return f"#{hit.source_id} {hit.source or ''}{more}".strip()


def results_table(hits: list, *, colour: bool, total: int | None = None) -> str:
    columns = [Column("kind", most=6), Column("id", most=9), Column("date", most=22),
               Column("match", grow=True), Column("source", most=32)]
    rows = []
    for hit in hits:
        text = hit.marked(MARK_OPEN, MARK_CLOSE)
        if hit.speaker:
            text = f"{hit.speaker}: {text}"
        rows.append([hit.kind, str(hit.id), _when(hit), text, _source(hit)])
    return draw(columns, rows, total=total, colour=colour)


def results_json(hits: list) -> str:
    from .formats import to_json

    return to_json({"results": [h.to_dict() for h in hits]})


def _flat(hit) -> dict[str, str]:
    d = hit.to_dict()
    return {k: "" if d[k] is None else str(d[k]) for k in COLUMNS}


def results_csv(hits: list) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for hit in hits:
        row = _flat(hit)
        writer.writerow([row[c] for c in COLUMNS])
    return buffer.getvalue()


def results_md(hits: list) -> str:
    from .formats import md_cell

    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    for hit in hits:
        row = _flat(hit)
        lines.append("| " + " | ".join(md_cell(row[c]) for c in COLUMNS) + " |")
    return "\n".join(lines) + "\n"
