"""Relation extractors, one relation family per module, registered once below.

Each event extractor reads a Doc and yields EventHits in order of appearance;
assemble_events groups them into one Event per real event. The attribute
extractor yields Assertions directly.
"""
from __future__ import annotations

from graphbuild.extract.attributes import extract_attributes
from graphbuild.extract.bills import extract_bills
from graphbuild.extract.briefings import extract_briefings
from graphbuild.extract.document import Doc, EventHit, assemble_events, make_doc
from graphbuild.extract.hearings import extract_hearings
from graphbuild.extract.letters import extract_letters
from graphbuild.extract.statements import extract_statements
from graphbuild.extract.tweets import extract_tweets
from graphbuild.mentions import people_of
from graphbuild.model import Article, ArticleFacts

EVENT_EXTRACTORS = {
    "statements": extract_statements,
    "tweets": extract_tweets,
    "letters": extract_letters,
    "bills": extract_bills,
    "briefings": extract_briefings,
    "hearings": extract_hearings,
}
"""Event extractors by name; each yields EventHits from a Doc."""


def extract_article(article: Article) -> ArticleFacts:
    """Everything one cleaned article states: its people, events and facts."""
    doc = make_doc(article)
    hits = [hit for extract in EVENT_EXTRACTORS.values() for hit in extract(doc)]
    events, event_assertions = assemble_events(doc, hits)
    attributes = _unique(extract_attributes(doc))
    return ArticleFacts(article, people_of(article, list(doc.mentions)), tuple(events), tuple(event_assertions) + attributes)


def _unique(assertions) -> tuple:
    """One assertion per (person, predicate, value): the first sentence that states it."""
    seen, kept = set(), []
    for assertion in assertions:
        key = (assertion.subject, assertion.predicate, assertion.object)
        if key not in seen:
            seen.add(key)
            kept.append(assertion)
    return tuple(kept)


__all__ = ["EVENT_EXTRACTORS", "Doc", "EventHit", "extract_article", "make_doc"]
