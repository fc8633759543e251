"""Reading dates as analysts and articles write them."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.dates import (
    ParsedDate,
    bounds,
    format_partial,
    is_relative,
    parse_date,
    parse_partial,
    precision,
    range_bounds,
)
from brief.errors import BadInput

D = datetime.date
MID_2014 = D(2014, 6, 17)  # a Tuesday


def read(text: str, base: datetime.date = MID_2014) -> tuple:
    p = parse_date(text, base=base)
    return p.start, p.end, p.relative


def assert_valid(p: ParsedDate) -> None:
    assert parse_partial(p.start) == p.start
    if p.end is not None:
        assert parse_partial(p.end) == p.end
        assert bounds(p.start)[0] <= bounds(p.end)[1]


# ---------------------------------------------------------------- absolute


@pytest.mark.parametrize(
    "text, start, prec",
    [
        ("2014-06-10", "2014-06-10", "day"),
        ("2014-06", "2014-06", "month"),
        ("2014", "2014", "year"),
        ("June 10, 2014", "2014-06-10", "day"),
        ("10 June 2014", "2014-06-10", "day"),
        ("June 10th, 2014", "2014-06-10", "day"),
        ("Tuesday, June 10, 2014", "2014-06-10", "day"),
        ("March 2015", "2015-03", "month"),
        ("Sept. 2014", "2014-09", "month"),
        ("2021-07-25T15:17:02+00:00", "2021-07-25", "day"),
        ("2021-07-25 15:17", "2021-07-25", "day"),
        ("2021-07-25T23:59:59Z", "2021-07-25", "day"),
        ("2016-02-29", "2016-02-29", "day"),
        ("December 31, 2013", "2013-12-31", "day"),
        ("1 January 2014", "2014-01-01", "day"),
    ],
)
def test_absolute_forms(text, start, prec):
    for base in (MID_2014, D(1990, 1, 1), D(2030, 12, 31)):
        p = parse_date(text, base=base)
        assert (p.start, p.end, p.relative) == (start, None, False)
        assert p.precision == prec
        assert p.text == text


def test_years_are_not_given_a_month_or_day_from_the_base():
    assert read("2014", base=D(2020, 3, 9)) == ("2014", None, False)
    assert read("March 2015", base=D(2020, 7, 9)) == ("2015-03", None, False)


@pytest.mark.parametrize(
    "text, start",
    [
        ("on 2014-06-10", "2014-06-10"),
        ("in 2014", "2014"),
        ("since June 2014", "2014-06"),
        ("by March 2015", "2015-03"),
        ("as of June 10, 2014", "2014-06-10"),
        ("  As of   2014-06 ", "2014-06"),
    ],
)
def test_leading_prepositions_are_dropped_but_the_words_kept(text, start):
    p = parse_date(text, base=MID_2014)
    assert p.start == start
    assert p.text == text.strip()


# ---------------------------------------------------------------- periods


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("mid-2014", "2014-05", "2014-08"),
        ("mid 2014", "2014-05", "2014-08"),
        ("early 2014", "2014-01", "2014-04"),
        ("late 2013", "2013-09", "2013-12"),
        ("the end of 2014", "2014-09", "2014-12"),
        ("early March 2015", "2015-03-01", "2015-03-10"),
        ("mid-March 2015", "2015-03-11", "2015-03-20"),
        ("late March 2015", "2015-03-21", "2015-03-31"),
        ("late February 2016", "2016-02-21", "2016-02-29"),
        ("late February 2015", "2015-02-21", "2015-02-28"),
        ("Q3 2019", "2019-07", "2019-09"),
        ("Q1 2020", "2020-01", "2020-03"),
        ("2019 Q4", "2019-10", "2019-12"),
        ("third quarter of 2019", "2019-07", "2019-09"),
        ("H1 2020", "2020-01", "2020-06"),
        ("H2 2020", "2020-07", "2020-12"),
        ("first half of 2020", "2020-01", "2020-06"),
        ("spring 2014", "2014-03", "2014-05"),
        ("1990s", "1990", "1999"),
        ("the mid-1990s", "1994", "1996"),
        ("May to August 2014", "2014-05", "2014-08"),
        ("May–August 2014", "2014-05", "2014-08"),
        ("June 10-12, 2014", "2014-06-10", "2014-06-12"),
        ("June 10 to 12, 2014", "2014-06-10", "2014-06-12"),
        ("August 2014 to May 2015", "2014-08", "2015-05"),
        ("between 2012 and 2014", "2012", "2014"),
    ],
)
def test_qualified_periods_are_spans(text, start, end):
    p = parse_date(text, base=D(2024, 1, 1))
    assert (p.start, p.end, p.relative) == (start, end, False)
    assert_valid(p)


def test_span_ending_before_it_starts_is_refused():
    with pytest.raises(BadInput):
        parse_date("2015 to 2014", base=MID_2014)


def test_covering():
    assert parse_date("mid-2014", base=MID_2014).covering() == "2014"
    assert parse_date("early March 2015", base=MID_2014).covering() == "2015-03"
    assert parse_date("2014-06-10", base=MID_2014).covering() == "2014-06-10"
    assert ParsedDate("2014-06-10", "2014-06-10", "x", False).covering() == "2014-06-10"
    assert ParsedDate("2013-12", "2014-01", "x", False).covering() == "2013"


# ---------------------------------------------------------------- relative


@pytest.mark.parametrize(
    "text, base, expected",
    [
        ("Jan. 30", D(2014, 6, 17), ("2014-01-30", None, True)),
        ("Jan. 30", D(2014, 1, 29), ("2013-01-30", None, True)),
        ("Jan. 30", D(2014, 1, 30), ("2014-01-30", None, True)),
        ("Dec 31", D(2014, 1, 1), ("2013-12-31", None, True)),
        ("Dec 31", D(2014, 12, 31), ("2014-12-31", None, True)),
        ("January 1", D(2014, 1, 1), ("2014-01-01", None, True)),
        ("30 January", D(2014, 6, 17), ("2014-01-30", None, True)),
        ("Feb 29", D(2014, 6, 17), ("2012-02-29", None, True)),
        ("Feb. 29", D(2016, 3, 1), ("2016-02-29", None, True)),
        ("last month", D(2014, 1, 15), ("2013-12", None, True)),
        ("last month", D(2014, 3, 31), ("2014-02", None, True)),
        ("this month", D(2014, 1, 15), ("2014-01", None, True)),
        ("last year", D(2014, 1, 1), ("2013", None, True)),
        ("this year", D(2014, 1, 1), ("2014", None, True)),
        ("yesterday", D(2014, 1, 1), ("2013-12-31", None, True)),
        ("yesterday", D(2016, 3, 1), ("2016-02-29", None, True)),
        ("today", D(2016, 2, 29), ("2016-02-29", None, True)),
        ("two days ago", D(2014, 1, 1), ("2013-12-30", None, True)),
        ("3 weeks ago", D(2014, 6, 17), ("2014-05-27", None, True)),
        ("a month ago", D(2014, 1, 15), ("2013-12", None, True)),
        ("two years ago", D(2014, 1, 15), ("2012", None, True)),
        # 2014-06-17 is a Tuesday.
        ("Monday", D(2014, 6, 17), ("2014-06-16", None, True)),
        ("on Monday", D(2014, 6, 17), ("2014-06-16", None, True)),
        ("Tuesday", D(2014, 6, 17), ("2014-06-17", None, True)),
        ("on Wednesday", D(2014, 6, 17), ("2014-06-11", None, True)),
        ("last Tuesday", D(2014, 6, 17), ("2014-06-10", None, True)),
        ("last Monday", D(2014, 6, 17), ("2014-06-16", None, True)),
        ("Friday", D(2014, 1, 1), ("2013-12-27", None, True)),
        ("in January", D(2014, 6, 17), ("2014-01", None, True)),
        ("in July", D(2014, 6, 17), ("2013-07", None, True)),
        ("in June", D(2014, 6, 1), ("2014-06", None, True)),
        ("in December", D(2014, 1, 1), ("2013-12", None, True)),
        ("last week", D(2014, 6, 17), ("2014-06-09", "2014-06-15", True)),
        ("earlier this month", D(2014, 6, 17), ("2014-06-01", "2014-06-17", True)),
        ("late last year", D(2014, 6, 17), ("2013-09", "2013-12", True)),
        ("early March", D(2014, 6, 17), ("2014-03-01", "2014-03-10", True)),
        ("mid-March", D(2014, 3, 5), ("2013-03-11", "2013-03-20", True)),
        ("June 9 and 10", D(2014, 6, 17), ("2014-06-09", "2014-06-10", True)),
        ("Dec 30-31", D(2014, 1, 2), ("2013-12-30", "2013-12-31", True)),
        ("late Sunday", D(2014, 6, 17), ("2014-06-15", None, True)),
    ],
)
def test_relative_words_read_against_the_base(text, base, expected):
    p = parse_date(text, base=base)
    assert (p.start, p.end, p.relative) == expected
    assert_valid(p)
    assert is_relative(text)


@pytest.mark.parametrize(
    "text", ["tomorrow", "next week", "in 3 days", "in two weeks", "next month"]
)
def test_relative_words_never_land_after_the_base(text):
    with pytest.raises(BadInput) as caught:
        parse_date(text, base=MID_2014)
    assert text in str(caught.value)


def test_relative_results_are_never_after_the_base():
    words = ["Monday", "Sunday", "Dec 31", "Jan 1", "last week", "this week",
             "this month", "in December", "Feb 29", "earlier this year", "5 PM"]
    for offset in range(0, 800, 37):
        base = D(2015, 11, 20) + datetime.timedelta(days=offset)
        for text in words:
            p = parse_date(text, base=base)
            assert bounds(p.start)[0] <= base, (text, base)
            assert p.end is None or bounds(p.end)[0] <= base, (text, base)


def test_dates_given_in_full_may_lie_after_the_base():
    assert read("June 10, 2030") == ("2030-06-10", None, False)


def test_is_relative():
    for text in ["2014", "2014-06-10", "June 2014", "mid-2014", "Q3 2019",
                 "2021-07-25T15:17:02+00:00", "not a date", ""]:
        assert not is_relative(text), text
    for text in ["last month", "Monday", "two days ago", "Jan. 30", "in January", "tomorrow"]:
        assert is_relative(text), text


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    "text",
    ["2014-02-30", "2014-13", "2015-02-29", "not a date", "soon", "", "   ",
     "June 31, 2014", "June 30-31", "winter of discontent", "x" * 300],
)
def test_unreadable_words_are_bad_input(text):
    with pytest.raises(BadInput) as caught:
        parse_date(text, base=MID_2014)
    message = str(caught.value)
    assert message.endswith(".")
    if text.strip() and len(text) < 100:
        assert f"'{text.strip()}'" in message


def test_bad_day_message_says_what_is_wrong():
    with pytest.raises(BadInput, match="February 2014 has 28 days"):
        parse_date("2014-02-30", base=MID_2014)
    with pytest.raises(BadInput, match="'on June 31, 2014'"):
        parse_date("on June 31, 2014", base=MID_2014)


def test_unreadable_words_are_fast():
    parse_date("June 10, 2014 at noon", base=MID_2014)  # dateparser warmed up
    import time

    started = time.perf_counter()
    for _ in range(20):
        with pytest.raises(BadInput):
            parse_date("the quick brown fox", base=MID_2014)
    assert time.perf_counter() - started < 0.5


# ---------------------------------------------------------------- partial ISO


@pytest.mark.parametrize("value", ["2014", "2014-06", "2014-06-10", "2016-02-29", " 2014-06 "])
def test_parse_partial_accepts_stored_forms(value):
    assert parse_partial(value) == value.strip()


@pytest.mark.parametrize(
    "value",
    ["2014-13", "2014-02-30", "2015-02-29", "14-06-10", "2014-6-10", "2014-00",
     "2014-06-00", "0000", "June 2014", "", "2014-06-10T00:00"],
)
def test_parse_partial_refuses_anything_else(value):
    with pytest.raises(BadInput):
        parse_partial(value)


@pytest.mark.parametrize(
    "partial, first, last",
    [
        ("2014", D(2014, 1, 1), D(2014, 12, 31)),
        ("2014-06", D(2014, 6, 1), D(2014, 6, 30)),
        ("2014-12", D(2014, 12, 1), D(2014, 12, 31)),
        ("2016-02", D(2016, 2, 1), D(2016, 2, 29)),
        ("2015-02", D(2015, 2, 1), D(2015, 2, 28)),
        ("2000-02", D(2000, 2, 1), D(2000, 2, 29)),
        ("1900-02", D(1900, 2, 1), D(1900, 2, 28)),
        ("2014-06-10", D(2014, 6, 10), D(2014, 6, 10)),
    ],
)
def test_bounds(partial, first, last):
    assert bounds(partial) == (first, last)


def test_precision():
    assert [precision(p) for p in ("2014", "2014-06", "2014-06-10")] == ["year", "month", "day"]


def test_partial_strings_sort_coarse_before_fine():
    assert sorted(["2014-06-10", "2014", "2014-06", "2013-12-31"]) == [
        "2013-12-31", "2014", "2014-06", "2014-06-10"]


def test_range_bounds():
    since = parse_date("mid-2014", base=MID_2014)
    until = parse_date("March 2015", base=MID_2014)
    assert range_bounds(since, until) == ("2014-05-01", "2015-03-31")
    assert range_bounds(parse_date("2014", base=MID_2014), None) == ("2014-01-01", None)
    assert range_bounds(None, parse_date("2016-02", base=MID_2014)) == (None, "2016-02-29")
    assert range_bounds(None, None) == (None, None)


def test_format_partial():
    assert format_partial("2014-06-10") == "10 Jun 2014"
    assert format_partial("2014-06") == "Jun 2014"
    assert format_partial("2014") == "2014"
    assert format_partial("2014-05", "2014-08") == "May–Aug 2014"
    assert format_partial("2015-03-01", "2015-03-10") == "1–10 Mar 2015"
    assert format_partial("2014-06-28", "2014-07-02") == "28 Jun – 2 Jul 2014"
    assert format_partial("1990", "1999") == "1990–1999"
    assert format_partial("2014-06", "2015-07") == "Jun 2014 – Jul 2015"
    assert format_partial("2014-06", "2014-06") == "Jun 2014"


# ---------------------------------------------------------------- robustness


_DATE_WORDS = st.sampled_from(
    ["mid", "early", "late", "-", "–", "to", "and", "of", "the", "in", "on", "last",
     "this", "ago", "days", "month", "year", "week", "Q3", "H2", "half", "first",
     "March", "Feb", "Jan.", "Monday", "29", "31", "0", "2014", "1999", "0000",
     "9999", "2014-06", "2014-02-29", "1990s", ",", "spring", "T12:00", "Z"]
)
_TEXTS = st.one_of(
    st.text(max_size=40),
    st.lists(_DATE_WORDS, min_size=1, max_size=5).map(" ".join),
    st.lists(_DATE_WORDS, min_size=1, max_size=4).map("".join),
)


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)))
def test_any_text_is_a_date_or_bad_input(text, base):
    try:
        p = parse_date(text, base=base)
    except BadInput:
        return
    assert_valid(p)
    assert p.text == text.strip()


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["Monday", "last Friday", "Feb 29", "Dec 31", "last month",
                     "two weeks ago", "mid-March", "in January", "yesterday"]),
    st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)),
)
def test_relative_words_hold_for_any_base(text, base):
    p = parse_date(text, base=base)
    assert_valid(p)
    assert p.relative
    assert bounds(p.start)[0] <= base


def test_iso_dates_do_not_load_dateparser():
    code = (
        "import sys, datetime\n"
        "from brief.dates import parse_date, is_relative\n"
        "for t in ['2014-06-10', '2014-06', '2014', '2021-07-25T15:17:02+00:00',"
        " 'on 2014-06-10', '2021-07-25 15:17']:\n"
        "    parse_date(t, base=datetime.date(2014, 6, 17)); is_relative(t)\n"
        "assert 'dateparser' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
