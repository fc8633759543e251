"""brief import json|csv|csl FILE, brief export json|csv|csl|md"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer
from typing import Annotated

from .. import console
from ..errors import BadInput
from ..notebook import Notebook, read_text_file
from ..render.formats import to_json
from .common import as_of_date, db_path, new_app, notebook, now

import_app = new_app("Read items into the notebook from a file (JSON, CSV or CSL-JSON).")
export_app = new_app("Write the notebook, or part of it, to stdout or a file (JSON, CSV, CSL-JSON or a Markdown memo).")

FileArg = Annotated[Path, typer.Argument(help="The file to read.", show_default=False)]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Check the file and report what would change, writing nothing.")]
OutOption = Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file instead of stdout.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the --out file if it exists.")]

PROGRESS_FROM = 2000  # records; smaller files import too fast for a bar to help


# -- shared -------------------------------------------------------------------


def refuse_overwrite(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir() and not force:
        raise BadInput(f"{out} already exists; give --force to replace it, or another --out.")


def write_output(text: str, out: Optional[Path], force: bool) -> None:
    """Text to stdout, or to --out through a temporary file in the same
    folder and a rename, so a failed export never leaves half a file."""
    if out is None:
        sys.stdout.write(text)
        return
    out = out.expanduser()
    if out.is_dir():
        raise BadInput(f"{out} is a folder; give --out the path of a file.")
    refuse_overwrite(out, force)
    folder = out.resolve().parent
    if not folder.is_dir():
        raise BadInput(f"The folder {folder} does not exist; create it first or choose another --out.")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise BadInput(f"Cannot write in {folder}: {exc.strerror}.") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, out)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise BadInput(f"Cannot write {out}: {exc.strerror}; nothing was written.") from None
        raise
    console.notice(f"Wrote {out}.")


def export(ctx: typer.Context, produce, out: Optional[Path], force: bool) -> None:
    """Produce text from the notebook, then write it; --out is checked first
    so a refused overwrite costs nothing."""
    if out is not None:
        refuse_overwrite(out.expanduser(), force)
    with notebook(ctx) as book:
        text = produce(book)
    write_output(text, out, force)


def read_json(file: Path, what: str = "file"):
    text = read_text_file(file, what)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{file} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); nothing was imported.") from None


@contextmanager
def progress_bar(total: int, what: str) -> Iterator:
    """A callback advancing a bar on stderr, shown only on a terminal."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console.stderr_console(), transient=True) as bar:
        task = bar.add_task(what, total=total)
        pending = [0]

        def advance(n: int) -> None:
            pending[0] += n
            if pending[0] >= 500:
                bar.advance(task, pending[0])
                pending[0] = 0

        yield advance


@contextmanager
def import_target(ctx: typer.Context, dry_run: bool) -> Iterator[Notebook]:
    """The notebook to import into. A dry run against a notebook that does
    not exist yet checks against an empty one and creates nothing."""
    if dry_run and not db_path(ctx).exists():
        with tempfile.TemporaryDirectory(prefix="brief-dry-run-") as folder:
            with Notebook.open(Path(folder) / "empty.db", now=now(), create=True) as book:
                yield book
        return
    with notebook(ctx, create=not dry_run) as book:
        yield book


def report_import(report, dry_run: bool) -> None:
    console.notice(report.sentence(dry_run))
    for note in report.notes:
        console.notice(note)
    console.write(to_json(report.to_dict()))


# -- import -------------------------------------------------------------------


@import_app.command("json")
def import_json_command(ctx: typer.Context, file: FileArg, dry_run: DryRun = False):
    """Import an interchange file (sources, entities, events, quotes,
    judgements, merges). Records the notebook already holds are matched, not
    added twice. All or nothing: a bad record names its position and nothing
    is written. Prints what was added and matched as JSON.

    Example: brief import json fixtures/notebook.json --dry-run
    """
    from ..interchange import import_json, record_count

    data = read_json(file)
    with import_target(ctx, dry_run) as book, progress_bar(record_count(data), "Importing") as advance:
        report = import_json(book, data, dry_run=dry_run, progress=advance)
    report_import(report, dry_run)


@import_app.command("csv")
def import_csv_command(
    ctx: typer.Context,
    file: FileArg,
    kind: Annotated[str, typer.Option("--kind", help="What the rows are: events.")] = "events",
    mapping: Annotated[Optional[list[str]], typer.Option(
        "--map", help="Read a column into a field, as COLUMN=FIELD (repeatable). Fields: date, end_date, date_text, "
                      "precision, summary, details, actor, place, source, credibility, tag, ignore.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Read relative dates in the file against this day.")] = None,
    dry_run: DryRun = False,
):
    """Import a CSV table of events, one per row, matching columns by header
    name. ACLED-style files (event_date, actor1, actor2, location, notes,
    source, event_type) need no mapping; other names take --map. Cells with
    several actors, sources or tags separate them with ';'. All or nothing.

    Example: brief import csv acled.csv --kind events --map fatalities=details
    """
    from ..interchange.tables import IMPORT_KINDS, check_kind, import_csv, parse_mapping

    check_kind(kind, IMPORT_KINDS)
    columns = parse_mapping(mapping or [])
    text = read_text_file(file, "file")
    base = as_of_date(as_of)
    with import_target(ctx, dry_run) as book, progress_bar(2 * text.count("\n"), "Importing") as advance:
        report = import_csv(book, text, kind=kind, mapping=columns, dry_run=dry_run, progress=advance, base=base,
                            name=str(file))
    report_import(report, dry_run)


@import_app.command("csl")
def import_csl_command(ctx: typer.Context, file: FileArg, dry_run: DryRun = False):
    """Import sources from CSL-JSON (Zotero: File > Export Library >
    CSL JSON): title, container-title as publisher, authors, URL, issued
    and accessed dates. Sources already held (same URL) are matched.

    Example: brief import csl zotero-export.json
    """
    from ..interchange.csl import import_csl

    items = read_json(file)
    total = len(items) if isinstance(items, list) else 1
    with import_target(ctx, dry_run) as book, progress_bar(total, "Importing") as advance:
        report = import_csl(book, items, dry_run=dry_run, progress=advance)
    report_import(report, dry_run)


# -- export -------------------------------------------------------------------


@export_app.command("json")
def export_json_command(ctx: typer.Context, out: OutOption = None, force: ForceOption = False):
    """Write the whole notebook as one interchange JSON object (the format
    'brief import json' reads back).

    Example: brief export json --out notebook.json
    """
    from ..interchange import export_json

    export(ctx, lambda book: to_json(export_json(book)), out, force)


@export_app.command("csv")
def export_csv_command(
    ctx: typer.Context,
    kind: Annotated[str, typer.Option("--kind", help="Which table: events, quotes, sources or entities.")] = "events",
    out: OutOption = None,
    force: ForceOption = False,
):
    """Write one kind of item as a CSV table (header row, RFC 4180 quoting,
    UTF-8). Several values in a cell are separated by '; '.

    Example: brief export csv --kind quotes --out quotes.csv
    """
    from ..interchange.tables import EXPORT_KINDS, check_kind, export_csv

    kind = check_kind(kind, EXPORT_KINDS)
    export(ctx, lambda book: export_csv(book, kind), out, force)


@export_app.command("csl")
def export_csl_command(ctx: typer.Context, out: OutOption = None, force: ForceOption = False):
    """Write the sources as CSL-JSON, which Zotero imports (File > Import)
    and pandoc cites from.

    Example: brief export csl --out sources.json
    """
    from ..interchange.csl import export_csl

    export(ctx, lambda book: to_json(export_csl(book)), out, force)


@export_app.command("md")
def export_md_command(
    ctx: typer.Context,
    since: Annotated[Optional[str], typer.Option("--since", help="Only items on or after this date (any date words).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Only items on or before this date.")] = None,
    actor: Annotated[Optional[str], typer.Option("--actor", help="Only events with this actor, and quotes it said.")] = None,
    place: Annotated[Optional[str], typer.Option("--place", help="Only events at this place, and quotes from the sources reporting them.")] = None,
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Only quotes by this speaker, and the events their sources report.")] = None,
    tag: Annotated[Optional[str], typer.Option("--tag", "-t", help="Only items with this tag.")] = None,
    source: Annotated[Optional[int], typer.Option("--source", help="Only items citing this source id.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="The memo's title.")] = None,
    summary: Annotated[Optional[str], typer.Option("--summary", help="The bottom line, as text.")] = None,
    summary_file: Annotated[Optional[Path], typer.Option("--summary-file", help="The bottom line, from a text file.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="The prepared date (default today); relative --since/--until are read against it.")] = None,
    out: OutOption = None,
    force: ForceOption = False,
):
    """Write a Markdown memo: title, a line with the date, period and counts,
    the bottom line, a timeline table, key quotes by speaker, the actors, a
    key to the grades and the sources as footnotes. GitHub renders it;
    pandoc turns it into .docx or .pdf.

    Example: brief export md --since 2014 --title "Iraq and armed drones" --summary "..." --out memo.md
    """
    from ..interchange.memo import memo_data
    from ..render.memo import render_memo

    if summary is not None and summary_file is not None:
        raise BadInput("Give the bottom line as --summary or --summary-file, not both.")
    if summary_file is not None:
        summary = read_text_file(summary_file, "summary file")
    prepared = as_of_date(as_of) or now().date()
    export(ctx, lambda book: render_memo(memo_data(
        book, prepared=prepared, title=title, summary=summary, since=since, until=until, actor=actor, place=place,
        speaker=speaker, tag=tag, source=source)), out, force)
