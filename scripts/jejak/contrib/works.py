"""`jejak import works`: a spreadsheet of products or papers → records, all rows or none."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jejak.contrib.archive_index import ArchiveIndex
from jejak.contrib.attendance import AttendanceError, _header_key, read_rows
from jejak.contrib.forms import questions
from jejak.contrib.new import Given, draft_record
from jejak.contrib.writer import Batch
from jejak.errors import JejakError

# Spreadsheet headers (normalised) → question keys; every question key is accepted as is too.
ALIASES: dict[str, str] = {
    "judul": "title", "judul karya": "title", "judul tulisan": "title", "judul publikasi": "title",
    "tanggal": "date", "tanggal selesai": "date", "tanggal terbit": "date",
    "penulis": "authors", "pembuat": "authors", "nama penulis": "authors", "author": "authors",
    "jenis karya": "kind", "jenis media": "kind", "bentuk karya": "kind",
    "jenis tulisan": "type", "jenis publikasi": "type", "jenis naskah": "type",
    "kategori": "category", "kategori karya": "category",
    "paket": "package", "paket kerja": "package",
    "kompetensi": "competencies", "mata pelajaran": "subject", "mapel": "subject",
    "jenjang": "level", "kelas": "grade", "kegiatan": "session", "kegiatan asal": "session",
    "menampilkan siswa": "shows_students", "siswa terlihat": "shows_students",
    "wajah siswa terlihat": "shows_students", "siswa dapat dikenali": "shows_students",
    "izin wali": "consent", "izin orang tua": "consent", "persetujuan wali": "consent",
    "izin tertulis wali": "consent",
    "lisensi": "license", "kata kunci": "keywords", "abstrak": "abstract", "bahasa": "language",
    "jurnal": "publication.venue", "nama jurnal": "publication.venue",
    "venue": "publication.venue", "volume": "publication.volume",
    "nomor": "publication.issue", "halaman": "publication.pages",
    "penerbit": "publication.publisher", "issn": "publication.issn", "isbn": "publication.isbn",
    "doi": "publication.doi", "nama berkas": "slug", "kelompok": "group",
    "deskripsi": "body", "ringkasan": "body", "catatan": "body", "isi": "body",
    "berkas": "@files", "file": "@files", "files": "@files", "lampiran": "@files",
    "tautan": "@url", "url": "@url", "link": "@url", "tautan video": "@url",
    "tautan youtube": "@url", "tautan berkas": "@url",
    "teks alternatif": "@alt", "alt": "@alt", "keterangan berkas": "@caption",
    "caption": "@caption", "keterangan": "@caption",
    "jenis rekaman": "@record", "rekaman": "@record", "record": "@record",
}
RECORD_WORDS = {"karya": "product", "product": "product", "produk": "product",
                "publikasi": "paper", "paper": "paper", "tulisan": "paper", "makalah": "paper"}


@dataclass
class RowReport:
    row: int
    record_id: str = ""
    errors: list[str] = field(default_factory=list)


@dataclass
class WorksResult:
    rows: list[RowReport]
    ignored_columns: list[str]
    written: list[Path] = field(default_factory=list)
    general: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.general and all(not r.errors for r in self.rows)


def column_keys(headers: list[str], kind: str | None) -> tuple[dict[int, str], list[str]]:
    """Which question each column answers; the headers that answer none."""
    known = {q.key for k in ("product", "paper") for q in questions(k)}
    mapping, ignored = {}, []
    for i, header in enumerate(headers):
        key = header.strip() if header.strip() in known else None
        normal = _header_key(header)
        if key is None and normal == "jenis":
            key = "type" if kind == "paper" else "kind"
        key = key or ALIASES.get(normal) or (normal.replace(" ", "_") if normal.replace(
            " ", "_") in known else None)
        if key is None:
            ignored.append(header)
        else:
            mapping[i] = key
    return mapping, ignored


def import_works(root: Path, csv_path: Path, kind: str | None = None, group: str | None = None,
                 files_dir: Path | None = None, lang: str = "id",
                 dry_run: bool = False) -> WorksResult:
    """Check every row first; write all records or none."""
    root = Path(root)
    index = ArchiveIndex.read(root)
    rows = read_rows(csv_path)
    if len(rows) < 2:
        raise AttendanceError(f"{csv_path}: tidak ada baris data / no data rows")
    (_, headers), body = rows[0], rows[1:]
    mapping, ignored = column_keys(headers, kind)
    base = Path(files_dir) if files_dir else Path(csv_path).parent
    batch = Batch(root, index, lang)
    result = WorksResult([], ignored)
    for number, cells in body:
        report = RowReport(number)
        result.rows.append(report)
        row_kind, given, problems = _given(cells, mapping, kind, group, base, lang)
        if problems:
            report.errors += problems
            continue
        draft = draft_record(row_kind, root, given, lang, index=index)
        if draft.record is None:
            report.errors += draft.errors
            continue
        draft.record.label = _row_label(number, lang)
        report.record_id = draft.record.record_id
        batch.add(draft.record)
    labels = {r.label: r for r in batch.records}
    for label, messages in batch.check().items():
        row = next(rep for rep in result.rows if _row_label(rep.row, lang) == label)
        row.errors += [_strip_path(m, labels[label].path) for m in messages]
    if not result.ok or dry_run:
        return result
    outcome = batch.commit()
    if not outcome.ok:
        for label, messages in outcome.problems.items():
            target = next((rep for rep in result.rows if _row_label(rep.row, lang) == label), None)
            if target is None:
                result.general += messages
            else:
                target.errors += messages
        return result
    result.written = outcome.written
    return result


def _row_label(number: int, lang: str) -> str:
    return f"{'row' if lang == 'en' else 'baris'} {number}"


def _strip_path(message: str, path: str) -> str:
    return message.removeprefix(path + ":")


def _given(cells: list[str], mapping: dict[int, str], kind: str | None, group: str | None,
           base: Path, lang: str) -> tuple[str, Given, list[str]]:
    values: dict[str, str] = {}
    given = Given(values)
    record_kind = kind
    for i, key in mapping.items():
        cell = cells[i].strip() if i < len(cells) else ""
        if not cell:
            continue
        if key == "@record":
            record_kind = RECORD_WORDS.get(cell.lower(), cell.lower())
        elif key == "@files":
            given.files += [(None, _path(base, p)) for p in _split(cell)]
        elif key == "@url":
            given.urls += _split(cell)
        elif key == "@alt":
            given.alts.append(cell)
        elif key == "@caption":
            given.captions.append(cell)
        else:
            values[key] = cell
    if group and "group" not in values:
        values["group"] = group
    if record_kind not in ("product", "paper"):
        return "product", given, [
            "Kolom `jenis rekaman` harus `karya` atau `publikasi` (atau pakai --kind)."
            if lang != "en" else
            "Column `jenis rekaman` must be `karya` or `publikasi` (or use --kind)."]
    if record_kind == "paper":
        if given.urls and "publication.url" not in values:
            values["publication.url"] = given.urls.pop(0)
        if "kind" in values:  # a shared "jenis" column answered kind for a paper row
            values["type"] = values.pop("kind")
    else:
        if "type" in values and "kind" not in values:
            values["kind"] = values.pop("type")
    return record_kind, given, []


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.replace("\n", ";").split(";") if p.strip()]


def _path(base: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


__all__ = ["import_works", "WorksResult", "RowReport", "JejakError"]
