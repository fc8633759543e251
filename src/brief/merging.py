"""Merging entities, reversibly.

A merge points every member at the survivor (`merged_into`) and may rename
the survivor; quotes, events, aliases and judgements stay where they are and
every listing sees through `merged_into`. The log keeps each member's
previous `merged_into` and the survivor's previous name, so `unmerge`
restores the notebook exactly and removes the merge from the log.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .errors import BadInput, NotFound
from .notebook import Notebook
from .store import entities as ent


@dataclass
class Merge:
    id: int
    into_id: int
    name: str
    previous_name: str
    made: str
    members: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def merge(book: Notebook, ids: list[int], *, into: int | None = None, name: str | None = None) -> Merge:
    """Merge the entities `ids` (and `into`) into one; returns the log entry."""
    conn = book.conn
    wanted = list(dict.fromkeys([*(into is not None and [into] or []), *ids]))
    for entity_id in wanted:
        book.require("entity", entity_id)
    roots = list(dict.fromkeys(ent.root(conn, i) for i in wanted))
    survivor = ent.root(conn, into) if into is not None else roots[0]
    members = [r for r in roots if r != survivor]
    if not members:
        raise BadInput("Those ids are already one entity; give at least two different entities to merge.")
    kinds = {ent.kind_of(conn, r) for r in roots}
    if len(kinds) > 1:
        shown = ", ".join(f"#{r} ({ent.kind_of(conn, r)})" for r in roots)
        raise BadInput(f"Cannot merge entities of different kinds ({shown}); change a kind with 'brief edit entity' first.")
    previous = conn.execute("SELECT name FROM entity WHERE id = ?", (survivor,)).fetchone()[0]
    new_name = previous
    if name is not None:
        group = [m for r in roots for m in ent.members(conn, r)]
        forms = [r[0] for r in conn.execute(
            f"SELECT DISTINCT name FROM alias WHERE entity_id IN ({','.join('?' * len(group))}) ORDER BY name", group)]
        if name.strip() not in forms:
            raise BadInput(
                f"--name must be one of the names the merged entities carry ({'; '.join(forms)}); "
                "add it as an alias first with 'brief edit entity ID --add-alias'."
            )
        new_name = name.strip()
    made = book.now.isoformat(timespec="seconds")
    with book.transaction():
        merge_id = conn.execute(
            "INSERT INTO merge (into_id, previous_name, new_name, made) VALUES (?, ?, ?, ?)",
            (survivor, previous, new_name, made),
        ).lastrowid
        for member in members:
            old = conn.execute("SELECT merged_into FROM entity WHERE id = ?", (member,)).fetchone()[0]
            conn.execute(
                "INSERT INTO merge_member (merge_id, entity_id, previous_merged_into) VALUES (?, ?, ?)",
                (merge_id, member, old),
            )
            conn.execute("UPDATE entity SET merged_into = ? WHERE id = ?", (survivor, member))
        if new_name != previous:
            conn.execute("UPDATE entity SET name = ? WHERE id = ?", (new_name, survivor))
    return get_merge(book, merge_id)


def unmerge(book: Notebook, merge_id: int) -> Merge:
    """Undo one merge exactly. Later merges into the same survivor must be
    undone first, newest first, so each undo restores what it changed."""
    conn = book.conn
    entry = get_merge(book, merge_id)
    later = conn.execute(
        "SELECT id FROM merge WHERE id > ? AND (into_id = ? OR into_id IN (SELECT entity_id FROM merge_member WHERE merge_id = ?)"
        " OR id IN (SELECT merge_id FROM merge_member WHERE entity_id = ?)) ORDER BY id DESC LIMIT 1",
        (merge_id, entry.into_id, merge_id, entry.into_id),
    ).fetchone()
    if later:
        raise BadInput(f"Merge #{later[0]} came after #{merge_id} and involves the same entities; undo it first.")
    with book.transaction():
        for member in entry.members:
            conn.execute("UPDATE entity SET merged_into = ? WHERE id = ?", (member["previous_merged_into"], member["id"]))
        if entry.name != entry.previous_name:
            conn.execute("UPDATE entity SET name = ? WHERE id = ?", (entry.previous_name, entry.into_id))
        conn.execute("DELETE FROM merge_member WHERE merge_id = ?", (merge_id,))
        conn.execute("DELETE FROM merge WHERE id = ?", (merge_id,))
    return entry


def get_merge(book: Notebook, merge_id: int) -> Merge:
    conn = book.conn
    row = conn.execute("SELECT id, into_id, new_name, previous_name, made FROM merge WHERE id = ?", (merge_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no merge #{merge_id}; 'brief merges' lists them.")
    members = [
        {"id": entity_id, "name": entity_name, "previous_merged_into": previous}
        for entity_id, entity_name, previous in conn.execute(
            "SELECT m.entity_id, e.name, m.previous_merged_into FROM merge_member m JOIN entity e ON e.id = m.entity_id "
            "WHERE m.merge_id = ? ORDER BY m.entity_id", (merge_id,))
    ]
    return Merge(row[0], row[1], row[2], row[3], row[4], members)


def list_merges(book: Notebook, limit: int | None = None) -> list[Merge]:
    sql = "SELECT id FROM merge ORDER BY id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [get_merge(book, r[0]) for r in book.conn.execute(sql)]
