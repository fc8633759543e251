"""What every command shares: the notebook from --db, output formats,
and the one place where domain errors become a sentence and an exit code."""


import datetime as dt
import os
import sqlite3
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Iterator, Optional

import typer
from typer.core import TyperGroup
from typing import Annotated

from .. import console
from ..errors import BriefError
from ..notebook import Notebook, explain_error


class BriefGroup(TyperGroup):
    """A command group that reports domain errors and usage mistakes as one
    sentence on stderr, with the documented exit code."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        from typer import _click

        try:
            result = super().main(args, prog_name or "brief", complete_var, standalone_mode=False, **extra)
        except _click.exceptions.NoArgsIsHelpError as exc:
            exc.show()
            sys.exit(2)
        except _click.exceptions.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "brief"
            message = " ".join(exc.format_message().split()).rstrip(".")
            console.error(f"{message}; see '{where} --help'.")
            sys.exit(2)
        except _click.exceptions.ClickException as exc:
            console.error(exc.format_message())
            sys.exit(exc.exit_code)
        except (typer.Abort, EOFError):
            console.error("Stopped; nothing more was done.")
            sys.exit(1)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BriefError as exc:
            console.error(exc.message)
            sys.exit(exc.exit_code)
        except sqlite3.Error as exc:
            error = explain_error(exc, ctx.obj.get("db") if isinstance(ctx.obj, dict) else "the notebook")
            console.error(error.message)
            sys.exit(error.exit_code)
        except UnicodeError:
            console.error("Some of the text given is not valid Unicode; check the terminal's encoding.")
            sys.exit(2)
        except OverflowError:
            console.error("A number given is too large; ids and limits fit in 64 bits.")
            sys.exit(2)


def new_app(help: str) -> typer.Typer:
    return typer.Typer(
        cls=BriefGroup, help=help, no_args_is_help=True, add_completion=False,
        pretty_exceptions_enable=False, rich_markup_mode=None,
    )


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output as a table (default), json, csv or md.", case_sensitive=False)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
AsOfOption = Annotated[
    Optional[str],
    typer.Option("--as-of", help="Read relative dates ('last month', 'Monday') against this day instead of the source's date or today."),
]
LimitOption = Annotated[Optional[int], typer.Option("--limit", "-n", help="Show at most N items (0: all).")]
TagOption = Annotated[Optional[list[str]], typer.Option("--tag", "-t", help="A tag (repeatable).")]


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("brief", appauthor=False)) / "brief.db"


def db_path(ctx: typer.Context) -> Path:
    root = ctx.find_root()
    given = (root.obj or {}).get("db")
    if given:
        return Path(given).expanduser()
    env = os.environ.get("BRIEF_DB")
    if env:
        return Path(env).expanduser()
    return default_db_path()


def now() -> dt.datetime:
    return dt.datetime.now()


@contextmanager
def notebook(ctx: typer.Context, *, create: bool = False) -> Iterator[Notebook]:
    """Open the notebook for one command; print its notices when done."""
    path = db_path(ctx)
    wait = os.environ.get("BRIEF_BUSY_TIMEOUT")
    book = Notebook.open(path, now=now(), create=create,
                         busy_timeout_ms=int(float(wait) * 1000) if wait and wait.replace(".", "", 1).isdigit() else None)
    try:
        with book.guard():
            yield book
    finally:
        for text in book.notices:
            console.notice(text)
        book.close()


def as_of_date(text: Optional[str]) -> Optional[dt.date]:
    """--as-of in any date words; relative words against today."""
    if not text:
        return None
    from .. import dates

    parsed = dates.parse_date(text, base=now().date())
    return dates.bounds(parsed.start)[0]


def choose_format(fmt: Format, as_json: bool) -> Format:
    return Format.json if as_json else fmt


def emit_listing(kind: str, items: list, fmt: Format, as_json: bool = False, title: str | None = None) -> None:
    from ..render import formats

    fmt = choose_format(fmt, as_json)
    if fmt is Format.json:
        console.write(formats.listing_json(kind, items))
    elif fmt is Format.csv:
        sys.stdout.write(formats.listing_csv(kind, items))
    elif fmt is Format.md:
        console.write(formats.listing_md(kind, items))
    else:
        from ..render.tables import listing_grid

        if not items:
            console.notice(f"No {kind} match.")
            return
        if title:
            console.write(title)
        sys.stdout.write(listing_grid(kind, items))


def emit_item(kind: str, item, as_json: bool, fields: list[tuple[str, str]] | None = None) -> None:
    """A single item: its JSON object under its kind, or a field table."""
    from ..render import formats

    if as_json:
        console.write(formats.to_json({kind: item.to_dict()}))
        return
    from ..render.tables import item_table

    console.stdout_console().print(item_table(fields or []))
