"""Merges: reversible, seen through by every listing, never across kinds."""

from __future__ import annotations


def _setup(brief):
    brief.ok("add", "source", "S", "--date", "2014-06-11")
    brief.ok("add", "quote", "We will fight", "--speaker", "Nouri al-Maliki", "--source", 1)      # entity 1
    brief.ok("add", "entity", "Nuri Kamal al-Maliki", "--kind", "person")                      # entity 2
    brief.ok("add", "quote", "We asked for strikes", "--speaker", "#2", "--source", 1)
    brief.ok("add", "event", "Maliki asks for strikes", "--date", "2014-05", "--actor", "#2", "--place", "Baghdad")


def test_merge_is_seen_through_and_unmerge_restores_exactly(brief):
    _setup(brief)
    before = brief.ok("export", "json").stdout
    merged = brief.json("merge", 1, 2, "--name", "Nuri Kamal al-Maliki", "--json")["merge"]
    assert merged["into_id"] == 1 and [m["id"] for m in merged["members"]] == [2]
    quotes = brief.json("quote", "--speaker", "Nouri al-Maliki", "--json")["quotes"]
    assert sorted(q["text"] for q in quotes) == ["We asked for strikes", "We will fight"]
    assert {q["speaker"] for q in quotes} == {"Nuri Kamal al-Maliki"}
    events = brief.json("event", "--actor", "Nouri al-Maliki", "--json")["events"]
    assert [e["actors"][0]["id"] for e in events] == [1]
    entities = brief.json("entity", "--kind", "person", "--json")["entities"]
    assert [(e["id"], e["quotes"], e["events"]) for e in entities] == [(1, 2, 1)]
    assert "Nouri al-Maliki" in entities[0]["aliases"]
    log = brief.json("merges", "--json")["merges"]
    assert [m["id"] for m in log] == [merged["id"]]
    brief.ok("unmerge", merged["id"])
    assert brief.ok("export", "json").stdout == before
    assert brief.json("merges", "--json")["merges"] == []


def test_merge_refuses_different_kinds_and_unknown_ids(brief):
    _setup(brief)
    before = brief.dump()
    assert "different kinds" in brief.fails(2, "merge", 1, 3).stderr
    assert "no entity #99" in brief.fails(2, "merge", 1, 99).stderr
    assert "already one" in brief.fails(2, "merge", 1, 1).stderr
    assert "--name" in brief.fails(2, "merge", 1, 2, "--name", "Somebody Else").stderr
    assert "no merge #5" in brief.fails(2, "unmerge", 5).stderr
    assert brief.dump() == before


def test_later_merge_must_be_undone_first(brief):
    _setup(brief)
    brief.ok("add", "entity", "PM Maliki", "--kind", "person")  # entity 4
    first = brief.json("merge", 1, 2, "--json")["merge"]["id"]
    second = brief.json("merge", 1, 4, "--json")["merge"]["id"]
    assert f"#{second}" in brief.fails(2, "unmerge", first).stderr
    brief.ok("unmerge", second)
    brief.ok("unmerge", first)
    assert len(brief.json("entity", "--kind", "person", "--json")["entities"]) == 3


def test_merged_entity_is_found_by_any_members_alias(brief):
    _setup(brief)
    brief.ok("merge", 2, 1)
    quotes = brief.json("quote", "--speaker", "Nouri al-Maliki", "--json")["quotes"]
    assert {q["speaker_id"] for q in quotes} == {2}
    assert brief.json("add", "quote", "More", "--speaker", "Nouri al-Maliki", "--json")["quote"]["speaker_id"] == 2
