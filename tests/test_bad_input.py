"""Bad input: a clear reason for each bad file, and the rest of the run goes on.

Formats, encodings and JSON Lines errors one by one are in test_ingest.py;
here are the cases that need size, depth, many files or the whole pipeline.
"""
from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild import ingest
from graphbuild.api import build
from graphbuild.cli import EXIT_SKIPPED, app
from graphbuild.clean import clean_article
from graphbuild.extract import extract_article
from graphbuild.ingest import read_articles
from graphbuild.model import Article, Skipped
from graphbuild.rdf import to_turtle

GOOD = "Water deal\n\nSen. Jane Holloway (D-Ore.) said in a statement that the water bill was overdue.\n"
FACT = "Sen. Tom Reyes (R-Ariz.) said in a statement that the vote would be close."
PROSE = ("The committee met again on Tuesday and heard from farmers, engineers and county officials "
         "about the cost of repairing the dams along the river. ")
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
NESTED_PAGE = ("<html><body><article>" + "<div>" * 3000 + "<p>Sen. Jane Holloway (D-Ore.) said in a statement "
               "that the bill was overdue and should pass before the recess.</p>" + "</div>" * 3000 + "</article></body></html>")

runner = CliRunner()


def facts(records: list) -> set[tuple[str, str]]:
    found = set()
    for record in records:
        if isinstance(record, Article):
            found |= {(a.predicate, a.subject) for a in extract_article(clean_article(record)).assertions}
    return found


def only(records: list, kind: type) -> list:
    return [record for record in records if isinstance(record, kind)]


# ---- files that are not text -------------------------------------------------------------


@pytest.mark.parametrize(("content", "kind"), [
    (PDF, "a PDF document"),
    (PNG, "a PNG image"),
    (b"\xff\xd8\xff\xe0JFIF", "a JPEG image"),
    (b"PK\x03\x04\x14\x00docx", "a ZIP archive"),
])
def test_bad_input_binary_file_named_txt_is_skipped_for_what_it_is(tmp_path, content, kind):
    # a PDF has no NUL byte in its first lines and decodes as cp1252: only its signature gives it away
    (tmp_path / "scan.txt").write_bytes(content)
    [record] = read_articles(tmp_path / "scan.txt")
    assert isinstance(record, Skipped)
    assert record.reason == f"cannot read file: {kind}" + record.reason.split(kind)[1]
    assert "not text" in record.reason


def test_bad_input_mixed_line_endings_read_as_one_text(tmp_path):
    (tmp_path / "mixed.txt").write_bytes(b"Headline\r\nFirst line.\rSecond line.\nThird.\r\n\r\nLast.")
    [article] = read_articles(tmp_path / "mixed.txt")
    assert article.title == "Headline"
    assert article.text == "First line.\nSecond line.\nThird.\n\nLast."


# ---- size: a 50 MB file, a 1 MB line --------------------------------------------------------


def test_bad_input_article_over_the_limit_is_cut_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_ARTICLE_CHARS", 1000)
    body = (PROSE + "\n") * 30
    (tmp_path / "long.txt").write_text("Long\n" + body)
    (tmp_path / "digest.jsonl").write_text(json.dumps({"id": "r1", "text": PROSE * 30}) + "\n")
    records = list(read_articles(tmp_path))
    articles, notes = only(records, Article), only(records, Skipped)
    assert [len(a.text) <= 1000 for a in articles] == [True, True]
    assert body.startswith(articles[1].text + "\n")  # cut at a line end
    assert (PROSE * 30).startswith(articles[0].text + " ")  # cut at a word end
    assert sorted(n.path for n in notes) == [str(tmp_path / "digest.jsonl"), str(tmp_path / "long.txt")]
    assert all("characters long: only the first" in n.reason for n in notes)


def test_bad_input_page_over_the_limit_is_parsed_up_to_it(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_PAGE_CHARS", 2000)
    paragraph = "<p>" + FACT + " " + PROSE + "</p>"
    (tmp_path / "page.html").write_text("<html><body><article>" + paragraph * 200 + "</article></body></html>")
    note, article = read_articles(tmp_path / "page.html")
    assert "only the first 2,000 were parsed" in note.reason
    assert article.text.startswith(FACT)


def test_bad_input_file_too_big_to_hold_in_memory_is_skipped_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 100)
    (tmp_path / "dump.jsonl").write_text(json.dumps({"id": "a", "text": PROSE}) + "\n")
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a file over the limit must not be read"))
    [record] = read_articles(tmp_path / "dump.jsonl")
    assert isinstance(record, Skipped) and "over the 0 MB graphbuild reads" in record.reason


def test_bad_input_50_mb_file_is_read_up_to_the_limit_in_bounded_time_and_memory(tmp_path):
    """A real 50 MB file through ingest, cleaning and extraction in a fresh process."""
    chunk = (FACT + " " + PROSE * 40 + "\n\n")
    (tmp_path / "huge.txt").write_text("Huge\n" + chunk * (50_000_000 // len(chunk) + 1))
    assert (tmp_path / "huge.txt").stat().st_size > 50_000_000
    script = ("import json, sys; from graphbuild.api import build; r = build([sys.argv[1]]); "
              "print(json.dumps([r.summary.articles, [s.reason for s in r.summary.skipped], r.summary.events]))")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "huge.txt")], capture_output=True, text=True,
                          timeout=300)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    articles, reasons, events = json.loads(done.stdout)
    assert articles == 1 and events > 100
    [reason] = reasons
    read = int(re.fullmatch(r"article 'huge.txt' is [\d,]+ characters long: only the first ([\d,]+) were read",
                            reason).group(1).replace(",", ""))
    assert ingest.MAX_ARTICLE_CHARS - len(chunk) < read <= ingest.MAX_ARTICLE_CHARS
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 1500, f"peak memory {peak_mb:.0f} MB"
    assert seconds < 120, f"{seconds:.0f} s"


def test_bad_input_1_mb_line_is_read_whole(tmp_path):
    line = FACT + " " + PROSE * (1_000_000 // len(PROSE)) + "Sen. Ana Lind (D-Minn.) tweeted that it was over."
    (tmp_path / "line.txt").write_text("One line\n" + line + "\n")
    (tmp_path / "headless.txt").write_text(line)  # one line and nothing else: no headline, all body
    records = list(read_articles(tmp_path))
    assert [type(r) for r in records] == [Article, Article]
    assert records[0].title == "" and records[0].text == line
    started = time.perf_counter()
    found = {fact for fact in facts(records[1:]) if fact[0] in ("signedStatement", "posted")}
    assert found == {("signedStatement", "Tom Reyes"), ("posted", "Ana Lind")}
    assert time.perf_counter() - started < 30


# Hostile shapes for the rules that look back over a sentence for each event word, and for the
# mention finder: one sentence, no full stop, event words and names all along it.
LONG_SENTENCES = [
    "Sen. Jane Holloway (D-Ore.) said in a statement that ",
    "tweeted that Sen. Ann Lee wrote on X ",
    "introduced the Clean Water Act and the Big Act ",
    "Holloway, Reyes, Lind, ",
    "(D-Ore.) (R-Ariz.) ",
    "He said. Jane Holloway said. ",
]


def _extraction_seconds(size: int) -> float:
    started = time.perf_counter()
    for piece in LONG_SENTENCES:
        text = (piece * (size // len(piece) + 1))[:size]
        extract_article(clean_article(Article(id="x.txt", title="T", text=text)))
    return time.perf_counter() - started


def test_bad_input_extraction_stays_linear_on_a_long_line():
    small, large = _extraction_seconds(25_000), _extraction_seconds(200_000)
    # linear: 8x the text takes about 8x the time; quadratic took 64x (minutes for the large one)
    assert large < 20 * small + 2.0, f"25 kB: {small:.1f} s, 200 kB: {large:.1f} s"


# ---- HTML --------------------------------------------------------------------------------------


def test_bad_input_deeply_nested_page_is_skipped_saying_why(tmp_path):
    (tmp_path / "deep.html").write_text(NESTED_PAGE)
    started = time.perf_counter()
    [record] = read_articles(tmp_path / "deep.html")
    assert time.perf_counter() - started < 10
    assert isinstance(record, Skipped)
    assert record.reason == ("no article text found in the page (elements are nested over 255 deep, "
                             "and the HTML parser drops what lies deeper)")


@pytest.mark.parametrize("page", [
    "<html><body><article><p>" + FACT + " <b>Unclosed <i>tags</b> cross</i> here.<p><table><td>x</div></article></html",
    "<<<>>><html<body><p<p>><p>" + FACT + " More text follows here to make a paragraph.</p></bodyy>" + "<" * 5000,
    "<html><body><p " + 'a="' * 20000 + "><p>" + FACT + " More text follows here to make a paragraph.</p></body></html>",
])
def test_bad_input_malformed_page_is_read_as_well_as_possible(tmp_path, page):
    (tmp_path / "bad.html").write_text(page)
    [article] = read_articles(tmp_path / "bad.html")
    assert isinstance(article, Article)
    assert ("signedStatement", "Tom Reyes") in facts([article])


# ---- unreadable files and folders -----------------------------------------------------------


def _refuse(path: Path, method: str, monkeypatch) -> None:
    original = getattr(Path, method)

    def refusing(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, refusing)


def test_bad_input_unreadable_file_is_skipped_and_the_rest_read(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "secret.txt").write_text(GOOD)
    _refuse(tmp_path / "secret.txt", "read_bytes", monkeypatch)  # tests run as root, who can read anything
    records = list(read_articles(tmp_path))
    assert [type(r) for r in records] == [Article, Skipped]
    assert records[1].reason == f"cannot read file: [Errno 13] Permission denied: '{tmp_path / 'secret.txt'}'"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway; the monkeypatched test covers it")
def test_bad_input_chmod_000_file_is_skipped(tmp_path):
    (tmp_path / "secret.txt").write_text(GOOD)
    (tmp_path / "secret.txt").chmod(0)
    [record] = read_articles(tmp_path)
    assert isinstance(record, Skipped) and "Permission denied" in record.reason


def test_bad_input_unreadable_folder_is_named_not_silently_dropped(tmp_path, monkeypatch):
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(GOOD)
    (tmp_path / "in" / "locked" / "b.txt").write_text(GOOD)
    locked, scandir = tmp_path / "in" / "locked", os.scandir

    def refusing(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)  # tests run as root, who can list anything
    records = list(read_articles(tmp_path / "in"))
    assert [type(r) for r in records] == [Article, Skipped]
    assert records[1].path == str(tmp_path / "in" / "locked") and records[1].reason.startswith("cannot list folder")


# ---- many files, and one bad article never loses the others' facts ------------------------------


def test_bad_input_folder_of_10000_files_builds_in_seconds(tmp_path):
    folder = tmp_path / "many"
    for shard in range(10):
        (folder / f"{shard}").mkdir(parents=True)
        for number in range(1000):
            body = FACT if number == 7 else PROSE
            (folder / f"{shard}" / f"{number:04d}.txt").write_text(f"Note {number}\n{body}\n")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "graphbuild", "run", str(folder), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("10000 articles read, 0 skipped; 1 people, 10 events")
    assert time.perf_counter() - started < 120


def _write_bad_corpus(folder: Path) -> None:
    folder.mkdir(parents=True)
    for name, content in {
        "empty.txt": b"", "blank.txt": b"  \n\t\n", "scan.pdf": PDF, "scan.txt": PDF, "photo.txt": PNG,
        "nul.txt": b"Head\x00line\nbody", "broken.json": b"[{", "deep.html": NESTED_PAGE.encode(),
        "records.jsonl": b'{"id": "ok", "text": "Rep. Ana Lind (D-Minn.) tweeted that the vote was a disgrace."}\n'
                         b'{"id": "broken", "text": \n{"id": "no-text"}\n',
        "zz.txt": GOOD.encode(),
    }.items():
        (folder / name).write_bytes(content)
    (folder / "loop").symlink_to(folder)


def test_bad_input_bad_files_cost_nothing_of_the_good_ones(tmp_path):
    _write_bad_corpus(tmp_path / "mixed")
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "zz.txt").write_text(GOOD)
    (tmp_path / "good" / "records.jsonl").write_text(
        '{"id": "ok", "text": "Rep. Ana Lind (D-Minn.) tweeted that the vote was a disgrace."}\n')
    assert to_turtle(build([tmp_path / "mixed"]).graph) == to_turtle(build([tmp_path / "good"]).graph)


def test_bad_input_cli_names_each_bad_file_and_line_and_exits_3(tmp_path):
    _write_bad_corpus(tmp_path / "in")
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_SKIPPED, result.output
    skipped = sorted(line for line in result.output.splitlines() if line.startswith("skipped "))
    where = str(tmp_path / "in")
    assert skipped == sorted([
        f"skipped {where}/blank.txt: file is empty",
        f"skipped {where}/broken.json: not valid JSON: Expecting property name enclosed in double quotes at column 3",
        f"skipped {where}/deep.html: no article text found in the page (elements are nested over 255 deep, "
        "and the HTML parser drops what lies deeper)",
        f"skipped {where}/empty.txt: file is empty",
        f"skipped {where}/nul.txt: cannot read file: binary content (NUL bytes), not text",
        f"skipped {where}/photo.txt: cannot read file: a PNG image, not text",
        f"skipped {where}/records.jsonl:2: not valid JSON: Expecting value at column 26",
        f"skipped {where}/records.jsonl:3: record has no 'text'",
        f"skipped {where}/scan.pdf: unsupported file type '.pdf' (graphbuild reads .txt, .html, .htm, .jsonl, .json)",
        f"skipped {where}/scan.txt: cannot read file: a PDF document, not text",
    ])
    assert "2 articles read, 10 skipped; 2 people, 2 events" in result.output
