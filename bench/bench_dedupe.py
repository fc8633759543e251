"""Deduplication bench: quality on a labelled set of name mentions, and speed.

    python bench/bench_dedupe.py [--labelled bench/names_labelled.json] [--n 20000] [--write-readme]

Quality: each mention becomes one entity (aliases=[mention]); find_clusters
runs per split; pairwise precision, recall and F1 are counted over mention
pairs (two mentions predicted together vs. labelled as one entity), and
must-not-merge pairs (entity pairs that must never share a cluster) that end
up merged are counted. Speed: find_clusters over N synthetic entities from a
deterministic generator of realistic names with duplicates.
"""

from __future__ import annotations

import argparse
import json
import random

import sys
import time
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from brief.dedupe import Candidate, find_clusters  # noqa: E402

sys.path.insert(0, str(HERE))
from timing import write_section  # noqa: E402


def evaluate(split: dict, min_score: int = 85, show: int = 0) -> dict:
    mentions = []  # (mention id, text, kind, entity id)
    for ent in split["entities"]:
        for text in ent["mentions"]:
            mentions.append((len(mentions) + 1, text, ent["kind"], ent["id"]))
    truth = {m[0]: m[3] for m in mentions}
    cands = [Candidate(id=m[0], name=m[1], kind=m[2], aliases=[m[1]]) for m in mentions]
    t0 = time.perf_counter()
    clusters = find_clusters(cands, min_score=min_score)
    seconds = time.perf_counter() - t0
    predicted = {m[0]: m[0] for m in mentions}
    for c in clusters:
        for member in c.members:
            predicted[member] = c.members[0]
    true_pairs = set()
    by_entity: dict[str, list[int]] = {}
    for mid, ent in truth.items():
        by_entity.setdefault(ent, []).append(mid)
    for ids in by_entity.values():
        true_pairs.update(combinations(sorted(ids), 2))
    pred_pairs = set()
    for c in clusters:
        pred_pairs.update(combinations(sorted(c.members), 2))
    tp = len(true_pairs & pred_pairs)
    precision = tp / len(pred_pairs) if pred_pairs else 1.0
    recall = tp / len(true_pairs) if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    text_of = {m[0]: m[1] for m in mentions}
    merged_bad = []
    for a, b in split["must_not_merge"]:
        together = {predicted[x] for x in by_entity[a]} & {predicted[y] for y in by_entity[b]}
        if together:
            merged_bad.append((a, b))
    if show:
        fp = sorted(pred_pairs - true_pairs)
        fn = sorted(true_pairs - pred_pairs)
        print(f"  false merges ({len(fp)}):")
        for x, y in fp[:show]:
            print(f"    {text_of[x]!r} [{truth[x]}] + {text_of[y]!r} [{truth[y]}]")
        print(f"  missed pairs ({len(fn)}):")
        for x, y in fn[:show]:
            print(f"    {text_of[x]!r} + {text_of[y]!r} [{truth[x]}]")
        for a, b in merged_bad:
            print(f"  MUST-NOT-MERGE merged: {a} + {b}")
    return {
        "mentions": len(mentions),
        "entities": len(by_entity),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "must_not_merge": len(split["must_not_merge"]),
        "must_not_merge_merged": len(merged_bad),
        "seconds": seconds,
    }


# ------------------------------------------------------------- synthetic

GIVEN = """Mohammed Muhammad Ahmed Ahmad Ali Hassan Hussein Omar Khalid Khaled Abdullah Ibrahim Youssef
Yusuf Mustafa Mahmoud Tariq Karim Samir Walid Faisal Nabil Jamal Rashid Salim Adel Hamid Bashar Hafez Ayad
Nouri Haider Qassem Abbas Mahdi Sadiq Jafar Reza Hossein Mehdi Ebrahim Javad Saeed Majid Farhad Dariush Kaveh
Vladimir Sergei Dmitry Alexei Nikolai Ivan Yuri Mikhail Andrei Boris Pavel Oleg Igor Viktor Anatoly
Wei Jun Ming Hui Lei Yang Jie Tao Bo Qiang Jian Hong Xin Lin Ping
Jose Juan Carlos Luis Miguel Pedro Jorge Diego Alejandro Fernando Ricardo Javier Manuel Rafael Andres
John James Robert Michael William David Richard Thomas Charles Daniel Mark Paul Steven Andrew Kenneth
Maria Ana Fatima Aisha Leila Mariam Zainab Sara Olga Natalia Elena Mei Li Carmen Lucia Sofia Elizabeth
Mary Susan Linda Karen Nadia Huda Amira Yasmin Shirin Parisa""".split()
FAMILY = """Maliki Abadi Allawi Assad Sadr Hakim Jaafari Barzani Talabani Hashemi Nujaifi Mutlaq Halbousi Zebari
Chalabi Khazali Amiri Muhandis Sistani Soleimani Zarif Rouhani Khamenei Raisi Larijani Velayati Qalibaf
Nasrallah Berri Hariri Aoun Jumblatt Geagea Haniyeh Meshaal Sinwar Abbas Arafat Dahlan Barghouti
Ivanov Petrov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Volkov Pavlov Semenov Egorov
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo
Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson White
Harris Clark Lewis Robinson Walker Young King Wright Scott Green Baker Adams Nelson Hill Campbell
Mansour Haddad Khoury Nasser Saleh Qureshi Siddiqui Rahman Karimi Hosseini Mousavi Rezaei Ahmadi Jafari
Tehrani Shirazi Isfahani Kazemi Moradi Hashemi Mohammadi Sharifi Akbari Sadeghi""".split()
TITLES = ["", "", "", "", "President ", "Prime Minister ", "Gen. ", "Dr. ", "Mr. ", "Sheikh ", "Minister ", "Col. "]
ORG_HEAD = """Islamic Popular National Democratic Revolutionary Syrian Iraqi Kurdish Arab United Free
Patriotic Socialist People's Liberation Republican Central Federal Northern Southern Eastern Western""".split()
ORG_NOUN = """Front Army Forces Brigades Movement Council Party Union Alliance Coalition Organization Agency
Ministry Bureau Committee Authority Guard Corps Battalion League Congress Institute Foundation Bank""".split()
ORG_TAIL = ["", "", "of Iraq", "of Syria", "of Kurdistan", "for Development", "of Lebanon", "for Justice",
            "of the Levant", "for Liberation", "of Iran", "of Yemen"]
PLACE_A = "Al Ar Tal Ain Deir Jabal Wadi Bir Khan Kafr Umm Abu Beit Ras Qasr Hamam Tell Nahr Sayyid".split()
PLACE_B = """Hamra Zawiya Nasr Bayda Khadra Saffa Rashid Amin Jadida Qadima Kabir Saghir Sharqi Gharbi Shimali
Janubi Wusta Fawqa Tahta Salam Nur Zahra Yarmouk Furat Dijla Raml Bahr Jisr Suq Qalaa""".split()


SYLLABLES = """ba da ka ma na ra sa ta za ha la fa ja qa sha kha gha be de ke me ne re se te
li mi ni ri si ti zi hi bo do ko mo no ro so to zo ho lo bu du ku mu nu ru su tu zu hu
al an ar as am ad ab ov ev in ur ez ish ani avi ovi"""
SYL = SYLLABLES.split()
FAMILY_ENDINGS = ["", "", "i", "ov", "ani", "ez", "son", "ski", "zadeh", "awi", "yan", "enko"]


def _surname(rng: random.Random) -> str:
    if rng.random() < 0.35:
        return rng.choice(FAMILY)
    word = "".join(rng.choice(SYL) for _ in range(rng.randint(2, 3))) + rng.choice(FAMILY_ENDINGS)
    return word.capitalize()


def _vary(name: str, kind: str, rng: random.Random) -> str:
    """A realistic variant: transliteration, article, typo, possessive, title."""
    choice = rng.randrange(7)
    if choice == 0:
        return name.replace("ou", "u").replace("ee", "i").replace("q", "k").replace("Q", "K")
    if choice == 1 and kind == "person" and " " in name:
        first, last = name.rsplit(" ", 1)
        return f"{first} al-{last}"
    if choice == 2 and len(name) > 8:
        i = rng.randrange(3, len(name) - 2)
        return name[:i] + name[i + 1 :]
    if choice == 3:
        return name + "\u2019s"
    if choice == 4:
        return name.upper() if len(name) < 6 else name.lower()
    if choice == 5 and kind == "person":
        return rng.choice(TITLES[4:]) + name
    return name.replace("-", " ")


def synthetic(n: int, seed: int = 7) -> list[Candidate]:
    """N entities, about 60% people, 25% organisations and groups, 15%
    places; about one in four repeats an earlier one in another spelling."""
    rng = random.Random(seed)
    out: list[Candidate] = []
    base: list[tuple[str, str]] = []
    while len(out) < n:
        if base and rng.random() < 0.25:
            name, kind = rng.choice(base)
            name = _vary(name, kind, rng)
        else:
            r = rng.random()
            if r < 0.6:
                kind = "person"
                given = rng.choice(GIVEN)
                if rng.random() < 0.3:
                    given += " " + rng.choice(GIVEN)
                name = given + " " + _surname(rng)
            elif r < 0.85:
                kind = rng.choice(["org", "group"])
                name = f"{rng.choice(ORG_HEAD)} {_surname(rng)} {rng.choice(ORG_NOUN)} {rng.choice(ORG_TAIL)}".strip()
            else:
                kind = "place"
                name = f"{rng.choice(PLACE_A)} {_surname(rng)}"
            base.append((name, kind))
            if kind == "person" and rng.random() < 0.3:
                name = rng.choice(TITLES) + name
        aliases = [name]
        if rng.random() < 0.15:
            aliases.append(_vary(name, kind, rng))
        out.append(Candidate(id=len(out) + 1, name=name, kind=kind, aliases=aliases))
    return out


def speed(n: int) -> dict:
    ents = synthetic(n)
    t0 = time.perf_counter()
    clusters = find_clusters(ents)
    seconds = time.perf_counter() - t0
    return {"entities": n, "clusters": len(clusters), "in_clusters": sum(len(c.members) for c in clusters), "seconds": seconds}


def table(results: dict, sp: dict | None) -> str:
    lines = [
        "| split | mentions | entities | precision | recall | F1 | must-not-merge merged |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['mentions']} | {r['entities']} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} "
            f"| {r['must_not_merge_merged']} of {r['must_not_merge']} |"
        )
    if sp:
        lines.append("")
        lines.append(
            f"Speed: `find_clusters` over {sp['entities']:,} synthetic entities: {sp['seconds']:.2f} s "
            f"({sp['clusters']:,} clusters holding {sp['in_clusters']:,} entities; load average "
            f"{sp.get('load', 0):.1f} on 2 CPUs shared with other work)."
        )
    return "\n".join(lines)


HISTORY = """\
How the splits were used. train (seed-article names and others) is where the
rules were written. dev was written before any rule, as the first held-out
split; its first run gave precision 0.989, recall 0.688, F1 0.811; its
errors were then read, so it became a development split. test was written
after that by the same hand that wrote the rules; its first run gave
precision 0.993, recall 0.771, F1 0.868, and its remaining errors were read
then, so its later figures are not a clean test. holdout was written later
still by annotators who saw neither the rules nor their data files, then
split into holdout_dev (errors read) and holdout_test, whose first run gave
precision 0.953, recall 0.738, F1 0.832, 4 of 120 must-not-merge pairs
merged; its errors were then read too (a bare name with an office, "President
Herzog", was joined to the one holder the notebook showed although both
Herzogs were President: that guess was removed). fresh is the split of record
now: written by two more annotators who saw neither the rules, their data
files nor the other splits' names (one on Africa, Latin America, South and
Southeast Asia and Europe; one on the Middle East, Russia and Central Asia,
East Asia and US/UK politics). Its first and only run, with the rules frozen,
gave precision 0.943, recall 0.770, F1 0.848, 13 of 279 must-not-merge pairs
merged (the rules from before that round: precision 0.915, recall 0.668, F1
0.772, 19 merged); its errors were read in the next round, so it became a
development split. fresh2 is the split of record now: 420 entities written
by three more annotators who saw neither the rules, their data files nor the
other splits' names (Africa and Latin America; the Middle East and South
Asia; Europe, Eurasia, East Asia, North America and international bodies).
Its first and only run, with the rules frozen at commit c50ad1f, gave
precision 0.968, recall 0.784, F1 0.867, 8 of 316 must-not-merge pairs
merged (the rules from before that round, commit 7e3ac83: precision 0.959,
recall 0.790, F1 0.866, 11 merged); its errors were read in the next round,
so it became a development split. fresh3 is the split of record now: 417
entities written by three more annotators under the same conditions (Africa
and Latin America; the Middle East, South and Central Asia; Europe, East and
Southeast Asia, Oceania, North America and international bodies). Its first
and only run, with the rules frozen at commit fed79fb, gave precision 0.965,
recall 0.710, F1 0.818, 9 of 348 must-not-merge pairs merged (the rules from
before that round, commit 76fcc2f: precision 0.959, recall 0.694, F1 0.805,
11 merged); its errors were read in the same round, which then froze the
rules again. fresh4 is the split of record now: 414 entities written by three
more annotators under the same conditions (Sub-Saharan Africa and Latin
America; North Africa, the Middle East, South and Central Asia; Europe, East
and Southeast Asia, Oceania, North America and international bodies). Its
first and only run, with the rules frozen at commit 8dd726e, gave precision
0.956, recall 0.723, F1 0.823, 10 of 351 must-not-merge pairs merged (the
rules from before that round, commit 76fcc2f: precision 0.942, recall 0.712,
F1 0.811, 13 merged); its errors were read in the same round, which then
froze the rules a third time. fresh5 is the split of record now: 419
entities written by three more annotators under the same conditions and
regions as fresh4. Its first and only run, with the rules frozen at commit
c0924a3, gave precision 0.974, recall 0.701, F1 0.815, 6 of 320
must-not-merge pairs merged (the rules from before that round, commit
76fcc2f: precision 0.976, recall 0.676, F1 0.799, 8 merged); its errors were
read in the same round, which then froze the rules a fourth time. fresh6 is
the split of record now: 420 entities written by three more annotators under
the same conditions and regions. Its first and only run, with the rules
frozen at commit c07c34b, gave precision 0.941, recall 0.729, F1 0.822, 16
of 346 must-not-merge pairs merged (the rules from before that round, commit
76fcc2f: precision 0.948, recall 0.723, F1 0.820, 16 merged): on this split
the round's rules gained nothing. Its errors were read in the next round.
fresh7 is the split of record now: 417 entities (1,079 mentions) written by
three more annotators under the same conditions and regions. Its first and
only run, with the rules frozen at commit 63bb4d7, gave precision 0.960,
recall 0.709, F1 0.816, 9 of 267 must-not-merge pairs merged; the rules from
the start of that round, commit 6440b07, gave precision 0.960, recall 0.705,
F1 0.813, 9 merged, and those of commit 76fcc2f precision 0.964, recall
0.711, F1 0.818, 9 merged: two rounds of rules read from newer splits gained
nothing on it. Its errors were read in the next round, which added owners
(a country written as a possessive, a demonym or "of" behind a name), places
written with their country, regnal names, quoted nicknames and numbers
written as words, and froze the rules at commit 81eab5a. fresh8 is the split
of record now: 420 entities (1,120 mentions) written by three more
annotators under the same conditions and regions. Its first and only run,
with the rules frozen at 81eab5a, gave precision 0.982, recall 0.731, F1
0.838, 6 of 292 must-not-merge pairs merged; the rules from the start of
that round, commit 54718a2, gave precision 0.981, recall 0.728, F1 0.835, 7
merged, and those of commit 76fcc2f precision 0.977, recall 0.720, F1 0.829,
8 merged. Its errors have not been read; its later figures come from rules
and lists that were not tuned on it. The next round grew the list of
alternative names (src/brief/data/equivalences.txt) from about 1,980 to
about 5,500 entities, written by hand for every region without sight of any
split, and froze the rules at commit 1131b8b. fresh9 is the split of record
now: 414 entities (1,096 mentions) written by three more annotators under
the same conditions and regions (two annotators each wrote six of the same
Mexican entities, joined into one before the run). Its first and only run,
with the rules frozen at 1131b8b, gave precision 0.997, recall 0.741, F1
0.850, 1 of 279 must-not-merge pairs merged; the rules of 81eab5a (before
the list grew) gave precision 0.997, recall 0.711, F1 0.830, 1 merged; those
of 54718a2 precision 0.997, recall 0.699, F1 0.822, 1 merged; and those of
76fcc2f precision 0.985, recall 0.680, F1 0.805, 3 merged. Its errors have
not been read. After that run the list grew again, to about 7,250 entities,
written by six more writers without sight of any split; fresh8's errors
were read to check it (a listed "Al Gore", read "Gore", settled a bare Gore
that fits two people; such listed family names now go by the rules), and
fresh9, measured again but no longer on a first run, gives precision 0.997,
recall 0.754, F1 0.859, 1 merged. Its errors were read in the next round,
which read initials written together (HM Ershad), an oblast written as a
region or a province, a town written with a region other than a North
American or Australian state, companies' legal forms, News and News Agency,
generic words in front with their article (Cártel de Caborca) and more
honorifics, grew the list to about 8,450 entities, and froze the rules at
commit be5fbab. fresh10 is the split of record now: 417 entities (1,076
mentions) written by three more annotators under the same conditions and
regions (two annotators each wrote the same three Veracruz entities, joined
into one before the run). Its first and only run, with the rules frozen at
be5fbab, gave precision 0.977, recall 0.788, F1 0.873, 5 of 270
must-not-merge pairs merged; the rules from the start of that round, commit
3b9b42a, gave precision 0.977, recall 0.777, F1 0.865, 5 merged, and those
of 54718a2 precision 0.975, recall 0.715, F1 0.825, 5 merged. Its errors
were read in the next round, which told apart given names alike in their
consonants (Hassan / Hussein), dropped district, regency and agency words,
and a state word unless the bare name is a well-known city (a new list of
about 1,200 such places, which also decides whether "Town, State" in North
America or Australia is the bare town), read Junior and Senior, Motorcycle
Club, PMC and Spanish short forms of given names, grew the list to about
9,650 entities, and froze the rules at commit 31678e8. fresh11 is the split
of record now: 419 entities (1,044 mentions) written by three more
annotators under the same conditions and regions (two annotators each wrote
Kakha Kaladze, joined into one before the run). Its first and only run,
with the rules frozen at 31678e8, gave precision 0.976, recall 0.767, F1
0.859, 9 of 277 must-not-merge pairs merged; the rules of be5fbab (the
fresh10 run) gave precision 0.976, recall 0.755, F1 0.851, 9 merged; those
of 3b9b42a precision 0.978, recall 0.723, F1 0.831, 8 merged; and those of
54718a2 precision 0.973, recall 0.642, F1 0.774, 8 merged. Its errors were
read in the next round, which required pinyin given names to be spelt
alike (Wang Yang / Wang Yong), read an Arabic chain ending in an article as
naming a father, an article written into a family name (Aljabri), Armenian
-yan / -ian endings, favela, prison and forest words, a number after the
noun as the ordinal before it (Frente 33 / 33rd Front) and more words that
only describe a gang, grew the list to about 10,200 entities, and froze the
rules at commit c3c2b9a. fresh12 is the split of record now: 420 entities
(1,082 mentions) written by three more annotators under the same conditions
and regions. Its first and only run, with the rules frozen at c3c2b9a, gave
precision 0.964, recall 0.778, F1 0.861, 7 of 240 must-not-merge pairs
merged; the rules of 31678e8 (the fresh11 run) gave precision 0.964, recall
0.772, F1 0.857, 7 merged; those of be5fbab (the fresh10 run) precision
0.963, recall 0.764, F1 0.852, 7 merged; those of 3b9b42a precision 0.955,
recall 0.749, F1 0.840, 8 merged; and those of 54718a2 precision 0.949,
recall 0.690, F1 0.799, 8 merged. Its errors were then read in a short
round, which added family and crime network as words that only describe a
gang and wilaya as a province, and froze the rules at commit c228dc3.
fresh13 is the split of record now: 420 entities (1,030 mentions) written
by three more annotators under the same conditions and regions. Its first
and only run, with the rules frozen at c228dc3, gave precision 0.944,
recall 0.768, F1 0.847, 7 of 252 must-not-merge pairs merged; the rules of
c3c2b9a (the fresh12 run) gave the same figures; those of 3b9b42a precision
0.943, recall 0.754, F1 0.838, 7 merged; and those of 54718a2 precision
0.948, recall 0.643, F1 0.766, 7 merged. Its errors were read in the next
round, which read an office with its portfolio as a title ("Minister for
Home Affairs", "chief of staff"), required a short form read against a long
name's first family name to hold no given name the long one lacks
(Mohammad Ali Jafari is not Mohammad Jafar Montazeri), read a country's
name in front of a body's name as its owner, dropped valley, island and
peninsula words except after a well-known place, added Chinese family
names, nicknames, Partai, Jeysh and Jebel, grew the list to about 10,800
entities, and froze the rules at commit 582fc74. fresh14 is the split of
record now: 420 entities (1,062 mentions) written by three more annotators
under the same conditions and regions. Its first and only run, with the
rules frozen at 582fc74, gave precision 0.972, recall 0.771, F1 0.860, 9 of
244 must-not-merge pairs merged; the rules of c5101f8 (the start of that
round, the fresh13 rules) gave precision 0.973, recall 0.775, F1 0.863, 9
merged, so the round gained nothing on fresh14; those of 3b9b42a precision
0.975, recall 0.748, F1 0.847, 7 merged; and those of 54718a2 precision
0.982, recall 0.702, F1 0.819, 6 merged. Its errors were read in the
next round, which read MP, MLA, MEP and Advocate as titles, a descriptor
ending in a profession ("casino tycoon") as one, SC as a suffix, armed
group, crime group and .com as words that only describe (the two-word
describing pairs had been compared in a spelling match keys never have),
volcano as a mountain and Korean -do as a province, and froze the rules at
commit 2662fa3. fresh15 is the split of record now: 420 entities (1,098
mentions) written by three more annotators under the same conditions and
regions. Its first and only run, with the rules frozen at 2662fa3, gave
precision 0.959, recall 0.804, F1 0.875, 11 of 231 must-not-merge pairs
merged; the rules of 582fc74 (the fresh14 run) gave the same figures; those
of c5101f8 (the fresh13 rules) precision 0.972, recall 0.803, F1 0.880, 9
merged; those of 3b9b42a precision 0.978, recall 0.785, F1 0.871, 8 merged;
and those of 54718a2 precision 0.974, recall 0.730, F1 0.835, 9 merged. So
on the two newest splits the rounds after c5101f8 gained nothing (fresh14
F1 0.863 to 0.860, fresh15 0.880 to 0.875): what they added on the splits
they read did not carry over. The two false merges they brought on fresh15
were read: a valley is often named after a town in it (Preševo Valley is
not Preševo), so the valley word is kept again, and a list line's bare
river name (Narova) matched the city named after the river by spelling, so
the line was removed. The next round changed its method: no rule was
taken from one split's errors alone; each candidate was run on all twenty
splits at once and kept only if F1 rose on several, fell on none (or on one
by less than it rose elsewhere) and no more must-not-merge pairs were
merged. Kept: "Mr. X" joins a bare "X" that stays unresolved (the
annotators put them together 122 times and apart 8 times), and settles "X"
when the family's other people bear given names only women bear (a list of
about 1,200); a sun letter's article without its hyphen (Es Sider); the
Egyptian g for the Arabic j; Brigade a generic word unless the name without
it is listed as another body; a given name makes a bare family name
ambiguous only spelled the same; given names that start with different
sounds are two people (Marielle / Anielle); Air, Airlines and Airways one
word. Rejected by the same test: given names cut to a head or a tail
(Gina / Georgina: +0.0002 F1, 2 more merged), north / northern one word
(Northern Cape is not North Cape), the doubled letters of an acronym inside
a name (NPP; IIB met IB), a bare name settled by its exact spelling, and
keeping any generic word whose name without it is listed. The rules were
frozen at commit 3876c78 and two new splits, fresh16 (421 entities, 1,084
mentions) and fresh17 (420 entities, 1,019 mentions), written by six more
annotators under the same conditions and regions, were run once: fresh16
precision 0.952, recall 0.770, F1 0.851, 12 of 300 merged; fresh17
precision 0.978, recall 0.776, F1 0.866, 6 of 278 merged. The rules of the
round's start (3716c92) gave fresh16 0.951 / 0.759 / 0.844, 12 merged, and
fresh17 0.978 / 0.764 / 0.858, 6 merged: this time the round's gain (+0.007
and +0.008 F1, precision no lower, no pair more merged) carried over to
both unseen splits. Those of c5101f8 gave F1 0.840 and 0.860, of 3b9b42a
0.833 and 0.854, of 54718a2 0.773 and 0.814. Their errors were read with
the same method: a country's name matches only the names the country list
gives it (Granada is not Grenada) and a kunya is not a family or given name
spelled otherwise (Abu Ayad / Abaaoud, Abeid); the rules were frozen at
commit d0ae24e and fresh18 (420 entities, 1,056 mentions, three more
annotators) was run once: precision 0.976, recall 0.817, F1 0.890, 5 of 180
merged. The rules of 3876c78 gave the same; those of 3716c92 precision
0.980, recall 0.806, F1 0.884, 4 merged; c5101f8 0.975 / 0.806 / 0.882, 5;
3b9b42a 0.982 / 0.789 / 0.875, 5; 54718a2 0.981 / 0.748 / 0.849, 5. The pair
more merged is "Mr. Kejriwal", which the rules give to Arvind Kejriwal, the
only man of the name beside Sunita; the annotator left it with the bare
name. Two rules were then read off fresh18's false merges and kept because
no split fell: two short forms of one given name are two people (Bob and
Rob Menendez), and four consonants alike do not join names whose final
vowels differ (Colombo / Columbia). The rules were frozen at commit bca813e
and fresh19 (420 entities, 1,107 mentions, three more annotators) was run
once: precision 0.958, recall 0.765, F1 0.851, 12 of 305 merged. The rules
of 39576f4 gave the same; those of 3716c92 0.961 / 0.759 / 0.848, 11;
c5101f8 0.949 / 0.763 / 0.846, 10. By annotator (P / F1, merged): Africa and
Latin America 0.940 / 0.856, 5 of 88; Middle East and South Asia 0.984 /
0.871, 2 of 85; Europe, East Asia and North America 0.959 / 0.832, 5 of 132.
From fresh19's errors, with the same test: a listed acronym the notebook
also writes with an owner for another body is left alone when bare (KGB
beside Belarusian KGB), and Allama, Haji, Alhaji, Pandit, Swami and Hazrat
are honorifics. Rejected: a titled bare name settled by the one person
written in full with that office (Prime Minister Thapa): +0.002 F1 on
fresh19 but 4 more pairs merged there and more on eight other splits, as
most annotators leave "President Kenyatta" unresolved beside Uhuru and
Jomo. The rules were frozen at commit e12b71b and fresh20 (418 entities,
1,148 mentions, three more annotators; two entities both annotators wrote
kept once) was run once: precision 0.946, recall 0.715, F1 0.814, 18 of
317 merged, the lowest of the clean splits. The rules of bca813e and
39576f4 gave the same; those of 3716c92 and c5101f8 0.947 / 0.703 / 0.807,
17. By annotator (P / F1, merged): Africa and Latin America 0.990 / 0.822,
1 of 101; Middle East and South Asia 0.898 / 0.820, 10 of 114; Europe, East
Asia and North America 0.951 / 0.799, 7 of 102.
The list of alternative names
(src/brief/data/equivalences.txt) was written without sight of any split.
The whole process, `brief dedupe --dry-run --json` over a 20,000-entity
notebook, is timed by bench/run.py.
"""


SPLITS = ("train", "dev", "test", "holdout_dev", "holdout_test", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20")


def write_readme(text: str) -> None:
    write_section("Deduplication", (
        "`python bench/bench_dedupe.py --write-readme`. Labelled set: bench/names_labelled.json "
        "(people, organisations, groups and places; Arabic, Persian, Russian, Ukrainian, Chinese, "
        "Korean, Spanish and other names, titles, transliterations, acronyms, typos; bare family "
        "names that fit several people labelled as their own entity). Each mention becomes one "
        "entity; precision, recall and F1 count mention pairs; a must-not-merge pair counts as "
        "merged if any mention of one entity shares a cluster with any mention of the other. "
        "Targets (issue): precision >= 0.98, F1 >= 0.90, no must-not-merge pair merged, on a split no rule was tuned on; "
        "fresh20 is that split now (its first and only run: precision 0.946, recall 0.715, F1 0.814, 18 of 317 merged); "
        "fresh19 and fresh18, each run once the round before, gave F1 0.851 (12 of 305 merged) and 0.890 (5 of 180). "
        "The table below is after fresh20's errors were read.\n\n"
        f"{text}\n\n{HISTORY}"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labelled", default=str(HERE / "names_labelled.json"))
    ap.add_argument("--n", type=int, default=20000, help="synthetic entities for the speed run (0 to skip)")
    ap.add_argument("--min-score", type=int, default=85)
    ap.add_argument("--show", type=int, default=0, help="list this many errors per split")
    ap.add_argument("--split", action="append", help="only these splits")
    ap.add_argument("--write-readme", action="store_true")
    args = ap.parse_args()
    data = json.loads(Path(args.labelled).read_text(encoding="utf-8"))
    results = {}
    for name in args.split or [s for s in SPLITS if s in data]:
        if args.show:
            print(f"[{name}]")
        results[name] = evaluate(data[name], args.min_score, args.show)
    sp = speed(args.n) if args.n else None
    if sp:
        import os

        sp["load"] = os.getloadavg()[0]
    text = table(results, sp)
    print(text)
    if args.write_readme:
        write_readme(text)


if __name__ == "__main__":
    main()
