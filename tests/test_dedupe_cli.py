"""brief dedupe: review with key presses, --yes, --dry-run --json."""

from __future__ import annotations

import pytest


@pytest.fixture
def crowded(brief):
    for name, kind in [("Nouri al-Maliki", "person"), ("Nuri al-Maliki", "person"), ("Prime Minister Maliki", "person"),
                       ("ISIS", "group"), ("Islamic State of Iraq and Syria", "group"),
                       ("George W. Bush", "person"), ("George H. W. Bush", "person"), ("Bush", "person"),
                       ("Bashar al-Assad", "person"), ("Hafez al-Assad", "person"),
                       ("Hezbollah", "group"), ("Kataib Hezbollah", "group"),
                       ("Muqtada al-Sadr", "person"), ("Sadr City", "place")]:
        brief.ok("add", "entity", name, "--kind", kind)
    brief.ok("add", "quote", "We will not fall", "--speaker", "#2")
    return brief


def clusters(brief, *args):
    return [sorted(e["name"] for e in c["entities"]) for c in brief.json("dedupe", "--dry-run", "--json", *args)["clusters"]]


def test_dry_run_json_contract_and_no_change(crowded):
    before = crowded.dump()
    data = crowded.json("dedupe", "--dry-run", "--json")
    assert crowded.dump() == before
    for cluster in data["clusters"]:
        assert set(cluster) == {"canonical", "score", "entities"}
        assert cluster["canonical"] in [e["id"] for e in cluster["entities"]]
        assert all(set(e) == {"id", "name", "kind"} for e in cluster["entities"])
        assert len({e["kind"] for e in cluster["entities"]}) == 1
    found = clusters(crowded)
    assert ["Nouri al-Maliki", "Nuri al-Maliki", "Prime Minister Maliki"] in found
    assert ["ISIS", "Islamic State of Iraq and Syria"] in found


@pytest.mark.parametrize("a, b", [("George W. Bush", "George H. W. Bush"), ("Bashar al-Assad", "Hafez al-Assad"),
                                  ("Hezbollah", "Kataib Hezbollah"), ("Muqtada al-Sadr", "Sadr City")])
def test_hard_negatives_stay_apart(crowded, a, b):
    for cluster in clusters(crowded, "--min-score", "50"):
        assert not (a in cluster and b in cluster)


def test_bare_family_name_fitting_several_people_is_left_alone(crowded):
    assert not any("Bush" in c for c in clusters(crowded))


def test_review_merge_then_not_same_then_quit(crowded):
    first, second = crowded.json("dedupe", "--dry-run", "--json")["clusters"][:2]
    result = crowded.ok("dedupe", input="m\nn\nq\n")
    assert "1 merges, 1 'not the same'" in result.stderr
    merges = crowded.json("merges", "--json")["merges"]
    assert len(merges) == 1 and merges[0]["into_id"] == first["canonical"]
    remaining = crowded.json("dedupe", "--dry-run", "--json")["clusters"]
    assert sorted(e["id"] for e in second["entities"]) not in [sorted(e["id"] for e in c["entities"]) for c in remaining]


def test_not_same_is_never_proposed_again_and_survives_export(crowded, tmp_path):
    from conftest import Brief

    crowded.ok("dedupe", "--kind", "group", input="n\n")
    assert clusters(crowded, "--kind", "group") == []
    export = tmp_path / "export.json"
    export.write_text(crowded.ok("export", "json").stdout)
    fresh = Brief(tmp_path / "fresh.db")
    fresh.ok("import", "json", export)
    assert clusters(fresh, "--kind", "group") == []


def test_review_choose_canonical_drop_and_undo(crowded):
    result = crowded.ok("dedupe", "--kind", "person", input="d\n3\nc\n2\nm\nu\nq\n")
    assert "Undone." in result.stderr
    assert crowded.json("merges", "--json")["merges"] == []
    crowded.ok("dedupe", "--kind", "person", input="c\n2\nm\nq\n")
    merge = crowded.json("merges", "--json")["merges"][0]
    assert merge["into_id"] == 2 and merge["name"] == "Nuri al-Maliki"
    quotes = crowded.json("quote", "--speaker", "Prime Minister Maliki", "--json")["quotes"]
    assert [q["text"] for q in quotes] == ["We will not fall"]


def test_yes_merges_every_cluster(crowded):
    crowded.ok("dedupe", "--yes")
    assert clusters(crowded) == []
    assert len(crowded.json("merges", "--json")["merges"]) == 2


def test_bad_options(crowded):
    before = crowded.dump()
    assert "Kind" in crowded.fails(2, "dedupe", "--kind", "planet", "--dry-run").stderr
    assert "--min-score" in crowded.fails(2, "dedupe", "--min-score", "300", "--dry-run").stderr
    assert crowded.dump() == before
