"""GitHub issue forms for submitting a product or paper without git, and their import.

The forms (`.github/ISSUE_TEMPLATE/karya.yml`, `publikasi.yml`) are generated
from the same questions as `jejak new`, so a label in the form and the key it
answers cannot drift apart; `jejak import issue` reads the body GitHub renders
from a submitted form (`### Label`, a blank line, the value; `_No response_`
when empty) and writes the record through the same checks.
"""

from __future__ import annotations

import re
import tempfile
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from jejak.contrib.archive_index import ArchiveIndex
from jejak.contrib.forms import Question, questions
from jejak.contrib.new import Given, draft_record
from jejak.contrib.writer import safe_file_name
from jejak.errors import JejakError, Text


@dataclass(frozen=True)
class FormField:
    """One element of an issue form: which question it answers, and how it is shown."""

    key: str  # question key, or "@files" / "@alt" / "@agree"
    label: str
    type: str = "input"  # input, textarea, dropdown, checkboxes
    description: str = ""
    required: bool = False
    options: tuple[str, ...] = ()
    multiple: bool = False
    placeholder: str = ""


NO_RESPONSE = "_No response_"

_AGREE = (
    "Saya pembuat karya ini, atau pembuatnya mengizinkan karya ini diarsipkan.",
    "Formulir ini tidak memuat data pribadi: NIK, NIP, NUPTK, nomor HP/WA, e-mail, alamat, "
    "tanggal lahir.",
    "Saya setuju karya ini terbit di situs arsip dengan lisensi kelompok (atau lisensi yang "
    "saya tulis di atas).",
)
_FILES_HELP = (
    "Satu per baris. Tempel tautan YouTube atau Google Drive (https://…), atau seret berkas "
    "PDF/gambar/audio ke kotak ini (GitHub mengunggahnya dan menulis tautannya). "
    "Video sebaiknya diunggah ke YouTube lalu tautannya ditempel di sini."
)


def _from_question(q: Question, type_: str = "", description: str = "",
                   required: bool | None = None, options: tuple[str, ...] = ()) -> FormField:
    kind = type_ or ("dropdown" if q.choices else "textarea" if q.long else "input")
    hint = q.hint.id if q.hint else ""
    text = description or hint
    return FormField(q.key, q.label.id.replace(" (ya/tidak)", ""), kind, text,
                     q.required({}) if required is None else required,
                     options or q.choices, q.multiple)


def form_fields(kind: str) -> list[FormField]:
    """The fields of the issue form of `kind` ('product' or 'paper')."""
    qs = {q.key: q for q in questions(kind)}
    yes_no = ("tidak", "ya")
    common_head = [
        _from_question(qs["group"], description="Nama folder kelompok di content/groups/, "
                       "misalnya kkg-mi-parepare. Tanyakan kepada pengurus bila ragu."),
        _from_question(qs["title"]),
        _from_question(qs["date"], description="TTTT-BB-HH, misalnya 2025-08-23."),
        _from_question(qs["authors"], type_="textarea",
                       description="Satu orang per baris: slug (nama berkas di content/people/) "
                                   "atau nama lengkap; orang luar kelompok: Nama (Lembaga)."),
    ]
    if kind == "product":
        body = [
            _from_question(qs["kind"], description="audio; visual: gambar, infografis, poster; "
                           "video; dokumen: modul, LKPD, instrumen."),
            _from_question(qs["category"]),
            _from_question(qs["package"]),
            _from_question(qs["competencies"], description="Boleh lebih dari satu."),
            _from_question(qs["subject"]), _from_question(qs["level"]),
            _from_question(qs["grade"], description="Angka 1-12."),
            _from_question(qs["session"], description="Slug kegiatan tempat karya ini dibuat, "
                           "bila ada."),
            FormField("@files", "Berkas dan tautan karya", "textarea", _FILES_HELP, True),
            FormField("@alt", "Teks alternatif gambar", "textarea",
                      "Untuk setiap gambar, satu baris: apa yang tampak di gambar (untuk "
                      "pembaca tunanetra)."),
            _from_question(qs["shows_students"], type_="dropdown", options=yes_no,
                           description="Wajib untuk visual dan video."),
            _from_question(qs["consent"], type_="dropdown", options=yes_no,
                           description="Wajib `ya` bila siswa dapat dikenali. Jangan unggah "
                                       "surat izinnya; simpan di madrasah/sekolah."),
            _from_question(qs["keywords"]),
            _from_question(qs["license"], required=False,
                           description="Kosongkan untuk memakai lisensi kelompok. Contoh: "
                                       "CC-BY-4.0, CC-BY-SA-4.0."),
            _from_question(qs["body"], type_="textarea",
                           description="Ceritakan karya ini: tujuan, cara memakai, hasilnya."),
        ]
    else:
        body = [
            _from_question(qs["type"]),
            _from_question(qs["abstract"], type_="textarea"),
            _from_question(qs["keywords"]),
            FormField("@files", "Berkas PDF atau tautan", "textarea",
                      "Seret berkas PDF ke kotak ini, atau tempel tautannya (https://…)."),
            _from_question(qs["publication.venue"], description="Nama jurnal, prosiding atau "
                           "penerbit, bila sudah terbit."),
            _from_question(qs["publication.doi"]), _from_question(qs["publication.url"]),
            _from_question(qs["package"]),
            _from_question(qs["competencies"], description="Boleh lebih dari satu."),
            _from_question(qs["license"], required=False,
                           description="Kosongkan untuk memakai lisensi kelompok."),
            _from_question(qs["body"], type_="textarea"),
        ]
    agree = FormField("@agree", "Pernyataan", "checkboxes", "Wajib dicentang semua.", True,
                      _AGREE)
    return [*common_head, *body, agree]


_FORM_META = {
    "product": ("Kirim karya", "Arsipkan karya guru (audio, gambar, video, dokumen) tanpa git.",
                "[Karya]: ", "karya"),
    "paper": ("Kirim publikasi", "Arsipkan tulisan guru (PTK, praktik baik, artikel, buku) "
              "tanpa git.", "[Publikasi]: ", "publikasi"),
}


def issue_form_yaml(kind: str) -> str:
    """The issue form of `kind`, as committed under .github/ISSUE_TEMPLATE/."""
    name, description, title, label = _FORM_META[kind]
    intro = (
        "Isi formulir ini untuk mengarsipkan satu " + ("karya" if kind == "product" else
                                                        "publikasi")
        + ". Pengurus kelompok akan memeriksanya; setelah disetujui, Jejak membuat pull request "
        "berisi rekamannya. Panduan: `docs/panduan-kontributor.md`.\n\n"
        "**Jangan menulis data pribadi** (NIK, NIP, nomor HP, e-mail, alamat) di mana pun "
        "dalam formulir ini: isi issue terbuka untuk umum."
    )
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": intro}}]
    for f in form_fields(kind):
        element: dict[str, Any] = {"type": f.type, "id": _element_id(f.key)}
        attributes: dict[str, Any] = {"label": f.label}
        if f.description:
            attributes["description"] = f.description
        if f.type == "dropdown":
            attributes["options"] = list(f.options)
            if f.multiple:
                attributes["multiple"] = True
        elif f.type == "checkboxes":
            attributes["options"] = [{"label": o, "required": True} for o in f.options]
        element["attributes"] = attributes
        if f.required and f.type != "checkboxes":
            element["validations"] = {"required": True}
        body.append(element)
    form = {"name": name, "description": description, "title": title, "labels": [label],
            "body": body}
    head = ("# Dibuat oleh `jejak` dari skema rekaman; ubah lewat scripts/jejak/contrib/"
            "issue_form.py.\n# Generated by jejak from the record schema.\n")
    return head + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)


def _element_id(key: str) -> str:
    return re.sub(r"[^a-z0-9_-]", "-", key.lstrip("@").replace(".", "-"))


# --- reading a submitted form ------------------------------------------------------------

def sections(body: str) -> dict[str, str]:
    """`### Label` → value, as GitHub renders an issue form; `_No response_` becomes ''."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    out: dict[str, str] = {}
    parts = re.split(r"^###[ \t]+(.+?)[ \t]*$", text, flags=re.M)
    for label, value in zip(parts[1::2], parts[2::2], strict=False):
        value = value.strip("\n").strip()
        out[label.strip()] = "" if value == NO_RESPONSE else value
    return out


_LINK = re.compile(r"!?\[([^\]]*)\]\((https://[^)\s]+)\)|<?(https://[^\s<>)\"']+)>?")
ATTACHMENT = re.compile(r"^https://github\.com/(?:user-attachments/(?:assets|files)/|"
                        r"[\w.-]+/[\w.-]+/(?:assets|files)/)")


@dataclass
class Link:
    """A link in the files section: its text (the file name for uploads) and address."""

    text: str
    url: str

    @property
    def attachment(self) -> bool:
        return bool(ATTACHMENT.match(self.url))


def links(text: str) -> list[Link]:
    out = []
    for m in _LINK.finditer(text):
        url = (m.group(2) or m.group(3)).rstrip(".,;")
        out.append(Link(m.group(1) or "", url))
    return out


Fetcher = Callable[[str, Path], Path]  # (url, folder) → downloaded file
MAX_DOWNLOAD = 50_000_000


def fetch(url: str, folder: Path, name: str = "") -> Path:
    """Download one GitHub attachment (and nothing else), within the size limit."""
    if not ATTACHMENT.match(url):
        raise JejakError(f"not a GitHub attachment: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": "jejak"})
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - https only
        data = response.read(MAX_DOWNLOAD + 1)
        kind = response.headers.get("Content-Type", "")
    if len(data) > MAX_DOWNLOAD:
        raise JejakError(f"{url}: too large")
    target = folder / safe_file_name(name or _name_for(url, kind, data))
    target.write_bytes(data)
    return target


_SIGNATURES = ((b"\x89PNG", ".png"), (b"\xff\xd8\xff", ".jpg"), (b"GIF8", ".gif"),
               (b"%PDF", ".pdf"), (b"RIFF", ".webp"), (b"ID3", ".mp3"))


def _name_for(url: str, content_type: str, data: bytes) -> str:
    last = url.rstrip("/").rsplit("/", 1)[-1]
    if "." in last:
        return last
    for magic, ext in _SIGNATURES:
        if data.startswith(magic):
            return last[:12] + ext
    return last[:12] + {"image/png": ".png", "image/jpeg": ".jpg",
                        "application/pdf": ".pdf"}.get(content_type.split(";")[0], "")


@dataclass
class IssueDraft:
    kind: str
    given: Given
    errors: list[str] = field(default_factory=list)


def detect_kind(found: dict[str, str]) -> str | None:
    labels = {f.label for f in form_fields("paper")} - {f.label for f in form_fields("product")}
    product_only = {f.label for f in form_fields("product")} - {f.label for f in
                                                                 form_fields("paper")}
    if any(label in found for label in labels):
        return "paper"
    if any(label in found for label in product_only):
        return "product"
    return None


def given_from_issue(body: str, kind: str | None, download: Fetcher | None,
                     lang: str = "id") -> IssueDraft:
    """Answers of a submitted form; attachments downloaded when `download` is given."""
    found = sections(body)
    kind = kind or detect_kind(found)
    if kind not in ("product", "paper"):
        raise JejakError(Text("Badan issue ini bukan formulir karya atau publikasi.",
                              "This issue body is not a product or paper form.").id
                         if lang != "en" else "This issue body is not a product or paper form.")
    draft = IssueDraft(kind, Given({}))
    for f in form_fields(kind):
        value = found.get(f.label, "")
        if f.key == "@agree":
            unchecked = [o for o in f.options if not re.search(
                r"^- \[[xX]\] " + re.escape(o), value, re.M)]
            if unchecked:
                draft.errors += [("Pernyataan belum dicentang: " if lang != "en" else
                                  "Statement not ticked: ") + o for o in unchecked]
        elif not value:
            continue
        elif f.key == "@alt":
            draft.given.alts += [line.strip() for line in value.splitlines() if line.strip()]
        elif f.key == "@files":
            _files(draft, value, download, lang)
        elif f.key == "authors":
            draft.given.values[f.key] = "; ".join(
                line.strip().lstrip("-* ").strip() for line in value.splitlines()
                if line.strip())
        else:
            draft.given.values[f.key] = value
    return draft


def _files(draft: IssueDraft, value: str, download: Fetcher | None, lang: str) -> None:
    found = links(value)
    if not found and value.strip():
        # the text itself is not repeated: it may hold a phone number meant for the organiser
        draft.errors.append("Bagian berkas tidak memuat tautan https://; tempel tautannya atau "
                            "seret berkasnya ke kotak itu." if lang != "en" else
                            "The files section holds no https:// link; paste the link or drag "
                            "the file into that box.")
    folder: Path | None = None
    for link in found:
        if link.attachment and download is not None:
            folder = folder or Path(tempfile.mkdtemp(prefix="jejak-issue-"))
            try:
                draft.given.files.append((None, download(link.url, folder)
                                          if not link.text else _named(download, link, folder)))
                draft.given.order.append("file")
            except (OSError, JejakError) as exc:
                draft.errors.append(f"{link.url}: {exc}")
        elif draft.kind == "paper":
            if "publication.url" in draft.given.values:
                draft.errors.append("Publikasi hanya menerima satu tautan atau berkas PDF."
                                    if lang != "en" else "A paper takes one link or one PDF.")
            draft.given.values.setdefault("publication.url", link.url)
        else:
            draft.given.urls.append(link.url)
            draft.given.order.append("url")


def _named(download: Fetcher, link: Link, folder: Path) -> Path:
    path = download(link.url, folder)
    wanted = folder / safe_file_name(link.text) if "." in link.text else path
    if wanted != path and not wanted.exists():
        path.rename(wanted)
        return wanted
    return path


def import_issue(root: Path, body: str, kind: str | None = None, lang: str = "id",
                 download: Fetcher | None = None, overrides: dict[str, str] | None = None,
                 index: ArchiveIndex | None = None):
    """The record a submitted form describes, checked; returns (draft, errors)."""
    issue = given_from_issue(body, kind, download, lang)
    issue.given.values.update(overrides or {})
    draft = draft_record(issue.kind, root, issue.given, lang, index=index)
    return draft, issue.errors + draft.errors


def write_forms(github_dir: Path) -> list[Path]:
    """(Re)write karya.yml and publikasi.yml under `github_dir`/ISSUE_TEMPLATE."""
    folder = Path(github_dir) / "ISSUE_TEMPLATE"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, name in (("product", "karya.yml"), ("paper", "publikasi.yml")):
        target = folder / name
        target.write_text(issue_form_yaml(kind), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":  # python3 -m jejak.contrib.issue_form scripts/jejak/skeleton/dot-github
    import sys

    for path in write_forms(Path(sys.argv[1] if len(sys.argv) > 1 else ".github")):
        print(path)
