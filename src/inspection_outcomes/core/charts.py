"""The chart style of both publications: Analysis Function colours and matplotlib style
(afcharts), stacked percentage bars, and SVG text that is accessible and byte-identical
(title and desc, text kept as text, fixed hash salt, no date or random ids).
"""

from __future__ import annotations

import io
import re
import textwrap
from dataclasses import dataclass
from html import escape
from importlib import resources
from typing import Any

from inspection_outcomes.model.scale import JUDGEMENTS, SHORT_LABELS, percent

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


MIN_LABEL_PERCENT = 8.0  # segments narrower than this carry no label (it would not fit)


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


#: Charts are drawn at a phone's width, so that on a 375 px screen (343 px for the page's
#: content) their text is at least 12 px as rendered; on a wider screen they show at this
#: natural width, never enlarged. Row labels sit above their bars, using the whole width.
WIDTH_IN = 4.6
TEXT_PT = 12
_LINE_IN = TEXT_PT * 1.25 / 72  # one line of text
_WRAP = 50  # characters of 12 pt text across the drawing
_LEFT_IN, _RIGHT_IN = 0.22, 0.26
CAPTION_COLOUR = "#3D3D3D"


def wrap(text: str, width: int = _WRAP) -> str:
    """Text broken into lines that fit the drawing's width."""
    return "\n".join(textwrap.wrap(text, width)) or text


@dataclass(frozen=True)
class _Frame:
    """Where the parts of a bar chart go, in inches from the bottom of the drawing."""

    height: float
    caption_lines: int
    axes_bottom: float
    axes_height: float
    legend_top: float


def _frame(rows_height: float, legend_rows: int, caption: str) -> _Frame:
    caption_lines = len(wrap(caption).splitlines()) if caption else 0
    caption_h = caption_lines * _LINE_IN + (0.15 if caption else 0)
    axis_h = 0.42  # the x axis's tick labels
    legend_h = legend_rows * (_LINE_IN + 0.06) + 0.12
    height = 0.08 + legend_h + rows_height + axis_h + caption_h
    return _Frame(height, caption_lines, caption_h + axis_h, rows_height, height - 0.08)


def _figure_and_axes(frame: _Frame, xmax: float) -> tuple[Any, Any]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, frame.height), dpi=100)
    ax = fig.add_axes(
        (
            _LEFT_IN / WIDTH_IN,
            frame.axes_bottom / frame.height,
            (WIDTH_IN - _LEFT_IN - _RIGHT_IN) / WIDTH_IN,
            frame.axes_height / frame.height,
        )
    )
    ax.set_xlim(0, xmax)
    ax.set_ylim(0, frame.axes_height)
    ax.set_yticks([])
    ax.tick_params(axis="x", labelsize=TEXT_PT)
    return fig, ax


def _legend(fig: Any, ax: Any, frame: _Frame, ncols: int) -> None:
    handles, names = ax.get_legend_handles_labels()
    fig.legend(
        handles,
        names,
        loc="upper left",
        bbox_to_anchor=(_LEFT_IN / WIDTH_IN * 0.5, frame.legend_top / frame.height),
        ncols=ncols,
        fontsize=TEXT_PT,
        handlelength=1.0,
        columnspacing=1.0,
        borderaxespad=0.0,
        frameon=False,
    )


def _caption(fig: Any, frame: _Frame, caption: str) -> None:
    if caption:
        fig.text(
            _LEFT_IN / WIDTH_IN,
            0.08 / frame.height,
            wrap(caption),
            fontsize=TEXT_PT,
            color=CAPTION_COLOUR,
            va="bottom",
            linespacing=1.25,
        )


def _row_label(ax: Any, y: float, label: str, bold: bool) -> None:
    ax.text(
        0,
        y,
        label,
        ha="left",
        va="bottom",
        fontsize=TEXT_PT,
        color="#0B0C0C",
        fontweight="bold" if bold else "normal",
        linespacing=1.2,
    )


def stacked_bars(
    rows: list[tuple[str, dict[str, float], dict[str, int]]],
    *,
    caption: str,
    bold_last: bool = False,
    scale: tuple[str, ...] = JUDGEMENTS,
    labels: dict[str, str] | None = None,
    colours: dict[str, str] | None = None,
) -> Any:
    """A 100% stacked horizontal bar chart, first row at the top, each row's label above its
    bar, legend above.

    Rows are (label, share of each grade, whole percent of each grade); `scale` gives the
    grades best first (the four-point judgement scale unless told), with their legend
    `labels` (the short ones unless told) and fill `colours` (text on a fill from TEXT_ON).
    """
    labels = labels or dict(SHORT_LABELS)
    colours = colours or JUDGEMENT_COLOURS
    bar_h, gap = 0.36, 0.14
    texts = [wrap(r[0]) for r in rows]
    heights = [len(t.splitlines()) * _LINE_IN + bar_h + gap for t in texts]
    ncols = 2 if max(len(labels[j]) for j in scale) <= 22 else 1
    frame = _frame(sum(heights), -(-len(scale) // ncols), caption)
    fig, ax = _figure_and_axes(frame, 100)
    centres, top = [], frame.axes_height
    for h in heights:
        centres.append(top - h + gap / 2 + bar_h / 2)
        top -= h
    lefts = [0.0] * len(rows)
    for j in scale:
        colour = colours[j]
        widths = [shares.get(j, 0.0) for _, shares, _ in rows]
        ax.barh(
            centres,
            widths,
            left=lefts,
            height=bar_h,
            color=colour,
            edgecolor="white",
            linewidth=1,
            label=labels[j],
        )
        for y, left, w, (_, _, pcts) in zip(centres, lefts, widths, rows, strict=True):
            if w >= MIN_LABEL_PERCENT:
                ax.text(
                    left + w / 2,
                    y,
                    f"{pcts[j]}%",
                    ha="center",
                    va="center",
                    color=TEXT_ON[colour],
                    fontsize=TEXT_PT,
                )
        lefts = [a + w for a, w in zip(lefts, widths, strict=True)]
    for i, (y, text) in enumerate(zip(centres, texts, strict=True)):
        _row_label(ax, y + bar_h / 2 + 0.03, text, bold_last and i == len(rows) - 1)
    ax.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    _legend(fig, ax, frame, ncols)
    _caption(fig, frame, caption)
    return fig


def grouped_bars(
    rows: list[str],
    series: list[tuple[str, list[float | None], str]],
    *,
    caption: str,
    value_text: Any,
    axis_text: Any,
) -> Any:
    """Horizontal bars, one group for each row (label above it) and one bar for each series
    (name, values, colour), with each value written after its bar; legend above."""
    from matplotlib.ticker import MaxNLocator

    bar_h, gap = 0.28, 0.14
    texts = [wrap(r) for r in rows]
    group_h = bar_h * len(series)
    heights = [len(t.splitlines()) * _LINE_IN + group_h + gap for t in texts]
    frame = _frame(sum(heights), -(-len(series) // 2), caption)
    top_value = max((v or 0) for _, values, _ in series for v in values)
    xmax = max(10, top_value * 1.3)
    fig, ax = _figure_and_axes(frame, xmax)
    tops, top = [], frame.axes_height
    for h in heights:
        tops.append(top - h + gap / 2 + group_h)
        top -= h
    for k, (name, values, colour) in enumerate(series):
        ys = [t - bar_h * (k + 0.5) for t in tops]
        ax.barh(ys, [v or 0 for v in values], height=bar_h * 0.9, color=colour, label=name)
        for y, v in zip(ys, values, strict=True):
            ax.text(
                (v or 0) + xmax * 0.01,
                y,
                value_text(v),
                va="center",
                ha="left",
                fontsize=TEXT_PT,
                color="#0B0C0C",
            )
    for t, text in zip(tops, texts, strict=True):
        _row_label(ax, t + 0.03, text, False)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    ax.xaxis.set_major_formatter(lambda x, _pos: axis_text(x))
    _legend(fig, ax, frame, 2)
    _caption(fig, frame, caption)
    return fig
