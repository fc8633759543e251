"""brief merge, brief merges, brief unmerge"""

from typing import Annotated, Optional

import typer

from .. import console
from ..render.formats import to_json
from .common import Format, FormatOption, JsonOption, LimitOption, choose_format, notebook


def _show(entries: list, fmt: Format, as_json: bool) -> None:
    fmt = choose_format(fmt, as_json)
    if fmt is Format.json:
        console.write(to_json({"merges": [m.to_dict() for m in entries]}))
        return
    rows = [(str(m.id), m.made, f"{m.name} (#{m.into_id})",
             "; ".join(f"{x['name']} (#{x['id']})" for x in m.members),
             m.previous_name if m.previous_name != m.name else "") for m in entries]
    headers = ("id", "made", "into", "merged", "renamed from")
    if fmt is Format.csv:
        import csv
        import sys

        writer = csv.writer(sys.stdout, lineterminator="\r\n")
        writer.writerows([headers, *rows])
    elif fmt is Format.md:
        from ..render.formats import md_cell

        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
        console.write("\n".join(lines))
    elif not rows:
        console.notice("No merges.")
    else:
        import sys

        from ..render.grid import Column, draw, use_colour

        columns = [Column(h, grow=h == "merged", most=40) for h in headers]
        sys.stdout.write(draw(columns, [list(r) for r in rows], colour=use_colour()))


def merge(
    ctx: typer.Context,
    ids: Annotated[list[int], typer.Argument(help="Ids of the entities that are one.")],
    into: Annotated[Optional[int], typer.Option("--into", help="The entity that survives (default: the first id).")] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="The survivor's display name, one of the names the entities carry.")] = None,
    as_json: JsonOption = False,
):
    """Merge entities that are one person, group or place. Nothing is
    deleted: quotes, events and aliases of every member are seen through the
    survivor, and 'brief unmerge' undoes it exactly.

    Example: brief merge 12 40 41 --into 12 --name "Nouri al-Maliki"
    """
    from ..merging import merge as do_merge

    with notebook(ctx) as book:
        entry = do_merge(book, ids, into=into, name=name)
    if as_json:
        console.write(to_json({"merge": entry.to_dict()}))
    else:
        console.write(str(entry.id))
        merged = ", ".join(f"{m['name']} (#{m['id']})" for m in entry.members)
        console.notice(f"Merged {merged} into {entry.name} (#{entry.into_id}) as merge #{entry.id}; 'brief unmerge {entry.id}' undoes it.")


def merges(ctx: typer.Context, limit: LimitOption = 100, fmt: FormatOption = Format.table, as_json: JsonOption = False):
    """List the merges, newest first.

    Example: brief merges --json
    """
    from ..merging import list_merges
    from ..notebook import check_limit

    with notebook(ctx) as book:
        entries = list_merges(book, check_limit(limit))
    _show(entries, fmt, as_json)


def unmerge(ctx: typer.Context, merge_id: Annotated[int, typer.Argument(help="The merge's id, from 'brief merges'.")]):
    """Undo a merge exactly: every member stands alone again with its own
    quotes, events and aliases, and the survivor gets its old name back.

    Example: brief unmerge 3
    """
    from ..merging import unmerge as undo

    with notebook(ctx) as book:
        entry = undo(book, merge_id)
    console.notice(f"Undid merge #{entry.id}: " + ", ".join(f"{m['name']} (#{m['id']})" for m in entry.members)
                   + f" stand apart from {entry.previous_name} (#{entry.into_id}) again.")
