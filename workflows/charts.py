"""Charts drawn on the server as inline SVG, each with the table of its numbers.

No JavaScript and no chart library: a chart is markup built here, so it shows without scripts,
prints, and passes a strict Content-Security-Policy (presentation attributes, no `style=`).
Every chart carries what someone who does not see it needs: a title and a text summary (the SVG's
<title> and <desc>, labelled with role="img") and a `Table` of the very numbers drawn, which a
template shows as a real <table> and a view may export as CSV. Values are printed on or next to
what they measure, and series differ by pattern as well as colour, so colour never carries the
meaning alone. Every colour holds 3:1 against white (graphics) and every text 4.5:1 on its ground.

    chart = bar_chart("by-state", _("Requests per state"), summary, [Bar("Screening", 4), ...],
                      label_heading=_("State"), value_heading=_("Requests"))
    chart.svg        # SafeString: <svg role="img" ...>
    chart.table      # Table(columns, rows): the same numbers, first column the row heading

The callers word the titles and summaries and format the labels (dates in the reader's language);
numbers are shown with `django.utils.formats.localize`, so a decimal comma where the language has one.
"""

import math
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Fonts follow the admin's; sizes are in the SVG's own units (its viewBox is WIDTH wide).
WIDTH = 400
FONT = 14
SMALL = 12
TEXT = "#1d1d1d"  # on white: 16.7:1
MUTED_TEXT = "#555555"  # on white: 7.5:1
GRID = "#767676"  # axes and tile borders: 4.5:1 on white

# Series colours, each at least 3:1 against white (WCAG 1.4.11) and told apart by PATTERNS too.
SERIES_COLOURS = ("#1f5f99", "#b04a00", "#2e7d32", "#7b3fa0", "#5c6670", "#a3214f")
# The pattern drawn over a series' colour: none, stripes, dots, crossing lines, ...
PATTERNS = ("solid", "stripes", "dots", "cross", "horizontal", "vertical")

# The shades of a tile-grid map, lightest first, and the text colour readable on each (4.5:1 at least).
MAP_EMPTY = ("#f4f4f4", TEXT)
MAP_SHADES = (
    ("#dbe9f6", TEXT),
    ("#9dc4e3", TEXT),
    ("#2e6aa6", "#ffffff"),
    ("#0b3d73", "#ffffff"),
)

# A tile grid of Europe: (column, row) of each country's square, roughly where the country lies.
# Countries it does not place go on a row of their own below.
EUROPE_TILE_GRID = {
    "IS": (0, 0),
    "NO": (4, 0),
    "SE": (5, 0),
    "FI": (6, 0),
    "IE": (0, 1),
    "GB": (1, 1),
    "DK": (4, 1),
    "EE": (6, 1),
    "NL": (2, 2),
    "DE": (3, 2),
    "PL": (4, 2),
    "LT": (5, 2),
    "LV": (6, 2),
    "FR": (1, 3),
    "BE": (2, 3),
    "LU": (3, 3),
    "CZ": (4, 3),
    "SK": (5, 3),
    "UA": (6, 3),
    "PT": (0, 4),
    "ES": (1, 4),
    "CH": (2, 4),
    "AT": (3, 4),
    "HU": (4, 4),
    "RO": (5, 4),
    "MD": (6, 4),
    "LI": (2, 5),
    "IT": (3, 5),
    "SI": (4, 5),
    "HR": (5, 5),
    "BG": (6, 5),
    "MT": (3, 6),
    "BA": (4, 6),
    "RS": (5, 6),
    "MK": (6, 6),
    "ME": (4, 7),
    "AL": (5, 7),
    "GR": (6, 7),
    "TR": (7, 6),
    "CY": (7, 7),
}


@dataclass(frozen=True)
class Table:
    """The numbers of a chart: column headings, and rows whose first cell is the row's heading."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class Chart:
    key: str  # unique on its page: the SVG's ids start with it
    title: str
    summary: str
    svg: SafeString
    table: Table


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    # What is printed at the bar's end, when not the value itself (e.g. "3.5 days").
    text: str = ""


@dataclass(frozen=True)
class Series:
    key: str
    label: str


@dataclass(frozen=True)
class Tile:
    code: str  # e.g. an ISO country code, printed on the tile
    name: str  # the full name: the tile's tooltip and the table's heading
    value: int


@dataclass
class _Svg:
    """The markup of one chart, assembled from escaped parts."""

    key: str
    title: str
    summary: str
    height: float = 0
    parts: list[str] = field(default_factory=list)
    defs: list[str] = field(default_factory=list)

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def render(self) -> SafeString:
        key = escape(self.key)
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {_n(self.height)}" '
            f'width="{WIDTH}" height="{_n(self.height)}" role="img" '
            f'aria-labelledby="{key}-svg-title {key}-svg-desc" font-size="{FONT}" font-family="inherit">'
            f'<title id="{key}-svg-title">{escape(self.title)}</title>'
            f'<desc id="{key}-svg-desc">{escape(self.summary)}</desc>'
        )
        defs = f"<defs>{''.join(self.defs)}</defs>" if self.defs else ""
        return mark_safe(head + defs + "".join(self.parts) + "</svg>")  # noqa: S308 - every part escaped


def _n(number: float) -> str:
    """A coordinate, short and locale-free (SVG wants a decimal point whatever the language)."""
    return f"{number:.1f}".rstrip("0").rstrip(".")


def _text(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    size: int = FONT,
    fill: str = TEXT,
    weight: str = "normal",
) -> str:
    bold = ' font-weight="bold"' if weight == "bold" else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{size}" fill="{fill}"{bold}>'
        f"{escape(content)}</text>"
    )


def _rect(
    x: float,
    y: float,
    width: float,
    height: float,
    fill: str,
    *,
    title: str = "",
    stroke: str = "",
    extra: str = "",
) -> str:
    outline = f' stroke="{stroke}" stroke-width="1"' if stroke else ""
    tooltip = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(max(width, 0))}" height="{_n(height)}" fill="{fill}"'
        f"{outline}{extra}>{tooltip}</rect>"
    )


def _pattern_def(key: str, index: int) -> str:
    """A fill for series `index`: its colour, with its pattern drawn in white over it."""
    colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
    pattern = PATTERNS[index % len(PATTERNS)]
    marks = {
        "solid": "",
        "stripes": '<path d="M0,8 L8,0" stroke="#ffffff" stroke-width="1.5"/>',
        "dots": '<circle cx="4" cy="4" r="1.4" fill="#ffffff"/>',
        "cross": '<path d="M0,0 L8,8 M8,0 L0,8" stroke="#ffffff" stroke-width="1"/>',
        "horizontal": '<path d="M0,4 L8,4" stroke="#ffffff" stroke-width="1.5"/>',
        "vertical": '<path d="M4,0 L4,8" stroke="#ffffff" stroke-width="1.5"/>',
    }[pattern]
    return (
        f'<pattern id="{escape(key)}-series-{index}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{colour}"/>{marks}</pattern>'
    )


def _series_fill(key: str, index: int) -> str:
    return f"url(#{escape(key)}-series-{index})"


def _format(value: float) -> str:
    if isinstance(value, float) and not value.is_integer():
        return str(localize(round(value, 1)))
    return str(localize(int(value)))


def _scale_max(values: Sequence[float]) -> float:
    return max([*values, 0]) or 1


def _label_width(labels: Sequence[str], size: int = FONT) -> float:
    # No text measuring on the server: an average glyph of the admin's sans-serif fonts is about
    # 0.62 of the font size wide (digits and capitals a little more), so that, and some room.
    longest = max((len(label) for label in labels), default=0)
    return min(WIDTH * 0.45, longest * size * 0.62 + 12)


def bar_chart(
    key: str,
    title: str,
    summary: str,
    bars: Sequence[Bar],
    *,
    label_heading: str,
    value_heading: str,
    table: Table | None = None,
) -> Chart:
    """Horizontal bars, one per label, each with its value printed at its end."""
    row_height, bar_height, top = 30, 18, 6
    svg = _Svg(key, title, summary, height=top * 2 + row_height * max(len(bars), 1))
    label_width = _label_width([bar.label for bar in bars])
    values = [float(bar.value) for bar in bars]
    scale = _scale_max(values)
    texts = [bar.text or _format(bar.value) for bar in bars]
    value_room = max((len(text) for text in texts), default=1) * FONT * 0.6 + 10
    room = WIDTH - label_width - value_room
    svg.add(
        f'<line x1="{_n(label_width)}" y1="{top}" x2="{_n(label_width)}" '
        f'y2="{_n(svg.height - top)}" stroke="{GRID}" stroke-width="1"/>'
    )
    for index, (bar, text) in enumerate(zip(bars, texts, strict=True)):
        y = top + index * row_height
        length = room * float(bar.value) / scale
        middle = y + row_height / 2
        svg.add(_text(label_width - 6, middle + FONT * 0.35, bar.label, anchor="end"))
        svg.add(
            _rect(
                label_width,
                middle - bar_height / 2,
                length,
                bar_height,
                SERIES_COLOURS[0],
                title=f"{bar.label}: {text}",
            )
        )
        svg.add(_text(label_width + length + 5, middle + FONT * 0.35, text))
    rows = tuple((bar.label, bar.value) for bar in bars)
    return Chart(key, title, summary, svg.render(), table or Table((label_heading, value_heading), rows))


def stacked_bar_chart(
    key: str,
    title: str,
    summary: str,
    categories: Sequence[str],
    series: Sequence[Series],
    values: Mapping[tuple[int, str], float],
    *,
    category_heading: str,
    total_heading: str,
    table: Table | None = None,
) -> Chart:
    """Horizontal bars, one per category, stacked by series, with a legend and each bar's total.

    `values[(category index, series key)]`; a missing pair counts as 0.
    """
    legend_height = _legend_height(series)
    row_height, bar_height = 28, 18
    top = legend_height + 8
    svg = _Svg(key, title, summary, height=top + row_height * max(len(categories), 1) + 6)
    svg.defs.extend(_pattern_def(key, index) for index in range(len(series)))
    _draw_legend(svg, key, series)
    label_width = _label_width(categories)
    totals = [sum(values.get((index, s.key), 0) for s in series) for index in range(len(categories))]
    scale = _scale_max(totals)
    value_room = max((len(_format(total)) for total in totals), default=1) * FONT * 0.6 + 10
    room = WIDTH - label_width - value_room
    svg.add(
        f'<line x1="{_n(label_width)}" y1="{_n(top)}" x2="{_n(label_width)}" '
        f'y2="{_n(svg.height - 6)}" stroke="{GRID}" stroke-width="1"/>'
    )
    for index, category in enumerate(categories):
        middle = top + index * row_height + row_height / 2
        svg.add(_text(label_width - 6, middle + FONT * 0.35, category, anchor="end"))
        x = label_width
        for number, item in enumerate(series):
            value = values.get((index, item.key), 0)
            if not value:
                continue
            length = room * value / scale
            # A white edge between segments: neighbours stay apart whatever their colours.
            svg.add(
                _rect(
                    x,
                    middle - bar_height / 2,
                    length,
                    bar_height,
                    _series_fill(key, number),
                    stroke="#ffffff",
                    title=f"{category}, {item.label}: {_format(value)}",
                )
            )
            x += length
        svg.add(_text(x + 5, middle + FONT * 0.35, _format(totals[index]), weight="bold"))
    if table is None:
        rows = tuple(
            (category, *(values.get((index, s.key), 0) for s in series), totals[index])
            for index, category in enumerate(categories)
        )
        table = Table((category_heading, *(s.label for s in series), total_heading), rows)
    return Chart(key, title, summary, svg.render(), table)


def _legend_rows(labels: Sequence[str]) -> list[list[int]]:
    """Legend entries laid out left to right, wrapping before WIDTH; indexes per row."""
    rows, current, x = [], [], 0.0
    for index, label in enumerate(labels):
        width = 22 + len(label) * SMALL * 0.62 + 14
        if current and x + width > WIDTH:
            rows.append(current)
            current, x = [], 0.0
        current.append(index)
        x += width
    if current:
        rows.append(current)
    return rows


def _legend_height(series: Sequence[Series]) -> float:
    return 20 * len(_legend_rows([s.label for s in series]))


def _draw_legend(svg: _Svg, key: str, series: Sequence[Series]) -> None:
    labels = [s.label for s in series]
    for row_number, row in enumerate(_legend_rows(labels)):
        x, y = 0.0, row_number * 20 + 3
        for index in row:
            svg.add(_rect(x, y, 14, 14, _series_fill(key, index), stroke=GRID))
            svg.add(_text(x + 20, y + 12, labels[index], size=SMALL))
            x += 22 + len(labels[index]) * SMALL * 0.62 + 14


def shade_classes(largest: int, classes: int = len(MAP_SHADES)) -> list[tuple[int, int]]:
    """Ranges of whole numbers (low, high) from 1 to `largest`, at most `classes` of them, equal in size."""
    if largest < 1:
        return []
    size = math.ceil(largest / classes)
    return [(low, min(low + size - 1, largest)) for low in range(1, largest + 1, size)]


def _shade(value: int, ranges: list[tuple[int, int]]) -> tuple[str, str]:
    if value < 1:
        return MAP_EMPTY
    for number, (_low, high) in enumerate(ranges):
        if value <= high:
            return MAP_SHADES[number]
    return MAP_SHADES[-1]


def by_name(name):
    """A sort key that files a translated name where its reader looks for it ("Österreich" under O)."""
    folded = unicodedata.normalize("NFKD", name)
    return "".join(char for char in folded if not unicodedata.combining(char)).casefold(), name


def tile_grid_map(
    key: str,
    title: str,
    summary: str,
    tiles: Sequence[Tile],
    *,
    layout: Mapping[str, tuple[int, int]] = EUROPE_TILE_GRID,
    code_heading: str,
    name_heading: str,
    value_heading: str,
    range_text: Callable[[int, int], str] = lambda low, high: f"{low}–{high}" if low != high else f"{low}",
) -> Chart:
    """One square per tile where `layout` places its code (others on a row below), shaded by its
    value, which is printed in it under the code; a legend of the shades below the map."""
    placed = {tile.code: layout[tile.code] for tile in tiles if tile.code in layout}
    # Only the part of the layout the tiles occupy is drawn (a few countries fill the chart).
    left = min((column for column, _row in placed.values()), default=0)
    top = min((row for _column, row in placed.values()), default=0)
    placed = {code: (column - left, row - top) for code, (column, row) in placed.items()}
    columns = max([column for column, _row in placed.values()] + [3]) + 1
    rows = max([row for _column, row in placed.values()] + [-1]) + 1
    unplaced = sorted((tile for tile in tiles if tile.code not in layout), key=lambda tile: tile.code)
    for index, tile in enumerate(unplaced):
        placed[tile.code] = (index % columns, rows + index // columns)
    rows += math.ceil(len(unplaced) / columns)
    gap = 4
    size = min(60, (WIDTH - gap * (columns - 1)) / columns)
    margin = (WIDTH - columns * size - (columns - 1) * gap) / 2  # centred
    ranges = shade_classes(max([tile.value for tile in tiles] + [0]))
    legend_top = rows * (size + gap) + 10
    svg = _Svg(key, title, summary, height=legend_top + 24)
    for tile in tiles:
        column, row = placed[tile.code]
        x, y = margin + column * (size + gap), row * (size + gap)
        fill, ink = _shade(tile.value, ranges)
        value = _format(tile.value)
        square = _rect(x, y, size, size, fill, stroke=GRID, title=f"{tile.name}: {value}")
        svg.add(
            f'<g class="chart-tile">{square}'
            + _text(x + size / 2, y + size * 0.4, tile.code, anchor="middle", size=SMALL, fill=ink)
            + _text(
                x + size / 2, y + size * 0.8, value, anchor="middle", size=FONT + 2, fill=ink, weight="bold"
            )
            + "</g>"
        )
    x = 0.0
    for (fill, _ink), label in [(MAP_EMPTY, _format(0))] + [
        (MAP_SHADES[number], range_text(low, high)) for number, (low, high) in enumerate(ranges)
    ]:
        svg.add(_rect(x, legend_top, 16, 16, fill, stroke=GRID))
        svg.add(_text(x + 22, legend_top + 13, label, size=SMALL))
        x += 22 + len(label) * SMALL * 0.6 + 16
    ordered = sorted(tiles, key=lambda tile: (-tile.value, by_name(tile.name)))
    table = Table(
        (name_heading, code_heading, value_heading), tuple((t.name, t.code, t.value) for t in ordered)
    )
    return Chart(key, title, summary, svg.render(), table)
