"""Any text stored is read back identical."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.notebook import Notebook

import datetime as dt

NOW = dt.datetime(2026, 11, 21, 12, 0)

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200
).filter(lambda s: s.strip() == s and s.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quote=text, context=text, title=text, tag=text)
def test_text_round_trips(tmp_path_factory, quote, context, title, tag):
    path = tmp_path_factory.mktemp("prop") / "n.db"
    with Notebook.open(path, now=NOW) as book:
        source = book.add_source(title, notes=context)
        added = book.add_quote(quote, context=context, source=source.id, tags=[tag])
    with Notebook.open(path, now=NOW, create=False) as book:
        again = book.get_quote(added.id)
        assert again.text == quote and again.context == context
        assert again.tags == [tag.strip()]
        assert book.get_source(source.id).title == title
