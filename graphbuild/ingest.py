"""Read input files into Article records; reading only, no cleaning.

Reads any mix of files and folders (folders recursed, hidden entries ignored):

- ``.txt``: line 1 is the headline, the rest is the body.
- ``.html`` / ``.htm``: a saved web page; only its main text counts.
- ``.jsonl``, and ``.json`` holding a list: one article per record with keys
  ``id`` and ``text``, optionally ``title``, ``url``, ``date``, ``source``.

Whatever cannot be read becomes a Skipped record with a reason; only a missing
input path raises.
"""
from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from trafilatura.utils import load_html

from graphbuild.errors import InputError
from graphbuild.model import Article, Skipped

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".jsonl", ".json")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES
OPTIONAL_FIELDS = ("url", "date", "source")


class UnreadableFile(Exception):
    """A file's bytes could not be turned into text (internal: becomes a Skipped)."""


@dataclass(frozen=True)
class InputFile:
    """One file to read, with the identifier its articles get."""

    path: Path
    """The file as the user named it or as found under a folder."""
    article_id: str
    """Path relative to the input folder (POSIX separators), or the file name."""


def read_articles(inputs: Sequence[Path] | Path) -> Iterator[Article | Skipped]:
    """Yield one Article per article found in ``inputs``, or a Skipped saying why not.

    Files come in sorted order of their article id, and a file reached twice
    (named directly and inside a folder, or through a symlink) is read once.

    Raises:
        InputError: an input path does not exist (raised by this call, before
            any file is read).
    """
    if isinstance(inputs, (str, os.PathLike)):  # one path given on its own
        inputs = [Path(inputs)]
    return read_input_files(find_input_files(inputs))


def read_input_files(files: Iterable[InputFile]) -> Iterator[Article | Skipped]:
    """Read each file in turn; an article id seen before is skipped, as ids must be unique."""
    seen_ids: dict[str, str] = {}
    for input_file in files:
        for record in read_file(input_file):
            if isinstance(record, Article) and record.id in seen_ids:
                yield Skipped(str(input_file.path), f"article id {record.id!r} is already used by {seen_ids[record.id]}")
                continue
            if isinstance(record, Article):
                seen_ids[record.id] = str(input_file.path)
            yield record


def find_input_files(inputs: Sequence[Path]) -> list[InputFile]:
    """Expand folders, sort by article id and drop files reached twice."""
    found: list[InputFile] = []
    for given in map(Path, inputs):
        if not given.exists():
            raise InputError(f"input path does not exist: {given}")
        if given.is_dir():
            found.extend(InputFile(path, path.relative_to(given).as_posix()) for path in walk_folder(given))
        else:
            found.append(InputFile(given, given.name))
    found.sort(key=lambda f: (f.article_id, str(f.path)))
    return list(drop_repeated_files(found))


def walk_folder(folder: Path) -> Iterator[Path]:
    """Yield the files under ``folder`` in sorted order, each real folder visited once."""
    visited: set[str] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        real = os.path.realpath(current)
        if real in visited:  # a symlink loop, or two links to one folder
            continue
        visited.add(real)
        try:
            entries = sorted(current.iterdir())
        except OSError:
            continue
        visible = [entry for entry in entries if not entry.name.startswith(".")]
        yield from (entry for entry in visible if not entry.is_dir())
        pending.extend(reversed([entry for entry in visible if entry.is_dir()]))


def drop_repeated_files(files: Iterable[InputFile]) -> Iterator[InputFile]:
    """Keep the first InputFile for each real file on disk."""
    seen: set[str] = set()
    for input_file in files:
        real = os.path.realpath(input_file.path)
        if real not in seen:
            seen.add(real)
            yield input_file


def read_file(input_file: InputFile) -> Iterator[Article | Skipped]:
    """Read one file with the reader its suffix names."""
    path = input_file.path
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"'{suffix}'" if suffix else "(no extension)"
        yield Skipped(str(path), f"unsupported file type {shown} (graphbuild reads {', '.join(SUPPORTED_SUFFIXES)})")
        return
    try:
        content = decode(path.read_bytes())
    except (OSError, UnreadableFile) as error:
        yield Skipped(str(path), f"cannot read file: {error}")
        return
    if not content.strip():
        yield Skipped(str(path), "file is empty")
        return
    if suffix in TEXT_SUFFIXES:
        yield parse_text(content, input_file)
    elif suffix in HTML_SUFFIXES:
        yield parse_html(content, input_file)
    elif suffix == ".jsonl":
        yield from parse_json_lines(content, input_file)
    else:
        yield from parse_json_list(content, input_file)


def decode(data: bytes) -> str:
    """Decode UTF-8 (BOM stripped), UTF-16 with a BOM, else cp1252; newlines become "\\n".

    Raises:
        UnreadableFile: the bytes are binary or no candidate encoding fits.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = decode_as(data, "utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = decode_as(data, "cp1252")
    if "\x00" in text:
        raise UnreadableFile("binary content (NUL bytes), not text")
    # the same newline handling as opening the file in text mode
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"not UTF-8 and not {encoding} text ({error.reason} at byte {error.start})") from None


def parse_text(content: str, input_file: InputFile) -> Article | Skipped:
    """Split a text file into headline (first non-empty line) and body."""
    headline, _, body = content.lstrip().partition("\n")
    if not body.strip():
        return Skipped(str(input_file.path), "no body text: line 1 is read as the headline and nothing follows it")
    return Article(id=input_file.article_id, title=headline.strip(), text=body)


def parse_html(content: str, input_file: InputFile) -> Article | Skipped:
    """Take a saved page's main text and metadata, leaving page chrome behind."""
    # parse once here: trafilatura and htmldate then work on the tree and never
    # mistake a page whose text looks like a URL for an address to download
    tree = load_html(content)
    if tree is None:
        return Skipped(str(input_file.path), "not an HTML page (could not parse it)")
    metadata = trafilatura.extract_metadata(copy.deepcopy(tree))
    title = (metadata.title or "").strip() if metadata else ""
    paragraphs = extract_paragraphs(tree)
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        return Skipped(str(input_file.path), "no article text found in the page")
    return Article(
        id=input_file.article_id,
        title=title,
        text="\n\n".join(paragraphs),
        url=metadata.url if metadata else None,
        date=metadata.date if metadata else None,
        source=metadata.sitename if metadata else None,
    )


def extract_paragraphs(tree: object) -> list[str]:
    """The page's main text, one string per paragraph; escaped markup comes back as literal text."""
    main_text = trafilatura.extract(
        copy.deepcopy(tree),
        output_format="txt",
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=False,
    )
    return [line.strip() for line in (main_text or "").split("\n") if line.strip()]


def parse_json_lines(content: str, input_file: InputFile) -> Iterator[Article | Skipped]:
    """One record per non-blank line; a bad line is skipped and reading goes on."""
    first_lines: dict[str, int] = {}
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            yield Skipped(str(input_file.path), f"not valid JSON: {describe_json_error(error)}", line=number)
            continue
        article = record_to_article(record, input_file, line=number)
        if isinstance(article, Article) and article.id in first_lines:
            yield Skipped(str(input_file.path), f"id {article.id!r} repeats line {first_lines[article.id]}", line=number)
            continue
        if isinstance(article, Article):
            first_lines[article.id] = number
        yield article


def parse_json_list(content: str, input_file: InputFile) -> Iterator[Article | Skipped]:
    """A JSON file holding a list of records."""
    try:
        records = json.loads(content)
    except (json.JSONDecodeError, RecursionError) as error:
        yield Skipped(str(input_file.path), f"not valid JSON: {describe_json_error(error)}")
        return
    if not isinstance(records, list):
        yield Skipped(str(input_file.path), f"expected a JSON list of article records, found {json_type(records)}")
        return
    for number, record in enumerate(records, start=1):
        yield record_to_article(record, input_file, position=number)


def record_to_article(record: object, input_file: InputFile, *, line: int | None = None, position: int | None = None) -> Article | Skipped:
    """Check one JSON record and turn it into an Article."""
    where = f"record {position}: " if position is not None else ""
    problem = record_problem(record)
    if problem:
        return Skipped(str(input_file.path), where + problem, line=line)
    assert isinstance(record, dict)
    extras = {key: record[key] if isinstance(record.get(key), str) else None for key in OPTIONAL_FIELDS}
    title = record.get("title")
    return Article(
        id=f"{input_file.article_id}#{record['id']}",
        title=title.strip() if isinstance(title, str) else "",
        text=record["text"],
        **extras,
    )


def record_problem(record: object) -> str | None:
    """Say what makes a record unusable, or None when it is fine."""
    if not isinstance(record, dict):
        return f"expected a JSON object, found {json_type(record)}"
    missing = [key for key in ("id", "text") if key not in record]
    if missing:
        return f"record has no {' or '.join(repr(key) for key in missing)}"
    record_id = record["id"]
    if isinstance(record_id, bool) or not isinstance(record_id, (str, int)) or not str(record_id).strip():
        return f"'id' must be a non-empty string, found {json.dumps(record_id)[:40]}"
    if not isinstance(record["text"], str):
        return f"'text' must be a string, found {json_type(record['text'])}"
    if not record["text"].strip():
        return "record has empty 'text'"
    return None


def json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def describe_json_error(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at column {error.colno}"
    return "nested too deeply"
