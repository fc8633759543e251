"""Sources as CSL-JSON, the format Zotero (and pandoc's citeproc) read and write.

Out: one item per source, type article-newspaper, with title,
container-title (the publisher), author (split into given and family
names), URL, issued and accessed as date-parts of the stored precision,
tags as `keyword`, and the notes in `note` with the Admiralty reliability on
a last line "Reliability: B" (Zotero keeps `note` in its Extra field).

In: a Zotero CSL-JSON export (a list of items). title, container-title (or
publisher) as the publisher, author (joined "A and B", "A, B and C"), URL,
issued and accessed date-parts as partial dates, keyword as tags, and note
(with a "Reliability: X" line read back as the grade).
"""

from __future__ import annotations

import re

from .. import dates
from ..errors import BadInput
from ..notebook import Notebook
from ..store import records
from .importer import ImportReport, Progress, run_import

_RELIABILITY_LINE = re.compile(r"^Reliability: ([A-F])$", re.MULTILINE)


def _date_parts(partial: str | None) -> dict | None:
    if not partial:
        return None
    return {"date-parts": [[int(p) for p in partial.split("-")]]}


def _authors(author: str | None) -> list[dict] | None:
    if not author or not author.strip():
        return None
    people = []
    for name in re.split(r",\s*|\s+and\s+|\s*;\s*", author.strip()):
        words = name.split()
        if not words:
            continue
        if len(words) == 1:
            people.append({"literal": words[0]})
        else:
            people.append({"family": words[-1], "given": " ".join(words[:-1])})
    return people or None


def export_csl(book: Notebook) -> list[dict]:
    """Every source as a CSL-JSON item, in notebook order."""
    conn = book.conn
    ids = [r[0] for r in conn.execute("SELECT id FROM source ORDER BY id")]
    items = []
    for start in range(0, len(ids), 500):
        for s in records.load_sources(conn, ids[start:start + 500]):
            note = "\n".join(part for part in (s.notes, f"Reliability: {s.reliability}" if s.reliability else None) if part)
            item = {"id": f"source-{s.id}", "type": "article-newspaper", "title": s.title,
                    "container-title": s.publisher, "author": _authors(s.author), "URL": s.url,
                    "issued": _date_parts(s.published), "accessed": _date_parts(s.accessed),
                    "keyword": ", ".join(s.tags) or None, "note": note or None}
            items.append({k: v for k, v in item.items() if v is not None})
    return items


# -- import -------------------------------------------------------------------


def _fail(index: int, reason: str) -> BadInput:
    return BadInput(f"item {index + 1}: {reason}; nothing was imported.")


def _name(person, index: int) -> str:
    if not isinstance(person, dict):
        raise _fail(index, "each author must be an object with family and given names")
    if person.get("literal"):
        return str(person["literal"]).strip()
    parts = [person.get(k) for k in ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")]
    return " ".join(str(p).strip() for p in parts if p and str(p).strip())


def _joined(names: list[str]) -> str | None:
    names = [n for n in names if n]
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _csl_date(value, index: int, what: str, base) -> str | None:
    """A CSL date ({"date-parts": [[2014, 6, 11]]}, or raw / literal text) as a partial ISO date."""
    if value is None:
        return None
    if isinstance(value, str):
        value = {"raw": value}
    if not isinstance(value, dict):
        raise _fail(index, f"'{what}' must be a CSL date object")
    parts = value.get("date-parts")
    if parts:
        first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else None
        try:
            numbers = [int(str(p).strip()) for p in first[:3]] if first else None
        except ValueError:
            numbers = None
        if not numbers:
            raise _fail(index, f"'{what}' date-parts must be like [[2014, 6, 11]]")
        text = "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])
        try:
            return dates.parse_partial(text)
        except BadInput:
            raise _fail(index, f"'{what}' {text} is not a real date") from None
    words = value.get("raw") or value.get("literal")
    if not words:
        return None
    try:
        return dates.parse_date(str(words), base=base).covering()
    except BadInput:
        raise _fail(index, f"'{what}' {words!r} is not a date") from None


def csl_sources(items, base) -> list[dict]:
    """CSL-JSON items as interchange source records; `base` is the day
    relative date words are read against."""
    if isinstance(items, dict):
        items = items.get("items", [items])
    if not isinstance(items, list):
        raise BadInput("A CSL-JSON file holds a list of items; nothing was imported.")
    sources = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise _fail(index, "each item must be a JSON object")
        title = item.get("title")
        if not isinstance(title, str) or not title.strip():
            raise _fail(index, "'title' is missing or empty")
        authors = item.get("author") or []
        if not isinstance(authors, list):
            raise _fail(index, "'author' must be a list")
        note = item.get("note") if isinstance(item.get("note"), str) else None
        reliability = None
        if note:
            found = _RELIABILITY_LINE.search(note)
            if found:
                reliability = found.group(1)
                note = (note[:found.start()] + note[found.end():]).strip("\n") or None
        keywords = item.get("keyword")
        tags = [k.strip() for k in re.split(r"[,;]", keywords) if k.strip()] if isinstance(keywords, str) else []
        publisher = item.get("container-title") or item.get("publisher")
        record = {"id": index, "title": title.strip(),
                  "publisher": publisher.strip() if isinstance(publisher, str) and publisher.strip() else None,
                  "author": _joined([_name(p, index) for p in authors]),
                  "url": item.get("URL") if isinstance(item.get("URL"), str) and item.get("URL").strip() else None,
                  "published": _csl_date(item.get("issued"), index, "issued", base),
                  "accessed": _csl_date(item.get("accessed"), index, "accessed", base),
                  "reliability": reliability, "notes": note, "tags": tags}
        sources.append({k: v for k, v in record.items() if v is not None})
    return sources


def import_csl(book: Notebook, items, *, dry_run: bool = False, progress: Progress | None = None) -> ImportReport:
    """Read CSL-JSON items (a Zotero export) as sources, all or nothing."""
    data = {"sources": csl_sources(items, book.now.date())}
    return run_import(book, data, dry_run=dry_run, progress=progress,
                      labels=lambda section, i: f"item {i + 1}")
