"""Charts of a briefing as PNG pictures sized for where they are placed: the dashboard's own
builders (analytics.charts, big=True), their title dropped (the slide or section heading says
it), a fixed width and height, and fonts large enough to read once the picture is scaled to the
slide or the page. Each picture is rendered once and reused."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from analytics import charts
from analytics.briefing.model import Figure
from analytics.export import chart_png

BARS_PER_CHART = 12  # a slide's chart, like its table, shows at most 12 rows
PX_PER_BAR = 40
NOTE = "虚线：目标100%"  # the chart's subtitle, kept as a small note: the title is dropped


@dataclass(frozen=True)
class Size:
    """A chart's width in CSS pixels and its text size: `placed_pt` is the picture's width where it
    is placed (a deck's content width, a page's text width), so a font of f pixels reads as
    f × placed_pt / width points."""

    width: int
    font: int
    max_plot_height: int
    placed_pt: float

    def points(self, pixels: float) -> float:
        return pixels * self.placed_pt / self.width


# 12.33 in of slide content width: 0.74 pt per pixel at 1200 px, so 22 px read as 16.3 pt
DECK = Size(width=1200, font=22, max_plot_height=370, placed_pt=12.333 * 72)
# 156 mm of A4 text width (6.14 in): 0.44 pt per pixel at 1000 px, so 24 px read as 10.6 pt (五号)
REPORT = Size(width=1000, font=24, max_plot_height=900, placed_pt=156 / 25.4 * 72)


def chunks(figure: Figure, per: int) -> list[Figure]:
    """A bar chart split into charts of at most `per` bars (a trend stays whole)."""
    if figure.kind != "bars" or figure.data.height <= per:
        return [figure]
    return [Figure("bars", figure.data.slice(i, per)) for i in range(0, figure.data.height, per)]


def spec(figure: Figure, size: Size) -> dict:
    """The Vega-Lite spec of the figure at this size (the dashboard chart, restyled)."""
    if figure.kind == "bars":
        chart = charts.rate_bars(figure.data, "name", "rate", "", big=True)
        plot_height = min(size.max_plot_height, PX_PER_BAR * max(figure.data.height, 3))
    else:
        chart = charts.trend_lines(figure.data, "", big=True)
        plot_height = min(size.max_plot_height, 300)
    result = chart.to_dict(validate=False)  # the builders' charts are valid: skip the 0.1 s check
    result["title"] = {
        "text": NOTE,
        "anchor": "end",
        "fontSize": size.font * 0.8,
        "fontWeight": "normal",
        "color": "#555555",
    }
    result["width"], result["height"] = size.width, plot_height
    config = result.setdefault("config", {})
    for part in ("axis", "legend"):
        config.setdefault(part, {}).update(labelFontSize=size.font, titleFontSize=size.font)
    config["axis"]["labelLimit"] = size.width // 2
    config["legend"]["symbolSize"] = size.font * 12
    if figure.kind == "trend":  # "2026年" / "第4季度" / "（进行中）" on three lines: never crowded
        config["axisX"] = {"labelExpr": _LINES, "labelLineHeight": size.font * 1.15}
    for layer in result.get("layer", []):
        mark = layer.get("mark")
        if isinstance(mark, dict) and mark.get("type") == "text":
            mark["fontSize"] = size.font
    return result


_LINES = "split(replace(replace(datum.label, '年', '年|'), '（', '|（'), '|')"


class _Spec:
    """A ready Vega-Lite spec where export.chart_png expects an Altair chart (it only asks for
    to_dict(); its fonts are set there to the installed CJK font)."""

    def __init__(self, value: dict) -> None:
        self.value = value

    def to_dict(self) -> dict:
        return self.value


class Pictures:
    """PNGs of a briefing's figures, each rendered once per size and chunk; `prepare` renders a
    list of them side by side (vl-convert works outside the GIL: three charts take the time of
    one or two)."""

    def __init__(self) -> None:
        self._done: dict[tuple, bytes] = {}

    @staticmethod
    def _key(figure: Figure, size: Size) -> tuple:
        return (figure.kind, tuple(figure.data.columns), tuple(figure.data.rows()), size)

    def prepare(self, wanted: list[tuple[Figure, Size]]) -> None:
        todo = {self._key(f, s): (f, s) for f, s in wanted if self._key(f, s) not in self._done}
        if not todo:
            return
        specs = {key: _Spec(spec(f, s)) for key, (f, s) in todo.items()}
        with ThreadPoolExecutor(max_workers=min(4, len(specs))) as pool:
            pngs = pool.map(chart_png, specs.values())
            self._done.update(zip(specs, pngs, strict=True))

    def png(self, figure: Figure, size: Size) -> bytes:
        self.prepare([(figure, size)])
        return self._done[self._key(figure, size)]


def label_sizes(value: dict) -> list[float]:
    """Every text size of a spec (axis and legend labels and titles, text marks), in pixels."""
    config = value.get("config", {})
    sizes = [
        config.get(part, {}).get(name)
        for part in ("axis", "legend")
        for name in ("labelFontSize", "titleFontSize")
    ]
    sizes += [
        layer["mark"]["fontSize"]
        for layer in value.get("layer", [])
        if isinstance(layer.get("mark"), dict) and "fontSize" in layer["mark"]
    ]
    return [s for s in sizes if s is not None]
