"""Machine-readable record pages: schema.org JSON-LD, Highwire citation_* tags, signposting."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any

from jejak.config import Settings
from jejak.generate.common import (
    CITABLE,
    Creator,
    absolute,
    creators,
    end_date,
    group_of,
    keywords,
    license_of,
    license_url,
    local_files,
    mime_of,
    original_path,
    person_creator,
    record_url,
    remote_files,
    summary,
)
from jejak.model import Archive, Record
from jejak.schema.vocabularies import label

CITE_FILES = (  # downloads beside every work's page: name, media type
    ("cite.json", "application/vnd.citationstyles.csl+json"),
    ("cite.bib", "application/x-bibtex"),
    ("cite.ris", "application/x-research-info-systems"),
)
REPORT_PAPERS = ("ptk", "praktik-baik", "laporan")


def schema_type(record: Record) -> str:
    """The schema.org type of a record's page subject."""
    if record.kind == "paper":
        kind = record.get("type")
        if kind in REPORT_PAPERS:
            return "Report"
        return "Book" if kind in ("buku", "modul") else "ScholarlyArticle"
    if record.kind == "product":
        return {"video": "VideoObject", "audio": "AudioObject", "visual": "ImageObject"}.get(
            record.get("kind"), "LearningResource")
    return {"session": "Event", "person": "Person", "group": "Organization"}.get(
        record.kind, "CreativeWork")


def doi_url(record: Record) -> str | None:
    doi = str((record.get("publication") or {}).get("doi") or "").strip()
    if not doi:
        return None
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if doi.lower().startswith(prefix):
            doi = doi[len(prefix):]
    return "https://doi.org/" + doi


# --- JSON-LD -------------------------------------------------------------------------------

def _date(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def _agent(creator: Creator) -> dict[str, Any]:
    if creator.organization:
        out: dict[str, Any] = {"@type": "Organization", "name": creator.name}
    else:
        out = {"@type": "Person", "name": creator.name, "familyName": creator.family}
        if creator.given:
            out["givenName"] = creator.given
        if creator.affiliation:
            out["affiliation"] = {"@type": "Organization", "name": creator.affiliation}
        if creator.orcid:
            out["sameAs"] = f"https://orcid.org/{creator.orcid}"
    if creator.url:
        out["@id"] = out["url"] = creator.url
    return out


def _group_ref(record: Record, archive: Archive, settings: Settings) -> dict[str, Any] | None:
    group = group_of(record, archive)
    if group is None:
        return None
    url = record_url(group, settings)
    return {"@type": "Organization", "@id": url, "name": group.title, "url": url}


def _media(record: Record, settings: Settings, root: Path | None) -> list[dict[str, Any]]:
    from jejak.generate.fixity import sha256_file

    out = []
    for value in local_files(record) if not record.withdrawn else ():
        media: dict[str, Any] = {"@type": "MediaObject", "name": value,
                                 "contentUrl": absolute(settings, original_path(record, value)),
                                 "encodingFormat": mime_of(value)}
        source = Path(root) / "archive" / record.folder / value if root else None
        if source is not None and source.is_file():
            media["sha256"] = sha256_file(source)
            media["contentSize"] = f"{source.stat().st_size} B"
        out.append(media)
    return out


def json_ld(record: Record, archive: Archive, settings: Settings,
            root: Path | None = None, modified: dt.date | None = None) -> dict[str, Any]:
    """schema.org description of the page's subject, with license, dates and authors."""
    url = record_url(record, settings)
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": schema_type(record),
                            "@id": url, "url": url, "name": record.title,
                            "identifier": record.id}
    description = summary(record)
    if description:
        data["description"] = description
    if record.kind == "person":
        _person(data, record, archive, settings)
    elif record.kind == "group":
        _organization(data, record, archive, settings)
    else:
        _work(data, record, archive, settings, root, modified)
    return data


def _work(data: dict, record: Record, archive: Archive, settings: Settings,
          root: Path | None, modified: dt.date | None) -> None:
    data["inLanguage"] = str(record.get("language") or "id")
    spdx = license_of(record, archive)
    if spdx:
        data["license"] = license_url(spdx)
    if record.date:
        data["datePublished"] = record.date.isoformat()
    if modified:
        data["dateModified"] = modified.isoformat()
    group = _group_ref(record, archive, settings)
    if group:
        data["publisher"] = group
        data["isPartOf"] = {"@id": group["@id"]}
    words = keywords(record)
    if words:
        data["keywords"] = words
    if record.withdrawn:
        data["creativeWorkStatus"] = "Withdrawn"
    people = [_agent(c) for c in creators(record, archive, settings)]
    if record.kind == "session":
        _event(data, record, archive, settings, people)
    else:
        data["author"] = people
    if record.kind == "paper":
        _paper(data, record)
    elif record.kind == "product":
        _product(data, record, settings)
    elif record.kind == "plan":
        data["temporalCoverage"] = str(record.get("year"))
    media = _media(record, settings, root)
    if media:
        if data["@type"] in ("ImageObject", "VideoObject", "AudioObject") and len(media) == 1 \
                and not remote_files(record):
            data["contentUrl"] = media[0]["contentUrl"]
            data["encodingFormat"] = media[0]["encodingFormat"]
            data.update({k: media[0][k] for k in ("sha256", "contentSize") if k in media[0]})
        else:
            data["associatedMedia"] = media


def _paper(data: dict, record: Record) -> None:
    if record.get("abstract"):
        data["abstract"] = str(record.get("abstract"))
    if data["@type"] == "ScholarlyArticle":
        data["headline"] = record.title[:110]
    publication = record.get("publication") or {}
    doi = doi_url(record)
    if doi:
        data["sameAs"] = doi
        data["identifier"] = [record.id, {"@type": "PropertyValue", "propertyID": "DOI",
                                          "value": doi.removeprefix("https://doi.org/"),
                                          "url": doi}]
    if publication.get("pages"):
        data["pagination"] = str(publication["pages"])
    if publication.get("isbn"):
        data["isbn"] = str(publication["isbn"])
    if publication.get("publisher"):
        data["publisher"] = {"@type": "Organization", "name": str(publication["publisher"])}
    venue = publication.get("venue")
    if venue:
        periodical: dict[str, Any] = {"@type": "Periodical", "name": str(venue)}
        if publication.get("issn"):
            periodical["issn"] = str(publication["issn"])
        part: dict[str, Any] = periodical
        if publication.get("volume"):
            part = {"@type": "PublicationVolume", "volumeNumber": str(publication["volume"]),
                    "isPartOf": part}
        if publication.get("issue"):
            part = {"@type": "PublicationIssue", "issueNumber": str(publication["issue"]),
                    "isPartOf": part}
        data["isPartOf"] = [data["isPartOf"], part] if "isPartOf" in data else part
    if record.get("type") in REPORT_PAPERS:
        data["genre"] = label("paper_type", record.get("type"))


def _product(data: dict, record: Record, settings: Settings) -> None:
    data["learningResourceType"] = label("category", record.get("category")) \
        if record.get("category") else label("product_kind", record.get("kind"))
    if record.get("level"):
        data["educationalLevel"] = str(record.get("level"))
    if record.get("subject"):
        data["about"] = str(record.get("subject"))
    remote = remote_files(record)
    if remote and data["@type"] in ("VideoObject", "AudioObject"):
        data["embedUrl" if data["@type"] == "VideoObject" else "contentUrl"] = remote[0]
    captions = [f.get("caption") for f in record.get("files") or () if f.get("caption")]
    if captions:
        data["caption"] = str(captions[0])
    if data["@type"] == "VideoObject" and record.date:
        data["uploadDate"] = record.date.isoformat()


_ATTENDANCE = {"webinar": "OnlineEventAttendanceMode", "e-learning": "OnlineEventAttendanceMode",
               "blended": "MixedEventAttendanceMode", "tatap-muka": "OfflineEventAttendanceMode"}


def _event(data: dict, record: Record, archive: Archive, settings: Settings,
           organizers: list[dict]) -> None:
    data.pop("datePublished", None)
    if record.date:
        data["startDate"] = record.date.isoformat()
        data["endDate"] = (end_date(record) or record.date).isoformat()
    data["organizer"] = organizers
    data["eventStatus"] = "https://schema.org/EventScheduled"
    mode = _ATTENDANCE.get(record.get("format"), "OnlineEventAttendanceMode")
    data["eventAttendanceMode"] = f"https://schema.org/{mode}"
    group = group_of(record, archive)
    region = (group.get("region") if group else None) or {}
    if mode == "OfflineEventAttendanceMode":
        data["location"] = {"@type": "Place", "name": region.get("regency") or data["name"],
                            "address": {"@type": "PostalAddress", "addressCountry": "ID",
                                        "addressRegion": region.get("province"),
                                        "addressLocality": region.get("regency")}}
    else:
        data["location"] = {"@type": "VirtualLocation",
                            "name": str(record.get("platform") or label("format",
                                                                        record.get("format"))),
                            "url": data["url"]}
    roles = record.get("roles") or {}
    speakers = []
    for key in ("speakers", "presenters", "panelists"):
        for ref in roles.get(key) or ():
            person = person_creator(ref, archive, settings)
            if person:
                speakers.append(_agent(person))
    if speakers:
        data["performer"] = speakers
    if record.get("participants"):
        data["maximumAttendeeCapacity"] = int(record.get("participants"))
    data["about"] = label("package", record.get("package"))
    if record.get("hours") is not None:
        data["duration"] = f"PT{float(record.get('hours')) * 35 / 60:g}H"  # one JP = 35 minutes


def _person(data: dict, record: Record, archive: Archive, settings: Settings) -> None:
    creator = person_creator(record.slug, archive, settings)
    if creator:
        data["familyName"] = creator.family
        if creator.given:
            data["givenName"] = creator.given
    positions = [label("position", p) for p in record.get("positions") or ()]
    if positions:
        data["jobTitle"] = positions
    if record.get("institution"):
        data["affiliation"] = {"@type": "Organization", "name": str(record.get("institution"))}
    same = [f"https://orcid.org/{record.get('orcid')}"] if record.get("orcid") else []
    same += [str(u) for u in (record.get("links") or {}).values()]
    if same:
        data["sameAs"] = same
    if record.get("photo") and not record.withdrawn:
        data["image"] = absolute(settings, original_path(record, record.get("photo")))
    groups = [g for g in archive.of_kind("group")
              if any(m.get("person") == record.slug for m in g.get("members") or ())]
    if groups:
        data["memberOf"] = [{"@type": "Organization", "@id": record_url(g, settings),
                             "name": g.title} for g in groups]
    awards = [str(a.get("title")) for a in record.get("awards") or ()]
    if awards:
        data["award"] = awards


def _organization(data: dict, record: Record, archive: Archive, settings: Settings) -> None:
    region = record.get("region") or {}
    data["address"] = {"@type": "PostalAddress", "addressCountry": "ID",
                       "addressRegion": region.get("province"),
                       "addressLocality": region.get("regency")}
    if record.get("founded"):
        data["foundingDate"] = str(record.get("founded"))
    if record.get("organizer"):
        data["parentOrganization"] = {"@type": "Organization", "name": str(record.get("organizer"))}
    if record.get("logo") and not record.withdrawn:
        data["logo"] = absolute(settings, original_path(record, record.get("logo")))
    members = []
    for member in record.get("members") or ():
        person = person_creator(member.get("person"), archive, settings)
        if person:
            members.append({"@type": "OrganizationRole", "roleName": str(member.get("role")),
                            "startDate": _date(member.get("since")), "member": _agent(person)})
    if members:
        data["member"] = members
    links = [str(u) for u in (record.get("links") or {}).values()]
    if links:
        data["sameAs"] = links
    data["alternateName"] = label("group_kind", record.get("kind"))


def json_ld_script(data: dict[str, Any]) -> str:
    """A <script type="application/ld+json"> whose text cannot close the element or open markup."""
    text = json.dumps(_drop_empty(data), ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">{text}</script>'


def _drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_empty(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_drop_empty(v) for v in value if v not in (None, "", [], {})]
    return value


# --- Highwire Press tags (Google Scholar) --------------------------------------------------

def highwire(record: Record, archive: Archive, settings: Settings,
             added: dt.date | None = None) -> list[tuple[str, str]]:
    """citation_* meta tags of a paper page; other pages, and withdrawn papers, carry none."""
    if record.kind != "paper" or record.withdrawn:
        return []
    tags: list[tuple[str, str]] = [("citation_title", record.title)]
    for creator in creators(record, archive, settings):
        tags.append(("citation_author", creator.plain))
        if creator.affiliation:
            tags.append(("citation_author_institution", creator.affiliation))
        if creator.orcid:
            tags.append(("citation_author_orcid", f"https://orcid.org/{creator.orcid}"))
    if record.date:
        tags.append(("citation_publication_date", record.date.strftime("%Y/%m/%d")))
    if added:
        tags.append(("citation_online_date", added.strftime("%Y/%m/%d")))
    publication = record.get("publication") or {}
    kind = record.get("type")
    venue = publication.get("venue")
    if venue and kind == "prosiding":
        tags.append(("citation_conference_title", str(venue)))
    elif venue and kind == "artikel":
        tags.append(("citation_journal_title", str(venue)))
    for field, name in (("issn", "citation_issn"), ("isbn", "citation_isbn"),
                        ("volume", "citation_volume"), ("issue", "citation_issue")):
        if publication.get(field):
            tags.append((name, str(publication[field])))
    pages = re.fullmatch(r"\s*([\w.]+)\s*(?:[-–]+\s*([\w.]+))?\s*",
                         str(publication.get("pages") or ""))
    if pages and kind not in ("buku", "modul"):  # a book's `pages` is its length, not a range
        tags.append(("citation_firstpage", pages.group(1)))
        if pages.group(2):
            tags.append(("citation_lastpage", pages.group(2)))
    doi = doi_url(record)
    if doi:
        tags.append(("citation_doi", doi.removeprefix("https://doi.org/")))
    if publication.get("publisher"):
        tags.append(("citation_publisher", str(publication["publisher"])))
    if kind in REPORT_PAPERS:
        tags.append(("citation_technical_report_institution", _institution(record, archive)))
    if kind in ("buku", "modul") and not publication.get("publisher"):
        group = group_of(record, archive)
        if group:
            tags.append(("citation_publisher", group.title))
    tags.append(("citation_language", str(record.get("language") or "id")))
    words = keywords(record)
    if words:
        tags.append(("citation_keywords", "; ".join(words)))
    if record.get("abstract"):
        tags.append(("citation_abstract", str(record.get("abstract"))))
    tags.append(("citation_abstract_html_url", record_url(record, settings)))
    if record.get("file"):
        tags.append(("citation_pdf_url",
                     absolute(settings, original_path(record, str(record.get("file"))))))
    return tags


def _institution(record: Record, archive: Archive) -> str:
    """Who issues a report: its stated publisher, else the group whose archive publishes it.

    The same name the APA reference and cite.bib give, so Scholar sees one publisher.
    """
    publication = record.get("publication") or {}
    if publication.get("publisher"):
        return str(publication["publisher"])
    group = group_of(record, archive)
    return group.title if group else ""


# --- Signposting ---------------------------------------------------------------------------

def signposting(record: Record, archive: Archive, settings: Settings) -> list[dict[str, str]]:
    """Typed links (https://signposting.org/FAIR/) from a landing page to what describes it."""
    url = record_url(record, settings)
    links = [{"rel": "cite-as", "href": doi_url(record) or url}]
    links.append({"rel": "type", "href": f"https://schema.org/{schema_type(record)}"})
    links.append({"rel": "type", "href": "https://schema.org/AboutPage"})
    if record.kind in CITABLE:
        for name, media_type in CITE_FILES:
            links.append({"rel": "describedby", "href": url + name, "type": media_type})
    spdx = license_of(record, archive)
    if spdx and record.kind not in ("group", "person"):
        links.append({"rel": "license", "href": license_url(spdx)})
    if record.kind in ("paper", "product"):
        for creator in creators(record, archive, settings):
            target = f"https://orcid.org/{creator.orcid}" if creator.orcid else creator.url
            if target:
                links.append({"rel": "author", "href": target})
    if not record.withdrawn:
        for value in local_files(record):
            links.append({"rel": "item", "href": absolute(settings, original_path(record, value)),
                          "type": mime_of(value)})
    return links


# --- the <head> ----------------------------------------------------------------------------

def head_html(record: Record, archive: Archive, settings: Settings,
              root: Path | None = None) -> str:
    """Everything a record page adds to <head>; every value escaped."""
    added = modified = None
    if root is not None:
        from jejak.generate.fixity import provenance_dates

        added, modified = provenance_dates(record, root)
    lines = []
    for name, content in highwire(record, archive, settings, added):
        lines.append(f'<meta name="{html.escape(name)}" content="{html.escape(content)}">')
    for link in signposting(record, archive, settings):
        attributes = " ".join(f'{k}="{html.escape(v)}"' for k, v in link.items())
        lines.append(f"<link {attributes}>")
    lines.append(json_ld_script(json_ld(record, archive, settings, root,
                                        modified or record.date)))
    return "\n".join(lines) + "\n"
