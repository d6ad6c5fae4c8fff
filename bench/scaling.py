"""Does any stage of `graphbuild run` grow worse than linearly? (issue 4: 100,000 articles)

    python bench/scaling.py --sizes 10000,100000 [--workdir /tmp/graphbuild-bench]

Runs `graphbuild run CORPUS --out DIR --rebuild` on a generated corpus of each
size (the first N articles of one seeded corpus, so a bigger corpus contains
the smaller), reads the seconds of each stage from the summary line the
command prints, and prints one markdown table: each stage's milliseconds per
article at every size, and the ratio of the biggest size's to the smallest's
(1.0 = linear; above 1.0, the stage costs more per article at the bigger
size). Wall time, CPU time and peak memory of each run come from os.wait4.
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import endtoend as e2e
from bench.machine import describe_machine
from bench.run import corpus_for

STAGE = re.compile(r"(\w+) ([\d.]+) s")
STAGES_LINE = re.compile(r"triples in [\d.]+ s \((.*)\)")


def stage_seconds(output: str) -> dict[str, float]:
    """{"extract": 12.1, ...} from the summary line of `graphbuild run`.

    >>> stage_seconds("9 triples in 2.0 s (extract 1.5 s, resolve 0.1 s)")
    {'extract': 1.5, 'resolve': 0.1}
    """
    found = STAGES_LINE.search(output)
    return {stage: float(seconds) for stage, seconds in STAGE.findall(found.group(1))} if found else {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/graphbuild-bench"))
    parser.add_argument("--timeout", type=float, default=4 * 3600)
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    rows: dict[int, tuple[e2e.Measured, dict[str, float]]] = {}
    for size in sizes:
        corpus = corpus_for(size, args.seed, args.workdir)
        out = args.workdir / f"scaling-out-{size}"
        shutil.rmtree(out, ignore_errors=True)
        measured = e2e.run_graphbuild(corpus, out, args.workdir / f"scaling-{size}.log", args.timeout, "--rebuild")
        if not measured.ok:
            print(f"graphbuild run failed on {size:,} articles (exit {measured.status}):\n{measured.output[-2000:]}", file=sys.stderr)
            return 1
        rows[size] = measured, stage_seconds(measured.output)
        print(f"  {size:,} articles: {measured.seconds:.1f} s, {measured.peak_kib / 2**20:.2f} GiB peak", file=sys.stderr, flush=True)
    print("\n".join(f"- {what}: {value}" for what, value in describe_machine() if what != "spaCy"))
    print()
    print(table(sizes, rows))
    return 0


def table(sizes: list[int], rows: dict) -> str:
    """Milliseconds per article of each stage at each size, and the biggest size's over the smallest's."""
    stages = list(dict.fromkeys(stage for size in sizes for stage in rows[size][1]))
    head = "| stage | " + " | ".join(f"ms/article at {size:,}" for size in sizes) + f" | {sizes[-1]:,} over {sizes[0]:,} |"
    lines = [head, "|---" * (len(sizes) + 2) + "|"]
    for stage in stages:
        per_article = [rows[size][1].get(stage, 0.0) * 1000 / size for size in sizes]
        ratio = f"{per_article[-1] / per_article[0]:.2f}" if per_article[0] else "-"
        lines.append(f"| {stage} | " + " | ".join(f"{ms:.2f}" for ms in per_article) + f" | {ratio} |")
    for what, value in (("wall", lambda m: m.seconds), ("CPU", lambda m: m.cpu_seconds)):
        per_article = [value(rows[size][0]) * 1000 / size for size in sizes]
        lines.append(f"| whole run, {what} | " + " | ".join(f"{ms:.2f}" for ms in per_article)
                     + f" | {per_article[-1] / per_article[0]:.2f} |")
    lines.append("| peak memory | " + " | ".join(f"{rows[size][0].peak_kib / 2**20:.2f} GiB" for size in sizes) + " | |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
