"""brief export md: golden memos of the fixtures notebook, escaping, options.

Golden files live in tests/golden/. After a deliberate change to the memo,
rewrite them with BRIEF_UPDATE_GOLDEN=1 pytest tests/test_memo.py and read
the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from brief.cli.admin import DEMO_SUMMARY, DEMO_TITLE
from brief.models import Citation, EntityRef, Event, Quote, Source
from brief.render.memo import PLACEHOLDER, ActorLine, MemoData, render_memo

GOLDEN = Path(__file__).parent / "golden"
AS_OF = ["--as-of", "2024-06-01"]

CASES = {
    "memo_all": ["--title", DEMO_TITLE, "--summary", DEMO_SUMMARY],  # the memo `brief demo` prints
    "memo_since_until": ["--since", "2014-06", "--until", "2014-06-30", "--title", "June 2014"],
    "memo_actor": ["--actor", "Maliki"],
    "memo_place": ["--place", "Tikrit"],
    "memo_speaker": ["--speaker", "Blinken"],
    "memo_tag": ["--tag", "drones"],
    "memo_source": ["--source", "2"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_memo(demo, name):
    text = demo.ok("export", "md", *AS_OF, *CASES[name]).stdout
    path = GOLDEN / f"{name}.md"
    if os.environ.get("BRIEF_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8")


def test_memo_is_the_same_bytes_every_time(demo, tmp_path):
    demo.ok("export", "md", *AS_OF, "--out", tmp_path / "a.md")
    demo.ok("export", "md", *AS_OF, "--out", tmp_path / "b.md")
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()


def test_memo_outline(demo):
    text = demo.ok("export", "md", *AS_OF, "--title", "Week 23").stdout
    headings = [line for line in text.splitlines() if line.startswith("#") and not line.startswith("###")]
    assert headings == ["# Week 23", "## Bottom line", "## Timeline", "## Key quotes", "## Actors", "## Key to grades",
                        "## Sources"]
    assert "Prepared 2024-06-01 · Period 2007 to 2021-07 · 45 events, 46 quotes, 5 sources" in text
    assert PLACEHOLDER in text
    footnotes = [line for line in text.splitlines() if line.startswith("[^")]
    assert len(footnotes) == 5 and all("Reliability" in f for f in footnotes)


def test_scope_filters_narrow_the_memo(demo):
    text = demo.ok("export", "md", *AS_OF, "--speaker", "Blinken").stdout
    assert "### Antony Blinken" in text and "### Greg Kausner" not in text
    assert "Scope: speaker Blinken" in text
    text = demo.ok("export", "md", *AS_OF, "--place", "Tikrit").stdout
    rows = [line for line in text.split("## Key quotes")[0].splitlines() if line.startswith("| 20")]
    assert rows and all("| Tikrit |" in row for row in rows)


def test_summary_from_a_file_keeps_its_paragraphs(demo, tmp_path):
    (tmp_path / "bottom.md").write_text("First point.\n\nSecond point,\nsame paragraph.\n", encoding="utf-8")
    text = demo.ok("export", "md", *AS_OF, "--summary-file", tmp_path / "bottom.md").stdout
    assert "## Bottom line\n\nFirst point.\n\nSecond point,\\\nsame paragraph.\n\n## Timeline" in text


def test_summary_twice_is_refused(demo, tmp_path):
    (tmp_path / "s.txt").write_text("x", encoding="utf-8")
    demo.fails(2, "export", "md", "--summary", "x", "--summary-file", tmp_path / "s.txt")


def test_unknown_actor_is_one_sentence(demo):
    demo.fails(2, "export", "md", "--actor", "Nobody Known")


def test_an_empty_scope_says_so(demo):
    text = demo.ok("export", "md", *AS_OF, "--since", "1990", "--until", "1991").stdout
    assert "No events in this scope." in text and "No quotes in this scope." in text
    assert "No sources are cited." in text and "0 events, 0 quotes, 0 sources" in text


# -- escaping ------------------------------------------------------------------

HOSTILE = "# Heading? | pipe <script>alert(1)</script> *bold* [link](x) `code`"


def hostile_memo() -> MemoData:
    source = Source(1, "Title | with <b>tags</b> and [brackets]", publisher="> Publisher", url="https://x.org/a_b",
                    published="2014-06-10", reliability="B")
    speaker = EntityRef(1, "# Speaker | Name", "person")
    events = [Event(1, "2014-06-10", HOSTILE + "\nsecond line", actors=[speaker], place=EntityRef(2, "Mo|sul", "place"),
                    credibility=2, sources=[Citation(1, source.title)])]
    quotes = [
        Quote(1, "> not a quote marker\n# not a heading\n- not a list", speaker=speaker, said_on="2014-06", source_id=1),
        Quote(2, "1. not a list either\n\n=== not a heading underline <img src=x onerror=alert(1)>", speaker=None),
    ]
    actors = [ActorLine(1, speaker.name, "person", ["al|ias", "<i>x</i>"], 1, 1)]
    return MemoData(title="# Title <script>", prepared="2024-06-01", events=events, quotes=quotes,
                    sources={1: source}, actors=actors, summary="Line one\n# not a heading\n| not | a table |\n---")


def tokens(text: str):
    return MarkdownIt("commonmark").enable("table").parse(text)


def shown(token) -> str:
    """The text a reader sees in an inline token (escapes and entities resolved)."""
    parts = {"softbreak": " ", "hardbreak": "\n"}
    return "".join(parts.get(c.type, c.content) for c in token.children or [])


def test_user_text_cannot_inject_markup():
    text = render_memo(hostile_memo())
    found = tokens(text)
    kinds = {t.type for t in found}
    assert "html_inline" not in kinds and "html_block" not in kinds
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    headings = [shown(found[i + 1]) for i, t in enumerate(found) if t.type == "heading_open"]
    assert headings == ["# Title <script>", "Bottom line", "Timeline", "Key quotes", "# Speaker | Name", "Unattributed",
                        "Actors", "Key to grades", "Sources"]
    assert not any(t.type in ("bullet_list_open", "ordered_list_open") and t.level > 0 for t in found)
    assert sum(t.type == "blockquote_open" for t in found) == 2


def test_a_pipe_or_newline_in_user_text_keeps_each_table_row_whole():
    found = tokens(render_memo(hostile_memo()))
    rows = [t for t in found if t.type == "tr_open"]
    cells = [t for t in found if t.type == "td_open"]
    assert len(rows) == 4  # timeline header + 1 row, actors header + 1 row
    assert len(cells) == 6 + 5
    inline = [shown(found[i + 1]) for i, t in enumerate(found) if t.type == "td_open"]
    assert inline[1].startswith("# Heading? | pipe <script>") and inline[1].endswith("second line")
    assert inline[3] == "Mo|sul"


def test_the_summary_cannot_open_a_heading_or_a_table():
    found = tokens(render_memo(hostile_memo()))
    start = next(i for i, t in enumerate(found) if t.type == "heading_open" and shown(found[i + 1]) == "Bottom line")
    end = next(i for i, t in enumerate(found) if t.type == "heading_open" and shown(found[i + 1]) == "Timeline")
    between = found[start + 3:end]
    assert [t.type for t in between] == ["paragraph_open", "inline", "paragraph_close"]
    assert shown(between[1]) == "Line one\n# not a heading\n| not | a table |\n---"


def test_an_empty_summary_shows_the_placeholder():
    memo = hostile_memo()
    memo.summary = "  \n "
    assert PLACEHOLDER in render_memo(memo)


def test_demo_ends_with_the_memo_of_the_fixtures_notebook(brief):
    out = brief.ok("demo").stdout
    memo = out[out.index(f"# {DEMO_TITLE}"):]
    golden = (GOLDEN / "memo_all.md").read_text(encoding="utf-8")
    assert re.sub(r"Prepared \d{4}-\d{2}-\d{2}", "Prepared DAY", memo) == re.sub(
        r"Prepared \d{4}-\d{2}-\d{2}", "Prepared DAY", golden)
