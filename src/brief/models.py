"""The things a notebook holds, as plain dataclasses.

Field names follow schema.sql; `to_dict()` gives the JSON form used by every
listing (`--format json`) and by `brief show`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("person", "org", "group", "place")
RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


@dataclass
class Source:
    id: int
    title: str
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    reliability: str | None = None
    accessed: str | None = None
    notes: str | None = None
    content_hash: str | None = None
    body: str | None = None
    tags: list[str] = field(default_factory=list)

    def to_dict(self, *, body: bool = False) -> dict:
        data = asdict(self)
        if not body:
            data.pop("body")
        return data


@dataclass
class EntityRef:
    """An entity as a row refers to it: id and display name."""

    id: int
    name: str
    kind: str | None = None


@dataclass
class Entity:
    id: int
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    merged_into: int | None = None
    notes: str | None = None
    quotes: int = 0
    events: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Citation:
    """One source cited by an event, with its own grade and excerpt."""

    source_id: int
    title: str
    credibility: int | None = None
    excerpt: str | None = None


@dataclass
class Event:
    id: int
    date: str
    summary: str
    end_date: str | None = None
    date_text: str | None = None
    details: str | None = None
    place: EntityRef | None = None
    credibility: int | None = None
    actors: list[EntityRef] = field(default_factory=list)
    sources: list[Citation] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["place_id"] = self.place.id if self.place else None
        data["place"] = self.place.name if self.place else None
        data["actors"] = [{"id": a.id, "name": a.name} for a in self.actors]
        data["sources"] = [asdict(c) for c in self.sources]
        return data


@dataclass
class Quote:
    id: int
    text: str
    speaker: EntityRef | None = None
    said_on: str | None = None
    date_text: str | None = None
    source_id: int | None = None
    source_title: str | None = None
    start_offset: int | None = None
    end_offset: int | None = None
    context: str | None = None
    credibility: int | None = None
    tags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["speaker_id"] = self.speaker.id if self.speaker else None
        data["speaker"] = self.speaker.name if self.speaker else None
        return data
