"""Opening a notebook file: checks, pragmas, schema and migrations."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterator

from ..errors import NotebookError
from .migrations import MIGRATIONS

SCHEMA_VERSION = 2
BUSY_TIMEOUT_MS = 10_000


def schema_sql() -> str:
    """The text of schema.sql: shipped inside the package, or at the root of a
    source checkout."""
    shipped = resources.files("brief").joinpath("schema.sql")
    if shipped.is_file():
        return shipped.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[3] / "schema.sql"
    return checkout.read_text(encoding="utf-8")


def explain(exc: sqlite3.Error, path: Path | str) -> NotebookError:
    """Turn an sqlite3 error about the notebook file into one sentence."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return NotebookError(
            f"The notebook {path} is busy: another brief process is writing to it; try again in a moment."
        )
    if "readonly" in text or "read-only" in text:
        return NotebookError(
            f"The notebook {path} is read-only; check its permissions or copy it somewhere writable."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return NotebookError(
            f"{path} is not a brief notebook or is damaged (SQLite says: {exc}); "
            "restore it from a backup or point --db at another file."
        )
    if "disk" in text and "full" in text:
        return NotebookError(f"The disk holding {path} is full; nothing was written.")
    if "unable to open" in text:
        return NotebookError(f"Cannot open the notebook {path}; check that its folder exists and is writable.")
    return NotebookError(f"The notebook {path} could not be used: {exc}.")


@contextmanager
def guard(path: Path | str) -> Iterator[None]:
    """Translate sqlite3 errors raised inside the block into NotebookError."""
    try:
        yield
    except sqlite3.Error as exc:
        raise explain(exc, path) from exc


def _create_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def open_notebook(path: Path, *, create: bool, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """Open (and if allowed, create) the notebook at `path`, bring its schema
    up to date and return a connection in autocommit mode: callers wrap
    every write in `transaction()`."""
    path = Path(path)
    if path.is_dir():
        raise NotebookError(f"{path} is a folder, not a notebook file; give --db a file path.")
    new = not path.exists()
    if new:
        if not create:
            raise NotebookError(
                f"There is no notebook at {path}; run 'brief init' or add something to create it."
            )
        try:
            _create_private_file(path)
        except OSError as exc:
            raise NotebookError(f"Cannot create the notebook {path}: {exc.strerror}.") from exc
    with guard(path):
        conn = sqlite3.connect(path, timeout=busy_timeout_ms / 1000, isolation_level=None)
    try:
        with guard(path):
            _prepare(conn, path, busy_timeout_ms)
    except BaseException:
        conn.close()
        raise
    return conn


def _prepare(conn: sqlite3.Connection, path: Path, busy_timeout_ms: int) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NotebookError(
            f"The notebook {path} was made by a newer brief (schema {version}, this brief knows "
            f"{SCHEMA_VERSION}); upgrade brief to open it. The file was not changed."
        )
    if version == 0 and tables:
        raise NotebookError(f"{path} is an SQLite file but not a brief notebook; point --db at another file.")
    conn.execute("PRAGMA foreign_keys = ON")
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal" and os.access(path, os.W_OK):
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    if version == 0:
        with transaction(conn):
            _run_script(conn, schema_sql())
    elif version < SCHEMA_VERSION:
        with transaction(conn):
            for target in range(version + 1, SCHEMA_VERSION + 1):
                _run_script(conn, MIGRATIONS[target])
                conn.execute(f"PRAGMA user_version = {target}")


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run a multi-statement script inside the current transaction
    (executescript would commit it first)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                conn.execute(statement)
            statement = ""
    if statement.strip() and not statement.strip().startswith("--"):
        conn.execute(statement)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: everything inside commits together or not at all.
    Inside an open transaction it joins that one, so a use case can group
    several writes (an import, an ingest) into one."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]
