"""Accepted ingest candidates, written into a notebook as one transaction.

The extraction modules beside this one are pure; this one is the use case
that stores what the user kept: the source (body, content hash), the
entities (matched to existing ones through their aliases, else created with
the kind the extractor proposed), the quotes (with their offsets into the
stored body) and the events (citing the source, keeping their date words).
``proposal`` gives the ``--dry-run --json`` object of DESIGN.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from brief.errors import Ambiguous, BadInput
from brief.ingest import EventCandidate, Extraction, MentionCandidate, QuoteCandidate
from brief.models import Citation
from brief.store import records

#: The extractor's kinds as the notebook's kinds; unnamed speakers have none.
KINDS = {"person": "person", "organization": "org", "org": "org", "group": "group", "place": "place"}


def notebook_kind(kind: str | None) -> str | None:
    return KINDS.get(kind or "")


@dataclass
class Selection:
    """What the review kept (candidates may have been edited)."""

    quotes: list[QuoteCandidate] = field(default_factory=list)
    events: list[EventCandidate] = field(default_factory=list)
    entities: list[MentionCandidate] = field(default_factory=list)


@dataclass
class Written:
    source_id: int
    quotes: list[int] = field(default_factory=list)
    events: list[int] = field(default_factory=list)
    entities: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"source_id": self.source_id, "quotes": self.quotes, "events": self.events,
                "entities": self.entities}


def existing_source(book, content_hash: str) -> int | None:
    """The source already holding this exact body, if any."""
    row = book.conn.execute("SELECT id FROM source WHERE content_hash = ?", (content_hash,)).fetchone()
    return row[0] if row else None


def existing_entity(book, name: str, kind: str | None) -> int | None:
    """The notebook entity a name means (through its aliases), or None when
    it knows none or several."""
    if book is None:
        return None
    wanted = notebook_kind(kind)
    try:
        return book.find_entity(name, kinds=(wanted,) if wanted else None)
    except (Ambiguous, BadInput):
        return None


def needed(x: Extraction, quotes: list[QuoteCandidate], events: list[EventCandidate]) -> list[MentionCandidate]:
    """The entities the chosen quotes and events name: speakers, actors, places."""
    by_name = {m.name: m for m in x.entities}
    out: dict[str, MentionCandidate] = {}

    def want(name: str | None, kind: str | None) -> None:
        if not name or notebook_kind(kind) is None and name not in by_name:
            return
        out.setdefault(name, by_name.get(name) or MentionCandidate(name, kind, 0, [name]))

    for q in quotes:
        want(q.speaker, q.speaker_kind)
    for e in events:
        for actor in e.actors:
            want(actor, by_name[actor].kind if actor in by_name else None)
        want(e.place, "place")
    return list(out.values())


def default_selection(x: Extraction) -> Selection:
    """What --yes keeps: every full (not partial) quote, every event, and
    the entities they name."""
    quotes = [q for q in x.quotes if not q.partial]
    return Selection(quotes, list(x.events), needed(x, quotes, x.events))


def proposal(x: Extraction, book=None, *, file: str | None = None) -> dict:
    """The --dry-run --json object: source, quotes, events, entities, with the
    existing notebook ids of the source and names when a notebook is given."""
    a = x.article
    source = {"title": a.title, "publisher": a.publisher, "published": a.published, "url": a.url,
              "content_hash": a.content_hash, "file": file,
              "existing_id": existing_source(book, a.content_hash) if book is not None else None}
    quotes = [{"text": q.text, "speaker": q.speaker, "said_on": q.said_on,
               "speaker_kind": notebook_kind(q.speaker_kind) or q.speaker_kind, "partial": q.partial,
               "start": q.start, "end": q.end, "context": q.context}
              for q in x.quotes]
    events = [{"date": e.date, "end_date": e.end, "date_text": e.date_text, "summary": e.summary,
               "actors": e.actors, "place": e.place, "start": e.start, "end": e.end_offset}
              for e in x.events]
    entities = [{"name": m.name, "kind": notebook_kind(m.kind), "mentions": m.mentions,
                 "surface_forms": m.surface_forms, "existing_id": existing_entity(book, m.name, m.kind)}
                for m in x.entities]
    return {"source": source, "quotes": quotes, "events": events, "entities": entities,
            "warnings": x.warnings}


def apply(book, x: Extraction, chosen: Selection, *, title: str, reliability: str | None = None) -> Written:
    """Store the source and what was chosen, in one transaction."""
    a = x.article
    with book.transaction():
        source = book.add_source(title, publisher=a.publisher, url=a.url, date=a.published,
                                 reliability=reliability, body=a.body)
        written = Written(source.id)
        ids: dict[str, int] = {}
        for m in chosen.entities:
            entity_id = _entity(book, m.name, m.kind, m.surface_forms)
            if entity_id is not None:
                ids[m.name] = entity_id
                if entity_id not in written.entities:
                    written.entities.append(entity_id)
        for q in chosen.quotes:
            written.quotes.append(_quote(book, a.body, q, source.id, ids))
        for e in chosen.events:
            written.events.append(_event(book, a.body, e, source.id, ids))
    return written


def _entity(book, name: str, kind: str | None, forms: list[str]) -> int | None:
    try:
        entity_id = book.entity_for(name, kind=notebook_kind(kind), option="The name")
    except Ambiguous as exc:
        book.notices.append(f"{exc.message} It was not linked; link it later with 'brief edit'.")
        return None
    extra = [f for f in forms if f != name]
    if extra:
        book.edit_entity(entity_id, add_aliases=extra)
    return entity_id


def _quote(book, body: str, q: QuoteCandidate, source_id: int, ids: dict[str, int]) -> int:
    text = q.text.strip()
    if not text:
        raise BadInput("A quote's text is empty; give some text or reject it.")
    start, end = (q.start, q.end) if body[q.start:q.end] == q.text else _locate(body, text)
    context = q.context or None
    speaker_id = ids.get(q.speaker) if q.speaker else None
    if q.speaker and speaker_id is None:
        # An unnamed speaker ('a senior port engineer'), or a name left out:
        # kept in words, in the context.
        context = f"Speaker: {q.speaker}. {context or ''}".strip()
    values = {"text": text, "speaker_id": speaker_id, "said_on": q.said_on,
              "date_text": q.said_on, "source_id": source_id, "start_offset": start,
              "end_offset": end, "context": context}
    return records.insert_quote(book.conn, values)


def _locate(body: str, text: str) -> tuple[int | None, int | None]:
    at = body.find(text)
    return (at, at + len(text)) if at >= 0 else (None, None)


def _event(book, body: str, e: EventCandidate, source_id: int, ids: dict[str, int]) -> int:
    if not e.summary.strip():
        raise BadInput("An event's summary is empty; give one or reject it.")
    actors = [(ids[a], None) for a in dict.fromkeys(e.actors) if a in ids]
    place_id = ids.get(e.place) if e.place else None
    sentence = " ".join(body[e.start:e.end_offset].split())
    excerpt = sentence if sentence and sentence != e.summary.strip() else None  # a shortened summary
    values = {"date": e.date, "end_date": e.end, "date_text": e.date_text, "summary": e.summary.strip(),
              "place_id": place_id}
    return records.insert_event(book.conn, values, [a for a in actors if a[0] != place_id],
                                [Citation(source_id, "", excerpt=excerpt)])
