"""Writing new records safely: YAML text, checks before writing, all-or-nothing commit.

A batch of new records (one from `jejak new`, many from `jejak import works`)
is checked in memory first - schema, references, files, privacy - so that a
bad row is reported before anything touches the archive. Then every file is
created without ever replacing an existing one, the whole archive is checked
with `jejak check`'s own code, and if a new record still has an error, every
file the batch created is removed again.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from jejak import files as filecheck
from jejak import privacy
from jejak.config import load_settings
from jejak.contrib.archive_index import ArchiveIndex, content_path
from jejak.contrib.messages import say
from jejak.errors import Problem, problem
from jejak.loader import parse_record
from jejak.report import as_text
from jejak.schema import SCHEMAS
from jejak.schema.context import Context
from jejak.schema.types import INVALID, closest
from jejak.validate import check_archive, slugify

_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


# --- YAML text -------------------------------------------------------------------------

class _RecordDumper(yaml.SafeDumper):
    """Block style; ISO dates stay plain (Jejak reads them as text); no line folding."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):  # noqa: D401
        return super().increase_indent(flow, False)  # indent list items under their key


_RecordDumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_RecordDumper.add_representer(str, _str)


def render_record(data: dict[str, Any], body: str = "") -> str:
    """A record file: front matter between `---` lines, then the body."""
    front = yaml.dump(data, Dumper=_RecordDumper, allow_unicode=True, sort_keys=False,
                      default_flow_style=False, width=4096)
    body = body.strip("\n")
    return f"---\n{front}---\n" + (f"\n{body}\n" if body else "")


def safe_file_name(name: str) -> str:
    """A name the archive accepts (see J416), keeping the extension."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    cleaned = slugify(stem) or "berkas"
    return f"{cleaned}.{ext.lower()}" if ext else cleaned


# --- a batch of new records --------------------------------------------------------------

@dataclass
class NewRecord:
    """A record to create, with the files to copy into its archive folder."""

    record_id: str
    kind: str
    data: dict[str, Any]
    body: str = ""
    files: dict[str, Path] = field(default_factory=dict)  # archive name → source file
    label: str = ""  # where it came from, e.g. "baris 3" / "row 3"

    @property
    def path(self) -> str:
        return content_path(self.record_id)

    @property
    def folder(self) -> str:
        return f"archive/{self.record_id}"

    @property
    def text(self) -> str:
        return render_record(self.data, self.body)


@dataclass
class Outcome:
    """What a commit wrote, or the problems that stopped it."""

    written: list[Path] = field(default_factory=list)
    problems: dict[str, list[str]] = field(default_factory=dict)  # record label → messages

    @property
    def ok(self) -> bool:
        return not self.problems


class Batch:
    """New records checked together and written all or none."""

    def __init__(self, root: Path, index: ArchiveIndex, lang: str = "id"):
        self.root = Path(root)
        self.index = index
        self.lang = lang
        self.records: list[NewRecord] = []
        self.settings, _ = load_settings(self.root)

    def add(self, record: NewRecord) -> None:
        self.records.append(record)

    # -- checks before anything is written --

    def check(self) -> dict[str, list[str]]:
        """Every problem of every new record, by record label; empty when all pass."""
        found: dict[str, list[str]] = {}
        new_ids = {r.record_id: r.kind for r in self.records}
        seen: set[str] = set()
        for record in self.records:
            messages = self._exists(record, seen)
            if not messages:
                messages = self._check_record(record, new_ids)
            seen.add(record.record_id)
            if messages:
                found[record.label or record.path] = messages
        return found

    def _exists(self, record: NewRecord, seen: set[str]) -> list[str]:
        if record.record_id in seen or (self.root / record.path).exists() or \
                self.index.exists(record.record_id):
            return [say("exists", self.lang, path=record.path)]
        out = []
        for name, source in record.files.items():
            if not source.is_file():
                out.append(say("no_file", self.lang, path=str(source)))
            elif (self.root / record.folder / name).exists():
                out.append(say("file_exists", self.lang, path=f"{record.folder}/{name}"))
            elif not _FILE_NAME.match(name):
                out.append(say("file_name", self.lang, name=name, suggestion=safe_file_name(name)))
        return out

    def _check_record(self, record: NewRecord, new_ids: dict[str, str]) -> list[str]:
        loaded = parse_record(record.text.encode("utf-8"), record.path)
        problems: list[Problem] = list(loaded.problems)
        if loaded.record is not None:
            ctx = Context(loaded.record)
            data = SCHEMAS[record.kind].struct.check(loaded.record.data, (), ctx)
            if data is not INVALID:
                self._references(record, ctx, new_ids)
                self._files(record, ctx, loaded.record.data)
                self._privacy(record, ctx, loaded.record.data)
            problems += ctx.problems
        return as_text(sorted(p for p in problems if p.severity == "error"), self.lang)

    def _references(self, record: NewRecord, ctx: Context, new_ids: dict[str, str]) -> None:
        people = set(self.index.people) | {i[7:] for i in new_ids if i.startswith("people/")}
        group = record.record_id.split("/")[1] if record.record_id.startswith("groups/") else ""
        for ref, value, at in ctx.refs:
            if ref == "person" and value not in people:
                ctx.report("J301", at, value=value, hint=ctx.hint(closest(value, sorted(people))))
            elif ref == "session":
                sid = f"groups/{group}/sessions/{value}"
                if sid not in new_ids and not self.index.exists(sid):
                    ctx.report("J302", at, value=value,
                               hint=ctx.hint(closest(value, self.index.sessions(group))))
            elif ref == "record" and value not in new_ids and not self.index.exists(value):
                ctx.report("J303", at, value=value, hint=ctx.hint(None))

    def _files(self, record: NewRecord, ctx: Context, raw: dict[str, Any]) -> None:
        where = f"{record.folder}/"
        for value, families, at in ctx.files:
            source = record.files.get(value)
            if source is None:
                existing = self.root / record.folder / value
                if not existing.is_file():
                    ctx.report("J401", at, value=value, folder=where,
                               hint=ctx.hint(closest(value, list(record.files))))
                continue
            family = filecheck.family_of(value)
            ext = os.path.splitext(value)[1].lower() or value
            if ext == ".svg":
                ctx.report("J412", at, value=value)
                continue
            if family not in families:
                accepted = sorted(e for f in families for e in filecheck.FAMILIES[f])
                ctx.report("J408", at, ext=ext, accepted=accepted)
                continue
            for found in filecheck.inspect(source, value, family, self.settings.limits,
                                           self.settings.max_pixels):
                ctx.report(found.code, at, **found.params)
            if family == "image" and record.kind == "product" and at[0] == "files":
                entry = raw["files"][at[1]]
                if not (isinstance(entry.get("alt"), str) and entry["alt"].strip()):
                    ctx.report("J504", at, value=value)

    def _privacy(self, record: NewRecord, ctx: Context, raw: dict[str, Any]) -> None:
        hits = list(privacy.scan_fields(raw, self.settings.privacy_allow))
        hits += [(("body",), hit) for hit in privacy.scan(record.body,
                                                          self.settings.privacy_allow)]
        for at, hit in hits:
            code = "J508" if hit.what is None else ("J502" if hit.near_keyword else "J503")
            ctx.report(code, at if at != ("body",) else (), field=".".join(map(str, at)),
                       value=hit.value, what=hit.what)

    # -- writing --

    def commit(self) -> Outcome:
        """Check, write everything, check the archive again; on any error undo it all."""
        problems = self.check()
        if problems:
            return Outcome(problems=problems)
        created: list[Path] = []
        try:
            for record in self.records:
                for name, source in record.files.items():
                    target = self.root / record.folder / name
                    created += _create(target, lambda fh, s=source: _copy(s, fh))
                target = self.root / record.path
                created += _create(target, lambda fh, r=record: fh.write(r.text.encode("utf-8")))
        except BaseException:
            _undo(created)
            raise
        after = self._final_check()
        if after:
            _undo(created)
            after.setdefault("", []).append(say("rolled_back", self.lang))
            return Outcome(problems=after)
        return Outcome(written=[p for p in created if p.is_file()])

    def _final_check(self) -> dict[str, list[str]]:
        result = check_archive(self.root)
        ours = {r.path: r for r in self.records}
        folders = [r.folder + "/" for r in self.records]
        found: dict[str, list[str]] = {}
        for p in result.errors:
            record = ours.get(p.path)
            if record is None and not any(p.path.startswith(f) for f in folders):
                continue
            label = (record.label or record.path) if record else p.path
            found.setdefault(label, []).extend(as_text([p], self.lang))
        return found


def _copy(source: Path, fh) -> None:
    with open(source, "rb") as src:
        shutil.copyfileobj(src, fh)


def _create(target: Path, write: Callable[[Any], Any]) -> list[Path]:
    """Create `target` complete or not at all, never replacing a file; return what was made
    (new folders first, so that undo can remove them)."""
    made: list[Path] = []
    missing = []
    parent = target.parent
    while not parent.exists():
        missing.append(parent)
        parent = parent.parent
    for folder in reversed(missing):
        folder.mkdir()
        made.append(folder)
    tmp = target.with_name(f".{target.name}.jejak-{os.getpid()}.tmp")
    try:
        with open(tmp, "xb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, target)  # fails if target exists: never overwrite
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links
            with open(target, "xb") as out, open(tmp, "rb") as src:
                shutil.copyfileobj(src, out)
    except BaseException:
        _undo(made)
        raise
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    made.append(target)
    return made


def _undo(created: list[Path]) -> None:
    for path in reversed(created):
        with contextlib.suppress(OSError):
            if path.is_dir():
                path.rmdir()  # only folders we made, and only when empty
            else:
                path.unlink()


def write_replacing(target: Path, data: bytes) -> None:
    """Replace an existing file atomically: a temp file beside it, then os.replace."""
    tmp = target.with_name(f".{target.name}.jejak-{os.getpid()}.tmp")
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            shutil.copymode(target, tmp)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


__all__ = ["Batch", "NewRecord", "Outcome", "render_record", "safe_file_name",
           "write_replacing", "problem"]
