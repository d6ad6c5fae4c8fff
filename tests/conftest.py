"""Shared fixtures: facts of a sentence, the shared/ folder beside the checkout."""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from graphbuild.clean import clean_article
from graphbuild.extract import extract_article
from graphbuild.model import Article, Event

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def shared() -> Path:
    """../shared beside the checkout; tests that need it skip where it is absent."""
    if not (SHARED / "devset").is_dir():
        pytest.skip(f"{SHARED} is absent: the dev set and seed gold come from ../shared beside the checkout")
    return SHARED


SMALL_STORY = (
    "Headline {n}\n\nSen. Jane Holloway (D-Ore.) and Sen. Tom Reyes{n} (R-Ariz.) introduced the Water {n} Act. "
    "Rep. Ana Lind (D-Minn.) said in a statement that she opposed it.\n"
)


def write_small_corpus(folder: Path, count: int = 12, *, with_pdf: bool = False) -> Path:
    """`count` .txt articles and a .jsonl of five more, each naming different people; optionally a .pdf to skip."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"a{n:02d}.txt").write_text(SMALL_STORY.format(n=n), encoding="utf-8")
    records = [{"id": f"r{n}", "text": SMALL_STORY.format(n=100 + n)} for n in range(5)]
    (folder / "digest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    if with_pdf:
        (folder / "notes.pdf").write_bytes(b"%PDF-1.4")  # a Skipped record must name the file as the user did
    return folder


def facts_of(text: str, title: str = "") -> set[tuple]:
    """Every fact extraction finds in `text`, as comparable tuples.

    ("signedStatement", "Jane Doe") for event participation,
    ("cosponsors", "A", "B") for two sponsors of one bill (names sorted),
    ("party", "Jane Doe", "D") and the like for attributes.
    """
    facts = extract_article(clean_article(Article(id="t.txt", title=title, text=text)))
    found: set[tuple] = set()
    sponsors: dict[str, list[str]] = {}
    for assertion in facts.assertions:
        if isinstance(assertion.object, Event):
            found.add((assertion.predicate, assertion.subject))
            if assertion.predicate == "sponsors":
                sponsors.setdefault(assertion.object.key, []).append(assertion.subject)
        else:
            found.add((assertion.predicate, assertion.subject, assertion.object))
    for names in sponsors.values():
        found.update(("cosponsors", *pair) for pair in itertools.combinations(sorted(names), 2))
    return found
