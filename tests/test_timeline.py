"""brief timeline: events oldest first, grouped, partial dates as written."""

from __future__ import annotations

import pytest

from conftest import Brief


@pytest.fixture
def tl(brief) -> Brief:
    b = brief
    b.ok("add", "source", "Iraq Asks for U.S. Strikes", "--date", "2014-06-11")
    b.ok("add", "event", "ISIS seizes Mosul", "--date", "June 10, 2014", "--actor", "ISIS", "--place", "Mosul",
         "--source", "1")
    b.ok("add", "event", "Iraq asks for air strikes", "--date", "June 2014", "--actor", "Nouri al-Maliki",
         "--source", "1", "--tag", "airstrikes")
    b.ok("add", "event", "Militias gather north of Baghdad", "--date", "2014", "--actor", "ISIS", "--source", "1")
    b.ok("add", "event", "Tikrit falls", "--date", "2014-06-11", "--actor", "ISIS", "--place", "Tikrit",
         "--source", "1")
    b.ok("add", "event", "Talks on a security agreement", "--date", "2008-03", "--end", "2008-11",
         "--actor", "United States", "--source", "1")
    b.ok("add", "event", "Coalition strikes begin", "--date", "2014-08-08", "--actor", "United States",
         "--source", "1")
    return b


def groups(b: Brief, *args) -> list[dict]:
    return b.json("timeline", *args, "--json")["timeline"]["groups"]


def test_oldest_first_grouped_by_month(tl):
    found = groups(tl)
    assert [g["period"] for g in found] == ["2008-03", "2014", "2014-06", "2014-08"]
    assert [g["label"] for g in found] == ["Mar 2008", "2014", "Jun 2014", "Aug 2014"]
    june = found[2]["events"]
    # the month-only event comes before the days of its month
    assert [e["summary"] for e in june] == ["Iraq asks for air strikes", "ISIS seizes Mosul", "Tikrit falls"]
    assert [e["precision"] for e in june] == ["month", "day", "day"]
    assert [e["shown"] for e in june] == ["Jun 2014", "10 Jun 2014", "11 Jun 2014"]
    assert found[0]["events"][0]["shown"] == "Mar–Nov 2008"
    assert found[1]["events"][0]["precision"] == "year"


def test_grouped_by_year(tl):
    found = groups(tl, "--by", "year")
    assert [(g["period"], len(g["events"])) for g in found] == [("2008", 1), ("2014", 5)]
    assert [e["date"] for e in found[1]["events"]] == ["2014", "2014-06", "2014-06-10", "2014-06-11", "2014-08-08"]


def test_filters_and_overlap(tl):
    found = groups(tl, "--actor", "ISIS", "--since", "2014-06-15")
    # the year-only event overlaps the range; the June days do not
    assert [e["summary"] for g in found for e in g["events"]] == ["Militias gather north of Baghdad"]
    found = groups(tl, "--actor", "Maliki")
    assert [e["summary"] for g in found for e in g["events"]] == ["Iraq asks for air strikes"]
    found = groups(tl, "--place", "Tikrit")
    assert [e["summary"] for g in found for e in g["events"]] == ["Tikrit falls"]
    found = groups(tl, "--tag", "airstrikes")
    assert [e["summary"] for g in found for e in g["events"]] == ["Iraq asks for air strikes"]
    found = groups(tl, "--since", "last month", "--until", "last month", "--as-of", "2014-07-02")
    assert [e["summary"] for g in found for e in g["events"]] == [
        "Militias gather north of Baghdad", "Iraq asks for air strikes", "ISIS seizes Mosul", "Tikrit falls"]
    found = groups(tl, "--since", "2008-06", "--until", "2008-06")
    assert [e["summary"] for g in found for e in g["events"]] == ["Talks on a security agreement"]


def test_table_shows_headings_and_dates_as_written(tl):
    out = tl.ok("timeline").stdout
    assert out.index("Mar 2008 (1 event)") < out.index("2014 (1 event)") < out.index("Jun 2014 (3 events)")
    assert "10 Jun 2014" in out and "Mar–Nov 2008" in out


def test_markdown_and_csv(tl):
    md = tl.ok("timeline", "--format", "md", "--by", "year").stdout
    assert md.startswith("## 2008\n") and "- **Jun 2014**: Iraq asks for air strikes (Nouri al-Maliki) [#1]" in md
    rows = tl.ok("timeline", "--format", "csv").stdout.splitlines()
    assert rows[0] == "period,id,date,end_date,shown,precision,summary,actors,place,sources"
    assert rows[1].startswith("2008-03,5,2008-03,2008-11,Mar–Nov 2008,month,")


def test_limit_and_notice(tl):
    result = tl.ok("timeline", "--limit", "2", "--json")
    assert "--limit 0" in result.stderr


def test_bad_input_is_exit_2(tl):
    tl.fails(2, "timeline", "--actor", "Nobody Atall")
    tl.fails(2, "timeline", "--since", "not a date at all")


def test_nothing_matches_is_a_notice(tl):
    result = tl.ok("timeline", "--since", "2020")
    assert result.stdout == "" and "No events" in result.stderr
