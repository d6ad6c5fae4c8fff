"""How one article's style writes names: first mention in full, later mentions short.

Styles: "hill" (hover cards glued to names, "(D-Ill.)"), "ap" (", D-Ill.,"),
"release" (surnames with postal tags, "Grassley (R-IA)"), "paper" (formal
names with middle initials, "Mr. Halvorsen"), "digest" (plain names).
"""
from __future__ import annotations

import random

from bench.people import Person, party_word

PLURAL = {"Sen.": "Sens.", "Rep.": "Reps."}
RELEASE_HONORIFIC = {"Sen.": "Senator", "Rep.": "Representative"}

HEADLINES = [
    "{a} presses {b} on {topic}", "Overnight Energy: {a} eyes deal on {topic}", "{a}: GOP plan 'no better' than the last one",
    "The Memo: {a} weighs a new push on {topic}", "Senate Democrats split over {topic}", "{a} and {b} clash over spending bill",
    "Overnight Health Care: House panel advances {topic} measure", "{a} says {b} is 'wrong' on tariffs",
    "Trump allies target {a} over {topic}", "Five takeaways from the {topic} fight", "{a} floats compromise as deadline nears",
]


class Voice:
    """Writes the names of one article, remembering who has been introduced."""

    def __init__(self, style: str, rng: random.Random, topic: str, surnames: list[str]):
        self.style, self.rng, self.topic, self.surnames = style, rng, topic, surnames
        self.introduced: set[Person] = set()

    def name(self, person: Person, *, honorific: bool = True) -> str:
        """The person as this sentence should name them."""
        if person in self.introduced:
            return self.later(person)
        self.introduced.add(person)
        core = self.full(person)
        if person.title:
            return f"{person.title} {core}" if not person.title.startswith(("chief", "president", "general")) else core
        prefix = self.honorific(person.chamber, 1) if honorific else ""
        return f"{prefix} {core}".strip()

    def names(self, people: list[Person]) -> str:
        """A list of people: "Sens. A (D-Ill.), B (R-Utah) and C (D-Ore.)" when all are new."""
        new = [p for p in people if p not in self.introduced]
        chambers = {p.chamber for p in people}
        if len(new) == len(people) > 1 and len(chambers) == 1 and "" not in chambers:
            self.introduced.update(people)
            return f"{self.honorific(people[0].chamber, len(people))} {join(self.full(p) for p in people)}"
        return join(self.name(p) for p in people)

    def later(self, person: Person) -> str:
        if self.style == "paper" and self.rng.random() < 0.5:
            return f"{person.courtesy} {person.surname}"
        return person.surname

    def honorific(self, chamber: str, count: int) -> str:
        if self.style == "release":
            word = RELEASE_HONORIFIC[chamber]
            return word + "s" if count > 1 else word
        return PLURAL[chamber] if count > 1 else chamber

    def full(self, person: Person) -> str:
        """Name and tag, as the first mention prints them."""
        if person.title:
            return self.official(person)
        state, postal, ap = person.state
        if self.style == "hill":
            card = self.hover_card(person) if self.rng.random() < 0.85 else ""
            return f"{person.display}{card} ({person.party}-{ap})"
        if self.style == "ap":
            return f"{person.display}, {person.party}-{ap},"
        if self.style == "release":
            shown = person.surname if self.rng.random() < 0.6 else person.display
            return f"{shown} ({person.party}-{postal})"
        if self.style == "paper":
            if self.rng.random() < 0.5:
                return f"{person.formal}, {party_word(person)} of {state},"
            return f"{person.formal} ({person.party}-{ap})"
        return f"{person.display} ({person.party}-{ap})"

    def official(self, person: Person) -> str:
        if self.style == "hill" and not person.title.startswith(("chief", "president", "general")) and self.rng.random() < 0.5:
            return person.display + self.hover_card(person)
        if person.title.startswith(("chief", "president", "general")):
            return f"{person.display}, the {person.title},"
        return person.formal if self.style == "paper" else person.display

    def hover_card(self, person: Person) -> str:
        """Formal name and 2-4 headlines glued to the display name, ending in " MORE"."""
        count = self.rng.randint(2, 4)
        headlines = []
        for _ in range(count):
            a, b = self.rng.sample(self.surnames, 2)
            headlines.append(self.rng.choice(HEADLINES).format(a=a, b=b, topic=self.topic))
        return f"{person.card_name}{' '.join(headlines)} MORE"


def join(items) -> str:
    """ "A", "A and B", "A, B and C"."""
    items = list(items)
    if len(items) < 3:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def tidy(sentence: str) -> str:
    """Fix the punctuation AP tags leave at a list's end or a sentence's end."""
    for before, after in ((",,", ","), (",.", "."), (",:", ":"), (",?", "?")):
        sentence = sentence.replace(before, after)
    return sentence[0].upper() + sentence[1:]
