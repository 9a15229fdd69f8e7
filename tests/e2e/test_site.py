"""The demo archive built once with `jejak build`: every URL of SPEC §6, privacy, caching, nav.

The session fixture copies the demo (content/, archive/, mkdocs.yml, overrides/,
published-ids.txt) into a temporary folder and runs the real CLI there; every
test reads that one site. Expected pages come from the checked archive itself
(`check_archive(root).archive()`), so a record added to the demo is covered too.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from archive_kit import tree_hashes
from demo_kit import build_demo, demo_cache, jejak
from lxml import html as lxml_html

from jejak.model import Archive
from jejak.validate import check_archive

pytestmark = pytest.mark.slow

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
# SPEC §6: the URL of each record kind, written out here rather than taken from the code
SEGMENT = {"plans": "program", "sessions": "kegiatan", "products": "karya", "papers": "publikasi"}


def spec_url(record_id: str) -> str:
    """Site path of a record id as SPEC §6 fixes it ("" is the home page)."""
    parts = record_id.split("/")
    if parts[0] == "people":
        return f"profil/{parts[1]}/"
    if len(parts) == 2:
        return f"kelompok/{parts[1]}/"
    return f"kelompok/{parts[1]}/{SEGMENT[parts[2]]}/{parts[3]}/"


def site_hashes(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@dataclass
class Demo:
    root: Path
    site: Path
    before: dict[str, str]  # source tree hashes before the first build
    archive: Archive

    def page(self, url: str) -> Path:
        return self.site / url / "index.html"

    def parse(self, url: str):
        return lxml_html.document_fromstring(self.page(url).read_bytes())


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    root, before = build_demo(tmp_path_factory)
    result = check_archive(root)
    assert not result.errors, result.errors
    return Demo(root, root / "site", before, result.archive())


@pytest.fixture(scope="session")
def plain_site(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same demo built by plain `mkdocs build` (the plugin listed in mkdocs.yml)."""
    target = demo.root.parent / "jejak-demo-mkdocs-site"
    if not (target / "index.html").is_file():
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
                   JEJAK_CACHE_DIR=str(demo_cache(tmp_path_factory)))
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(target)],
                              cwd=demo.root, capture_output=True, text=True, env=env, timeout=600)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return target


@pytest.fixture(scope="session")
def rebuild_stats(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """A second build of the unchanged demo, in this process, and its counters."""
    from jejak import sitebuild
    from jejak.build import run_build

    sitebuild.STATS.clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JEJAK_CACHE_DIR", str(demo_cache(tmp_path_factory)))
        run_build(demo.root)
    return dict(sitebuild.STATS)


# --- every URL of SPEC §6 that the site has now -------------------------------------------

def test_the_demo_has_every_kind_of_record(demo: Demo) -> None:
    kinds = {r.kind for r in demo.archive.records.values()}
    assert kinds == {"group", "person", "plan", "session", "product", "paper"}
    assert demo.archive.drafts, "the demo should hold a draft"


def test_fixed_pages(demo: Demo) -> None:
    home = demo.parse("")
    assert home.find(".//nav") is not None
    assert demo.page("kelompok/").is_file()
    search = demo.parse("cari/")
    assert search.get_element_by_id("jejak-search") is not None
    form = search.get_element_by_id("jejak-search").find(".//form")
    assert form.find(".//input[@name='q']") is not None
    assert (demo.site / "pagefind" / "pagefind.js").is_file()


def test_every_published_record_has_its_page(demo: Demo) -> None:
    missing, wrong = [], []
    for record in demo.archive.records.values():
        url = spec_url(record.id)
        if not demo.page(url).is_file():
            missing.append(url)
            continue
        doc = demo.parse(url)
        heading = doc.xpath("//article[contains(@class, 'jejak-record')]/h1")
        if not heading or heading[0].text_content().strip() != record.title:
            wrong.append((url, heading[0].text_content() if heading else None, record.title))
        elif not doc.findtext(".//title").startswith(record.title):
            wrong.append((url, doc.findtext(".//title"), record.title))
    assert not missing, f"no page for {missing}"
    assert not wrong, wrong


def test_every_group_page_lists_its_records(demo: Demo) -> None:
    for group in (r for r in demo.archive.records.values() if r.kind == "group"):
        doc = demo.parse(spec_url(group.id))
        hrefs = {a.get("href") for a in doc.iter("a")}
        children = [r for r in demo.archive.records.values()
                    if r.group == group.slug and r.kind != "group"]
        assert children
        for child in children:
            assert "/" + spec_url(child.id) in hrefs, (group.id, child.id)


def test_search_index_covers_every_record_page(demo: Demo) -> None:
    entry = json.loads((demo.site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["id"]["page_count"] == len(demo.archive.records)


def test_drafts_have_no_page(demo: Demo) -> None:
    pages = [p.read_text(encoding="utf-8") for p in demo.site.rglob("*.html")]
    for draft in demo.archive.drafts.values():
        assert not demo.page(spec_url(draft.id)).exists(), draft.id
        assert not (demo.site / spec_url(draft.id)).exists(), draft.id
        needle = "/" + spec_url(draft.id)
        assert not [p for p in pages if needle in p], f"a page links to the draft {draft.id}"
        assert not [p for p in pages if draft.title in p], f"a page names the draft {draft.id}"


def test_moved_record_redirects_from_its_old_url(demo: Demo) -> None:
    moved = [r for r in demo.archive.records.values() if r.moved_from]
    assert moved, "the demo should hold a moved record"
    for record in moved:
        new = "/" + spec_url(record.id)
        for old in record.moved_from:
            page = demo.page(spec_url(old))
            assert page.is_file(), f"no redirect page at the old URL of {old}"
            doc = lxml_html.document_fromstring(page.read_bytes())
            refresh = doc.xpath("//meta[@http-equiv='refresh']/@content")
            assert refresh and refresh[0].replace(" ", "").endswith(f"url={new}"), refresh
            assert doc.xpath("//link[@rel='canonical']/@href") == [new]
            assert new in [a.get("href") for a in doc.iter("a")]
            assert doc.xpath("//meta[@name='robots']/@content") == ["noindex"]


def test_withdrawn_record_is_a_tombstone(demo: Demo) -> None:
    withdrawn = [r for r in demo.archive.records.values() if r.withdrawn]
    assert withdrawn, "the demo should hold a withdrawn record"
    for record in withdrawn:
        url = spec_url(record.id)
        doc = demo.parse(url)
        article = doc.xpath("//article[contains(@class, 'jejak-record')]")[0]
        notice = article.xpath(".//*[contains(@class, 'jejak-withdrawn')]")
        assert notice, f"{url} shows no withdrawal notice"
        assert record.withdrawn in notice[0].text_content()
        published = [p.relative_to(demo.site / url).as_posix()
                     for p in (demo.site / url).rglob("*") if p.is_file()]
        assert "index.html" in published
        archived = [p for p in published if p.startswith("berkas/") or p.rsplit(".", 1)[-1]
                    in ("pdf", "jpg", "jpeg", "png", "webp", "gif", "wav", "mp3", "ogg", "mp4",
                        "webm", "vtt", "docx", "pptx", "xlsx", "odt")]
        assert not archived, f"{url} still publishes {archived}"
        assert not article.xpath(".//img | .//audio | .//video | .//source | .//iframe")
        assert not [a for a in article.iter("a") if "/berkas/" in (a.get("href") or "")]


# --- the build ------------------------------------------------------------------------------

def test_plain_mkdocs_build_gives_the_same_site(demo: Demo, plain_site: Path) -> None:
    ours = site_hashes(demo.site)
    plain = site_hashes(plain_site)
    # Pagefind names its index files by hash and does not order them the same way each run.
    ours_names = {p for p in ours if not p.startswith("pagefind/")}
    plain_names = {p for p in plain if not p.startswith("pagefind/")}
    assert ours_names == plain_names
    pages = sorted(p for p in ours_names if p.endswith("index.html"))
    assert len(pages) > len(demo.archive.records)
    differ = [p for p in ours_names if p.endswith((".html", ".svg")) and ours[p] != plain[p]]
    assert not differ, f"the two builds differ in {differ}"
    assert (plain_site / "pagefind" / "pagefind.js").is_file()


def test_one_process_builds_the_same_site_as_several(demo: Demo, tmp_path_factory) -> None:
    target = demo.root.parent / "jejak-demo-serial-site"
    proc = jejak("build", str(demo.root), "--site-dir", str(target), cwd=demo.root,
                 cache=demo_cache(tmp_path_factory), workers=1)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "by 1 processes" in proc.stderr
    parallel, serial = site_hashes(demo.site), site_hashes(target)
    # Pagefind names its index files by hash and does not order them the same way each run.
    assert {p for p in parallel if not p.startswith("pagefind/")} == \
        {p for p in serial if not p.startswith("pagefind/")}
    differ = sorted(p for p in serial if not p.startswith("pagefind/") and serial[p] != parallel[p])
    assert not differ, f"the serial build differs in {differ}"


def test_the_sitemap_is_jejaks(demo: Demo) -> None:
    """Every record page with the date of its last change; not MkDocs' own sitemap, which
    would list browse pages with the build date."""
    from lxml import etree

    assert not (demo.site / "sitemap.xml.gz").exists()
    root = etree.fromstring((demo.site / "sitemap.xml").read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [urlsplit(loc).path for loc in root.xpath("//s:loc/text()", namespaces=ns)]
    assert not [loc for loc in locs if loc.startswith("/jelajah/")]
    published = [r for r in demo.archive.records.values() if not r.withdrawn]
    assert {"/" + spec_url(r.id) for r in published} <= set(locs)


def test_build_never_changes_the_source_tree(demo: Demo, plain_site: Path,
                                             rebuild_stats: dict[str, int]) -> None:
    assert tree_hashes(demo.root) == demo.before
    leftovers = [p.name for p in demo.root.iterdir() if p.name.startswith(".")]
    assert not leftovers, "staging, old site or cache folders left in ROOT"


def test_second_build_processes_no_image_and_renders_no_body(
        rebuild_stats: dict[str, int]) -> None:
    assert rebuild_stats["images"] > 0 and rebuild_stats["pages"] > 0
    assert rebuild_stats["images_processed"] == 0
    assert rebuild_stats["bodies_rendered"] == 0


def test_no_published_image_carries_exif(demo: Demo) -> None:
    from PIL import Image

    gps_sources = []
    for path in (demo.root / "archive").rglob("*"):
        if path.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp"):
            with Image.open(path) as img:
                if img.getexif().get_ifd(0x8825):
                    gps_sources.append(path)
    assert gps_sources, "the demo should hold photos with GPS tags"
    for source in gps_sources:  # their derivatives are published, so they are checked below
        folder = source.parent.relative_to(demo.root / "archive").as_posix()
        record = demo.archive.get(folder)
        assert record is not None, folder
        derived = list((demo.site / spec_url(record.id) / "berkas").glob(f"{source.stem}-*"))
        assert derived, f"no derivative of {source} was published"
    images = [p for p in demo.site.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES]
    assert len(images) > 50
    carrying = []
    for path in images:
        with Image.open(path) as img:
            if img.getexif() or "exif" in img.info or "xmp" in img.info \
                    or "XML:com.adobe.xmp" in img.info:
                carrying.append(path.relative_to(demo.site).as_posix())
    assert not carrying, carrying


def test_records_never_enter_the_nav(demo: Demo) -> None:
    pages = sorted(demo.site.rglob("index.html"))
    assert len(pages) > 100
    for page in pages:
        doc = lxml_html.document_fromstring(page.read_bytes())
        if doc.find(".//meta[@http-equiv='refresh']") is not None:
            continue  # a redirect page has no theme
        nav = doc.xpath("//nav[contains(@class, 'md-nav--primary')]")
        assert len(nav) == 1, page
        links = nav[0].xpath(".//a[contains(@class, 'md-nav__link')]")
        labels = [a.text_content().strip() for a in links]
        assert labels == ["Beranda", "Kelompok", "Cari"], (page, labels)
        assert len(lxml_html.tostring(nav[0])) < 4000, page


def test_every_internal_link_resolves(demo: Demo) -> None:
    broken = []
    for page in sorted(demo.site.rglob("*.html")):
        doc = lxml_html.document_fromstring(page.read_bytes())
        folder = page.parent.relative_to(demo.site).as_posix()
        base = "/" if folder == "." else f"/{folder}/"
        for link in _links(doc):
            target = _target(demo.site, base, link)
            if target is not None and not target.exists():
                broken.append((page.relative_to(demo.site).as_posix(), link))
    assert not broken, broken[:20]


def _links(doc) -> list[str]:
    out = [link for _, attribute, link, _ in doc.iterlinks() if attribute in ("href", "src")]
    for element in doc.xpath("//*[@srcset]"):
        out += [c.strip().split()[0] for c in element.get("srcset").split(",") if c.strip()]
    return out


def _target(site: Path, base: str, link: str) -> Path | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # another site, or an anchor of this page
    path = parts.path if parts.path.startswith("/") else _join(base, parts.path)
    target = site / unquote(path).lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def _join(base: str, relative: str) -> str:
    out = [p for p in base.split("/") if p]
    for part in relative.split("/"):
        if part == "..":
            out = out[:-1]
        elif part not in ("", "."):
            out.append(part)
    return "/" + "/".join(out) + ("/" if relative.endswith("/") or relative in ("", ".") else "")


def test_pages_are_utf8_and_indonesian(demo: Demo) -> None:
    doc = demo.parse("")
    assert doc.get("lang") == "id"
    assert re.search(r'<meta charset="utf-8">', demo.page("").read_text(encoding="utf-8"))
