"""The plugin's entry points for citable, harvestable and verifiable output (engine-independent).

- `site_files`: every extra file of the site (cite.*, feeds, sitemap, robots,
  OAI-PMH, open data, fixity manifest), keyed by path relative to the site root.
- `head_html`: what a record page adds to <head> (citation_* meta, JSON-LD, signposting).
- `citation_block`: the "Cite this" block of a work's page.
- `provenance`: when a record entered the archive and last changed, and its files' SHA-256.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from jejak.config import Settings, read_mkdocs
from jejak.errors import JejakError
from jejak.generate import citation, feeds, fixity, harvest, linked_data, opendata
from jejak.generate.common import CITABLE, require_site_url
from jejak.model import Archive, Record

CITE_NAMES = {"bib": "cite.bib", "ris": "cite.ris", "json": "cite.json"}


class _Outputs(dict):
    """Output files by site path; a second writer of one path is an error, never an overwrite."""

    def add(self, path: str, content: bytes | str) -> None:
        if path in self:
            raise JejakError(f"Dua keluaran menulis `{path}` / two outputs write `{path}`.")
        self[path] = content.encode("utf-8") if isinstance(content, str) else content

    def add_all(self, files: Mapping[str, bytes]) -> None:
        for path, content in files.items():
            self.add(path, content)


def _site_options(root: Path, settings: Settings) -> tuple[str, str, str | None]:
    """site_name, the OAI admin e-mail and an optional OAI gateway, from mkdocs.yml."""
    try:
        mkdocs = read_mkdocs(Path(root))
    except Exception:  # noqa: BLE001 - the plugin has read mkdocs.yml already; names are optional
        mkdocs = {}
    extra = mkdocs.get("extra") if isinstance(mkdocs.get("extra"), dict) else {}
    site_name = str(mkdocs.get("site_name") or "Jejak")
    host = urlsplit(settings.site_url).hostname or "localhost"
    admin_email = str(extra.get("admin_email") or f"webmaster@{host}")
    gateway = extra.get("oai_gateway")
    return site_name, admin_email, str(gateway) if gateway else None


def site_files(archive: Archive, settings: Settings, root: Path,
               published: Mapping[str, bytes | Path] | None = None) -> dict[str, bytes]:
    """Every extra output file, keyed by its path relative to the site root.

    `published` maps the site path of each published original to its bytes or
    source path; without it, the originals named by published records are
    taken from ROOT/archive/ (see `jejak.generate.common.original_path`).
    Raises JejakError when site_url is missing (absolute links need it).
    """
    require_site_url(settings)
    root = Path(root)
    site_name, admin_email, gateway = _site_options(root, settings)
    originals = dict(published) if published is not None \
        else fixity.published_originals(archive, root)
    hashes = {path: fixity.sha256_of(content) for path, content in originals.items()}

    known: dict[str, tuple] = {}

    def dates(record: Record):
        if record.id not in known:
            known[record.id] = fixity.provenance_dates(record, root)
        return known[record.id]

    def modified(record: Record):
        return dates(record)[1]

    out = _Outputs()
    for kind in CITABLE:
        for record in archive.of_kind(kind):
            item = citation.csl_item(record, archive, settings)
            out.add(record.url + CITE_NAMES["json"], citation.csl_json(item))
            out.add(record.url + CITE_NAMES["bib"], citation.bibtex(record, item))
            out.add(record.url + CITE_NAMES["ris"], citation.ris(record, item))
    out.add_all(feeds.feeds(archive, settings, site_name, modified,
                            feeds.file_sizes(originals)))
    out.add_all(harvest.sitemap(archive, settings, modified))
    out.add("robots.txt", harvest.robots(settings))
    out.add_all(harvest.oai_repositories(archive, settings, site_name, admin_email, modified,
                                         gateway=gateway))
    out.add_all(opendata.open_data(archive, settings, site_name, dates, hashes))
    out.add(fixity.MANIFEST, fixity.manifest_of(hashes))
    clashes = sorted(set(out) & set(originals))
    if clashes:
        raise JejakError("Berkas arsip bertabrakan dengan berkas buatan Jejak / archived files "
                         "collide with files Jejak generates: " + ", ".join(clashes))
    return dict(out)


def head_html(record: Record, archive: Archive, settings: Settings,
              root: Path | None = None) -> str:
    """HTML for the <head> of a record's page: citation_* meta (papers), signposting, JSON-LD.

    With `root`, JSON-LD carries the git modification date and file hashes.
    """
    return linked_data.head_html(record, archive, settings, root)


def citation_block(record: Record, archive: Archive, settings: Settings,
                   lang: str = "id") -> dict:
    """{"apa": safe HTML, "bib", "ris", "json": links relative to the page}; {} if not a work."""
    if record.kind not in CITABLE:
        return {}
    item = citation.csl_item(record, archive, settings, lang)
    return {"apa": citation.apa_html(item, lang), **CITE_NAMES}


def provenance(record: Record, root: Path) -> dict:
    """{"added", "modified": date or None (git), "files": [{file, path, sha256, size}]}."""
    return fixity.provenance(record, Path(root))
