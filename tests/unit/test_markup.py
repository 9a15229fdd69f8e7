"""Record bodies: nh3 removes what could run or take over the page, and keeps what the
Markdown extensions of `jejak init` produce."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from jejak.generate.markup import BodyRenderer, sanitise

EXTENSIONS = ["admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
              "pymdownx.details", "pymdownx.highlight", "pymdownx.inlinehilite",
              "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist"]
CONFIGS = {"toc": {"permalink": True}, "pymdownx.highlight": {"anchor_linenums": True},
           "pymdownx.tabbed": {"alternate_style": True},
           "pymdownx.tasklist": {"custom_checkbox": True}}


def render(body: str, cache: Path | None = None) -> str:
    return BodyRenderer(EXTENSIONS, CONFIGS, cache).render_many({"r": body})["r"]


def fragment(html: str):
    return lxml_html.fragment_fromstring(html, create_parent="div")


# --- removed ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("hostile", "gone"), [
    ("<script>alert(1)</script>", ["<script", "alert(1)"]),
    ("<SCRIPT src=//evil.example/x.js></SCRIPT>", ["<script", "evil.example"]),
    ("<style>body { display: none }</style>", ["<style", "display"]),
    ('<img src="x.png" onerror="alert(1)">', ["onerror", "alert"]),
    ('<p onclick="steal()" onmouseover="steal()">teks</p>', ["onclick", "onmouseover", "steal"]),
    ('<body onload="alert(1)">', ["onload"]),
    ('<a href="javascript:alert(1)">x</a>', ["javascript", "alert"]),
    ('<a href="  JaVaScRiPt:alert(1)">x</a>', ["javascript", "alert"]),
    ('<a href="java&#x09;script:alert(1)">x</a>', ["script:", "alert"]),
    ('<a href="vbscript:msgbox(1)">x</a>', ["vbscript", "msgbox"]),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', ["data:", "base64"]),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', ["data:", "base64"]),
    ('<p style="position:fixed;top:0">teks</p>', ["style", "fixed"]),
    ('<div id="__config">{}</div>', ["__config"]),
    ('<div id="__drawer">x</div><label for="__search">y</label>', ["__drawer", "__search"]),
    ('<input type="checkbox" id="__palette_0" name="__palette">', ["__palette"]),
    ('<div id="md-content">x</div>', ["md-content"]),
    ('<div id="jejak-lightbox">x</div>', ["jejak-lightbox"]),
    ('<iframe src="https://evil.example/"></iframe>', ["iframe", "evil"]),
    ('<object data="x.swf"></object><embed src="x.swf">', ["object", "embed", "swf"]),
    ('<form action="https://evil.example/"><input type="password" name="pw"></form>',
     ["form", "password", "evil", "name="]),
    ("<svg><script>alert(1)</script></svg>", ["svg", "alert"]),
    ("<math><mi xlink:href='javascript:alert(1)'>x</mi></math>", ["math", "javascript"]),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', ["meta", "evil"]),
    ('<base href="https://evil.example/">', ["base", "evil"]),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', ["link", "evil"]),
    ("<!-- catatan internal -->teks", ["catatan internal", "<!--"]),
    ('<a href="#" formaction="javascript:alert(1)">x</a>', ["formaction", "javascript"]),
])
def test_sanitise_removes(hostile: str, gone: list[str]) -> None:
    clean = sanitise(hostile)
    for needle in gone:
        assert needle not in clean.lower(), (needle, clean)


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    '<img src="x.png" onerror="alert(1)">',
    "[klik](javascript:alert(1))",
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    "Teks\n{: #__drawer }",
    "## Judul {#__drawer}",
    '<div markdown="1" style="display:none">**teks**</div>',
    "<style>*{display:none}</style>",
])
def test_rendered_markdown_is_sanitised_too(hostile: str) -> None:
    doc = fragment(render(hostile))
    assert not doc.xpath(".//script | .//style | .//iframe")
    for element in doc.iter():
        assert not [a for a in element.attrib if a.startswith("on") or a == "style"]
        assert not (element.get("href") or "").lower().startswith(("javascript:", "data:"))
        assert element.get("id") != "__drawer"


# --- kept ------------------------------------------------------------------------------------

def test_admonitions_and_details_are_kept() -> None:
    doc = fragment(render('!!! note "Catatan"\n    Isi catatan.\n\n??? info "Rincian"\n'
                          "    Tersembunyi.\n"))
    note = doc.xpath(".//div[@class='admonition note']")
    assert note and note[0].xpath("./p[@class='admonition-title']")[0].text == "Catatan"
    details = doc.xpath(".//details[@class='info']")
    assert details and details[0].findtext("summary") == "Rincian"


def test_content_tabs_keep_their_radio_inputs_and_labels() -> None:
    doc = fragment(render('=== "Kelas IV"\n    Isi A\n\n=== "Kelas V"\n    Isi B\n'))
    tabs = doc.xpath(".//div[contains(@class, 'tabbed-set')]")
    assert tabs
    inputs = tabs[0].xpath("./input")
    assert [i.get("type") for i in inputs] == ["radio", "radio"]
    assert len({i.get("name") for i in inputs}) == 1 and inputs[0].get("name")
    assert inputs[0].get("checked") is not None
    labels = tabs[0].xpath(".//div[@class='tabbed-labels']/label")
    assert [label.text for label in labels] == ["Kelas IV", "Kelas V"]
    assert [label.get("for") for label in labels] == [i.get("id") for i in inputs]
    assert all(i.get("id") for i in inputs)
    assert len(tabs[0].xpath(".//div[@class='tabbed-block']")) == 2


def test_footnotes_keep_their_links() -> None:
    doc = fragment(render("Teks.[^1]\n\n[^1]: Catatan kaki.\n"))
    ref = doc.xpath(".//sup[@id='fnref:1']/a")[0]
    assert ref.get("href") == "#fn:1"
    note = doc.xpath(".//div[@class='footnote']//li[@id='fn:1']")[0]
    assert note.xpath(".//a[@class='footnote-backref']")[0].get("href") == "#fnref:1"


def test_tables_are_kept() -> None:
    doc = fragment(render("| a | b |\n|:--|--:|\n| 1 | 2 |\n"))
    assert [th.text for th in doc.xpath(".//table/thead/tr/th")] == ["a", "b"]
    assert [td.text for td in doc.xpath(".//table/tbody/tr/td")] == ["1", "2"]


def test_code_highlighting_spans_are_kept() -> None:
    doc = fragment(render("```python\ndef f(x):\n    return x + 1\n```\n\n"
                          "Sebaris `#!python print(1)`.\n"))
    block = doc.xpath(".//div[@class='highlight']/pre/code")[0]
    assert block.xpath(".//span[@class='k']")[0].text == "def"
    assert block.xpath(".//span[@class='nf']")[0].text == "f"
    anchors = block.xpath("./a")
    assert anchors and all(a.get("href") == "#" + a.get("id") for a in anchors)
    assert doc.xpath(".//p/code[@class='highlight']/span[@class='nb']")[0].text == "print"


def test_task_list_checkboxes_are_kept() -> None:
    doc = fragment(render("- [x] selesai\n- [ ] belum\n"))
    boxes = doc.xpath(".//li[@class='task-list-item']//input")
    assert [b.get("type") for b in boxes] == ["checkbox", "checkbox"]
    assert boxes[0].get("checked") is not None and boxes[1].get("checked") is None
    assert all(b.get("disabled") is not None for b in boxes)
    assert doc.xpath(".//span[@class='task-list-indicator']")


@pytest.mark.parametrize(("heading", "slug"), [
    ("Hasil diskusi", "hasil-diskusi"),
    ("Search strategies", "search-strategies"),
    ("Jejak digital guru", "jejak-digital-guru"),
    ("Toggle dan palette", "toggle-dan-palette"),
])
def test_heading_ids_and_permalinks_are_kept(heading: str, slug: str) -> None:
    doc = fragment(render(f"## {heading}\n\nIsi.\n"))
    h2 = doc.xpath(".//h2")[0]
    assert h2.get("id") == slug
    assert h2.xpath("./a[@class='headerlink']")[0].get("href") == f"#{slug}"


def test_links_images_lists_and_emphasis_are_kept() -> None:
    html = render("**tebal** _miring_ ~~x~~ [situs](https://kemenag.go.id/) "
                  "[surel](mailto:kkg@example.id) [lokal](../lain/)\n\n"
                  '![Poster pecahan](poster.png){ width="300" }\n\n'
                  "1. satu\n2. dua\n\nIstilah\n:   Definisi\n\n> Kutipan\n\n---\n")
    doc = fragment(html)
    hrefs = [a.get("href") for a in doc.iter("a")]
    assert hrefs == ["https://kemenag.go.id/", "mailto:kkg@example.id", "../lain/"]
    assert all("noopener" in (a.get("rel") or "") for a in doc.iter("a"))
    img = doc.xpath(".//img")[0]
    assert (img.get("src"), img.get("alt"), img.get("width")) == ("poster.png", "Poster pecahan",
                                                                  "300")
    assert doc.xpath(".//strong") and doc.xpath(".//em") and doc.xpath(".//ol/li")
    assert doc.xpath(".//dl/dt") and doc.xpath(".//blockquote") and doc.xpath(".//hr")


def test_attr_list_classes_are_kept_but_theme_ids_dropped() -> None:
    doc = fragment(render("Penting\n{: .catatan #bagian-satu }\n\nLain\n{: #__search }\n\n"
                          "## Judul {#__drawer}\n"))
    paragraphs = doc.xpath(".//p")
    assert paragraphs[0].get("class") == "catatan" and paragraphs[0].get("id") == "bagian-satu"
    assert paragraphs[1].text == "Lain" and paragraphs[1].get("id") is None
    assert doc.xpath(".//h2")[0].get("id") is None


# --- the renderer and its cache --------------------------------------------------------------

def test_rendered_bodies_are_cached_by_content(tmp_path: Path) -> None:
    bodies = {"a": "Satu **dua**.", "b": "Tiga.", "c": "   \n"}
    first = BodyRenderer(EXTENSIONS, CONFIGS, tmp_path / "cache")
    out = first.render_many(bodies)
    assert first.rendered == 2  # an empty body is not rendered
    assert out["c"] == "" and "<strong>dua</strong>" in out["a"]
    again = BodyRenderer(EXTENSIONS, CONFIGS, tmp_path / "cache")
    assert again.render_many(bodies) == out
    assert again.rendered == 0
    changed = BodyRenderer(EXTENSIONS, CONFIGS, tmp_path / "cache")
    changed.render_many({**bodies, "b": "Tiga, diubah."})
    assert changed.rendered == 1


def test_other_extensions_do_not_reuse_the_cache(tmp_path: Path) -> None:
    BodyRenderer(EXTENSIONS, CONFIGS, tmp_path / "cache").render_many({"a": "Satu."})
    other = BodyRenderer(EXTENSIONS, {**CONFIGS, "toc": {"permalink": False}}, tmp_path / "cache")
    other.render_many({"a": "Satu."})
    assert other.rendered == 1


def test_many_bodies_render_in_parallel_the_same(tmp_path: Path) -> None:
    bodies = {f"r{i}": f"## Bagian {i}\n\nIsi **{i}** <script>x()</script>\n" for i in range(210)}
    parallel = BodyRenderer(EXTENSIONS, CONFIGS, None).render_many(bodies)
    one = BodyRenderer(EXTENSIONS, CONFIGS, None)
    assert {k: one.render_many({k: v})[k] for k, v in list(bodies.items())[:5]} == \
        {k: parallel[k] for k in list(bodies)[:5]}
    assert all("<script" not in html for html in parallel.values())
