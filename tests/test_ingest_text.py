"""Reading article files and cleaning their text."""

from __future__ import annotations

import pytest

from brief.errors import BadInput
from brief.ingest import MAX_ARTICLE_BYTES, clean_body, extract, read_article


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n")
    with pytest.raises(BadInput, match="empty.txt is empty"):
        read_article(path)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(BadInput, match="photo.txt is a binary file"):
        read_article(path)


def test_latin1_file_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 au lait, said Ren\u00e9.".encode("latin-1"))
    with pytest.raises(BadInput, match="old.txt is not UTF-8.*convert"):
        read_article(path)


def test_five_megabyte_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("The minister said the talks went well. " * (5 * 1024 * 1024 // 39 + 1))
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    with pytest.raises(BadInput, match="huge.txt is 5.0 MB, larger than"):
        read_article(path)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(BadInput, match="does not exist"):
        read_article(tmp_path / "nowhere.txt")


def test_formats_follow_the_suffix(tmp_path):
    for name, fmt in (("a.txt", "txt"), ("a.md", "md"), ("a.html", "html")):
        path = tmp_path / name
        path.write_text("Some words here.", encoding="utf-8")
        assert read_article(path)[1] == fmt


def test_web_clutter_is_removed():
    text = "\n\n".join([
        "top of page", "Bridge Closes After Storm", "Bridge Closes After Storm",
        "Read Time:2 Minute, 10 Second",
        "The river bridge closed on Monday after the storm damaged its supports, officials said.",
        "Photo: City of Marlow via Getty Images",
        "0 0 %", "Average Rating", "5 Star", "Leave a Reply Cancel reply",
        "Trending Now Sponsored Links by Taboola", "bottom of page",
    ])
    body = clean_body(text, "txt")
    assert body == ("Bridge Closes After Storm\n\nThe river bridge closed on Monday after the storm "
                    "damaged its supports, officials said.")


def test_html_keeps_the_article_and_drops_navigation():
    html = """<html><head><title>Bridge closes</title>
    <meta property="article:published_time" content="2022-03-01T10:00:00Z">
    <meta property="og:site_name" content="Marlow Courier"></head>
    <body><nav>Home | News | Sport</nav><article><h1>Bridge closes</h1>
    <p>The river bridge closed on Monday after the storm, officials said on Tuesday.</p>
    <p>&ldquo;We will reopen it soon,&rdquo; said Ann Lee, the city engineer.</p></article>
    <footer>Share this article</footer><script>var x = 1;</script></body></html>"""
    x = extract(html, fmt="html")
    assert "Home | News" not in x.article.body and "var x" not in x.article.body
    assert x.article.title == "Bridge closes"
    assert x.article.published == "2022-03-01"
    assert x.article.publisher == "Marlow Courier"
    assert x.quotes[0].speaker == "Ann Lee"


def test_markdown_marks_are_removed():
    body = clean_body("# Bridge closes\n\nThe **river** bridge [closed](http://x.org) on Monday, officials said.", "md")
    assert body == "Bridge closes\n\nThe river bridge closed on Monday, officials said."


def test_date_line_gives_the_publication_date_and_leaves_the_body():
    x = extract("Bridge closes\n\n2021-07-25T15:17:02+00:00\n\nThe bridge closed last month, officials said.")
    assert x.article.published == "2021-07-25"
    assert "2021-07-25T" not in x.article.body
    assert x.events[0].date == "2021-06"


def test_same_text_gives_the_same_content_hash():
    a = extract("Bridge closes\n\nThe bridge closed, officials said.", published="2021")
    b = extract("Bridge closes\n\nThe bridge closed, officials said.\n\nShare", published="2021")
    assert a.article.content_hash == b.article.content_hash


def test_relative_dates_need_a_publication_date():
    x = extract("The bridge closed last month, officials said. It opened in 2009.")
    assert [e.date for e in x.events] == ["2009"]
    assert x.warnings and "publication date" in x.warnings[0]
