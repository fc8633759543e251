"""Hostile input across every command: no traceback, one clear sentence, the
documented exit code, and the notebook exactly as it was (its full export and
its SQL dump compared before and after)."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from conftest import FIXTURES, Brief

BIG = "x" * 1_000_000
SQL = "'); DROP TABLE quote; --"
FTS = 'NEAR("a" "b") OR title:* AND ^x'


def _files(tmp_path):
    files = {
        "latin1": tmp_path / "latin1.txt",
        "binary": tmp_path / "binary.bin",
        "empty": tmp_path / "empty.txt",
        "badjson": tmp_path / "bad.json",
        "notobject": tmp_path / "list.json",
        "badrecord": tmp_path / "badrecord.json",
        "badcsv": tmp_path / "bad.csv",
    }
    files["latin1"].write_bytes("Caf\xe9 au lait, said the minister.".encode("latin-1"))
    files["binary"].write_bytes(bytes(range(256)) * 20)
    files["empty"].write_text("")
    files["badjson"].write_text('{"sources": [}')
    files["notobject"].write_text("[1, 2, 3]")
    files["badrecord"].write_text('{"sources": [{"id": 1, "title": "ok"}], "events": [{"id": 1, "summary": "x", "date": "2014-02-30"}]}')
    files["badcsv"].write_bytes(b"event_date,notes\n\xff\xfe,x\n")
    return files


# (arguments, expected exit code, words the message must contain (lower case), or None)
CASES = [
    # dates
    (["add", "event", "E", "--date", "2014-02-30"], 2, "2014-02-30"),
    (["add", "event", "E", "--date", "2014-13-01"], 2, "2014-13-01"),
    (["add", "event", "E", "--date", "yesterday-ish sometime"], 2, "yesterday-ish"),
    (["add", "event", "E", "--date", ""], 2, "date"),
    (["add", "event", "E", "--date", "   "], 2, "date"),
    (["add", "event", "E", "--date", "2014\x00-06"], 2, None),
    (["add", "event", "E", "--date", "2015", "--end", "2014"], 2, "before"),
    (["add", "quote", "Q", "--date", "Febtember 31"], 2, "febtember"),
    (["add", "source", "T", "--date", "not a date"], 2, "not a date"),
    (["event", "--since", "whenever"], 2, "whenever"),
    (["quote", "--until", "2014-02-30"], 2, "2014-02-30"),
    (["add", "event", "E", "--date", "last month", "--as-of", "someday"], 2, "someday"),
    # unknown ids
    (["show", "event", "999"], 2, "#999"),
    (["show", "quote", "-1"], 2, None),
    (["show", "source", "99999999999999999999"], 2, None),
    (["edit", "event", "999", "--summary", "x"], 2, "#999"),
    (["edit", "entity", "999", "--name", "x"], 2, "#999"),
    (["rm", "quote", "999", "--yes"], 2, "#999"),
    (["add", "quote", "Q", "--source", "999"], 2, "#999"),
    (["add", "event", "E", "--date", "2014", "--source", "999"], 2, "#999"),
    (["quote", "--source", "999"], 2, "#999"),
    (["quote", "--speaker-id", "999"], 2, "#999"),
    (["merge", "1", "999"], 2, "#999"),
    (["unmerge", "999"], 2, "#999"),
    (["show", "planet", "1"], 2, None),
    # empty and whitespace text
    (["add", "quote", ""], 2, "empty"),
    (["add", "quote", " \t\n "], 2, "empty"),
    (["add", "event", "   ", "--date", "2014"], 2, "empty"),
    (["add", "source", ""], 2, "empty"),
    (["add", "entity", "  ", "--kind", "person"], 2, "empty"),
    (["add", "quote", "Q", "--speaker", " "], 2, "speaker"),
    (["add", "event", "E", "--date", "2014", "--actor", ""], 2, "actor"),
    (["add", "event", "E", "--date", "2014", "--place", "  "], 2, "place"),
    (["edit", "event", "1", "--summary", ""], 2, "empty"),
    (["quote", "--speaker", "   "], 2, "speaker"),
    (["add", "quote", "Q", "--speaker", "!!!"], 2, "letters"),
    # grades, kinds, limits
    (["add", "source", "T", "--reliability", "Z"], 2, "reliability"),
    (["add", "source", "T", "--reliability", "AB"], 2, "reliability"),
    (["add", "event", "E", "--date", "2014", "--credibility", "0"], 2, "credibility"),
    (["add", "event", "E", "--date", "2014", "--credibility", "7"], 2, "credibility"),
    (["add", "event", "E", "--date", "2014", "--credibility", "two"], 2, None),
    (["edit", "event", "1", "--credibility", "-3"], 2, "credibility"),
    (["add", "entity", "X", "--kind", "planet"], 2, "kind"),
    (["entity", "--kind", "'; DROP TABLE entity; --"], 2, "kind"),
    (["event", "--limit", "-5"], 2, "--limit"),
    (["quote", "--limit", "99999999999999999999999"], 2, None),
    (["event", "--format", "yaml"], 2, None),
    (["dedupe", "--min-score", "-1", "--dry-run"], 2, "--min-score"),
    (["dedupe", "--kind", "alien", "--dry-run"], 2, "kind"),
    # names that fit several entities
    (["add", "quote", "Q", "--speaker", "Bush"], 2, "bush"),
    (["quote", "--speaker", "Bush"], 2, "bush"),
    # files
    (["add", "source", "T", "--file", "/no/such/file.txt"], 2, "/no/such/file.txt"),
    (["add", "source", "T", "--file", "{tmp}"], 2, "folder"),
    (["add", "source", "T", "--file", "{latin1}"], 2, "utf-8"),
    (["add", "source", "T", "--file", "{empty}"], 2, "empty"),
    (["import", "json", "/no/such/file.json"], 2, "/no/such/file.json"),
    (["import", "json", "{badjson}"], 2, "json"),
    (["import", "json", "{notobject}"], 2, None),
    (["import", "json", "{badrecord}"], 2, "events[0]"),
    (["import", "json", "{binary}"], 2, None),
    (["import", "json", "{tmp}"], 2, "folder"),
    (["ingest", "{empty}", "--yes", "--date", "2014-06-11"], 2, "empty"),
    (["ingest", "{binary}", "--yes", "--date", "2014-06-11"], 2, None),
    (["ingest", "{latin1}", "--yes", "--date", "2014-06-11"], 2, "utf-8"),
    (["ingest", "/no/such/article.txt", "--yes"], 2, None),
    (["backup", "{tmp}"], 2, "folder"),
    # search
    (["search", "drone", "--fts", "--since", "never ever"], 2, "never ever"),
    (["search", FTS, "--fts"], 2, "fts5"),
    (["search", '"unbalanced', "--fts"], 2, "fts5"),
    (["search", "drones", "--kind", "tweet"], 2, None),
    # merges
    (["search", "\x00"], 2, "empty"),
    (["search", "   "], 2, "empty"),
    (["quote", "--speaker", SQL, "--json"], 2, "no entity"),
    (["merge", "1", "1"], 2, "already"),
    (["merge", "1", "2", "--name", ""], 2, "--name"),
]

# Inputs that must be accepted and stored (exit 0): odd but legitimate text.
ACCEPTED = [
    ["add", "quote", "لن نسمح للإرهابيين", "--speaker", "نوري المالكي"],
    ["add", "quote", "We 💥 them 🚀", "--speaker", "Emoji 😀 Person"],
    ["add", "quote", SQL, "--speaker", SQL, "--context", SQL, "--tag", SQL],
    ["add", "quote", BIG],
    ["add", "quote", "nul \x00 inside"],
    ["add", "event", SQL, "--date", "2014", "--actor", SQL, "--place", "Mosul' OR 1=1 --"],
    ["search", FTS],
    ["search", "al-Maliki's"],
    ["search", '"unbalanced'],
    ["search", "AND"],
    ["search", "drone*"],
    ["search", "Kata'ib"],
    ["search", SQL],
    ["event", "--limit", "0"],
]


def _seeded(tmp_path) -> Brief:
    book = Brief(tmp_path / "hostile.db")
    book.ok("import", "json", FIXTURES / "notebook.json")
    book.ok("add", "entity", "George W. Bush", "--kind", "person")
    book.ok("add", "entity", "George H. W. Bush", "--kind", "person")
    return book


@pytest.fixture(scope="module")
def seeded_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return _seeded(folder).db


@pytest.fixture
def book(seeded_copy, tmp_path):
    import shutil

    target = tmp_path / "hostile.db"
    shutil.copy(seeded_copy, target)
    return Brief(target)


def _fill(args, files, tmp_path):
    return [a.format(tmp=tmp_path, **files) if isinstance(a, str) and "{" in a and "}" in a and a[1:-1] in (*files, "tmp")
            else a for a in args]


@pytest.mark.parametrize("args, code, words", CASES, ids=[" ".join(c[0])[:60] for c in CASES])
def test_hostile_input_fails_cleanly_and_changes_nothing(book, tmp_path, args, code, words):
    files = _files(tmp_path)
    args = _fill(args, files, tmp_path)
    before_dump, before_export = book.dump(), book.ok("export", "json").stdout
    result = book(*args)
    assert result.exit_code == code, (result.exit_code, result.stdout[-500:], result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    message = result.stderr.strip()
    assert message and len(message.splitlines()) <= 2 if code == 2 and not words else len(message.splitlines()) == 1, message
    if words:
        assert words.lower() in message.lower(), message
    assert book.dump() == before_dump
    assert book.ok("export", "json").stdout == before_export


def test_case_count():
    assert len(CASES) + len(ACCEPTED) >= 60


@pytest.mark.parametrize("args", ACCEPTED, ids=[" ".join(a)[:40] for a in ACCEPTED])
def test_odd_but_legitimate_input_is_accepted(book, args):
    result = book(*args)
    assert result.exit_code == 0, (result.stdout[-300:], result.stderr)
    assert "Traceback" not in result.stderr


def test_text_round_trips_exactly_through_sql_metacharacters_and_scripts(book):
    for text in (SQL, "لن نسمح للإرهابيين", "We 💥 them", "nul \x00 inside"):
        added = book.json("add", "quote", text, "--json")["quote"]
        assert book.json("show", "quote", added["id"], "--json")["quote"]["text"] == text


def test_notebook_locked_by_another_writer(book):
    holder = sqlite3.connect(book.db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        before = book("export", "json").stdout
        result = book("add", "quote", "Q", env={"BRIEF_BUSY_TIMEOUT": "0.3"})
        assert result.exit_code == 1 and "busy" in result.stderr and "Traceback" not in result.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert book.ok("export", "json").stdout == before


def test_writer_waits_for_a_short_lock(book):
    holder = sqlite3.connect(book.db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, lambda: holder.execute("COMMIT")).start()
    assert book("add", "quote", "Q").exit_code == 0
    holder.close()


def test_notebook_that_is_not_sqlite_and_truncated(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00\x01binary junk" * 500)
    for args in (["info"], ["quote"], ["add", "quote", "Q"], ["search", "x"], ["export", "json"], ["check"]):
        result = Brief(junk)(*args)
        assert result.exit_code == 1 and "not a brief notebook" in result.stderr, (args, result.stderr)
    assert junk.read_bytes() == b"\x00\x01binary junk" * 500
