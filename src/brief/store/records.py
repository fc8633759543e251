"""Sources, events and quotes: inserting, reading back whole, filtering.

Reads load a page of ids first, then their links in one query per link
table, so a listing costs a handful of queries whatever its length.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from ..errors import BadInput
from ..models import Citation, Event, Quote, Source
from . import entities

TAGGED = {"event": "event_tag", "quote": "quote_tag", "source": "source_tag"}


def _marks(values) -> str:
    return ",".join("?" * len(values))


# -- tags -------------------------------------------------------------------


def set_tags(conn: sqlite3.Connection, kind: str, item_id: int, tags: list[str]) -> None:
    table = TAGGED[kind]
    for tag in tags:
        tag = tag.strip()
        if not tag:
            continue
        if not any(ch.isprintable() for ch in tag):
            raise BadInput(f"The tag {tag!r} has nothing visible in it; give a word.")
        conn.execute("INSERT OR IGNORE INTO tag (name) VALUES (?)", (tag,))
        tag_id = conn.execute("SELECT id FROM tag WHERE name = ?", (tag,)).fetchone()[0]
        conn.execute(f"INSERT OR IGNORE INTO {table} ({kind}_id, tag_id) VALUES (?, ?)", (item_id, tag_id))


def remove_tags(conn: sqlite3.Connection, kind: str, item_id: int, tags: list[str]) -> None:
    table = TAGGED[kind]
    for tag in tags:
        conn.execute(
            f"DELETE FROM {table} WHERE {kind}_id = ? AND tag_id = (SELECT id FROM tag WHERE name = ?)",
            (item_id, tag.strip()),
        )


def tags_of(conn: sqlite3.Connection, kind: str, ids: list[int]) -> dict[int, list[str]]:
    table = TAGGED[kind]
    found: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        rows = conn.execute(
            f"SELECT x.{kind}_id, t.name FROM {table} x JOIN tag t ON t.id = x.tag_id "
            f"WHERE x.{kind}_id IN ({_marks(ids)}) ORDER BY t.name COLLATE NOCASE",
            ids,
        )
        for item_id, name in rows:
            found[item_id].append(name)
    return found


# -- filters ----------------------------------------------------------------


@dataclass
class Filter:
    """What a listing asks for. Entity filters hold every member of a merged
    entity; since/until are ISO days (a period overlaps the range)."""

    source_id: int | None = None
    tag: str | None = None
    entity_ids: list[int] = field(default_factory=list)
    place_ids: list[int] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    ids: list[int] | None = None
    match: str | None = None  # an FTS5 query the item's text must match
    limit: int | None = None
    offset: int = 0
    newest_first: bool = True


def _tag_clause(f: Filter, kind: str, where: list[str], args: list) -> None:
    if f.tag:
        where.append(f"id IN (SELECT {kind}_id FROM {TAGGED[kind]} WHERE tag_id = (SELECT id FROM tag WHERE name = ?))")
        args.append(f.tag)


def _date_clauses(f: Filter, start: str, end: str, where: list[str], args: list) -> None:
    # A partial date is a period; it is inside the range when it overlaps it.
    # Appending '~' to a partial date gives a string above every day inside it.
    if f.until:
        where.append(f"{start} <= ?")
        args.append(f.until)
    if f.since:
        if end == "NULL":
            # No spans: a date from a year before `since` cannot reach it.
            # Said on the start column alone, so its index serves the range.
            where.append(f"{start} >= ?")
            args.append(f.since[:4])
        where.append(f"coalesce({end}, {start}) || '~' >= ?")
        args.append(f.since)


def _match_clause(f: Filter, kind: str, where: list[str], args: list) -> None:
    if f.match:
        where.append(f"id IN (SELECT rowid FROM {kind}_fts WHERE {kind}_fts MATCH ?)")
        args.append(f.match)


def _page(f: Filter, where: list[str], args: list) -> str:
    if f.ids is not None:
        where.append(f"id IN ({_marks(f.ids) or 'NULL'})")
        args.extend(f.ids)
    sql = " WHERE " + " AND ".join(where) if where else ""
    return sql


def _limit(f: Filter, args: list) -> str:
    if f.limit is None:
        return ""
    args.extend([f.limit, f.offset])
    return " LIMIT ? OFFSET ?"


# -- sources ----------------------------------------------------------------

SOURCE_COLUMNS = ("title", "publisher", "author", "url", "published", "body", "content_hash", "reliability", "accessed", "notes")


def insert_source(conn: sqlite3.Connection, values: dict) -> int:
    cols = [c for c in SOURCE_COLUMNS if values.get(c) is not None]
    cur = conn.execute(
        f"INSERT INTO source ({', '.join(cols)}) VALUES ({_marks(cols)})", [values[c] for c in cols]
    )
    return cur.lastrowid


def source_ids(conn: sqlite3.Connection, f: Filter) -> list[int]:
    where: list[str] = []
    args: list = []
    _tag_clause(f, "source", where, args)
    if f.source_id is not None:
        where.append("id = ?")
        args.append(f.source_id)
    _date_clauses(f, "published", "NULL", where, args)
    _match_clause(f, "source", where, args)
    sql = "SELECT id FROM source" + _page(f, where, args)
    order = "DESC" if f.newest_first else "ASC"
    # NULL sorts as '' would (lowest), so the published index gives the order.
    sql += f" ORDER BY published {order}, id {order}" + _limit(f, args)
    return [r[0] for r in conn.execute(sql, args)]


def load_sources(conn: sqlite3.Connection, ids: list[int], *, body: bool = False) -> list[Source]:
    if not ids:
        return []
    cols = "id, title, publisher, author, url, published, reliability, accessed, notes, content_hash"
    cols += ", body" if body else ", NULL"
    rows = {r[0]: r for r in conn.execute(f"SELECT {cols} FROM source WHERE id IN ({_marks(ids)})", ids)}
    tags = tags_of(conn, "source", ids)
    return [Source(*rows[i], tags=tags[i]) for i in ids if i in rows]


def citing(conn: sqlite3.Connection, source_id: int) -> tuple[list[int], list[int]]:
    """Ids of the events and quotes that cite a source."""
    events = [r[0] for r in conn.execute("SELECT event_id FROM event_source WHERE source_id = ? ORDER BY event_id", (source_id,))]
    quotes = [r[0] for r in conn.execute("SELECT id FROM quote WHERE source_id = ? ORDER BY id", (source_id,))]
    return events, quotes


def source_exists(conn: sqlite3.Connection, source_id: int) -> bool:
    return conn.execute("SELECT 1 FROM source WHERE id = ?", (source_id,)).fetchone() is not None


# -- events -----------------------------------------------------------------


def insert_event(conn: sqlite3.Connection, values: dict, actors: list[tuple[int, str | None]], citations: list[Citation]) -> int:
    cur = conn.execute(
        "INSERT INTO event (date, end_date, date_text, summary, details, place_id, credibility) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (values["date"], values.get("end_date"), values.get("date_text"), values["summary"],
         values.get("details"), values.get("place_id"), values.get("credibility")),
    )
    event_id = cur.lastrowid
    link_actors(conn, event_id, actors)
    link_sources(conn, event_id, citations)
    return event_id


def link_actors(conn: sqlite3.Connection, event_id: int, actors: list[tuple[int, str | None]]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO event_actor (event_id, entity_id, role) VALUES (?, ?, ?)",
        [(event_id, entity_id, role) for entity_id, role in actors],
    )


def link_sources(conn: sqlite3.Connection, event_id: int, citations: list[Citation]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO event_source (event_id, source_id, credibility, excerpt) VALUES (?, ?, ?, ?)",
        [(event_id, c.source_id, c.credibility, c.excerpt) for c in citations],
    )


def event_ids(conn: sqlite3.Connection, f: Filter) -> list[int]:
    where: list[str] = []
    args: list = []
    if f.source_id is not None:
        where.append("id IN (SELECT event_id FROM event_source WHERE source_id = ?)")
        args.append(f.source_id)
    _tag_clause(f, "event", where, args)
    if f.entity_ids:
        where.append(f"id IN (SELECT event_id FROM event_actor WHERE entity_id IN ({_marks(f.entity_ids)}))")
        args.extend(f.entity_ids)
    if f.place_ids:
        where.append(f"place_id IN ({_marks(f.place_ids)})")
        args.extend(f.place_ids)
    _date_clauses(f, "date", "end_date", where, args)
    _match_clause(f, "event", where, args)
    sql = "SELECT id FROM event" + _page(f, where, args)
    order = "DESC" if f.newest_first else "ASC"
    sql += f" ORDER BY date {order}, id {order}" + _limit(f, args)
    return [r[0] for r in conn.execute(sql, args)]


def load_events(conn: sqlite3.Connection, ids: list[int]) -> list[Event]:
    if not ids:
        return []
    marks = _marks(ids)
    rows = {
        r[0]: r
        for r in conn.execute(
            f"SELECT id, date, summary, end_date, date_text, details, place_id, credibility FROM event WHERE id IN ({marks})",
            ids,
        )
    }
    cache: dict = {}
    actors: dict[int, list] = {i: [] for i in ids}
    for event_id, entity_id in conn.execute(
        f"SELECT event_id, entity_id FROM event_actor WHERE event_id IN ({marks}) ORDER BY event_id, rowid", ids
    ):
        who = entities.ref(conn, entity_id, cache)
        if who and all(a.id != who.id for a in actors[event_id]):
            actors[event_id].append(who)
    cites: dict[int, list] = {i: [] for i in ids}
    for event_id, source_id, title, credibility, excerpt in conn.execute(
        f"""SELECT es.event_id, es.source_id, s.title, es.credibility, es.excerpt
            FROM event_source es JOIN source s ON s.id = es.source_id
            WHERE es.event_id IN ({marks}) ORDER BY es.event_id, es.source_id""",
        ids,
    ):
        cites[event_id].append(Citation(source_id, title, credibility, excerpt))
    tags = tags_of(conn, "event", ids)
    events = []
    for i in ids:
        if i not in rows:
            continue
        r = rows[i]
        events.append(
            Event(r[0], r[1], r[2], r[3], r[4], r[5], entities.ref(conn, r[6], cache), r[7], actors[i], cites[i], tags[i])
        )
    return events


# -- quotes -----------------------------------------------------------------

QUOTE_COLUMNS = ("text", "speaker_id", "said_on", "date_text", "source_id", "start_offset", "end_offset", "context", "credibility")


def insert_quote(conn: sqlite3.Connection, values: dict) -> int:
    cols = [c for c in QUOTE_COLUMNS if values.get(c) is not None]
    cur = conn.execute(f"INSERT INTO quote ({', '.join(cols)}) VALUES ({_marks(cols)})", [values[c] for c in cols])
    return cur.lastrowid


def quote_ids(conn: sqlite3.Connection, f: Filter) -> list[int]:
    where: list[str] = []
    args: list = []
    if f.source_id is not None:
        where.append("source_id = ?")
        args.append(f.source_id)
    _tag_clause(f, "quote", where, args)
    if f.entity_ids:
        where.append(f"speaker_id IN ({_marks(f.entity_ids)})")
        args.extend(f.entity_ids)
    _date_clauses(f, "said_on", "NULL", where, args)
    _match_clause(f, "quote", where, args)
    sql = "SELECT id FROM quote" + _page(f, where, args)
    order = "DESC" if f.newest_first else "ASC"
    # NULL sorts as '' would (lowest), so the said_on indexes give the order.
    sql += f" ORDER BY said_on {order}, id {order}" + _limit(f, args)
    return [r[0] for r in conn.execute(sql, args)]


def load_quotes(conn: sqlite3.Connection, ids: list[int]) -> list[Quote]:
    if not ids:
        return []
    rows = {
        r[0]: r
        for r in conn.execute(
            f"""SELECT q.id, q.text, q.speaker_id, q.said_on, q.date_text, q.source_id, s.title,
                       q.start_offset, q.end_offset, q.context, q.credibility
                FROM quote q LEFT JOIN source s ON s.id = q.source_id WHERE q.id IN ({_marks(ids)})""",
            ids,
        )
    }
    cache: dict = {}
    tags = tags_of(conn, "quote", ids)
    quotes = []
    for i in ids:
        if i not in rows:
            continue
        r = rows[i]
        quotes.append(Quote(r[0], r[1], entities.ref(conn, r[2], cache), *r[3:], tags=tags[i]))
    return quotes


def count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
