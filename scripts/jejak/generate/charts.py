"""Group dashboard charts as static SVG (pygal), made at build time; no script is loaded."""

from __future__ import annotations

import hashlib
from collections import Counter

import pygal
from pygal.style import Style

from jejak.generate.labels import label
from jejak.model import Record
from jejak.schema.vocabularies import VOCABULARIES
from jejak.schema.vocabularies import label as vocab_label

STYLE = Style(background="white", plot_background="white", font_family="sans-serif",
              colors=("#00897b", "#f9a825", "#5e35b1", "#e53935", "#3949ab", "#6d4c41"))


def _config(title: str) -> dict:
    # js=[]: pygal would otherwise reference its tooltip script on a third-party host
    return {"title": title, "style": STYLE, "js": [], "disable_xml_declaration": False,
            "width": 640, "height": 360, "legend_at_bottom": True, "print_values": False}


def group_charts(sessions: list[Record], products: list[Record], lang: str) -> dict[str, str]:
    """name → SVG text; charts with no data are left out."""
    out: dict[str, str] = {}
    if sessions:
        out["paket"] = _sessions_per_quarter(sessions, lang)
        out["kompetensi"] = _competencies(sessions + products, lang)
        attendance = _attendance(sessions, lang)
        if attendance:
            out["kehadiran"] = attendance
    if products:
        out["karya"] = _products_by_kind(products, lang)
    return out


def _render(chart) -> str:
    # pygal names each chart with a random uuid4; the same data must give the same file
    # (reproducible builds, stable hashes), so the name is derived from the content instead.
    chart.uuid = _PLACEHOLDER
    svg = chart.render(is_unicode=True)
    return svg.replace(_PLACEHOLDER, hashlib.sha256(svg.encode("utf-8")).hexdigest()[:32])


_PLACEHOLDER = "jejak-chart-id"


def _sessions_per_quarter(sessions: list[Record], lang: str) -> str:
    quarters = sorted({(s.date.year, (s.date.month - 1) // 3 + 1) for s in sessions})
    chart = pygal.StackedBar(**_config(label("sessions_per_quarter", lang)))
    chart.x_labels = [f"{y} T{q}" if lang != "en" else f"{y} Q{q}" for y, q in quarters]
    for package in VOCABULARIES["package"]:
        counts = Counter((s.date.year, (s.date.month - 1) // 3 + 1) for s in sessions
                         if s["package"] == package)
        chart.add(vocab_label("package", package, lang), [counts[q] or None for q in quarters])
    return _render(chart)


def _products_by_kind(products: list[Record], lang: str) -> str:
    chart = pygal.Bar(**_config(label("products_by_kind", lang)))
    counts = Counter(p["kind"] for p in products)
    for kind in VOCABULARIES["product_kind"]:
        chart.add(vocab_label("product_kind", kind, lang), [counts[kind]])
    return _render(chart)


def _competencies(records: list[Record], lang: str) -> str:
    chart = pygal.HorizontalBar(**_config(label("competencies_covered", lang)))
    counts = Counter(c for r in records for c in r.get("competencies") or [])
    for competency in VOCABULARIES["competency"]:
        chart.add(vocab_label("competency", competency, lang), [counts[competency]])
    return _render(chart)


def _attendance(sessions: list[Record], lang: str) -> str | None:
    points = sorted((s.date, s.get("participants") or len(s.get("attendees") or []))
                    for s in sessions)
    if not any(n for _, n in points):
        return None
    chart = pygal.Line(**_config(label("attendance_over_time", lang)), x_label_rotation=30)
    chart.x_labels = [d.isoformat() for d, _ in points]
    chart.add(label("participants", lang), [n for _, n in points])
    return _render(chart)
