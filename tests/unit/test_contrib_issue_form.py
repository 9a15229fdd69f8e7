"""Issue forms: generated from the questions, parsed back from the body GitHub renders."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jejak.contrib.issue_form import (
    detect_kind,
    form_fields,
    given_from_issue,
    issue_form_yaml,
    links,
    sections,
)

ROOT = Path(__file__).parents[2]
ISSUES = ROOT / "tests" / "fixtures" / "contrib" / "issue"
NAMES = {"product": "karya.yml", "paper": "publikasi.yml"}


@pytest.mark.parametrize("kind", ["product", "paper"])
@pytest.mark.parametrize("folder", ["scripts/jejak/skeleton/dot-github", ".github"])
def test_committed_forms_are_generated_from_the_schema(kind: str, folder: str) -> None:
    committed = (ROOT / folder / "ISSUE_TEMPLATE" / NAMES[kind]).read_text(encoding="utf-8")
    assert committed == issue_form_yaml(kind), (
        f"regenerate: python3 -m jejak.contrib.issue_form {folder}")


@pytest.mark.parametrize("kind", ["product", "paper"])
def test_form_ids_and_labels_are_unique(kind: str) -> None:
    form = yaml.safe_load(issue_form_yaml(kind))
    ids = [e["id"] for e in form["body"] if "id" in e]
    labels = [e["attributes"]["label"] for e in form["body"] if e["type"] != "markdown"]
    assert len(ids) == len(set(ids)) and len(labels) == len(set(labels))


def test_sections_as_github_renders_them() -> None:
    body = (ISSUES / "karya.md").read_bytes().decode("utf-8")
    assert "\r\n" in body  # GitHub sends issue bodies with CRLF line ends
    found = sections(body)
    assert found["Kelompok (slug foldernya)"] == "kkg-mi-contoh"
    assert found["Slug kegiatan asal karya ini"] == ""  # _No response_
    assert found["Pembuat"].splitlines()[1] == "Dra. Hj. Nurhayati"
    assert detect_kind(found) == "product"
    assert detect_kind(sections((ISSUES / "publikasi.md").read_text())) == "paper"


def test_links_in_the_files_section() -> None:
    text = ("https://www.youtube.com/watch?v=Xq7pL2mVb9E\n"
            "[modul.pdf](https://github.com/user-attachments/files/181/modul.pdf)\n"
            '<img width="1024" alt="poster" src="https://github.com/user-attachments/assets/'
            '0a1b-2c3d" />\n![foto](https://github.com/org/repo/assets/12/abcd)')
    found = links(text)
    assert [(link.text, link.url, link.attachment) for link in found] == [
        ("", "https://www.youtube.com/watch?v=Xq7pL2mVb9E", False),
        ("modul.pdf", "https://github.com/user-attachments/files/181/modul.pdf", True),
        ("", "https://github.com/user-attachments/assets/0a1b-2c3d", True),
        ("foto", "https://github.com/org/repo/assets/12/abcd", True),
    ]


def test_without_download_attachments_stay_links() -> None:
    issue = given_from_issue((ISSUES / "karya.md").read_text(), None, None)
    assert issue.errors == []
    assert issue.given.files == []
    assert len(issue.given.urls) == 3
    assert issue.given.values["authors"] == (
        "siti-aminah; Dra. Hj. Nurhayati; Dr. Hasan Basri (UIN Alauddin Makassar)")
    assert issue.given.alts == [
        "Poster pecahan senilai: kue bolu dibagi dua, empat dan delapan bagian"]


def test_unticked_statement_and_unusable_files_are_reported_without_echoing_them() -> None:
    issue = given_from_issue((ISSUES / "karya-bermasalah.md").read_text(), None, None)
    assert any(e.startswith("Pernyataan belum dicentang: Formulir ini tidak memuat data pribadi")
               for e in issue.errors)
    assert any("tidak memuat tautan https://" in e for e in issue.errors)
    assert not any("0812" in e for e in issue.errors)


def test_every_form_label_answers_a_question() -> None:
    for kind in ("product", "paper"):
        keys = [f.key for f in form_fields(kind)]
        assert "title" in keys and "authors" in keys and "@agree" in keys
