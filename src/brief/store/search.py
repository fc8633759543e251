"""Full-text queries over the FTS5 indexes, newest first, fast at any size.

Results of one kind come in date order (newest first, undated last, then
the higher id first). Ranking every match with bm25 costs time in
proportion to the number of matches, so it is not used; instead:

- the newest-added matches are read straight from the index (rowid order,
  which FTS5 answers without touching other matches), at most CAP of them;
- when that is all of them (a rare word), each is looked up and the whole
  set is put in date order: exact, and cheap because the set is small;
- when there are more (a common word), the date index is walked from the
  newest day down and each row is checked against the index of words
  (a seek by rowid), so the walk stops after `limit` hits: a few dozen rows
  for a word in a quarter of the notebook. The rowids of the newest matches
  tell how common the word is; when the walk would be long (at most
  WALK_ROWS rows), the whole set of matches is gathered first instead and
  the date index walked against it.

Either way the answer is the same: the newest matches by date.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

CAP = 1000
WALK_ROWS = 2000
MARK_OPEN = "\x02"
MARK_CLOSE = "\x03"
ELLIPSIS = "…"


@dataclass(frozen=True)
class Spec:
    table: str
    fts: str
    date: str
    index: str
    end: str | None = None
    snippet_tokens: int = 16


SPECS = {
    "event": Spec("event", "event_fts", "date", "event_date", end="end_date", snippet_tokens=14),
    "quote": Spec("quote", "quote_fts", "said_on", "quote_said_on", snippet_tokens=18),
    "source": Spec("source", "source_fts", "published", "source_published", snippet_tokens=14),
}


class QueryError(Exception):
    """The FTS5 query text itself is wrong (only with raw FTS5 syntax)."""


_NOT_THE_QUERY = ("locked", "busy", "disk", "readonly", "read-only", "malformed", "not a database", "no such table",
                  "no such index", "out of memory", "interrupted", "unable to open", "corrupt")


def is_query_error(exc: sqlite3.OperationalError) -> bool:
    """Whether an error from a MATCH query is about the query text (rather
    than the notebook file)."""
    text = str(exc).lower()
    return not any(word in text for word in _NOT_THE_QUERY)


def _marks(values) -> str:
    return ",".join("?" * len(values))


def _run(conn: sqlite3.Connection, sql: str, args) -> list:
    try:
        return conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:
        if is_query_error(exc):
            raise QueryError(str(exc)) from exc
        raise


def _range(spec: Spec, since: str | None, until: str | None, *, indexable: bool) -> tuple[list[str], list]:
    """WHERE clauses for an ISO-day range: a dated period is inside when it
    overlaps it. With `indexable`, the lower bound is on the start date
    alone (dates whose year is before `since`'s cannot reach it; spans are
    handled by the caller)."""
    where: list[str] = []
    args: list = []
    if until:
        where.append(f"{spec.date} <= ?")
        args.append(until)
    if since:
        if indexable:
            where.append(f"{spec.date} >= ?")
            args.append(since[:4])
        end = f"coalesce({spec.end}, {spec.date})" if spec.end else spec.date
        where.append(f"{end} || '~' >= ?")
        args.append(since)
    return where, args


def matching(conn: sqlite3.Connection, kind: str, query: str, *, since: str | None = None,
             until: str | None = None, limit: int | None = 20) -> list[tuple[int, str | None]]:
    """(id, date) of the items of `kind` matching the FTS5 `query`, newest
    first, at most `limit` (None: all). Raises QueryError for bad syntax."""
    spec = SPECS[kind]
    newest = _run(conn, f"SELECT rowid FROM {spec.fts} WHERE {spec.fts} MATCH ? ORDER BY rowid DESC LIMIT ?",
                  (query, CAP + 1))
    if not newest:
        return []
    order = f" ORDER BY {spec.date} DESC, id DESC"
    take = " LIMIT ?" if limit is not None else ""
    tail = [limit] if limit is not None else []
    if len(newest) <= CAP:
        ids = [r[0] for r in newest]
        where, args = _range(spec, since, until, indexable=False)
        sql = f"SELECT id, {spec.date} FROM {spec.table} WHERE id IN ({_marks(ids)})"
        sql += "".join(f" AND {w}" for w in where) + order + take
        return _run(conn, sql, [*ids, *args, *tail])
    if limit is None:
        where, args = _range(spec, since, until, indexable=False)
        sql = f"SELECT id, {spec.date} FROM {spec.table} WHERE id IN (SELECT rowid FROM {spec.fts} WHERE {spec.fts} MATCH ?)"
        sql += "".join(f" AND {w}" for w in where) + order
        return _run(conn, sql, [query, *args])
    where, args = _range(spec, since, until, indexable=True)
    found = None
    # Matches per row, judged from the rowids of the newest CAP matches:
    # how many rows a walk down the date index should take to meet `limit`.
    rows_per_hit = (newest[0][0] - newest[-1][0] + 1) / len(newest)
    if limit * rows_per_hit <= WALK_ROWS:
        found = _walk(conn, spec, query, where, args, limit)
    if found is None:
        sql = (f"SELECT id, {spec.date} FROM {spec.table} INDEXED BY {spec.index} "
               f"WHERE id IN (SELECT rowid FROM {spec.fts} WHERE {spec.fts} MATCH ?)")
        found = _run(conn, sql + "".join(f" AND {w}" for w in where) + order + take, [query, *args, limit])
    if spec.end and since and len(found) < limit:
        # Spans that start in an earlier year but reach into the range come
        # after everything that starts inside it.
        rest = f"""SELECT id, {spec.date} FROM {spec.table}
                   WHERE id IN (SELECT rowid FROM {spec.fts} WHERE {spec.fts} MATCH ?)
                   AND {spec.end} IS NOT NULL AND {spec.date} < ? AND {spec.end} || '~' >= ?"""
        rest_args = [query, since[:4], since]
        if until:
            rest += f" AND {spec.date} <= ?"
            rest_args.append(until)
        found += _run(conn, rest + order + take, [*rest_args, limit - len(found)])
    return found


def _walk(conn, spec: Spec, query: str, where: list[str], args: list, limit: int):
    """Walk at most WALK_ROWS rows down the date index, checking each
    against the index of words; None when that was not far enough."""
    cond = " WHERE " + " AND ".join(where) if where else ""
    inner = (f"SELECT id, {spec.date} AS d FROM {spec.table} INDEXED BY {spec.index}{cond} "
             f"ORDER BY {spec.date} DESC, id DESC LIMIT ?")
    rows = _run(conn, f"SELECT id, d FROM ({inner}) AS w WHERE EXISTS (SELECT 1 FROM {spec.fts} "
                      f"WHERE {spec.fts} MATCH ? AND rowid = w.id) LIMIT ?", [*args, WALK_ROWS, query, limit])
    if len(rows) >= limit:
        return rows
    walked = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {spec.table} INDEXED BY {spec.index}{cond} LIMIT ?)",
                          [*args, WALK_ROWS]).fetchone()[0]
    return rows if walked < WALK_ROWS else None


def snippets(conn: sqlite3.Connection, kind: str, query: str, ids: list[int]) -> dict[int, str]:
    """A short passage of each item around the matched words; the matches
    are wrapped in MARK_OPEN ... MARK_CLOSE."""
    if not ids:
        return {}
    spec = SPECS[kind]
    rows = _run(
        conn,
        f"SELECT rowid, snippet({spec.fts}, -1, ?, ?, ?, ?) FROM {spec.fts} "
        f"WHERE {spec.fts} MATCH ? AND rowid IN ({_marks(ids)})",
        [MARK_OPEN, MARK_CLOSE, ELLIPSIS, spec.snippet_tokens, query, *ids],
    )
    return {r[0]: r[1] or "" for r in rows}


@dataclass
class Details:
    """What a result shows besides its snippet."""

    end_date: str | None = None
    speaker_id: int | None = None
    source_ids: tuple[int, ...] = ()
    source_title: str | None = None
    publisher: str | None = None


def details(conn: sqlite3.Connection, kind: str, ids: list[int]) -> dict[int, Details]:
    if not ids:
        return {}
    marks = _marks(ids)
    found: dict[int, Details] = {}
    if kind == "event":
        for event_id, end_date, cited in conn.execute(
            f"""SELECT e.id, e.end_date, (SELECT group_concat(source_id) FROM
                   (SELECT source_id FROM event_source WHERE event_id = e.id ORDER BY source_id))
                FROM event e WHERE e.id IN ({marks})""", ids):
            found[event_id] = Details(end_date=end_date,
                                      source_ids=tuple(int(s) for s in cited.split(",")) if cited else ())
    elif kind == "quote":
        for quote_id, speaker_id, source_id in conn.execute(
                f"SELECT id, speaker_id, source_id FROM quote WHERE id IN ({marks})", ids):
            found[quote_id] = Details(speaker_id=speaker_id, source_ids=(source_id,) if source_id else ())
    else:
        for source_id, publisher in conn.execute(f"SELECT id, publisher FROM source WHERE id IN ({marks})", ids):
            found[source_id] = Details(source_ids=(source_id,), publisher=publisher)
    return found


def source_titles(conn: sqlite3.Connection, ids) -> dict[int, str]:
    ids = sorted(set(ids))
    if not ids:
        return {}
    return dict(conn.execute(f"SELECT id, title FROM source WHERE id IN ({_marks(ids)})", ids).fetchall())
