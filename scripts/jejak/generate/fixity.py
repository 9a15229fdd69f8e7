"""Fixity and provenance: SHA-256 of published originals; when records entered and changed."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from jejak.generate.common import local_files, original_path
from jejak.model import Archive, Record

MANIFEST = "data/manifest-sha256.txt"
_CHUNK = 1 << 20


# --- hashes --------------------------------------------------------------------------------

_hash_cache: dict[tuple[str, int, int], str] = {}


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, cached by (path, size, mtime) so rebuilds do not re-read originals."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    digest = _hash_cache.get(key)
    if digest is None:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(_CHUNK), b""):
                h.update(chunk)
        digest = _hash_cache[key] = h.hexdigest()
    return digest


def sha256_of(content: bytes | Path) -> str:
    if isinstance(content, (bytes, bytearray)):
        return hashlib.sha256(content).hexdigest()
    return sha256_file(Path(content))


def published_originals(archive: Archive, root: Path) -> dict[str, Path]:
    """Site path → source path of every original a published record names.

    Withdrawn records name no files (SPEC §2), so they publish none.
    """
    out: dict[str, Path] = {}
    for record in sorted(archive.records.values(), key=lambda r: r.id):
        if record.withdrawn:
            continue
        for value in local_files(record):
            source = root / "archive" / record.folder / value
            if source.is_file():
                out[original_path(record, value)] = source
    return out


def manifest(published: Mapping[str, bytes | Path]) -> str:
    """`sha256sum` lines (`<hex>  <path>`), paths relative to the site root, sorted."""
    return manifest_of({path: sha256_of(content) for path, content in published.items()})


def manifest_of(hashes: Mapping[str, str]) -> str:
    lines = []
    for path in sorted(hashes):
        if "\n" in path or "\\" in path or path.startswith("/") or ".." in path.split("/"):
            raise ValueError(f"unsafe path in the fixity manifest: {path!r}")
        lines.append(f"{hashes[path]}  {path}")
    return "\n".join(lines) + ("\n" if lines else "")


def parse_manifest(text: str) -> list[tuple[str, str]]:
    """(hex digest, path) pairs of a sha256sum file; binary-mode `*path` accepted."""
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        digest, sep, path = line.partition("  ")
        if not sep:
            digest, sep, path = line.partition(" *")
        digest = digest.strip().lower()
        if not sep or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError(f"line {number}: not `<sha256>  <path>`: {line[:80]!r}")
        entries.append((digest, path))
    return entries


@dataclass(frozen=True)
class FileFixity:
    """One published original of a record, as its page shows it."""

    file: str  # as named in the record
    path: str  # site path
    sha256: str
    size: int

    def as_dict(self) -> dict:
        return {"file": self.file, "path": self.path, "sha256": self.sha256, "size": self.size}


def record_files(record: Record, root: Path) -> list[FileFixity]:
    out = []
    if record.withdrawn:
        return out
    for value in local_files(record):
        source = Path(root) / "archive" / record.folder / value
        if source.is_file():
            out.append(FileFixity(value, original_path(record, value), sha256_file(source),
                                  source.stat().st_size))
    return out


# --- provenance from git -------------------------------------------------------------------

@dataclass(frozen=True)
class History:
    """First and last commit date of each path of a repository (None: not from git)."""

    first: Mapping[str, dt.date]
    last: Mapping[str, dt.date]


_EMPTY = History({}, {})
_history_cache: dict[tuple, History] = {}
_recent: dict[str, tuple[float, History]] = {}
_RECHECK_SECONDS = 2.0


def _stamp(root: Path) -> tuple:
    """Cheap fingerprint of the repository state so a new commit refreshes the cache."""
    git = root / ".git"
    parts: list = [str(root)]
    for name in ("HEAD", "index", "logs/HEAD", "packed-refs", "shallow"):
        try:
            parts.append((name, (git / name).stat().st_mtime_ns))
        except OSError:
            parts.append((name, None))
    return tuple(parts)


def history(root: Path) -> History:
    """One `git log` over content/ and archive/ for the whole repository, cached.

    A shallow clone (CI's default) has no real history: every file would seem
    added by the last commit, so it counts as no history and callers fall back
    to the record's own date. Clone with full history (`fetch-depth: 0`).
    """
    now, given = time.monotonic(), str(root)
    recent = _recent.get(given)
    if recent is not None and now - recent[0] < _RECHECK_SECONDS:
        return recent[1]  # one page build asks thousands of times within a second
    root = Path(root).resolve()
    key = _stamp(root)
    cached = _history_cache.get(key)
    if cached is not None:
        _recent[given] = (now, cached)
        return cached
    result = _read_history(root)
    _history_cache.clear()  # one repository per build; keep memory flat in `serve`
    _history_cache[key] = result
    _recent[given] = (now, result)
    return result


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), "-c", "core.quotepath=off", *args],
                              capture_output=True, text=True, encoding="utf-8", errors="replace",
                              timeout=300, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _read_history(root: Path) -> History:
    top = _git(root, "rev-parse", "--show-toplevel", "--is-shallow-repository")
    if top is None:
        return _EMPTY
    lines = top.split("\n")
    if len(lines) < 2 or lines[1].strip() == "true":
        return _EMPTY
    prefix = os.path.relpath(root, Path(lines[0].strip()).resolve()).replace(os.sep, "/")
    prefix = "" if prefix == "." else prefix + "/"
    log = _git(root, "log", "--no-renames", "--format=\x1e%cI", "--name-only", "--",
               "content", "archive")
    if log is None:
        return _EMPTY
    first: dict[str, dt.date] = {}
    last: dict[str, dt.date] = {}
    for block in log.split("\x1e"):
        stamp, _, names = block.partition("\n")
        if not stamp.strip():
            continue
        try:
            when = dt.datetime.fromisoformat(stamp.strip()).date()
        except ValueError:
            continue
        for name in names.splitlines():
            name = name.strip()
            if not name:
                continue
            if prefix and name.startswith(prefix):
                name = name[len(prefix):]
            last.setdefault(name, when)  # newest commit comes first
            first[name] = when
    return History(first, last)


def clear_caches() -> None:
    _history_cache.clear()
    _recent.clear()
    _hash_cache.clear()


def provenance(record: Record, root: Path) -> dict:
    """When a record entered the archive and last changed, from git; and its files' hashes.

    `added`: first commit of the record file. `modified`: the newest commit of
    the record file or of any original it names (a replaced PDF is a change).
    Both are None without git history; pages then show the record's own date.
    """
    added, modified = provenance_dates(record, root)
    files = [f.as_dict() for f in record_files(record, root)]
    return {"added": added, "modified": modified, "files": files}


def last_modified(record: Record, root: Path | None) -> dt.date | None:
    """The date harvesters see: the last git change, else the record's date."""
    if root is not None:
        modified = provenance_dates(record, root)[1]
        if modified:
            return modified
    return record.date


def provenance_dates(record: Record, root: Path) -> tuple[dt.date | None, dt.date | None]:
    hist = history(root)
    changes = [hist.last.get(record.path)]
    changes += [hist.last.get(f"archive/{record.folder}/{v}") for v in local_files(record)]
    dates = [d for d in changes if d is not None]
    return hist.first.get(record.path), (max(dates) if dates else None)
