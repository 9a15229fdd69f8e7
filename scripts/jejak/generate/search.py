"""The search page at /cari/."""

from __future__ import annotations

from jejak.generate.labels import label


def search_page(lang: str) -> tuple[str, str]:
    title = label("search", lang)
    html = ('<div id="jejak-search" class="jejak-search" data-pagefind-ignore>'
            '<form action="" method="get" role="search">'
            f'<input type="search" name="q" aria-label="{title}" placeholder="{title}…">'
            '</form><div class="jejak-results"></div></div>')
    return title, html
