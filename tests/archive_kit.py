"""A minimal valid archive written into a folder, and ways to break it (used by the tests).

The records are plain text below so that a test can name the exact line and
column of what it breaks. Line numbers count the opening `---` as line 1.
"""

from __future__ import annotations

import hashlib
import io
import os
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

GROUP = "content/groups/kkg-contoh/index.md"
SITI = "content/people/siti-aminah.md"
BUDI = "content/people/budi-santoso.md"
SESSION = "content/groups/kkg-contoh/sessions/webinar-pecahan.md"
PRODUCT = "content/groups/kkg-contoh/products/poster-pecahan.md"
PAPER = "content/groups/kkg-contoh/papers/ptk-pecahan.md"
PLAN = "content/groups/kkg-contoh/plans/2025.md"
POSTER = "archive/groups/kkg-contoh/products/poster-pecahan/poster.png"

RECORDS: dict[str, str] = {
    # 1 ---  2 name  3 kind  4 ministry  5 level  6 region  7 province  8 regency  9 code
    # 10 members  11 - person  12 role  13 since  14 - person  15 role  16 since  17 license
    GROUP: """\
        ---
        name: KKG MI Contoh
        kind: KKG
        ministry: kemenag
        level: MI
        region:
          province: Sulawesi Selatan
          regency: Kota Parepare
          code: "73.72"
        members:
          - person: siti-aminah
            role: Ketua
            since: 2023-01-10
          - person: budi-santoso
            role: Anggota
            since: 2023-01-10
        license: CC-BY-SA-4.0
        ---
        Kelompok kerja guru madrasah ibtidaiyah di Kota Parepare.
        """,
    # 2 name  3 positions  4 institution  5 consent
    SITI: """\
        ---
        name: Siti Aminah, S.Pd.I.
        positions: [guru]
        institution: MI Contoh Parepare
        consent: true
        ---
        Guru kelas IV.
        """,
    # 2 name  3 positions  4 institution  5 orcid  6 consent
    BUDI: """\
        ---
        name: Budi Santoso, M.Pd.
        positions: [guru, narasumber]
        institution: MI Contoh Parepare
        orcid: 0000-0002-1825-0097
        consent: true
        ---
        """,
    # 2 title  3 date  4 format  5 delivery  6 platform  7 package  8 competencies  9 hours
    # 10 roles  11 host  12 presenters  13 attendees  14 participants  15 ---  16 body
    SESSION: """\
        ---
        title: Webinar Media Pembelajaran Pecahan
        date: 2025-03-14
        format: webinar
        delivery: live
        platform: Zoom
        package: media
        competencies: [pedagogik, profesional]
        hours: 4
        roles:
          host: siti-aminah
          presenters: [budi-santoso]
        attendees: [siti-aminah, budi-santoso]
        participants: 25
        ---
        Peserta membahas media konkret untuk pecahan senilai.
        """,
    # 2 title  3 date  4 authors  5 kind  6 package  7 competencies  8 files  9 - file
    # 10 alt  11 session  12 shows_students  13 ---  14 body
    PRODUCT: """\
        ---
        title: Poster Pecahan Senilai
        date: 2025-03-20
        authors: [siti-aminah]
        kind: visual
        package: media
        competencies: [pedagogik]
        files:
          - file: poster.png
            alt: Tiga pizza dipotong menjadi pecahan senilai.
        session: webinar-pecahan
        shows_students: false
        ---
        Poster untuk kelas IV.
        """,
    # 2 title  3 date  4 authors  5 type  6 abstract  7 publication  8 venue  9 pages
    # 10 license  11 ---  12 body
    PAPER: """\
        ---
        title: Meningkatkan Pemahaman Pecahan melalui Media Konkret
        date: 2025-06-01
        authors: [siti-aminah, budi-santoso]
        type: ptk
        abstract: Penelitian tindakan kelas dua siklus di kelas IV.
        publication:
          venue: Jurnal Guru Madrasah
          pages: 12-20
        license: CC-BY-4.0
        ---
        """,
    # 2 year  3 packages  4..7 one package each
    PLAN: """\
        ---
        year: 2025
        packages:
          - {package: perangkat, quarter: 1, theme: Modul ajar}
          - {package: metode, quarter: 2, theme: Pembelajaran berdiferensiasi}
          - {package: media, quarter: 3, theme: Media pecahan}
          - {package: penilaian, quarter: 4, theme: Asesmen formatif}
        ---
        """,
}

IDS = [
    "groups/kkg-contoh",
    "groups/kkg-contoh/papers/ptk-pecahan",
    "groups/kkg-contoh/plans/2025",
    "groups/kkg-contoh/products/poster-pecahan",
    "groups/kkg-contoh/sessions/webinar-pecahan",
    "people/budi-santoso",
    "people/siti-aminah",
]


def png_bytes(size: tuple[int, int] = (8, 8), fmt: str = "PNG", frames: int = 1,
              **options: Any) -> bytes:
    """A real image made with Pillow (several frames for an animated GIF)."""
    from PIL import Image

    images = [Image.new("RGB", size, (40 * i % 256, 120, 200)) for i in range(frames)]
    out = io.BytesIO()
    if frames > 1:
        images[0].save(out, fmt, save_all=True, append_images=images[1:], duration=100,
                       **options)
    else:
        images[0].save(out, fmt, **options)
    return out.getvalue()


class ArchiveKit:
    """A minimal valid archive in a temporary folder, and ways to break it."""

    def __init__(self, root: Path):
        self.root = root
        for rel, text in RECORDS.items():
            self.write(rel, textwrap.dedent(text))
        self.write(POSTER, png_bytes())
        self.write("published-ids.txt", "# published ids\n" + "\n".join(IDS) + "\n")
        self.configure()

    def path(self, rel: str) -> Path:
        return self.root / rel

    def write(self, rel: str, content: str | bytes) -> Path:
        target = self.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_bytes(content.encode("utf-8"))
        return target

    def read(self, rel: str) -> str:
        return (self.root / rel).read_bytes().decode("utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        """Replace the one occurrence of `old` in a file; fails loudly if it is not there."""
        text = self.read(rel)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
        self.write(rel, text.replace(old, new))

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink()

    def configure(self, **options: Any) -> None:
        """Rewrite mkdocs.yml with these options of the jejak plugin."""
        plugin: Any = {"jejak": options} if options else "jejak"
        config = {"site_name": "KKG Contoh", "docs_dir": "content",
                  "theme": {"name": "material"}, "plugins": [plugin]}
        self.write("mkdocs.yml", yaml.safe_dump(config, sort_keys=False))

    def check(self):
        from jejak.validate import check_archive

        return check_archive(self.root)

    def problems(self) -> list[tuple]:
        return rendered(self.check().problems)


def rendered(problems: Iterable[Any]) -> list[tuple]:
    """Each problem as (path, line, column, severity, code, field, message id, message en)."""
    return [(p.path, p.line, p.column, p.severity, p.code, p.field, p.message("id"),
             p.message("en")) for p in problems]



def tree_hashes(root: Path, parts: Iterable[str] = ("content", "archive")) -> dict[str, str]:
    """sha256 of every file (symlink targets, names of empty folders) under parts of root:
    compared before and after a command to prove it changed nothing."""
    out: dict[str, str] = {}
    for part in parts:
        for path in sorted((root / part).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                out[rel] = "link:" + os.readlink(path)
            elif path.is_file():
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            elif path.is_dir() and not any(path.iterdir()):
                out[rel] = "empty-dir"
    return out
