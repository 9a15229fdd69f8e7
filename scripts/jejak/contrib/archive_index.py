"""What an archive already holds, read cheaply: ids, people's names, groups and sessions."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from jejak.contrib.names import PersonIndex
from jejak.errors import JejakError
from jejak.loader import load_record
from jejak.validate import classify


@dataclass
class ArchiveIndex:
    """Existing record ids by kind, and the name of every person record."""

    root: Path
    ids: dict[str, str] = field(default_factory=dict)  # id → kind
    people: dict[str, str] = field(default_factory=dict)  # slug → name
    group_licenses: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Path) -> ArchiveIndex:
        root = Path(root)
        if not (root / "content").is_dir():
            raise JejakError(str(root.resolve()))
        index = cls(root)
        for dirpath, dirnames, filenames in os.walk(root / "content"):
            dirnames.sort()
            for name in sorted(filenames):
                rel = (Path(dirpath) / name).relative_to(root).as_posix()
                shape = classify(rel)
                if shape is None:
                    continue
                record_id, kind = shape
                index.ids[record_id] = kind
                if kind in ("person", "group"):
                    index._read_names(rel, record_id, kind)
        return index

    def _read_names(self, rel: str, record_id: str, kind: str) -> None:
        loaded = load_record(self.root / rel, rel)
        data = loaded.record.data if loaded.record else {}
        slug = record_id.rsplit("/", 1)[-1]
        if kind == "person":
            name = data.get("name")
            self.people[slug] = name if isinstance(name, str) else slug.replace("-", " ")
        elif isinstance(data.get("license"), str):
            self.group_licenses[slug] = data["license"]

    @property
    def groups(self) -> list[str]:
        return sorted(i.split("/")[1] for i, k in self.ids.items() if k == "group")

    def sessions(self, group: str) -> list[str]:
        prefix = f"groups/{group}/sessions/"
        return sorted(i[len(prefix):] for i in self.ids if i.startswith(prefix))

    def person_index(self) -> PersonIndex:
        return PersonIndex(self.people)

    def exists(self, record_id: str) -> bool:
        return record_id in self.ids


def content_path(record_id: str) -> str:
    """content/… path of a record id (the group record is its folder's index.md)."""
    parts = record_id.split("/")
    if len(parts) == 2 and parts[0] == "groups":
        return f"content/{record_id}/index.md"
    return f"content/{record_id}.md"
