"""The report's charts: SVG drawn by matplotlib, byte for byte the same for the same numbers.

Figures are made with matplotlib's object API (no pyplot, no GUI backend: nothing global is
switched) and saved as SVG with a fixed `svg.hashsalt` per chart (the ids of its clip paths,
unique within the page), text kept as text (`svg.fonttype: none`, small and selectable) and no
date in the metadata.
"""

from __future__ import annotations

import io
import re

from .page import Breakdown, Confusion, GroupCount

COLOURS = {"agree": "#2e7d32", "disagree": "#c62828", "undetermined": "#f9a825",
           "out_of_scope": "#9e9e9e"}
LABELS = {"agree": "agree", "disagree": "disagree", "undetermined": "undetermined",
          "out_of_scope": "out of scope"}
# bars drawn at most; the rest are summed into one "other" bar (the table lists them all)
MAX_BARS = 12


def _svg(figure, salt: str) -> str:
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": f"guideline-engine:{salt}",
                                "svg.fonttype": "none", "font.family": "DejaVu Sans"}):
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):].strip() + "\n"  # drop the XML prolog and doctype: inline
    return _scoped(svg, f"chart-{salt}")


_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|href="#)([^)"]+)')


def _scoped(svg: str, prefix: str) -> str:
    """The SVG with its ids (matplotlib's "axes_1", "patch_2"..., the same in every figure) and
    the references to them prefixed: an id is unique within the page."""
    ids = set(_ID.findall(svg))
    svg = _ID.sub(lambda m: f'id="{prefix}-{m[1]}"', svg)
    return _REF.sub(lambda m: f"{m[1]}{prefix}-{m[2]}" if m[2] in ids else m[0], svg)


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _merged(groups: list[GroupCount]) -> list[GroupCount]:
    if len(groups) <= MAX_BARS:
        return groups
    rest = groups[MAX_BARS - 1:]
    other = GroupCount(group=f"other ({len(rest)} groups)")
    for group in rest:
        for field in ("items", "agree", "disagree", "undetermined", "out_of_scope"):
            setattr(other, field, getattr(other, field) + getattr(group, field))
    return groups[:MAX_BARS - 1] + [other]


def _short(label: str, width: int = 34) -> str:
    return label if len(label) <= width else label[:width - 1] + "…"


def breakdown_svg(breakdown: Breakdown) -> str:
    """Stacked horizontal bars: each group's items by verdict, its agreement rate at the end."""
    groups = _merged(breakdown.groups)
    figure = _figure(7.0, 0.9 + 0.32 * max(len(groups), 1))
    axes = figure.add_subplot()
    positions = list(range(len(groups)))[::-1]
    left = [0] * len(groups)
    for verdict, colour in COLOURS.items():
        values = [getattr(g, verdict) for g in groups]
        axes.barh(positions, values, left=left, color=colour, label=LABELS[verdict], height=0.7)
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, group, end in zip(positions, groups, left, strict=True):
        rate = group.agreement
        if rate is not None:
            axes.text(end, y, f" {100 * rate:.0f}%", va="center", fontsize=8)
    axes.set_yticks(positions, [_short(g.group) for g in groups], fontsize=8)
    axes.set_xlabel("items", fontsize=8)
    axes.tick_params(axis="x", labelsize=8)
    axes.set_xlim(0, max(left + [1]) * 1.12)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(fontsize=7, ncols=4, loc="lower center", bbox_to_anchor=(0.5, 1.0),
                frameon=False)
    return _svg(figure, breakdown.key)


def confusion_svg(confusion: Confusion) -> str:
    """The confusion matrix as a heat map with the counts written in."""
    figure = _figure(5.2, 2.4)
    axes = figure.add_subplot()
    axes.imshow(confusion.counts, cmap="Blues", aspect="auto", vmin=0)
    peak = max((c for row in confusion.counts for c in row), default=0)
    for r, row in enumerate(confusion.counts):
        for c, count in enumerate(row):
            colour = "white" if peak and count > peak / 2 else "black"
            axes.text(c, r, str(count), ha="center", va="center", color=colour, fontsize=10)
    axes.set_xticks(range(len(confusion.columns)), confusion.columns, fontsize=8)
    axes.set_yticks(range(len(confusion.rows)), confusion.rows, fontsize=8)
    axes.set_xlabel("engine outcome", fontsize=8)
    axes.set_ylabel("recorded outcome", fontsize=8)
    return _svg(figure, "confusion")
