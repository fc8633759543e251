"""Find entities that are probably the same: blocking, scoring, clustering.

Pure: no database, no printing. ``find_clusters`` takes the entities of a
notebook (each with all its aliases) and the pairs an analyst has marked "not
the same", and proposes clusters, best first.

How it works:

1. Every alias is turned into a ``_Form``: its match key (names.match_key),
   and per kind either a family name and given names (people) or a core of
   words (organisations, groups, places), its acronym letters if written as
   an acronym, the acronyms its long form can be written as.
2. Candidate pairs come only from shared blocking keys (match key, family
   name with one given name, family skeleton, core words, acronym, listed
   equivalence), never from all pairs, and never across kinds.
3. Each candidate pair gets a score 0-100 from the rules below; only pairs
   at or above ``min_score`` become edges, and pairs marked "not the same"
   never do.
4. Clusters grow by a guarded complete link: two clusters join only when
   no pair across them is a clash (names sharing a word that do not match,
   two different acronyms, two things listed apart) and at least half of
   the pairs across them are edges, so A never joins C through a weak B.
   A cluster's score is its weakest edge.

Names listed together in data/equivalences.txt (Abu Mazen / Mahmoud Abbas)
match, and a listed name (not an acronym) brings the other names of its line
into matching; they do not count when deciding whether a bare name is
ambiguous. Two names listed on different lines never match.

Rules for people: the family name leads. Same family name with different
given names is not a match (George W. Bush / George H. W. Bush, Bashar /
Hafez al-Assad). A bare family name ("Bush", "President Bush") joins a full
name only when every full name with that family in the notebook is one
person; an office does not settle it (both Bushes were President). Jr./Sr. and regnal numbers
must agree; a feminine family name (Navalnaya) is another person. Two bare
family names alike only loosely, each written in full for a different
person in the notebook, are those two people (Ndadaye / Ndayizeye).
Capitals written together are initials (HM Ershad); given names alike in
their consonants but different (Hassan / Hussein,
data/distinct_given_names.txt) and pinyin given names spelt differently
(Wang Yang / Wang Yong) tell people apart; an Arabic chain ending in an
article names a father (Nasser Sabah al-Ahmad). A long name's next-to-last
word is read as a first family name only for a short form with no given
name the long one lacks (Evo Morales / Juan Evo Morales Ayma; not Mohammad
Ali Jafari / Mohammad Jafar Montazeri).

Rules for the rest: the same words (trailing generic words such as "group",
"province" dropped, but two of different kinds, "party" and "movement", are
two bodies; "of", "the", "and" ignored), each pair of words equal or a
spelling variant; one extra real word is a different entity (Kataib
Hezbollah is not Hezbollah, Gaza City is not Gaza). Kinds of place
(data/place_types.txt) tell places apart. An acronym matches a long form
whose initials it is (ISIS / Islamic State of Iraq and Syria), unless two
different bodies in the notebook share those initials, or the list files it
under one body and the notebook holds another the list does not know, or
another entity writes it with a place's possessive (Guatemala's TSE). A
name in another language matches its English translation word by word
(data/translations.txt). A name written with a word in front for two
bodies (the Romanian and the Portuguese Social Democratic Party) is left
alone when written without it. A country written as an owner (owners.py:
"Egypt's", "Egyptian", "of Egypt", "Hefazat-e-Islam Bangladesh") is read
apart from the name; two owners are two bodies, a bare name with two owners
is left alone, and a name of common words or letters with an owner is that
country's body, not the bare name. A country's name written in front as a
word of the name is its owner too (Azerbaijan Popular Front Party), and an
acronym with one owner on both sides is not ambiguous (Nigeria's TUC /
Trade Union Congress of Nigeria). A place written with its country or a
region after a comma ("Kayes, Mali", "Bukavu, South Kivu", "Uvalde, Texas")
is the bare name when nothing else bears it; a North American or Australian
town named after a well-known place elsewhere ("Paris, Texas";
data/world_places.txt) is not, nor a place written with a city's possessive.
An oblast is written as a region or a province; a state word is dropped
except before a well-known city (São Paulo state is not São Paulo). Numbers written as words are
digits (Third / 3rd). A describing word after a people or a faith stays
("Shiite militias" are not the Shiites; data/communities.txt).

People written with words in brackets ("Ahmed Ali (Dubai)") are told apart
by them; people written as descriptions ("unnamed U.S. official") match
only the same words.

The list: an acronym on several lines (PAS) joins one of them only when the
notebook holds no other; a listed one-word name after a title ("Mullah
Mustafa") or a listed family name alone ("Atatürk") is not a key, so bare
names go by the rules. The compiled lists are kept on disk between runs
(datacache.py).
"""

from __future__ import annotations

import gc
import os
import pickle
import re
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from brief import datacache, names, owners

__all__ = ["Candidate", "Cluster", "find_clusters", "pair_score"]

PERSON = "person"
PLACE = "place"
# A block this large says nothing (a very common word or family name): its
# pairs are not generated. Entities written exactly alike always are.
_MAX_BLOCK = 400
_MAX_EXACT_BLOCK = 5000


@dataclass
class Candidate:
    """One entity of the notebook with every alias it has been written as."""

    id: int
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class Cluster:
    """Entities proposed as one. ``members`` are sorted by id.

    ``canonical`` is the member with the most aliases; ties go to the one
    whose display name has the most words, then the longest display name,
    then the smallest id. ``score`` is the weakest pair's score (0-100).
    """

    canonical: int
    score: int
    members: list[int]


# ---------------------------------------------------------------- data


@lru_cache(maxsize=1)
def _data() -> dict:
    """The word lists compiled for matching (cached on disk between runs)."""
    here = Path(__file__).parent
    sources = [*names._DATA.glob("*.txt"), here / "dedupe.py", here / "names.py", here / "owners.py"]
    return datacache.cached("dedupe", sources, _compile_data)


def _given_key_word(word: str) -> str:
    """A given name from a word list, as a name's key writes its first word
    (Anne-Marie: anne)."""
    words = names._match_words(word, False)
    return words[0] if words else word


def _compile_data() -> dict:
    lines = names._data_lines
    groups: dict[str, set[int]] = {}
    for i, line in enumerate(lines("nicknames.txt")):
        for w in line.split():
            groups.setdefault(names._translit(w), set()).add(i)
    nick = {w: frozenset(g) for w, g in groups.items()}
    # the length of the formal name that leads each line (Robert: 6)
    formal = {i: len(names._translit(line.split()[0])) for i, line in enumerate(lines("nicknames.txt"))}
    equiv: dict[tuple[str, str], int] = {}
    listed: dict[int, tuple[str, ...]] = {}
    shared: dict[str, set[int]] = {}  # an acronym listed for several bodies -> their lines
    shared_keys: set[tuple[str, str]] = set()
    for i, line in enumerate(lines("equivalences.txt")):
        kind, _, rest = line.partition("|")
        listed[i] = tuple(w.strip() for w in rest.split(";") if w.strip())
        kind = _listed_kind(kind.strip())
        for written in listed[i]:
            key = (kind, _match_key(written, kind))
            if kind == PERSON and " " not in key[1] and (_title(written) or any(
                    names.family_key(other, PERSON) == key[1] for other in listed[i] if other != written and " " in other)):
                # "Mullah Mustafa" would list every bare Mustafa, and "Al Gore"
                # (read "Gore") every bare Gore: bare names go by the rules
                continue
            if key in shared_keys or key in equiv and equiv[key] != i and names.is_acronym(written):
                # one acronym for two bodies (PAS: the Malaysian Islamic Party,
                # and Moldova's Party of Action and Solidarity)
                shared.setdefault(key[1], set()).update({equiv.pop(key, i), i})
                shared_keys.add(key)
                continue
            equiv[key] = i
        if kind == PLACE and any(_RIVER.search(w) for w in listed[i]):
            # a river's line: its bare names also with the word river (Rhine: Rhine River, River Rhine)
            for written in listed[i]:
                if not _RIVER.search(written):
                    for form in (f"{written} River", f"River {written}"):
                        equiv.setdefault((kind, _match_key(form, kind)), i)
    leading: dict[str, str] = {}
    for line in lines("generic_leading.txt"):
        words, _, english = line.partition("=")
        for w in words.split():
            leading[names._translit(w)] = names._translit(english.strip())
    place_types = {}
    for line in lines("place_types.txt"):
        words, _, kind = line.partition("=")
        kind, _, kept = kind.strip().partition(" ")
        for w in words.split():
            place_types[names._translit(w)] = (kind, kept == "kept")
    generic: dict[str, str] = {}  # word -> the kind of body it names ("" for a mere description)
    for line in lines("generic_words.txt"):
        words, _, kind = line.partition("=")
        for w in words.split():
            generic[names._translit(w)] = "" if kind.strip() == "-" else kind.strip()
    short = {}
    for line in lines("abbreviations.txt"):
        words, _, full = line.partition("=")
        for w in words.split():
            short[names._translit(w)] = names._translit(full.strip())
    english: dict[str, str] = {}  # a word of another language -> the English word
    for line in lines("translations.txt"):
        word, _, foreign = line.partition("=")
        for w in foreign.split():
            english.update((k, names._translit(word.strip())) for k in names.match_tokens(w, False))
    common = (set(english.values()) - _REGIONAL) | set(generic) | set(place_types)
    common.update(names._translit(w) for line in lines("common_words.txt") for w in line.split())
    world = frozenset(" ".join(names.match_tokens(line, False)) for line in lines("world_places.txt"))
    given_apart: dict[str, int] = {}
    for n, line in enumerate(lines("distinct_given_names.txt")):
        for w in line.split():
            given_apart[names._translit(w)] = n
    return {
        "given_apart": given_apart,
        "women": frozenset(_given_key_word(w) for line in lines("women_given_names.txt") for w in line.split()),
        "pinyin": frozenset(w for line in lines("pinyin_family_names.txt") for w in line.split()),
        "world": world,
        "communities": frozenset(names._translit(w) for line in lines("communities.txt") for w in line.split()),
        "shared": {k: frozenset(v) for k, v in shared.items()},
        "common": frozenset(common),
        "english": english,
        "short": short,
        "articles": frozenset(names._translit(w) for line in lines("leading_articles.txt") for w in line.split()),
        "given_titles": frozenset(w for line in lines("given_titles.txt") for w in line.split()),
        "leading": leading,
        "nick": nick,
        "formal": formal,
        "equiv": equiv,
        "listed": listed,
        "generic": generic,
        "place_types": place_types,
        "person_particles": frozenset(w for line in lines("person_particles.txt") for w in line.split()),
    }


# words of the translated vocabulary that name a part of the world: "Africa
# Corps" is a name, "General Intelligence Directorate" is common words
_REGIONAL = frozenset(names._translit(w) for w in """europe european america american africa african asia asian arab
andean caribbean pacific atlantic mediterranean""".split())
_CARDINALS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
_ORDINALS = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth
fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split()
_NUMBERS = {
    **{names._translit(w): str(n) for n, w in enumerate(_CARDINALS, 1)},
    **{names._translit(w): str(n) for n, w in enumerate(_ORDINALS, 1)},  # Third: 3, as 3rd is
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
}
# a number read the same written before the noun as an ordinal or after it
# (33rd Front / Frente 33 / Front 33)
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_STOP = frozenset({"of", "the", "and", "for", "in", "on", "at", "to"})
# two words that end a name and only describe it
_DESCRIBING_PAIRS = frozenset((names._translit(a), names._translit(b)) for a, b in (
    ("news", "agency"), ("press", "agency"), ("motorcycle", "club"), ("media", "network"),
    ("crime", "family"), ("crime", "group"), ("crime", "network"), ("bikie", "gang"), ("armed", "group")))
_OF = frozenset({"de", "del", "des", "du", "di", "da", "do", "dos", "das", "la", "las", "los", "le", "les", "el"})
_CAMP_WORDS = frozenset(names._translit(w) for w in ("refugee", "refugees", "displacement", "displaced", "idp", "idps"))
_BURMESE_U = re.compile(r"U [A-Z][a-z]+ [A-Z]")
_RIVER = re.compile(r"\briver\b", re.IGNORECASE)
_SUFFIX_RE = re.compile(r"(?:jr|sr|jnr|snr|junior|senior|i{1,3}|iv|vi{0,3}|ix|x)")
_SUFFIX_SAME = {"jnr": "jr", "snr": "sr", "junior": "jr", "senior": "sr"}  # Christopher Kinahan Jnr / Jr.
_CONSONANT_SKELETON = re.compile(r"[aeiouywh]+")
# A vowel run; a w after a vowel and before a consonant belongs to it (Rowhani / Rouhani).
_VOWEL_RUN = re.compile(r"[aeiouy](?:[aeiouy]|w(?![aeiouy]))*|[^aeiouy]")
# Transliteration writes one Arabic or Persian short vowel several ways:
# a/e (fatha), i/e/y (kasra), o/u (damma).
_VOWEL_CLASS = {"a": "A", "e": "AI", "i": "I", "y": "I", "o": "U", "u": "U", "w": "U"}


@lru_cache(maxsize=131072)
def _consonants(word: str) -> str:
    return _CONSONANT_SKELETON.sub("", word.replace("x", "ks"))


@lru_cache(maxsize=65536)
def _skeleton(word: str, strict: bool = False) -> tuple:
    """Consonants as they are, each vowel run as the set of vowel classes
    it may stand for (``strict``: the classes of its first vowel only, so
    that Shekau's e does not meet Shoigu's oi); a leading y is a consonant."""
    if len(word) > 3 and word[-1] == "h" and word[-2] in "aeiouy":
        word = word[:-1]  # Fateh / Fatah, Haniyeh / Haniya
    head, rest = (("y",), word[1:]) if word[:1] == "y" else ((), word)
    parts = []
    for run in _VOWEL_RUN.findall(rest.replace("x", "ks")):
        if run[0] in _VOWEL_CLASS:
            parts.append(frozenset(_VOWEL_CLASS[run[0]] if strict else "".join(_VOWEL_CLASS[c] for c in run)))
        else:
            parts.append(run)
    return head + tuple(parts)


def _same_skeleton(a: str, b: str, strict: bool = False) -> bool:
    sa, sb = _skeleton(a, strict), _skeleton(b, strict)
    if len(sa) != len(sb):
        return False
    ea, eb = _final_vowels(a), _final_vowels(b)
    if ea != eb and ea and eb and (ea.startswith(eb) or eb.startswith(ea) or ea.endswith(eb) or eb.endswith(ea)):
        return False  # a vowel more at the end is another name: Ali / Alia, Bahaa / Bahia, Cho / Choe
    consonants = 0
    for x, y in zip(sa, sb):
        if isinstance(x, str) or isinstance(y, str):
            if x != y:
                return False
            consonants += 1
        elif not x & y:
            return False
    return consonants >= 2 or (consonants == 1 and min(len(a), len(b)) >= (3 if strict else 4))


@lru_cache(maxsize=131072)
def _final_vowels(word: str) -> str:
    """The vowels that end a word, y as i (Bahiya: ia, Uday: ai)."""
    m = _FINAL_RUN.search(word)
    return re.sub("i+", "i", m.group().replace("y", "i")) if m else ""


_FINAL_RUN = re.compile(r"[aeiouy]+$")


def _same_consonants(a: str, b: str) -> bool:
    """Four or more consonants, the same, in the same places: the vowels
    between them may be anything (Hezbollah / Hizballah, Tikrit / Takrit)."""
    sa, sb = _skeleton(a), _skeleton(b)
    if len(sa) != len(sb):
        return False
    if isinstance(sa[-1], frozenset) and isinstance(sb[-1], frozenset) and not sa[-1] & sb[-1]:
        return False  # the vowels that end them differ: Colombo / Columbia
    shape_a = tuple(x if isinstance(x, str) else "*" for x in sa)
    shape_b = tuple(x if isinstance(x, str) else "*" for x in sb)
    return shape_a == shape_b and sum(1 for x in shape_a if x != "*") >= 4


_KH = re.compile(r"[kg]h")
# words that set two places or bodies apart and are never a misspelling of each other
_OPPOSED = frozenset("""north south east west northern southern eastern western northeast northwest
southeast southwest upper lower inner outer central greater new old""".split())


def _ratio(a: str, b: str) -> float:
    from rapidfuzz.fuzz import ratio

    return ratio(a, b)


@lru_cache(maxsize=262144)
def _word_sim(a: str, b: str, plural: bool = False) -> int:
    """How alike two folded words are, 0-100; >= 85 means a spelling variant.

    Equal words 100; words differing only in vowels that transliterate the
    same sound 90 (Qassem / Qassim, Haider / Haidar, Ayad / Iyad); with
    ``plural``, a word and its plural 88 (Sunni / Sunnis); otherwise the edit
    ratio, counted only for words of five letters or more.
    """
    if a == b:
        return 100
    if any(c.isdigit() for c in a + b) or a in _OPPOSED or b in _OPPOSED:
        return 0  # Western Cape is not Eastern Cape
    if min(len(a), len(b)) <= 3 and abs(len(a) - len(b)) >= 2:
        return 0  # a syllable is not a longer word: Chu / Chayo
    if _same_skeleton(a, b):
        return 90
    if _same_consonants(a, b):
        return 87
    if ("h" in a or "h" in b) and _same_skeleton(_KH.sub("k", a), _KH.sub("k", b)):
        return 88  # Ghasem / Qasem, Khalid / Kalid
    if plural and min(len(a), len(b)) >= 4 and (a + "s" == b or b + "s" == a):
        return 88
    if plural and min(len(a), len(b)) >= 4 and ("al" + a == b or "al" + b == a):
        return 88  # Aljazeera / Jazeera: the article written into the word
    if min(len(a), len(b)) < 5:
        return 0
    if a.endswith("sk") and b.startswith(a) or b.endswith("sk") and a.startswith(b):
        return 0  # a Slavic town and the village or district named after it: Pokrovsk / Pokrovske
    return int(_ratio(a, b))


def _given_word_ok(a: str, b: str) -> bool:
    if a == b or _faith_short(a, b) or _faith_short(b, a):
        return True
    if len(a) == 1 or len(b) == 1:
        return _same_initial(a, b)
    nick = _data()["nick"]
    if a in nick and b in nick and nick[a] & nick[b]:
        return not _two_short_forms(a, b, nick[a] & nick[b])
    return _word_sim(a, b) >= 85 or _same_sound(a, b) or _article_written_in(a, b) or _article_written_in(b, a)


def _two_short_forms(a: str, b: str, lines: frozenset[int]) -> bool:
    """Two short forms of one name (shorter than it by two letters or
    more), neither a longer way of writing the other: Bob and Rob Menendez
    are father and son. Bob / Bobby or Jim / Jimmy may be one man, and
    spellings of one name (Yury / Yuriy) are no short forms."""
    if a.startswith(b) or b.startswith(a):
        return False
    formal = _data()["formal"]
    return all(max(len(a), len(b)) <= formal[i] - 2 for i in lines)


def _same_initial(a: str, b: str) -> bool:
    """Two given names, one an initial, that may start alike: the match key
    folds dh, ph and dj, so Dhirubhai keys as "zirubhai" and D. still fits."""
    initial, word = (a, b) if len(a) == 1 else (b, a)
    return initial == word[0] or (len(word) > 1 and _FOLDED_FROM.get(word[0]) == initial)


_FOLDED_FROM = {"z": "d", "f": "p", "j": "d"}


def _article_written_in(a: str, b: str) -> bool:
    """Fazlur / Fazl (Fazl-ur-Rehman), Ziaul / Zia (Zia-ul-Haq): the article
    of a compound name written into its first word."""
    return len(b) >= 3 and len(a) == len(b) + 2 and a.startswith(b) and a[-2:] in ("ul", "ur", "ud", "un", "us")


# ---------------------------------------------------------------- forms


@dataclass(frozen=True)
class _Form:
    text: str
    mkey: str
    acronym: str | None  # letters, when written as an acronym (or a one-word org name)
    equiv: int | None
    written_acronym: bool
    title: str  # the leading title words the key dropped ("president")
    person: bool
    # people
    family: str | None = None
    given: tuple[str, ...] = ()
    suffix: tuple[str, ...] = ()
    second_family: str | None = None
    family_first: bool = False  # Kim Jong-un: the given name is one word of syllables
    married: str | None = None  # the last part of a hyphenated family name (Folloroux-Ouattara: ouatara)
    # everything else
    core: tuple[str, ...] = ()
    ptype: str | None = None  # places: the kind of place a word names ("province")
    base: str = ""  # places with a ptype: the key of the name without that word
    body: frozenset[str] = frozenset()  # the kinds of body its dropped generic words name ("party")
    bag: tuple[str, ...] = ()  # its words in order of the alphabet, generic words kept
    translated: tuple[str, ...] = ()  # the same, translated to English, when a word was
    owner: str | None = None  # the country or place it is written as belonging to (owners.split_owner)
    named: str = ""  # the name written without that owner
    # with an owner: the name alone says nothing of which one it is, being
    # common words or letters ("Jordan's General Intelligence Directorate"),
    # or, for a place, owned by a town or region ("Paris, Texas")
    plain: bool = False

    @property
    def long_acronyms(self) -> frozenset[str]:
        if self.named:  # Press Trust of India: PTI, and PT
            return _long_acronyms(self.text, self.person) | _long_acronyms(self.named, self.person)
        return _long_acronyms(self.text, self.person)

    @property
    def bare(self) -> bool:
        return self.family is not None and not self.given


def _acronym_letters(text: str) -> str | None:
    if names.is_acronym(text):
        letters = "".join(c for c in names.key(text) if c.isalnum())
        return letters or None
    return None


def _listed_kind(kind: str) -> str:
    """Organisations and groups share the list: a party or a militia is
    filed as either."""
    return "org" if kind == "group" else kind


def _match_key(text: str, kind: str) -> str:
    """The match key, except that an acronym keeps its letters as written:
    TPP is not TTP, though doubled letters fold in words (Hassan / Hasan).
    Titles lead only people's names: "Estado Mayor Central" keeps "Mayor"."""
    letters = _acronym_letters(text)
    return letters if letters is not None else " ".join(names.match_tokens(text, kind == PERSON))


@lru_cache(maxsize=131072)
def _given_key(g: str) -> str:
    """Blocking key of a given name: first letter (any vowel alike) and the
    consonants after it."""
    return ("*" if g[0] in "aeiou" else _sound(g[0])) + _consonants(_sound(g[1:]))


def _title(text: str) -> str:
    words = names._words(names._prepare(text))
    return " ".join(words[: len(words) - len(names.tokens(text))])


@lru_cache(maxsize=131072)
def _long_acronyms(text: str, person: bool) -> frozenset[str]:
    """The initials a long name may be written as (names.acronyms)."""
    if len(names.match_tokens(text, person)) < 2 or names.is_acronym(text):
        return frozenset()  # PFLP-GC is an acronym, not the initials of "PFLP GC"
    return frozenset(a for a in names.acronyms(text, person) if len(a) >= 2)


@lru_cache(maxsize=131072)
def _form(text: str, kind: str, owned: bool = True) -> _Form:
    data = _data()
    if kind == PERSON and _BURMESE_U.match(text):
        text = text[2:]  # U Kyaw Moe Tun: the Burmese honorific, not an initial (U. S. Grant)
    acronym = _acronym_letters(text)
    written = acronym is not None
    mkey = _match_key(text, kind)
    if acronym is None and kind != PERSON and len(mkey.split()) == 1 and len(names.key(text)) >= 2:
        # Nato, Opec, the CIA: a one-word name may be an acronym.
        acronym = names.key(text)
    equiv = data["equiv"].get((_listed_kind(kind), mkey))
    if kind != PERSON and owned:
        owned = owners.split_owner(text, kind == PLACE)
        if owned:
            # Russian Africa Corps: the name Africa Corps, owned by Russia
            owner, named, country = owned
            inner = _form(named, kind)
            if kind == PLACE:
                # Paris, Texas is not Paris, nor Aleppo's Ashrafieh the
                # bare Ashrafieh (neighbourhoods' names recur from city to
                # city); Bukavu, South Kivu is Bukavu, and Uvalde, Texas Uvalde
                plain = not country and (
                    "," not in text or owners.namesake_region(owner) and inner.mkey in data["world"])
            else:
                plain = inner.written_acronym or _common_words(inner.mkey)
            return replace(inner, text=text, mkey=mkey, equiv=equiv, owner=owner, named=inner.named or named, plain=plain)
        country = owners.country_named(text) if kind == PLACE else None
        if country:
            inner = _form(country, kind)  # Republic of Kenya: Kenya
            return replace(inner, text=text, mkey=mkey, equiv=equiv if equiv is not None else inner.equiv, named=country)
    if kind == PERSON:
        q = names.qualified(text)
        if q:
            # Ahmed Ali (Dubai): the name, told apart by the words in brackets
            inner = _form(q[0], kind)
            return replace(inner, text=text, mkey=mkey, equiv=equiv, owner=" ".join(names.match_tokens(q[1], False)))
        if _described(text):
            # "unnamed U.S. official", "a senior port engineer": a description,
            # not a name; only the same words are the same entity
            return _Form(text, " ".join(names.match_tokens(text, False)), acronym, equiv, written, _title(text), True)
        family = names.family_key(text, PERSON)
        particles = data["person_particles"] if " y " in text else data["person_particles"] - {"y"}  # Y. V. Chandrachud
        words = _faith_compounds([w for w in names._match_words(text, False) if w not in particles])
        if family is not None:
            family = words[-1] if family == "din" and words and words[-1].endswith("din") else _faith_word(family)
        glued = names.glued_initials(text)
        if glued and family is not None:
            # HM Ershad: the initials H. M.
            words = [x for k, w in enumerate(words) for x in (w if w in glued and k < len(words) - 1 and w != family else (w,))]
        cut = len(words)
        while cut > 1 and _SUFFIX_RE.fullmatch(words[cut - 1]):
            cut -= 1
        suffix, words = tuple(_SUFFIX_SAME.get(w, w) for w in words[cut:]), words[:cut]
        given: tuple[str, ...] = ()
        family_first = False
        married = None
        if family is not None and family in words:
            at = words.index(family)
            if at == 0 and len(words) > 1 and names._family_first(names.tokens(text)):
                given = ("".join(words[1:]),)  # Jin-ping, Jong Un: one given name
                family_first = True
            else:
                at = len(words) - 1 - words[::-1].index(family)  # Abdullah Abdullah: a given name like the family's
                given = tuple(words[:at])
        if family is not None and given and not suffix and words[-1] == family and _double_barrelled(text):
            # Pérez-Castejón: the two words are one family name, and the one
            # before may be the first family name (Pedro Sánchez Pérez-Castejón)
            married = family
            family, given = given[-1] + family, given[:-1]
        if not given and any(w not in ("jr", "sr") for w in suffix):
            # Felipe VI, King Abdullah II: a regnal name, read as a bare name
            # with its number (a bare "King Felipe" may be him; Mswati II is
            # not Mswati III)
            family = words[-1] if len(words) == 1 and len(words[0]) > 1 else None
        second = given[-1] if len(given) >= 2 and len(given[-1]) > 1 and given == tuple(words[: len(given)]) else None
        if second and len(given) >= 3 and not suffix and _double_barrelled(text, before_last=True):
            # Miguel Díaz-Canel Bermúdez: the hyphenated pair is the first family name
            second = given[-2] + given[-1]
            given = (*given[:-2], second)
        return _Form(text, mkey, acronym, equiv, written, _title(text), True, family=family, given=given, suffix=suffix,
                     second_family=second, family_first=family_first, married=married)
    mtoks = mkey.split()
    words = [data["short"].get(w, w) for w in mtoks if w not in _STOP] or list(mtoks)
    words = [_NUMBERS.get(w) or _ORDINAL_DIGITS.sub(r"\1", w) for w in words]  # Third Assault Brigade, 3rd: 3
    # the Persian and Urdu ezafe between two words: Jamaat-e-Islami / Jamaat-i-Islami
    words = [w for k, w in enumerate(words) if w not in ("e", "i") or k in (0, len(words) - 1)]
    if len(words) > 1 and kind != PLACE and words[0] in data["articles"]:
        words = words[1:]  # Los Zetas: Zetas
    bag, translated = _bags(words)
    ptype, base = None, ""
    if kind == PLACE:
        words, ptype, base = _place_kind(words)
    whole = list(words)
    body = _drop_generic(words)  # Kataeb Party: Kataeb
    if len(words) > 1 and words[0] in data["leading"]:
        words = [*words[1:], data["leading"][words[0]]]  # Jaysh al-Mahdi: Mahdi Army
        while len(words) > 2 and words[0] in _OF:
            words = words[1:]  # Cártel de Caborca: Caborca Cartel
        whole = list(words)
        body |= _drop_generic(words)
    if "brigade" in body and _listed_as_other(words, equiv, kind):
        words, body = whole, frozenset()  # Hezbollah Brigades: not Hezbollah, which the list knows as another body
    return _Form(text, mkey, acronym, equiv, written, "", False, core=tuple(words), ptype=ptype, base=base, body=body,
                 bag=bag, translated=translated)


def _listed_as_other(words: list[str], equiv: int | None, kind: str) -> bool:
    """Whether a name's words, without the generic words that end it, are
    listed as a body other than the whole name."""
    other = _data()["equiv"].get((_listed_kind(kind), " ".join(words)))
    return other is not None and other != equiv


def _same_qualifier(a: _Form, b: _Form) -> bool:
    """Whether two names are written with the same kind of place and owner."""
    if a.ptype != b.ptype or (a.owner is None) != (b.owner is None):
        return False
    return a.owner is None or owners.same_owner(a.owner, b.owner)


def _unqualified(f: _Form) -> tuple[str, ...]:
    """A name's words without the kind of place or owner it is written with."""
    return tuple(f.base.split()) if f.ptype else f.core


def _common_words(mkey: str) -> bool:
    common = _data()["common"]
    return all(w in common or w in _STOP for w in mkey.split())


def _bags(words: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A name's words without articles and prepositions, sorted, and the
    same translated word by word to English when a word translates: Tribunal
    Supremo de Justicia and Supreme Tribunal of Justice both give justice,
    supreme, tribunal."""
    english = _data()["english"]
    kept = [w for w in words if w not in _FUNCTION_WORDS]
    if len(kept) < 2:
        return (), ()
    bag = tuple(sorted(kept))
    if not any(w in english for w in kept):
        return bag, ()
    return bag, tuple(sorted(english.get(w, w) for w in kept))


# articles, prepositions and conjunctions of the languages translated
_FUNCTION_WORDS = frozenset(names._translit(w) for w in """de del della delle dei degli dello di da das do dos du des
la las los el le les lo il gli l d a al au aux en y e et ed dan per pour para por con com avec""".split()) | _STOP


def _faith_short(a: str, b: str) -> bool:
    """Asad for Asaduddin: a faith compound called by its first part."""
    return len(b) >= 4 and a == b + "din"


def _faith_compounds(words: list[str]) -> list[str]:
    """Names compounded with al-Din (of the faith) written as one word:
    Safi al-Din / Safieddine, Siraj ud-Din / Sirajuddin."""
    out: list[str] = []
    for w in words:
        if w == "din" and out:
            out[-1] += "din"
        else:
            out.append(_faith_word(w))
    return out


_FAITH_END = re.compile(r"(?<=[a-z]{2})[eu]d(?:in|ine)$")


@lru_cache(maxsize=131072)
def _faith_word(word: str) -> str:
    return _FAITH_END.sub("din", word)


def _drop_generic(words: list[str]) -> frozenset[str]:
    """Drop the generic words that end ``words``; the kinds of body they name.
    A descriptor after a people or a faith stays: "Shiite militias" are not
    the Shiites."""
    generic = _data()["generic"]
    communities = _data()["communities"]
    kinds = set()
    if len(words) > 2 and (words[-2], words[-1]) in _DESCRIBING_PAIRS:
        del words[-2:]  # Mehr News Agency: Mehr; Bandidos Motorcycle Club: Bandidos
    while len(words) > 1 and words[-1] in generic:
        if not generic[words[-1]] and all(w in communities for w in words[:-1]):
            break
        kinds.add(generic[words.pop()])
    kinds.discard("")
    return frozenset(kinds)


def _place_kind(words: list[str]) -> tuple[list[str], str | None, str]:
    """A place name's words without the word that says what kind of place
    it is, that kind, and the key of the name without it ("Borno State":
    borno, state; "River Tisza": tisza, river). Kept kinds stay in the
    words ("Kyiv region")."""
    if "international" in words and words[-1] == "airport":
        words = [w for w in words if w != "international"]  # Ben Gurion (International) Airport
    if len(words) > 2 and words[-1] == "camp" and words[-2] in _CAMP_WORDS:
        words = [*words[:-2], "camp"]  # Jabalia refugee camp: Jabalia camp
    types = _data()["place_types"]
    if len(words) < 2:
        return words, None, ""
    if words[-1] in types:
        kind, kept = types[words[-1]]
        base = words[:-1]
    elif words[0] in types and types[words[0]][0] != "city":
        kind, kept = types[words[0]]
        base = words[1:]  # state of São Paulo, River Tisza
    else:
        return words, None, ""
    if kind in _LANDFORMS and " ".join(base) in _data()["world"]:
        kept = True  # Hong Kong Island is not Hong Kong
    # a kept kind word is written last, as its kind: Mount Qandil / Qandil Mountains
    return ([*base, kind] if kept else base), kind, " ".join(base)


_LANDFORMS = frozenset({"island", "peninsula"})
_LAST_TWO = re.compile(r"([^\W\d_]+)[-\u2010\u2011]([^\W\d_]+)\W*$")
_TWO_BEFORE_LAST = re.compile(r"([^\W\d_]+)[-\u2010\u2011]([^\W\d_]+)\s+[^\W\d_]+\W*$")


def _double_barrelled(text: str, before_last: bool = False) -> bool:
    """The name ends in two words joined by a hyphen (or has them just
    before its last word), the first not an article or a joining word
    (al-, bin-, Abdel-)."""
    m = (_TWO_BEFORE_LAST if before_last else _LAST_TWO).search(names._prepare(text))
    if not m or len(m.group(1)) < 4 or len(m.group(2)) < 3:
        return False
    rules = names._rules()
    return m.group(1) not in rules.particles and m.group(1) not in rules.joiners


# ---------------------------------------------------------------- scoring


def _given_ok(a: tuple[str, ...], b: tuple[str, ...], loose: bool = False) -> bool:
    """Given names agree: one single name found among the other's, or the
    same number of names matching one by one (initials match names).
    ``loose`` accepts names that might be one spelled two ways (Benjamin /
    Binyamin): used to decide whether two people are clearly different."""
    if not a or not b or "".join(a) == "".join(b):
        return True
    ok = _given_word_loose if loose else _given_word_ok
    if len(a) > 1 and len(b) > 1:
        if len(a) == len(b):
            return all(ok(x, y) for x, y in zip(a, b))
        # a longer chain of names that starts or ends with the shorter one
        # (Ali Akbar Hashemi / Akbar Hashemi); initials never stretch (George W. / George H. W.)
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        if any(len(w) == 1 for w in a + b):
            return False
        if loose and _ratio("".join(a), "".join(b)) >= 80:
            return True  # Abed Rabbo Mansour / Abdrabbuh Mansour
        # never a name left out of the middle: Denis Christel Sassou Nguesso
        # is the son of Denis Sassou Nguesso
        n = len(short)
        return all(ok(x, y) for x, y in zip(short, long_[:n])) or all(ok(x, y) for x, y in zip(short, long_[-n:]))
    single, other = (a[0], b) if len(a) == 1 else (b[0], a)
    if len(single) == 1:
        return _same_initial(single, other[0])
    if all(len(w) == 1 for w in other):
        # Z. A. Bhutto / Zulfikar Bhutto; a longer run of initials says more
        # than one name can (S. W. R. D. Bandaranaike is not Sirimavo)
        return len(other) <= 2 and _same_initial(other[0], single)
    if not loose and _DEVOTIONAL.fullmatch(single) and not _DEVOTIONAL.fullmatch(other[0]):
        # Muhammad, borne by millions, found only after another given name:
        # Mohammad Sayeed is not Hafiz Muhammad Saeed (Mohammad Bagheri is
        # Mohammad Hossein Bagheri)
        return False
    return any(len(w) > 1 and ok(single, w) for w in other)


def _given_word_loose(a: str, b: str) -> bool:
    apart = _data()["given_apart"]
    if apart.get(a, -1) != apart.get(b, -2) and a in apart and b in apart:
        return False  # Hassan / Hussein: two names
    if _given_word_ok(a, b) or (a[0] == b[0] and _VOWELS_ONLY.sub("", a) == _VOWELS_ONLY.sub("", b)):
        return True  # Vladimir / Volodymyr
    if len(a) < 2 or len(b) < 2:
        return False
    for prefix in ("abu", "abd", "bin"):  # Abu Bakr / Abu Omar: compare what follows
        if a.startswith(prefix) and b.startswith(prefix):
            a, b = a[len(prefix) :] or a, b[len(prefix) :] or b
            break
    if a[0] != b[0] and not any(a[0] in g and b[0] in g for g in _FIRST_ALIKE):
        return False  # Marielle / Anielle: a spelling keeps its first sound (Jeyhun / Ceyhun)
    return abs(len(a) - len(b)) <= 1 and _ratio(_loose_word(a), _loose_word(b)) >= 75


# first letters that may write one sound: Osama / Usama, Ceyhun / Jeyhun, Zaki / Dhaki
_FIRST_ALIKE = ("aeiouy", "cgjkq", "dz", "fpv", "bp", "ctsz", "hk", "wv")
_VOWELS_ONLY = re.compile(r"[aeiouy]+")
# Muhammad as the match key writes it (Mohammed, Mohamad, Muhammed, Mehmet)
_DEVOTIONAL = re.compile(r"m[uoe]h[ae]m[ae][dt]")


def _loose_word(word: str) -> str:
    return re.sub(r"[kg]h", "k", word).translate(_LOOSE)


def _suffix_conflict(a: _Form, b: _Form) -> bool:
    return a.suffix != b.suffix and bool(a.suffix and b.suffix or {"jr", "sr"} & set(a.suffix + b.suffix))


_LOOSE = str.maketrans("gqczpv", "kkkdbf")


@lru_cache(maxsize=131072)
def _loose_family(family: str) -> str:
    """A coarse sound key of a family name, to find everyone it might be."""
    return _consonants(_sound(family)).translate(_LOOSE) or family


_UNNAMED = frozenset({"unnamed", "anonymous", "unidentified", "a", "an", "two", "three", "several", "some"})


def _described(text: str) -> bool:
    """A person written as a description rather than a name: "unnamed U.S.
    official", "two senior officials", "a government spokesman"."""
    written = text.split()
    words = names._words(names._prepare(text))
    if len(written) < 2 or len(words) < 2:
        return False
    roles = names._rules().roles
    last = words[-1]
    return written[0].lower() in _UNNAMED or last in roles or (last.endswith("s") and last[:-1] in roles)


def _person_score(a: _Form, b: _Form) -> int:
    if a.bare and b.bare and _royal_apart(_office(a.title), _office(b.title)):
        return 0
    if a.owner and b.owner and a.owner != b.owner:
        return 0  # Ahmed Ali (Dubai) / Ahmed Ali (Cairo): the analyst told them apart
    if a.mkey == b.mkey:
        return 100
    if a.equiv is not None and b.equiv is not None:
        return 95 if a.equiv == b.equiv else 0  # listed as two different things
    if a.acronym and len(a.acronym) >= 3 and a.acronym in b.long_acronyms:
        return 90
    if b.acronym and len(b.acronym) >= 3 and b.acronym in a.long_acronyms:
        return 90
    if not a.family or not b.family:
        return 0
    if _suffix_conflict(a, b):
        return 0
    a, b = _joined_family(a, b), _joined_family(b, a)
    fam = _family_sim(a.family, b.family)
    if fam < 85 and not a.bare and not b.bare and _son_of(a.family, b.family):
        fam = 86  # Mahathir bin Mohamad / Mahathir Mohamad; a bare Mohamad is his father
    if fam < 85:
        # other family names: one of the names is written short or in parts
        for rule in (_chain_cut, _married_name, _second_family_score, _given_alone_score):
            score = rule(a, b) or rule(b, a)
            if score:
                return score
        return 0
    if a.bare and b.bare:
        return 86  # two bare names: a close spelling
    if a.bare or b.bare:
        return 90 if fam == 100 else 86
    if a.family_first or b.family_first:
        if a.family_first and b.family_first and a.given[0] != b.given[0] and _pinyin(a) and _pinyin(b):
            return 0  # Wang Yang is not Wang Yong: pinyin writes a name one way
        if not _same_syllables(a.given[0], b.given[0]):
            return 0  # Kim Jong-nam is not Kim Yong-nam: a family name shared by millions
        if not (a.family_first and b.family_first) and not _given_ok(a.given, b.given):
            return 0  # (two names written family first: syllables romanised two ways, Cho Kuk / Cho Guk)
    elif not _given_ok(a.given, b.given) or _another_father(a, b):
        return 0
    if fam == 100 and a.given[0] == b.given[0]:
        return 95
    return min(90, fam)


def _pinyin(f: _Form) -> bool:
    """A Chinese name written in pinyin, family name first (Wang Yang; not
    Lee Jae-myung, whose family name pinyin writes Li)."""
    words = names.tokens(f.text)
    return bool(words) and words[0] in _data()["pinyin"]


def _another_father(a: _Form, b: _Form) -> bool:
    """Alwaleed bin Talal is not Alwaleed bin Khalid bin Talal, his
    grandson: a name chain of fathers that has a father the other lacks."""
    if a.family[:3] not in _SON or b.family[:3] not in _SON:
        return False
    fathers_a = {w for w in a.given if w[:3] in _SON}
    fathers_b = {w for w in b.given if w[:3] in _SON}
    return fathers_a != fathers_b


_SON = ("bin", "ibn")


def _married_name(a: _Form, b: _Form) -> int:
    """Dominique Folloroux-Ouattara / Dominique Ouattara: a hyphenated
    family name written by its last part, with the same given names."""
    if not a.married or b.bare or not a.given or _family_sim(a.married, b.family) < 85:
        return 0
    return 86 if _given_ok(a.given, b.given) else 0


def _chain_cut(a: _Form, b: _Form) -> int:
    """An Arabic name chain cut short keeps its first names, the person's
    and his father's: Sabah al-Ahmad / Sabah al-Ahmad al-Jaber al-Sabah.
    Only where the shorter name is written with an article or bin, so that
    John Fitzgerald is not John Fitzgerald Kennedy."""
    n = len(a.given)
    if a.bare or b.bare or len(b.given) <= n or not _ARABIC_CHAIN.search(a.text):
        return 0
    if not all(_given_word_ok(x, y) for x, y in zip(a.given, b.given)):
        return 0
    return 86 if _family_sim(a.family, b.given[n]) >= 85 else 0


_ARABIC_CHAIN = re.compile(r"\b(?:al|el|ad|ash|as|at|az|bin|ibn)[-\s\u2010\u2011]", re.IGNORECASE)
# the last name of a chain written with its article (Nasser Sabah al-Ahmad)
_ARTICLE_LAST = re.compile(r"\b(?:al|el|ad|ash|as|at|az)[-\s\u2010\u2011][^\W\d_]+\W*$", re.IGNORECASE)


def _son_of(a: str, b: str) -> bool:
    """One family name is the other with bin or ibn (son of) in front."""
    return any(x[:3] in _SON and x[3:] == y and len(y) >= 4 for x, y in ((a, b), (b, a)))


def _same_syllables(a: str, b: str) -> bool:
    """Romanised given names of Chinese, Korean or Vietnamese people agree
    in their consonants, up to one sound written two ways: romanisations
    differ in vowels (Jong-un / Jong Eun, Yong-chol / Yong-cheol) and in
    g/k (Geun-hye / Kun-hye); another consonant is another name (Kim
    Jong-nam is not Kim Yong-nam)."""
    return a == b or _consonants(_sound(a)) == _consonants(_sound(b))


@lru_cache(maxsize=65536)
def _family_sim(a: str, b: str) -> int:
    """Like _word_sim, and family names also agree when they differ only in
    letters that transliterate one sound: g/k/q, d/z/dh, j/zh (Gaddafi /
    Qadhafi, Fayyad / Fayyadh, Ahmadinejad / Ahmadinezhad)."""
    if _gendered(a, b) or _gendered(b, a):
        return 0
    if a.startswith("abu") != b.startswith("abu") and not (_compound_of(a, b) or _compound_of(b, a)):
        return 0  # a kunya is not a family name spelled otherwise: Abu Ayad / Abaaoud
    sim = _word_sim(a, b)
    if sim < 85 and (_same_sound(a, b) or _compound_of(a, b) or _compound_of(b, a)
                     or a[-2:] == b[-2:] == "an" and _word_sim(_armenian(a), _armenian(b)) >= 85):
        return 86
    return sim


def _armenian(family: str) -> str:
    """Sargsyan / Sarkisian / Sarkissian: the Armenian -yan ending and the
    vowel before it as one."""
    return re.sub(r"(?<=...)[iy]?[iy]an$", "ian", family.replace("g", "k"))


# feminine ending -> the masculine endings of the same family name
_GENDERED = (
    ("skaya", ("sky", "ski", "skiy", "skii", "skyi")),
    ("ckaya", ("cky", "cki", "ckiy")),
    ("aya", ("y", "iy", "ii", "yi", "oi", "oy", "i")),
    ("ska", ("ski", "sky")),
    ("ova", ("ov", "")),
    ("eva", ("ev",)),
    ("ina", ("in",)),
    ("yna", ("yn",)),
)


def _gendered(a: str, b: str) -> bool:
    """A Slavic (or Czech) feminine family name and its masculine form are two
    people, never one spelled twice: Navalnaya / Navalny, Ivanova / Ivanov,
    Zelenskaya / Zelensky, Kowalska / Kowalski, Novakova / Novak."""
    if len(a) < 6 or a == b:
        return False
    for feminine, masculine in _GENDERED:
        if a.endswith(feminine):
            stem = a[: -len(feminine)]
            return b.startswith(stem) and b[len(stem) :] in masculine
    return False


def _compound_of(a: str, b: str) -> bool:
    """Abdel Nasser / Nasser: a compound name with Abd (servant of) or Abu
    (father of), written whole or by its second part; Aljabri / al-Jabri:
    the article written into the name."""
    if len(b) < 4:
        return False
    return a[:3] in ("abd", "abu") and a[3:] == b or a[:2] in ("al", "el") and _word_sim(a[2:], b) >= 85


@lru_cache(maxsize=65536)
def _same_sound(a: str, b: str) -> bool:
    """Two words of five letters or more that differ only in letters that
    transliterate one sound (g/k/q, d/z/dh, j/zh, sh/ch, k/c) and in the
    vowels between them: Gaddafi / Qadhafi, Ahmadinejad / Ahmadinezhad,
    Ghannouchi / Ghannushi, Rafic / Rafik."""
    if min(len(a), len(b)) < 5:
        return False
    la, lb = _sound(a), _sound(b)
    if la == lb or (la != a or lb != b) and _same_skeleton(la, lb, strict=True):
        return True
    # the Egyptian and Lebanese g for the Arabic j: Gibril / Jibril, Raggi / Rajji
    return ("j" in a) != ("j" in b) and _j_as_g(a) == _j_as_g(b)


def _j_as_g(word: str) -> str:
    return word.replace("dj", "j").replace("j", "g")


@lru_cache(maxsize=131072)
def _sound(word: str) -> str:
    word = _C_HARD.sub("k", _KH.sub("k", word).replace("zh", "j").replace("ch", "sh")).replace("c", "s")  # Belkacem / Belkasem
    return word.translate(_SOUND)


_SOUND = str.maketrans("gqz", "kkd")
_C_HARD = re.compile(r"c(?![eiy])")


def _joined_family(a: _Form, b: _Form) -> _Form:
    """``a`` with its two last words as one family name where ``b`` writes
    them so (Nkosazana Dlamini Zuma / Dlamini-Zuma)."""
    if a.second_family and a.second_family + a.family == b.family:
        return replace(a, family=b.family, given=a.given[:-1], second_family=None)
    return a


def _second_family_score(a: _Form, b: _Form) -> int:
    """Two family names (Hugo Rafael Chavez Frias / Hugo Chavez): the
    next-to-last word of a long name taken as the family name; a bare name
    may be it, or else given names are required on both sides."""
    if not a.second_family or _family_sim(a.second_family, b.family) < 85:
        return 0
    if not b.bare and _ARTICLE_LAST.search(a.text) and _ARABIC_CHAIN.search(b.text):
        return 0  # Nasser Sabah al-Ahmad is Nasser, son of Sabah, not a Sabah
    if b.bare:
        return 86
    if len(b.given) > len(a.given) - 1:
        # a given name the long form lacks: Mohammad Ali Jafari is not
        # Mohammad Jafar Montazeri, nor is Carlos Alberto Manzo Rodríguez
        # Alberto Rodríguez Saá
        return 0
    return 86 if _given_ok(a.given[:-1], b.given) else 0  # Juan Evo Morales Ayma / Evo Morales


def _royal_apart(a: str, b: str) -> bool:
    """Two titles that tell a royal apart from another holder of the name:
    King Hussein / Crown Prince Hussein, Emir Tamim / Sheikh Tamim is not."""
    return bool(a and b) and a != b and {a.split()[-1], b.split()[-1]} <= _RANKED


_RANKED = frozenset({"king", "queen", "prince", "princess", "emir", "amir", "sultan", "shah"})


def _given_alone_score(a: _Form, b: _Form) -> int:
    """A name used alone that is the other's first given name: Saddam /
    Saddam Hussein, Prabowo / Prabowo Subianto (five letters or more)."""
    if not a.bare or b.bare or len(a.family) < 4:
        return 0
    office = _office(a.title)
    if office and office.split()[-1] not in _data()["given_titles"]:
        return 0
    if len(a.family) < 5 and not office:
        return 0  # a short name alone needs its title: Princess Reema
    return 86 if _family_sim(a.family, b.given[0]) >= 90 else 0  # (not Abu Ayad / Abeid)


def _initials_of(word: str, words: tuple[str, ...]) -> bool:
    return len(words) >= 2 and word == "".join(w[0] for w in words)


def _aligned(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Weakest link of an in-order alignment of two word lists, 0 if none:
    words match one to one (spelling variants allowed), or a short word
    matches the initials of a run of words (US / United States)."""

    memo: dict[tuple[int, int], int] = {}

    def best(i: int, j: int) -> int:
        if (i, j) not in memo:
            memo[(i, j)] = _best(i, j)
        return memo[(i, j)]

    def _best(i: int, j: int) -> int:
        if i == len(a) and j == len(b):
            return 100
        if i == len(a) or j == len(b):
            return 0
        result = 0
        sim = _word_sim(a[i], b[j], True)
        if sim < 85 and _core_word_variant(a[i], b[j]):
            sim = 86
        if sim >= 85:
            result = min(sim, best(i + 1, j + 1))
        for k in range(2, 6):
            if j + k <= len(b) and _initials_of(a[i], b[j : j + k]):
                result = max(result, min(90, best(i + 1, j + k)))
            if i + k <= len(a) and _initials_of(b[j], a[i : i + k]):
                result = max(result, min(90, best(i + k, j + 1)))
        return result

    return best(0, 0)


def _core_key(core: tuple[str, ...]) -> str:
    """Blocking key of a place or organisation: the consonants of its words
    with q and k, d and z (dh) alike (Ennahda / Ennahdha; Hezbollah / Hizballah)."""
    return "".join(_consonants(w.rstrip("s").translate(_QZ)) or w for w in core)


_QZ = str.maketrans("qz", "kd")


@lru_cache(maxsize=65536)
def _core_word_variant(a: str, b: str) -> bool:
    """Two words of a place or organisation that write one sound with other
    letters (Ennahda / Ennahdha, Ras al-Ain / Ras al-Ayn, Tal / Tel)."""
    if _same_sound(a, b):
        return True
    return 3 <= min(len(a), len(b)) and max(len(a), len(b)) <= 4 and _same_skeleton(a, b, strict=True) and a[0] == b[0]


def _core_score(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    if not a or not b:
        return 0
    if sorted(a) == sorted(b):
        return 95
    if "".join(a) == "".join(b):
        return 93
    score = _aligned(a, b)
    if len(a) == len(b) > 1:
        score = max(score, _aligned(tuple(sorted(a)), tuple(sorted(b))))
    if not score:
        ja, jb = "".join(a), "".join(b)
        digits = re.sub(r"\D", "", ja) == re.sub(r"\D", "", jb)
        # a long name misspelt, or split into words another way; not two
        # names a word apart (West Darfur State / East Darfur State)
        initials = len(a) != len(b) or all(x[0] == y[0] for x, y in zip(a, b))
        if digits and initials and abs(len(a) - len(b)) <= 1 and min(len(ja), len(jb)) >= 10 and _ratio(ja, jb) >= 92:
            score = int(_ratio(ja, jb))
    return min(score, 94) if score >= 85 else 0


def _other_score(a: _Form, b: _Form) -> int:
    if a.mkey == b.mkey:
        return 100
    if a.owner and b.owner and not owners.same_owner(a.owner, b.owner):
        return 0  # Kyrgyzstan's GKNB / Tajikistan's GKNB
    if _another_country(a, b) or _another_country(b, a):
        return 0  # a country's name is spelled one way: Granada is not Grenada
    if _owner_in_front(a, b) or _owner_in_front(b, a):
        return 90  # Popular Front Party of Azerbaijan / Azerbaijan Popular Front Party
    if a.equiv is not None and b.equiv is not None:
        return 95 if a.equiv == b.equiv else 0  # listed as two different things
    if _shared_with(a, b) or _shared_with(b, a):
        return 95  # PAS / Malaysian Islamic Party, when no other PAS is about
    if a.ptype and b.ptype and a.ptype != b.ptype:
        if {a.ptype, b.ptype} == _REGION_PROVINCE and (a.equiv is None) == (b.equiv is None):
            # Kursk region / Kursk province: an oblast is written either
            # way (the Kurdistan Region the list knows is not Iran's province)
            return _core_score(tuple(a.base.split()), tuple(b.base.split()))
        return 0  # Punjab state / Punjab province
    if a.body and b.body and not a.body & b.body:
        return 0  # Islamic Party / Islamic Movement
    if a.acronym and a.acronym == b.acronym:
        return 95  # TASS / Tass
    if a.acronym and a.acronym in b.long_acronyms:
        return 92
    if b.acronym and b.acronym in a.long_acronyms:
        return 92
    if a.acronym and b.acronym and a.written_acronym and b.written_acronym:
        return 95 if a.acronym == b.acronym else 0  # PML-N / PMLN; ISI is not ISIS
    score = _core_score(a.core, b.core)
    if score < 85 and _translation_of(a, b):
        return 90  # Polícia Federal / Federal Police
    return score


_REGION_PROVINCE = frozenset({"region", "province"})


def _another_country(a: _Form, b: _Form) -> bool:
    """``a`` is a country's name and ``b`` a name that is not one of that
    country's (the list of countries holds their other names)."""
    if a.owner or a.body or b.body or a.written_acronym or b.written_acronym or not a.core:
        return False  # (Somali Battalion, the UAE: not a country's name alone)
    country = owners.country_of(" ".join(a.core))
    if country is None or a.equiv is not None and a.equiv == b.equiv:
        return False
    return owners.country_of(" ".join(b.core)) != country


def _owner_in_front(owned: _Form, other: _Form) -> bool:
    """``other`` is ``owned``'s name with its owner written in front as a
    word of the name (Azerbaijan Popular Front Party)."""
    if not owned.owner or other.owner or not owned.core:
        return False
    n = owners.written_in_front(owned.owner, other.core)
    return bool(n) and _core_score(owned.core, other.core[n:]) >= 85


def _shared_with(a: _Form, b: _Form) -> bool:
    """``a`` is an acronym the list files under several bodies, one of them ``b``."""
    return a.written_acronym and b.equiv is not None and b.equiv in _data()["shared"].get(a.acronym, ())


def _translation_of(a: _Form, b: _Form) -> bool:
    """One name is the other translated word by word (in any order, since
    other languages put their adjectives behind)."""
    return bool(a.translated and a.translated in (b.bag, b.translated) or b.translated and b.translated == a.bag)


def _conflict(a: _Form, b: _Form) -> bool:
    """Whether two names of organisations, groups or places that do not
    match are two different things. Only an acronym beside a long form it is
    not the initials of (KH / Hezbollah Brigades: the initials of another
    language), or a name listed with its other names beside one with no word
    in common, is merely unrelated; everything else is a conflict."""
    if a.owner and b.owner and not owners.same_owner(a.owner, b.owner):
        return True
    if a.equiv is not None and b.equiv is not None:
        return a.equiv != b.equiv
    if a.written_acronym != b.written_acronym:
        return False
    if a.written_acronym:
        return True
    shared = any(_word_sim(x, y, True) >= 85 for x in a.core for y in b.core)
    return shared or (a.equiv is None and b.equiv is None)


def _shares_word(a: _Form, b: _Form) -> bool:
    """Two names of people that do not match but share a word are two people
    (the same family name with other given names, the same given name with
    another family name); names with no word in common (Abu Mazen / Mahmoud
    Abbas, an acronym) are merely unrelated."""
    words_b = b.mkey.split()
    return any(x == y or _word_sim(x, y) >= 85 for x in a.mkey.split() for y in words_b)


def pair_score(a: str, b: str, kind: str) -> int:
    """Score 0-100 of two names of the same kind, before the notebook-wide
    checks (an ambiguous bare family name or acronym)."""
    fa, fb = _form(a, kind), _form(b, kind)
    return _person_score(fa, fb) if kind == PERSON else _other_score(fa, fb)


# ---------------------------------------------------------------- notebook


class _Index:
    """The entities of one kind, their forms, blocks and ambiguity checks."""

    def __init__(self, kind: str, entities: list[Candidate]):
        self.kind = kind
        self.person = kind == PERSON
        self.forms: dict[int, list[_Form]] = {}
        listed = _data()["listed"]
        self.own: dict[int, int] = {}
        self.listed: dict[int, frozenset[int]] = {}  # the lines of the list its own names are on
        for e in entities:
            texts = sorted({t for t in [e.name, *e.aliases] if t and names.key(t)})
            forms = [_form(t, kind) for t in texts]
            # a listed name stands with the other names on its line (Abu Mazen:
            # Mahmoud Abbas); those count for matching, not for ambiguity
            self.own[e.id] = len(forms)
            self.listed[e.id] = frozenset(f.equiv for f in forms if f.equiv is not None)
            # (an acronym joins the names on its line through the line itself,
            # and stays subject to the check that it fits one body only: PAS)
            groups = {f.equiv for f in forms if f.equiv is not None and not f.written_acronym}
            if groups:
                extra = {t for g in groups for t in listed[g] if not names.is_acronym(t)} - set(texts)
                forms = forms + [_form(t, kind) for t in sorted(extra)]
            # a name written with an owner also as written whole (Hamas of
            # Iraq: Hamas al-Iraq; MQM Pakistan: MQM-P)
            forms = forms + [_form(f.text, kind, False) for f in forms[: self.own[e.id]] if f.owner]
            self.forms[e.id] = forms
        # nicknames the notebook writes in quotes (Luis 'Toto' Caputo): the
        # nickname with the family name is the same person (Toto Caputo)
        self.nicknames: dict[tuple[str, str], set[str]] = {}  # (family, given) -> the other given names
        for eid, forms in self.forms.items() if self.person else ():
            for f in forms[: self.own[eid]]:
                quoted = _QUOTED.search(f.text)
                if quoted and f.family and len(f.given) >= 2:
                    nick = names.match_tokens(quoted.group(1), False)
                    others = [g for g in f.given if (g,) != nick]
                    if len(nick) == 1 and others:
                        self.nicknames.setdefault((f.family, others[0]), set()).add(nick[0])
                        self.nicknames.setdefault((f.family, nick[0]), set()).add(others[0])
        self.blocks: dict[tuple, list[int]] = {}
        # Long forms are indexed under their initials only where some alias
        # is written as those initials, so "John Smith" does not block with
        # every "J. S.".
        self.written = {f.acronym for forms in self.forms.values() for f in forms if f.acronym}
        if not self.person:
            # Long forms of organisations also block on initials they share
            # (US Army / United States Army).
            seen: set[str] = set()
            for forms in self.forms.values():
                for acr in {a for f in forms for a in f.long_acronyms if len(a) >= 3}:
                    if acr in seen:
                        self.written.add(acr)
                    seen.add(acr)
        for eid, forms in self.forms.items():
            keys = set()
            for f in forms:
                keys.update(self._block_keys(f))
            for k in keys:
                self.blocks.setdefault(k, []).append(eid)
        # Organisations, groups and places, from their own names:
        # - the kinds of place and the owners each name is written with
        #   ("Cauca": department, river; "GKNB": Kyrgyzstan's, Tajikistan's);
        # - the names that begin or end longer ones (Santiago: Santiago de Cuba);
        # - acronyms written with a possessive ("Guatemala's TSE"): a body of
        #   that place, and so perhaps not the one a bare TSE means;
        # - names written with a word or an owner in front ("Romanian Social
        #   Democratic Party"), by the name without it.
        self.typed: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.owned_by: dict[tuple[str, ...], set[int]] = {}
        self.owned_forms: dict[tuple[str, ...], list[_Form]] = {}
        self.inside: dict[tuple[str, ...], set[int]] = {}
        self.qualified: dict[str, set[int]] = {}
        self.owned_acronyms: dict[str, set[int]] = {}
        self.qualified_names: dict[tuple[str, ...], list[tuple[int, _Form]]] = {}
        for eid, forms in self.forms.items() if not self.person else ():
            for f in forms[: self.own[eid]]:
                if f.ptype:
                    self._qualify(f, f.ptype)
                if f.owner:
                    self._qualify(f, "@" + f.owner)
                    self.owned_by.setdefault(f.core, set()).add(eid)
                    if kind == PLACE:
                        self.owned_forms.setdefault(f.core, []).append(f)
                    if f.core:
                        self.qualified_names.setdefault(f.core, []).append((eid, f))
                elif len(f.core) >= 2 and not f.ptype:
                    for k in range(1, min(3, len(f.core))):
                        self.inside.setdefault(f.core[:k], set()).add(eid)
                        self.inside.setdefault(f.core[-k:], set()).add(eid)
                m = _QUALIFIED.match(f.text)
                if m and names.is_acronym(m.group(1)):
                    self.qualified.setdefault(_form(m.group(1), kind).acronym, set()).add(eid)
                elif f.owner and f.written_acronym:
                    self.owned_acronyms.setdefault(f.acronym, set()).add(eid)  # Belarusian KGB
                if len(f.core) >= 3 and not f.written_acronym and f.core[0] not in _OPPOSED:
                    self.qualified_names.setdefault(f.core[1:], []).append((eid, f))
        # regnal names (Felipe VI): a king called by his name alone is not a
        # commoner who has it as a given name (King Felipe / Felipe Calderón)
        self.regnal = {
            f.family for forms in self.forms.values() for f in forms
            if f.bare and any(w not in ("jr", "sr") for w in f.suffix)
        } if self.person else set()
        # a listed name the notebook also writes with an owner for something
        # else ("Canton" beside "Canton, Ohio") is not brought along by the
        # other names of its line (Guangzhou)
        for eid, forms in self.forms.items() if self.owned_forms else ():
            n = self.own[eid]
            doubtful = {f.equiv for f in forms[:n] if self._owned_elsewhere(f)}
            self.forms[eid] = forms[:n] + [f for f in forms[n:] if f.equiv not in doubtful and not self._owned_elsewhere(f)]
        self._generic_cache: dict[tuple[str, ...], bool] = {}
        self._family_cache: dict[tuple[str, bool], bool] = {}
        self._acronym_cache: dict[str, bool] = {}
        self._short_cache: dict[tuple, bool] = {}
        self._full_cache: dict[str, list[tuple[int, _Form]]] = {}

    def _qualify(self, f: _Form, qualifier: str) -> None:
        words = _unqualified(f)
        self.typed.setdefault(_core_key(words), []).append((words, qualifier))

    def qualifiers(self, f: _Form) -> set[str]:
        """The kinds of place and the owners the notebook writes this name with."""
        words = _unqualified(f)
        return {q for w, q in self.typed.get(_core_key(words), ()) if w == words or _core_score(w, words) >= 85}

    def _block_keys(self, f: _Form):
        yield ("m", f.mkey)
        if f.equiv is not None:
            yield ("e", f.equiv)
        elif f.written_acronym:
            for line in _data()["shared"].get(f.acronym, ()):
                yield ("e", line)
        if f.acronym:
            yield ("a", f.acronym)
        if self.person:
            # people: plain initials (Mohammed bin Salman -> MBS)
            words = names.tokens(f.text)
            initials = "".join(w[0] for w in words) if len(words) >= 3 else ""
            if initials in self.written:
                yield ("a", initials)
        elif self.written:
            for acr in f.long_acronyms & self.written:
                yield ("a", acr)
        if self.person:
            if f.family:
                skel = _loose_family(f.family)
                ends = (("<", f.family[:5]), (">", f.family[-5:])) if len(f.family) >= 8 else ()
                if f.bare or all(len(g) == 1 for g in f.given):
                    yield ("b", skel)  # bare names and initials meet every full name of the family
                    for end in ends:  # and, by its ends, of the family name misspelt (Mnangangwa)
                        yield ("b", *end)
                    if f.given:
                        yield ("f", skel)  # H. D. Revanna is not Prajwal Revanna: a bare Revanna is either
                else:
                    yield ("f", skel)  # joins bare names; pairs of full names use the keys below
                    for end in ends:
                        yield ("f", *end)
                    if f.second_family:
                        yield ("f", _loose_family(f.second_family))
                        yield ("f", _loose_family(f.second_family + f.family))  # Dlamini Zuma: Dlamini-Zuma
                    if len(f.given[0]) >= 4:
                        yield ("f", _loose_family(f.given[0]))  # Saddam meets Saddam Hussein
                    if f.family[:3] in ("abd", "abu") and len(f.family) >= 7:
                        yield ("f", _loose_family(f.family[3:]))  # Abdel Nasser meets Nasser
                    if f.family[:2] in ("al", "el") and len(f.family) >= 6:
                        yield ("f", _loose_family(f.family[2:]))  # Saad Aljabri meets Saad al-Jabri
                        yield ("g", _loose_family(f.family[2:]), _given_key(f.given[0]))
                    if f.family[:3] in _SON and len(f.family) >= 7:
                        yield ("g", _loose_family(f.family[3:]), _given_key(f.given[0]))  # Mahathir (bin) Mohamad

                    nick = _data()["nick"]
                    written_in = {g[:-2] for g in f.given if len(g) >= 5 and _article_written_in(g, g[:-2])}
                    hebrew = {g.replace("ch", "h") for g in f.given if "ch" in g}  # Menachem: Menahem
                    hebrew |= {g[:-3] for g in f.given if g.endswith("din") and len(g) >= 7}  # Asaduddin: Asad
                    quoted = self.nicknames.get((f.family, f.given[0]), ()) if self.nicknames else ()
                    for g in {*f.given, "".join(f.given), *written_in, *hebrew, *quoted}:  # Fazlur: Fazl
                        gk = _given_key(g)
                        yield ("g", skel, gk)
                        yield ("g", skel, _consonants(_sound(g[1:])) or g[0])
                        # a misspelt family name still meets its own kind by its ends
                        if len(f.family) >= 7:
                            yield ("gp", f.family[:5], gk)
                            yield ("gs", f.family[-5:], gk)
                        for group in nick.get(g, ()):
                            yield ("g", skel, group)
                    if f.married:
                        yield ("f", _loose_family(f.married))  # counts when a bare Ouattara is ambiguous
                        yield ("g", _loose_family(f.married), _given_key(f.given[0]))  # Folloroux-Ouattara meets Ouattara
                    if len(f.given) >= 2 and _ARABIC_CHAIN.search(f.text):
                        yield ("g", _loose_family(f.given[1]), _given_key(f.given[0]))  # Sabah al-Ahmad (al-Jaber al-Sabah)
                    if f.second_family:
                        for g in f.given[:-1]:  # Juan Evo Morales Ayma meets Evo Morales
                            yield ("g", _loose_family(f.second_family), _given_key(g))
        elif f.core:
            if f.translated:
                yield ("t", f.translated)  # meets the English name's words
            if f.bag:
                yield ("t", f.bag)
            yield ("c", tuple(sorted(f.core)))
            yield ("s", _core_key(f.core))
            if f.ptype in _REGION_PROVINCE:
                yield ("r", _core_key(tuple(f.base.split())))  # Kursk region meets Kursk province
            if f.core[0].startswith("al") and len(f.core[0]) >= 6:
                yield ("s", _core_key((f.core[0][2:], *f.core[1:])))

    def candidate_pairs(self) -> set[tuple[int, int]]:
        pairs: set[tuple[int, int]] = set()
        bare_to_full: dict[tuple, list[int]] = {}
        for k, ids in self.blocks.items():
            if k[0] == "f":
                bare_to_full[k[1:]] = ids
                continue
            if k[0] == "b":
                continue
            if len(ids) < 2 or len(ids) > (_MAX_EXACT_BLOCK if k[0] == "m" else _MAX_BLOCK):
                continue
            pairs.update(combinations(sorted(ids), 2))
        for k, bare_ids in self.blocks.items():
            if k[0] != "b":
                continue
            if 1 < len(bare_ids) <= _MAX_BLOCK:
                pairs.update(combinations(sorted(bare_ids), 2))
            full = bare_to_full.get(k[1:], [])
            if not full or len(full) > _MAX_BLOCK:
                continue
            for b in bare_ids:
                for f in full:
                    if b != f:
                        pairs.add((min(b, f), max(b, f)))
        return pairs

    # A bare family name, or an acronym, that fits several entities is left alone.

    def _full_names(self, family: str) -> list[tuple[int, _Form, _Form]]:
        """Full names whose family name may be ``family``, loosely: the
        entity, the name read with that family name, and the name as written."""
        if family in self._full_cache:
            return self._full_cache[family]
        out = self._full_cache[family] = []
        for eid in self.blocks.get(("f", _loose_family(family)), []):
            for f in self.forms[eid][: self.own[eid]]:
                if f.family and not f.bare:
                    if _family_sim(f.family, family) >= 85:
                        out.append((eid, f, f))
                    elif f.second_family and _family_sim(f.second_family, family) >= 85:
                        out.append((eid, replace(f, family=f.second_family, given=f.given[:-1], second_family=None), f))
                    elif f.married and _family_sim(f.married, family) >= 85:
                        out.append((eid, replace(f, family=f.married, married=None), f))
                    elif len(family) >= 5 and f.given[0] == family:
                        # the name may be this one's given name: his other names stand in for given ones
                        out.append((eid, replace(f, family=family, given=(*f.given[1:], f.family), second_family=None), f))
        return out

    def _apart(self, a: tuple[int, _Form, _Form], b: tuple[int, _Form, _Form]) -> bool:
        """Whether two full names of one family name are clearly two people:
        given names that cannot be one spelled twice, Jr. and Sr., names
        listed for two people (Teodoro Obiang / Teodorín Obiang), or the same
        first family name with two second ones (Miguel Uribe Turbay /
        Miguel Uribe Londoño)."""
        (ea, fa, oa), (eb, fb, ob) = a, b
        if ea == eb:
            return False
        if _suffix_conflict(fa, fb) or not _given_ok(fa.given, fb.given, loose=True):
            return True
        if self.listed[ea] and self.listed[eb] and not self.listed[ea] & self.listed[eb]:
            return True
        return oa is not fa and ob is not fb and bool(oa.second_family and ob.second_family) and _family_sim(oa.family, ob.family) < 85

    def woman(self, f: _Form) -> bool:
        """Whether a full name's first given name is borne only by women."""
        return bool(f.given) and f.given[0] in _data()["women"]

    def family_is_ambiguous(self, family: str, men: bool = False) -> bool:
        """Whether the full names with this family name are clearly more
        than one person (``men``: more than one man, leaving out the names
        only women bear)."""
        key = (family, men)
        if key not in self._family_cache:
            def counted(x: tuple[int, _Form, _Form]) -> bool:
                return not (men and self.woman(x[2]))

            full = [x for x in self._full_names(family) if counted(x)]
            # and everyone written with another spelling one of these
            # people is written with: a bare "Sargsyan", Serzh's spelling,
            # beside Serzh Sarkisian and Armen Sarkissian, is either
            seen = {family}
            for eid, _, _ in list(full):
                for g in self.forms[eid][: self.own[eid]]:
                    if g.family and not g.bare and g.family not in seen and _loose_family(g.family) == _loose_family(family):
                        seen.add(g.family)
                        full.extend(x for x in self._full_names(g.family) if x[2].family == g.family and x not in full and counted(x))
            self._family_cache[key] = any(self._apart(x, y) for x, y in combinations(full, 2))
        return self._family_cache[key]

    def short_name_is_ambiguous(self, short: _Form) -> bool:
        """Whether a name with fewer given names than the full names it fits
        fits two clearly different people ("Caid Essebsi": Beji Caid and
        Hafedh Caid Essebsi; "Hashemi Rafsanjani": Akbar and Mohsen)."""
        if not self.family_is_ambiguous(short.family):
            return False  # every full name of the family is one person
        key = (short.family, short.given, short.suffix)
        if key not in self._short_cache:
            fits = [
                (eid, f, o) for eid, f, o in self._full_names(short.family)
                if (len(f.given) > len(short.given) or len(o.given) > len(short.given))
                and _given_ok(short.given, f.given) and not _suffix_conflict(short, f)
            ]
            self._short_cache[key] = any(self._apart(x, y) for x, y in combinations(fits, 2))
        return self._short_cache[key]

    def _anchored_apart(self, fa: _Form, fb: _Form) -> bool:
        """Two spellings of a family name, each written in full for someone
        in the notebook, and those two clearly different people: a bare
        "Ndadaye" (Melchior) is not a bare "Ndayizeye" (Domitien)."""
        sides = []
        for f in (fa, fb):
            written = [o for _, _, o in self._full_names(f.family) if o.family == f.family]
            if not written:
                return False
            sides.append(written)
        return any(
            _suffix_conflict(x, y) or not _given_ok(x.given, y.given, loose=True)
            for x in sides[0] for y in sides[1]
        )

    def _owned_elsewhere(self, f: _Form) -> bool:
        """A listed place's name the notebook also writes for a town of a
        state or region, which is most often another place (Canton, Ohio)."""
        return f.equiv is not None and f.owner is None and any(
            o.plain and o.equiv != f.equiv for o in self.owned_forms.get(f.core, ()))

    def _nickname_score(self, fa: _Form, fb: _Form) -> int:
        if not self.nicknames or not fa.given or not fb.given or fa.family != fb.family:
            return 0
        return 88 if fb.given[0] in self.nicknames.get((fa.family, fa.given[0]), ()) else 0

    def name_is_generic(self, f: _Form) -> bool:
        """Whether the notebook writes this name with a word in front for
        two different bodies (the Romanian and the Portuguese Social
        Democratic Party): then the name alone is any of them. A name the
        list knows is not."""
        if f.equiv is not None or not f.core or f.owner:
            return False
        if f.core not in self._generic_cache:
            fronted = self.qualified_names.get(f.core, [])
            self._generic_cache[f.core] = any(
                ea != eb and _other_score(x, y) < 85 for (ea, x), (eb, y) in combinations(fronted, 2)
            )
        return self._generic_cache[f.core]

    def neutral_unless(self, not_same):
        """``neutral``, except for pairs an analyst marked "not the same"."""
        return lambda a, b: frozenset((a, b)) not in not_same and self.neutral(a, b)

    def neutral(self, a: int, b: int) -> bool:
        """Whether two entities that are not an edge are merely unrelated
        names (an acronym beside a long form it is not the initials of, two
        names with no word in common) rather than different things."""
        for fa in self.forms[a]:
            for fb in self.forms[b]:
                if self._form_score(fa, fb) >= 85:
                    continue
                if _shares_word(fa, fb) if self.person else _conflict(fa, fb):
                    return False
        return True

    def acronym_is_ambiguous(self, acronym: str) -> bool:
        if acronym not in self._acronym_cache:
            longs = [
                (eid, f)
                for eid in self.blocks.get(("a", acronym), [])
                for f in self.forms[eid]
                if acronym in f.long_acronyms
            ]
            if self.person:
                self._acronym_cache[acronym] = any(ea != eb and _person_score(fa, fb) < 85 for (ea, fa), (eb, fb) in combinations(longs, 2))
            else:
                owners = sorted({eid for eid, _ in longs})
                line = _data()["equiv"].get((_listed_kind(self.kind), acronym))
                shared = _data()["shared"].get(acronym)
                if shared:
                    # several bodies bear it: ambiguous when the notebook holds two
                    # of them, or one the list does not know
                    present = {f.equiv for ln in shared for eid in self.blocks.get(("e", ln), ())
                               for f in self.forms[eid] if f.equiv in shared}
                    self._acronym_cache[acronym] = len(present) > 1 or any(
                        all(self._unknown_body(eid, ln) for ln in shared) for eid in owners)
                    return self._acronym_cache[acronym]
                self._acronym_cache[acronym] = (
                    any(self._bodies_apart(ea, eb) for ea, eb in combinations(owners, 2)) if line is None
                    else any(self._unknown_body(eid, line) for eid in owners)
                ) or bool(owners and self.qualified.get(acronym, set()) - set(owners)) or self._owned_by_another(acronym, line)
        return self._acronym_cache[acronym]

    def _owned_by_another(self, acronym: str, line: int | None) -> bool:
        """Whether the notebook writes a listed acronym with an owner for a
        body not on its line: the list's KGB is the Soviet one, but beside
        "Belarusian KGB" a bare "KGB" is either."""
        return line is not None and any(
            all(f.equiv != line for f in self.forms[eid]) for eid in self.owned_acronyms.get(acronym, ()))

    def _bodies_apart(self, a: int, b: int) -> bool:
        """Two entities whose names (not acronyms) never meet: two bodies."""
        names_a = [f for f in self.forms[a] if not f.written_acronym]
        names_b = [f for f in self.forms[b] if not f.written_acronym]
        return not any(
            fa.mkey == fb.mkey or (fa.equiv is not None and fa.equiv == fb.equiv) or _core_score(fa.core, fb.core) >= 85
            for fa in names_a for fb in names_b
        )

    def _unknown_body(self, eid: int, line: int) -> bool:
        """A body the list does not know whose initials are an acronym the
        list files under another (PAS: the list says Malaysian Islamic Party;
        Moldova's Party of Action and Solidarity is another). A body the list
        knows under other names without that acronym is not one (Jaysh
        al-Islam is not the JI of Jemaah Islamiyah)."""
        if self.listed[eid]:
            return False
        listed = [_form(t, self.kind) for t in _data()["listed"][line] if not names.is_acronym(t)]
        return all(_other_score(f, g) < 85 for f in self.forms[eid] if not f.written_acronym for g in listed)

    def score(self, a: int, b: int) -> int:
        best = 0
        for fa in self.forms[a]:
            for fb in self.forms[b]:
                s = self._form_score(fa, fb)
                if s > best:
                    best = s
                    if best == 100:
                        return best
        return best

    def _form_score(self, fa: _Form, fb: _Form) -> int:
        if self.person:
            s = _person_score(fa, fb) or self._nickname_score(fa, fb)
            if s and (fa.bare or fb.bare):
                bare = fa if fa.bare else fb
                sexes = {_courtesy(fa.title), _courtesy(fb.title)}
                if fa.bare != fb.bare and _courtesy(bare.title) == "m" and _office(bare.title) == "" and not self.woman(fb if fa.bare else fa):
                    # "Mr. Mulroney" beside Brian and Caroline Mulroney: the only man of the name
                    ambiguous = self.family_is_ambiguous(bare.family, men=True)
                else:
                    ambiguous = self.family_is_ambiguous(bare.family)
                if ambiguous and (
                    fa.bare != fb.bare
                    or _office(fa.title) != _office(fb.title)
                    or sexes not in ({"m"}, {""}, {"m", ""})  # "Mrs. Zuma" says more than "Zuma"
                    or "m" in sexes and fa.bare and fb.bare and not self.family_is_ambiguous(bare.family, men=True)
                    or not _same_spelling(fa.family, fb.family)
                ):
                    # "Bush" fits several people: left alone, and not even
                    # joined to "President Bush", which may be another one
                    # (both Bushes held the office; a notebook that shows
                    # only one with it does not say the other never did).
                    return 0
                if fa.bare and fb.bare and _loosely_alike(fa.family, fb.family) and self._anchored_apart(fa, fb):
                    return 0
                if fa.bare != fb.bare and bare.family in self.regnal and bare.family != (fb if fa.bare else fa).family:
                    return 0
            elif s and fa.family and fb.family and len(fa.given) != len(fb.given) and fa.mkey != fb.mkey and (fa.equiv is None or fa.equiv != fb.equiv):
                if self.short_name_is_ambiguous(fa if len(fa.given) < len(fb.given) else fb):
                    return 0
        else:
            s = _other_score(fa, fb)
            if s and fa.equiv is not None and fa.equiv == fb.equiv and fa.mkey != fb.mkey:
                if self._owned_elsewhere(fa) or self._owned_elsewhere(fb):
                    return 0  # "Canton" is Guangzhou to the list, but the notebook also has Canton, Ohio
            if s and (fa.ptype == "state") != (fb.ptype == "state") and not (fa.owner or fb.owner):
                bare = fb if fa.ptype == "state" else fa
                if bare.ptype is None and bare.mkey in _data()["world"]:
                    return 0  # "São Paulo" is the city, not São Paulo state
            if s and not _same_qualifier(fa, fb) and (fa.equiv is None or fa.equiv != fb.equiv):
                if (fa.owner is None) != (fb.owner is None):
                    owned, other = (fa, fb) if fa.owner else (fb, fa)
                    if owned.plain and not (other.acronym and other.acronym in _long_acronyms(owned.text, False)) and not _owner_in_front(owned, other):
                        # (unless its letters spell the owner too: PA, Palestinian Authority)
                        return 0  # "General Intelligence Directorate" may be any country's; "Paris" is not "Paris, Texas"
                    if self.inside.get(other.core, set()) - self.owned_by.get(other.core, set()):
                        return 0  # "Santiago" beside "Santiago, Chile" and "Santiago de Cuba"
                bare = fa if (fa.ptype is not None) + (fa.owner is not None) <= (fb.ptype is not None) + (fb.owner is not None) else fb
                if bare.ptype is None and len(self.qualifiers(bare)) > 1:
                    return 0  # "Cauca" fits "Cauca department" and "Cauca River"; "GKNB" Kyrgyzstan's and Tajikistan's
            if s and fa.mkey != fb.mkey and (fa.equiv is None or fa.equiv != fb.equiv):
                if self.name_is_generic(fa) or self.name_is_generic(fb):
                    return 0  # "Social Democratic Party" beside the Romanian and the Portuguese one
        if s and fa.mkey != fb.mkey and not (fa.owner and fa.owner == fb.owner):
            # (one owner on both sides says which: Nigeria's TUC, Trade Union Congress of Nigeria)
            listed_together = fa.equiv is not None and fa.equiv == fb.equiv or _shared_with(fa, fb) or _shared_with(fb, fa)
            for x, y in ((fa, fb), (fb, fa)):
                if x.acronym and (x.acronym in y.long_acronyms or listed_together or y.core == (x.acronym,)) and self.acronym_is_ambiguous(x.acronym):
                    # (y.core: "PTI news agency" says which PTI; a bare PTI does not)
                    return 0
        return s


# a place's possessive before an acronym: Guatemala's TSE
_QUALIFIED = re.compile(r"^\s*(?:the\s+)?[^\W\d_][^']*['\u2019]s\s+(\S+)\s*$", re.IGNORECASE)

_QUOTED = re.compile(r"\s['\"\u2018\u201c]([^\W\d_]+)['\"\u2019\u201d]\s")

_MEN = frozenset({"mr", "mister", "monsieur", "sir"})
_WOMEN = frozenset({"mrs", "ms", "miss", "madam", "madame", "dame", "lady"})
_COURTESY = _MEN | _WOMEN


def _courtesy(title: str) -> str:
    """Whether a courtesy title names a man or a woman ("m", "f", "")."""
    words = set(title.split())
    return "m" if words & _MEN else "f" if words & _WOMEN else ""


@lru_cache(maxsize=4096)
def _office(title: str) -> str:
    """The office a title names, without courtesy words ("Mr. Karzai" holds
    none) and without the words that only place it ("Iranian President",
    "former President" are "president"; a deputy stays a deputy)."""
    placing = {w for phrase in names._rules().modifiers for w in phrase} - {"deputy"}
    return " ".join(w for w in title.split() if w not in _COURTESY and w not in placing)


def _loosely_alike(a: str, b: str) -> bool:
    """Two family names alike only in their consonants and vowel kinds, not
    one sound written two ways (Ndayizeye / Ndadaye, not Japarov / Zhaparov)."""
    return _sound(a) != _sound(b) and _word_sim(a, b) < 85


def _same_spelling(a: str, b: str) -> bool:
    return a == b or _same_sound(a, b) or _word_sim(a, b) >= 90


def _complete_link(
    ids: list[int], edges: dict[tuple[int, int], int], neutral=None
) -> list[tuple[list[int], int]]:
    """Greedy complete-link clustering over one connected component.

    Two clusters join only when every pair across them is an edge, or, when
    ``neutral(x, y)`` is given, when no pair across them is a conflict and at
    least half of them are edges: an acronym from another language (KH for
    Kataib Hezbollah) says nothing against "Hezbollah Brigades", while
    "Hezbollah" against "Kataib Hezbollah" stops the join.
    """
    cluster_of = {i: i for i in ids}
    members = {i: [i] for i in ids}
    score = {i: 100 for i in ids}
    for (a, b), s in sorted(edges.items(), key=lambda kv: (-kv[1], kv[0])):
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        weakest = s
        ok = True
        linked = missing = 0
        for x in members[ca]:
            for y in members[cb]:
                e = edges.get((x, y) if x < y else (y, x))
                if e is None:
                    if neutral is None or not neutral(x, y):
                        ok = False
                        break
                    missing += 1
                else:
                    linked += 1
                    weakest = min(weakest, e)
            if not ok:
                break
        if not ok or missing > linked:
            continue
        keep, gone = (ca, cb) if ca < cb else (cb, ca)
        members[keep].extend(members.pop(gone))
        score[keep] = min(score[keep], score.pop(gone), weakest)
        for x in members[keep]:
            cluster_of[x] = keep
    return [(sorted(m), score[c]) for c, m in members.items() if len(m) > 1]


def _canonical(members: list[int], by_id: dict[int, Candidate]) -> int:
    def rank(i: int):
        e = by_id[i]
        alias_count = len({a for a in [e.name, *e.aliases] if a})
        return (-alias_count, -len(names.tokens(e.name)), -len(e.name), i)

    return min(members, key=rank)


def find_clusters(
    entities: list[Candidate],
    *,
    not_same: set[frozenset[int]] | frozenset = frozenset(),
    min_score: int = 85,
    kinds: set[str] | None = None,
) -> list[Cluster]:
    """Propose clusters of entities that are probably the same.

    Never across kinds; never two entities whose pair is in ``not_same``;
    every pair inside a cluster scores at least ``min_score``. Clusters come
    sorted by score (highest first), then by smallest member id.
    """
    # The work builds many long-lived small objects and frees them by
    # reference counting; the cycle collector would only rescan them (a
    # fifth of the time on 20,000 entities).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _find_clusters(entities, not_same, min_score, kinds)
    finally:
        if collecting:
            gc.enable()


def _find_clusters(entities, not_same, min_score: int, kinds) -> list[Cluster]:
    by_id = {e.id: e for e in entities}
    by_kind: dict[str, list[Candidate]] = {}
    for e in entities:
        if kinds is None or e.kind in kinds:
            by_kind.setdefault(e.kind, []).append(e)
    _data()  # loaded once, before any worker starts
    # People are most of the work: on a large notebook the other kinds run
    # beside them in a second process.
    rest = sorted(k for k in by_kind if k != PERSON)
    if PERSON in by_kind and rest and len(entities) >= _PARALLEL_FROM:
        worker = _Worker(lambda: _kinds_clusters(rest, by_kind, not_same, min_score))
        found = _kinds_clusters([PERSON], by_kind, not_same, min_score)
        result = worker.result()
        found.extend(result if result is not None else _kinds_clusters(rest, by_kind, not_same, min_score))
    else:
        found = _kinds_clusters(sorted(by_kind), by_kind, not_same, min_score)
    clusters = [Cluster(_canonical(members, by_id), score, members) for members, score in found]
    clusters.sort(key=lambda c: (-c.score, c.members[0]))
    return clusters


_PARALLEL_FROM = 5000


def _kinds_clusters(kinds: list[str], by_kind: dict[str, list[Candidate]], not_same, min_score: int):
    out: list[tuple[list[int], int]] = []
    for kind in kinds:
        index = _Index(kind, by_kind[kind])
        edges: dict[tuple[int, int], int] = {}
        for a, b in index.candidate_pairs():
            if frozenset((a, b)) in not_same:
                continue
            s = index.score(a, b)
            if s >= min_score:
                edges[(a, b)] = s
        for ids, comp_edges in _components(edges):
            out.extend(_complete_link(ids, comp_edges, index.neutral_unless(not_same)))
    return out


class _Worker:
    """A job run in a forked process where the platform has fork and a
    second CPU; ``result()`` is None when it could not run there, and the
    caller then runs the job itself."""

    def __init__(self, job):
        self._pid = None
        if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or sys.platform != "linux":
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: run the job, send the result, leave without cleanup
            code = 1
            try:
                os.close(read)
                with os.fdopen(write, "wb") as out:
                    pickle.dump(job(), out, protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self):
        if self._pid is None:
            return None
        try:
            with os.fdopen(self._read, "rb") as source:
                data = source.read()
        finally:
            _, status = os.waitpid(self._pid, 0)
        if status != 0 or not data:
            return None
        return pickle.loads(data)


def _components(edges: dict[tuple[int, int], int]):
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, tuple[list[int], dict]] = {}
    for x in sorted(parent):
        groups.setdefault(find(x), ([], {}))[0].append(x)
    for (a, b), s in edges.items():
        groups[find(a)][1][(a, b)] = s
    return list(groups.values())
