"""Names in an article: people, organisations, groups and places.

Rules and dictionaries only: runs of capitalised words, titles before a name
("Prime Minister", "Mr."), cue words for organisations and groups
("Council", "Brigades"), a small gazetteer, and the family name to gather
"Nouri al-Maliki", "Prime Minister Maliki" and "Maliki" into one person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from brief import names
from brief.ingest.rules import alternation, folded_set, gazetteer, rules

_PARTICLE = r"(?:al|el|ad|ash|as|at|an|ar|bin|ibn|abu|abd|de|del|della|di|da|dos|du|van|von|der|le|la)"
_CAP_WORD = r"(?:[A-Z][\w’'.]*(?:-[A-Za-z][\w’']*)*)"
_TOKEN = rf"(?:{_PARTICLE}-{_CAP_WORD}|{_CAP_WORD}|(?:al|el|bin|ibn|abu|van|von|de)(?=\s+[A-Z]))"
_CONNECT = r"(?:of|for|on|the|and|de|du|del|la|le)"
_SEQUENCE = re.compile(rf"(?<![\w’'-]){_TOKEN}(?: (?:{_CONNECT} ){{0,2}}{_TOKEN})*")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_ADJ_SUFFIX = re.compile(r"^(.+?)-(?:[a-z][a-z-]*)$")
_LOWER = "a-zäöüßàáâãåæçèéêëìíîïñòóôõøùúûýÿ’'"
_NAME_WORD = re.compile(
    rf"^(?:[A-Z][{_LOWER}]*[A-Z]?[{_LOWER}]+(?:-[A-Z]?[{_LOWER}]+)*|{_PARTICLE}-[A-Z][{_LOWER}-]+|[A-Z]\.)$")
_CONTRACTION = re.compile(r"[’'](?:ve|re|ll|d|m)$|n[’']t$", re.I)


@dataclass
class Mention:
    start: int
    end: int
    surface: str  # as written, without a possessive
    name: str  # titles stripped
    kind: str  # person, organization, group, place
    titled: bool = False


@dataclass
class Entity:
    name: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def surface_forms(self) -> list[str]:
        seen: list[str] = []
        for m in self.mentions:
            if m.surface not in seen:
                seen.append(m.surface)
        return seen


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    data, places = rules(), gazetteer()
    return {
        "titles": folded_set("titles"),
        "person_cues": frozenset(c.lower().rstrip(".") for c in data["person_cues_before"]),
        "org_cues": folded_set("org_cues"),
        "group_cues": folded_set("group_cues"),
        "orgs": frozenset(o.lower() for o in data["known_orgs"]),
        "groups": frozenset(g.lower() for g in data["known_groups"]),
        "stop": frozenset(s.lower() for s in data["stop_caps"]),
        "countries": frozenset(c.lower() for c in places["countries"]),
        "cities": frozenset(c.lower() for c in places["cities"]),
        "regions": frozenset(c.lower() for c in places["regions"]),
        "demonyms": frozenset(d.lower() for d in places["demonyms"]),
        "after_person": frozenset(rules()["person_after_nouns"]),
        "place_cues": folded_set("place_cues"),
        "place_first": folded_set("place_cues_first"),
        "verbs": frozenset(v.lower() for v in data["attribution_verbs"] if " " not in v),
    }


def _fold(word: str) -> str:
    return word.lower().rstrip(".").replace("’", "'")


def _is_place(text: str) -> bool:
    lex = _lexicon()
    low = text.lower()
    return low in lex["countries"] or low in lex["cities"] or low in lex["regions"]


def _split_tokens(text: str) -> list[str]:
    return text.split()


def _classify(words: list[str], before: str, after: str, lex: dict,
              after_title: bool = False) -> tuple[str, str, bool] | None:
    """(kind, name, titled) for a run of capitalised words, or None.

    after_title: the run follows 'Secretary of', so its first word may
    finish the title ('Secretary of Transportation Jane Porter')."""
    text = " ".join(words)
    low = text.lower()
    folded = [_fold(w) for w in words]
    if len(words) == 1 and (folded[0] in lex["org_cues"] or folded[0] in lex["group_cues"]) \
            and low not in lex["groups"]:
        return None
    if low in lex["groups"]:
        return "group", text, False
    if low in lex["orgs"]:
        return "organization", text, False
    if _is_place(text):
        return "place", text, False
    # A title then a name at the end: 'Port Authority Chairwoman Denise Okafor'.
    last_title = max((j for j, f in enumerate(folded) if f in lex["titles"]), default=-1)
    tail = words[last_title + 1:]
    if 0 <= last_title and 1 <= len(tail) <= 4 and all(_NAME_WORD.match(w) for w in tail) and not any(
            _fold(w) in lex["org_cues"] or _fold(w) in lex["place_cues"] or _is_place(w) for w in tail) \
            and (len(tail) >= 2 or folded[last_title] in lex["person_cues"]):
        return "person", " ".join(tail), True
    if folded[-1] in lex["place_cues"] or (
            len(words) >= 2 and folded[0] in lex["place_first"] and folded[-1] not in lex["org_cues"]):
        return "place", text, False
    if any(f in lex["group_cues"] for f in folded) and not any(f in lex["person_cues"] for f in folded[:1]):
        return "group", text, False
    if folded[-1] in lex["org_cues"] or (len(words) > 2 and any(f in lex["org_cues"] for f in folded)):
        return "organization", text, False
    if before.endswith(("The ",)) or re.search(r"(?<![.!?]\s)\bThe\s+$", before):
        if len(words) >= 2:
            return "organization", text, False
    # Titles before a name: "Iraqi Prime Minister Nuri Kamal al-Maliki", "Mr. Rabil".
    i = 0
    titled = False
    while i < len(words) and (folded[i] in lex["titles"] or folded[i] in lex["demonyms"]
                              or _is_place(words[i]) or folded[i] in lex["stop"]):
        titled = titled or folded[i] in lex["person_cues"]
        i += 1
    rest = words[i:]
    if not rest:
        return None
    if re.match(r"\s+(?:province|city|region|district|county|governorate|state)\b", after):
        return "place", text, False
    name_shaped = all(_NAME_WORD.match(w) for w in rest) and not any(
        _fold(w) in lex["org_cues"] or _fold(w) in lex["titles"] or _fold(w) in lex["demonyms"]
        for w in rest)
    if any(_is_place(w) for w in rest):
        return None
    if after_title and name_shaped and len(rest) >= 3:
        rest, titled = rest[1:], True
    if titled and name_shaped and len(rest) <= 4:
        return "person", " ".join(rest), True
    if i > 0 and name_shaped and 2 <= len(rest) <= 4:
        return "person", " ".join(rest), titled
    if i == 0 and name_shaped and 2 <= len(rest) <= 4:
        return "person", text, False
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", text) and not _is_place(text):
        return "organization", text, False
    if len(words) == 1 and (folded[0] in lex["org_cues"] or folded[0] in lex["group_cues"]):
        return None
    if len(rest) == 1 and name_shaped:
        return "single", rest[0], titled
    return None


def _runs(body: str):
    """Capitalised runs as (start, words) with cuts at possessives and -led words."""
    lex = _lexicon()
    for m in _SEQUENCE.finditer(body):
        pieces = re.split(r"\s+", m.group())
        offset = m.start()
        current: list[str] = []
        cur_start = offset
        pos = offset
        for piece in pieces:
            pos = body.index(piece, pos)
            word = piece
            cut_after = False
            suffix = _ADJ_SUFFIX.match(word)
            if suffix and not re.match(_PARTICLE + "-", word, re.I) and word[suffix.end(1) + 1].islower():
                word, cut_after = suffix.group(1), True
            if _POSSESSIVE.search(word) and len(word) > 2:
                word, cut_after = _POSSESSIVE.sub("", word), True
            if word.endswith(".") and not _abbreviated(word):
                word, cut_after = word.rstrip("."), True
            if _CONTRACTION.search(word) or (current and word[:1].isupper() and _fold(word) in lex["stop"] and word != "The"):
                if current:
                    yield cur_start, _trim(current)
                current = []
                pos += len(piece)
                continue
            if word.lower() in {"of", "for", "on", "the", "and", "de", "du", "del", "la", "le"} and not current:
                pos += len(piece)
                continue
            if not current and word.islower() and word not in ("al", "el", "bin", "ibn", "abu", "van", "von", "de"):
                pos += len(piece)
                continue
            if not current:
                cur_start = pos
            current.append(word)
            pos += len(piece)
            if cut_after:
                yield cur_start, _trim(current)
                current = []
        if current:
            yield cur_start, _trim(current)
    del lex


def _trim(words: list[str]) -> list[str]:
    while words and words[-1].islower():
        words = words[:-1]
    return words


def _abbreviated(word: str) -> bool:
    bare = word.rstrip(".")
    return (bare.lower() in _abbreviations() or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?", word))
            or len(bare) == 1)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in rules()["abbreviations"]) | frozenset(
        t.lower().rstrip(".") for t in rules()["titles"] if t.endswith("."))


def _split_connectors(words: list[str], lex: dict) -> list[tuple[int, list[str]]]:
    """Split 'Director of National Intelligence James Clapper' at lowercase
    connectors unless the whole run is an organisation ('Council on Foreign Relations')."""
    folded = [_fold(w) for w in words]
    connectors = {"of", "for", "on", "the", "and", "de", "du", "del", "la", "le"}
    if not any(f in connectors and w.islower() for f, w in zip(folded, words)):
        return [(0, words)]
    whole = " ".join(words).lower()
    if whole in lex["groups"] or whole in lex["orgs"] or _is_place(" ".join(words)):
        return [(0, words)]
    first_connector = next(i for i, w in enumerate(words) if w.islower() and _fold(w) in connectors)
    head = folded[:first_connector]
    if "and" not in folded and any(f in lex["org_cues"] or f in lex["group_cues"] for f in head) or (
        folded[-1] in lex["org_cues"] and not any(f in lex["person_cues"] for f in head)
    ):
        return [(0, words)]
    parts: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for i, w in enumerate(words):
        if w.islower() and _fold(w) in connectors:
            if current:
                parts.append((start, current))
            current = []
            start = i + 1
            continue
        current.append(w)
    if current:
        parts.append((start, current))
    return parts


def _sentence_initial(body: str, start: int) -> bool:
    before = body[max(0, start - 4):start]
    return start == 0 or bool(re.search(r"(?:^|[.!?\n]|[“\"‘(—:])\s*$", before))


def find_mentions(body: str, quote_spans: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every name mention in the body, persons gathered by family name."""
    lex = _lexicon()
    headline = _headline_spans(body)
    found: list[Mention] = []
    singles: list[tuple[int, int, str, str, bool]] = []
    for run_start, run in _runs(body):
        if not run:
            continue
        previous: list[str] = []
        for offset, words in _split_connectors(run, lex):
            after_title = bool(previous) and _fold(previous[-1]) in lex["titles"]
            previous = words
            # Offsets of the sub-run inside the body.
            start = run_start
            for w in run[:offset]:
                start = body.index(w, start) + len(w)
            start = body.index(words[0], start)
            # Drop leading stop words ('But Biden', 'The Pentagon').
            lead_the = False
            while words and _fold(words[0]) in lex["stop"] and (
                len(words) > 1 or _sentence_initial(body, start) or True
            ):
                lead_the = lead_the or words[0] == "The"
                start = body.index(words[1], start) if len(words) > 1 else start
                words = words[1:]
            if not words:
                continue
            surface = " ".join(words)
            end = body.index(words[-1], start) + len(words[-1])
            surface = body[start:end]
            before = body[max(0, start - 40):start]
            if lead_the and not _sentence_initial(body, start - 4):
                before = before + "The "
            after = body[end:end + 40]
            if len(words) == 1 and _fold(words[0]) in lex["demonyms"] | {d + "s" for d in lex["demonyms"]}:
                continue
            if len(words) == 1 and _sentence_initial(body, start) and not (
                _is_place(words[0]) or words[0].lower() in lex["orgs"] or words[0].lower() in lex["groups"]
            ):
                # A capitalised first word is a name only if it is seen elsewhere
                # or followed by a speech verb; decided with the singles below.
                singles.append((start, end, words[0], surface, False))
                continue
            result = _classify(words, before, after, lex, after_title)
            if result is None:
                continue
            kind, name, titled = result
            if kind in ("person", "single") and not titled and any(a <= start < b for a, b in headline):
                continue  # Title Case Headline Words are not names
            if re.match(r"(?:-era\b|\s+(?:" + "|".join(lex["after_person"]) + r")\b)", body[end:end + 14]) \
                    and kind == "single":
                kind = "person"
            if kind == "single":
                singles.append((start, end, name, surface, titled))
                continue
            found.append(Mention(start, end, surface, name, kind, titled))
    _resolve_singles(body, found, singles, lex)
    found.sort(key=lambda m: m.start)
    return found


def _headline_spans(body: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", body):
        words = re.findall(r"[A-Za-z][\w’'-]*", m.group())
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            spans.append((m.start(), m.end()))
    return spans


def _resolve_singles(body: str, found: list[Mention], singles, lex) -> None:
    """Single capitalised words: a known person's family name, a titled name
    ('Mr. Rabil'), or the subject of a speech verb ('Dubik said')."""
    families: dict[str, str] = {}
    for m in found:
        if m.kind == "person":
            key = names.family_key(m.name, "person")
            if key:
                families.setdefault(key, m.name)
    capitalised_elsewhere = {s[2] for s in singles if not _sentence_initial(body, s[0])}
    for start, end, word, surface, titled in singles:
        key = names.family_key(word, "person")
        after = body[end:end + 30]
        speech = re.match(r"\s+(?:" + "|".join(sorted(lex["verbs"])) + r")\b", after)
        if titled or (key and key in families) or speech or re.match(
                r"(?:-era\b|\s+(?:" + "|".join(lex["after_person"]) + r")\b)", after):
            if _fold(word) in lex["stop"] or _fold(word) in lex["titles"]:
                continue
            if speech and not titled and key not in families and (
                    _is_place(word) or word.lower() in lex["orgs"] or word.isupper()
                    or _plural_subject(word, body, start)):
                continue
            found.append(Mention(start, end, surface, word, "person", titled))
        elif word in capitalised_elsewhere and _is_place(word):
            found.append(Mention(start, end, surface, word, "place"))


def _plural_subject(word: str, body: str, start: int) -> bool:
    """'Insurers said', 'Analysts say': a capitalised plural opening a sentence,
    never written mid-sentence, is a common noun rather than an unseen name."""
    if not _sentence_initial(body, start) or not re.search(r"(?:[^su]s|ers|ies)$", word):
        return False
    return not re.search(rf"(?<![.!?\n“\"‘(—:]\s){re.escape(word)}\b", body[start + len(word):])


def _compound_surname(name: str, entities: list[Entity]) -> Entity | None:
    """The one person whose longer name has this single word after the given
    name ('Valdés' in 'Rodrigo Valdés Ortega'), else None."""
    tokens = names.match_tokens(name)
    if len(tokens) != 1:
        return None
    fits = [e for e in entities if e.kind == "person" and tokens[0] in names.match_tokens(e.name)[1:-1]]
    return fits[0] if len(fits) == 1 else None


def group_entities(mentions: list[Mention]) -> list[Entity]:
    """Mentions gathered into entities: people by family name, others by key."""
    entities: list[Entity] = []
    by_key: dict[tuple[str, str], Entity] = {}
    person_full: dict[str, Entity] = {}
    # Full person names first, so 'Maliki' joins 'Nouri al-Maliki'.
    ordered = sorted(mentions, key=lambda m: (m.kind != "person" or len(m.name.split()) < 2, m.start))
    for m in ordered:
        if m.kind == "person":
            family = names.family_key(m.name, "person") or names.key(m.name)
            entity = person_full.get(family) or _compound_surname(m.name, entities)
            if entity is None or (len(m.name.split()) >= 2 and len(entity.name.split()) >= 2
                                  and not _same_person(entity.name, m.name)):
                entity = by_key.get(("person", names.match_key(m.name, "person")))
            if entity is None:
                entity = Entity(m.name, "person")
                entities.append(entity)
                by_key[("person", names.match_key(m.name, "person"))] = entity
                person_full.setdefault(family, entity)
            elif len(m.name) > len(entity.name) and len(m.name.split()) >= len(entity.name.split()):
                entity.name = m.name
            entity.mentions.append(m)
            continue
        k = (m.kind, names.match_key(m.name, m.kind))
        entity = by_key.get(k)
        if entity is None:
            entity = Entity(m.name, m.kind)
            by_key[k] = entity
            entities.append(entity)
        entity.mentions.append(m)
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.start)
    entities.sort(key=lambda e: (-len(e.mentions), e.mentions[0].start))
    return entities


def _same_person(a: str, b: str) -> bool:
    ta, tb = names.match_tokens(a), names.match_tokens(b)
    if not ta or not tb:
        return False
    return ta[-1] == tb[-1] and (ta[0][0] == tb[0][0] or len(ta) == 1 or len(tb) == 1)


def fullest_name(name: str, entities: list[Entity]) -> str:
    """The fullest form of a person's name seen in the article ('Blinken' -> 'Antony Blinken')."""
    family = names.family_key(name, "person")
    if not family:
        return name
    for entity in entities:
        if entity.kind == "person" and names.family_key(entity.name, "person") == family:
            if _same_person(entity.name, name) or len(name.split()) == 1:
                return entity.name
    compound = _compound_surname(name, entities)
    return compound.name if compound else name


def strip_titles(phrase: str) -> str:
    """A name without the titles and adjectives before it."""
    lex = _lexicon()
    words = phrase.split()
    # The last run of capitalised words holds the name.
    end = len(words)
    start = end
    while start > 0 and (re.match(_TOKEN + "$", words[start - 1]) or words[start - 1] in ("al", "bin", "ibn")):
        start -= 1
    run = words[start:end]
    while run and (_fold(run[0]) in lex["titles"] or _fold(run[0]) in lex["demonyms"]
                   or _is_place(run[0]) or _fold(run[0]) in lex["stop"]):
        run = run[1:]
    return " ".join(run) if run else phrase


def alternation_of_verbs() -> str:
    return alternation(rules()["attribution_verbs"])
