"""The ingester's word lists, read once from ``brief/ingest/data/*.json``."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def _load(name: str) -> dict:
    with open(_DATA / name, encoding="utf-8") as handle:
        return json.load(handle)


def rules() -> dict:
    return _load("rules.json")


def gazetteer() -> dict:
    return _load("gazetteer.json")


@lru_cache(maxsize=None)
def folded_set(section: str, source: str = "rules") -> frozenset[str]:
    """A list from the data as a set of lower-cased entries without final dots."""
    data = rules() if source == "rules" else gazetteer()
    return frozenset(item.lower().rstrip(".") for item in data[section])


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words and phrases, longest first."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=None)
def clutter_patterns() -> tuple[list[re.Pattern], list[re.Pattern]]:
    data = rules()
    lines = [re.compile(p, re.IGNORECASE) for p in data["clutter_lines"]]
    inline = [re.compile(p, re.IGNORECASE) for p in data["clutter_inline"]]
    return lines, inline
