"""Each page type of the demo in Chromium: no errors, no request leaving the machine,
no serious accessibility violation, images with srcset and alt, captioned media, and a
YouTube player that loads only when asked for. Measures (prints) what each page type costs:
the HTML, CSS and JS a first visit downloads, before any image, audio or video."""

from __future__ import annotations

from pathlib import Path

import pytest

from jejak.files import family_of
from jejak.model import Archive, Record
from jejak.validate import check_archive

YOUTUBE_HOSTS = ("youtube.com", "youtube-nocookie.com", "ytimg.com", "googlevideo.com")


def _recording(record) -> str:
    """A session's recording file or URL, whether written plainly or as a mapping."""
    value = record.get("recording") or ""
    if isinstance(value, dict):
        return value.get("file") or value.get("url") or ""
    return value


def _first(records: list[Record], test) -> Record:
    found = [r for r in records if test(r)]
    assert found, "the demo has no record of this page type"
    return sorted(found, key=lambda r: r.id)[0]


def _files(record: Record) -> list[dict]:
    return list(record.get("files") or [])


def page_types(archive: Archive) -> dict[str, str]:
    """One URL (site path) per page type, chosen in the demo archive itself."""
    records = list(archive.records.values())

    def kind(k: str) -> list[Record]:
        return [r for r in records if r.kind == k and not r.withdrawn]

    return {
        "home": "",
        "groups": "kelompok/",
        "group": _first(kind("group"), lambda r: r.get("logo")).url,
        "plan": _first(kind("plan"), lambda r: True).url,
        "session-youtube": _first(kind("session"), lambda r: "youtube.com/watch"
                                  in _recording(r) and r.get("flyer")).url,
        "session-audio": _first(kind("session"), lambda r: family_of(_recording(r))
                                == "audio").url,
        "product-image": _first(kind("product"), lambda r: any(
            family_of(f.get("file", "")) == "image" for f in _files(r))).url,
        "product-audio": _first(kind("product"), lambda r: any(
            family_of(f.get("file", "")) == "audio" for f in _files(r))).url,
        "product-youtube": _first(kind("product"), lambda r: any(
            "youtube.com/watch" in f.get("url", "") for f in _files(r))).url,
        "product-pdf": _first(kind("product"), lambda r: any(
            family_of(f.get("file", "")) == "pdf" for f in _files(r))).url,
        "paper": _first(kind("paper"), lambda r: r.get("file")).url,
        "person": _first(kind("person"), lambda r: r.get("photo")).url,
        "withdrawn": _first(records, lambda r: r.withdrawn).url,
        "listing": "jelajah/paket/media/",
        "search": "cari/",
        "404": "404.html",
    }


@pytest.fixture(scope="module")
def urls(demo_root: Path) -> dict[str, str]:
    return page_types(check_archive(demo_root).archive())


PAGE_TYPES = ["home", "groups", "group", "plan", "session-youtube", "session-audio",
              "product-image", "product-audio", "product-youtube", "product-pdf", "paper",
              "person", "withdrawn", "listing", "search", "404"]


def _open(page, url: str):
    response = page.goto(f"{page.base}/{url}", wait_until="networkidle")
    page.wait_for_timeout(150)  # late console errors of module scripts
    return response


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_loads_without_errors_or_foreign_requests(page, urls, byte_report,
                                                      kind: str) -> None:
    response = _open(page, urls[kind])
    assert response.ok
    assert not page.traffic.errors, page.traffic.errors
    assert not page.traffic.foreign(page.base), page.traffic.foreign(page.base)
    byte_report.add(f"page: {kind}", page.traffic.requests)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_serious_accessibility_violation(page, urls, kind: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    _open(page, urls[kind])
    if kind == "search":
        page.fill("#jejak-q", "pecahan")
        page.wait_for_selector("#jejak-results li")
    results = Axe().run(page)
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, serious


@pytest.mark.parametrize("kind", ["group", "session-youtube", "product-image", "product-pdf",
                                  "paper", "person", "home"])
def test_images_have_srcset_and_alt(page, urls, kind: str) -> None:
    _open(page, urls[kind])
    images = page.eval_on_selector_all(
        "main img", "els => els.map(e => ({src: e.getAttribute('src'), alt: e.getAttribute('alt'),"
        " srcset: e.getAttribute('srcset'), thumb: e.classList.contains('jejak-thumb'),"
        " webp: !!(e.parentElement.tagName === 'PICTURE' &&"
        " e.parentElement.querySelector('source[type=\"image/webp\"][srcset]')),"
        " linked: !!e.closest('a')}))")
    assert images, f"{kind} shows no image"
    for image in images:
        assert image["alt"] is not None, image
        if image["linked"] and not image["thumb"]:
            assert image["alt"].strip(), f"a linked image needs alt text: {image}"
        if "/berkas/" in image["src"] and not image["thumb"]:
            assert image["srcset"] and image["webp"], image


def _media(page) -> list[dict]:
    return page.eval_on_selector_all(
        "main audio, main video", "els => els.map(e => ({tag: e.tagName, tracks: "
        "[...e.querySelectorAll('track')].map(t => ({kind: t.kind, src: t.src, "
        "srclang: t.srclang}))}))")


@pytest.mark.parametrize("kind", ["product-audio"])
def test_audio_and_video_have_captions(page, urls, kind: str) -> None:
    _open(page, urls[kind])
    media = _media(page)
    assert media
    for element in media:
        assert element["tracks"], element
        for track in element["tracks"]:
            assert track["kind"] in ("captions", "subtitles") and track["srclang"] == "id"
            response = page.request.get(track["src"])
            assert response.ok and response.text().startswith("WEBVTT"), track


def test_session_recording_has_captions(page, urls) -> None:
    _open(page, urls["session-audio"])
    media = _media(page)
    assert media and all(element["tracks"] for element in media), media


@pytest.mark.parametrize("kind", ["product-youtube", "session-youtube"])
def test_youtube_player_loads_only_after_the_click(page, urls, kind: str) -> None:
    asked = []
    page.route("**/*", lambda route: (asked.append(route.request.url), route.abort())
               if any(h in route.request.url for h in YOUTUBE_HOSTS) else route.continue_())
    _open(page, urls[kind])
    assert not page.query_selector("iframe")
    assert not asked and not page.traffic.foreign(page.base)
    button = page.locator("a[data-youtube]").first
    video_id = button.get_attribute("data-youtube")
    button.click()
    frame = page.wait_for_selector("iframe")
    src = frame.get_attribute("src")
    assert src.startswith(f"https://www.youtube-nocookie.com/embed/{video_id}"), src
    assert frame.get_attribute("title")
    page.wait_for_timeout(300)
    assert asked and all("youtube-nocookie.com" in url for url in asked), asked
    assert page.url.startswith(page.base)  # the link was not followed


def test_lightbox_opens_the_full_image(page, urls) -> None:
    _open(page, urls["product-image"])
    link = page.locator("a.jejak-zoom").first
    href = link.get_attribute("href")
    link.click()
    dialog = page.wait_for_selector("dialog#jejak-lightbox[open]")
    assert dialog.query_selector("img").get_attribute("src") == href
    page.wait_for_function("document.querySelector('dialog#jejak-lightbox img').complete")
    assert page.evaluate("document.querySelector('dialog#jejak-lightbox img').naturalWidth") > 0
    assert not page.traffic.errors
