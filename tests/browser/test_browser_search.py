"""The /cari/ page on Pagefind: exact and stemmed Indonesian words, facets, the state kept in
the URL, sorting, and the header search box. Prints the bytes one query costs."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html as lxml_html

from jejak.model import Archive
from jejak.validate import check_archive

# A word only one demo record holds, and a different form of the same Indonesian stem that
# no page holds at all: Pagefind's Indonesian (Snowball) stemmer must bring them together.
UNIQUE = ("pencarian", "kelompok/mgmp-bahasa-indonesia-sma-makassar/kegiatan/"
          "webinar-literasi-membaca-kritis/")
STEMMED = [  # (query, form in the page, page)
    ("mencari", "pencarian", UNIQUE[1]),  # meN- + cari  ~  peN- + cari + -an
    ("dievaluasi", "mengevaluasi", "kelompok/mgmp-bahasa-indonesia-sma-makassar/kegiatan/"
     "webinar-tes-diagnostik-literasi/"),  # di- + evaluasi  ~  meng- + evaluasi
]
BROAD = "pecahan"  # many records, across packages


@pytest.fixture(scope="module")
def archive(demo_root: Path) -> Archive:
    return check_archive(demo_root).archive()


@pytest.fixture(scope="module")
def indexed_words(demo_root: Path) -> dict[str, set[str]]:
    """Site path → the words Pagefind indexes on that page (its data-pagefind-body)."""
    out: dict[str, set[str]] = {}
    site = demo_root / "site"
    for path in site.rglob("index.html"):
        doc = lxml_html.document_fromstring(path.read_bytes())
        bodies = doc.xpath("//*[@data-pagefind-body]")
        if not bodies:
            continue
        for ignored in bodies[0].xpath(".//*[@data-pagefind-ignore]"):
            ignored.drop_tree()
        for element in bodies[0].iter():  # block elements separate words
            element.tail = " " + (element.tail or "")
            element.text = " " + (element.text or "")
        words = set(re.findall(r"\w+", bodies[0].text_content().lower()))
        out[path.parent.relative_to(site).as_posix() + "/"] = words
    return out


def search(page, query_string: str) -> list[str]:
    """Open /cari/?<query_string> and return the result links (site paths) once shown."""
    page.goto(f"{page.base}/cari/?{query_string}", wait_until="networkidle")
    return results(page)


def results(page) -> list[str]:
    page.wait_for_function("document.getElementById('jejak-count').textContent.length > 0")
    page.wait_for_load_state("networkidle")
    hrefs = page.eval_on_selector_all("#jejak-results li h2 a", "els => els.map(e => "
                                      "e.getAttribute('href'))")
    return [h.lstrip("/") for h in hrefs]


def count(page) -> int:
    text = page.text_content("#jejak-count")
    match = re.match(r"(\d+)", text)
    return int(match.group(1)) if match else 0


def test_a_word_only_one_record_holds_finds_that_record(page, indexed_words) -> None:
    word, url = UNIQUE
    holders = [u for u, words in indexed_words.items() if word in words]
    assert holders == [url], f"the demo changed: `{word}` is on {holders}"
    assert search(page, f"q={word}") == [url]
    assert count(page) == 1
    assert not page.traffic.errors and not page.traffic.foreign(page.base)
    excerpt = page.inner_html("#jejak-results li p")
    assert f"<mark>{word}</mark>" in excerpt.lower()


@pytest.mark.parametrize(("query", "form", "url"), STEMMED)
def test_indonesian_stemming_finds_other_forms(page, indexed_words, query: str, form: str,
                                               url: str) -> None:
    assert form in indexed_words[url]
    prefixed = [u for u, words in indexed_words.items()
                if any(w.startswith(query) for w in words)]
    assert not prefixed, f"`{query}` is on {prefixed}: the test would not show stemming"
    found = search(page, f"q={query}")
    assert url in found, found


def test_a_facet_narrows_the_results(page, archive: Archive) -> None:
    everything = search(page, f"q={BROAD}")
    total = count(page)
    assert total > 10 and len(everything) == 10  # first page of results
    box = page.locator("#f-paket-media")
    assert box.count() == 1 and not box.is_checked()
    label = page.text_content("label[for='f-paket-media']")
    expected = int(re.search(r"\((\d+)\)", label).group(1))
    box.check()
    page.wait_for_function(f"!document.getElementById('jejak-count').textContent"
                           f".startsWith('{total} ')")
    narrowed = results(page)
    assert 0 < count(page) < total
    assert count(page) == expected
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"q": [BROAD], "paket": ["media"]}
    media = {r.url for r in archive.records.values() if r.get("package") == "media"}
    assert narrowed and set(narrowed) <= media, set(narrowed) - media


def test_the_url_restores_query_facet_and_results(page) -> None:
    search(page, f"q={BROAD}")
    page.locator("#f-paket-media").check()
    page.wait_for_function("location.search.includes('paket=media')")
    clicked = results(page)
    clicked_count = count(page)
    shared = page.url
    other = page.context.new_page()
    other.base = page.base
    try:
        other.goto(shared, wait_until="networkidle")
        assert results(other) == clicked
        assert count(other) == clicked_count
        assert other.input_value("#jejak-q") == BROAD
        assert other.locator("#f-paket-media").is_checked()
        assert not other.locator("#f-paket-perangkat").is_checked()
    finally:
        other.close()


def test_newest_first_sorting(page, archive: Archive) -> None:
    dates = {r.url: r.date for r in archive.records.values() if r.date}
    found = search(page, f"q={BROAD}&urut=baru")
    assert page.input_value("#jejak-sort") == "baru"
    dated = [dates[u] for u in found if u in dates]
    assert len(dated) >= 5
    assert dated == sorted(dated, reverse=True)


def test_header_search_box_leads_to_the_same_results(page, archive: Archive) -> None:
    expected = search(page, f"q={UNIQUE[0]}")
    record = next(r for r in archive.records.values() if r.kind == "product")
    page.goto(f"{page.base}/{record.url}", wait_until="networkidle")
    box = page.locator("form.jejak-headsearch input[name=q]")
    box.fill(UNIQUE[0])
    box.press("Enter")
    page.wait_for_url(re.compile(r"/cari/\?q="))
    assert parse_qs(urlsplit(page.url).query)["q"] == [UNIQUE[0]]
    assert results(page) == expected
    assert page.input_value("#jejak-q") == UNIQUE[0]
    assert not page.traffic.errors and not page.traffic.foreign(page.base)


def test_bytes_of_one_typical_query(page, byte_report) -> None:
    page.goto(f"{page.base}/cari/", wait_until="networkidle")
    byte_report.add("search page, before typing", page.traffic.requests)
    before = len(page.traffic.requests)
    page.fill("#jejak-q", "modul ajar")
    page.wait_for_function("document.getElementById('jejak-count').textContent.length > 0")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert count(page) > 0
    byte_report.add("one query: `modul ajar`", page.traffic.requests[before:])
    assert not page.traffic.foreign(page.base)


def test_on_a_phone_a_query_fetches_no_facet_index_until_the_panel_opens(browser, server):
    """Facet counts load one filter index per facet: a phone (panel closed) skips them."""
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="id-ID",
                                  service_workers="block")
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(f"{server}/cari/?q={BROAD}")
        page.wait_for_selector("#jejak-results li", timeout=20_000)
        page.wait_for_load_state("networkidle")
        assert not page.locator("#jejak-facet-panel").evaluate("p => p.open")
        assert any("/pagefind/" in url for url in requested)
        assert not [url for url in requested if "/pagefind/filter/" in url]
        page.locator("#jejak-facet-panel summary").click()
        page.wait_for_selector("#jejak-facets input[type=checkbox]", timeout=20_000)
        assert [url for url in requested if "/pagefind/filter/" in url]
        assert re.search(r"\(\d+\)", page.inner_text("#jejak-facets"))
    finally:
        context.close()
