"""Name keys for matching people, organisations, groups and places.

Three keys are stored beside every alias, so lookups are index hits:

- ``key(name)``: the exact-match key. Case, diacritics, punctuation, hyphens,
  a possessive 's and leading titles ("Iraqi Prime Minister", "Mr.") do not
  count.
- ``match_key(name, kind)``: ``key`` folded further across spellings:
  Arabic articles dropped (al-, el-, ad-, ash-, ...), abu/bin/ibn/abd/abdul
  joined with the next word, transliteration variants folded (ou/u, ee/i,
  q/k, dh/z, doubled letters, final -ah/-a), dotted initials joined (U.S.).
- ``family_key(name, kind)``: for people, the match-folded family name.

The word lists (titles, particles, ...) are data in ``brief/data/``, read
once. Everything here is pure and uses only the standard library, except
``similarity`` which imports rapidfuzz inside the function.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

__all__ = [
    "key",
    "match_key",
    "family_key",
    "similarity",
    "tokens",
    "match_tokens",
    "is_acronym",
    "acronym_of",
    "acronyms",
    "PERSON_KINDS",
]

_DATA = Path(__file__).parent / "data"

#: Kinds treated as people by ``family_key`` (None means "not known").
PERSON_KINDS = frozenset({"person", None})

_APOSTROPHES = "\u2019\u2018`\u02bc\u02bb\u02bf\u02be\u00b4\u2032"
_SPECIAL = {
    "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d",
    "Ð": "d", "þ": "th", "Þ": "th", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t",
}
_TRANSLATE = str.maketrans({**{c: "'" for c in _APOSTROPHES}, **_SPECIAL})
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"(?<=[^\W_])'s(?![^\W_])|(?<=s)'(?![^\W_])")


def _data_lines(filename: str) -> list[str]:
    text = (_DATA / filename).read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


def _fold(name: str) -> str:
    """Casefold, map apostrophe look-alikes to ', drop diacritics."""
    if name.isascii():
        return name.replace("`", "'").casefold()
    text = unicodedata.normalize("NFKD", name.translate(_TRANSLATE))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold()


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _phrases(filename: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_words(_fold(line))) for line in _data_lines(filename))


class _Rules:
    """Word lists from brief/data, loaded on first use."""

    def __init__(self) -> None:
        self.titles = _phrases("titles.txt")
        self.modifiers = _phrases("title_modifiers.txt")
        lines = _phrases("title_blockers.txt")
        blockers = {p[0] for p in lines if len(p) == 1}
        # also as match_key spells them, so that match_key stays idempotent
        self.blockers = frozenset(blockers | {_translit(w) for w in blockers})
        # a word that blocks only one title: Prince Edward (Island), not Sen. Edward Kennedy
        self.pair_blockers = frozenset(p for p in lines if len(p) == 2) | frozenset(
            tuple(map(_translit, p)) for p in lines if len(p) == 2)
        self.title_len = max(len(t) for t in self.titles)
        self.first_words = frozenset(t[0] for t in self.titles | self.modifiers)
        self.roles = frozenset(w for p in _phrases("roles.txt") for w in p)
        self.offices = self.roles | _OFFICES
        self.portfolios = frozenset(w for p in _phrases("portfolios.txt") for w in p)
        self.modifier_len = max(len(t) for t in self.modifiers)
        particles = [line.split() for line in _data_lines("particles.txt")]
        self.particles = frozenset(p[0] for p in particles)
        self.standalone = frozenset(p[0] for p in particles if "standalone" in p[1:])
        self.joiners: dict[str, str] = {}
        for line in _data_lines("joiners.txt"):
            src, _, dst = line.partition("=")
            self.joiners[src.strip()] = (dst or src).strip()
        self.family_first = frozenset(w for line in _data_lines("family_first.txt") for w in line.split())
        self.japanese = frozenset(w for line in _data_lines("family_first_japanese.txt") for w in line.split())
        refold = sorted((p for p, t in self.joiners.items() if p != t), key=len, reverse=True)
        self.refold = re.compile(rf"^(?:{'|'.join(refold)})(?=[^\W_]{{3}})")
        alt = "|".join(sorted(self.particles, key=len, reverse=True))
        self.recheck = self.particles | self.standalone | set(self.joiners) | self.first_words | {"the"} | self.roles
        self.attached = re.compile(rf"(?<![^\W_])(?:{alt})['\-\u2010\u2011](?=[^\W\d_])")


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    return _Rules()


def _longest(words: list[str], start: int, phrases: frozenset, longest: int) -> int:
    """Length of the longest phrase from ``phrases`` at ``words[start:]``."""
    if start >= len(words) or words[start] not in _rules().first_words:
        return 0
    for n in range(min(longest, len(words) - start), 0, -1):
        if tuple(words[start : start + n]) in phrases:
            return n
    return 0


_OFFICES = frozenset({"commissioner", "inspector", "attorney", "representative", "undersecretary", "registrar",
                      "auditor", "comptroller", "controller", "chancellor", "chairperson", "ombudsman", "administrator"})
_LINKS = frozenset({"of", "for", "the", "and"})


def _office_end(words: list[str], at: int) -> int:
    """Where a title's portfolio ends, when the office word before ``at`` is
    followed by "of" or "for" and words of a portfolio ("Minister for Home
    Affairs", "Chief of Staff", "Leader of the Opposition"); else ``at``.
    The name must begin right after the last portfolio word, and at least
    one word is left for it."""
    rules = _rules()
    if not 0 < at < len(words) - 2 or words[at - 1] not in rules.offices or words[at] not in ("of", "for"):
        return at
    end = 0
    for j in range(at + 1, len(words) - 1):
        if words[j] in rules.portfolios:
            end = j + 1
        elif words[j] not in _LINKS:
            break
    return end if end and words[end] not in _LINKS else at


def _titles_end(words: list[str], start: int) -> int:
    """Where the run of leading titles from ``start`` ends ("former Iraqi
    Prime Minister Nouri al-Maliki": at Nouri)."""
    rules = _rules()
    while True:
        pos = start
        while True:
            n = _longest(words, pos, rules.modifiers, rules.modifier_len)
            if not n:
                break
            pos += n
        n = _longest(words, pos, rules.titles, rules.title_len)
        # a title may begin with a word that is also a modifier ("Chief Executive")
        after = max(pos + n if n else start, start + _longest(words, start, rules.titles, rules.title_len))
        # "Minister for Home Affairs", "Chief of Staff", "Leader of the Opposition"
        office = after if after > start else pos if pos > start else start + 1
        end = _office_end(words, office)
        if end > office:
            after = end
        if after == start or after < len(words) and (
            words[after] in rules.blockers or (words[after - 1], words[after]) in rules.pair_blockers
        ):
            return start
        start = after


def _strip_titles(words: list[str], titles: bool = True) -> list[str]:
    """Words without the leading article and, with ``titles``, without the
    titles and descriptors before a person's name."""
    if not titles:
        return words[1:] if len(words) > 1 and words[0] == "the" else words
    rules = _rules()
    start = _titles_end(words, 1 if len(words) > 1 and words[0] == "the" else 0)
    if start == 0 and len(words) >= 3:
        # "Hamas leader Ismail Haniyeh", "Wagner chief Prigozhin", "army
        # chief Gen. Asim Munir": a short descriptor ending in a role word,
        # then any titles
        for at in range(1, min(6, len(words) - 1)):
            if words[at] not in rules.roles:
                continue
            office = _office_end(words, at + 1)  # "White House chief of staff John Kelly"
            if office > at + 1 or words[at + 1] not in rules.blockers:
                start = _titles_end(words, office)
                break
    rest = words[start:]
    if rest:
        return rest
    return words[1:] if len(words) > 1 and words[0] == "the" else words


@lru_cache(maxsize=65536)
def _prepare(name: str) -> str:
    return _POSSESSIVE.sub("", _fold(name))


_QUALIFIER = re.compile(r"^(.*?\S)\s*\(([^()]*)\)\s*$", re.DOTALL)


def qualified(name: str) -> tuple[str, str] | None:
    """A name and the words in brackets an analyst wrote after it to tell it
    apart ("Ahmed Ali (Dubai)": "Ahmed Ali", "Dubai"), or None."""
    m = _QUALIFIER.match(name)
    if m and _words(_prepare(m.group(1))) and _words(_prepare(m.group(2))):
        return m.group(1), m.group(2)
    return None


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    """The words of ``key(name)``. Words in brackets after a name are kept
    and never read as part of its titles ("unnamed U.S. official (Foreign
    Policy, 2014-05)" keeps its description)."""
    q = qualified(name)
    if q:
        return tokens(q[0]) + tuple(_words(_prepare(q[1])))
    return tuple(_strip_titles(_words(_prepare(name))))


_GLUED = re.compile(r"(?<![\w.'\u2019-])([A-Z]{2,3})(?=\s+[A-Z][a-z])")


@lru_cache(maxsize=65536)
def glued_initials(name: str) -> frozenset[str]:
    """Two or three capitals written before a capitalised word of a
    person's name, read as initials ("HM Ershad" is H. M. Ershad, "DY
    Chandrachud" D. Y.), as their matching words. Roman numerals are not
    initials."""
    if not re.search(r"[A-Z]{2}", name):
        return frozenset()
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    found = _GLUED.findall(plain)
    return frozenset(_translit(g.lower()) for g in found if not _ROMAN.fullmatch(g.lower()))


def key(name: str) -> str:
    """The exact-match key: folded words without leading titles.

    >>> key("Prime Minister Nouri al-Maliki\u2019s")
    'nouri al maliki'
    """
    return " ".join(tokens(name))


_TRANSLIT = [
    (re.compile(r"ou"), "u"),
    (re.compile(r"oo"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"ae"), "ai"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"(?<=..)kue$"), "k"),  # Rafique / Rafiq, Haque / Haq
    (re.compile(r"dh"), "z"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"dj"), "j"),
    (re.compile(r"tch"), "ch"),
    (re.compile(r"([a-z])\1+"), r"\1"),
    (re.compile(r"(?<=..)ah$"), "a"),
]
_ASCII_WORD = re.compile(r"[a-z]+")
_ROMAN = re.compile(r"[ivx]+")


@lru_cache(maxsize=65536)
def _translit(word: str) -> str:
    if not _ASCII_WORD.fullmatch(word) or _ROMAN.fullmatch(word):
        return word  # John Paul II is not John Paul I
    for _ in range(4):
        before = word
        for pattern, repl in _TRANSLIT:
            word = pattern.sub(repl, word)
        if word == before:
            break
    return word


def _join_initials(words: list[str]) -> list[str]:
    """Join runs of single letters: ['u', 's'] -> ['us']."""
    out: list[str] = []
    run: list[str] = []
    for w in words + [""]:
        if len(w) == 1 and w.isalpha():
            run.append(w)
            continue
        if len(run) > 1:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if w:
            out.append(w)
    return out


def match_tokens(name: str, titles: bool = True) -> tuple[str, ...]:
    """The words of ``match_key(name)``; ``titles=False`` keeps leading
    titles, for names that are not people's ("Estado Mayor Central")."""
    return _match_tokens(name, titles)


@lru_cache(maxsize=65536)
def _match_tokens(name: str, titles: bool) -> tuple[str, ...]:
    q = qualified(name)
    if q:
        return _match_tokens(q[0], titles) + _match_tokens(q[1], False)
    words = _match_once(name, titles)
    # Folding can make a word that another rule acts on ("aal" -> "al"):
    # apply the rules again until nothing changes, so match_key is idempotent.
    rules = _rules()
    for _ in range(4):
        if not any(w in rules.recheck or len(w) == 1 for w in words):
            break
        again = _match_once(" ".join(words), titles)
        if again == words:
            break
        words = again
    return words


def _match_once(name: str, titles: bool) -> tuple[str, ...]:
    words = tuple(map(_translit, _match_base(name, titles)))
    if any(len(w) == 1 for w in words):
        words = tuple(map(_translit, _join_initials(list(words))))
    return words


def _match_words(name: str, join_initials: bool) -> tuple[str, ...]:
    """The matching words, with or without dotted initials joined."""
    if join_initials:
        return _match_tokens(name, True)
    return tuple(map(_translit, _match_base(name, True)))


_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i yi ye g u".split(),
    )
)
_CYRILLIC_RE = re.compile("[" + "".join(_CYRILLIC) + "]")


def _latin(text: str) -> str:
    """Russian, Ukrainian and Belarusian letters in a common Latin spelling."""
    return _CYRILLIC_RE.sub(lambda m: _CYRILLIC[m.group(0)].strip("-"), text)


@lru_cache(maxsize=65536)
def _match_base(name: str, titles: bool) -> tuple[str, ...]:
    """Words without titles and articles, particles joined; not yet folded
    for transliteration."""
    rules = _rules()
    text = _prepare(name)
    if "-" in text or "'" in text or not text.isascii():
        text = rules.attached.sub("", text).replace("'", "")
    if not text.isascii():
        text = _latin(text)
    words = _strip_titles(_words(text), titles)
    if len(words) > 1 and not rules.particles.isdisjoint(words):
        # al Maliki, el Sisi; and a sun-letter article before its letter: Ar Ramadi, An Najaf, Es Sider.
        words = [
            w
            for i, w in enumerate(words)
            if i == len(words) - 1
            or not (
                w in rules.standalone
                or (w in rules.particles and w[0] in "ae" and words[i + 1].startswith(w[1:]) and len(words[i + 1]) > len(w))
            )
        ]
    joined: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        j = rules.joiners.get(w)
        if j is None and w[:2] in ("ab", "ib") and rules.refold.match(w):
            # abdulaziz -> abdaziz, like abdul aziz
            w = rules.refold.sub(lambda m: rules.joiners[m.group(0)], w, count=1)
        if j is not None and i + 1 < len(words):
            # abu bakr -> abubakr; abd al-aziz -> abdaziz (the article was dropped)
            nxt = words[i + 1]
            joined.append(j + nxt)
            i += 2
            continue
        joined.append(j if j is not None else w)
        i += 1
    return tuple(joined)


def match_key(name: str, kind: str | None = None) -> str:
    """The key for matching across spellings (deterministic, idempotent).

    >>> match_key("Nouri al-Maliki") == match_key("Nuri al Maliki")
    True
    """
    return " ".join(match_tokens(name))


_SUFFIXES = frozenset({"jr", "sr", "jnr", "snr", "junior", "senior", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "phd", "md", "esq", "sc"})
_SYLLABLE = (
    r"(?:zh|ch|sh|hs|ts|tz|th|kh|ph|ng|nh|tr|gi|kk|tt|pp|ss|jj|[bpmfdtnlgkhjqxrzcswyv])?"
    r"[wy]?[aeiou]{1,3}(?:ng|n|m|p|k|l|t)?"
)
_ROMANISED = re.compile(rf"(?:{_SYLLABLE}){{1,3}}")


def _family_first(words: tuple[str, ...]) -> bool:
    """Xi Jinping, Kim Jong-un, Nguyen Van Thieu, Ishiba Shigeru: family name first."""
    if not 2 <= len(words) <= 3:
        return False
    if words[0] in _rules().japanese:
        return len(words) == 2 and _JAPANESE.fullmatch(words[1]) is not None
    return words[0] in _rules().family_first and all(len(w) <= 9 and _ROMANISED.fullmatch(w) for w in words[1:])


# a Japanese given name in Hepburn romanisation: two to five syllables
_JAPANESE = re.compile(r"(?:(?:[kgsztdnhbpmrwfjy]|sh|ch|ts|[kgnhmrbp]y)?[aeiou]|n(?![aeiouy])){2,5}")


def family_key(name: str, kind: str | None = None) -> str | None:
    """The match-folded family name of a person, or None.

    ``family_key('Nouri al-Maliki') == family_key('al-Maliki') == family_key('Maliki')``.
    None for kinds other than 'person' (or unknown), and for names without a
    usable word.
    """
    if kind not in PERSON_KINDS:
        return None
    q = qualified(name)
    if q:
        return family_key(q[0], kind)  # Ahmed Ali (Dubai): Ali
    words = tokens(name)
    mwords = match_tokens(name)
    if _family_first(words) and len(mwords) == len(words):
        candidate = mwords[0]
    else:
        rest = [w for w in mwords if w not in _SUFFIXES] or list(mwords)
        rest = [w for w in rest if len(w) > 1] or rest
        if not rest:
            return None
        candidate = rest[-1]
    if len(candidate) < 2 or not any(c.isalpha() for c in candidate):
        return None
    return candidate


_ACRONYM_STOP = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "de", "del", "la", "le", "des", "du", "et", "y",
                           # French, Spanish and Portuguese: Comité national pour le salut du peuple -> CNSP
                           "pour", "les", "los", "las", "el", "da", "do", "dos", "das", "para", "por", "au", "aux"})
_ACRONYM_RAW = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]{1,9}|[A-Z]{2,}[a-z]?")


def is_acronym(name: str) -> bool:
    """True for a name written as an acronym: ISIS, U.S., PMF, AQI, IRGC."""
    stripped = name.strip().replace("\u2019s", "").replace("'s", "")
    if not stripped or " " in stripped:
        return False
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) < 2 or len(letters) > 10:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper == len(letters) or (upper >= 2 and upper >= len(letters) - 1 and stripped[0].isupper())


def acronym_of(name: str) -> str | None:
    """Initials of a multi-word name, skipping 'of', 'and', 'the', ...

    ``acronym_of('Islamic State of Iraq and Syria') == 'isis'``;
    ``acronym_of('Popular Mobilization Forces') == 'pmf'``.
    """
    words = [w for w in _words(_prepare(name)) if w not in _ACRONYM_STOP]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def acronyms(name: str, titles: bool = True) -> set[str]:
    """Every acronym a long name may be written as (with and without
    articles, with hyphenated words taken as one or two), folded;
    ``titles=False`` keeps leading titles (names that are not people's)."""
    folded = _prepare(name).replace("'", "")
    variants: set[str] = set()
    for text in (folded, re.sub(r"[-\u2010\u2011]", "", folded)):
        words = _strip_titles(_words(text), titles)
        if len(words) < 2:
            continue
        content = [w for w in words if w not in _ACRONYM_STOP]
        no_links = [w for w in content if len(w) > 1]  # Tehrik-i-Taliban Pakistan -> ttp
        for ws in (content, [w for w in content if w not in _rules().particles], words, no_links):
            if len(ws) >= 2:
                variants.add("".join(w[0] for w in ws))
    # Acronyms inside the name keep all their letters: UN General Assembly -> unga.
    if not any(c.isupper() for c in name):
        return variants
    raw = _WORD.findall(unicodedata.normalize("NFKD", name.translate(_TRANSLATE)).replace("'", ""))
    raw = [w for w in raw if w.casefold() not in _ACRONYM_STOP]
    if len(raw) >= 2 and any(w.isupper() and len(w) > 1 for w in raw):
        variants.add("".join(w.casefold() if w.isupper() and len(w) <= 5 else w[0].casefold() for w in raw))
    return variants


def similarity(a: str, b: str) -> int:
    """0-100: how alike two names are, compared on their match keys."""
    from rapidfuzz import fuzz

    ma, mb = match_key(a), match_key(b)
    if not ma or not mb:
        return 0
    if ma == mb:
        return 100
    return int(round(max(fuzz.ratio(ma, mb), fuzz.token_sort_ratio(ma, mb))))
