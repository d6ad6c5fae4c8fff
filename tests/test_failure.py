"""Failure: a run killed or failing never loses or half-writes an output; same input, same bytes.

File order and hash seed are covered in test_pipeline.py; here are killing a
real run mid-write, failed runs, locale and the number of worker processes.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from graphbuild import files
from graphbuild.api import BuildConfig, run
from graphbuild.cli import app
from graphbuild.errors import OutputError
from graphbuild.files import write_atomically

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("graph.ttl", "graph.html", "articles.jsonl")
runner = CliRunner()

FIRST = ["Jane", "Tom", "Ana", "Max", "Ruth", "Omar", "Lena", "Paul", "Iris", "Hugo", "Nora", "Ivan"]
LAST = ["Holloway", "Reyes", "Lind", "Dunn", "Okafor", "Brandt", "Sato", "Quist", "Marsh", "Vega", "Pike", "Lowe"]
STATES = [("D", "Ore."), ("R", "Ariz."), ("D", "Minn."), ("R", "Ohio"), ("D", "Md."), ("R", "Kan.")]


def generate_corpus(folder: Path, count: int, seed: int = 7) -> Path:
    """`count` short articles naming people from a small pool, each stating a few relations."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        a, b, c = rng.sample([f"{f} {l}" for f in FIRST for l in LAST], 3)
        (pa, sa), (pb, sb) = rng.sample(STATES, 2)
        body = (
            f"Sen. {a} ({pa}-{sa}) and Sen. {b} ({pb}-{sb}) introduced the Clean Water Act {number} on Monday. "
            f"{a.split()[1]} said in a statement that the bill was overdue.\n\n"
            f"Rep. {c} ({pb}-{sb}) tweeted that the vote would be close, and {b.split()[1]} sent a letter to the "
            f"Department of Energy urging a review.\n"
        )
        (folder / f"article-{number:04d}.txt").write_text(f"Report {number}\n{body}", encoding="utf-8")
    return folder


def graphbuild_run(inputs: Path, out: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graphbuild", "run", str(inputs), "--out", str(out), *extra],
                          capture_output=True, text=True, env=env, timeout=600)


def output_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


# ---- killed mid-write -----------------------------------------------------------------------------


def _kill_when(process: subprocess.Popen, out: Path, rng: random.Random, during_write: bool, run_seconds: float) -> None:
    """SIGKILL the run: just after an output's temp file appears, or at a random moment of the run."""
    if during_write:
        deadline = time.monotonic() + run_seconds * 5 + 10
        while time.monotonic() < deadline and process.poll() is None:
            if any(name.endswith(".tmp") and name.startswith((".graph", ".articles")) for name in os.listdir(out)):
                break
            time.sleep(0.0005)
        time.sleep(rng.uniform(0, 0.01))
    else:
        time.sleep(rng.uniform(0, run_seconds))
    process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.mark.slow
def test_failure_run_killed_at_any_moment_leaves_old_or_new_outputs_whole(tmp_path):
    corpus = generate_corpus(tmp_path / "in", 120)
    old_in = tmp_path / "old-in"
    old_in.mkdir()
    for path in sorted(corpus.iterdir())[:30]:
        shutil.copy(path, old_in)
    assert graphbuild_run(old_in, tmp_path / "old", "--keep-text").returncode == 0
    started = time.monotonic()
    assert graphbuild_run(corpus, tmp_path / "new", "--keep-text").returncode == 0
    run_seconds = time.monotonic() - started
    old, new = output_bytes(tmp_path / "old"), output_bytes(tmp_path / "new")
    assert sorted(old) == sorted(new) == sorted(OUTPUTS) and all(old[n] != new[n] for n in OUTPUTS)

    out, rng, outcomes = tmp_path / "out", random.Random(2024), []
    for trial in range(6):
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(tmp_path / "old", out, ignore=shutil.ignore_patterns(".cache"))
        if trial % 3 != 1:
            shutil.copytree(tmp_path / "new" / ".cache", out / ".cache")  # a warm cache: the run is mostly writing
        process = subprocess.Popen([sys.executable, "-m", "graphbuild", "run", str(corpus), "--out", str(out), "--keep-text"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _kill_when(process, out, rng, during_write=trial % 2 == 0, run_seconds=run_seconds)
        now = output_bytes(out)
        for name in OUTPUTS:
            assert now.get(name) in (old[name], new[name]), f"trial {trial}: {name} is neither the old nor the new file"
        Graph().parse(data=now["graph.ttl"].decode("utf-8"), format="turtle")
        outcomes.append(tuple(now[name] == new[name] for name in OUTPUTS))
    # the kills landed before, between and after the writes, not all at one moment
    assert len(set(outcomes)) >= 2, outcomes
    # whatever the killed runs left in the cache, a full run then writes exactly the new outputs
    assert graphbuild_run(corpus, out, "--keep-text").returncode == 0
    assert output_bytes(out) == new


def test_failure_write_is_flushed_to_disk_before_the_rename(tmp_path, monkeypatch):
    order = []
    monkeypatch.setattr(files.os, "fsync", lambda fd: order.append("fsync"))
    real_replace = files.os.replace
    monkeypatch.setattr(files.os, "replace", lambda a, b: (order.append("replace"), real_replace(a, b)))
    write_atomically(tmp_path / "graph.ttl", "text")
    assert order == ["fsync", "replace"]


# ---- a failed run keeps the previous outputs, and says so ---------------------------------------------


@pytest.fixture
def previous(tmp_path) -> dict[str, bytes]:
    run([ROOT / "seeds"], tmp_path / "out", BuildConfig(workers=1, keep_text=True))
    return output_bytes(tmp_path / "out")


def test_failure_nothing_readable_keeps_previous_outputs_and_says_so(tmp_path, previous):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "blank.txt").write_text("   \n")
    result = runner.invoke(app, ["run", str(tmp_path / "empty"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == (f"error: no article could be read from {tmp_path / 'empty'} (1 skipped: file is empty) "
                             f"(nothing written, {tmp_path / 'out'} left as it was)\n")
    assert output_bytes(tmp_path / "out") == previous


def test_failure_output_folder_that_is_a_file_is_one_line_not_a_traceback(tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder")
    result = runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path / "taken" / "out")])
    assert result.exit_code == 1
    assert result.output == (f"error: cannot write {tmp_path / 'taken' / 'out' / 'graph.ttl'}: Not a directory "
                             "(the previous graph.ttl, if any, is left as it was)\n")


def test_failure_disk_full_while_writing_the_page_keeps_the_previous_page(tmp_path, previous, monkeypatch):
    real_replace = files.os.replace

    def full_disk(source, target):
        if str(target).endswith("graph.html"):
            raise OSError(28, "No space left on device")
        return real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", full_disk)
    result = runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 1
    assert result.output == (f"error: cannot write {tmp_path / 'out' / 'graph.html'}: No space left on device "
                             "(the previous graph.html, if any, is left as it was)\n")
    assert output_bytes(tmp_path / "out")["graph.html"] == previous["graph.html"]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_failure_output_error_is_still_an_os_error():
    assert issubclass(OutputError, OSError)  # callers catching OSError around writes keep working


# ---- same input, same bytes ------------------------------------------------------------------------

LOCALES = [
    {"LC_ALL": "C.UTF-8"},
    {"LC_ALL": "C"},
    {"LC_ALL": "POSIX", "LANG": ""},
    # a true ASCII locale: no PEP 538 coercion, no UTF-8 mode; file names come as surrogates
    {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
]


def _unicode_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "café 中.txt").write_text("Café vote\nSen. José Núñez (D-N.M.) said in a statement that the café bill "
                                        "was overdue.\n", encoding="utf-8")
    (folder / "ärger.jsonl").write_text('{"id": "ü1", "title": "Straße", "text": "Rep. Zoë Ångström (R-Ohio) tweeted '
                                        'that the vote was a disgrace."}\n', encoding="utf-8")
    (folder / os.fsdecode(b"caf\xe9-latin1.txt")).write_text("Old name\nSen. Tom Reyes (R-Ariz.) tweeted that "
                                                             "it was over.\n", encoding="utf-8")
    return folder


def test_failure_output_does_not_depend_on_the_locale(tmp_path):
    corpus = _unicode_corpus(tmp_path / "in")
    outputs = set()
    for number, settings in enumerate(LOCALES):
        env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG", "PYTHONUTF8"))}
        done = graphbuild_run(corpus, tmp_path / f"out{number}", "--keep-text", env={**env, **settings})
        assert done.returncode == 0, (settings, done.stderr)
        assert done.stdout.startswith("3 articles read, 0 skipped; 3 people"), done.stdout
        outputs.add(tuple(sorted(output_bytes(tmp_path / f"out{number}").items())))
    assert len(outputs) == 1
    turtle = dict(next(iter(outputs)))["graph.ttl"].decode("utf-8")
    assert '"café-latin1.txt"' in turtle and '"café 中.txt"' in turtle


def test_failure_page_does_not_depend_on_hash_seed_when_the_view_leaves_people_out(tmp_path):
    corpus = generate_corpus(tmp_path / "in", 30)
    pages = set()
    for seed in ("0", "1", "2"):
        done = graphbuild_run(corpus, tmp_path / f"out{seed}", "--max-people", "5", env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        pages.add((tmp_path / f"out{seed}" / "graph.html").read_bytes())
    assert len(pages) == 1


def _has_workers_option() -> bool:
    result = runner.invoke(app, ["run", "--help"], terminal_width=200)
    return "--workers" in result.output


@pytest.mark.skipif(not _has_workers_option(), reason="`graphbuild run --workers` does not exist yet")
def test_failure_output_does_not_depend_on_the_number_of_workers(tmp_path):
    corpus = generate_corpus(tmp_path / "in", 60)
    (corpus / "bad.txt").write_bytes(b"%PDF-1.4")  # a skipped input among them, too
    outputs, stderr = set(), set()
    for workers in ("1", "2", "4"):
        done = graphbuild_run(corpus, tmp_path / f"out{workers}", "--keep-text", "--workers", workers)
        assert done.returncode == 3, done.stderr
        outputs.add(tuple(sorted(output_bytes(tmp_path / f"out{workers}").items())))
        stderr.add(done.stderr)
    assert len(outputs) == 1 and len(stderr) == 1
