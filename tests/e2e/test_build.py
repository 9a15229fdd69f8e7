"""`jejak build` on small archives: failed builds keep the old site, hostile records are
neutralised, the English UI, and a site hosted under a sub-path."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from archive_kit import PRODUCT, SESSION, ArchiveKit
from lxml import html as lxml_html

from jejak.build import run_build
from jejak.errors import ArchiveInvalid, JejakError

pytestmark = pytest.mark.slow

SITE_URL = "https://kkg-contoh.example.id/"
PRODUCT_URL = "kelompok/kkg-contoh/karya/poster-pecahan/"
EXTENSIONS = ["admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
              {"toc": {"permalink": True}}, "pymdownx.details", "pymdownx.superfences",
              {"pymdownx.tabbed": {"alternate_style": True}},
              {"pymdownx.tasklist": {"custom_checkbox": True}}]


def write_config(kit: ArchiveKit, site_url: str = SITE_URL, **options) -> None:
    """mkdocs.yml as `jejak init` writes it (site_url set, Markdown extensions listed)."""
    config = {"site_name": "KKG Contoh", "site_url": site_url, "docs_dir": "content",
              "theme": {"name": "material", "language": "id"},
              "plugins": [{"jejak": options} if options else "jejak"],
              "markdown_extensions": EXTENSIONS}
    kit.write("mkdocs.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True))


def site_hashes(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def leftovers(root: Path) -> list[str]:
    """Staging or old-site folders (or a cache) a build left in ROOT."""
    return sorted(p.name for p in root.iterdir() if p.name.startswith("."))


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-c", "from jejak.cli import main; main()", *args],
                          cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


def parse(path: Path):
    return lxml_html.document_fromstring(path.read_bytes())


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch) -> Path:
    """Each test its own derived-data cache (never the user's ~/.cache/jejak)."""
    monkeypatch.setenv("JEJAK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def kit(tmp_path: Path) -> ArchiveKit:
    kit = ArchiveKit(tmp_path / "arsip")
    write_config(kit)
    return kit


@pytest.fixture
def built(kit: ArchiveKit) -> tuple[ArchiveKit, dict[str, str]]:
    """A kit built once; the hashes of its site."""
    site = run_build(kit.root)
    assert site == kit.root / "site"
    hashes = site_hashes(site)
    assert f"{PRODUCT_URL}index.html" in hashes
    return kit, hashes


# --- a failed build keeps the previous site ------------------------------------------------

def test_archive_with_errors_keeps_the_previous_site(built) -> None:
    kit, before = built
    kit.replace(SESSION, "format: webinar", "format: seminar")
    with pytest.raises(ArchiveInvalid) as caught:
        run_build(kit.root)
    assert any(p.code and p.severity == "error" for p in caught.value.problems)
    assert site_hashes(kit.root / "site") == before
    assert leftovers(kit.root) == []


def test_plain_mkdocs_build_of_archive_with_errors_keeps_the_previous_site(built) -> None:
    kit, before = built
    kit.replace(SESSION, "format: webinar", "format: seminar")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=kit.root,
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode != 0
    assert "format" in proc.stderr and "J" in proc.stderr
    assert site_hashes(kit.root / "site") == before
    assert leftovers(kit.root) == []


@pytest.mark.parametrize("workers", ["1", "2"])
def test_page_generation_raising_mid_build_keeps_the_previous_site(built, monkeypatch,
                                                                   workers) -> None:
    """Also when the page that fails is generated in a forked worker."""
    from jejak.generate import pages

    monkeypatch.setenv("JEJAK_WORKERS", workers)
    kit, before = built
    kit.replace(PRODUCT, "Poster untuk kelas IV.", "Poster untuk kelas IV dan V.")
    original = pages.SiteGenerator.record_page
    calls = []

    def record_page(self, record):
        calls.append(record.id)
        if len(calls) == 3:
            raise RuntimeError("template broke")
        return original(self, record)

    monkeypatch.setattr(pages.SiteGenerator, "record_page", record_page)
    with pytest.raises(RuntimeError, match="template broke"):
        run_build(kit.root)
    assert site_hashes(kit.root / "site") == before
    assert leftovers(kit.root) == []


@pytest.mark.parametrize("workers", ["1", "2"])
def test_failure_after_pages_are_written_keeps_the_previous_site(built, monkeypatch,
                                                                 workers) -> None:
    """The search indexer fails in on_post_build, after every page went to the staging folder
    (and, with workers, while a forked worker writes the citation and harvesting files)."""
    from jejak import sitebuild
    from jejak.errors import JejakError

    monkeypatch.setenv("JEJAK_WORKERS", workers)
    kit, before = built
    kit.replace(PRODUCT, "Poster untuk kelas IV.", "Poster untuk kelas IV dan V.")
    written = []

    def index_search(site_dir: Path, language: str) -> None:
        written.extend(p.name for p in site_dir.rglob("index.html"))
        raise JejakError("Pagefind: crashed")

    monkeypatch.setattr(sitebuild, "index_search", index_search)
    with pytest.raises(JejakError, match="Pagefind"):
        run_build(kit.root)
    assert len(written) > 5, "the failure should come after the pages were written"
    assert site_hashes(kit.root / "site") == before
    assert leftovers(kit.root) == []


def test_strict_build_with_a_warning_keeps_the_previous_site(built) -> None:
    """MkDocs aborts a strict build after the last plugin event: the site must not have
    been swapped in by then."""
    kit, before = built
    config = yaml.safe_load(kit.read("mkdocs.yml"))
    config.update(strict=True, extra_templates=["tidak-ada.html"])  # MkDocs warns: not found
    kit.write("mkdocs.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    kit.replace(PRODUCT, "Poster untuk kelas IV.", "Poster untuk kelas IV dan V.")
    with pytest.raises(JejakError, match="strict"):
        run_build(kit.root)
    assert site_hashes(kit.root / "site") == before
    assert leftovers(kit.root) == []
    config.pop("extra_templates")
    kit.write("mkdocs.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    run_build(kit.root)  # strict without warnings: replaced
    assert site_hashes(kit.root / "site") != before


def test_pages_stay_in_mkdocs_loop_when_another_plugin_handles_them(kit, monkeypatch) -> None:
    """Material's search plugin collects every page in on_page_context: a page written by a
    forked worker would be missing from its index, so the pages are written here."""
    monkeypatch.setenv("JEJAK_WORKERS", "2")
    config = yaml.safe_load(kit.read("mkdocs.yml"))
    config["plugins"] = ["search", "jejak"]
    kit.write("mkdocs.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    site = run_build(kit.root)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert PRODUCT_URL in locations
    assert (site / PRODUCT_URL / "index.html").is_file()


def test_a_good_build_replaces_the_site(built) -> None:
    kit, before = built
    kit.replace(PRODUCT, "Poster untuk kelas IV.", "Poster untuk kelas IV dan V.")
    run_build(kit.root)
    after = site_hashes(kit.root / "site")
    assert after[f"{PRODUCT_URL}index.html"] != before[f"{PRODUCT_URL}index.html"]
    assert "kelas IV dan V" in (kit.root / "site" / PRODUCT_URL / "index.html").read_text()
    assert leftovers(kit.root) == []


# --- hostile records -----------------------------------------------------------------------

HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_BODY = """\
Poster untuk kelas IV.

<script>alert(2)</script>

<img src="poster.png" onerror="alert(3)" style="position:fixed;top:0">

<p onclick="alert(4)" style="color:red">Klik di sini</p>

[tautan](javascript:alert(5)) dan <a href="JaVaScRiPt:alert(6)">lagi</a> dan
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==">data</a>

<div id="__config">{"features": []}</div>

<iframe src="https://evil.example/"></iframe>

<style>body { display: none }</style>

<svg><script>alert(8)</script></svg>

<form action="https://evil.example/"><input name="password"></form>

Teks biasa
{: #__drawer }

## Bagian {#__search}
"""


DATA_SCRIPTS = ("application/json", "application/ld+json")


def assert_no_injected_script(doc) -> None:
    """Record text may sit in JSON data blocks (JSON-LD, search config), never in code, and
    can never close its block (`</script>`) to start one."""
    for script in doc.iter("script"):
        text = script.text or ""
        if (script.get("type") or "").lower() in DATA_SCRIPTS:
            assert "<script" not in text.lower() and "</" not in text, text
        else:
            assert "alert(" not in text, text


@pytest.fixture
def hostile(kit: ArchiveKit) -> ArchiveKit:
    kit.replace(PRODUCT, "title: Poster Pecahan Senilai", f'title: "{HOSTILE_TITLE}"')
    kit.replace(PRODUCT, "Poster untuk kelas IV.\n", HOSTILE_BODY)
    return kit


def test_check_warns_j601_for_the_hostile_body(hostile: ArchiveKit) -> None:
    proc = cli("check", str(hostile.root), "--format", "json", cwd=hostile.root)
    assert proc.returncode == 0, proc.stdout + proc.stderr  # warnings only
    found = [p for p in json.loads(proc.stdout) if p["code"] == "J601"]
    assert found
    assert {p["path"] for p in found} == {PRODUCT}
    assert {p["severity"] for p in found} == {"warning"}
    assert {p["field"] for p in found} == {"body"}
    messages = " ".join(p["message"] for p in found)
    for what in ("<script>", "on…=", "style", "javascript:", "iframe"):
        assert what in messages, what


def test_hostile_title_and_body_are_neutralised(hostile: ArchiveKit) -> None:
    site = run_build(hostile.root)
    page = site / PRODUCT_URL / "index.html"
    text = page.read_text(encoding="utf-8")
    doc = parse(page)
    article = doc.xpath("//article[contains(@class, 'jejak-record')]")[0]
    # nothing executable in the record
    assert not article.xpath(".//script | .//style | .//iframe | .//form | .//svg | .//object")
    assert not [(e.tag, a) for e in article.iter() for a in e.attrib if a.lower().startswith("on")]
    assert not article.xpath(".//*[@style]")
    # and nowhere on the page: no script we did not write, no javascript:/data: link
    assert_no_injected_script(doc)
    for element in doc.iter():
        for attribute in ("href", "src", "action", "formaction"):
            value = (element.get(attribute) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (element, value)
    # the theme's own ids are the theme's only
    configs = doc.xpath("//*[@id='__config']")
    assert len(configs) == 1 and configs[0].tag == "script"
    assert not article.xpath(".//*[@id='__drawer' or @for='__drawer' or @id='__search']")
    assert len(doc.xpath("//*[@id='__drawer']")) == 1  # the theme's own
    # the title is text, escaped wherever it appears
    assert doc.findtext(".//title").startswith(HOSTILE_TITLE)
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert article.xpath("./h1")[0].text_content() == HOSTILE_TITLE
    assert text.count(HOSTILE_TITLE) == 0
    # the harmless rest survives
    assert "Klik di sini" in article.text_content()
    assert "Teks biasa" in article.text_content()


def test_hostile_title_is_escaped_on_every_page_that_names_it(hostile: ArchiveKit) -> None:
    site = run_build(hostile.root)
    naming = [p for p in site.rglob("*.html") if "alert(1)" in p.read_text(encoding="utf-8")]
    assert len(naming) >= 3  # the product, its session, its author, listings
    for page in naming:
        assert HOSTILE_TITLE not in page.read_text(encoding="utf-8"), page
        assert_no_injected_script(parse(page))


# --- language and hosting ------------------------------------------------------------------

def test_english_site(kit: ArchiveKit) -> None:
    write_config(kit, language="en")
    site = run_build(kit.root)
    home = parse(site / "index.html")
    assert home.get("lang") == "en"
    nav = home.xpath("//nav[contains(@class, 'md-nav--primary')]//a[contains(@class, "
                     "'md-nav__link')]")
    assert [a.text_content().strip() for a in nav] == ["Home", "Groups", "Search"]
    product = parse(site / PRODUCT_URL / "index.html")
    assert product.get("lang") == "en"
    facts = [dt.text_content() for dt in product.xpath("//dl[@class='jejak-facts']/dt")]
    assert {"Authors", "Date", "Work package", "Competencies", "License"} <= set(facts), facts
    assert "20 March 2025" in product.text_content()
    assert "Penulis" not in product.text_content()
    headsearch = product.xpath("//form[contains(@class, 'jejak-headsearch')]//input")[0]
    assert headsearch.get("placeholder") == "Search…"
    search = parse(site / "cari" / "index.html")
    assert search.findtext(".//title").startswith("Search")
    config = json.loads(search.get_element_by_id("jejak-search-config").text)
    assert config["facets"]["paket"] == "Work package"
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["en"]


def test_site_under_a_sub_path(kit: ArchiveKit) -> None:
    """GitHub Pages serves a project site at https://<owner>.github.io/<repo>/."""
    write_config(kit, site_url="https://contoh.github.io/arsip-kkg/")
    site = run_build(kit.root)
    outside = []
    for page in site.rglob("*.html"):
        doc = parse(page)
        links = [link for _, attribute, link, _ in doc.iterlinks() if attribute in ("href", "src")]
        for element in doc.xpath("//*[@srcset]"):
            links += [c.strip().split()[0] for c in element.get("srcset").split(",")]
        for link in links:
            if link.startswith("/") and not link.startswith("/arsip-kkg/"):
                outside.append((page.relative_to(site).as_posix(), link))
            elif link.startswith("/arsip-kkg/"):
                target = site / link[len("/arsip-kkg/"):].split("#")[0]
                if not (target.is_file() or (target / "index.html").is_file()):
                    outside.append((page.relative_to(site).as_posix(), link))
    assert not outside, outside[:20]
    search = parse(site / "cari" / "index.html")
    config = json.loads(search.get_element_by_id("jejak-search-config").text)
    assert config["base"] == "/arsip-kkg"
