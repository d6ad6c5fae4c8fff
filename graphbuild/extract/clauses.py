"""Sentences with their person mentions masked as slots, so rules read like grammar.

"Sen. Mike Lee, R-Utah, who attended the briefing, said ..." becomes
"⟦0⟧, who attended the briefing, said ..." (the masked text), and
"⟦0⟧ said ..." once appositives are dropped (the reduced text). Quoted speech
is blanked out: what a person says in quotes states no relation.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from graphbuild.mentions import NameMention
from graphbuild.text import STATE_NAME_PATTERN, state_code

SLOT = r"⟦(\d+)⟧(?!['’]s)"
_SLOT_NUMBER = re.compile(SLOT)
"""One person, not possessive."""
LIST = r"⟦\d+⟧(?!['’]s)(?:(?:,? and |, |,? along with |,? together with |,? joined by )⟦\d+⟧(?!['’]s))*"
"""A coordinated list of people: "⟦1⟧, ⟦2⟧ and ⟦3⟧"."""
LIST_PATTERN = re.compile(LIST)
COMPANIONS = (
    r"(?: and (?:\w+ ){0,4}?(?:officials|senators|lawmakers|colleagues|members|others|governors|"
    r"attorneys general|executives|leaders)(?: (?:from|of) (?:[\w-]+ ){0,4}?[\w-]+)?)?"
)
"""Unnamed co-actors after a list ("and officials from nine other states"): they add no one."""

_GAP_WORD = (
    r"(?:also|then|later|today|tonight|jointly|first|formally|officially|quickly|recently|"
    r"previously|already|again|each|both|all|together|has|have|had|on|in|last|this|earlier|"
    r"week|month|year|morning|afternoon|evening|night|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|\d{1,4}|shortly|afterward|afterwards|meanwhile|separately|"
    r"publicly|immediately|swiftly|personally|Sept?\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.|Aug\.)"
)
GAP = r"(?:,? (?:" + _GAP_WORD + r"))*,?"
"""Adverbs and dates that may stand between a subject and its verb."""

NEGATION = re.compile(
    r"\b(?:not|n't|never|no longer|declined|refused|will|would|could|might|may|should|plans? to|"
    r"planned to|expected to|scheduled to|set to|hopes? to|wants? to|intends? to|invited|uninvited|"
    r"shut out|failed to|can|cannot|is to|are to|if)\b",
    re.IGNORECASE,
)
"""Words that make an event unreported: negated, planned, hypothetical (guideline rule 3)."""


@dataclass
class Clause:
    """One sentence, masked."""

    index: int
    """Position of the sentence in the article."""
    start: int
    end: int
    text: str
    """The sentence as in the cleaned article."""
    masked: str
    """The sentence with mentions as ⟦i⟧ and quotations blanked."""
    reduced: str
    """masked without appositives and relative clauses."""
    slots: list[NameMention] = field(default_factory=list)
    """slots[i] is the mention ⟦i⟧ stands for."""

    def people(self, slot_text: str) -> list[str]:
        """The persons named in a matched piece of masked text, in order, without repeats."""
        found = []
        for number in _SLOT_NUMBER.findall(slot_text):
            person = self.slots[int(number)].person
            if person not in found:
                found.append(person)
        return found


def build_clauses(text: str, sentences: list[tuple[int, int]], mentions: list[NameMention]) -> list[Clause]:
    """Mask every sentence; pronouns become slots for the person they most likely mean."""
    clauses: list[Clause] = []
    starts = [m.start for m in mentions]  # mentions come sorted by start
    for index, (start, end) in enumerate(sentences):
        # bisect, so a long article costs sentences x log(mentions), not sentences x mentions
        first, last = bisect_left(starts, start), bisect_right(starts, end)
        inside = [m for m in mentions[first:last] if start <= m.extent[0] and m.extent[1] <= end] if first < last else []
        masked, slots = _mask(text, start, end, inside)
        if slots or _SENTENCE_PRONOUN.match(masked):  # else no pronoun can be resolved
            masked, slots = _resolve_pronouns(masked, slots, clauses[-1] if clauses else None)
        if first and _may_describe(masked) and _DESCRIPTOR.search(masked):  # a descriptor can only refer back
            masked, slots = _resolve_descriptors(masked, slots, [m for m in mentions[:first] if m.end <= start])
        clauses.append(Clause(index, start, end, text[start:end], masked, reduce_clause(masked), slots))
    return clauses


_QUOTE = re.compile(r"[\"“][^\"“”]*[\"”]|[\"“][^\"“”]*$")


def _mask(text: str, start: int, end: int, mentions: list[NameMention]) -> tuple[str, list[NameMention]]:
    if not mentions:  # most sentences
        return _blank_quotations(_literal(text[start:end])), []
    pieces, slots, cursor = [], [], start
    quoted = _quotations(text[start:end], start)
    for mention in mentions:
        if mention.extent[0] < cursor or quoted and any(a <= mention.start < b for a, b in quoted):
            continue
        pieces.append(_literal(text[cursor:mention.extent[0]]))
        possessive = "'s" if mention.possessive else ""
        pieces.append(f"⟦{len(slots)}⟧{possessive}")
        slots.append(mention)
        cursor = mention.extent[1]
    pieces.append(_literal(text[cursor:end]))
    return _blank_quotations("".join(pieces)), slots


def _quotations(sentence: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) in the article of each quotation in the sentence."""
    if not _has_quote_mark(sentence):
        return []
    return [(m.start() + offset, m.end() + offset) for m in _QUOTE.finditer(sentence)]


def _blank_quotations(masked: str) -> str:
    """Each quotation as “…”, keeping its quote marks."""
    if not _has_quote_mark(masked):
        return masked
    return _QUOTE.sub(lambda m: m.group()[0] + "…" + (m.group()[-1] if len(m.group()) > 1 else ""), masked)


def _has_quote_mark(text: str) -> bool:
    """A cheap test before _QUOTE runs: most sentences quote nobody."""
    return '"' in text or "“" in text


def _literal(text: str) -> str:
    """Article text with the slot brackets made ordinary, so no article can forge a slot."""
    return text.replace("⟦", "[").replace("⟧", "]")


_SENTENCE_PRONOUN = re.compile(r"^(?:He|She)\b(?= )")
_INNER_PRONOUN = re.compile(
    r"[ ,](?P<pronoun>(?:he|she)\b(?= )|(?:his|her)\b(?= (?:own |new |bipartisan )?(?:legislation|bill|measure|resolution|proposal)\b))"
)
"""A pronoun inside a sentence; "[ ,]" is matched rather than looked behind for, so the regex engine can skip to spaces."""


def _resolve_pronouns(masked: str, slots: list[NameMention], previous: Clause | None) -> tuple[str, list[NameMention]]:
    """"He and Sen. X introduced" -> the previous sentence's subject; "legislation he introduced" -> this one's."""
    if _SENTENCE_PRONOUN.match(masked) and previous:
        subject = first_subject(previous)
        if subject is not None:
            masked = _SENTENCE_PRONOUN.sub(f"⟦{len(slots)}⟧", masked, count=1)
            slots = slots + [subject]
    match = _INNER_PRONOUN.search(masked) if slots else None  # with no one named, it refers to no one here
    if match:
        start, end = match.span("pronoun")
        subject = _subject_before(masked, slots, start)
        if subject is not None:
            mark = "'s" if match.group("pronoun") in ("his", "her") else ""
            masked = masked[:start] + f"⟦{len(slots)}⟧{mark}" + masked[end:]
            slots = slots + [subject]
    return masked, slots


_DESCRIPTOR = re.compile(
    r"\b[Tt]he (?:(?P<state>" + STATE_NAME_PATTERN + r") )?(?P<noun>Republican|Democrat|independent|senator|congressman|congresswoman|"
    r"representative|lawmaker|(?:GOP|Republican|Democratic) (?:senator|lawmaker|congressman|congresswoman))\b"
    r"(?=,| (?:also |then |later |later on |quickly |on \w+ )?(?:said|says|told|wrote|tweeted|posted|added|argued|introduced|"
    r"reintroduced|sent|signed|has|had|is|was|who|joined|attended|testified|called|urged|released|issued|took|responded))"
)
"""A singular descriptor used as a subject; "the Republican leader" or "the Democratic Party" is not one."""
_DESCRIPTOR_WORDS = ("Republican", "Democrat", "independent", "senator", "congress", "representative", "lawmaker")
"""Every noun of _DESCRIPTOR contains one of these."""


def _may_describe(masked: str) -> bool:
    """A cheap test before _DESCRIPTOR runs: most sentences have none of its nouns."""
    for word in _DESCRIPTOR_WORDS:
        if word in masked:
            return True
    return False


_DESCRIPTOR_NOUNS = {
    "Republican": ("R", None), "Democrat": ("D", None), "independent": ("I", None),
    "senator": (None, "senator"), "congressman": (None, "representative"),
    "congresswoman": (None, "representative"), "representative": (None, "representative"),
}


def _resolve_descriptors(masked: str, slots: list[NameMention], earlier: list[NameMention]) -> tuple[str, list[NameMention]]:
    """"The Kentucky Republican said ...", "the senator tweeted": the one person named so far who fits.

    Fits means: same state and party where the descriptor gives them, a senator
    or representative where it says so. Several fitting people, or none, and
    the phrase stays unresolved.
    """
    for match in reversed(list(_DESCRIPTOR.finditer(masked))):
        person = _only_fit(match, earlier)
        if person is not None:
            masked = masked[: match.start()] + f"⟦{len(slots)}⟧" + masked[match.end():]
            slots = slots + [person]
    return masked, slots


def _only_fit(match: re.Match, earlier: list[NameMention]) -> NameMention | None:
    noun = match.group("noun").split()
    party, role = _DESCRIPTOR_NOUNS.get(noun[-1], (None, None))
    if len(noun) == 2:
        party = {"GOP": "R", "Republican": "R", "Democratic": "D"}[noun[0]]
    state = state_code(match.group("state")) if match.group("state") else None
    known: dict[str, dict] = {}
    for mention in earlier:
        facts = known.setdefault(mention.person, {"party": set(), "state": set(), "role": set(), "last": mention})
        facts["party"].add(mention.party)
        facts["state"].add(mention.state)
        facts["role"].add(mention.honorific)
        facts["last"] = mention
    fits = [
        facts["last"] for facts in known.values()
        if (party is None or party in facts["party"]) and (state is None or state in facts["state"])
        and (role is None or role in facts["role"])
    ]
    if role and not party and not state and fits:
        return max(fits, key=lambda m: m.start)  # "the senator": the senator named last
    return fits[0] if len(fits) == 1 else None


_OPENING_SUBJECT = re.compile(r"(?:[^⟦,]{0,40}, )?" + SLOT)
_COMMA_BEFORE_VERB = re.compile(r"⟦(\d+)⟧, (?=said|wrote|added|told|introduced|sent|tweeted|testified|briefed)")
_LIST_CONTINUES = re.compile(r" (?:and )?⟦\d+⟧|(?: and)? ⟦")
_NEW_SUBJECT_BEFORE = re.compile(r"\b(?:led|headed|spearheaded) by\s*$|[,”\"…] (?:and|but) $")


def first_subject(clause: Clause) -> NameMention | None:
    """The person a sentence opens with (after an introductory phrase), if any."""
    match = _OPENING_SUBJECT.match(clause.reduced)
    return clause.slots[int(match.group(1))] if match else None


def _subject_before(masked: str, slots: list[NameMention], position: int) -> NameMention | None:
    """The only non-possessive person named before `position`, if exactly one is."""
    people = {slots[int(n)].person: slots[int(n)] for n in _SLOT_NUMBER.findall(masked[:position])}
    return next(iter(people.values())) if len(people) == 1 else None


_APPOSITIVE_AFTER = re.compile(
    r"(⟦\d+⟧)(?:, (?:(?:the|a|an|who|whose|which|one|among|chairman|chairwoman|chair|director|president|"
    r"ranking|vice|top|head|secretary|leader|acting|former|deputy|chief|senior|now|then|"
    r"Democrat|Republican|Independent|independent)\b|⟦\d+⟧['’]s )"
    r"[^,;…⟦]*?(?:, [A-Z][^,;…⟦]*?)*(?=[,.;]|$))+,?"
)
"""An appositive after a person; commas inside a capitalized name ("the Senate Health,
Education, Labor and Pensions Committee") stay inside it."""
_APPOSITIVE_BEFORE = re.compile(r"(^|, |\band )(?:the|The) [^,⟦…]{3,80}?, (⟦\d+⟧)")


def mentions_any(clause: Clause, words: tuple[str, ...]) -> bool:
    """A cheap test before a family's patterns run: does the sentence contain any of these words?"""
    masked = clause.masked
    for word in words:  # a plain loop: any() over a generator costs more than the tests
        if word in masked:
            return True
    return False


def reduce_clause(masked: str) -> str:
    """Drop appositives and relative clauses around slots: "⟦1⟧, the Iowa Republican, said" -> "⟦1⟧ said"."""
    # each pattern needs a slot next to a comma: most sentences are left as they are, unsearched
    reduced = _APPOSITIVE_BEFORE.sub(r"\1\2", masked) if ", ⟦" in masked else masked
    if "⟧, " not in reduced:
        return reduced

    def keep_comma(match: re.Match) -> str:
        ends_clause = match.group().endswith(",")
        return match.group(1) + ("," if ends_clause and _is_list_continuation(reduced, match.end()) else "")

    reduced = _APPOSITIVE_AFTER.sub(keep_comma, reduced)
    return _COMMA_BEFORE_VERB.sub(r"⟦\1⟧ ", reduced) if "⟧, " in reduced else reduced


def _is_list_continuation(text: str, position: int) -> bool:
    return bool(_LIST_CONTINUES.match(text, position))


_SUBJECT = re.compile(r"(?:^|[^\w⟧'’])(" + LIST + r")" + GAP + r"\s*(?:[—–]\s*)?$")
_SUBJECT_WITH_COMPANIONS = re.compile(r"(?:^|[^\w⟧'’])(" + LIST + r")" + COMPANIONS + GAP + r"\s*(?:[—–]\s*)?$")


def subjects_before(clause: Clause, position: int, *, companions: bool = True) -> list[str]:
    """People in the list that is the subject of a verb starting at `position` of clause.reduced.

    Only adverbs and dates may stand between the list and the verb, so objects
    of prepositions and people in other clauses are never taken.
    """
    before = clause.reduced[:position]
    match = (_SUBJECT_WITH_COMPANIONS if companions else _SUBJECT).search(before)
    if not match:
        return []
    start = match.start(1)
    while _preceded_by_preposition(before, start):
        # "Under questioning from ⟦1⟧, ⟦2⟧ testified": the object ends at the comma
        comma = before.find("⟧, ⟦", start, match.end(1))
        if comma < 0:
            return []
        start = comma + 3
    return clause.people(before[start:match.end(1)])


_PREPOSITIONS = re.compile(
    r"\b(?:to|for|from|with|by|of|on|at|about|against|under|than|like|and|or|"
    r"told|urged|asked|called|thanked|praised|criticized|joined|briefed|met)\s*$"
)


def _preceded_by_preposition(text: str, position: int) -> bool:
    before = text[:position]
    if _NEW_SUBJECT_BEFORE.search(before):
        return False  # "lawmakers, led by ⟦1⟧, signed"; "..., and ⟦1⟧ attended": a new subject
    return bool(_PREPOSITIONS.search(before))


def nearest_subject(clause: Clause, position: int) -> list[str]:
    """For a participle (", saying in a statement"): the last list before it that is not an object."""
    before = clause.reduced[:position]
    for match in reversed(list(LIST_PATTERN.finditer(before))):
        if not _preceded_by_preposition(before, match.start()):
            return clause.people(match.group())
    return []


def negated(text: str) -> bool:
    """Whether a stretch between subject and event word denies, plans or supposes the event."""
    return bool(NEGATION.search(text))


_VERB_PHRASE = re.compile(r"((?: (?![A-Z⟦])[\w'’-]+){0,6}),?\s*$")
_CLAUSE_BREAK = {"that", "which", "who", "whom", "because", "when", "while", "but", "after", "before", "as", "if", "whether", "where", "and", "or"}


def subject_of(clause: Clause, position: int) -> list[str]:
    """Subjects of an event phrase at `position`, allowing a short verb phrase between.

    "⟦1⟧ praised the bill in a statement" gives ⟦1⟧; a negated or planned verb
    phrase ("did not sign", "is scheduled to hold") gives nobody.
    """
    before = clause.reduced[:position]
    phrase = _VERB_PHRASE.search(before).group(1)
    if negated(phrase):
        return []
    cut = 0
    for word in [""] + list(reversed(phrase.split(" ")))[:-1]:
        if word in _CLAUSE_BREAK:
            break
        cut += len(word) + (1 if word else 0)
        people = subjects_before(clause, len(before.rstrip(", ")) - cut if cut else position)
        if people:
            return people
    return []


# The helpers below each build a pattern around the phrase an extractor passes in: they
# compile it once per phrase (the phrases are module constants), and return early when
# the sentence lacks a piece of text their pattern cannot match without.

def who_subjects(clause: Clause, event_pattern: str) -> list[tuple[int, list[str]]]:
    """(position, people) for "⟦1⟧, who (also) attended the briefing": relative clauses in the masked text."""
    if " who" not in clause.masked:
        return []
    pattern = _who_pattern(event_pattern)
    return [(m.start(), clause.people(m.group()[: m.group().index("⟧") + 1])) for m in pattern.finditer(clause.masked)]


_HONORIFIC_LIST = r"(?:(?:Sens?\.|Senators?|Reps?\.|Representatives?) )?"


def fronted_subjects(clause: Clause, phrase: str) -> list[tuple[int, list[str]]]:
    """"In a joint statement, ⟦1⟧ and ⟦2⟧ said": a fronted phrase, then the subject list and a verb."""
    if ", ⟦" not in clause.reduced:
        return []
    pattern = _fronted_pattern(phrase)
    return [(m.start(), clause.people(m.group("list"))) for m in pattern.finditer(clause.reduced)]


def from_subjects(clause: Clause, noun: str) -> list[tuple[int, list[str]]]:
    """"A statement from ⟦1⟧", "the letter from ⟦1⟧ and ⟦2⟧": the authors of a thing named by its noun."""
    if "⟦" not in clause.reduced or (" from " not in clause.reduced and " by " not in clause.reduced):
        return []
    pattern = _from_pattern(noun)
    return [(m.start(), clause.people(m.group("list"))) for m in pattern.finditer(clause.reduced)]


def passive_subjects(clause: Clause, noun: str, verbs: str) -> list[tuple[int, list[str]]]:
    """"The statement, signed by ⟦1⟧ and ⟦2⟧, urged": a noun, then "<verb> by" a list, in one clause."""
    if "⟦" not in clause.reduced or " by " not in clause.reduced:
        return []
    found = []
    for match in _passive_pattern(noun, verbs).finditer(clause.reduced):
        if not negated(clause.reduced[match.start():match.start("list")]):
            found.append((match.start(), clause.people(match.group("list"))))
    return found


_COMPANION_WORDS = r"joined by|along with|together with|alongside|with"
_NEW_CLAUSE = re.compile(r"\b(?:which|that|who|but|because|while)\b|[;…]")


def companions_after(clause: Clause, position: int, words: str = _COMPANION_WORDS) -> list[str]:
    """People who did it too, named after the verb: "... introduced it with ⟦2⟧", ", joined by ⟦3⟧"."""
    if "⟦" not in clause.reduced:
        return []
    people = []
    for match in _companions_pattern(words).finditer(clause.reduced[position:]):
        if match.group().startswith("joined by") or not _NEW_CLAUSE.search(clause.reduced[position:position + match.start()]):
            people += clause.people(match.group("list"))
    return people


@lru_cache(maxsize=None)
def _who_pattern(event_pattern: str) -> re.Pattern:
    return re.compile(SLOT + r",? who(?: also| had| has| have)? (?:" + event_pattern + r")")


@lru_cache(maxsize=None)
def _fronted_pattern(phrase: str) -> re.Pattern:
    return re.compile(r"(?:^|[,;] )(?:" + phrase + r")[^⟦…;]{0,60}?, (?P<list>" + LIST + r")" + GAP + r" (?:[a-z]+ )?[a-z]+")


@lru_cache(maxsize=None)
def _from_pattern(noun: str) -> re.Pattern:
    return re.compile(
        r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Tt]heir) (?:[\w-]+ )?(?:" + noun + r") (?:from|by) " + _HONORIFIC_LIST + r"(?P<list>" + LIST + r")"
    )


@lru_cache(maxsize=None)
def _passive_pattern(noun: str, verbs: str) -> re.Pattern:
    return re.compile(r"\b(?:" + noun + r")\b[^⟦…;.]{0,60}?\b(?:" + verbs + r") by " + _HONORIFIC_LIST + r"(?P<list>" + LIST + r")")


@lru_cache(maxsize=None)
def _companions_pattern(words: str) -> re.Pattern:
    return re.compile(r"\b(?:" + words + r") " + _HONORIFIC_LIST + r"(?P<list>" + LIST + r")")
