"""The root command: global options and the command table.

Each command lives in its own module; `build(name)` imports only the module
a command line needs, so `brief add quote` does not pay for importing and
introspecting every other command. `app` (the whole tree) is built on
first use, for --help and for tests.
"""

from importlib import import_module
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import __version__
from .common import new_app

# command name -> (module under brief.cli, attribute, "command" or "group")
COMMANDS: dict[str, tuple[str, str, str]] = {
    "init": ("admin", "init", "command"),
    "info": ("admin", "info", "command"),
    "demo": ("admin", "demo", "command"),
    "add": ("add", "app", "group"),
    "source": ("listing", "list_sources", "command"),
    "event": ("listing", "list_events", "command"),
    "quote": ("listing", "list_quotes", "command"),
    "entity": ("listing", "list_entities", "command"),
    "show": ("items", "show", "command"),
    "edit": ("items", "edit_app", "group"),
    "rm": ("items", "rm", "command"),
    "import": ("transfer", "import_app", "group"),
    "export": ("transfer", "export_app", "group"),
    "ingest": ("ingest", "ingest", "command"),
    "dedupe": ("dedupe", "dedupe", "command"),
    "merge": ("merging", "merge", "command"),
    "merges": ("merging", "merges", "command"),
    "unmerge": ("merging", "unmerge", "command"),
    "check": ("maintenance", "check", "command"),
    "backup": ("maintenance", "backup", "command"),
    "search": ("search", "search", "command"),
    "timeline": ("search", "timeline", "command"),
}

HELP = (
    "brief: a research notebook for analysts. Keep events, quotes and graded sources in one "
    "SQLite file, find them again, and turn them into a memo.\n\n"
    "Example: brief add event \"ISIS seizes Mosul\" --date \"June 10, 2014\" --actor ISIS --place Mosul"
)


def _version(value: bool):
    if value:
        typer.echo(f"brief {__version__}")
        raise typer.Exit()


def root(
    ctx: typer.Context,
    db: Annotated[Optional[Path], typer.Option("--db", help="The notebook file (else $BRIEF_DB, else brief.db in the user data folder).")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
):
    ctx.obj = {"db": str(db) if db else None}


def build(only: str | None = None) -> typer.Typer:
    """The command tree: every command, or just the one named."""
    tree = new_app(HELP)
    tree.callback()(root)
    for name, (module, attribute, how) in COMMANDS.items():
        if only is not None and name != only:
            continue
        target = getattr(import_module(f"{__package__}.{module}"), attribute)
        if how == "group":
            tree.add_typer(target, name=name)
        else:
            tree.command(name)(target)
    return tree


def command_name(argv: list[str]) -> str | None:
    """The command a command line asks for, past the global options."""
    args = iter(argv)
    for arg in args:
        if arg == "--db":
            next(args, None)
        elif arg.startswith("-"):
            continue
        else:
            return arg if arg in COMMANDS else None
    return None


def __getattr__(name: str):
    if name == "app":
        globals()["app"] = built = build()
        return built
    raise AttributeError(name)
