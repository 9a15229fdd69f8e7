#!/usr/bin/env python3
"""Regenerate the binary media files of the Jejak demo archive.

Everything under ``archive/`` that is not plain text (logos, photos, flyers,
posters, PDFs, audio) is drawn by this script, so the demo can be rebuilt and
reviewed without binary blobs of unknown origin:

    python scripts/make_demo_media.py            # writes into ./archive
    python scripts/make_demo_media.py --root DIR # another archive repository

The output is deterministic for a given Pillow/zlib build: no timestamps, no
randomness. WebVTT transcripts are hand-written text files and are left alone.

Flyers, logos, portraits and certificates are drawn from the records in
``content/`` (titles, dates, names); posters, infographics, documents and audio
are described in the tables below. Two JPEGs deliberately carry EXIF GPS tags
(a portrait and a product photo) so the site's metadata stripping can be
tested:

* ``archive/people/siti-aminah/foto.jpg``
* ``archive/groups/kkg-mi-parepare/products/alat-peraga-papan-pecahan/papan-pecahan.jpg``

Requires Pillow and PyYAML. Fonts: DejaVu Sans if installed, otherwise
Pillow's built-in font.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import struct
import sys
import textwrap
import wave
import zlib
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

MAX_BYTES = 100_000  # every generated file stays below this size

# --------------------------------------------------------------------------
# Fonts and small drawing helpers
# --------------------------------------------------------------------------

_FONT_DIRS = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
]
_font_cache: dict[tuple[int, bool], ImageFont.ImageFont] = {}


def font(size: int, bold: bool = False):
    key = (size, bold)
    if key not in _font_cache:
        name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
        found = None
        for folder in _FONT_DIRS:
            if (folder / name).exists():
                found = ImageFont.truetype(str(folder / name), size)
                break
        _font_cache[key] = found or ImageFont.load_default(size)
    return _font_cache[key]


def hexrgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t: float):
    a, b = hexrgb(a) if isinstance(a, str) else a, hexrgb(b) if isinstance(b, str) else b
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def wrap(draw: ImageDraw.ImageDraw, text: str, fnt, width: int) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        words, line = para.split(), ""
        for word in words:
            probe = f"{line} {word}".strip()
            if draw.textlength(probe, font=fnt) <= width or not line:
                line = probe
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def text_block(draw, xy, text, fnt, fill, width, spacing=1.25, align="left"):
    """Draw wrapped text; return the y below the block."""
    x, y = xy
    size = getattr(fnt, "size", 12)
    for line in wrap(draw, text, fnt, width):
        if align == "center":
            lx = x + (width - draw.textlength(line, font=fnt)) / 2
        else:
            lx = x
        draw.text((lx, y), line, font=fnt, fill=fill)
        y += round(size * spacing)
    return y


def gradient(size, top, bottom) -> Image.Image:
    w, h = size
    img = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(img)
    for y in range(h):
        draw.line([(0, y), (w, y)], fill=mix(top, bottom, y / max(h - 1, 1)))
    return img


def save_image(img: Image.Image, path: Path, exif: Image.Exif | None = None, quality=82):
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".png":
        img.save(path, "PNG", optimize=True)
    else:
        kwargs = {"quality": quality, "optimize": True, "progressive": False}
        if exif is not None:
            kwargs["exif"] = exif.tobytes()
        img.convert("RGB").save(path, "JPEG", **kwargs)


# --------------------------------------------------------------------------
# Calendar words
# --------------------------------------------------------------------------

HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
         "Agustus", "September", "Oktober", "November", "Desember"]


def as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def tanggal(value, with_day=True) -> str:
    d = as_date(value)
    text = f"{d.day} {BULAN[d.month - 1]} {d.year}"
    return f"{HARI[d.weekday()]}, {text}" if with_day else text


def rentang(start, end) -> str:
    a, b = as_date(start), as_date(end)
    if a.year == b.year and a.month == b.month:
        return f"{a.day}–{b.day} {BULAN[a.month - 1]} {a.year}"
    if a.year == b.year:
        return f"{a.day} {BULAN[a.month - 1]} – {b.day} {BULAN[b.month - 1]} {a.year}"
    return f"{tanggal(a, False)} – {tanggal(b, False)}"


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    _, head, _ = text.split("---", 2)
    return yaml.safe_load(head) or {}


class Records:
    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        self.people = {p.stem: front_matter(p) for p in sorted((self.content / "people").glob("*.md"))}
        self.groups = {}
        for index in sorted((self.content / "groups").glob("*/index.md")):
            self.groups[index.parent.name] = front_matter(index)

    def sessions(self):
        for path in sorted((self.content / "groups").glob("*/sessions/*.md")):
            yield path.parts[-3], path.stem, front_matter(path)

    def name(self, ref) -> str:
        if isinstance(ref, dict):
            return ref.get("name", "")
        return self.people.get(ref, {}).get("name", ref)


# --------------------------------------------------------------------------
# Group styles, logos and flyers
# --------------------------------------------------------------------------

STYLE = {
    "kkg-mi-parepare": {"main": "#0f766e", "dark": "#134e4a", "accent": "#f59e0b",
                        "light": "#ccfbf1", "short": "KKG MI", "place": "PAREPARE",
                        "emblem": "book"},
    "mgmp-matematika-mts-sidrap": {"main": "#1d4ed8", "dark": "#1e3a8a", "accent": "#f97316",
                                   "light": "#dbeafe", "short": "MGMP MAT", "place": "SIDRAP",
                                   "emblem": "triangle"},
    "mgmp-bahasa-indonesia-sma-makassar": {"main": "#9f1239", "dark": "#4c0519",
                                           "accent": "#facc15", "light": "#ffe4e6",
                                           "short": "MGMP B.IND", "place": "MAKASSAR",
                                           "emblem": "quill"},
    "kkm-mi-parepare": {"main": "#6d28d9", "dark": "#3b0764", "accent": "#22c55e",
                        "light": "#ede9fe", "short": "KKM MI", "place": "PAREPARE",
                        "emblem": "house"},
}
DEFAULT_STYLE = {"main": "#334155", "dark": "#0f172a", "accent": "#eab308", "light": "#e2e8f0",
                 "short": "KKG", "place": "", "emblem": "book"}


def emblem(draw, kind, cx, cy, r, color):
    if kind == "book":
        draw.polygon([(cx - r, cy - r * 0.55), (cx, cy - r * 0.35), (cx, cy + r * 0.6),
                      (cx - r, cy + r * 0.4)], fill=color)
        draw.polygon([(cx + r, cy - r * 0.55), (cx, cy - r * 0.35), (cx, cy + r * 0.6),
                      (cx + r, cy + r * 0.4)], fill=mix(color, "#ffffff", 0.25))
    elif kind == "triangle":
        draw.polygon([(cx, cy - r), (cx + r * 0.95, cy + r * 0.7), (cx - r * 0.95, cy + r * 0.7)],
                     outline=color, width=max(3, r // 6))
        draw.ellipse([cx - r * 0.3, cy - r * 0.05, cx + r * 0.3, cy + r * 0.55], outline=color,
                     width=max(2, r // 8))
    elif kind == "quill":
        draw.polygon([(cx + r * 0.8, cy - r), (cx - r * 0.2, cy + r * 0.4), (cx - r * 0.55, cy + r * 0.9),
                      (cx - r * 0.35, cy + r * 0.2)], fill=color)
        draw.line([(cx - r * 0.9, cy + r * 0.95), (cx + r * 0.6, cy + r * 0.95)], fill=color,
                  width=max(2, r // 8))
    elif kind == "house":
        draw.polygon([(cx, cy - r), (cx + r, cy - r * 0.1), (cx - r, cy - r * 0.1)], fill=color)
        draw.rectangle([cx - r * 0.75, cy - r * 0.1, cx + r * 0.75, cy + r * 0.8], fill=color)
        draw.rectangle([cx - r * 0.2, cy + r * 0.25, cx + r * 0.2, cy + r * 0.8],
                       fill=mix(color, "#ffffff", 0.7))


def make_logo(path: Path, group: str, record: dict):
    st = STYLE.get(group, DEFAULT_STYLE)
    size = 256
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse([4, 4, size - 4, size - 4], fill=hexrgb(st["main"]))
    d.ellipse([18, 18, size - 18, size - 18], outline=hexrgb(st["light"]), width=4)
    emblem(d, st["emblem"], size // 2, 92, 40, hexrgb(st["accent"]))
    for text, pt, y in ((st["short"], 30, 142), (st["place"], 17, 184)):
        fnt = font(pt, True)
        while d.textlength(text, font=fnt) > 180 and pt > 10:
            pt -= 1
            fnt = font(pt, True)
        w = d.textlength(text, font=fnt)
        d.text(((size - w) / 2, y), text, font=fnt, fill=(255, 255, 255))
    save_image(img, path)


FORMAT_LABEL = {"webinar": "WEBINAR", "e-learning": "KURSUS E-LEARNING",
                "blended": "PELATIHAN BLENDED", "tatap-muka": "PERTEMUAN TATAP MUKA"}


def make_flyer(path: Path, recs: Records, group: str, slug: str, s: dict):
    st = STYLE.get(group, DEFAULT_STYLE)
    w, h = 540, 675
    img = gradient((w, h), st["main"], st["dark"])
    d = ImageDraw.Draw(img)
    # decoration
    d.ellipse([w - 190, -120, w + 110, 180], fill=mix(st["main"], "#ffffff", 0.12))
    d.ellipse([-140, h - 170, 160, h + 130], fill=mix(st["dark"], "#000000", 0.15))
    for i in range(6):
        d.ellipse([w - 60 - i * 22, h - 52, w - 48 - i * 22, h - 40], fill=hexrgb(st["accent"]))
    # header
    emblem(d, st["emblem"], 52, 50, 20, hexrgb(st["accent"]))
    name = recs.groups.get(group, {}).get("name", group)
    text_block(d, (86, 30), name, font(15, True), (255, 255, 255), w - 130, 1.2)
    # format badge
    label = FORMAT_LABEL.get(s.get("format"), "KEGIATAN")
    f_badge = font(15, True)
    bw = d.textlength(label, font=f_badge) + 28
    d.rounded_rectangle([36, 112, 36 + bw, 142], radius=14, fill=hexrgb(st["accent"]))
    d.text((50, 118), label, font=f_badge, fill=hexrgb(st["dark"]))
    # title
    title = str(s.get("title", slug)).replace("Webinar: ", "").replace("E-Learning: ", "")
    y = text_block(d, (36, 162), title, font(31, True), (255, 255, 255), w - 72, 1.22)
    y += 14
    d.line([(36, y), (120, y)], fill=hexrgb(st["accent"]), width=5)
    y += 22
    # when and where
    when = rentang(s["date"], s["end"]) if s.get("end") else tanggal(s["date"])
    info = [("Waktu", when)]
    if s.get("platform"):
        info.append(("Tempat", s["platform"]))
    elif s.get("format") == "tatap-muka":
        info.append(("Tempat", "Tatap muka, lokasi diumumkan di grup"))
    if s.get("delivery") == "recorded":
        info.append(("Siaran", "Tayang tunda, tanya jawab lewat kolom komentar"))
    roles = s.get("roles") or {}
    speakers = roles.get("speakers") or roles.get("presenters") or []
    if speakers:
        info.append(("Narasumber", "; ".join(recs.name(p) for p in speakers)))
    if roles.get("moderator"):
        info.append(("Moderator", recs.name(roles["moderator"])))
    for key, value in info:
        d.text((36, y), key.upper(), font=font(12, True), fill=hexrgb(st["light"]))
        y = text_block(d, (36, y + 17), value, font(17), (255, 255, 255), w - 72, 1.25) + 10
    # footer
    jp = s.get("hours")
    foot = f"Gratis  •  Sertifikat {jp} JP" if jp else "Gratis"
    d.rounded_rectangle([36, h - 96, w - 36, h - 64], radius=8, fill=(255, 255, 255))
    d.text((52, h - 89), foot, font=font(16, True), fill=hexrgb(st["dark"]))
    d.text((36, h - 50), "Terbuka untuk guru anggota dan umum", font=font(13),
           fill=hexrgb(st["light"]))
    save_image(img, path, quality=84)


# --------------------------------------------------------------------------
# Portraits (illustrations, not real people)
# --------------------------------------------------------------------------

PORTRAIT = {
    # slug: (background, clothing, headwear colour or None, skin, hijab?)
    "siti-aminah": ("#a7f3d0", "#0f766e", "#f472b6", "#c68a5e", True),
    "andi-rahmawati": ("#fde68a", "#b45309", "#7c3aed", "#d19a6a", True),
    "fitriani-hasan": ("#bfdbfe", "#1e40af", "#0ea5e9", "#c08457", True),
    "ahmad-syarif": ("#e9d5ff", "#4c1d95", "#111827", "#a86f47", False),
    "hasnawati": ("#fecdd3", "#9f1239", "#78350f", "#b97a50", True),
    "rina-kusumawardani": ("#e0e7ff", "#3730a3", None, "#d7a47a", False),
    "baharuddin": ("#bae6fd", "#075985", "#111827", "#a36a43", False),
    "nurul-fadhilah": ("#fed7aa", "#c2410c", "#16a34a", "#c99067", True),
    "dewi-lestari": ("#fbcfe8", "#831843", None, "#d9a77f", False),
    "syamsuddin-tahir": ("#d9f99d", "#3f6212", None, "#9c6640", False),
}

GPS_PHOTOS = {
    # slug: (lat ref, (deg, min, sec), lon ref, (deg, min, sec), taken at, make, model)
    "siti-aminah": ("S", (4.0, 0.0, 49.32), "E", (119.0, 37.0, 52.68),
                    "2025:07:19 09:12:44", "samsung", "SM-A155F"),
}


def exif_for(make, model, taken, gps=None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = make
    exif[0x0110] = model
    exif[0x0132] = taken
    exif[0x0131] = "Jejak demo media generator"
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = taken
    sub[0x9004] = taken
    if gps:
        lat_ref, lat, lon_ref, lon = gps
        g = exif.get_ifd(0x8825)
        g[0] = b"\x02\x02\x00\x00"
        g[1] = lat_ref
        g[2] = lat
        g[3] = lon_ref
        g[4] = lon
    return exif


def make_portrait(path: Path, slug: str, record: dict):
    bg, cloth, head, skin, hijab = PORTRAIT.get(
        slug, ("#e2e8f0", "#334155", None, "#c68a5e", False))
    w, h = 300, 375
    img = gradient((w, h), mix(bg, "#ffffff", 0.35), bg)
    d = ImageDraw.Draw(img)
    cx = w // 2
    # shoulders
    d.rounded_rectangle([cx - 120, 262, cx + 120, h + 60], radius=70, fill=hexrgb(cloth))
    if hijab:
        d.ellipse([cx - 78, 78, cx + 78, 250], fill=hexrgb(head))
        d.polygon([(cx - 92, 250), (cx + 92, 250), (cx + 60, 330), (cx - 60, 330)],
                  fill=hexrgb(head))
        d.ellipse([cx - 52, 112, cx + 52, 236], fill=hexrgb(skin))
    else:
        d.rectangle([cx - 24, 214, cx + 24, 270], fill=hexrgb(skin))
        d.ellipse([cx - 58, 92, cx + 58, 236], fill=hexrgb(skin))
        hair = "#1f2937" if slug != "syamsuddin-tahir" else "#6b7280"
        if head:  # peci (songkok)
            d.rounded_rectangle([cx - 58, 74, cx + 58, 124], radius=8, fill=hexrgb(head))
        else:
            d.pieslice([cx - 62, 80, cx + 62, 190], 180, 360, fill=hexrgb(hair))
            if slug in ("rina-kusumawardani", "dewi-lestari"):
                d.rectangle([cx - 62, 134, cx - 44, 250], fill=hexrgb(hair))
                d.rectangle([cx + 44, 134, cx + 62, 250], fill=hexrgb(hair))
    # face
    eye = (40, 30, 25)
    d.ellipse([cx - 26, 160, cx - 14, 172], fill=eye)
    d.ellipse([cx + 14, 160, cx + 26, 172], fill=eye)
    d.arc([cx - 22, 180, cx + 22, 212], 20, 160, fill=(120, 40, 40), width=3)
    if slug in ("baharuddin", "syamsuddin-tahir", "rina-kusumawardani"):
        d.rectangle([cx - 34, 156, cx - 6, 176], outline=(30, 30, 30), width=3)
        d.rectangle([cx + 6, 156, cx + 34, 176], outline=(30, 30, 30), width=3)
        d.line([(cx - 6, 164), (cx + 6, 164)], fill=(30, 30, 30), width=3)
    # name tag
    name = str(record.get("name", slug)).split(",")[0]
    d.rounded_rectangle([18, h - 44, w - 18, h - 14], radius=10, fill=(255, 255, 255))
    fnt = font(15, True)
    d.text(((w - d.textlength(name, font=fnt)) / 2, h - 38), name, font=fnt, fill=hexrgb(cloth))
    exif = None
    if slug in GPS_PHOTOS:
        lat_ref, lat, lon_ref, lon, taken, make, model = GPS_PHOTOS[slug]
        exif = exif_for(make, model, taken, (lat_ref, lat, lon_ref, lon))
    save_image(img, path, exif=exif, quality=85)


# --------------------------------------------------------------------------
# Minimal PDF writer (text only, Type 1 base fonts, no scripts, no forms)
# --------------------------------------------------------------------------

_PDF_REPLACE = {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...",
                "•": "-", "≤": "<=", "≥": ">=", "×": "x", "÷": ":"}


def pdf_text(value: str) -> bytes:
    for a, b in _PDF_REPLACE.items():
        value = value.replace(a, b)
    raw = value.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


class PdfDoc:
    """A tiny PDF builder: pages of text lines, rules and rectangles."""

    A4 = (595, 842)

    def __init__(self, title: str, author: str, subject: str = "", created: str = "",
                 size=A4):
        self.title, self.author, self.subject = title, author, subject
        self.created = created  # "YYYY-MM-DD"
        self.size = size
        self.pages: list[list[bytes]] = []
        self.new_page()

    # page content -------------------------------------------------------
    def new_page(self):
        self.pages.append([])
        self.y = self.size[1] - 64

    def op(self, data: str | bytes):
        self.pages[-1].append(data.encode("latin-1") if isinstance(data, str) else data)

    def text(self, x, y, value, size=10.5, bold=False, gray=0.0):
        fontname = "F2" if bold else "F1"
        self.op(f"BT {gray:.2f} g /{fontname} {size} Tf {x:.1f} {y:.1f} Td (".encode() +
                pdf_text(value) + b") Tj ET")

    def rule(self, x1, y1, x2, y2, width=0.8, gray=0.4):
        self.op(f"{gray:.2f} G {width} w {x1:.1f} {y1:.1f} m {x2:.1f} {y2:.1f} l S")

    def rect(self, x, y, w, h, fill_gray=None, stroke=True):
        if fill_gray is not None:
            self.op(f"{fill_gray:.2f} g {x:.1f} {y:.1f} {w:.1f} {h:.1f} re f")
        if stroke:
            self.op(f"0.40 G 0.6 w {x:.1f} {y:.1f} {w:.1f} {h:.1f} re S")

    # flowing layout -----------------------------------------------------
    @property
    def width(self):
        return self.size[0] - 2 * 60

    def need(self, height):
        if self.y - height < 56:
            self.new_page()

    def para(self, value, size=10.5, bold=False, indent=0, gap=5, bullet=None):
        chars = int((self.width - indent) / (size * 0.52))
        lines = textwrap.wrap(value, chars) or [""]
        for i, line in enumerate(lines):
            self.need(size * 1.4)
            if bullet and i == 0:
                self.text(60 + indent - 12, self.y, bullet, size, bold)
            self.text(60 + indent, self.y, line, size, bold)
            self.y -= size * 1.4
        self.y -= gap

    def h1(self, value):
        self.need(40)
        self.para(value, 17, True, gap=4)
        self.rule(60, self.y + 6, 60 + self.width, self.y + 6, 1.2, 0.2)
        self.y -= 10

    def h2(self, value):
        self.need(34)
        self.y -= 4
        self.para(value, 12.5, True, gap=3)

    def bullets(self, items, numbered=False):
        for i, item in enumerate(items, 1):
            self.para(item, indent=16, gap=2, bullet=f"{i}." if numbered else "-")
        self.y -= 4

    def table(self, rows, widths=None, size=9.5):
        cols = len(rows[0])
        widths = widths or [self.width / cols] * cols
        for r, row in enumerate(rows):
            wrapped = [textwrap.wrap(str(cell), max(4, int(wd / (size * 0.52)) - 1)) or [""]
                       for cell, wd in zip(row, widths)]
            height = max(len(c) for c in wrapped) * size * 1.3 + 8
            self.need(height)
            top = self.y + size + 2
            self.rect(60, top - height, sum(widths), height, 0.90 if r == 0 else None)
            if r == 0:
                self.rect(60, top - height, sum(widths), height)
            x = 60
            for cell_lines, wd in zip(wrapped, widths):
                yy = self.y - 2
                for line in cell_lines:
                    self.text(x + 4, yy, line, size, bold=(r == 0))
                    yy -= size * 1.3
                self.rule(x, top, x, top - height, 0.6)
                x += wd
            self.rule(x, top, x, top - height, 0.6)
            self.y -= height
        self.y -= 10

    # output -------------------------------------------------------------
    def save(self, path: Path):
        objs: list[bytes] = []

        def add(body: bytes) -> int:
            objs.append(body)
            return len(objs)

        catalog = add(b"")  # placeholder, filled below
        pages_id = add(b"")
        f1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                 b"/Encoding /WinAnsiEncoding >>")
        f2 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                 b"/Encoding /WinAnsiEncoding >>")
        info = b"<< /Title (" + pdf_text(self.title) + b") /Author (" + pdf_text(self.author) + \
            b") /Subject (" + pdf_text(self.subject) + b") /Creator (Jejak make_demo_media.py)"
        if self.created:
            info += b" /CreationDate (D:" + self.created.replace("-", "").encode() + b"080000+08'00')"
        info_id = add(info + b" >>")
        kids = []
        total = len(self.pages)
        for n, ops in enumerate(self.pages, 1):
            footer = (b"BT 0.45 g /F1 8 Tf 60 40 Td (" + pdf_text(self.title[:90]) +
                      f"  -  halaman {n} dari {total}) Tj ET".encode())
            stream = zlib.compress(b"\n".join(ops + [footer]), 9)
            content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) +
                          stream + b"\nendstream")
            page = add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {self.size[0]} "
                       f"{self.size[1]}] /Resources << /Font << /F1 {f1} 0 R /F2 {f2} 0 R >> >> "
                       f"/Contents {content} 0 R >>".encode())
            kids.append(page)
        objs[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
        objs[pages_id - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                              f"/Count {len(kids)} >>").encode()
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(objs, 1):
            offsets.append(len(out))
            out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            out += f"{off:010d} 00000 n \n".encode()
        out += (f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R /Info {info_id} 0 R >>\n"
                f"startxref\n{xref}\n%%EOF\n").encode()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bytes(out))


def render_doc(path: Path, spec: dict):
    """spec: title, author, created, subject, size, blocks[(kind, value)]."""
    size = (842, 595) if spec.get("landscape") else PdfDoc.A4
    doc = PdfDoc(spec["title"], spec["author"], spec.get("subject", ""), spec.get("created", ""),
                 size)
    for kind, value in spec["blocks"]:
        if kind == "h1":
            doc.h1(value)
        elif kind == "h2":
            doc.h2(value)
        elif kind == "p":
            doc.para(value)
        elif kind == "small":
            doc.para(value, 9, gap=3)
        elif kind == "ul":
            doc.bullets(value)
        elif kind == "ol":
            doc.bullets(value, numbered=True)
        elif kind == "table":
            doc.table(value)
        elif kind == "page":
            doc.new_page()
        elif kind == "slide":
            heading, items = value
            if doc.pages[-1]:
                doc.new_page()
            doc.y = size[1] - 80
            doc.rect(0, size[1] - 110, size[0], 110, 0.92, stroke=False)
            doc.text(60, size[1] - 70, heading, 24, True)
            doc.y = size[1] - 160
            for item in items:
                doc.para(item, 16, indent=20, gap=10, bullet="-")
        else:
            raise ValueError(kind)
    doc.save(path)


def make_certificate(path: Path, person: dict, training: dict):
    doc = PdfDoc(f"Sertifikat - {training['title']}", str(training.get("organizer", "")),
                 "Sertifikat pelatihan", str(training.get("end", "")), (842, 595))
    doc.rect(28, 28, 786, 539, None)
    doc.rect(36, 36, 770, 523, None)
    doc.rect(36, 480, 770, 79, 0.90, stroke=False)
    def centre(y, value, size, bold=False):
        # average Helvetica advance: about 0.50 em (regular), 0.56 em (bold)
        width = len(value) * size * (0.56 if bold else 0.50)
        doc.text(max(60, 421 - width / 2), y, value, size, bold)

    centre(505, "SERTIFIKAT", 34, True)
    centre(440, "diberikan kepada", 14)
    centre(395, str(person.get("name", "")), 26, True)
    centre(350, "atas partisipasinya sebagai peserta", 14)
    centre(315, str(training["title"]), 16, True)
    when = rentang(training["start"], training["end"])
    centre(285, f"{when}  -  {training.get('hours', '')} jam pelajaran (JP)", 12)
    centre(262, f"Penyelenggara: {training.get('organizer', '')}", 12)
    doc.text(560, 150, "Ketua Panitia", 12)
    doc.rule(560, 95, 760, 95)
    doc.text(60, 60, "Contoh sertifikat untuk arsip demo Jejak; tidak memuat nomor identitas.",
             8, gray=0.45)
    doc.save(path)


# --------------------------------------------------------------------------
# Audio
# --------------------------------------------------------------------------

NOTE = {"C4": 261.63, "D4": 293.66, "E4": 329.63, "F4": 349.23, "G4": 392.00, "A4": 440.00,
        "B4": 493.88, "C5": 523.25, "D5": 587.33, "E5": 659.25, "G5": 783.99, "R": 0.0}


def make_wav(path: Path, melody, rate=11025, bass=None, volume=0.45):
    """melody: list of (note, seconds). Sine with a soft second harmonic."""
    frames = bytearray()
    t0 = 0.0
    total = sum(d for _, d in melody)
    bass = bass or []
    for note, dur in melody:
        freq = NOTE[note]
        n = int(dur * rate)
        for i in range(n):
            t = i / rate
            env = min(1.0, t / 0.02) * math.exp(-2.6 * t / max(dur, 0.1))
            v = 0.0
            if freq:
                v = math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)
                v *= env
            # bass line
            now = t0 + t
            acc = 0.0
            for bnote, bstart, bdur in bass:
                if bstart <= now < bstart + bdur:
                    bt = now - bstart
                    acc += 0.5 * math.sin(math.pi * NOTE[bnote] * bt) * math.exp(-1.5 * bt)
            sample = max(-1.0, min(1.0, volume * (v + acc) / 1.6))
            # fade out at the very end
            if now > total - 0.15:
                sample *= max(0.0, (total - now) / 0.15)
            frames += struct.pack("<h", int(sample * 32767))
        t0 += dur
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))


# --------------------------------------------------------------------------
# Posters, infographics and photos of products
# --------------------------------------------------------------------------


def poster_adab(path: Path):
    w, h = 600, 848
    img = gradient((w, h), "#ecfdf5", "#d1fae5")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, w, 150], fill=hexrgb("#0f766e"))
    d.text((40, 34), "LIMA ADAB", font=font(44, True), fill=(255, 255, 255))
    d.text((40, 88), "MENUNTUT ILMU", font=font(30, True), fill=hexrgb("#fde68a"))
    items = [("Niat yang ikhlas", "Belajar karena Allah dan untuk kebaikan."),
             ("Berdoa sebelum belajar", "Rabbi zidnii 'ilman warzuqnii fahman."),
             ("Hormat kepada guru", "Mendengarkan saat guru menjelaskan."),
             ("Sabar dan tekun", "Tidak mudah menyerah ketika sulit."),
             ("Mengamalkan ilmu", "Ilmu yang bermanfaat dibagikan kepada teman.")]
    colors = ["#f59e0b", "#10b981", "#3b82f6", "#ec4899", "#8b5cf6"]
    y = 180
    for i, ((head, sub), col) in enumerate(zip(items, colors), 1):
        d.rounded_rectangle([30, y, w - 30, y + 110], radius=18, fill=(255, 255, 255),
                            outline=hexrgb(col), width=4)
        d.ellipse([48, y + 23, 112, y + 87], fill=hexrgb(col))
        num = str(i)
        d.text((80 - d.textlength(num, font=font(34, True)) / 2, y + 33), num,
               font=font(34, True), fill=(255, 255, 255))
        d.text((132, y + 22), head, font=font(25, True), fill=hexrgb("#134e4a"))
        text_block(d, (132, y + 60), sub, font(17), hexrgb("#374151"), w - 190)
        y += 124
    d.text((30, h - 36), "KKG MI Kota Parepare  •  CC BY-SA 4.0", font=font(15),
           fill=hexrgb("#0f766e"))
    save_image(img, path)


def infografis_ptk(path: Path):
    w, h = 800, 450
    img = Image.new("RGB", (w, h), hexrgb("#f8fafc"))
    d = ImageDraw.Draw(img)
    d.text((32, 24), "Kursus E-Learning PTK 2025", font=font(30, True), fill=hexrgb("#134e4a"))
    d.text((32, 66), "KKG MI Kota Parepare  •  12 April – 28 Juni 2025  •  40 JP", font=font(17),
           fill=hexrgb("#475569"))
    stages = [("1", "Pendahuluan", "12–26 Apr"), ("2", "Proposal", "27 Apr–17 Mei"),
              ("3", "Pelaksanaan", "18 Mei–7 Jun"), ("4", "Laporan", "8–21 Jun"),
              ("5", "Publikasi", "22–28 Jun")]
    colors = ["#0f766e", "#0d9488", "#14b8a6", "#f59e0b", "#d97706"]
    x, y, bw, bh = 24, 140, 150, 150
    for (num, name, when), col in zip(stages, colors):
        d.polygon([(x, y), (x + bw, y), (x + bw + 26, y + bh / 2), (x + bw, y + bh), (x, y + bh),
                   (x + 26, y + bh / 2)], fill=hexrgb(col))
        d.text((x + 40, y + 18), num, font=font(40, True), fill=(255, 255, 255))
        d.text((x + 34, y + 74), name, font=font(17, True), fill=(255, 255, 255))
        d.text((x + 34, y + 102), when, font=font(14), fill=hexrgb("#ecfeff"))
        x += bw + 4
    notes = ["Materi video + lembar kerja di Google Classroom",
             "Konsultasi Zoom di akhir setiap tahap",
             "Sertifikat 40 JP bagi yang menyelesaikan tahap laporan"]
    y = 330
    for note in notes:
        d.ellipse([36, y + 6, 48, y + 18], fill=hexrgb("#f59e0b"))
        d.text((60, y), note, font=font(18), fill=hexrgb("#1e293b"))
        y += 32
    save_image(img, path)


def kid(d, x, y, shirt, head_wear=None, skin="#c68a5e", scale=1.0):
    s = scale
    d.rounded_rectangle([x - 22 * s, y, x + 22 * s, y + 50 * s], radius=int(12 * s),
                        fill=hexrgb(shirt))
    if head_wear == "hijab":
        d.ellipse([x - 21 * s, y - 44 * s, x + 21 * s, y + 4 * s], fill=hexrgb("#f8fafc"))
        d.ellipse([x - 14 * s, y - 34 * s, x + 14 * s, y - 4 * s], fill=hexrgb(skin))
    else:
        d.ellipse([x - 16 * s, y - 38 * s, x + 16 * s, y - 4 * s], fill=hexrgb(skin))
        if head_wear == "peci":
            d.rectangle([x - 16 * s, y - 44 * s, x + 16 * s, y - 30 * s], fill=hexrgb("#111827"))
        else:
            d.pieslice([x - 17 * s, y - 42 * s, x + 17 * s, y - 14 * s], 180, 360,
                       fill=hexrgb("#1f2937"))


def foto_stasiun(path: Path):
    w, h = 800, 600
    img = gradient((w, h), "#fef3c7", "#fde68a")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 380, w, h], fill=hexrgb("#d6a56b"))  # floor
    for i in range(0, w, 60):
        d.line([(i, 380), (i - 120, h)], fill=hexrgb("#c4935b"), width=2)
    d.rectangle([230, 50, 570, 200], fill=hexrgb("#14532d"), outline=hexrgb("#78350f"), width=8)
    d.text((255, 70), "WUJUD BENDA", font=font(26, True), fill=(240, 240, 240))
    d.text((255, 112), "padat  •  cair  •  gas", font=font(22), fill=(220, 240, 220))
    d.text((255, 150), "Pilih stasiunmu!", font=font(20), fill=(250, 230, 140))
    kid(d, 610, 250, "#0f766e", "hijab", scale=1.5)  # teacher
    tables = [(40, "MEMBACA", "#3b82f6"), (300, "MENGAMATI", "#10b981"),
              (560, "MENGGAMBAR", "#ec4899")]
    for tx, label, col in tables:
        kid(d, tx + 45, 330, "#ffffff", "peci")
        kid(d, tx + 110, 330, "#ffffff", "hijab", skin="#b97a50")
        kid(d, tx + 170, 335, "#ffffff", None, skin="#d19a6a")
        d.rectangle([tx, 380, tx + 210, 420], fill=hexrgb("#92400e"))
        d.rectangle([tx + 10, 420, tx + 22, 500], fill=hexrgb("#78350f"))
        d.rectangle([tx + 188, 420, tx + 200, 500], fill=hexrgb("#78350f"))
        d.rounded_rectangle([tx + 30, 436, tx + 180, 470], radius=8, fill=hexrgb(col))
        fnt = font(16, True)
        d.text((tx + 105 - d.textlength(label, font=fnt) / 2, 444), label, font=fnt,
               fill=(255, 255, 255))
    d.rectangle([330, 365, 370, 380], fill=hexrgb("#60a5fa"))  # glass of water on table
    d.rectangle([90, 368, 130, 380], fill=hexrgb("#f8fafc"))  # book
    exif = exif_for("OPPO", "CPH2591", "2025:05:14 10:05:12")
    save_image(img, path, exif=exif, quality=80)


def foto_papan_pecahan(path: Path):
    w, h = 800, 600
    img = gradient((w, h), "#e7d3b5", "#cfb38a")  # table top
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([60, 50, 740, 550], radius=12, fill=hexrgb("#8b5a2b"))
    for i in range(14):  # wood grain
        yy = 62 + i * 35
        d.arc([40, yy - 30, 760, yy + 30], 0, 180, fill=hexrgb("#7a4d24"), width=2)
    colors = ["#ef4444", "#f97316", "#eab308", "#22c55e", "#06b6d4", "#6366f1", "#ec4899"]
    parts = [1, 2, 3, 4, 5, 6, 8]
    labels = ["1", "1/2", "1/3", "1/4", "1/5", "1/6", "1/8"]
    y = 78
    for n, col, lab in zip(parts, colors, labels):
        x0, x1 = 100, 700
        seg = (x1 - x0) / n
        for k in range(n):
            d.rectangle([x0 + k * seg + 2, y, x0 + (k + 1) * seg - 2, y + 52], fill=hexrgb(col),
                        outline=hexrgb("#1f2937"), width=2)
            fnt = font(20 if n < 6 else 16, True)
            tw = d.textlength(lab, font=fnt)
            d.text((x0 + k * seg + seg / 2 - tw / 2, y + 14), lab, font=fnt, fill=(255, 255, 255))
        y += 66
    exif = exif_for("samsung", "SM-A155F", "2025:08:09 10:24:31",
                    ("S", (4.0, 0.0, 51.84), "E", (119.0, 37.0, 49.2)))
    save_image(img, path, exif=exif, quality=80)


def infografis_butir(path: Path):
    w, h = 800, 600
    img = Image.new("RGB", (w, h), hexrgb("#eff6ff"))
    d = ImageDraw.Draw(img)
    d.text((36, 28), "Analisis Butir Soal Numerasi", font=font(32, True), fill=hexrgb("#1e3a8a"))
    d.text((36, 74), "MGMP Matematika MTs Sidrap  •  97 butir lolos telaah  •  Maret 2025",
           font=font(17), fill=hexrgb("#475569"))
    data = [("Mudah", 21, "#22c55e"), ("Sedang", 52, "#3b82f6"), ("Sukar", 24, "#f97316")]
    base, left = 500, 120
    d.line([(left, 140), (left, base)], fill=hexrgb("#334155"), width=3)
    d.line([(left, base), (740, base)], fill=hexrgb("#334155"), width=3)
    for v in range(0, 61, 10):
        yy = base - v * 6
        d.line([(left - 6, yy), (740, yy)], fill=hexrgb("#cbd5e1"), width=1)
        d.text((left - 44, yy - 10), str(v), font=font(15), fill=hexrgb("#334155"))
    x = left + 60
    for label, val, col in data:
        d.rectangle([x, base - val * 6, x + 130, base], fill=hexrgb(col))
        d.text((x + 45, base - val * 6 - 32), str(val), font=font(24, True), fill=hexrgb("#0f172a"))
        d.text((x + 65 - d.textlength(label, font=font(19, True)) / 2, base + 12), label,
               font=font(19, True), fill=hexrgb("#0f172a"))
        x += 200
    d.rounded_rectangle([36, 548, 764, 586], radius=10, fill=hexrgb("#fee2e2"))
    d.text((52, 556), "4 butir berdaya beda negatif dikembalikan kepada penyusun untuk direvisi",
           font=font(16), fill=hexrgb("#991b1b"))
    save_image(img, path)


def tangkapan_geogebra(path: Path):
    w, h = 800, 600
    img = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, w, 44], fill=hexrgb("#f1f5f9"))
    for i, label in enumerate(["↖", "•", "/", "△", "○", "∡", "⇄", "a=2"]):
        d.rounded_rectangle([10 + i * 46, 6, 48 + i * 46, 38], radius=6, fill=(255, 255, 255),
                            outline=hexrgb("#cbd5e1"))
        d.text((20 + i * 46, 12), label, font=font(15), fill=hexrgb("#334155"))
    d.rectangle([0, 44, 230, h], fill=hexrgb("#f8fafc"))
    d.line([(230, 44), (230, h)], fill=hexrgb("#cbd5e1"), width=2)
    alg = ["A = (1, 1)", "B = (4, 1)", "C = (2, 4)", "segitiga = 4.5", "A' = (-1, 1)",
           "B' = (-4, 1)", "C' = (-2, 4)", "sudut = 0°"]
    for i, line in enumerate(alg):
        col = "#1d4ed8" if "'" not in line else "#ea580c"
        d.ellipse([12, 64 + i * 40, 24, 76 + i * 40], fill=hexrgb(col))
        d.text((34, 60 + i * 40), line, font=font(16), fill=hexrgb("#0f172a"))
    # slider
    d.text((20, 400), "sudut rotasi", font=font(14), fill=hexrgb("#334155"))
    d.line([(20, 430), (210, 430)], fill=hexrgb("#64748b"), width=3)
    d.ellipse([22, 422, 38, 438], fill=hexrgb("#1d4ed8"))
    # grid
    ox, oy, unit = 515, 360, 40
    for gx in range(-7, 7):
        d.line([(ox + gx * unit, 44), (ox + gx * unit, h)], fill=hexrgb("#e2e8f0"))
    for gy in range(-8, 7):
        d.line([(231, oy + gy * unit), (w, oy + gy * unit)], fill=hexrgb("#e2e8f0"))
    d.line([(231, oy), (w, oy)], fill=hexrgb("#334155"), width=2)
    d.line([(ox, 44), (ox, h)], fill=hexrgb("#334155"), width=2)
    d.text((w - 20, oy + 4), "x", font=font(15), fill=hexrgb("#334155"))
    d.text((ox + 6, 48), "y", font=font(15), fill=hexrgb("#334155"))

    def pt(x, y):
        return (ox + x * unit, oy - y * unit)

    tri = [pt(1, 1), pt(4, 1), pt(2, 4)]
    ref = [pt(-1, 1), pt(-4, 1), pt(-2, 4)]
    d.polygon(tri, fill=(191, 219, 254), outline=hexrgb("#1d4ed8"))
    d.polygon(ref, fill=(254, 215, 170), outline=hexrgb("#ea580c"))
    for (x, y), name in zip(tri, "ABC"):
        d.ellipse([x - 5, y - 5, x + 5, y + 5], fill=hexrgb("#1d4ed8"))
        d.text((x + 6, y - 22), name, font=font(16, True), fill=hexrgb("#1d4ed8"))
    for (x, y), name in zip(ref, "ABC"):
        d.ellipse([x - 5, y - 5, x + 5, y + 5], fill=hexrgb("#ea580c"))
        d.text((x - 26, y - 22), name + "'", font=font(16, True), fill=hexrgb("#ea580c"))
    save_image(img, path)


def foto_kubus(path: Path):
    w, h = 800, 600
    img = gradient((w, h), "#e5e7eb", "#9ca3af")
    d = ImageDraw.Draw(img)
    d.polygon([(0, 380), (w, 300), (w, h), (0, h)], fill=hexrgb("#b45309"))  # table
    a = 56  # cube edge in pixels
    cols = ["#ef4444", "#facc15", "#3b82f6"]
    ox, oy = 330, 360

    def iso(x, y, z):
        return (ox + (x - y) * a * 0.87, oy + (x + y) * a * 0.5 - z * a)

    cubes = [(x, y, z) for z in range(2) for y in range(2) for x in range(3)]
    cubes.sort(key=lambda c: (c[2], c[0] + c[1]))
    for i, (x, y, z) in enumerate(cubes):
        col = hexrgb(cols[(x + y + z) % 3])
        top = [iso(x, y, z + 1), iso(x + 1, y, z + 1), iso(x + 1, y + 1, z + 1), iso(x, y + 1, z + 1)]
        left = [iso(x, y + 1, z), iso(x + 1, y + 1, z), iso(x + 1, y + 1, z + 1), iso(x, y + 1, z + 1)]
        right = [iso(x + 1, y, z), iso(x + 1, y + 1, z), iso(x + 1, y + 1, z + 1), iso(x + 1, y, z + 1)]
        d.polygon(left, fill=mix(col, "#000000", 0.25), outline=(40, 30, 20))
        d.polygon(right, fill=mix(col, "#000000", 0.1), outline=(40, 30, 20))
        d.polygon(top, fill=mix(col, "#ffffff", 0.15), outline=(40, 30, 20))
    d.rounded_rectangle([520, 470, 770, 560], radius=8, fill=(255, 255, 255))
    d.text((536, 480), "V = p × l × t", font=font(24, True), fill=(30, 30, 30))
    d.text((536, 516), "= 3 × 2 × 2 = 12", font=font(22), fill=(30, 30, 30))
    exif = exif_for("Xiaomi", "Redmi Note 13", "2025:11:05 13:41:09")
    save_image(img, path, exif=exif, quality=80)


def poster_mendalam(path: Path):
    w, h = 800, 600
    img = Image.new("RGB", (w, h), hexrgb("#f8fafc"))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, w, 120], fill=hexrgb("#1e3a8a"))
    d.text((36, 22), "Pembelajaran Mendalam", font=font(36, True), fill=(255, 255, 255))
    d.text((36, 72), "di Kelas Matematika  •  MGMP Matematika MTs Sidrap", font=font(19),
           fill=hexrgb("#bfdbfe"))
    cols = [("Berkesadaran", "#0ea5e9", ["Siswa tahu tujuan", "belajarnya.", "",
                                         "Jurnal refleksi", "tiga menit di akhir", "pelajaran."]),
            ("Bermakna", "#f97316", ["Mulai dari masalah", "nyata: sawah, pasar,", "kincir angin.", "",
                                     "Model dulu,", "rumus kemudian."]),
            ("Menggembirakan", "#22c55e", ["Permainan, teka-teki,", "dan kerja kelompok.", "",
                                           "Salah itu bagian", "dari belajar."])]
    x = 30
    for head, col, lines in cols:
        d.rounded_rectangle([x, 150, x + 234, 560], radius=18, fill=(255, 255, 255),
                            outline=hexrgb(col), width=5)
        d.rounded_rectangle([x, 150, x + 234, 214], radius=18, fill=hexrgb(col))
        d.text((x + 117 - d.textlength(head, font=font(21, True)) / 2, 168), head,
               font=font(21, True), fill=(255, 255, 255))
        yy = 240
        for line in lines:
            d.text((x + 20, yy), line, font=font(18), fill=hexrgb("#1e293b"))
            yy += 30
        x += 250
    save_image(img, path)


def infografis_kritis(path: Path):
    w, h = 600, 848
    img = gradient((w, h), "#fff1f2", "#ffe4e6")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, w, 170], fill=hexrgb("#9f1239"))
    d.text((36, 30), "SEBELUM PERCAYA,", font=font(36, True), fill=(255, 255, 255))
    d.text((36, 80), "TANYAKAN DULU", font=font(36, True), fill=hexrgb("#facc15"))
    d.text((36, 130), "Lima pertanyaan membaca kritis", font=font(18), fill=hexrgb("#ffe4e6"))
    qs = [("Siapa penulisnya?", "Akun resmi, media, atau anonim?"),
          ("Kapan ditulis?", "Berita lama sering diunggah ulang."),
          ("Apa buktinya?", "Data, foto asli, atau hanya katanya?"),
          ("Siapa yang diuntungkan?", "Perhatikan tujuan di balik pesan."),
          ("Apa kata sumber lain?", "Bandingkan minimal tiga sumber.")]
    cols = ["#be123c", "#e11d48", "#f43f5e", "#fb7185", "#9f1239"]
    y = 196
    for (q, sub), col in zip(qs, cols):
        d.rounded_rectangle([30, y, w - 30, y + 110], radius=14, fill=(255, 255, 255))
        d.rectangle([30, y, 44, y + 110], fill=hexrgb(col))
        d.text((64, y + 20), q, font=font(25, True), fill=hexrgb("#4c0519"))
        text_block(d, (64, y + 62), sub, font(18), hexrgb("#374151"), w - 120)
        y += 124
    d.text((30, h - 34), "MGMP Bahasa Indonesia SMA Kota Makassar", font=font(15),
           fill=hexrgb("#9f1239"))
    save_image(img, path)


def poster_pinisi(path: Path):
    w, h = 600, 848
    img = gradient((w, h), "#fef9c3", "#7dd3fc")
    d = ImageDraw.Draw(img)
    d.ellipse([420, 60, 540, 180], fill=hexrgb("#f59e0b"))
    # hull and sails
    d.polygon([(110, 470), (500, 470), (450, 540), (150, 540)], fill=hexrgb("#7c2d12"))
    d.line([(300, 200), (300, 470)], fill=hexrgb("#451a03"), width=6)
    d.line([(220, 250), (220, 470)], fill=hexrgb("#451a03"), width=5)
    d.polygon([(306, 210), (430, 450), (306, 450)], fill=(255, 255, 255))
    d.polygon([(294, 215), (294, 450), (230, 450)], fill=hexrgb("#f1f5f9"))
    d.polygon([(214, 260), (214, 450), (140, 450)], fill=(255, 255, 255))
    d.polygon([(306, 200), (470, 300), (306, 230)], fill=hexrgb("#e2e8f0"))
    for i in range(5):  # waves
        y = 540 + i * 26
        for x in range(-40, w, 80):
            d.arc([x, y - 12, x + 80, y + 12], 0, 180, fill=hexrgb("#0369a1"), width=4)
    d.rectangle([0, 680, w, h], fill=hexrgb("#0c4a6e"))
    d.text((30, 26), "BAHASA KITA,", font=font(40, True), fill=hexrgb("#7c2d12"))
    d.text((30, 76), "JATI DIRI KITA", font=font(40, True), fill=hexrgb("#9f1239"))
    steps = ["1. Wawancara tokoh kampung", "2. Tulis teks eksplanasi", "3. Pamerkan karya"]
    for i, s in enumerate(steps):
        d.text((30, 696 + i * 40), s, font=font(24, True), fill=(255, 255, 255))
    d.text((30, h - 28), "Proyek literasi kearifan lokal  •  MGMP B. Indonesia SMA Makassar",
           font=font(13), fill=hexrgb("#bae6fd"))
    save_image(img, path)


def siklus_tirta(path: Path):
    w, h = 800, 600
    img = Image.new("RGB", (w, h), hexrgb("#faf5ff"))
    d = ImageDraw.Draw(img)
    d.text((32, 22), "Alur Coaching TIRTA", font=font(32, True), fill=hexrgb("#3b0764"))
    d.text((32, 66), "Kartu saku percakapan pascaobservasi  •  KKM MI Kota Parepare",
           font=font(16), fill=hexrgb("#6b21a8"))
    steps = [("T", "Tujuan", "Apa yang ingin Bapak/Ibu capai?", (260, 210)),
             ("I", "Identifikasi", "Apa yang sudah terjadi di kelas?", (540, 210)),
             ("R", "Rencana aksi", "Langkah apa yang akan dicoba?", (540, 440)),
             ("TA", "Tanggung jawab", "Kapan kita bertemu lagi?", (260, 440))]
    cols = ["#7c3aed", "#a21caf", "#16a34a", "#0891b2"]
    centers = [c for *_, c in steps]
    for i in range(4):  # arrows
        (x1, y1), (x2, y2) = centers[i], centers[(i + 1) % 4]
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        d.line([(x1, y1), (x2, y2)], fill=hexrgb("#c4b5fd"), width=10)
        ang = math.atan2(y2 - y1, x2 - x1)
        tip = (mx + 16 * math.cos(ang), my + 16 * math.sin(ang))
        l = (mx - 14 * math.cos(ang) + 14 * math.sin(ang), my - 14 * math.sin(ang) - 14 * math.cos(ang))
        r = (mx - 14 * math.cos(ang) - 14 * math.sin(ang), my - 14 * math.sin(ang) + 14 * math.cos(ang))
        d.polygon([tip, l, r], fill=hexrgb("#7c3aed"))
    for (letter, name, question, (cx, cy)), col in zip(steps, cols):
        d.ellipse([cx - 70, cy - 70, cx + 70, cy + 70], fill=hexrgb(col))
        fl = font(40, True)
        d.text((cx - d.textlength(letter, font=fl) / 2, cy - 42), letter, font=fl, fill=(255, 255, 255))
        fn = font(16 if len(name) < 13 else 13, True)
        d.text((cx - d.textlength(name, font=fn) / 2, cy + 10), name, font=fn, fill=(255, 255, 255))
        qy = cy + 78 if cy > 300 else cy - 100
        fq = font(15)
        d.text((cx - d.textlength(question, font=fq) / 2, qy), question, font=fq,
               fill=hexrgb("#1f2937"))
    save_image(img, path)


# --------------------------------------------------------------------------
# Documents (PDF contents)
# --------------------------------------------------------------------------


def modul_ajar(title, author, created, info, tujuan, langkah, asesmen, lampiran):
    blocks = [("h1", title),
              ("small", f"Penyusun: {author}"),
              ("h2", "A. Informasi umum"),
              ("table", [["Komponen", "Keterangan"]] + [[k, v] for k, v in info]),
              ("h2", "B. Tujuan pembelajaran"),
              ("ol", tujuan),
              ("h2", "C. Langkah pembelajaran")]
    for part, items in langkah:
        blocks += [("p", part), ("ol", items)]
    blocks += [("h2", "D. Asesmen"), ("ul", asesmen),
               ("h2", "E. Lampiran"), ("ul", lampiran),
               ("small", "Dokumen ini dibagikan dengan lisensi terbuka sesuai keterangan pada "
                         "arsip kelompok. Tidak memuat data pribadi siswa.")]
    return {"title": title, "author": author, "created": created, "subject": "Modul ajar",
            "blocks": blocks}


def ptk_paper(title, author, created, abstract, sections, tables, refs):
    blocks = [("h1", title), ("small", author), ("h2", "Abstrak"), ("p", abstract)]
    for head, paras in sections:
        blocks.append(("h2", head))
        for p in paras:
            blocks.append(p if isinstance(p, tuple) else ("p", p))
        if head in tables:
            blocks.append(("table", tables[head]))
    blocks += [("h2", "Daftar pustaka"), ("ul", refs)]
    return {"title": title, "author": author, "created": created, "subject": "Penelitian tindakan kelas",
            "blocks": blocks}


KKG = "groups/kkg-mi-parepare"
MAT = "groups/mgmp-matematika-mts-sidrap"
BIN = "groups/mgmp-bahasa-indonesia-sma-makassar"
KKM = "groups/kkm-mi-parepare"

DOCUMENTS = {
    # ---------------------------------------------------------------- sessions
    f"{KKG}/sessions/webinar-modul-ajar-kurikulum-merdeka/materi-modul-ajar.pdf": {
        "title": "Menyusun Modul Ajar Kurikulum Merdeka di MI",
        "author": "Dra. Hj. Hasnawati, M.Pd.", "created": "2025-02-15", "landscape": True,
        "subject": "Bahan tayang webinar KKG MI Kota Parepare",
        "blocks": [
            ("slide", ("Menyusun Modul Ajar Kurikulum Merdeka di MI",
                       ["Webinar KKG MI Kota Parepare, 15 Februari 2025",
                        "Narasumber: Dra. Hj. Hasnawati, M.Pd., Pengawas Madrasah"])),
            ("slide", ("Modul ajar itu rencana, bukan arsip",
                       ["Dipakai di kelas, bukan disimpan di map",
                        "Boleh mengadaptasi contoh, asalkan disesuaikan",
                        "Ringkas dan jelas lebih baik daripada tebal"])),
            ("slide", ("Komponen inti",
                       ["Tujuan pembelajaran (dari ATP)", "Langkah pembelajaran: awal, inti, penutup",
                        "Asesmen: awal, formatif, sumatif", "Lampiran: LKPD, bahan bacaan, rubrik"])),
            ("slide", ("Contoh: pecahan senilai kelas IV",
                       ["Asesmen awal: soal cerita membagi kue",
                        "Inti: memotong kertas dan kue menjadi 2, 4, 8 bagian",
                        "Formatif: exit ticket dua soal", "Refleksi: apa yang sama dari 1/2 dan 2/4?"])),
            ("slide", ("Tugas sebelum 8 Maret 2025",
                       ["Susun satu modul ajar untuk kelas Anda",
                        "Bawa ke pertemuan bedah modul di MIN 1 Kota Parepare",
                        "Gambar LKPD: buatan sendiri atau berlisensi terbuka"])),
        ]},
    f"{KKG}/sessions/elearning-ptk-2025/panduan-kursus-ptk.pdf": {
        "title": "Panduan Kursus E-Learning PTK Angkatan 2025",
        "author": "KKG MI Kota Parepare", "created": "2025-04-10",
        "subject": "Panduan peserta kursus e-learning",
        "blocks": [
            ("h1", "Panduan Kursus E-Learning Penelitian Tindakan Kelas"),
            ("p", "Kursus ini membimbing guru MI menyusun penelitian tindakan kelas (PTK) dari "
                  "masalah nyata di kelas sampai artikel siap terbit. Kursus berlangsung 12 April "
                  "sampai 28 Juni 2025 dengan beban 40 JP."),
            ("h2", "Tahapan"),
            ("table", [["Tahap", "Waktu", "Tugas"],
                       ["Pendahuluan", "12-26 April", "Menulis masalah kelas dan data awal"],
                       ["Proposal", "27 April-17 Mei", "Judul, kajian teori, rencana tindakan"],
                       ["Pelaksanaan", "18 Mei-7 Juni", "Tindakan siklus I dan II, observasi"],
                       ["Laporan", "8-21 Juni", "Laporan BAB I-V disahkan kepala madrasah"],
                       ["Publikasi", "22-28 Juni", "Artikel jurnal dari laporan PTK"]]),
            ("h2", "Cara belajar"),
            ("ul", ["Tonton video materi di Google Classroom sesuai tahap.",
                    "Kerjakan lembar kerja dan unggah sebelum batas waktu.",
                    "Ikuti konsultasi Zoom di akhir tiap tahap (Sabtu, 09.00 WITA).",
                    "Tanyakan kendala di kolom komentar; pembimbing menjawab paling lambat dua hari."]),
            ("h2", "Sertifikat"),
            ("p", "Sertifikat 40 JP diberikan kepada peserta yang menyelesaikan minimal tahap "
                  "laporan. Peserta yang berhenti di tahap proposal mendapat surat keterangan."),
            ("h2", "Etika penelitian"),
            ("ul", ["Nama siswa disamarkan dalam laporan dan artikel.",
                    "Foto siswa hanya dipakai dengan izin tertulis orang tua.",
                    "Data nilai disajikan dalam bentuk rekap, bukan per nama."]),
        ]},
    f"{KKG}/sessions/blended-video-pembelajaran/modul-pelatihan-video.pdf": {
        "title": "Modul Pelatihan Video Pembelajaran dengan Ponsel",
        "author": "Dr. Rina Kusumawardani, M.Kom.", "created": "2025-08-01",
        "subject": "Modul pelatihan blended KKG MI Kota Parepare",
        "blocks": [
            ("h1", "Video Pembelajaran dengan Ponsel"),
            ("p", "Modul ini mendampingi pelatihan blended empat pekan (2-23 Agustus 2025) di "
                  "laboratorium komputer MIN 1 Kota Parepare."),
            ("h2", "Pekan 1 - Naskah dan papan cerita"),
            ("ul", ["Satu video, satu konsep. Durasi 3-5 menit.",
                    "Tulis naskah dalam dua kolom: gambar dan suara.",
                    "Buat papan cerita enam kotak dengan sketsa sederhana."]),
            ("h2", "Pekan 2 - Merekam"),
            ("ul", ["Rekam mendatar (landscape) dengan cahaya dari depan.",
                    "Pakai tripod atau tumpukan buku agar gambar stabil.",
                    "Rekam suara di ruang tertutup; matikan kipas angin."]),
            ("h2", "Pekan 3 - Menyunting"),
            ("ul", ["Potong bagian yang tidak perlu; tambah judul dan penutup.",
                    "Tambahkan takarir, lalu ekspor transkrip sebagai berkas WebVTT.",
                    "Ekspor 720p agar ukuran berkas di bawah 50 MB."]),
            ("h2", "Pekan 4 - Berbagi"),
            ("ul", ["Putar karya di depan teman; minta dua pujian dan satu saran.",
                    "Unggah ke kanal KKG beserta transkrip.",
                    "Wajah siswa hanya tampil bila izin tertulis orang tua sudah terkumpul."]),
        ]},
    f"{MAT}/sessions/webinar-soal-numerasi-akm/materi-soal-numerasi.pdf": {
        "title": "Menyusun Soal Numerasi Berkonteks Lokal",
        "author": "Nurul Fadhilah, S.Pd.", "created": "2025-02-22", "landscape": True,
        "subject": "Bahan tayang webinar MGMP Matematika MTs Sidrap",
        "blocks": [
            ("slide", ("Soal Numerasi Berkonteks Lokal Sidrap",
                       ["Webinar MGMP Matematika MTs, 22 Februari 2025",
                        "Presenter: Nurul Fadhilah, S.Pd."])),
            ("slide", ("Mengapa konteks lokal?",
                       ["Siswa lebih mudah memahami stimulus yang dikenalnya",
                        "Sawah, harga gabah, pasar, angkutan, kincir angin PLTB",
                        "Matematika terasa berguna dalam kehidupan"])),
            ("slide", ("Empat langkah",
                       ["1. Pilih konteks", "2. Tentukan level kognitif",
                        "3. Tulis stimulus dan 3-5 butir soal", "4. Telaah bersama sebelum dipakai"])),
            ("slide", ("Contoh stimulus",
                       ["Petani A: 6,4 ton gabah dari 1,6 hektare",
                        "Petani B: 4,5 ton gabah dari 1,2 hektare",
                        "Sawah siapa yang lebih produktif? Jelaskan alasanmu."])),
        ]},
    f"{MAT}/sessions/blended-geogebra/lembar-kerja-geogebra.pdf": {
        "title": "Lembar Kerja Pelatihan GeoGebra",
        "author": "Baharuddin, S.Pd., M.Pd. dan Irwan Setiawan, S.Si., Gr.", "created": "2025-10-04",
        "subject": "Lembar kerja pelatihan blended",
        "blocks": [
            ("h1", "Lembar Kerja Pelatihan GeoGebra"),
            ("h2", "Pertemuan 1 - Antarmuka"),
            ("ol", ["Buat titik A(1,1), B(4,1), C(2,4) lewat kolom input.",
                    "Buat poligon ABC dan ubah warnanya.",
                    "Buat slider a dari 0 sampai 360 dengan langkah 15."]),
            ("h2", "Pertemuan 2 - Transformasi"),
            ("ol", ["Cerminkan segitiga ABC terhadap sumbu y.",
                    "Putar segitiga ABC sebesar a derajat terhadap titik O.",
                    "Catat koordinat bayangan dan tulis aturannya."]),
            ("h2", "Pertemuan 3 - Fungsi linear dan SPLDV"),
            ("ol", ["Gambar grafik y = 2x + 1 dan y = -x + 4.",
                    "Tentukan titik potong dengan perintah Perpotongan.",
                    "Bandingkan dengan penyelesaian cara eliminasi."]),
            ("h2", "Pertemuan 4 - Statistika"),
            ("ol", ["Masukkan data tinggi badan 20 siswa ke lembar kerja.",
                    "Buat diagram batang dan hitung rata-rata serta median."]),
            ("h2", "Pertemuan 5 - Aplet sendiri"),
            ("p", "Rancang satu aplet untuk materi yang Anda ajarkan semester ini, lalu bagikan "
                  "tautannya di GeoGebra Classroom MGMP."),
        ]},
    # ---------------------------------------------------------------- products
    f"{KKG}/products/modul-ajar-pecahan-kelas-4/modul-ajar-pecahan-senilai.pdf": modul_ajar(
        "Modul Ajar Pecahan Senilai Kelas IV", "Siti Aminah, S.Pd.I., M.Pd.", "2025-03-20",
        [("Satuan pendidikan", "MIN 1 Kota Parepare"), ("Fase / kelas", "B / IV"),
         ("Mata pelajaran", "Matematika"), ("Alokasi waktu", "2 x 35 menit"),
         ("Model", "Pembelajaran berbasis masalah dengan benda konkret"),
         ("Sarana", "Kue barongko atau kertas lipat, pisau plastik, LKPD")],
        ["Siswa dapat menunjukkan pecahan senilai dengan benda konkret.",
         "Siswa dapat menentukan pecahan yang senilai dengan 1/2 dan 1/4.",
         "Siswa dapat menjelaskan mengapa dua pecahan senilai."],
        [("Kegiatan awal (10 menit)", ["Salam, doa, dan presensi.",
                                        "Soal cerita: Ibu membagi kue untuk dua anak dan empat anak."]),
         ("Kegiatan inti (50 menit)", ["Kelompok memotong kue/kertas menjadi 2, 4, dan 8 bagian.",
                                       "Siswa membandingkan besar bagian dan menuliskan pecahannya.",
                                       "Diskusi kelas: 1/2 = 2/4 = 4/8.",
                                       "Latihan LKPD dengan gambar pecahan."]),
         ("Kegiatan penutup (10 menit)", ["Exit ticket dua soal.",
                                           "Refleksi: apa yang sama dari 1/2 dan 2/4?"])],
        ["Asesmen awal: tiga soal cerita pembagian.",
         "Formatif: observasi kerja kelompok dan exit ticket.",
         "Sumatif: lima soal di akhir lingkup materi pecahan."],
        ["LKPD pecahan senilai (gambar buatan sendiri)", "Rubrik observasi kerja kelompok"]),
    f"{KKG}/products/instrumen-asesmen-formatif-ipas/instrumen-asesmen-formatif.pdf": {
        "title": "Instrumen Asesmen Formatif IPAS Kelas II", "author": "Nurhayati, S.Pd.I.",
        "created": "2025-10-18", "subject": "Instrumen penilaian",
        "blocks": [
            ("h1", "Instrumen Asesmen Formatif IPAS Kelas II"),
            ("p", "Materi: bagian tubuh tumbuhan dan fungsinya. Instrumen dipakai selama "
                  "pembelajaran, bukan untuk nilai rapor."),
            ("h2", "1. Lembar observasi kerja kelompok"),
            ("table", [["Aspek", "Belum", "Mulai", "Sudah"],
                       ["Menyebut bagian tumbuhan", "", "", ""],
                       ["Menunjukkan bagian pada tanaman asli", "", "", ""],
                       ["Bekerja sama dalam kelompok", "", "", ""],
                       ["Menjelaskan fungsi satu bagian", "", "", ""]]),
            ("h2", "2. Exit ticket bergambar"),
            ("ol", ["Lingkari bagian tumbuhan yang menyerap air.",
                    "Gambar satu daun dan tulis fungsinya."]),
            ("h2", "3. Rubrik umpan balik"),
            ("ul", ["Belum: beri contoh langsung dengan tanaman di halaman madrasah.",
                    "Mulai: minta siswa menjelaskan kepada teman sebangku.",
                    "Sudah: beri tantangan membandingkan dua tanaman."]),
        ]},
    f"{KKG}/products/modul-ajar-fikih-salat-berjamaah/modul-ajar-salat-berjamaah.pdf": modul_ajar(
        "Modul Ajar Fikih Salat Berjamaah Kelas IV", "Muhammad Yusuf, S.Pd. dan Sitti Rahmah, S.Ag.",
        "2026-05-30",
        [("Satuan pendidikan", "MI DDI Cappa Galung dan MIN 1 Kota Parepare"),
         ("Kelas", "IV"), ("Mata pelajaran", "Fikih"), ("Alokasi waktu", "2 x 35 menit"),
         ("Pendekatan", "Pembelajaran mendalam dan Kurikulum Berbasis Cinta"),
         ("Tempat", "Kelas dan musala madrasah")],
        ["Siswa dapat menjelaskan tata cara salat berjamaah.",
         "Siswa dapat mempraktikkan salat berjamaah sebagai imam dan makmum.",
         "Siswa dapat merefleksikan makna kebersamaan dan kasih sayang dalam salat berjamaah."],
        [("Memahami (berkesadaran)", ["Siswa menceritakan pengalaman salat berjamaah di rumah.",
                                      "Guru menjelaskan syarat imam dan makmum."]),
         ("Mengaplikasi (bermakna)", ["Praktik salat berjamaah di musala secara bergiliran.",
                                      "Teman memberi umpan balik dengan kartu bintang."]),
         ("Merefleksi (menggembirakan)", ["Siswa menulis satu kalimat tentang rasa kebersamaan.",
                                          "Lagu dan doa penutup bersama."])],
        ["Observasi praktik dengan daftar periksa.", "Refleksi tertulis tanpa skor."],
        ["Daftar periksa praktik salat berjamaah", "Kartu bintang umpan balik teman"]),
    f"{KKG}/products/panduan-rapor-digital-madrasah/panduan-rapor-digital.pdf": {
        "title": "Panduan Singkat Rapor Digital Madrasah", "author": "Fitriani Hasan, S.Pd., M.Pd.",
        "created": "2026-08-29", "subject": "Panduan guru kelas",
        "blocks": [
            ("h1", "Panduan Singkat Rapor Digital Madrasah"),
            ("h2", "Alur pengisian"),
            ("ol", ["Periksa data siswa dan rombongan belajar bersama operator.",
                    "Isi nilai asesmen sumatif per tujuan pembelajaran.",
                    "Tulis deskripsi capaian: satu kalimat kekuatan, satu kalimat yang perlu ditingkatkan.",
                    "Isi ekstrakurikuler, kehadiran, dan catatan wali kelas.",
                    "Pratinjau, lalu kunci dan cetak rapor."]),
            ("h2", "Contoh deskripsi capaian"),
            ("p", "Ananda sudah mampu menentukan pecahan senilai dengan benda konkret. Ananda perlu "
                  "berlatih membandingkan pecahan dengan penyebut berbeda."),
            ("h2", "Kendala yang sering muncul"),
            ("table", [["Kendala", "Solusi"],
                       ["Siswa pindahan belum muncul", "Minta operator memproses mutasi terlebih dahulu"],
                       ["Deskripsi terpotong saat dicetak", "Ringkas menjadi paling banyak dua kalimat"],
                       ["Nilai tidak tersimpan", "Simpan per mata pelajaran, jangan sekaligus"]]),
        ]},
    f"{MAT}/products/kisi-kisi-soal-numerasi-kelas-8/kisi-kisi-numerasi-kelas-8.pdf": {
        "title": "Kisi-Kisi Soal Numerasi Kelas VIII Berkonteks Sidrap",
        "author": "Nurul Fadhilah, S.Pd. dan Baharuddin, S.Pd., M.Pd.", "created": "2025-03-22",
        "subject": "Instrumen penilaian numerasi",
        "blocks": [
            ("h1", "Kisi-Kisi Soal Numerasi Kelas VIII"),
            ("table", [["No", "Konten", "Konteks", "Level kognitif", "Bentuk"],
                       ["1", "Bilangan: perbandingan", "Produktivitas sawah", "Penalaran", "Uraian"],
                       ["2", "Bilangan: persentase", "Diskon di pasar", "Penerapan", "Pilihan ganda"],
                       ["3", "Aljabar: fungsi linear", "Tarif angkutan", "Penerapan", "Isian"],
                       ["4", "Geometri: luas", "Petak sawah", "Pemahaman", "Pilihan ganda"],
                       ["5", "Data: diagram", "Curah hujan bulanan", "Penalaran", "Pilihan ganda kompleks"],
                       ["6", "Pengukuran: kecepatan", "Putaran kincir angin", "Penalaran", "Uraian"]]),
            ("h2", "Stimulus contoh 1 - Produktivitas sawah"),
            ("p", "Seorang petani memanen 6,4 ton gabah dari 1,6 hektare sawah. Tetangganya "
                  "memanen 4,5 ton dari 1,2 hektare. Sawah siapa yang lebih produktif? Jelaskan."),
            ("h2", "Stimulus contoh 2 - Jadwal angkutan"),
            ("p", "Angkutan dari Rappang ke Pangkajene berangkat setiap 25 menit mulai pukul 06.15. "
                  "Pukul berapa keberangkatan keenam? Berapa kali angkutan berangkat sebelum "
                  "pukul 09.00?"),
        ]},
    f"{MAT}/products/modul-ajar-spldv/modul-ajar-spldv.pdf": modul_ajar(
        "Modul Ajar Sistem Persamaan Linear Dua Variabel", "Baharuddin, S.Pd., M.Pd.", "2025-06-14",
        [("Satuan pendidikan", "MTsN 1 Sidenreng Rappang"), ("Fase / kelas", "D / VIII"),
         ("Mata pelajaran", "Matematika"), ("Alokasi waktu", "3 x 40 menit"),
         ("Model", "Pembelajaran berbasis masalah"), ("Media", "LKPD dan GeoGebra")],
        ["Siswa dapat menyusun model SPLDV dari masalah sehari-hari.",
         "Siswa dapat menyelesaikan SPLDV dengan cara grafik, substitusi, dan eliminasi.",
         "Siswa dapat menafsirkan penyelesaian sesuai konteks masalah."],
        [("Kegiatan awal", ["Masalah pembuka: dua paket nasi kuning di kantin dengan harga berbeda.",
                            "Siswa menebak harga satuan dan menjelaskan caranya."]),
         ("Kegiatan inti", ["Kelompok menyusun dua persamaan dari masalah.",
                            "Menyelesaikan dengan grafik di GeoGebra, lalu dengan eliminasi.",
                            "Presentasi dan diskusi kelas."]),
         ("Kegiatan penutup", ["Kuis tiga soal.", "Refleksi: cara mana yang paling mudah bagimu?"])],
        ["Asesmen awal: persamaan linear satu variabel.",
         "Formatif: LKPD dan presentasi kelompok.", "Sumatif: uraian empat soal kontekstual."],
        ["LKPD masalah kantin", "Rubrik presentasi kelompok"]),
    f"{MAT}/products/atp-matematika-fase-d/atp-matematika-kelas-7-9.pdf": {
        "title": "Alur Tujuan Pembelajaran Matematika Kelas VII-IX",
        "author": "MGMP Matematika MTs Kabupaten Sidenreng Rappang", "created": "2026-01-24",
        "subject": "Alur tujuan pembelajaran fase D",
        "blocks": [
            ("h1", "Alur Tujuan Pembelajaran Matematika Fase D"),
            ("p", "Disusun bersama pada 24 Januari 2026 dan disahkan pengawas pembina. Madrasah boleh "
                  "mengubah urutan dalam satu semester tetapi tidak memindahkan tujuan antarsemester."),
            ("table", [["Kelas", "Semester", "Lingkup materi"],
                       ["VII", "Ganjil", "Bilangan bulat, pecahan, rasio dan proporsi"],
                       ["VII", "Genap", "Aljabar dasar, PLSV, bangun datar, data"],
                       ["VIII", "Ganjil", "Pola bilangan, relasi dan fungsi, persamaan garis lurus"],
                       ["VIII", "Genap", "SPLDV, teorema Pythagoras, statistika"],
                       ["IX", "Ganjil", "Perpangkatan, persamaan kuadrat, transformasi geometri"],
                       ["IX", "Genap", "Kesebangunan, bangun ruang sisi lengkung, peluang"]]),
        ]},
    f"{MAT}/products/instrumen-asesmen-diagnostik-kelas-7/asesmen-diagnostik-kelas-7.pdf": {
        "title": "Instrumen Asesmen Diagnostik Matematika Kelas VII",
        "author": "A. Muliani, S.Pd. dan Nurul Fadhilah, S.Pd.", "created": "2026-04-18",
        "subject": "Asesmen diagnostik",
        "blocks": [
            ("h1", "Asesmen Diagnostik Matematika Kelas VII"),
            ("h2", "Bagian A - Kognitif (12 soal)"),
            ("ol", ["Hasil dari -7 + 12 - (-3) adalah ...",
                    "Urutkan dari yang terkecil: 3/4, 2/3, 5/6.",
                    "Harga 3 buku Rp12.000. Berapa harga 5 buku?",
                    "Suhu pagi 24 derajat, siang naik 7 derajat, malam turun 10 derajat. Berapa suhu malam?"]),
            ("p", "(Soal 5-12 pada lembar soal lengkap yang dibagikan kepada guru anggota.)"),
            ("h2", "Bagian B - Non-kognitif"),
            ("ul", ["Saya merasa cemas ketika guru memberi soal matematika. (ya / kadang / tidak)",
                    "Saya lebih mudah belajar dengan gambar / cerita / praktik."]),
            ("h2", "Pengelompokan hasil"),
            ("table", [["Skor bagian A", "Kelompok", "Tindak lanjut"],
                       ["0-5", "Pendampingan", "Remediasi konsep bilangan bulat dan pecahan"],
                       ["6-9", "Penguatan", "Latihan terbimbing"],
                       ["10-12", "Pengayaan", "Soal penalaran dan proyek"]]),
        ]},
    f"{BIN}/products/rubrik-menulis-teks-argumentasi/rubrik-teks-argumentasi.pdf": {
        "title": "Rubrik Analitik Menulis Teks Argumentasi", "author": "Rosmiati, S.Pd., M.Hum.",
        "created": "2025-06-07", "subject": "Instrumen penilaian menulis",
        "blocks": [
            ("h1", "Rubrik Analitik Teks Argumentasi"),
            ("table", [["Aspek (bobot)", "4", "3", "2", "1"],
                       ["Tesis dan posisi (20)", "Tesis jelas dan konsisten", "Tesis jelas",
                        "Tesis samar", "Tidak ada tesis"],
                       ["Argumen dan bukti (30)", "Tiga argumen dengan bukti terpercaya",
                        "Dua argumen berbukti", "Argumen tanpa bukti", "Tidak ada argumen"],
                       ["Struktur dan kohesi (20)", "Runtut, konjungsi tepat", "Runtut",
                        "Kurang runtut", "Tidak runtut"],
                       ["Kebahasaan (20)", "Kalimat efektif dan bervariasi", "Kalimat efektif",
                        "Beberapa kalimat rancu", "Banyak kalimat rancu"],
                       ["Ejaan dan tanda baca (10)", "Hampir tanpa kesalahan", "Sedikit kesalahan",
                        "Cukup banyak", "Sangat banyak"]]),
            ("p", "Nilai akhir = jumlah (skor x bobot) / 4. Deskriptor aspek argumen dan bukti "
                  "diperjelas setelah latihan penilaian bersama 24 Mei 2025."),
        ]},
    f"{BIN}/products/modul-ajar-teks-eksposisi/modul-ajar-teks-eksposisi.pdf": modul_ajar(
        "Modul Ajar Teks Eksposisi Kelas X", "Dewi Lestari, S.Pd., M.Pd. dan Yusran Amir, S.Pd.",
        "2025-08-30",
        [("Satuan pendidikan", "SMA anggota MGMP Bahasa Indonesia Kota Makassar"),
         ("Fase / kelas", "E / X"), ("Mata pelajaran", "Bahasa Indonesia"),
         ("Alokasi waktu", "4 x 45 menit"), ("Model", "Genre-based approach")],
        ["Siswa dapat menganalisis struktur dan kebahasaan teks eksposisi.",
         "Siswa dapat menulis teks eksposisi tentang masalah lingkungan di sekitarnya."],
        [("Membangun konteks", ["Foto sampah plastik di Pantai Losari sebagai pemantik diskusi."]),
         ("Pemodelan teks", ["Membaca teks model dan menandai tesis, argumen, penegasan ulang."]),
         ("Menulis bersama", ["Kelas menulis satu teks bersama dengan bimbingan guru."]),
         ("Menulis mandiri", ["Siswa menulis teks eksposisi 300-400 kata.",
                              "Penilaian sejawat dengan daftar periksa."])],
        ["Formatif: daftar periksa struktur teks.", "Sumatif: rubrik analitik teks eksposisi."],
        ["Teks model", "Daftar periksa penilaian sejawat"]),
    f"{BIN}/products/modul-ajar-teks-negosiasi/modul-ajar-teks-negosiasi.pdf": modul_ajar(
        "Modul Ajar Teks Negosiasi - Pembelajaran Mendalam", "Dewi Lestari, S.Pd., M.Pd.",
        "2026-11-14",
        [("Satuan pendidikan", "SMA Negeri 9 Makassar"), ("Fase / kelas", "E / X"),
         ("Mata pelajaran", "Bahasa Indonesia"), ("Alokasi waktu", "4 x 45 menit"),
         ("Pendekatan", "Pembelajaran mendalam: memahami, mengaplikasi, merefleksi")],
        ["Siswa dapat mengidentifikasi struktur teks negosiasi.",
         "Siswa dapat bernegosiasi secara santun dalam situasi nyata.",
         "Siswa dapat merefleksikan strategi negosiasi yang dipakainya."],
        [("Memahami", ["Menonton rekaman tawar-menawar di pasar tradisional.",
                       "Menandai orientasi, pengajuan, penawaran, persetujuan, penutup."]),
         ("Mengaplikasi", ["Bermain peran negosiasi jadwal kegiatan OSIS.",
                           "Menulis ulang negosiasi menjadi teks."]),
         ("Merefleksi", ["Jurnal singkat tiga pertanyaan pemandu, tanpa skor."])],
        ["Formatif: observasi bermain peran.", "Sumatif: menulis teks negosiasi."],
        ["Kartu peran", "Jurnal refleksi"]),
    f"{KKM}/products/instrumen-supervisi-akademik/instrumen-supervisi-akademik.pdf": {
        "title": "Instrumen Supervisi Akademik Bersama KKM MI Kota Parepare",
        "author": "KKM MI Kota Parepare", "created": "2025-03-22",
        "subject": "Instrumen supervisi akademik",
        "blocks": [
            ("h1", "Instrumen Supervisi Akademik"),
            ("p", "Dipakai bersama oleh kepala MI anggota KKM sejak semester genap 2024/2025. "
                  "Skor 1-4 per butir; catatan lebih penting daripada angka."),
            ("h2", "Bagian 1 - Telaah modul ajar"),
            ("table", [["Butir", "Skor", "Catatan"],
                       ["Tujuan pembelajaran jelas dan terukur", "", ""],
                       ["Langkah pembelajaran runtut dan realistis", "", ""],
                       ["Asesmen sesuai tujuan", "", ""],
                       ["Ada diferensiasi untuk siswa yang berbeda", "", ""]]),
            ("h2", "Bagian 2 - Observasi pembelajaran"),
            ("table", [["Butir", "Skor", "Catatan"],
                       ["Guru menyampaikan tujuan", "", ""],
                       ["Siswa aktif berdiskusi atau praktik", "", ""],
                       ["Guru memberi umpan balik selama pembelajaran", "", ""],
                       ["Penutup dengan refleksi", "", ""]]),
            ("h2", "Bagian 3 - Wawancara refleksi (coaching)"),
            ("ol", ["Apa yang ingin Bapak/Ibu capai dalam pembelajaran tadi?",
                    "Bagian mana yang berjalan sesuai rencana? Mengapa?",
                    "Apa yang akan dicoba berbeda pada pertemuan berikutnya?",
                    "Kapan kita bertemu lagi untuk melihat hasilnya?"]),
        ]},
    f"{KKM}/products/panduan-penilaian-kinerja-guru/panduan-pkg.pdf": {
        "title": "Panduan Singkat Penilaian Kinerja Guru Berbasis Bukti",
        "author": "Hj. Jumriah, S.Ag., M.Pd.I.", "created": "2025-05-24",
        "subject": "Panduan kepala madrasah",
        "blocks": [
            ("h1", "Penilaian Kinerja Guru Berbasis Bukti"),
            ("p", "Bukti kinerja tidak harus dokumen baru. Banyak bukti sudah tersedia di arsip "
                  "digital KKG dan madrasah."),
            ("table", [["Kompetensi", "Contoh bukti yang sudah ada"],
                       ["Pedagogik", "Modul ajar, hasil supervisi, instrumen asesmen"],
                       ["Kepribadian", "Catatan pembiasaan, refleksi diri"],
                       ["Sosial", "Peran di KKG: host, moderator, presenter"],
                       ["Profesional", "Karya guru, PTK, sertifikat pelatihan"]]),
            ("h2", "Langkah"),
            ("ol", ["Guru mengumpulkan tautan bukti dari arsip KKG.",
                    "Kepala madrasah menelaah dan mencatat temuan.",
                    "Percakapan umpan balik dan rencana pengembangan diri."]),
        ]},
    # ---------------------------------------------------------------- papers
    f"{KKG}/papers/ptk-pecahan-senilai-kelas-4/ptk-pecahan-senilai.pdf": ptk_paper(
        "Peningkatan Pemahaman Konsep Pecahan Senilai melalui Media Kue Tradisional pada Siswa "
        "Kelas IV MIN 1 Kota Parepare",
        "Siti Aminah, S.Pd.I., M.Pd. - MIN 1 Kota Parepare", "2025-11-20",
        "Penelitian tindakan kelas ini bertujuan meningkatkan pemahaman konsep pecahan senilai "
        "siswa kelas IV MIN 1 Kota Parepare melalui media kue tradisional. Penelitian dilaksanakan "
        "dalam dua siklus dengan subjek 28 siswa. Ketuntasan belajar meningkat dari 46 persen pada "
        "prasiklus menjadi 71 persen pada siklus I dan 89 persen pada siklus II.",
        [("1. Pendahuluan", [
            "Pecahan senilai sering dipahami siswa sebagai aturan mengalikan pembilang dan "
            "penyebut tanpa makna. Pada prasiklus hanya 13 dari 28 siswa mencapai KKTP."]),
         ("2. Metode", [
            "PTK model Kemmis dan McTaggart dua siklus: perencanaan, tindakan, observasi, refleksi. "
            "Data dikumpulkan dengan tes, lembar observasi, dan wawancara."]),
         ("3. Hasil dan pembahasan", [
            "Siswa yang memotong sendiri kue barongko menjadi dua, empat, dan delapan bagian "
            "menemukan kesamaan nilai pecahan tanpa diberi rumus."]),
         ("4. Simpulan", [
            "Media konkret yang dekat dengan kehidupan siswa meningkatkan pemahaman konsep "
            "pecahan senilai."])],
        {"3. Hasil dan pembahasan": [["Tahap", "Rata-rata", "Ketuntasan"],
                                     ["Prasiklus", "61,3", "46%"], ["Siklus I", "72,8", "71%"],
                                     ["Siklus II", "83,5", "89%"]]},
        ["Kemmis, S. dan McTaggart, R. (1988). The Action Research Planner. Deakin University.",
         "Van de Walle, J. A. (2010). Elementary and Middle School Mathematics. Pearson."]),
    f"{MAT}/papers/ptk-geogebra-transformasi/ptk-geogebra-transformasi.pdf": ptk_paper(
        "Penerapan Aplet GeoGebra untuk Meningkatkan Hasil Belajar Transformasi Geometri Siswa "
        "Kelas IX MTsN 1 Sidenreng Rappang",
        "Baharuddin, S.Pd., M.Pd. - MTsN 1 Sidenreng Rappang", "2026-03-10",
        "Penelitian tindakan kelas ini dilakukan untuk meningkatkan hasil belajar transformasi "
        "geometri siswa kelas IX dengan aplet GeoGebra. Rata-rata hasil belajar naik dari 58,4 "
        "pada prasiklus menjadi 81,2 pada siklus II dengan ketuntasan klasikal 84 persen.",
        [("1. Pendahuluan", [
            "Siswa kesulitan membayangkan rotasi dan dilatasi hanya dari gambar statis di buku."]),
         ("2. Metode", [
            "Dua siklus tindakan pada 32 siswa kelas IX. Instrumen: tes hasil belajar dan lembar "
            "observasi aktivitas siswa."]),
         ("3. Hasil", [
            "Aktivitas menggeser titik dan slider membantu siswa menemukan aturan koordinat "
            "bayangan secara mandiri."]),
         ("4. Simpulan", ["Aplet GeoGebra efektif untuk pembelajaran transformasi geometri."])],
        {"3. Hasil": [["Tahap", "Rata-rata", "Ketuntasan"], ["Prasiklus", "58,4", "34%"],
                      ["Siklus I", "69,7", "59%"], ["Siklus II", "81,2", "84%"]]},
        ["Hohenwarter, M. dan Fuchs, K. (2004). Combination of dynamic geometry, algebra and "
         "calculus in the software system GeoGebra.",
         "Arikunto, S. (2010). Penelitian Tindakan Kelas. Bumi Aksara."]),
    f"{KKM}/papers/laporan-supervisi-akademik-2025/laporan-supervisi-akademik-2025.pdf": {
        "title": "Laporan Supervisi Akademik Bersama KKM MI Kota Parepare Tahun 2025",
        "author": "KKM MI Kota Parepare", "created": "2025-12-20", "subject": "Laporan",
        "blocks": [
            ("h1", "Laporan Supervisi Akademik Bersama 2025"),
            ("h2", "Ringkasan"),
            ("p", "Supervisi akademik bersama dilaksanakan di MI anggota KKM dengan instrumen "
                  "bersama. Sebanyak 146 guru disupervisi pada semester genap 2024/2025 dan "
                  "semester ganjil 2025/2026."),
            ("h2", "Temuan"),
            ("table", [["Aspek", "Rata-rata skor (1-4)", "Catatan"],
                       ["Telaah modul ajar", "3,2", "Modul lengkap, diferensiasi masih sedikit"],
                       ["Observasi pembelajaran", "2,9", "Siswa aktif, umpan balik masih umum"],
                       ["Asesmen formatif", "2,5", "Perlu penguatan teknik cepat di kelas"]]),
            ("h2", "Tindak lanjut"),
            ("ul", ["Coaching pascaobservasi dengan alur TIRTA.",
                    "Usulan tema KKG 2026: pembelajaran mendalam dan asesmen formatif.",
                    "Anggaran kegiatan KKG dicantumkan dalam RKAM setiap madrasah."]),
        ]},
}

IMAGES = {
    f"{KKG}/products/poster-adab-belajar/poster-adab-belajar.png": poster_adab,
    f"{KKG}/products/infografis-tahapan-ptk/infografis-tahapan-ptk.png": infografis_ptk,
    f"{KKG}/products/foto-praktik-diferensiasi/stasiun-belajar.jpg": foto_stasiun,
    f"{KKG}/products/alat-peraga-papan-pecahan/papan-pecahan.jpg": foto_papan_pecahan,
    f"{MAT}/products/infografis-analisis-butir-soal/analisis-butir-soal.png": infografis_butir,
    f"{MAT}/products/geogebra-transformasi-geometri/tangkapan-layar-aplet.png": tangkapan_geogebra,
    f"{MAT}/products/alat-peraga-kubus-satuan/kubus-satuan.jpg": foto_kubus,
    f"{MAT}/products/poster-langkah-pembelajaran-mendalam/poster-pembelajaran-mendalam.png":
        poster_mendalam,
    f"{BIN}/products/infografis-membaca-kritis/infografis-membaca-kritis.png": infografis_kritis,
    f"{BIN}/products/poster-proyek-kearifan-lokal/poster-kearifan-lokal.png": poster_pinisi,
    f"{KKM}/products/infografis-siklus-coaching/siklus-coaching-tirta.png": siklus_tirta,
}

AUDIO = {
    # "Lagu pecahan" intro: C E G | C5 G E | C (3 seconds)
    f"{KKG}/products/audio-lagu-pecahan/lagu-pecahan.wav": dict(
        melody=[("C4", 0.25), ("E4", 0.25), ("G4", 0.25), ("C5", 0.5), ("G4", 0.25),
                ("E4", 0.25), ("G4", 0.25), ("C4", 1.0)],
        bass=[("C4", 0.0, 1.0), ("G4", 1.25, 0.75), ("C4", 2.0, 1.0)], rate=11025),
    # Podcast jingle: rising motif and a short sting (4 seconds)
    f"{BIN}/sessions/blended-siniar-pembelajaran/cuplikan-rekaman.wav": dict(
        melody=[("E4", 0.3), ("G4", 0.3), ("A4", 0.3), ("B4", 0.3), ("D5", 0.6), ("R", 0.4),
                ("B4", 0.3), ("D5", 0.3), ("E5", 1.2)],
        bass=[("E4", 0.0, 1.2), ("A4", 1.2, 1.2), ("E4", 2.6, 1.4)], rate=8000),
}


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------


def referenced_files(recs: Records) -> set[str]:
    """Every archive path named by a record (text files included)."""
    out: set[str] = set()
    content = recs.content
    for path in sorted(content.rglob("*.md")):
        rid = path.relative_to(content).with_suffix("").as_posix()
        if rid.endswith("/index"):
            rid = rid[: -len("/index")]
        data = front_matter(path)
        names = [data.get(key) for key in ("logo", "photo", "flyer", "recording", "file")]
        for item in data.get("files") or []:
            names += [item.get("file"), item.get("transcript")]
        for item in data.get("materials") or []:
            names.append(item.get("file"))
        for item in data.get("trainings") or []:
            names.append(item.get("certificate"))
        for name in names:
            if isinstance(name, str) and not name.startswith("https://"):
                out.add(f"{rid}/{name}")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1],
                        help="archive repository (folder holding content/ and archive/)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    archive = root / "archive"
    recs = Records(root)
    made: list[Path] = []

    for group, data in recs.groups.items():
        if data.get("logo"):
            p = archive / "groups" / group / data["logo"]
            make_logo(p, group, data)
            made.append(p)
    for slug, data in recs.people.items():
        if data.get("photo"):
            p = archive / "people" / slug / data["photo"]
            make_portrait(p, slug, data)
            made.append(p)
        for training in data.get("trainings") or []:
            if training.get("certificate"):
                p = archive / "people" / slug / training["certificate"]
                make_certificate(p, data, training)
                made.append(p)
    for group, slug, data in recs.sessions():
        if data.get("flyer"):
            p = archive / "groups" / group / "sessions" / slug / data["flyer"]
            make_flyer(p, recs, group, slug, data)
            made.append(p)
    for rel, spec in DOCUMENTS.items():
        p = archive / rel
        render_doc(p, spec)
        made.append(p)
    for rel, fn in IMAGES.items():
        p = archive / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        fn(p)
        made.append(p)
    for rel, spec in AUDIO.items():
        p = archive / rel
        make_wav(p, spec["melody"], rate=spec["rate"], bass=spec["bass"])
        made.append(p)

    problems = 0
    total = 0
    for p in made:
        size = p.stat().st_size
        total += size
        if size >= MAX_BYTES:
            print(f"TOO BIG  {p.relative_to(root)}  {size} bytes", file=sys.stderr)
            problems += 1
    wanted = referenced_files(recs)
    produced = {p.relative_to(archive).as_posix() for p in made}
    for rel in sorted(wanted - produced):
        if not (archive / rel).exists():
            print(f"MISSING  archive/{rel} (referenced, not generated)", file=sys.stderr)
            problems += 1
    for rel in sorted(produced - wanted):
        print(f"UNUSED   archive/{rel} (generated, not referenced)", file=sys.stderr)
        problems += 1
    print(f"{len(made)} files written, {total / 1024:.0f} KiB")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
