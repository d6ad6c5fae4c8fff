"""Writing output files so that a reader never sees half of one."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO, Callable

from graphbuild.errors import OutputError


def write_atomically(path: Path | str, text: str) -> Path:
    """Write `text` beside `path`, flush it to disk, then rename it into place.

    A run that fails or is killed mid-write leaves the previous file whole (a
    killed run may leave its hidden ``.NAME.*.tmp`` beside it, safe to delete).

    Raises:
        OutputError: the file cannot be written (no space, no permission, a
            file where a folder should be); the previous file is untouched.
    """
    return write_streamed(path, lambda stream: stream.write(text))


def write_streamed(path: Path | str, write: Callable[[IO], object], *, binary: bool = False) -> Path:
    """write_atomically for output too big to hold: `write(stream)` fills the temporary file
    (a UTF-8 text stream, or a binary one)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_and_rename(path, write, binary)
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputError(f"cannot write {path}: {reason} (the previous {path.name}, if any, is left as it was)") from error
    return path


def _write_and_rename(path: Path, write: Callable[[IO], object], binary: bool) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        text = {} if binary else {"encoding": "utf-8", "newline": "\n"}
        with open(handle, "wb" if binary else "w", buffering=1 << 20, **text) as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())  # else a power cut after the rename can leave an empty file
        os.chmod(temp, 0o644)  # mkstemp makes it 0600; outputs are meant to be shared
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
