"""The columns each listing shows, as flat rows of strings."""

from __future__ import annotations

from ..models import Entity, Event, Quote, Source

COLUMNS = {
    "sources": ["id", "published", "title", "publisher", "reliability", "tags"],
    "events": ["id", "date", "summary", "actors", "place", "sources", "credibility", "tags"],
    "quotes": ["id", "said_on", "speaker", "text", "source", "tags"],
    "entities": ["id", "name", "kind", "aliases", "quotes", "events"],
}


def _join(values) -> str:
    return "; ".join(str(v) for v in values)


def _text(value) -> str:
    return "" if value is None else str(value)


def date_span(start: str | None, end: str | None) -> str:
    if not start:
        return ""
    return f"{start}..{end}" if end and end != start else start


def flat(item) -> dict[str, str]:
    """One listing row of strings, keyed by the COLUMNS names."""
    if isinstance(item, Source):
        return {"id": str(item.id), "published": _text(item.published), "title": item.title,
                "publisher": _text(item.publisher), "reliability": _text(item.reliability), "tags": _join(item.tags)}
    if isinstance(item, Event):
        return {"id": str(item.id), "date": date_span(item.date, item.end_date), "summary": item.summary,
                "actors": _join(a.name for a in item.actors), "place": item.place.name if item.place else "",
                "sources": _join(f"#{c.source_id}" for c in item.sources), "credibility": _text(item.credibility),
                "tags": _join(item.tags)}
    if isinstance(item, Quote):
        return {"id": str(item.id), "said_on": _text(item.said_on), "speaker": item.speaker.name if item.speaker else "",
                "text": item.text, "source": f"#{item.source_id}" if item.source_id else "", "tags": _join(item.tags)}
    if isinstance(item, Entity):
        return {"id": str(item.id), "name": item.name, "kind": item.kind, "aliases": _join(item.aliases),
                "quotes": str(item.quotes), "events": str(item.events)}
    raise TypeError(type(item))


def fields(item) -> list[tuple[str, str]]:
    """Everything about one item, field by field, for `brief show`."""
    if isinstance(item, Source):
        out = [("source", f"#{item.id}"), ("title", item.title), ("publisher", _text(item.publisher)),
               ("author", _text(item.author)), ("url", _text(item.url)), ("published", _text(item.published)),
               ("reliability", _text(item.reliability)), ("accessed", _text(item.accessed)),
               ("notes", _text(item.notes)), ("tags", _join(item.tags))]
        if item.body:
            out.append(("body", f"{len(item.body)} characters, sha256 {item.content_hash[:12]}"))
    elif isinstance(item, Event):
        out = [("event", f"#{item.id}"), ("date", date_span(item.date, item.end_date)),
               ("date text", _text(item.date_text)), ("summary", item.summary), ("details", _text(item.details)),
               ("actors", _join(f"{a.name} (#{a.id})" for a in item.actors)),
               ("place", f"{item.place.name} (#{item.place.id})" if item.place else ""),
               ("credibility", _text(item.credibility)), ("tags", _join(item.tags))]
        for c in item.sources:
            grade = f", credibility {c.credibility}" if c.credibility else ""
            excerpt = f": \"{c.excerpt}\"" if c.excerpt else ""
            out.append(("source", f"#{c.source_id} {c.title}{grade}{excerpt}"))
    elif isinstance(item, Quote):
        offsets = f"{item.start_offset}-{item.end_offset}" if item.start_offset is not None else ""
        out = [("quote", f"#{item.id}"), ("text", item.text),
               ("speaker", f"{item.speaker.name} (#{item.speaker.id})" if item.speaker else ""),
               ("said on", _text(item.said_on)), ("date text", _text(item.date_text)),
               ("source", f"#{item.source_id} {item.source_title}" if item.source_id else ""),
               ("offsets", offsets), ("context", _text(item.context)), ("credibility", _text(item.credibility)),
               ("tags", _join(item.tags))]
    elif isinstance(item, Entity):
        out = [("entity", f"#{item.id}"), ("name", item.name), ("kind", item.kind), ("aliases", _join(item.aliases)),
               ("merged into", f"#{item.merged_into}" if item.merged_into else ""), ("notes", _text(item.notes)),
               ("quotes", str(item.quotes)), ("events", str(item.events))]
    else:
        raise TypeError(type(item))
    return [(k, v) for k, v in out if v]
