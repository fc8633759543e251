"""Whole articles: the seed articles and articles written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brief import names
from brief.ingest import extract, read_article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fixtures" / "seeds"
DATA = Path(__file__).parent / "data" / "ingest"
SEED_FILES = sorted(SEEDS.glob("0*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not SEED_FILES, reason="fixtures/seeds/ holds no seed articles")
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_article_end_to_end(path):
    text, fmt = read_article(path)
    x = extract(text, fmt=fmt, published="2015-03-02")
    body = x.article.body
    assert x.article.title and x.article.title in body
    for clutter in ("Leave a Reply", "Sponsored Links", "top of page", "Average Rating", "Photo:"):
        assert clutter not in body
    for quote in x.quotes:
        assert body[quote.start:quote.end] == quote.text
    full = [q for q in x.quotes if not q.partial]
    assert all(q.speaker for q in full)
    assert x.events and x.entities
    again = extract(text, fmt=fmt, published="2015-03-02")
    assert again.article.content_hash == x.article.content_hash


def _norm(text: str) -> str:
    return " ".join(text.replace("“", '"').replace("”", '"').split())


ARTICLES = sorted(p for p in DATA.glob("*") if p.suffix in (".txt", ".md", ".html"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_own_article(path):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    text, fmt = read_article(path)
    x = extract(text, fmt=fmt)
    assert x.article.published == expected["published"]
    got = {_norm(q.text): q for q in x.quotes}
    for want in expected["quotes"]:
        quote = got.get(_norm(want["text"]))
        assert quote is not None, want["text"]
        assert quote.partial == want["partial"], want["text"]
        if want["speaker"] is None:
            continue
        assert quote.speaker is not None, want["text"]
        if want["speaker"][0].isupper() and " " in want["speaker"] and not want["speaker"].startswith(("A ", "An ")):
            assert names.match_key(quote.speaker) == names.match_key(want["speaker"]), want["text"]
        else:
            assert quote.speaker.lower() == want["speaker"].lower()
    full = [q for q in x.quotes if not q.partial]
    assert len(full) == sum(not q["partial"] for q in expected["quotes"])
    dated = {(e.date_text.lower(), e.date) for e in x.events}
    for want in expected["events"]:
        assert any(want["date_text"].lower() in text and date == want["date"] for text, date in dated), want
    people = {e.name for e in x.entities if e.kind == "person"}
    assert set(expected["people"]) <= people
