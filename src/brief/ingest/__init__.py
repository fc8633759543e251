"""Article text -> a source, quotes with speakers, dated events and names.

Pure functions: nothing here touches the notebook. ``read_article`` reads a
file (refusing empty, binary, non-UTF-8 and oversized files with one
sentence), ``clean_body`` removes web clutter, and ``extract`` proposes the
candidates. Relative dates are read against the publication date: the one
given, else a timestamp or date line in the text; without either, events
and quote dates that need one are left out and ``Extraction.warnings`` says so.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field

from brief.dates import parse_date, parse_partial
from brief.errors import BadInput
from brief.ingest.events import base_date, date_of, find_expressions, resolve
from brief.ingest.mentions import Entity, find_mentions, fullest_name, group_entities
from brief.ingest.quotes import extract_quotes, find_raw_quotes
from brief.ingest.text import (
    MAX_ARTICLE_BYTES,
    clean_body,
    clean_lines,
    find_date_line,
    find_publisher,
    find_title,
    raw_lines,
    read_article,
    sentence_spans,
)

__all__ = [
    "Article",
    "EventCandidate",
    "Extraction",
    "MAX_ARTICLE_BYTES",
    "MentionCandidate",
    "QuoteCandidate",
    "clean_body",
    "extract",
    "read_article",
]

SUMMARY_LENGTH = 240


@dataclass
class QuoteCandidate:
    text: str
    speaker: str | None
    speaker_kind: str | None  # person, organization, group, place, unnamed
    said_on: str | None
    start: int  # body[start:end] == text
    end: int
    partial: bool  # a phrase quoted inside the writer's sentence
    context: str  # the sentence around it


@dataclass
class EventCandidate:
    date: str  # partial ISO
    end: str | None  # inclusive end of a span
    date_text: str  # the words the date came from
    summary: str
    start: int  # the sentence's offsets in the body
    end_offset: int
    actors: list[str] = field(default_factory=list)
    place: str | None = None


@dataclass
class MentionCandidate:
    name: str
    kind: str  # person, organization, group, place
    mentions: int
    surface_forms: list[str] = field(default_factory=list)


@dataclass
class Article:
    title: str | None
    published: str | None
    publisher: str | None
    url: str | None
    body: str
    content_hash: str


@dataclass
class Extraction:
    article: Article
    quotes: list[QuoteCandidate]
    events: list[EventCandidate]
    entities: list[MentionCandidate]
    warnings: list[str] = field(default_factory=list)


def _published_from(words: str | None) -> str | None:
    if not words:
        return None
    try:
        parsed = parse_date(words, base=datetime.date(2001, 6, 15))
    except BadInput:
        return None
    return None if parsed.relative else parsed.start


def _summary(sentence: str) -> str:
    text = " ".join(sentence.split())
    if len(text) <= SUMMARY_LENGTH:
        return text
    cut = text[:SUMMARY_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—–- ") + "…"


def _events(body: str, base, mentions, entities: list[Entity]) -> tuple[list[EventCandidate], int]:
    events: list[EventCandidate] = []
    unresolved = 0
    for s_start, s_end in sentence_spans(body):
        sentence = body[s_start:s_end]
        found = find_expressions(sentence)
        if not found:
            continue
        inside = [m for m in mentions if s_start <= m.start < s_end]
        actors: list[str] = []
        place = None
        for m in inside:
            name = fullest_name(m.name, entities) if m.kind == "person" else m.name
            if m.kind == "place":
                place = place or name
            elif name not in actors:
                actors.append(name)
        seen: set[str] = set()
        for _, _, words, kind in found:
            parsed = resolve(words, kind, sentence, base)
            if parsed is None:
                if base is None:
                    unresolved += 1
                continue
            key = (parsed.start, parsed.end)
            if key in seen:
                continue
            seen.add(key)
            events.append(EventCandidate(
                date=parsed.start, end=parsed.end, date_text=words, summary=_summary(sentence),
                start=s_start, end_offset=s_end, actors=list(actors), place=place))
    return events, unresolved


def extract(text: str, *, fmt: str = "txt", title: str | None = None,
            published: str | None = None, publisher: str | None = None,
            url: str | None = None, as_of: str | None = None) -> Extraction:
    """Propose a source, quotes, events and names for an article's text.

    Relative dates are read against ``as_of`` (a partial ISO date) when given,
    else against the publication date."""
    if fmt not in ("txt", "md", "html"):
        raise BadInput(f"Unknown article format '{fmt}'; use txt, md or html.")
    if not text or not text.strip():
        raise BadInput("The article is empty; there is nothing to read.")
    lines, meta = clean_lines(text, fmt)
    body = "\n\n".join(lines)
    if not body.strip():
        raise BadInput("The article has no text left once page clutter is removed.")
    raw = raw_lines(text, fmt)
    warnings: list[str] = []
    if published:
        published = parse_partial(published)
    else:
        line = find_date_line(raw)
        published = _published_from(meta.get("published")) or _published_from(line[1] if line else None)
    title = title or meta.get("title") or find_title(lines)
    publisher = publisher or meta.get("publisher") or find_publisher(raw)
    url = url or meta.get("url")
    content_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()
    article = Article(title, published, publisher, url, body, content_hash)

    base = base_date(parse_partial(as_of) if as_of else published)
    raw_quotes = find_raw_quotes(body)
    mentions = find_mentions(body, [(q.open_mark, q.close_mark) for q in raw_quotes])
    entities = group_entities(mentions)
    quotes = [
        QuoteCandidate(q["text"], q["speaker"], q["speaker_kind"], q["said_on"], q["start"],
                       q["end"], q["partial"], q["context"])
        for q in extract_quotes(body, mentions, entities, lambda clause: date_of(clause, base))
    ]
    events, unresolved = _events(body, base, mentions, entities)
    if base is None and unresolved:
        warnings.append(
            f"No publication date was given or found, so {unresolved} relative date(s) "
            "were not read; give the date to read them."
        )
    candidates = [
        MentionCandidate(e.name, e.kind, len(e.mentions), e.surface_forms) for e in entities
    ]
    return Extraction(article, quotes, events, candidates, warnings)
