"""Feeds of new works: Atom (feedgen) and JSON Feed 1.1, for the archive and per group."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from jejak.config import Settings
from jejak.generate.common import (
    CITABLE,
    absolute,
    creators,
    keywords,
    license_of,
    license_url,
    local_files,
    mime_of,
    original_path,
    record_url,
    summary,
)
from jejak.model import Archive, Record
from jejak.schema.vocabularies import label

FEED_LIMIT = 50
"""Entries per feed: the newest works. Feeds say what is new; the whole archive is harvested
from /oai.xml and /data/records.json."""

KIND_LABEL = {"session": ("Kegiatan", "Session"), "product": ("Karya", "Product"),
              "paper": ("Publikasi", "Paper")}

Modified = Callable[[Record], "dt.date | None"]


def _moment(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(0), tzinfo=dt.timezone.utc)


def feed_records(archive: Archive, group: str | None = None,
                 limit: int = FEED_LIMIT) -> list[Record]:
    """The newest published works (not withdrawn), of one group or of the whole archive."""
    works = [r for kind in CITABLE for r in archive.of_kind(kind)
             if not r.withdrawn and (group is None or r.group == group)]
    works.sort(key=lambda r: ((r.date or dt.date.min), r.id), reverse=True)
    return works[:limit]


def _updated(records: Iterable[Record], modified: Modified) -> dt.datetime:
    dates = [modified(r) or r.date for r in records]
    dates = [d for d in dates if d]
    return _moment(max(dates) if dates else dt.date(2000, 1, 1))


def atom(archive: Archive, settings: Settings, site_name: str, path: str,
         records: list[Record], modified: Modified, title: str, home: str,
         sizes: dict[str, int] | None = None) -> bytes:
    """An Atom 1.0 feed; `updated` comes from the entries: an unchanged archive, the same bytes."""
    from feedgen.feed import FeedGenerator

    lang = settings.language
    feed = FeedGenerator()
    feed.id(absolute(settings, path))
    feed.title(title)
    feed.author({"name": site_name, "uri": absolute(settings, "")})
    feed.link(href=home, rel="alternate", type="text/html")
    feed.link(href=absolute(settings, path), rel="self", type="application/atom+xml")
    feed.language(lang)
    feed.generator("Jejak", uri="https://pypi.org/project/jejak/")
    feed.updated(_updated(records, modified))
    links = [_atom_entry(feed.add_entry(order="append"), record, archive, settings, modified, lang,
                         sizes or {}) for record in records]
    return _restore_link_attributes(feed.atom_str(pretty=True), links)


def _restore_link_attributes(document: bytes, links: list[list[dict[str, str]]]) -> bytes:
    """feedgen 1.0 writes an entry's <link> with its href only (a name shadowed in entry.py),
    dropping rel="alternate"/"enclosure", type and length: put them back, in order."""
    from lxml import etree

    root = etree.fromstring(document)
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    for entry, wanted in zip(entries, links, strict=True):
        written = entry.findall("{http://www.w3.org/2005/Atom}link")
        for element, attributes in zip(written, wanted, strict=True):
            for name, value in attributes.items():
                element.set(name, value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _atom_entry(entry, record: Record, archive: Archive, settings: Settings,
                modified: Modified, lang: str, sizes: dict[str, int]) -> list[dict[str, str]]:
    url = record_url(record, settings)
    entry.id(url)
    entry.title(record.title)
    links = [{"href": url, "rel": "alternate", "type": "text/html"}]
    published = record.date or dt.date(2000, 1, 1)
    entry.published(_moment(published))
    entry.updated(_moment(max(modified(record) or published, published)))
    for creator in creators(record, archive, settings):
        author = {"name": creator.name}
        if creator.url:
            author["uri"] = creator.url
        entry.author(author)
    text = summary(record, limit=1000)
    if text:
        entry.summary(text)
    kind_id, kind_en = KIND_LABEL[record.kind]
    entry.category(term=record.kind, label=kind_en if lang == "en" else kind_id)
    for field in ("package",):
        if record.get(field):
            entry.category(term=str(record.get(field)), label=label("package", record.get(field),
                                                                    lang))
    for word in keywords(record):
        entry.category(term=word)
    spdx = license_of(record, archive)
    if spdx:
        entry.rights(f"{spdx} {license_url(spdx)}")
    for value in local_files(record):
        path = original_path(record, value)
        link = {"href": absolute(settings, path), "rel": "enclosure", "type": mime_of(value)}
        if path in sizes:
            link["length"] = str(sizes[path])
        links.append(link)
    for link in links:
        entry.link(**link)
    return links


def json_feed(archive: Archive, settings: Settings, site_name: str, path: str,
              records: list[Record], modified: Modified, title: str, home: str,
              sizes: dict[str, int] | None = None) -> bytes:
    """A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1)."""
    items = []
    for record in records:
        url = record_url(record, settings)
        item = {"id": url, "url": url, "title": record.title,
                "content_text": summary(record, limit=1000) or record.title}
        text = summary(record)
        if text:
            item["summary"] = text
        if record.date:
            item["date_published"] = _moment(record.date).isoformat()
        changed = modified(record)
        if changed or record.date:
            item["date_modified"] = _moment(max(d for d in (changed, record.date) if d)).isoformat()
        item["authors"] = [{"name": c.name, **({"url": c.url} if c.url else {})}
                           for c in creators(record, archive, settings)]
        tags = [record.kind] + ([str(record.get("package"))] if record.get("package") else [])
        item["tags"] = tags + keywords(record)
        item["language"] = str(record.get("language") or "id")
        attachments = []
        for value in local_files(record):
            site_path = original_path(record, value)
            attachment = {"url": absolute(settings, site_path), "mime_type": mime_of(value)}
            if sizes and site_path in sizes:
                attachment["size_in_bytes"] = sizes[site_path]
            attachments.append(attachment)
        if attachments:
            item["attachments"] = attachments
        items.append(item)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": home,
        "feed_url": absolute(settings, path),
        "language": settings.language,
        "authors": [{"name": site_name, "url": absolute(settings, "")}],
        "items": items,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def feeds(archive: Archive, settings: Settings, site_name: str, modified: Modified,
          sizes: dict[str, int] | None = None) -> dict[str, bytes]:
    """/feed.xml and /feed.json for the archive, and kelompok/<group>/feed.{xml,json} per group."""
    out: dict[str, bytes] = {}
    scopes: list[tuple[str, str | None, str, str]] = [("", None, site_name,
                                                       absolute(settings, ""))]
    for group in sorted(archive.of_kind("group"), key=lambda g: g.id):
        scopes.append((group.url, group.slug, f"{group.title} — {site_name}",
                       record_url(group, settings)))
    for prefix, group_slug, title, home in scopes:
        records = feed_records(archive, group_slug)
        out[prefix + "feed.xml"] = atom(archive, settings, site_name, prefix + "feed.xml",
                                        records, modified, title, home, sizes)
        out[prefix + "feed.json"] = json_feed(archive, settings, site_name, prefix + "feed.json",
                                              records, modified, title, home, sizes)
    return out


def file_sizes(published: dict[str, bytes | Path]) -> dict[str, int]:
    return {path: len(v) if isinstance(v, (bytes, bytearray)) else Path(v).stat().st_size
            for path, v in published.items()}
