"""brief import json FILE, brief export json"""


import json
from pathlib import Path

import typer
from typing import Annotated

from .. import console
from ..errors import BadInput
from ..notebook import read_text_file
from ..render.formats import to_json
from .common import new_app, notebook

import_app = new_app("Read items into the notebook from a file.")
export_app = new_app("Write the notebook, or part of it, to stdout or a file.")

FileArg = Annotated[Path, typer.Argument(help="The file to read.")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Check the file and report, writing nothing.")]


@import_app.command("json")
def import_json_command(ctx: typer.Context, file: FileArg, dry_run: DryRun = False):
    """Import an interchange file (sources, entities, events, quotes). All or
    nothing: a bad record names its position and nothing is written.

    Example: brief import json fixtures/notebook.json
    """
    from ..interchange import import_json

    text = read_text_file(file, "file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{file} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); nothing was imported.") from None
    with notebook(ctx, create=not dry_run) as book:
        report = import_json(book, data, dry_run=dry_run)
    verb = "Would add" if dry_run else "Added"
    added = ", ".join(f"{n} {k}" for k, n in report.added.items())
    matched = ", ".join(f"{n} {k}" for k, n in report.matched.items() if n)
    console.notice(f"{verb} {added}" + (f"; matched existing {matched}" if matched else "") + ".")
    console.write(to_json(report.to_dict()))


@export_app.command("json")
def export_json_command(ctx: typer.Context):
    """Write the whole notebook as one interchange JSON object on stdout.

    Example: brief export json > notebook.json
    """
    from ..interchange import export_json

    with notebook(ctx) as book:
        data = export_json(book)
    console.write(to_json(data))
