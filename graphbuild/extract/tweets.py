"""tweeted: posts on Twitter/X ("tweeted", "wrote on X", "said in a post on X",
"took to Twitter", "in a post on X, X said", "a tweet from X")."""
from __future__ import annotations

import re
from typing import Iterator

from graphbuild.extract.clauses import from_subjects, fronted_subjects, mentions_any, nearest_subject, subject_of, who_subjects
from graphbuild.extract.document import NEW, Doc, EventHit

NAME = "tweets.v1"
_PLATFORM = r"(?:Twitter|X)(?![\w-])"
_VERBS = r"(?:said|wrote|argued|added|posted|warned|declared|complained|noted|railed|shared|responded|replied|quipped|joked|announced|reacted|lashed out)"
_TRIGGER = re.compile(
    r"\b(?:tweeted|tweets|tweet(?= that)|"
    + _VERBS + r"(?: in)? an? (?:tweet|post on " + _PLATFORM + r"|message on " + _PLATFORM + r")|"
    + _VERBS + r"(?: [a-z]+){0,3} on " + _PLATFORM + r"|"
    r"took to " + _PLATFORM + r"|in an? (?:tweet|post on " + _PLATFORM + r")|"
    r"(?:sent|fired off|posted) an? (?:string|series|flurry|volley|pair|thread) of (?:tweets|posts on " + _PLATFORM + r"))"
)
_PARTICIPLE = re.compile(r", (?:tweeting|sending an? (?:string|series|flurry|volley|pair) of tweets|writing on " + _PLATFORM + r"|posting on " + _PLATFORM + r")")
_FRONTED = r"[Ii]n an? (?:tweet|post on " + _PLATFORM + r"|message on " + _PLATFORM + r")|(?:[Pp]osting|[Ww]riting) on " + _PLATFORM + r"|[Tt]weeting"


def extract_tweets(doc: Doc) -> Iterator[EventHit]:
    """Yield one hit per posting occasion on Twitter/X by named people."""
    for clause in doc.clauses:
        if not mentions_any(clause, ("weet", "Twitter", " X")):
            continue
        hits = [(m.start(), subject_of(clause, m.start())) for m in _TRIGGER.finditer(clause.reduced)]
        hits += [(m.start(), nearest_subject(clause, m.start())) for m in _PARTICIPLE.finditer(clause.reduced)]
        hits += fronted_subjects(clause, _FRONTED) + from_subjects(clause, r"tweets?|post on " + _PLATFORM)
        hits += who_subjects(clause, r"tweeted|posted on " + _PLATFORM + r"|wrote on " + _PLATFORM)
        people = [person for _, found in sorted(hits) for person in found]
        if people:  # one posting occasion per sentence, however many phrases state it
            position = min(position for position, found in hits if found)
            yield EventHit("Tweet", clause.index, position, tuple(dict.fromkeys(people)), NAME, NEW, label="tweet")
