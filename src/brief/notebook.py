"""The use cases of a notebook: add, find, show, edit and remove.

A Notebook wraps one open connection and the moment the command runs
(`now`, passed in). Every write is one transaction. Messages the user
should see besides the result (how a date or a name was read) are
collected in `notices`; the CLI prints them on stderr.
"""

from __future__ import annotations

import datetime as dt

from dataclasses import dataclass
from pathlib import Path

from . import dates, names
from .errors import Ambiguous, BadInput, BriefError, Conflict, NotFound
from .models import KINDS, Citation, Entity, Event, Quote, Source
from .store import entities as ent
from .store import records
from .store.connection import guard, open_notebook, schema_version, transaction
from .store.records import Filter

ITEM_KINDS = ("source", "event", "quote", "entity")

# Words that mark a name as an organisation or an armed group rather than a
# person, when a new actor is created without a kind.
GROUP_WORDS = {
    "army", "brigade", "brigades", "militia", "militias", "front", "forces", "force", "movement",
    "hezbollah", "hizballah", "battalion", "battalions", "rebels", "insurgents", "taliban",
    "mobilization", "mobilisation", "guard", "guards", "jihad", "jihadists", "qaeda", "islamic",
}
ORG_WORDS = {
    "ministry", "department", "government", "council", "committee", "agency", "office", "party",
    "union", "organization", "organisation", "commission", "parliament", "congress", "senate",
    "administration", "pentagon", "command", "corps", "bank", "fund", "nations", "court",
    "university", "institute", "company", "times", "post", "news", "press", "reuters",
}


def guess_kind(name: str) -> str:
    """A kind for a new actor typed without one: acronyms and names with
    group words are groups, institutions are organisations, else a person."""
    words = [w.strip(".,'’").lower() for w in name.split()]
    letters = name.replace(".", "").replace("-", "").replace(" ", "")
    if letters.isalpha() and letters.isupper() and len(letters) >= 2:
        return "group"
    if any(w in GROUP_WORDS for w in words):
        return "group"
    if any(w in ORG_WORDS for w in words) or name.lower().startswith("the "):
        return "org"
    return "person"


def display_name(typed: str) -> str:
    """A typed name without a possessive or leading titles, as written
    otherwise: "Prime Minister Nouri al-Maliki's" -> "Nouri al-Maliki"."""
    import re

    name = re.sub(r"(?<=[^\W_])['’]s$", "", typed.strip()).strip()
    if not names.key(name):
        name = typed.strip()  # nothing but the possessive would be left
    words = name.split()
    whole = names.key(name)
    for start in range(len(words) - 1, 0, -1):
        if names.key(" ".join(words[start:])) == whole:
            return " ".join(words[start:])
    return name


@dataclass
class Counts:
    sources: int
    events: int
    quotes: int
    entities: int
    aliases: int
    tags: int
    merges: int


@dataclass
class Info:
    path: str
    schema_version: int
    counts: Counts


def has_text(value: str | None) -> bool:
    """Whether a text holds anything visible (not only spaces or control characters)."""
    return value is not None and any(ch.isprintable() and not ch.isspace() for ch in value)


def check_text(value: str | None, what: str) -> str:
    if not has_text(value):
        raise BadInput(f"The {what} is empty; give some text.")
    return value.strip()


def check_reliability(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    grade = value.strip().upper()
    if grade not in ("A", "B", "C", "D", "E", "F"):
        raise BadInput(f"Reliability must be one letter A-F (A completely reliable ... F cannot be judged), not '{value}'.")
    return grade


def check_credibility(value) -> int | None:
    if value is None or value == "":
        return None
    try:
        grade = int(str(value).strip())
    except ValueError:
        grade = 0
    if not 1 <= grade <= 6:
        raise BadInput(f"Credibility must be a number 1-6 (1 confirmed ... 6 cannot be judged), not '{value}'.")
    return grade


def check_kind(value: str) -> str:
    kind = (value or "").strip().lower()
    aliases = {"organisation": "org", "organization": "org", "people": "person", "location": "place"}
    kind = aliases.get(kind, kind)
    if kind not in KINDS:
        raise BadInput(f"Kind must be one of {', '.join(KINDS)}, not '{value}'.")
    return kind


def check_limit(value: int | None) -> int | None:
    if value is None:
        return None
    if value < 0:
        raise BadInput(f"--limit must be 0 (no limit) or more, not {value}.")
    return value or None


def read_text_file(path: str | Path, what: str = "file") -> str:
    """A UTF-8 text file's contents, or one clear BadInput."""
    p = Path(path)
    if not p.exists():
        raise BadInput(f"There is no {what} at {p}.")
    if p.is_dir():
        raise BadInput(f"{p} is a folder; give the path of a text file.")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise BadInput(f"Cannot read {p}: {exc.strerror}.") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{p} is not UTF-8 text (bad byte at position {exc.start}); convert it to UTF-8 first.") from exc


def content_hash(body: str) -> str:
    import hashlib

    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class Notebook:
    def __init__(self, conn, path: Path, now: dt.datetime):
        self.conn = conn
        self.path = Path(path)
        self.now = now
        self.notices: list[str] = []

    @classmethod
    def open(cls, path: str | Path, *, now: dt.datetime, create: bool = True, busy_timeout_ms: int | None = None) -> "Notebook":
        """Open the notebook file. A writer waits up to busy_timeout_ms for
        another writer to finish (default 10 s)."""
        extra = {} if busy_timeout_ms is None else {"busy_timeout_ms": busy_timeout_ms}
        return cls(open_notebook(Path(path), create=create, **extra), Path(path), now)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def transaction(self):
        return transaction(self.conn)

    def guard(self):
        return guard(self.path)

    # -- reading words ------------------------------------------------------

    def parse_date(self, text: str, *, as_of: dt.date | None = None, source_ids: list[int] = ()) -> dates.ParsedDate:
        """Read a date typed by the user. Relative words are read against
        --as-of, else the first cited source's publication date, else today,
        and a notice says which."""
        if as_of is not None:
            base, why = as_of, f"--as-of {as_of.isoformat()}"
        else:
            base, why = None, None
            for source_id in source_ids:
                row = self.conn.execute("SELECT published FROM source WHERE id = ?", (source_id,)).fetchone()
                if row and row[0]:
                    base = dates.bounds(row[0])[0]
                    why = f"source #{source_id}'s publication date {row[0]}"
                    break
            if base is None:
                base, why = self.now.date(), f"today ({self.now.date().isoformat()}); give --as-of to read it against another day"
        parsed = dates.parse_date(text, base=base)
        if parsed.relative:
            shown = parsed.start + (f" to {parsed.end}" if parsed.end else "")
            self.notices.append(f"Read '{parsed.text}' as {shown}, relative to {why}.")
        return parsed

    def date_range(self, since: str | None, until: str | None, as_of: dt.date | None = None) -> tuple[str | None, str | None]:
        """ISO day bounds for --since/--until typed in any date words."""
        base = as_of or self.now.date()
        a = dates.parse_date(since, base=base) if since else None
        b = dates.parse_date(until, base=base) if until else None
        lo, hi = dates.range_bounds(a, b)
        if lo and hi and lo > hi:
            raise BadInput(f"--since {since} is after --until {until}; nothing can match.")
        return lo, hi

    # -- names --------------------------------------------------------------

    def _explicit_id(self, name: str) -> int | None:
        text = name.strip()
        if text.startswith("#") and text[1:].isdigit():
            entity_id = int(text[1:])
            if not ent.exists(self.conn, entity_id):
                raise NotFound(f"There is no entity #{entity_id}; 'brief entity' lists them.")
            return ent.root(self.conn, entity_id)
        return None

    def _ambiguous(self, name: str, ids: list[int], option: str) -> Ambiguous:
        listed = [(i, ent.ref(self.conn, i).name) for i in ids]
        shown = "; ".join(f"#{i} {n}" for i, n in listed)
        return Ambiguous(
            f"'{name}' fits several entities ({shown}); give a fuller name or the id as {option} '#ID'.",
            listed,
        )

    def find_entity(self, name: str, *, kinds: tuple[str, ...] | None = None, option: str = "the name") -> int | None:
        """The root entity a typed name means, or None. Exact alias key first,
        then the transliteration-folded key, then a person's family name,
        then a close fuzzy match. Raises Ambiguous when several fit."""
        explicit = self._explicit_id(name)
        if explicit is not None:
            return explicit
        if not names.key(name):
            raise BadInput(f"The name '{name}' has no letters to match; give a name.")
        known = self._known(name, kinds=kinds, option=option, family_kinds=kinds)
        if known is not None:
            return known[0]
        close = self.close_matches(name, kinds)
        if len(close) == 1:
            return close[0][0]
        if len(close) > 1:
            raise self._ambiguous(name, [c[0] for c in close], option)
        return None

    def _known(self, name: str, *, kinds: tuple[str, ...] | None, option: str, match_kind: str | None = None,
               family: bool = True, family_kinds: tuple[str, ...] | None = None) -> tuple[int, str] | None:
        """The one root entity a name fits without fuzzy matching, and how
        ('key', 'match' or 'family'): exact alias key, then the
        transliteration-folded key, then (for one word, when `family`) a
        person's family name among family_kinds. Raises Ambiguous when
        several fit."""
        tries = [("key", names.key(name), kinds), ("match", names.match_key(name, match_kind), kinds)]
        surname = names.family_key(name, "person") if family else None
        if surname and len(names.match_key(name, None).split()) == 1:
            tries.append(("family", surname, family_kinds))
        for column, value, within in tries:
            found = ent.roots_where(self.conn, column, value, within)
            if len(found) > 1:
                raise self._ambiguous(name, found, option)
            if found:
                return found[0], column
        return None

    def close_matches(self, name: str, kinds: tuple[str, ...] | None = None, cutoff: int = 88) -> list[tuple[int, int]]:
        """Roots whose aliases look like `name` (fuzzy), best first: (id, score)."""
        from rapidfuzz import fuzz, process

        target = names.match_key(name, None)
        if not target:
            return []
        pairs = ent.all_alias_matches(self.conn)
        choices = [m for m, _ in pairs]
        scored: dict[int, int] = {}
        for _, score, index in process.extract(target, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=20):
            top = ent.root(self.conn, pairs[index][1])
            if kinds and ent.kind_of(self.conn, top) not in kinds:
                continue
            scored[top] = max(scored.get(top, 0), int(score))
        return sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))

    def entity_for(self, name: str, *, kind: str | None, option: str) -> int:
        """The entity a name on an add or edit means, creating it when the
        notebook does not know it yet (inside the caller's transaction)."""
        if not name or not name.strip():
            raise BadInput(f"{option} is empty; give a name.")
        name = name.strip()
        explicit = self._explicit_id(name)
        if explicit is not None:
            return explicit
        if not names.key(name):
            raise BadInput(f"{option} '{name}' has no letters; give a name.")
        known = self._known(name, kinds=None, option=option, match_kind=kind,
                            family=kind in (None, "person"), family_kinds=("person",))
        if known is not None:
            if known[1] != "key":
                self._read_as(name, known[0], option)
            return known[0]
        new_kind = kind or guess_kind(name)
        shown = display_name(name)
        entity_id = ent.insert_entity(self.conn, shown, new_kind, [name])
        close = [c for c in self.close_matches(name, None) if c[0] != entity_id]
        if close:
            similar = ", ".join(f"{ent.ref(self.conn, i).name} (#{i})" for i, _ in close[:3])
            self.notices.append(
                f"New {new_kind} '{shown}' (#{entity_id}) looks like {similar}; "
                f"'brief merge {entity_id} {close[0][0]}' joins them if they are one."
            )
        else:
            self.notices.append(f"New {new_kind} '{shown}' (#{entity_id}).")
        return entity_id

    def _read_as(self, name: str, entity_id: int, option: str) -> None:
        """A typed name matched an entity through a looser key: keep the
        form as one more alias, and say so."""
        ent.add_aliases(self.conn, entity_id, ent.kind_of(self.conn, entity_id), [name])
        self.notices.append(f"{option} '{name}' read as {ent.ref(self.conn, entity_id).name} (#{entity_id}); kept '{name}' as an alias.")

    def members_of(self, name: str | None, *, kinds: tuple[str, ...] | None, option: str) -> list[int] | None:
        """Entity ids (a root and everything merged into it) a filter means."""
        if name is None:
            return None
        if not name.strip():
            raise BadInput(f"{option} is empty; give a name.")
        found = self.find_entity(name, kinds=kinds, option=option)
        if found is None:
            raise NotFound(f"No entity in the notebook is called '{name.strip()}'; 'brief entity' lists them.")
        return ent.members(self.conn, found)

    # -- checks -------------------------------------------------------------

    def require_source(self, source_id: int) -> None:
        if not records.source_exists(self.conn, source_id):
            raise NotFound(f"There is no source #{source_id}; 'brief source' lists them.")

    def require(self, kind: str, item_id: int) -> None:
        table = {"source": "source", "event": "event", "quote": "quote", "entity": "entity"}[kind]
        if self.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (item_id,)).fetchone() is None:
            raise NotFound(f"There is no {kind} #{item_id}; 'brief {kind}' lists them.")

    # -- adding -------------------------------------------------------------

    def add_source(self, title: str, *, publisher=None, author=None, url=None, date=None, reliability=None,
                   body=None, accessed=None, notes=None, tags=(), as_of: dt.date | None = None) -> Source:
        values = {
            "title": check_text(title, "title"),
            "publisher": _blank_none(publisher),
            "author": _blank_none(author),
            "url": _blank_none(url),
            "reliability": check_reliability(reliability),
            "notes": _blank_none(notes),
        }
        if date:
            values["published"] = self.parse_date(date, as_of=as_of).covering()
        if accessed:
            values["accessed"] = self.parse_date(accessed, as_of=as_of).covering()
        if body is not None:
            if not body.strip():
                raise BadInput("The source body is empty; give a file with the article text.")
            values["body"] = body
            values["content_hash"] = content_hash(body)
            row = self.conn.execute("SELECT id FROM source WHERE content_hash = ?", (values["content_hash"],)).fetchone()
            if row:
                self.notices.append(f"This text is already source #{row[0]}; nothing was added.")
                return self.get_source(row[0])
        with self.transaction():
            source_id = records.insert_source(self.conn, values)
            records.set_tags(self.conn, "source", source_id, list(tags))
        return self.get_source(source_id)

    def add_entity(self, name: str, *, kind: str, aliases=(), notes=None) -> Entity:
        name = check_text(name, "name")
        kind = check_kind(kind)
        if not names.key(name):
            raise BadInput(f"The name '{name}' has no letters; give a name.")
        existing = ent.roots_where(self.conn, "key", names.key(name), (kind,))
        if existing:
            raise Conflict(
                f"The notebook already has {kind} '{ent.ref(self.conn, existing[0]).name}' (#{existing[0]}); "
                f"add the form as an alias with 'brief edit entity {existing[0]} --add-alias'."
            )
        with self.transaction():
            entity_id = ent.insert_entity(self.conn, name, kind, [a for a in aliases if a.strip()], _blank_none(notes))
        return self.get_entity(entity_id)

    def add_event(self, summary: str, *, date: str, end=None, actors=(), place=None, sources=(), credibility=None,
                  details=None, tags=(), as_of: dt.date | None = None) -> Event:
        summary = check_text(summary, "summary")
        credibility = check_credibility(credibility)
        source_ids = list(dict.fromkeys(sources))
        for source_id in source_ids:
            self.require_source(source_id)
        if not date or not date.strip():
            raise BadInput("An event needs --date (for example 2014-06-10, 'June 2014' or 'last month').")
        parsed = self.parse_date(date, as_of=as_of, source_ids=source_ids)
        end_date = parsed.end
        if end:
            until = self.parse_date(end, as_of=as_of, source_ids=source_ids)
            end_date = until.end or until.start
            if end_date < parsed.start:
                raise BadInput(f"--end {end} is before --date {date}.")
        with self.transaction():
            actor_ids = [self.entity_for(a, kind=None, option="--actor") for a in actors]
            place_id = self.entity_for(place, kind="place", option="--place") if place is not None else None
            event_id = records.insert_event(
                self.conn,
                {"date": parsed.start, "end_date": end_date, "date_text": parsed.text, "summary": summary,
                 "details": _blank_none(details), "place_id": place_id, "credibility": credibility},
                [(a, None) for a in dict.fromkeys(actor_ids)],
                [Citation(s, "") for s in source_ids],
            )
            records.set_tags(self.conn, "event", event_id, list(tags))
        return self.get_event(event_id)

    def add_quote(self, text: str, *, speaker: str | None = None, date=None, source=None, context=None,
                  credibility=None, tags=(), start=None, end=None, as_of: dt.date | None = None) -> Quote:
        text = check_text(text, "quote text")
        credibility = check_credibility(credibility)
        if source is not None:
            self.require_source(source)
        if speaker is not None and not speaker.strip():
            raise BadInput("--speaker is empty; give the speaker's name, or leave the option out.")
        values = {"text": text, "source_id": source, "context": _blank_none(context), "credibility": credibility,
                  "start_offset": start, "end_offset": end}
        if date:
            parsed = self.parse_date(date, as_of=as_of, source_ids=[source] if source else [])
            values["said_on"], values["date_text"] = parsed.covering(), parsed.text
        with self.transaction():
            if speaker is not None:
                values["speaker_id"] = self.entity_for(speaker, kind="person", option="--speaker")
            quote_id = records.insert_quote(self.conn, values)
            records.set_tags(self.conn, "quote", quote_id, list(tags))
        return self.get_quote(quote_id)

    # -- reading ------------------------------------------------------------

    def get_source(self, source_id: int, *, body: bool = False) -> Source:
        self.require("source", source_id)
        return records.load_sources(self.conn, [source_id], body=body)[0]

    def get_event(self, event_id: int) -> Event:
        self.require("event", event_id)
        return records.load_events(self.conn, [event_id])[0]

    def get_quote(self, quote_id: int) -> Quote:
        self.require("quote", quote_id)
        return records.load_quotes(self.conn, [quote_id])[0]

    def get_entity(self, entity_id: int) -> Entity:
        self.require("entity", entity_id)
        return ent.get(self.conn, entity_id)

    def _filter(self, *, source=None, tag=None, since=None, until=None, limit=None, as_of=None, newest_first=True) -> Filter:
        if source is not None:
            self.require_source(source)
        lo, hi = self.date_range(since, until, as_of)
        return Filter(source_id=source, tag=tag.strip() if tag else None, since=lo, until=hi,
                      limit=check_limit(limit), newest_first=newest_first)

    def list_sources(self, *, tag=None, since=None, until=None, limit=None, as_of=None) -> list[Source]:
        f = self._filter(tag=tag, since=since, until=until, limit=limit, as_of=as_of)
        return records.load_sources(self.conn, records.source_ids(self.conn, f))

    def list_events(self, *, actor=None, place=None, source=None, tag=None, since=None, until=None, limit=None,
                    as_of=None, newest_first=True) -> list[Event]:
        f = self._filter(source=source, tag=tag, since=since, until=until, limit=limit, as_of=as_of, newest_first=newest_first)
        f.entity_ids = self.members_of(actor, kinds=None, option="--actor") or []
        f.place_ids = self.members_of(place, kinds=None, option="--place") or []
        return records.load_events(self.conn, records.event_ids(self.conn, f))

    def list_quotes(self, *, speaker=None, speaker_id=None, source=None, tag=None, since=None, until=None, limit=None,
                    as_of=None, search=None) -> list[Quote]:
        """Quotes newest first. `speaker` is any name of the speaker (exact
        alias, then looser keys, then fuzzy, through merges); `search` plain
        words the quote's text or context must contain."""
        f = self._filter(source=source, tag=tag, since=since, until=until, limit=limit, as_of=as_of)
        if speaker_id is not None:
            self.require("entity", speaker_id)
            f.entity_ids = ent.members(self.conn, ent.root(self.conn, speaker_id))
        elif speaker is not None:
            try:
                f.entity_ids = self.members_of(speaker, kinds=None, option="--speaker")
            except Ambiguous as exc:
                shown = "; ".join(f"#{i} {n}" for i, n in exc.candidates)
                raise Ambiguous(f"'{speaker.strip()}' fits several people ({shown}); give a fuller name "
                                f"or --speaker-id ID.", exc.candidates) from exc
        if search is not None:
            from .search import fts_query

            f.match = fts_query(search)
        return records.load_quotes(self.conn, records.quote_ids(self.conn, f))

    def list_entities(self, *, kind=None, name=None, limit=None) -> list[Entity]:
        where = ["merged_into IS NULL"]
        args: list = []
        if kind:
            where.append("kind = ?")
            args.append(check_kind(kind))
        if name:
            key = names.key(name)
            where.append("id IN (SELECT entity_id FROM alias WHERE key LIKE ? ESCAPE '\\')")
            args.append("%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        sql = f"SELECT id FROM entity WHERE {' AND '.join(where)} ORDER BY name COLLATE NOCASE, id"
        limit = check_limit(limit)
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [ent.get(self.conn, r[0]) for r in self.conn.execute(sql, args)]

    def info(self) -> Info:
        c = self.conn
        counts = Counts(
            sources=records.count(c, "source"),
            events=records.count(c, "event"),
            quotes=records.count(c, "quote"),
            entities=c.execute("SELECT count(*) FROM entity WHERE merged_into IS NULL").fetchone()[0],
            aliases=records.count(c, "alias"),
            tags=records.count(c, "tag"),
            merges=records.count(c, "merge"),
        )
        return Info(str(self.path.resolve()), schema_version(c), counts)

    # -- editing ------------------------------------------------------------

    def edit_source(self, source_id: int, changes: dict, *, add_tags=(), remove_tags=(), as_of=None) -> Source:
        self.require("source", source_id)
        values = {}
        for field, value in changes.items():
            if value is None:
                continue
            if field == "title":
                values["title"] = check_text(value, "title")
            elif field == "reliability":
                values["reliability"] = check_reliability(value)
            elif field in ("published", "accessed"):
                values[field] = self.parse_date(value, as_of=as_of).covering() if value.strip() else None
            elif field == "body":
                if not value.strip():
                    raise BadInput("The source body is empty; give a file with the article text.")
                values["body"], values["content_hash"] = value, content_hash(value)
            else:
                values[field] = _blank_none(value)
        with self.transaction():
            self._update("source", source_id, values)
            records.set_tags(self.conn, "source", source_id, list(add_tags))
            records.remove_tags(self.conn, "source", source_id, list(remove_tags))
        return self.get_source(source_id)

    def edit_event(self, event_id: int, changes: dict, *, add_actors=(), remove_actors=(), add_sources=(),
                   remove_sources=(), add_tags=(), remove_tags=(), as_of=None) -> Event:
        self.require("event", event_id)
        for source_id in add_sources:
            self.require_source(source_id)
        cited = [c.source_id for c in self.get_event(event_id).sources] + list(add_sources)
        values = {}
        with self.transaction():
            for field, value in changes.items():
                if value is None:
                    continue
                if field == "summary":
                    values["summary"] = check_text(value, "summary")
                elif field == "date":
                    parsed = self.parse_date(value, as_of=as_of, source_ids=cited)
                    values.update(date=parsed.start, date_text=parsed.text)
                    if parsed.end and "end_date" not in changes:
                        values["end_date"] = parsed.end
                elif field == "end_date":
                    values["end_date"] = self.parse_date(value, as_of=as_of, source_ids=cited).start if value.strip() else None
                elif field == "credibility":
                    values["credibility"] = check_credibility(value)
                elif field == "place":
                    values["place_id"] = self.entity_for(value, kind="place", option="--place") if value.strip() else None
                else:
                    values[field] = _blank_none(value)
            self._update("event", event_id, values)
            start, end_date = self.conn.execute("SELECT date, end_date FROM event WHERE id = ?", (event_id,)).fetchone()
            if end_date and end_date < start:
                raise BadInput(f"The end date {end_date} is before the date {start}.")
            records.link_actors(self.conn, event_id, [(self.entity_for(a, kind=None, option="--add-actor"), None) for a in add_actors])
            for name in remove_actors:
                group = self.members_of(name, kinds=None, option="--remove-actor")
                self.conn.execute(
                    f"DELETE FROM event_actor WHERE event_id = ? AND entity_id IN ({','.join('?' * len(group))})",
                    (event_id, *group),
                )
            records.link_sources(self.conn, event_id, [Citation(s, "") for s in add_sources])
            for source_id in remove_sources:
                self.conn.execute("DELETE FROM event_source WHERE event_id = ? AND source_id = ?", (event_id, source_id))
            records.set_tags(self.conn, "event", event_id, list(add_tags))
            records.remove_tags(self.conn, "event", event_id, list(remove_tags))
        return self.get_event(event_id)

    def edit_quote(self, quote_id: int, changes: dict, *, add_tags=(), remove_tags=(), as_of=None) -> Quote:
        self.require("quote", quote_id)
        values = {}
        with self.transaction():
            for field, value in changes.items():
                if value is None:
                    continue
                if field == "text":
                    values["text"] = check_text(value, "quote text")
                elif field == "source_id":
                    self.require_source(value)
                    values["source_id"] = value
                elif field == "said_on":
                    if value.strip():
                        source = changes.get("source_id") or self.get_quote(quote_id).source_id
                        parsed = self.parse_date(value, as_of=as_of, source_ids=[source] if source else [])
                        values.update(said_on=parsed.covering(), date_text=parsed.text)
                    else:
                        values.update(said_on=None, date_text=None)
                elif field == "credibility":
                    values["credibility"] = check_credibility(value)
                elif field == "speaker":
                    values["speaker_id"] = self.entity_for(value, kind="person", option="--speaker") if value.strip() else None
                else:
                    values[field] = _blank_none(value)
            self._update("quote", quote_id, values)
            records.set_tags(self.conn, "quote", quote_id, list(add_tags))
            records.remove_tags(self.conn, "quote", quote_id, list(remove_tags))
        return self.get_quote(quote_id)

    def edit_entity(self, entity_id: int, *, name=None, kind=None, notes=None, add_aliases=(), remove_aliases=()) -> Entity:
        self.require("entity", entity_id)
        current = self.conn.execute("SELECT name, kind FROM entity WHERE id = ?", (entity_id,)).fetchone()
        values = {}
        if name is not None:
            values["name"] = check_text(name, "name")
        if kind is not None:
            values["kind"] = check_kind(kind)
        if notes is not None:
            values["notes"] = _blank_none(notes)
        new_kind = values.get("kind", current[1])
        with self.transaction():
            self._update("entity", entity_id, values)
            if "kind" in values and values["kind"] != current[1]:
                ent.rekey_aliases(self.conn, entity_id, new_kind)
            ent.add_aliases(self.conn, entity_id, new_kind, [values.get("name", current[0]), *add_aliases])
            for form in remove_aliases:
                if form.strip() == values.get("name", current[0]):
                    raise BadInput(f"'{form}' is the entity's name; rename it before removing that alias.")
                if not ent.remove_alias(self.conn, entity_id, form.strip()):
                    raise NotFound(f"Entity #{entity_id} has no alias '{form}'.")
        return self.get_entity(entity_id)

    def _update(self, table: str, item_id: int, values: dict) -> None:
        if values:
            sets = ", ".join(f"{column} = ?" for column in values)
            self.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), item_id))

    # -- removing -----------------------------------------------------------

    def blockers(self, kind: str, item_id: int) -> str | None:
        """Why an item cannot be removed, or None."""
        if kind == "source":
            events, quotes = records.citing(self.conn, item_id)
            parts = []
            if events:
                parts.append("events " + ", ".join(f"#{i}" for i in events[:20]))
            if quotes:
                parts.append("quotes " + ", ".join(f"#{i}" for i in quotes[:20]))
            if parts:
                return f"Source #{item_id} is still cited by {' and '.join(parts)}; remove those or cite another source first."
        if kind == "entity":
            c = self.conn
            uses = []
            quotes = [r[0] for r in c.execute("SELECT id FROM quote WHERE speaker_id = ? LIMIT 20", (item_id,))]
            events = [r[0] for r in c.execute(
                "SELECT id FROM event WHERE place_id = ? UNION SELECT event_id FROM event_actor WHERE entity_id = ? LIMIT 20",
                (item_id, item_id))]
            merged = c.execute(
                "SELECT count(*) FROM entity WHERE merged_into = ?", (item_id,)).fetchone()[0] + c.execute(
                "SELECT count(*) FROM merge_member WHERE entity_id = ?", (item_id,)).fetchone()[0] + c.execute(
                "SELECT count(*) FROM merge WHERE into_id = ?", (item_id,)).fetchone()[0]
            if quotes:
                uses.append("quotes " + ", ".join(f"#{i}" for i in quotes))
            if events:
                uses.append("events " + ", ".join(f"#{i}" for i in events))
            if merged:
                uses.append("the merge log")
            if uses:
                return f"Entity #{item_id} is still used by {' and '.join(uses)}; edit those first."
        return None

    def remove(self, kind: str, item_id: int) -> None:
        self.require(kind, item_id)
        reason = self.blockers(kind, item_id)
        if reason:
            raise Conflict(reason)
        with self.transaction():
            if kind == "entity":
                self.conn.execute("DELETE FROM judgement WHERE a = ? OR b = ?", (item_id, item_id))
            self.conn.execute(f"DELETE FROM {kind} WHERE id = ?", (item_id,))


def _blank_none(value):
    if value is None:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


def explain_error(exc, path) -> "BriefError":
    """An sqlite3 error about the notebook file, as a domain error."""
    from .store.connection import explain

    return explain(exc, path)
