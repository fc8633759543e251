"""The Markdown memo: a pure function from the memo's material to text.

CommonMark with GitHub tables and footnotes, so it renders on GitHub and
pandoc turns it into .docx or .pdf. The same material always gives the same
bytes. Every piece of user text is escaped for the place it lands in: no
user text can open a heading, a list, a block quote, an HTML tag or a new
table row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import CREDIBILITY, RELIABILITY, Event, Quote, Source

PLACEHOLDER = "*Bottom line not written yet: give `--summary` or `--summary-file`.*"


@dataclass
class ActorLine:
    """An actor or speaker in the memo, with how often it appears in it."""

    id: int
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    events: int = 0
    quotes: int = 0


@dataclass
class MemoData:
    title: str
    prepared: str  # ISO day
    events: list[Event]  # oldest first
    quotes: list[Quote]
    sources: dict[int, Source]
    actors: list[ActorLine]
    summary: str | None = None
    since: str | None = None  # ISO day bounds of the scope, when given
    until: str | None = None
    scope: list[str] = field(default_factory=list)  # "actor Maliki", "tag isis"


# -- escaping -----------------------------------------------------------------

_INLINE = {"\\": "\\\\", "&": "&amp;", "<": "&lt;", ">": "&gt;", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[",
           "]": "\\]", "#": "\\#", "|": "\\|", "~": "\\~", "$": "\\$", "^": "\\^", "@": "\\@"}
_INLINE_RE = re.compile("|".join(re.escape(c) for c in _INLINE))
_LEADING = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def inline(text: str) -> str:
    """User text inside a line: characters that Markdown or HTML would read
    as markup are escaped; whitespace (newlines too) becomes single spaces."""
    return _INLINE_RE.sub(lambda m: _INLINE[m.group()], " ".join(str(text).split()))


def line_start(text: str) -> str:
    """Escaped text that begins a line: a leading -, +, = or '1.' cannot
    start a list or turn the line above into a heading."""
    escaped = inline(text)
    m = _LEADING.match(escaped)
    if not m:
        return escaped
    if m.group(2)[0].isdigit():
        end = m.end()
        return escaped[:end] + "\\" + escaped[end:]
    return escaped[:m.start(2)] + "\\" + escaped[m.start(2):]


def cell(text) -> str:
    """Text inside a table cell (one line, no pipe)."""
    return inline("" if text is None else text)


def paragraphs(text: str) -> list[list[str]]:
    """Blank-line separated paragraphs, each a list of non-empty lines."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if lines:
            blocks.append(lines)
    return blocks


def _url(url: str) -> str:
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]+", url):
        return f"<{url}>"
    return inline(url)


# -- sections -----------------------------------------------------------------


def _span(start: str, end: str | None) -> str:
    return start if not end or end == start else f"{start} to {end}"


def _period(memo: MemoData) -> str:
    from ..dates import bounds

    found = [(e.date, e.end_date or e.date) for e in memo.events]
    found += [(q.said_on, q.said_on) for q in memo.quotes if q.said_on]
    first = min((s for s, _ in found), key=lambda d: (bounds(d)[0], d), default=None)
    last = max((e for _, e in found), key=lambda d: (bounds(d)[1], d), default=None)
    start = memo.since or first
    end = memo.until or last
    if start is None and end is None:
        return "no dated items"
    if memo.since and not memo.until:
        return f"from {memo.since}"
    if memo.until and not memo.since:
        return f"up to {memo.until}"
    return _span(start, end)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class _Notes:
    """Footnote numbers for sources, in order of first citation."""

    def __init__(self, sources: dict[int, Source]):
        self.sources, self.order = sources, {}

    def number(self, source_id: int | None) -> int | None:
        if source_id is None or source_id not in self.sources:
            return None
        if source_id not in self.order:
            self.order[source_id] = len(self.order) + 1
        return self.order[source_id]

    def ref(self, source_id: int | None) -> str:
        number = self.number(source_id)
        return f"[^{number}]" if number else ""


def _timeline(memo: MemoData, notes: _Notes) -> list[str]:
    if not memo.events:
        return ["No events in this scope."]
    lines = ["| Date | Event | Actors | Place | Sources | Credibility |", "|---|---|---|---|---|---|"]
    for e in memo.events:
        numbered = sorted(n for n in (notes.number(c.source_id) for c in e.sources) if n)
        refs = " ".join(f"[^{n}]" for n in numbered)
        lines.append("| " + " | ".join([
            cell(_span(e.date, e.end_date)), cell(e.summary), cell(", ".join(a.name for a in e.actors)),
            cell(e.place.name if e.place else ""), refs, cell(e.credibility),
        ]) + " |")
    return lines


def _quotes(memo: MemoData, notes: _Notes) -> list[str]:
    if not memo.quotes:
        return ["No quotes in this scope."]
    groups: dict = {}
    for q in memo.quotes:
        key = (q.speaker.id, q.speaker.name) if q.speaker else (None, "Unattributed")
        groups.setdefault(key, []).append(q)
    order = sorted(groups, key=lambda k: (k[0] is None, -len(groups[k]), k[1].casefold(), k[0] or 0))
    lines: list[str] = []
    for key in order:
        speaker = key[1]
        lines += [f"### {inline(speaker)}", ""]
        for q in sorted(groups[key], key=lambda q: (q.said_on or "~", q.id)):
            blocks = paragraphs(q.text)
            for i, block in enumerate(blocks):
                if i:
                    lines.append(">")
                lines.append("> " + line_start(" ".join(block)))
            said = f"said {q.said_on}" if q.said_on else "date not recorded"
            lines += ["", f"— {inline(speaker) if q.speaker else 'Unattributed'}, {said}{notes.ref(q.source_id)}", ""]
    return lines[:-1]


def _actors(memo: MemoData) -> list[str]:
    if not memo.actors:
        return ["No actors in this scope."]
    lines = ["| Actor | Kind | Also written as | Events | Quotes |", "|---|---|---|---:|---:|"]
    for a in sorted(memo.actors, key=lambda a: (-(a.events + a.quotes), a.name.casefold(), a.id)):
        lines.append(f"| {cell(a.name)} | {cell(a.kind)} | {cell('; '.join(a.aliases))} | {a.events} | {a.quotes} |")
    return lines


def _grades(memo: MemoData, cited: list[Source]) -> list[str]:
    reliability = sorted({s.reliability for s in cited if s.reliability})
    credibility = {e.credibility for e in memo.events if e.credibility}
    credibility |= {q.credibility for q in memo.quotes if q.credibility}
    credibility = sorted(credibility)
    if not reliability and not credibility:
        return ["No grades are recorded for these items."]
    lines = ["Admiralty code; only the grades used in this memo."]
    lines.append("")
    if reliability:
        lines.append("- Source reliability: " + "; ".join(f"{g} {RELIABILITY[g]}" for g in reliability) + ".")
    if credibility:
        lines.append("- Information credibility: " + "; ".join(f"{g} {CREDIBILITY[g]}" for g in credibility) + ".")
    return lines


def _footnote(number: int, s: Source) -> str:
    parts = []
    if s.publisher:
        parts.append(inline(s.publisher))
    if s.author:
        parts.append(inline(s.author))
    parts.append(f"“{inline(s.title)}”")
    if s.published:
        parts.append(s.published)
    if s.url:
        parts.append(_url(s.url))
    grade = f" Reliability {s.reliability} ({RELIABILITY[s.reliability]})." if s.reliability else ""
    return f"[^{number}]: " + ", ".join(parts) + "." + grade


def _bottom_line(summary: str | None) -> list[str]:
    blocks = paragraphs(summary or "")
    if not blocks:
        return [PLACEHOLDER]
    lines = []
    for block in blocks:
        # A line break the writer typed stays a line break (a trailing backslash).
        lines.append("\\\n".join(line_start(ln) for ln in block))
        lines.append("")
    return lines[:-1]


def render_memo(memo: MemoData) -> str:
    """The whole memo as Markdown text ending with one newline."""
    notes = _Notes(memo.sources)
    timeline = _timeline(memo, notes)
    quotes = _quotes(memo, notes)
    cited = [memo.sources[i] for i in notes.order]
    counts = ", ".join([_plural(len(memo.events), "event"), _plural(len(memo.quotes), "quote"),
                        _plural(len(cited), "source")])
    out = [f"# {inline(memo.title) or 'Memo'}", "",
           f"Prepared {memo.prepared} · Period {_period(memo)} · {counts}"]
    if memo.scope:
        out[-1] += "  "
        out.append("Scope: " + "; ".join(inline(s) for s in memo.scope))
    out += ["", "## Bottom line", "", *_bottom_line(memo.summary),
            "", "## Timeline", "", "Dates are as precise as the sources: 2014-06 is some day in June 2014.", "",
            *timeline,
            "", "## Key quotes", "", *quotes,
            "", "## Actors", "", *_actors(memo),
            "", "## Key to grades", "", *_grades(memo, cited),
            "", "## Sources", ""]
    if cited:
        out += [_footnote(n, s) for n, s in ((notes.order[s.id], s) for s in cited)]
    else:
        out.append("No sources are cited.")
    return "\n".join(out) + "\n"
