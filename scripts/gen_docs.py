#!/usr/bin/env python3
"""Generate docs/kode-galat.md and docs/rujukan-isian.md from the catalogue and the schema.

    python3 scripts/gen_docs.py          rewrite both files
    python3 scripts/gen_docs.py --check  exit 1 if either file is stale (for CI and tests)

Everything in the two files comes from `jejak.i18n.catalogue`, `jejak.schema`
and `jejak.files`, except what code cannot say: how to fix each error
(`FIXES`), when a field is required only sometimes (`CONDITIONAL`), and what
each record-level rule checks (`RULES`). Those three are kept here by hand;
the script stops with an error when one of them misses a code, a field or a
rule, so the documentation cannot silently fall behind the code.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO / "scripts") not in sys.path:  # works without `pip install -e .` too
    sys.path.insert(0, str(REPO / "scripts"))

from jejak.files import DEFAULT_LIMITS, DEFAULT_MAX_PIXELS, FAMILIES, FAMILY_LABEL  # noqa: E402
from jejak.i18n import CATALOGUE  # noqa: E402
from jejak.i18n import FAMILIES as CODE_FAMILIES  # noqa: E402
from jejak.schema import FORBIDDEN_FIELDS, SCHEMAS, VOCABULARIES  # noqa: E402
from jejak.schema import types as t  # noqa: E402

DOCS = REPO / "docs"
CODES_FILE = DOCS / "kode-galat.md"
FIELDS_FILE = DOCS / "rujukan-isian.md"
GENERATED = ("<!-- Dibuat otomatis oleh scripts/gen_docs.py dari kode Jejak: jangan disunting "
             "langsung. Ubah kodenya atau scripts/gen_docs.py, lalu jalankan "
             "`python3 scripts/gen_docs.py`. -->")

# --- hand-written knowledge -------------------------------------------------------

# How to fix each problem, in plain Indonesian. One entry for every catalogue code.
FIXES: dict[str, str] = {
    "J001": "Pindah ke folder arsip (yang berisi `content/`) lalu jalankan lagi, atau tulis "
            "foldernya: `jejak check path/ke/arsip`.",
    "J002": "Buka `mkdocs.yml`, bagian `plugins: - jejak:`. Perbaiki atau hapus opsi yang "
            "disebut; daftar opsi ada di [konfigurasi.md](konfigurasi.md).",
    "J003": "Pindahkan berkas ke tempat yang benar (lihat daftar di pesan), atau hapus bila bukan "
            "rekaman. Berkas gambar/PDF tempatnya di `archive/`, bukan di `content/`.",
    "J101": "Lihat baris dan kolom yang disebut. Biasanya: titik dua tanpa spasi sesudahnya, "
            "tanda kutip yang tidak ditutup, atau indentasi memakai tab. Teks yang memuat `: ` "
            "atau diawali `-`, `[`, `{`, `#`, `*` perlu diapit tanda kutip.",
    "J102": "Buka berkas di penyunting teks (VS Code, Notepad++, GitHub) dan simpan ulang "
            "dengan pengodean UTF-8.",
    "J103": "Berkas rusak atau sebenarnya bukan teks. Salin isinya ke berkas `.md` baru yang "
            "dibuat dengan penyunting teks biasa.",
    "J104": "Tambahkan satu baris berisi `---` saja setelah isian terakhir, sebelum isi "
            "(notulen/uraian).",
    "J105": "Baris pertama berkas harus tepat `---` (tanpa spasi atau huruf lain sebelumnya). "
            "Lihat contoh di [format-rekaman.md](format-rekaman.md).",
    "J106": "Bagian depan harus berisi baris-baris `isian: nilai`, bukan daftar (`- ...`) atau "
            "satu nilai saja.",
    "J107": "Isi bagian depan dengan isian wajib rekaman tersebut; salin contoh dari "
            "[format-rekaman.md](format-rekaman.md).",
    "J108": "Rekaman hanya teks; pindahkan tabel atau lampiran besar ke berkas di `archive/` "
            "dan sebut namanya di rekaman.",
    "J109": "Sederhanakan struktur YAML: kurangi tingkat indentasi bersarang.",
    "J110": "Hapus salah satu isian kembar, atau gabungkan nilainya menjadi satu isian.",
    "J111": "Hapus `&nama`, `*nama` dan `<<:`; tulis nilainya lengkap di setiap tempat.",
    "J112": "Hapus tag yang diawali `!` (misalnya `!!str`); bila perlu teks, apit nilai dengan "
            "tanda kutip.",
    "J113": "Ganti nama berkas/folder rekaman dengan huruf kecil, angka dan tanda hubung, "
            "misalnya seperti saran di pesan. Bila rekaman sudah terbit, sebut id lamanya di "
            "`moved_from`.",
    "J114": "Nama isian harus teks biasa, misalnya `title:`; angka, `true` atau daftar tidak "
            "boleh menjadi nama isian.",
    "J201": "Periksa ejaan nama isian (ikuti saran \"Mungkin maksudnya\"), atau hapus isian "
            "itu. Nama isian selalu dalam bahasa Inggris huruf kecil, lihat "
            "[rujukan-isian.md](rujukan-isian.md).",
    "J202": "Tambahkan isian yang disebut. Isian wajib tiap jenis rekaman ada di "
            "[rujukan-isian.md](rujukan-isian.md).",
    "J203": "Tulis nilai dengan bentuk yang diminta pesan: teks, angka, `true`/`false`, daftar "
            "(baris-baris `- ...`) atau pemetaan (baris-baris `isian: nilai` yang menjorok). "
            "Daftar wajib berisi minimal satu butir.",
    "J204": "Pilih salah satu nilai yang diterima (huruf besar-kecil harus sama persis).",
    "J205": "Tulis tanggal dalam bentuk TTTT-BB-HH, misalnya `2025-03-14`, dan pastikan "
            "tanggalnya ada (bukan 2025-02-30).",
    "J206": "Periksa kedua tanggal: tanggal selesai harus sama dengan atau setelah tanggal mulai.",
    "J207": "Gunakan id SPDX, misalnya `CC-BY-4.0`, `CC-BY-SA-4.0` atau `CC0-1.0`; daftar "
            "lengkap di https://spdx.org/licenses/.",
    "J208": "Salin ORCID iD dari profil orcid.org, misalnya `0000-0002-1825-0097`; angka "
            "terakhir adalah angka pemeriksa, jadi salah ketik satu angka pun ketahuan.",
    "J209": "Tulis alamat lengkap yang diawali `https://`, misalnya "
            "`https://www.youtube.com/@kkgku`.",
    "J210": "Samakan `year` dengan nama berkas: `plans/2025.md` berisi `year: 2025`.",
    "J211": "Tulis keempat paket (`perangkat`, `metode`, `media`, `penilaian`) di `packages`, "
            "masing-masing tepat sekali.",
    "J212": "Naikkan `participants` (jumlah seluruh peserta) atau kurangi `attendees`.",
    "J213": "Tambahkan `stages`: daftar tahap, masing-masing dengan `title`, `start` dan `end`.",
    "J214": "Tambahkan `subject`, misalnya `subject: Matematika`.",
    "J215": "Tulis angka di dalam rentang yang disebut pesan (misalnya triwulan 1-4, kelas 1-12).",
    "J216": "Tulis kode wilayah Kemendagri dalam tanda kutip, misalnya `code: \"73.72\"` "
            "(tanpa tanda kutip, YAML membacanya sebagai angka).",
    "J217": "Isi teksnya, atau hapus seluruh baris isian itu bila memang tidak ada.",
    "J218": "Rekaman yang ditarik tidak memuat berkas: hapus isian berkas yang disebut dan "
            "berkasnya di `archive/`.",
    "J219": "Tulis tepat satu dari `file` (berkas di arsip) atau `url` (alamat web), tidak "
            "keduanya.",
    "J220": "Hapus nama yang berulang dari daftar.",
    "J301": "Periksa ejaan slug orang, atau buat rekaman orangnya di `content/people/` (dengan "
            "persetujuan). Untuk orang luar, tulis `{name: ..., affiliation: ...}`.",
    "J302": "Periksa slug kegiatan: nama berkas di `sessions/` kelompok yang sama, tanpa `.md`.",
    "J303": "Periksa id: jalur di bawah `content/` tanpa `.md`, misalnya "
            "`groups/kkg-x/products/y`.",
    "J304": "Dua rekaman menyebut id lama yang sama di `moved_from`; sisakan di satu rekaman "
            "saja. Lihat [id-permanen.md](id-permanen.md).",
    "J305": "Kembalikan rekamannya, tandai `withdrawn: alasan`, atau tulis id lama di "
            "`moved_from` rekaman barunya. Jangan menghapus baris `published-ids.txt`. Lihat "
            "[id-permanen.md](id-permanen.md).",
    "J306": "Id di `moved_from` masih dipakai rekaman lain; hapus dari `moved_from` atau "
            "pindahkan rekaman lama itu. Lihat [id-permanen.md](id-permanen.md).",
    "J307": "Terbitkan dulu rekaman yang dirujuk (hapus `draft: true`), atau hapus rujukannya.",
    "J308": "Rekaman ini sudah terbit; hapus `draft: true`, atau tarik rekaman dengan "
            "`withdrawn: alasan` bila memang harus turun.",
    "J309": "Perbaiki baris itu di `published-ids.txt`: satu id per baris, misalnya "
            "`groups/kkg-x/sessions/y`; komentar diawali `#`.",
    "J310": "Buat dulu rekaman kelompoknya (`jejak new group`), atau pindahkan berkas ke "
            "folder kelompok yang benar.",
    "J401": "Unggah berkasnya ke folder yang disebut, atau perbaiki nama berkas di rekaman "
            "(huruf besar-kecil dan ekstensi harus sama persis).",
    "J402": "Tulis nama berkas saja (relatif terhadap folder arsip rekaman), bukan "
            "`/home/...` atau `C:\\...`.",
    "J403": "Pindahkan berkas ke folder arsip rekaman ini dan tulis namanya tanpa `..`.",
    "J404": "Gunakan garis miring `/` untuk subfolder dan hapus karakter aneh dari nama berkas.",
    "J405": "Unggah berkas ke arsip dan tulis namanya. Untuk `materials` dan `files` pakai "
            "`url:` bila berkas ada di tempat lain.",
    "J406": "Hapus symlink dan salin berkas aslinya ke arsip.",
    "J407": "Berkas rusak atau ekstensinya salah (misalnya PNG bernama `.jpg`). Ekspor ulang "
            "atau perbaiki ekstensinya.",
    "J408": "Simpan berkas dalam salah satu jenis yang diterima (lihat pesan), misalnya "
            "gambar sebagai PNG/JPEG.",
    "J409": "Perkecil berkas (kompres gambar/PDF) atau unggah video ke YouTube dan tautkan "
            "dengan `url:`.",
    "J410": "Perkecil ukuran gambar (misalnya lebar 2000 piksel sudah cukup untuk situs).",
    "J411": "Ekspor atau unduh ulang gambar, lalu unggah lagi.",
    "J412": "Ekspor gambar SVG sebagai PNG.",
    "J413": "Buka PDF lalu Cetak → Simpan sebagai PDF untuk membuang skrip, lampiran dan "
            "formulir.",
    "J414": "Simpan transkrip sebagai WebVTT: berkas `.vtt` yang baris pertamanya `WEBVTT`.",
    "J415": "Sebut berkas di rekaman yang memilikinya, atau hapus berkas dari `archive/` bila "
            "tidak dipakai.",
    "J416": "Ganti nama berkas: huruf, angka, titik, garis bawah dan tanda hubung saja; ganti "
            "spasi dengan `-`.",
    "J501": "Hapus seluruh isian itu. Data pribadi (NIK, NIP, NUPTK, NPK, telepon, e-mail, "
            "alamat, tanggal lahir) tidak pernah dicatat di arsip publik.",
    "J502": "Hapus nomor itu. Bila memang nomor publik (misalnya telepon kantor), tambahkan ke "
            "`privacy_allow` di `mkdocs.yml`, lihat [konfigurasi.md](konfigurasi.md).",
    "J503": "Periksa angkanya. Bila data pribadi, hapus; bila publik (misalnya nomor SK), "
            "tambahkan ke `privacy_allow` di `mkdocs.yml`.",
    "J504": "Tambahkan `alt:` pada butir berkas itu: satu kalimat yang menjelaskan apa yang "
            "tampak di gambar.",
    "J505": "Simpan persetujuan tertulis wali di sekolah (jangan diunggah), lalu tulis "
            "`consent: true`. Tanpa persetujuan, ganti media dengan yang tidak memperlihatkan "
            "wajah siswa.",
    "J506": "Minta persetujuan orangnya, lalu tulis `consent: true`. Tanpa persetujuan, jangan "
            "buat rekaman orang; tulis namanya sebagai `{name: ..., affiliation: ...}`.",
    "J507": "Tambahkan `shows_students: false` bila siswa tidak dapat dikenali, atau "
            "`shows_students: true` beserta `consent: true`.",
    "J508": "Hapus alamat e-mail. Alamat resmi kelompok boleh ditambahkan ke `privacy_allow` "
            "di `mkdocs.yml`.",
    "J601": "Tulis isi dengan Markdown biasa; hapus tag atau atribut HTML yang disebut.",
}

# Fields required only in some cases (the schema checks these in record rules).
CONDITIONAL: dict[tuple[str, str], str] = {
    ("group", "subject"): "wajib untuk MGMP",
    ("session", "stages"): "wajib untuk `e-learning`",
    ("product", "files"): "**wajib** (kecuali rekaman ditarik)",
    ("product", "shows_students"): "wajib untuk `visual` dan `video`",
    ("product", "consent"): "wajib bila `shows_students: true`",
    ("materi", "file"): "`file` atau `url`",
    ("materi", "url"): "`file` atau `url`",
    ("berkas karya", "file"): "`file` atau `url`",
    ("berkas karya", "url"): "`file` atau `url`",
    ("berkas karya", "alt"): "wajib untuk gambar",
}

# What each record or structure rule checks, by the rule function's qualified name.
RULES: dict[str, str] = {
    "_mgmp_subject": "Kelompok `MGMP` wajib mengisi `subject` (J214).",
    "_consent_true": "`consent` harus `true`: profil hanya terbit dengan persetujuan (J506).",
    "_dates_in_order.<locals>.rule": "Tanggal selesai tidak boleh lebih awal dari tanggal mulai "
                                     "(J206).",
    "_year_is_file_name": "`year` sama dengan nama berkas, misalnya `plans/2025.md` → "
                          "`year: 2025` (J210).",
    "_four_packages": "`packages` memuat keempat paket kerja, masing-masing tepat sekali (J211).",
    "_participants": "`participants` tidak boleh kurang dari jumlah `attendees` (J212).",
    "_stages_for_elearning": "Kegiatan `format: e-learning` wajib punya `stages` (J213).",
    "_students": "Karya `visual` dan `video` wajib menyatakan `shows_students` (J507); bila "
                 "`true`, wajib `consent: true` (J505).",
    "_files_unless_withdrawn": "`files` wajib, kecuali rekaman ditarik (`withdrawn`) (J202).",
    "_one_of_file_url": "Tepat satu dari `file` atau `url` (J219).",
}

# Where each record type lives (SPEC §2) and its name in Indonesian.
LOCATIONS: dict[str, tuple[str, str]] = {
    "group": ("Kelompok", "content/groups/<kelompok>/index.md"),
    "person": ("Orang", "content/people/<orang>.md"),
    "plan": ("Rencana tahunan", "content/groups/<kelompok>/plans/<tahun>.md"),
    "session": ("Kegiatan", "content/groups/<kelompok>/sessions/<slug>.md"),
    "product": ("Karya", "content/groups/<kelompok>/products/<slug>.md"),
    "paper": ("Publikasi", "content/groups/<kelompok>/papers/<slug>.md"),
}

COMMON_FIELDS = ("draft", "moved_from", "withdrawn")


class DocsError(Exception):
    """The hand-written tables above no longer match the code."""


# --- helpers ----------------------------------------------------------------------

def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def template(text: str) -> str:
    """A catalogue template as shown to people: `{{` is a literal brace."""
    return cell(text.replace("{{", "{").replace("}}", "}"))


def anchor(*parts: str) -> str:
    return "-".join(p.replace(" ", "-").replace("_", "-").lower() for p in parts)


def ticks(values) -> str:
    return ", ".join(f"`{v}`" for v in values)


def extensions(families: tuple[str, ...]) -> list[str]:
    return sorted(ext for fam in families for ext in FAMILIES[fam])


# --- kode-galat.md ----------------------------------------------------------------

def codes_page() -> str:
    missing = sorted(set(CATALOGUE) - set(FIXES))
    extra = sorted(set(FIXES) - set(CATALOGUE))
    if missing or extra:
        raise DocsError(f"FIXES in gen_docs.py: missing {missing}, unknown {extra}")
    out = [
        GENERATED,
        "",
        "# Kode galat `jejak check`",
        "",
        "*Error codes of `jejak check`: every code, its severity, its message in Indonesian "
        "and English, and how to fix it.*",
        "",
        "`jejak check` menulis satu baris untuk setiap masalah:",
        "",
        "```text",
        "content/groups/kkg-mi-parepare/sessions/webinar-asesmen.md:7:9: error J204: "
        "Nilai `webinr` tidak dikenal untuk `format`. Mungkin maksudnya `webinar`? ...",
        "```",
        "",
        "Artinya: di berkas itu, **baris 7, kolom 9**, ada galat dengan kode **J204**. "
        "Buka berkasnya, cari baris yang disebut, lalu perbaiki sesuai kolom "
        "*Cara memperbaiki* di bawah. Kata dalam kurung kurawal, misalnya `{field}`, "
        "diganti dengan nama isian atau nilai yang sebenarnya.",
        "",
        "- **galat** (*error*): harus diperbaiki; `jejak check` keluar dengan status 1 dan "
        "situs tidak dibangun.",
        "- **peringatan** (*warning*): sebaiknya diperiksa, tetapi situs tetap dibangun.",
        "",
        "Kode tidak pernah diganti nomornya atau dipakai ulang. Penjelasan setiap isian ada di "
        "[rujukan-isian.md](rujukan-isian.md); contoh rekaman lengkap di "
        "[format-rekaman.md](format-rekaman.md).",
        "",
        "## Kelompok kode",
        "",
        "| awalan | kelompok | family |",
        "|---|---|---|",
    ]
    for prefix, (name_id, name_en) in CODE_FAMILIES.items():
        out.append(f"| `{prefix}xx` | {cell(name_id)} | {cell(name_en)} |")
    out += [
        "",
        "## Semua kode",
        "",
        "| kode | tingkat | kelompok | pesan (Indonesia) | message (English) | cara memperbaiki |",
        "|---|---|---|---|---|---|",
    ]
    for code, msg in CATALOGUE.items():
        severity = "galat" if msg.severity == "error" else "peringatan"
        family = CODE_FAMILIES.get(code[:2], (msg.family, msg.family))[0]
        out.append(
            f"| <a id=\"{code.lower()}\"></a>**{code}** | {severity} ({msg.severity}) "
            f"| {cell(family)} (`{msg.family}`) | {template(msg.id)} | {template(msg.en)} "
            f"| {cell(FIXES[code])} |"
        )
    return "\n".join(out) + "\n"


# --- rujukan-isian.md -------------------------------------------------------------

@dataclass
class Nested:
    """A nested structure that gets its own table."""

    struct: t.StructType
    path: str  # e.g. session.roles
    anchor: str
    title: str = ""


class FieldDocs:
    """Walks the schema, collecting nested structures and vocabulary usage."""

    def __init__(self) -> None:
        self.nested: dict[int, Nested] = {}
        self.vocab_users: dict[str, list[str]] = {name: [] for name in VOCABULARIES}
        self.unused_conditional = set(CONDITIONAL)

    def struct_link(self, struct: t.StructType, path: str) -> Nested:
        known = self.nested.get(id(struct))
        if known is None:
            known = Nested(struct, path, anchor(*path.split(".")))
            self.nested[id(struct)] = known
        return known

    def accepted(self, ftype: t.FieldType, path: str, pending: list[Nested]) -> str:
        """What a field accepts, in Indonesian, linking nested tables."""
        if isinstance(ftype, t.VocabType):
            self.vocab_users[ftype.vocabulary].append(path)
            return f"salah satu: {ticks(ftype.values)} ([kosakata](#kosakata-{ftype.vocabulary}))"
        if isinstance(ftype, getattr(t, "OneOrManyType", ())):
            return (f"{self.accepted(ftype.item, path, pending)}, atau daftarnya "
                    "(tanpa nilai kembar)")
        if isinstance(ftype, t.ListType):
            notes = []
            if ftype.min_items:
                notes.append(f"minimal {ftype.min_items} butir")
            if ftype.unique:
                notes.append("tanpa nama kembar")
            head = "daftar" + (f" ({', '.join(notes)})" if notes else "")
            return f"{head}; setiap butir: {self.accepted(ftype.item, path, pending)}"
        if isinstance(ftype, t.StructType):
            nested = self._nested(ftype, path, pending)
            return f"pemetaan isian, lihat [{nested.path}](#{nested.anchor})"
        if isinstance(ftype, t.PersonRefType):
            nested = self._nested(ftype.inline, "orang-luar", pending,
                                  "Orang luar `{name, affiliation}`")
            return ("slug orang (nama berkasnya di `content/people/`, tanpa `.md`) atau "
                    f"[orang luar](#{nested.anchor}) `{{name, affiliation}}`")
        if isinstance(ftype, t.SlugType):
            if ftype.ref == "person":
                return "slug orang (nama berkasnya di `content/people/`, tanpa `.md`)"
            if ftype.ref == "session":
                return "slug kegiatan di kelompok yang sama (nama berkas di `sessions/`)"
            return ftype.accepted("id")
        if isinstance(ftype, t.FileType):
            text = f"nama berkas di arsip: {ticks(extensions(ftype.families))}"
            return text + (" atau alamat `https://`" if ftype.allow_url else "")
        if isinstance(ftype, t.TrueType):
            return "`true` (hanya `true` berarti setuju)"
        if isinstance(ftype, t.IntegerType):
            if ftype.expected.id != "bilangan bulat":
                return ftype.accepted("id")
            return f"bilangan bulat {ftype.minimum}–{ftype.maximum}"
        if isinstance(ftype, t.NumberType):
            return f"{ftype.accepted('id')}, {ftype.minimum:g}–{ftype.maximum:g}"
        if isinstance(ftype, t.MapType):
            inner = self.accepted(ftype.value_type, path, pending)
            return f"pemetaan nama → {inner}"
        return cell(ftype.accepted("id"))

    def _nested(self, struct: t.StructType, path: str, pending: list[Nested],
                title: str = "") -> Nested:
        fresh = id(struct) not in self.nested
        nested = self.struct_link(struct, path)
        if fresh:
            nested.title = title or f"`{path}` ({cell(struct.label.id)})"
            pending.append(nested)
            for name, values in VOCABULARIES.items():  # e.g. the keys of session.roles
                if set(struct.fields) == set(values):
                    self.vocab_users[name].append(f"{path} (nama isiannya)")
        return nested

    def required(self, owner: str, field: t.Field) -> str:
        key = (owner, field.name)
        if key in CONDITIONAL:
            self.unused_conditional.discard(key)
            return CONDITIONAL[key]
        return "**wajib**" if field.required else "tidak"

    def table(self, owner: str, fields: dict[str, t.Field], path: str,
              pending: list[Nested]) -> list[str]:
        rows = ["| isian | wajib | nilai yang diterima | keterangan |", "|---|---|---|---|"]
        for name, field in fields.items():
            accepted = self.accepted(field.type, f"{path}.{name}", pending)
            if field.example:
                accepted += f"; contoh: `{field.example}`"
            rows.append(f"| `{name}` | {self.required(owner, field)} | {accepted} "
                        f"| {cell(field.doc_id)} |")
        return rows

    def rules(self, checks) -> list[str]:
        out = []
        for rule in checks:
            name = rule.__qualname__
            if name not in RULES:
                raise DocsError(f"RULES in gen_docs.py: rule {name} is not documented")
            if RULES[name] not in out:
                out.append(RULES[name])
        if not out:
            return []
        return ["", "Aturan tambahan:", ""] + [f"- {r}" for r in out]


def fields_page() -> str:
    if set(LOCATIONS) != set(SCHEMAS):
        raise DocsError(f"LOCATIONS in gen_docs.py must name {sorted(SCHEMAS)}")
    docs = FieldDocs()
    out = [
        GENERATED,
        "",
        "# Rujukan isian rekaman",
        "",
        "*Field reference: every field of every record type, generated from the schema.*",
        "",
        "Halaman ini memuat **semua isian** setiap jenis rekaman: namanya, wajib atau tidak, "
        "nilai yang diterima, dan keterangannya. Penjelasan yang lebih santai beserta contoh "
        "lengkap ada di [format-rekaman.md](format-rekaman.md); arti setiap kode galat di "
        "[kode-galat.md](kode-galat.md).",
        "",
        "Catatan umum:",
        "",
        "- Nama isian selalu huruf kecil dalam bahasa Inggris, persis seperti di tabel. "
        "Isian yang tidak ada di tabel ditolak (J201).",
        "- *Slug* adalah nama berkas tanpa `.md`: huruf kecil a-z, angka dan tanda hubung, "
        "misalnya `siti-aminah`.",
        "- Tanggal ditulis `TTTT-BB-HH`, misalnya `2025-03-14`.",
        f"- Isian {ticks(COMMON_FIELDS)} boleh ada di setiap jenis rekaman; lihat "
        "[id-permanen.md](id-permanen.md).",
        "- Berkas ditulis dengan namanya saja, relatif terhadap folder arsip rekaman "
        "(`archive/<id rekaman>/`).",
        "",
        "## Jenis rekaman",
        "",
        "| jenis | letak berkas |",
        "|---|---|",
    ]
    for kind in SCHEMAS:
        label, where = LOCATIONS[kind]
        out.append(f"| [{label}](#{kind}) | `{where}` |")
    for kind, schema in SCHEMAS.items():
        label, where = LOCATIONS[kind]
        pending: list[Nested] = []
        out += ["", f"<a id=\"{kind}\"></a>", "",
                f"## {label} (`{kind}`)", "", f"Letak: `{where}`", ""]
        out += docs.table(kind, schema.fields, kind, pending)
        out += docs.rules(schema.struct.checks)
        while pending:
            nested = pending.pop(0)
            struct = nested.struct
            out += ["", f"<a id=\"{nested.anchor}\"></a>", "",
                    f"### {nested.title}", ""]
            out += docs.table(struct.label.id, struct.fields, nested.path, pending)
            out += docs.rules(struct.checks)
    if docs.unused_conditional:
        raise DocsError(f"CONDITIONAL in gen_docs.py names unknown fields: "
                        f"{sorted(docs.unused_conditional)}")
    out += ["", "## Kosakata", "",
            "Nilai yang diterima isian berkosakata. Tulis nilainya persis (huruf besar-kecil "
            "sama); labelnya yang tampil di situs.", ""]
    for name, values in VOCABULARIES.items():
        users = ", ".join(f"`{u}`" for u in docs.vocab_users[name]) or "—"
        out += [f"<a id=\"kosakata-{name}\"></a>", "", f"### `{name}`", "",
                f"Dipakai oleh: {users}", "",
                "| nilai | label | label (English) |", "|---|---|---|"]
        out += [f"| `{v}` | {cell(text.id)} | {cell(text.en)} |" for v, text in values.items()]
        out.append("")
    pixels = f"{DEFAULT_MAX_PIXELS:,}".replace(",", ".")  # Indonesian thousands separator
    out += ["## Jenis berkas", "",
            "Berkas di `archive/` diperiksa isinya, bukan hanya ekstensinya. Batas ukuran "
            "bawaan dapat diubah dengan opsi `max_file_mb`; gambar paling besar "
            f"{pixels} piksel, semua bingkai animasi dihitung (opsi `max_pixels`); lihat "
            "[konfigurasi.md](konfigurasi.md).", "",
            "| jenis | isi | ekstensi | batas bawaan |", "|---|---|---|---|"]
    for fam, exts in FAMILIES.items():
        limit = DEFAULT_LIMITS[fam] / 1_000_000
        out.append(f"| `{fam}` | {cell(FAMILY_LABEL[fam].id)} | {ticks(sorted(exts))} "
                   f"| {limit:g} MB |")
    out += ["", "Berkas SVG tidak diterima (bisa memuat skrip).", "",
            "## Isian yang selalu ditolak", "",
            "Data pribadi tidak pernah dicatat. Isian dengan nama berikut ditolak di rekaman "
            "mana pun (J501):", "",
            ticks(FORBIDDEN_FIELDS), ""]
    return "\n".join(out)


# --- main -------------------------------------------------------------------------

def pages() -> dict[Path, str]:
    return {CODES_FILE: codes_page(), FIELDS_FILE: fields_page()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a generated file is missing or stale; write nothing")
    args = parser.parse_args(argv)
    try:
        wanted = pages()
    except DocsError as exc:
        print(f"gen_docs: {exc}", file=sys.stderr)
        return 2
    stale = [path for path, text in wanted.items()
             if not path.is_file() or path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(REPO)} is stale: run `python3 scripts/gen_docs.py`",
                  file=sys.stderr)
        return 1 if stale else 0
    DOCS.mkdir(exist_ok=True)
    for path in stale:
        path.write_text(wanted[path], encoding="utf-8")
        print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
