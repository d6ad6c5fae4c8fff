"""Records passed between the pipeline's stages.

read_articles -> Article -clean_article-> Article -find_people-> PersonRef
-extract_*-> Event, Assertion -resolve_people-> Person -to_graph-> rdflib.Graph

Every record is frozen: a stage never edits what an earlier one produced.
Character offsets always refer to ``Article.text`` after cleaning.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Union


def _pickled_by_fields(cls):
    """Pickle a record as its class and field values: the __setstate__ dataclasses give slotted
    classes looks up the fields again for every object, which tripled the time to read a cache."""
    names = tuple(f.name for f in fields(cls))
    cls.__reduce__ = lambda self: (cls, tuple(getattr(self, name) for name in names))
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Alias:
    """A second name the source gives for a person (e.g. a hover card's formal name)."""

    display: str
    """The name as the article text shows it: "Dick Durbin"."""
    formal: str
    """The other form: "Richard (Dick) Joseph Durbin"."""
    end: int
    """Offset in the cleaned Article.text just past the display name, so the
    alias attaches to the mention it was glued to."""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """One news article: metadata plus its body text."""

    id: str
    """Public identifier (dcterms:identifier): the path relative to the input
    folder ("hill_01.txt") or "file.jsonl#<record id>"."""
    title: str
    """Headline; empty when the source has none."""
    text: str
    """Body text. After cleaning, every offset in the pipeline refers to it."""
    url: str | None = None
    date: str | None = None
    """ISO 8601 date (YYYY-MM-DD) when known."""
    source: str | None = None
    """Outlet or publisher name when known."""
    aliases: tuple[Alias, ...] = ()
    """Formal names removed from the text by cleaning, kept as aliases."""

    @property
    def iso_date(self) -> str | None:
        """The date when it is a valid YYYY-MM-DD date (so it sorts in time), else None."""
        try:
            return date.fromisoformat(self.date).isoformat() if self.date and len(self.date) == 10 else None
        except ValueError:
            return None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read (or part of one), and why."""

    path: str
    """The file as the user named it or as found under a folder."""
    reason: str
    """One line a user can act on: "unsupported file type '.pdf'"."""
    line: int | None = None
    """For JSON Lines, the 1-based line of the bad record."""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one article's cleaned text."""

    article_id: str
    start: int
    """Offset of the first character in Article.text."""
    end: int
    """Offset one past the last character."""
    text: str
    """Article.text[start:end], kept so records read on their own."""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person as one article names them: the article-local result of mention finding."""

    article_id: str
    name: str
    """The fullest form the article uses, without titles: "Dick Durbin"."""
    mentions: tuple[Span, ...]
    """Every place the article names this person (full name, surname, descriptor)."""
    aliases: tuple[str, ...] = ()
    """Other forms of the name the source gives (hover-card formal name)."""

    @property
    def key(self) -> tuple[str, str]:
        """Identifies this reference within a run: (article id, name)."""
        return (self.article_id, self.name)


EVENT_KINDS = ("Statement", "Tweet", "Letter", "Bill", "Briefing", "Hearing")
"""The gb: classes of events."""

EVENT_RELATIONS = {
    "Statement": "signedStatement",
    "Tweet": "posted",
    "Letter": "sentLetter",
    "Bill": "sponsors",
    "Briefing": "attendedBriefing",
    "Hearing": "testifiedAt",
}
"""The gb: property linking a participant to each kind of event."""

ATTRIBUTE_RELATIONS = ("party", "state", "role")
"""gb: properties whose value is a plain attribute of a person."""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened once and that people took part in: a statement, a bill..."""

    article_id: str
    kind: str
    """One of EVENT_KINDS."""
    key: str
    """Stable identifier within the article ("statement-1", "bill-first-step-act")."""
    label: str
    """Short human description: "joint statement", "First Step Act"."""
    evidence: Span
    """The sentence where the event is first stated."""
    extractor: str
    """Versioned name of the rule that found it: "statements.v1"."""
    recipients: tuple[str, ...] = ()
    """Letters only: who it is addressed to. A PersonRef.name of the same
    article when the recipient is a named person, else the body as written
    ("Senate Democrats")."""
    names: tuple[str, ...] = ()
    """Bills only: every name and number the article gives the bill
    ("Nurture Originals, Foster Art, and Keep Entertainment Safe Act",
    "NO FAKES Act", "H.R. 4884"); empty for an unnamed bill."""

    def __hash__(self) -> int:
        # equal events have equal ids and keys; hashing every field (the sentence too) cost ~1 us, and
        # events are hashed each time a set or dict of facts holds them
        return hash((self.article_id, self.key))


Party = str
""""D", "R" or "I"."""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Assertion:
    """One fact an article states about a person, with the sentence that states it."""

    subject: str
    """PersonRef.name of a person in the same article."""
    predicate: str
    """A gb: local name: one of EVENT_RELATIONS' values, or "party", "state", "role", "type"."""
    object: Union[Event, str]
    """The Event for event relations; otherwise the value: "D", "NY",
    "senate minority leader", or for "type" one of "Senator",
    "Representative", "Official"."""
    evidence: Span
    """The sentence that states the fact."""
    extractor: str
    """Versioned rule name, e.g. "statements.v1"."""

    @property
    def article_id(self) -> str:
        return self.evidence.article_id


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """Everything extraction found in one article."""

    article: Article
    people: tuple[PersonRef, ...]
    events: tuple[Event, ...]
    assertions: tuple[Assertion, ...]


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class PublicLink:
    """A person's entry in a gazetteer: ids and names that come from it, never from an article."""

    key: str
    """The entry's stable id: the bioguide id, else "wikidata:Q..."."""
    bioguide: str | None
    """Biographical Directory of the US Congress id: "S000148"."""
    wikidata: str | None
    """Wikidata item id: "Q380900"."""
    official_name: str | None
    """The gazetteer's formal full name: "Charles E. Schumer"."""
    sources: tuple[str, ...]
    """File names of the gazetteer files the entry was read from, sorted."""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Person:
    """One real person across the whole run: the PersonRefs resolution merged."""

    key: str
    """Stable key the IRI is minted from, e.g. "charles-schumer"."""
    label: str
    """Usual full name: "Chuck Schumer"."""
    alt_labels: tuple[str, ...]
    """Other names seen (formal names, nickname forms), sorted."""
    refs: tuple[tuple[str, str], ...] = field(default=())
    """PersonRef.key of every reference merged into this person, sorted."""
    link: PublicLink | None = None
    """The gazetteer entry this person was linked to without doubt, if any."""
