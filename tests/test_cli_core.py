"""End-to-end: the notebook core through the real command line."""

from __future__ import annotations

import json
import os
import stat

import pytest


def test_add_source_prints_id_and_json_row(brief):
    assert brief.ok("add", "source", "Iraq Asks for U.S. Strikes", "--publisher", "New York Magazine",
                    "--date", "2014-06-11", "--reliability", "b").stdout.strip() == "1"
    row = brief.json("add", "source", "Second", "--date", "June 2014", "--json")["source"]
    assert row["id"] == 2 and row["published"] == "2014-06" and row["title"] == "Second"
    listed = brief.json("source", "--json")["sources"]
    assert [s["id"] for s in listed] == [1, 2] or [s["id"] for s in listed] == [2, 1]
    first = [s for s in listed if s["id"] == 1][0]
    assert first["reliability"] == "B" and first["publisher"] == "New York Magazine"


def test_new_notebook_is_private(brief):
    brief.ok("init")
    assert stat.S_IMODE(os.stat(brief.db).st_mode) == 0o600


def test_info_counts_and_path(brief):
    brief.ok("add", "event", "ISIS seizes Mosul", "--date", "2014-06-10", "--actor", "ISIS", "--place", "Mosul")
    info = brief.json("info", "--json")["info"]
    assert info["path"] == str(brief.db.resolve())
    assert info["schema_version"] == 2
    assert info["counts"]["events"] == 1 and info["counts"]["entities"] == 2


def test_event_with_actors_place_sources_and_tags(brief):
    brief.ok("add", "source", "A", "--date", "2014-06-11")
    brief.ok("add", "source", "B", "--date", "2014-06-12")
    event = brief.json("add", "event", "ISIS seizes Mosul", "--date", "June 10, 2014", "--actor", "ISIS",
                       "--actor", "Iraqi Army", "--place", "Mosul", "--source", 1, "--source", 2,
                       "--credibility", 2, "--tag", "mosul", "--details", "Second city falls", "--json")["event"]
    assert event["date"] == "2014-06-10" and event["date_text"] == "June 10, 2014"
    assert [a["name"] for a in event["actors"]] == ["ISIS", "Iraqi Army"]
    assert event["place"] == "Mosul" and event["credibility"] == 2
    assert [s["source_id"] for s in event["sources"]] == [1, 2]
    assert event["tags"] == ["mosul"]
    shown = brief.json("show", "event", event["id"], "--json")["event"]
    assert shown == event
    table = brief.ok("show", "event", event["id"]).stdout
    assert "ISIS seizes Mosul" in table and "Iraqi Army" in table


def test_relative_date_read_against_source_and_said(brief):
    brief.ok("add", "source", "A", "--date", "2014-06-11")
    result = brief.ok("add", "event", "Tikrit falls", "--date", "last month", "--source", 1, "--json")
    assert json.loads(result.stdout)["event"]["date"] == "2014-05"
    assert "source #1" in result.stderr and "2014-05" in result.stderr
    result = brief.ok("add", "event", "Strikes", "--date", "two days ago", "--as-of", "2014-01-01", "--json")
    assert json.loads(result.stdout)["event"]["date"] == "2013-12-30"
    assert "--as-of 2014-01-01" in result.stderr


def test_partial_dates_keep_precision(brief):
    for words, stored in [("March 2015", "2015-03"), ("2014", "2014"), ("Q3 2019", "2019-07"), ("mid-2014", "2014-05")]:
        assert brief.json("add", "event", f"e {words}", "--date", words, "--json")["event"]["date"] == stored


def test_quote_speaker_matches_aliases(brief):
    brief.ok("add", "entity", "Nouri al-Maliki", "--kind", "person", "--alias", "Nuri Kamal al-Maliki")
    q1 = brief.json("add", "quote", "We will fight", "--speaker", "Prime Minister Nuri Kamal al-Maliki’s", "--json")
    assert q1["quote"]["speaker_id"] == 1
    result = brief.ok("add", "quote", "Not yet", "--speaker", "Maliki", "--json")
    assert json.loads(result.stdout)["quote"]["speaker_id"] == 1
    assert "Nouri al-Maliki" in result.stderr
    quotes = brief.json("quote", "--speaker", "al-Maliki", "--json")["quotes"]
    assert sorted(q["text"] for q in quotes) == ["Not yet", "We will fight"]


def test_new_name_close_to_existing_warns(brief):
    brief.ok("add", "entity", "Antony Blinken", "--kind", "person")
    result = brief.ok("add", "quote", "Words", "--speaker", "Anthony Blinkn", "--json")
    assert json.loads(result.stdout)["quote"]["speaker_id"] != 1
    assert "looks like Antony Blinken (#1)" in result.stderr


def test_ambiguous_family_name_is_refused(brief):
    brief.ok("add", "entity", "George W. Bush", "--kind", "person")
    brief.ok("add", "entity", "George H. W. Bush", "--kind", "person")
    before = brief.dump()
    result = brief.fails(2, "add", "quote", "Read my lips", "--speaker", "Bush")
    assert "#1" in result.stderr and "#2" in result.stderr
    assert brief.dump() == before
    assert brief.json("add", "quote", "Read my lips", "--speaker", "#2", "--json")["quote"]["speaker_id"] == 2


def test_listing_filters_source_tag_limit(brief):
    brief.ok("add", "source", "S1")
    for i in range(5):
        brief.ok("add", "quote", f"quote {i}", "--source", 1, "--tag", "even" if i % 2 == 0 else "odd",
                 "--date", f"2014-06-0{i + 1}")
    assert len(brief.json("quote", "--tag", "even", "--json")["quotes"]) == 3
    assert len(brief.json("quote", "--source", 1, "--json")["quotes"]) == 5
    limited = brief.json("quote", "--limit", 2, "--json")["quotes"]
    assert [q["said_on"] for q in limited] == ["2014-06-05", "2014-06-04"]


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "md"])
def test_every_listing_has_every_format(demo, fmt):
    for kind in ("source", "event", "quote", "entity"):
        out = demo.ok(kind, "--format", fmt, "--limit", 3).stdout
        assert out.strip()
        if fmt == "json":
            plural = {"source": "sources", "event": "events", "quote": "quotes", "entity": "entities"}[kind]
            assert len(json.loads(out)[plural]) == 3
        if fmt == "csv":
            assert len(out.strip().splitlines()) >= 4
        if fmt == "md":
            assert out.startswith("| id |")


def test_json_shorthand_equals_format_json(demo):
    assert demo.ok("event", "--json").stdout == demo.ok("event", "--format", "json").stdout


def test_edit_fields_and_clear(brief):
    brief.ok("add", "source", "S1", "--date", "2014-06-11")
    brief.ok("add", "event", "Old summary", "--date", "2014-06-10", "--details", "x", "--tag", "a")
    event = brief.json("edit", "event", 1, "--summary", "New summary", "--details", "", "--add-actor", "ISIS",
                       "--add-source", 1, "--tag", "b", "--untag", "a", "--credibility", "3", "--json")["event"]
    assert event["summary"] == "New summary" and event["details"] is None
    assert [a["name"] for a in event["actors"]] == ["ISIS"] and event["tags"] == ["b"]
    assert event["credibility"] == 3 and [s["source_id"] for s in event["sources"]] == [1]
    source = brief.json("edit", "source", 1, "--reliability", "a", "--url", "https://example.org/a", "--json")["source"]
    assert source["reliability"] == "A" and source["url"] == "https://example.org/a"
    entity = brief.json("edit", "entity", 1, "--add-alias", "Islamic State", "--kind", "group", "--json")["entity"]
    assert entity["aliases"] == ["Islamic State"] and entity["kind"] == "group"
    assert brief.json("event", "--actor", "Islamic State", "--json")["events"][0]["id"] == 1


def test_rm_asks_and_refuses_cited_source(brief):
    brief.ok("add", "source", "S1")
    brief.ok("add", "quote", "q", "--source", 1)
    before = brief.dump()
    result = brief.fails(1, "rm", "source", 1, "--yes")
    assert "quotes #1" in result.stderr
    assert brief.dump() == before
    result = brief("rm", "quote", 1, input="n\n")
    assert result.exit_code == 1 and brief.dump() == before
    brief.ok("rm", "quote", 1, input="y\n")
    brief.ok("rm", "source", 1, "--yes")
    assert brief.json("info", "--json")["info"]["counts"]["sources"] == 0


@pytest.mark.parametrize(
    "args, words",
    [
        (["show", "event", 99], "no event #99"),
        (["add", "source", "T", "--reliability", "G"], "Reliability"),
        (["add", "event", "E", "--date", "2014-06-10", "--credibility", 9], "Credibility"),
        (["add", "quote", "   "], "empty"),
        (["add", "event", "", "--date", "2014"], "empty"),
        (["add", "event", "E", "--date", "the day the music died"], "the day the music died"),
        (["add", "event", "E", "--date", "2014-02-30"], "2014-02-30"),
        (["add", "quote", "Q", "--speaker", "   "], "--speaker"),
        (["add", "quote", "Q", "--source", 42], "no source #42"),
        (["add", "event", "E", "--date", "2014", "--source", 7], "no source #7"),
        (["add", "source", "T", "--file", "/nonexistent/body.txt"], "/nonexistent/body.txt"),
        (["add", "entity", "X", "--kind", "planet"], "Kind"),
        (["edit", "quote", 5, "--text", "x"], "no quote #5"),
        (["quote", "--limit", -1], "--limit"),
        (["event", "--since", "2015", "--until", "2014"], "after"),
    ],
)
def test_bad_input_is_one_sentence_exit_2_and_changes_nothing(brief, args, words):
    brief.ok("add", "source", "Existing")
    before = brief.dump()
    result = brief.fails(2, *args)
    assert words.lower() in result.stderr.lower()
    assert brief.dump() == before


def test_body_file_not_utf8(brief, tmp_path):
    body = tmp_path / "body.txt"
    body.write_bytes(b"caf\xe9 \xff")
    result = brief.fails(2, "add", "source", "T", "--file", body)
    assert "UTF-8" in result.stderr


def test_body_file_sets_hash_and_same_text_is_not_added_twice(brief, tmp_path):
    body = tmp_path / "body.txt"
    body.write_text("The article text.", encoding="utf-8")
    first = brief.json("add", "source", "T", "--file", body, "--json")["source"]
    assert len(first["content_hash"]) == 64
    again = brief.ok("add", "source", "T again", "--file", body)
    assert "already source #1" in again.stderr
    assert brief.json("info", "--json")["info"]["counts"]["sources"] == 1


def test_reading_a_missing_notebook_says_so(tmp_path):
    from conftest import Brief

    missing = Brief(tmp_path / "nowhere.db")
    result = missing.fails(1, "quote")
    assert "brief init" in result.stderr
    assert not (tmp_path / "nowhere.db").exists()


def test_not_sqlite_file(tmp_path):
    from conftest import Brief

    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    result = Brief(path).fails(1, "info")
    assert "not a brief notebook" in result.stderr
    assert path.read_text().startswith("these are my notes")


def test_directory_as_notebook(tmp_path):
    from conftest import Brief

    assert "folder" in Brief(tmp_path).fails(1, "info").stderr


def test_brief_db_environment_variable(tmp_path):
    from typer.testing import CliRunner

    from brief.cli.app import app

    path = tmp_path / "env.db"
    result = CliRunner().invoke(app, ["add", "source", "T"], env={"BRIEF_DB": str(path)})
    assert result.exit_code == 0 and path.exists()


def test_every_command_has_help_with_an_example():
    from typer.testing import CliRunner

    from brief.cli.app import app

    runner = CliRunner()
    commands = [["init"], ["info"], ["demo"], ["add", "source"], ["add", "event"], ["add", "quote"],
                ["add", "entity"], ["source"], ["event"], ["quote"], ["entity"], ["show"], ["rm"],
                ["edit", "source"], ["edit", "event"], ["edit", "quote"], ["edit", "entity"],
                ["import", "json"], ["export", "json"]]
    for command in commands:
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0, command
        assert "Example: brief" in result.stdout, command


def test_demo_builds_a_notebook_and_prints_timeline_and_quotes(tmp_path):
    from conftest import Brief

    book = Brief(tmp_path / "demo.db")
    result = book.ok("demo")
    assert "Mosul" in result.stdout and "Blinken" in result.stdout
    counts = book.json("info", "--json")["info"]["counts"]
    assert counts["sources"] == 5 and counts["events"] >= 30 and counts["quotes"] >= 40


def test_root_help_overview_matches_the_full_command_tree():
    from typer.testing import CliRunner

    from brief.cli.app import build, build_overview

    runner = CliRunner()
    full = runner.invoke(build(), ["--help"]).stdout
    assert runner.invoke(build_overview(), ["--help"]).stdout == full
    assert "timeline" in full and "dedupe" in full


def test_installed_entry_point_runs_each_command_line(tmp_path):
    import subprocess
    import sys

    def run(*args):
        return subprocess.run([sys.executable, "-m", "brief", *args], capture_output=True, text=True)

    db = str(tmp_path / "e.db")
    assert run("--version").stdout.startswith("brief ")
    assert "Commands:" in run("--help").stdout
    added = run("--db", db, "add", "quote", "Words", "--speaker", "Antony Blinken", "--date", "2014-06-10")
    assert added.returncode == 0 and added.stdout.strip() == "1"
    assert "Usage: brief add quote" in run("add", "quote", "--help").stdout
    listed = run("--db", db, "quote", "--speaker", "Blinken", "--json")
    assert json.loads(listed.stdout)["quotes"][0]["text"] == "Words"
    wrong = run("--db", db, "frobnicate")
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1
