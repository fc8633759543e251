"""Dated events, read against the publication date."""

from __future__ import annotations

import pytest

from brief.ingest import extract


@pytest.mark.parametrize("sentence, date_text, date, end", [
    ("ISIS has taken Mosul in just the past two days.", "in just the past two days", "2014-06-10", "2014-06-11"),
    ("Last month the minister asked for drones.", "Last month", "2014-05", None),
    ("The Pentagon said on Monday it would not strike.", "on Monday", "2014-06-09", None),
    ("The group seized Fallujah in January.", "in January", "2014-01", None),
    ("Since 2009, the U.S. has listed the group.", "Since 2009", "2009", None),
    ("The troops left in 2011.", "in 2011", "2011", None),
    ("The city fell on June 10.", "June 10", "2014-06-10", None),
    ("He led the command between 2007 and 2008.", "between 2007 and 2008", "2007", "2008"),
    ("The attack came three years ago.", "three years ago", "2011", None),
    ("As of Jan. 30, the coalition had spent $1.5 billion.", "As of Jan. 30", "2014-01-30", None),
])
def test_date_expressions(sentence, date_text, date, end):
    events = extract(sentence, published="2014-06-11").events
    assert len(events) == 1, events
    event = events[0]
    assert date_text in event.date_text
    assert (event.date, event.end) == (date, end)
    assert event.summary == sentence


def test_weekday_in_a_sentence_about_the_future_is_the_coming_one():
    events = extract("Biden is expected to use his meeting Monday with the prime minister.",
                     published="2021-07-25").events
    assert events[0].date == "2021-07-26"


def test_money_and_counts_are_not_years():
    events = extract("The U.S. spent $2014 million and sent 2,500 troops.", published="2014-06-11").events
    assert events == []


def test_actors_and_place_come_from_the_sentence():
    events = extract("President Barack Obama met Nouri al-Maliki in Baghdad on Monday.",
                     published="2014-06-11").events
    assert events[0].place == "Baghdad"
    assert "Barack Obama" in events[0].actors and "Nouri al-Maliki" in events[0].actors


def test_long_sentences_are_trimmed_for_the_summary():
    sentence = "On Monday the council met " + "and talked about the harbor " * 20 + "for hours."
    event = extract(sentence, published="2014-06-11").events[0]
    assert len(event.summary) <= 241 and event.summary.endswith("…")
