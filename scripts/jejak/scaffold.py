"""`jejak init`: a new, empty archive repository from the packaged skeleton."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from jejak.errors import JejakError

EMPTY_FOLDERS = ("content/groups", "content/people", "archive", "overrides")


def create_archive(directory: Path, site_name: str, site_url: str, language: str) -> list[Path]:
    """Write the skeleton into `directory`, which must not exist or be empty."""
    directory = Path(directory)
    # a fresh clone of an empty repository holds only .git: that is still empty
    if directory.exists() and any(p.name != ".git" for p in directory.iterdir()):
        raise JejakError(f"{directory} sudah berisi berkas / is not empty")
    if site_url and not site_url.startswith("https://"):
        raise JejakError("--site-url harus diawali https:// / must start with https://")
    site_name = " ".join(site_name.split())  # one line, whatever was typed
    values = {
        "{site_name}": site_name,
        "{site_url}": site_url,
        "{language}": language,
    }
    # inside a double-quoted YAML scalar, JSON escapes are YAML escapes
    in_yaml = {key: json.dumps(value, ensure_ascii=False)[1:-1] for key, value in values.items()}
    created: list[Path] = []
    skeleton = resources.files("jejak") / "skeleton"
    for source, rel in _walk(skeleton, ""):
        target = directory / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        fill = in_yaml if rel.endswith((".yml", ".yaml")) else values
        # one pass, so a name such as "{language}" is not filled in again
        text = _PLACEHOLDER.sub(lambda m, fill=fill: fill[m.group(0)], text)
        target.write_text(text, encoding="utf-8")
        created.append(target)
    for folder in EMPTY_FOLDERS:
        keep = directory / folder / ".gitkeep"
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.touch()
        created.append(keep)
    return created


_PLACEHOLDER = re.compile(r"\{(?:site_name|site_url|language)\}")


def _walk(node, prefix: str):
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        rel = f"{prefix}{child.name}"
        if child.is_dir():
            if child.name != "__pycache__":
                yield from _walk(child, rel + "/")
        else:
            yield child, _undot(rel)


def _undot(rel: str) -> str:
    """`dot-github/workflows/x.yml` → `.github/workflows/x.yml`: a leading `dot-` in any
    path part stands for `.` (packaging tools skip dotted names)."""
    return "/".join("." + part[4:] if part.startswith("dot-") else part
                    for part in rel.split("/"))
