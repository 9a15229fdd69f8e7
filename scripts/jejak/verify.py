"""Fixity check of a built site: each file of data/manifest-sha256.txt hashed again."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from jejak.errors import JejakError
from jejak.generate.fixity import MANIFEST, parse_manifest

MISMATCH, MISSING, UNSAFE = "mismatch", "missing", "unsafe"


class ToolError(JejakError):
    """A command of the archive tools cannot run; `key` names its message in jejak.cli_archive."""

    def __init__(self, key: str, **params: object):
        super().__init__(f"{key}: " + ", ".join(f"{k}={v}" for k, v in params.items()))
        self.key, self.params = key, params


@dataclass(frozen=True)
class Finding:
    """One file that is not what the manifest says."""

    problem: str  # MISMATCH, MISSING or UNSAFE
    path: str
    expected: str
    actual: str | None = None


@dataclass
class VerifyResult:
    site: Path
    checked: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


def _fresh_sha256(path: Path) -> str:
    """Read the bytes again: a fixity check must never trust a cache."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_site(site: Path) -> VerifyResult:
    """Recompute the SHA-256 of every file the site's manifest lists.

    Raises JejakError when there is no readable manifest (nothing can be checked).
    """
    site = Path(site)
    manifest = site / MANIFEST
    if not manifest.is_file():
        raise ToolError("no_manifest", path=manifest)
    try:
        entries = parse_manifest(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ToolError("bad_manifest", path=manifest, reason=exc) from None
    result = VerifyResult(site)
    top = site.resolve()
    for expected, rel in entries:
        result.checked += 1
        target = site / rel
        if rel.startswith("/") or "\\" in rel or ".." in rel.split("/") or \
                not target.resolve().is_relative_to(top):
            result.findings.append(Finding(UNSAFE, rel, expected))
            continue
        if not target.is_file():
            result.findings.append(Finding(MISSING, rel, expected))
            continue
        actual = _fresh_sha256(target)
        if actual != expected:
            result.findings.append(Finding(MISMATCH, rel, expected, actual))
    return result
