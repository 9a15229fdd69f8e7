"""Questions built from the schema: typed text → checked YAML values, and record text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jejak.contrib.archive_index import ArchiveIndex
from jejak.contrib.forms import (
    KINDS,
    Env,
    Invalid,
    assemble,
    parse_bool,
    parse_date,
    parse_number,
    person_ref,
    questions,
    split_people,
)
from jejak.contrib.writer import render_record, safe_file_name
from jejak.loader import parse_record
from jejak.schema import SCHEMAS

FIXTURE = Path(__file__).parents[1] / "fixtures" / "contrib" / "archive"


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> Env:
    root = tmp_path_factory.mktemp("arsip") / "arsip"
    shutil.copytree(FIXTURE, root)
    return Env(ArchiveIndex.read(root), "id", group="kkg-mi-contoh")


def answer(kind: str, key: str, text: str, env: Env):
    question = next(q for q in questions(kind) if q.key == key)
    return question.parse(text, env)


@pytest.mark.parametrize("text, value", [
    ("2025-03-14", "2025-03-14"), ("14/03/2025", "2025-03-14"), ("4/3/2025", "2025-03-04"),
    ("2025-3-4", "2025-03-04"), ("2025-03-14 09:00:00", "2025-03-14"),
])
def test_parse_date(text: str, value: str, env: Env) -> None:
    assert parse_date(text, env) == value


def test_impossible_date_is_refused_with_the_typed_text(env: Env) -> None:
    with pytest.raises(Invalid, match="`31/02/2025` tidak dikenali"):
        answer("session", "date", "31/02/2025", env)


@pytest.mark.parametrize("text, value", [("ya", True), ("Tidak", False), ("yes", True),
                                         ("0", False), ("Iya.", True)])
def test_parse_bool(text: str, value: bool, env: Env) -> None:
    assert parse_bool(text, env) is value


def test_parse_bool_refuses_other_words(env: Env) -> None:
    with pytest.raises(Invalid, match="Jawab `ya` atau `tidak`, bukan `mungkin`"):
        parse_bool("mungkin", env)


@pytest.mark.parametrize("text, value", [("2", 2), ("1,5", 1.5), ("4 JP", 4), ("2.5", 2.5)])
def test_parse_number(text: str, value: float, env: Env) -> None:
    assert parse_number(text, env) == value


def test_vocabulary_accepts_labels_and_suggests(env: Env) -> None:
    assert answer("session", "format", "Tatap muka", env) == "tatap-muka"
    assert answer("session", "format", "WEBINAR", env) == "webinar"
    with pytest.raises(Invalid) as exc:
        answer("session", "format", "webinr", env)
    assert str(exc.value) == ("Nilai `webinr` tidak dikenal untuk `format`. Mungkin maksudnya "
                              "`webinar`? Nilai yang diterima: webinar, e-learning, blended, "
                              "tatap-muka.")


def test_english_messages(env: Env) -> None:
    english = Env(env.index, "en", group=env.group)
    with pytest.raises(Invalid, match="Unknown value `webinr` for `format`"):
        answer("session", "format", "webinr", english)


def test_competency_list_is_checked_item_by_item(env: Env) -> None:
    assert answer("session", "competencies", "pedagogik, profesional, pedagogik", env) == [
        "pedagogik", "profesional"]
    with pytest.raises(Invalid, match="Mungkin maksudnya `sosial`"):
        answer("session", "competencies", "pedagogik; sosiall", env)


def test_grade_range_comes_from_the_schema(env: Env) -> None:
    with pytest.raises(Invalid, match="Nilai `13` di `grade` di luar rentang 1–12"):
        answer("product", "grade", "13", env)


def test_region_code_and_license(env: Env) -> None:
    assert answer("group", "region.code", "73.72", env) == "73.72"
    with pytest.raises(Invalid, match="Kode wilayah `7372`"):
        answer("group", "region.code", "7372", env)
    assert answer("product", "license", "cc-by-sa-4.0", env) == "CC-BY-SA-4.0"


@pytest.mark.parametrize("text, pieces", [
    ("siti-aminah, nurhayati", ["siti-aminah", "nurhayati"]),
    ("Siti Aminah, S.Pd.I.; Dra. Hj. Nurhayati", ["Siti Aminah, S.Pd.I.", "Dra. Hj. Nurhayati"]),
    ("Siti Aminah, S.Pd.I., M.Pd.", ["Siti Aminah, S.Pd.I., M.Pd."]),
    ("siti-aminah\nnurhayati\n", ["siti-aminah", "nurhayati"]),
])
def test_split_people(text: str, pieces: list[str]) -> None:
    assert split_people(text) == pieces


def test_person_refs(env: Env) -> None:
    assert person_ref("siti-aminah", env, True, "authors") == "siti-aminah"
    assert person_ref("SITI AMINAH", env, True, "authors") == "siti-aminah"
    assert person_ref("Dr. Hasan Basri (UIN Alauddin)", env, True, "authors") == {
        "name": "Dr. Hasan Basri", "affiliation": "UIN Alauddin"}
    assert person_ref("Hasan Basri", env, True, "authors") == {"name": "Hasan Basri"}
    with pytest.raises(Invalid, match="Mungkin maksudnya `andi-rahmawati`"):
        person_ref("Andi Rahmawatii", env, True, "authors")
    with pytest.raises(Invalid, match="Orang `siti-aminahh` belum punya rekaman. Mungkin "
                                      "maksudnya `siti-aminah`?"):
        person_ref("siti-aminahh", env, True, "authors")
    with pytest.raises(Invalid, match="belum punya rekaman"):
        person_ref("Hasan Basri", env, False, "attendees")  # no outsiders where slugs only


def test_session_reference_is_checked_in_the_group(env: Env) -> None:
    assert answer("product", "session", "webinar-modul-ajar", env) == "webinar-modul-ajar"
    with pytest.raises(Invalid, match="Mungkin maksudnya `webinar-asesmen-formatif`"):
        answer("product", "session", "webinar-asesmen", env)


@pytest.mark.parametrize("kind", KINDS)
def test_every_question_names_a_schema_field_or_a_known_extra(kind: str) -> None:
    extras = {"group", "slug", "body", "members", "packages", "stages"}
    fields = SCHEMAS[kind].fields
    for q in questions(kind):
        top = q.key.split(".")[0]
        assert top in fields or q.key in extras or top == "theme", q.key
        assert q.label.id and q.label.en


def test_render_record_round_trips_through_the_loader() -> None:
    data = assemble("group", {
        "name": "MGMP Matematika: MTs", "kind": "MGMP", "ministry": "kemenag", "level": "MTs",
        "subject": "Matematika", "region.province": "Sulawesi Selatan",
        "region.regency": "Kab. Sidenreng Rappang", "region.code": "73.14",
        "members": ["siti-aminah"], "license": "CC-BY-SA-4.0", "founded": 2019,
    })
    text = render_record(data, "Uraian.\n")
    assert 'code: "73.14"' in text or "code: '73.14'" in text
    assert "since: 20" in text and "'20" not in text  # dates stay plain
    loaded = parse_record(text.encode(), "content/groups/x/index.md")
    assert loaded.problems == []
    assert loaded.record.data["name"] == "MGMP Matematika: MTs"
    assert loaded.record.data["region"]["code"] == "73.14"
    assert list(loaded.record.data)[:4] == ["name", "kind", "ministry", "level"]
    assert loaded.record.body == "\nUraian.\n"


@pytest.mark.parametrize("name, safe", [
    ("Poster Adab (final).PNG", "poster-adab-final.png"), ("modul.pdf", "modul.pdf"),
    ("Lembar Kerja Siswa.docx", "lembar-kerja-siswa.docx"),
])
def test_safe_file_name(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe
