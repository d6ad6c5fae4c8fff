"""What every extractor reads (Doc) and writes (EventHit), and how hits become events."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterator

from graphbuild.extract.clauses import Clause, build_clauses, mentions_any
from graphbuild.mentions import NameMention, find_mentions
from graphbuild.model import EVENT_RELATIONS, Article, Assertion, Event, Span
from graphbuild.text import split_sentences


@dataclass(frozen=True)
class Doc:
    """One cleaned article with its people found and its sentences masked."""

    article: Article
    mentions: tuple[NameMention, ...]
    clauses: tuple[Clause, ...]

    def sentence_span(self, clause: Clause) -> Span:
        return Span(self.article.id, clause.start, clause.end, clause.text)


def make_doc(article: Article) -> Doc:
    """Find mentions and mask sentences: the input of every extractor."""
    mentions = find_mentions(article)
    clauses = build_clauses(article.text, split_sentences(article.text), mentions)
    return Doc(article, tuple(mentions), tuple(clauses))


NEW, LAST, ALL, KEYED, ATTACH = "new", "last", "all", "keyed", "attach"
"""How a hit refers to its event: a new one, the latest of its kind (a new one
if there is none), every one so far ("both briefings"), the one with the same
key (a bill's name), or the latest only if there is one ("joined the call")."""


@dataclass(frozen=True)
class EventHit:
    """One sentence stating that people took part in an event."""

    kind: str
    """One of model.EVENT_KINDS."""
    clause: int
    """Index of the sentence that states it."""
    position: int
    """Where in the sentence's reduced text the rule matched (orders hits within a sentence)."""
    participants: tuple[str, ...]
    """PersonRef names, in order of mention."""
    extractor: str
    reference: str = NEW
    key: str = ""
    """For KEYED references: what identifies the event ("first-step-act")."""
    label: str = ""
    recipients: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    """Bills: every name and number the sentence gives the bill; any of them identifies it."""


def hits_in_sequence(doc: Doc, words: tuple[str, ...], hits_of) -> Iterator[EventHit]:
    """Run `hits_of(clause, after_event)` on each sentence containing one of `words`.

    `after_event` says whether the sentence before had a hit of this family, so
    "Among them were X and Y" can join the event just stated.
    """
    previous_had_hit = False
    for clause in doc.clauses:
        hits = list(hits_of(clause, previous_had_hit)) if mentions_any(clause, words) else []
        yield from hits
        previous_had_hit = bool(hits)


def assemble_events(doc: Doc, hits: list[EventHit]) -> tuple[list[Event], list[Assertion]]:
    """Group hits into events, in order of appearance; events nobody named took part in are dropped."""
    table = _EventTable(doc)
    members: dict[str, list[tuple[str, EventHit]]] = {}
    anchored: dict[tuple[str, int, int], str] = {}
    for hit in sorted(hits, key=lambda h: (h.clause, h.position)):
        # two rules matching the same words ("appeared at a press conference") state one event
        anchor = (hit.kind, hit.clause, hit.position)
        keys = [anchored[anchor]] if hit.reference == NEW and anchor in anchored else table.targets(hit)
        if hit.reference == NEW:
            anchored.setdefault(anchor, keys[0])
        for key in keys:
            members.setdefault(key, []).extend((person, hit) for person in hit.participants)
    kept = [event for event in table.events() if members.get(event.key)]
    assertions = []
    for event in kept:
        seen = set()
        for person, hit in members[event.key]:
            if person not in seen:
                seen.add(person)
                evidence = doc.sentence_span(doc.clauses[hit.clause])
                assertions.append(Assertion(person, EVENT_RELATIONS[event.kind], event, evidence, hit.extractor))
    return kept, assertions


class _EventTable:
    """The events of one article so far, indexed so each hit finds its event in constant time."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_key: dict[str, Event] = {}
        """Every event by key, in order of creation (dicts keep insertion order)."""
        self.by_kind: dict[str, list[str]] = {}
        self.by_name: dict[str, str] = {}
        """A bill's every name (as an event key) -> the key of its event."""

    def events(self) -> list[Event]:
        return list(self.by_key.values())

    def targets(self, hit: EventHit) -> list[str]:
        """Keys of the events a hit adds its people to, creating one when its reference asks for it."""
        same_kind = self.by_kind.get(hit.kind, [])
        if hit.reference == ATTACH:
            return same_kind[-1:]
        if hit.reference == ALL and same_kind:
            return list(same_kind)
        if hit.reference == LAST and same_kind:
            return [same_kind[-1]]
        if hit.reference == KEYED:
            names = [_event_key(hit.kind, name) for name in (hit.key, *hit.names)]
            known = next((self.by_name[name] for name in names if name in self.by_name), None)
            if known:
                event = self.by_key[known]
                self.by_key[known] = replace(event, names=tuple(dict.fromkeys(event.names + hit.names)))
                self.by_name.update((name, known) for name in names)
                return [known]
        return [self._new(hit, len(same_kind))]

    def _new(self, hit: EventHit, count: int) -> str:
        key = _event_key(hit.kind, hit.key) if hit.reference == KEYED else f"{hit.kind.lower()}-{count + 1}"
        self.by_key[key] = Event(
            article_id=self.doc.article.id,
            kind=hit.kind,
            key=key,
            label=hit.label or hit.kind.lower(),
            evidence=self.doc.sentence_span(self.doc.clauses[hit.clause]),
            extractor=hit.extractor,
            recipients=hit.recipients,
            names=hit.names,
        )
        self.by_kind.setdefault(hit.kind, []).append(key)
        if hit.reference == KEYED:
            self.by_name.update((_event_key(hit.kind, name), key) for name in (hit.key, *hit.names))
        return key


def _event_key(kind: str, key: str) -> str:
    return f"{kind.lower()}-" + _NOT_KEY_CHARACTERS.sub("-", key.lower()).strip("-")


_NOT_KEY_CHARACTERS = re.compile(r"[^a-z0-9]+")
