"""Content-addressed caches under a folder (``data/interim`` in this project): safe to delete at any time.

A cached result is stored under ``<cache_dir>/<namespace>/<key>.<ext>``, where the key hashes everything the
result depends on: the inputs' hashes, the settings, and the *code fingerprint* — a hash of this package's source
files and resources and of the versions of the libraries that compute results. Changing a report, a setting, a
dictionary or the code therefore never serves a stale result; an unchanged corpus is read back instead of
recomputed. Files are written to a temporary name and renamed, so an interrupted run leaves no broken entry.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from govreports.runtime.atomic import write_atomic, write_bytes

__all__ = ["cached_frame", "cached_object", "code_fingerprint", "content_key", "key_of", "rules_folder_state",
           "user_cache_folder", "user_cached", "write_parquet"]

T = TypeVar("T")
_LIBRARIES = ("pandas", "numpy", "scikit-learn", "scipy", "jieba", "rjieba", "jionlp", "pyarrow")


def _is_sparse(value: object) -> bool:
    """A scipy sparse matrix or array? (scipy is not imported for the question: without scipy.sparse imported, no value
    can be one; importing it costs every process 0.15 s.)"""
    sparse = sys.modules.get("scipy.sparse")
    return sparse is not None and bool(sparse.issparse(value))


def code_fingerprint() -> str:
    """Hash of the package's ``.py`` files and resources, of a researcher's rule files (the folder named by
    ``GOVREPORTS_RULES``) and of the library versions that shape results."""
    return _fingerprint(rules_folder_state())


def rules_folder_state() -> tuple[str, tuple[tuple[str, int, int], ...]]:
    """The folder named by ``GOVREPORTS_RULES`` and (relative path, mtime, size) of each file under it (subfolders
    too, as ``attention/…``): a key that changes as soon as a researcher edits, adds or removes a rule file there."""
    folder = os.environ.get("GOVREPORTS_RULES", "")
    if not folder or not Path(folder).is_dir():
        return folder, ()
    state = []
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        stat = path.stat()
        state.append((path.relative_to(folder).as_posix(), stat.st_mtime_ns, stat.st_size))
    return folder, tuple(state)


@lru_cache(maxsize=8)
def _fingerprint(state: tuple[str, tuple[tuple[str, int, int], ...]]) -> str:
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent  # the govreports package
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".txt", ".csv")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    folder, files = state
    for name, _, _ in files:
        digest.update(b"rules/" + name.encode() + b"\0" + (Path(folder) / name).read_bytes() + b"\0")
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none".encode())
    return digest.hexdigest()[:16]


def key_of(*parts: object) -> str:
    """A short hash of the parts (strings, numbers, or iterables of them) plus the code fingerprint."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        items: Iterable[object] = part if isinstance(part, list | tuple) else [part]
        for item in items:
            digest.update(repr(item).encode() + b"\x1f")
        digest.update(b"\x1e")
    return digest.hexdigest()[:24]


def content_key(value: object) -> str:
    """A key that changes whenever ``value``'s content does: tables by their values (index, columns and dtypes
    included), arrays by dtype, shape and bytes (sparse matrices by their CSR arrays), existing files by the sha256 of their bytes, sets order-free, dicts
    by sorted items, lists and tuples in order, frozen dataclasses by their fields, objects with a ``fingerprint``
    attribute by it, module-level functions by name, plain numbers, strings, bytes, ``None`` and ranges by value.

    Raises:
        TypeError: for anything else (an open file, a lambda, an object without a content fingerprint), naming its
            type: a key made from ``repr`` could let two different arguments share a cached result.
    """
    digest = hashlib.sha256()
    _feed(digest, value)
    return digest.hexdigest()[:24]


def _feed(digest: Any, value: object) -> None:
    def put(tag: str, payload: bytes = b"") -> None:
        digest.update(tag.encode() + b"\x1f" + payload + b"\x1e")

    if value is None or isinstance(value, bool | int | float | complex | str | bytes | range):
        put(type(value).__name__, repr(value).encode())
    elif isinstance(value, np.generic):
        put(type(value).__name__, repr(value.item()).encode())
    elif isinstance(value, pd.DataFrame):
        put("frame", pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes()
            + repr([(str(c), str(t)) for c, t in value.dtypes.items()]).encode())
    elif isinstance(value, pd.Series):
        put("series", pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes()
            + repr((value.name, str(value.dtype))).encode())
    elif isinstance(value, np.ndarray):
        put("array", repr((value.dtype.str, value.shape)).encode() + np.ascontiguousarray(value).tobytes())
    elif _is_sparse(value):
        matrix = value.tocsr()  # type: ignore[attr-defined]
        put("sparse", repr((matrix.dtype.str, matrix.shape)).encode() + matrix.data.tobytes()
            + matrix.indices.tobytes() + matrix.indptr.tobytes())
    elif isinstance(value, Path):
        put("file", hashlib.sha256(value.read_bytes()).digest() if value.is_file() else str(value).encode())
    elif isinstance(value, list | tuple):
        put(type(value).__name__, str(len(value)).encode())
        for item in value:
            _feed(digest, item)
    elif isinstance(value, dict):
        put("dict", str(len(value)).encode())
        for key in sorted(value, key=repr):
            _feed(digest, key)
            _feed(digest, value[key])
    elif isinstance(value, set | frozenset):
        put("set", ",".join(sorted(content_key(item) for item in value)).encode())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type) and value.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        put("dataclass", type(value).__qualname__.encode())
        for item in dataclasses.fields(value):
            _feed(digest, item.name)
            _feed(digest, getattr(value, item.name))
    elif isinstance(getattr(value, "fingerprint", None), str):
        put("fingerprint", (type(value).__qualname__ + ":" + value.fingerprint).encode())  # type: ignore[attr-defined]
    elif callable(value) and "<" not in getattr(value, "__qualname__", "<"):
        put("function", f"{value.__module__}.{value.__qualname__}".encode())  # type: ignore[attr-defined]
    else:
        raise TypeError(f"cannot make a cache key from a {type(value).__name__}: pass a table, an array, a file path, "
                        "numbers, strings or containers of them")


def cached_frame(cache_dir: str | Path | None, namespace: str, key: str, compute: Callable[[], pd.DataFrame]
                 ) -> pd.DataFrame:
    """Read ``namespace/key.parquet`` if it exists, else compute, store and return the table (``attrs`` are
    not kept). With ``cache_dir=None`` simply computes."""
    if cache_dir is None:
        return compute()
    path = Path(cache_dir) / namespace / f"{key}.parquet"
    if path.exists():
        return pd.read_parquet(path)
    table = compute()
    write_parquet(table, path)
    return table


def write_parquet(table: pd.DataFrame, path: Path) -> None:
    """Write ``table`` to ``path`` (zstd: smaller and faster to read back than snappy) under a temporary name of
    this process and rename it, so neither an interrupted run nor two processes writing at once leave a broken file."""
    write_atomic(path, lambda temporary: table.to_parquet(temporary, index=False, compression="zstd"))


def cached_object(cache_dir: str | Path | None, namespace: str, key: str, compute: Callable[[], T]) -> T:
    """Like :func:`cached_frame` for any picklable result (fitted topic models ...), stored with pickle.
    Only read caches this project wrote: unpickling runs code."""
    if cache_dir is None:
        return compute()
    path = Path(cache_dir) / namespace / f"{key}.pickle"
    if path.exists():
        with path.open("rb") as handle:
            return pickle.load(handle)
    value = compute()
    write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def user_cache_folder() -> Path | None:
    """This user's cache folder for what the package derives from installed data (the gazetteer parsed from jionlp's
    table): the folder named by ``GOVREPORTS_CACHE``, else ``$XDG_CACHE_HOME/govreports`` (an absolute path, as the
    XDG rules ask; a relative one is ignored), else ``~/.cache/govreports``; ``None`` when the folder would be in a
    home folder that cannot be found. Everything in it can be deleted at any time: it is derived again when needed.
    Name a folder that only you can write: what is read from it is unpickled, which runs code."""
    try:
        named = os.environ.get("GOVREPORTS_CACHE")
        if named:
            return Path(named).expanduser()
        base = os.environ.get("XDG_CACHE_HOME", "")
        return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "govreports"
    except (RuntimeError, KeyError):  # ~ with no HOME and no entry for this user in the password database
        return None


#: Files kept per name in the user cache folder (the most recently used): two versions of the package in use at once
#: (two environments) each keep theirs, and files of versions no longer used go.
USER_CACHE_VERSIONS = 4


def user_cached(name: str, key: str, compute: Callable[[], T], kind: type[T]) -> T:
    """``compute()``, kept with pickle as ``<user_cache_folder>/<name>-<key>.pickle`` and read back from there while
    ``key`` (a hash of everything the value depends on) is the same. A file that cannot be read back as a ``kind``
    (cut short, from another version) is computed again and replaced. When a file is written, the files of ``name``
    beyond the :data:`USER_CACHE_VERSIONS` most recently used go (a file read back counts as used: its modification
    time is set to now). A folder that cannot be written, or no folder at all, is left alone: the value is computed
    each time and nothing fails. Only for values this package computes itself."""
    folder = user_cache_folder()
    if folder is None:
        return compute()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
        if isinstance(value, kind):
            with suppress(OSError):
                os.utime(path)
            return value
    except Exception:  # no such file, or whatever a damaged pickle raises: computed again below
        pass
    value = compute()
    with suppress(OSError):  # a folder that cannot be written: nothing kept
        write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        others = [file for file in folder.glob(f"{name}-*.pickle") if file != path]
        others.sort(key=lambda file: file.stat().st_mtime_ns, reverse=True)
        for stale in others[USER_CACHE_VERSIONS - 1 :]:  # the one just written is kept, whatever its time
            stale.unlink(missing_ok=True)
    return value
