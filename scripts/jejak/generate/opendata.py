"""Open data: data/records.json and records.csv with a Frictionless data package."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from jejak.config import Settings
from jejak.generate.common import (
    creators,
    keywords,
    license_of,
    local_files,
    original_path,
    record_url,
)
from jejak.generate.linked_data import doi_url
from jejak.model import Archive, Record

Dates = Callable[[Record], "tuple[dt.date | None, dt.date | None]"]

# (column, Frictionless type, description): the CSV's schema, in column order
COLUMNS: list[tuple[str, str, str]] = [
    ("id", "string", "Permanent record id (its path under content/ without .md)."),
    ("kind", "string", "group, person, plan, session, product or paper."),
    ("group", "string", "Slug of the group the record belongs to."),
    ("url", "string", "Permanent address of the record's page."),
    ("title", "string", "Title, or the name of a group or person."),
    ("date", "date", "Date of the work or session (start)."),
    ("end", "date", "End date of a multi-day session."),
    ("year", "integer", "Year of a plan."),
    ("authors", "string", "Authors as named in their person records, separated by `; `."),
    ("author_ids", "string", "Person slugs of the authors with a record, separated by `; `."),
    ("type", "string", "Paper type, product kind, session format, group kind or positions."),
    ("category", "string", "Product category."),
    ("package", "string", "Work package: perangkat, metode, media or penilaian."),
    ("competencies", "string", "Competencies developed, separated by `; `."),
    ("subject", "string", "Subject."),
    ("level", "string", "School level."),
    ("grade", "integer", "Grade 1-12."),
    ("keywords", "string", "Keywords, separated by `; `."),
    ("license", "string", "SPDX license id of the work (the group's default when not set)."),
    ("doi", "string", "DOI address of the published version."),
    ("files", "integer", "Number of archived original files."),
    ("added", "date", "Date the record entered the archive (first git commit)."),
    ("modified", "date", "Date of the record's last change (last git commit)."),
    ("withdrawn", "string", "Reason for withdrawal, when the record was withdrawn."),
]


def jsonable(value: Any) -> Any:
    """Typed front matter as JSON: dates as ISO strings, everything else as it is."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def _type_of(record: Record) -> str:
    if record.kind == "paper":
        return str(record.get("type") or "")
    if record.kind == "product":
        return str(record.get("kind") or "")
    if record.kind == "session":
        return str(record.get("format") or "")
    if record.kind == "group":
        return str(record.get("kind") or "")
    if record.kind == "person":
        return "; ".join(record.get("positions") or ())
    return ""


def _row(record: Record, archive: Archive, settings: Settings, dates: Dates) -> dict[str, Any]:
    added, modified = dates(record)
    people = creators(record, archive, settings) if record.kind != "person" else []
    return {
        "id": record.id, "kind": record.kind, "group": record.group or "",
        "url": record_url(record, settings), "title": record.title,
        "date": record.date.isoformat() if record.date else "",
        "end": record.get("end").isoformat() if isinstance(record.get("end"), dt.date) else "",
        "year": record.get("year") if record.kind == "plan" else "",
        "authors": "; ".join(c.name for c in people),
        "author_ids": "; ".join(c.slug for c in people if c.slug),
        "type": _type_of(record), "category": record.get("category") or "",
        "package": record.get("package") or "",
        "competencies": "; ".join(record.get("competencies") or ()),
        "subject": record.get("subject") or "", "level": record.get("level") or "",
        "grade": record.get("grade") if record.get("grade") is not None else "",
        "keywords": "; ".join(keywords(record)),
        "license": license_of(record, archive) or "", "doi": doi_url(record) or "",
        "files": 0 if record.withdrawn else len(local_files(record)),
        "added": added.isoformat() if added else "",
        "modified": modified.isoformat() if modified else "",
        "withdrawn": record.withdrawn or "",
    }


def _cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run as a formula (records.json keeps the exact text)."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "@", "\t", "\r"):
        return "'" + text
    return text


def records_csv(rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _, _ in COLUMNS])
    for row in rows:
        writer.writerow([_cell(row[name]) for name, _, _ in COLUMNS])
    return buffer.getvalue().encode("utf-8")


def records_json(records: list[Record], rows: list[dict[str, Any]], settings: Settings,
                 hashes: dict[str, str]) -> bytes:
    items = []
    for record, row in zip(records, rows, strict=True):
        files = []
        if not record.withdrawn:
            for value in local_files(record):
                path = original_path(record, value)
                files.append({"file": value, "url": f"{settings.site_url}/{path}",
                              "sha256": hashes.get(path)})
        items.append({**{k: (v if v != "" else None) for k, v in row.items()},
                      "data": jsonable(dict(record.data)), "body": record.body,
                      "original_files": files})
    # one record per line: readable, diffable, and fast (the indenting encoder is pure Python)
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    return f"[\n{lines}\n]\n".encode()


def datapackage(settings: Settings, site_name: str, csv_bytes: bytes, json_bytes: bytes,
                count: int) -> bytes:
    host = urlsplit(settings.site_url).hostname or "jejak"
    path = urlsplit(settings.site_url).path.strip("/").replace("/", "-")
    name = "-".join(p for p in ("jejak", host.replace(".", "-"), path) if p).lower()
    package = {
        "profile": "data-package",
        "name": name,
        "title": site_name,
        "description": f"{count} rekaman arsip / records of the archive {site_name}. Each record "
                       "carries its own license (column `license`). In records.csv, a cell "
                       "that would start with =, +, @, a tab or a carriage return is prefixed "
                       "with ' so spreadsheets do not run it; records.json keeps the exact text.",
        "homepage": settings.site_url + "/",
        "resources": [
            {"name": "records", "path": "records.csv", "profile": "tabular-data-resource",
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "bytes": len(csv_bytes), "hash": "sha256:" + hashlib.sha256(csv_bytes).hexdigest(),
             "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
             "schema": {"fields": [{"name": n, "type": t, "description": d}
                                   for n, t, d in COLUMNS],
                        "primaryKey": "id"}},
            {"name": "records-json", "path": "records.json", "profile": "data-resource",
             "format": "json", "mediatype": "application/json", "encoding": "utf-8",
             "bytes": len(json_bytes), "hash": "sha256:" + hashlib.sha256(json_bytes).hexdigest(),
             "description": "The same records with their full front matter (`data`), body and "
                            "original files with SHA-256."},
        ],
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def open_data(archive: Archive, settings: Settings, site_name: str, dates: Dates,
              hashes: dict[str, str]) -> dict[str, bytes]:
    """data/records.json, data/records.csv and data/datapackage.json."""
    records = sorted(archive.records.values(), key=lambda r: r.id)
    rows = [_row(r, archive, settings, dates) for r in records]
    csv_bytes = records_csv(rows)
    json_bytes = records_json(records, rows, settings, hashes)
    return {
        "data/records.csv": csv_bytes,
        "data/records.json": json_bytes,
        "data/datapackage.json": datapackage(settings, site_name, csv_bytes, json_bytes,
                                             len(records)),
    }
