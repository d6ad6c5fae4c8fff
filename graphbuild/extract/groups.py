"""Plural phrases that refer back (or ahead) to people already listed: "the four senators"."""
from __future__ import annotations

import re

from graphbuild.extract.clauses import LIST, Clause

_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_GROUP = re.compile(
    r"(?:^|\W)(?:the|The|These|these|Both|both) (?P<count>two |three |four |five |six |seven |eight |nine |ten )?"
    r"(?P<party>Democratic |Republican |GOP |bipartisan |)"
    r"(?:lead |)(?:senators|lawmakers|members|negotiators|sponsors|representatives|Democrats|Republicans|colleagues)"
    r"(?:,? (?:also|jointly|then|later|again))?,?\s*$"
)
_PARTY = {"Democratic": "D", "Republican": "R", "GOP": "R"}


def group_subjects(doc, clause: Clause, position: int) -> list[str]:
    """People a plural subject ending at `position` refers to, or [] when it is not one.

    The nearest earlier list of at least two people that fits the phrase's
    number and party, within five sentences; failing that, one in the next
    sentence ("The Democratic senators said in a joint statement ... said
    Schumer and Sens. Durbin, Feinstein ...").
    """
    match = _GROUP.search(clause.reduced[:position])
    if not match:
        return []
    count = _NUMBERS.get((match.group("count") or "").strip())
    party = _PARTY.get(match.group("party").strip())
    earlier = [doc.clauses[i] for i in range(clause.index - 1, max(clause.index - 6, -1), -1)]
    candidates = [(clause, clause.reduced[:match.start()])] + [(c, c.reduced) for c in earlier]
    if clause.index + 1 < len(doc.clauses):
        candidates.append((doc.clauses[clause.index + 1], doc.clauses[clause.index + 1].reduced))
    for candidate, text in candidates:
        for found in reversed(list(re.finditer(LIST, text))):
            people = candidate.people(found.group())
            if len(people) >= 2 and (count is None or len(people) == count) and _all_of_party(candidate, found.group(), party):
                return people
    return []


def _all_of_party(clause: Clause, slot_text: str, party: str | None) -> bool:
    if party is None:
        return True
    numbers = [int(n) for n in re.findall(r"⟦(\d+)⟧", slot_text)]
    return all(clause.slots[n].party == party for n in numbers)
