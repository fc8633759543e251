"""Timelines: events oldest first, grouped by month or year, dates shown as
precisely as they were written ('10 Jun 2014', 'Jun 2014', '2014')."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from .formats import md_cell, to_json
from .grid import Column, draw
from .rows import date_span

PRECISION = {4: "year", 7: "month", 10: "day"}


@dataclass
class Group:
    period: str  # partial ISO: '2014' or '2014-06'
    label: str  # 'Jun 2014', '2014'
    events: list = field(default_factory=list)


def shown(date: str, end: str | None = None) -> str:
    from ..dates import format_partial

    try:
        return format_partial(date, end)
    except Exception:  # not a partial ISO date: show it as stored
        return date_span(date, end)


def precision(date: str) -> str:
    return PRECISION.get(len(date or ""), "unknown")


def group(events: list, by: str) -> list[Group]:
    """Consecutive events (already oldest first) under their month or year.
    An event dated only to a year stands under the year itself, before the
    months of that year."""
    groups: list[Group] = []
    for event in events:
        period = event.date[:7] if by == "month" and len(event.date) >= 7 else event.date[:4]
        if not groups or groups[-1].period != period:
            groups.append(Group(period, shown(period)))
        groups[-1].events.append(event)
    return groups


def _row(event) -> dict[str, str]:
    return {
        "id": str(event.id),
        "date": shown(event.date, event.end_date),
        "precision": precision(event.date),
        "summary": event.summary,
        "actors": "; ".join(a.name for a in event.actors),
        "place": event.place.name if event.place else "",
        "sources": "; ".join(f"#{c.source_id}" for c in event.sources),
    }


def timeline_table(groups: list[Group], *, colour: bool, total: int | None = None) -> str:
    columns = [Column("date", most=24), Column("id", most=9), Column("event", grow=True),
               Column("actors", most=28), Column("place", most=18), Column("sources", most=14)]
    parts = []
    for g in groups:
        count = len(g.events)
        heading = f"{g.label} ({count} event{'s' if count != 1 else ''})"
        rows = []
        for event in g.events:
            r = _row(event)
            rows.append([r["date"], r["id"], r["summary"], r["actors"], r["place"], r["sources"]])
        title = f"\x1b[1m{heading}\x1b[0m" if colour else heading
        parts.append(title + "\n" + draw(columns, rows, total=total, colour=colour))
    return "\n".join(parts)


def timeline_json(groups: list[Group], by: str) -> str:
    """{"timeline": {"by": "month", "groups": [{"period", "label", "events": [...]}]}};
    each event as in `brief event --json`, with `shown` and `precision`."""
    out = []
    for g in groups:
        events = []
        for event in g.events:
            data = event.to_dict()
            data["shown"] = shown(event.date, event.end_date)
            data["precision"] = precision(event.date)
            events.append(data)
        out.append({"period": g.period, "label": g.label, "events": events})
    return to_json({"timeline": {"by": by, "groups": out}})


CSV_COLUMNS = ["period", "id", "date", "end_date", "shown", "precision", "summary", "actors", "place", "sources"]


def _flat(g: Group, event) -> dict[str, str]:
    r = _row(event)
    return {"period": g.period, "id": r["id"], "date": event.date, "end_date": event.end_date or "",
            "shown": r["date"], "precision": r["precision"], "summary": r["summary"], "actors": r["actors"],
            "place": r["place"], "sources": r["sources"]}


def timeline_csv(groups: list[Group]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for g in groups:
        for event in g.events:
            row = _flat(g, event)
            writer.writerow([row[c] for c in CSV_COLUMNS])
    return buffer.getvalue()


def timeline_md(groups: list[Group]) -> str:
    """A heading per period and a bullet per event."""
    lines = []
    for g in groups:
        lines += [f"## {g.label}", ""]
        for event in g.events:
            r = _row(event)
            who = f" ({md_cell(r['actors'])})" if r["actors"] else ""
            where = f", {md_cell(r['place'])}" if r["place"] else ""
            cites = f" [{r['sources']}]" if r["sources"] else ""
            lines.append(f"- **{md_cell(r['date'])}**: {md_cell(r['summary'])}{who}{where}{cites}")
        lines.append("")
    return "\n".join(lines)
