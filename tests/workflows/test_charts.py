"""SVG charts drawn on the server (workflows.charts): what is drawn matches the numbers given, every
chart carries its title, summary and table, text is escaped, numbers follow the reader's language,
and the colours keep the contrast WCAG asks for (computed here with WCAG's own formula)."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from workflows import charts
from workflows.charts import Bar, Series, Tile

SVG = "{http://www.w3.org/2000/svg}"


def parse(chart):
    return ET.fromstring(str(chart.svg))  # noqa: S314 - markup this test made


def rects(root):
    return list(root.iter(f"{SVG}rect"))


def texts(root):
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def luminance(colour):
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_a_bar_chart_draws_bars_in_proportion_and_labels_them():
    chart = charts.bar_chart(
        "states",
        "Requests per state",
        "Six requests.",
        [Bar("Submitted", 4), Bar("Screening", 2), Bar("Closed", 0)],
        label_heading="State",
        value_heading="Requests",
    )
    root = parse(chart)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Requests per state"
    assert root.find(f"{SVG}desc").text == "Six requests."
    assert root.get("aria-labelledby") == "states-svg-title states-svg-desc"
    bars = [float(rect.get("width")) for rect in rects(root)]
    assert bars[0] == pytest.approx(2 * bars[1], abs=0.2) and bars[2] == 0
    assert {"Submitted", "Screening", "Closed", "4", "2", "0"} <= set(texts(root))
    assert chart.table.columns == ("State", "Requests")
    assert chart.table.rows == (("Submitted", 4), ("Screening", 2), ("Closed", 0))


def test_text_is_escaped_and_the_svg_stays_well_formed():
    label = '<script>alert(1)</script> & "quotes"'
    chart = charts.bar_chart("x", label, label, [Bar(label, 1)], label_heading="a", value_heading="b")
    assert "<script>" not in str(chart.svg)
    root = parse(chart)  # raises if the markup is broken
    assert label in texts(root)
    assert root.find(f"{SVG}title").text == label


def test_numbers_are_written_in_the_readers_language():
    with translation.override("de"):
        chart = charts.bar_chart("t", "T", "S", [Bar("Screening", 2.5)], label_heading="a", value_heading="b")
    assert "2,5" in texts(parse(chart))
    assert 'width="' in str(chart.svg) and "," not in parse(chart).get("viewBox")


def test_stacked_bars_draw_each_series_with_its_own_pattern_and_print_totals():
    series = [Series("met", "In time"), Series("late", "Late"), Series("waiting", "Waiting")]
    values = {(0, "met"): 3, (0, "late"): 1, (1, "waiting"): 2}
    chart = charts.stacked_bar_chart(
        "sla",
        "Service levels",
        "…",
        ["Screening", "Decision"],
        series,
        values,
        category_heading="Step",
        total_heading="Total",
    )
    root = parse(chart)
    patterns = [pattern.get("id") for pattern in root.iter(f"{SVG}pattern")]
    assert patterns == ["sla-series-0", "sla-series-1", "sla-series-2"]
    segments = [
        rect
        for rect in rects(root)
        if "<title>" in ET.tostring(rect, encoding="unicode") or rect.find(f"{SVG}title") is not None
    ]
    titles = sorted(rect.find(f"{SVG}title").text for rect in segments)
    assert titles == ["Decision, Waiting: 2", "Screening, In time: 3", "Screening, Late: 1"]
    widths = {rect.find(f"{SVG}title").text: float(rect.get("width")) for rect in segments}
    assert widths["Screening, In time: 3"] == pytest.approx(3 * widths["Screening, Late: 1"], abs=0.2)
    # The legend names every series; each bar's total is printed.
    assert {"In time", "Late", "Waiting", "4", "2"} <= set(texts(root))
    assert chart.table.columns == ("Step", "In time", "Late", "Waiting", "Total")
    assert chart.table.rows == (("Screening", 3, 1, 0, 4), ("Decision", 0, 0, 2, 2))


def test_a_tile_map_places_tiles_by_the_layout_and_prints_the_counts():
    tiles = [Tile("DE", "Germany", 7), Tile("FR", "France", 0), Tile("XK", "Kosovo", 1)]
    layout = {"DE": (3, 2), "FR": (1, 3)}
    chart = charts.tile_grid_map(
        "map",
        "Requests per country",
        "…",
        tiles,
        layout=layout,
        code_heading="Code",
        name_heading="Country",
        value_heading="Requests",
    )
    root = parse(chart)
    groups = {group.find(f"{SVG}rect/{SVG}title").text: group for group in root.iter(f"{SVG}g")}
    assert set(groups) == {"Germany: 7", "France: 0", "Kosovo: 1"}
    germany, france, kosovo = (
        groups[name].find(f"{SVG}rect") for name in ("Germany: 7", "France: 0", "Kosovo: 1")
    )
    step = float(france.get("width")) + 4

    def position(tile):
        return float(tile.get("x")), float(tile.get("y"))

    # Germany two columns right of France and a row above it, as the layout says; the map starts at
    # the top row the tiles use.
    (germany_x, germany_y), (france_x, france_y) = position(germany), position(france)
    assert (germany_x - france_x, france_y - germany_y) == pytest.approx((2 * step, step))
    assert germany_y == 0
    # A code the layout does not know goes on a row below the others.
    assert float(kosovo.get("y")) == pytest.approx(france_y + step)
    assert ["".join(t.itertext()) for t in groups["Germany: 7"].iter(f"{SVG}text")] == ["DE", "7"]
    assert chart.table.rows == (("Germany", "DE", 7), ("Kosovo", "XK", 1), ("France", "FR", 0))
    assert germany.get("fill") != france.get("fill")


def test_shade_classes_split_the_counts_into_equal_ranges():
    assert charts.shade_classes(0) == []
    assert charts.shade_classes(2) == [(1, 1), (2, 2)]
    assert charts.shade_classes(10) == [(1, 3), (4, 6), (7, 9), (10, 10)]
    assert charts.shade_classes(12) == [(1, 3), (4, 6), (7, 9), (10, 12)]


def test_every_european_union_country_has_its_own_tile():
    eu = [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
    assert set(eu) <= set(charts.EUROPE_TILE_GRID)
    positions = list(charts.EUROPE_TILE_GRID.values())
    assert len(positions) == len(set(positions))


def test_colours_keep_the_contrast_wcag_asks_for():
    for colour in (*charts.SERIES_COLOURS, charts.GRID):
        assert contrast(colour, "#ffffff") >= 3, colour  # graphics against the white ground
    for ground, ink in (charts.MAP_EMPTY, *charts.MAP_SHADES):
        assert contrast(ground, ink) >= 4.5, ground  # the code and count printed on a tile
    assert contrast(charts.TEXT, "#ffffff") >= 4.5 and contrast(charts.MUTED_TEXT, "#ffffff") >= 4.5


def test_the_map_table_files_names_as_their_readers_look_for_them():
    # German names with equal counts: an umlaut sorts with its letter, not after Z.
    tiles = [
        Tile("ES", "Spanien", 2),
        Tile("AT", "Österreich", 2),
        Tile("DE", "Deutschland", 2),
        Tile("PL", "Polen", 5),
    ]
    chart = charts.tile_grid_map(
        "map",
        "Anfragen je Land",
        "…",
        tiles,
        code_heading="Code",
        name_heading="Land",
        value_heading="Anfragen",
    )
    assert [row[0] for row in chart.table.rows] == ["Polen", "Deutschland", "Österreich", "Spanien"]
