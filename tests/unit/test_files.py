"""Archived files: safe resolution inside archive/, and bytes that match the extension."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from archive_kit import png_bytes

from jejak.files import DEFAULT_LIMITS, family_of, inspect, resolve

FOLDER = "groups/kkg-contoh/products/poster"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    (root / FOLDER / "gambar").mkdir(parents=True)
    (root / FOLDER / "poster.png").write_bytes(b"x")
    (root / FOLDER / "gambar" / "sisi-a.png").write_bytes(b"x")
    (root / FOLDER / "Materi_2025.v2.pdf").write_bytes(b"x")
    (tmp_path / "rahasia.txt").write_text("di luar arsip")
    return root


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("poster.png", None),
        ("gambar/sisi-a.png", None),
        ("Materi_2025.v2.pdf", None),
        ("/etc/passwd", "J402"),
        ("/poster.png", "J402"),
        ("C:/Users/siti/poster.png", "J402"),
        ("c:poster.png", "J402"),
        ("../poster.png", "J403"),
        ("gambar/../../poster.png", "J403"),
        ("../../../../../rahasia.txt", "J403"),
        ("..", "J403"),
        ("gambar\\sisi-a.png", "J404"),
        ("\\\\server\\share\\poster.png", "J404"),
        ("poster.png\x00.pdf", "J404"),
        ("poster\n.png", "J404"),
        ("./poster.png", "J404"),
        ("gambar//sisi-a.png", "J404"),
        ("gambar/", "J404"),
        ("poster pecahan.png", "J416"),
        ("-poster.png", "J416"),
        (".poster.png", "J416"),
        ("poster;rm.png", "J416"),
        ("poster-lain.png", "J401"),
        ("gambar", "J401"),  # a folder is not a file
        ("tidak-ada/poster.png", "J401"),
    ],
)
def test_resolve(archive: Path, value: str, code: str | None) -> None:
    resolved, finding = resolve(archive, FOLDER, value)
    assert (finding.code if finding else None) == code
    if code is None:
        assert resolved == archive / FOLDER / value
    else:
        assert resolved is None


@pytest.mark.parametrize(
    ("link", "value", "shown"),
    [
        (f"{FOLDER}/tautan.png", "tautan.png", f"archive/{FOLDER}/tautan.png"),
        (f"{FOLDER}/folder-tautan", "folder-tautan/sisi-a.png", f"archive/{FOLDER}/folder-tautan"),
        ("groups/kkg-contoh/products", "poster.png", "archive/groups/kkg-contoh/products"),
    ],
    ids=["file", "folder-in-value", "folder-of-record"],
)
def test_any_symlink_component_is_refused(archive: Path, link: str, value: str, shown: str):
    target = archive / link
    if target.exists():  # replace a real folder on the way by a link to a copy of it
        target.rename(target.with_name("asli"))
        os.symlink("asli", target)
    elif value.startswith("folder-tautan"):
        os.symlink("gambar", target)
    else:
        os.symlink("poster.png", target)
    resolved, finding = resolve(archive, FOLDER, value)
    assert resolved is None
    assert finding is not None
    assert (finding.code, finding.params) == ("J406", {"value": shown})


def test_missing_file_suggests_the_closest_name(archive: Path) -> None:
    _, finding = resolve(archive, FOLDER, "Poster.png")
    assert finding is not None and finding.code == "J401"
    assert finding.params["hint"].en == " Did you mean `poster.png`?"
    assert finding.params["folder"] == f"archive/{FOLDER}/"


@pytest.mark.parametrize(
    ("name", "family"),
    [("a.png", "image"), ("a.JPG", "image"), ("a.jpeg", "image"), ("a.webp", "image"),
     ("a.gif", "image"), ("a.mp3", "audio"), ("a.m4a", "audio"), ("a.ogg", "audio"),
     ("a.mp4", "video"), ("a.webm", "video"), ("a.pdf", "pdf"), ("a.docx", "office"),
     ("a.pptx", "office"), ("a.odt", "office"), ("a.vtt", "vtt"), ("a.svg", None),
     ("a.txt", None), ("a.exe", None), ("png", None), ("a.png.exe", None)],
)
def test_family_of(name: str, family: str | None) -> None:
    assert family_of(name) == family


MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 64
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00" * 64
MP3_FRAME = b"\xff\xfb\x90\x00" + b"\x00" * 64
OGG = b"OggS\x00\x02" + b"\x00" * 64
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 64
ZIP = b"PK\x03\x04\x14\x00" + b"\x00" * 64
HTML = b"<!DOCTYPE html><html></html>"


@pytest.mark.parametrize(
    ("name", "content", "family", "found"),
    [
        ("a.mp4", MP4, "video", None),
        ("a.m4v", MP4, "video", None),
        ("a.webm", WEBM, "video", None),
        ("a.mp4", HTML, "video", "it holds HTML"),
        ("a.webm", MP4, "video", "it holds MP4/M4A"),
        ("a.mp3", MP3, "audio", None),
        ("a.mp3", MP3_FRAME, "audio", None),
        ("a.ogg", OGG, "audio", None),
        ("a.wav", WAV, "audio", None),
        ("a.m4a", MP4, "audio", None),
        ("a.mp3", ZIP, "audio", "it holds ZIP/Office"),
        ("a.docx", ZIP, "office", None),
        ("a.docx", b"\xd0\xcf\x11\xe0 old Word", "office", "unknown type"),
        ("a.pptx", b"MZ\x90\x00", "office", "it holds program Windows"),
        ("a.png", png_bytes(), "image", None),
        ("a.gif", png_bytes(fmt="GIF", frames=2), "image", None),
        ("a.webp", png_bytes(fmt="WEBP"), "image", None),
        ("a.jpg", png_bytes(fmt="JPEG"), "image", None),
        ("a.png", png_bytes(fmt="JPEG"), "image", "it holds JPEG"),
        ("a.webp", png_bytes(fmt="GIF"), "image", "it holds GIF"),
        ("a.png", b"%PDF-1.4\n", "image", "it holds PDF"),
        ("a.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "pdf", None),
        ("a.pdf", png_bytes(), "pdf", "it holds PNG"),
        ("a.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHalo\n", "vtt", None),
        ("a.vtt", b"\xef\xbb\xbfWEBVTT\n", "vtt", None),
    ],
)
def test_inspect_content_matches_extension(tmp_path: Path, name: str, content: bytes,
                                           family: str, found: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    findings = inspect(path, name, family, DEFAULT_LIMITS, 50_000_000)
    if found is None:
        assert findings == []
    else:
        [finding] = findings
        assert finding.code == "J407"
        assert finding.params["found"].en == found


def test_inspect_checks_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "besar.mp4"
    path.write_bytes(b"bukan video" * 100)
    [finding] = inspect(path, "besar.mp4", "video", {"video": 1000}, 50_000_000)
    assert finding.code == "J409"
    assert finding.params["size"] == "1.1 KB"
    assert finding.params["limit"] == "1 KB"


def test_every_frame_of_an_animation_is_counted(tmp_path: Path) -> None:
    path = tmp_path / "animasi.gif"
    path.write_bytes(png_bytes((10, 10), "GIF", frames=5))
    assert inspect(path, "animasi.gif", "image", DEFAULT_LIMITS, 500) == []
    [finding] = inspect(path, "animasi.gif", "image", DEFAULT_LIMITS, 499)
    assert finding.code == "J410"
    assert finding.params["pixels"].en == "500"


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "WEBP"])
@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_images_are_caught(tmp_path: Path, fmt: str, keep: float) -> None:
    whole = png_bytes((64, 48), fmt)
    name = f"potong.{fmt.lower()}"
    path = tmp_path / name
    path.write_bytes(whole[:int(len(whole) * keep)])
    [finding] = inspect(path, name, "image", DEFAULT_LIMITS, 50_000_000)
    assert finding.code == "J411"
    path.write_bytes(whole)
    assert inspect(path, name, "image", DEFAULT_LIMITS, 50_000_000) == []
