"""brief import / export json, csv and csl through the real command line."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import FIXTURES

COMPLETE = {
    "sources": [
        {"id": 1, "title": "Iraq Asks for U.S. Strikes", "publisher": "New York Magazine", "author": "Margaret Hartmann",
         "url": "https://nymag.com/a", "published": "2014-06-11", "accessed": "2024-05-01", "reliability": "B",
         "notes": "summary of a Times report", "tags": ["iraq", "isis"], "body": "ISIS took Mosul. \"We will act,\" he said."},
        {"id": 2, "title": "Strikes on militias", "publisher": "Wire", "published": "2021-06", "reliability": "F",
         "tags": []},
    ],
    "entities": [
        {"id": 1, "name": "Nouri al-Maliki", "kind": "person", "aliases": ["Maliki", "Nuri Kamal al-Maliki"]},
        {"id": 2, "name": "ISIS", "kind": "group", "aliases": ["Islamic State"]},
        {"id": 3, "name": "Mosul", "kind": "place", "aliases": []},
        {"id": 4, "name": "al-Maliki", "kind": "person", "aliases": [], "notes": "merged", "merged_into": 1},
        {"id": 5, "name": "Joe Biden", "kind": "person", "aliases": []},
    ],
    "events": [
        {"id": 1, "date": "2014-06-10", "date_text": "on Tuesday", "summary": "ISIS seizes Mosul", "details": "fast advance",
         "place": 3, "credibility": 1, "actors": [2, {"entity": 4, "role": "target"}],
         "sources": [{"source": 1, "credibility": 2, "excerpt": "ISIS took Mosul."}, 2], "tags": ["isis"]},
        {"id": 2, "date": "2014-06", "end_date": "2014-08", "summary": "Requests for strikes", "actors": [1],
         "sources": [], "tags": []},
    ],
    "quotes": [
        {"id": 1, "text": "We will act,", "speaker": 1, "said_on": "2014-06-11", "date_text": "Wednesday", "source": 1,
         "start_offset": 18, "end_offset": 30, "context": "on strikes", "credibility": 3, "tags": ["strikes"]},
        {"id": 2, "text": "No comment.", "tags": []},
    ],
    "judgements": [
        {"a": 1, "b": 5, "verdict": "not_same", "made": "2024-05-01T10:00:00"},
        {"a": 1, "b": 4, "verdict": "same", "made": "2024-05-01T10:01:00"},
    ],
    "merges": [
        {"id": 1, "into": 1, "previous_name": "Nouri al-Maliki", "new_name": "Nouri al-Maliki",
         "made": "2024-05-01T10:01:00", "members": [{"entity": 4, "previous_merged_into": None}]},
    ],
}


def write(tmp_path, name: str, content) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def counts(brief) -> dict:
    return brief.json("info", "--json")["info"]["counts"]


# -- JSON ----------------------------------------------------------------------


def test_json_round_trip_gives_the_same_bytes(brief, tmp_path):
    brief.ok("import", "json", FIXTURES / "notebook.json")
    first = brief.ok("export", "json").stdout
    again = type(brief)(tmp_path / "second.db")
    again.ok("import", "json", write(tmp_path, "export.json", first))
    assert again.ok("export", "json").stdout == first


def test_a_name_whose_only_letter_follows_an_apostrophe_survives_the_round_trip(brief, tmp_path):
    brief.ok("add", "event", "Shelling", "--date", "2014-06-10", "--place", ":'s", "--actor", "Maliki's")
    first = brief.ok("export", "json").stdout
    names = sorted(e["name"] for e in json.loads(first)["entities"])
    assert names == [":'s", "Maliki"]  # a possessive is dropped only after a letter
    again = type(brief)(tmp_path / "second.db")
    again.ok("import", "json", write(tmp_path, "export.json", first))
    assert again.ok("export", "json").stdout == first


def test_export_keeps_every_part_of_the_interchange_format(brief, tmp_path):
    brief.ok("import", "json", write(tmp_path, "complete.json", COMPLETE))
    assert brief.json("export", "json") == COMPLETE


def test_second_import_matches_instead_of_duplicating(brief):
    brief.ok("import", "json", FIXTURES / "notebook.json")
    before = brief.dump()
    report = brief.json("import", "json", FIXTURES / "notebook.json")
    assert report["added"] == {"sources": 0, "entities": 0, "events": 0, "quotes": 0, "judgements": 0, "merges": 0}
    assert report["matched"]["sources"] == 5 and report["matched"]["events"] == 45 and report["matched"]["quotes"] == 46
    assert brief.dump() == before


def test_import_into_a_notebook_holding_part_of_the_file_reports_added_and_matched(brief, tmp_path):
    brief.ok("add", "source", "Iraq Asks", "--url", "https://nymag.com/a")
    brief.ok("add", "entity", "Maliki", "--kind", "person")
    report = brief.json("import", "json", write(tmp_path, "complete.json", COMPLETE))
    assert report["matched"]["sources"] == 1 and report["added"]["sources"] == 1
    assert report["matched"]["entities"] >= 1
    assert counts(brief)["sources"] == 2
    maliki = brief.json("entity", "--name", "Maliki", "--json")["entities"]
    assert len(maliki) == 1


def test_a_bad_record_in_the_middle_writes_nothing_and_names_its_position(brief, tmp_path):
    brief.ok("import", "json", FIXTURES / "notebook.json")
    before = brief.dump()
    data = json.loads(json.dumps(COMPLETE))
    data["events"].insert(1, {"id": 9, "date": "2014-13-40", "summary": "bad"})
    result = brief.fails(2, "import", "json", write(tmp_path, "bad.json", data))
    assert "events[1] (id 9)" in result.stderr and "nothing was imported" in result.stderr
    assert brief.dump() == before


@pytest.mark.parametrize("change, where", [
    (lambda d: d["quotes"][0].update(speaker=99), "quotes[0]"),
    (lambda d: d["sources"][1].update(reliability="Z"), "sources[1]"),
    (lambda d: d["events"][0]["sources"].append(7), "events[0]"),
    (lambda d: d["entities"][3].update(merged_into=42), "entities[3]"),
    (lambda d: d["judgements"][0].update(verdict="maybe"), "judgements[0]"),
])
def test_each_kind_of_bad_reference_is_refused(brief, tmp_path, change, where):
    data = json.loads(json.dumps(COMPLETE))
    change(data)
    result = brief.fails(2, "import", "json", write(tmp_path, "bad.json", data))
    assert result.stderr.startswith(f"Error: {where}")
    assert not brief.db.exists() or counts(brief)["sources"] == 0


def test_dry_run_reports_and_writes_nothing(brief):
    brief.ok("init")
    before = brief.dump()
    report = brief.json("import", "json", FIXTURES / "notebook.json", "--dry-run")
    assert report["added"]["events"] == 45
    assert brief.dump() == before


def test_dry_run_without_a_notebook_creates_none(brief):
    report = brief.json("import", "json", FIXTURES / "notebook.json", "--dry-run")
    assert report["added"]["quotes"] == 46
    assert not brief.db.exists()


@pytest.mark.parametrize("command, content", [
    (["import", "json"], None),
    (["import", "json"], b"\xff\xfe{not utf-8"),
    (["import", "json"], "{\"sources\": [}"),
    (["import", "json"], "[1, 2]"),
    (["import", "csv"], "date,summary\n2014,\"unclosed\n"),
    (["import", "csv"], ""),
    (["import", "csl"], "{\"title\": 3}"),
])
def test_bad_files_are_one_sentence_and_change_nothing(brief, tmp_path, command, content):
    brief.ok("import", "json", FIXTURES / "notebook.json")
    before = brief.dump()
    path = str(tmp_path / "missing.json") if content is None else write(tmp_path, "input", content)
    brief.fails(2, *command, path)
    assert brief.dump() == before


@pytest.mark.parametrize("args", [
    ["export", "csv", "--kind", "people"],
    ["import", "csv", "FILE", "--kind", "quotes"],
    ["import", "csv", "FILE", "--map", "nocolumn=date"],
    ["import", "csv", "FILE", "--map", "date"],
    ["import", "csv", "FILE", "--map", "date=when"],
])
def test_bad_options_are_one_sentence(brief, tmp_path, args):
    brief.ok("init")
    before = brief.dump()
    path = write(tmp_path, "events.csv", "date,summary\n2014-06-10,ISIS seizes Mosul\n")
    brief.fails(2, *[path if a == "FILE" else a for a in args])
    assert brief.dump() == before


# -- CSV -----------------------------------------------------------------------


def test_csv_export_is_rfc_4180_with_a_header(brief, tmp_path):
    brief.ok("add", "event", "Talks, \"frank\" and long\nsecond line", "--date", "2014-06-10", "--actor", "Joe Biden",
             "--actor", "ISIS", "--tag", "talks")
    brief.ok("export", "csv", "--kind", "events", "--out", tmp_path / "events.csv")
    text = (tmp_path / "events.csv").read_bytes().decode("utf-8")
    assert text.endswith("\r\n") and text.count("\r\n") == 2
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][:5] == ["id", "date", "end_date", "date_text", "summary"]
    row = dict(zip(rows[0], rows[1]))
    assert row["summary"] == "Talks, \"frank\" and long\nsecond line"
    assert row["actors"] == "Joe Biden; ISIS" and row["tags"] == "talks"


@pytest.mark.parametrize("kind, header", [
    ("quotes", "id,text,speaker,said_on"), ("sources", "id,title,publisher,author,url"), ("entities", "id,name,kind,aliases"),
])
def test_csv_export_of_each_kind(brief, kind, header):
    brief.ok("import", "json", FIXTURES / "notebook.json")
    text = brief.ok("export", "csv", "--kind", kind).stdout
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert text.startswith(header)
    assert len(rows) - 1 == {"quotes": 46, "sources": 5, "entities": 90}[kind]


def test_events_csv_round_trip_is_lossless(brief, tmp_path):
    brief.ok("import", "json", FIXTURES / "notebook.json")
    first = brief.ok("export", "csv", "--kind", "events").stdout
    again = type(brief)(tmp_path / "second.db")
    again.ok("import", "csv", write(tmp_path, "events.csv", first), "--kind", "events")
    assert again.ok("export", "csv", "--kind", "events").stdout == first


ACLED = (
    "event_id_cnty,event_date,event_type,actor1,assoc_actor_1,actor2,location,notes,source,fatalities\n"
    "IRQ1,10 June 2014,Battles,Islamic State of Iraq and Syria,,Military Forces of Iraq,Mosul,"
    "\"ISIS fighters seized Mosul, Iraq's second city.\",Reuters; AFP,40\n"
    "IRQ2,2014-06-11,Battles,Islamic State of Iraq and Syria,Sunni tribesmen,,Tikrit,ISIS took Tikrit.,Reuters,12\n"
)


def test_acled_file_reads_as_events_with_actors_places_and_sources(brief, tmp_path):
    result = brief.ok("import", "csv", write(tmp_path, "acled.csv", ACLED), "--kind", "events")
    assert "fatalities" in result.stderr  # the columns left out are named
    events = brief.json("event", "--json")["events"]
    mosul = next(e for e in events if e["date"] == "2014-06-10")
    assert mosul["summary"] == "ISIS fighters seized Mosul, Iraq's second city."
    assert mosul["date_text"] == "10 June 2014"
    assert [a["name"] for a in mosul["actors"]] == ["Islamic State of Iraq and Syria", "Military Forces of Iraq"]
    assert mosul["place"] == "Mosul" and mosul["tags"] == ["Battles"]
    assert sorted(s["title"] for s in mosul["sources"]) == ["AFP", "Reuters"]
    tikrit = next(e for e in events if e["date"] == "2014-06-11")
    assert [a["name"] for a in tikrit["actors"]] == ["Islamic State of Iraq and Syria", "Sunni tribesmen"]
    assert counts(brief)["sources"] == 2
    again = brief.json("import", "csv", write(tmp_path, "acled.csv", ACLED))
    assert again["added"]["events"] == 0 and again["matched"]["events"] == 2 and again["added"]["sources"] == 0


def test_csv_columns_can_be_mapped_by_hand(brief, tmp_path):
    text = "when,what,who,where,grade\nJune 2014,Talks in Baghdad,Joe Biden; Nouri al-Maliki,Baghdad,2\n"
    brief.ok("import", "csv", write(tmp_path, "mine.csv", text), "--map", "when=date", "--map", "what=summary",
             "--map", "who=actor", "--map", "where=place", "--map", "grade=credibility")
    event = brief.json("event", "--json")["events"][0]
    assert event["date"] == "2014-06" and event["credibility"] == 2 and event["place"] == "Baghdad"
    assert [a["name"] for a in event["actors"]] == ["Joe Biden", "Nouri al-Maliki"]


def test_csv_without_a_date_column_says_how_to_map_one(brief, tmp_path):
    result = brief.fails(2, "import", "csv", write(tmp_path, "x.csv", "when,summary\n2014,x\n"))
    assert "--map COLUMN=date" in result.stderr


def test_bad_csv_row_in_the_middle_names_its_line_and_writes_nothing(brief, tmp_path):
    brief.ok("init")
    before = brief.dump()
    text = "date,summary,credibility\n2014-06-10,one,1\n2014-06-11,two,9\n2014-06-12,three,1\n"
    result = brief.fails(2, "import", "csv", write(tmp_path, "bad.csv", text))
    assert result.stderr.startswith("Error: line 3:") and "Credibility" in result.stderr
    assert brief.dump() == before


# -- CSL-JSON ------------------------------------------------------------------


def test_csl_round_trip_gives_the_same_bytes(brief, tmp_path):
    brief.ok("import", "json", FIXTURES / "notebook.json")
    first = brief.ok("export", "csl").stdout
    items = json.loads(first)
    assert len(items) == 5 and all(i["type"] and i["title"] for i in items)
    again = type(brief)(tmp_path / "second.db")
    again.ok("import", "csl", write(tmp_path, "sources.json", first))
    assert again.ok("export", "csl").stdout == first
    report = again.json("import", "csl", write(tmp_path, "sources.json", first))
    assert report["matched"]["sources"] == 5 and report["added"]["sources"] == 0


def test_zotero_csl_export_reads_as_sources(brief, tmp_path):
    zotero = [{
        "id": "http://zotero.org/users/1/items/ABCD", "type": "article-newspaper",
        "title": "Iraq Asks for U.S. Strikes", "container-title": "The New York Times",
        "author": [{"family": "Gordon", "given": "Michael R."}, {"family": "Arango", "given": "Tim"}],
        "URL": "https://www.nytimes.com/x", "issued": {"date-parts": [["2014", "6"]]},
        "accessed": {"date-parts": [[2024, 5, 1]]}, "note": "read twice\nReliability: A",
    }, {"type": "webpage", "title": "Militia statement", "publisher": "Telegram", "issued": {"raw": "2021-06-28"}}]
    brief.ok("import", "csl", write(tmp_path, "zotero.json", zotero))
    sources = {s["title"]: s for s in brief.json("source", "--json")["sources"]}
    nyt = brief.json("show", "source", sources["Iraq Asks for U.S. Strikes"]["id"], "--json")["source"]
    assert nyt["publisher"] == "The New York Times" and nyt["author"] == "Michael R. Gordon and Tim Arango"
    assert nyt["published"] == "2014-06" and nyt["accessed"] == "2024-05-01" and nyt["url"] == "https://www.nytimes.com/x"
    assert nyt["reliability"] == "A" and nyt["notes"] == "read twice"
    assert sources["Militia statement"]["publisher"] == "Telegram" and sources["Militia statement"]["published"] == "2021-06-28"


def test_csl_item_without_title_is_refused_with_its_position(brief, tmp_path):
    result = brief.fails(2, "import", "csl", write(tmp_path, "z.json", [{"title": "ok"}, {"type": "book"}]))
    assert result.stderr.startswith("Error: item 2:")
    assert not brief.db.exists() or counts(brief)["sources"] == 0


# -- files and help ------------------------------------------------------------


@pytest.mark.parametrize("command", [["export", "json"], ["export", "csl"], ["export", "csv", "--kind", "quotes"],
                                     ["export", "md", "--as-of", "2024-06-01"]])
def test_export_refuses_to_overwrite_without_force(brief, tmp_path, command):
    brief.ok("import", "json", FIXTURES / "notebook.json")
    out = tmp_path / "out.txt"
    out.write_text("keep me", encoding="utf-8")
    result = brief.fails(2, *command, "--out", out)
    assert "--force" in result.stderr and out.read_text(encoding="utf-8") == "keep me"
    brief.ok(*command, "--out", out, "--force")
    assert out.read_text(encoding="utf-8") == brief.ok(*command).stdout
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_to_a_missing_folder_is_refused(brief, tmp_path):
    brief.ok("init")
    result = brief.fails(2, "export", "json", "--out", tmp_path / "nowhere" / "x.json")
    assert "does not exist" in result.stderr


@pytest.mark.parametrize("command", [["import", "json"], ["import", "csv"], ["import", "csl"], ["export", "json"],
                                     ["export", "csv"], ["export", "csl"], ["export", "md"]])
def test_every_command_has_help_with_an_example(brief, command):
    assert "Example: brief " + " ".join(command) in brief.ok(*command, "--help").stdout


def test_second_import_matches_merged_entities_judgements_and_merges(brief, tmp_path):
    path = write(tmp_path, "complete.json", COMPLETE)
    brief.ok("import", "json", path)
    before = brief.dump()
    report = brief.json("import", "json", path)
    assert report["added"] == {k: 0 for k in report["added"]}
    assert report["matched"] == {"sources": 2, "entities": 5, "events": 2, "quotes": 2, "judgements": 2, "merges": 1}
    assert brief.dump() == before


def test_entities_of_one_file_are_never_matched_with_each_other(brief, tmp_path):
    data = {"entities": [{"id": 1, "name": "unnamed U.S. official", "kind": "person", "aliases": ["a U.S. official"]},
                         {"id": 2, "name": "unnamed second U.S. official", "kind": "person", "aliases": ["a U.S. official"]}]}
    report = brief.json("import", "json", write(tmp_path, "two.json", data))
    assert report["added"]["entities"] == 2
    assert [e["name"] for e in brief.json("export", "json")["entities"]] == ["unnamed U.S. official",
                                                                            "unnamed second U.S. official"]


def test_text_holding_a_nul_character_round_trips_and_invisible_text_is_refused(brief, tmp_path):
    data = {"events": [{"id": 1, "date": "2014", "summary": "x\u0000y", "tags": ["a\u0000b"]}]}
    brief.ok("import", "json", write(tmp_path, "nul.json", data))
    assert brief.json("event", "--json")["events"][0]["summary"] == "x\u0000y"
    before = brief.dump()
    result = brief.fails(2, "import", "json", write(tmp_path, "blank.json", {"events": [{"date": "2014", "summary": "\u0000"}]}))
    assert "events[0]" in result.stderr and brief.dump() == before
