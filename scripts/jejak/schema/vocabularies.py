"""The controlled vocabularies of SPEC §3, each with Indonesian and English labels."""

from __future__ import annotations

from jejak.errors import Text

VOCABULARIES: dict[str, dict[str, Text]] = {
    "package": {
        "perangkat": Text("Perangkat pembelajaran", "Learning plans and materials"),
        "metode": Text("Metode/model pembelajaran", "Teaching methods and models"),
        "media": Text("Media pembelajaran", "Learning media"),
        "penilaian": Text("Penilaian pembelajaran", "Assessment"),
    },
    "competency": {
        "pedagogik": Text("Pedagogik", "Pedagogical"),
        "kepribadian": Text("Kepribadian", "Personal"),
        "sosial": Text("Sosial", "Social"),
        "profesional": Text("Profesional", "Professional"),
    },
    "group_kind": {
        "KKG": Text("Kelompok Kerja Guru", "Teacher working group"),
        "MGMP": Text("Musyawarah Guru Mata Pelajaran", "Subject teacher forum"),
        "MGBK": Text("Musyawarah Guru Bimbingan dan Konseling", "Guidance counsellor forum"),
        "KKM": Text("Kelompok Kerja Madrasah", "Madrasah working group"),
        "KKKS": Text("Kelompok Kerja Kepala Sekolah", "Head teachers' working group"),
        "Pokjawas": Text("Kelompok Kerja Pengawas", "Supervisors' working group"),
    },
    "ministry": {
        "kemenag": Text("Kementerian Agama", "Ministry of Religious Affairs"),
        "kemendikdasmen": Text(
            "Kementerian Pendidikan Dasar dan Menengah",
            "Ministry of Primary and Secondary Education",
        ),
    },
    "level": {
        code: Text(code, code)
        for code in ("TK", "RA", "SD", "MI", "SMP", "MTs", "SMA", "MA", "SMK", "MAK", "SLB")
    },
    "format": {
        "webinar": Text("Webinar", "Webinar"),
        "e-learning": Text("E-learning", "E-learning"),
        "blended": Text("Blended learning", "Blended learning"),
        "tatap-muka": Text("Tatap muka", "Face to face"),
    },
    "delivery": {
        "live": Text("Langsung", "Live"),
        "recorded": Text("Rekaman", "Recorded"),
    },
    "role": {
        "room": Text("Penyedia ruang", "Room provider"),
        "attendance": Text("Pengelola presensi", "Attendance keeper"),
        "flyer": Text("Pembuat pamflet", "Flyer maker"),
        "host": Text("Pembawa acara", "Host"),
        "moderator": Text("Moderator", "Moderator"),
        "presenters": Text("Pemateri", "Presenters"),
        "panelists": Text("Panelis", "Panelists"),
        "speakers": Text("Narasumber", "Speakers"),
    },
    "product_kind": {
        "audio": Text("Audio", "Audio"),
        "visual": Text("Visual", "Visual"),
        "video": Text("Video", "Video"),
        "dokumen": Text("Dokumen", "Document"),
    },
    "category": {
        "modul-ajar": Text("Modul ajar", "Teaching module"),
        "bahan-ajar": Text("Bahan ajar", "Teaching material"),
        "media-pembelajaran": Text("Media pembelajaran", "Learning media"),
        "alat-peraga": Text("Alat peraga", "Teaching aid"),
        "instrumen-penilaian": Text("Instrumen penilaian", "Assessment instrument"),
        "aplikasi": Text("Aplikasi", "Application"),
        "teknologi-tepat-guna": Text("Teknologi tepat guna", "Appropriate technology"),
        "karya-seni": Text("Karya seni", "Work of art"),
        "praktik-baik": Text("Praktik baik", "Good practice"),
    },
    "paper_type": {
        "ptk": Text("Penelitian Tindakan Kelas", "Classroom action research"),
        "praktik-baik": Text("Praktik baik", "Best practice"),
        "artikel": Text("Artikel", "Article"),
        "buku": Text("Buku", "Book"),
        "modul": Text("Modul", "Module"),
        "prosiding": Text("Prosiding", "Proceedings paper"),
        "laporan": Text("Laporan", "Report"),
    },
    "position": {
        "guru": Text("Guru", "Teacher"),
        "kepala-madrasah": Text("Kepala madrasah", "Head of madrasah"),
        "kepala-sekolah": Text("Kepala sekolah", "Head teacher"),
        "pengawas": Text("Pengawas", "Supervisor"),
        "laboran": Text("Laboran", "Laboratory assistant"),
        "pustakawan": Text("Pustakawan", "Librarian"),
        "narasumber": Text("Narasumber", "Expert speaker"),
    },
    "term": {
        "short": Text("Jangka pendek", "Short term"),
        "medium": Text("Jangka menengah", "Medium term"),
    },
}

PLURAL_ROLES = frozenset({"presenters", "panelists", "speakers"})


def label(vocabulary: str, value: str, lang: str = "id") -> str:
    """The human label of a vocabulary value, falling back to the value."""
    text = VOCABULARIES[vocabulary].get(value)
    if text is None:
        return value
    return text.en if lang == "en" else text.id
