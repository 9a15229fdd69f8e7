"""Archive → pages: one Page per URL of SPEC §6, rendered with autoescaping Jinja."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from jejak.config import Settings
from jejak.files import family_of
from jejak.generate import charts
from jejak.generate.labels import label
from jejak.media import ImageSet
from jejak.model import Archive, Record, url_of
from jejak.schema.vocabularies import VOCABULARIES
from jejak.schema.vocabularies import label as vocab_label

PAGE_SIZE = 50
GROUP_LIST = 20  # newest records of each kind shown on a group page; the rest are browsed
YOUTUBE = re.compile(r"^https://(?:www\.|m\.)?(?:youtube\.com/watch\?v=|youtu\.be/|youtube\.com/"
                     r"embed/|youtube\.com/shorts/)([A-Za-z0-9_-]{6,20})")
MIME = {".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".oga": "audio/ogg", ".opus": "audio/ogg",
        ".m4a": "audio/mp4", ".wav": "audio/wav", ".mp4": "video/mp4", ".m4v": "video/mp4",
        ".webm": "video/webm"}
SEARCH_FACETS = ("jenis", "kelompok", "wilayah", "tahun", "paket", "kompetensi", "karya", "mapel",
                 "jenjang", "bentuk")
FACETS = {  # URL segment → (record field or function, vocabulary, label key)
    "paket": ("package", "package", "by_package"),
    "kompetensi": ("competencies", "competency", "by_competency"),
    "jenis": ("kind", "product_kind", "by_kind"),
}


IMAGE_ALT = {"logo": ("Logo {}", "Logo of {}"), "photo": ("Foto {}", "Photo of {}"),
             "flyer": ("Pamflet {}", "Flyer of {}")}
PUBLICATION_LABELS = {  # the fields of a paper's `publication`, as the paper page names them
    "venue": ("Jurnal/prosiding", "Venue"), "volume": ("Volume", "Volume"),
    "issue": ("Nomor", "Issue"), "pages": ("Halaman", "Pages"),
    "publisher": ("Penerbit", "Publisher"), "issn": ("ISSN", "ISSN"), "isbn": ("ISBN", "ISBN"),
    "doi": ("DOI", "DOI"), "url": ("URL", "URL"),
}


@lru_cache(maxsize=8192)
def _format_date(value: dt.date, lang: str) -> str:
    """'14 Maret 2025' (Babel); memoised: an archive has few distinct dates, many mentions."""
    from babel.dates import format_date

    return format_date(value, "d MMMM y", locale=lang)


@dataclass
class Page:
    """One HTML page of the site, before the theme wraps it."""

    url: str  # site path: "" for home, "kelompok/x/" ...
    title: str
    html: str
    description: str = ""
    head: str = ""
    kind: str = "page"
    record_id: str | None = None
    filters: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class SiteContent:
    pages: list[Page]
    files: dict[str, Path]  # site path → source file (published originals, derivatives)
    generated: dict[str, bytes]  # site path → bytes (charts, redirect pages)


def published_path(record: Record, name: str) -> str:
    return f"{record.url}berkas/{name}"


class SiteGenerator:
    """Builds every page of the site from an Archive; pure apart from reading archived files."""

    def __init__(self, archive: Archive, settings: Settings, root: Path,
                 bodies: dict[str, str], images: dict[Path, ImageSet],
                 extras: Callable[[Record], dict[str, Any]] | None = None,
                 head: Callable[[Record], str] | None = None, workers: int = 1):
        self.archive, self.settings, self.root = archive, settings, root
        self.lang = settings.language
        # The site may be hosted under a sub-path (https://org.github.io/arsip/): every link
        # starts with the path of site_url, as `mkdocs serve` and the host serve it there.
        self.base = urlsplit(settings.site_url).path.rstrip("/")
        self.bodies, self.images = bodies, images
        self.extras = extras or (lambda record: {})
        self.head = head or (lambda record: "")
        self.workers = workers
        self.files: dict[str, Path] = {}
        self._thumbs: dict[str, str | None] = {}
        self._sources: dict[tuple[str, str], Path] = {}
        self.generated: dict[str, bytes] = {}
        self.env = Environment(loader=PackageLoader("jejak", "templates"),
                               autoescape=select_autoescape(default=True, default_for_string=True),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(L=lambda key: label(key, self.lang), V=self.vocab,
                                person=self.person, date=self.date, link=self.link,
                                lang=self.lang, url=self.url, thumb=self._thumbnail,
                                record=self.archive.get,
                                pub_label=lambda key: PUBLICATION_LABELS[key][
                                    1 if self.lang == "en" else 0])

    # --- helpers for templates -------------------------------------------------------
    def url(self, path: str) -> str:
        """Root-relative URL, under the path of site_url when the site lives in a sub-folder."""
        return f"{self.base}/{path}"

    def vocab(self, vocabulary: str, value: str) -> str:
        return vocab_label(vocabulary, value, self.lang)

    def date(self, value: dt.date | None, end: dt.date | None = None) -> str:
        if value is None:
            return ""
        text = _format_date(value, self.lang)
        if end and end != value:
            text += " – " + _format_date(end, self.lang)
        return text

    def person(self, ref: Any) -> dict[str, Any]:
        if isinstance(ref, dict):
            return {"name": ref.get("name", ""), "url": None,
                    "affiliation": ref.get("affiliation", "")}
        record = self.archive.get(f"people/{ref}")
        if record is None:
            return {"name": ref, "url": None, "affiliation": ""}
        return {"name": record.title, "url": self.url(record.url),
                "affiliation": record.get("institution", "")}

    def link(self, record: Record) -> Markup:
        return Markup('<a href="{}">{}</a>').format(self.url(record.url), record.title)

    # --- generation ------------------------------------------------------------------
    def generate(self) -> SiteContent:
        from jejak import parallel

        pages = [self.home(), self.groups_index()]
        records = list(self.archive.records.values())
        for page, files, generated in parallel.map_ordered(records, self._record_output,
                                                           self.workers, progress="pages"):
            pages.append(page)
            self.files.update(files)
            self.generated.update(generated)
        for record in records:
            for old in record.moved_from:
                self.redirect(old, record)
        pages += self.browse_pages()
        return SiteContent(pages, self.files, self.generated)

    def _record_output(self, record: Record) -> tuple[Page, dict[str, Path], dict[str, bytes]]:
        """A record's page and the files it publishes or generates (kept apart, so that
        records can be generated in several processes and merged)."""
        files, generated = self.files, self.generated
        self.files, self.generated = {}, {}
        try:
            page = self.record_page(record)
            page.head = self.head(record)
            return page, self.files, self.generated
        finally:
            self.files, self.generated = files, generated

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    def record_page(self, record: Record) -> Page:
        context: dict[str, Any] = {"r": record, "body": Markup(self.bodies.get(record.id, ""))}
        context.update(getattr(self, f"_context_{record.kind}")(record))
        context["extra"] = self.extras(record)
        filters = self.filters(record)
        context["search"] = self.search_markup(record, filters)
        html = self.render(f"{record.kind}.html", **context)
        description = str(record.get("abstract") or record.get("withdrawn") or "")[:200]
        return Page(record.url, record.title, html, description, kind=record.kind,
                    record_id=record.id, filters=filters)

    def filters(self, record: Record) -> dict[str, list[str]]:
        """Search facets (Pagefind filters): codes, labelled on the search page."""
        out: dict[str, list[str]] = {"jenis": [record.kind]}
        group = self._group_of(record)
        if group:
            out["kelompok"] = [group.slug]
            out["wilayah"] = [group["region"]["regency"]]
        if record.kind == "group":
            out["wilayah"] = [record["region"]["regency"]]
        if record.date:
            out["tahun"] = [str(record.date.year)]
        if record.get("package"):
            out["paket"] = [record["package"]]
        if record.get("competencies"):
            out["kompetensi"] = list(record["competencies"])
        if record.kind == "product":
            out["karya"] = [record["kind"]]
        if record.kind == "session":
            out["bentuk"] = [record["format"]]
        for key, name in (("subject", "mapel"), ("level", "jenjang")):
            value = record.get(key) or (group.get(key) if group else None)
            if value:
                out[name] = [str(value)]
        return out

    def search_markup(self, record: Record, filters: dict[str, list[str]]) -> Markup:
        """Hidden filter, sort and meta elements that Pagefind reads from the page."""
        esc = html.escape
        parts = ["<div hidden data-pagefind-ignore>"]
        for key, values in filters.items():
            for value in values:
                parts.append(f'<span data-pagefind-filter="{esc(key)}">{esc(value)}</span>')
        date = record.date.isoformat() if record.date else "0000-00-00"
        parts.append(f'<span data-pagefind-sort="tanggal">{date}</span>')
        parts.append(f'<span data-pagefind-meta="jenis">{esc(label(record.kind, self.lang))}'
                     "</span>")
        if record.date:
            parts.append(f'<span data-pagefind-meta="tanggal">{esc(self.date(record.date))}'
                         "</span>")
        group = self._group_of(record)
        if group:
            parts.append(f'<span data-pagefind-meta="kelompok">{esc(group.title)}</span>')
        thumb = self._thumbnail(record)
        if thumb:
            parts.append(f'<span data-pagefind-meta="image">{esc(thumb)}</span>')
        parts.append("</div>")
        return Markup("".join(parts))  # every value above went through html.escape

    def _thumbnail(self, record: Record) -> str | None:
        """URL of the smallest WebP of the record's first image (memoised per record)."""
        if record.id not in self._thumbs:
            self._thumbs[record.id] = self._find_thumbnail(record)
        return self._thumbs[record.id]

    def _find_thumbnail(self, record: Record) -> str | None:
        names = [f["file"] for f in record.get("files") or [] if "file" in f]
        names += [record[k] for k in ("photo", "logo", "flyer") if record.get(k)]
        for name in names:
            image_set = self.images.get(self._source(record, name))
            if image_set is not None:
                small = min(image_set.of_format("webp"), key=lambda d: d.width)
                path = published_path(record, f"{name.rsplit('.', 1)[0]}-{small.width}.webp")
                self.files[path] = image_set.folder / small.name
                return self.url(path)
        return None

    # --- per kind --------------------------------------------------------------------
    def _context_group(self, record: Record) -> dict[str, Any]:
        g = record.slug
        sessions = self.archive.children(g, "session")
        products = self.archive.children(g, "product")
        papers = self.archive.children(g, "paper")
        plans = sorted(self.archive.children(g, "plan"), key=lambda p: p["year"], reverse=True)
        logo = (self._image(record, record["logo"], self._alt("logo", record))
                if record.get("logo") else None)
        chart_files = charts.group_charts(sessions, products, self.lang)
        chart_urls = {}
        for name, svg in chart_files.items():
            path = f"{record.url}grafik-{name}.svg"
            self.generated[path] = svg.encode("utf-8")
            chart_urls[name] = self.url(path)
        more = {kind: self.url(f"jelajah/kelompok/{g}/{kind}/")
                for kind, items in (("session", sessions), ("product", products),
                                    ("paper", papers)) if len(items) > GROUP_LIST}
        return {"sessions": sessions[:GROUP_LIST], "products": products[:GROUP_LIST],
                "papers": papers[:GROUP_LIST], "plans": plans, "logo": logo,
                "charts": chart_urls, "more": more,
                "counts": {"session": len(sessions), "product": len(products),
                           "paper": len(papers)}}

    def _context_plan(self, record: Record) -> dict[str, Any]:
        g, year = record.group, record["year"]
        sessions = [s for s in self.archive.children(g, "session")
                    if s.date and s.date.year == year]
        products = [p for p in self.archive.children(g, "product")
                    if p.date and p.date.year == year]
        rows = []
        for item in sorted(record["packages"], key=lambda p: p["quarter"]):
            held = sorted((s for s in sessions if s["package"] == item["package"]),
                          key=lambda s: s.date)
            made = [p for p in products if p["package"] == item["package"]]
            rows.append({"plan": item, "sessions": held, "products": made,
                         "in_quarter": [s for s in held
                                        if (s.date.month - 1) // 3 + 1 == item["quarter"]]})
        group = self.archive.get(f"groups/{g}")
        return {"rows": rows, "group": group}

    def _context_session(self, record: Record) -> dict[str, Any]:
        products = [p for p in self.archive.children(record.group, "product")
                    if p.get("session") == record.slug]
        roles = []
        for key in VOCABULARIES["role"]:
            value = (record.get("roles") or {}).get(key)
            if value:
                refs = value if isinstance(value, list) else [value]
                roles.append((self.vocab("role", key), [self.person(r) for r in refs]))
        materials = [self._media(record, m) for m in record.get("materials") or []]
        recording = None
        value = record.get("recording")
        if value:
            entry = dict(value) if isinstance(value, dict) else \
                {"url" if "://" in value else "file": value}
            recording = self._media(record, {"title": label("recording", self.lang), **entry})
        flyer = (self._image(record, record["flyer"], self._alt("flyer", record))
                 if record.get("flyer") else None)
        return {"products": products, "roles": roles, "materials": materials,
                "recording": recording, "flyer": flyer, "group": self._group_of(record)}

    def _context_product(self, record: Record) -> dict[str, Any]:
        files = [self._media(record, f) for f in record.get("files") or []]
        session = None
        if record.get("session"):
            session = self.archive.get(f"groups/{record.group}/sessions/{record['session']}")
        return {"files": files, "session": session, "group": self._group_of(record),
                "license": self._license(record)}

    def _context_paper(self, record: Record) -> dict[str, Any]:
        pdf = None
        preview = None
        if record.get("file"):
            pdf = self._publish(record, record["file"])
            preview = self._preview(record, record["file"], record.title)
        return {"pdf": pdf, "preview": preview, "group": self._group_of(record),
                "license": self._license(record)}

    def _context_person(self, record: Record) -> dict[str, Any]:
        slug = record.slug
        attended = self.archive.sessions_attended(slug)
        roles = self.archive.roles_of(slug)
        sessions = {s.id: s for s in attended} | {s.id: s for s, _ in roles}
        jp = Counter()
        for s in sessions.values():
            if s.date:
                jp[s.date.year] += s.get("hours", 0)
        groups = [g for g in self.archive.of_kind("group")
                  if any(m["person"] == slug for m in g.get("members") or [])
                  or slug in (g.get("advisors") or [])]
        works = self.archive.works_of(slug)
        photo = (self._image(record, record["photo"], self._alt("photo", record))
                 if record.get("photo") else None)
        return {"groups": groups, "attended": attended,
                "roles": [(s, self.vocab("role", role)) for s, role in roles],
                "jp": sorted(jp.items(), reverse=True),
                "products": [w for w in works if w.kind == "product"],
                "papers": [w for w in works if w.kind == "paper"], "photo": photo,
                "slug": slug}

    def _group_of(self, record: Record) -> Record | None:
        return self.archive.get(f"groups/{record.group}") if record.group else None

    def _license(self, record: Record) -> str | None:
        if record.get("license"):
            return record["license"]
        group = self._group_of(record)
        return group.get("license") if group else None

    # --- files -----------------------------------------------------------------------
    def _source(self, record: Record, name: str) -> Path:
        key = (record.folder, name)
        path = self._sources.get(key)
        if path is None:  # memoised: pages, thumbnails and listings ask for the same files
            path = self._sources[key] = self.root / "archive" / record.folder / name
        return path

    def _publish(self, record: Record, name: str) -> str:
        path = published_path(record, name)
        self.files[path] = self._source(record, name)
        return self.url(path)

    def _image(self, record: Record, name: str, alt: str = "",
               stem: str | None = None) -> dict[str, Any] | None:
        image_set = self.images.get(self._source(record, name))
        if image_set is None:
            return None
        stem = stem or name.rsplit(".", 1)[0]
        urls = {}
        for d in image_set.derivatives:
            path = published_path(record, f"{stem}-{d.width}.{d.format}")
            self.files[path] = image_set.folder / d.name
            urls[d] = self.url(path)
        fallback = image_set.fallback_format
        largest = image_set.largest
        return {
            "webp": ", ".join(f"{urls[d]} {d.width}w" for d in image_set.of_format("webp")),
            "fallback": ", ".join(f"{urls[d]} {d.width}w" for d in image_set.of_format(fallback)),
            "src": urls[min(image_set.of_format(fallback), key=lambda d: abs(d.width - 640))],
            "full": urls[largest], "width": largest.width, "height": largest.height,
            "alt": alt, "type": "image/png" if fallback == "png" else "image/jpeg",
        }

    def _alt(self, kind: str, record: Record) -> str:
        """Alt text of a record's own logo, photo or flyer: the image is a link (zoom), and a
        link needs a name."""
        pattern = IMAGE_ALT[kind][1 if self.lang == "en" else 0]
        return pattern.format(record.title)

    def _preview(self, record: Record, name: str, title: str) -> dict[str, Any] | None:
        """First-page image of a PDF (made by the media cache), named `<stem>-hal1-<w>.<fmt>`."""
        preview = self._image(record, name, f"{label('first_page', self.lang)}: {title or name}",
                              stem=f"{name.rsplit('.', 1)[0]}-hal1")
        return preview

    def _media(self, record: Record, entry: dict[str, Any]) -> dict[str, Any]:
        item: dict[str, Any] = {"title": entry.get("title") or entry.get("caption") or "",
                                "caption": entry.get("caption", ""), "alt": entry.get("alt", "")}
        if "url" in entry:
            youtube = YOUTUBE.match(entry["url"])
            item.update(kind="youtube" if youtube else "link", url=entry["url"],
                        video_id=youtube.group(1) if youtube else None)
            return item
        name = entry["file"]
        family = family_of(name)
        item["name"] = name
        source = self._source(record, name)
        item["size"] = source.stat().st_size if source.exists() else 0
        if family == "image":
            item.update(kind="image", image=self._image(record, name, entry.get("alt", "")))
            return item
        item.update(kind=family or "file", url=self._publish(record, name),
                    mime=MIME.get("." + name.rsplit(".", 1)[-1].lower(), ""))
        if family == "pdf":
            item["preview"] = self._preview(record, name, item["title"])
        if entry.get("transcript"):
            item["track"] = self._publish(record, entry["transcript"])
        return item

    # --- redirects, lists ------------------------------------------------------------
    def redirect(self, old: str, record: Record) -> None:
        target = self.url(record.url)
        html = self.render("redirect.html", target=target, title=record.title)
        self.generated[url_of(old) + "index.html"] = html.encode("utf-8")

    def home(self) -> Page:
        counts = {kind: len(self.archive.of_kind(kind)) for kind in
                  ("group", "session", "product", "paper", "person")}
        newest = [r for r in (self.archive.of_kind("product") + self.archive.of_kind("paper")
                              + self.archive.of_kind("session")) if r.date]
        newest.sort(key=lambda r: r.date, reverse=True)
        years = sorted({r.date.year for r in newest}, reverse=True)
        regions = sorted({(g["region"]["code"], g["region"]["regency"])
                          for g in self.archive.of_kind("group")})
        html = self.render("home.html", counts=counts, newest=newest[:12], years=years,
                           groups=self.archive.of_kind("group"), regions=regions,
                           facets=self._facet_links())
        return Page("", label("home", self.lang), html, label("about", self.lang), kind="home")

    def groups_index(self) -> Page:
        groups = sorted(self.archive.of_kind("group"), key=lambda g: g.title)
        html = self.render("groups.html", groups=groups)
        return Page("kelompok/", label("all_groups", self.lang), html, kind="list")

    def _facet_links(self) -> list[tuple[str, list[tuple[str, str, int]]]]:
        out = []
        for segment, (field_name, vocabulary, label_key) in FACETS.items():
            counts = self._facet_counts(field_name)
            out.append((label(label_key, self.lang), [
                (self.vocab(vocabulary, v), self.url(f"jelajah/{segment}/{v}/"), counts[v])
                for v in VOCABULARIES[vocabulary] if counts[v]]))
        return out

    def _facet_counts(self, field_name: str) -> Counter:
        counts: Counter = Counter()
        for record in self._browsable():
            value = record.get(field_name)
            for v in value if isinstance(value, list) else [value]:
                if v:
                    counts[v] += 1
        return counts

    def _browsable(self) -> list[Record]:
        records = self.archive.of_kind("session") + self.archive.of_kind("product") + \
            self.archive.of_kind("paper")
        if not hasattr(self, "_browsable_cache"):
            self._browsable_cache = sorted(
                [r for r in records if not r.withdrawn],
                key=lambda r: (r.date or dt.date.min, r.id), reverse=True)
        return self._browsable_cache

    def browse_pages(self) -> list[Page]:
        """No-JavaScript listings by package, competency, product kind, year and region."""
        buckets: dict[tuple[str, str], list[Record]] = defaultdict(list)
        titles: dict[tuple[str, str], str] = {}
        for record in self._browsable():
            for segment, (field_name, vocabulary, _) in FACETS.items():
                value = record.get(field_name)
                for v in value if isinstance(value, list) else [value]:
                    if v and (field_name != "kind" or record.kind == "product"):
                        buckets[(segment, v)].append(record)
                        titles[(segment, v)] = self.vocab(vocabulary, v)
            if record.date:
                key = ("tahun", str(record.date.year))
                buckets[key].append(record)
                titles[key] = str(record.date.year)
            group = self._group_of(record)
            if group:
                for kind_segment in ("semua", record.kind):
                    key = (f"kelompok/{group.slug}", kind_segment)
                    buckets[key].append(record)
                    titles[key] = f"{group.title}: {label(record.kind + 's', self.lang)}" \
                        if kind_segment != "semua" else group.title
                key = ("wilayah", group["region"]["code"].replace(".", "-"))
                buckets[key].append(record)
                titles[key] = group["region"]["regency"]
        pages = []
        for (segment, value), records in sorted(buckets.items()):
            pages += self._paginated(f"jelajah/{segment}/{value}/", titles[(segment, value)],
                                     records)
        return pages

    def _paginated(self, base: str, title: str, records: list[Record]) -> list[Page]:
        chunks = [records[i:i + PAGE_SIZE] for i in range(0, len(records), PAGE_SIZE)] or [[]]
        pages = []
        for number, chunk in enumerate(chunks, 1):
            url = base if number == 1 else f"{base}{number}/"
            prev_url = None if number == 1 else (base if number == 2 else f"{base}{number - 1}/")
            next_url = f"{base}{number + 1}/" if number < len(chunks) else None
            html = self.render("listing.html", title=title, records=chunk, number=number,
                               total=len(chunks), prev_url=prev_url and self.url(prev_url),
                               next_url=next_url and self.url(next_url), count=len(records))
            pages.append(Page(url, title if number == 1 else f"{title} ({number})", html,
                              kind="list"))
        return pages
