"""brief init, brief info, brief demo"""


import json
import tempfile
from pathlib import Path
from typing import Optional

import typer
from typing import Annotated

from .. import console
from ..notebook import Notebook
from .common import JsonOption, db_path, notebook, now


def init(ctx: typer.Context):
    """Create an empty notebook (readable by its owner only) at --db, BRIEF_DB
    or the default place, and say where it is.

    Example: brief --db ~/iraq.db init
    """
    path = db_path(ctx)
    existed = path.exists()
    with notebook(ctx, create=True) as book:
        where = book.info().path
    console.write(where)
    console.notice(f"{'Notebook already exists' if existed else 'Created a new notebook'} at {where}.")


def info(ctx: typer.Context, as_json: JsonOption = False):
    """Say which notebook file is in use, its schema version and its counts.

    Example: brief info --json
    """
    with notebook(ctx) as book:
        facts = book.info()
    if as_json:
        from dataclasses import asdict

        from ..render.formats import to_json

        console.write(to_json({"info": asdict(facts)}))
        return
    counts = facts.counts
    lines = [
        f"notebook        {facts.path}",
        f"schema version  {facts.schema_version}",
        *(f"{name:<15} {getattr(counts, name)}" for name in ("sources", "events", "quotes", "entities", "aliases", "tags", "merges")),
    ]
    console.write("\n".join(lines))


def fixtures_dir() -> Path:
    """fixtures/ shipped inside the package, or at the root of a checkout."""
    from importlib import resources

    shipped = resources.files("brief").joinpath("fixtures")
    if shipped.joinpath("notebook.json").is_file():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[3] / "fixtures"


DEMO_TITLE = "Iraq, ISIS and U.S. strikes, 2007-2021"
DEMO_SUMMARY = (
    "ISIS's seizure of Mosul and Tikrit in June 2014 turned Baghdad's quiet requests for U.S. drones and "
    "air strikes into open pressure on Washington. From August 2014 a U.S.-led coalition struck ISIS on "
    "Iraq's behalf while Iranian-backed militias fought beside Iraqi forces. By 2021 those militias were "
    "attacking U.S. troops with drones and rockets, and U.S. strikes on them strained relations with Baghdad."
)


def demo(
    ctx: typer.Context,
    db: Annotated[Optional[Path], typer.Option("--db", help="Build the demo notebook here instead of a temporary file.")] = None,
):
    """Build a notebook from the fixtures (five articles on Iraq, ISIS and
    U.S. strikes), then print its timeline of events, its quotes and a
    Markdown memo of the whole notebook.

    Example: brief demo --db demo.db
    """
    from ..interchange import import_json
    from ..interchange.memo import memo_data
    from ..render.memo import render_memo
    from .common import Format, emit_listing

    path = db or ctx.find_root().obj.get("db")
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="brief-demo-")) / "demo.db"
    path = Path(path)
    data = json.loads((fixtures_dir() / "notebook.json").read_text(encoding="utf-8"))
    with Notebook.open(path, now=now(), create=True) as book:
        report = import_json(book, data)
        events = book.list_events(newest_first=False)
        quotes = book.list_quotes()
        memo = render_memo(memo_data(book, prepared=book.now.date(), title=DEMO_TITLE, summary=DEMO_SUMMARY))
    added = report.added
    console.notice(
        f"Demo notebook at {path}: {added['sources']} sources, {added['events']} events, "
        f"{added['quotes']} quotes, {added['entities']} entities. Explore it with: BRIEF_DB={path} brief quote --speaker Blinken"
    )
    emit_listing("events", events, Format.table, title="Timeline")
    emit_listing("quotes", quotes, Format.table, title="Quotes")
    console.notice(f"The memo ('BRIEF_DB={path} brief export md --out memo.md' writes it to a file):")
    console.write(memo)
