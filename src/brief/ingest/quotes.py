"""Direct quotations and who said them.

Quotation marks are paired within a paragraph (straight or curly double
marks; curly single marks outside them). A paragraph that opens with a mark
and never closes it continues in the next paragraph that opens with a mark.
A quotation that opens its sentence (or follows "X said," or a colon) is a
full quote; a phrase quoted inside the writer's own sentence ("a "common
enemy"") is partial. The speaker comes from the attribution in the same
sentence ("X said", "said X", "according to X", "X told reporters"), a
pronoun read as the last named person, or the quote before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief.ingest.mentions import Entity, Mention, fullest_name, strip_titles
from brief.ingest.rules import alternation, rules
from brief.ingest.text import is_abbreviation, paragraph_spans, sentence_spans

_DOUBLE = "\"“”„‟″«»"
_OPENERS = "“„‟«"
_CLOSERS = "”»"


@dataclass
class RawQuote:
    start: int  # first character of the quoted text
    end: int  # one past the last character of the quoted text
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset of the closing mark (or end when unclosed)
    paragraph: int  # index of the paragraph it starts in


def _pairs_double(text: str) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of (open, close) offsets of double marks in a paragraph, and an unclosed open."""
    pairs = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch not in _DOUBLE:
            continue
        if opened is None:
            if ch in _CLOSERS and i > 0 and not text[i - 1].isspace():
                continue  # a stray closing mark
            opened = i
        else:
            if ch in _OPENERS and text[opened] in _OPENERS and i > opened + 1 and text[i - 1].isspace():
                opened = i  # two opening marks: the first was never closed
                continue
            pairs.append((opened, i))
            opened = None
    return pairs, opened


_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(?=\S)([^‘’\n]*?(?:’\w[^‘’\n]*?)*?)’(?![\w])")


def find_raw_quotes(body: str) -> list[RawQuote]:
    found: list[RawQuote] = []
    paragraphs = paragraph_spans(body)
    carry: RawQuote | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        text = body[p_start:p_end]
        if carry is not None:
            if text[:1] in _DOUBLE:
                pairs, opened = _pairs_double(text)
                if pairs and pairs[0][0] == 0:
                    carry.end, carry.close_mark = p_start + pairs[0][1], p_start + pairs[0][1]
                    found.append(carry)
                    carry = None
                    pairs = pairs[1:]
                elif opened == 0 and not pairs:
                    carry.end = carry.close_mark = p_end
                    continue
            else:
                found.append(carry)
                carry = None
                pairs, opened = _pairs_double(text)
        else:
            pairs, opened = _pairs_double(text)
        for a, b in pairs:
            found.append(RawQuote(p_start + a + 1, p_start + b, p_start + a, p_start + b, index))
        if opened is not None:
            quote = RawQuote(p_start + opened + 1, p_end, p_start + opened, p_end, index)
            if opened == 0:
                carry = quote  # may run on into the next paragraph
            else:
                found.append(quote)
        inside = [(p_start + a, p_start + b) for a, b in pairs]
        for m in _SINGLE.finditer(text):
            pos = p_start + m.start()
            if any(a < pos < b for a, b in inside):
                continue  # a quote within a quote stays part of the outer one
            found.append(RawQuote(p_start + m.start(1), p_start + m.end(1),
                                  pos, p_start + m.end(1), index))
    if carry is not None:
        found.append(carry)
    found = [q for q in found if body[q.start:q.end].strip()]
    for q in found:  # no spaces at either end of the text
        while q.start < q.end and body[q.start].isspace():
            q.start += 1
        while q.end > q.start and body[q.end - 1].isspace():
            q.end -= 1
    found.sort(key=lambda q: q.start)
    return found


# --------------------------------------------------------------------------
# Attribution

_VERBS = None


def _verbs() -> str:
    global _VERBS
    if _VERBS is None:
        _VERBS = alternation(rules()["attribution_verbs"])
    return _VERBS


_PRONOUNS = {"he": "person", "she": "person", "they": None, "i": None, "we": None, "it": None}
_DETERMINERS = re.compile(r"^(?:a|an|the|one|two|three|several|another|some|many|other|this|that)\b", re.I)


def _clean_np(np: str) -> str:
    np = np.strip(" ,;:—–-\n")
    np = re.sub(r"^(?:and|but|so|then|also|still|however)\b[\s,]*", "", np, flags=re.I)
    return np.strip(" ,")


def _chunk(np: str) -> str:
    """'Bernadette Meehan, a White House spokeswoman,' -> 'Bernadette Meehan'."""
    chunks = [c.strip() for c in np.split(",") if c.strip()]
    if not chunks:
        return ""
    last = chunks[-1]
    if len(chunks) > 1 and _DETERMINERS.match(last) and re.search(r"[A-Z]", chunks[-2]):
        return chunks[-2]
    if len(chunks) > 1 and _DETERMINERS.match(chunks[0]) and re.match(r"[A-Z]", last):
        return last  # 'A spokeswoman for the Council, Bernadette Meehan,'
    return last


def _valid_np(np: str) -> bool:
    words = np.split()
    if not words or len(words) > 14:
        return False
    first = words[0].lower()
    stop = {w.lower() for w in rules()["speaker_stop_words"]}
    if first in stop and first not in ("the",):
        return False
    return bool(re.match(r"[A-Za-z]", np))


def _describe(np: str) -> str:
    """An unnamed speaker as written, without trailing clauses."""
    np = re.split(r",|\s(?:who|which|that|speaking|tasked|referring|because|in an?\b)\s", np)[0]
    return np.strip()


class _Speakers:
    def __init__(self, body: str, mentions: list[Mention], entities: list[Entity],
                 quote_spans: list[tuple[int, int]]):
        self.body = body
        self.mentions = mentions
        self.entities = entities
        self.quote_spans = quote_spans
        self.unnamed: list[str] = []

    def _outside_quotes(self, m: Mention) -> bool:
        return not any(a <= m.start < b for a, b in self.quote_spans)

    def last_person(self, before: int) -> str | None:
        for m in reversed(self.mentions):
            if m.start < before and m.kind == "person" and self._outside_quotes(m):
                return fullest_name(m.name, self.entities)
        return None

    def resolve(self, np: str, np_start: int, before: int) -> tuple[str | None, str | None]:
        """(speaker, kind) for a speaker phrase at np_start."""
        cut = _first_break(np)
        if cut is not None:
            np = np[:cut]
        np = _clean_np(np).rstrip(".")
        if not np:
            return None, None
        low = np.lower()
        if low in _PRONOUNS:
            if _PRONOUNS[low] == "person":
                name = self.last_person(before)
                return (name, "person") if name else (None, None)
            return None, None
        offset = self.body.find(np, np_start)
        lo, hi = (offset, offset + len(np)) if offset >= 0 else (np_start, np_start + len(np))
        inside = [m for m in self.mentions if lo <= m.start < hi]
        chunk = _chunk(np)
        c_off = self.body.find(chunk, lo) if chunk else -1
        in_chunk = [m for m in inside if c_off >= 0 and c_off <= m.start < c_off + len(chunk)]
        for pool in (in_chunk,):
            people = [m for m in pool if m.kind == "person"]
            if people:
                return fullest_name(people[-1].name, self.entities), "person"
        named = [m for m in in_chunk if m.kind in ("organization", "group", "place")]
        if named and re.fullmatch(r"(?i)the\s+" + re.escape(named[-1].surface), chunk.strip()):
            return named[-1].name, named[-1].kind  # 'the European Commission said'
        if chunk and _DETERMINERS.match(chunk):
            described = _describe(chunk)
            head = described.split()[-1].lower() if described.split() else ""
            if described.lower().startswith("the "):
                for earlier in reversed(self.unnamed):
                    if earlier.split()[-1].lower() == head:
                        return earlier, "unnamed"
                introduced = list(re.finditer(
                    rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){{0,3}}{re.escape(head)}\b"
                    r"(?P<of>\s+(?:at|for|from|of|with)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,4}(?P<last>[a-z]+)\b)?",
                    self.body[:before]))
                if introduced:
                    found = introduced[-1]
                    words = found.group()
                    last = found.group("last")
                    if last and (last.endswith("ed") or re.fullmatch(_verbs(), last)
                                 or last in {"and", "or", "but", "who", "that", "which", "to"}):
                        words = words[: found.start("last") - found.start()].rstrip()
                    return words, "unnamed"
            else:
                self.unnamed.append(described)
            return described, "unnamed"
        others = [m for m in in_chunk if m.kind in ("organization", "group", "place")]
        if others:
            return others[-1].name, others[-1].kind
        people = [m for m in inside if m.kind == "person"]
        if people and len(chunk.split()) <= 3:
            return fullest_name(people[0].name, self.entities), "person"
        name = strip_titles(chunk)
        if chunk and re.match(r"[A-Z]", name) and len(name.split()) <= 4:
            return fullest_name(name, self.entities), "person"
        return None, None


def _post_patterns() -> list[re.Pattern]:
    v = _verbs()
    return [
        re.compile(rf"^[\s,]*(?P<np>[^;:!?“”\"\n]{{1,160}}?)\s+(?:{v})\b", re.I),
        re.compile(rf"^[\s,]*(?:{v})\s+(?P<np>[^,;:!?“”\"\n]{{1,120}})", re.I),
        re.compile(r"^[\s,]*(?:according to|in the words of)\s+(?P<np>[^,;:!?“”\"\n]{1,120}?)(?:[.,;]|$)", re.I),
        re.compile(r"^[\s,]*as\s+(?P<np>[^,;:!?“”\"\n]{1,80}?)\s+put\s+it\b", re.I),
        re.compile(rf",\s+(?:{v})\s+(?P<np>[^,;:!?“”\"\n]{{1,120}})", re.I),
    ]


def _pre_patterns() -> list[re.Pattern]:
    v = _verbs()
    return [
        re.compile(r"according to\s+(?P<np>[^,;:!?“”\"\n]{1,120}?),\s*$", re.I),
        re.compile(rf"(?P<np>[^;:!?“”\"\n]{{1,200}}?)\s+(?:{v})\b", re.I),
    ]


_SENT_BREAK = re.compile(r"[.!?](?=\s+[A-Z“\"‘])")


def _first_break(text: str) -> int | None:
    """Offset just past the first sentence end in text (abbreviations skipped)."""
    for m in _SENT_BREAK.finditer(text):
        if text[m.start()] == "." and is_abbreviation(text[: m.start() + 1]):
            continue
        return m.start() + 1
    return None


def attribution(body: str, q: RawQuote, prev_close: int, next_open: int, p_start: int,
                p_end: int, sentences: list[tuple[int, int]]) -> dict:
    """Pre- and post-quote text in the quote's sentence, and where they start."""
    sent_start = p_start
    for a, b in sentences:
        if a <= q.open_mark < b:
            sent_start = a
            break
    pre_start = max(sent_start, prev_close + 1, p_start)
    pre = body[pre_start:q.open_mark]
    post_start = q.close_mark + 1 if q.close_mark < p_end else p_end
    post_end = min(next_open if next_open > post_start else p_end, p_end)
    post = body[post_start:post_end]
    cut = _first_break(post)
    if cut is not None:
        post = post[:cut]
    quoted = body[q.start:q.end]
    if re.search(r"[.!?]$", quoted) and re.match(r"\s*[A-Z]", post) and not re.match(
            r"\s*(?:[A-Z][\w.’'-]*\s+){0,6}(?:" + _verbs() + r")\b", post):
        post = ""
    return {"pre": pre, "pre_start": pre_start, "post": post, "post_start": post_start}


def is_partial(body: str, q: RawQuote, pre: str, post: str) -> bool:
    text = body[q.start:q.end]
    words = text.split()
    if not words:
        return True
    if text[0].islower() or text[0] in "[(":
        return True
    v = _verbs()
    pre_s = pre.rstrip()
    opens_sentence = (
        pre_s == ""
        or pre_s.endswith(":")
        or bool(re.search(rf"(?:\b(?:{v})\b[^,]{{0,60}},|\baccording to [^,]+,)$", pre_s, re.I))
        or bool(re.search(rf"\b(?:{v})$", pre_s, re.I))
    )
    if not opens_sentence:
        return True
    ends_clause = bool(re.search(r"[.,!?…—-]$", text))
    if not ends_clause:
        follow = post.strip()
        if follow and follow[0].islower() and not re.match(
                rf"(?:{v}|according to|in the words of|as)\b|(?:he|she|they|it|the\s+\w+)\s+(?:{v})\b",
                follow, re.I):
            return True  # the writer's sentence goes on after the quoted words
        if len(words) <= 3:
            return True
    return False


def extract_quotes(body: str, mentions: list[Mention], entities: list[Entity],
                   date_of=None) -> list[dict]:
    """Quotes as dicts (text, speaker, speaker_kind, said_on, start, end, partial, context)."""
    raw = find_raw_quotes(body)
    paragraphs = paragraph_spans(body)
    sentences = sentence_spans(body)
    spans = [(q.open_mark, q.close_mark + 1) for q in raw]
    speakers = _Speakers(body, mentions, entities, spans)
    post_patterns, pre_patterns = _post_patterns(), _pre_patterns()
    out: list[dict] = []
    for i, q in enumerate(raw):
        p_start, _ = paragraphs[q.paragraph]
        p_end = next((b for a, b in paragraphs if a <= q.close_mark <= b), paragraphs[q.paragraph][1])
        prev_close = max((r.close_mark for r in raw[:i] if r.close_mark < q.open_mark and r.paragraph == q.paragraph),
                         default=-1)
        next_open = min((r.open_mark for r in raw[i + 1:] if r.open_mark > q.close_mark), default=p_end)
        ctx = attribution(body, q, prev_close, next_open, p_start, p_end, sentences)
        pre, post = ctx["pre"], ctx["post"]
        partial = is_partial(body, q, pre, post)
        speaker = kind = None
        clause = ""
        for pattern in post_patterns:
            m = pattern.match(post) if pattern.pattern.startswith("^") else pattern.search(post)
            if m and _valid_np(_clean_np(m.group("np"))):
                speaker, kind = speakers.resolve(m.group("np"), ctx["post_start"] + m.start("np"), q.open_mark)
                if speaker:
                    clause = post
                    break
        if speaker is None:
            for pattern in pre_patterns:
                for m in pattern.finditer(pre) if pattern.pattern.startswith("(?P<np>") else [pattern.search(pre)]:
                    if m is None:
                        continue
                    np = m.group("np")
                    if not _valid_np(_clean_np(_chunk(np) or np)) and not _clean_np(np).lower() in _PRONOUNS:
                        continue
                    speaker, kind = speakers.resolve(np, ctx["pre_start"] + m.start("np"), q.open_mark)
                    if speaker:
                        clause = pre
                        break
                if speaker:
                    break
        inherited = None
        if speaker is None:
            inherited = _inherit(out, raw, i, body, paragraphs)
            if inherited:
                speaker, kind = inherited["speaker"], inherited["speaker_kind"]
        said_on = None
        if clause and date_of is not None:
            said_on = date_of(clause)
        if said_on is None and inherited:
            said_on = inherited["said_on"]
        c_start = max(p_start, ctx["pre_start"])
        c_end = min(p_end, q.close_mark + 1 + len(post))
        out.append({
            "text": body[q.start:q.end], "speaker": speaker, "speaker_kind": kind,
            "said_on": said_on, "start": q.start, "end": q.end, "partial": partial,
            "context": " ".join(body[c_start:c_end].split()), "paragraph": q.paragraph,
        })
    return out


def _inherit(out: list[dict], raw: list[RawQuote], i: int, body: str, paragraphs) -> dict | None:
    """The speaker of the quote before, in the same paragraph or, for a
    paragraph that is all quotation, in the paragraph before."""
    if not out:
        return None
    q = raw[i]
    prev = out[-1]
    if prev["speaker"] is None:
        return None
    if prev["paragraph"] == q.paragraph:
        return prev
    p_start, _ = paragraphs[q.paragraph]
    if q.open_mark == p_start and prev["paragraph"] == q.paragraph - 1 and not prev["partial"]:
        return prev
    return None
