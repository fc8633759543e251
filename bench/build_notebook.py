"""Build large, deterministic notebooks for the search benchmarks.

    python bench/build_notebook.py 1000000            # bench/data/notebook-1000000.db
    python bench/build_notebook.py 5000 --out /tmp/small.db

The notebook is created through brief.store.connection.open_notebook, so its
schema (tables, indexes, FTS5 tables and their triggers) is the real one;
rows then go in with plain sqlite3 bulk inserts in one transaction, and the
triggers fill the full-text indexes as they would for a user.

What it holds, for N items: 40% events and 60% quotes, N/100 sources, about
N/150 people among them a few well-known speakers (Antony Blinken, Nouri
al-Maliki, two George Bushes) and several hundred organisations, groups and
places. Texts are drawn from the words of the seed articles in fixtures/,
with lengths like real ones (summaries of 6-16 words, quotes of 12-60);
the word "drone" is in about a quarter of events and quotes. Dates spread
over 1990-2024, mostly days, some months or years, a few spans.
The same N always gives the same notebook.
"""

from __future__ import annotations

import argparse
import random
import re

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from brief import names  # noqa: E402
from brief.store.connection import open_notebook  # noqa: E402

DATA = ROOT / "bench" / "data"
SEED = 20140610

FIRST = """Ahmed Ali Omar Hassan Hussein Karim Layla Fatima Zainab Noor Sara Maryam Yusuf Ibrahim Khalid
Tariq Samir Rami Hadi Mustafa Abbas Haider Ammar Bassam Faisal Nabil Walid Ziad Hana Rania Dina Salma
John Michael David James Robert William Richard Thomas Mark Paul Steven Andrew Kevin Brian Edward Jason
Mary Patricia Jennifer Linda Elizabeth Susan Jessica Karen Nancy Lisa Margaret Sandra Ashley Emily Anna
Pierre Jean Louis Marie Claire Hans Klaus Stefan Ingrid Olga Ivan Dmitri Sergei Elena Natalia Mehmet Ayse
Reza Ali-Reza Mohsen Javad Hamid Qasem Nouri Haider Masoud Jalal Barham Fuad Hoshyar Adil Iyad Saleh""".split()
FAMILY = """al-Amiri al-Abadi al-Hakim al-Sadr al-Muhandis al-Jaafari al-Nujaifi al-Issawi al-Obeidi al-Dulaimi
al-Hashimi al-Mutlaq al-Khazali al-Kaabi al-Zubaidi al-Rubaie al-Hamdani al-Jubouri al-Tamimi al-Shammari
Barzani Talabani Zebari Salih Allawi Chalabi Sistani Khamenei Rouhani Zarif Larijani Velayati Shamkhani
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson
White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell
Mitchell Roberts Carter Phillips Evans Turner Torres Parker Collins Edwards Stewart Morris Murphy Cook Rogers
Dubois Laurent Moreau Lefebvre Schmidt Schneider Fischer Weber Meyer Wagner Becker Ivanov Petrov Sokolov
Yilmaz Kaya Demir Sahin Celik Rahimi Hosseini Karimi Mousavi Jafari Ahmadi Rezaei Sadeghi Moradi""".split()
ORG_HEADS = """Ministry Council Committee Agency Office Command Brigade Battalion Front Movement Forces
Institute Commission Party Union""".split()
ORG_TAILS = """of Defence|of the Interior|of Foreign Affairs|for Reconstruction|of Oil|for Security|of Justice|
for Human Rights|of the Euphrates|of the North|of Nineveh|of Anbar|of Basra|for Peace|of Kurdistan""".split("|")
PLACES = """Baghdad Mosul Basra Erbil Kirkuk Tikrit Fallujah Ramadi Samarra Najaf Karbala Hilla Kut Amara Nasiriyah
Sulaymaniyah Dohuk Baqubah Tal-Afar Sinjar Qaim Haditha Tehran Damascus Aleppo Raqqa Deir-ez-Zor Homs Beirut
Amman Riyadh Ankara Washington London Paris Geneva Vienna Doha Kuwait Manama Muscat Sanaa Aden Cairo""".split()
FAMOUS = [
    ("Antony Blinken", "person", ["Blinken", "Secretary of State Antony Blinken", "Tony Blinken"]),
    ("Nouri al-Maliki", "person", ["Nuri Kamal al-Maliki", "Maliki", "Prime Minister Nouri al-Maliki"]),
    ("George W. Bush", "person", ["President George W. Bush"]),
    ("George H. W. Bush", "person", ["President George H. W. Bush"]),
    ("Qasem Soleimani", "person", ["Qassem Soleimani", "Soleimani"]),
    ("Lloyd Austin", "person", ["Austin", "Defense Secretary Lloyd Austin"]),
    ("ISIS", "group", ["Islamic State", "ISIL", "Daesh"]),
    ("Kata'ib Hezbollah", "group", ["Kataib Hezbollah", "Kata'ib Hizballah"]),
    ("United States", "org", ["U.S.", "US", "Washington"]),
]
PUBLISHERS = ["New York Magazine", "The New York Times", "Reuters", "Associated Press", "Al Jazeera",
              "The Washington Post", "BBC News", "The Guardian", "Al-Monitor", "Foreign Policy", "Rudaw",
              "The National", "Asharq Al-Awsat", "Agence France-Presse", "Defense One"]
TAGS = ["drones", "airstrikes", "militias", "diplomacy", "oil", "elections", "training", "agreements",
        "casualties", "sanctions", "refugees", "kurdistan", "iran", "syria", "baghdad"]


def vocabulary() -> tuple[list[str], list[float]]:
    """Words of the seed articles with their frequencies (a Zipf-like mix)."""
    counts: dict[str, int] = {}
    folder = ROOT / "fixtures" / "seeds"
    for path in sorted(folder.glob("*.txt")):
        for word in re.findall(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]", path.read_text(encoding="utf-8")):
            if word.lower().startswith("drone"):
                continue  # "drone" is placed on purpose below
            counts[word] = counts.get(word, 0) + 1
    if len(counts) < 100:
        raise SystemExit(f"too few words in {folder}; is this a brief checkout?")
    words = sorted(counts)
    return words, [counts[w] for w in words]


class Text:
    def __init__(self, rnd: random.Random):
        self.rnd = rnd
        self.words, self.weights = vocabulary()
        self.cum = []
        total = 0
        for w in self.weights:
            total += w
            self.cum.append(total)

    def words_(self, n: int) -> list[str]:
        return self.rnd.choices(self.words, cum_weights=self.cum, k=n)

    def sentence(self, low: int, high: int, drone: bool) -> str:
        words = self.words_(self.rnd.randint(low, high))
        if drone:
            words.insert(self.rnd.randrange(len(words) + 1), "drone")
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."


def a_date(rnd: random.Random) -> tuple[str, str | None, str | None]:
    """(date, end_date, date_text): mostly days, some months and years."""
    year = rnd.randint(1990, 2024)
    month = rnd.randint(1, 12)
    day = rnd.randint(1, 28)
    roll = rnd.random()
    if roll < 0.70:
        return f"{year:04d}-{month:02d}-{day:02d}", None, None
    if roll < 0.90:
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]
        return f"{year:04d}-{month:02d}", None, f"{months[month - 1]} {year}"
    if roll < 0.97:
        return f"{year:04d}", None, f"in {year}"
    return f"{year:04d}", f"{min(year + rnd.randint(1, 3), 2024):04d}", f"from {year}"


def people(rnd: random.Random, count: int) -> list[str]:
    seen, out = set(), []
    while len(out) < count:
        name = f"{rnd.choice(FIRST)} {rnd.choice(FAMILY)}"
        if rnd.random() < 0.15:
            name = f"{rnd.choice(FIRST)} {rnd.choice(FIRST)} {rnd.choice(FAMILY)}"
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def build(path: Path, items: int, *, quiet: bool = False) -> Path:
    """Create the notebook at `path` holding `items` events and quotes."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    rnd = random.Random(SEED + items)
    text = Text(rnd)
    conn = open_notebook(path, create=True)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -200000")
    n_events = items * 2 // 5
    n_quotes = items - n_events
    n_sources = max(10, items // 100)
    n_people = max(50, items // 150)

    conn.execute("BEGIN")
    # entities and aliases
    entities: list[tuple[str, str, list[str]]] = list(FAMOUS)
    entities += [(n, "person", []) for n in people(rnd, n_people)]
    orgs = sorted({f"{h} {t}" for h in ORG_HEADS for t in ORG_TAILS})
    entities += [(o, "group" if o.split()[0] in ("Brigade", "Battalion", "Front", "Movement", "Forces") else "org", [])
                 for o in orgs]
    entities += [(p, "place", []) for p in PLACES]
    ids: dict[str, int] = {}
    alias_rows = []
    for i, (name, kind, aliases) in enumerate(entities, start=1):
        ids[name] = i
        conn.execute("INSERT INTO entity (id, name, kind) VALUES (?, ?, ?)", (i, name, kind))
        for form in [name, *aliases]:
            alias_rows.append((i, form, names.key(form), names.match_key(form, kind), names.family_key(form, kind)))
    conn.executemany("INSERT OR IGNORE INTO alias (entity_id, name, key, match, family) VALUES (?, ?, ?, ?, ?)",
                     alias_rows)
    person_ids = [ids[n] for n, k, _ in entities if k == "person"]
    actor_ids = [ids[n] for n, k, _ in entities if k != "place"]
    place_ids = [ids[n] for n, k, _ in entities if k == "place"]
    # a few speakers are quoted often, most rarely (Zipf-like weights)
    speaker_weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(person_ids))]
    for name in ("Antony Blinken", "Nouri al-Maliki", "George W. Bush"):
        person_ids.remove(ids[name])
        person_ids.insert(rnd.randrange(3, 12), ids[name])
    conn.executemany("INSERT INTO tag (id, name) VALUES (?, ?)", list(enumerate(TAGS, start=1)))

    # sources
    rows = []
    for i in range(1, n_sources + 1):
        date, _, _ = a_date(rnd)
        body = " ".join(text.sentence(10, 25, rnd.random() < 0.25) for _ in range(rnd.randint(3, 8))) \
            if rnd.random() < 0.3 else None
        rows.append((i, text.sentence(6, 12, rnd.random() < 0.25).rstrip("."), rnd.choice(PUBLISHERS),
                     f"{rnd.choice(FIRST)} {rnd.choice(FAMILY)}", f"https://example.org/{i}", date, body,
                     rnd.choice("ABCDEF")))
    conn.executemany(
        "INSERT INTO source (id, title, publisher, author, url, published, body, reliability) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows)

    # events, their actors, sources and tags; ids are not in date order
    batch = 20_000
    for first in range(1, n_events + 1, batch):
        ev, act, src, tags = [], [], [], []
        for i in range(first, min(first + batch, n_events + 1)):
            date, end, date_text = a_date(rnd)
            drone = rnd.random() < 0.25
            details = text.sentence(15, 60, False) if rnd.random() < 0.4 else None
            ev.append((i, date, end, date_text, text.sentence(6, 16, drone).rstrip("."), details,
                       rnd.choice(place_ids) if rnd.random() < 0.7 else None, rnd.choice((None, 1, 2, 3, 4))))
            for actor in set(rnd.choices(actor_ids, k=rnd.randint(1, 3))):
                act.append((i, actor))
            src.append((i, rnd.randint(1, n_sources)))
            if rnd.random() < 0.3:
                tags.append((i, rnd.randint(1, len(TAGS))))
        conn.executemany("INSERT INTO event (id, date, end_date, date_text, summary, details, place_id, credibility) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ev)
        conn.executemany("INSERT OR IGNORE INTO event_actor (event_id, entity_id) VALUES (?, ?)", act)
        conn.executemany("INSERT INTO event_source (event_id, source_id) VALUES (?, ?)", src)
        conn.executemany("INSERT INTO event_tag (event_id, tag_id) VALUES (?, ?)", tags)
        if not quiet:
            print(f"  events {min(first + batch - 1, n_events):,}/{n_events:,}", file=sys.stderr)

    for first in range(1, n_quotes + 1, batch):
        qs, tags = [], []
        speakers = rnd.choices(person_ids, weights=speaker_weights, k=min(batch, n_quotes - first + 1))
        for k, i in enumerate(range(first, min(first + batch, n_quotes + 1))):
            date, _, date_text = a_date(rnd)
            drone = rnd.random() < 0.25
            context = text.sentence(8, 20, False) if rnd.random() < 0.2 else None
            qs.append((i, text.sentence(12, 60, drone), speakers[k], date if rnd.random() < 0.95 else None,
                       date_text, rnd.randint(1, n_sources), context))
            if rnd.random() < 0.2:
                tags.append((i, rnd.randint(1, len(TAGS))))
        conn.executemany("INSERT INTO quote (id, text, speaker_id, said_on, date_text, source_id, context) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", qs)
        conn.executemany("INSERT INTO quote_tag (quote_id, tag_id) VALUES (?, ?)", tags)
        if not quiet:
            print(f"  quotes {min(first + batch - 1, n_quotes):,}/{n_quotes:,}", file=sys.stderr)
    conn.execute("COMMIT")
    for table in ("event_fts", "quote_fts", "source_fts"):
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    if not quiet:
        print(f"built {path} ({items:,} items) in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def cached(items: int) -> Path:
    """The notebook of `items` items under bench/data/, built once."""
    path = DATA / f"notebook-{items}.db"
    done = Path(str(path) + ".done")
    if not (path.exists() and done.exists()):
        DATA.mkdir(parents=True, exist_ok=True)
        done.unlink(missing_ok=True)
        build(path, items)
        done.write_text("built\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("items", type=int, help="how many events and quotes")
    parser.add_argument("--out", type=Path, help="where to write (default: bench/data/notebook-N.db, cached)")
    args = parser.parse_args()
    if args.out:
        build(args.out, args.items)
    else:
        print(cached(args.items))


if __name__ == "__main__":
    main()
