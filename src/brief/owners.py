"""Owners: the country or place a name says a body or a place belongs to.

"Egypt's General Intelligence Service", "Egyptian General Intelligence"
and "General Intelligence of Egypt" name one owner, Egypt, and one body;
"Kayes, Mali" and "Cairo's Tahrir Square" name a place within another.
Deduplication reads the owner apart from the name, so that the name alone
matches ("Russian Africa Corps" / "Africa Corps") and two owners tell two
things apart ("Kyrgyzstan's GKNB" / "Tajikistan's GKNB").

Countries and their demonyms are in data/countries.txt; the states and
provinces written after a town in North America and Australia ("Nogales,
Ariz.", "Paris, Texas"), with their short forms, in
data/namesake_regions.txt. Pure: no database, no printing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from brief import names

__all__ = ["country_named", "same_owner", "split_owner"]

# words that only say what kind of state a country is: Republic of Kenya,
# People's Democratic Republic of Algeria, Hashemite Kingdom of Jordan
_POLITY = frozenset(names._translit(w) for w in """republic kingdom state states federal federation federative democratic people peoples
islamic arab socialist united plurinational bolivarian hashemite sultanate principality grand duchy
commonwealth union of the oriental cooperative""".split())

# the last word of a name that is itself a country's kind of state: "Islamic
# State of Iraq" is not the Islamic State owned by Iraq
_POLITY_END = frozenset(names._translit(w) for w in "state states republic emirate kingdom caliphate federation union people".split())

# possessives of words that are not places: People's Square, Martyrs' Square
_NOT_PLACES = frozenset(names._translit(w) for w in """people peoples workers worker women woman martyrs martyr children child heroes hero
farmers citizens soldiers veterans youth mothers fathers patriots nations saint st king queen president""".split())

_JOINING = frozenset("for in and the to at on".split())
_POSSESSIVE_END = re.compile(r"(?:['\u2019]s|s['\u2019])$")
_MAX_WORDS = 4


def _tokens(text: str) -> tuple[str, ...]:
    return names.match_tokens(text, False)


@lru_cache(maxsize=1)
def _lists() -> tuple[dict, dict, dict]:
    countries: dict[tuple[str, ...], str] = {}
    demonyms: dict[tuple[str, ...], str] = {}
    for line in names._data_lines("countries.txt"):
        written, _, demonym = line.partition("=")
        forms = [w.strip() for w in written.split(";") if w.strip()]
        owner = " ".join(_tokens(forms[0]))
        for form in forms:
            countries[_tokens(form)] = owner
        for form in demonym.split(";"):
            if form.strip():
                demonyms[_tokens(form)] = owner
    regions: dict[tuple[str, ...], str] = {}
    for line in names._data_lines("namesake_regions.txt"):
        full, _, short = line.partition("=")
        owner = " ".join(_tokens(full))
        for form in [full, *short.split()]:
            regions[_tokens(form)] = owner
    return countries, demonyms, regions


def country_of(key: str) -> str | None:
    """The country a match key names as a whole ("ivory coast": "cote
    divoire"), or None."""
    countries, _, _ = _lists()
    return countries.get(tuple(key.split()))


def namesake_region(owner: str) -> bool:
    """Whether an owner (as ``split_owner`` gives it) is a state or province
    of the United States, Canada or Australia, written after towns that
    often bear a better-known place's name (Paris, Texas)."""
    return owner in _namesake_owners()


@lru_cache(maxsize=1)
def _namesake_owners() -> frozenset[str]:
    return frozenset(_lists()[2].values())


def _owner(text: str) -> tuple[str, bool]:
    """A place written as an owner: its key, and whether it is a country."""
    toks = _tokens(text)
    countries, _, regions = _lists()
    if toks in countries:
        return countries[toks], True
    return regions.get(toks) or " ".join(toks), False


@lru_cache(maxsize=131072)
def split_owner(text: str, place: bool) -> tuple[str, str, bool] | None:
    """The owner a name is written with, the name without it and whether
    the owner is a country, or None.

    Organisations and groups: a country written in front with a possessive
    ("Egypt's"), its demonym in front ("Egyptian"), or behind, with "of" or
    without ("Hefazat-e-Islam Bangladesh").
    Places also take any place in front with a possessive ("Cairo's
    Tahrir Square") and one written after a comma ("Kayes, Mali").
    """
    countries, demonyms, _ = _lists()
    words = text.split()
    if len(words) < 2:
        return None
    if place and "," in text:
        head, _, tail = text.partition(",")
        tail = tail.split(",")[0]
        if _tokens(head) and _tokens(tail):
            owner, country = _owner(tail)
            return owner, head.strip(), country
    for n in range(1, min(_MAX_WORDS, len(words) - 1) + 1):
        if _POSSESSIVE_END.search(words[n - 1]):
            toks = _tokens(" ".join(words[:n]))
            if toks in countries:
                return countries[toks], " ".join(words[n:]), True
            if place and toks and words[0][:1].isupper() and not set(toks) & _NOT_PLACES:
                owner, country = _owner(" ".join(words[:n]))
                return owner, " ".join(words[n:]), country
            break
    if place:
        return None  # a demonym is part of a place's name: Indian Ocean
    for n in range(min(_MAX_WORDS, len(words) - 1), 0, -1):
        toks = _tokens(" ".join(words[:n]))
        if toks in demonyms and words[n - 1][:1].isupper():
            return demonyms[toks], " ".join(words[n:]), True
    for n in range(min(_MAX_WORDS, len(words) - 1), 0, -1):
        toks = _tokens(" ".join(words[-n:]))
        if toks not in countries:
            continue
        rest = words[:-n]
        if rest[-1].lower() == "the":
            rest = rest[:-1]
        if rest and rest[-1].lower() == "of":
            rest = rest[:-1]
            if len(rest) < 2:
                return None  # Sons of Iraq
        elif not rest or rest[-1].lower() in _JOINING or rest[-1][:1].islower():
            return None  # Alternative for Germany; Islamic State in Somalia
        kept = _tokens(" ".join(rest))
        if kept and kept[-1] not in _POLITY_END and not set(kept) <= _POLITY:
            return countries[toks], " ".join(rest), True  # (Hefazat-e-Islam Bangladesh)
        return None
    return None


@lru_cache(maxsize=131072)
def country_named(text: str) -> str | None:
    """The country a long style of its name names ("Republic of Kenya":
    "Kenya"; "People's Democratic Republic of Algeria": "Algeria"), or
    None. A name on the list as a whole ("Republic of the Congo") is
    itself."""
    countries, _, _ = _lists()
    words = text.split()
    if len(words) < 3 or _tokens(text) in countries:
        return None
    for n in range(min(_MAX_WORDS, len(words) - 2), 0, -1):
        toks = _tokens(" ".join(words[-n:]))
        if toks in countries and set(_tokens(" ".join(words[:-n]))) <= _POLITY:
            return " ".join(words[-n:])
    return None


def same_owner(a: str, b: str) -> bool:
    """Two owners' keys that name one place: equal, or one the initials of
    the other ("Victoria, BC" / "Victoria, British Columbia")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    words = long.split()
    return " " not in short and len(words) >= 2 and short == "".join(w[0] for w in words)


def written_in_front(owner: str, words: tuple[str, ...]) -> int:
    """How many of the first words of a name are its owner written as a
    word of the name ("Azerbaijan Popular Front Party" beside "Popular
    Front Party of Azerbaijan"): the country's name or its demonym; else 0."""
    countries, demonyms, _ = _lists()
    for n in range(min(_MAX_WORDS, len(words) - 1), 0, -1):
        head = tuple(words[:n])
        if countries.get(head) == owner or demonyms.get(head) == owner:
            return n
    return 0
