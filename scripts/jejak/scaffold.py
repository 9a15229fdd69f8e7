"""`jejak init`: a new, empty archive repository from the packaged skeleton."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from jejak.errors import JejakError

EMPTY_FOLDERS = ("content/groups", "content/people", "archive", "overrides")


def create_archive(directory: Path, site_name: str, site_url: str, language: str) -> list[Path]:
    """Write the skeleton into `directory`, which must not exist or be empty."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise JejakError(f"{directory} sudah berisi berkas / is not empty")
    if site_url and not site_url.startswith("https://"):
        raise JejakError("--site-url harus diawali https:// / must start with https://")
    values = {
        "{site_name}": site_name.replace('"', "'"),
        "{site_url}": site_url,
        "{language}": language,
    }
    created: list[Path] = []
    skeleton = resources.files("jejak") / "skeleton"
    for source, rel in _walk(skeleton, ""):
        target = directory / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        target.write_text(text, encoding="utf-8")
        created.append(target)
    for folder in EMPTY_FOLDERS:
        keep = directory / folder / ".gitkeep"
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.touch()
        created.append(keep)
    return created


def _walk(node, prefix: str):
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        rel = f"{prefix}{child.name}"
        if child.is_dir():
            if child.name != "__pycache__":
                yield from _walk(child, rel + "/")
        else:
            yield child, rel.replace("dot-", ".", 1) if rel.startswith("dot-") else rel
