"""Reading an article file and cleaning its text.

``read_article`` refuses what is not an article (missing, empty, binary, not
UTF-8, larger than ``MAX_ARTICLE_BYTES``) with one sentence naming the file.
``clean_body`` turns .txt, .md or .html into plain paragraphs separated by a
blank line, with web clutter removed (share and rating widgets, comment
forms, sponsored links, photo credits, repeated lines and headlines, footer
link lists). HTML is read with the standard library's ``html.parser``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from brief.errors import BadInput
from brief.ingest.rules import clutter_patterns, rules

#: Largest article file accepted. A long news article is under 100 KB of
#: text and a saved web page rarely over 2 MB; anything bigger is refused
#: before it is read, so a stray file never stalls the command.
MAX_ARTICLE_BYTES = 4 * 1024 * 1024

_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
            ".html": "html", ".htm": "html", ".xhtml": "html"}

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\ufeff\u00ad]")
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]]$")


def read_article(path: Path) -> tuple[str, str]:
    """The text of an article file and its format ('txt', 'md' or 'html')."""
    path = Path(path)
    if not path.exists():
        raise BadInput(f"{path} does not exist; give the path of a .txt, .md or .html article.")
    if not path.is_file():
        raise BadInput(f"{path} is not a file; give the path of a .txt, .md or .html article.")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise BadInput(
            f"{path} is {size / 1048576:.1f} MB, larger than the {MAX_ARTICLE_BYTES // 1048576} MB "
            "an article may be; save just the article text and try again."
        )
    data = path.read_bytes()
    if not data.strip():
        raise BadInput(f"{path} is empty; there is no article to read.")
    if b"\x00" in data[:8192]:
        raise BadInput(f"{path} is a binary file, not an article; give a .txt, .md or .html file.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadInput(
            f"{path} is not UTF-8 text (bad byte at offset {error.start}); "
            "convert it to UTF-8 (e.g. with iconv) and try again."
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        head = text[:2048].lstrip().lower()
        fmt = "html" if head.startswith(("<!doctype html", "<html")) or "<body" in head else "txt"
    return text, fmt


# --------------------------------------------------------------------------
# HTML


class _HTMLText(HTMLParser):
    """Block text of a page, keeping <article>/<main> when the page has one."""

    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form",
            "button", "svg", "figure", "figcaption", "iframe", "select", "template"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
             "section", "article", "main", "tr", "td", "th", "pre", "dd", "dt", "ul", "ol",
             "table", "hr"}
    VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "col", "area", "base"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.main_parts: list[str] = []
        self.skip = 0
        self.main = 0
        self.in_title = False
        self.title = ""
        self.h1 = ""
        self.in_h1 = False
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if name and attrs.get("content"):
                self.meta.setdefault(name, attrs["content"])
            return
        if tag == "time" and attrs.get("datetime"):
            self.meta.setdefault("time", attrs["datetime"])
        if tag in self.VOID:
            if tag in self.BLOCK:
                self._text("\n")
            return
        if tag in self.SKIP:
            self.skip += 1
        elif tag in ("article", "main"):
            self.main += 1
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in self.BLOCK:
            self._text("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag in ("article", "main") and self.main:
            self.main -= 1
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in self.BLOCK:
            self._text("\n\n")

    def handle_data(self, data):
        if self.in_title:
            self.title += data
            return
        if self.skip:
            return
        if self.in_h1:
            self.h1 += data
        self._text(data.replace("\n", " "))

    def _text(self, text: str) -> None:
        self.parts.append(text)
        if self.main:
            self.main_parts.append(text)


def html_text(html: str) -> tuple[str, dict[str, str]]:
    """Plain text of an HTML page and what its head says (title, date, site)."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    main = "".join(parser.main_parts)
    text = main if len(main.strip()) > 200 else "".join(parser.parts)
    meta = {}
    title = (parser.meta.get("og:title") or parser.h1 or parser.title).strip()
    if title:
        meta["title"] = " ".join(title.split())
    for name in ("article:published_time", "datepublished", "date", "pubdate", "time"):
        if parser.meta.get(name):
            meta["published"] = parser.meta[name]
            break
    if parser.meta.get("og:site_name"):
        meta["publisher"] = parser.meta["og:site_name"].strip()
    if parser.meta.get("og:url"):
        meta["url"] = parser.meta["og:url"].strip()
    if title and not re.search(re.escape(title.split()[0]), text[:2000]):
        text = title + "\n\n" + text
    return text, meta


# --------------------------------------------------------------------------
# Markdown

_MD_RULES = [
    (re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$", re.M), r"\1"),  # headings
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M), ""),  # list markers
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M), ""),  # rules
]


def markdown_text(text: str) -> str:
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


# --------------------------------------------------------------------------
# Cleaning


def _lines(text: str) -> list[str]:
    """Paragraph lines: blank-line blocks, soft-wrapped lines joined."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current = ""
        for raw in block.split("\n"):
            line = _SPACES.sub(" ", _ZERO_WIDTH.sub("", raw)).strip()
            if not line:
                continue
            if current and not _SENTENCE_END.search(current) and line[0].islower():
                current += " " + line
            else:
                if current:
                    out.append(current)
                current = line
        if current:
            out.append(current)
    return out


def _is_clutter(line: str) -> bool:
    patterns, _ = clutter_patterns()
    return any(p.match(line) for p in patterns)


def _is_prose(line: str) -> bool:
    return bool(_SENTENCE_END.search(line)) and len(line.split()) >= 6


def _is_teaser(line: str, others: list[str]) -> bool:
    """A truncated summary ('...') repeating the start of another paragraph."""
    if not re.search(r"(\.\.\.|…)$", line):
        return False
    head = line[:80]
    return any(o is not line and o.startswith(head) for o in others)


def clean_lines(text: str, fmt: str) -> tuple[list[str], dict[str, str]]:
    """Paragraphs of the article with clutter removed, and facts from the page head."""
    meta: dict[str, str] = {}
    if fmt == "html":
        text, meta = html_text(text)
    elif fmt == "md":
        text = markdown_text(text)
    _, inline = clutter_patterns()
    seen: set[str] = set()
    lines: list[str] = []
    all_lines = _lines(text)
    for line in all_lines:
        for pattern in inline:
            line = pattern.sub("", line).strip()
        if not line or _is_clutter(line) or _is_teaser(line, all_lines):
            continue
        if _ISO_STAMP.match(line) or _DATE_LINE.match(line):
            continue  # the date line is metadata; extract() reads it first
        folded = line.casefold()
        if folded in seen:
            continue  # repeated headline, photo credit, widget
        seen.add(folded)
        lines.append(line)
    # Section tags before the headline ('international intrigue').
    while len(lines) > 1 and len(lines[0].split()) < 3 and not _is_prose(lines[0]) \
            and not _is_prose(lines[1]):
        lines.pop(0)
    # A footer of link titles after the last paragraph of prose.
    last_prose = max((i for i, line in enumerate(lines) if _is_prose(line)), default=-1)
    if last_prose >= 0:
        lines = lines[: last_prose + 1]
    return lines, meta


def clean_body(text: str, fmt: str) -> str:
    """The article text without web clutter, paragraphs separated by a blank line."""
    lines, _ = clean_lines(text, fmt)
    return "\n\n".join(lines)


# --------------------------------------------------------------------------
# Title, date line, publisher

_ISO_STAMP = re.compile(
    r"^(?:\w+\s*:\s*)?(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|last updated|first published|date)\s*:?\s*(?:on\s+)?)?"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
    r"(" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+" + _MONTHS + r",?\s+\d{4})"
    r"(?:\s*(?:at\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\.?$",
    re.IGNORECASE,
)


def find_date_line(lines: list[str]) -> tuple[int, str] | None:
    """(index, date words) of a timestamp or date line near the top of the article."""
    for index, line in enumerate(lines[:12]):
        m = _ISO_STAMP.match(line)
        if m:
            return index, m.group(1)
        m = _DATE_LINE.match(line)
        if m:
            return index, m.group(1)
        # "By Jane Doe | June 11, 2014" or "Jane Doe, June 11, 2014"
        m = re.search(r"(?:\||—|–|,)\s*(" + _MONTHS + r"\s+\d{1,2},\s+\d{4})\s*$", line)
        if m and len(line) < 90 and not _is_prose(line[: m.start()]):
            return index, m.group(1)
    return None


def find_title(lines: list[str]) -> str | None:
    """The headline: the first line before the prose starts that reads like one."""
    for line in lines[:6]:
        if _is_prose(line) and len(line.split()) > 25:
            break
        if 3 <= len(line.split()) <= 30 and not _DATE_LINE.match(line) and not _ISO_STAMP.match(line):
            return line.rstrip(" .")
    return None


def find_publisher(raw_lines: list[str]) -> str | None:
    """The publisher where the text names it: a dateline, a footer, a copyright line."""
    patterns = [re.compile(p) for p in rules()["publisher_patterns"]]
    for line in raw_lines:
        for pattern in patterns:
            m = pattern.match(line)
            if m:
                name = m.group("name").strip(" .")
                if 2 <= len(name) <= 60:
                    return name
    return None


def raw_lines(text: str, fmt: str) -> list[str]:
    if fmt == "html":
        text = html_text(text)[0]
    elif fmt == "md":
        text = markdown_text(text)
    return _lines(text)


# --------------------------------------------------------------------------
# Paragraphs and sentences, as offsets into the cleaned body


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body)]


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in rules()["abbreviations"])


_END = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")


def is_abbreviation(text: str) -> bool:
    """Whether text ends with an abbreviation's full stop ('Mr.', 'U.S.', 'J.')."""
    word = re.search(r"([\w.]+)$", text)
    token = word.group(1) if word else ""
    bare = token.rstrip(".")
    return (bare.lower() in _abbreviations() or bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", bare))
            or bool(re.fullmatch(r"(?:[A-Z]\.){2,}", token)))


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Sentences as (start, end) offsets; a paragraph break always ends one."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_spans(body):
        text = body[p_start:p_end]
        start = 0
        for m in _END.finditer(text):
            if m.group() == "." and is_abbreviation(text[start:m.end()]):
                continue
            spans.append((p_start + start, p_start + m.end()))
            start = m.end()
            while start < len(text) and text[start].isspace():
                start += 1
        if start < len(text):
            spans.append((p_start + start, p_end))
    return spans
