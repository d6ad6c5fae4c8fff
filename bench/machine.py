"""Describe the machine a benchmark ran on: CPU, cores, memory, Python, package versions."""
from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PACKAGES = ("graphbuild", "rdflib", "trafilatura", "networkx", "pyvis", "pyoxigraph", "oxrdflib", "dask", "distributed", "playwright")
CHROMIUM = "/usr/bin/chromium"


def describe_machine(spacy_versions: str = "") -> list[tuple[str, str]]:
    """(what, value) pairs, in display order."""
    return [
        ("CPU", cpu_model()),
        ("cores", f"{os.cpu_count()} ({len(os.sched_getaffinity(0))} usable)" if hasattr(os, "sched_getaffinity") else str(os.cpu_count())),
        ("RAM", memory_total()),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        ("packages", ", ".join(package_versions(PACKAGES))),
        ("spaCy", spacy_versions or "not measured"),
        ("Chromium", chromium_version()),
        ("graphbuild commit", git_commit()),
    ]


def cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def memory_total() -> str:
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    return "unknown"


def package_versions(names) -> list[str]:
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return found


def chromium_version() -> str:
    if not Path(CHROMIUM).exists():
        return "not installed"
    return _output([CHROMIUM, "--version"]) or "installed (version unknown)"


def git_commit() -> str:
    root = Path(__file__).resolve().parent.parent
    commit = _output(["git", "-C", str(root), "rev-parse", "--short", "HEAD"])
    dirty = _output(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"])
    return f"{commit}{' + uncommitted changes' if dirty else ''}" if commit else "unknown"


def _output(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip().splitlines()[-1] if done.returncode == 0 and done.stdout.strip() else ""


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""
