"""Wording of the contribution commands, in Indonesian and English, by key."""

from __future__ import annotations

from typing import Any

from jejak.errors import Text

MESSAGES: dict[str, Text] = {
    "exists": Text("Rekaman `{path}` sudah ada; Jejak tidak pernah menimpa rekaman. "
                   "Pilih slug lain dengan `--set slug=...`.",
                   "Record `{path}` already exists; Jejak never overwrites a record. "
                   "Choose another slug with `--set slug=...`."),
    "file_exists": Text("Berkas `{path}` sudah ada di arsip; Jejak tidak menimpanya.",
                        "File `{path}` already exists in the archive; Jejak never overwrites it."),
    "missing": Text("Isian wajib `{key}` ({label}) belum diisi.",
                    "Required field `{key}` ({label}) is missing."),
    "unknown_key": Text("Isian `{key}` tidak dikenal untuk {kind}.{hint} "
                        "Yang diterima: {accepted}.",
                        "Unknown field `{key}` for {kind}.{hint} Accepted: {accepted}."),
    "bad_set": Text("`--set {value}` harus berbentuk isian=nilai.",
                    "`--set {value}` must read field=value."),
    "no_file": Text("Berkas `{path}` tidak ditemukan.", "File `{path}` not found."),
    "bad_file_field": Text("Berkas untuk `{field}` tidak bisa dipakai pada {kind}; "
                           "yang diterima: {accepted}.",
                           "Files for `{field}` cannot be used in a {kind}; accepted: {accepted}."),
    "one_file": Text("`{field}` hanya menerima satu berkas.", "`{field}` takes one file only."),
    "file_name": Text("Nama berkas `{name}` tidak sah; ganti namanya dengan huruf, angka, titik, "
                      "garis bawah atau tanda hubung, misalnya `{suggestion}`.",
                      "File name `{name}` is not valid; rename it with letters, digits, dots, "
                      "underscores or hyphens, e.g. `{suggestion}`."),
    "written": Text("Rekaman baru ditulis: {path}", "New record written: {path}"),
    "copied": Text("Berkas disalin: {path}", "File copied: {path}"),
    "next_steps": Text("Langkah berikutnya: periksa dengan `jejak check`, lalu kirim sebagai "
                       "pull request.", "Next: run `jejak check`, then send it as a pull request."),
    "not_written": Text("Tidak ada yang ditulis: perbaiki masalah di atas lalu ulangi.",
                        "Nothing was written: fix the problems above and try again."),
    "rolled_back": Text("Pemeriksaan akhir menemukan galat; semua berkas yang baru ditulis "
                        "dihapus kembali.",
                        "The final check found errors; every file just written was removed again."),
    "choose": Text("pilihan", "choices"),
    "optional": Text("boleh dikosongkan", "optional"),
    "file_prompt": Text("Berkas untuk diunggah (jalur berkas; kosongkan bila selesai)",
                        "File to add (path; leave empty when done)"),
    "url_prompt": Text("Tautan karya di tempat lain, misalnya YouTube atau Google Drive "
                       "(https://…; kosongkan bila selesai)",
                       "Link to the work elsewhere, e.g. YouTube or Google Drive "
                       "(https://…; leave empty when done)"),
    "alt_prompt": Text("Teks alternatif untuk {name}: apa yang tampak di gambar",
                       "Alternative text for {name}: what the image shows"),
    "body_prompt": Text("Ringkasan atau catatan (boleh dikosongkan)",
                        "Summary or notes (optional)"),
    "bad_bool": Text("Jawab `ya` atau `tidak`, bukan `{value}`.",
                     "Answer `yes` or `no`, not `{value}`."),
    "bad_number": Text("Tulis angka, misalnya 2 atau 1,5 — bukan `{value}`.",
                       "Write a number, e.g. 2 or 1.5 — not `{value}`."),
    "bad_date": Text("Tanggal `{value}` tidak dikenali: tulis TTTT-BB-HH (2025-03-14) atau "
                     "HH/BB/TTTT (14/03/2025).",
                     "Date `{value}` not understood: write YYYY-MM-DD (2025-03-14) or "
                     "DD/MM/YYYY (14/03/2025)."),
    "close_person": Text("`{value}` tidak persis cocok dengan rekaman orang mana pun. Mungkin "
                         "maksudnya `{slug}` ({name})? Tulis slugnya, atau untuk orang luar tulis "
                         "Nama (Lembaga).",
                         "`{value}` matches no person record exactly. Did you mean `{slug}` "
                         "({name})? Write the slug, or for an outsider write Name (Institution)."),
    "unknown_person": Text("Orang `{value}` belum punya rekaman.{hint} Buat dulu dengan "
                           "`jejak new person`.",
                           "Person `{value}` has no record yet.{hint} Create one first with "
                           "`jejak new person`."),
    "unknown_group": Text("Kelompok `{value}` tidak ada.{hint} Yang ada: {accepted}.",
                          "Group `{value}` does not exist.{hint} Existing: {accepted}."),
    "no_groups": Text("Belum ada kelompok di arsip ini; buat dulu dengan `jejak new group`.",
                      "This archive has no group yet; create one first with `jejak new group`."),
    "unknown_session": Text("Kegiatan `{value}` tidak ada di kelompok `{group}`.{hint}",
                            "Session `{value}` does not exist in group `{group}`.{hint}"),
    "bad_packages": Text("Sebutkan keempat paket kerja masing-masing sekali, urut per triwulan: "
                         "{accepted}.",
                         "Name the four work packages once each, in quarter order: {accepted}."),
    "bad_stage": Text("Tahap `{value}` harus berbentuk judul, mulai, selesai (misalnya "
                      "Pendahuluan, 2025-07-01, 2025-07-07).",
                      "Stage `{value}` must read title, start, end (e.g. "
                      "Introduction, 2025-07-01, 2025-07-07)."),
    "must_consent": Text("Tanpa persetujuan, rekaman ini tidak boleh dibuat.",
                         "Without consent this record may not be created."),
    "bad_slug": Text("Slug `{value}` tidak sah: huruf kecil a-z, angka dan tanda hubung, misalnya "
                     "`{suggestion}`.",
                     "Slug `{value}` is not valid: lowercase a-z, digits and hyphens, e.g. "
                     "`{suggestion}`."),
    "year_slug": Text("Tahun rencana harus angka tahun, misalnya 2025.",
                      "The plan year must be a year, e.g. 2025."),
}


def say(message: str, lang: str, /, **params: Any) -> str:
    """The message `key` in `lang`, with Text parameters shown in the same language."""
    text = MESSAGES[message]
    shown = {k: (v.en if lang == "en" else v.id) if isinstance(v, Text)
             else ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v
             for k, v in params.items()}
    return (text.en if lang == "en" else text.id).format(**shown)
