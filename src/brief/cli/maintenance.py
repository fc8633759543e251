"""brief check, brief backup"""

from pathlib import Path
from typing import Annotated

import typer

from .. import console
from ..render.formats import to_json
from .common import JsonOption, notebook


def check(
    ctx: typer.Context,
    repair: Annotated[bool, typer.Option("--repair", help="Rebuild the full-text indexes and recompute alias keys first.")] = False,
    as_json: JsonOption = False,
):
    """Check the notebook: SQLite integrity, full-text indexes, references
    (a quote whose speaker is gone), merge loops and alias keys. Exits 1
    when something is wrong.

    Example: brief check --json
    """
    from ..maintenance import check as run_check, repair as run_repair

    with notebook(ctx) as book:
        if repair:
            for line in run_repair(book):
                console.notice(line[0].upper() + line[1:] + ".")
        health = run_check(book)
    if as_json:
        console.write(to_json(health.to_dict()))
    else:
        console.write("\n".join(f"{'ok ' if f.ok else 'BAD'}  {f.check}" + (f": {f.detail}" if f.detail else "")
                                for f in health.findings))
    if not health.ok:
        console.notice("The notebook has problems; see above.")
        raise typer.Exit(1)


def backup(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Where to write the copy.")],
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
):
    """Copy the notebook to FILE through SQLite's backup API: a consistent
    copy even while other brief processes are writing.

    Example: brief backup ~/backups/iraq-2014-06-13.db
    """
    from ..maintenance import backup as run_backup

    with notebook(ctx) as book:
        written = run_backup(book, file, force=force)
    console.write(str(written))
    console.notice(f"Backed up {book.path} to {written}.")
