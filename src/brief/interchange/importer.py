"""Reading an interchange object (see DESIGN.md) into a notebook.

The file holds `sources`, `entities`, `events`, `quotes`, and optionally
`judgements` and `merges`. Records refer to each other by the `id` given in
the same file, or to entities by name. Import is all or nothing: every record
is checked and resolved first, events and quotes are written in bulk at the
end, and the whole import is one transaction, so a bad record leaves the
notebook as it was and names its position.

Identity: a source is the same as one in the notebook when it has the same
URL or the same body (content hash), or, when it has neither, the same title
and publisher as a source the notebook already held; an entity when one of
its names has the same key as a notebook entity of its kind; an event when it
has the same date and summary; a quote when it has the same text from the
same source. Matched records are not added again; their new tags, aliases,
actors and citations are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .. import dates, names
from ..errors import BadInput
from ..notebook import Notebook, check_credibility, check_kind, check_reliability, content_hash, guess_kind, has_text
from ..store import entities as ent
from ..store import records

SECTIONS = ("sources", "entities", "events", "quotes", "judgements", "merges")
VERDICTS = ("same", "not_same")

Progress = Callable[[int], None]


@dataclass
class ImportReport:
    added: dict[str, int] = field(default_factory=lambda: {k: 0 for k in SECTIONS})
    matched: dict[str, int] = field(default_factory=lambda: {k: 0 for k in SECTIONS})
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"added": self.added, "matched": self.matched}

    def sentence(self, dry_run: bool = False) -> str:
        """'Added 3 sources, 40 events; matched existing 2 entities.'"""
        def listed(counts: dict[str, int], keep_zero: bool) -> str:
            return ", ".join(f"{n} {k}" for k, n in counts.items() if n or (keep_zero and k in SECTIONS[:4]))

        matched = listed(self.matched, False)
        text = f"{'Would add' if dry_run else 'Added'} {listed(self.added, True)}"
        return text + (f"; matched existing {matched}" if matched else "") + "."


def record_count(data) -> int:
    """How many records an interchange object holds (for a progress bar)."""
    if not isinstance(data, dict):
        return 0
    return sum(len(v) for k, v in data.items() if k in SECTIONS and isinstance(v, list))


class Where:
    """Names the record being read, for error messages."""

    __slots__ = ("section", "index", "record", "labels")

    def __init__(self, section: str, index: int, record, labels: Callable | None = None):
        self.section, self.index, self.record, self.labels = section, index, record, labels

    @property
    def id(self):
        return self.record.get("id") if isinstance(self.record, dict) else None

    def fail(self, reason: str) -> BadInput:
        label = self.labels(self.section, self.index) if self.labels else None
        if label:
            return BadInput(f"{label}: {reason}; nothing was imported.")
        ident = f" (id {self.id})" if self.id is not None else ""
        return BadInput(f"{self.section}[{self.index}]{ident}: {reason}; nothing was imported.")


def _text(where: Where, record: dict, key: str, required: bool = False) -> str | None:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not has_text(value)):
        if required:
            raise where.fail(f"'{key}' is missing or empty")
        return None
    if not isinstance(value, str):
        raise where.fail(f"'{key}' must be text, not {type(value).__name__}")
    return value


def _int(where: Where, value, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.fail(f"'{what}' must be a whole number, not {value!r}")
    return value


_PARTIALS: dict[str, str] = {}


def _date(where: Where, record: dict, *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if value is None:
            continue
        if value in _PARTIALS:
            return _PARTIALS[value]
        if not isinstance(value, str):
            raise where.fail(f"'{key}' must be a partial ISO date string like 2014-06-10")
        try:
            _PARTIALS[value] = dates.parse_partial(value)
        except BadInput:
            raise where.fail(f"'{key}' {value!r} is not a date like 2014, 2014-06 or 2014-06-10") from None
        return _PARTIALS[value]
    return None


_GRADES: dict = {}


def _grade(where: Where, check, value):
    """A checked grade or kind; answers are remembered, as a large file
    repeats the same few values."""
    key = (check, value)
    if key in _GRADES and type(value) in (int, str, type(None)):
        return _GRADES[key]
    try:
        grade = check(value)
    except BadInput as exc:
        raise where.fail(exc.message.rstrip(".")) from None
    if type(value) in (int, str, type(None)):
        _GRADES[key] = grade
    return grade


def _list(where: Where, record: dict, key: str) -> list:
    value = record.get(key) or []
    if not isinstance(value, list):
        raise where.fail(f"'{key}' must be a list")
    return value


def _tags(where: Where, record: dict) -> list[str]:
    tags = _list(where, record, "tags")
    if not all(isinstance(t, str) and any(ch.isprintable() for ch in t) for t in tags):
        raise where.fail("'tags' must be a list of words")
    return [t.strip() for t in tags if t.strip()]


def _file_id(where: Where, record: dict):
    file_id = record.get("id")
    if file_id is not None and (isinstance(file_id, bool) or not isinstance(file_id, (int, str))):
        raise where.fail("'id' must be a number or text")
    return file_id


class Importer:
    def __init__(self, book: Notebook, data, progress: Progress | None = None, labels: Callable | None = None,
                 known_sources: dict | None = None):
        self.book, self.conn, self.data = book, book.conn, data
        self.progress = progress or (lambda n: None)
        self.labels = labels  # (section, index) -> position text, for files that are not JSON
        self.report = ImportReport()
        # File ids that name notebook sources already (a CSV cell's title).
        self.source_ids: dict = dict(known_sources or {})
        self.report.matched["sources"] = len(self.source_ids)
        self.entity_ids: dict = {}
        self.file_names: dict[str, int] = {}
        self.name_cache: dict[tuple, int] = {}
        self.tag_ids: dict[str, int] = {}
        self.keys: dict[str, dict[tuple, int]] = {}
        self.titled_sources: dict[tuple[str, str | None], int] | None = None
        self.rows: dict[str, list[tuple]] = {k: [] for k in ("event", "quote", "actor", "cite", "event_tag", "quote_tag")}
        self.next_ids = {"event": self._next_id("event"), "quote": self._next_id("quote")}
        self.first_new_source = self._next_id("source")
        self.first_new_entity = self._next_id("entity")

    def _next_id(self, table: str) -> int:
        return (self.conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1

    def where(self, section: str, index: int, record) -> Where:
        return Where(section, index, record, self.labels)

    # -- the whole file -----------------------------------------------------

    def run(self) -> ImportReport:
        if not isinstance(self.data, dict):
            raise BadInput("The file must hold one JSON object with sources, entities, events and quotes; nothing was imported.")
        for section in SECTIONS:
            if not isinstance(self.data.get(section) or [], list):
                raise BadInput(f"'{section}' must be a list; nothing was imported.")
        readers = {"sources": self.source, "events": self.event, "quotes": self.quote,
                   "judgements": self.judgement, "merges": self.merge}
        for section in SECTIONS:
            items = self.data.get(section) or []
            if section == "entities":
                self.entities(items)
                continue
            for i, record in enumerate(items):
                readers[section](self.where(section, i, record), record)
                self.progress(1)
        self.flush()
        return self.report

    def flush(self) -> None:
        """Write the events and quotes gathered, and their links, in bulk.

        Events and quotes go through a temporary table and then one INSERT
        ... SELECT: their full-text triggers then run inside a single
        statement, which is several times faster than a statement per row."""
        c = self.conn
        c.execute("PRAGMA temp_store = MEMORY")
        for table, columns in (
            ("event", "id, date, end_date, date_text, summary, details, place_id, credibility"),
            ("quote", "id, text, speaker_id, said_on, date_text, source_id, start_offset, end_offset, context, credibility"),
        ):
            if self.rows[table]:
                stage = f"temp.brief_import_{table}"
                c.execute(f"DROP TABLE IF EXISTS {stage}")
                c.execute(f"CREATE TABLE {stage} ({columns})")
                c.executemany(f"INSERT INTO {stage} VALUES ({','.join('?' * (columns.count(',') + 1))})", self.rows[table])
                c.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {stage} ORDER BY rowid")
                c.execute(f"DROP TABLE {stage}")
        c.executemany("INSERT OR IGNORE INTO event_actor (event_id, entity_id, role) VALUES (?, ?, ?)", self.rows["actor"])
        c.executemany("INSERT INTO event_source (event_id, source_id, credibility, excerpt) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT DO UPDATE SET credibility = excluded.credibility, excerpt = excluded.excerpt",
                      self.rows["cite"])
        c.executemany("INSERT OR IGNORE INTO event_tag (event_id, tag_id) VALUES (?, ?)", self.rows["event_tag"])
        c.executemany("INSERT OR IGNORE INTO quote_tag (quote_id, tag_id) VALUES (?, ?)", self.rows["quote_tag"])

    def _record(self, where: Where, record) -> dict:
        if not isinstance(record, dict):
            raise where.fail("each record must be a JSON object")
        return record

    def _remember(self, table: dict, where: Where, record: dict, new_id: int) -> None:
        file_id = _file_id(where, record)
        if file_id is not None:
            if file_id in table:
                raise where.fail(f"id {file_id!r} is used twice")
            table[file_id] = new_id

    def tag_id(self, name: str) -> int:
        folded = name.casefold()
        if folded not in self.tag_ids:
            self.conn.execute("INSERT OR IGNORE INTO tag (name) VALUES (?)", (name,))
            self.tag_ids[folded] = self.conn.execute("SELECT id FROM tag WHERE name = ?", (name,)).fetchone()[0]
        return self.tag_ids[folded]

    # -- sources ------------------------------------------------------------

    def source(self, where: Where, record) -> None:
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
        tags = _tags(where, record)
        existing = self._same_source(values)
        if existing is not None:
            new_id = existing
            self.report.matched["sources"] += 1
        else:
            new_id = records.insert_source(self.conn, values)
            self.report.added["sources"] += 1
        for tag in tags:
            self.conn.execute("INSERT OR IGNORE INTO source_tag (source_id, tag_id) VALUES (?, ?)", (new_id, self.tag_id(tag)))
        self._remember(self.source_ids, where, record, new_id)

    def _same_source(self, values: dict) -> int | None:
        c = self.conn
        if values["url"]:
            row = c.execute("SELECT id FROM source WHERE url = ? ORDER BY id LIMIT 1", (values["url"],)).fetchone()
            if row:
                return row[0]
        if values.get("content_hash"):
            row = c.execute("SELECT id FROM source WHERE content_hash = ? ORDER BY id LIMIT 1", (values["content_hash"],)).fetchone()
            if row:
                return row[0]
        if values["url"] or values.get("content_hash"):
            return None
        if self.titled_sources is None:
            self.titled_sources = {}
            for source_id, title, publisher in c.execute(
                    "SELECT id, title, publisher FROM source WHERE url IS NULL AND content_hash IS NULL AND id < ? "
                    "ORDER BY id", (self.first_new_source,)):
                self.titled_sources.setdefault((title, publisher), source_id)
        return self.titled_sources.get((values["title"], values["publisher"]))

    def source_ref(self, where: Where, value, what: str) -> int:
        if isinstance(value, bool) or not isinstance(value, (int, str)) or value not in self.source_ids:
            raise where.fail(f"'{what}' refers to source {value!r}, which the file does not hold")
        return self.source_ids[value]

    # -- entities -----------------------------------------------------------

    def entities(self, section: list) -> None:
        """Match each entity or add it. Entities are added in file order so
        that a round trip keeps their order; merged members are matched only
        inside the entity they were merged into."""
        checked = []
        by_file_id: dict = {}
        for i, record in enumerate(section):
            where = self.where("entities", i, record)
            record = self._record(where, record)
            name = _text(where, record, "name", required=True).strip()
            kind = _grade(where, check_kind, record.get("kind") or "")
            aliases = _list(where, record, "aliases")
            if not all(isinstance(a, str) for a in aliases):
                raise where.fail("'aliases' must be a list of text")
            if not names.key(name):
                raise where.fail(f"the name {name!r} has no letters")
            file_id = _file_id(where, record)
            if file_id is not None:
                if file_id in by_file_id:
                    raise where.fail(f"id {file_id!r} is used twice")
                by_file_id[file_id] = i
            checked.append((where, record, name, kind, aliases))
        matches: dict[int, int | None] = {}

        def match(i: int, seen: tuple = ()) -> int | None:
            if i in matches:
                return matches[i]
            where, record, name, kind, aliases = checked[i]
            target = record.get("merged_into")
            if target is None:
                found = self._same_entity(name, kind, aliases)
            else:
                if isinstance(target, bool) or target not in by_file_id:
                    raise where.fail(f"'merged_into' {target!r} is not an entity id in the file")
                if by_file_id[target] in seen or by_file_id[target] == i:
                    raise where.fail("'merged_into' goes round in a circle")
                into = match(by_file_id[target], seen + (i,))
                found = self._same_member(name, kind, into) if into is not None else None
            matches[i] = found
            return found

        new_ids: list[int] = []
        for i, (where, record, name, kind, aliases) in enumerate(checked):
            found = match(i)
            if found is not None:
                new_id = found
                ent.add_aliases(self.conn, new_id, ent.kind_of(self.conn, new_id), [name, *aliases])
                self.report.matched["entities"] += 1
            else:
                new_id = ent.insert_entity(self.conn, name, kind, aliases, _text(where, record, "notes"))
                self.report.added["entities"] += 1
            new_ids.append(new_id)
            self._remember(self.entity_ids, where, record, new_id)
            for form in [name, *aliases]:
                self.file_names.setdefault(names.key(form), new_id)
            self.progress(1)
        for i, (where, record, *_rest) in enumerate(checked):
            target = record.get("merged_into")
            if target is not None and matches[i] is None:
                self.conn.execute("UPDATE entity SET merged_into = ? WHERE id = ?", (self.entity_ids[target], new_ids[i]))

    def _same_entity(self, name: str, kind: str, aliases: list[str]) -> int | None:
        """A root entity the notebook held before this import with the same
        name and kind, else one of the kind sharing a name key. Entities
        added by this file are never matched with each other: each record of
        the file is one entity."""
        row = self.conn.execute(
            "SELECT id FROM entity WHERE name = ? AND kind = ? AND merged_into IS NULL AND id < ? ORDER BY id LIMIT 1",
            (name, kind, self.first_new_entity)).fetchone()
        if row:
            return row[0]
        for form in [name, *aliases]:
            k = names.key(form)
            hits = [h for h in ent.roots_where(self.conn, "key", k, (kind,)) if h < self.first_new_entity] if k else []
            if hits:
                return hits[0]
        return None

    def _same_member(self, name: str, kind: str, into: int) -> int | None:
        top = ent.root(self.conn, into)
        for (entity_id,) in self.conn.execute(
                "SELECT id FROM entity WHERE name = ? AND kind = ? AND merged_into IS NOT NULL AND id < ? ORDER BY id",
                (name, kind, self.first_new_entity)):
            if ent.root(self.conn, entity_id) == top:
                return entity_id
        return None

    def entity_ref(self, where: Where, value, what: str, kind: str | None) -> int:
        """An entity given by file id, or by name (file entities first, then
        the notebook's, else a new one)."""
        if isinstance(value, dict):
            value = value.get("entity", value.get("id", value.get("name")))
        cached = self.name_cache.get((value, kind)) if isinstance(value, str) else None
        if cached is not None:
            return cached
        if isinstance(value, bool) or value is None:
            raise where.fail(f"'{what}' must be an entity id or a name")
        if isinstance(value, int):
            if value not in self.entity_ids:
                raise where.fail(f"'{what}' refers to entity id {value}, which the file does not hold")
            return self.entity_ids[value]
        if not isinstance(value, str) or not names.key(value):
            raise where.fail(f"'{what}' {value!r} is neither an entity id nor a name")
        if value in self.entity_ids:
            found = self.entity_ids[value]
        else:
            k = names.key(value)
            found = self.file_names.get(k)
            if found is None:
                hits = (ent.roots_where(self.conn, "key", k, (kind,)) if kind else []) or ent.roots_where(self.conn, "key", k)
                if hits:
                    found = hits[0]
                else:
                    found = ent.insert_entity(self.conn, value.strip(), kind or guess_kind(value.strip()))
                    self.report.added["entities"] += 1
                self.file_names[k] = found
        self.name_cache[(value, kind)] = found
        return found

    # -- events and quotes --------------------------------------------------

    def event(self, where: Where, record) -> None:
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
            if role is not None and not isinstance(role, str):
                raise where.fail("an actor's 'role' must be text")
            actors.append((self.entity_ref(where, value, "actors", None), role))
        citations = []
        for value in _list(where, record, "sources"):
            if isinstance(value, dict):
                excerpt = _text(where, value, "excerpt")
                citations.append((self.source_ref(where, value.get("source", value.get("id")), "sources"),
                                  _grade(where, check_credibility, value.get("credibility")), excerpt))
            else:
                citations.append((self.source_ref(where, value, "sources"), None, None))
        place = record.get("place")
        place_id = self.entity_ref(where, place, "place", "place") if place is not None else None
        credibility = _grade(where, check_credibility, record.get("credibility"))
        date_text, details = _text(where, record, "date_text"), _text(where, record, "details")
        tags = _tags(where, record)
        event_id = self._identify("events", (date, summary), (date, end_date, date_text, summary, details, place_id, credibility))
        self.rows["actor"].extend((event_id, a, role) for a, role in actors)
        self.rows["cite"].extend((event_id, *c) for c in citations)
        self.rows["event_tag"].extend((event_id, self.tag_id(t)) for t in tags)

    def quote(self, where: Where, record) -> None:
        record = self._record(where, record)
        text = _text(where, record, "text", required=True).strip()
        source = record.get("source", record.get("source_id"))
        speaker = record.get("speaker", record.get("speaker_id"))
        start = _int(where, record.get("start_offset", record.get("start")), "start_offset")
        end = _int(where, record.get("end_offset", record.get("end")), "end_offset")
        if (start is None) != (end is None) or (start is not None and not 0 <= start <= end):
            raise where.fail("'start_offset' and 'end_offset' must both be given, with 0 <= start <= end")
        speaker_id = self.entity_ref(where, speaker, "speaker", "person") if speaker is not None else None
        said_on, date_text = _date(where, record, "said_on"), _text(where, record, "date_text")
        source_id = self.source_ref(where, source, "source") if source is not None else None
        context = _text(where, record, "context")
        credibility = _grade(where, check_credibility, record.get("credibility"))
        tags = _tags(where, record)
        quote_id = self._identify("quotes", (text, source_id),
                                  (text, speaker_id, said_on, date_text, source_id, start, end, context, credibility))
        self.rows["quote_tag"].extend((quote_id, self.tag_id(t)) for t in tags)

    # The identity of an event (date, summary) and of a quote (text, source).
    IDENTITY = {"events": ("event", "SELECT date, summary, id FROM event ORDER BY id DESC"),
                "quotes": ("quote", "SELECT text, source_id, id FROM quote ORDER BY id DESC")}

    def _identify(self, section: str, key: tuple, row: tuple) -> int:
        """The id of the event or quote with this identity: one the notebook
        or the file already holds (matched), else a new one whose row is
        queued for the bulk write."""
        table, sql = self.IDENTITY[section]
        if section not in self.keys:
            self.keys[section] = {(a, b): i for a, b, i in self.conn.execute(sql)}
        known = self.keys[section]
        if key in known:
            self.report.matched[section] += 1
            return known[key]
        item_id = known[key] = self.next_ids[table]
        self.next_ids[table] += 1
        self.rows[table].append((item_id, *row))
        self.report.added[section] += 1
        return item_id

    # -- judgements and merges ----------------------------------------------

    def _entity_id(self, where: Where, value, what: str) -> int:
        if isinstance(value, bool) or not isinstance(value, (int, str)) or value not in self.entity_ids:
            raise where.fail(f"'{what}' refers to entity {value!r}, which the file does not hold")
        return self.entity_ids[value]

    def judgement(self, where: Where, record) -> None:
        record = self._record(where, record)
        a, b = sorted((self._entity_id(where, record.get("a"), "a"), self._entity_id(where, record.get("b"), "b")))
        verdict = record.get("verdict")
        if verdict not in VERDICTS:
            raise where.fail(f"'verdict' must be 'same' or 'not_same', not {verdict!r}")
        made = _text(where, record, "made", required=True)
        if a == b or self.conn.execute("SELECT 1 FROM judgement WHERE a = ? AND b = ?", (a, b)).fetchone():
            self.report.matched["judgements"] += 1
            return
        self.conn.execute("INSERT INTO judgement (a, b, verdict, made) VALUES (?, ?, ?, ?)", (a, b, verdict, made))
        self.report.added["judgements"] += 1

    def merge(self, where: Where, record) -> None:
        record = self._record(where, record)
        into = self._entity_id(where, record.get("into"), "into")
        previous = _text(where, record, "previous_name", required=True)
        new = _text(where, record, "new_name", required=True)
        made = _text(where, record, "made", required=True)
        members = []
        for value in _list(where, record, "members"):
            if not isinstance(value, dict):
                raise where.fail("each of 'members' must be an object with 'entity' and 'previous_merged_into'")
            before = value.get("previous_merged_into")
            members.append((self._entity_id(where, value.get("entity"), "members"),
                            None if before is None else self._entity_id(where, before, "previous_merged_into")))
        if self.conn.execute("SELECT 1 FROM merge WHERE into_id = ? AND made = ? AND new_name = ?", (into, made, new)).fetchone():
            self.report.matched["merges"] += 1
            return
        merge_id = self.conn.execute(
            "INSERT INTO merge (into_id, previous_name, new_name, made) VALUES (?, ?, ?, ?)",
            (into, previous, new, made)).lastrowid
        self.conn.executemany("INSERT OR IGNORE INTO merge_member (merge_id, entity_id, previous_merged_into) VALUES (?, ?, ?)",
                              [(merge_id, e, p) for e, p in members])
        self.report.added["merges"] += 1


class _Rollback(Exception):
    pass


def run_import(book: Notebook, data, *, dry_run: bool = False, progress: Progress | None = None,
               labels: Callable | None = None, known_sources: dict | None = None) -> ImportReport:
    """Read an interchange object into the notebook in one transaction.
    `labels(section, index)` names a record's position for errors when the
    file was not JSON; `known_sources` maps file ids to notebook sources."""
    importer = Importer(book, data, progress, labels, known_sources)
    try:
        with book.transaction():
            importer.run()
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    return importer.report


def import_json(book: Notebook, data, *, dry_run: bool = False, progress: Progress | None = None) -> ImportReport:
    """Read an interchange object (parsed JSON) into the notebook, all or nothing."""
    return run_import(book, data, dry_run=dry_run, progress=progress)
