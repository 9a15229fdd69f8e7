"""Every catalogue code, triggered from a realistic broken archive, with its exact messages.

Each case starts from the minimal valid archive of `archive_kit` and breaks one
thing; the test asserts the *complete* list of problems, so a case also fails
when a check starts reporting something it should not. Each expected problem is
(path, line, column, severity, code, field, Indonesian message, English message).
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from archive_kit import (
    BUDI,
    GROUP,
    PAPER,
    PLAN,
    POSTER,
    PRODUCT,
    SESSION,
    SITI,
    ArchiveKit,
    png_bytes,
)

from jejak.i18n import CATALOGUE

POSTER_DIR = "archive/groups/kkg-contoh/products/poster-pecahan"


@dataclass
class Case:
    id: str
    breaks: Callable[[ArchiveKit], object]
    expected: list[tuple]


def _bytes(kit: ArchiveKit, rel: str, old: bytes, new: bytes) -> None:
    raw = kit.path(rel).read_bytes()
    assert raw.count(old) == 1
    kit.write(rel, raw.replace(old, new))


def _product_file(kit: ArchiveKit, name: str, content: bytes | str | None = None) -> None:
    """Point the product's file at `name`, written with `content` when given."""
    kit.replace(PRODUCT, "file: poster.png", f"file: {name}")
    kit.remove(POSTER)
    if content is not None:
        kit.write(f"{POSTER_DIR}/{name}", content)


def _pdf(*names: bytes, compressed: bool = False) -> bytes:
    catalogue = b"<< /Type /Catalog " + b" ".join(names) + b" >>"
    if compressed:  # PDF 1.5 object stream: the catalogue is only visible once inflated
        body = zlib.compress(b"1 0 " + catalogue)
        return (b"%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode "
                b"/Length " + str(len(body)).encode() + b" >>\nstream\n" + body
                + b"\nendstream\nendobj\n%%EOF\n")
    return b"%PDF-1.4\n1 0 obj\n" + catalogue + b"\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _paper_pdf(kit: ArchiveKit, content: bytes) -> None:
    kit.replace(PAPER, "license: CC-BY-4.0", "license: CC-BY-4.0\nfile: ptk.pdf")
    kit.write("archive/groups/kkg-contoh/papers/ptk-pecahan/ptk.pdf", content)


def _png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims a huge size: a decompression bomb, refused before decoding."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def _symlinked_file(kit: ArchiveKit) -> None:
    kit.write("archive/bersama/poster-asli.png", png_bytes())
    kit.remove(POSTER)
    os.symlink("../../../../bersama/poster-asli.png", kit.path(POSTER))


def _symlinked_folder(kit: ArchiveKit) -> None:
    kit.write("archive/bersama/poster.png", png_bytes())
    kit.remove(POSTER)
    kit.path(POSTER_DIR).rmdir()
    os.symlink("../../../bersama", kit.path(POSTER_DIR))


def _symlinked_record(kit: ArchiveKit) -> None:
    kit.path(BUDI).rename(kit.path("budi.md"))
    os.symlink("../../budi.md", kit.path(BUDI))


CASES: list[Case] = [
    # ---- J0: running -------------------------------------------------------------
    Case("J002-option-of-wrong-type",
         lambda k: k.configure(max_pixels="banyak"), [
             ('mkdocs.yml', 7, 5, 'error', 'J002', '',
              'Konfigurasi Jejak tidak sah: opsi `max_pixels` harus bilangan bulat positif.',
              'Invalid Jejak configuration: option `max_pixels` must be a positive whole number.'),
         ]),
    Case("J002-unknown-option",
         lambda k: k.configure(max_file_mbb={"image": 1}), [
             ('mkdocs.yml', 7, 5, 'error', 'J002', '',
              'Konfigurasi Jejak tidak sah: opsi `max_file_mbb` tidak dikenal (yang diterima: '
              'language, privacy_allow, max_file_mb, max_pixels).',
              'Invalid Jejak configuration: option `max_file_mbb` is unknown (accepted: '
              'language, privacy_allow, max_file_mb, max_pixels).'),
         ]),
    Case("J003-unknown-file-in-content",
         lambda k: k.write("content/groups/kkg-contoh/catatan-rapat.txt", "catatan\n"), [
             ('content/groups/kkg-contoh/catatan-rapat.txt', 1, 1, 'error', 'J003', '',
              'Berkas di `content/` ini bukan rekaman yang dikenal (yang diterima: '
              'content/groups/<kelompok>/index.md, '
              'content/groups/<kelompok>/{plans,sessions,products,papers}/<slug>.md, '
              'content/people/<orang>.md).',
              'This file in `content/` is not a known record (accepted: '
              'content/groups/<group>/index.md, '
              'content/groups/<group>/{plans,sessions,products,papers}/<slug>.md, '
              'content/people/<person>.md).'),
         ]),
    Case("J003-record-in-wrong-folder",
         lambda k: k.write("content/groups/kkg-contoh/kegiatan/rapat.md",
                           k.read(SESSION)), [
             ('content/groups/kkg-contoh/kegiatan/rapat.md', 1, 1, 'error', 'J003', '',
              'Berkas di `content/` ini bukan rekaman yang dikenal (yang diterima: '
              'content/groups/<kelompok>/index.md, '
              'content/groups/<kelompok>/{plans,sessions,products,papers}/<slug>.md, '
              'content/people/<orang>.md).',
              'This file in `content/` is not a known record (accepted: '
              'content/groups/<group>/index.md, '
              'content/groups/<group>/{plans,sessions,products,papers}/<slug>.md, '
              'content/people/<person>.md).'),
         ]),
    # ---- J1: loading ---------------------------------------------------------------
    Case("J101-colon-in-plain-value",
         lambda k: k.replace(SESSION, "title: Webinar Media", "title: Webinar: Media"), [
             (SESSION, 2, 15, 'error', 'J101', '',
              'YAML tidak sah: ada titik dua `: ` di dalam nilai, atau indentasinya bergeser; '
              'beri tanda kutip pada nilai yang memuat `: `. Periksa titik dua, tanda kutip dan '
              'indentasi (gunakan spasi, bukan tab).',
              'Invalid YAML: a `: ` inside a value, or shifted indentation; quote a value that '
              'holds `: ` (mapping values are not allowed in this context). Check colons, '
              'quotes and indentation (spaces, not tabs).'),
         ]),
    Case("J101-tab-indentation",
         lambda k: k.replace(GROUP, "  province:", "\tprovince:"), [
             (GROUP, 7, 1, 'error', 'J101', '',
              'YAML tidak sah: ada karakter yang tidak boleh mengawali nilai (tab, `@`, `` ` `` '
              'atau `%`); beri tanda kutip pada nilainya. Periksa titik dua, tanda kutip dan '
              'indentasi (gunakan spasi, bukan tab).',
              'Invalid YAML: a character that cannot start a value (a tab, `@`, `` ` `` or '
              '`%`); quote the value (found character that cannot start any token). Check '
              'colons, quotes and indentation (spaces, not tabs).'),
         ]),
    Case("J101-unclosed-quote-points-where-it-opened",
         lambda k: k.replace(SESSION, "platform: Zoom", 'platform: "Zoom'), [
             (SESSION, 6, 11, 'error', 'J101', '',
              'YAML tidak sah: tanda kutip yang dibuka di sini tidak pernah ditutup. Periksa '
              'titik dua, tanda kutip dan indentasi (gunakan spasi, bukan tab).',
              'Invalid YAML: a quote opened here is never closed (found unexpected end of '
              'stream). Check colons, quotes and indentation (spaces, not tabs).'),
         ]),
    Case("J101-unclosed-bracket",
         lambda k: k.replace(SESSION, "[pedagogik, profesional]", "[pedagogik, profesional"), [
             (SESSION, 8, 15, 'error', 'J101', '',
              'YAML tidak sah: daftar `[` yang dibuka di sini tidak ditutup dengan `]`. Periksa '
              'titik dua, tanda kutip dan indentasi (gunakan spasi, bukan tab).',
              'Invalid YAML: a `[` list opened here is not closed with `]` (did not find '
              "expected ',' or ']'). Check colons, quotes and indentation (spaces, not tabs)."),
         ]),
    Case("J102-latin-1-byte",
         lambda k: _bytes(k, SITI, b"MI Contoh Parepare", b"MI Contoh Par\xe9pare"), [
             (SITI, 4, 27, 'error', 'J102', '',
              'Berkas bukan UTF-8 (bita tidak sah 0xe9). Simpan ulang berkas dengan pengodean '
              'UTF-8.',
              'The file is not UTF-8 (invalid byte 0xe9). Save it again as UTF-8.'),
         ]),
    Case("J102-utf-16",
         lambda k: k.write(SITI, k.read(SITI).encode("utf-16")), [
             (SITI, 1, 1, 'error', 'J102', '',
              'Berkas bukan UTF-8 (bita tidak sah 0xff). Simpan ulang berkas dengan pengodean '
              'UTF-8.',
              'The file is not UTF-8 (invalid byte 0xff). Save it again as UTF-8.'),
         ]),
    Case("J103-nul-byte",
         lambda k: _bytes(k, SITI, b"Guru kelas IV.", b"Guru kelas\x00IV."), [
             (SITI, 7, 11, 'error', 'J103', '',
              'Berkas berisi karakter NUL (bita nol); berkas teks rekaman tidak boleh memuatnya.',
              "The file contains a NUL (zero) byte; a record's text may not contain one."),
         ]),
    Case("J104-unclosed-front-matter",
         lambda k: k.replace(SITI, "consent: true\n---\n", "consent: true\n"), [
             (SITI, 1, 1, 'error', 'J104', '',
              'Bagian depan (front matter) dibuka dengan `---` tetapi tidak pernah ditutup. '
              'Tambahkan baris `---` setelah isian terakhir.',
              'The front matter opens with `---` but is never closed. Add a `---` line after '
              'the last field.'),
         ]),
    Case("J105-missing-front-matter",
         lambda k: k.write(SITI, "# Siti Aminah\n\nGuru kelas IV.\n"), [
             (SITI, 1, 1, 'error', 'J105', '',
              'Rekaman harus diawali baris `---` lalu isian YAML, ditutup `---`.',
              'A record must start with a `---` line, then YAML fields, closed by `---`.'),
         ]),
    Case("J106-top-level-list",
         lambda k: k.write(SITI, "---\n- name: Siti Aminah\n- consent: true\n---\n"), [
             (SITI, 2, 1, 'error', 'J106', '',
              'Bagian depan harus berupa pasangan `isian: nilai`, bukan daftar.',
              'The front matter must be a mapping of `field: value`, not a list.'),
         ]),
    Case("J106-top-level-text",
         lambda k: k.write(SITI, "---\nSiti Aminah\n---\n"), [
             (SITI, 2, 1, 'error', 'J106', '',
              'Bagian depan harus berupa pasangan `isian: nilai`, bukan nilai tunggal `Siti '
              'Aminah`.',
              'The front matter must be a mapping of `field: value`, not a single value `Siti '
              'Aminah`.'),
         ]),
    Case("J107-empty-file",
         lambda k: k.write(SITI, ""), [
             (SITI, 1, 1, 'error', 'J107', '',
              'Berkas kosong. Rekaman memerlukan bagian depan dengan isian wajib.',
              'The file is empty. A record needs front matter with its required fields.'),
         ]),
    Case("J107-empty-front-matter",
         lambda k: k.write(SITI, "---\n---\nGuru kelas IV.\n"), [
             (SITI, 1, 1, 'error', 'J107', '',
              'Berkas kosong. Rekaman memerlukan bagian depan dengan isian wajib.',
              'The file is empty. A record needs front matter with its required fields.'),
         ]),
    Case("J108-oversized-record",
         lambda k: k.write(SITI, k.read(SITI) + "Catatan panjang.\n" * 60_000), [
             (SITI, 1, 1, 'error', 'J108', '',
              'Berkas terlalu besar: 1.02 MB (batas 1 MB).',
              'The file is too large: 1.02 MB (limit 1 MB).'),
         ]),
    Case("J109-nesting-too-deep",
         lambda k: k.replace(SITI, "consent: true", "consent: true\nsubjects: "
                             + "[" * 14 + "Matematika" + "]" * 14), [
             (SITI, 6, 23, 'error', 'J109', '',
              'YAML bersarang terlalu dalam (lebih dari 12 tingkat).',
              'The YAML is nested too deeply (more than 12 levels).'),
         ]),
    Case("J109-deep-nesting-does-not-crash",
         lambda k: k.replace(SITI, "consent: true", "consent: true\nsubjects: "
                             + "[" * 200_000), [
             (SITI, 6, 23, 'error', 'J109', '',
              'YAML bersarang terlalu dalam (lebih dari 12 tingkat).',
              'The YAML is nested too deeply (more than 12 levels).'),
         ]),
    Case("J110-duplicate-key",
         lambda k: k.replace(SITI, "consent: true", "consent: true\nname: Siti"), [
             (SITI, 6, 1, 'error', 'J110', 'name',
              'Isian `name` ditulis dua kali (juga di baris 2). Hapus salah satunya.',
              'Field `name` is given twice (also on line 2). Remove one of them.'),
         ]),
    Case("J110-duplicate-nested-key",
         lambda k: k.replace(GROUP, "    role: Ketua\n", "    role: Ketua\n    role: Anggota\n"), [
             (GROUP, 13, 5, 'error', 'J110', 'members[0].role',
              'Isian `members[0].role` ditulis dua kali (juga di baris 12). Hapus salah satunya.',
              'Field `members[0].role` is given twice (also on line 12). Remove one of them.'),
         ]),
    Case("J111-anchor-and-alias",
         lambda k: k.replace(SESSION, "  presenters: [budi-santoso]",
                             "  presenters: &narasumber [budi-santoso]\n"
                             "  panelists: *narasumber"), [
             (SESSION, 12, 15, 'error', 'J111', '',
              'Jangkar, alias dan penggabungan YAML (`&`, `*`, `<<`) tidak diterima; tuliskan '
              'nilainya secara lengkap.',
              'YAML anchors, aliases and merge keys (`&`, `*`, `<<`) are not accepted; write '
              'the value out in full.'),
             (SESSION, 13, 14, 'error', 'J111', '',
              'Jangkar, alias dan penggabungan YAML (`&`, `*`, `<<`) tidak diterima; tuliskan '
              'nilainya secara lengkap.',
              'YAML anchors, aliases and merge keys (`&`, `*`, `<<`) are not accepted; write '
              'the value out in full.'),
         ]),
    Case("J111-merge-key",
         lambda k: k.replace(SESSION, "roles:\n", "roles:\n  <<: {moderator: budi-santoso}\n"), [
             (SESSION, 11, 3, 'error', 'J111', '',
              'Jangkar, alias dan penggabungan YAML (`&`, `*`, `<<`) tidak diterima; tuliskan '
              'nilainya secara lengkap.',
              'YAML anchors, aliases and merge keys (`&`, `*`, `<<`) are not accepted; write '
              'the value out in full.'),
         ]),
    Case("J112-python-object-tag",
         lambda k: k.replace(SESSION, "platform: Zoom",
                             'platform: !!python/object/apply:os.system ["ls"]'), [
             (SESSION, 6, 11, 'error', 'J112', '',
              'Tag YAML `!!python/object/apply:os.system` tidak diterima; tulis nilai biasa '
              'tanpa `!`.',
              'YAML tag `!!python/object/apply:os.system` is not accepted; write a plain value '
              'without `!`.'),
         ]),
    Case("J112-local-tag",
         lambda k: k.replace(SESSION, "platform: Zoom", "platform: !rahasia Zoom"), [
             (SESSION, 6, 11, 'error', 'J112', '',
              'Tag YAML `!rahasia` tidak diterima; tulis nilai biasa tanpa `!`.',
              'YAML tag `!rahasia` is not accepted; write a plain value without `!`.'),
         ]),
    Case("J113-bad-record-file-name",
         lambda k: k.path(BUDI).rename(k.path("content/people/Budi_Santoso.md")), [
             (GROUP, 14, 13, 'error', 'J301', 'members[1].person',
              'Orang `budi-santoso` di `members[1].person` tidak punya rekaman '
              '`content/people/budi-santoso.md`.',
              'Person `budi-santoso` in `members[1].person` has no record '
              '`content/people/budi-santoso.md`.'),
             (PAPER, 4, 24, 'error', 'J301', 'authors[1]',
              'Orang `budi-santoso` di `authors[1]` tidak punya rekaman '
              '`content/people/budi-santoso.md`.',
              'Person `budi-santoso` in `authors[1]` has no record '
              '`content/people/budi-santoso.md`.'),
             (SESSION, 12, 16, 'error', 'J301', 'roles.presenters[0]',
              'Orang `budi-santoso` di `roles.presenters[0]` tidak punya rekaman '
              '`content/people/budi-santoso.md`.',
              'Person `budi-santoso` in `roles.presenters[0]` has no record '
              '`content/people/budi-santoso.md`.'),
             (SESSION, 13, 26, 'error', 'J301', 'attendees[1]',
              'Orang `budi-santoso` di `attendees[1]` tidak punya rekaman '
              '`content/people/budi-santoso.md`.',
              'Person `budi-santoso` in `attendees[1]` has no record '
              '`content/people/budi-santoso.md`.'),
             ('content/people/Budi_Santoso.md', 1, 1, 'error', 'J113', '',
              'Nama berkas `Budi_Santoso` tidak sah: gunakan huruf kecil a-z, angka dan tanda '
              'hubung saja, misalnya `budi-santoso`.',
              'File name `Budi_Santoso` is not valid: use lowercase a-z, digits and hyphens '
              'only, e.g. `budi-santoso`.'),
             ('published-ids.txt', 7, 1, 'error', 'J305', '',
              'Id `people/budi-santoso` sudah terbit (published-ids.txt) tetapi rekamannya '
              'hilang. Id bersifat permanen: kembalikan rekamannya, tandai `withdrawn: alasan`, '
              'atau sebut id lama di `moved_from` rekaman barunya.',
              'Id `people/budi-santoso` was published (published-ids.txt) but its record is '
              'gone. Ids are permanent: restore the record, mark it `withdrawn: reason`, or '
              'name the old id in `moved_from` of its new record.'),
         ]),
    Case("J113-bad-group-folder-name",
         lambda k: k.write("content/groups/KKG Baru/index.md", k.read(GROUP)), [
             ('content/groups/KKG Baru/index.md', 1, 1, 'error', 'J113', '',
              'Nama berkas `KKG Baru` tidak sah: gunakan huruf kecil a-z, angka dan tanda '
              'hubung saja, misalnya `kkg-baru`.',
              'File name `KKG Baru` is not valid: use lowercase a-z, digits and hyphens only, '
              'e.g. `kkg-baru`.'),
         ]),
    Case("J114-number-as-key",
         lambda k: k.replace(SESSION, "hours: 4", "hours: 4\n2025: rapat akhir tahun"), [
             (SESSION, 10, 1, 'error', 'J114', '',
              'Kunci isian harus berupa teks, bukan nilai tunggal `2025`.',
              'A field name must be text, not a single value `2025`.'),
         ]),
    # ---- J2: fields and schema -------------------------------------------------------
    Case("J201-unknown-field-did-you-mean",
         lambda k: k.replace(SESSION, "title:", "titel:"), [
             (SESSION, 1, 1, 'error', 'J202', 'title',
              'Isian wajib `title` belum diisi (kegiatan).',
              'Required field `title` is missing (session).'),
             (SESSION, 2, 1, 'error', 'J201', 'titel',
              'Isian `titel` tidak dikenal untuk kegiatan. Mungkin maksudnya `title`? Isian '
              'yang diterima: title, date, end, format, delivery, platform, package, '
              'competencies, hours, roles, attendees, participants, stages, materials, '
              'recording, flyer, draft, moved_from, withdrawn.',
              'Unknown field `titel` for session. Did you mean `title`? Accepted fields: title, '
              'date, end, format, delivery, platform, package, competencies, hours, roles, '
              'attendees, participants, stages, materials, recording, flyer, draft, moved_from, '
              'withdrawn.'),
         ]),
    Case("J201-unknown-nested-field",
         lambda k: k.replace(GROUP, "  regency:", "  kabupaten:"), [
             (GROUP, 6, 1, 'error', 'J202', 'region.regency',
              'Isian wajib `region.regency` belum diisi (wilayah).',
              'Required field `region.regency` is missing (region).'),
             (GROUP, 8, 3, 'error', 'J201', 'region.kabupaten',
              'Isian `region.kabupaten` tidak dikenal untuk wilayah. Isian yang diterima: '
              'province, regency, code.',
              'Unknown field `region.kabupaten` for region. Accepted fields: province, regency, '
              'code.'),
         ]),
    Case("J202-missing-required-field",
         lambda k: k.replace(SESSION, "hours: 4\n", ""), [
             (SESSION, 1, 1, 'error', 'J202', 'hours',
              'Isian wajib `hours` belum diisi (kegiatan).',
              'Required field `hours` is missing (session).'),
         ]),
    Case("J202-missing-nested-field",
         lambda k: k.replace(GROUP, "    role: Anggota\n", ""), [
             (GROUP, 14, 5, 'error', 'J202', 'members[1].role',
              'Isian wajib `members[1].role` belum diisi (anggota).',
              'Required field `members[1].role` is missing (member).'),
         ]),
    Case("J203-wrong-type-text-for-number",
         lambda k: k.replace(SESSION, "hours: 4", "hours: empat"), [
             (SESSION, 9, 8, 'error', 'J203', 'hours',
              'Isian `hours` harus berupa angka (misalnya 2 atau 1.5), bukan teks `empat`.',
              'Field `hours` must be a number (e.g. 2 or 1.5), not text `empat`.'),
         ]),
    Case("J203-yes-is-not-a-boolean",
         lambda k: k.replace(PRODUCT, "shows_students: false", "shows_students: yes"), [
             (PRODUCT, 12, 17, 'error', 'J203', 'shows_students',
              'Isian `shows_students` harus berupa `true` atau `false`, bukan teks `yes`.',
              'Field `shows_students` must be `true` or `false`, not text `yes`.'),
         ]),
    Case("J203-list-expected",
         lambda k: k.replace(SESSION, "competencies: [pedagogik, profesional]",
                             "competencies: pedagogik"), [
             (SESSION, 8, 15, 'error', 'J203', 'competencies',
              'Isian `competencies` harus berupa daftar (salah satu dari: pedagogik, '
              'kepribadian, sosial, profesional), bukan teks `pedagogik`.',
              'Field `competencies` must be a list (one of: pedagogik, kepribadian, sosial, '
              'profesional), not text `pedagogik`.'),
         ]),
    Case("J203-zero-led-number-stays-text",
         lambda k: k.replace(SESSION, "participants: 25", "participants: 025"), [
             (SESSION, 14, 15, 'error', 'J203', 'participants',
              'Isian `participants` harus berupa bilangan bulat, bukan teks `025`.',
              'Field `participants` must be a whole number, not text `025`.'),
         ]),
    Case("J204-unknown-vocabulary-value",
         lambda k: k.replace(SESSION, "format: webinar", "format: webinarr"), [
             (SESSION, 4, 9, 'error', 'J204', 'format',
              'Nilai `webinarr` tidak dikenal untuk `format`. Mungkin maksudnya `webinar`? '
              'Nilai yang diterima: webinar, e-learning, blended, tatap-muka.',
              'Unknown value `webinarr` for `format`. Did you mean `webinar`? Accepted values: '
              'webinar, e-learning, blended, tatap-muka.'),
         ]),
    Case("J204-unknown-vocabulary-in-list",
         lambda k: k.replace(SESSION, "[pedagogik, profesional]", "[pedagogik, profesinal]"), [
             (SESSION, 8, 27, 'error', 'J204', 'competencies[1]',
              'Nilai `profesinal` tidak dikenal untuk `competencies[1]`. Mungkin maksudnya '
              '`profesional`? Nilai yang diterima: pedagogik, kepribadian, sosial, profesional.',
              'Unknown value `profesinal` for `competencies[1]`. Did you mean `profesional`? '
              'Accepted values: pedagogik, kepribadian, sosial, profesional.'),
         ]),
    Case("J205-impossible-date",
         lambda k: k.replace(SESSION, "date: 2025-03-14", "date: 2024-02-30"), [
             (SESSION, 3, 7, 'error', 'J205', 'date',
              'Tanggal `2024-02-30` di `date` tidak sah: tulis tanggal yang ada dalam bentuk '
              'TTTT-BB-HH, misalnya 2025-03-14.',
              'Date `2024-02-30` in `date` is not valid: write a real date as YYYY-MM-DD, e.g. '
              '2025-03-14.'),
         ]),
    Case("J205-date-in-another-shape",
         lambda k: k.replace(SESSION, "date: 2025-03-14", "date: 14-03-2025"), [
             (SESSION, 3, 7, 'error', 'J205', 'date',
              'Tanggal `14-03-2025` di `date` tidak sah: tulis tanggal yang ada dalam bentuk '
              'TTTT-BB-HH, misalnya 2025-03-14.',
              'Date `14-03-2025` in `date` is not valid: write a real date as YYYY-MM-DD, e.g. '
              '2025-03-14.'),
         ]),
    Case("J206-end-before-date",
         lambda k: k.replace(SESSION, "date: 2025-03-14", "date: 2025-03-14\nend: 2025-03-12"), [
             (SESSION, 4, 6, 'error', 'J206', 'end',
              '`end` (2025-03-12) tidak boleh lebih awal dari `date` (2025-03-14).',
              '`end` (2025-03-12) may not be earlier than `date` (2025-03-14).'),
         ]),
    Case("J207-not-an-spdx-license",
         lambda k: k.replace(PAPER, "license: CC-BY-4.0", "license: CC-BY-4"), [
             (PAPER, 10, 10, 'error', 'J207', 'license',
              'Lisensi `CC-BY-4` bukan id SPDX yang dikenal. Mungkin maksudnya `CC-BY-4.0`? '
              'Contoh: CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0.',
              'License `CC-BY-4` is not a known SPDX id. Did you mean `CC-BY-4.0`? Examples: '
              'CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0.'),
         ]),
    Case("J207-license-exception-is-no-license",
         lambda k: k.replace(PAPER, "license: CC-BY-4.0", "license: Classpath-exception-2.0"), [
             (PAPER, 10, 10, 'error', 'J207', 'license',
              'Lisensi `Classpath-exception-2.0` bukan id SPDX yang dikenal. Contoh: CC-BY-4.0, '
              'CC-BY-SA-4.0, CC0-1.0.',
              'License `Classpath-exception-2.0` is not a known SPDX id. Examples: CC-BY-4.0, '
              'CC-BY-SA-4.0, CC0-1.0.'),
         ]),
    Case("J208-orcid-checksum",
         lambda k: k.replace(BUDI, "0000-0002-1825-0097", "0000-0002-1825-0098"), [
             (BUDI, 5, 8, 'error', 'J208', 'orcid',
              'ORCID `0000-0002-1825-0098` tidak sah: bentuknya 0000-0000-0000-000X dan angka '
              'terakhirnya harus cocok dengan angka pemeriksa.',
              'ORCID `0000-0002-1825-0098` is not valid: it reads 0000-0000-0000-000X and its '
              'last digit must match the checksum.'),
         ]),
    Case("J209-http-url",
         lambda k: k.replace(SITI, "consent: true",
                             "consent: true\nlinks:\n  blog: http://siti.example.id"), [
             (SITI, 7, 9, 'error', 'J209', 'links.blog',
              'Alamat `http://siti.example.id` di `links.blog` harus berupa URL lengkap yang '
              'diawali `https://`.',
              'Address `http://siti.example.id` in `links.blog` must be a full URL starting '
              'with `https://`.'),
         ]),
    Case("J210-plan-year-not-file-name",
         lambda k: k.replace(PLAN, "year: 2025", "year: 2024"), [
             (PLAN, 2, 7, 'error', 'J210', 'year',
              '`year` (2024) harus sama dengan nama berkas rencana (2025).',
              "`year` (2024) must equal the plan's file name (2025)."),
         ]),
    Case("J211-package-twice",
         lambda k: k.replace(PLAN, "{package: penilaian,", "{package: media,"), [
             (PLAN, 7, 15, 'error', 'J211', 'packages',
              'Rencana harus memuat empat paket kerja, masing-masing sekali (perangkat, metode, '
              'media, penilaian); berulang: media.',
              'A plan must hold the four work packages, each once (perangkat, metode, media, '
              'penilaian); repeated: media.'),
         ]),
    Case("J211-package-missing",
         lambda k: k.replace(PLAN, "  - {package: penilaian, quarter: 4, "
                             "theme: Asesmen formatif}\n", ""), [
             (PLAN, 3, 1, 'error', 'J211', 'packages',
              'Rencana harus memuat empat paket kerja, masing-masing sekali (perangkat, metode, '
              'media, penilaian); belum ada: penilaian.',
              'A plan must hold the four work packages, each once (perangkat, metode, media, '
              'penilaian); missing: penilaian.'),
         ]),
    Case("J212-participants-fewer-than-attendees",
         lambda k: k.replace(SESSION, "participants: 25", "participants: 1"), [
             (SESSION, 14, 15, 'error', 'J212', 'participants',
              '`participants` (1) tidak boleh kurang dari jumlah `attendees` (2).',
              '`participants` (1) may not be fewer than the number of `attendees` (2).'),
         ]),
    Case("J213-e-learning-without-stages",
         lambda k: k.replace(SESSION, "format: webinar", "format: e-learning"), [
             (SESSION, 4, 9, 'error', 'J213', 'format',
              'Kegiatan e-learning memerlukan `stages`: daftar tahap {title, start, end}.',
              'An e-learning session needs `stages`: a list of {title, start, end}.'),
         ]),
    Case("J214-mgmp-without-subject",
         lambda k: k.replace(GROUP, "kind: KKG", "kind: MGMP"), [
             (GROUP, 3, 7, 'error', 'J214', 'kind',
              'Kelompok MGMP memerlukan isian `subject` (mata pelajaran).',
              'A MGMP group needs a `subject` field.'),
         ]),
    Case("J215-out-of-range",
         lambda k: k.replace(PLAN, "quarter: 4,", "quarter: 5,"), [
             (PLAN, 7, 35, 'error', 'J215', 'packages[3].quarter',
              'Nilai `5` di `packages[3].quarter` di luar rentang 1–4.',
              'Value `5` in `packages[3].quarter` is outside the range 1–4.'),
         ]),
    Case("J216-region-code-unquoted",
         lambda k: k.replace(GROUP, 'code: "73.72"', "code: 73.72"), [
             (GROUP, 9, 9, 'error', 'J216', 'region.code',
              'Kode wilayah `73.72` tidak sah: tulis kode Kemendagri "NN.NN" dalam tanda kutip, '
              'misalnya "73.72".',
              'Region code `73.72` is not valid: write the Kemendagri code "NN.NN" in quotes, '
              'e.g. "73.72".'),
         ]),
    Case("J217-empty-text",
         lambda k: k.replace(SITI, "institution: MI Contoh Parepare", 'institution: " "'), [
             (SITI, 4, 14, 'error', 'J217', 'institution',
              'Teks `institution` kosong; isi atau hapus isiannya.',
              'Text `institution` is empty; fill it in or remove the field.'),
         ]),
    Case("J218-withdrawn-keeps-files",
         lambda k: k.replace(PRODUCT, "shows_students: false",
                             "shows_students: false\nwithdrawn: Diganti versi baru."), [
             (PRODUCT, 8, 1, 'error', 'J218', 'files',
              'Rekaman yang ditarik (`withdrawn`) tidak boleh lagi memuat berkas: hapus `files`.',
              'A withdrawn record may not keep files: remove `files`.'),
         ]),
    Case("J219-file-and-url",
         lambda k: k.replace(PRODUCT, "    alt:", "    url: https://drive.example.id/poster\n"
                             "    alt:"), [
             (PRODUCT, 9, 5, 'error', 'J219', 'files[0]',
              'Isian `files[0]` memerlukan salah satu dari file, url, tidak keduanya dan tidak '
              'kosong.',
              'Field `files[0]` needs exactly one of file, url.'),
         ]),
    Case("J220-repeated-list-value",
         lambda k: k.replace(SESSION, "[pedagogik, profesional]", "[pedagogik, pedagogik]"), [
             (SESSION, 8, 27, 'error', 'J220', 'competencies',
              'Daftar `competencies` menyebut `pedagogik` lebih dari sekali.',
              'List `competencies` names `pedagogik` more than once.'),
         ]),
    # ---- J3: references and ids ---------------------------------------------------------
    Case("J301-dangling-person",
         lambda k: k.replace(PRODUCT, "authors: [siti-aminah]", "authors: [siti-aminh]"), [
             (PRODUCT, 4, 11, 'error', 'J301', 'authors[0]',
              'Orang `siti-aminh` di `authors[0]` tidak punya rekaman '
              '`content/people/siti-aminh.md`. Mungkin maksudnya `siti-aminah`?',
              'Person `siti-aminh` in `authors[0]` has no record '
              '`content/people/siti-aminh.md`. Did you mean `siti-aminah`?'),
         ]),
    Case("J301-member-without-record",
         lambda k: k.replace(GROUP, "  - person: budi-santoso", "  - person: andi-wijaya"), [
             (GROUP, 14, 13, 'error', 'J301', 'members[1].person',
              'Orang `andi-wijaya` di `members[1].person` tidak punya rekaman '
              '`content/people/andi-wijaya.md`.',
              'Person `andi-wijaya` in `members[1].person` has no record '
              '`content/people/andi-wijaya.md`.'),
         ]),
    Case("J302-dangling-session",
         lambda k: k.replace(PRODUCT, "session: webinar-pecahan", "session: webinar-pecahn"), [
             (PRODUCT, 11, 10, 'error', 'J302', 'session',
              'Kegiatan `webinar-pecahn` di `session` tidak ada di kelompok ini '
              '(`sessions/webinar-pecahn.md`). Mungkin maksudnya `webinar-pecahan`?',
              'Session `webinar-pecahn` in `session` does not exist in this group '
              '(`sessions/webinar-pecahn.md`). Did you mean `webinar-pecahan`?'),
         ]),
    Case("J303-dangling-record-id",
         lambda k: k.replace(SITI, "consent: true", "consent: true\nawards:\n"
                             "  - title: Guru Inovatif\n    year: 2025\n    level: kota\n"
                             "    works: [groups/kkg-contoh/products/poster-pecahan-senilai]"), [
             (SITI, 10, 13, 'error', 'J303', 'awards[0].works[0]',
              'Id rekaman `groups/kkg-contoh/products/poster-pecahan-senilai` di '
              '`awards[0].works[0]` tidak ditemukan. Mungkin maksudnya '
              '`groups/kkg-contoh/products/poster-pecahan`?',
              'Record id `groups/kkg-contoh/products/poster-pecahan-senilai` in '
              '`awards[0].works[0]` was not found. Did you mean '
              '`groups/kkg-contoh/products/poster-pecahan`?'),
         ]),
    Case("J304-two-records-claim-one-old-id",
         lambda k: (k.replace(PRODUCT, "shows_students: false", "shows_students: false\n"
                              "moved_from: [groups/kkg-contoh/products/poster-lama]"),
                    k.replace(PAPER, "license: CC-BY-4.0", "license: CC-BY-4.0\n"
                              "moved_from: [groups/kkg-contoh/products/poster-lama]")), [
             (PRODUCT, 13, 14, 'error', 'J304', 'moved_from',
              'Alamat /kelompok/kkg-contoh/karya/poster-lama/ dipakai juga oleh '
              'content/groups/kkg-contoh/papers/ptk-pecahan.md; dua rekaman tidak boleh berbagi '
              'alamat.',
              'URL /kelompok/kkg-contoh/karya/poster-lama/ is also used by '
              'content/groups/kkg-contoh/papers/ptk-pecahan.md; two records may not share a '
              'URL.'),
         ]),
    Case("J305-published-record-removed",
         lambda k: k.remove(PAPER), [
             ('published-ids.txt', 3, 1, 'error', 'J305', '',
              'Id `groups/kkg-contoh/papers/ptk-pecahan` sudah terbit (published-ids.txt) '
              'tetapi rekamannya hilang. Id bersifat permanen: kembalikan rekamannya, tandai '
              '`withdrawn: alasan`, atau sebut id lama di `moved_from` rekaman barunya.',
              'Id `groups/kkg-contoh/papers/ptk-pecahan` was published (published-ids.txt) but '
              'its record is gone. Ids are permanent: restore the record, mark it `withdrawn: '
              'reason`, or name the old id in `moved_from` of its new record.'),
         ]),
    Case("J306-moved-from-names-a-live-record",
         lambda k: k.replace(PAPER, "license: CC-BY-4.0", "license: CC-BY-4.0\n"
                             "moved_from: [groups/kkg-contoh/products/poster-pecahan]"), [
             (PAPER, 11, 14, 'error', 'J306', 'moved_from',
              '`moved_from` menyebut `groups/kkg-contoh/products/poster-pecahan`, tetapi id itu '
              'masih dipakai oleh rekaman lain.',
              '`moved_from` names `groups/kkg-contoh/products/poster-pecahan`, but that id is '
              'still used by another record.'),
         ]),
    Case("J307-reference-to-draft",
         lambda k: (k.write("published-ids.txt", k.read("published-ids.txt").replace(
             "groups/kkg-contoh/sessions/webinar-pecahan\n", "")),
                    k.replace(SESSION, "hours: 4", "hours: 4\ndraft: true")), [
             (PRODUCT, 11, 10, 'error', 'J307', 'session',
              'Rekaman ini merujuk `groups/kkg-contoh/sessions/webinar-pecahan`, yang berstatus '
              'draf atau ditarik dan tidak terbit.',
              'This record refers to `groups/kkg-contoh/sessions/webinar-pecahan`, which is a '
              'draft or withdrawn and is not published.'),
         ]),
    Case("J308-published-record-made-draft",
         lambda k: k.replace(PAPER, "type: ptk", "type: ptk\ndraft: true"), [
             (PAPER, 6, 1, 'warning', 'J308', 'draft',
              'Rekaman draf `groups/kkg-contoh/papers/ptk-pecahan` sudah pernah terbit; '
              'menjadikannya draf akan memutus tautannya.',
              'Draft record `groups/kkg-contoh/papers/ptk-pecahan` was published before; '
              'turning it into a draft breaks its links.'),
         ]),
    Case("J309-registry-line-not-an-id",
         lambda k: k.write("published-ids.txt", k.read("published-ids.txt")
                           + "https://kkg.example.id/kelompok/kkg-contoh/\n"), [
             ('published-ids.txt', 9, 1, 'error', 'J309', '',
              'Berkas `published-ids.txt` baris ini bukan id rekaman yang sah: '
              '`https://kkg.example.id/kelompok/kkg-contoh/`.',
              'This line of `published-ids.txt` is not a valid record id: '
              '`https://kkg.example.id/kelompok/kkg-contoh/`.'),
         ]),
    Case("J310-record-in-a-group-without-group-record",
         lambda k: k.write("content/groups/kkg-hilang/papers/catatan.md",
                           k.read(PAPER).replace("authors:", "authors:", 1)), [
             ('content/groups/kkg-hilang/papers/catatan.md', 1, 1, 'error', 'J310', '',
              'Kelompok `kkg-hilang` belum punya rekaman `content/groups/kkg-hilang/index.md`; '
              'setiap kegiatan, karya, publikasi dan rencana harus berada di kelompok yang '
              'tercatat.',
              'Group `kkg-hilang` has no record `content/groups/kkg-hilang/index.md`; every '
              'session, product, paper and plan must belong to a recorded group.'),
         ]),
    # ---- J4: archived files -------------------------------------------------------------
    Case("J401-missing-file",
         lambda k: k.remove(POSTER), [
             (PRODUCT, 9, 11, 'error', 'J401', 'files[0].file',
              'Berkas `poster.png` tidak ada di '
              '`archive/groups/kkg-contoh/products/poster-pecahan/`.',
              'File `poster.png` does not exist in '
              '`archive/groups/kkg-contoh/products/poster-pecahan/`.'),
         ]),
    Case("J401-misspelt-file-did-you-mean",
         lambda k: k.replace(PRODUCT, "file: poster.png", "file: Poster.png"), [
             (POSTER, 1, 1, 'warning', 'J415', '',
              'Berkas `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` ada di '
              'arsip tetapi tidak disebut oleh rekaman mana pun.',
              'File `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` is in the '
              'archive but no record names it.'),
             (PRODUCT, 9, 11, 'error', 'J401', 'files[0].file',
              'Berkas `Poster.png` tidak ada di '
              '`archive/groups/kkg-contoh/products/poster-pecahan/`. Mungkin maksudnya '
              '`poster.png`?',
              'File `Poster.png` does not exist in '
              '`archive/groups/kkg-contoh/products/poster-pecahan/`. Did you mean `poster.png`?'),
         ]),
    Case("J402-absolute-path",
         lambda k: k.replace(PRODUCT, "file: poster.png", "file: /home/siti/poster.png"), [
             (POSTER, 1, 1, 'warning', 'J415', '',
              'Berkas `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` ada di '
              'arsip tetapi tidak disebut oleh rekaman mana pun.',
              'File `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` is in the '
              'archive but no record names it.'),
             (PRODUCT, 9, 11, 'error', 'J402', 'files[0].file',
              'Jalur berkas `/home/siti/poster.png` tidak boleh absolut; tulis jalur relatif '
              'terhadap `archive/groups/kkg-contoh/products/poster-pecahan/`.',
              'File path `/home/siti/poster.png` may not be absolute; write it relative to '
              '`archive/groups/kkg-contoh/products/poster-pecahan/`.'),
         ]),
    Case("J402-windows-drive",
         lambda k: k.replace(PRODUCT, "file: poster.png", 'file: "C:/Users/siti/poster.png"'), [
             (POSTER, 1, 1, 'warning', 'J415', '',
              'Berkas `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` ada di '
              'arsip tetapi tidak disebut oleh rekaman mana pun.',
              'File `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` is in the '
              'archive but no record names it.'),
             (PRODUCT, 9, 11, 'error', 'J402', 'files[0].file',
              'Jalur berkas `C:/Users/siti/poster.png` tidak boleh absolut; tulis jalur relatif '
              'terhadap `archive/groups/kkg-contoh/products/poster-pecahan/`.',
              'File path `C:/Users/siti/poster.png` may not be absolute; write it relative to '
              '`archive/groups/kkg-contoh/products/poster-pecahan/`.'),
         ]),
    Case("J403-dot-dot",
         lambda k: k.replace(PRODUCT, "file: poster.png", "file: ../../../../../mkdocs.yml"), [
             (POSTER, 1, 1, 'warning', 'J415', '',
              'Berkas `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` ada di '
              'arsip tetapi tidak disebut oleh rekaman mana pun.',
              'File `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` is in the '
              'archive but no record names it.'),
             (PRODUCT, 9, 11, 'error', 'J403', 'files[0].file',
              'Jalur berkas `../../../../../mkdocs.yml` keluar dari folder rekamannya (`..`); '
              'berkas harus berada di `archive/groups/kkg-contoh/products/poster-pecahan/`.',
              "File path `../../../../../mkdocs.yml` leaves its record's folder (`..`); files "
              'must be in `archive/groups/kkg-contoh/products/poster-pecahan/`.'),
         ]),
    Case("J404-backslash",
         lambda k: k.replace(PRODUCT, "file: poster.png", 'file: "gambar\\\\poster.png"'), [
             (POSTER, 1, 1, 'warning', 'J415', '',
              'Berkas `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` ada di '
              'arsip tetapi tidak disebut oleh rekaman mana pun.',
              'File `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` is in the '
              'archive but no record names it.'),
             (PRODUCT, 9, 11, 'error', 'J404', 'files[0].file',
              'Jalur berkas `gambar\\poster.png` memakai garis miring terbalik atau karakter '
              'terlarang; gunakan `/`.',
              'File path `gambar\\poster.png` uses backslashes or forbidden characters; use `/`.'),
         ]),
    Case("J405-url-where-file-expected",
         lambda k: k.replace(PRODUCT, "file: poster.png",
                             "file: https://drive.example.id/poster.png"), [
             (POSTER, 1, 1, 'warning', 'J415', '',
              'Berkas `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` ada di '
              'arsip tetapi tidak disebut oleh rekaman mana pun.',
              'File `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` is in the '
              'archive but no record names it.'),
             (PRODUCT, 9, 11, 'error', 'J405', 'files[0].file',
              '`files[0].file` mengharapkan berkas di arsip, bukan alamat web '
              '`https://drive.example.id/poster.png`.',
              '`files[0].file` expects a file in the archive, not a web address '
              '`https://drive.example.id/poster.png`.'),
         ]),
    Case("J406-symlinked-file", _symlinked_file, [
             ('archive/bersama/poster-asli.png', 1, 1, 'warning', 'J415', '',
              'Berkas `archive/bersama/poster-asli.png` ada di arsip tetapi tidak disebut oleh '
              'rekaman mana pun.',
              'File `archive/bersama/poster-asli.png` is in the archive but no record names it.'),
             (POSTER, 1, 1, 'error', 'J406', '',
              '`archive/groups/kkg-contoh/products/poster-pecahan/poster.png` adalah tautan '
              'simbolik (symlink); Jejak tidak mengikuti symlink. Salin berkasnya ke arsip.',
              '`archive/groups/kkg-contoh/products/poster-pecahan/poster.png` is a symbolic '
              'link; Jejak never follows symlinks. Copy the file into the archive.'),
             (PRODUCT, 9, 11, 'error', 'J406', 'files[0].file',
              '`archive/groups/kkg-contoh/products/poster-pecahan/poster.png` adalah tautan '
              'simbolik (symlink); Jejak tidak mengikuti symlink. Salin berkasnya ke arsip.',
              '`archive/groups/kkg-contoh/products/poster-pecahan/poster.png` is a symbolic '
              'link; Jejak never follows symlinks. Copy the file into the archive.'),
         ]),
    Case("J406-symlinked-folder", _symlinked_folder, [
             ('archive/bersama/poster.png', 1, 1, 'warning', 'J415', '',
              'Berkas `archive/bersama/poster.png` ada di arsip tetapi tidak disebut oleh '
              'rekaman mana pun.',
              'File `archive/bersama/poster.png` is in the archive but no record names it.'),
             ('archive/groups/kkg-contoh/products/poster-pecahan', 1, 1, 'error', 'J406', '',
              '`archive/groups/kkg-contoh/products/poster-pecahan` adalah tautan simbolik '
              '(symlink); Jejak tidak mengikuti symlink. Salin berkasnya ke arsip.',
              '`archive/groups/kkg-contoh/products/poster-pecahan` is a symbolic link; Jejak '
              'never follows symlinks. Copy the file into the archive.'),
             (PRODUCT, 9, 11, 'error', 'J406', 'files[0].file',
              '`archive/groups/kkg-contoh/products/poster-pecahan` adalah tautan simbolik '
              '(symlink); Jejak tidak mengikuti symlink. Salin berkasnya ke arsip.',
              '`archive/groups/kkg-contoh/products/poster-pecahan` is a symbolic link; Jejak '
              'never follows symlinks. Copy the file into the archive.'),
         ]),
    Case("J406-symlinked-record", _symlinked_record, [
             (BUDI, 1, 1, 'error', 'J406', '',
              '`content/people/budi-santoso.md` adalah tautan simbolik (symlink); Jejak tidak '
              'mengikuti symlink. Salin berkasnya ke arsip.',
              '`content/people/budi-santoso.md` is a symbolic link; Jejak never follows '
              'symlinks. Copy the file into the archive.'),
         ]),
    Case("J407-png-named-jpg",
         lambda k: _product_file(k, "poster.jpg", png_bytes()), [
             (PRODUCT, 9, 11, 'error', 'J407', 'files[0].file',
              'Isi berkas `poster.jpg` bukan gambar JPEG/PNG/WebP/GIF seperti kata ekstensinya '
              '(isinya PNG).',
              'The content of `poster.jpg` is not a JPEG/PNG/WebP/GIF image as its extension '
              'says (it holds PNG).'),
         ]),
    Case("J407-text-named-png",
         lambda k: _product_file(k, "poster.png", "bukan gambar\n"), [
             (PRODUCT, 9, 11, 'error', 'J407', 'files[0].file',
              'Isi berkas `poster.png` bukan gambar JPEG/PNG/WebP/GIF seperti kata ekstensinya '
              '(jenis tidak dikenal).',
              'The content of `poster.png` is not a JPEG/PNG/WebP/GIF image as its extension '
              'says (unknown type).'),
         ]),
    Case("J407-text-named-pdf",
         lambda k: _paper_pdf(k, b"Ini catatan, bukan PDF.\n"), [
             (PAPER, 11, 7, 'error', 'J407', 'file',
              'Isi berkas `ptk.pdf` bukan PDF seperti kata ekstensinya (jenis tidak dikenal).',
              'The content of `ptk.pdf` is not a PDF as its extension says (unknown type).'),
         ]),
    Case("J408-wrong-extension-family",
         lambda k: _product_file(k, "poster.txt", "catatan\n"), [
             (PRODUCT, 9, 11, 'error', 'J408', 'files[0].file',
              'Jenis berkas `.txt` tidak diterima di `files[0].file`. Yang diterima: .docx, '
              '.gif, .jpeg, .jpg, .m4a, .m4v, .mp3, .mp4, .odp, .ods, .odt, .oga, .ogg, .opus, '
              '.pdf, .png, .pptx, .wav, .webm, .webp, .xlsx.',
              'File type `.txt` is not accepted in `files[0].file`. Accepted: .docx, .gif, '
              '.jpeg, .jpg, .m4a, .m4v, .mp3, .mp4, .odp, .ods, .odt, .oga, .ogg, .opus, .pdf, '
              '.png, .pptx, .wav, .webm, .webp, .xlsx.'),
         ]),
    Case("J409-file-over-configured-limit",
         lambda k: (k.configure(max_file_mb={"image": 0.001}),  # 1000 bytes
                    k.write(POSTER, png_bytes((32, 32), compress_level=0))), [
             (PRODUCT, 9, 11, 'error', 'J409', 'files[0].file',
              'Berkas `poster.png` terlalu besar: 3.17 KB (batas 1 KB untuk gambar '
              'JPEG/PNG/WebP/GIF). Video sebaiknya diunggah ke YouTube lalu ditautkan.',
              'File `poster.png` is too large: 3.17 KB (limit 1 KB for a JPEG/PNG/WebP/GIF '
              'image). Videos are best uploaded to YouTube and linked.'),
         ]),
    Case("J410-too-many-pixels",
         lambda k: (k.configure(max_pixels=1000), k.write(POSTER, png_bytes((40, 40)))), [
             (PRODUCT, 9, 11, 'error', 'J410', 'files[0].file',
              'Gambar `poster.png` terlalu besar: 1.600 piksel (batas 1.000, semua bingkai '
              'animasi dihitung).',
              'Image `poster.png` is too large: 1,600 pixels (limit 1,000, every animation '
              'frame counted).'),
         ]),
    Case("J410-every-gif-frame-counted",
         lambda k: (k.configure(max_pixels=1000),
                    _product_file(k, "animasi.gif", png_bytes((20, 20), "GIF", frames=3))), [
             (PRODUCT, 9, 11, 'error', 'J410', 'files[0].file',
              'Gambar `animasi.gif` terlalu besar: 1.200 piksel (batas 1.000, semua bingkai '
              'animasi dihitung).',
              'Image `animasi.gif` is too large: 1,200 pixels (limit 1,000, every animation '
              'frame counted).'),
         ]),
    Case("J410-decompression-bomb",
         lambda k: k.write(POSTER, _png_header_only(30_000, 30_000)), [
             (PRODUCT, 9, 11, 'error', 'J410', 'files[0].file',
              'Gambar `poster.png` terlalu besar: 900.000.000 piksel (batas 50.000.000, semua '
              'bingkai animasi dihitung).',
              'Image `poster.png` is too large: 900,000,000 pixels (limit 50,000,000, every '
              'animation frame counted).'),
         ]),
    Case("J411-truncated-image",
         lambda k: k.write(POSTER, png_bytes((64, 64))[:80]), [
             (PRODUCT, 9, 11, 'error', 'J411', 'files[0].file',
              'Gambar `poster.png` rusak atau terpotong: berkasnya berhenti sebelum gambarnya '
              'selesai.',
              'Image `poster.png` is damaged or truncated: the file stops before the image ends.'),
         ]),
    Case("J412-svg-refused",
         lambda k: _product_file(k, "poster.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>'), [
             (PRODUCT, 9, 11, 'error', 'J412', 'files[0].file',
              'Berkas SVG `poster.svg` tidak diterima (bisa memuat skrip); simpan sebagai PNG.',
              'SVG file `poster.svg` is not accepted (it can carry scripts); save it as PNG.'),
         ]),
    Case("J412-svg-named-png",
         lambda k: _product_file(k, "poster.png", '<svg xmlns="http://www.w3.org/2000/svg"/>'), [
             (PRODUCT, 9, 11, 'error', 'J412', 'files[0].file',
              'Berkas SVG `poster.png` tidak diterima (bisa memuat skrip); simpan sebagai PNG.',
              'SVG file `poster.png` is not accepted (it can carry scripts); save it as PNG.'),
         ]),
    Case("J413-pdf-with-javascript",
         lambda k: _paper_pdf(k, _pdf(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>")), [
             (PAPER, 11, 7, 'error', 'J413', 'file',
              'PDF `ptk.pdf` memuat JavaScript; simpan ulang sebagai PDF biasa (Cetak → Simpan '
              'sebagai PDF).',
              'PDF `ptk.pdf` carries JavaScript; save it again as a plain PDF (Print → Save as '
              'PDF).'),
         ]),
    Case("J413-pdf-with-embedded-file",
         lambda k: _paper_pdf(k, _pdf(b"/Names << /EmbeddedFiles 2 0 R >>")), [
             (PAPER, 11, 7, 'error', 'J413', 'file',
              'PDF `ptk.pdf` memuat berkas tersemat; simpan ulang sebagai PDF biasa (Cetak → '
              'Simpan sebagai PDF).',
              'PDF `ptk.pdf` carries embedded files; save it again as a plain PDF (Print → Save '
              'as PDF).'),
         ]),
    Case("J413-pdf-hex-escaped-name",
         lambda k: _paper_pdf(k, _pdf(b"/Names << /J#61vaScript 2 0 R >>")), [
             (PAPER, 11, 7, 'error', 'J413', 'file',
              'PDF `ptk.pdf` memuat JavaScript; simpan ulang sebagai PDF biasa (Cetak → Simpan '
              'sebagai PDF).',
              'PDF `ptk.pdf` carries JavaScript; save it again as a plain PDF (Print → Save as '
              'PDF).'),
         ]),
    Case("J413-pdf-javascript-in-object-stream",
         lambda k: _paper_pdf(k, _pdf(b"/Names << /JavaScript 2 0 R >>", compressed=True)), [
             (PAPER, 11, 7, 'error', 'J413', 'file',
              'PDF `ptk.pdf` memuat JavaScript; simpan ulang sebagai PDF biasa (Cetak → Simpan '
              'sebagai PDF).',
              'PDF `ptk.pdf` carries JavaScript; save it again as a plain PDF (Print → Save as '
              'PDF).'),
         ]),
    Case("J414-bad-transcript",
         lambda k: (k.replace(PRODUCT, "    alt:", "    transcript: poster.vtt\n    alt:"),
                    k.write(f"{POSTER_DIR}/poster.vtt",
                            "1\n00:00:01,000 --> 00:00:02,000\nHalo\n")),
         [
             (PRODUCT, 10, 17, 'error', 'J414', 'files[0].transcript',
              'Transkrip `poster.vtt` bukan berkas WebVTT (harus .vtt dan diawali `WEBVTT`).',
              'Transcript `poster.vtt` is not a WebVTT file (it must be .vtt and start with '
              '`WEBVTT`).'),
         ]),
    Case("J415-unreferenced-archive-file",
         lambda k: k.write(f"{POSTER_DIR}/draf-poster.png", png_bytes()), [
             (f"{POSTER_DIR}/draf-poster.png", 1, 1, 'warning', 'J415', '',
              'Berkas `archive/groups/kkg-contoh/products/poster-pecahan/draf-poster.png` ada '
              'di arsip tetapi tidak disebut oleh rekaman mana pun.',
              'File `archive/groups/kkg-contoh/products/poster-pecahan/draf-poster.png` is in '
              'the archive but no record names it.'),
         ]),
    Case("J416-file-name-with-space",
         lambda k: k.replace(PRODUCT, "file: poster.png", "file: poster pecahan.png"), [
             (POSTER, 1, 1, 'warning', 'J415', '',
              'Berkas `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` ada di '
              'arsip tetapi tidak disebut oleh rekaman mana pun.',
              'File `archive/groups/kkg-contoh/products/poster-pecahan/poster.png` is in the '
              'archive but no record names it.'),
             (PRODUCT, 9, 11, 'error', 'J416', 'files[0].file',
              'Nama berkas `poster pecahan.png` tidak sah: gunakan huruf, angka, titik, garis '
              'bawah dan tanda hubung, tanpa spasi.',
              'File name `poster pecahan.png` is not valid: use letters, digits, dots, '
              'underscores and hyphens, no spaces.'),
         ]),
    # ---- J5: privacy and consent ----------------------------------------------------------
    Case("J501-personal-data-field",
         lambda k: k.replace(SITI, "consent: true", "consent: true\nnip: '198503142010012005'"), [
             (SITI, 6, 1, 'error', 'J501', 'nip',
              'Data pribadi tidak boleh dicatat: hapus isian `nip`. Jejak tidak pernah '
              'menerbitkan NIK, NIP, NUPTK, NPK, nomor telepon, e-mail, alamat atau tanggal '
              'lahir.',
              'Personal data may not be recorded: remove field `nip`. Jejak never publishes '
              'NIK, NIP, NUPTK, NPK, phone numbers, e-mail, addresses or birth dates.'),
         ]),
    Case("J501-phone-field-zero-led",
         lambda k: k.replace(SITI, "consent: true", "consent: true\nno_hp: 081234567890"), [
             (SITI, 6, 1, 'error', 'J501', 'no_hp',
              'Data pribadi tidak boleh dicatat: hapus isian `no_hp`. Jejak tidak pernah '
              'menerbitkan NIK, NIP, NUPTK, NPK, nomor telepon, e-mail, alamat atau tanggal '
              'lahir.',
              'Personal data may not be recorded: remove field `no_hp`. Jejak never publishes '
              'NIK, NIP, NUPTK, NPK, phone numbers, e-mail, addresses or birth dates.'),
         ]),
    Case("J502-nik-with-keyword-in-body",
         lambda k: k.replace(SITI, "Guru kelas IV.", "Guru kelas IV. NIK: 7372 0412 0385 0001"), [
             (SITI, 7, 21, 'error', 'J502', 'body',
              '`7372 0412 0385 0001` di `body` tampak seperti NIK/NUPTK (16 angka). Hapus data '
              'pribadi ini, atau masukkan ke daftar `privacy_allow` bila memang nomor publik.',
              '`7372 0412 0385 0001` in `body` looks like an NIK/NUPTK (16 digits). Remove this '
              'personal data, or add it to `privacy_allow` if it is a public number.'),
         ]),
    Case("J502-phone-with-keyword-in-field",
         lambda k: k.replace(SITI, "MI Contoh Parepare",
                             "MI Contoh Parepare (HP 0812-3456-7890)"), [
             (SITI, 4, 14, 'error', 'J502', 'institution',
              '`0812-3456-7890` di `institution` tampak seperti nomor telepon. Hapus data '
              'pribadi ini, atau masukkan ke daftar `privacy_allow` bila memang nomor publik.',
              '`0812-3456-7890` in `institution` looks like a phone number. Remove this '
              'personal data, or add it to `privacy_allow` if it is a public number.'),
         ]),
    Case("J502-nip-with-keyword-in-alt-text",
         lambda k: k.replace(PRODUCT, "alt: Tiga pizza",
                             "alt: NIP 19850314 201001 2 005, tiga pizza"), [
             (PRODUCT, 10, 10, 'error', 'J502', 'files[0].alt',
              '`19850314 201001 2 005` di `files[0].alt` tampak seperti NIP (18 angka). Hapus '
              'data pribadi ini, atau masukkan ke daftar `privacy_allow` bila memang nomor '
              'publik.',
              '`19850314 201001 2 005` in `files[0].alt` looks like an NIP (18 digits). Remove '
              'this personal data, or add it to `privacy_allow` if it is a public number.'),
         ]),
    Case("J502-whatsapp-link",
         lambda k: k.replace(SITI, "consent: true",
                             "consent: true\nlinks:\n  kontak: https://wa.me/6281234567890"), [
             (SITI, 7, 11, 'error', 'J502', 'links.kontak',
              '`6281234567890` di `links.kontak` tampak seperti nomor telepon. Hapus data '
              'pribadi ini, atau masukkan ke daftar `privacy_allow` bila memang nomor publik.',
              '`6281234567890` in `links.kontak` looks like a phone number. Remove this '
              'personal data, or add it to `privacy_allow` if it is a public number.'),
         ]),
    Case("J502-nuptk-with-keyword",
         lambda k: k.replace(BUDI, "MI Contoh Parepare",
                             "MI Contoh Parepare, NUPTK 1234-5678-9012-3456"), [
             (BUDI, 4, 14, 'error', 'J502', 'institution',
              '`1234-5678-9012-3456` di `institution` tampak seperti NIK/NUPTK (16 angka). '
              'Hapus data pribadi ini, atau masukkan ke daftar `privacy_allow` bila memang '
              'nomor publik.',
              '`1234-5678-9012-3456` in `institution` looks like an NIK/NUPTK (16 digits). '
              'Remove this personal data, or add it to `privacy_allow` if it is a public '
              'number.'),
         ]),
    Case("J503-nik-without-keyword",
         lambda k: k.replace(SESSION, "media konkret", "media konkret 7372041203850001"), [
             (SESSION, 16, 32, 'warning', 'J503', 'body',
              'Angka `7372041203850001` di `body` mirip NIK/NUPTK (16 angka). Periksa bahwa ini '
              'bukan data pribadi; bila nomor publik, masukkan ke `privacy_allow`.',
              'Number `7372041203850001` in `body` resembles an NIK/NUPTK (16 digits). Make '
              'sure it is not personal data; if it is public, add it to `privacy_allow`.'),
         ]),
    Case("J503-phone-split-by-zero-width-spaces",
         lambda k: k.replace(SESSION, "media konkret", "media konkret 0812\u200b3456\u200b7890"), [
             (SESSION, 16, 32, 'warning', 'J503', 'body',
              'Angka `0812\u200b3456\u200b7890` di `body` mirip nomor telepon. Periksa bahwa '
              'ini bukan data pribadi; bila nomor publik, masukkan ke `privacy_allow`.',
              'Number `0812\u200b3456\u200b7890` in `body` resembles a phone number. Make sure '
              'it is not personal data; if it is public, add it to `privacy_allow`.'),
         ]),
    Case("J503-npk-without-keyword",
         lambda k: k.replace(PAPER, "abstract: Penelitian", "abstract: 1234567890123 Penelitian"),
         [
             (PAPER, 6, 11, 'warning', 'J503', 'abstract',
              'Angka `1234567890123` di `abstract` mirip NPK (13 angka). Periksa bahwa ini '
              'bukan data pribadi; bila nomor publik, masukkan ke `privacy_allow`.',
              'Number `1234567890123` in `abstract` resembles an NPK (13 digits). Make sure it '
              'is not personal data; if it is public, add it to `privacy_allow`.'),
         ]),
    Case("J504-image-without-alt",
         lambda k: k.replace(PRODUCT, "    alt: Tiga pizza dipotong menjadi pecahan senilai.\n",
                             ""), [
             (PRODUCT, 9, 11, 'error', 'J504', 'files[0].file',
              'Gambar `poster.png` memerlukan teks alternatif `alt` yang menjelaskan isinya '
              'bagi pembaca yang tidak dapat melihat.',
              'Image `poster.png` needs an `alt` text describing it for readers who cannot see '
              'it.'),
         ]),
    Case("J504-image-with-blank-alt",
         lambda k: k.replace(PRODUCT, "alt: Tiga pizza dipotong menjadi pecahan senilai.",
                             'alt: "  "'), [
             (PRODUCT, 9, 11, 'error', 'J504', 'files[0].file',
              'Gambar `poster.png` memerlukan teks alternatif `alt` yang menjelaskan isinya '
              'bagi pembaca yang tidak dapat melihat.',
              'Image `poster.png` needs an `alt` text describing it for readers who cannot see '
              'it.'),
             (PRODUCT, 10, 10, 'error', 'J217', 'files[0].alt',
              'Teks `files[0].alt` kosong; isi atau hapus isiannya.',
              'Text `files[0].alt` is empty; fill it in or remove the field.'),
         ]),
    Case("J505-students-without-consent",
         lambda k: k.replace(PRODUCT, "shows_students: false", "shows_students: true"), [
             (PRODUCT, 12, 17, 'error', 'J505', 'shows_students',
              'Media yang memperlihatkan siswa (`shows_students: true`) memerlukan `consent: '
              'true`: persetujuan tertulis wali sudah disimpan.',
              'Media showing students (`shows_students: true`) needs `consent: true`: the '
              "guardians' written consent is on file."),
         ]),
    Case("J506-person-without-consent",
         lambda k: k.replace(SITI, "consent: true", "consent: false"), [
             (SITI, 5, 10, 'error', 'J506', 'consent',
              'Profil orang hanya boleh terbit dengan persetujuannya: isi `consent: true`.',
              "A person's profile may only be published with their agreement: set `consent: "
              'true`.'),
         ]),
    Case("J507-visual-without-shows-students",
         lambda k: k.replace(PRODUCT, "shows_students: false\n", ""), [
             (PRODUCT, 5, 7, 'error', 'J507', 'kind',
              'Karya visual wajib menyatakan `shows_students: true` atau `false` (apakah siswa '
              'dapat dikenali).',
              'A visual product must state `shows_students: true` or `false` (whether students '
              'can be recognised).'),
         ]),
    Case("J508-e-mail-in-body",
         lambda k: k.replace(SITI, "Guru kelas IV.",
                             "Guru kelas IV, surel siti.aminah@gmail.com."), [
             (SITI, 7, 22, 'error', 'J508', 'body',
              'Alamat e-mail (`siti.aminah@gmail.com`) di `body` tidak boleh diterbitkan. Hapus '
              'alamat ini.',
              'An e-mail address (`siti.aminah@gmail.com`) in `body` may not be published. '
              'Remove it.'),
         ]),
    Case("J508-e-mail-in-field",
         lambda k: k.replace(BUDI, "MI Contoh Parepare", "budi@madrasah.sch.id"), [
             (BUDI, 4, 14, 'error', 'J508', 'institution',
              'Alamat e-mail (`budi@madrasah.sch.id`) di `institution` tidak boleh diterbitkan. '
              'Hapus alamat ini.',
              'An e-mail address (`budi@madrasah.sch.id`) in `institution` may not be '
              'published. Remove it.'),
         ]),
    # ---- J6: markdown ----------------------------------------------------------------------
    Case("J601-script-in-body",
         lambda k: k.replace(SESSION, "Peserta membahas",
                             "<script>alert('hai')</script>\nPeserta membahas"), [
             (SESSION, 16, 1, 'warning', 'J601', 'body',
              'HTML di isi rekaman akan dibersihkan saat diterbitkan: tag <script> dihapus.',
              "HTML in the record's body will be cleaned when published: <script> tags removed."),
         ]),
    Case("J601-event-handler-and-javascript-link",
         lambda k: k.replace(SESSION, "Peserta membahas",
                             '<img src="x.png" onerror="alert(1)">\n[klik](javascript:alert(1))\n'
                             "Peserta membahas"), [
             (SESSION, 16, 1, 'warning', 'J601', 'body',
              'HTML di isi rekaman akan dibersihkan saat diterbitkan: atribut on…= (event '
              'handler) dihapus.',
              "HTML in the record's body will be cleaned when published: on…= event handlers "
              'removed.'),
             (SESSION, 17, 8, 'warning', 'J601', 'body',
              'HTML di isi rekaman akan dibersihkan saat diterbitkan: tautan javascript:/data: '
              'dihapus.',
              "HTML in the record's body will be cleaned when published: javascript:/data: "
              'links removed.'),
         ]),
]

# Codes whose test lives elsewhere, because they are not problems of an archive
TESTED_ELSEWHERE = {"J001": "tests/e2e/test_check_cli.py::test_root_without_content_exits_2"}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_code(kit: ArchiveKit, case: Case) -> None:
    case.breaks(kit)
    assert kit.problems() == case.expected


def test_every_catalogue_code_has_a_case() -> None:
    covered = {e[4] for case in CASES for e in case.expected} | set(TESTED_ELSEWHERE)
    assert sorted(set(CATALOGUE) - covered) == []
    assert sorted(covered - set(CATALOGUE)) == []


def test_case_ids_name_their_code() -> None:
    for case in CASES:
        code = case.id.split("-")[0]
        assert code in {e[4] for e in case.expected}, case.id


def test_the_untouched_archive_is_valid(kit: ArchiveKit) -> None:
    result = kit.check()
    assert result.problems == []
    assert len(result.records) == 7
