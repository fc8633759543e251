"""The listings: brief source, brief event, brief quote, brief entity."""


from typing import Optional

import typer
from typing import Annotated

from .common import AsOfOption, FormatOption, Format, JsonOption, LimitOption, as_of_date, emit_listing, notebook

SinceOption = Annotated[
    Optional[str],
    typer.Option("--since", help="From this day or period on, in any date words. A partly dated item counts when its period overlaps the range."),
]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="Up to the end of this day or period.")]
SourceOption = Annotated[Optional[int], typer.Option("--source", "-s", help="Only items citing this source id.")]
OneTag = Annotated[Optional[str], typer.Option("--tag", "-t", help="Only items with this tag.")]


def register(app: typer.Typer) -> None:
    app.command("source")(list_sources)
    app.command("event")(list_events)
    app.command("quote")(list_quotes)
    app.command("entity")(list_entities)


def list_sources(
    ctx: typer.Context,
    tag: OneTag = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 100,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
):
    """List sources, newest first.

    Example: brief source --since 2014 --format json
    """
    with notebook(ctx) as book:
        items = book.list_sources(tag=tag, since=since, until=until, limit=limit, as_of=as_of_date(as_of))
    emit_listing("sources", items, fmt, as_json)


def list_events(
    ctx: typer.Context,
    actor: Annotated[Optional[str], typer.Option("--actor", "-a", help="Only events with this actor (any of its names).")] = None,
    place: Annotated[Optional[str], typer.Option("--place", "-p", help="Only events at this place.")] = None,
    source: SourceOption = None,
    tag: OneTag = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 100,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
):
    """List events, newest first.

    Example: brief event --actor ISIS --since "June 2014"
    """
    with notebook(ctx) as book:
        items = book.list_events(actor=actor, place=place, source=source, tag=tag, since=since, until=until,
                                 limit=limit, as_of=as_of_date(as_of))
    emit_listing("events", items, fmt, as_json)


def list_quotes(
    ctx: typer.Context,
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Only quotes by this speaker (any of their names).")] = None,
    speaker_id: Annotated[Optional[int], typer.Option("--speaker-id", help="Only quotes by this entity id.")] = None,
    search: Annotated[Optional[str], typer.Option("--search", help="Only quotes containing these words (as in 'brief search').")] = None,
    source: SourceOption = None,
    tag: OneTag = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 100,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
):
    """List quotes, newest first.

    --speaker takes any name of the speaker: an exact alias first, then a looser
    match (Blinken finds Antony Blinken; Maliki, al-Maliki and Nouri al-Maliki
    find the same man), through merged entities. A name that fits several people
    is an error listing them with their ids; give a fuller name or --speaker-id.

    Example: brief quote --speaker Blinken --search deterrent --since 2021
    """
    with notebook(ctx) as book:
        items = book.list_quotes(speaker=speaker, speaker_id=speaker_id, source=source, tag=tag, since=since,
                                 until=until, limit=limit, as_of=as_of_date(as_of), search=search)
    emit_listing("quotes", items, fmt, as_json)


def list_entities(
    ctx: typer.Context,
    kind: Annotated[Optional[str], typer.Option("--kind", "-k", help="person, org, group or place.")] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="Only entities with an alias containing these words.")] = None,
    limit: LimitOption = 100,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
):
    """List people, organisations, groups and places by name, with their aliases.

    Example: brief entity --kind person
    """
    with notebook(ctx) as book:
        items = book.list_entities(kind=kind, name=name, limit=limit)
    emit_listing("entities", items, fmt, as_json)
