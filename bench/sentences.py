"""Sentence templates: one list per relation graphbuild extracts, distractors, quotes and filler.

Each template is a function of the article context (``Ctx``) and the people
it names; names go through ``ctx.voice`` so first and later mentions come out
right for the article's style. Wording varies on purpose: several phrasings
per relation, not one template repeated.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.people import Person
from bench.pools import MONTHS, ORGANISATIONS, OUTLETS, WEEKDAYS
from bench.voice import Voice


@dataclass
class Ctx:
    """What one article is about."""

    rng: random.Random
    voice: Voice
    topic: str
    bill: str
    purpose: str
    committee: str
    state: str
    """A state the story is set in, for filler."""
    decks: dict = field(default_factory=dict)
    """Sentences left to draw per pool: an article does not repeat one until it has used them all."""

    def draw(self, pool: list[str]) -> str:
        deck = self.decks.get(id(pool))
        if not deck:
            deck = self.decks[id(pool)] = self.rng.sample(pool, len(pool))
        return deck.pop()

    def day(self) -> str:
        return self.rng.choice(WEEKDAYS)

    def month(self) -> str:
        return self.rng.choice(MONTHS)

    def n(self, person: Person) -> str:
        return self.voice.name(person)

    def ns(self, people: list[Person]) -> str:
        return self.voice.names(people)


CLAIMS = [
    "the plan would leave {state} families paying more", "the administration had ignored warnings about {topic}",
    "Congress could no longer wait on {topic}", "the agreement was a good first step", "the rule went too far",
    "the vote showed both parties could still work together", "the delay was costing {state} jobs",
    "the agency owed the public a full accounting", "the deal fell short on {topic}", "the ruling should be appealed",
]

QUOTES = [
    "We can argue about the details, but we cannot keep pretending {topic} will fix itself",
    "People in {state} have waited long enough, and they are watching what we do next",
    "This is not a partisan issue. Every one of us has constituents who are hurting",
    "I have read the report twice, and I still do not see a plan",
    "If the agency needs more money, it should come to us and say so",
    "Nobody I talk to at home thinks the current system is working",
    "We owe it to taxpayers to get this right the first time",
    "There is a deal to be had here, but not at any price",
    "The numbers speak for themselves. The status quo is failing",
    "I am not going to vote for something I have not been allowed to read",
]

FILLER = [
    "Lawmakers have debated {topic} for years without reaching agreement, and several earlier efforts stalled in committee.",
    "Supporters say the changes would help millions of people, while critics warn the cost could top ${num} billion over a decade.",
    "The Congressional Budget Office has not yet released an estimate, and aides said one was expected by {month}.",
    "Advocacy groups have spent heavily on advertising in {state}, where polls show voters split on the question.",
    "The issue has taken on new urgency since {month}, when a federal report found gaps in oversight of {topic}.",
    "A similar proposal passed the House two years ago but never received a vote in the Senate.",
    "Industry groups have lobbied against parts of the plan, arguing that compliance costs would fall on small businesses.",
    "The chamber is expected to take up several spending measures before the end of the month, crowding the calendar.",
    "Governors from both parties have asked Congress for more flexibility in how federal money for {topic} is spent.",
    "Roughly {num} percent of respondents in a recent survey said {topic} should be a top priority for Congress.",
    "Negotiations continued late into the evening, according to aides familiar with the talks who were not authorized to speak publicly.",
    "The White House has signaled openness to a compromise but has not endorsed any specific proposal.",
    "Several rank-and-file members said they had not been briefed on the details and wanted more time to review the text.",
    "Analysts said the outcome could shape the debate over {topic} heading into next year's elections.",
    "State officials in {state} said they had already begun preparing for changes in federal rules.",
    "Outside experts cautioned that the effects would take years to show up in official statistics.",
    "The last major overhaul in this area was signed into law more than a decade ago.",
    "Committee staff have held more than {num} meetings with stakeholders since the start of the year.",
    "Some economists argue the plan would have little effect, while others predict significant savings for consumers.",
    "The debate has exposed divisions within both parties, with moderates and progressives pulling in different directions.",
    "Local officials said the delay had already forced them to postpone projects and cut back on hiring.",
    "It was not immediately clear whether leadership would allow a vote before the August recess.",
]


def capitalized(text: str) -> str:
    return text[0].upper() + text[1:]


def claim(ctx: Ctx) -> str:
    return ctx.draw(CLAIMS).format(topic=ctx.topic, state=ctx.state)


def quote(ctx: Ctx) -> str:
    return ctx.draw(QUOTES).format(topic=ctx.topic, state=ctx.state)


GROUPS = [
    "Supporters", "Critics", "Industry groups", "Budget analysts", "Aides in both parties", "Local officials in {state}",
    "Advocates", "Several governors", "Economists", "Consumer groups", "Union leaders", "Small-business owners",
    "Watchdog groups", "Former regulators", "Conservative think tanks", "Progressive activists",
]
CLAIMED = [
    "say the plan would ease pressure on families in {state}", "warn that the cost of {topic} could top ${num} billion",
    "have pressed Congress for months to act on {topic}", "argue the current rules are outdated",
    "have questioned whether the agency can enforce the new requirements", "expect the fight over {topic} to return next year",
    "say the proposal does not go far enough", "worry that the changes would fall hardest on rural areas",
    "point to a rise of {num} percent in complaints since {month}", "have asked for hearings before any vote",
    "say a compromise is within reach", "doubt the measure can pass before the recess",
    "have urged the White House to weigh in", "note that similar rules took years to write",
]


def filler(ctx: Ctx) -> str:
    """A name-free background sentence: a fixed one or a group plus a claim."""
    if ctx.rng.random() < 0.4:
        text = ctx.draw(FILLER)
    else:
        text = f"{ctx.draw(GROUPS)} {ctx.draw(CLAIMED)}."
    return text.format(topic=ctx.topic, state=ctx.state, month=ctx.month(), num=ctx.rng.randint(12, 90))


def quoted(ctx: Ctx, person: Person) -> str:
    verb = ctx.rng.choice(["said", "added", "said later"])
    return f'"{quote(ctx)}," {ctx.n(person)} {verb}.'


# ---- relations: each takes (ctx, legislators) and returns one or two sentences ----

STATEMENTS = [
    lambda c, p: f"{c.n(p[0])} said in a statement that {claim(c)}.",
    lambda c, p: f"{c.ns(p[:2])} said in a joint statement that {claim(c)}.",
    lambda c, p: f"In a joint statement on {c.day()}, {c.ns(p[:3])} said {claim(c)}.",
    lambda c, p: f"{c.ns(p[:3])} released the following joint statement after the vote: \"{quote(c)}.\"",
    lambda c, p: f"{c.n(p[0])} praised the decision in a statement released by {p[0].possessive} office.",
    lambda c, p: f"{c.n(p[0])} criticized the move, saying in a statement that {claim(c)}.",
]

TWEETS = [
    lambda c, p: f"{c.n(p[0])} tweeted that {claim(c)}.",
    lambda c, p: f"{c.n(p[0])} wrote on X that {claim(c)}.",
    lambda c, p: f"{c.n(p[0])} said in a post on X that {claim(c)}.",
    lambda c, p: f"{c.n(p[0])} took to Twitter to criticize the proposal.",
    lambda c, p: f"{c.n(p[0])} mocked the plan, tweeting a photo of an empty committee room.",
    lambda c, p: f"Shortly after the vote, {c.n(p[0])} wrote on Twitter that {claim(c)}.",
]

LETTERS = [
    lambda c, p, o: f"{c.ns(p[:2])} sent a letter to {c.n(o)} on {c.day()} urging a review of {c.topic}.",
    lambda c, p, o: f"Last week {c.n(p[0])} wrote to {c.n(o)} urging {o.possessive} department to act on {c.topic}.",
    lambda c, p, o: f"{c.ns(p[:3])} signed a letter to {c.n(o)} asking for documents on {c.topic}.",
    lambda c, p, o: f"{c.n(p[0])} sent a letter to {c.n(o)} demanding answers about {c.topic} by the end of the month.",
]

BILLS = [
    lambda c, p: f"{c.n(p[0])} and {c.n(p[1])} on {c.day()} introduced the {c.bill}, which would {c.purpose}.",
    lambda c, p: f"The {c.bill}, sponsored by {c.n(p[0])}, would {c.purpose}.",
    lambda c, p: f"The {c.bill} was introduced by {c.n(p[0])} and is cosponsored by {c.ns(p[1:3])}.",
    lambda c, p: f"{c.n(p[0])} introduced the {c.bill} in {c.month()} alongside {c.n(p[1])}. The measure would {c.purpose}.",
    lambda c, p: f"{c.n(p[0])} introduced the {c.bill} on {c.day()}. {c.n(p[1])} is a cosponsor of the {c.bill}.",
    lambda c, p: f"{c.ns(p[:2])} are also cosponsoring the {c.bill}, which would {c.purpose}.",
]

BRIEFINGS = [
    lambda c, p, o: f"{c.n(o)} briefed senators on {c.day()} about {c.topic}. {c.n(p[0])}, who attended the briefing, said {claim(c)}.",
    lambda c, p, o: f"{c.n(p[0])} told a news conference on {c.day()} that {claim(c)}.",
    lambda c, p, o: f"{c.n(p[0])} and {c.n(p[1])} appeared together at a press conference in the Capitol to promote the effort.",
    lambda c, p, o: f"The briefing was hosted by {c.n(p[0])}, who chairs the {c.committee}.",
    lambda c, p, o: f"{c.n(o)} held a press conference on {c.day()} alongside {c.n(p[0])} to announce new guidance on {c.topic}.",
]

HEARINGS = [
    lambda c, p, o, w: f"{c.n(o)} testified before the {c.committee} on {c.day()}.",
    lambda c, p, o, w: f"{c.n(w)} testified before the {c.committee} on {c.day()}, defending the company's record on {c.topic}.",
    lambda c, p, o, w: f"Under questioning from {c.n(p[0])}, {c.n(o)} testified before the {c.committee} that the agency needed more staff.",
    lambda c, p, o, w: f"{c.n(w)}, who testified before the {c.committee} last {c.month()}, did not respond to a request for comment.",
]

# ---- distractors: look like relations, state none ----

DISTRACTORS = [
    lambda c, p, o: f'"{quote(c)}," {c.n(p[0])} told reporters.',
    lambda c, p, o: f"{c.n(p[0])} said in an interview with {c.rng.choice(OUTLETS)} that {claim(c)}.",
    lambda c, p, o: f"{c.n(p[0])} defended the proposal in a floor speech on {c.day()}.",
    lambda c, p, o: f"{c.n(o)} declined the committee's invitation to testify.",
    lambda c, p, o: f"{c.n(p[0])} said {p[0].pronoun} supports the measure but has not signed on to it.",
    lambda c, p, o: f"{c.n(p[0])} voted for the {c.bill} and said {p[0].pronoun} would do so again.",
    lambda c, p, o: f"A spokesman for {c.n(p[0])} said in a statement that {claim(c)}.",
    lambda c, p, o: f"{c.n(o)} is scheduled to hold a news conference next {c.day()}.",
    lambda c, p, o: f"{c.n(p[0])} was not invited to the briefing.",
    lambda c, p, o: f"{c.n(p[0])} offered two amendments to the {c.bill}, both of which failed.",
    lambda c, p, o: f"{capitalized(c.rng.choice(ORGANISATIONS))} said in a statement that {claim(c)}.",
    lambda c, p, o: f"{c.n(p[0])}, who did not sign the statement, said {p[0].pronoun} had concerns about the cost.",
    lambda c, p, o: f"{c.n(p[0])} posted a video on TikTok urging viewers to call their representatives.",
]
