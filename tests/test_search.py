"""brief search, brief quote --speaker/--search and brief event filters, end to end."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.store import search as store_search

from conftest import Brief


def seed(b: Brief) -> Brief:
    """A small notebook with the names and words the searches below look for."""
    b.ok("add", "source", "Iraq Asks for U.S. Strikes As Militants Advance", "--publisher", "New York Magazine",
         "--date", "2014-06-11")
    b.ok("add", "source", "U.S. airstrikes on Iranian-backed militias", "--publisher", "Al-Monitor",
         "--date", "2021-06-28")
    b.ok("add", "event", "ISIS seizes Mosul", "--date", "2014-06-10", "--actor", "ISIS", "--place", "Mosul",
         "--source", "1")
    b.ok("add", "event", "Iraq asks for drone strikes on militants", "--date", "June 2014", "--actor",
         "Nouri al-Maliki", "--place", "Baghdad", "--source", "1", "--tag", "drones")
    b.ok("add", "event", "Drone attacks on U.S. forces in Iraq", "--date", "2021-04", "--end", "2021-06",
         "--actor", "Kata'ib Hezbollah", "--place", "Iraq", "--source", "2")
    b.ok("add", "event", "Qāsim Soleimani killed in a drone strike at Baghdad airport", "--date", "2020-01-03",
         "--actor", "United States", "--place", "Baghdad", "--source", "2")
    b.ok("add", "event", "American drones watched the border", "--date", "2013", "--source", "1")
    b.ok("add", "quote", "We took necessary, appropriate, deliberate action to limit the risk of escalation",
         "--speaker", "Antony Blinken", "--date", "2021-06-28", "--source", "2")
    b.ok("add", "quote", "The drone attacks by Kata'ib Hezbollah must stop", "--speaker", "Antony Blinken",
         "--date", "2021-06-29", "--source", "2")
    b.ok("add", "quote", "al-Maliki's government asked for drone strikes and air power", "--speaker",
         "Nouri al-Maliki", "--date", "2014-06-11", "--source", "1")
    b.ok("add", "quote", "We will not allow Iraq to become a sanctuary", "--speaker", "Maliki",
         "--date", "2014-06-12", "--source", "1")
    b.ok("add", "quote", "Stay the course and the drone war is won", "--speaker", "George W. Bush",
         "--date", "2006", "--source", "1")
    b.ok("add", "quote", "Read my lips: no new drones", "--speaker", "George H. W. Bush", "--source", "1")
    return b


@pytest.fixture
def nb(brief) -> Brief:
    return seed(brief)


def results(b: Brief, *args) -> list[dict]:
    return b.json("search", *args, "--json")["results"]


def test_search_finds_events_quotes_and_sources_newest_first(nb):
    found = results(nb, "drone")
    kinds = {r["kind"] for r in found}
    assert kinds == {"event", "quote"}
    dates = [r["date"] for r in found if r["date"]]
    assert dates == sorted(dates, reverse=True)
    assert found[0]["date"] == "2021-06-29" and found[0]["kind"] == "quote"
    for r in found:
        assert "«" in r["snippet"] and "»" in r["snippet"]
        assert "«drone»" in r["snippet"].lower() or "«drone" in r["snippet"].lower()
    quote = next(r for r in found if r["kind"] == "quote" and r["id"] == 2)
    assert quote["speaker"] == "Antony Blinken"
    assert quote["source_id"] == 2 and quote["source"] == "U.S. airstrikes on Iranian-backed militias"
    event = next(r for r in found if r["kind"] == "event" and r["id"] == 4)
    assert event["source_id"] == 2 and event["source"].startswith("U.S. airstrikes")


def test_undated_items_come_last(nb):
    found = results(nb, "drones")
    assert [r["date"] for r in found][-1] is None
    assert found[-1]["speaker"] == "George H. W. Bush"


def test_sources_are_searched_too(nb):
    found = results(nb, "militants", "--kind", "source")
    assert [(r["kind"], r["id"], r["source"]) for r in found] == [("source", 1, "New York Magazine")]


def test_kind_and_limit(nb):
    found = results(nb, "drone", "--kind", "quote", "--limit", "2")
    assert [(r["kind"], r["id"]) for r in found] == [("quote", 2), ("quote", 3)]


def test_table_output_marks_the_matched_words(nb):
    out = nb.ok("search", "Mosul").stdout
    assert "ISIS seizes «Mosul»" in out
    assert "#1 Iraq Asks for U.S." in out
    assert "10 Jun 2014" in out


def test_csv_and_markdown(nb):
    csv_out = nb.ok("search", "sanctuary", "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "kind,id,date,snippet,speaker,source_id,source"
    assert csv_out[1].startswith("quote,4,2014-06-12,")
    md = nb.ok("search", "sanctuary", "--format", "md").stdout
    assert md.startswith("| kind | id |") and "Nouri al-Maliki" in md


def test_accents_are_ignored(nb):
    assert [r["id"] for r in results(nb, "Qasim")] == [4]
    assert [r["id"] for r in results(nb, "QĀSIM")] == [4]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("al-Maliki's", {("quote", 3)}),
        ("Kata'ib", {("quote", 2)}),
        ('"unbalanced', set()),
        ("AND", {("quote", 3), ("quote", 5)}),
        ("drone*", {("event", 2), ("event", 3), ("event", 4), ("event", 5), ("quote", 2), ("quote", 3),
                    ("quote", 5), ("quote", 6)}),
        ('"drone strike"', {("event", 4)}),
        ("drone\x00strike", {("event", 4)}),
        ("🚁 drone strike 🚁", {("event", 4)}),
        ("NEAR(drone", set()),
        ("OR", set()),
        ("col:umn", set()),
        ("(drone) -strike ^ +", {("event", 4)}),
    ],
)
def test_hostile_text_is_read_as_plain_words(nb, text, expected):
    found = {(r["kind"], r["id"]) for r in results(nb, text)}
    assert found == expected


@pytest.mark.parametrize("text", ["!!!", "", "   ", "🙂", "'\"", "\x00", "«»"])
def test_text_without_words_is_one_clear_error(nb, text):
    result = nb.fails(2, "search", text)
    assert "search" in result.stderr.lower() or "letters" in result.stderr


def test_fts_syntax_is_passed_through(nb):
    found = {(r["kind"], r["id"]) for r in results(nb, "sanctuary OR Mosul", "--fts")}
    assert found == {("quote", 4), ("event", 1)}
    found = {(r["kind"], r["id"]) for r in results(nb, "drone NOT strikes NOT strike", "--fts")}
    assert ("event", 3) in found and ("event", 2) not in found
    assert {r["id"] for r in results(nb, "summary:mosul", "--fts")} == {1}


@pytest.mark.parametrize("query", ["drone AND (", 'drone "open', "AND", "nosuchcolumn:word", "NEAR(a b, x)"])
def test_fts_syntax_error_is_one_sentence(nb, query):
    result = nb.fails(2, "search", query, "--fts")
    assert "FTS5" in result.stderr and "--fts" in result.stderr


def test_date_range_uses_period_overlap(nb):
    # An event of June 2014 is inside a range starting on 15 June 2014.
    found = {(r["kind"], r["id"]) for r in results(nb, "drone", "--since", "2014-06-15", "--until", "2014-12")}
    assert found == {("event", 2)}
    # A span from April to June 2021 overlaps May 2021.
    found = {(r["kind"], r["id"]) for r in results(nb, "drone", "--since", "May 2021", "--until", "May 2021")}
    assert found == {("event", 3)}


def test_relative_date_words_read_against_as_of(nb):
    found = {(r["kind"], r["id"]) for r in results(nb, "drone", "--since", "last month", "--until", "last month",
                                                    "--as-of", "2014-07-12")}
    assert found == {("event", 2), ("quote", 3)}


def test_bad_date_is_exit_2(nb):
    nb.fails(2, "search", "drone", "--since", "the day after never")
    nb.fails(2, "search", "drone", "--since", "2015", "--until", "2014")


def test_empty_notebook_has_no_results(brief):
    brief.ok("init")
    assert results(brief, "drone") == []
    assert brief.ok("search", "drone").stdout == ""


def test_many_matches_take_the_date_walk_with_the_same_answer(nb, monkeypatch):
    """Past CAP matches the search walks the date index instead of sorting
    the matches; the answer must not change."""
    every = [(r["kind"], r["id"]) for r in results(nb, "drone*", "--limit", "5")]
    ranged = [(r["kind"], r["id"]) for r in results(nb, "drone*", "--since", "2014-06-15", "--limit", "3")]
    monkeypatch.setattr(store_search, "CAP", 1)
    assert [(r["kind"], r["id"]) for r in results(nb, "drone*", "--limit", "5")] == every
    assert [(r["kind"], r["id"]) for r in results(nb, "drone*", "--since", "2014-06-15", "--limit", "3")] == ranged
    # a span starting before the range's year still counts when it reaches into it
    assert {r["id"] for r in results(nb, "attacks", "--kind", "event", "--since", "2021-05-01")} == {3}
    # and when the walk would be long, the set of matches is gathered first
    monkeypatch.setattr(store_search, "WALK_ROWS", 0)
    assert [(r["kind"], r["id"]) for r in results(nb, "drone*", "--limit", "5")] == every
    assert [(r["kind"], r["id"]) for r in results(nb, "drone*", "--since", "2014-06-15", "--limit", "3")] == ranged
    monkeypatch.setattr(store_search, "CAP", 0)
    assert {r["id"] for r in results(nb, "attacks", "--kind", "event", "--since", "2021-05-01")} == {3}


def test_big_limit_zero_means_all(nb):
    assert len(results(nb, "drone*", "--limit", "0")) == 8


# -- quote --speaker, --search, filters ---------------------------------------


def quotes(b: Brief, *args) -> list[dict]:
    return b.json("quote", *args, "--json")["quotes"]


def test_speaker_by_family_name_finds_the_person(nb):
    found = quotes(nb, "--speaker", "Blinken")
    assert [q["id"] for q in found] == [2, 1]
    assert {q["speaker"] for q in found} == {"Antony Blinken"}


@pytest.mark.parametrize("name", ["Maliki", "al-Maliki", "Nouri al-Maliki", "Nuri al-Maliki", "Prime Minister Nouri al-Maliki"])
def test_every_form_of_a_name_finds_the_same_man(nb, name):
    assert [q["id"] for q in quotes(nb, "--speaker", name)] == [4, 3]


def test_a_name_fitting_several_people_lists_them(nb):
    result = nb.fails(2, "quote", "--speaker", "Bush")
    assert "George W. Bush" in result.stderr and "George H. W. Bush" in result.stderr
    assert "--speaker-id" in result.stderr and "#" in result.stderr
    ids = [int(part.split()[0]) for part in result.stderr.split("#")[1:3]]
    assert {q["speaker"] for q in quotes(nb, "--speaker-id", str(ids[0]))} <= {"George W. Bush", "George H. W. Bush"}
    assert [q["speaker"] for q in quotes(nb, "--speaker", "George W. Bush")] == ["George W. Bush"]


def test_unknown_speaker_is_exit_2(nb):
    nb.fails(2, "quote", "--speaker", "Zbigniew Nobody")


def test_speaker_through_a_merge(nb):
    nb.ok("add", "quote", "Tony speaking here about drones", "--speaker", "Tony Blinken", "--date", "2021-07-01")
    entities = nb.json("entity", "--json")["entities"]
    tony = next(e["id"] for e in entities if e["name"] == "Tony Blinken")
    antony = next(e["id"] for e in entities if e["name"] == "Antony Blinken")
    nb.ok("merge", str(antony), str(tony), "--into", str(antony))
    assert [q["id"] for q in quotes(nb, "--speaker", "Tony Blinken")] == [7, 2, 1]
    assert [q["id"] for q in quotes(nb, "--speaker", "Blinken")] == [7, 2, 1]


def test_quote_search_and_filters(nb):
    assert [q["id"] for q in quotes(nb, "--speaker", "Blinken", "--search", "drone")] == [2]
    assert [q["id"] for q in quotes(nb, "--search", "Kata'ib")] == [2]
    assert [q["id"] for q in quotes(nb, "--search", "drone", "--since", "2014", "--until", "2014")] == [3]
    assert [q["id"] for q in quotes(nb, "--source", "1", "--until", "2010")] == [5]
    nb.ok("edit", "quote", "4", "--tag", "sanctuary")
    assert [q["id"] for q in quotes(nb, "--tag", "sanctuary")] == [4]
    nb.fails(2, "quote", "--search", "?!")


def test_event_filters(nb):
    events = nb.json("event", "--actor", "Maliki", "--json")["events"]
    assert [e["id"] for e in events] == [2]
    events = nb.json("event", "--place", "Baghdad", "--since", "2015", "--json")["events"]
    assert [e["id"] for e in events] == [4]
    events = nb.json("event", "--tag", "drones", "--json")["events"]
    assert [e["id"] for e in events] == [2]
    events = nb.json("event", "--since", "2014-06-15", "--until", "2014", "--json")["events"]
    assert [e["id"] for e in events] == [2]
    nb.fails(2, "event", "--actor", "Nobody Atall")


# -- no text breaks search ---------------------------------------------------


def test_no_text_given_to_search_raises(tmp_path_factory):
    b = seed(Brief(tmp_path_factory.mktemp("prop") / "notebook.db"))

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=st.text(max_size=40), fts=st.booleans())
    def check(text, fts):
        args = ["search", "--json"] + (["--fts"] if fts else []) + ["--", text]
        result = b(*args)
        assert result.exit_code in (0, 2), (text, result.exit_code, result.stderr, result.exception)
        assert "Traceback" not in result.stdout + result.stderr
        if result.exit_code == 0:
            assert isinstance(json.loads(result.stdout)["results"], list)
        else:
            assert len(result.stderr.strip().splitlines()) == 1

    check()
