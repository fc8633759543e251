"""The notebook file: schema, migrations, refusing what it cannot open."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import ROOT, Brief

from brief.errors import NotebookError
from brief.store.connection import SCHEMA_VERSION, open_notebook, schema_sql


def _schema(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).fetchall()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    return [(version,), *rows]


def _make_v1(path, rows: bool = True):
    conn = sqlite3.connect(path)
    conn.executescript((ROOT / "tests" / "data" / "schema_v1.sql").read_text())
    if rows:
        conn.execute("INSERT INTO source (id, title) VALUES (1, 'Qāsim speaks')")
        conn.execute("INSERT INTO quote (id, text, source_id) VALUES (1, 'drone strikes were unbalanced', 1)")
        conn.commit()
    conn.close()


def test_schema_sql_declares_the_current_version():
    assert f"PRAGMA user_version = {SCHEMA_VERSION};" in schema_sql()


def test_upgraded_notebook_has_the_same_schema_as_a_fresh_one(tmp_path):
    old, fresh = tmp_path / "old.db", tmp_path / "fresh.db"
    _make_v1(old)
    open_notebook(old, create=False).close()
    open_notebook(fresh, create=True).close()
    assert _schema(old) == _schema(fresh)


def test_migration_indexes_existing_rows(tmp_path):
    old = tmp_path / "old.db"
    _make_v1(old)
    conn = open_notebook(old, create=False)
    assert conn.execute("SELECT rowid FROM quote_fts WHERE quote_fts MATCH 'unbalanced'").fetchall() == [(1,)]
    assert conn.execute("SELECT rowid FROM source_fts WHERE source_fts MATCH 'qasim'").fetchall() == [(1,)]
    conn.close()


def test_newer_notebook_is_refused_untouched(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE mystery (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    result = Brief(path).fails(1, "info")
    assert "newer brief" in result.stderr
    assert path.read_bytes() == before


def test_other_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE something (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotebookError, match="not a brief notebook"):
        open_notebook(path, create=False)


def test_truncated_notebook(tmp_path):
    path = tmp_path / "cut.db"
    Brief(path).ok("add", "source", "T", "--file", ROOT / "fixtures" / "seeds" / "000_acb7a636b541e105.txt")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    for side in ("-wal", "-shm"):
        (tmp_path / f"cut.db{side}").unlink(missing_ok=True)
    result = Brief(path)("info")
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.stderr


def test_read_only_notebook_refuses_writes_but_reads(tmp_path):
    import os

    path = tmp_path / "ro.db"
    book = Brief(path)
    book.ok("add", "source", "T")
    os.chmod(path, 0o400)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("running as a user who can write read-only files")
        assert book.json("source", "--json")["sources"][0]["title"] == "T"
        assert "read-only" in book.fails(1, "add", "source", "U").stderr
    finally:
        os.chmod(path, 0o600)


def test_foreign_keys_and_wal_are_on(tmp_path):
    conn = open_notebook(tmp_path / "n.db", create=True)
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
