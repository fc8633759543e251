"""Dated events: sentences that carry a date expression.

The expressions are found here with patterns ("in January", "last month",
"on Monday", "Since 2009", "June 10", "in just the past two days"); what
they mean is decided by ``brief.dates.parse_date`` against the publication
date. A weekday in a sentence about the future ("is expected to ... Monday")
is read as the coming one.
"""

from __future__ import annotations

import datetime
import re

from brief.dates import ParsedDate, bounds, parse_date
from brief.errors import BadInput
from brief.ingest.rules import alternation, rules

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?<![$£€\d.,])(?:19|20)\d{2}(?!\d|,\d|-\d|\s*(?:percent|%|troops|people|km|miles))"
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|several|few)"
_PREP = r"(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ff]rom|[Bb]efore|[Aa]fter|[Oo]n|[Aa]s of|[Ee]arly|[Ll]ate|[Mm]id-?)"

_PATTERNS = [
    ("span", rf"(?:[Bb]etween\s+)?{_YEAR}\s+(?:and|to)\s+{_YEAR}"),
    ("day", rf"(?:{_PREP}\s+)?(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}"),
    ("day", rf"(?:{_PREP}\s+)?\d{{1,2}}\s+{_MONTH},?\s+{_YEAR}"),
    ("month", rf"(?:{_PREP}\s+)?{_MONTH}\s+{_YEAR}"),
    ("day", rf"(?:{_PREP}\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![,.]?\d)"),
    ("ago", rf"\b{_NUM}\s+(?:days?|weeks?|months?|years?)\s+ago\b"),
    ("past_days", rf"\b(?:[Ii]n\s+|[Oo]ver\s+)?(?:just\s+)?the\s+(?:past|last)\s+(?P<n>{_NUM})\s+(?:days|weeks)\b"),
    ("weekend", r"\b(?:[Oo]ver|[Dd]uring|[Tt]his|[Ll]ast)\s+(?:the\s+)?weekend\b"),
    ("relative", r"\b(?:[Ee]arlier\s+this|[Ll]ast|[Tt]his|[Pp]ast|[Pp]revious)\s+(?:week|month|year)\b"),
    ("relative", r"\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast night)\b"),
    ("weekday", rf"\b(?:(?:[Oo]n|[Ll]ast|[Tt]his|[Pp]ast|[Bb]y|[Nn]ext)\s+)?{_WEEKDAY}\b"),
    ("month", rf"\b{_PREP}\s+(?:[Ee]arly\s+|[Ll]ate\s+|[Mm]id-?)?{_MONTH}\b(?!\s+\d)"),
    ("year", rf"(?:\b{_PREP}\s+(?:the\s+)?)?{_YEAR}"),
]
_FINDER = re.compile("|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_PATTERNS)))
_KIND = {f"k{i}": kind for i, (kind, _) in enumerate(_PATTERNS)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def find_expressions(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, words, kind) of each date expression, leftmost-longest."""
    out = []
    for m in _FINDER.finditer(sentence):
        kind = _KIND[m.lastgroup] if m.lastgroup in _KIND else next(
            _KIND[k] for k, v in m.groupdict().items() if v is not None and k in _KIND)
        out.append((m.start(), m.end(), m.group().strip(), kind))
    return out


def _future(sentence: str) -> bool:
    cues = alternation(rules()["future_cues"])
    return bool(re.search(rf"\b(?:{cues})\b", sentence, re.I))


def resolve(words: str, kind: str, sentence: str, base: datetime.date | None) -> ParsedDate | None:
    """What the words mean, through brief.dates; None when they cannot be read."""
    queries = [words]
    query_base = base
    if kind == "past_days":
        m = re.search(_NUM + r"(?=\s+(days|weeks))", words)
        n = m.group().lower() if m else "2"
        count = int(n) if n.isdigit() else _NUMBERS.get(n, 2)
        if m and m.group(1) == "weeks":
            queries = [f"{7 * count} days ago to today"]
        else:
            queries = [f"{count - 1} days ago to today" if count > 1 else "today"]
    elif kind == "weekend":
        queries = ["Saturday to Sunday", "Saturday"]
    elif kind == "weekday" and base is not None and _future(sentence) and not re.match(
            r"(?i)(?:last|past)\b", words):
        query_base = base + datetime.timedelta(days=6)
    for query in queries:
        if query_base is None:
            try:  # absolute words need no base; relative ones are refused without one
                probe = parse_date(query, base=datetime.date(2001, 6, 15))
            except BadInput:
                continue
            if probe.relative:
                return None
            return probe
        try:
            return parse_date(query, base=query_base)
        except BadInput:
            continue
    return None


def base_date(published: str | None) -> datetime.date | None:
    """The day relative words are read against: the last day the publication date allows."""
    if not published:
        return None
    return bounds(published)[1]


def date_of(text: str, base: datetime.date | None) -> str | None:
    """The first date expression in a clause, as a partial ISO date ('said on Monday')."""
    for _, _, words, kind in find_expressions(text):
        if kind not in ("day", "weekday") and words.lower() not in ("yesterday", "today", "last night"):
            continue  # 'until last year' dates the speaker's career, not the words
        parsed = resolve(words, kind, text, base)
        if parsed is not None:
            return parsed.covering()
    return None
