"""Charts for the printed briefings, drawn with matplotlib in the bundled Korean font.

Charts are rendered off-screen (Agg) to 200 dpi PNG and placed as images; each
series has both a grey level and a hatch pattern and every bar carries its
number, so the chart still reads when printed in black and white.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Image

from ..domain.status import TaskStatus
from .fonts import configure_matplotlib, safe_text

STATUS_ORDER = ["done", "on_track", "at_risk", "late", "not_started"]
STATUS_KO = {st.value: st.label("ko") for st in TaskStatus}
_FILL = {"done": "#4d4d4d", "on_track": "#9ccc9c", "at_risk": "#f2c14e", "late": "#d9534f",
         "not_started": "#ffffff"}
_HATCH = {"done": "", "on_track": "..", "at_risk": "//", "late": "xx", "not_started": ""}
DPI = 200


def status_by_ministry_png(rows: Sequence[tuple[str, dict[str, int]]], *,
                           width_mm: float = 170, title: str = "", lang: str = "ko") -> bytes:
    """Stacked horizontal bars: milestones per status for each ministry, as PNG bytes."""
    configure_matplotlib()
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    names = [safe_text(name) for name, _ in rows][::-1]
    height_mm = max(45.0, 12 + 7.5 * len(rows))
    fig = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=DPI)
    ax = fig.add_subplot(111)
    left = [0] * len(rows)
    counts = [c for _, c in rows][::-1]
    for status in STATUS_ORDER:
        values = [c.get(status, 0) for c in counts]
        if not any(values):
            continue
        bars = ax.barh(names, values, left=left, color=_FILL[status], hatch=_HATCH[status],
                       edgecolor="black", linewidth=0.6, label=TaskStatus(status).label(lang))
        for bar, v in zip(bars, values):
            if v:
                dark = status == "done"
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2,
                        str(v), ha="center", va="center", fontsize=7,
                        color="white" if dark else "black",
                        bbox=None if dark else {"boxstyle": "square,pad=0.1", "fc": "white",
                                                "ec": "none"})
        left = [a + b for a, b in zip(left, values)]
    ax.set_xlabel("마일스톤 수(건)" if lang == "ko" else "Milestones", fontsize=8)
    ax.tick_params(labelsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if title:
        ax.set_title(title, fontsize=9)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=5, fontsize=7.5,
              frameon=False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return buf.getvalue()


def png_flowable(png: bytes, width_mm: float) -> Image:
    """An image flowable of ``png`` scaled to ``width_mm`` keeping its aspect."""
    from reportlab.lib.utils import ImageReader

    reader = ImageReader(io.BytesIO(png))
    w, h = reader.getSize()
    width = width_mm * mm
    return Image(io.BytesIO(png), width=width, height=width * h / w)
