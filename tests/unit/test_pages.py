"""SiteGenerator on a small archive: one page per record, URLs (sub-path hosting included),
redirects, facets, alt texts, listings, and which files are published."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from archive_kit import GROUP, PAPER, PRODUCT, SESSION, SITI, ArchiveKit, png_bytes
from lxml import html as lxml_html

from jejak.generate import pages as pages_module
from jejak.generate.markup import BodyRenderer
from jejak.generate.pages import SiteContent, SiteGenerator
from jejak.generate.search import search_page
from jejak.media import MediaCache
from jejak.sitebuild import image_sources
from jejak.validate import check_archive

PRODUCT_ID = "groups/kkg-contoh/products/poster-pecahan"
SESSION_ID = "groups/kkg-contoh/sessions/webinar-pecahan"


def generate(kit: ArchiveKit, site_url: str = "https://kkg.example.id",
             language: str = "id") -> tuple[SiteGenerator, SiteContent]:
    result = check_archive(kit.root)
    assert not result.errors, [p.message("en") for p in result.errors]
    archive = result.archive()
    bodies = BodyRenderer(["tables"], {}, None).render_many(
        {r.id: r.body for r in archive.records.values()})
    images = MediaCache(kit.root.parent / "cache").image_sets(image_sources(archive, kit.root))
    settings = dataclasses.replace(result.settings, site_url=site_url, language=language)
    generator = SiteGenerator(archive, settings, kit.root, bodies, images)
    return generator, generator.generate()


def by_record(content: SiteContent) -> dict[str, pages_module.Page]:
    return {p.record_id: p for p in content.pages if p.record_id}


def links(html: str) -> list[str]:
    doc = lxml_html.fragment_fromstring(html, create_parent="div")
    out = [link for _, attribute, link, _ in doc.iterlinks() if attribute in ("href", "src")]
    for element in doc.xpath("//*[@srcset]"):
        out += [c.strip().split()[0] for c in element.get("srcset").split(",")]
    return out


def test_one_page_per_published_record_and_unique_urls(kit: ArchiveKit) -> None:
    kit.replace(PAPER, "license: CC-BY-4.0", "license: CC-BY-4.0\ndraft: true")
    _, content = generate(kit)
    records = by_record(content)
    assert set(records) == {"groups/kkg-contoh", "groups/kkg-contoh/plans/2025", PRODUCT_ID,
                            SESSION_ID, "people/siti-aminah", "people/budi-santoso"}
    urls = [p.url for p in content.pages]
    assert len(urls) == len(set(urls))
    assert records[PRODUCT_ID].url == "kelompok/kkg-contoh/karya/poster-pecahan/"
    assert records[SESSION_ID].url == "kelompok/kkg-contoh/kegiatan/webinar-pecahan/"
    assert records["groups/kkg-contoh/plans/2025"].url == "kelompok/kkg-contoh/program/2025/"
    assert records["people/siti-aminah"].url == "profil/siti-aminah/"
    assert {"", "kelompok/"} <= set(urls)
    assert not [p for p in content.pages if "ptk-pecahan" in p.html]  # the draft is nowhere


@pytest.mark.parametrize(("site_url", "prefix"), [
    ("https://kkg.example.id", "/"),
    ("https://kkg.example.id/", "/"),
    ("", "/"),
    ("https://contoh.github.io/arsip", "/arsip/"),
    ("https://contoh.github.io/arsip/", "/arsip/"),
    ("https://contoh.example.id/kkg/arsip/", "/kkg/arsip/"),
])
def test_links_start_at_the_path_of_site_url(kit: ArchiveKit, site_url: str,
                                             prefix: str) -> None:
    kit.replace(PRODUCT, "Poster untuk kelas IV.", "Poster untuk kelas IV.\n\n[Sumber](https://"
                "bse.kemdikbud.go.id/) dan [bagian](#hasil).")
    generator, content = generate(kit, site_url=site_url)
    assert generator.url("kelompok/") == prefix + "kelompok/"
    local = [link for page in content.pages for link in links(page.html)
             if not link.startswith(("https://", "#", "mailto:"))]
    assert local
    assert all(link.startswith(prefix) for link in local), [
        link for link in local if not link.startswith(prefix)]
    meta = re.findall(r'data-pagefind-meta="image">([^<]+)<', by_record(content)[PRODUCT_ID].html)
    assert meta and meta[0].startswith(prefix + "kelompok/")


def test_moved_record_leaves_a_redirect(kit: ArchiveKit) -> None:
    kit.replace(PRODUCT, "shows_students: false",
                "shows_students: false\nmoved_from: groups/kkg-contoh/products/poster-lama")
    _, content = generate(kit, site_url="https://contoh.github.io/arsip/")
    redirect = content.generated["kelompok/kkg-contoh/karya/poster-lama/index.html"].decode()
    target = "/arsip/kelompok/kkg-contoh/karya/poster-pecahan/"
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in redirect
    assert f'<link rel="canonical" href="{target}">' in redirect
    assert "noindex" in redirect
    assert not [p for p in content.pages if p.url == "kelompok/kkg-contoh/karya/poster-lama/"]


def test_withdrawn_record_publishes_no_file(kit: ArchiveKit) -> None:
    text = kit.read(PRODUCT)
    start, end = text.index("files:"), text.index("session:")
    kit.write(PRODUCT, text[:start] + text[end:].replace(
        "shows_students: false", 'shows_students: false\nwithdrawn: "Hak cipta gambar."'))
    kit.remove("archive/groups/kkg-contoh/products/poster-pecahan/poster.png")
    generator, content = generate(kit)
    page = by_record(content)[PRODUCT_ID]
    assert "jejak-withdrawn" in page.html and "Hak cipta gambar." in page.html
    assert not [path for path in content.files if path.startswith(page.url)]


def test_images_are_published_as_derivatives_only(kit: ArchiveKit) -> None:
    kit.write("archive/people/siti-aminah/foto.jpg", png_bytes((300, 400), "JPEG"))
    kit.replace(SITI, "consent: true", "consent: true\nphoto: foto.jpg")
    generator, content = generate(kit)
    published = {path: source for path, source in content.files.items()}
    assert published
    archive = (kit.root / "archive").resolve()
    for path, source in published.items():
        if path.rsplit(".", 1)[-1] in ("jpg", "png", "webp"):
            assert not Path(source).resolve().is_relative_to(archive), (path, source)
    assert "profil/siti-aminah/berkas/foto-300.webp" in published
    assert "profil/siti-aminah/berkas/foto.jpg" not in published


@pytest.mark.parametrize(("language", "photo", "logo", "flyer"), [
    ("id", "Foto Siti Aminah, S.Pd.I.", "Logo KKG MI Contoh",
     "Pamflet Webinar Media Pembelajaran Pecahan"),
    ("en", "Photo of Siti Aminah, S.Pd.I.", "Logo of KKG MI Contoh",
     "Flyer of Webinar Media Pembelajaran Pecahan"),
])
def test_zoomable_images_have_alt_text(kit: ArchiveKit, language: str, photo: str, logo: str,
                                       flyer: str) -> None:
    kit.write("archive/people/siti-aminah/foto.jpg", png_bytes((30, 40), "JPEG"))
    kit.replace(SITI, "consent: true", "consent: true\nphoto: foto.jpg")
    kit.write("archive/groups/kkg-contoh/logo.png", png_bytes((32, 32)))
    kit.replace(GROUP, "license: CC-BY-SA-4.0", "license: CC-BY-SA-4.0\nlogo: logo.png")
    kit.write("archive/groups/kkg-contoh/sessions/webinar-pecahan/flyer.png", png_bytes((40, 50)))
    kit.replace(SESSION, "participants: 25", "participants: 25\nflyer: flyer.png")
    _, content = generate(kit, language=language)
    records = by_record(content)
    for record_id, alt in (("people/siti-aminah", photo), ("groups/kkg-contoh", logo),
                           (SESSION_ID, flyer), (PRODUCT_ID, None)):
        doc = lxml_html.fragment_fromstring(records[record_id].html, create_parent="div")
        zooms = doc.xpath(".//a[contains(@class, 'jejak-zoom')]")
        assert zooms, record_id
        for zoom in zooms:
            img = zoom.xpath(".//img")[0]
            assert img.get("alt"), (record_id, "a link around an image needs the image's alt")
            assert img.get("srcset") and zoom.xpath(".//source[@type='image/webp']/@srcset")
        if alt:
            assert alt in [img.get("alt") for img in doc.xpath(".//a[contains(@class, "
                                                                 "'jejak-zoom')]//img")]


def test_search_filters_of_each_kind(kit: ArchiveKit) -> None:
    _, content = generate(kit)
    records = by_record(content)
    assert records[PRODUCT_ID].filters == {
        "jenis": ["product"], "kelompok": ["kkg-contoh"], "wilayah": ["Kota Parepare"],
        "tahun": ["2025"], "paket": ["media"], "kompetensi": ["pedagogik"], "karya": ["visual"],
        "jenjang": ["MI"]}
    assert records[SESSION_ID].filters["bentuk"] == ["webinar"]
    assert records[SESSION_ID].filters["kompetensi"] == ["pedagogik", "profesional"]
    assert records["people/siti-aminah"].filters == {"jenis": ["person"]}
    for page in records.values():
        for key, values in page.filters.items():
            for value in values:
                span = f'<span data-pagefind-filter="{key}">{value}</span>'
                assert span in page.html, (page.url, span)


def test_facts_are_separate_words_for_the_search_index(kit: ArchiveKit) -> None:
    """Pagefind reads <dt>Penulis</dt><dd>Siti</dd> as one word `PenulisSiti`."""
    kit.replace(PAPER, "  pages: 12-20", "  pages: 12-20\n  volume: \"3\"")
    _, content = generate(kit)
    for page in content.pages:
        assert not re.search(r"</dt><dd>|</dd><dt>", page.html), page.url


@pytest.mark.parametrize(("language", "labels"), [
    ("id", ["Jurnal/prosiding", "Volume", "Halaman"]),
    ("en", ["Venue", "Volume", "Pages"]),
])
def test_publication_labels_follow_the_language(kit: ArchiveKit, language: str,
                                                labels: list[str]) -> None:
    kit.replace(PAPER, "  pages: 12-20", "  pages: 12-20\n  volume: \"3\"")
    _, content = generate(kit, language=language)
    doc = lxml_html.fragment_fromstring(
        by_record(content)["groups/kkg-contoh/papers/ptk-pecahan"].html, create_parent="div")
    publication = doc.xpath(".//h2[following-sibling::dl]/following-sibling::dl")[-1]
    assert [dt.text for dt in publication.xpath("./dt")] == labels


def test_listings_are_paginated(kit: ArchiveKit, monkeypatch) -> None:
    monkeypatch.setattr(pages_module, "PAGE_SIZE", 1)
    _, content = generate(kit)
    media = [p for p in content.pages if p.url.startswith("jelajah/paket/media/")]
    assert [p.url for p in media] == ["jelajah/paket/media/", "jelajah/paket/media/2/"]
    assert 'rel="next" href' not in media[0].html or "/jelajah/paket/media/2/" in media[0].html
    assert "/jelajah/paket/media/2/" in media[0].html
    assert '"/jelajah/paket/media/"' in media[1].html  # back to the first page


def test_search_page_links_only_listings_that_exist(kit: ArchiveKit) -> None:
    generator, content = generate(kit)
    listings = {p.url for p in content.pages}
    _, html = search_page(generator.archive, "id", "", listings)
    browse = [link for link in links(html) if "/jelajah/" in link]
    assert browse
    assert all(link.lstrip("/") in listings for link in browse), browse
    _, html = search_page(generator.archive, "id", "/arsip", listings)
    assert 'src="/arsip/assets/jejak-search.js"' in html
    assert '"base": "/arsip"' in html
