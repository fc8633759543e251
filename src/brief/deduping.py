"""The dedupe use case: propose clusters from the notebook, and record an
analyst's decisions (merge, "not the same") so each can be undone."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import BadInput
from .merging import merge, unmerge
from .notebook import Notebook, check_kind

DEFAULT_MIN_SCORE = 85


@dataclass
class Member:
    id: int
    name: str
    kind: str
    aliases: list[str]
    quotes: int = 0
    events: int = 0
    context: str = ""

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "kind": self.kind}


@dataclass
class Proposal:
    canonical: int
    score: int
    members: list[Member] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"canonical": self.canonical, "score": self.score, "entities": [m.to_dict() for m in self.members]}


def candidates(book: Notebook):
    """Every root entity with the aliases of everything merged into it."""
    from .dedupe import Candidate

    conn = book.conn
    parent = dict(conn.execute("SELECT id, merged_into FROM entity"))
    info = {i: (n, k) for i, n, k in conn.execute("SELECT id, name, kind FROM entity")}

    def root(entity_id: int) -> int:
        seen = set()
        while parent.get(entity_id) is not None and entity_id not in seen:
            seen.add(entity_id)
            entity_id = parent[entity_id]
        return entity_id

    forms: dict[int, list[str]] = {}
    for entity_id, alias in conn.execute("SELECT entity_id, name FROM alias ORDER BY id"):
        top = root(entity_id)
        if alias not in forms.setdefault(top, []):
            forms[top].append(alias)
    return [Candidate(i, info[i][0], info[i][1], forms.get(i, [])) for i in sorted(info) if parent[i] is None]


def not_same_pairs(book: Notebook) -> set[frozenset[int]]:
    return {frozenset(r) for r in book.conn.execute("SELECT a, b FROM judgement WHERE verdict = 'not_same'")}


def propose(book: Notebook, *, kind: str | None = None, min_score: int = DEFAULT_MIN_SCORE) -> list[Proposal]:
    from .dedupe import find_clusters

    if not 0 <= min_score <= 100:
        raise BadInput(f"--min-score must be between 0 and 100, not {min_score}.")
    kinds = {check_kind(kind)} if kind else None
    entities = candidates(book)
    by_id = {e.id: e for e in entities}
    clusters = find_clusters(entities, not_same=not_same_pairs(book), min_score=min_score, kinds=kinds)
    return [Proposal(c.canonical, c.score,
                     [Member(i, by_id[i].name, by_id[i].kind, by_id[i].aliases) for i in c.members])
            for c in clusters]


def describe(book: Notebook, proposal: Proposal) -> Proposal:
    """Fill in each member's counts and one line of context (its latest
    quote or event), for the review."""
    conn = book.conn
    for member in proposal.members:
        entity = book.get_entity(member.id)
        member.quotes, member.events = entity.quotes, entity.events
        row = conn.execute(
            "SELECT '\u201c' || text || '\u201d' FROM quote WHERE speaker_id = ? ORDER BY id DESC LIMIT 1", (member.id,)
        ).fetchone() or conn.execute(
            "SELECT date || ' ' || summary FROM event WHERE place_id = ? OR id IN "
            "(SELECT event_id FROM event_actor WHERE entity_id = ?) ORDER BY date DESC LIMIT 1",
            (member.id, member.id),
        ).fetchone()
        member.context = " ".join(row[0].split())[:100] if row else ""
    return proposal


@dataclass
class Decision:
    """One recorded decision, enough to undo it."""

    what: str  # "merge" or "not_same"
    merge_id: int | None = None
    pairs: list[tuple[int, int]] = field(default_factory=list)


def merge_all(book: Notebook, ids: list[int], canonical: int) -> Decision:
    entry = merge(book, ids, into=canonical)
    return Decision("merge", merge_id=entry.id)


def mark_not_same(book: Notebook, ids: list[int]) -> Decision:
    """Store "not the same" for every pair; they are never proposed again."""
    made = book.now.isoformat(timespec="seconds")
    pairs = [(a, b) for i, a in enumerate(sorted(ids)) for b in sorted(ids)[i + 1:]]
    added = []
    with book.transaction():
        for a, b in pairs:
            cur = book.conn.execute(
                "INSERT OR IGNORE INTO judgement (a, b, verdict, made) VALUES (?, ?, 'not_same', ?)", (a, b, made))
            if cur.rowcount:
                added.append((a, b))
    return Decision("not_same", pairs=added)


def undo(book: Notebook, decision: Decision) -> None:
    if decision.what == "merge":
        unmerge(book, decision.merge_id)
    else:
        with book.transaction():
            book.conn.executemany("DELETE FROM judgement WHERE a = ? AND b = ? AND verdict = 'not_same'", decision.pairs)
