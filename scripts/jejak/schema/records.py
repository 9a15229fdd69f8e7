"""One declaration per record type (SPEC §3): fields, their documentation, record rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jejak.errors import Text
from jejak.schema.types import (
    INVALID,
    YEAR,
    BooleanType,
    DateType,
    Field,
    FieldType,
    FileType,
    IntegerType,
    LicenseType,
    ListType,
    MapType,
    NumberType,
    OneOrManyType,
    OrcidType,
    PersonRefType,
    RecordIdType,
    RegionCodeType,
    SlugType,
    StructType,
    TextType,
    TrueType,
    UrlType,
    VocabType,
)
from jejak.schema.vocabularies import PLURAL_ROLES, VOCABULARIES

# File families: extension → what its bytes must be (see jejak.files)
IMAGE = ("image",)
AUDIO_VIDEO = ("audio", "video")
DOCUMENT = ("pdf", "office")
ANY_MEDIA = ("image", "audio", "video", "pdf", "office")

# Keys that are personal data whatever record they appear in (SPEC §3)
FORBIDDEN_FIELDS: dict[str, Text] = {
    name: Text("NIK, NIP, NUPTK, NPK, nomor telepon, e-mail, alamat atau tanggal lahir",
               "NIK, NIP, NUPTK, NPK, phone numbers, e-mail, addresses or birth dates")
    for name in (
        "nik", "nip", "nuptk", "npk", "phone", "email", "address", "birth_date",
        "e-mail", "e_mail", "hp", "no_hp", "nohp", "telepon", "telp", "wa", "whatsapp",
        "alamat", "tanggal_lahir", "tgl_lahir", "tempat_lahir", "ktp", "no_ktp", "nisn",
    )
}

TEXT, DATE, URL = TextType(), DateType(), UrlType()
PERSON = PersonRefType()
PEOPLE = ListType(PERSON, min_items=1)
COMPETENCIES = ListType(VocabType("competency"), min_items=1, unique=True)


def _f(name, type_, doc_id, doc_en, required=False, example=""):
    return Field(name, type_, doc_id, doc_en, required, example)


LINKS = _f("links", MapType(URL),
           "Tautan publik (nama → alamat https), misalnya situs atau kanal YouTube.",
           "Public links (name → https address), e.g. a website or a YouTube channel.")


def _file_or_url(label: Text, families: tuple[str, ...], extra: list[Field]) -> StructType:
    return StructType(
        [
            _f("file", FileType(families), "Nama berkas di folder arsip rekaman ini.",
               "File name in this record's archive folder."),
            _f("url", URL,
               "Alamat web https bila berkasnya disimpan di tempat lain (YouTube, Drive).",
               "An https address when the file lives elsewhere (YouTube, Drive)."),
            *extra,
        ],
        label,
        checks=(_one_of_file_url,),
    )


def _one_of_file_url(raw: dict, out: dict, at, ctx) -> None:
    if ("file" in raw) == ("url" in raw):
        ctx.report("J219", at, accepted=("file", "url"))


COMMON = [
    _f("draft", BooleanType(), "`true`: rekaman belum diterbitkan (tidak tampil di situs).",
       "`true`: the record is not published yet (not on the site)."),
    _f("moved_from", OneOrManyType(RecordIdType(ref=False)),
       "Id lama rekaman ini bila berkasnya dipindah atau diganti nama; alamat lama dialihkan.",
       "Old ids of this record after a move or rename; the old URLs redirect here."),
    _f("withdrawn", TEXT,
       "Alasan penarikan. Rekaman tetap ada sebagai pemberitahuan, tanpa berkas.",
       "Reason for withdrawal. The record stays as a notice, without files."),
]


@dataclass(frozen=True)
class RecordSchema:
    kind: str
    label: Text
    struct: StructType
    file_fields: tuple[str, ...] = ()  # fields that carry files (refused when withdrawn)

    @property
    def fields(self) -> dict[str, Field]:
        return self.struct.fields


def _schema(kind: str, label: Text, fields: list[Field], checks=(), file_fields=()) -> RecordSchema:
    return RecordSchema(kind, label, StructType(fields + COMMON, label, tuple(checks)),
                        tuple(file_fields))


# --- group -------------------------------------------------------------------------

def _mgmp_subject(raw, out, at, ctx):
    if out.get("kind") == "MGMP" and "subject" not in raw:
        ctx.report("J214", ("kind",), kind="MGMP")


REGION = StructType(
    [
        _f("province", TEXT, "Provinsi.", "Province.", True),
        _f("regency", TEXT, "Kabupaten atau kota.", "Regency or city.", True),
        _f("code", RegionCodeType(), "Kode wilayah Kemendagri \"NN.NN\" (dalam tanda kutip).",
           "Kemendagri region code \"NN.NN\" (quoted).", True),
    ],
    Text("wilayah", "region"),
)

MEMBER = StructType(
    [
        _f("person", SlugType("person"), "Slug orang (nama berkasnya di content/people/).",
           "Person slug (its file name in content/people/).", True),
        _f("role", TEXT, "Jabatan di kelompok, misalnya Ketua, Sekretaris, Anggota.",
           "Role in the group, e.g. chair, secretary, member.", True),
        _f("since", DATE, "Tanggal mulai menjabat.", "Date the role began.", True),
    ],
    Text("anggota", "member"),
)

GROUP = _schema("group", Text("kelompok", "group"), [
    _f("name", TEXT, "Nama lengkap kelompok.", "Full name of the group.", True,
       "KKG MI Kota Parepare"),
    _f("kind", VocabType("group_kind"), "Jenis kelompok.", "Kind of group.", True, "KKG"),
    _f("ministry", VocabType("ministry"), "Kementerian pembina.", "Ministry responsible.", True,
       "kemenag"),
    _f("level", VocabType("level"), "Jenjang sekolah/madrasah.", "School level.", True, "MI"),
    _f("subject", TEXT, "Mata pelajaran (wajib untuk MGMP).", "Subject (required for MGMP).",
       example="Matematika"),
    _f("region", REGION, "Wilayah kelompok.", "The group's region.", True),
    _f("organizer", TEXT, "Organisasi penyelenggara.", "Organising body.",
       example="PGMI Kota Parepare"),
    _f("decree", TEXT, "SK pendirian dan penerbitnya.", "The founding decree and its issuer."),
    _f("founded", YEAR, "Tahun berdiri.", "Year founded."),
    _f("members", ListType(MEMBER, min_items=1), "Anggota dan jabatannya.",
       "Members and their roles.", True),
    _f("advisors", ListType(SlugType("person"), unique=True), "Pengawas pembina (slug orang).",
       "Supervising advisors (person slugs)."),
    _f("logo", FileType(IMAGE), "Berkas logo (PNG/JPEG).", "Logo file (PNG/JPEG)."),
    _f("license", LicenseType(), "Lisensi SPDX bawaan untuk karya kelompok.",
       "Default SPDX license for the group's works.", True, "CC-BY-SA-4.0"),
    LINKS,
], checks=[_mgmp_subject], file_fields=["logo"])

# --- person ------------------------------------------------------------------------


def _consent_true(raw, out, at, ctx):
    if raw.get("consent") is False:
        ctx.report("J506", ("consent",))


def _dates_in_order(start: str, end: str):
    def rule(raw, out, at, ctx):
        if start in out and end in out and out[end] < out[start]:
            ctx.report("J206", at + (end,), field=_name(at, end), value=out[end].isoformat(),
                       other=start, other_value=out[start].isoformat())
    return rule


def _name(at, name):
    from jejak.loader import dotted

    return dotted(at + (name,))


TRAINING = StructType(
    [
        _f("title", TEXT, "Nama pelatihan.", "Training title.", True),
        _f("organizer", TEXT, "Penyelenggara.", "Organiser.", True),
        _f("start", DATE, "Tanggal mulai.", "Start date.", True),
        _f("end", DATE, "Tanggal selesai.", "End date.", True),
        _f("hours", NumberType(0, 1000), "Jumlah jam pelajaran (JP).", "Hours in JP.", True),
        _f("certificate", FileType(("pdf", "image")), "Berkas sertifikat (PDF/gambar).",
           "Certificate file (PDF/image)."),
    ],
    Text("pelatihan", "training"),
    checks=(_dates_in_order("start", "end"),),
)

AWARD = StructType(
    [
        _f("title", TEXT, "Nama penghargaan.", "Award title.", True),
        _f("year", YEAR, "Tahun.", "Year.", True),
        _f("level", TEXT, "Tingkat (kabupaten, provinsi, nasional).",
           "Level (regency, province, national).", True),
        _f("rank", TEXT, "Peringkat, misalnya Juara 1.", "Rank, e.g. first place."),
        _f("works", ListType(RecordIdType()), "Id karya yang dinilai.", "Ids of the judged works."),
    ],
    Text("penghargaan", "award"),
)

PERSON_SCHEMA = _schema("person", Text("orang", "person"), [
    _f("name", TEXT, "Nama lengkap dengan gelar seperti yang ditulis sendiri.",
       "Full name with titles as the person writes them.", True, "Siti Aminah, S.Pd.I., M.Pd."),
    _f("positions", ListType(VocabType("position"), min_items=1, unique=True), "Jabatan.",
       "Positions.", True, "[guru]"),
    _f("institution", TEXT, "Sekolah/madrasah atau lembaga.", "School or institution."),
    _f("subjects", ListType(TEXT), "Mata pelajaran yang diampu.", "Subjects taught."),
    _f("consent", TrueType(), "`true`: orang ini setuju profilnya terbit (wajib).",
       "`true`: the person agreed to a public profile (required).", True, "true"),
    _f("photo", FileType(IMAGE), "Foto profil.", "Profile photo."),
    _f("orcid", OrcidType(), "ORCID iD.", "ORCID iD."),
    _f("sinta", TEXT, "ID SINTA.", "SINTA id."),
    _f("scholar", TEXT, "ID Google Scholar.", "Google Scholar id."),
    _f("trainings", ListType(TRAINING), "Pelatihan yang diikuti.", "Trainings attended."),
    _f("awards", ListType(AWARD), "Penghargaan.", "Awards."),
    LINKS,
], checks=[_consent_true], file_fields=["photo"])

# --- plan --------------------------------------------------------------------------

PACKAGE_PLAN = StructType(
    [
        _f("package", VocabType("package"), "Paket kerja.", "Work package.", True),
        _f("quarter", IntegerType(1, 4), "Triwulan 1-4.", "Quarter 1-4.", True),
        _f("theme", TEXT, "Tema.", "Theme.", True),
    ],
    Text("paket kerja", "work package"),
)

TARGET = StructType(
    [
        _f("target", TEXT, "Sasaran.", "Target.", True),
        _f("term", VocabType("term"), "Jangka: short atau medium.", "Term: short or medium.", True),
        _f("indicator", TEXT, "Indikator keberhasilan.", "Success indicator.", True),
        _f("due", DATE, "Tenggat.", "Due date.", True),
    ],
    Text("sasaran", "target"),
)


def _four_packages(raw, out, at, ctx):
    packages = raw.get("packages")
    if not isinstance(packages, list):
        return
    names = [p.get("package") if isinstance(p, dict) else None for p in packages]
    accepted = tuple(VOCABULARIES["package"])
    repeated = sorted({n for n in names if names.count(n) > 1 and n is not None})
    missing = [p for p in accepted if p not in names]
    if repeated:
        again = next(i for i, n in enumerate(names) if n == repeated[0] and names[:i].count(n))
        ctx.report("J211", ("packages", again, "package"), field="packages", accepted=accepted,
                   problem=Text("berulang: " + ", ".join(map(str, repeated)),
                                "repeated: " + ", ".join(map(str, repeated))))
    elif missing:
        ctx.report("J211", ("packages",), key=True, accepted=accepted,
                   problem=Text("belum ada: " + ", ".join(missing),
                                "missing: " + ", ".join(missing)))


def _year_is_file_name(raw, out, at, ctx):
    expected = ctx.record.path.rsplit("/", 1)[-1].removesuffix(".md")
    if "year" in out and str(out["year"]) != expected:
        ctx.report("J210", ("year",), value=out["year"], expected=expected)


PLAN = _schema("plan", Text("rencana tahunan", "annual plan"), [
    _f("year", YEAR, "Tahun rencana, sama dengan nama berkas.",
       "Plan year, equal to the file name.",
       True, "2025"),
    _f("packages", ListType(PACKAGE_PLAN),
       "Empat paket kerja, masing-masing sekali, dengan triwulan dan tema.",
       "The four work packages, each once, with quarter and theme.", True),
    _f("targets", ListType(TARGET), "Sasaran tahunan dan indikatornya.",
       "Annual targets and their indicators."),
], checks=[_year_is_file_name, _four_packages])

# --- session -----------------------------------------------------------------------

ROLES = StructType(
    [
        _f(key, PEOPLE if key in PLURAL_ROLES else PERSON, label.id, label.en)
        for key, label in VOCABULARIES["role"].items()
    ],
    Text("peran", "roles"),
)

STAGE = StructType(
    [
        _f("title", TEXT, "Nama tahap.", "Stage title.", True),
        _f("start", DATE, "Mulai.", "Start.", True),
        _f("end", DATE, "Selesai.", "End.", True),
    ],
    Text("tahap", "stage"),
    checks=(_dates_in_order("start", "end"),),
)

MATERIAL = _file_or_url(Text("materi", "material"), ANY_MEDIA,
                        [_f("title", TEXT, "Judul materi.", "Material title.", True)])


class RecordingType(FieldType):
    """A file or URL, or the same as a mapping that can carry a transcript."""

    expected = Text("berkas/alamat, atau {file atau url, transcript, caption}",
                    "a file/address, or {file or url, transcript, caption}")

    def __init__(self):
        self.plain = FileType(AUDIO_VIDEO, allow_url=True)
        self.entry = _file_or_url(Text("rekaman", "recording"), AUDIO_VIDEO, [
            _f("transcript", FileType(("vtt",)), "Transkrip WebVTT (.vtt).",
               "WebVTT (.vtt) transcript."),
            _f("caption", TEXT, "Keterangan.", "Caption."),
        ])

    def check(self, value, at, ctx):
        if isinstance(value, dict):
            return self.entry.check(value, at, ctx)
        return self.plain.check(value, at, ctx)


RECORDING = RecordingType()


def _participants(raw, out, at, ctx):
    attendees = out.get("attendees") or []
    if "participants" in out and out["participants"] < len(attendees):
        ctx.report("J212", ("participants",), value=out["participants"], count=len(attendees))


def _stages_for_elearning(raw, out, at, ctx):
    if out.get("format") == "e-learning" and not raw.get("stages"):
        ctx.report("J213", ("format",))


SESSION = _schema("session", Text("kegiatan", "session"), [
    _f("title", TEXT, "Judul kegiatan.", "Session title.", True),
    _f("date", DATE, "Tanggal (mulai).", "Date (start).", True, "2025-03-14"),
    _f("end", DATE, "Tanggal selesai untuk kegiatan beberapa hari.",
       "End date of a multi-day session."),
    _f("format", VocabType("format"), "Bentuk kegiatan.", "Format.", True, "webinar"),
    _f("delivery", VocabType("delivery"), "Langsung atau rekaman.", "Live or recorded.", True,
       "live"),
    _f("platform", TEXT, "Aplikasi: Zoom, Google Meet, Webex, YouTube…", "Platform used."),
    _f("package", VocabType("package"), "Paket kerja.", "Work package.", True, "media"),
    _f("competencies", COMPETENCIES, "Kompetensi yang dikembangkan.",
       "Competencies developed.", True,
       "[pedagogik, profesional]"),
    _f("hours", NumberType(0, 1000), "Jumlah jam pelajaran (JP).", "Hours in JP.", True, "4"),
    _f("roles", ROLES, "Peran: room, attendance, flyer, host, moderator (satu orang); presenters, "
       "panelists, speakers (daftar).", "Roles: room, attendance, flyer, host, moderator (one "
       "person); presenters, panelists, speakers (lists).", True),
    _f("attendees", ListType(SlugType("person"), unique=True), "Peserta yang punya rekaman orang.",
       "Attendees who have a person record."),
    _f("participants", IntegerType(0, 100_000), "Jumlah seluruh peserta (angka, bukan nama).",
       "Head count of all participants (a number, never names)."),
    _f("stages", ListType(STAGE, min_items=1), "Tahapan e-learning (wajib untuk e-learning).",
       "E-learning stages (required for e-learning)."),
    _f("materials", ListType(MATERIAL), "Materi: {title, file} atau {title, url}.",
       "Materials: {title, file} or {title, url}."),
    _f("recording", RECORDING, "Rekaman: berkas atau alamat https, atau {file atau url, "
       "transcript, caption} agar rekaman punya transkrip.", "Recording: a file or an https "
       "address, or {file or url, transcript, caption} to give it a transcript."),
    _f("flyer", FileType(IMAGE), "Pamflet kegiatan (gambar).", "The session's flyer (image)."),
], checks=[_dates_in_order("date", "end"), _participants, _stages_for_elearning],
   file_fields=["materials", "recording", "flyer"])

# --- product -----------------------------------------------------------------------

PRODUCT_FILE = _file_or_url(Text("berkas karya", "product file"), ANY_MEDIA, [
    _f("alt", TEXT, "Teks alternatif: apa yang tampak di gambar (wajib untuk gambar).",
       "Alternative text: what the image shows (required for images)."),
    _f("caption", TEXT, "Keterangan.", "Caption."),
    _f("transcript", FileType(("vtt",)),
       "Transkrip/teks terjemahan WebVTT (.vtt) untuk audio/video.",
       "WebVTT (.vtt) transcript or captions for audio/video."),
])


def _students(raw, out, at, ctx):
    if out.get("kind") in ("visual", "video") and "shows_students" not in raw:
        ctx.report("J507", ("kind",), kind=out["kind"])
    if raw.get("shows_students") is True and raw.get("consent") is not True:
        ctx.report("J505", ("shows_students",))


def _files_unless_withdrawn(raw, out, at, ctx):
    if "files" not in raw and "withdrawn" not in raw:
        ctx.report("J202", (), key=True, field="files", kind=Text("karya", "product"))


PRODUCT = _schema("product", Text("karya", "product"), [
    _f("title", TEXT, "Judul karya.", "Title.", True),
    _f("date", DATE, "Tanggal selesai dibuat.", "Date completed.", True),
    _f("authors", PEOPLE, "Pembuat (slug orang atau {name, affiliation}).",
       "Authors (person slugs or {name, affiliation}).", True),
    _f("kind", VocabType("product_kind"), "Jenis karya.", "Kind of product.", True, "video"),
    _f("category", VocabType("category"), "Kategori karya.", "Category."),
    _f("package", VocabType("package"), "Paket kerja.", "Work package.", True),
    _f("competencies", COMPETENCIES, "Kompetensi.", "Competencies.", True),
    _f("subject", TEXT, "Mata pelajaran.", "Subject."),
    _f("level", VocabType("level"), "Jenjang.", "Level."),
    _f("grade", IntegerType(1, 12), "Kelas 1-12.", "Grade 1-12."),
    _f("files", ListType(PRODUCT_FILE), "Berkas: {file atau url, alt, caption, transcript}.",
       "Files: {file or url, alt, caption, transcript}."),
    _f("session", SlugType("session"), "Slug kegiatan asal karya ini.",
       "Slug of the session the product came from."),
    _f("shows_students", BooleanType(),
       "Apakah siswa dapat dikenali di media (wajib untuk visual/video).",
       "Whether students can be recognised (required for visual/video)."),
    _f("consent", TrueType(),
       "`true`: persetujuan tertulis wali sudah disimpan (bukan dokumennya).",
       "`true`: the guardians' written consent is on file (never the document itself)."),
    _f("license", LicenseType(), "Lisensi SPDX (bawaan: lisensi kelompok).",
       "SPDX license (default: the group's)."),
    _f("keywords", ListType(TEXT), "Kata kunci.", "Keywords."),
], checks=[_students, _files_unless_withdrawn], file_fields=["files"])

# --- paper -------------------------------------------------------------------------

PUBLICATION = StructType(
    [
        _f("venue", TEXT, "Jurnal, prosiding atau penerbit.", "Journal, proceedings or venue."),
        _f("volume", TEXT, "Volume.", "Volume."),
        _f("issue", TEXT, "Nomor.", "Issue."),
        _f("pages", TEXT, "Halaman, misalnya 12-20.", "Pages, e.g. 12-20."),
        _f("publisher", TEXT, "Penerbit.", "Publisher."),
        _f("issn", TEXT, "ISSN.", "ISSN."),
        _f("isbn", TEXT, "ISBN.", "ISBN."),
        _f("doi", TEXT, "DOI, misalnya 10.1234/abcd.", "DOI, e.g. 10.1234/abcd."),
        _f("url", URL, "Alamat terbitan.", "Address of the publication."),
    ],
    Text("terbitan", "publication"),
)

PAPER = _schema("paper", Text("publikasi", "paper"), [
    _f("title", TEXT, "Judul.", "Title.", True),
    _f("date", DATE, "Tanggal terbit/selesai.", "Date published or completed.", True),
    _f("authors", PEOPLE, "Penulis.", "Authors.", True),
    _f("type", VocabType("paper_type"), "Jenis tulisan.", "Type of paper.", True, "ptk"),
    _f("abstract", TEXT, "Abstrak.", "Abstract.", True),
    _f("keywords", ListType(TEXT), "Kata kunci.", "Keywords."),
    _f("language", TEXT, "Bahasa (kode, bawaan `id`).", "Language code (default `id`)."),
    _f("file", FileType(("pdf",)), "Berkas PDF.", "The PDF."),
    _f("publication", PUBLICATION, "Data terbitan.", "Publication details."),
    _f("package", VocabType("package"), "Paket kerja.", "Work package."),
    _f("competencies", COMPETENCIES, "Kompetensi.", "Competencies."),
    _f("license", LicenseType(), "Lisensi SPDX.", "SPDX license."),
], file_fields=["file"])

SCHEMAS: dict[str, RecordSchema] = {
    s.kind: s for s in (GROUP, PERSON_SCHEMA, PLAN, SESSION, PRODUCT, PAPER)
}

__all__ = ["SCHEMAS", "FORBIDDEN_FIELDS", "RecordSchema", "INVALID", "Any"]
