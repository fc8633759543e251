"""brief ingest FILE...: read articles, propose quotes, events and names, keep what you accept."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Optional

import typer
from typing import Annotated

from .. import console
from ..errors import BadInput
from .common import AsOfOption, as_of_date, db_path, notebook, now

KEYS_HELP = "[a]ccept  [e]dit  [r]eject  [A]ccept all {kind}  [R]eject all {kind}  [q]uit"


def interactive() -> bool:
    """Whether a person can answer questions (stdin is a terminal)."""
    return sys.stdin.isatty()


def _read(paths: list[Path], *, title, publisher, date, url, as_of) -> list[tuple[Path, object]]:
    """Every file read and extracted before anything is written, so one bad
    file leaves the notebook as it was."""
    from ..dates import parse_date
    from ..ingest import extract, read_article

    given = None
    if date:
        given = parse_date(date, base=as_of or now().date())
    out = []
    for path in paths:
        text, fmt = read_article(path)
        x = extract(text, fmt=fmt, title=title, publisher=publisher, url=url,
                    as_of=as_of.isoformat() if as_of else None)
        found = x.article.published
        if given is not None and found != given.start:
            if found:
                console.notice(f"{path.name}: the text says it was published {found}; using --date {given.start}.")
            x = extract(text, fmt=fmt, title=title, publisher=publisher, url=url, published=given.start,
                        as_of=as_of.isoformat() if as_of else None)
        out.append((path, x))
    return out


def _ask_date(path: Path, text_args: dict):
    """A publication date for an article that has none: asked on a terminal,
    else a clear refusal."""
    from ..dates import parse_date
    from ..ingest import extract, read_article

    if not interactive():
        raise BadInput(f"{path} gives no publication date in its text; pass --date (for example --date 2024-11-08).")
    while True:
        answer = typer.prompt(f"Publication date of {path.name} (e.g. 2024-11-08)", err=True)
        try:
            parsed = parse_date(answer, base=now().date())
            break
        except BadInput as exc:
            console.error(exc.message)
    text, fmt = read_article(path)
    return extract(text, fmt=fmt, published=parsed.start, **text_args)


# --------------------------------------------------------------------------
# Review


class Quit(Exception):
    """The user stopped the review."""


NO_ANSWER = ("The review stopped without an answer on stdin; nothing was written for {name}. "
             "Pass --yes to accept the proposals, or --dry-run --json to see them.")


def _key(kind_plural: str, default: str) -> str:
    while True:
        answer = typer.prompt(KEYS_HELP.format(kind=kind_plural), default=default, err=True,
                              show_default=True).strip()
        if answer in ("a", "e", "r", "A", "R", "q"):
            return answer
        console.notice("Type a, e, r, A, R or q.")


def _show(text: str) -> None:
    sys.stderr.write(text.rstrip("\n") + "\n")


def _describe_quote(q, n: int, total: int, book) -> str:
    from ..ingest.apply import existing_entity

    lines = [f"\nQuote {n}/{total}{' (partial: a phrase inside the writer’s sentence)' if q.partial else ''}:",
             f"  “{q.text}”"]
    if q.speaker:
        if q.speaker_kind == "unnamed":
            lines.append(f"  speaker: {q.speaker} (unnamed; kept in words)")
        else:
            known = existing_entity(book, q.speaker, q.speaker_kind)
            lines.append(f"  speaker: {q.speaker} ({'#%d' % known if known else 'new'})")
    else:
        lines.append("  speaker: none found")
    if q.said_on:
        lines.append(f"  said on: {q.said_on}")
    return "\n".join(lines)


def _describe_event(e, n: int, total: int) -> str:
    span = f"{e.date} to {e.end}" if e.end else e.date
    lines = [f"\nEvent {n}/{total}: {span}  ('{e.date_text}')", f"  {e.summary}"]
    if e.actors:
        lines.append(f"  actors: {', '.join(e.actors)}")
    if e.place:
        lines.append(f"  place: {e.place}")
    return "\n".join(lines)


def _describe_entity(m, n: int, total: int, book) -> str:
    from ..ingest.apply import existing_entity, notebook_kind

    known = existing_entity(book, m.name, m.kind)
    where = f"matches #{known}" if known else "new"
    forms = f"; written as {', '.join(m.surface_forms)}" if m.surface_forms and m.surface_forms != [m.name] else ""
    return (f"\nName {n}/{total}: {m.name} ({notebook_kind(m.kind)}, {where}), "
            f"{m.mentions} mention(s){forms}")


def _review(items: list, *, plural: str, describe, default_of, edit, never_in_bulk=lambda item: False) -> list:
    """Ask about each item; returns the accepted ones (edited where asked).
    'A' accepts this item and the rest (but those never_in_bulk), 'R' rejects them."""
    kept = []
    bulk = None
    for n, item in enumerate(items, 1):
        if bulk is not None:
            if bulk == "A" and not never_in_bulk(item):
                kept.append(item)
            continue
        _show(describe(item, n, len(items)))
        key = _key(plural, default_of(item))
        if key == "q":
            raise Quit()
        if key in ("A", "R"):
            bulk = key
            if key == "A":
                kept.append(item)
            continue
        if key == "e":
            item = edit(item)
            if item is not None:
                kept.append(item)
        elif key == "a":
            kept.append(item)
    return kept


def _edit_quote(body: str, speaker_of):
    def edit(q):
        from dataclasses import replace

        text = typer.prompt("  text", default=q.text, err=True).strip()
        speaker = typer.prompt("  speaker (- for none)", default=q.speaker or "-", err=True).strip()
        if not text:
            console.notice("  An empty quote is dropped.")
            return None
        start, end = q.start, q.end
        if text != q.text:
            at = body.find(text)
            start, end = (at, at + len(text)) if at >= 0 else (q.start, q.start)
        if speaker in ("-", ""):
            return replace(q, text=text, start=start, end=end, speaker=None, speaker_kind=None, partial=False)
        kind = speaker_of(speaker, q)
        return replace(q, text=text, start=start, end=end, speaker=speaker, speaker_kind=kind, partial=False)
    return edit


def _edit_event(base: Optional[dt.date]):
    def edit(e):
        from dataclasses import replace

        from ..dates import parse_date

        while True:
            words = typer.prompt("  date words", default=e.date_text, err=True).strip()
            try:
                parsed = parse_date(words, base=base or now().date())
                break
            except BadInput as exc:
                console.error(exc.message)
        summary = typer.prompt("  summary", default=e.summary, err=True).strip()
        if not summary:
            console.notice("  An event without a summary is dropped.")
            return None
        return replace(e, date=parsed.start, end=parsed.end, date_text=parsed.text, summary=summary)
    return edit


def _edit_entity(m):
    from dataclasses import replace

    from ..ingest.apply import notebook_kind
    from ..notebook import check_kind

    name = typer.prompt("  name", default=m.name, err=True).strip()
    while True:
        try:
            kind = check_kind(typer.prompt("  kind (person, org, group, place)", default=notebook_kind(m.kind) or "person",
                                           err=True))
            break
        except BadInput as exc:
            console.error(exc.message)
    if not name:
        return None
    forms = m.surface_forms if name == m.name else [*m.surface_forms, name]
    return replace(m, name=name, kind=kind, surface_forms=forms)


def review(x, book, base: Optional[dt.date]):
    """The review on a terminal: quotes, then events, then names."""
    from ..ingest.apply import Selection, needed

    known_kinds = {m.name: m.kind for m in x.entities}

    def speaker_kind(name, q):
        return known_kinds.get(name) or ("person" if q.speaker_kind in (None, "unnamed") else q.speaker_kind)

    partial = sum(q.partial for q in x.quotes)
    _show(f"\n{x.article.title or 'Untitled'} ({x.article.published or 'no date'}): {len(x.quotes)} quotes "
          f"({partial} partial, rejected unless you accept them), {len(x.events)} events, "
          f"{len(x.entities)} names. Enter takes the default in brackets.")
    quotes = _review(x.quotes, plural="quotes", describe=lambda q, n, t: _describe_quote(q, n, t, book),
                     default_of=lambda q: "r" if q.partial else "a",
                     edit=_edit_quote(x.article.body, speaker_kind), never_in_bulk=lambda q: q.partial)
    events = _review(x.events, plural="events", describe=_describe_event, default_of=lambda e: "a",
                     edit=_edit_event(base))
    wanted = {m.name for m in needed(x, quotes, events)}
    names = needed(x, quotes, events) + [m for m in x.entities if m.name not in wanted]
    renamed: dict[str, str] = {}

    def edit_entity(m):
        edited = _edit_entity(m)
        if edited is not None and edited.name != m.name:
            renamed[m.name] = edited.name
        return edited

    entities = _review(names, plural="names", describe=lambda m, n, t: _describe_entity(m, n, t, book),
                       default_of=lambda m: "a" if m.name in wanted else "r", edit=edit_entity)
    return _follow_renames(Selection(quotes, events, entities), renamed)


def _follow_renames(chosen, renamed: dict[str, str]):
    """A speaker, actor or place renamed in review keeps its quotes and events."""
    from dataclasses import replace

    if not renamed:
        return chosen
    chosen.quotes = [replace(q, speaker=renamed.get(q.speaker, q.speaker)) for q in chosen.quotes]
    chosen.events = [replace(e, actors=[renamed.get(a, a) for a in e.actors], place=renamed.get(e.place, e.place))
                     for e in chosen.events]
    return chosen


# --------------------------------------------------------------------------
# The command


def ingest(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Articles: .txt, .md or .html files.", show_default=False)],
    title: Annotated[Optional[str], typer.Option(help="The headline, if the text's first line is not it.")] = None,
    publisher: Annotated[Optional[str], typer.Option(help="Who published it, if the text does not say.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Publication date, when the text has none (or to correct it).")] = None,
    url: Annotated[Optional[str], typer.Option(help="Where it can be read.")] = None,
    reliability: Annotated[Optional[str], typer.Option("--reliability", "-r", help="Admiralty grade A-F for the source.")] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="No review: keep every full quote, every event and the names they need.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be added; write nothing.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the proposals (--dry-run) or the new ids as JSON.")] = False,
    as_of: AsOfOption = None,
):
    """Read articles and keep their quotes (with speakers), dated events and names.

    Each candidate is shown for review: accept, edit or reject it, or accept
    or reject all of a kind. --yes accepts every full quote and every event.
    Each file is one transaction; the same text twice adds nothing.

    Example: brief ingest article.txt --reliability B
    """
    from ..ingest.apply import apply, default_selection, existing_source, proposal
    from ..notebook import check_reliability

    check_reliability(reliability)
    base = as_of_date(as_of)
    text_args = {"title": title, "publisher": publisher, "url": url, "as_of": base.isoformat() if base else None}
    read = _read(files, title=title, publisher=publisher, date=date, url=url, as_of=base)
    if dry_run:
        path = db_path(ctx)
        book_cm = notebook(ctx) if path.exists() else None
        objects = []
        if book_cm is None:
            objects = [proposal(x, None, file=str(p)) for p, x in read]
        else:
            with book_cm as book:
                objects = [proposal(x, book, file=str(p)) for p, x in read]
        if as_json:
            console.write(json.dumps(objects[0] if len(objects) == 1 else {"files": objects}, ensure_ascii=False, indent=2))
        else:
            for obj in objects:
                _print_summary(obj)
        return
    results = []
    with notebook(ctx, create=True) as book:
        for path, x in read:
            if x.article.published is None:
                try:
                    x = _ask_date(path, text_args)
                except typer.Abort:
                    raise BadInput(f"{path} gives no publication date in its text; pass --date.") from None
            existing = existing_source(book, x.article.content_hash)
            if existing is not None:
                book.notices.append(f"{path.name} is already source #{existing}; nothing was added.")
                results.append({"file": str(path), "source_id": existing, "duplicate": True,
                                "quotes": [], "events": [], "entities": []})
                continue
            for warning in x.warnings:
                book.notices.append(f"{path.name}: {warning}")
            if yes:
                chosen = default_selection(x)
            else:
                try:
                    chosen = review(x, book, base or _base_of(x))
                except typer.Abort:
                    sys.stderr.write("\n")  # end the unanswered question's line
                    raise BadInput(NO_ANSWER.format(name=path.name)) from None
                except Quit:
                    book.notices.append(f"Stopped; nothing was written for {path.name}"
                                   + (" or the files after it." if path != read[-1][0] else "."))
                    break
            written = apply(book, x, chosen, title=x.article.title or path.stem, reliability=reliability)
            results.append({"file": str(path), "duplicate": False, **written.to_dict()})
            book.notices.append(f"{path.name}: added source #{written.source_id} with {len(written.quotes)} quote(s), "
                           f"{len(written.events)} event(s) and {len(written.entities)} name(s).")
    if as_json:
        console.write(json.dumps(results[0] if len(results) == 1 else {"files": results}, indent=2))
    else:
        for r in results:
            console.write(str(r["source_id"]))


def _base_of(x) -> Optional[dt.date]:
    from ..dates import bounds

    return bounds(x.article.published)[1] if x.article.published else None


def _print_summary(obj: dict) -> None:
    s = obj["source"]
    lines = [f"{s['file']}: {s['title'] or 'untitled'} ({s['publisher'] or 'publisher unknown'}, "
             f"{s['published'] or 'no date'})"]
    if s["existing_id"]:
        lines.append(f"  already source #{s['existing_id']}; ingesting it would add nothing")
    for q in obj["quotes"]:
        mark = "partial " if q["partial"] else ""
        lines.append(f"  {mark}quote: “{q['text']}” — {q['speaker'] or 'no speaker'}")
    for e in obj["events"]:
        lines.append(f"  event: {e['date']} ('{e['date_text']}') {e['summary']}")
    for m in obj["entities"]:
        known = f" = #{m['existing_id']}" if m["existing_id"] else ""
        lines.append(f"  name: {m['name']} ({m['kind']}, {m['mentions']}){known}")
    for w in obj["warnings"]:
        lines.append(f"  note: {w}")
    console.write("\n".join(lines))
