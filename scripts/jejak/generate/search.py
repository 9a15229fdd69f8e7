"""The search page at /cari/: Pagefind with facets, state kept in the URL."""

from __future__ import annotations

import json
from collections.abc import Collection

from markupsafe import Markup, escape

from jejak.generate.labels import label
from jejak.model import Archive
from jejak.schema.vocabularies import VOCABULARIES

FACET_TITLES = {
    "jenis": ("Jenis rekaman", "Record type"), "kelompok": ("Kelompok", "Group"),
    "wilayah": ("Wilayah", "Region"), "tahun": ("Tahun", "Year"),
    "paket": ("Paket kerja", "Work package"), "kompetensi": ("Kompetensi", "Competency"),
    "karya": ("Jenis karya", "Product kind"), "mapel": ("Mata pelajaran", "Subject"),
    "jenjang": ("Jenjang", "Level"), "bentuk": ("Bentuk kegiatan", "Format"),
}
VOCAB_OF = {"paket": "package", "kompetensi": "competency", "karya": "product_kind",
            "bentuk": "format"}
UI = {
    "placeholder": ("Cari karya, kegiatan, publikasi…", "Search products, sessions, papers…"),
    "results": ("hasil", "results"), "none": ("Tidak ada hasil.", "No results."),
    "sort": ("Urutkan", "Sort"), "relevance": ("Paling relevan", "Most relevant"),
    "newest": ("Terbaru", "Newest"), "oldest": ("Terlama", "Oldest"),
    "clear": ("Hapus filter", "Clear filters"),
    "filter": ("Saring hasil", "Filter results"), "more": ("Tampilkan lagi", "Show more"),
    "nojs": ("Atau jelajahi (juga tanpa JavaScript):",
             "Or browse (works without JavaScript too):"),
}


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def facet_labels(archive: Archive, lang: str) -> dict[str, dict[str, str]]:
    """Human labels of every facet value the pages carry as codes."""
    labels: dict[str, dict[str, str]] = {}
    for facet, vocabulary in VOCAB_OF.items():
        labels[facet] = {code: _t(tuple(text), lang) for code, text in
                         VOCABULARIES[vocabulary].items()}
    labels["jenis"] = {kind: label(kind, lang) for kind in
                       ("group", "person", "plan", "session", "product", "paper")}
    labels["kelompok"] = {g.slug: g.title for g in archive.of_kind("group")}
    return labels


def search_page(archive: Archive, lang: str, base: str = "",
                listings: Collection[str] | None = None) -> tuple[str, str]:
    """Title and HTML of /cari/; `base` is the path of site_url ("" at the root of a host),
    `listings` the site paths of the browse pages that exist (the no-JavaScript links)."""
    title = label("search", lang)
    config = {
        "base": base,
        "facets": {k: _t(v, lang) for k, v in FACET_TITLES.items()},
        "labels": facet_labels(archive, lang),
        "ui": {k: _t(v, lang) for k, v in UI.items()},
    }
    data = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    browse = Markup(" · ").join(
        Markup('<a href="{}/jelajah/{}/{}/">{}</a>').format(base, seg, code, text)
        for seg, vocabulary in (("paket", "package"), ("jenis", "product_kind"))
        for code, text in ((c, _t(tuple(t), lang)) for c, t in VOCABULARIES[vocabulary].items())
        if listings is None or f"jelajah/{seg}/{code}/" in listings
    )
    html = Markup(
        '<div id="jejak-search" class="jejak-search" data-pagefind-ignore="all">'
        '<form class="jejak-search__form" role="search" action="" method="get">'
        '<input id="jejak-q" type="search" name="q" autocomplete="off" aria-label="{title}" '
        'placeholder="{placeholder}">'
        '<label>{sort_label} <select id="jejak-sort" name="urut">'
        '<option value="">{relevance}</option><option value="baru">{newest}</option>'
        '<option value="lama">{oldest}</option></select></label></form>'
        '<div class="jejak-search__body"><details id="jejak-facet-panel" class="jejak-facets">'
        '<summary>{filter}</summary><div id="jejak-facets"></div></details>'
        '<section><p id="jejak-count" class="jejak-meta" aria-live="polite"></p>'
        '<ol id="jejak-results" class="jejak-results"></ol>'
        '<button id="jejak-more" class="md-button" hidden>{more}</button></section></div>'
        '<p class="jejak-browse">{nojs} {browse}</p>'
        '<script type="application/json" id="jejak-search-config">{data}</script>'
        '<script type="module" src="{base}/assets/jejak-search.js"></script></div>'
    ).format(base=base, title=title, placeholder=config["ui"]["placeholder"],
             sort_label=config["ui"]["sort"],
             relevance=config["ui"]["relevance"], newest=config["ui"]["newest"],
             oldest=config["ui"]["oldest"], more=config["ui"]["more"],
             filter=config["ui"]["filter"], nojs=config["ui"]["nojs"],
             browse=browse, data=Markup(data))
    return title, str(html)


__all__ = ["search_page", "facet_labels", "escape"]
