"""brief search and brief timeline."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from .. import console
from .common import AsOfOption, Format, FormatOption, JsonOption, as_of_date, choose_format, notebook

DATE_RULE = ("Dates may be written in any date words ('2014-06-10', 'June 2014', 'last month' with --as-of). "
             "A partly dated item counts when its period overlaps the range: an event of 2014-06 is inside "
             "--since 2014-06-15.")
SinceOption = Annotated[Optional[str], typer.Option("--since", help="From this day or period on. " + DATE_RULE)]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="Up to the end of this day or period.")]


class Kind(str, Enum):
    event = "event"
    quote = "quote"
    source = "source"


class By(str, Enum):
    month = "month"
    year = "year"


def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to find (plain words; see --fts).", show_default=False)],
    kind: Annotated[Optional[list[Kind]], typer.Option("--kind", "-k", help="Only events, quotes or sources (repeatable).", case_sensitive=False)] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most N results (0: all).")] = 20,
    fts: Annotated[bool, typer.Option("--fts", help="Read TEXT as FTS5 query syntax (AND, OR, NOT, NEAR, \"phrases\", prefix*, column:word).")] = False,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
):
    """Find events, quotes and sources containing words.

    Results come newest first by date (an event's start date, the day a quote
    was said, a source's publication date); undated items come last; on the same
    date events come before quotes and quotes before sources, then the most
    recently added first. Each result shows its kind, id, date, a snippet with
    the matched words highlighted (between « and » outside a colour terminal
    and in JSON, CSV and Markdown) and its source.

    Every word must appear. Words are matched whole, ignoring case and accents
    (Qasim finds Qāsim); "two words" in double quotes must appear together;
    drone* finds every word starting with drone. Punctuation is ignored, so any
    text can be searched.

    Example: brief search "drone strike" --since 2020 --kind event
    """
    from ..notebook import check_limit
    from ..search import KINDS, search as run_search

    kinds = tuple(k.value for k in kind) if kind else KINDS
    kinds = tuple(k for k in KINDS if k in kinds)
    with notebook(ctx) as book:
        lo, hi = book.date_range(since, until, as_of_date(as_of))
        hits = run_search(book.conn, text, kinds=kinds, since=lo, until=hi, limit=check_limit(limit), raw=fts)
    _emit_hits(hits, choose_format(fmt, as_json))


def _emit(fmt: Format, writers: dict, nothing: str) -> None:
    """Write what `writers[format]` draws; a table of nothing is a notice."""
    if fmt is Format.table and nothing:
        console.notice(nothing)
        return
    sys.stdout.write(writers[fmt]())


def _emit_hits(hits: list, fmt: Format) -> None:
    from ..render import search as render
    from ..render.grid import use_colour

    writers = {Format.json: lambda: render.results_json(hits), Format.csv: lambda: render.results_csv(hits),
               Format.md: lambda: render.results_md(hits),
               Format.table: lambda: render.results_table(hits, colour=use_colour())}
    _emit(fmt, writers, "" if hits else "Nothing matches.")


def timeline(
    ctx: typer.Context,
    actor: Annotated[Optional[str], typer.Option("--actor", "-a", help="Only events with this actor (any of its names, or '#ID').")] = None,
    place: Annotated[Optional[str], typer.Option("--place", "-p", help="Only events at this place.")] = None,
    tag: Annotated[Optional[str], typer.Option("--tag", "-t", help="Only events with this tag.")] = None,
    source: Annotated[Optional[int], typer.Option("--source", "-s", help="Only events citing this source id.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    by: Annotated[By, typer.Option("--by", help="Group by month or year.", case_sensitive=False)] = By.month,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most N events, the oldest (0: all).")] = 500,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
):
    """Events in date order, oldest first, grouped by month or year.

    Dates are shown as precisely as they were written: '10 Jun 2014', 'Jun 2014',
    '2014'. An event known only to the year is listed at the head of its year,
    before the months. Names match as in 'brief event'.

    Example: brief timeline --actor ISIS --since 2014 --until 2015 --by month
    """
    from ..render import timeline as render

    with notebook(ctx) as book:
        events = book.list_events(actor=actor, place=place, source=source, tag=tag, since=since, until=until,
                                  limit=limit, as_of=as_of_date(as_of), newest_first=False)
    if limit and len(events) == limit:
        console.notice(f"Showing the first {limit} events; --limit 0 shows them all.")
    from ..render.grid import use_colour

    groups = render.group(events, by.value)
    writers = {Format.json: lambda: render.timeline_json(groups, by.value),
               Format.csv: lambda: render.timeline_csv(groups), Format.md: lambda: render.timeline_md(groups),
               Format.table: lambda: render.timeline_table(groups, colour=use_colour())}
    _emit(choose_format(fmt, as_json), writers, "" if events else "No events match.")
