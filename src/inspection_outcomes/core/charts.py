"""The chart style of both publications: Analysis Function colours and matplotlib style
(afcharts), stacked percentage bars, and SVG text that is accessible and byte-identical
(title and desc, text kept as text, fixed hash salt, no date or random ids).
"""

from __future__ import annotations

import io
import re
from html import escape
from importlib import resources
from typing import Any

from inspection_outcomes.model.scale import JUDGEMENTS, LABELS, percent

#: Analysis Function categorical palette (afcharts), one colour per judgement, best first.
JUDGEMENT_COLOURS = {
    "outstanding": "#12436D",
    "good": "#28A197",
    "requires_improvement": "#801650",
    "inadequate": "#F46A25",
}


#: Text on each fill: the one with the higher contrast (WCAG) against it.
TEXT_ON = {
    "#12436D": "#FFFFFF",
    "#28A197": "#000000",
    "#801650": "#FFFFFF",
    "#F46A25": "#000000",
    "#BFBFBF": "#000000",
}


NEUTRAL = "#BFBFBF"  # Analysis Function focus palette grey: not yet inspected, no data


SIMULATED = "Simulated data"


MIN_LABEL_PERCENT = 5.0  # segments narrower than this carry no label (it would not fit)


_SALT = "inspection-outcomes"


def n_and_percents(block: dict[str, Any] | None) -> tuple[int, dict[str, float], dict[str, int]]:
    """(n, exact shares for drawing, whole percents for labels) of one figures block.

    Bars are drawn from counts where the block has them (so segments add to 100) and labelled
    with the published whole percentages.
    """
    if not block or not block.get("n"):
        return 0, {}, {}
    n = int(block["n"])
    counts = block.get("counts") or {}
    pct = block.get("percent") or {}
    shares: dict[str, float] = {}
    labels: dict[str, int] = {}
    for j in JUDGEMENTS:
        if counts.get(j) is not None:
            shares[j] = 100 * counts[j] / n
            given = pct.get(j)
            labels[j] = int(given) if given is not None else percent(counts[j], n) or 0
        else:
            shares[j] = float(pct.get(j) or 0)
            labels[j] = int(pct.get(j) or 0)
    return n, shares, labels


def style_params() -> dict[str, Any]:
    """The afcharts matplotlib style, read from the package file, plus determinism settings."""
    import matplotlib

    path = resources.files("afcharts").joinpath("afcharts.mplstyle")
    style = matplotlib.rc_params_from_file(str(path), use_default_template=False)
    params: dict[str, Any] = {str(k): v for k, v in style.items()}
    params.update(
        {
            "svg.hashsalt": _SALT,
            "svg.fonttype": "none",
            "svg.id": None,
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.grid": True,
            "axes.grid.axis": "x",
        }
    )
    return params


def finish_svg(fig: Any, chart_id: str, title: str, desc: str) -> str:
    """Render a figure to SVG text with <title>/<desc> and no date or random ids."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    svg = buf.getvalue()
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    tid, did = f"{chart_id}-title", f"{chart_id}-desc"
    svg = re.sub(
        r"<svg ([^>]*)>",
        lambda m: (
            f'<svg {m.group(1)} role="img" aria-labelledby="{tid} {did}">\n'
            f'<title id="{tid}">{escape(title)}</title>\n<desc id="{did}">{escape(desc)}</desc>'
        ),
        svg,
        count=1,
    )
    return svg


def stacked_bars(
    rows: list[tuple[str, dict[str, float], dict[str, int]]],
    *,
    caption: str,
    bold_last: bool = False,
    scale: tuple[str, ...] = JUDGEMENTS,
    labels: dict[str, str] | None = None,
    colours: dict[str, str] | None = None,
) -> Any:
    """A 100% stacked horizontal bar chart, first row at the top, legend above.

    Rows are (label, share of each grade, whole percent of each grade); `scale` gives the
    grades best first (the four-point judgement scale unless told), with their legend
    `labels` and fill `colours` (text on a fill is chosen from TEXT_ON).
    """
    from matplotlib.figure import Figure

    labels = labels or dict(LABELS)
    colours = colours or JUDGEMENT_COLOURS

    height = 1.1 + 0.48 * len(rows) + (0.3 if caption else 0)
    fig = Figure(figsize=(9, height), dpi=100)
    ax = fig.add_axes((0.34, 0.16 if caption else 0.08, 0.63, 0.0))
    ax.set_position(
        (0.34, (0.45 + (0.3 if caption else 0)) / height, 0.63, (0.48 * len(rows)) / height)
    )
    ys = list(range(len(rows)))[::-1]
    lefts = [0.0] * len(rows)
    for j in scale:
        colour = colours[j]
        widths = [shares.get(j, 0.0) for _, shares, _ in rows]
        ax.barh(
            ys,
            widths,
            left=lefts,
            height=0.7,
            color=colour,
            edgecolor="white",
            linewidth=1,
            label=labels[j],
        )
        for y, left, w, (_, _, pcts) in zip(ys, lefts, widths, rows, strict=True):
            if w >= MIN_LABEL_PERCENT:
                ax.text(
                    left + w / 2,
                    y,
                    f"{pcts[j]}%",
                    ha="center",
                    va="center",
                    color=TEXT_ON[colour],
                    fontsize=10,
                )
        lefts = [a + w for a, w in zip(lefts, widths, strict=True)]
    ax.set_yticks(ys, [r[0] for r in rows])
    if bold_last:
        ax.get_yticklabels()[-1].set_fontweight("bold")
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.5, len(rows) - 0.5)
    ax.set_xticks([0, 20, 40, 60, 80, 100], ["0%", "20%", "40%", "60%", "80%", "100%"])
    ax.tick_params(axis="y", length=0)
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(-0.5, 1.0),
        ncols=len(scale),
        fontsize=10,
        handlelength=1.0,
        columnspacing=1.2,
        borderaxespad=0.3,
    )
    if caption:
        fig.text(0.01, 0.02, caption, fontsize=10, color="#3D3D3D")
    return fig
