"""The cast of the generated corpus, and how each news style writes a person's name.

The cast (legislators and officials) is drawn once per seed, so the same person
recurs across articles under the different name forms graphbuild must join:
"Sen. Bob Halvorsen (D-Ore.)", "Robert J. Halvorsen", the hover card
"Robert (Bob) James Halvorsen", the press release's "Halvorsen (D-OR)".
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pools import COMPANY_SUFFIXES, COMPANY_WORDS, GIVEN_NAMES, MIDDLE_NAMES, OFFICIAL_TITLES, PARTY_NAMES, STATES, SURNAMES

LEGISLATORS = 360
OFFICIALS = 48


@dataclass(frozen=True)
class Person:
    """Someone the corpus writes about."""

    given: str
    """Formal given name: "Robert"."""
    nickname: str
    """Usual short form ("Bob"), or "" when the person goes by the formal name."""
    middle: str
    surname: str
    gender: str
    """"m" or "f", for pronouns."""
    party: str = ""
    """"D", "R", "I", or "" for officials and witnesses."""
    state: tuple[str, str, str] = ("", "", "")
    """(name, postal code, AP abbreviation)."""
    chamber: str = ""
    """"Sen.", "Rep." or "" (not a legislator)."""
    title: str = ""
    """Officials and witnesses: "Treasury Secretary", "chief executive of Keystone Rail"."""

    @property
    def display(self) -> str:
        return f"{self.nickname or self.given} {self.surname}"

    @property
    def card_name(self) -> str:
        """The full formal name a hover card prints: "Robert (Bob) James Halvorsen"."""
        nick = f" ({self.nickname})" if self.nickname else ""
        return f"{self.given}{nick} {self.middle} {self.surname}"

    @property
    def formal(self) -> str:
        """Newspaper style: "Robert J. Halvorsen"."""
        return f"{self.given} {self.middle[0]}. {self.surname}"

    @property
    def pronoun(self) -> str:
        return "he" if self.gender == "m" else "she"

    @property
    def possessive(self) -> str:
        return "his" if self.gender == "m" else "her"

    @property
    def courtesy(self) -> str:
        return "Mr." if self.gender == "m" else "Ms."


@dataclass(frozen=True)
class Cast:
    """Everyone the corpus can write about, drawn from one seed."""

    legislators: tuple[Person, ...]
    officials: tuple[Person, ...]


def draw_cast(seed: int) -> Cast:
    """The same seed always gives the same people."""
    rng = random.Random(f"cast:{seed}")
    seen: set[tuple[str, str]] = set()
    people = []
    while len(people) < LEGISLATORS + OFFICIALS:
        person = draw_person(rng)
        if (person.given, person.surname) not in seen:
            seen.add((person.given, person.surname))
            people.append(person)
    legislators = [_as_legislator(rng, p, i) for i, p in enumerate(people[:LEGISLATORS])]
    officials = [_as_official(p, i) for i, p in enumerate(people[LEGISLATORS:])]
    return Cast(tuple(legislators), tuple(officials))


def draw_person(rng: random.Random, **fields) -> Person:
    given, nickname, gender = rng.choice(GIVEN_NAMES)
    return Person(given, nickname, rng.choice(MIDDLE_NAMES), rng.choice(SURNAMES), gender, **fields)


def draw_witness(rng: random.Random, sector: str) -> Person:
    company = f"{rng.choice(COMPANY_WORDS)} {COMPANY_SUFFIXES[sector]}"
    post = rng.choice(["chief executive", "president", "chief operating officer", "general counsel"])
    return draw_person(rng, title=f"{post} of {company}")


def _as_legislator(rng: random.Random, person: Person, index: int) -> Person:
    party = "I" if index % 40 == 0 else rng.choice("DR")
    chamber = "Sen." if index % 3 else "Rep."
    return Person(**{**person.__dict__, "party": party, "state": rng.choice(STATES), "chamber": chamber})


def _as_official(person: Person, index: int) -> Person:
    return Person(**{**person.__dict__, "title": OFFICIAL_TITLES[index % len(OFFICIAL_TITLES)]})


def party_word(person: Person) -> str:
    return PARTY_NAMES[person.party]
