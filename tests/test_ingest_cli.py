"""brief ingest, end to end on a temporary notebook: --yes, review keys,
--dry-run --json, duplicates, publication dates and hostile files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "ingest"
HARBOR = DATA / "harbor_dredging.txt"  # 8 full quotes, 1 partial, 4 dated events
SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def _short_article(tmp_path: Path, dated: bool = True) -> Path:
    path = tmp_path / "wire.txt"
    path.write_text(
        "Council Approves Flood Barrier\n\n"
        + ("June 5, 2024\n\n" if dated else "")
        + "The city council approved a new flood barrier on Tuesday after a long debate.\n\n"
        "\"We have waited long enough,\" said Mayor Ruth Adler.\n\n"
        "\"The river will not wait for us,\" Adler added.\n",
        encoding="utf-8",
    )
    return path


def test_yes_stores_source_quotes_events_and_names(brief):
    result = brief.ok("ingest", HARBOR, "--yes", "--reliability", "B", "--json")
    out = json.loads(result.stdout)
    assert len(out["quotes"]) == 8 and len(out["events"]) == 4
    source = brief.json("show", "source", out["source_id"], "--json", "--body")["source"]
    assert source["published"] == "2023-03-14" and source["reliability"] == "B"
    assert source["title"] == "Port Authority Delays Harbor Dredging After Contractor Dispute"
    body = source["body"]
    quotes = brief.json("quote", "--source", out["source_id"], "--json")["quotes"]
    assert len(quotes) == 8  # the partial 'negotiating in good faith' is not kept
    for q in quotes:
        assert body[q["start_offset"]:q["end_offset"]] == q["text"]
    okafor = [q for q in quotes if q["speaker"] == "Denise Okafor"]
    assert len(okafor) == 4
    unnamed = [q for q in quotes if q["text"].startswith("If we lose the channel")][0]
    assert unnamed["speaker"] is None and "senior port engineer" in unnamed["context"]
    events = brief.json("event", "--source", out["source_id"], "--json")["events"]
    assert {(e["date"], e["date_text"]) for e in events} >= {("2023-01", "in January"), ("2019", "since 2019")}
    assert all(e["sources"][0]["source_id"] == out["source_id"] for e in events)
    brandt = brief.json("entity", "--name", "Brandt", "--json")["entities"]
    assert [e["name"] for e in brandt] == ["Leon Brandt"] and "Mayor Leon Brandt" in brandt[0]["aliases"]


def test_second_ingest_adds_nothing_and_says_so(brief):
    brief.ok("ingest", HARBOR, "--yes")
    before = brief.dump()
    again = brief.ok("ingest", HARBOR, "--yes")
    assert "already source #1; nothing was added" in again.stderr
    assert brief.dump() == before


def test_speakers_match_existing_entities_through_aliases(brief):
    brief.ok("add", "entity", "Denise A. Okafor", "--kind", "person", "--alias", "Denise Okafor")
    brief.ok("ingest", HARBOR, "--yes")
    people = brief.json("entity", "--name", "Okafor", "--json")["entities"]
    assert len(people) == 1 and people[0]["id"] == 1 and people[0]["quotes"] == 4


def test_dry_run_json_contract_writes_nothing(brief):
    brief.ok("add", "entity", "Tomas Reyes", "--kind", "person")
    before = brief.dump()
    out = brief.json("ingest", HARBOR, "--dry-run", "--json")
    assert set(out) >= {"source", "quotes", "events", "entities"}
    assert out["source"]["published"] == "2023-03-14" and out["source"]["existing_id"] is None
    for q in out["quotes"]:
        assert set(q) >= {"text", "speaker", "said_on", "partial", "start", "end"}
    assert [q["partial"] for q in out["quotes"]].count(True) == 1
    for e in out["events"]:
        assert set(e) >= {"date", "date_text", "summary"}
    for m in out["entities"]:
        assert set(m) >= {"name", "kind", "mentions"} and m["kind"] in ("person", "org", "group", "place")
    reyes = [m for m in out["entities"] if m["name"] == "Tomas Reyes"][0]
    assert reyes["existing_id"] == 1
    assert brief.dump() == before


def test_dry_run_without_notebook_creates_none(brief, tmp_path):
    out = brief.json("ingest", HARBOR, "--dry-run", "--json")
    assert out["quotes"] and not brief.db.exists()


def test_dry_run_of_several_files_lists_each(brief, tmp_path):
    out = brief.json("ingest", HARBOR, _short_article(tmp_path), "--dry-run", "--json")
    assert [Path(f["source"]["file"]).name for f in out["files"]] == ["harbor_dredging.txt", "wire.txt"]


def test_review_keys_accept_reject_edit(brief, tmp_path):
    path = _short_article(tmp_path)
    # quote 1: accept; quote 2: edit the speaker; event: reject; names: accept all.
    keys = "a\ne\n\nRuth B. Adler\nr\nA\n"
    result = brief.ok("ingest", path, input=keys)
    assert "[a]ccept" in result.stderr and "Quote 1/2" in result.stderr
    quotes = brief.json("quote", "--json")["quotes"]
    assert sorted(q["speaker"] for q in quotes) == ["Ruth Adler", "Ruth B. Adler"]
    assert brief.json("event", "--json")["events"] == []


def test_review_accept_all_quotes_then_reject_all_events(brief):
    result = brief.ok("ingest", HARBOR, input="A\nR\nA\n")
    assert "Quote 2/9" not in result.stderr  # A took the rest without asking
    quotes = brief.json("quote", "--json")["quotes"]
    assert len(quotes) == 8 and not any(q["text"] == "negotiating in good faith" for q in quotes)
    assert brief.json("event", "--json")["events"] == []


def test_review_partial_quote_is_rejected_by_default(brief):
    # Enter at every question: full quotes accepted, the scare quote not.
    brief.ok("ingest", HARBOR, input="\n" * 40)
    texts = [q["text"] for q in brief.json("quote", "--json")["quotes"]]
    assert len(texts) == 8 and "negotiating in good faith" not in texts


def test_review_quit_writes_nothing(brief, tmp_path):
    brief.ok("init")
    before = brief.dump()
    result = brief.ok("ingest", _short_article(tmp_path), input="a\nq\n")
    assert "nothing was written" in result.stderr
    assert brief.dump() == before


def test_review_without_answers_fails_clearly(brief, tmp_path):
    brief.ok("init")
    before = brief.dump()
    result = brief("ingest", _short_article(tmp_path), input="")
    assert result.exit_code == 2
    last = result.stderr.strip().splitlines()[-1]  # after the first question
    assert last.startswith("Error:") and "--yes" in last
    assert brief.dump() == before


def test_missing_date_fails_without_a_terminal(brief, tmp_path):
    brief.ok("init")
    before = brief.dump()
    result = brief.fails(2, "ingest", _short_article(tmp_path, dated=False), "--yes")
    assert "--date" in result.stderr
    assert brief.dump() == before


def test_missing_date_from_option_reads_relative_days(brief, tmp_path):
    brief.ok("ingest", _short_article(tmp_path, dated=False), "--yes", "--date", "2024-06-05")
    assert brief.json("source", "--json")["sources"][0]["published"] == "2024-06-05"
    assert [e["date"] for e in brief.json("event", "--json")["events"]] == ["2024-06-04"]


def test_missing_date_asked_on_a_terminal(brief, tmp_path, monkeypatch):
    from brief.cli import ingest

    monkeypatch.setattr(ingest, "interactive", lambda: True)
    brief.ok("ingest", _short_article(tmp_path, dated=False), "--yes", input="June 5, 2024\n")
    assert brief.json("source", "--json")["sources"][0]["published"] == "2024-06-05"


def test_as_of_reads_relative_words_against_another_day(brief, tmp_path):
    out = brief.json("ingest", _short_article(tmp_path), "--dry-run", "--json", "--as-of", "2024-07-01")
    assert [e["date"] for e in out["events"]] == ["2024-06-25"]


HOSTILE = {
    "empty": lambda p: p.write_bytes(b""),
    "binary": lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50),
    "latin1": lambda p: p.write_bytes("Le ministre a déclaré « non ».".encode("latin-1")),
    "huge": lambda p: p.write_bytes(b"All work and no play makes a dull article. " * 120_000),
}


@pytest.mark.parametrize("kind", [*HOSTILE, "folder", "missing"])
def test_hostile_files_give_one_sentence_and_change_nothing(brief, tmp_path, kind):
    brief.ok("ingest", HARBOR, "--yes")
    before = brief.dump()
    path = tmp_path / f"{kind}.txt"
    if kind in HOSTILE:
        HOSTILE[kind](path)
    elif kind == "folder":
        path.mkdir()
    result = brief.fails(2, "ingest", path, "--yes")
    assert str(path.name) in result.stderr
    # a good file beside a bad one is not written either
    brief.fails(2, "ingest", _short_article(tmp_path), path, "--yes")
    assert brief.dump() == before


def test_bad_reliability_is_refused_before_reading(brief):
    brief.fails(2, "ingest", HARBOR, "--yes", "--reliability", "Z")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="fixtures/seeds/ is not there")
def test_every_seed_article_ingests_once(brief):
    seeds = sorted(SEEDS.glob("0*.txt"))
    for path in seeds:
        brief.ok("ingest", path, "--yes", "--date", "2015-03-02")
    counts = brief.json("info", "--json")["info"]["counts"]
    assert counts["sources"] == len(seeds) and counts["quotes"] > 20 and counts["events"] > 20
    before = brief.dump()
    for path in seeds:
        assert "nothing was added" in brief.ok("ingest", path, "--yes", "--date", "2015-03-02").stderr
    assert brief.dump() == before
