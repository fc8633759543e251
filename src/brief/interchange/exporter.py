"""Writing the whole notebook as an interchange object.

Every kind is numbered from 1 in notebook order, and empty fields are left
out, so exporting, importing into an empty notebook and exporting again
gives the same file.
"""

from __future__ import annotations

from ..notebook import Notebook
from ..store import records


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


def _numbering(conn, table: str) -> dict[int, int]:
    return {r[0]: n for n, r in enumerate(conn.execute(f"SELECT id FROM {table} ORDER BY id"), 1)}


def export_json(book: Notebook) -> dict:
    """The whole notebook as an interchange object, numbered from 1."""
    conn = book.conn
    source_map = _numbering(conn, "source")
    entity_map = _numbering(conn, "entity")

    sources = []
    for chunk in _chunks(list(source_map)):
        for s in records.load_sources(conn, chunk, body=True):
            item = {"id": source_map[s.id], "title": s.title, "publisher": s.publisher, "author": s.author, "url": s.url,
                    "published": s.published, "accessed": s.accessed, "reliability": s.reliability, "notes": s.notes,
                    "tags": s.tags, "body": s.body}
            sources.append(_compact(item, keep=("tags",)))

    aliases: dict[int, list[str]] = {}
    for entity_id, form in conn.execute(
            "SELECT a.entity_id, a.name FROM alias a JOIN entity e ON e.id = a.entity_id "
            "WHERE a.name != e.name ORDER BY a.entity_id, a.id"):
        aliases.setdefault(entity_id, []).append(form)
    entities = []
    for entity_id, name, kind, merged_into, notes in conn.execute(
            "SELECT id, name, kind, merged_into, notes FROM entity ORDER BY id"):
        item = {"id": entity_map[entity_id], "name": name, "kind": kind, "aliases": aliases.get(entity_id, []),
                "notes": notes, "merged_into": entity_map.get(merged_into)}
        entities.append(_compact(item, keep=("aliases",)))

    events = []
    event_ids = [r[0] for r in conn.execute("SELECT id FROM event ORDER BY id")]
    for chunk in _chunks(event_ids):
        rows = {r[0]: r for r in conn.execute(
            f"SELECT id, date, end_date, date_text, summary, details, place_id, credibility FROM event "
            f"WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
        actors = _grouped(conn, "SELECT event_id, entity_id, role FROM event_actor WHERE event_id IN ({}) "
                                "ORDER BY event_id, rowid", chunk)
        cites = _grouped(conn, "SELECT event_id, source_id, credibility, excerpt FROM event_source "
                               "WHERE event_id IN ({}) ORDER BY event_id, source_id", chunk)
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
    quote_ids = [r[0] for r in conn.execute("SELECT id FROM quote ORDER BY id")]
    for chunk in _chunks(quote_ids):
        tags = records.tags_of(conn, "quote", chunk)
        for r in conn.execute(
                "SELECT id, text, speaker_id, said_on, date_text, source_id, start_offset, end_offset, context, credibility "
                f"FROM quote WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk):
            item = {"id": len(quotes) + 1, "text": r[1], "speaker": entity_map.get(r[2]), "said_on": r[3],
                    "date_text": r[4], "source": source_map.get(r[5]), "start_offset": r[6], "end_offset": r[7],
                    "context": r[8], "credibility": r[9], "tags": tags[r[0]]}
            quotes.append(_compact(item, keep=("tags",)))

    data = {"sources": sources, "entities": entities, "events": events, "quotes": quotes}
    judgements = [{"a": entity_map[a], "b": entity_map[b], "verdict": verdict, "made": made}
                  for a, b, verdict, made in conn.execute("SELECT a, b, verdict, made FROM judgement ORDER BY id")]
    members: dict[int, list[tuple]] = {}
    for merge_id, entity_id, before in conn.execute(
            "SELECT merge_id, entity_id, previous_merged_into FROM merge_member ORDER BY merge_id, entity_id"):
        members.setdefault(merge_id, []).append((entity_id, before))
    merges = [_compact({"id": n, "into": entity_map[into], "previous_name": previous, "new_name": new, "made": made,
                        "members": [{"entity": entity_map[e], "previous_merged_into": entity_map.get(p)}
                                    for e, p in members.get(merge_id, [])]})
              for n, (merge_id, into, previous, new, made) in enumerate(conn.execute(
                  "SELECT id, into_id, previous_name, new_name, made FROM merge ORDER BY id"), 1)]
    if judgements:
        data["judgements"] = judgements
    if merges:
        data["merges"] = merges
    return data
