"""Golden pages: the HTML the core generates for one record of each kind, before the theme.

The archive below is fixed (text and images made here with Pillow), so the output only
changes when the generator or its templates change. The reviewed files in this folder
are the contract: a difference fails the test. After a deliberate change, rewrite them with

    JEJAK_UPDATE_GOLDEN=1 python3 -m pytest tests/golden

and review the diff (`git diff tests/golden`) before committing it.
"""

from __future__ import annotations

import difflib
import io
import os
import textwrap
import wave
from pathlib import Path

import pytest

from jejak.config import Settings
from jejak.generate.markup import BodyRenderer
from jejak.generate.pages import Page, SiteGenerator
from jejak.media import MediaCache
from jejak.sitebuild import image_sources
from jejak.validate import check_archive

GOLDEN = Path(__file__).parent
UPDATE = os.environ.get("JEJAK_UPDATE_GOLDEN") == "1"

# The Markdown extensions of `jejak init`'s mkdocs.yml.
EXTENSIONS = ["admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
              "pymdownx.details", "pymdownx.highlight", "pymdownx.inlinehilite",
              "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist"]
CONFIGS = {"toc": {"permalink": True}, "pymdownx.highlight": {"anchor_linenums": True},
           "pymdownx.tabbed": {"alternate_style": True},
           "pymdownx.tasklist": {"custom_checkbox": True}}

GROUP = "groups/kkg-emas"
RECORDS = {
    f"content/{GROUP}/index.md": """\
        ---
        name: KKG Madrasah Ibtidaiyah Emas
        kind: KKG
        ministry: kemenag
        level: MI
        region: {province: Sulawesi Selatan, regency: Kabupaten Pinrang, code: "73.15"}
        organizer: PGMI Kabupaten Pinrang
        decree: SK Kepala Kantor Kemenag Kabupaten Pinrang Nomor 12 Tahun 2019
        founded: 2019
        members:
          - {person: rahma-sari, role: Ketua, since: 2023-01-09}
          - {person: yusuf-halim, role: Anggota, since: 2023-01-09}
        advisors: [yusuf-halim]
        logo: logo.png
        license: CC-BY-SA-4.0
        links:
          YouTube: https://www.youtube.com/@kkgemas
        ---
        Kelompok kerja guru MI di **Pinrang**: empat paket kerja setahun.
        """,
    "content/people/rahma-sari.md": """\
        ---
        name: Rahma Sari, S.Pd.I.
        positions: [guru]
        institution: MI Emas Pinrang
        subjects: [Matematika, IPAS]
        consent: true
        photo: foto.jpg
        trainings:
          - title: Pelatihan Penelitian Tindakan Kelas
            organizer: Balai Diklat Keagamaan Makassar
            start: 2025-02-03
            end: 2025-02-07
            hours: 32
        awards:
          - title: Guru Inovatif
            year: 2025
            level: kabupaten
            rank: Juara 2
            works: [groups/kkg-emas/products/poster-pecahan]
        ---
        Guru kelas IV yang menekuni media konkret.
        """,
    "content/people/yusuf-halim.md": """\
        ---
        name: Dr. Yusuf Halim, M.Pd.
        positions: [pengawas, narasumber]
        institution: Kantor Kemenag Kabupaten Pinrang
        orcid: 0000-0002-1825-0097
        consent: true
        ---
        """,
    f"content/{GROUP}/plans/2025.md": """\
        ---
        year: 2025
        packages:
          - {package: perangkat, quarter: 1, theme: Modul ajar}
          - {package: media, quarter: 2, theme: Media pecahan}
          - {package: metode, quarter: 3, theme: Pembelajaran berdiferensiasi}
          - {package: penilaian, quarter: 4, theme: Asesmen formatif}
        targets:
          - target: Setiap anggota menyusun satu media
            term: short
            indicator: 10 media terarsip
            due: 2025-06-30
        ---
        Program disepakati dalam rapat awal tahun.
        """,
    f"content/{GROUP}/sessions/elearning-pecahan.md": """\
        ---
        title: E-learning Media Pecahan Senilai
        date: 2025-04-07
        end: 2025-05-12
        format: e-learning
        delivery: live
        platform: Google Classroom
        package: media
        competencies: [pedagogik, profesional]
        hours: 24
        roles:
          host: rahma-sari
          moderator: rahma-sari
          presenters: [yusuf-halim]
          speakers:
            - {name: Andi Baso, affiliation: Universitas Negeri Makassar}
        attendees: [rahma-sari, yusuf-halim]
        participants: 21
        stages:
          - {title: Pengantar, start: 2025-04-07, end: 2025-04-13}
          - {title: Praktik membuat media, start: 2025-04-14, end: 2025-05-12}
        materials:
          - {title: Panduan kursus, file: panduan.pdf}
          - {title: Rekaman pembuka, url: "https://www.youtube.com/watch?v=AbCdEf12345"}
        recording: https://www.youtube.com/watch?v=XyZ98765432
        flyer: flyer.png
        ---
        !!! note "Kesepakatan"
            Tugas dikumpulkan setiap Senin.

        | Minggu | Kegiatan |
        |---|---|
        | 1 | Pengantar |
        | 2 | Praktik |

        === "Kelas IV"
            Pecahan senilai dengan kertas lipat.

        === "Kelas V"
            Penjumlahan pecahan.

        - [x] Modul terkumpul
        - [ ] Refleksi

        Hasilnya dibahas lagi pada pertemuan berikut.[^1]

        [^1]: Pertemuan daring 19 Mei 2025.
        """,
    f"content/{GROUP}/products/poster-pecahan.md": """\
        ---
        title: Poster dan Lagu Pecahan Senilai
        date: 2025-05-20
        authors: [rahma-sari, {name: Andi Baso, affiliation: Universitas Negeri Makassar}]
        kind: visual
        category: media-pembelajaran
        package: media
        competencies: [pedagogik]
        subject: Matematika
        level: MI
        grade: 4
        files:
          - file: poster.jpg
            alt: Dua pizza dipotong empat dan delapan, bagian yang sama diarsir.
            caption: Poster ukuran A3.
          - file: lagu.wav
            caption: Lagu pengiring.
            transcript: lagu.vtt
          - url: https://www.youtube.com/watch?v=QwErTy12345
            caption: Video cara memakai poster.
        session: elearning-pecahan
        shows_students: false
        keywords: [pecahan, poster]
        ---
        Poster dipakai di kelas IV bersama lagunya.
        """,
    f"content/{GROUP}/papers/ptk-pecahan.md": """\
        ---
        title: Meningkatkan Pemahaman Pecahan Senilai melalui Media Konkret
        date: 2025-08-15
        authors: [rahma-sari, yusuf-halim]
        type: ptk
        abstract: Penelitian tindakan kelas dua siklus di kelas IV MI Emas Pinrang.
        keywords: [pecahan senilai, media konkret]
        file: ptk-pecahan.pdf
        publication:
          venue: Jurnal Guru Madrasah
          volume: "3"
          issue: "2"
          pages: 12-20
          issn: 1234-5678
          doi: 10.1234/jgm.v3i2.56
        package: media
        competencies: [pedagogik, profesional]
        license: CC-BY-4.0
        ---
        Makalah ini juga disajikan pada seminar KKG.
        """,
}
PAGES = {  # golden file → record id
    "group.html": GROUP,
    "person.html": "people/rahma-sari",
    "plan.html": f"{GROUP}/plans/2025",
    "session.html": f"{GROUP}/sessions/elearning-pecahan",
    "product.html": f"{GROUP}/products/poster-pecahan",
    "paper.html": f"{GROUP}/papers/ptk-pecahan",
}


def _image(size: tuple[int, int], fmt: str, mode: str = "RGB") -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new(mode, size, (250, 240, 220) if mode == "RGB" else (0, 120, 110, 0))
    draw = ImageDraw.Draw(img)
    draw.rectangle((size[0] // 4, size[1] // 4, size[0] * 3 // 4, size[1] * 3 // 4),
                   fill=(0, 121, 107) + ((255,) if mode == "RGBA" else ()))
    out = io.BytesIO()
    img.save(out, fmt)
    return out.getvalue()


def _wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 800)
    return out.getvalue()


def _pdf() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (210, 297), "white").save(out, "PDF")
    return out.getvalue()


FILES = {
    f"archive/{GROUP}/logo.png": lambda: _image((96, 96), "PNG", "RGBA"),
    "archive/people/rahma-sari/foto.jpg": lambda: _image((300, 400), "JPEG"),
    f"archive/{GROUP}/sessions/elearning-pecahan/flyer.png": lambda: _image((480, 600), "PNG"),
    f"archive/{GROUP}/sessions/elearning-pecahan/panduan.pdf": _pdf,
    f"archive/{GROUP}/products/poster-pecahan/poster.jpg": lambda: _image((700, 500), "JPEG"),
    f"archive/{GROUP}/products/poster-pecahan/lagu.wav": _wav,
    f"archive/{GROUP}/products/poster-pecahan/lagu.vtt":
        lambda: b"WEBVTT\n\n00:00.000 --> 00:00.100\nSatu per dua sama dengan dua per empat.\n",
    f"archive/{GROUP}/papers/ptk-pecahan/ptk-pecahan.pdf": _pdf,
}


def write_archive(root: Path) -> None:
    for rel, text in RECORDS.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for rel, make in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make())
    (root / "mkdocs.yml").write_text("site_name: KKG Emas\nsite_url: https://kkg-emas.example.id/\n"
                                     "plugins:\n  - jejak\n", encoding="utf-8")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Page]:
    root = tmp_path_factory.mktemp("golden") / "arsip"
    write_archive(root)
    result = check_archive(root)
    assert not result.errors, [p.message("en") for p in result.errors]
    archive = result.archive()
    bodies = BodyRenderer(EXTENSIONS, CONFIGS, None).render_many(
        {r.id: r.body for r in archive.records.values()})
    images = MediaCache(root.parent / "cache").image_sets(image_sources(archive, root))
    settings = Settings(language="id", site_url="https://kkg-emas.example.id")
    content = SiteGenerator(archive, settings, root, bodies, images).generate()
    return {page.record_id: page for page in content.pages if page.record_id}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_its_golden_file(pages: dict[str, Page], name: str) -> None:
    page = pages[PAGES[name]]
    actual = page.html if page.html.endswith("\n") else page.html + "\n"
    golden = GOLDEN / name
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run with JEJAK_UPDATE_GOLDEN=1 and review it"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"golden/{name}", "generated"))
        pytest.fail(f"{name} differs from its golden file "
                    f"(JEJAK_UPDATE_GOLDEN=1 rewrites it after review):\n{diff}")


def test_every_kind_has_a_golden_page(pages: dict[str, Page]) -> None:
    kinds = {pages[record_id].kind for record_id in PAGES.values()}
    assert kinds == {"group", "person", "plan", "session", "product", "paper"}
