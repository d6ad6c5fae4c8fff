"""Read the public-domain congress-legislators YAML into Legislator records.

The format is that of github.com/unitedstates/congress-legislators: a list of
people, each with `id` (bioguide, wikidata ...), `name` (first, middle,
nickname, last, suffix, official_full) and `terms` (type sen|rep|prez|viceprez,
start, end, state, party, optional party_affiliations). Several files may be
given; an entry found in more than one (by bioguide id) is one Legislator with
the terms of all of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import yaml

from graphbuild.errors import GazetteerError
from graphbuild.names import formal_given_name, plain_word

CHAMBERS = ("sen", "rep", "prez", "viceprez")
"""Term types: Senate, House, president, vice president."""

PARTY_LETTERS = {"Democrat": "D", "Republican": "R", "Independent": "I"}
"""The gazetteer's party names -> the letters articles use (others have no letter)."""

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster on these 1 MB files


@dataclass(frozen=True)
class Term:
    """One stretch of office with one party."""

    chamber: str
    """One of CHAMBERS."""
    start: str
    """ISO date the stretch began."""
    end: str
    """ISO date it ended (or is due to end), inclusive."""
    state: str | None
    """Two-letter state for members of Congress; None for the executive."""
    party: str | None
    """"D", "R" or "I"; None for any other party."""


@dataclass(frozen=True)
class Legislator:
    """One person of the gazetteer: ids, name parts and terms."""

    key: str
    """Stable id: the bioguide id, else "wikidata:Q...", else "govtrack:N"."""
    bioguide: str | None
    wikidata: str | None
    first: str
    nickname: str | None
    last: str
    suffix: str | None
    official_full: str | None
    other_surnames: tuple[str, ...]
    """Earlier or alternative surnames (`other_names`)."""
    terms: tuple[Term, ...]
    sources: tuple[str, ...]
    """File names the entry was read from, sorted."""

    @property
    def given_names(self) -> frozenset[str]:
        """Formal given names the person goes by: first, nickname, official_full's first word."""
        official_first = self.official_full.split()[0] if self.official_full else None
        names = (self.first, self.nickname, official_first)
        return frozenset(formal_given_name(name) for name in names if name and plain_word(name))

    @property
    def surnames(self) -> tuple[tuple[str, ...], ...]:
        """Each surname as plain words: (("van", "hollen"),)."""
        return tuple(tuple(plain_word(name).split()) for name in (self.last, *self.other_surnames) if plain_word(name))


@dataclass(frozen=True)
class Gazetteer:
    """Every Legislator of the files read, indexed by the last word of each surname."""

    people: tuple[Legislator, ...]
    sources: tuple[str, ...]
    index: dict[str, tuple[Legislator, ...]] = field(default_factory=dict, compare=False, repr=False)

    def with_surname(self, last_word: str) -> tuple[Legislator, ...]:
        """People whose surname (or other surname) ends in last_word (plain form)."""
        return self.index.get(last_word, ())


def load_gazetteer(paths: Sequence[Path | str]) -> Gazetteer:
    """Read congress-legislators YAML files into one Gazetteer.

    Raises GazetteerError naming the file when one is missing, is not YAML,
    or is not a list of people with names and terms.
    """
    entries: dict[str, list[Legislator]] = {}
    for path in (Path(p) for p in paths):
        for legislator in _read_file(path):
            entries.setdefault(legislator.key, []).append(legislator)
    people = tuple(sorted((_merge(same) for same in entries.values()), key=lambda p: p.key))
    return Gazetteer(people, tuple(sorted({Path(p).name for p in paths})), _index(people))


def _read_file(path: Path) -> list[Legislator]:
    if not path.is_file():
        raise GazetteerError(f"gazetteer file {path} does not exist")
    try:
        with path.open(encoding="utf-8") as stream:
            data = yaml.load(stream, Loader=_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise GazetteerError(f"gazetteer file {path} is not valid YAML: {str(error).splitlines()[0]}") from error
    if not isinstance(data, list):
        raise GazetteerError(f"gazetteer file {path} is not a congress-legislators list of people")
    return [person for number, entry in enumerate(data, 1) if (person := _legislator(entry, path, number))]


def _legislator(entry: object, path: Path, number: int) -> Legislator | None:
    """The Legislator of one YAML entry; None for an entry with no usable id."""
    if not (isinstance(entry, dict) and isinstance(entry.get("name"), dict) and isinstance(entry.get("terms"), list)):
        raise GazetteerError(f"gazetteer file {path}: entry {number} has no name and terms (not congress-legislators YAML)")
    ids, name = entry.get("id") or {}, entry["name"]
    key = _key(ids)
    if not key or not name.get("last") or not name.get("first"):
        return None
    others = tuple(str(o["last"]) for o in entry.get("other_names") or () if isinstance(o, dict) and o.get("last"))
    return Legislator(
        key=key, bioguide=_text(ids.get("bioguide")), wikidata=_text(ids.get("wikidata")),
        first=str(name["first"]), nickname=_text(name.get("nickname")), last=str(name["last"]),
        suffix=_text(name.get("suffix")), official_full=_text(name.get("official_full")),
        other_surnames=others, terms=tuple(_terms(entry["terms"])), sources=(path.name,),
    )


def _key(ids: dict) -> str | None:
    if ids.get("bioguide"):
        return str(ids["bioguide"])
    for scheme in ("wikidata", "govtrack"):
        if ids.get(scheme):
            return f"{scheme}:{ids[scheme]}"
    return None


def _terms(raw_terms: Iterable) -> Iterable[Term]:
    """Each term, split where party_affiliations says the party changed during it."""
    for raw in raw_terms:
        if not isinstance(raw, dict) or raw.get("type") not in CHAMBERS or not raw.get("start"):
            continue
        stretches = [a for a in raw.get("party_affiliations") or () if isinstance(a, dict)] or [raw]
        for stretch in stretches:
            yield Term(
                chamber=raw["type"], start=str(stretch.get("start") or raw["start"]),
                end=str(stretch.get("end") or raw.get("end") or "9999-12-31"),
                state=_text(raw.get("state")), party=PARTY_LETTERS.get(str(stretch.get("party"))),
            )


def _merge(same: list[Legislator]) -> Legislator:
    """One entry from its copies in several files: names from the newest, every term."""
    newest = max(same, key=lambda p: max((t.end for t in p.terms), default=""))
    terms = sorted({t for p in same for t in p.terms}, key=lambda t: (t.start, t.end, t.chamber))
    sources = tuple(sorted({s for p in same for s in p.sources}))
    others = tuple(sorted({s for p in same for s in (*p.other_surnames, p.last)} - {newest.last}))
    return Legislator(**{**newest.__dict__, "terms": tuple(terms), "sources": sources, "other_surnames": others})


def _index(people: Iterable[Legislator]) -> dict[str, tuple[Legislator, ...]]:
    index: dict[str, list[Legislator]] = {}
    for person in people:
        for last_word in {surname[-1] for surname in person.surnames}:
            index.setdefault(last_word, []).append(person)
    return {word: tuple(found) for word, found in index.items()}


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
