"""One node per named bill across articles: per-article gb:Bill events grouped by name.

Two bill events are the same law when any name or number they are given
coincides once normalized ("H.R. 4884" = "HR 4884", "the DETER Act" = "DETER
Act"); the grouping is transitive. Unnamed bills ("a bill") get no law.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from graphbuild.extract.bills import BILL_NAME
from graphbuild.model import Event

_NUMBER = re.compile(r"(?i)^(h\.?\s*r|h\.?\s*res|s\.?\s*res|s)\.?\s*(\d+)$")


@dataclass(frozen=True)
class Legislation:
    """A bill as a law-to-be, named in one or more articles."""

    key: str
    """Stable key the IRI is minted from: the normalized label, slugged ("first-step-act")."""
    label: str
    """The name articles give it most often (a name before a number)."""
    names: tuple[str, ...]
    """Every name and number the articles give it, as written, sorted."""
    events: tuple[tuple[str, str], ...]
    """(article id, event key) of every per-article gb:Bill event of it, sorted."""


def bill_names(event: Event) -> tuple[str, ...]:
    """The names and numbers an article gives a bill event; empty for an unnamed bill.

    Event.names when extraction filled it in, else the label when the event
    is keyed by a real bill name ("bill-first-step-act" labelled "First Step Act").
    """
    if event.kind != "Bill":
        return ()
    if event.names:
        return event.names
    keyed = event.key.startswith("bill-") and not re.fullmatch(r"bill-\d+", event.key)
    return (event.label,) if keyed and BILL_NAME.fullmatch(event.label) else ()


def normalize_bill_name(name: str) -> str:
    """A bill name or number in the form two mentions of it share.

    >>> normalize_bill_name("H. R. 4884"), normalize_bill_name("HR4884"), normalize_bill_name("the DETER Act")
    ('hr4884', 'hr4884', 'deter act')
    """
    text = " ".join(name.split())
    number = _NUMBER.match(text)
    if number:
        return re.sub(r"[^a-z]", "", number.group(1).lower()) + number.group(2)
    words = re.sub(r"[^a-z0-9 ]+", " ", text.lower()).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def group_bills(events: Iterable[Event]) -> list[Legislation]:
    """One Legislation per set of bill events sharing a name, sorted by key."""
    named = [(event, names) for event in events if (names := bill_names(event))]
    parent = list(range(len(named)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, (_event, names) in enumerate(named):
        for normalized in {normalize_bill_name(n) for n in names}:
            j = first_with.setdefault(normalized, i)
            parent[root(i)] = root(j)
    groups: dict[int, list[tuple[Event, tuple[str, ...]]]] = {}
    for i, item in enumerate(named):
        groups.setdefault(root(i), []).append(item)
    return sorted((_legislation(group) for group in groups.values()), key=lambda law: law.key)


def _legislation(group: list[tuple[Event, tuple[str, ...]]]) -> Legislation:
    counts = Counter(name for _event, names in group for name in dict.fromkeys(names))
    label = min(counts, key=lambda name: (bool(_NUMBER.match(name)), -counts[name], len(name), name))
    key = re.sub(r"[^a-z0-9]+", "-", normalize_bill_name(label)).strip("-")
    events = tuple(sorted((event.article_id, event.key) for event, _names in group))
    return Legislation(key, label, tuple(sorted(counts)), events)
