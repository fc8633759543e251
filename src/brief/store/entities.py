"""Entities and their aliases: inserting, looking up by key, merges."""

from __future__ import annotations

import sqlite3

from .. import names
from ..models import Entity, EntityRef


def insert_entity(conn: sqlite3.Connection, name: str, kind: str, aliases: list[str] = (), notes: str | None = None) -> int:
    cur = conn.execute("INSERT INTO entity (name, kind, notes) VALUES (?, ?, ?)", (name, kind, notes))
    entity_id = cur.lastrowid
    add_aliases(conn, entity_id, kind, [name, *aliases])
    return entity_id


def add_aliases(conn: sqlite3.Connection, entity_id: int, kind: str, forms: list[str]) -> None:
    rows = []
    for form in forms:
        form = form.strip()
        if form:
            rows.append((entity_id, form, names.key(form), names.match_key(form, kind), names.family_key(form, kind)))
    conn.executemany(
        "INSERT OR IGNORE INTO alias (entity_id, name, key, match, family) VALUES (?, ?, ?, ?, ?)", rows
    )


def remove_alias(conn: sqlite3.Connection, entity_id: int, form: str) -> bool:
    cur = conn.execute("DELETE FROM alias WHERE entity_id = ? AND name = ?", (entity_id, form))
    return cur.rowcount > 0


def rekey_aliases(conn: sqlite3.Connection, entity_id: int, kind: str) -> None:
    """Recompute the keys of an entity's aliases (after a change of kind)."""
    forms = [r[0] for r in conn.execute("SELECT name FROM alias WHERE entity_id = ?", (entity_id,))]
    conn.execute("DELETE FROM alias WHERE entity_id = ?", (entity_id,))
    add_aliases(conn, entity_id, kind, forms)


def root(conn: sqlite3.Connection, entity_id: int) -> int:
    """The entity that `entity_id` has been merged into, followed to the end."""
    seen = set()
    current = entity_id
    while current not in seen:
        seen.add(current)
        row = conn.execute("SELECT merged_into FROM entity WHERE id = ?", (current,)).fetchone()
        if row is None or row[0] is None:
            return current
        current = row[0]
    return current


def members(conn: sqlite3.Connection, root_id: int) -> list[int]:
    """The root and every entity merged into it, directly or not."""
    rows = conn.execute(
        """WITH RECURSIVE m(id) AS (
               SELECT ? UNION SELECT e.id FROM entity e JOIN m ON e.merged_into = m.id)
           SELECT id FROM m ORDER BY id""",
        (root_id,),
    )
    return [r[0] for r in rows]


def roots_where(conn: sqlite3.Connection, column: str, value: str, kinds: tuple[str, ...] | None = None) -> list[int]:
    """Distinct roots of the entities with an alias whose `column` equals value."""
    assert column in ("key", "match", "family")
    ids = [r[0] for r in conn.execute(f"SELECT DISTINCT entity_id FROM alias WHERE {column} = ?", (value,))]
    found = []
    for entity_id in ids:
        top = root(conn, entity_id)
        if top not in found:
            found.append(top)
    if kinds:
        found = [i for i in found if kind_of(conn, i) in kinds]
    return sorted(found)


def kind_of(conn: sqlite3.Connection, entity_id: int) -> str | None:
    row = conn.execute("SELECT kind FROM entity WHERE id = ?", (entity_id,)).fetchone()
    return row[0] if row else None


def ref(conn: sqlite3.Connection, entity_id: int | None, cache: dict | None = None) -> EntityRef | None:
    """The entity a row refers to, seen through merges."""
    if entity_id is None:
        return None
    if cache is not None and entity_id in cache:
        return cache[entity_id]
    top = root(conn, entity_id)
    row = conn.execute("SELECT id, name, kind FROM entity WHERE id = ?", (top,)).fetchone()
    result = EntityRef(row[0], row[1], row[2]) if row else None
    if cache is not None:
        cache[entity_id] = result
    return result


def exists(conn: sqlite3.Connection, entity_id: int) -> bool:
    return conn.execute("SELECT 1 FROM entity WHERE id = ?", (entity_id,)).fetchone() is not None


def get(conn: sqlite3.Connection, entity_id: int) -> Entity | None:
    row = conn.execute(
        "SELECT id, name, kind, merged_into, notes FROM entity WHERE id = ?", (entity_id,)
    ).fetchone()
    if row is None:
        return None
    group = members(conn, row[0])
    marks = ",".join("?" * len(group))
    aliases = [
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT name FROM alias WHERE entity_id IN ({marks}) AND name != ? ORDER BY name",
            (*group, row[1]),
        )
    ]
    quotes = conn.execute(f"SELECT count(*) FROM quote WHERE speaker_id IN ({marks})", group).fetchone()[0]
    events = conn.execute(
        f"""SELECT count(*) FROM event WHERE place_id IN ({marks})
            OR id IN (SELECT event_id FROM event_actor WHERE entity_id IN ({marks}))""",
        (*group, *group),
    ).fetchone()[0]
    return Entity(row[0], row[1], row[2], aliases, row[3], row[4], quotes, events)


def all_alias_matches(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every (match key, entity id) pair, for fuzzy lookups."""
    return conn.execute("SELECT DISTINCT match, entity_id FROM alias").fetchall()
