"""tweeted: posts on Twitter/X ("tweeted", "wrote on X", "said in a post on X", "took to Twitter")."""
from __future__ import annotations

import re
from typing import Iterator

from graphbuild.extract.clauses import nearest_subject, subject_of, who_subjects
from graphbuild.extract.document import NEW, Doc, EventHit

NAME = "tweets.v1"
_PLATFORM = r"(?:Twitter|X)(?![\w-])"
_TRIGGER = re.compile(
    r"\b(?:tweeted|tweets|tweet(?= that)|"
    r"(?:said|wrote|argued|added|posted|warned|declared|complained|noted)(?: in)? an? (?:tweet|post on " + _PLATFORM + r"|message on " + _PLATFORM + r")|"
    r"(?:wrote|posted|said|argued|warned|declared|complained|railed)(?: [a-z]+){0,2} on " + _PLATFORM + r"|"
    r"took to " + _PLATFORM + r"|in an? (?:tweet|post on " + _PLATFORM + r")|"
    r"sent an? (?:string|series|flurry|volley|pair) of tweets)"
)
_PARTICIPLE = re.compile(r", (?:tweeting|sending an? (?:string|series|flurry|volley|pair) of tweets|writing on " + _PLATFORM + r"|posting on " + _PLATFORM + r")")


def extract_tweets(doc: Doc) -> Iterator[EventHit]:
    """Yield one hit per posting occasion on Twitter/X by named people."""
    for clause in doc.clauses:
        for match in _TRIGGER.finditer(clause.reduced):
            people = subject_of(clause, match.start())
            if people:
                yield EventHit("Tweet", clause.index, match.start(), tuple(people), NAME, NEW, label="tweet")
        for match in _PARTICIPLE.finditer(clause.reduced):
            people = nearest_subject(clause, match.start())
            if people:
                yield EventHit("Tweet", clause.index, match.start(), tuple(people), NAME, NEW, label="tweet")
        for position, people in who_subjects(clause, r"tweeted|posted on " + _PLATFORM + r"|wrote on " + _PLATFORM):
            yield EventHit("Tweet", clause.index, position, tuple(people), NAME, NEW, label="tweet")
