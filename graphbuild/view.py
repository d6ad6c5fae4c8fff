"""What the HTML page draws of a graph (kept apart from render.py, which imports rdflib)."""
from __future__ import annotations

from dataclasses import dataclass


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
