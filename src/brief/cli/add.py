"""brief add source|event|quote|entity"""


from pathlib import Path
from typing import Optional

import typer
from typing import Annotated

from .. import console
from ..notebook import read_text_file
from .common import AsOfOption, TagOption, as_of_date, emit_item, new_app, notebook

app = new_app("Add a source, event, quote or entity to the notebook.")

JsonRow = Annotated[bool, typer.Option("--json", help="Print the whole new row as JSON, not just its id.")]


def _report(kind: str, item, as_json: bool) -> None:
    if as_json:
        emit_item(kind, item, True)
    else:
        console.write(str(item.id))
        console.notice(f"Added {kind} #{item.id}.")


@app.command("source")
def add_source(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="The article's headline.")],
    publisher: Annotated[Optional[str], typer.Option(help="Who published it.")] = None,
    author: Annotated[Optional[str], typer.Option(help="Who wrote it.")] = None,
    url: Annotated[Optional[str], typer.Option(help="Where it can be read.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Publication date, in any date words.")] = None,
    reliability: Annotated[Optional[str], typer.Option("--reliability", "-r", help="Admiralty grade A-F.")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="A UTF-8 text file holding the article's body.")] = None,
    accessed: Annotated[Optional[str], typer.Option(help="When you read it.")] = None,
    notes: Annotated[Optional[str], typer.Option(help="Free notes.")] = None,
    tag: TagOption = None,
    as_of: AsOfOption = None,
    as_json: JsonRow = False,
):
    """Add a source (an article), graded for reliability.

    Example: brief add source "Iraq Asks for U.S. Strikes" --publisher "New York Magazine" --date 2014-06-11 --reliability B --file article.txt
    """
    body = read_text_file(file, "body file") if file is not None else None
    with notebook(ctx, create=True) as book:
        item = book.add_source(title, publisher=publisher, author=author, url=url, date=date, reliability=reliability,
                               body=body, accessed=accessed, notes=notes, tags=tag or [], as_of=as_of_date(as_of))
    _report("source", item, as_json)


@app.command("event")
def add_event(
    ctx: typer.Context,
    summary: Annotated[str, typer.Argument(help="What happened, in one line.")],
    date: Annotated[str, typer.Option("--date", help="When: 2014-06-10, 'June 2014', 'mid-2014', 'last month'...")],
    end: Annotated[Optional[str], typer.Option("--end", help="Last day of a span.")] = None,
    actor: Annotated[Optional[list[str]], typer.Option("--actor", "-a", help="Who acted (repeatable).")] = None,
    place: Annotated[Optional[str], typer.Option("--place", "-p", help="Where.")] = None,
    source: Annotated[Optional[list[int]], typer.Option("--source", "-s", help="Id of a source reporting it (repeatable).")] = None,
    credibility: Annotated[Optional[int], typer.Option("--credibility", "-c", help="Admiralty grade 1-6.")] = None,
    details: Annotated[Optional[str], typer.Option(help="More words.")] = None,
    tag: TagOption = None,
    as_of: AsOfOption = None,
    as_json: JsonRow = False,
):
    """Add a dated event with its actors, place and sources.

    Relative dates are read against --as-of, else the first source's
    publication date, else today; the command says which it used.

    Example: brief add event "ISIS seizes Mosul" --date "June 10, 2014" --actor ISIS --place Mosul --source 1
    """
    with notebook(ctx, create=True) as book:
        item = book.add_event(summary, date=date, end=end, actors=actor or [], place=place, sources=source or [],
                              credibility=credibility, details=details, tags=tag or [], as_of=as_of_date(as_of))
    _report("event", item, as_json)


@app.command("quote")
def add_quote(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="The exact words.")],
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Who said it; matched to a known entity by its aliases.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="When it was said.")] = None,
    source: Annotated[Optional[int], typer.Option("--source", "-s", help="Id of the source that printed it.")] = None,
    context: Annotated[Optional[str], typer.Option(help="One line of context.")] = None,
    credibility: Annotated[Optional[int], typer.Option("--credibility", "-c", help="Admiralty grade 1-6.")] = None,
    tag: TagOption = None,
    as_of: AsOfOption = None,
    as_json: JsonRow = False,
):
    """Add a quote: who said what, where it was printed.

    Example: brief add quote "We took necessary, appropriate, deliberate action" --speaker "Antony Blinken" --source 3
    """
    with notebook(ctx, create=True) as book:
        item = book.add_quote(text, speaker=speaker, date=date, source=source, context=context,
                              credibility=credibility, tags=tag or [], as_of=as_of_date(as_of))
    _report("quote", item, as_json)


@app.command("entity")
def add_entity(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The display name.")],
    kind: Annotated[str, typer.Option("--kind", "-k", help="person, org, group or place.")],
    alias: Annotated[Optional[list[str]], typer.Option("--alias", help="Another form of the name (repeatable).")] = None,
    notes: Annotated[Optional[str], typer.Option(help="Free notes.")] = None,
    as_json: JsonRow = False,
):
    """Add a person, organisation, group or place with its other names.

    Example: brief add entity "Nouri al-Maliki" --kind person --alias "Nuri Kamal al-Maliki" --alias Maliki
    """
    with notebook(ctx, create=True) as book:
        item = book.add_entity(name, kind=kind, aliases=alias or [], notes=notes)
    _report("entity", item, as_json)
