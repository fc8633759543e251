"""The fixtures notebook: a hand-curated interchange file built from the seed articles.

These checks read only fixtures/ and guard the promises other tests and the
documentation rely on: every reference resolves, every quote sits exactly where
its offsets say, and the well-known name families live on single entities.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = FIXTURES / "seeds"
NOTEBOOK = FIXTURES / "notebook.json"

PARTIAL_ISO = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
KINDS = {"person", "org", "group", "place"}
TOP_KEYS = ["sources", "entities", "events", "quotes"]


@pytest.fixture(scope="module")
def notebook() -> dict:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def entities(notebook) -> dict[int, dict]:
    return {e["id"]: e for e in notebook["entities"]}


@pytest.fixture(scope="module")
def sources(notebook) -> dict[int, dict]:
    return {s["id"]: s for s in notebook["sources"]}


def _entity_for(entities: dict[int, dict], form: str) -> list[int]:
    key = form.casefold()
    return [
        e["id"]
        for e in entities.values()
        if key == e["name"].casefold() or key in {a.casefold() for a in e["aliases"]}
    ]


def _is_partial_iso(value: str) -> bool:
    if not PARTIAL_ISO.match(value):
        return False
    from datetime import date

    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        try:
            date(*parts)
        except ValueError:
            return False
    return True


def test_top_level_keys_in_interchange_order(notebook):
    assert list(notebook) == TOP_KEYS


def test_ids_are_unique_within_each_kind(notebook):
    for key in TOP_KEYS:
        ids = [item["id"] for item in notebook[key]]
        assert len(ids) == len(set(ids)), key
        assert all(isinstance(i, int) for i in ids), key


def test_five_sources_carry_the_seed_articles_verbatim(notebook):
    seed_files = sorted(SEEDS.glob("*.txt"))
    assert len(seed_files) == 5
    assert len(notebook["sources"]) == 5
    bodies = [s["body"] for s in notebook["sources"]]
    for path in seed_files:
        assert path.read_text(encoding="utf-8") in bodies, path.name
    assert len(set(bodies)) == 5


def test_sources_have_metadata(notebook):
    for s in notebook["sources"]:
        assert s["title"].strip() and s["publisher"].strip()
        assert _is_partial_iso(s["published"]), s["published"]
        assert s["reliability"] in set("ABCDEF")
        assert s["title"] in s["body"], "the title is printed in the article"


def test_at_least_thirty_well_formed_events(notebook, entities, sources):
    events = notebook["events"]
    assert len(events) >= 30
    for ev in events:
        assert ev["summary"].strip(), ev["id"]
        assert _is_partial_iso(ev["date"]), (ev["id"], ev["date"])
        if "end" in ev:
            assert _is_partial_iso(ev["end"]), (ev["id"], ev["end"])
            assert ev["end"] >= ev["date"], ev["id"]
        assert ev["actors"], ev["id"]
        assert all(a in entities for a in ev["actors"]), ev["id"]
        assert entities[ev["place"]]["kind"] == "place", ev["id"]
        assert ev["sources"], ev["id"]
        assert all(s in sources for s in ev["sources"]), ev["id"]
        assert 1 <= ev["credibility"] <= 6
        assert isinstance(ev["tags"], list)


def test_an_event_reported_by_several_articles_cites_them_all(notebook, entities):
    mosul = _entity_for(entities, "Mosul")[0]
    falls = [
        ev for ev in notebook["events"] if ev["place"] == mosul and ev["date"] == "2014-06-10"
    ]
    assert falls and len(falls[0]["sources"]) >= 2


def test_quote_offsets_point_at_the_quoted_text(notebook, sources):
    assert notebook["quotes"]
    for q in notebook["quotes"]:
        body = sources[q["source"]]["body"]
        assert 0 <= q["start"] < q["end"] <= len(body), q["id"]
        assert body[q["start"] : q["end"]] == q["text"], q["id"]


def test_quotes_stand_between_quotation_marks(notebook, sources):
    for q in notebook["quotes"]:
        body = sources[q["source"]]["body"]
        assert body[q["start"] - 1] in "“\"‘'", q["id"]
        assert body[q["end"]] in "”\"’'", q["id"]


def test_quote_references_and_dates(notebook, entities, sources):
    for q in notebook["quotes"]:
        assert q["speaker"] in entities, q["id"]
        assert entities[q["speaker"]]["kind"] in {"person", "org", "group"}, q["id"]
        assert q["source"] in sources, q["id"]
        if "said_on" in q:
            assert _is_partial_iso(q["said_on"]), q["id"]
        assert isinstance(q["tags"], list)


def test_blinken_quote_is_attributed(notebook, entities):
    blinken = _entity_for(entities, "Antony Blinken")
    assert len(blinken) == 1
    texts = [q["text"] for q in notebook["quotes"] if q["speaker"] == blinken[0]]
    assert any(t.startswith("We took necessary, appropriate, deliberate action") for t in texts)


def test_entities_are_well_formed(notebook):
    for e in notebook["entities"]:
        assert e["kind"] in KINDS, e["name"]
        assert e["name"].strip()
        assert e["name"] not in e["aliases"], e["name"]
        assert len(e["aliases"]) == len(set(e["aliases"])), e["name"]


def test_no_alias_belongs_to_two_entities(notebook):
    owner: dict[str, int] = {}
    for e in notebook["entities"]:
        for form in [e["name"], *e["aliases"]]:
            key = form.casefold()
            assert owner.setdefault(key, e["id"]) == e["id"], form


def test_aliases_are_forms_printed_in_the_articles(notebook):
    text = " ".join(re.sub(r"\s+", " ", s["body"]) for s in notebook["sources"])
    for e in notebook["entities"]:
        for alias in e["aliases"]:
            assert re.sub(r"\s+", " ", alias) in text, (e["name"], alias)


@pytest.mark.parametrize(
    "forms, kind",
    [
        (["Nuri Kamal al-Maliki", "Nouri al-Maliki", "Maliki", "Prime Minister Maliki"], "person"),
        (["Qassem Soleimani", "Qassim Soleimani"], "person"),
        (["ISIS", "ISIL", "Islamic State", "Islamic State of Iraq and Syria"], "group"),
        (["Joe Biden", "President Biden", "Vice President Joe Biden"], "person"),
        (["Mustafa al-Kadhimi", "Mr. al-Kadhimi", "PM Mustafa al-Kadhimi"], "person"),
    ],
)
def test_name_families_live_on_one_entity(entities, forms, kind):
    owners = {form: _entity_for(entities, form) for form in forms}
    assert all(len(ids) == 1 for ids in owners.values()), owners
    ids = {ids[0] for ids in owners.values()}
    assert len(ids) == 1, owners
    assert entities[ids.pop()]["kind"] == kind


def test_places_are_places(entities):
    for name in ["Mosul", "Tikrit", "Baghdad", "Iraq"]:
        (eid,) = _entity_for(entities, name)
        assert entities[eid]["kind"] == "place"


def test_file_is_pretty_printed_without_ascii_escapes():
    raw = NOTEBOOK.read_text(encoding="utf-8")
    assert raw.startswith('{\n  "sources": [\n')
    assert "\\u20" not in raw, "non-ASCII text is written as is"
    assert "null" not in raw.replace('"null"', "")
