"""The benchmark's corpus generator and runner (bench/): deterministic, every format, readable, full of facts."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # bench/ is a folder of scripts beside the package, not installed
    sys.path.insert(0, str(ROOT))

from bench.generate import FORMATS, generate  # noqa: E402
from graphbuild.clean import clean_article  # noqa: E402
from graphbuild.extract import extract_article  # noqa: E402
from graphbuild.ingest import read_articles  # noqa: E402
from graphbuild.model import Article, Skipped  # noqa: E402

EVENT_KINDS = {"Statement", "Tweet", "Letter", "Bill", "Briefing", "Hearing"}


def corpus_bytes(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(50, folder, seed=7)
    return folder


@pytest.fixture(scope="module")
def articles(corpus) -> list[Article | Skipped]:
    return list(read_articles([corpus]))


def test_bench_generator_same_seed_same_bytes(tmp_path, corpus):
    generate(50, tmp_path / "again", seed=7)
    generate(50, tmp_path / "other", seed=8)
    assert corpus_bytes(tmp_path / "again") == corpus_bytes(corpus)
    assert corpus_bytes(tmp_path / "other") != corpus_bytes(corpus)


def test_bench_generator_writes_every_format(corpus):
    names = [path.name for path in corpus.rglob("*") if path.is_file()]
    for style in ("hill", "ap", "release", "paper"):
        assert any(name.endswith(f"-{style}.txt") for name in names), style
    assert any(name.endswith(".html") for name in names)
    records = list(corpus.rglob("*.jsonl"))
    assert records and all(len(path.read_text().splitlines()) > 1 for path in records)
    assert "articles\t50\nseed\t7\n" in (corpus / ".manifest").read_text()
    assert len(FORMATS) <= 50  # so the first articles went through every format


def test_bench_corpus_reads_back_with_nothing_skipped(articles):
    assert [a for a in articles if isinstance(a, Skipped)] == []
    assert len(articles) == 50
    words = sorted(len(a.text.split()) for a in articles)
    assert 450 <= words[len(words) // 2] <= 800  # ~600-word articles


def test_bench_corpus_yields_every_relation(articles):
    facts = [extract_article(clean_article(a)) for a in articles]
    kinds = Counter(event.kind for f in facts for event in f.events)
    assert EVENT_KINDS <= set(kinds), kinds
    predicates = {assertion.predicate for f in facts for assertion in f.assertions}
    assert {"party", "state", "role", "sponsors", "signedStatement"} <= predicates


def test_bench_hover_cards_are_all_removed_by_cleaning(articles):
    raw = [a.text for a in articles]
    assert sum(" MORE (" in text for text in raw) >= 5  # the corpus does have hover cards
    cleaned = [clean_article(a) for a in articles]
    assert [a.id for a in cleaned if " MORE" in a.text] == []
    assert sum(len(a.aliases) for a in cleaned) >= 5


def test_bench_run_smoke_prints_a_table(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "20", "--skip-slow", "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| measurement | articles | result | compared |" in done.stdout
    for row in ("extraction: graphbuild", "floor: one regex pass", "`graphbuild run` end to end", "Turtle written",
                "store alone", "CPU floor of a run", "queries/person.rq"):
        assert row in done.stdout, row
    assert "- CPU:" in done.stdout and "- Python:" in done.stdout


def test_bench_scaling_reads_every_stage_of_the_run_and_prints_ratios(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "scaling.py"), "--sizes", "10,20", "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| stage | ms/article at 10 | ms/article at 20 | 20 over 10 |" in done.stdout
    for stage in ("extract", "resolve", "turtle", "store", "html", "whole run, wall", "peak memory"):
        assert f"| {stage} | " in done.stdout, stage
