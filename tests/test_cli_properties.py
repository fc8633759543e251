"""Properties across the command line: any text in any field survives add,
export and import into a fresh notebook; any argument list either works or
fails cleanly."""

from __future__ import annotations

import json

from conftest import Brief
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief import names
from brief.cli.app import COMMANDS
from brief.notebook import has_text

visible = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80).filter(
    lambda s: has_text(s) and s == s.strip() and not s.startswith("-") and not s.startswith("#")
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=visible, publisher=visible, quote=visible, context=visible, speaker=visible, summary=visible,
       actor=visible, place=visible, tag=visible)
def test_any_text_survives_add_export_and_import(tmp_path_factory, title, publisher, quote, context, speaker,
                                                summary, actor, place, tag):
    folder = tmp_path_factory.mktemp("round")
    book = Brief(folder / "a.db")
    book.ok("add", "source", title, "--publisher", publisher, "--tag", tag)
    speaker_ok = bool(names.key(speaker))  # a name needs letters a key keeps ("ʻ" has none)
    args = ["add", "quote", quote, "--context", context, "--source", "1", "--tag", tag]
    if speaker_ok:
        args += ["--speaker", speaker]
    book.ok(*args)
    event_args = ["add", "event", summary, "--date", "2014-06-10", "--source", "1", "--tag", tag]
    result = None
    if names.key(actor) and names.key(place):
        result = book(*event_args, "--actor", actor, "--place", place)
        assert result.exit_code in (0, 2) and "Traceback" not in result.stderr  # 2: a name fitting several
    if result is None or result.exit_code:
        book.ok(*event_args)
    exported = book.ok("export", "json").stdout
    data = json.loads(exported)
    assert data["sources"][0]["title"] == title and data["sources"][0]["publisher"] == publisher
    assert data["quotes"][0]["text"] == quote and data["quotes"][0]["context"] == context
    assert data["events"][0]["summary"] == summary
    file = folder / "export.json"
    file.write_text(exported, encoding="utf-8")
    fresh = Brief(folder / "b.db")
    fresh.ok("import", "json", file)
    assert fresh.ok("export", "json").stdout == exported


WORDS = sorted(COMMANDS) + ["source", "event", "quote", "entity", "json", "csv", "md", "csl", "1", "2", "-1", "0",
                            "--json", "--format", "--limit", "--since", "--until", "--speaker", "--actor", "--place",
                            "--date", "--source", "--tag", "--kind", "--yes", "--dry-run", "--fts", "--by", "month",
                            "2014", "last month", "Blinken", "", " ", "'", '"', "*", "--", "\x00", "💥", "نوري"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), min_size=1, max_size=6))
def test_any_argument_list_works_or_fails_cleanly(tmp_path_factory, args):
    if args[0] in ("demo", "ingest", "backup") or "--help" in args:
        return  # these write files outside the notebook or print help: covered elsewhere
    book = Brief(tmp_path_factory.mktemp("args") / "n.db")
    book.ok("add", "quote", "We took action", "--speaker", "Antony Blinken", "--date", "2021-06-28")
    result = book(*args, input="q\n")
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr, args
    if result.exit_code != 0:
        assert result.stderr.strip(), args
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), (args, repr(result.exception))
