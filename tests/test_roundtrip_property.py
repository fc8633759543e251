"""Any text stored is read back identical."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.notebook import Notebook, has_text

import datetime as dt

NOW = dt.datetime(2026, 11, 21, 12, 0)

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200
).filter(lambda s: s.strip() == s and has_text(s))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quote=text, context=text, title=text, tag=text)
def test_text_round_trips(  # any text with something visible in it
tmp_path_factory, quote, context, title, tag):
    path = tmp_path_factory.mktemp("prop") / "n.db"
    with Notebook.open(path, now=NOW) as book:
        source = book.add_source(title, notes=context)
        added = book.add_quote(quote, context=context, source=source.id, tags=[tag])
    with Notebook.open(path, now=NOW, create=False) as book:
        again = book.get_quote(added.id)
        assert again.text == quote and again.context == context
        assert again.tags == [tag.strip()]
        assert book.get_source(source.id).title == title


def test_invisible_text_is_refused_cleanly(tmp_path):
    import pytest

    from brief.errors import BadInput

    with Notebook.open(tmp_path / "n.db", now=NOW) as book:
        for bad in ("\x00", "\x08", " \t ", "\u200b\x00"):
            with pytest.raises(BadInput):
                book.add_quote(bad)
            with pytest.raises(BadInput):
                book.add_source("T", tags=["\x08"])
        assert book.add_quote("\x00abc").text == "\x00abc"
