"""Records and the Archive: typed, indexed and read-only once loaded."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

KINDS = ("group", "person", "plan", "session", "product", "paper")
GROUP_CHILDREN = {"plans": "plan", "sessions": "session", "products": "product", "papers": "paper"}
URL_SEGMENT = {"plan": "program", "session": "kegiatan", "product": "karya", "paper": "publikasi"}


def url_of(record_id: str) -> str:
    """The site path (no leading slash, trailing slash) of a record id (SPEC §6)."""
    parts = record_id.split("/")
    if parts[0] == "people":
        return f"profil/{parts[1]}/"
    if len(parts) == 2:
        return f"kelompok/{parts[1]}/"
    kind = GROUP_CHILDREN[parts[2]]
    return f"kelompok/{parts[1]}/{URL_SEGMENT[kind]}/{parts[3]}/"


def archive_folder(record_id: str) -> str:
    """The record's folder under archive/ (its id; the group record's is the group folder)."""
    return record_id


@dataclass(frozen=True)
class Record:
    """One validated record. `data` holds the typed front matter."""

    id: str
    kind: str
    path: str  # relative to ROOT, e.g. content/people/siti-aminah.md
    data: Mapping[str, Any]
    body: str
    body_line: int = 1

    @property
    def slug(self) -> str:
        return self.id.rsplit("/", 1)[-1]

    @property
    def group(self) -> str | None:
        parts = self.id.split("/")
        return parts[1] if parts[0] == "groups" else None

    @property
    def url(self) -> str:
        return url_of(self.id)

    @property
    def folder(self) -> str:
        return archive_folder(self.id)

    @property
    def draft(self) -> bool:
        return bool(self.data.get("draft"))

    @property
    def withdrawn(self) -> str | None:
        return self.data.get("withdrawn")

    @property
    def moved_from(self) -> tuple[str, ...]:
        return tuple(self.data.get("moved_from") or ())

    @property
    def title(self) -> str:
        if self.kind in ("group", "person"):
            return str(self.data.get("name", self.slug))
        if self.kind == "plan":
            return f"Program {self.data.get('year', self.slug)}"
        return str(self.data.get("title", self.slug))

    @property
    def date(self) -> dt.date | None:
        value = self.data.get("date")
        return value if isinstance(value, dt.date) else None

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


def person_slugs(refs: Iterable[Any]) -> list[str]:
    return [r for r in refs or () if isinstance(r, str)]


@dataclass
class Archive:
    """All published records, indexed the ways the site and reports need them."""

    records: Mapping[str, Record]
    drafts: Mapping[str, Record] = field(default_factory=dict)
    _by_kind: dict[str, list[Record]] = field(default_factory=dict, repr=False)
    _works_of: dict[str, list[Record]] = field(default_factory=dict, repr=False)
    _children: dict[tuple[str, str], list[Record]] = field(default_factory=dict, repr=False)
    _attended: dict[str, list[Record]] = field(default_factory=dict, repr=False)
    _roles_of: dict[str, list[tuple[Record, str]]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_records(cls, records: Iterable[Record]) -> Archive:
        published, drafts = {}, {}
        for record in records:
            (drafts if record.draft else published)[record.id] = record
        archive = cls(MappingProxyType(published), MappingProxyType(drafts))
        archive._index()
        return archive

    def _index(self) -> None:
        by_kind, works, children = defaultdict(list), defaultdict(list), defaultdict(list)
        attended, roles = defaultdict(list), defaultdict(list)
        for record in sorted(self.records.values(), key=_newest_first):
            by_kind[record.kind].append(record)
            if record.group and record.kind != "group":
                children[(record.group, record.kind)].append(record)
            for slug in person_slugs(record.get("authors")):
                works[slug].append(record)
            if record.kind == "session":
                for slug in record.get("attendees") or ():
                    attended[slug].append(record)
                for role, value in (record.get("roles") or {}).items():
                    for slug in person_slugs(value if isinstance(value, list) else [value]):
                        roles[slug].append((record, role))
        self._by_kind, self._works_of, self._children = dict(by_kind), dict(works), dict(children)
        self._attended, self._roles_of = dict(attended), dict(roles)

    def of_kind(self, kind: str) -> list[Record]:
        """Records of one kind, newest first."""
        return self._by_kind.get(kind, [])

    def children(self, group: str, kind: str) -> list[Record]:
        return self._children.get((group, kind), [])

    def works_of(self, person: str) -> list[Record]:
        return self._works_of.get(person, [])

    def sessions_attended(self, person: str) -> list[Record]:
        return self._attended.get(person, [])

    def roles_of(self, person: str) -> list[tuple[Record, str]]:
        return self._roles_of.get(person, [])

    def get(self, record_id: str) -> Record | None:
        return self.records.get(record_id)

    def __len__(self) -> int:
        return len(self.records)


def _newest_first(record: Record) -> tuple:
    date = record.date or dt.date.min
    return (-date.toordinal(), record.id)
