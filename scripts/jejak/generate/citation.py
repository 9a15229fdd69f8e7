"""Citations: one CSL-JSON item per work, rendered as APA 7 and written as BibTeX and RIS."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import json
import os
import re
import sqlite3
import warnings
from pathlib import Path
from typing import Any

import nh3

from jejak.config import Settings
from jejak.generate.common import (
    creators,
    end_date,
    group_name,
    keywords,
    record_url,
    summary,
)
from jejak.model import Archive, Record
from jejak.schema.vocabularies import label

CSL_DIR = Path(__file__).resolve().parent.parent / "csl"
STYLE = CSL_DIR / "apa.csl"
LOCALES = {"id": "id-ID", "en": "en-US"}

# paper `type` → (CSL type, BibTeX entry, RIS type)
PAPER_TYPES = {
    "ptk": ("report", "techreport", "RPRT"),
    "praktik-baik": ("report", "techreport", "RPRT"),
    "laporan": ("report", "techreport", "RPRT"),
    "artikel": ("article-journal", "article", "JOUR"),
    "prosiding": ("paper-conference", "inproceedings", "CPAPER"),
    "buku": ("book", "book", "BOOK"),
    "modul": ("book", "book", "BOOK"),
}
# product `kind` → (CSL type, RIS type)
PRODUCT_TYPES = {
    "video": ("motion_picture", "VIDEO"),
    "audio": ("song", "SOUND"),
    "visual": ("graphic", "FIGURE"),
    "dokumen": ("report", "GEN"),
}
GENRES = {  # the bracketed description APA puts after the title
    "id": {"video": "Video", "audio": "Audio", "visual": "Gambar", "dokumen": "Dokumen",
           "ptk": "Laporan penelitian tindakan kelas", "praktik-baik": "Laporan praktik baik",
           "laporan": "Laporan", "modul": "Modul"},
    "en": {"video": "Video", "audio": "Audio", "visual": "Image", "dokumen": "Document",
           "ptk": "Classroom action research report", "praktik-baik": "Best practice report",
           "laporan": "Report", "modul": "Module"},
}


# --- the item ------------------------------------------------------------------------------

def date_parts(date: dt.date | None, end: dt.date | None = None) -> dict | None:
    if date is None:
        return None
    parts = [[date.year, date.month, date.day]]
    if end is not None and end != date:
        parts.append([end.year, end.month, end.day])
    return {"date-parts": parts}


def csl_type(record: Record) -> str:
    if record.kind == "paper":
        kind = record.get("type")
        if kind == "artikel" and not (record.get("publication") or {}).get("venue"):
            return "manuscript"
        return PAPER_TYPES.get(kind, ("report",))[0]
    if record.kind == "product":
        return PRODUCT_TYPES.get(record.get("kind"), ("report",))[0]
    return "speech"  # a session: APA's form for presentations and webinars


def genre(record: Record, lang: str) -> str | None:
    names = GENRES["en" if lang == "en" else "id"]
    if record.kind == "session":
        return label("format", record.get("format"), lang)
    if record.kind == "product":
        category = record.get("category")
        if category and record.get("kind") == "dokumen":
            return label("category", category, lang)
        return names.get(record.get("kind"))
    if record.kind == "paper":
        return names.get(record.get("type"))
    return None


def csl_item(record: Record, archive: Archive, settings: Settings,
             lang: str | None = None) -> dict[str, Any]:
    """The record as one CSL-JSON item: the single source of every citation format."""
    lang = lang or settings.language
    item: dict[str, Any] = {"id": record.id, "type": csl_type(record), "title": record.title}
    authors = [c.csl() for c in creators(record, archive, settings)]
    if authors:
        item["author"] = authors
    issued = date_parts(record.date, end_date(record))
    if issued:
        item["issued"] = issued
    described = genre(record, lang)
    if described:
        item["genre"] = described
    group = group_name(record, archive)
    publication = dict(record.get("publication") or {})
    if record.kind == "paper":
        _paper_fields(item, record, publication, group)
    elif record.kind == "product" and group:
        item["publisher"] = group
    elif record.kind == "session":
        if record.get("platform"):
            item["medium"] = str(record.get("platform"))
    item["language"] = str(record.get("language") or "id")
    abstract = summary(record, limit=2000)
    if abstract:
        item["abstract"] = abstract
    words = keywords(record)
    if words:
        item["keyword"] = ", ".join(words)
    item["URL"] = record_url(record, settings)
    return item


def _paper_fields(item: dict, record: Record, publication: dict, group: str | None) -> None:
    venue = publication.get("venue")
    if venue and item["type"] in ("article-journal", "paper-conference"):
        item["container-title"] = venue
    publisher = publication.get("publisher") or (None if item["type"] == "article-journal"
                                                 else venue or group)
    if publisher:
        item["publisher"] = publisher
    pages = "number-of-pages" if item["type"] == "book" else "page"  # a book's length
    for source, target in (("volume", "volume"), ("issue", "issue"), ("pages", pages),
                           ("issn", "ISSN"), ("isbn", "ISBN")):
        if publication.get(source):
            item[target] = str(publication[source])
    doi = publication.get("doi")
    if doi:
        item["DOI"] = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", str(doi), flags=re.I)


def csl_json(item: dict[str, Any]) -> str:
    """cite.json: a CSL-JSON array holding the record's item."""
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


# --- APA through citeproc-py ---------------------------------------------------------------

def _cache_macro_lookups() -> None:
    """citeproc-py finds a macro by XPath on every use: 40% of a render. Memoise the lookup.

    The cache keeps each style root alive with its macros, so ids are never reused.
    """
    from citeproc import model

    original = model.CitationStylesElement.get_macro
    if getattr(original, "jejak_cached", False):
        return
    found: dict[tuple[int, str], tuple[Any, Any]] = {}

    def get_macro(self, name):
        root = self.get_root()
        hit = found.get((id(root), name))
        if hit is None or hit[0] is not root:
            hit = found[(id(root), name)] = (root, original(self, name))
        return hit[1]

    get_macro.jejak_cached = True  # type: ignore[attr-defined]
    model.CitationStylesElement.get_macro = get_macro


@functools.lru_cache(maxsize=4)
def _style(lang: str):
    """The APA style with the shipped locale; parsed once per language (it is slow to parse)."""
    from citeproc import CitationStylesStyle
    from citeproc.frontend import CitationStylesXML

    _cache_macro_lookups()
    locale = LOCALES.get(lang, "id-ID")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(str(STYLE), locale=locale, validate=False)
        # Swap citeproc-py's own locale files for the ones shipped with Jejak, keeping
        # the style's in-line <locale> overrides (they are children of the style).
        in_style = [loc for loc in style.root.locales if loc.getparent() is not None]
        shipped = [CitationStylesXML(str(CSL_DIR / f"locales-{name}.xml"), validate=False).root
                   for name in dict.fromkeys((locale, "en-US"))]
    style.root.locales = in_style + shipped
    for loc in style.root.locales:
        loc.style = style.root
    return style


def _render(item_json: str, lang: str) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    item = json.loads(item_json)
    source = CiteProcJSON([item])
    bibliography = CitationStylesBibliography(_style(lang), source, formatter.html)
    bibliography.register(Citation([CitationItem(str(item["id"]).lower())]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        entries = bibliography.bibliography()
    return "".join(str(e) for e in entries).strip()


def _escaped(value: Any) -> Any:
    """Every string HTML-escaped: citeproc-py escapes the style's own text, not the item's."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("id", "type") else _escaped(v) for k, v in value.items()}
    return value


def apa_html(item: dict[str, Any], lang: str = "id") -> str:
    """The APA 7 reference as safe HTML: item text escaped, only citeproc's <i>/<b> markup kept."""
    # citeproc-py 0.11 mishandles date ranges (drops the year of a same-year range, fails on
    # others): cite a multi-day session from its start; cite.json keeps the whole range.
    item_json = json.dumps(_start_only(_escaped(item)), sort_keys=True, ensure_ascii=False)
    key = hashlib.sha256(f"{_assets_digest()}\0{lang}\0{item_json}".encode()).hexdigest()
    cached = _disk_cache().get(key)
    if cached is None:
        cached = _link_urls(nh3.clean(_render(item_json, lang), tags=_APA_TAGS, attributes={}))
        _disk_cache().put(key, cached)
    return cached


_APA_TAGS = {"i", "b", "sup", "sub"}


def _start_only(item: dict[str, Any]) -> dict[str, Any]:
    parts = (item.get("issued") or {}).get("date-parts") or []
    return {**item, "issued": {"date-parts": parts[:1]}} if parts else item
_URL = re.compile(r"https?://[^\s<>\"]+")


def _link_urls(markup: str) -> str:
    """The DOI or URL that ends an APA reference, as a link (it is already escaped text)."""
    return _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', markup)


@functools.lru_cache(maxsize=1)
def _assets_digest() -> str:
    """Changes when the style, a locale or citeproc-py changes, so cached renders are redone."""
    import citeproc

    h = hashlib.sha256(str(getattr(citeproc, "__version__", "")).encode())
    for path in sorted(CSL_DIR.glob("*.[cx][sm]l")):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()[:16]


class _RenderCache:
    """Rendered citations by content hash, kept across builds in a small SQLite file.

    Rendering APA costs ~13 ms a work; a rebuild of an unchanged archive should
    not pay it again. The cache lives outside the archive ($JEJAK_CACHE_DIR, else
    the user cache folder) because a build never writes into content/ or archive/.
    Any failure (read-only home, locked file) just turns the cache off.
    """

    def __init__(self) -> None:
        self.db: sqlite3.Connection | None = None
        self.memory: dict[str, str] = {}
        if os.environ.get("JEJAK_CACHE_DIR") == "off":
            return
        from jejak.cache import user_cache_dir

        folder = str(user_cache_dir())
        try:
            os.makedirs(folder, exist_ok=True)
            self.db = sqlite3.connect(os.path.join(folder, "citations.sqlite3"), timeout=5,
                                      isolation_level=None, check_same_thread=False)
            self.db.execute("CREATE TABLE IF NOT EXISTS apa (key TEXT PRIMARY KEY, html TEXT)")
        except (OSError, sqlite3.Error):
            self.db = None

    def get(self, key: str) -> str | None:
        if key in self.memory:
            return self.memory[key]
        if self.db is not None:
            try:
                row = self.db.execute("SELECT html FROM apa WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error:
                row = None
            if row:
                self.memory[key] = row[0]
                return row[0]
        return None

    def put(self, key: str, value: str) -> None:
        self.memory[key] = value
        if self.db is not None:
            try:
                self.db.execute("INSERT OR REPLACE INTO apa VALUES (?, ?)", (key, value))
            except sqlite3.Error:
                self.db = None


@functools.lru_cache(maxsize=1)
def _disk_cache() -> _RenderCache:
    return _RenderCache()


_INHERITED: list[_RenderCache] = []


def _after_fork_in_child() -> None:
    """A forked build worker opens its own SQLite connection: one must not cross a fork.
    The inherited one is kept referenced, never closed, so the parent's stays intact."""
    if _disk_cache.cache_info().currsize:
        _INHERITED.append(_disk_cache())
        _disk_cache.cache_clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


# --- BibTeX --------------------------------------------------------------------------------

_BIB_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&",
                "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                "^": r"\textasciicircum{}"}


def bib_escape(text: str) -> str:
    text = re.sub(r"\s+", " ", str(text)).strip()
    return "".join(_BIB_ESCAPES.get(ch, ch) for ch in text)


def bib_key(record: Record) -> str:
    parts = record.id.split("/")
    return f"{parts[1]}:{parts[-1]}" if len(parts) > 2 else record.id.replace("/", ":")


def _bib_entry_type(record: Record, item: dict) -> str:
    if record.kind == "paper":
        if item["type"] == "manuscript":
            return "unpublished"
        return PAPER_TYPES.get(record.get("type"), ("", "techreport"))[1]
    return "misc"


def _bib_name(name: dict) -> str:
    if "literal" in name:
        return "{" + bib_escape(name["literal"]) + "}"
    family = bib_escape(name["family"])
    return f"{family}, {bib_escape(name['given'])}" if name.get("given") else family


def bibtex(record: Record, item: dict[str, Any]) -> str:
    """cite.bib: one UTF-8 BibTeX entry (biblatex and BibTeX both read it)."""
    entry = _bib_entry_type(record, item)
    fields: list[tuple[str, str]] = []
    if item.get("author"):
        fields.append(("author", " and ".join(_bib_name(n) for n in item["author"])))
    fields.append(("title", "{" + bib_escape(item["title"]) + "}"))
    issued = (item.get("issued") or {}).get("date-parts") or []
    if issued:
        year, month, day = issued[0]
        fields += [("year", str(year)), ("month", str(month)),
                   ("date", _iso_range(issued))]
    container = item.get("container-title")
    if container:
        fields.append(("journal" if entry == "article" else "booktitle", bib_escape(container)))
    publisher = item.get("publisher")
    if publisher:
        fields.append(("institution" if entry == "techreport" else "publisher",
                       bib_escape(publisher)))
    for source, target in (("volume", "volume"), ("issue", "number"), ("page", "pages"),
                           ("ISSN", "issn"), ("ISBN", "isbn"), ("DOI", "doi")):
        if item.get(source):
            value = item[source]
            if source == "page":
                value = re.sub(r"\s*[-–]\s*", "--", value)
            fields.append((target, bib_escape(value) if source != "DOI" else value))
    if item.get("genre"):
        fields.append(("type" if entry == "techreport" else "howpublished",
                       bib_escape(item["genre"])))
    if item.get("keyword"):
        fields.append(("keywords", bib_escape(item["keyword"])))
    fields.append(("language", bib_escape(item.get("language", "id"))))
    fields.append(("url", item["URL"]))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry}{{{bib_key(record)},\n{body}\n}}\n"


def _iso_range(parts: list[list[int]]) -> str:
    dates = ["{:04d}-{:02d}-{:02d}".format(*p) for p in parts]
    return "/".join(dates)


# --- RIS -----------------------------------------------------------------------------------

def _ris_type(record: Record, item: dict) -> str:
    if record.kind == "paper":
        if item["type"] == "manuscript":
            return "UNPB"
        return PAPER_TYPES.get(record.get("type"), ("", "", "RPRT"))[2]
    if record.kind == "product":
        return PRODUCT_TYPES.get(record.get("kind"), ("", "GEN"))[1]
    return "GEN"


def _ris_clean(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip()


def ris(record: Record, item: dict[str, Any]) -> str:
    """cite.ris: one RIS reference, `TY` first and `ER` last, CRLF line ends as the format asks."""
    lines = [("TY", _ris_type(record, item))]
    for name in item.get("author") or ():
        if "literal" in name:
            lines.append(("AU", name["literal"]))
        else:
            lines.append(("AU", ", ".join(p for p in (name["family"], name.get("given")) if p)))
    lines.append(("TI", item["title"]))
    issued = (item.get("issued") or {}).get("date-parts") or []
    if issued:
        year, month, day = issued[0]
        lines += [("PY", str(year)), ("DA", f"{year:04d}/{month:02d}/{day:02d}")]
    for source, tag in (("container-title", "T2"), ("publisher", "PB"), ("volume", "VL"),
                        ("issue", "IS"), ("genre", "M3"), ("DOI", "DO"), ("language", "LA"),
                        ("abstract", "AB")):
        if item.get(source):
            lines.append((tag, item[source]))
    page = item.get("page")
    if page:
        bounds = re.split(r"\s*[-–]+\s*", page)
        lines.append(("SP", bounds[0]))
        if len(bounds) > 1 and bounds[1]:
            lines.append(("EP", bounds[1]))
    if item.get("ISSN") or item.get("ISBN"):
        lines.append(("SN", item.get("ISSN") or item.get("ISBN")))
    for word in (item.get("keyword") or "").split(", "):
        if word:
            lines.append(("KW", word))
    lines.append(("UR", item["URL"]))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_ris_clean(value)}\r\n" for tag, value in lines)
