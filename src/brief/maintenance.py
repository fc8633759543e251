"""Checking a notebook's health and copying it safely."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import names
from .errors import BadInput, Conflict
from .notebook import Notebook

FTS_TABLES = ("event_fts", "quote_fts", "source_fts")


@dataclass
class Finding:
    check: str
    ok: bool
    detail: str = ""


@dataclass
class Health:
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    def to_dict(self) -> dict:
        return {"ok": self.ok, "findings": [asdict(f) for f in self.findings]}


def _rows(conn, sql: str, limit: int = 10) -> list:
    return conn.execute(sql + f" LIMIT {limit}").fetchall()


def check(book: Notebook) -> Health:
    """Integrity, full-text indexes, references and alias keys."""
    conn = book.conn
    health = Health()
    result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    health.findings.append(Finding("integrity", result == ["ok"], "; ".join(result[:5]) if result != ["ok"] else ""))
    for table in FTS_TABLES:
        try:
            conn.execute("SAVEPOINT fts_check")
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
            content = table.removesuffix("_fts")
            missing = _rows(conn, f"SELECT id FROM {content} WHERE id NOT IN (SELECT id FROM {table}_docsize)")
            extra = _rows(conn, f"SELECT id FROM {table}_docsize WHERE id NOT IN (SELECT id FROM {content})")
            if missing or extra:
                detail = ", ".join([*(f"{content} #{r[0]} is not indexed" for r in missing),
                                    *(f"the index holds a removed {content} #{r[0]}" for r in extra)])
                health.findings.append(Finding(f"{table} index", False, f"{detail}; 'brief check --repair' rebuilds it"))
            else:
                health.findings.append(Finding(f"{table} index", True))
        except sqlite3.DatabaseError as exc:
            health.findings.append(Finding(f"{table} index", False, f"{exc}; 'brief check --repair' rebuilds it"))
        finally:
            conn.execute("ROLLBACK TO fts_check")
            conn.execute("RELEASE fts_check")
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    health.findings.append(Finding(
        "references", not broken,
        "; ".join(f"{table} row {rowid} points at a missing {parent}" for table, rowid, parent, _ in broken[:10])))
    orphans = _rows(conn, "SELECT id FROM quote WHERE speaker_id IS NOT NULL AND speaker_id NOT IN (SELECT id FROM entity)")
    orphans += _rows(conn, "SELECT id FROM quote WHERE source_id IS NOT NULL AND source_id NOT IN (SELECT id FROM source)")
    health.findings.append(Finding("quotes", not orphans, ", ".join(f"quote #{r[0]} has a missing speaker or source" for r in orphans)))
    lost = _rows(conn, "SELECT id FROM event WHERE place_id IS NOT NULL AND place_id NOT IN (SELECT id FROM entity)")
    lost += _rows(conn, "SELECT event_id FROM event_actor WHERE entity_id NOT IN (SELECT id FROM entity)")
    lost += _rows(conn, "SELECT event_id FROM event_source WHERE source_id NOT IN (SELECT id FROM source)")
    health.findings.append(Finding("events", not lost, ", ".join(f"event #{r[0]} points at a missing entity or source" for r in lost)))
    cycles = []
    for (entity_id,) in conn.execute("SELECT id FROM entity WHERE merged_into IS NOT NULL"):
        seen, current = set(), entity_id
        while current is not None and current not in seen:
            seen.add(current)
            row = conn.execute("SELECT merged_into FROM entity WHERE id = ?", (current,)).fetchone()
            current = row[0] if row else None
        if current is not None:
            cycles.append(entity_id)
    health.findings.append(Finding("merges", not cycles, ", ".join(f"entity #{i} is merged in a loop" for i in cycles[:10])))
    stale = []
    for alias_id, name, key, match, family, kind in conn.execute(
            "SELECT a.id, a.name, a.key, a.match, a.family, e.kind FROM alias a JOIN entity e ON e.id = a.entity_id"):
        if (key, match, family) != (names.key(name), names.match_key(name, kind), names.family_key(name, kind)):
            stale.append(name)
    health.findings.append(Finding(
        "alias keys", not stale,
        f"{len(stale)} aliases carry keys from another version of brief (e.g. {stale[0]!r}); 'brief check --repair' recomputes them"
        if stale else ""))
    return health


def repair(book: Notebook) -> list[str]:
    """Rebuild the full-text indexes and recompute alias keys."""
    conn = book.conn
    done = []
    with book.transaction():
        for table in FTS_TABLES:
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
        done.append("rebuilt the full-text indexes")
        rows = conn.execute(
            "SELECT a.id, a.name, e.kind FROM alias a JOIN entity e ON e.id = a.entity_id").fetchall()
        conn.executemany(
            "UPDATE alias SET key = ?, match = ?, family = ? WHERE id = ?",
            [(names.key(n), names.match_key(n, k), names.family_key(n, k), i) for i, n, k in rows])
        done.append(f"recomputed the keys of {len(rows)} aliases")
    return done


def backup(book: Notebook, target: Path, *, force: bool = False) -> Path:
    """A consistent copy through SQLite's backup API, safe while other
    processes use the notebook. Written beside the target, then renamed."""
    target = Path(target)
    if target.is_dir():
        raise BadInput(f"{target} is a folder; give the path of the backup file.")
    if target.exists() and not force:
        raise Conflict(f"{target} already exists; give --force to replace it.")
    if target.resolve() == book.path.resolve():
        raise BadInput("The backup cannot be the notebook itself; give another path.")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise BadInput(f"The folder {folder} does not exist.")
    fd, temporary = tempfile.mkstemp(prefix=".brief-backup-", suffix=".db", dir=folder)
    os.close(fd)
    try:
        copy = sqlite3.connect(temporary)
        try:
            book.conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
