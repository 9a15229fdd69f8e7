"""Citations: APA 7 from the shipped CSL files, cite.bib, cite.ris and cite.json of every work."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from jejak.config import Settings
from jejak.errors import JejakError
from jejak.generate import citation, outputs
from jejak.generate.common import CITABLE, split_name
from jejak.validate import check_archive

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "citable"
SITE = "https://arsip.contoh.id"
PTK = "groups/kkg-contoh/papers/ptk-pecahan"
ARTICLE = "groups/kkg-contoh/papers/artikel-jurnal"
SESSION = "groups/kkg-contoh/sessions/webinar-asesmen"
VIDEO = "groups/kkg-contoh/products/video-pecahan"


@pytest.fixture(scope="module")
def loaded():
    result = check_archive(FIXTURE)
    assert not result.errors, [p.message("en") for p in result.errors]
    return result.archive(), result.settings


@pytest.fixture(autouse=True)
def no_disk_cache(monkeypatch):
    monkeypatch.setenv("JEJAK_CACHE_DIR", "off")
    citation._disk_cache.cache_clear()
    yield
    citation._disk_cache.cache_clear()


def works(archive):
    return [r for kind in CITABLE for r in archive.of_kind(kind)]


# --- APA -----------------------------------------------------------------------------------

def test_apa_of_a_ptk_report_in_indonesian(loaded):
    archive, settings = loaded
    block = outputs.citation_block(archive.get(PTK), archive, settings, "id")
    assert block["apa"] == (
        "Aminah, S., &amp; Yusuf, M. (2025). <i>Peningkatan Hasil Belajar Pecahan melalui Model "
        "Problem Based Learning di Kelas IV</i> [Laporan penelitian tindakan kelas]. KKG MI Kota "
        "Contoh. <a href=\"https://arsip.contoh.id/kelompok/kkg-contoh/publikasi/ptk-pecahan/\">"
        "https://arsip.contoh.id/kelompok/kkg-contoh/publikasi/ptk-pecahan/</a>"
    )
    assert {k: block[k] for k in ("bib", "ris", "json")} == {
        "bib": "cite.bib", "ris": "cite.ris", "json": "cite.json"}


def test_apa_uses_the_indonesian_locale_for_dates_and_english_on_request(loaded):
    archive, settings = loaded
    video = archive.get(VIDEO)
    assert "(2025, Agustus 23)" in outputs.citation_block(video, archive, settings, "id")["apa"]
    assert "(2025, August 23)" in outputs.citation_block(video, archive, settings, "en")["apa"]


def test_apa_of_a_journal_article_escapes_the_title_and_cites_the_doi(loaded):
    archive, settings = loaded
    apa = outputs.citation_block(archive.get(ARTICLE), archive, settings)["apa"]
    assert apa.startswith("Nurhayati, &amp; Baso, A. (2024). Pecahan &amp; Desimal: "
                          "&lt;Belajar&gt; {Asyik} 100% #1. <i>Jurnal Pendidikan Madrasah "
                          "Ibtidaiyah</i>, <i>5</i>(2), 112–120. ")
    assert "https://doi.org/10.1234/jpmi.v5i2.77" in apa
    assert "<Belajar>" not in apa
    assert set(re.findall(r"</?([a-z]+)", apa)) <= {"i", "a"}


def test_a_session_is_a_group_work_that_names_the_group(loaded):
    archive, settings = loaded
    apa = outputs.citation_block(archive.get(SESSION), archive, settings)["apa"]
    assert apa.startswith("KKG MI Kota Contoh. (2025, Maret 14). <i>Webinar Asesmen Formatif di "
                          "Madrasah</i> [Webinar; Zoom].")


def test_only_works_have_a_citation_block(loaded):
    archive, settings = loaded
    assert outputs.citation_block(archive.get("groups/kkg-contoh"), archive, settings) == {}
    assert outputs.citation_block(archive.get("people/nurhayati"), archive, settings) == {}


def test_the_style_and_locales_are_the_files_shipped_with_jejak():
    csl = citation.CSL_DIR
    for name in ("apa.csl", "locales-id-ID.xml", "locales-en-US.xml", "README.md"):
        assert (csl / name).is_file(), name
    assert "creativecommons.org/licenses/by-sa/3.0" in (csl / "apa.csl").read_text()
    assert "CC-BY-SA" in (csl / "README.md").read_text()
    style = citation._style("id")
    sources = {Path(loc.getroottree().docinfo.URL or "").resolve() for loc in style.root.locales
               if loc.getparent() is None}
    assert sources == {(csl / "locales-id-ID.xml").resolve(), (csl / "locales-en-US.xml").resolve()}


def test_rendered_citations_are_cached_on_disk(loaded, tmp_path, monkeypatch):
    archive, settings = loaded
    monkeypatch.setenv("JEJAK_CACHE_DIR", str(tmp_path))
    citation._disk_cache.cache_clear()
    first = outputs.citation_block(archive.get(PTK), archive, settings)["apa"]
    assert (tmp_path / "citations.sqlite3").is_file()
    citation._disk_cache.cache_clear()
    monkeypatch.setattr(citation, "_render", lambda *a: pytest.fail("rendered again"))
    assert outputs.citation_block(archive.get(PTK), archive, settings)["apa"] == first


@pytest.mark.parametrize("name, family, given", [
    ("Dra. Siti Aminah, S.Pd.I., M.Pd.", "Aminah", "Siti"),
    ("Muhammad Yusuf, S.Pd.", "Yusuf", "Muhammad"),
    ("Nurhayati", "Nurhayati", ""),
    ("Prof. Dr. H. Andi Baso, M.Si.", "Baso", "Andi"),
    ("Hj. Sitti Rahmah", "Rahmah", "Sitti"),
    ("Muh. Ilham Syam", "Syam", "Muh. Ilham"),
])
def test_names_lose_academic_titles_and_cite_the_last_word_first(name, family, given):
    assert split_name(name) == (family, given)


def test_a_missing_site_url_is_a_clear_bilingual_error(loaded):
    archive, _ = loaded
    with pytest.raises(JejakError) as caught:
        outputs.citation_block(archive.get(PTK), archive, Settings(site_url=""))
    message = str(caught.value)
    assert "site_url belum diisi di mkdocs.yml" in message
    assert "site_url is not set in mkdocs.yml" in message


# --- cite.bib, cite.ris, cite.json ---------------------------------------------------------

@pytest.fixture(scope="module")
def files(loaded):
    archive, settings = loaded
    return outputs.site_files(archive, settings, FIXTURE)


def test_every_work_has_its_three_downloads_and_nothing_else_does(loaded, files):
    archive, _ = loaded
    cited = {p.rsplit("/", 1)[0] + "/" for p in files if p.endswith(("cite.bib", "cite.ris",
                                                                       "cite.json"))}
    assert cited == {r.url for r in works(archive)}
    for record in works(archive):
        for name in ("cite.bib", "cite.ris", "cite.json"):
            assert record.url + name in files
    assert "kelompok/kkg-contoh/karya/draf-modul/cite.bib" not in files  # a draft


def test_cite_bib_parses_with_pybtex(loaded, files):
    from pybtex.database import parse_string

    archive, _ = loaded
    for record in works(archive):
        text = files[record.url + "cite.bib"].decode("utf-8")
        database = parse_string(text, "bibtex")
        (key, entry), = database.entries.items()
        assert entry.fields["url"] == f"{SITE}/{record.url}"
        assert entry.fields["year"] == str(record.date.year)
        assert entry.fields["title"].strip("{}") == citation.bib_escape(record.title)
    ptk = parse_string(files["kelompok/kkg-contoh/publikasi/ptk-pecahan/cite.bib"].decode(),
                       "bibtex")
    (key, entry), = ptk.entries.items()
    assert key == "kkg-contoh:ptk-pecahan" and entry.type == "techreport"
    assert [str(p) for p in entry.persons["author"]] == ["Aminah, Siti", "Yusuf, Muhammad"]
    assert entry.fields["institution"] == "KKG MI Kota Contoh"
    article = parse_string(files["kelompok/kkg-contoh/publikasi/artikel-jurnal/cite.bib"].decode(),
                           "bibtex")
    (_, entry), = article.entries.items()
    assert entry.type == "article"
    assert entry.fields["journal"] == "Jurnal Pendidikan Madrasah Ibtidaiyah"
    assert entry.fields["pages"] == "112--120" and entry.fields["doi"] == "10.1234/jpmi.v5i2.77"
    assert entry.fields["title"] == r"{Pecahan \& Desimal: <Belajar> \{Asyik\} 100\% \#1}"
    session = parse_string(files["kelompok/kkg-contoh/kegiatan/webinar-asesmen/cite.bib"].decode(),
                           "bibtex")
    (_, entry), = session.entries.items()
    assert [str(p) for p in entry.persons["author"]] == ["{KKG MI Kota Contoh}"]


def test_cite_ris_is_one_reference_from_ty_to_er(loaded, files):
    archive, _ = loaded
    for record in works(archive):
        text = files[record.url + "cite.ris"].decode("utf-8")
        lines = text.split("\r\n")
        assert lines[0].startswith("TY  - ") and lines[-2] == "ER  - " and lines[-1] == ""
        assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines[:-1])
        assert f"UR  - {SITE}/{record.url}" in lines
        assert f"TI  - {record.title}" in lines
    ptk = files["kelompok/kkg-contoh/publikasi/ptk-pecahan/cite.ris"].decode().split("\r\n")
    assert ptk[:3] == ["TY  - RPRT", "AU  - Aminah, Siti", "AU  - Yusuf, Muhammad"]
    article = files["kelompok/kkg-contoh/publikasi/artikel-jurnal/cite.ris"].decode()
    for line in ("TY  - JOUR", "T2  - Jurnal Pendidikan Madrasah Ibtidaiyah", "VL  - 5", "IS  - 2",
                 "SP  - 112", "EP  - 120", "SN  - 2580-1234", "DO  - 10.1234/jpmi.v5i2.77"):
        assert line + "\r\n" in article


def test_cite_json_is_csl_json_that_citeproc_renders(loaded, files):
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    archive, _ = loaded
    style = CitationStylesStyle(str(citation.STYLE), locale="en-US", validate=False)
    for record in works(archive):
        items = json.loads(files[record.url + "cite.json"])
        assert isinstance(items, list) and len(items) == 1
        item = items[0]
        assert item["id"] == record.id and item["URL"] == f"{SITE}/{record.url}"
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        bibliography.register(Citation([CitationItem(record.id)]))
        rendered = "".join(str(e) for e in bibliography.bibliography())
        assert str(record.date.year) in rendered and record.title[:20] in rendered


def test_outsiders_are_cited_by_their_inline_name(loaded):
    archive, settings = loaded
    item = citation.csl_item(archive.get(ARTICLE), archive, settings)
    assert item["author"] == [{"family": "Nurhayati"}, {"family": "Baso", "given": "Andi"}]
    assert item["type"] == "article-journal" and item["DOI"] == "10.1234/jpmi.v5i2.77"


def test_a_multi_day_session_is_cited_from_its_start(loaded):
    archive, settings = loaded
    item = citation.csl_item(archive.get(SESSION), archive, settings)
    item["issued"] = citation.date_parts(*(__import__("datetime").date(2025, m, d)
                                          for m, d in ((4, 12), (6, 28))))
    assert item["issued"] == {"date-parts": [[2025, 4, 12], [2025, 6, 28]]}
    assert citation.apa_html(item).startswith("KKG MI Kota Contoh. (2025, April 12). ")


def test_a_books_pages_are_its_length_not_a_range(loaded):
    archive, settings = loaded
    book = archive.get(ARTICLE)
    data = dict(book.data, type="buku", publication={"pages": "xii + 148", "isbn": "978-1"})
    record = type(book)(book.id, book.kind, book.path, data, book.body)
    item = citation.csl_item(record, archive, settings)
    assert item["type"] == "book" and item["number-of-pages"] == "xii + 148"
    assert "page" not in item
    tags = dict(outputs_meta(record, archive, settings))
    assert "citation_firstpage" not in tags and tags["citation_isbn"] == "978-1"


def outputs_meta(record, archive, settings):
    from jejak.generate.linked_data import highwire

    return highwire(record, archive, settings)
