"""Gathering a memo's material from the notebook: the events and quotes in
scope, the sources they cite and the actors they name.

Scope: --since, --until, --tag and --source narrow events and quotes alike;
--actor keeps the events that actor took part in and the quotes it said;
--place keeps the events at that place and the quotes from the sources
that report them; --speaker keeps that speaker's quotes and the events
reported by the sources they come from.
"""

from __future__ import annotations

import datetime as dt

from ..notebook import Notebook
from ..render.memo import ActorLine, MemoData
from ..store import records


def memo_data(book: Notebook, *, prepared: dt.date, title: str | None = None, summary: str | None = None,
              since: str | None = None, until: str | None = None, actor: str | None = None, place: str | None = None,
              speaker: str | None = None, tag: str | None = None, source: int | None = None) -> MemoData:
    """The material of a memo prepared on `prepared` (relative --since and
    --until words are read against that day)."""
    common = {"source": source, "tag": tag, "since": since, "until": until, "as_of": prepared}
    events = book.list_events(actor=actor, place=place, newest_first=False, **common)
    quotes = book.list_quotes(speaker=speaker or actor, **common)
    if actor and speaker:
        said_by = set(book.members_of(actor, kinds=None, option="--actor"))
        quotes = [q for q in quotes if q.speaker and q.speaker.id in said_by]
    if place and not speaker:
        reporting = {c.source_id for e in events for c in e.sources}
        quotes = [q for q in quotes if q.source_id in reporting]
    if speaker and not (actor or place):
        quoted_in = {q.source_id for q in quotes}
        events = [e for e in events if any(c.source_id in quoted_in for c in e.sources)]
    quotes.sort(key=lambda q: (q.said_on or "~", q.id))

    cited = {c.source_id for e in events for c in e.sources} | {q.source_id for q in quotes if q.source_id}
    sources = {s.id: s for s in records.load_sources(book.conn, sorted(cited))}

    actors: dict[int, ActorLine] = {}

    def line(ref) -> ActorLine:
        if ref.id not in actors:
            entity = book.get_entity(ref.id)
            actors[ref.id] = ActorLine(ref.id, entity.name, entity.kind, list(entity.aliases))
        return actors[ref.id]

    for e in events:
        for a in e.actors:
            line(a).events += 1
    for q in quotes:
        if q.speaker:
            line(q.speaker).quotes += 1

    lo, hi = book.date_range(since, until, prepared)
    scope = [f"{what} {value}" for what, value in (
        ("actor", actor), ("place", place), ("speaker", speaker), ("tag", tag),
        ("source", f"#{source}" if source is not None else None)) if value]
    return MemoData(title=title or "Memo", prepared=prepared.isoformat(), events=events, quotes=quotes,
                    sources=sources, actors=list(actors.values()), summary=summary, since=lo, until=hi, scope=scope)
