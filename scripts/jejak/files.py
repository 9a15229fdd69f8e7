"""Archived files: safe resolution inside archive/ and checks that bytes match names."""

from __future__ import annotations

import os
import re
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jejak.errors import Text

FAMILIES: dict[str, frozenset[str]] = {
    "image": frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif"}),
    "audio": frozenset({".mp3", ".ogg", ".oga", ".opus", ".m4a", ".wav"}),
    "video": frozenset({".mp4", ".m4v", ".webm"}),
    "pdf": frozenset({".pdf"}),
    "office": frozenset({".docx", ".pptx", ".xlsx", ".odt", ".odp", ".ods"}),
    "vtt": frozenset({".vtt"}),
}
FAMILY_OF = {ext: fam for fam, exts in FAMILIES.items() for ext in exts}

FAMILY_LABEL = {
    "image": Text("gambar JPEG/PNG/WebP/GIF", "a JPEG/PNG/WebP/GIF image"),
    "audio": Text("audio MP3/OGG/M4A/WAV", "MP3/OGG/M4A/WAV audio"),
    "video": Text("video MP4/WebM", "MP4/WebM video"),
    "pdf": Text("PDF", "a PDF"),
    "office": Text("dokumen Office/OpenDocument", "an Office/OpenDocument file"),
    "vtt": Text("WebVTT", "WebVTT"),
}

DEFAULT_LIMITS = {  # bytes; videos belong on a video host and are linked by URL
    "image": 10_000_000,
    "audio": 25_000_000,
    "video": 50_000_000,
    "pdf": 25_000_000,
    "office": 25_000_000,
    "vtt": 1_000_000,
}
DEFAULT_MAX_PIXELS = 50_000_000  # all frames together

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_PIL_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}


@dataclass(frozen=True)
class Finding:
    """A problem with a file: a catalogue code and its parameters."""

    code: str
    params: dict[str, Any]


def resolve(archive: Path, folder: str, value: str) -> tuple[Path | None, Finding | None]:
    """Resolve `value` inside `archive/folder` without ever following a symlink."""
    where = f"archive/{folder}/"
    if "\x00" in value or "\\" in value or any(ord(c) < 32 for c in value):
        return None, Finding("J404", {"value": value.replace("\x00", "\\0")})
    if value.startswith("/") or re.match(r"^[A-Za-z]:", value):
        return None, Finding("J402", {"value": value, "folder": where})
    parts = value.split("/")
    if ".." in parts:
        return None, Finding("J403", {"value": value, "folder": where})
    if any(p in ("", ".") for p in parts):
        return None, Finding("J404", {"value": value})
    for part in parts:
        if not _NAME.match(part):
            return None, Finding("J416", {"value": value})
    current = archive
    for part in ["", *folder.split("/"), *parts]:
        if part:
            current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return None, Finding("J401", {"value": value, "folder": where, "hint": _near(current)})
        except OSError:
            return None, Finding("J401", {"value": value, "folder": where, "hint": Text("", "")})
        if stat.S_ISLNK(mode):
            shown = current.relative_to(archive.parent).as_posix()
            return None, Finding("J406", {"value": shown})
    if not stat.S_ISREG(mode):
        return None, Finding("J401", {"value": value, "folder": where, "hint": Text("", "")})
    return current, None


def _near(missing: Path) -> Text:
    from jejak.schema.types import closest

    try:
        names = [p.name for p in missing.parent.iterdir()]
    except OSError:
        return Text("", "")
    guess = closest(missing.name, names)
    if not guess:
        return Text("", "")
    return Text(f" Mungkin maksudnya `{guess}`?", f" Did you mean `{guess}`?")


def family_of(value: str) -> str | None:
    return FAMILY_OF.get(os.path.splitext(value)[1].lower())


def inspect(path: Path, value: str, family: str, limits: dict[str, int],
            max_pixels: int, images: ImageInspector | None = None,
            report: Any = None) -> list[Finding]:
    """Check size and content of one resolved file of a known family.

    With `images`, decoding an image is deferred to that inspector (which calls `report`
    with each finding) so that many images can be decoded together."""
    from jejak.loader import human_size

    size = path.stat().st_size
    limit = limits.get(family, DEFAULT_LIMITS[family])
    if size > limit:
        return [Finding("J409", {"value": value, "size": human_size(size),
                                 "limit": human_size(limit), "kind": FAMILY_LABEL[family]})]
    with open(path, "rb") as fh:
        head = fh.read(64)
    if family == "image":
        if images is not None:
            images.add(path, value, report)
            return []
        return _image(path, value, max_pixels)
    if family == "pdf":
        return _pdf(path, value, head)
    if family == "vtt":
        text = head.decode("utf-8", "replace").lstrip("\ufeff")
        return [] if text.startswith("WEBVTT") else [Finding("J414", {"value": value})]
    ok = _MAGIC[family](head, os.path.splitext(value)[1].lower())
    if ok:
        return []
    return [Finding("J407", {"value": value, "expected": FAMILY_LABEL[family],
                             "found": _guess(head)})]


def _is_iso_media(head: bytes) -> bool:
    return head[4:8] == b"ftyp"


def _is_ebml(head: bytes) -> bool:
    return head.startswith(b"\x1a\x45\xdf\xa3")


def _audio_ok(head: bytes, ext: str) -> bool:
    if ext == ".mp3":
        return head.startswith(b"ID3") or (head[0] == 0xFF and head[1] & 0xE0 == 0xE0)
    if ext in (".ogg", ".oga", ".opus"):
        return head.startswith(b"OggS")
    if ext == ".wav":
        return head.startswith(b"RIFF") and head[8:12] == b"WAVE"
    return _is_iso_media(head)  # .m4a


def _video_ok(head: bytes, ext: str) -> bool:
    return _is_ebml(head) if ext == ".webm" else _is_iso_media(head)


_MAGIC = {
    "audio": _audio_ok,
    "video": _video_ok,
    "office": lambda head, ext: head.startswith(b"PK\x03\x04"),
}


def _guess(head: bytes) -> Text:
    signatures = [
        (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"), (b"%PDF", "PDF"),
        (b"PK\x03\x04", "ZIP/Office"), (b"OggS", "Ogg"), (b"ID3", "MP3"), (b"RIFF", "RIFF"),
        (b"<svg", "SVG"), (b"<?xml", "XML"), (b"<!DOCTYPE", "HTML"), (b"<html", "HTML"),
        (b"MZ", "program Windows"), (b"\x7fELF", "program Linux"),
    ]
    for sig, name in signatures:
        if head.lstrip().startswith(sig):
            return Text(f"isinya {name}", f"it holds {name}")
    if _is_iso_media(head):
        return Text("isinya MP4/M4A", "it holds MP4/M4A")
    return Text("jenis tidak dikenal", "unknown type")


def _image(path: Path, value: str, max_pixels: int) -> list[Finding]:
    from PIL import Image

    ext = os.path.splitext(value)[1].lower()
    expected_format = _PIL_FORMATS[ext]
    formats = sorted(set(_PIL_FORMATS.values()))
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path, formats=formats) as img:
                if img.format != expected_format:
                    return [Finding("J407", {"value": value, "expected": FAMILY_LABEL["image"],
                                             "found": Text(f"isinya {img.format}",
                                                           f"it holds {img.format}")})]
                frames = getattr(img, "n_frames", 1)
                pixels = img.width * img.height * frames
                if pixels > max_pixels:
                    return [Finding("J410", {"value": value, "pixels": _count(pixels),
                                             "limit": _count(max_pixels)})]
                if img.format == "JPEG":
                    # decodes every entropy-coded byte (truncation is still caught) at 1/8 scale
                    img.draft(img.mode, (max(1, img.width // 8), max(1, img.height // 8)))
                for frame in range(frames):
                    img.seek(frame)
                    img.load()
            if expected_format == "PNG":  # load() stops at the pixels; verify() reads to IEND
                with Image.open(path, formats=formats) as img:
                    img.verify()
        except (Image.UnidentifiedImageError, Image.DecompressionBombError,
                Image.DecompressionBombWarning) as exc:
            with open(path, "rb") as fh:
                head = fh.read(64)
            if head.lstrip().startswith((b"<svg", b"<?xml")):
                return [Finding("J412", {"value": value})]
            if isinstance(exc, Image.UnidentifiedImageError):
                found = _guess(head)
                if found.en == f"it holds {expected_format}":  # right signature, cut short
                    return [Finding("J411", {"value": value, "problem": _TRUNCATED})]
                return [Finding("J407", {"value": value, "expected": FAMILY_LABEL["image"],
                                         "found": found})]
            # Pillow refuses a decompression bomb before we can count: it names the size
            size = re.search(r"\((\d+) pixels\)", str(exc))
            pixels = _count(int(size.group(1))) if size else "?"
            return [Finding("J410", {"value": value, "pixels": pixels,
                                     "limit": _count(max_pixels)})]
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            # Pillow's own wording is English and varies between versions
            truncated = isinstance(exc, EOFError) or "truncated" in str(exc).lower()
            return [Finding("J411", {"value": value,
                                     "problem": _TRUNCATED if truncated else _UNDECODABLE})]
    return []


def _count(number: int) -> Text:
    """50.000.000 in Indonesian, 50,000,000 in English."""
    return Text(f"{number:,}".replace(",", "."), f"{number:,}")


_TRUNCATED = Text("berkasnya berhenti sebelum gambarnya selesai",
                  "the file stops before the image ends")
_UNDECODABLE = Text("data gambarnya tidak dapat diuraikan", "its image data cannot be decoded")


_PDF_NAME = re.compile(rb"/([A-Za-z0-9#]+)")
_PDF_RISKS = {
    b"JavaScript": Text("JavaScript", "JavaScript"),
    b"JS": Text("JavaScript", "JavaScript"),
    b"EmbeddedFile": Text("berkas tersemat", "embedded files"),
    b"EmbeddedFiles": Text("berkas tersemat", "embedded files"),
    b"Launch": Text("perintah Launch", "a Launch action"),
}


def _pdf(path: Path, value: str, head: bytes) -> list[Finding]:
    data = path.read_bytes()
    if b"%PDF-" not in data[:1024]:
        return [Finding("J407", {"value": value, "expected": FAMILY_LABEL["pdf"],
                                 "found": _guess(head)})]
    found: list[Text] = []
    for match in _pdf_names(data):
        name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), match.group(1))
        risk = _PDF_RISKS.get(name)
        if risk is not None and risk not in found:
            found.append(risk)
    if found:
        return [Finding("J413", {"value": value, "found": Text(
            ", ".join(t.id for t in found), ", ".join(t.en for t in found))})]
    return []


_STREAM = re.compile(rb"stream\r?\n")
_INFLATE_BUDGET = 64_000_000  # bytes of decompressed object streams read per PDF


def _pdf_names(data: bytes):
    """Every name in the PDF, including those inside compressed object streams.

    Since PDF 1.5 the catalogue (where /JavaScript and /EmbeddedFiles live) is
    often stored in a Flate-compressed object stream, invisible to a plain scan.
    """
    import zlib

    yield from _PDF_NAME.finditer(data)
    budget = _INFLATE_BUDGET
    for match in _STREAM.finditer(data):
        start = data.rfind(b"obj", 0, match.start())
        header = data[max(start, match.start() - 2000): match.start()]
        if b"/ObjStm" not in header or budget <= 0:
            continue
        try:
            inflated = zlib.decompressobj().decompress(data[match.end():], budget)
        except zlib.error:
            continue
        budget -= len(inflated)
        yield from _PDF_NAME.finditer(inflated)


def _image_job(args: tuple[str, str, int]) -> list[Finding]:
    path, value, max_pixels = args
    return _image(Path(path), value, max_pixels)


class ImageInspector:
    """Decodes images in bulk: skips ones already verified (by content hash) and spreads the
    rest over the cores. Results arrive through the callbacks given to `add`."""

    VERSION = "2"

    def __init__(self, max_pixels: int, known_good: frozenset[str] = frozenset()):
        self.max_pixels = max_pixels
        self.known_good = known_good
        self.good: set[str] = set()
        self._jobs: list[tuple[str, str, str, Any]] = []

    def add(self, path: Path, value: str, report: Any) -> None:
        import hashlib

        # the format the name promises is part of the key: the same bytes under another
        # extension must be decoded again (a PNG named .jpg is an error)
        expected = _PIL_FORMATS.get(os.path.splitext(value)[1].lower(), "?")
        digest = hashlib.sha256(path.read_bytes()).hexdigest() + ":" + expected
        if digest in self.known_good:
            self.good.add(digest)
            return
        self._jobs.append((str(path), value, digest, report))

    def run(self) -> None:
        from concurrent.futures import ProcessPoolExecutor

        args = [(path, value, self.max_pixels) for path, value, _, _ in self._jobs]
        from jejak.parallel import worker_count
        from jejak.progress import track

        workers = worker_count()
        if len(args) >= 32 and workers > 1:
            with ProcessPoolExecutor(workers) as pool:
                results = list(track(pool.map(_image_job, args, chunksize=8), len(args),
                                     "check_images"))
        else:
            results = [_image_job(a) for a in track(args, len(args), "check_images")]
        for (_, _, digest, report), findings in zip(self._jobs, results, strict=True):
            for finding in findings:
                report(finding)
            if not findings:
                self.good.add(digest)
        self._jobs = []

    def cache_name(self) -> str:
        return f"verified-images-v{self.VERSION}-{self.max_pixels}.txt"
