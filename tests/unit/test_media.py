"""Image derivatives: the pure size arithmetic, and what Pillow writes (rotation, modes,
no metadata), and the cache keyed by content."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from jejak.media import WIDTHS, MediaCache, content_key, scaled, target_widths

ORIENTATION, GPS_IFD, MAKE, USER_COMMENT = 0x0112, 0x8825, 0x010F, 0x9286


# --- pure functions ------------------------------------------------------------------------

@pytest.mark.parametrize(("width", "expected"), [
    (1, [1]),
    (8, [8]),
    (319, [319]),
    (320, [320]),
    (321, [320, 321]),
    (640, [320, 640]),
    (700, [320, 640, 700]),
    (1024, [320, 640, 1024]),
    (1599, [320, 640, 1024, 1599]),
    (1600, [320, 640, 1024, 1600]),
    (1601, [320, 640, 1024, 1600]),
    (6000, [320, 640, 1024, 1600]),
])
def test_target_widths(width: int, expected: list[int]) -> None:
    assert target_widths(width) == expected


@pytest.mark.parametrize(("width", "widths", "expected"), [
    (50, (100, 200), [50]),
    (150, (100, 200), [100, 150]),
    (500, (100, 200), [100, 200]),
    (100, (100,), [100]),
])
def test_target_widths_with_other_standard_widths(width, widths, expected) -> None:
    assert target_widths(width, widths) == expected


def test_target_widths_never_upscale() -> None:
    for width in range(1, 2500, 7):
        widths = target_widths(width)
        assert max(widths) <= width
        assert widths == sorted(set(widths))
        if width > WIDTHS[-1]:
            assert widths == list(WIDTHS)


@pytest.mark.parametrize(("size", "new_width", "expected"), [
    ((800, 600), 320, (320, 240)),
    ((600, 800), 320, (320, 427)),
    ((1000, 333), 320, (320, 107)),  # 106.56 rounds up
    ((1000, 1), 320, (320, 1)),  # never less than one pixel high
    ((5000, 1), 320, (320, 1)),
    ((300, 400), 300, (300, 400)),
    ((3, 2), 2, (2, 1)),
])
def test_scaled(size: tuple[int, int], new_width: int, expected: tuple[int, int]) -> None:
    assert scaled(*size, new_width) == expected


def test_content_key_depends_on_bytes_only() -> None:
    assert content_key(b"abc") == content_key(b"abc")
    assert content_key(b"abc") != content_key(b"abd")
    assert len(content_key(b"")) == 64


# --- Pillow I/O ----------------------------------------------------------------------------

def _save(path: Path, img: Image.Image, fmt: str, **options) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, fmt, **options)
    return path


def _exif(orientation: int | None = None) -> bytes:
    exif = Image.Exif()
    exif[MAKE] = "KameraPonsel"
    if orientation:
        exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (4.0, 1.0, 30.0), 3: "E", 4: (119.0, 37.0, 2.0)})
    return exif.tobytes()


def _derivatives(cache: MediaCache, source: Path):
    image_set = cache.image_sets([source])[source]
    return image_set, {(d.format, d.width): image_set.folder / d.name
                       for d in image_set.derivatives}


def _assert_bare(path: Path) -> None:
    """Pixels only: no EXIF (GPS included), ICC profile, XMP, comments or text chunks."""
    with Image.open(path) as img:
        assert not img.getexif(), path
        leaked = {k for k in img.info if k in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp",
                                               "comment", "Comment", "Author", "parameters")}
        assert not leaked, (path, leaked)
    data = path.read_bytes()
    for marker in (b"Exif\0\0", b"KameraPonsel", b"iCCP", b"http://ns.adobe.com/xap"):
        assert marker not in data, (path, marker)


@pytest.fixture
def cache(tmp_path: Path) -> MediaCache:
    return MediaCache(tmp_path / "cache")


def test_exif_orientation_is_applied_and_metadata_dropped(tmp_path: Path,
                                                           cache: MediaCache) -> None:
    # Stored landscape 400×200 with a red top-left corner; Orientation 6 = rotate 90° clockwise.
    img = Image.new("RGB", (400, 200), (255, 255, 255))
    img.paste((255, 0, 0), (0, 0, 40, 40))
    source = _save(tmp_path / "foto.jpg", img, "JPEG", exif=_exif(orientation=6), quality=95)
    with Image.open(source) as check:
        assert check.getexif()[ORIENTATION] == 6 and check.getexif().get_ifd(GPS_IFD)
    image_set, files = _derivatives(cache, source)
    assert (image_set.width, image_set.height) == (200, 400)
    assert set(files) == {("webp", 200), ("jpg", 200)}
    assert all((d.width, d.height) == (200, 400) for d in image_set.derivatives)
    for path in files.values():
        _assert_bare(path)
        with Image.open(path) as out:
            assert out.size == (200, 400)
            rgb = out.convert("RGB")
            # after the rotation the red corner is at the top right
            red, green, _ = rgb.getpixel((190, 10))
            assert red > 200 and green < 80, rgb.getpixel((190, 10))
            assert rgb.getpixel((10, 10))[1] > 200


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_gps_and_comments_never_reach_a_derivative(tmp_path: Path, cache: MediaCache,
                                                    fmt: str) -> None:
    from PIL import PngImagePlugin

    options: dict = {"exif": _exif()}
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "Lokasi rumah siswa")
        info.add_text("Author", "Guru")
        options["pnginfo"] = info
    if fmt == "JPEG":
        options["comment"] = b"Lokasi rumah siswa"
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source = _save(tmp_path / f"x.{fmt.lower()}", Image.new("RGB", (700, 300), (10, 90, 200)),
                   fmt, icc_profile=srgb, **options)
    _, files = _derivatives(cache, source)
    assert {w for _, w in files} == {320, 640, 700}
    for path in files.values():
        _assert_bare(path)


def test_alpha_survives_and_keeps_png(tmp_path: Path, cache: MediaCache) -> None:
    img = Image.new("RGBA", (100, 50), (0, 128, 0, 255))
    img.paste((0, 0, 0, 0), (0, 0, 10, 10))
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source = _save(tmp_path / "logo.png", img, "PNG", icc_profile=srgb)
    image_set, files = _derivatives(cache, source)
    assert image_set.fallback_format == "png"
    assert set(files) == {("webp", 100), ("png", 100)}
    for path in files.values():
        _assert_bare(path)
        with Image.open(path) as out:
            assert out.mode == "RGBA"
            assert out.getpixel((2, 2))[3] == 0
            assert out.getpixel((50, 25))[3] == 255


@pytest.mark.parametrize(("mode", "fmt", "fallback"), [
    ("CMYK", "JPEG", "jpg"),
    ("P", "PNG", "jpg"),
    ("P+transparency", "PNG", "png"),
    ("RGBA", "PNG", "png"),
    ("LA", "PNG", "png"),
    ("L", "JPEG", "jpg"),
    ("1", "PNG", "jpg"),
    ("I;16", "PNG", "jpg"),
    ("RGB", "GIF", "jpg"),
])
def test_image_modes(tmp_path: Path, cache: MediaCache, mode: str, fmt: str,
                     fallback: str) -> None:
    if mode == "CMYK":
        img = Image.new("CMYK", (64, 32), (0, 255, 255, 0))  # pure red in CMYK
    elif mode.startswith("P"):
        img = Image.new("RGB", (64, 32), (255, 0, 0)).convert("P")
    elif mode == "RGB":
        img = Image.new("RGB", (64, 32), (255, 0, 0))
    else:
        img = Image.new(mode, (64, 32))
    options = {"transparency": 0} if mode == "P+transparency" else {}
    source = _save(tmp_path / f"gambar.{fmt.lower()}", img, fmt, **options)
    image_set, files = _derivatives(cache, source)
    assert image_set.fallback_format == fallback
    assert set(files) == {("webp", 64), (fallback, 64)}
    for path in files.values():
        _assert_bare(path)
        with Image.open(path) as out:
            assert out.size == (64, 32)
            assert out.mode in ("RGB", "RGBA")
    if mode in ("CMYK", "P", "RGB"):
        with Image.open(files[("jpg", 64)]) as out:
            red, green, blue = out.convert("RGB").getpixel((32, 16))
            assert red > 200 and green < 60 and blue < 60, (red, green, blue)


def test_animated_gif_gives_its_first_frame(tmp_path: Path, cache: MediaCache) -> None:
    frames = [Image.new("RGB", (40, 20), c) for c in ((255, 0, 0), (0, 0, 255))]
    source = tmp_path / "anim.gif"
    frames[0].save(source, "GIF", save_all=True, append_images=frames[1:], duration=100)
    _, files = _derivatives(cache, source)
    with Image.open(files[("jpg", 40)]) as out:
        assert getattr(out, "n_frames", 1) == 1
        assert out.convert("RGB").getpixel((20, 10))[0] > 200


def test_large_image_gets_every_standard_width_and_no_larger(tmp_path: Path,
                                                            cache: MediaCache) -> None:
    source = _save(tmp_path / "besar.jpg", Image.new("RGB", (2400, 1200), (90, 90, 90)), "JPEG")
    image_set, files = _derivatives(cache, source)
    assert sorted(w for f, w in files if f == "jpg") == [320, 640, 1024, 1600]
    assert sorted(w for f, w in files if f == "webp") == [320, 640, 1024, 1600]
    assert image_set.largest.width == 1600 and image_set.largest.height == 800
    for (fmt, width), path in files.items():
        with Image.open(path) as out:
            assert out.size == scaled(2400, 1200, width)
            assert out.format == {"jpg": "JPEG", "webp": "WEBP"}[fmt]


def test_pdf_first_page_preview(tmp_path: Path, cache: MediaCache) -> None:
    pdf = tmp_path / "modul.pdf"
    page = Image.new("RGB", (210, 297), (255, 255, 255))
    page.paste((0, 0, 0), (0, 0, 105, 30))
    page.save(pdf, "PDF")
    image_set, files = _derivatives(cache, pdf)
    assert image_set.width == 1000 and abs(image_set.height - 1414) <= 1
    assert sorted(w for f, w in files if f == "jpg") == [320, 640, 1000]
    for path in files.values():
        _assert_bare(path)


# --- the cache ---------------------------------------------------------------------------

def test_unchanged_images_are_never_processed_twice(tmp_path: Path) -> None:
    one = _save(tmp_path / "a" / "satu.jpg", Image.new("RGB", (50, 50), (1, 2, 3)), "JPEG")
    same = tmp_path / "b" / "sama.jpg"
    same.parent.mkdir()
    same.write_bytes(one.read_bytes())
    other = _save(tmp_path / "c" / "dua.png", Image.new("RGB", (60, 50), (9, 8, 7)), "PNG")
    first = MediaCache(tmp_path / "cache")
    sets = first.image_sets([one, same, other])
    assert first.processed == 2  # the same bytes under two names are made once
    assert sets[one] == sets[same]
    again = MediaCache(tmp_path / "cache")  # a later build, another process
    assert again.image_sets([one, same, other]) == sets
    assert again.processed == 0
    other.write_bytes(_png_bytes((61, 50)))
    changed = MediaCache(tmp_path / "cache")
    result = changed.image_sets([one, same, other])
    assert changed.processed == 1
    assert result[other].width == 61


def test_a_cache_entry_without_its_meta_is_made_again(tmp_path: Path) -> None:
    source = _save(tmp_path / "x.jpg", Image.new("RGB", (50, 50)), "JPEG")
    first = MediaCache(tmp_path / "cache")
    image_set = first.image_sets([source])[source]
    (image_set.folder / "meta.json").unlink()  # an interrupted build
    again = MediaCache(tmp_path / "cache")
    assert again.image_sets([source])[source] == image_set
    assert again.processed == 1


def _png_bytes(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (5, 5, 5)).save(out, "PNG")
    return out.getvalue()
