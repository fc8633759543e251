"""brief show / edit / rm KIND ID"""


from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from typing import Annotated

from .. import console
from ..notebook import read_text_file
from ..render.rows import fields
from .common import AsOfOption, JsonOption, as_of_date, emit_item, new_app, notebook


class Kind(str, Enum):
    source = "source"
    event = "event"
    quote = "quote"
    entity = "entity"


KindArg = Annotated[Kind, typer.Argument(help="source, event, quote or entity.", case_sensitive=False)]
IdArg = Annotated[int, typer.Argument(help="The item's id.")]
AddTag = Annotated[Optional[list[str]], typer.Option("--tag", "-t", help="Add a tag (repeatable).")]
RemoveTag = Annotated[Optional[list[str]], typer.Option("--untag", help="Remove a tag (repeatable).")]


def _load(book, kind: Kind, item_id: int):
    if kind is Kind.source:
        return book.get_source(item_id, body=False)
    return {Kind.event: book.get_event, Kind.quote: book.get_quote, Kind.entity: book.get_entity}[kind](item_id)


def show(
    ctx: typer.Context,
    kind: KindArg,
    item_id: IdArg,
    body: Annotated[bool, typer.Option("--body", help="For a source, print its full text too.")] = False,
    as_json: JsonOption = False,
):
    """Show everything about one item, with its sources and tags.

    Example: brief show event 3
    """
    with notebook(ctx) as book:
        item = book.get_source(item_id, body=body) if kind is Kind.source else _load(book, kind, item_id)
    if as_json:
        from ..render.formats import to_json

        data = item.to_dict(body=body) if kind is Kind.source else item.to_dict()
        console.write(to_json({kind.value: data}))
        return
    emit_item(kind.value, item, False, fields(item))
    if body and getattr(item, "body", None):
        console.write("\n" + item.body)


def rm(
    ctx: typer.Context,
    kind: KindArg,
    item_id: IdArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
):
    """Remove one item. Asks first; refuses to remove a source that events or
    quotes still cite, or an entity still in use.

    Example: brief rm quote 12 --yes
    """
    with notebook(ctx) as book:
        item = _load(book, kind, item_id)
        reason = book.blockers(kind.value, item_id)
        if reason is None and not yes:
            label = getattr(item, "summary", None) or getattr(item, "title", None) or getattr(item, "text", None) or item.name
            if not typer.confirm(f"Remove {kind.value} #{item_id} ({label[:60]})?", default=False):
                console.notice("Nothing removed.")
                raise typer.Exit(1)
        book.remove(kind.value, item_id)
    console.notice(f"Removed {kind.value} #{item_id}.")


edit_app = new_app("Change fields of a source, event, quote or entity. An empty value clears an optional field.")


def _done(kind: str, item, as_json: bool) -> None:
    if as_json:
        emit_item(kind, item, True)
    else:
        console.notice(f"Updated {kind} #{item.id}.")


@edit_app.command("source")
def edit_source(
    ctx: typer.Context,
    item_id: IdArg,
    title: Optional[str] = None,
    publisher: Optional[str] = None,
    author: Optional[str] = None,
    url: Optional[str] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Publication date.")] = None,
    reliability: Annotated[Optional[str], typer.Option("--reliability", "-r", help="A-F.")] = None,
    accessed: Optional[str] = None,
    notes: Optional[str] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="Replace the body with this UTF-8 file.")] = None,
    tag: AddTag = None,
    untag: RemoveTag = None,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
):
    """Change a source.

    Example: brief edit source 2 --reliability A --tag drones
    """
    body = read_text_file(file, "body file") if file is not None else None
    changes = dict(title=title, publisher=publisher, author=author, url=url, published=date,
                   reliability=reliability, accessed=accessed, notes=notes, body=body)
    with notebook(ctx) as book:
        item = book.edit_source(item_id, changes, add_tags=tag or [], remove_tags=untag or [], as_of=as_of_date(as_of))
    _done("source", item, as_json)


@edit_app.command("event")
def edit_event(
    ctx: typer.Context,
    item_id: IdArg,
    summary: Optional[str] = None,
    date: Annotated[Optional[str], typer.Option("--date")] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="Last day of a span ('' clears it).")] = None,
    details: Optional[str] = None,
    place: Annotated[Optional[str], typer.Option("--place", help="Where ('' clears it).")] = None,
    credibility: Annotated[Optional[str], typer.Option("--credibility", "-c", help="1-6 ('' clears it).")] = None,
    add_actor: Annotated[Optional[list[str]], typer.Option("--add-actor", help="Add an actor (repeatable).")] = None,
    remove_actor: Annotated[Optional[list[str]], typer.Option("--remove-actor", help="Remove an actor.")] = None,
    add_source: Annotated[Optional[list[int]], typer.Option("--add-source", help="Cite another source id.")] = None,
    remove_source: Annotated[Optional[list[int]], typer.Option("--remove-source", help="Stop citing a source id.")] = None,
    tag: AddTag = None,
    untag: RemoveTag = None,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
):
    """Change an event.

    Example: brief edit event 4 --date "June 10, 2014" --add-actor "Iraqi Army" --credibility 2
    """
    changes = dict(summary=summary, date=date, end_date=end, details=details, place=place, credibility=credibility)
    with notebook(ctx) as book:
        item = book.edit_event(item_id, changes, add_actors=add_actor or [], remove_actors=remove_actor or [],
                               add_sources=add_source or [], remove_sources=remove_source or [],
                               add_tags=tag or [], remove_tags=untag or [], as_of=as_of_date(as_of))
    _done("event", item, as_json)


@edit_app.command("quote")
def edit_quote(
    ctx: typer.Context,
    item_id: IdArg,
    text: Optional[str] = None,
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Who said it ('' clears it).")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="When it was said ('' clears it).")] = None,
    source: Annotated[Optional[int], typer.Option("--source", "-s")] = None,
    context: Optional[str] = None,
    credibility: Annotated[Optional[str], typer.Option("--credibility", "-c")] = None,
    tag: AddTag = None,
    untag: RemoveTag = None,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
):
    """Change a quote.

    Example: brief edit quote 7 --speaker "Antony Blinken" --date 2021-06-28
    """
    changes = dict(text=text, speaker=speaker, said_on=date, source_id=source, context=context, credibility=credibility)
    with notebook(ctx) as book:
        item = book.edit_quote(item_id, changes, add_tags=tag or [], remove_tags=untag or [], as_of=as_of_date(as_of))
    _done("quote", item, as_json)


@edit_app.command("entity")
def edit_entity(
    ctx: typer.Context,
    item_id: IdArg,
    name: Optional[str] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", "-k", help="person, org, group or place.")] = None,
    notes: Optional[str] = None,
    add_alias: Annotated[Optional[list[str]], typer.Option("--add-alias", help="Another form of the name.")] = None,
    remove_alias: Annotated[Optional[list[str]], typer.Option("--remove-alias", help="Forget a form of the name.")] = None,
    as_json: JsonOption = False,
):
    """Rename an entity, change its kind, or add and remove aliases.

    Example: brief edit entity 1 --add-alias "PM Maliki"
    """
    with notebook(ctx) as book:
        item = book.edit_entity(item_id, name=name, kind=kind, notes=notes, add_aliases=add_alias or [],
                                remove_aliases=remove_alias or [])
    _done("entity", item, as_json)
