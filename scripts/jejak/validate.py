"""Checking a whole archive: every record, reference, file and privacy rule, all problems at once.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from jejak import files as filecheck
from jejak import privacy
from jejak.config import REGISTRY, Settings, load_settings
from jejak.errors import Problem, RootNotFound, Text, problem
from jejak.loader import RawRecord, dotted, load_record
from jejak.model import GROUP_CHILDREN, Archive, Record, url_of
from jejak.schema import SCHEMAS
from jejak.schema.context import Context
from jejak.schema.types import INVALID, RECORD_ID, SLUG, closest

RECORD_SHAPES = Text(
    "content/groups/<kelompok>/index.md, content/groups/<kelompok>/{plans,sessions,products,"
    "papers}/<slug>.md, content/people/<orang>.md",
    "content/groups/<group>/index.md, content/groups/<group>/{plans,sessions,products,"
    "papers}/<slug>.md, content/people/<person>.md",
)
_UNSAFE_HTML = [
    (re.compile(r"<\s*script\b", re.I), Text("tag <script>", "<script> tags")),
    (re.compile(r"<\s*(?:style|iframe|object|embed|form|input|button|link|meta|base)\b", re.I),
     Text("tag yang tidak diizinkan (style, iframe, form…)",
          "disallowed tags (style, iframe, form…)")),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
     Text("atribut on…= (event handler)", "on…= event handlers")),
    (re.compile(r"<[^>]*\sstyle\s*=", re.I), Text("atribut style", "style attributes")),
    # `data:` only as a URL (data:image/png…): "Sumber data: BPS" is prose, not a link
    (re.compile(r"\b(?:javascript|vbscript)\s*:|\bdata:[a-z]+/[a-z0-9.+-]+[;,]", re.I),
     Text("tautan javascript:/data:", "javascript:/data: links")),
    (re.compile(r"<[^>]*\s(?:id|name)\s*=\s*[\"']?__", re.I),
     Text("id yang bentrok dengan tema", "ids that collide with the theme")),
]


@dataclass
class CheckResult:
    """What a check found: the problems, and the records that passed their schema."""

    problems: list[Problem]
    records: list[Record]
    settings: Settings
    files_used: dict[str, set[str]] = field(default_factory=dict)
    _archive: Archive | None = field(default=None, repr=False, compare=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def archive(self) -> Archive:
        """The published records, indexed (made once: the build asks several times)."""
        if self._archive is None:
            self._archive = Archive.from_records(self.records)
        return self._archive


@dataclass
class _Checked:
    record: Record
    raw: RawRecord
    ctx: Context


def check_archive(root: Path, settings: Settings | None = None,
                  remember: bool = False) -> CheckResult:
    """Load and validate every record under ROOT/content.

    Never writes into ROOT. With `remember` (used by the build, never by `jejak check`) the
    content hashes of images that decoded cleanly go to the user's cache folder (never
    inside ROOT, where a pull request could plant them), so the next run decodes only new
    or changed images."""
    root = Path(root)
    if not (root / "content").is_dir():
        raise RootNotFound(str(root.resolve()))
    problems: list[Problem] = []
    if settings is None:
        settings, config_problems = load_settings(root)
        problems += config_problems
    checked: list[_Checked] = []
    unreadable: set[str] = set()  # ids whose file exists but could not be read
    files = list(_record_files(root, problems, unreadable))
    for (rel, record_id, kind), result in zip(files, _load_all(root, [f[0] for f in files]),
                                              strict=True):
        problems += result.problems
        if result.record is None:
            unreadable.add(record_id)
            continue
        ctx = Context(result.record)
        schema = SCHEMAS[kind]
        waived = frozenset(schema.file_fields) if "withdrawn" in result.record.data else frozenset()
        data = schema.struct.check(result.record.data, (), ctx, waived=waived)
        if data is INVALID:
            problems += ctx.problems
            continue
        record = Record(record_id, kind, rel, data, result.record.body, result.record.body_line)
        checked.append(_Checked(record, result.record, ctx))
    by_id = {c.record.id: c.record for c in checked}
    files_used: dict[str, set[str]] = {}
    images = filecheck.ImageInspector(settings.max_pixels, _known_good(root, settings))
    for item in checked:
        _withdrawn_without_files(item, SCHEMAS[item.record.kind].file_fields)
        _references(item, by_id, unreadable)
        _files(root, item, settings, files_used, images)
        _privacy(item, settings)
        _body_html(item)
    images.run()  # decodes the images queued above, in bulk
    for item in checked:
        problems += item.ctx.problems
    if remember:
        _remember_good(root, images)
    problems += _orphans(root, checked, by_id)
    problems += _ids(root, checked, by_id)
    problems += _stray_archive_files(root, files_used)
    problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.code, p.field,
                                                    p.message("en")))
    return CheckResult(problems, [c.record for c in checked], settings, files_used)


PARALLEL_LOAD = 2000  # records from which reading and parsing is spread over the cores


def _load_all(root: Path, rels: list[str]) -> list:
    """LoadResult of every record file, in order; large archives use every core."""
    from jejak.parallel import worker_count

    workers = worker_count()
    if len(rels) < PARALLEL_LOAD or workers < 2:
        return [load_record(root / rel, rel) for rel in rels]
    from concurrent.futures import ProcessPoolExecutor

    jobs = [(str(root / rel), rel) for rel in rels]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(_load_job, jobs, chunksize=max(50, len(jobs) // (workers * 8))))


def _load_job(job: tuple[str, str]):
    return load_record(Path(job[0]), job[1])


def _verified_cache(root: Path, images: filecheck.ImageInspector) -> Path:
    # Outside ROOT on purpose: a list committed into the archive could vouch for a bomb.
    from jejak.cache import user_cache_dir

    return user_cache_dir() / images.cache_name()


def _known_good(root: Path, settings: Settings) -> frozenset[str]:
    path = _verified_cache(root, filecheck.ImageInspector(settings.max_pixels))
    try:
        return frozenset(path.read_text(encoding="ascii").split())
    except (OSError, UnicodeDecodeError):
        return frozenset()


def _remember_good(root: Path, images: filecheck.ImageInspector) -> None:
    path = _verified_cache(root, images)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text("\n".join(sorted(images.good)) + "\n", encoding="ascii")
    os.replace(tmp, path)


def _record_files(root: Path, problems: list[Problem], refused: set[str] | None = None):
    """(relative path, id, kind) of every record file; anything else is reported.

    Ids of record files that are there but refused (symlinks) go into `refused`.
    """
    content = root / "content"
    if content.is_symlink():
        problems.append(problem("content", 1, 1, "J406", value="content"))
        return
    for dirpath, dirnames, filenames in os.walk(content):
        dirnames.sort()
        here = Path(dirpath)
        for name in sorted(dirnames):
            if (here / name).is_symlink():
                problems.append(problem(_rel(root, here / name), 1, 1, "J406",
                                        value=_rel(root, here / name)))
                dirnames.remove(name)
        for name in sorted(filenames):
            path = here / name
            rel = _rel(root, path)
            if name.startswith(".") and name in (".gitkeep", ".DS_Store"):
                continue
            if path.is_symlink():
                problems.append(problem(rel, 1, 1, "J406", value=rel))
                if refused is not None and classify(rel) is not None:
                    refused.add(classify(rel)[0])
                continue
            shape = classify(rel)
            if shape is None:
                problems.append(problem(rel, 1, 1, "J003", accepted=RECORD_SHAPES))
                continue
            record_id, kind = shape
            bad_slug = next((s for s in record_id.split("/")[1::2] if not SLUG.match(s)), None)
            if bad_slug is not None:
                problems.append(problem(rel, 1, 1, "J113", name=bad_slug,
                                        suggestion=slugify(bad_slug)))
                continue
            yield rel, record_id, kind


def classify(rel: str) -> tuple[str, str] | None:
    """The id and kind of a record from its path, or None if it is not a record path."""
    parts = rel.split("/")
    if parts[0] != "content" or not rel.endswith(".md"):
        return None
    parts = parts[1:]
    parts[-1] = parts[-1][:-3]
    if len(parts) == 2 and parts[0] == "people":
        return f"people/{parts[1]}", "person"
    if len(parts) == 3 and parts[0] == "groups" and parts[2] == "index":
        return f"groups/{parts[1]}", "group"
    if len(parts) == 4 and parts[0] == "groups" and parts[2] in GROUP_CHILDREN:
        return "/".join(parts), GROUP_CHILDREN[parts[2]]
    return None


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "nama-berkas"


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _withdrawn_without_files(item: _Checked, file_fields: tuple[str, ...]) -> None:
    if item.record.withdrawn is None:
        return
    for name in file_fields:
        if name in item.raw.data:
            item.ctx.report("J218", (name,), key=True)


def _references(item: _Checked, by_id: dict[str, Record], unreadable: set[str]) -> None:
    """Referenced records exist; one that exists but could not be read has its own error."""
    record, ctx = item.record, item.ctx
    for ref, value, at in ctx.refs:
        target_id = {"person": f"people/{value}",
                     "session": f"groups/{record.group}/sessions/{value}"}.get(ref, value)
        if target_id in unreadable:
            continue
        if ref == "person":
            target = by_id.get(f"people/{value}")
            if target is None:
                people = [rid[7:] for rid in by_id if rid.startswith("people/")]
                ctx.report("J301", at, value=value, hint=ctx.hint(closest(value, people)))
                continue
        elif ref == "session":
            prefix = f"groups/{record.group}/sessions/"
            target = by_id.get(prefix + value)
            if target is None:
                sessions = [rid[len(prefix):] for rid in by_id if rid.startswith(prefix)]
                ctx.report("J302", at, value=value, hint=ctx.hint(closest(value, sessions)))
                continue
        else:
            target = by_id.get(value)
            if target is None:
                ctx.report("J303", at, value=value, hint=ctx.hint(closest(value, list(by_id))))
                continue
        if (target.draft or target.withdrawn) and not (record.draft or record.withdrawn):
            ctx.report("J307", at, value=target.id)


def _files(root: Path, item: _Checked, settings: Settings, used: dict[str, set[str]],
           images: filecheck.ImageInspector) -> None:
    record, ctx = item.record, item.ctx
    archive = root / "archive"
    for value, families, at in ctx.files:
        resolved, finding = filecheck.resolve(archive, record.folder, value)
        if finding is None or finding.code == "J401":  # named by a record: never "unreferenced"
            used.setdefault(record.folder, set()).add(value)
        if finding is None:
            family = filecheck.family_of(value)
            ext = os.path.splitext(value)[1].lower() or value
            if ext == ".svg":
                finding = filecheck.Finding("J412", {"value": value})
            elif family not in families:
                accepted = sorted(e for f in families for e in filecheck.FAMILIES[f])
                finding = filecheck.Finding("J408", {"ext": ext, "accepted": accepted})
            else:
                def report(found: filecheck.Finding, at: tuple = at) -> None:
                    ctx.report(found.code, at, **found.params)

                for found in filecheck.inspect(resolved, value, family, settings.limits,
                                               settings.max_pixels, images, report):
                    report(found)
                if family == "image" and _needs_alt(record, at) and not _alt(item.raw.data, at):
                    ctx.report("J504", at, value=value)
                continue
        ctx.report(finding.code, at, **finding.params)


def _needs_alt(record: Record, at: tuple) -> bool:
    return record.kind == "product" and len(at) == 3 and at[0] == "files"


def _alt(data: dict, at: tuple) -> bool:
    entry = data["files"][at[1]]
    alt = entry.get("alt") if isinstance(entry, dict) else None
    return isinstance(alt, str) and bool(alt.strip())


def _privacy(item: _Checked, settings: Settings) -> None:
    ctx = item.ctx
    for at, hit in privacy.scan_fields(item.raw.data, settings.privacy_allow):
        _report_hit(ctx, at, hit, dotted(at))
    body = item.record.body
    for hit in privacy.scan(body, settings.privacy_allow):
        line = item.record.body_line + body.count("\n", 0, hit.start)
        column = hit.start - body.rfind("\n", 0, hit.start)
        _report_hit_at(ctx, line, column, hit, "body")


def _report_hit(ctx: Context, at: tuple, hit: privacy.Hit, name: str) -> None:
    line, column = ctx.record.mark(at)
    _report_hit_at(ctx, line, column, hit, name)


def _report_hit_at(ctx: Context, line: int, column: int, hit: privacy.Hit, name: str) -> None:
    path = ctx.record.path
    if hit.what is None:
        ctx.problems.append(problem(path, line, column, "J508", name, value=hit.value))
    else:
        code = "J502" if hit.near_keyword else "J503"
        ctx.problems.append(problem(path, line, column, code, name, value=hit.value, what=hit.what))


def _body_html(item: _Checked) -> None:
    body = item.record.body
    # only a tag or a script/data URL can be unsafe: most bodies have neither
    if "<" not in body and not _UNSAFE_HTML[4][0].search(body):
        return
    for pattern, what in _UNSAFE_HTML:
        m = pattern.search(body)
        if m:
            line = item.record.body_line + body.count("\n", 0, m.start())
            column = m.start() - body.rfind("\n", 0, m.start())
            item.ctx.problems.append(problem(item.record.path, line, column, "J601", "body",
                                             what=what))


def _ids(root: Path, checked: list[_Checked], by_id: dict[str, Record]) -> list[Problem]:
    """Permanent ids: published-ids.txt, moved_from and URL collisions."""
    out: list[Problem] = []
    claimed: dict[str, _Checked] = {}
    raws = {item.record.id: item.raw for item in checked}
    for item in checked:
        for i, old in enumerate(item.record.moved_from):
            at = ("moved_from", i)
            line, col = item.raw.mark(at)
            if old in by_id:
                out.append(problem(item.record.path, line, col, "J306", "moved_from", value=old,
                                   problem=Text("masih dipakai oleh rekaman lain",
                                                "is still used by another record")))
            elif old in claimed:
                other = claimed[old].record.path
                out.append(problem(item.record.path, line, col, "J304", "moved_from",
                                   url="/" + url_of(old), other=other))
            elif not item.record.draft:  # a draft is not published: it redirects nothing
                claimed[old] = item
    registry = root / REGISTRY
    if not registry.is_file():
        return out
    lines = registry.read_text(encoding="utf-8", errors="replace").splitlines()
    for number, line in enumerate(lines, 1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        if not RECORD_ID.match(value):
            out.append(problem(REGISTRY, number, 1, "J309", value=value))
            continue
        record = by_id.get(value)
        if record is None and value not in claimed:
            if not (root / (_content_path(value))).exists():
                out.append(problem(REGISTRY, number, 1, "J305", value=value))
        elif record is not None and record.draft:
            line, col = raws[value].mark(("draft",), key=True)
            out.append(problem(record.path, line, col, "J308", "draft", value=value))
    return out


def _orphans(root: Path, checked: list[_Checked], by_id: dict[str, Record]) -> list[Problem]:
    """Records filed under a group folder that has no group record (index.md)."""
    out = []
    for item in checked:
        group = item.record.group
        if item.record.kind != "group" and group and f"groups/{group}" not in by_id:
            if (root / "content" / "groups" / group / "index.md").exists():
                continue  # there, but broken: its own problems say why
            out.append(problem(item.record.path, 1, 1, "J310", value=group))
    return out


def _content_path(record_id: str) -> str:
    parts = record_id.split("/")
    return f"content/{record_id}/index.md" if len(parts) == 2 and parts[0] == "groups" \
        else f"content/{record_id}.md"


def _stray_archive_files(root: Path, used: dict[str, set[str]]) -> list[Problem]:
    """Files nobody names (a warning) and symlinks anywhere in archive/ (an error)."""
    archive = root / "archive"
    out: list[Problem] = []
    if not archive.is_dir():
        return out
    for dirpath, dirnames, filenames in os.walk(archive):
        here = Path(dirpath)
        for name in list(dirnames):
            if (here / name).is_symlink():
                rel = _rel(root, here / name)
                out.append(problem(rel, 1, 1, "J406", value=rel))
                dirnames.remove(name)
        for name in filenames:
            path = here / name
            rel = _rel(root, path)
            if name in (".gitkeep", ".DS_Store"):
                continue
            if stat.S_ISLNK(os.lstat(path).st_mode):
                out.append(problem(rel, 1, 1, "J406", value=rel))
                continue
            inner = path.relative_to(archive).as_posix()
            if not any(inner == f"{folder}/{f}" for folder, names in _owners(inner, used)
                       for f in names):
                out.append(problem(rel, 1, 1, "J415", value=rel))
    return out


def _owners(inner: str, used: dict[str, set[str]]):
    parts = inner.split("/")
    for cut in range(1, len(parts)):
        folder = "/".join(parts[:cut])
        if folder in used:
            yield folder, used[folder]
