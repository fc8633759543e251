"""The interchange file: one JSON object with `sources`, `entities`,
`events` and `quotes` (see DESIGN.md). Import is all or nothing; export
numbers every kind from 1 in notebook order, so exporting, importing into an
empty notebook and exporting again gives the same file."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import dates, names
from .errors import BadInput
from .notebook import Notebook, check_credibility, check_kind, check_reliability, content_hash, guess_kind
from .store import entities as ent
from .store import records
from .models import Citation

SECTIONS = ("sources", "entities", "events", "quotes")


@dataclass
class ImportReport:
    added: dict[str, int] = field(default_factory=lambda: {k: 0 for k in SECTIONS})
    matched: dict[str, int] = field(default_factory=lambda: {k: 0 for k in SECTIONS})

    def to_dict(self) -> dict:
        return {"added": self.added, "matched": self.matched}


class _Where:
    """Names the record being read, for error messages."""

    def __init__(self, section: str, index: int, record):
        self.section, self.index = section, index
        self.id = record.get("id") if isinstance(record, dict) else None

    def fail(self, reason: str) -> BadInput:
        ident = f" (id {self.id})" if self.id is not None else ""
        return BadInput(f"{self.section}[{self.index}]{ident}: {reason}; nothing was imported.")


def _text(where: _Where, record: dict, key: str, required: bool = False) -> str | None:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise where.fail(f"'{key}' is missing or empty")
        return None
    if not isinstance(value, str):
        raise where.fail(f"'{key}' must be text, not {type(value).__name__}")
    return value


def _int(where: _Where, value, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.fail(f"'{what}' must be a whole number, not {value!r}")
    return value


def _date(where: _Where, record: dict, *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if value is not None:
            if not isinstance(value, str):
                raise where.fail(f"'{key}' must be a partial ISO date string like 2014-06-10")
            try:
                return dates.parse_partial(value)
            except BadInput:
                raise where.fail(f"'{key}' {value!r} is not a date like 2014, 2014-06 or 2014-06-10") from None
    return None


def _grade(where: _Where, check, value):
    try:
        return check(value)
    except BadInput as exc:
        raise where.fail(exc.message.rstrip(".")) from None


def _tags(where: _Where, record: dict) -> list[str]:
    tags = record.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise where.fail("'tags' must be a list of text")
    return tags


def _list(where: _Where, record: dict, key: str) -> list:
    value = record.get(key) or []
    if not isinstance(value, list):
        raise where.fail(f"'{key}' must be a list")
    return value


class _Importer:
    def __init__(self, book: Notebook, data: dict):
        self.book, self.conn, self.data = book, book.conn, data
        self.report = ImportReport()
        self.source_ids: dict = {}
        self.entity_ids: dict = {}
        self.file_names: dict[str, int] = {}
        self.name_cache: dict[tuple[str, str | None], int] = {}

    def run(self) -> ImportReport:
        if not isinstance(self.data, dict):
            raise BadInput("The file must hold one JSON object with sources, entities, events and quotes; nothing was imported.")
        for section in SECTIONS:
            if not isinstance(self.data.get(section, []), list):
                raise BadInput(f"'{section}' must be a list; nothing was imported.")
        for i, record in enumerate(self.data.get("sources", [])):
            self.source(_Where("sources", i, record), record)
        for i, record in enumerate(self.data.get("entities", [])):
            self.entity(_Where("entities", i, record), record)
        for i, record in enumerate(self.data.get("entities", [])):
            if record.get("merged_into") is not None:
                self.merged(_Where("entities", i, record), record)
        for i, record in enumerate(self.data.get("events", [])):
            self.event(_Where("events", i, record), record)
        for i, record in enumerate(self.data.get("quotes", [])):
            self.quote(_Where("quotes", i, record), record)
        return self.report

    def _record(self, where: _Where, record) -> dict:
        if not isinstance(record, dict):
            raise where.fail("each record must be a JSON object")
        return record

    def source(self, where: _Where, record) -> None:
        record = self._record(where, record)
        values = {
            "title": _text(where, record, "title", required=True).strip(),
            "publisher": _text(where, record, "publisher"),
            "author": _text(where, record, "author"),
            "url": _text(where, record, "url"),
            "published": _date(where, record, "published"),
            "accessed": _date(where, record, "accessed"),
            "reliability": _grade(where, check_reliability, record.get("reliability")),
            "notes": _text(where, record, "notes"),
            "body": _text(where, record, "body"),
        }
        if values["body"] is not None:
            values["content_hash"] = content_hash(values["body"])
        existing = None
        if values["url"]:
            existing = self.conn.execute("SELECT id FROM source WHERE url = ?", (values["url"],)).fetchone()
        if existing is None and values.get("content_hash"):
            existing = self.conn.execute("SELECT id FROM source WHERE content_hash = ?", (values["content_hash"],)).fetchone()
        if existing:
            new_id = existing[0]
            self.report.matched["sources"] += 1
        else:
            new_id = records.insert_source(self.conn, values)
            self.report.added["sources"] += 1
        records.set_tags(self.conn, "source", new_id, _tags(where, record))
        self._remember(self.source_ids, where, record, new_id)

    def _remember(self, table: dict, where: _Where, record: dict, new_id: int) -> None:
        if "id" in record:
            file_id = record["id"]
            if not isinstance(file_id, (int, str)) or isinstance(file_id, bool):
                raise where.fail("'id' must be a number or text")
            if file_id in table:
                raise where.fail(f"id {file_id!r} is used twice")
            table[file_id] = new_id

    def entity(self, where: _Where, record) -> None:
        record = self._record(where, record)
        name = _text(where, record, "name", required=True).strip()
        kind = _grade(where, check_kind, record.get("kind") or "")
        aliases = _list(where, record, "aliases")
        if not all(isinstance(a, str) for a in aliases):
            raise where.fail("'aliases' must be a list of text")
        if not names.key(name):
            raise where.fail(f"the name {name!r} has no letters")
        existing = None
        if record.get("merged_into") is None:
            for form in [name, *aliases]:
                found = ent.roots_where(self.conn, "key", names.key(form), (kind,)) if names.key(form) else []
                if found:
                    existing = found[0]
                    break
        if existing is not None:
            new_id = existing
            ent.add_aliases(self.conn, new_id, kind, [name, *aliases])
            self.report.matched["entities"] += 1
        else:
            new_id = ent.insert_entity(self.conn, name, kind, aliases, _text(where, record, "notes"))
            self.report.added["entities"] += 1
        self._remember(self.entity_ids, where, record, new_id)
        for form in [name, *aliases]:
            self.file_names.setdefault(names.key(form), new_id)

    def merged(self, where: _Where, record: dict) -> None:
        target = self.entity_ids.get(record["merged_into"])
        if target is None:
            raise where.fail(f"'merged_into' {record['merged_into']!r} is not an entity id in the file")
        self.conn.execute("UPDATE entity SET merged_into = ? WHERE id = ?", (target, self.entity_ids[record["id"]]))

    def entity_ref(self, where: _Where, value, what: str, kind: str | None) -> int:
        """An entity given by file id, or by name (file entities first, then
        the notebook's, else a new one)."""
        if isinstance(value, dict):
            value = value.get("entity", value.get("id", value.get("name")))
        if isinstance(value, bool) or value is None:
            raise where.fail(f"'{what}' must be an entity id or a name")
        if isinstance(value, int):
            if value not in self.entity_ids:
                raise where.fail(f"'{what}' refers to entity id {value}, which the file does not hold")
            return self.entity_ids[value]
        if not isinstance(value, str) or not names.key(value):
            raise where.fail(f"'{what}' {value!r} is neither an entity id nor a name")
        if value in self.entity_ids:
            return self.entity_ids[value]
        k = names.key(value)
        if k in self.file_names:
            return self.file_names[k]
        cache_key = (k, kind)
        if cache_key not in self.name_cache:
            found = ent.roots_where(self.conn, "key", k)
            if found:
                self.name_cache[cache_key] = found[0]
            else:
                self.name_cache[cache_key] = ent.insert_entity(self.conn, value.strip(), kind or guess_kind(value))
                self.report.added["entities"] += 1
        return self.name_cache[cache_key]

    def source_ref(self, where: _Where, value, what: str) -> int:
        if isinstance(value, bool) or value not in self.source_ids:
            raise where.fail(f"'{what}' refers to source {value!r}, which the file does not hold")
        return self.source_ids[value]

    def event(self, where: _Where, record) -> None:
        record = self._record(where, record)
        summary = _text(where, record, "summary", required=True).strip()
        date = _date(where, record, "date")
        if date is None:
            raise where.fail("'date' is missing")
        end_date = _date(where, record, "end_date", "end")
        if end_date is not None and end_date < date:
            raise where.fail(f"the end {end_date} is before the date {date}")
        actors = []
        for value in _list(where, record, "actors"):
            role = value.get("role") if isinstance(value, dict) else None
            actors.append((self.entity_ref(where, value, "actors", None), role))
        citations = []
        for value in _list(where, record, "sources"):
            if isinstance(value, dict):
                citations.append(Citation(self.source_ref(where, value.get("source", value.get("id")), "sources"), "",
                                          _grade(where, check_credibility, value.get("credibility")),
                                          value.get("excerpt")))
            else:
                citations.append(Citation(self.source_ref(where, value, "sources"), ""))
        place = record.get("place")
        values = {
            "date": date, "end_date": end_date, "date_text": _text(where, record, "date_text"), "summary": summary,
            "details": _text(where, record, "details"),
            "place_id": self.entity_ref(where, place, "place", "place") if place is not None else None,
            "credibility": _grade(where, check_credibility, record.get("credibility")),
        }
        existing = self.conn.execute(
            "SELECT id FROM event WHERE date = ? AND summary = ?", (date, summary)).fetchone()
        if existing:
            event_id = existing[0]
            records.link_actors(self.conn, event_id, actors)
            records.link_sources(self.conn, event_id, citations)
            self.report.matched["events"] += 1
        else:
            event_id = records.insert_event(self.conn, values, list(dict.fromkeys(actors)), citations)
            self.report.added["events"] += 1
        records.set_tags(self.conn, "event", event_id, _tags(where, record))

    def quote(self, where: _Where, record) -> None:
        record = self._record(where, record)
        text = _text(where, record, "text", required=True).strip()
        source = record.get("source", record.get("source_id"))
        speaker = record.get("speaker", record.get("speaker_id"))
        start = _int(where, record.get("start_offset", record.get("start")), "start_offset")
        end = _int(where, record.get("end_offset", record.get("end")), "end_offset")
        if (start is None) != (end is None) or (start is not None and not 0 <= start <= end):
            raise where.fail("'start_offset' and 'end_offset' must both be given, with 0 <= start <= end")
        values = {
            "text": text,
            "speaker_id": self.entity_ref(where, speaker, "speaker", "person") if speaker is not None else None,
            "said_on": _date(where, record, "said_on"),
            "date_text": _text(where, record, "date_text"),
            "source_id": self.source_ref(where, source, "source") if source is not None else None,
            "start_offset": start, "end_offset": end,
            "context": _text(where, record, "context"),
            "credibility": _grade(where, check_credibility, record.get("credibility")),
        }
        existing = self.conn.execute(
            "SELECT id FROM quote WHERE text = ? AND source_id IS ?", (text, values["source_id"])).fetchone()
        if existing:
            quote_id = existing[0]
            self.report.matched["quotes"] += 1
        else:
            quote_id = records.insert_quote(self.conn, values)
            self.report.added["quotes"] += 1
        records.set_tags(self.conn, "quote", quote_id, _tags(where, record))


class _Rollback(Exception):
    pass


def import_json(book: Notebook, data, *, dry_run: bool = False) -> ImportReport:
    """Read an interchange object into the notebook in one transaction."""
    importer = _Importer(book, data)
    try:
        with book.transaction():
            report = importer.run()
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    return importer.report


def export_json(book: Notebook) -> dict:
    """The whole notebook as an interchange object, numbered from 1."""
    conn = book.conn
    source_map = {r[0]: n for n, r in enumerate(conn.execute("SELECT id FROM source ORDER BY id"), 1)}
    entity_map = {r[0]: n for n, r in enumerate(conn.execute("SELECT id FROM entity ORDER BY id"), 1)}
    event_ids = [r[0] for r in conn.execute("SELECT id FROM event ORDER BY id")]
    quote_ids = [r[0] for r in conn.execute("SELECT id FROM quote ORDER BY id")]

    sources = []
    for s in records.load_sources(conn, list(source_map), body=True):
        item = {"id": source_map[s.id], "title": s.title, "publisher": s.publisher, "author": s.author, "url": s.url,
                "published": s.published, "accessed": s.accessed, "reliability": s.reliability, "notes": s.notes,
                "tags": s.tags, "body": s.body}
        sources.append(_compact(item, keep=("tags",)))

    entities = []
    for entity_id, name, kind, merged_into, notes in conn.execute(
            "SELECT id, name, kind, merged_into, notes FROM entity ORDER BY id"):
        aliases = [r[0] for r in conn.execute(
            "SELECT name FROM alias WHERE entity_id = ? AND name != ? ORDER BY id", (entity_id, name))]
        item = {"id": entity_map[entity_id], "name": name, "kind": kind, "aliases": aliases, "notes": notes,
                "merged_into": entity_map.get(merged_into)}
        entities.append(_compact(item, keep=("aliases",)))

    events = []
    for chunk in _chunks(event_ids):
        rows = {r[0]: r for r in conn.execute(
            f"SELECT id, date, end_date, date_text, summary, details, place_id, credibility FROM event "
            f"WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
        actors = _grouped(conn, "SELECT event_id, entity_id, role FROM event_actor WHERE event_id IN ({}) ORDER BY event_id, rowid", chunk)
        cites = _grouped(conn, "SELECT event_id, source_id, credibility, excerpt FROM event_source WHERE event_id IN ({}) ORDER BY event_id, source_id", chunk)
        tags = records.tags_of(conn, "event", chunk)
        for event_id in chunk:
            r = rows[event_id]
            item = {"id": len(events) + 1, "date": r[1], "end_date": r[2], "date_text": r[3], "summary": r[4],
                    "details": r[5], "place": entity_map.get(r[6]), "credibility": r[7],
                    "actors": [entity_map[a] if role is None else {"entity": entity_map[a], "role": role}
                               for a, role in actors.get(event_id, [])],
                    "sources": [source_map[s] if cred is None and excerpt is None else
                                _compact({"source": source_map[s], "credibility": cred, "excerpt": excerpt})
                                for s, cred, excerpt in cites.get(event_id, [])],
                    "tags": tags[event_id]}
            events.append(_compact(item, keep=("actors", "sources", "tags")))

    quotes = []
    for chunk in _chunks(quote_ids):
        for q in records.load_quotes(conn, chunk):
            speaker = conn.execute("SELECT speaker_id FROM quote WHERE id = ?", (q.id,)).fetchone()[0]
            item = {"id": len(quotes) + 1, "text": q.text, "speaker": entity_map.get(speaker), "said_on": q.said_on,
                    "date_text": q.date_text, "source": source_map.get(q.source_id), "start_offset": q.start_offset,
                    "end_offset": q.end_offset, "context": q.context, "credibility": q.credibility, "tags": q.tags}
            quotes.append(_compact(item, keep=("tags",)))
    return {"sources": sources, "entities": entities, "events": events, "quotes": quotes}


def _chunks(ids: list[int], size: int = 500):
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _grouped(conn, sql: str, ids: list[int]) -> dict[int, list[tuple]]:
    found: dict[int, list[tuple]] = {}
    for row in conn.execute(sql.format(",".join("?" * len(ids))), ids):
        found.setdefault(row[0], []).append(tuple(row[1:]))
    return found


def _compact(item: dict, keep=()) -> dict:
    return {k: v for k, v in item.items() if v is not None or k in keep}
