"""A dyad's cooperation/conflict timeline as inline SVG, drawn on the server: no script and no
chart library to load, and it shows in the JSON twin's numbers exactly what it draws.

One column per period: cooperation (QuadClass 1 verbal, 2 material) stacked above the axis,
conflict (3 verbal, 4 material) below it, and the period's Goldstein sum as a line on its own
scale. Each column's <title> gives its numbers on hover.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

WIDTH, HEIGHT, PAD_X, PAD_Y = 760, 260, 40, 24
COLOURS = {"1": "#8cc084", "2": "#2e7d32", "3": "#f0a050", "4": "#c62828"}
NAMES = {"1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict",
         "4": "material conflict"}  # fmt: skip


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    quad: str
    n: int


def svg(periods: list[dict], title: str) -> Markup:
    """The chart for Reader.timeline's periods; an empty chart says it has nothing to draw."""
    parts = [
        Markup(
            '<svg class="timeline" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
            'xmlns="http://www.w3.org/2000/svg"><title>{t}</title>'
        ).format(w=WIDTH, h=HEIGHT, t=title)
    ]
    mid = HEIGHT / 2
    inner_w, half_h = WIDTH - 2 * PAD_X, mid - PAD_Y
    parts.append(
        Markup('<line class="axis" x1="{}" y1="{}" x2="{}" y2="{}" stroke="#555"/>').format(
            PAD_X, mid, WIDTH - PAD_X, mid
        )
    )
    if not periods:
        parts.append(
            Markup('<text x="{}" y="{}" text-anchor="middle">no dated events</text>').format(
                WIDTH / 2, mid - 8
            )
        )
        return Markup("").join(parts) + Markup("</svg>")
    up = max(int(p["quad_class"].get("1", 0)) + int(p["quad_class"].get("2", 0)) for p in periods)
    down = max(int(p["quad_class"].get("3", 0)) + int(p["quad_class"].get("4", 0)) for p in periods)
    scale = half_h / max(up, down, 1)
    step = inner_w / len(periods)
    width = max(1.0, min(step * 0.8, 48.0))  # a few periods still look like bars
    for i, p in enumerate(periods):
        x = PAD_X + i * step + (step - width) / 2
        label = _label(p)
        parts.append(Markup('<g class="period"><title>{}</title>').format(label))
        for bar in bars(p, x, width, mid, scale):
            parts.append(
                Markup(
                    '<rect class="bar q{}" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" '
                    'fill="{}" data-n="{}"/>'
                ).format(bar.quad, bar.x, bar.y, bar.width, bar.height, COLOURS[bar.quad], bar.n)
            )
        parts.append(Markup("</g>"))
    parts.append(_goldstein_line(periods, step, mid, half_h))
    for x, anchor, p in ((PAD_X, "start", periods[0]), (WIDTH - PAD_X, "end", periods[-1])):
        parts.append(
            Markup('<text x="{}" y="{}" text-anchor="{}" font-size="11">{}</text>').format(
                x, HEIGHT - 6, anchor, p["period"]
            )
        )
    parts.append(
        Markup(
            '<text x="4" y="{}" font-size="11">cooperation</text>'
            '<text x="4" y="{}" font-size="11">conflict</text>'
        ).format(PAD_Y - 8, HEIGHT - PAD_Y + 2)
    )
    return Markup("").join(parts) + Markup("</svg>")


def bars(period: dict, x: float, width: float, mid: float, scale: float) -> list[Bar]:
    out = []
    top = mid
    for quad in ("1", "2"):  # cooperation grows up from the axis
        n = int(period["quad_class"].get(quad, 0))
        if n:
            top -= n * scale
            out.append(Bar(x, top, width, n * scale, quad, n))
    bottom = mid
    for quad in ("3", "4"):  # conflict grows down
        n = int(period["quad_class"].get(quad, 0))
        if n:
            out.append(Bar(x, bottom, width, n * scale, quad, n))
            bottom += n * scale
    return out


def _goldstein_line(periods: list[dict], step: float, mid: float, half_h: float) -> Markup:
    most = max((abs(float(p.get("goldstein") or 0)) for p in periods), default=0) or 1.0
    points = " ".join(
        f"{PAD_X + (i + 0.5) * step:.1f},{mid - float(p.get('goldstein') or 0) / most * half_h:.1f}"
        for i, p in enumerate(periods)
    )
    dots = Markup("").join(
        Markup('<circle class="goldstein-point" cx="{}" cy="{}" r="2.5" fill="#1f4e9c"/>').format(
            *point.split(",")
        )
        for point in points.split()
    )
    line = Markup(
        '<polyline class="goldstein" points="{}" fill="none" stroke="#1f4e9c" stroke-width="2"/>'
    ).format(points)
    return line + dots


def _label(p: dict) -> str:
    counts = ", ".join(f"{NAMES[q]} {p['quad_class'].get(q, 0)}" for q in ("1", "2", "3", "4"))
    return f"{p['period']}: {p['events']} event(s); {counts}; Goldstein sum {p['goldstein']}"
