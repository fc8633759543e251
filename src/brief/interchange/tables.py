"""CSV tables: one per kind out, events in.

Export writes one table per kind with a header row, RFC 4180 quoting (CRLF
line ends) and UTF-8. Several values in one cell (actors, aliases, sources,
tags) are joined with "; ".

Import reads a table of events. Columns are matched to fields by header
name (case and spaces do not matter); `--map column=field` overrides or adds
a mapping. An ACLED-style file (event_date, actor1, actor2, location, notes,
source, event_type, ...) reads as events with actors, places and sources with
no mapping at all. Each row becomes an interchange record and goes through
the same all-or-nothing import as a JSON file, so a bad row names its line
and nothing is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from .. import dates
from ..errors import BadInput
from ..notebook import Notebook
from ..store import entities as ent
from ..store import records
from .importer import ImportReport, Progress, run_import

SEPARATOR = "; "
EXPORT_KINDS = ("events", "quotes", "sources", "entities")
IMPORT_KINDS = ("events",)

# The fields a column can be read into, and what each holds.
FIELDS = {
    "date": "the date: ISO (2014-06-10, 2014-06, 2014) or words (10 June 2014)",
    "end_date": "the last day of a span",
    "date_text": "the words the date came from",
    "precision": "ACLED time_precision: 3 keeps only the month of the date",
    "summary": "the one-line summary (required)",
    "details": "longer notes",
    "actor": "one or more actors, separated by ';' (several columns may be actors)",
    "place": "the place",
    "source": "one or more sources by title or URL, separated by ';'",
    "credibility": "the Admiralty credibility 1-6",
    "tag": "one or more tags, separated by ';' (several columns may be tags)",
    "ignore": "leave the column out",
}

# Header names read without a --map; ACLED's names included.
HEADERS = {
    "date": "date", "event_date": "date", "start_date": "date", "day": "date",
    "end_date": "end_date", "end": "end_date",
    "date_text": "date_text",
    "time_precision": "precision", "precision": "precision",
    "summary": "summary", "event": "summary", "headline": "summary", "title": "summary",
    "details": "details", "description": "details", "notes": "details",
    "actor": "actor", "actors": "actor", "actor1": "actor", "actor2": "actor", "actor_1": "actor",
    "actor_2": "actor", "assoc_actor_1": "actor", "assoc_actor_2": "actor", "speaker": "actor",
    "place": "place", "location": "place", "city": "place",
    "source": "source", "sources": "source",
    "credibility": "credibility",
    "tag": "tag", "tags": "tag", "event_type": "tag", "sub_event_type": "tag",
    "id": "ignore",
}

COLUMNS = {
    "events": ["id", "date", "end_date", "date_text", "summary", "details", "actors", "place", "sources", "credibility", "tags"],
    "quotes": ["id", "text", "speaker", "said_on", "date_text", "source", "start_offset", "end_offset", "context",
               "credibility", "tags"],
    "sources": ["id", "title", "publisher", "author", "url", "published", "accessed", "reliability", "notes", "tags"],
    "entities": ["id", "name", "kind", "aliases", "merged_into", "notes"],
}


def check_kind(kind: str, allowed: tuple[str, ...]) -> str:
    value = (kind or "").strip().lower()
    if value not in allowed:
        listed = allowed[0] if len(allowed) == 1 else ", ".join(allowed[:-1]) + " or " + allowed[-1]
        raise BadInput(f"--kind must be {listed}, not '{kind}'.")
    return value


# -- export -------------------------------------------------------------------


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return SEPARATOR.join(str(v) for v in value)
    return str(value)


def export_csv(book: Notebook, kind: str) -> str:
    """One kind of item as an RFC 4180 table with a header row."""
    kind = check_kind(kind, EXPORT_KINDS)
    conn = book.conn
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS[kind])
    for row in _rows(conn, kind):
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue()


def _rows(conn, kind: str):
    table = {"events": "event", "quotes": "quote", "sources": "source", "entities": "entity"}[kind]
    ids = [r[0] for r in conn.execute(f"SELECT id FROM {table} ORDER BY id")]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        if kind == "events":
            for e in records.load_events(conn, chunk):
                yield [e.id, e.date, e.end_date, e.date_text, e.summary, e.details, [a.name for a in e.actors],
                       e.place.name if e.place else None, sorted((c.title for c in e.sources), key=str.casefold),
                       e.credibility, e.tags]
        elif kind == "quotes":
            for q in records.load_quotes(conn, chunk):
                yield [q.id, q.text, q.speaker.name if q.speaker else None, q.said_on, q.date_text, q.source_title,
                       q.start_offset, q.end_offset, q.context, q.credibility, q.tags]
        elif kind == "sources":
            for s in records.load_sources(conn, chunk):
                yield [s.id, s.title, s.publisher, s.author, s.url, s.published, s.accessed, s.reliability, s.notes, s.tags]
        else:
            for entity_id in chunk:
                e = ent.get(conn, entity_id)
                own = [r[0] for r in conn.execute(
                    "SELECT name FROM alias WHERE entity_id = ? AND name != ? ORDER BY id", (entity_id, e.name))]
                yield [e.id, e.name, e.kind, own, e.merged_into, e.notes]


# -- import -------------------------------------------------------------------


def _header_key(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


def parse_mapping(items: list[str]) -> dict[str, str]:
    """--map column=field, repeatable, as {column key: field}."""
    mapping = {}
    for item in items or []:
        column, sep, target = item.partition("=")
        if not sep or not column.strip() or not target.strip():
            raise BadInput(f"--map takes COLUMN=FIELD (for example --map notes=summary), not '{item}'.")
        target = target.strip().lower()
        if target not in FIELDS:
            raise BadInput(f"--map {item}: '{target}' is not a field; use one of {', '.join(FIELDS)}.")
        mapping[_header_key(column)] = target
    return mapping


def column_fields(header: list[str], mapping: dict[str, str]) -> tuple[list[str], list[str]]:
    """The field each column is read into, and the columns left out."""
    keys = [_header_key(h) for h in header]
    for column in mapping:
        if column not in keys:
            raise BadInput(f"--map names a column '{column}' that the file does not have; its columns are {', '.join(header)}.")
    fields = [mapping.get(k) or HEADERS.get(k, "ignore") for k in keys]
    if "summary" not in fields and "details" in fields and not any(k in mapping and mapping[k] == "details" for k in keys):
        # ACLED and similar files describe each event in a notes column.
        fields[fields.index("details")] = "summary"
    ignored = [h for h, k, f in zip(header, keys, fields) if f == "ignore" and mapping.get(k) != "ignore" and k != "id"]
    for needed, name in (("date", "the date"), ("summary", "the summary")):
        if needed not in fields:
            raise BadInput(f"No column holds {name} (the columns are {', '.join(header)}); "
                           f"name one with --map COLUMN={needed}.")
    return fields, ignored


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


class _Rows:
    """CSV rows to interchange records, remembering each row's line."""

    def __init__(self, book: Notebook, base: dt.date):
        self.book, self.base = book, base
        self.lines: list[int] = []
        self.sources: dict[str, dict] = {}
        self.known_sources: dict[str, int] = {}
        self.dates: dict[str, tuple] = {}

    def fail(self, line: int, reason: str) -> BadInput:
        return BadInput(f"line {line}: {reason}; nothing was imported.")

    def date(self, line: int, text: str, what: str) -> tuple[str, str | None, bool]:
        if text not in self.dates:
            try:
                parsed = dates.parse_date(text, base=self.base)
            except BadInput as exc:
                raise self.fail(line, f"{what} {exc.message.rstrip('.')}") from None
            self.dates[text] = (parsed.start, parsed.end, parsed.start == text.strip())
        return self.dates[text]

    def source_ref(self, name: str):
        """A file id for a source named in a cell: a notebook source with
        that title or URL, else a new source."""
        if name in self.sources or name in self.known_sources:
            return name
        is_url = name.startswith(("http://", "https://"))
        row = self.book.conn.execute(
            f"SELECT id FROM source WHERE {'url' if is_url else 'title'} = ? ORDER BY id LIMIT 1", (name,)).fetchone()
        if row:
            self.known_sources[name] = row[0]
        else:
            self.sources[name] = {"id": name, "title": name, **({"url": name} if is_url else {})}
        return name

    def event(self, line: int, fields: list[str], cells: list[str]) -> dict:
        values: dict[str, list[str]] = {}
        for field, cell in zip(fields, cells):
            if field != "ignore" and cell.strip():
                values.setdefault(field, []).append(cell.strip())
        first = lambda f: values.get(f, [None])[0]  # noqa: E731
        record: dict = {}
        date_words = first("date")
        if date_words is None:
            raise self.fail(line, "the date is empty")
        start, end, plain = self.date(line, date_words, "the date")
        if first("precision") == "3":
            start = start[:7]
        record["date"] = start
        if end:
            record["end_date"] = end
        if first("end_date"):
            end_start, end_end, _ = self.date(line, first("end_date"), "the end date")
            record["end_date"] = end_end or end_start
        if first("date_text") or not plain:
            record["date_text"] = first("date_text") or date_words
        record["summary"] = " ".join(values.get("summary", []))
        if values.get("details"):
            record["details"] = "\n\n".join(values["details"])
        actors = [name for cell in values.get("actor", []) for name in _split(cell)]
        if actors:
            record["actors"] = list(dict.fromkeys(actors))
        if first("place"):
            record["place"] = first("place")
        cited = [self.source_ref(name) for cell in values.get("source", []) for name in _split(cell)]
        if cited:
            record["sources"] = list(dict.fromkeys(cited))
        if first("credibility"):
            record["credibility"] = first("credibility")
        tags = [tag for cell in values.get("tag", []) for tag in _split(cell)]
        if tags:
            record["tags"] = list(dict.fromkeys(tags))
        return record


def read_csv(text: str, what: str = "The file") -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line, cells) rows of a CSV text, or one BadInput."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = []
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise BadInput(f"{what} has no header row; the first line must name the columns.")
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                raise BadInput(f"{what} is not a valid table: line {reader.line_num} has {len(cells)} cells but the header "
                               f"has {len(header)}; nothing was imported.")
            rows.append((reader.line_num, cells + [""] * (len(header) - len(cells))))
    except csv.Error as exc:
        raise BadInput(f"{what} is not valid CSV (line {reader.line_num}: {exc}); nothing was imported.") from None
    return header, rows


def import_csv(book: Notebook, text: str, *, kind: str = "events", mapping: dict[str, str] | None = None,
               dry_run: bool = False, progress: Progress | None = None, base: dt.date | None = None,
               name: str = "The file") -> ImportReport:
    """Read a CSV table of events into the notebook, all or nothing.
    `progress` is called once per row read and once per record written."""
    check_kind(kind, IMPORT_KINDS)
    header, rows = read_csv(text, name)
    fields, ignored = column_fields(header, mapping or {})
    reader = _Rows(book, base or book.now.date())
    events = []
    tick = progress or (lambda n: None)
    for line, cells in rows:
        events.append(reader.event(line, fields, cells))
        reader.lines.append(line)
        tick(1)
    data = {"sources": list(reader.sources.values()), "entities": [], "events": events, "quotes": []}
    labels = lambda section, i: f"line {reader.lines[i]}" if section == "events" else None  # noqa: E731
    report = run_import(book, data, dry_run=dry_run, progress=progress, labels=labels,
                        known_sources=reader.known_sources)
    if ignored:
        report.notes.append(f"Left out the columns {', '.join(ignored)}; read them with --map COLUMN=FIELD.")
    return report
