"""brief dedupe: review the entities that are probably one, and merge them."""

from typing import Annotated, Optional

import typer

from .. import console
from ..render.formats import to_json
from .common import JsonOption, notebook

KEYS = "[m]erge all  [c]anonical  [d]rop a member  [n]ot the same  [s]kip  [u]ndo  [q]uit"


def _show(index: int, total: int, proposal) -> None:
    lines = [f"\nCluster {index} of {total}  (score {proposal.score})"]
    for n, member in enumerate(proposal.members, 1):
        star = "*" if member.id == proposal.canonical else " "
        others = [a for a in member.aliases if a != member.name]
        lines.append(f" {star}{n}. {member.name} (#{member.id}, {member.kind}): {member.quotes} quotes, {member.events} events")
        if others:
            lines.append(f"      also: {'; '.join(others)}")
        if member.context:
            lines.append(f"      {member.context}")
    console.write("\n".join(lines))


def _ask(question: str, default: str) -> str:
    """One answer from the terminal; end of input or Ctrl-C means quit."""
    try:
        return typer.prompt(question, default=default, show_default=False).strip()
    except (typer.Abort, EOFError):
        return "q"


def _pick(proposal, question: str) -> Optional[int]:
    answer = _ask(question, "")
    if answer.isdigit() and 1 <= int(answer) <= len(proposal.members):
        return int(answer) - 1
    console.notice(f"Give a number from 1 to {len(proposal.members)}.")
    return None


def dedupe(
    ctx: typer.Context,
    kind: Annotated[Optional[str], typer.Option("--kind", "-k", help="Only person, org, group or place.")] = None,
    min_score: Annotated[int, typer.Option("--min-score", help="Propose clusters scoring at least this (0-100).")] = 85,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Merge every cluster at or above --min-score without asking.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only list the proposed clusters; change nothing.")] = False,
    as_json: JsonOption = False,
):
    """Find people, groups and places written several ways (Maliki,
    al-Maliki, Nouri al-Maliki) and merge them after review. Each cluster
    shows its members' aliases, counts and a line of context. Keys: m merge
    all, c choose the canonical name, d drop a member, n not the same
    (never proposed again), s skip, u undo the last decision, q quit
    (decisions so far are kept). Every merge can be undone with 'brief unmerge'.

    Example: brief dedupe --kind person --dry-run --json
    """
    from .. import deduping

    with notebook(ctx) as book:
        proposals = deduping.propose(book, kind=kind, min_score=min_score)
        if dry_run or as_json and not yes:
            if as_json:
                console.write(to_json({"clusters": [p.to_dict() for p in proposals]}))
            else:
                for i, p in enumerate(proposals, 1):
                    _show(i, len(proposals), deduping.describe(book, p))
            return
        if not proposals:
            console.notice("No clusters to review.")
            return
        if yes:
            merged = [deduping.merge_all(book, [m.id for m in p.members], p.canonical) for p in proposals]
            console.notice(f"Merged {len(merged)} clusters; 'brief merges' lists them.")
            if as_json:
                console.write(to_json({"clusters": [p.to_dict() for p in proposals],
                                       "merges": [d.merge_id for d in merged]}))
            return
        _review(book, proposals)


def _review(book, proposals) -> None:
    from .. import deduping

    history: list[tuple[int, object]] = []
    i = 0
    while True:
        if i >= len(proposals):
            if not history:
                break
            key = _ask("\nNo more clusters. [u]ndo the last decision  [q]uit", "q").lower()[:1]
            if key != "u":
                break
        else:
            proposal = deduping.describe(book, proposals[i])
            _show(i + 1, len(proposals), proposal)
            key = _ask(KEYS, "s").lower()[:1]
            ids = [m.id for m in proposal.members]
        if key == "m":
            decision = deduping.merge_all(book, ids, proposal.canonical)
            history.append((i, decision))
            console.notice(f"Merged into #{proposal.canonical} (merge #{decision.merge_id}).")
            i += 1
        elif key == "n":
            history.append((i, deduping.mark_not_same(book, ids)))
            console.notice("Marked as not the same; they will not be proposed together again.")
            i += 1
        elif key == "c":
            n = _pick(proposal, "Number of the name to keep")
            if n is not None:
                proposal.canonical = proposal.members[n].id
        elif key == "d":
            n = _pick(proposal, "Number of the member to drop")
            if n is not None:
                del proposal.members[n]
                if proposal.canonical not in [m.id for m in proposal.members] and proposal.members:
                    proposal.canonical = proposal.members[0].id
                if len(proposal.members) < 2:
                    console.notice("Fewer than two left; moving on.")
                    i += 1
        elif key == "u":
            if not history:
                console.notice("Nothing to undo.")
                continue
            i, decision = history.pop()
            deduping.undo(book, decision)
            console.notice("Undone.")
        elif key == "q":
            break
        elif key == "s":
            i += 1
        else:
            console.notice(KEYS)
    done = sum(1 for _, d in history if d.what == "merge")
    console.notice(f"{done} merges, {len(history) - done} 'not the same' decisions kept.")
