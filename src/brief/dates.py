"""Reading and showing dates.

Dates are stored as partial ISO 8601 strings: ``2014`` (some day in 2014),
``2014-06`` (some day in June 2014) or ``2014-06-10``. A span has an inclusive
end, another partial ISO string. The words a date came from are kept beside.

Relative words ("last month", "on Monday", "Jan. 30") are read against a base
date the caller passes in; this module never reads the clock. A relative
reading never lands after its base date: in an article, "Monday" is the
Monday that has passed.

Plain ISO forms, month names, weekdays, qualified periods ("mid-2014",
"early March 2015", "Q3 2019") and the common relative words are read by this
module's own patterns; dateparser is imported only for what is left, so a
command given ``--date 2014-06-10`` never pays for loading it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from brief.errors import BadInput

__all__ = [
    "ParsedDate",
    "bounds",
    "format_partial",
    "is_relative",
    "parse_date",
    "parse_partial",
    "precision",
    "range_bounds",
]

_HINT = "try 2014-06-10, June 2014 or 2014"
_MAX_LENGTH = 80

# --------------------------------------------------------------------------
# Partial ISO strings


_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTH_NAMES = [
    "", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


@dataclass(frozen=True)
class ParsedDate:
    start: str  # partial ISO
    end: str | None  # inclusive end of a span, partial ISO, or None
    text: str  # the words as typed, stripped
    relative: bool  # True when the words were read against the base date

    @property
    def precision(self) -> str:
        return precision(self.start)

    def covering(self) -> str:
        """The smallest single partial ISO date holding start..end.

        A span that crosses a year boundary has no single partial date
        holding it; its start year is returned then.
        """
        if self.end is None:
            return self.start
        first = bounds(self.start)[0]
        last = bounds(self.end)[1]
        if first == last:
            return first.isoformat()
        if (first.year, first.month) == (last.year, last.month):
            return first.isoformat()[:7]
        return first.isoformat()[:4]


def _partial_error(value: str, why: str) -> BadInput:
    return BadInput(f"Could not read '{value}' as a date; {why}.")


def _check(year: int, month: int | None, day: int | None, shown: str) -> str:
    """The partial ISO string for year/month/day, or BadInput naming `shown`."""
    if year < 1:
        raise _partial_error(shown, "years start at 0001")
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise _partial_error(shown, "months run from 01 to 12")
    if day is None:
        return f"{year:04d}-{month:02d}"
    last = _days_in_month(year, month)
    if not 1 <= day <= last:
        name = _MONTH_NAMES[month]
        raise _partial_error(shown, f"{name} {year} has {last} days")
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_partial(value: str) -> str:
    """Validate a stored partial ISO date ('2014', '2014-06', '2014-06-10')."""
    if not isinstance(value, str):
        raise BadInput(f"Could not read {value!r} as a date; {_HINT}.")
    text = value.strip()
    m = _PARTIAL.fullmatch(text)
    if not m:
        raise BadInput(f"Could not read '{text}' as a date; {_HINT}.")
    year, month, day = (int(g) if g else None for g in m.groups())
    return _check(year, month, day, text)


def precision(partial: str) -> str:
    """'year', 'month' or 'day': how much of a partial ISO date is given."""
    return {4: "year", 7: "month", 10: "day"}[len(parse_partial(partial))]


def bounds(partial: str) -> tuple[datetime.date, datetime.date]:
    """First and last day of the period a partial ISO date names."""
    m = _PARTIAL.fullmatch(parse_partial(partial))
    year = int(m.group(1))
    if m.group(2) is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month = int(m.group(2))
    if m.group(3) is None:
        last = _days_in_month(year, month)
        return datetime.date(year, month, 1), datetime.date(year, month, last)
    day = datetime.date(year, month, int(m.group(3)))
    return day, day


def range_bounds(
    since: ParsedDate | None, until: ParsedDate | None
) -> tuple[str | None, str | None]:
    """ISO day strings for filtering: the first day of `since`, the last of `until`."""
    low = bounds(since.start)[0].isoformat() if since is not None else None
    high = None
    if until is not None:
        high = bounds(until.end or until.start)[1].isoformat()
    return low, high


# --------------------------------------------------------------------------
# Display

_MONTH_ABBR = [
    "", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
]


def _show(partial: str) -> str:
    parts = partial.split("-")
    if len(parts) == 1:
        return parts[0]
    month = _MONTH_ABBR[int(parts[1])]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def format_partial(partial: str, end: str | None = None) -> str:
    """Human display: '10 Jun 2014', 'Jun 2014', '2014', 'May–Aug 2014'."""
    if end is None or end == partial:
        return _show(partial)
    a, b = partial.split("-"), end.split("-")
    if len(a) == len(b) and a[0] == b[0]:
        if len(a) == 2:
            return f"{_MONTH_ABBR[int(a[1])]}–{_MONTH_ABBR[int(b[1])]} {a[0]}"
        if len(a) == 3 and a[1] == b[1]:
            return f"{int(a[2])}–{int(b[2])} {_MONTH_ABBR[int(a[1])]} {a[0]}"
        if len(a) == 3:
            return f"{int(a[2])} {_MONTH_ABBR[int(a[1])]} – {_show(end)}"
    if len(a) == len(b) == 1:
        return f"{a[0]}–{b[0]}"
    return f"{_show(partial)} – {_show(end)}"


# --------------------------------------------------------------------------
# Reading words

# (start, end, relative): what each reader below returns when it knows the words.
_Reading = tuple[str, "str | None", bool]

class _Lazy:
    """A pattern compiled on first use: the ISO fast path never pays for it."""

    __slots__ = ("_args", "_pattern")

    def __init__(self, *args):
        self._args = args
        self._pattern = None

    def fullmatch(self, text: str):
        if self._pattern is None:
            self._pattern = re.compile(*self._args)
        return self._pattern.fullmatch(text)


_ISO_DAY = re.compile(
    r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
_ISO_MONTH = re.compile(r"(\d{4})[-/](\d{1,2})")
_YEAR = re.compile(r"\d{4}")

_LEADING = re.compile(
    r"^(?:on|in|since|by|as\s+of|from|during|until|till|around|about|circa|c\.|the)\s+",
    re.IGNORECASE,
)

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1,
    "wed": 2, "wednesday": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "fri": 4, "friday": 4, "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "several": None, "few": None,
}

_M = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WD = r"(?:(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<year>\d{4})"

_NAMED = [
    _Lazy(_WD + _M + r"\s+" + _D + r",?\s+" + _Y, re.I),  # June 10, 2014
    _Lazy(_WD + _D + r"\s+(?:of\s+)?" + _M + r",?\s+" + _Y, re.I),  # 10 June 2014
    _Lazy(_M + r",?\s+" + _Y, re.I),  # March 2015
    _Lazy(_WD + _M + r"\s+" + _D, re.I),  # Jan. 30
    _Lazy(_WD + _D + r"\s+(?:of\s+)?" + _M, re.I),  # 30 January
    _Lazy(_M, re.I),  # January
]

_WEEKDAY = _Lazy(
    r"(?:(?P<which>last|this|past)\s+)?(?P<weekday>"
    + "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
    + r")\.?",
    re.I,
)
_AGO = _Lazy(
    r"(?P<n>\d{1,4}|" + "|".join(_NUMBERS) + r")\s+(?P<unit>day|week|month|year)s?\s+ago",
    re.I,
)
_THIS_LAST = _Lazy(r"(?P<which>this|last|past|previous)\s+(?P<unit>week|month|year)", re.I)
_EARLIER = _Lazy(r"earlier\s+this\s+(?P<unit>week|month|year)", re.I)

_QUALIFIER = _Lazy(
    r"(?P<q>early|mid|late|beginning\s+of|start\s+of|middle\s+of|end\s+of)"
    r"(?:\s*-\s*|\s+)(?:the\s+)?(?P<rest>.+)",
    re.I,
)
_QUALIFIERS = {"early": 0, "beginning of": 0, "start of": 0,
               "mid": 1, "middle of": 1, "late": 2, "end of": 2}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4}
_QUARTER = _Lazy(
    r"(?:q(?P<q>[1-4])|(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)"
    r"(?:\s+of|,)?\s+(?P<rest>.+)",
    re.I,
)
_QUARTER_AFTER = _Lazy(r"(?P<rest>\d{4})\s*-?\s*q(?P<q>[1-4])", re.I)
_HALF = _Lazy(
    r"(?:h(?P<h>[12])|(?P<ord>first|second|1st|2nd)\s+half)(?:\s+of|,)?\s+(?P<rest>.+)",
    re.I,
)
_SEASON = _Lazy(r"(?P<season>spring|summer|autumn|fall)(?:\s+of)?\s+(?P<rest>.+)", re.I)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_DECADE = _Lazy(r"(?P<decade>\d{3}0)'?s", re.I)

_SPAN = _Lazy(
    r"(?:between\s+)?(?P<a>.+?)\s*(?:–|—|\s-\s|\bto\b|\buntil\b|\bthrough\b|\band\b)\s*(?P<b>.+)",
    re.I,
)
_DAY_SPAN = _Lazy(
    _M + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–—]|\s(?:and|to|through)\s)\s*"
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+" + _Y + ")?",
    re.I,
)
_FUTURE_IN = _Lazy(r"in\s+(?:\d+|" + "|".join(_NUMBERS) + r")\s+\w+", re.I)
_TWO_DIGIT_YEAR = _Lazy(r"^(\d{1,2}[/.]\d{1,2}[/.])(\d{2})$")


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _clean(typed: str) -> str:
    words = " ".join(typed.split()).rstrip(".,;:!?")
    while True:
        shorter = _LEADING.sub("", words, count=1)
        if shorter == words:
            return words
        words = shorter


def _read_iso(words: str) -> _Reading | None:
    m = _ISO_DAY.fullmatch(words)
    if m:
        return _check(int(m[1]), int(m[2]), int(m[3]), words), None, False
    m = _ISO_MONTH.fullmatch(words)
    if m:
        return _check(int(m[1]), int(m[2]), None, words), None, False
    if _YEAR.fullmatch(words):
        return _check(int(words), None, None, words), None, False
    return None


def _month_on_or_before(month: int, base: datetime.date) -> int:
    return base.year if month <= base.month else base.year - 1


def _day_on_or_before(month: int, day: int, base: datetime.date) -> str | None:
    if day > _days_in_month(2000, month):  # 2000 is a leap year
        return None
    year = base.year if (month, day) <= (base.month, base.day) else base.year - 1
    while day > _days_in_month(year, month):  # Feb 29
        year -= 1
    return _iso(year, month, day)


def _read_named(words: str, base: datetime.date) -> _Reading | None:
    for pattern in _NAMED:
        m = pattern.fullmatch(words)
        if not m:
            continue
        parts = m.groupdict()
        month = _MONTHS[parts["month"].lower()]
        day = int(parts["day"]) if parts.get("day") else None
        if parts.get("year"):
            return _check(int(parts["year"]), month, day, words), None, False
        if day is None:
            return _iso(_month_on_or_before(month, base), month), None, True
        found = _day_on_or_before(month, day, base)
        return (found, None, True) if found else None
    m = _DAY_SPAN.fullmatch(words)
    if m:  # June 10-12, 2014; June 9 and 10
        month, relative = _MONTHS[m["month"].lower()], not m["year"]
        last = _day_on_or_before(month, int(m["d2"]), base) if relative else None
        if relative and last is None:
            raise _partial_error(words, f"{_MONTH_NAMES[month]} has no day {m['d2']}")
        year = int(last[:4]) if last else int(m["year"])
        first = _check(year, month, int(m["d1"]), words)
        last = _check(year, month, int(m["d2"]), words)
        return (first, last, relative) if first < last else None
    return None


def _read_relative(words: str, base: datetime.date) -> _Reading | None:
    lower = words.lower()
    if lower in ("today", "now", "tonight", "this morning", "this afternoon", "this evening"):
        return base.isoformat(), None, True
    if lower in ("yesterday", "last night"):
        return (base - datetime.timedelta(days=1)).isoformat(), None, True
    m = _WEEKDAY.fullmatch(words)
    if m:
        weekday = _WEEKDAYS[m["weekday"].lower()]
        back = (base.weekday() - weekday) % 7
        if back == 0 and (m["which"] or "").lower() in ("last", "past"):
            back = 7
        return (base - datetime.timedelta(days=back)).isoformat(), None, True
    m = _AGO.fullmatch(words)
    if m:
        n = m["n"].lower()
        count = int(n) if n.isdigit() else _NUMBERS[n]
        if count is None:
            return None
        return _step_back(base, m["unit"].lower(), count), None, True
    m = _THIS_LAST.fullmatch(words)
    if m:
        unit = m["unit"].lower()
        count = 0 if m["which"].lower() == "this" else 1
        if unit == "week":
            monday = base - datetime.timedelta(days=base.weekday() + 7 * count)
            sunday = min(monday + datetime.timedelta(days=6), base)
            return monday.isoformat(), (sunday.isoformat() if sunday != monday else None), True
        return _step_back(base, unit, count), None, True
    m = _EARLIER.fullmatch(words)
    if m:
        unit = m["unit"].lower()
        if unit == "week":
            first = base - datetime.timedelta(days=base.weekday())
            return first.isoformat(), base.isoformat(), True
        if unit == "month":
            return _iso(base.year, base.month, 1), base.isoformat(), True
        return _iso(base.year, 1), _iso(base.year, base.month), True
    return None


def _step_back(base: datetime.date, unit: str, count: int) -> str:
    if unit == "day":
        return (base - datetime.timedelta(days=count)).isoformat()
    if unit == "week":
        return (base - datetime.timedelta(weeks=count)).isoformat()
    if unit == "month":
        months = base.year * 12 + base.month - 1 - count
        return _iso(months // 12, months % 12 + 1)
    return _iso(base.year - count)


def _read_period(words: str, base: datetime.date) -> _Reading | None:
    """Qualified periods: mid-2014, early March 2015, Q3 2019, H1 2020, spring 2014."""
    m = _DECADE.fullmatch(words)
    if m:
        return m["decade"], str(int(m["decade"]) + 9), False
    m = _QUALIFIER.fullmatch(words)
    if m:
        part = _QUALIFIERS[" ".join(m["q"].lower().split())]
        decade = _DECADE.fullmatch(m["rest"])
        if decade:
            first = int(decade["decade"]) + (0, 4, 7)[part]
            return str(first), str(first + (3, 2, 2)[part]), False
        inner = _read_single(m["rest"], base)
        if inner is None or inner[1] is not None:
            return None
        start, _, relative = inner
        if precision(start) == "year":
            year = int(start)
            return _iso(year, 4 * part + 1), _iso(year, 4 * part + 4), relative
        if precision(start) == "month":
            year, month = int(start[:4]), int(start[5:7])
            first_day = (1, 11, 21)[part]
            if relative and _NAMED[-1].fullmatch(m["rest"]) and (month, first_day) > (
                base.month,
                base.day,
            ):
                year -= 1  # "mid-March" written on 5 March: the March before
            last = _days_in_month(year, month)
            first_day, last_day = ((1, 10), (11, 20), (21, last))[part]
            return _iso(year, month, first_day), _iso(year, month, last_day), relative
        return inner  # "late Sunday", "early June 10, 2014": a time of that day
    for pattern, size in ((_QUARTER, 3), (_QUARTER_AFTER, 3), (_HALF, 6)):
        m = pattern.fullmatch(words)
        if m:
            parts = m.groupdict()
            index = parts.get("q") or parts.get("h")
            index = int(index) if index else _ORDINALS[parts["ord"].lower()]
            return _months_of_year(m["rest"], base, (index - 1) * size + 1, index * size)
    m = _SEASON.fullmatch(words)
    if m:
        first, last = _SEASONS[m["season"].lower()]
        return _months_of_year(m["rest"], base, first, last)
    return None


def _months_of_year(rest: str, base: datetime.date, first: int, last: int) -> _Reading | None:
    inner = _read_single(rest, base)
    if inner is None or inner[1] is not None or precision(inner[0]) != "year":
        return None
    year = int(inner[0])
    return _iso(year, first), _iso(year, last), inner[2]


def _read_single(words: str, base: datetime.date) -> _Reading | None:
    """Everything but spans and dateparser."""
    return (
        _read_iso(words)
        or _read_named(words, base)
        or _read_relative(words, base)
        or _read_period(words, base)
    )


def _read_span(words: str, base: datetime.date) -> _Reading | None:
    m = _SPAN.fullmatch(words)
    if not m:
        return None
    right = _read_single(_clean(m["b"]), base)
    if right is None:
        return None
    left_words = _clean(m["a"])
    left = _read_single(left_words, base)
    if not _YEAR.search(left_words) and not right[2]:
        # "May to August 2014": the left side takes the right side's year.
        left = _read_single(f"{left_words} {right[0][:4]}", base) or left
    if left is None:
        return None
    start, end = left[0], right[1] or right[0]
    if bounds(start)[0] > bounds(end)[1]:
        return None
    return start, end, left[2] or right[2]


# --------------------------------------------------------------------------
# dateparser, for whatever the patterns above do not know

_parsers: dict = {}


def _dateparser_for(base: datetime.date):
    parser = _parsers.get(base)
    if parser is None:
        from dateparser.date import DateDataParser

        if len(_parsers) > 16:
            _parsers.clear()
        parser = DateDataParser(
            languages=["en"],
            settings={
                "PREFER_DATES_FROM": "past",
                "RELATIVE_BASE": datetime.datetime(base.year, base.month, base.day),
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
        _parsers[base] = parser
    return parser


def _dateparser_partial(words: str, base: datetime.date) -> str | None:
    try:
        data = _dateparser_for(base).get_date_data(words)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    found = data.date_obj
    if found is None:
        return None
    if data.period == "year":
        return _iso(found.year)
    if data.period == "month":
        return _iso(found.year, found.month)
    return _iso(found.year, found.month, found.day)


def _read_dateparser(words: str, base: datetime.date) -> _Reading | None:
    m = _TWO_DIGIT_YEAR.fullmatch(words)
    if m:  # "10/06/14": the latest such year not after the base year
        year = base.year // 100 * 100 + int(m[2])
        if year > base.year:
            year -= 100
        words = f"{m[1]}{year:04d}"
    start = _dateparser_partial(words, base)
    if start is None:
        return None
    # Words that read the same against another base do not depend on it.
    other = base - datetime.timedelta(days=3 * 365 + 40)
    relative = _dateparser_partial(words, other) != start
    if not relative and start[:4] not in words:
        return None  # a year read out of other numbers ("June 30-31" as 1931)
    return start, None, relative


# --------------------------------------------------------------------------
# Public entry points


def _read(typed: str, base: datetime.date) -> _Reading:
    if not isinstance(typed, str) or not typed.strip():
        raise BadInput(f"No date was given; {_HINT}.")
    typed = typed.strip()
    words = _clean(typed)
    fail = BadInput(f"Could not read '{typed}' as a date; {_HINT}.")
    if not words or len(words) > _MAX_LENGTH:
        raise fail
    try:
        reading = _read_iso(words)
        if reading is None:
            if _FUTURE_IN.fullmatch(" ".join(typed.split())):
                raise fail  # "in 3 days" lies ahead
            reading = (
                _read_single(words, base)
                or _read_span(words, base)
                or _read_dateparser(words, base)
            )
    except BadInput as error:
        if f"'{words}'" not in error.message:
            raise fail from None  # a part of a span, named in its own words
        raise BadInput(error.message.replace(f"'{words}'", f"'{typed}'")) from None
    except (ValueError, OverflowError):
        raise fail from None
    if reading is None:
        raise fail
    return reading


def parse_date(text: str, *, base: datetime.date) -> ParsedDate:
    """Read the words of a date, relative words against `base`.

    Raises BadInput with one sentence when the words are not a date, or when
    relative words would put the date after `base`.
    """
    typed = text.strip()
    if not typed.replace("\t", " ").isprintable():
        raise BadInput(f"Could not read {typed!r} as a date: it holds control characters; type the date again.")
    start, end, relative = _read(text, base)
    if relative and bounds(start)[0] > base:
        raise BadInput(
            f"Could not use '{typed}' as a date: it falls after {base.isoformat()}, "
            "the date it is read against."
        )
    if relative and end is not None and bounds(end)[0] > base:
        end = base.isoformat()
    return ParsedDate(start=start, end=end, text=typed, relative=relative)


_IS_RELATIVE_BASE = datetime.date(2001, 6, 15)


def is_relative(text: str) -> bool:
    """Whether the words need a base date ('last month', 'Monday', 'Jan. 30')."""
    try:
        return _read(text, _IS_RELATIVE_BASE)[2]
    except BadInput:
        return False
