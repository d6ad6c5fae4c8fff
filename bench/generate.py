"""Write a seeded corpus of N generated political news articles in every input format graphbuild reads.

    python bench/generate.py N OUT_DIR [--seed S]

The same N and seed give a byte-identical corpus (and the first N articles of a
bigger corpus are the same articles). Articles are written shard by shard,
SHARD_SIZE article numbers to a folder; each shard's JSON Lines records go to
one ``records.jsonl`` in that folder (several hundred per file). A hidden
``.manifest`` (ignored by graphbuild) counts what was written.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.formats import TEXT_WRITERS, html_page, json_record
from bench.people import Cast, draw_cast
from bench.story import write_story

SHARD_SIZE = 2000
FORMATS = [  # (container, style, weight)
    ("txt", "hill", 28), ("txt", "ap", 16), ("txt", "release", 12), ("txt", "paper", 10),
    ("html", "ap", 2), ("html", "paper", 2), ("html", "digest", 2),
    ("jsonl", "digest", 14), ("jsonl", "ap", 8), ("jsonl", "paper", 6),
]


def pick_format(seed: int, index: int) -> tuple[str, str]:
    """The first articles go through every format once, so even a small corpus has them all."""
    if index < len(FORMATS):
        container, style, _ = FORMATS[index]
        return container, style
    rng = random.Random(f"format:{seed}:{index}")
    container, style, _ = rng.choices(FORMATS, weights=[w for *_, w in FORMATS])[0]
    return container, style


def generate(count: int, out_dir: Path, seed: int = 0) -> Counter:
    """Write `count` articles under `out_dir`; return how many of each (container, style)."""
    cast = draw_cast(seed)
    counts: Counter = Counter()
    for first in range(0, count, SHARD_SIZE):
        shard = out_dir / f"{first // SHARD_SIZE:04d}"
        shard.mkdir(parents=True, exist_ok=True)
        counts += write_shard(cast, seed, range(first, min(first + SHARD_SIZE, count)), shard)
    manifest = "".join(f"{c}\t{s}\t{n}\n" for (c, s), n in sorted(counts.items()))
    (out_dir / ".manifest").write_text(f"articles\t{count}\nseed\t{seed}\n{manifest}", encoding="utf-8")
    return counts


def write_shard(cast: Cast, seed: int, indices: range, shard: Path) -> Counter:
    counts: Counter = Counter()
    with open(shard / "records.jsonl", "w", encoding="utf-8", newline="\n") as records:
        for index in indices:
            container, style = pick_format(seed, index)
            counts[container, style] += 1
            story = write_story(cast, seed, index, style)
            rng = random.Random(f"noise:{seed}:{index}")
            slug = f"story-{index:07d}"
            if container == "jsonl":
                records.write(json_record(story, rng, f"a{index:07d}", slug))
            elif container == "html":
                write(shard / f"{index:07d}-page.html", html_page(story, rng, slug))
            else:
                write(shard / f"{index:07d}-{style}.txt", TEXT_WRITERS[style](story, rng))
    if not counts["jsonl", "digest"] + counts["jsonl", "ap"] + counts["jsonl", "paper"]:
        (shard / "records.jsonl").unlink()  # an empty file would be read as a skipped input
    return counts


def write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, metavar="N", help="how many articles")
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="folder to write (created; must be empty or absent)")
    parser.add_argument("--seed", type=int, default=0, help="same N and seed give the same corpus (default 0)")
    args = parser.parse_args(argv)
    if args.out_dir.exists() and any(args.out_dir.iterdir()):
        parser.error(f"{args.out_dir} is not empty")
    started = time.perf_counter()
    counts = generate(args.count, args.out_dir, args.seed)
    seconds = time.perf_counter() - started
    mix = ", ".join(f"{n} {s}.{c}" for (c, s), n in sorted(counts.items()))
    print(f"wrote {args.count} articles to {args.out_dir} in {seconds:.1f} s ({mix})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
