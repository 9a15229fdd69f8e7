"""What every output family needs: absolute URLs, people's names, licenses, a record's files."""

from __future__ import annotations

import datetime as dt
import mimetypes
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jejak.config import Settings
from jejak.errors import JejakError
from jejak.model import Archive, Record

CITABLE = ("session", "product", "paper")
"""Record kinds that are works: they get a citation, cite.* downloads and feed entries."""

SITE_URL_MISSING = (
    "site_url belum diisi di mkdocs.yml. Jejak memerlukan alamat publik situs untuk tautan "
    "permanen, sitasi, feed, sitemap dan OAI-PMH. Tambahkan baris seperti "
    "`site_url: https://arsip.contoh.sch.id/` di mkdocs.yml.\n"
    "site_url is not set in mkdocs.yml. Jejak needs the site's public address for permanent "
    "links, citations, feeds, the sitemap and OAI-PMH. Add a line such as "
    "`site_url: https://archive.example.org/` to mkdocs.yml."
)


def require_site_url(settings: Settings) -> str:
    """The site's public address without a trailing slash; a clear error when it is missing."""
    site_url = (settings.site_url or "").strip().rstrip("/")
    if not site_url:
        raise JejakError(SITE_URL_MISSING)
    if not re.match(r"^https?://[^/\s]+", site_url):
        raise JejakError(
            f"site_url `{site_url}` di mkdocs.yml bukan alamat http(s) lengkap.\n"
            f"site_url `{site_url}` in mkdocs.yml is not a full http(s) address."
        )
    return site_url


def absolute(settings: Settings, path: str) -> str:
    """The absolute URL of a site path (no leading slash)."""
    return require_site_url(settings) + "/" + path.lstrip("/")


def record_url(record: Record, settings: Settings) -> str:
    return absolute(settings, record.url)


def original_path(record: Record, value: str) -> str:
    """Where an archived original is published: in `berkas/` under its record's page.

    `archive/groups/g/papers/s/laporan.pdf` → `kelompok/g/publikasi/s/berkas/laporan.pdf`.
    Every output that links an original (meta tags, JSON-LD, feeds, the fixity
    manifest) takes the path from here; it equals `jejak.generate.pages.published_path`
    (a test keeps the two in step).
    """
    return f"{record.url}berkas/{value}"


def is_url(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("https://", "http://"))


def local_files(record: Record) -> list[str]:
    """Archived files a record names (relative to its archive folder), in record order."""
    seen: dict[str, None] = {}
    for value in _file_values(record):
        if isinstance(value, str) and value and not is_url(value):
            seen.setdefault(value, None)
    return list(seen)


def _file_values(record: Record) -> Iterator[Any]:
    data = record.data
    for key in ("logo", "photo", "file", "recording", "flyer"):
        yield data.get(key)
    recording = data.get("recording")
    if isinstance(recording, dict):  # {file or url, transcript, caption}
        yield recording.get("file")
        yield recording.get("transcript")
    for training in data.get("trainings") or ():
        yield training.get("certificate")
    for material in data.get("materials") or ():
        yield material.get("file")
    for entry in data.get("files") or ():
        yield entry.get("file")
        yield entry.get("transcript")


def remote_files(record: Record) -> list[str]:
    """https addresses a record names for its media (YouTube, Drive …)."""
    data = record.data
    recording = data.get("recording")
    values = [recording.get("url") if isinstance(recording, dict) else recording]
    values += [m.get("url") for m in data.get("materials") or ()]
    values += [f.get("url") for f in data.get("files") or ()]
    return [v for v in values if is_url(v)]


def mime_of(value: str) -> str:
    extra = {".vtt": "text/vtt", ".opus": "audio/ogg", ".oga": "audio/ogg", ".m4a": "audio/mp4",
             ".webp": "image/webp", ".m4v": "video/mp4", ".odt":
             "application/vnd.oasis.opendocument.text"}
    ext = "." + value.rsplit(".", 1)[-1].lower() if "." in value else ""
    return extra.get(ext) or mimetypes.guess_type("x" + ext)[0] or "application/octet-stream"


# --- groups and licenses -------------------------------------------------------------------

def group_of(record: Record, archive: Archive) -> Record | None:
    return archive.get(f"groups/{record.group}") if record.group else None


def group_name(record: Record, archive: Archive) -> str | None:
    group = group_of(record, archive)
    return group.title if group else None


def license_of(record: Record, archive: Archive) -> str | None:
    """The record's SPDX license, else its group's (SPEC §3); people have none."""
    if record.kind == "person":
        return None
    own = record.get("license")
    if own:
        return str(own)
    group = group_of(record, archive)
    return str(group.get("license")) if group and group.get("license") else None


_CC = re.compile(r"^CC-(BY(?:-NC)?(?:-ND|-SA)?)-(\d\.\d)(?:-([A-Z]{2,3}))?$", re.I)


def license_url(spdx: str | None) -> str | None:
    """A canonical URL for an SPDX id: Creative Commons deeds for CC, spdx.org otherwise."""
    if not spdx:
        return None
    match = _CC.match(spdx)
    if match:
        kind, version, port = match.groups()
        tail = f"{port.lower()}/" if port else ""
        return f"https://creativecommons.org/licenses/{kind.lower()}/{version}/{tail}"
    if spdx.upper() == "CC0-1.0":
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    return f"https://spdx.org/licenses/{spdx}.html"


# --- people --------------------------------------------------------------------------------

_PREFIX_TITLES = {
    "prof", "dr", "drs", "dra", "ir", "h", "hj", "kh", "k.h", "haji", "hajjah", "ust", "ustadz",
    "ustazah", "ustadzah", "buya", "tgk", "teungku", "apt", "ns", "r", "rr",
}


@dataclass(frozen=True)
class Creator:
    """Someone (or a group) credited for a work, as citations need them."""

    name: str  # as written in the person record, titles included
    family: str  # for "Family, G." styles; the whole name of an organisation
    given: str = ""
    slug: str | None = None  # person slug, when the person has a record
    affiliation: str | None = None
    orcid: str | None = None
    organization: bool = False
    url: str | None = None  # absolute URL of their page on this site

    @property
    def plain(self) -> str:
        """The name without academic titles, given names first."""
        return f"{self.given} {self.family}".strip() if not self.organization else self.family

    def csl(self) -> dict[str, str]:
        if self.organization:
            return {"literal": self.family}
        out = {"family": self.family}
        if self.given:
            out["given"] = self.given
        return out


def split_name(name: str) -> tuple[str, str]:
    """(family, given) of an Indonesian name as written with titles: `Dr. Siti Aminah, M.Pd.`.

    Degrees follow the first comma and honorifics precede the name; both are
    dropped. Indonesian names have no family name: by the common convention of
    Indonesian journals the last word is cited first. A single name stays whole.
    """
    core = name.split(",", 1)[0].strip()
    words = core.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in _PREFIX_TITLES:
        words.pop(0)
    if not words:
        return name.strip(), ""
    return words[-1], " ".join(words[:-1])


def person_creator(ref: Any, archive: Archive, settings: Settings | None) -> Creator | None:
    if isinstance(ref, dict):
        name = str(ref.get("name", "")).strip()
        if not name:
            return None
        family, given = split_name(name)
        return Creator(name, family, given, affiliation=ref.get("affiliation"))
    if not isinstance(ref, str):
        return None
    person = archive.get(f"people/{ref}")
    if person is None:  # a draft or missing person: cite the slug rather than drop an author
        family, given = split_name(ref.replace("-", " ").title())
        return Creator(ref, family, given, slug=ref)
    family, given = split_name(person.title)
    url = record_url(person, settings) if settings and settings.site_url else None
    return Creator(person.title, family, given, slug=ref, affiliation=person.get("institution"),
                   orcid=person.get("orcid"), url=url)


def group_creator(record: Record, archive: Archive, settings: Settings | None) -> Creator | None:
    group = record if record.kind == "group" else group_of(record, archive)
    if group is None:
        return None
    url = record_url(group, settings) if settings and settings.site_url else None
    return Creator(group.title, group.title, organization=True, url=url)


def creators(record: Record, archive: Archive, settings: Settings | None = None) -> list[Creator]:
    """Who a work is by: its authors as named in their person records, or the group itself.

    Sessions, plans and groups are group works and name the group.
    """
    if record.kind == "person":
        return [person_creator(record.slug, archive, settings)] if archive.get(record.id) else []
    if record.get("authors"):
        found = [person_creator(ref, archive, settings) for ref in record.get("authors")]
        return [c for c in found if c is not None]
    group = group_creator(record, archive, settings)
    return [group] if group else []


# --- text ----------------------------------------------------------------------------------

_MD = re.compile(r"(!?\[([^\]]*)\]\([^)]*\))|[*_`#>]+|<[^>]+>")


def plain_text(markdown: str) -> str:
    """Markdown reduced to plain text for summaries (links keep their words)."""
    text = _MD.sub(lambda m: m.group(2) or "" if m.group(1) else "", markdown)
    return re.sub(r"\s+", " ", text).strip()


def summary(record: Record, limit: int = 300) -> str:
    """The abstract of a paper, else the first paragraph of the body, shortened."""
    text = record.get("abstract")
    if not text:
        for block in re.split(r"\n\s*\n", record.body or ""):
            block = block.strip()
            if block and not block.startswith(("!!!", "???", "|", "```", "#")):
                text = block
                break
    text = plain_text(str(text or ""))
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


def keywords(record: Record) -> list[str]:
    return [str(k) for k in record.get("keywords") or ()]


def end_date(record: Record) -> dt.date | None:
    value = record.get("end")
    return value if isinstance(value, dt.date) else None
