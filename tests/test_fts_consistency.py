"""The full-text indexes stay in step with the notebook through every change."""

from __future__ import annotations

import sqlite3

from conftest import Brief

FTS = ("event_fts", "quote_fts", "source_fts")


def check_indexes(b: Brief) -> None:
    conn = sqlite3.connect(b.db)
    try:
        for table in FTS:
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
    finally:
        conn.close()


def found(b: Brief, text: str) -> set[tuple[str, int]]:
    return {(r["kind"], r["id"]) for r in b.json("search", text, "--json")["results"]}


def test_indexes_follow_add_edit_rm_and_merge(brief):
    b = brief
    b.ok("add", "source", "Iraq Asks for U.S. Strikes", "--publisher", "New York Magazine", "--date", "2014-06-11")
    b.ok("add", "event", "ISIS seizes Mosul", "--date", "2014-06-10", "--source", "1", "--details", "A rout")
    b.ok("add", "quote", "We will not allow Iraq to become a sanctuary", "--speaker", "Nouri al-Maliki",
         "--source", "1", "--context", "On television")
    b.ok("add", "quote", "Necessary and deliberate action", "--speaker", "Nuri Kamal al-Maliki", "--source", "1")
    check_indexes(b)
    assert found(b, "Mosul") == {("event", 1)}
    assert found(b, "sanctuary") == {("quote", 1)}
    assert found(b, "television") == {("quote", 1)}
    assert found(b, "Magazine") == {("source", 1)}

    b.ok("edit", "event", "1", "--summary", "ISIS takes Tikrit", "--details", "Another rout")
    b.ok("edit", "quote", "1", "--text", "Iraq will be no haven", "--context", "")
    b.ok("edit", "source", "1", "--title", "Iraq Requests Air Power", "--publisher", "The Cut")
    check_indexes(b)
    assert found(b, "Mosul") == set()
    assert found(b, "Tikrit") == {("event", 1)}
    assert found(b, "sanctuary") == set() and found(b, "television") == set()
    assert found(b, "haven") == {("quote", 1)}
    assert found(b, "Magazine") == set() and found(b, "requests") == {("source", 1)}

    entities = b.json("entity", "--json")["entities"]
    maliki = [e["id"] for e in entities if "Maliki" in e["name"]]
    if len(maliki) > 1:
        b.ok("merge", *map(str, maliki))
        check_indexes(b)
        assert {q["id"] for q in b.json("quote", "--speaker", "Maliki", "--json")["quotes"]} == {1, 2}
        assert found(b, "haven") == {("quote", 1)}
        b.ok("unmerge", "1", "--yes") if "--yes" in b.ok("unmerge", "--help").stdout else b.ok("unmerge", "1")
        check_indexes(b)

    b.ok("rm", "quote", "1", "--yes")
    b.ok("rm", "event", "1", "--yes")
    check_indexes(b)
    assert found(b, "haven") == set() and found(b, "Tikrit") == set()
    b.ok("rm", "quote", "2", "--yes")
    b.ok("rm", "source", "1", "--yes")
    check_indexes(b)
    assert found(b, "requests") == set()


def test_import_fills_the_indexes(demo):
    check_indexes(demo)
    assert found(demo, "Mosul")


def test_an_old_notebook_gets_its_indexes(tmp_path):
    """A notebook made before the indexes existed is searchable once opened."""
    from pathlib import Path

    old = Path(__file__).parent / "data" / "schema_v1.sql"
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript(old.read_text(encoding="utf-8"))
    conn.execute("INSERT INTO source (id, title) VALUES (1, 'Drone strikes near Qāsim')")
    conn.execute("INSERT INTO event (id, date, summary) VALUES (1, '2014-06', 'A drone falls')")
    conn.commit()
    conn.close()
    b = Brief(db)
    assert found(b, "drone") == {("event", 1), ("source", 1)}
    assert found(b, "Qasim") == {("source", 1)}
    check_indexes(b)
