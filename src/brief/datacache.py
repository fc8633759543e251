"""A disk cache of tables compiled from the word lists in brief/data.

Compiling the deduplication tables (match keys of every listed name) takes
a few tenths of a second; each process would pay it again. ``cached``
keeps the compiled value in the user cache folder under a fingerprint of
the files it was compiled from and of the code that compiles it, so a
changed list or a new version compiles afresh, and a cache that cannot be
read or written is simply not used. $BRIEF_CACHE_DIR overrides the folder;
an empty value turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

__all__ = ["cached", "cache_dir"]

T = TypeVar("T")


def cache_dir() -> Path | None:
    env = os.environ.get("BRIEF_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("brief", appauthor=False))


def _fingerprint(sources: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for path in sorted(sources):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or the value it gave before from the same sources."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{_fingerprint(sources)}.pickle"
        with path.open("rb") as f:
            return pickle.load(f)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError, ImportError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{name}-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
    except OSError:
        return value
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PickleError):
        Path(tmp).unlink(missing_ok=True)
    return value
