"""The one way files are written: to a temporary file beside the target, then renamed over it.

An interrupted run never leaves a half-written file under the final name, and two processes (or threads) writing
the same file at once each write their own temporary file, so the survivor is one whole file. A folder of files
(partitioned Parquet) is written the same way: filled under a temporary name, then renamed into place.

Temporary files and folders are created with the permissions of any new file (``0o666``/``0o777`` less the
umask), so what is renamed into place is as readable as a file written directly.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_folder", "atomic_path", "write_atomic", "write_bytes", "write_text"]


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed to ``path`` when the block ends without an error,
    deleted otherwise. Creates the parent folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _create_beside(path, ".tmp", folder=False)
    try:
        yield temporary
        temporary.replace(path)
    finally:
        if temporary.exists():
            temporary.unlink()


@contextmanager
def atomic_folder(path: str | Path) -> Iterator[Path]:
    """A new empty folder beside ``path`` to fill; when the block ends without an error it takes the place of
    ``path`` (a folder already there is replaced as a whole, so a reader sees the old files or the new ones, never
    a mix of both), and it is deleted otherwise. Creates the parent folder.

    Raises:
        NotADirectoryError: ``path`` exists and is a file (checked before the block runs).
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(f"{path}: is a file, not a folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _create_beside(path, ".tmp", folder=True)
    try:
        yield temporary
        if path.exists():
            previous = _create_beside(path, ".old", folder=True)
            path.replace(previous / path.name)
            temporary.replace(path)
            shutil.rmtree(previous)
        else:
            temporary.replace(path)
    finally:
        if temporary.exists():
            shutil.rmtree(temporary)


def write_atomic(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(temporary_path)`` and move the result to ``path`` (see :func:`atomic_path`); returns ``path``."""
    with atomic_path(path) as temporary:
        write(temporary)
    return Path(path)


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically."""
    return write_atomic(path, lambda temporary: temporary.write_bytes(data))


def write_text(path: str | Path, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically."""
    return write_atomic(path, lambda temporary: temporary.write_text(text, encoding=encoding))


def _create_beside(path: Path, suffix: str, *, folder: bool) -> Path:
    """Create a new empty file (or folder) ``.<name>.<random><suffix>`` beside ``path``, exclusively, with the
    permissions of a new file (the umask applies, unlike :func:`tempfile.mkstemp`'s ``0o600``)."""
    while True:
        candidate = path.parent / f".{path.name}.{secrets.token_hex(4)}{suffix}"
        try:
            if folder:
                candidate.mkdir(mode=0o777)
            else:
                os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        return candidate
