"""Extra site files and page heads: JSON-LD, Highwire tags, signposting, feeds, sitemap, open data,
fixity manifest and provenance from git."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from jejak.config import Settings
from jejak.errors import JejakError
from jejak.generate import fixity, outputs
from jejak.generate.common import original_path
from jejak.validate import check_archive

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "citable"
SITE = "https://arsip.contoh.id"
PTK = "groups/kkg-contoh/papers/ptk-pecahan"
ARTICLE = "groups/kkg-contoh/papers/artikel-jurnal"
PTK_PAGE = "kelompok/kkg-contoh/publikasi/ptk-pecahan/"


def git(root: Path, *args: str, when: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Uji", GIT_AUTHOR_EMAIL="uji@contoh.id",
               GIT_COMMITTER_NAME="Uji", GIT_COMMITTER_EMAIL="uji@contoh.id")
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when}T10:00:00+08:00"
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """The fixture archive in a git repository: added 2025-07-01, the PTK changed 2025-09-15."""
    root = tmp_path_factory.mktemp("arsip") / "arsip"
    shutil.copytree(FIXTURE, root)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Arsip awal", when="2025-07-01")
    ptk = root / "content/groups/kkg-contoh/papers/ptk-pecahan.md"
    ptk.write_text(ptk.read_text().replace("Laporan lengkap PTK.", "Laporan lengkap PTK, revisi."))
    git(root, "commit", "-qam", "Revisi PTK", when="2025-09-15")
    fixity.clear_caches()
    return root


@pytest.fixture(scope="module")
def built(repo):
    result = check_archive(repo)
    assert not result.errors, [p.message("en") for p in result.errors]
    archive, settings = result.archive(), result.settings
    return archive, settings, outputs.site_files(archive, settings, repo)


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.scripts, self._in_script = [], [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.meta.append((attrs["name"], attrs["content"]))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script":
            assert attrs == {"type": "application/ld+json"}
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def head(record, archive, settings, root=None) -> _Head:
    parser = _Head()
    parser.feed(outputs.head_html(record, archive, settings, root))
    return parser


# --- site_files ----------------------------------------------------------------------------

def test_site_files_hold_every_output_family(built):
    _, _, files = built
    for path in ("feed.xml", "feed.json", "kelompok/kkg-contoh/feed.xml",
                 "kelompok/kkg-contoh/feed.json", "sitemap.xml", "robots.txt", "oai.xml",
                 "data/oai-repositories.json", "data/records.json", "data/records.csv",
                 "data/datapackage.json", "data/manifest-sha256.txt",
                 "kelompok/kkg-contoh/publikasi/ptk-pecahan/cite.bib"):
        assert path in files, path
    assert all(isinstance(v, bytes) for v in files.values())
    assert not any("draf-modul" in p or b"Draf Modul Rahasia" in v for p, v in files.items())


def test_site_files_need_site_url(built, repo):
    archive, _, _ = built
    with pytest.raises(JejakError, match="site_url"):
        outputs.site_files(archive, Settings(site_url=""), repo)


def test_an_original_that_would_overwrite_a_generated_file_is_an_error(built, repo):
    archive, settings, _ = built
    with pytest.raises(JejakError, match="feed.xml"):
        outputs.site_files(archive, settings, repo, published={"feed.xml": b"x"})


def test_originals_are_published_where_the_pages_link_them(built):
    from jejak.generate.pages import published_path

    archive, _, _ = built
    record = archive.get(PTK)
    assert original_path(record, "laporan.pdf") == published_path(record, "laporan.pdf")


def test_the_output_is_the_same_bytes_when_nothing_changed(built, repo):
    archive, settings, files = built
    assert outputs.site_files(archive, settings, repo) == files


# --- JSON-LD, Highwire, signposting --------------------------------------------------------

EXPECTED_TYPES = {
    PTK: "Report", ARTICLE: "ScholarlyArticle",
    "groups/kkg-contoh/products/poster-adab": "ImageObject",
    "groups/kkg-contoh/products/video-pecahan": "VideoObject",
    "groups/kkg-contoh/products/karya-ditarik": "LearningResource",
    "groups/kkg-contoh/sessions/webinar-asesmen": "Event",
    "groups/kkg-contoh": "Organization", "people/siti-aminah": "Person",
    "groups/kkg-contoh/plans/2025": "CreativeWork",
}


@pytest.mark.parametrize("record_id, schema_type", sorted(EXPECTED_TYPES.items()))
def test_json_ld_parses_and_has_the_type_of_the_record(built, repo, record_id, schema_type):
    archive, settings, _ = built
    record = archive.get(record_id)
    parsed = head(record, archive, settings, repo)
    (script,) = parsed.scripts
    data = json.loads(script)
    assert data["@context"] == "https://schema.org" and data["@type"] == schema_type
    assert data["@id"] == data["url"] == f"{SITE}/{record.url}"
    if record.kind not in ("group", "person"):
        assert data["license"].startswith("https://creativecommons.org/licenses/")
    if record.kind in ("paper", "product"):
        assert data["author"] and data["datePublished"] == record.date.isoformat()


def test_json_ld_of_a_paper_has_authors_dates_license_and_the_pdf_hash(built, repo):
    archive, settings, _ = built
    data = json.loads(head(archive.get(PTK), archive, settings, repo).scripts[0])
    assert [a["name"] for a in data["author"]] == ["Dra. Siti Aminah, S.Pd.I., M.Pd.",
                                                   "Muhammad Yusuf, S.Pd."]
    assert data["author"][0]["sameAs"] == "https://orcid.org/0000-0002-1825-0097"
    assert data["datePublished"] == "2025-06-21" and data["dateModified"] == "2025-09-15"
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    (pdf,) = data["associatedMedia"]
    source = repo / "archive" / PTK / "laporan.pdf"
    assert pdf["contentUrl"] == f"{SITE}/{PTK_PAGE}berkas/laporan.pdf"
    assert pdf["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()


def test_json_ld_cannot_close_its_script_element(built):
    archive, settings, _ = built
    markup = outputs.head_html(archive.get(ARTICLE), archive, settings)
    script = markup[markup.index("<script"):]
    assert script.count("<") == 2 and "</script>" in script  # its own tags only
    assert "\\u003cBelajar\\u003e" in script


def test_a_paper_carries_highwire_citation_tags(built, repo):
    archive, settings, _ = built
    meta = head(archive.get(PTK), archive, settings, repo).meta
    assert meta[0] == ("citation_title", "Peningkatan Hasil Belajar Pecahan melalui Model "
                                         "Problem Based Learning di Kelas IV")
    assert [v for k, v in meta if k == "citation_author"] == ["Siti Aminah", "Muhammad Yusuf"]
    tags = dict(meta)
    assert tags["citation_publication_date"] == "2025/06/21"
    assert tags["citation_online_date"] == "2025/07/01"
    assert tags["citation_pdf_url"] == (f"{SITE}/kelompok/kkg-contoh/publikasi/ptk-pecahan/"
                                        "berkas/laporan.pdf")
    assert tags["citation_technical_report_institution"] == "KKG MI Kota Contoh"
    assert "citation_journal_title" not in tags


def test_a_journal_article_carries_its_journal_details(built):
    archive, settings, _ = built
    tags = dict(head(archive.get(ARTICLE), archive, settings).meta)
    assert tags["citation_journal_title"] == "Jurnal Pendidikan Madrasah Ibtidaiyah"
    assert (tags["citation_issn"], tags["citation_volume"], tags["citation_issue"]) == (
        "2580-1234", "5", "2")
    assert (tags["citation_firstpage"], tags["citation_lastpage"]) == ("112", "120")
    assert tags["citation_doi"] == "10.1234/jpmi.v5i2.77"
    assert tags["citation_title"] == 'Pecahan & Desimal: <Belajar> {Asyik} 100% #1'
    assert "citation_pdf_url" not in tags  # no file archived


@pytest.mark.parametrize("record_id", [
    "groups/kkg-contoh/products/poster-adab", "groups/kkg-contoh/sessions/webinar-asesmen",
    "groups/kkg-contoh", "people/siti-aminah", "groups/kkg-contoh/plans/2025"])
def test_non_scholarly_pages_carry_no_citation_tags(built, record_id):
    archive, settings, _ = built
    markup = outputs.head_html(archive.get(record_id), archive, settings)
    assert "citation_" not in markup.split("<script")[0]


def test_pages_carry_signposting_links(built):
    archive, settings, _ = built
    links = head(archive.get(PTK), archive, settings).links
    rels = {}
    for link in links:
        rels.setdefault(link["rel"], []).append(link)
    page = f"{SITE}/kelompok/kkg-contoh/publikasi/ptk-pecahan/"
    assert [x["href"] for x in rels["cite-as"]] == [page]
    assert {x["href"]: x["type"] for x in rels["describedby"]} == {
        page + "cite.json": "application/vnd.citationstyles.csl+json",
        page + "cite.bib": "application/x-bibtex",
        page + "cite.ris": "application/x-research-info-systems"}
    assert [x["href"] for x in rels["license"]] == ["https://creativecommons.org/licenses/by-sa/4.0/"]
    assert [x["href"] for x in rels["author"]] == ["https://orcid.org/0000-0002-1825-0097",
                                                   f"{SITE}/profil/muhammad-yusuf/"]
    assert [x["href"] for x in rels["item"]] == [page + "berkas/laporan.pdf"]
    doi = head(archive.get(ARTICLE), archive, settings).links
    assert [x["href"] for x in doi if x["rel"] == "cite-as"] == [
        "https://doi.org/10.1234/jpmi.v5i2.77"]


def test_a_withdrawn_work_links_no_files(built):
    archive, settings, _ = built
    record = archive.get("groups/kkg-contoh/products/karya-ditarik")
    parsed = head(record, archive, settings)
    assert not [x for x in parsed.links if x["rel"] == "item"]
    assert json.loads(parsed.scripts[0])["creativeWorkStatus"] == "Withdrawn"


# --- provenance ----------------------------------------------------------------------------

def test_provenance_comes_from_git(built, repo):
    archive, _, _ = built
    ptk = outputs.provenance(archive.get(PTK), repo)
    assert ptk["added"] == dt.date(2025, 7, 1) and ptk["modified"] == dt.date(2025, 9, 15)
    (pdf,) = ptk["files"]
    assert pdf["path"] == "kelompok/kkg-contoh/publikasi/ptk-pecahan/berkas/laporan.pdf"
    assert pdf["size"] == (repo / "archive" / PTK / "laporan.pdf").stat().st_size
    poster = outputs.provenance(archive.get("groups/kkg-contoh/products/poster-adab"), repo)
    assert poster["added"] == poster["modified"] == dt.date(2025, 7, 1)


def test_provenance_reads_git_once_for_the_whole_repository(built, repo, monkeypatch):
    archive, _, _ = built
    calls = []
    real = fixity._git
    monkeypatch.setattr(fixity, "_git", lambda *a: calls.append(a) or real(*a))
    fixity.clear_caches()
    for record in archive.records.values():
        outputs.provenance(record, repo)
    assert len(calls) == 2  # rev-parse, then one log


def test_without_git_history_provenance_is_none_and_dates_fall_back(tmp_path):
    root = tmp_path / "arsip"
    shutil.copytree(FIXTURE, root)
    result = check_archive(root)
    archive = result.archive()
    fixity.clear_caches()
    assert outputs.provenance(archive.get(PTK), root)["added"] is None
    files = outputs.site_files(archive, result.settings, root)
    sitemap = files["sitemap.xml"].decode()
    assert (f"<loc>{SITE}/kelompok/kkg-contoh/publikasi/ptk-pecahan/</loc>\n"
            "    <lastmod>2025-06-21</lastmod>") in sitemap


def test_a_shallow_clone_counts_as_no_history(repo, tmp_path):
    clone = tmp_path / "dangkal"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
                   check=True, capture_output=True)
    fixity.clear_caches()
    record = check_archive(clone).archive().get(PTK)
    assert outputs.provenance(record, clone)["added"] is None


# --- feeds ---------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["", "kelompok/kkg-contoh/"])
def test_atom_feeds_parse(built, prefix):
    import feedparser

    _, _, files = built
    feed = feedparser.parse(files[prefix + "feed.xml"])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    titles = [e.title for e in feed.entries]
    assert titles[0] == "Video Pecahan Senilai"  # newest first
    assert "Karya yang Ditarik" not in titles and len(titles) == 5
    ptk = next(e for e in feed.entries if e.link.endswith("/publikasi/ptk-pecahan/"))
    assert ptk.id == f"{SITE}/kelompok/kkg-contoh/publikasi/ptk-pecahan/"
    assert ptk.updated.startswith("2025-09-15") and ptk.published.startswith("2025-06-21")
    assert [a["name"] for a in ptk.authors] == ["Dra. Siti Aminah, S.Pd.I., M.Pd.",
                                                "Muhammad Yusuf, S.Pd."]
    assert any(link.rel == "enclosure" and link.href.endswith("berkas/laporan.pdf")
               for link in ptk.links)


def test_json_feeds_are_json_feed_1_1(built):
    _, _, files = built
    for path in ("feed.json", "kelompok/kkg-contoh/feed.json"):
        feed = json.loads(files[path])
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["feed_url"] == f"{SITE}/{path}"
        assert len(feed["items"]) == 5
        for item in feed["items"]:
            assert item["id"] == item["url"] and item["content_text"]
            dt.datetime.fromisoformat(item["date_published"])


# --- sitemap, robots -----------------------------------------------------------------------

def test_sitemap_lists_every_record_with_its_last_change(built):
    from lxml import etree

    archive, _, files = built
    root = etree.fromstring(files["sitemap.xml"])
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
               for u in root.findall("s:url", ns)}
    assert len(entries) == len(archive.records) + 1
    assert entries[f"{SITE}/kelompok/kkg-contoh/publikasi/ptk-pecahan/"] == "2025-09-15"
    assert entries[f"{SITE}/profil/nurhayati/"] == "2025-07-01"
    assert f"{SITE}/kelompok/kkg-contoh/karya/draf-modul/" not in entries


def test_robots_points_at_the_sitemap(built):
    _, _, files = built
    assert files["robots.txt"].decode() == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITE}/sitemap.xml\n")


# --- open data -----------------------------------------------------------------------------

def test_records_csv_follows_its_frictionless_schema(built):
    archive, _, files = built
    package = json.loads(files["data/datapackage.json"])
    assert package["profile"] == "data-package"
    resources = {r["name"]: r for r in package["resources"]}
    table = resources["records"]
    assert table["path"] == "records.csv" and table["profile"] == "tabular-data-resource"
    content = files["data/records.csv"]
    assert table["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
    assert table["bytes"] == len(content)
    assert resources["records-json"]["hash"] == "sha256:" + hashlib.sha256(
        files["data/records.json"]).hexdigest()
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
    assert list(rows[0]) == [f["name"] for f in table["schema"]["fields"]]
    assert len(rows) == len(archive.records)
    types = {f["name"]: f["type"] for f in table["schema"]["fields"]}
    for row in rows:
        for name, value in row.items():
            if value and types[name] == "date":
                dt.date.fromisoformat(value)
            if value and types[name] == "integer":
                int(value)
    ptk = next(r for r in rows if r["id"] == PTK)
    assert ptk["authors"] == "Dra. Siti Aminah, S.Pd.I., M.Pd.; Muhammad Yusuf, S.Pd."
    assert (ptk["added"], ptk["modified"], ptk["license"]) == ("2025-07-01", "2025-09-15",
                                                               "CC-BY-SA-4.0")


def test_records_json_has_every_record_with_its_data(built):
    archive, _, files = built
    records = json.loads(files["data/records.json"])
    assert [r["id"] for r in records] == sorted(archive.records)
    ptk = next(r for r in records if r["id"] == PTK)
    assert ptk["data"]["date"] == "2025-06-21" and ptk["data"]["file"] == "laporan.pdf"
    (original,) = ptk["original_files"]
    assert original["url"].endswith("/ptk-pecahan/berkas/laporan.pdf") and len(
        original["sha256"]) == 64


# --- fixity manifest -----------------------------------------------------------------------

def test_manifest_lists_every_published_original_in_sha256sum_format(built, repo):
    archive, _, files = built
    lines = files["data/manifest-sha256.txt"].decode().splitlines()
    expected = {}
    for record in archive.records.values():
        if record.withdrawn:
            continue
        for value in ("logo", "file"):
            if record.get(value):
                expected[original_path(record, record.get(value))] = repo / "archive" / \
                    record.folder / record.get(value)
    for path, source in expected.items():
        assert f"{hashlib.sha256(source.read_bytes()).hexdigest()}  {path}" in lines
    assert len(lines) == 4  # logo, poster, transcript, PDF
    assert all(re.fullmatch(r"[0-9a-f]{64}  \S+", line) for line in lines)
    assert lines == sorted(lines, key=lambda line: line[66:])


def test_manifest_hashes_what_the_plugin_publishes(built, repo):
    archive, settings, _ = built
    files = outputs.site_files(archive, settings, repo,
                               published={"kelompok/x/berkas/a.pdf": b"abc"})
    assert files["data/manifest-sha256.txt"].decode() == (
        f"{hashlib.sha256(b'abc').hexdigest()}  kelompok/x/berkas/a.pdf\n")
