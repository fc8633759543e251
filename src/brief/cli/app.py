"""The root command: global options and the command groups."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from typing import Annotated

from .. import __version__
from . import add, admin, items, listing, transfer
from .common import new_app

app = new_app(
    "brief: a research notebook for analysts. Keep events, quotes and graded sources in one "
    "SQLite file, find them again, and turn them into a memo.\n\n"
    "Example: brief add event \"ISIS seizes Mosul\" --date \"June 10, 2014\" --actor ISIS --place Mosul"
)


def _version(value: bool):
    if value:
        typer.echo(f"brief {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[Optional[Path], typer.Option("--db", help="The notebook file (else $BRIEF_DB, else brief.db in the user data folder).")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
):
    ctx.obj = {"db": str(db) if db else None}


app.command("init")(admin.init)
app.command("info")(admin.info)
app.command("demo")(admin.demo)
app.add_typer(add.app, name="add")
listing.register(app)
app.command("show")(items.show)
app.add_typer(items.edit_app, name="edit")
app.command("rm")(items.rm)
app.add_typer(transfer.import_app, name="import")
app.add_typer(transfer.export_app, name="export")
