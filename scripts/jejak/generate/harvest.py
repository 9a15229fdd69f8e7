"""What crawlers and harvesters read: sitemap.xml, robots.txt and OAI-PMH static repositories."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from lxml import etree

from jejak.config import Settings
from jejak.generate.common import (
    absolute,
    creators,
    group_of,
    keywords,
    license_of,
    license_url,
    local_files,
    mime_of,
    person_creator,
    record_url,
    require_site_url,
    summary,
)
from jejak.generate.linked_data import doi_url
from jejak.model import Archive, Record
from jejak.schema.vocabularies import label

Modified = Callable[[Record], "dt.date | None"]

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_LIMIT = 50_000  # URLs per sitemap file (sitemaps.org)

SR_NS = "http://www.openarchives.org/OAI/2.0/static-repository"
OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_LIMIT = 5_000
"""Records per static repository: the OAI static repository format allows at most 5,000.

A larger archive is split into several static repositories, `oai.xml`,
`oai-2.xml`, `oai-3.xml` …, each a complete, valid repository of at most
5,000 records, taken in the order of their ids; `data/oai-repositories.json`
lists them all. A gateway registers each file as its own repository. Because
parts are cut by id order, a record can move to the next part when records
with smaller ids are added: harvest every part listed in the index.
"""


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def fallback_date(archive: Archive) -> dt.date:
    """The date of records that have none and no git history: the newest record date."""
    dates = [r.date for r in archive.records.values() if r.date]
    return max(dates) if dates else dt.date(2000, 1, 1)


def datestamp(record: Record, modified: Modified, fallback: dt.date) -> dt.date:
    return modified(record) or record.date or fallback


# --- sitemap and robots --------------------------------------------------------------------

def sitemap(archive: Archive, settings: Settings, modified: Modified) -> dict[str, bytes]:
    """sitemap.xml: the home page and every record page with its last change.

    Past 50,000 URLs, sitemap.xml becomes an index of sitemap-1.xml, sitemap-2.xml ….
    """
    fallback = fallback_date(archive)
    entries = [(absolute(settings, ""), fallback)]
    for record in sorted(archive.records.values(), key=lambda r: r.url):
        entries.append((record_url(record, settings), datestamp(record, modified, fallback)))
    chunks = [entries[i:i + SITEMAP_LIMIT] for i in range(0, len(entries), SITEMAP_LIMIT)]
    if len(chunks) == 1:
        return {"sitemap.xml": _urlset(chunks[0])}
    out: dict[str, bytes] = {}
    index = etree.Element(f"{{{SITEMAP_NS}}}sitemapindex", nsmap={None: SITEMAP_NS})
    for number, chunk in enumerate(chunks, 1):
        name = f"sitemap-{number}.xml"
        out[name] = _urlset(chunk)
        item = etree.SubElement(index, f"{{{SITEMAP_NS}}}sitemap")
        etree.SubElement(item, f"{{{SITEMAP_NS}}}loc").text = absolute(settings, name)
        etree.SubElement(item, f"{{{SITEMAP_NS}}}lastmod").text = max(d for _, d in chunk
                                                                      ).isoformat()
    out["sitemap.xml"] = _xml(index)
    return out


def _urlset(entries: list[tuple[str, dt.date]]) -> bytes:
    urlset = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS})
    for loc, lastmod in entries:
        url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = loc
        etree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = lastmod.isoformat()
    return _xml(urlset)


def robots(settings: Settings) -> bytes:
    return (f"User-agent: *\nAllow: /\n\nSitemap: {absolute(settings, 'sitemap.xml')}\n"
            ).encode()


# --- OAI-PMH static repository -------------------------------------------------------------

def oai_identifier(record: Record, settings: Settings) -> str:
    """`oai:<host>:<path/>record-id`: the site path keeps two archives on one host apart."""
    parts = urlsplit(require_site_url(settings))
    path = parts.path.strip("/")
    return f"oai:{parts.hostname}:{path + '/' if path else ''}{record.id}"


DCMI_TYPE = {"paper": "Text", "session": "Event", "group": "Collection", "person": "Text",
             "plan": "Text"}
PRODUCT_DCMI = {"video": "MovingImage", "audio": "Sound", "visual": "StillImage",
                "dokumen": "Text"}
EU_REPO = {  # info:eu-repo types, read by OpenAIRE and Indonesian harvesters (Garuda, OneSearch)
    "ptk": "report", "praktik-baik": "report", "laporan": "report", "artikel": "article",
    "prosiding": "conferenceObject", "buku": "book", "modul": "book",
}


def _dc_fields(record: Record, archive: Archive, settings: Settings) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = [("title", record.title)]
    for creator in creators(record, archive, settings):
        name = creator.family if creator.organization or not creator.given \
            else f"{creator.family}, {creator.given}"
        fields.append(("creator", name))
    subjects = keywords(record)
    if record.get("subject"):
        subjects.append(str(record.get("subject")))
    if record.get("package"):
        subjects.append(label("package", record.get("package")))
    subjects += [label("competency", c) for c in record.get("competencies") or ()]
    fields += [("subject", s) for s in dict.fromkeys(subjects)]
    text = summary(record, limit=4000)
    if record.withdrawn:
        text = f"Ditarik dari arsip: {record.withdrawn}"
    if text:
        fields.append(("description", text))
    publisher = (record.get("publication") or {}).get("publisher")
    group = group_of(record, archive)
    if publisher or group:
        fields.append(("publisher", str(publisher or group.title)))
    if record.kind == "session":
        roles = record.get("roles") or {}
        for key in ("speakers", "presenters", "panelists", "moderator", "host"):
            value = roles.get(key)
            for ref in value if isinstance(value, list) else [value] if value else []:
                person = person_creator(ref, archive, settings)
                if person:
                    fields.append(("contributor", person.name))
    if record.date:
        fields.append(("date", record.date.isoformat()))
    elif record.kind == "plan":
        fields.append(("date", str(record.get("year"))))
    dcmi = PRODUCT_DCMI.get(record.get("kind"), "Text") if record.kind == "product" \
        else DCMI_TYPE.get(record.kind, "Text")
    fields.append(("type", dcmi))
    if record.kind == "paper":
        eu = EU_REPO.get(record.get("type"))
        if eu:
            fields.append(("type", f"info:eu-repo/semantics/{eu}"))
        fields.append(("type", label("paper_type", record.get("type"))))
    for mime in dict.fromkeys(mime_of(v) for v in local_files(record)):
        fields.append(("format", mime))
    fields.append(("identifier", record_url(record, settings)))
    doi = doi_url(record)
    if doi:
        fields.append(("identifier", doi))
    if record.kind not in ("group", "person"):
        fields.append(("language", str(record.get("language") or "id")))
    if group and record.kind != "group":
        fields.append(("relation", record_url(group, settings)))
    region = (group.get("region") if group else None) or {}
    if region.get("regency"):
        place = f"{region['regency']}, {region.get('province', '')}".strip(", ")
        fields.append(("coverage", place))
    spdx = license_of(record, archive)
    if spdx:
        fields.append(("rights", license_url(spdx)))
        fields.append(("rights", spdx))
    return fields


def _oai_record(parent: etree._Element, record: Record, archive: Archive, settings: Settings,
                stamp: dt.date) -> None:
    item = etree.SubElement(parent, f"{{{OAI_NS}}}record")
    header = etree.SubElement(item, f"{{{OAI_NS}}}header")
    etree.SubElement(header, f"{{{OAI_NS}}}identifier").text = oai_identifier(record, settings)
    etree.SubElement(header, f"{{{OAI_NS}}}datestamp").text = stamp.isoformat()
    metadata = etree.SubElement(item, f"{{{OAI_NS}}}metadata")
    dc = etree.SubElement(metadata, f"{{{OAI_DC_NS}}}dc",
                          nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS})
    dc.set(f"{{{XSI_NS}}}schemaLocation",
           f"{OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
    lang = str(record.get("language") or "id")
    for name, value in _dc_fields(record, archive, settings):
        element = etree.SubElement(dc, f"{{{DC_NS}}}{name}")
        element.text = _xml_text(value)
        if name in ("title", "description", "subject"):
            element.set("{http://www.w3.org/XML/1998/namespace}lang", lang)


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(value: str) -> str:
    """Text XML 1.0 can carry: control characters (other than tab and newlines) dropped."""
    return _NOT_XML.sub("", value)


def oai_records(archive: Archive) -> list[Record]:
    """Every published record except withdrawn ones, in id order.

    Static repositories cannot express deletions (`deletedRecord` is `no`):
    a withdrawn record leaves the repository; its tombstone page stays on the site.
    """
    return sorted((r for r in archive.records.values() if not r.withdrawn), key=lambda r: r.id)


def oai_repositories(archive: Archive, settings: Settings, site_name: str, admin_email: str,
                     modified: Modified, limit: int = OAI_LIMIT,
                     gateway: str | None = None) -> dict[str, bytes]:
    """oai.xml (and oai-2.xml … past `limit` records) plus data/oai-repositories.json."""
    records = oai_records(archive)
    fallback = fallback_date(archive)
    stamps = {r.id: datestamp(r, modified, fallback) for r in records}
    chunks = [records[i:i + limit] for i in range(0, len(records), limit)] or [[]]
    out: dict[str, bytes] = {}
    index = []
    for number, chunk in enumerate(chunks, 1):
        name = "oai.xml" if number == 1 else f"oai-{number}.xml"
        out[name] = _static_repository(chunk, archive, settings, site_name, admin_email,
                                       stamps, name, fallback, gateway)
        index.append({"url": absolute(settings, name), "records": len(chunk),
                      "first": chunk[0].id if chunk else None,
                      "last": chunk[-1].id if chunk else None})
    out["data/oai-repositories.json"] = (json.dumps(
        {"format": "OAI-PMH static repository", "limit": limit, "repositories": index},
        ensure_ascii=False, indent=2) + "\n").encode()
    return out


def _static_repository(records: list[Record], archive: Archive, settings: Settings,
                       site_name: str, admin_email: str, stamps: dict[str, dt.date], name: str,
                       fallback: dt.date, gateway: str | None) -> bytes:
    repository = etree.Element(f"{{{SR_NS}}}Repository",
                               nsmap={None: SR_NS, "oai": OAI_NS, "xsi": XSI_NS})
    repository.set(f"{{{XSI_NS}}}schemaLocation",
                   f"{SR_NS} http://www.openarchives.org/OAI/2.0/static-repository.xsd")
    identify = etree.SubElement(repository, f"{{{SR_NS}}}Identify")
    own_url = absolute(settings, name)
    base_url = own_url
    if gateway:  # a gateway serves the file at <gateway base URL>/<file URL without http(s)://>
        base_url = gateway.rstrip("/") + "/" + own_url.split("://", 1)[1]
    earliest = min((stamps[r.id] for r in records), default=fallback)
    suffix = f" ({name})" if name != "oai.xml" else ""
    for tag, text in (("repositoryName", site_name + suffix), ("baseURL", base_url),
                      ("protocolVersion", "2.0"), ("adminEmail", admin_email),
                      ("earliestDatestamp", earliest.isoformat()), ("deletedRecord", "no"),
                      ("granularity", "YYYY-MM-DD")):
        etree.SubElement(identify, f"{{{OAI_NS}}}{tag}").text = _xml_text(text)
    formats = etree.SubElement(repository, f"{{{SR_NS}}}ListMetadataFormats")
    fmt = etree.SubElement(formats, f"{{{OAI_NS}}}metadataFormat")
    for tag, text in (("metadataPrefix", "oai_dc"),
                      ("schema", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"),
                      ("metadataNamespace", OAI_DC_NS)):
        etree.SubElement(fmt, f"{{{OAI_NS}}}{tag}").text = text
    if records:  # ListRecords needs at least one record
        listing = etree.SubElement(repository, f"{{{SR_NS}}}ListRecords", metadataPrefix="oai_dc")
        for record in records:
            _oai_record(listing, record, archive, settings, stamps[record.id])
    return _xml(repository)
