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

# command name -> (module under brief.cli, attribute, "command" or "group", one line for --help)
COMMANDS: dict[str, tuple[str, str, str, str]] = {
    "init": ("admin", "init", "command", "Create an empty notebook and say where it is."),
    "info": ("admin", "info", "command", "Which notebook file, its schema version and counts."),
    "demo": ("admin", "demo", "command", "Build a notebook from the fixtures and print it."),
    "add": ("add", "app", "group", "Add a source, event, quote or entity."),
    "source": ("listing", "list_sources", "command", "List sources, newest first."),
    "event": ("listing", "list_events", "command", "List events, newest first."),
    "quote": ("listing", "list_quotes", "command", "List quotes, newest first."),
    "entity": ("listing", "list_entities", "command", "List people, organisations, groups and places."),
    "show": ("items", "show", "command", "Show everything about one item."),
    "edit": ("items", "edit_app", "group", "Change fields of a source, event, quote or entity."),
    "rm": ("items", "rm", "command", "Remove one item (asks first)."),
    "import": ("transfer", "import_app", "group", "Read items from JSON, CSV or CSL-JSON."),
    "export": ("transfer", "export_app", "group", "Write JSON, CSV, CSL-JSON or a Markdown memo."),
    "ingest": ("ingest", "ingest", "command", "Read articles: quotes, dated events, names."),
    "dedupe": ("dedupe", "dedupe", "command", "Find entities written several ways and merge them."),
    "merge": ("merging", "merge", "command", "Merge entities that are one (reversible)."),
    "merges": ("merging", "merges", "command", "List the merges, newest first."),
    "unmerge": ("merging", "unmerge", "command", "Undo a merge exactly."),
    "check": ("maintenance", "check", "command", "Check integrity, indexes and references."),
    "backup": ("maintenance", "backup", "command", "Copy the notebook safely, even while in use."),
    "search": ("search", "search", "command", "Find events, quotes and sources by words."),
    "timeline": ("search", "timeline", "command", "Events in date order, grouped by month or year."),
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


def build(only: str | None = None, sub: str | None = None) -> typer.Typer:
    """The command tree: every command, or just the one named (and, in a
    group, just its subcommand `sub` when the group has one of that name)."""
    tree = new_app(HELP)
    tree.callback()(root)
    for name, (module, attribute, how, summary) in COMMANDS.items():
        if only is not None and name != only:
            continue
        target = getattr(import_module(f"{__package__}.{module}"), attribute)
        if how == "group":
            chosen = [c for c in target.registered_commands if c.name == sub]
            if chosen:
                narrow = new_app(target.info.help)
                narrow.registered_commands = chosen
                target = narrow
            tree.add_typer(target, name=name, short_help=summary)
        else:
            tree.command(name, short_help=summary)(target)
    return tree


def _listed_only():
    """Stands in for a command in the root --help listing."""


def build_overview() -> typer.Typer:
    """The root --help: the command table's one-line summaries, without
    importing any command's module."""
    tree = new_app(HELP)
    tree.callback()(root)
    # Listed as the full tree lists them: commands first, then groups.
    for kind in ("command", "group"):
        for name, (_, _, how, summary) in COMMANDS.items():
            if how == kind:
                tree.command(name, short_help=summary, add_help_option=False)(_listed_only)
    return tree


def command_name(argv: list[str]) -> tuple[str | None, str | None]:
    """The command a command line asks for, past the global options, and
    the word after it (a group's subcommand)."""
    args = iter(argv)
    for arg in args:
        if arg == "--db":
            next(args, None)
        elif arg.startswith("-"):
            continue
        elif arg in COMMANDS:
            return arg, next(args, None)
        else:
            return None, None
    return None, None


def __getattr__(name: str):
    if name == "app":
        globals()["app"] = built = build()
        return built
    raise AttributeError(name)
