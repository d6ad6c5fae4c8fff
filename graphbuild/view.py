"""What the HTML page draws of a graph (kept apart from render.py, which imports rdflib)."""
from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from graphbuild.pagedata import EventNode, PersonNode


@dataclass(frozen=True)
class View:
    """Which part of the graph the page draws: a browser cannot lay out a whole archive."""

    max_people: int = 150
    """The most connected people drawn (by number of events); the page says how many were left out."""
    max_events: int = 250
    """The events drawn, those with the most drawn participants first."""
    focus: str | None = None
    """A person's name (label or other name, any case): draw them, their events and who shares them."""
    since: str | None = None
    """ISO date: only events reported in articles of that date or later (undated articles are left out)."""
    kinds: tuple[str, ...] = ()
    """Event classes to draw ("Bill", "Briefing" ...); empty: all."""


def choose_view(people: Mapping[str, PersonNode], events: Mapping[str, EventNode], view: View) -> tuple[set[str], str]:
    """The nodes a page draws (people, events, their letters' recipients) and a sentence saying what was left out."""
    wanted = {e for e, event in events.items() if _event_wanted(event, view)}
    candidates = set(people)
    if view.focus:
        focused = {p for p in candidates if _matches(people[p], view.focus)}
        wanted = {e for e in wanted if events[e].participants() & focused}
        candidates = focused | {p for e in wanted for p in events[e].participants()}
    degree = Counter(p for e in wanted for p in events[e].participants())
    # nsmallest(n, ...) is sorted(...)[:n] without sorting every event of a big graph
    kept_people = set(heapq.nsmallest(view.max_people, candidates, key=lambda p: (-degree[p], people[p].label, p)))
    if view.focus or view.since or view.kinds or len(candidates) > view.max_people:
        kept_people = {p for p in kept_people if degree[p] or view.focus and _matches(people[p], view.focus)}
    shared = {e: len(events[e].participants() & kept_people) for e in wanted}
    kept_events = set(heapq.nsmallest(view.max_events, (e for e in wanted if shared[e]),
                                      key=lambda e: (-shared[e], events[e].label, e)))
    recipients = {r for e in kept_events for r in events[e].recipients}
    note = _left_out_note(len(candidates), len(kept_people), len(wanted), len(kept_events), view)
    return kept_people | kept_events | recipients, note


def _event_wanted(event: EventNode, view: View) -> bool:
    if view.kinds and event.kind not in view.kinds:
        return False
    return not view.since or bool(event.date) and event.date >= view.since


def _matches(person: PersonNode, name: str) -> bool:
    wanted = name.casefold().strip()
    return person.label.casefold() == wanted or wanted in (n.casefold() for n in person.names)


def _left_out_note(people: int, kept_people: int, events: int, kept_events: int, view: View) -> str:
    filters = [f"focus on {view.focus}" if view.focus else "", f"since {view.since}" if view.since else "",
               "only " + ", ".join(view.kinds) if view.kinds else ""]
    filters = [f for f in filters if f]
    if kept_people == people and kept_events == events and not filters:
        return ""
    shown = f"Showing the {kept_people} most connected of {people} people and {kept_events} of {events} events"
    return shown + (f" ({'; '.join(filters)})" if filters else "") + ". Use --focus, --since or --relation to see other parts."
