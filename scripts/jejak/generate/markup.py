"""Record bodies: Markdown rendered once per content hash, then sanitised with nh3."""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import nh3

PIPELINE_VERSION = "2"  # bump when the output changes: cached bodies are re-rendered

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input",
    "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "input": {"type", "checked", "disabled", "name"},
    "label": {"for"},
    "details": {"open"},
    "ol": {"start"},
}
# Material's own widgets take ids beginning with `__` (`__drawer`, `__search`, `__config`…),
# and Jejak's scripts look up a few ids of their own: a record may not take them.
_THEME_IDS = ("__", "md-")
_JEJAK_IDS = frozenset({"jejak-lightbox", "jejak-search", "jejak-search-config", "jejak-q",
                        "jejak-sort", "jejak-facets", "jejak-results", "jejak-count", "jejak-more"})
# ...except the ids that pymdownx generates itself: content tabs and code line anchors.
_GENERATED_IDS = ("__tabbed_", "__codelineno-")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    lowered = value.lower()
    if attribute in ("id", "for", "name"):
        if lowered.startswith(_GENERATED_IDS):
            return value
        if lowered.startswith(_THEME_IDS) or lowered in _JEJAK_IDS:
            return None
    if tag == "input" and attribute == "type" and value not in ("checkbox", "radio"):
        return None
    if attribute == "name" and tag == "input":
        return None  # only the content tabs' radio groups (`__tabbed_N`, kept above) are named
    return value


def sanitise(html: str) -> str:
    """Remove scripts, event handlers, style, unsafe URLs and theme-colliding ids."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        attribute_filter=_attribute_filter,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


class BodyRenderer:
    """Markdown → safe HTML, with an on-disk cache keyed by the body and the extensions."""

    def __init__(self, extensions: list[Any], configs: dict[str, Any], cache_dir: Path | None):
        self.extensions = [e for e in extensions if isinstance(e, str)]
        self.configs = {k: v for k, v in configs.items() if k in self.extensions}
        self.cache_dir = cache_dir
        self._signature = hashlib.sha256(
            json.dumps([PIPELINE_VERSION, self.extensions, self.configs], sort_keys=True,
                       default=repr).encode()
        ).hexdigest()[:16]
        self._md = None
        self.rendered = 0  # bodies actually rendered (not from cache), for the benchmark

    def _key(self, body: str) -> str:
        return hashlib.sha256((self._signature + body).encode()).hexdigest()

    def _cached(self, key: str) -> str | None:
        if self.cache_dir is None:
            return None
        path = self.cache_dir / key[:2] / f"{key}.html"
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            return None

    def _store(self, key: str, html: str) -> None:
        if self.cache_dir is None:
            return
        path = self.cache_dir / key[:2] / f"{key}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(html, encoding="utf-8")
        os.replace(tmp, path)

    def render_many(self, bodies: dict[str, str]) -> dict[str, str]:
        """Render every body (keyed by record id); uncached ones spread over the cores."""
        out: dict[str, str] = {}
        todo: dict[str, str] = {}
        for rid, body in bodies.items():
            if not body.strip():
                out[rid] = ""
                continue
            cached = self._cached(self._key(body))
            if cached is None:
                todo[rid] = body
            else:
                out[rid] = cached
        if not todo:
            return out
        from jejak.parallel import worker_count
        from jejak.progress import track

        workers = worker_count()
        items = list(todo.items())
        if len(items) >= 200 and workers > 1:
            chunk = max(1, len(items) // (workers * 4))
            with ProcessPoolExecutor(workers) as pool:
                results = pool.map(_render_worker, [(self.extensions, self.configs, b)
                                                    for _, b in items], chunksize=chunk)
                rendered = list(track(results, len(items), "bodies"))
        else:
            rendered = [self._render(body) for _, body in track(items, len(items), "bodies")]
        for (rid, body), html in zip(items, rendered, strict=True):
            self._store(self._key(body), html)
            out[rid] = html
        self.rendered += len(items)
        return out

    def _render(self, body: str) -> str:
        if self._md is None:
            self._md = _markdown(self.extensions, self.configs)
        self._md.reset()
        return sanitise(self._md.convert(body))


_WORKER_MD: dict[str, Any] = {}


def _markdown(extensions, configs):
    import markdown

    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def _render_worker(args) -> str:
    extensions, configs, body = args
    md = _WORKER_MD.get("md")
    if md is None:
        md = _WORKER_MD["md"] = _markdown(extensions, configs)
    md.reset()
    return sanitise(md.convert(body))
