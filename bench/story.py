"""Compose one article: a cast, a few events stated in varied wording, distractors and background.

``write_story`` depends only on (cast, seed, index), so any article of a corpus
can be regenerated alone and the corpus comes out the same in any order.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from bench import sentences as S
from bench.people import Cast, Person, draw_witness
from bench.pools import COMMITTEES, SURNAMES, TOPICS
from bench.voice import Voice, tidy

EVENT_CHANCES = {"statement": 0.65, "tweet": 0.5, "letter": 0.5, "bill": 0.65, "briefing": 0.55, "hearing": 0.5}
MIN_EVENTS = 3
HEADLINES = [
    "{a}, {b} push {topic} bill as deadline nears", "Senators clash over {topic} as talks drag on",
    "{a} presses administration on {topic}", "New fight over {topic} tests bipartisan deal",
    "{a} and {b} team up on {topic}", "What's next for {topic} after a tense week on Capitol Hill",
    "Bipartisan group unveils plan on {topic}", "{a} demands answers on {topic}",
]
FIRST_DAY = date(2017, 1, 2)


@dataclass(frozen=True)
class Story:
    """One generated article before it is given a file format."""

    style: str
    headline: str
    paragraphs: tuple[str, ...]
    date: str
    people: tuple[Person, ...]
    """Everyone the article names, for a Tags line."""


def write_story(cast: Cast, seed: int, index: int, style: str) -> Story:
    rng = random.Random(f"article:{seed}:{index}")
    topic, stem, purpose, sector = rng.choice(TOPICS)
    legislators = pick_distinct(rng, cast.legislators, rng.randint(3, 6))
    officials = pick_distinct(rng, cast.officials, 2, avoid={p.surname for p in legislators})
    witness = draw_witness(rng, sector)
    voice = Voice(style, rng, topic, SURNAMES)
    bill = f"{stem} Act" + (f" of {2017 + index % 8}" if rng.random() < 0.2 else "")
    ctx = S.Ctx(rng, voice, topic, bill, purpose, rng.choice(COMMITTEES), rng.choice(legislators).state[0])
    paragraphs = [tidy(p) for p in event_paragraphs(ctx, legislators, officials, witness)]
    add_background(ctx, paragraphs, target=rng.randint(560, 660))
    a, b = (p.surname for p in legislators[:2])
    headline = rng.choice(HEADLINES).format(a=a, b=b, topic=topic)
    day = FIRST_DAY + timedelta(days=rng.randrange(2900))
    people = tuple(legislators + officials + [witness])
    return Story(style, headline[0].upper() + headline[1:], tuple(paragraphs), day.isoformat(), people)


def pick_distinct(rng: random.Random, pool, count: int, avoid: set[str] = frozenset()) -> list[Person]:
    """`count` people with different surnames, so a bare surname names one person."""
    chosen, surnames = [], set(avoid)
    while len(chosen) < count:
        person = rng.choice(pool)
        if person.surname not in surnames:
            chosen.append(person)
            surnames.add(person.surname)
    return chosen


def event_paragraphs(ctx: S.Ctx, legislators: list[Person], officials: list[Person], witness: Person) -> list[str]:
    rng = ctx.rng
    kinds = [kind for kind, chance in EVENT_CHANCES.items() for _ in range(2) if rng.random() < chance]
    for kind in rng.sample(list(EVENT_CHANCES), len(EVENT_CHANCES)):
        if len(kinds) < MIN_EVENTS and kind not in kinds:
            kinds.append(kind)
    rng.shuffle(kinds)
    if ctx.voice.style == "release":  # a release opens with its joint statement
        kinds = ["release"] + [k for k in kinds if k != "statement"]
    blocks = kinds + ["distractor"] * rng.randint(2, 4)
    blocks = blocks[:1] + rng.sample(blocks[1:], len(blocks) - 1)
    return [paragraph(ctx, kind, rng.sample(legislators, len(legislators)), rng.choice(officials), witness) for kind in blocks]


WRITERS = {  # kind -> one sentence stating it (or, for "distractor", seeming to)
    "release": lambda c, p, o, w: f"WASHINGTON – {S.STATEMENTS[3](c, p)}",
    "statement": lambda c, p, o, w: c.rng.choice(S.STATEMENTS)(c, p),
    "tweet": lambda c, p, o, w: c.rng.choice(S.TWEETS)(c, p),
    "letter": lambda c, p, o, w: c.rng.choice(S.LETTERS)(c, p, o),
    "bill": lambda c, p, o, w: c.rng.choice(S.BILLS)(c, p),
    "briefing": lambda c, p, o, w: c.rng.choice(S.BRIEFINGS)(c, p, o),
    "hearing": lambda c, p, o, w: c.rng.choice(S.HEARINGS)(c, p, o, w),
    "distractor": lambda c, p, o, w: c.rng.choice(S.DISTRACTORS)(c, p, o),
}


def paragraph(ctx: S.Ctx, kind: str, people: list[Person], official: Person, witness: Person) -> str:
    """The sentence for `kind`, then maybe a quote and some background."""
    rng = ctx.rng
    sentence = WRITERS[kind](ctx, people, official, witness)
    if kind == "release":
        return sentence
    follow = rng.random()
    if follow < 0.4:
        return f"{sentence} {S.quoted(ctx, people[0])}"
    if follow < 0.6:
        return f"{sentence} {S.quoted(ctx, people[0])} {S.filler(ctx)}"
    if follow < 0.85:
        return f"{sentence} {S.filler(ctx)}"
    return sentence


def add_background(ctx: S.Ctx, paragraphs: list[str], target: int) -> None:
    """Insert name-free background paragraphs after the lead until the article reaches `target` words."""
    words = sum(len(p.split()) for p in paragraphs)
    while words < target:
        text = " ".join(S.filler(ctx) for _ in range(ctx.rng.randint(1, 3)))
        paragraphs.insert(ctx.rng.randint(1, len(paragraphs)), text)
        words += len(text.split())
