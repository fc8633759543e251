"""Searching a notebook: what a user types, as a safe FTS5 query, and the
results across events, quotes and sources, newest first.

Plain words by default. Every word becomes a quoted FTS5 phrase of its
letters and digits, so no text can be a syntax error: `al-Maliki's` looks
for "al maliki" (a possessive 's is dropped), `Kata'ib` for "kata ib", `AND`
for the word "and". Text between double quotes is one phrase; an unpaired
double quote is ignored. A word ending in `*` matches every word starting
with it (`drone*` finds drones). All words must appear (in any column of
the item). With raw=True the text is FTS5 query syntax, passed through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import BadInput
from .store import entities as ent
from .store import search as store

KINDS = ("event", "quote", "source")
# On the same date, events come before quotes, quotes before sources.
_KIND_RANK = {"event": 2, "quote": 1, "source": 0}
_TOKEN = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’‘`´]s$", re.IGNORECASE)
_QUOTES = '"“”„'


def _phrase(tokens: list[str], prefix: bool = False) -> str:
    return '"' + " ".join(tokens) + '"' + ("*" if prefix else "")


def _word_phrases(segment: str) -> list[str]:
    phrases = []
    for word in segment.split():
        prefix = word.endswith("*")
        word = _POSSESSIVE.sub("", word.rstrip("*"))
        tokens = _TOKEN.findall(word)
        if tokens:
            phrases.append(_phrase(tokens, prefix))
    return phrases


def fts_query(text: str) -> str:
    """The FTS5 query for plain words typed by a user; BadInput when the
    text has no letters or digits at all."""
    text = "".join(" " if (ch < " " or ch == "\x7f") else ch for ch in text or "")
    for q in _QUOTES[1:]:
        text = text.replace(q, '"')
    parts = text.split('"')
    if len(parts) % 2 == 0:  # an unpaired quote: read it as a space
        parts = [" ".join(parts)]
    phrases: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:  # inside quotes: one phrase
            tokens = [_POSSESSIVE.sub("", w) for w in part.split()]
            tokens = _TOKEN.findall(" ".join(tokens))
            if tokens:
                phrases.append(_phrase(tokens))
        else:
            phrases.extend(_word_phrases(part))
    if not phrases:
        shown = _printable(text.strip()[:40])
        raise BadInput(f"'{shown}' has no letters or digits to search for; give a word or a name."
                       if shown else "The search is empty; give a word or a name.")
    return " ".join(phrases)


@dataclass
class Hit:
    """One search result."""

    kind: str
    id: int
    date: str | None
    snippet: str  # matched words between store.MARK_OPEN and store.MARK_CLOSE
    end_date: str | None = None
    speaker_id: int | None = None
    speaker: str | None = None
    source_id: int | None = None
    source: str | None = None
    source_ids: tuple[int, ...] = ()

    def marked(self, open_mark: str = "«", close_mark: str = "»") -> str:
        """The snippet with its matches between the given marks."""
        return self.snippet.replace(store.MARK_OPEN, open_mark).replace(store.MARK_CLOSE, close_mark)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind, "id": self.id, "date": self.date, "end_date": self.end_date,
            "snippet": self.marked(), "speaker_id": self.speaker_id, "speaker": self.speaker,
            "source_id": self.source_id, "source": self.source, "source_ids": list(self.source_ids),
        }


def _printable(text: str) -> str:
    """Text safe to echo in a one-line message: control characters escaped."""
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)


def _sort_key(pair):
    kind, (item_id, date) = pair
    return (date or "", _KIND_RANK[kind], item_id)


def search(conn, text: str, *, kinds: tuple[str, ...] = KINDS, since: str | None = None, until: str | None = None,
           limit: int | None = 20, raw: bool = False) -> list[Hit]:
    """Items matching `text`, newest first by date (undated last; on one
    date events, then quotes, then sources; then the newest added)."""
    if raw:
        query = (text or "").replace("\x00", " ")
        if not query.strip():
            raise BadInput("The search is empty; give a word or an FTS5 query.")
    else:
        query = fts_query(text)
    found: list[tuple[str, tuple[int, str | None]]] = []
    errors: list[str] = []
    for kind in kinds:
        try:
            rows = store.matching(conn, kind, query, since=since, until=until, limit=limit)
        except store.QueryError as exc:
            if not raw:
                raise
            errors.append(str(exc))
            continue
        found.extend((kind, tuple(r)) for r in rows)
    if errors and len(errors) == len(kinds):
        raise BadInput(f"The search '{_printable(text.strip()[:60])}' is not valid FTS5 syntax "
                       f"({_printable(errors[0])}); leave out --fts to search for the words as typed.")
    found.sort(key=_sort_key, reverse=True)
    if limit is not None:
        found = found[:limit]
    return _hits(conn, query, found)


def _hits(conn, query: str, found) -> list[Hit]:
    by_kind: dict[str, list[int]] = {}
    for kind, (item_id, _) in found:
        by_kind.setdefault(kind, []).append(item_id)
    snippets = {k: store.snippets(conn, k, query, ids) for k, ids in by_kind.items()}
    extra = {k: store.details(conn, k, ids) for k, ids in by_kind.items()}
    titles = store.source_titles(conn, [s for d in extra.values() for x in d.values() for s in x.source_ids[:1]])
    cache: dict = {}
    hits = []
    for kind, (item_id, date) in found:
        more = extra[kind].get(item_id) or store.Details()
        speaker = ent.ref(conn, more.speaker_id, cache) if more.speaker_id else None
        first = more.source_ids[0] if more.source_ids else None
        hits.append(Hit(
            kind=kind, id=item_id, date=date, snippet=snippets[kind].get(item_id, ""), end_date=more.end_date,
            speaker_id=speaker.id if speaker else None, speaker=speaker.name if speaker else None,
            source_id=first, source=more.publisher if kind == "source" else titles.get(first),
            source_ids=more.source_ids,
        ))
    return hits
