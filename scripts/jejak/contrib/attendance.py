"""`jejak import attendance`: a Google Forms/Sheets export → a session's attendees and head count.

Only two things ever reach the archive: the slugs of people who have a person
record, and a number. Names of everyone else, e-mail addresses and every other
column stay in the spreadsheet. The session file is edited as text: only the
`attendees:` and `participants:` lines change, everything else (comments,
quoting, order) stays byte for byte.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jejak.contrib.archive_index import ArchiveIndex, content_path
from jejak.contrib.names import Match, normalize
from jejak.contrib.writer import write_replacing
from jejak.errors import JejakError, Text
from jejak.loader import parse_record
from jejak.schema import SCHEMAS
from jejak.schema.context import Context
from jejak.schema.types import closest

# Headers of the name column, most specific first (normalised: lowercase, no punctuation)
_NAME_HEADERS = ("nama lengkap", "nama lengkap dan gelar", "nama lengkap beserta gelar",
                 "nama lengkap dengan gelar", "nama peserta", "nama guru", "nama", "full name",
                 "name", "your name")
_NOT_A_PERSON = ("madrasah", "sekolah", "instansi", "lembaga", "satuan", "kelompok", "kepala",
                 "pengguna", "user", "ayah", "ibu kandung", "kabupaten", "kota", "jabatan",
                 "kegiatan", "mapel", "pelajaran")
_TIME_HEADERS = ("cap waktu", "timestamp", "waktu", "tanggal", "time")


class AttendanceError(JejakError):
    """The export or the session cannot be used; the message is ready to show."""


@dataclass
class FormExport:
    """The name column of a form export, and when the answers were sent."""

    name_header: str
    names: list[str]  # one per non-blank row, in order
    blank_rows: int
    ignored_headers: list[str]
    first_time: dt.date | None = None
    last_time: dt.date | None = None


@dataclass
class AttendanceResult:
    session_id: str
    path: str
    export: FormExport
    unique: int
    duplicates: int
    matched: list[Match]
    close: list[Match]
    unmatched: int
    unmatched_names: list[str]  # shown on request in the terminal, never written
    attendees_before: list[str]
    attendees_after: list[str]
    participants_before: int | None
    participants_after: int
    close_applied: bool
    changed: bool
    written: bool = False
    notes: list[Text] = field(default_factory=list)


def _header_key(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())


def decode(raw: bytes) -> str:
    """Google exports UTF-8 (Excel adds a BOM); older Excel saves Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def read_table(path: Path) -> list[list[str]]:
    """Rows of a CSV export, with `,`, `;` or tab as separator (Excel in id-ID uses `;`)."""
    return [cells for _, cells in read_rows(path)]


def read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """Non-blank rows with their spreadsheet row number (the header is row 1)."""
    try:
        text = decode(Path(path).read_bytes())
    except OSError as exc:
        raise AttendanceError(f"{path}: {exc.strerror}") from exc
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    out = []
    for number, row in enumerate(reader, 1):
        cells = [cell.strip() for cell in row]
        if any(cells):
            out.append((number, cells))
    return out


def find_column(headers: list[str], wanted: tuple[str, ...], avoid: tuple[str, ...] = ()) -> int:
    keys = [_header_key(h) for h in headers]
    for name in wanted:
        if name in keys:
            return keys.index(name)
    for i, key in enumerate(keys):
        if any(w in key for w in wanted[:1] + ("nama",)) and not any(a in key for a in avoid):
            return i
    return -1


def read_export(path: Path, name_column: str | None = None) -> FormExport:
    rows = read_table(path)
    if not rows:
        raise AttendanceError(f"{path}: berkas kosong / the file is empty")
    headers, body = rows[0], rows[1:]
    if name_column:
        keys = [_header_key(h) for h in headers]
        wanted = _header_key(name_column)
        if wanted not in keys:
            raise AttendanceError(
                f"Kolom `{name_column}` tidak ada / column not found. "
                f"Kolom yang ada / columns: {', '.join(headers)}")
        column = keys.index(wanted)
    else:
        column = find_column(headers, _NAME_HEADERS, _NOT_A_PERSON)
    if column < 0:
        raise AttendanceError(
            "Kolom nama tidak ditemukan; sebutkan dengan --name-column. / No name column found; "
            f"name it with --name-column. Kolom / columns: {', '.join(headers)}")
    time_column = find_column(headers, _TIME_HEADERS[:2])
    names, blank, dates = [], 0, []
    for row in body:
        value = row[column] if column < len(row) else ""
        if not value.strip():
            blank += 1
            continue
        names.append(" ".join(value.split()))
        if 0 <= time_column < len(row):
            when = parse_timestamp(row[time_column])
            if when:
                dates.append(when)
    ignored = [h for i, h in enumerate(headers) if i != column]
    return FormExport(headers[column], names, blank, ignored, min(dates, default=None),
                      max(dates, default=None))


def parse_timestamp(text: str) -> dt.date | None:
    """The date of a Forms 'Cap waktu'/'Timestamp' cell, in the usual export spellings."""
    value = text.strip()
    m = re.match(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})", value)
    try:
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
        if m:
            a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            # Indonesian locale writes day first; US exports month first (then b > 12 shows it)
            day, month = (b, a) if b > 12 else (a, b)
            return dt.date(year, month, day)
    except ValueError:
        return None
    return None


# --- finding the session -------------------------------------------------------------------

def resolve_session(index: ArchiveIndex, given: str) -> str:
    """A session id from `groups/g/sessions/s`, `g/s` or a slug unique across groups."""
    value = given.strip().strip("/").removeprefix("content/").removesuffix(".md")
    sessions = sorted(i for i, k in index.ids.items() if k == "session")
    if value in sessions:
        return value
    parts = value.split("/")
    if len(parts) == 2 and f"groups/{parts[0]}/sessions/{parts[1]}" in sessions:
        return f"groups/{parts[0]}/sessions/{parts[1]}"
    by_slug = [s for s in sessions if s.rsplit("/", 1)[-1] == parts[-1]]
    if len(by_slug) == 1:
        return by_slug[0]
    if len(by_slug) > 1:
        raise AttendanceError(
            f"Slug `{value}` ada di beberapa kelompok; tulis lengkap / is in several groups; "
            f"write it in full: {', '.join(by_slug)}")
    guess = closest(parts[-1], [s.rsplit("/", 1)[-1] for s in sessions])
    hint = f" Mungkin maksudnya / did you mean `{guess}`?" if guess else ""
    raise AttendanceError(f"Kegiatan `{given}` tidak ditemukan / session not found.{hint}")


# --- the import ------------------------------------------------------------------------------

def import_attendance(root: Path, session: str, csv_path: Path, accept_close: bool = False,
                      threshold: float = 85.0, name_column: str | None = None,
                      replace: bool = False, dry_run: bool = False) -> AttendanceResult:
    """Match the export against person records and rewrite the session's two fields."""
    root = Path(root)
    index = ArchiveIndex.read(root)
    session_id = resolve_session(index, session)
    rel = content_path(session_id)
    raw = (root / rel).read_bytes()
    loaded = parse_record(raw, rel)
    if loaded.record is None:
        raise AttendanceError(f"{rel}: " + "; ".join(p.message("id") for p in loaded.problems))
    before = loaded.record.data
    export = read_export(csv_path, name_column)
    people = index.person_index()

    unique: dict[str, str] = {}
    for name in export.names:
        unique.setdefault(normalize(name) or name.lower(), name)
    matched, close, unmatched_names = [], [], []
    for typed in unique.values():
        match = people.find(typed, threshold)
        if match.exact:
            matched.append(match)
        elif match.slug is not None:
            close.append(match)
        else:
            unmatched_names.append(typed)
    old_attendees = [a for a in before.get("attendees") or [] if isinstance(a, str)]
    new_slugs = [m.slug for m in matched] + ([m.slug for m in close] if accept_close else [])
    attendees = [] if replace else list(old_attendees)
    for slug in new_slugs:
        if slug and slug not in attendees:
            attendees.append(slug)
    old_participants = before.get("participants")
    old_count = old_participants if isinstance(old_participants, int) and not isinstance(
        old_participants, bool) else None
    participants = max(len(unique), len(attendees), 0 if replace else (old_count or 0))
    result = AttendanceResult(
        session_id, rel, export, len(unique), len(export.names) - len(unique), matched, close,
        len(unmatched_names) + (0 if accept_close else len(close)), unmatched_names,
        old_attendees, attendees, old_count, participants, accept_close and bool(close),
        changed=attendees != old_attendees or participants != old_count,
    )
    session_date = before.get("date")
    if export.first_time and isinstance(session_date, str) and re.fullmatch(
            r"\d{4}-\d{2}-\d{2}", session_date):
        day = dt.date.fromisoformat(session_date)
        if export.last_time and not (export.first_time - dt.timedelta(days=7) <= day
                                     <= export.last_time + dt.timedelta(days=7)):
            result.notes.append(Text(
                f"Cap waktu isian ({export.first_time}–{export.last_time}) jauh dari tanggal "
                f"kegiatan ({session_date}); pastikan berkasnya benar.",
                f"The form timestamps ({export.first_time}–{export.last_time}) are far from the "
                f"session date ({session_date}); make sure this is the right export."))
    if not result.changed or dry_run:
        return result
    new_raw = rewrite_attendance(raw, attendees, participants)
    _verify(new_raw, raw, rel, attendees, participants, index)
    write_replacing(root / rel, new_raw)
    result.written = True
    return result


def _verify(new_raw: bytes, old_raw: bytes, rel: str, attendees: list[str], participants: int,
            index: ArchiveIndex) -> None:
    """The edited text must parse, change nothing else and pass the session schema."""
    new = parse_record(new_raw, rel)
    old = parse_record(old_raw, rel)
    if new.record is None or old.record is None:
        raise AttendanceError(f"{rel}: penyuntingan gagal / the edit failed to parse")
    strip = ("attendees", "participants")
    same_rest = {k: v for k, v in new.record.data.items() if k not in strip} == \
        {k: v for k, v in old.record.data.items() if k not in strip}
    if not same_rest or new.record.body != old.record.body:
        raise AttendanceError(f"{rel}: penyuntingan mengubah isian lain / the edit changed "
                              "other fields; nothing was written")
    if new.record.data.get("attendees", []) != attendees or \
            new.record.data.get("participants") != participants:
        raise AttendanceError(f"{rel}: penyuntingan tidak menghasilkan nilai yang diharapkan / "
                              "the edit did not produce the expected values")
    ctx = Context(new.record)
    SCHEMAS["session"].struct.check(new.record.data, (), ctx)
    ours = [p for p in ctx.problems if p.field.split(".")[0].split("[")[0] in strip
            and p.severity == "error"]
    missing = [a for a in attendees if a not in index.people]
    if ours or missing:
        detail = "; ".join([p.message("id") for p in ours] + missing)
        raise AttendanceError(f"{rel}: {detail}")


# --- editing the front matter as text ---------------------------------------------------------

_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)")
_ORDER = list(SCHEMAS["session"].fields)


def rewrite_attendance(raw: bytes, attendees: list[str], participants: int) -> bytes:
    """Only the `attendees:` and `participants:` lines change; every other byte stays."""
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    text = raw[len(bom):].decode("utf-8")
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        raise AttendanceError("front matter tidak ditemukan / no front matter")
    end = next((i for i in range(1, len(lines)) if re.fullmatch(r"---[ \t]*", lines[i].rstrip(
        "\r\n"))), None)
    if end is None:
        raise AttendanceError("front matter tidak ditutup / front matter not closed")
    front = lines[1:end]
    front = _set_block(front, "attendees", attendees, newline)
    front = _set_block(front, "participants", participants, newline)
    return bom + "".join([lines[0], *front, *lines[end:]]).encode("utf-8")


def _blocks(front: list[str]) -> dict[str, tuple[int, int]]:
    """Top-level key → (first line, line after its block), trailing blanks/comments excluded."""
    starts = [(i, m.group(1)) for i, line in enumerate(front) if (m := _KEY.match(line))]
    out = {}
    for n, (start, key) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else len(front)
        while stop - 1 > start and (not front[stop - 1].strip() or front[stop - 1].startswith("#")):
            stop -= 1
        out[key] = (start, stop)
    return out


def _comment_of(line: str) -> str:
    m = re.search(r"([ \t]+#.*)$", line.rstrip("\r\n"))
    return m.group(1) if m else ""


def _set_block(front: list[str], key: str, value: Any, newline: str) -> list[str]:
    blocks = _blocks(front)
    if key in blocks:
        start, stop = blocks[key]
        new_lines = _render(key, value, front[start:stop], newline)
        return front[:start] + new_lines + front[stop:]
    position = _insert_at(blocks, key, len(front))
    return front[:position] + _render(key, value, [], newline) + front[position:]


def _insert_at(blocks: dict[str, tuple[int, int]], key: str, default: int) -> int:
    """After the block of the last present field that the schema lists before `key`."""
    rank = _ORDER.index(key)
    before = [(span[1], k) for k, span in blocks.items() if k in _ORDER and
              _ORDER.index(k) < rank]
    if before:
        return max(before)[0]
    after = [span[0] for k, span in blocks.items() if k in _ORDER and _ORDER.index(k) > rank]
    return min(after) if after else default


def _render(key: str, value: Any, old: list[str], newline: str) -> list[str]:
    head = old[0] if old else ""
    comment = _comment_of(head) if old else ""
    if isinstance(value, int):
        return [f"{key}: {value}{comment}{newline}"]
    if old and re.match(rf"{key}[ \t]*:[ \t]*\[", head):  # flow style stays flow style
        return [f"{key}: [{', '.join(value)}]{comment}{newline}"]
    if not value:
        return [f"{key}: []{comment}{newline}"]
    items: dict[str, str] = {}
    indent = "  - "
    for line in old[1:]:
        m = re.match(r"^([ \t]*-[ \t]+)([a-z0-9-]+)(?=[ \t]*(?:#|$))", line.rstrip("\r\n"))
        if m:
            indent = m.group(1)
            items.setdefault(m.group(2), line if line.endswith(("\n", "\r")) else line + newline)
    body = [items.get(slug, f"{indent}{slug}{newline}") for slug in value]
    first = f"{key}:{comment}{newline}" if old else f"{key}:{newline}"
    return [first, *body]


def summary(result: AttendanceResult, lang: str = "id", show_unmatched: bool = False) -> list[str]:
    """The report printed after an import, in the contributor's language."""
    en = lang == "en"
    e = result.export
    lines = [
        (f"Attendance: {result.session_id}" if en else f"Presensi: {result.session_id}"),
        (f"  Name column: “{e.name_header}”; other columns ignored and never written: "
         f"{len(e.ignored_headers)}" if en else
         f"  Kolom nama: “{e.name_header}”; kolom lain diabaikan dan tidak ditulis: "
         f"{len(e.ignored_headers)}"),
        (f"  Rows: {len(e.names)} with a name ({e.blank_rows} blank), {result.duplicates} "
         f"duplicate submission(s), {result.unique} unique participant(s)" if en else
         f"  Baris: {len(e.names)} berisi nama ({e.blank_rows} kosong), {result.duplicates} "
         f"kiriman ganda, {result.unique} peserta unik"),
    ]
    if e.first_time:
        lines.append(f"  {'Submitted' if en else 'Dikirim'}: {e.first_time} – {e.last_time}")
    lines.append(f"  Matched person records ({len(result.matched)}):" if en else
                  f"  Cocok dengan rekaman orang ({len(result.matched)}):")
    lines += [f"    {m.typed} → {m.slug}" for m in result.matched]
    if result.close:
        state = ("applied (--accept-close)" if en else "diterapkan (--accept-close)") \
            if result.close_applied else ("NOT applied; check them, then rerun with "
                                          "--accept-close" if en else "BELUM diterapkan; "
                                          "periksa, lalu ulangi dengan --accept-close")
        lines.append(f"  Close matches to review ({len(result.close)}), {state}:" if en else
                      f"  Nama mirip yang perlu diperiksa ({len(result.close)}), {state}:")
        lines += [f"    {m.typed} ≈ {m.slug} ({m.score:.0f}%)" for m in result.close]
    lines.append(f"  Without a person record: {result.unmatched} (counted in participants, "
                  "never written by name)" if en else
                  f"  Tanpa rekaman orang: {result.unmatched} (dihitung di participants, "
                  "namanya tidak ditulis)")
    if show_unmatched:
        lines += [f"    - {name}" for name in result.unmatched_names]
    before = "-" if result.participants_before is None else result.participants_before
    lines.append(f"  attendees: {len(result.attendees_before)} → {len(result.attendees_after)}; "
                 f"participants: {before} → {result.participants_after}")
    lines += [f"  ! {note.en if en else note.id}" for note in result.notes]
    if result.written:
        lines.append(f"{'Written' if en else 'Ditulis'}: {result.path}")
    elif not result.changed:
        lines.append("Nothing to change." if en else "Tidak ada yang berubah.")
    else:
        lines.append("Dry run: nothing written." if en else "Uji coba: tidak ada yang ditulis.")
    return lines
