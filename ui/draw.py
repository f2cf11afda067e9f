"""Charts drawn fast: the same element as `st.altair_chart(chart, width="stretch", theme=None)`
(ui.tables.chart), without paying for Altair on every page run.

Turning an Altair chart into its Vega-Lite spec costs 10–30 ms (copies of the chart, then a
JSON-schema validation of the result), and building the chart from a frame as much again. Here:

- `draw(chart)`: converts the chart the way Streamlit does (the data as Arrow datasets named by
  the hash of their bytes, Altair's theme off) but without the schema validation, which only
  re-checks charts built by our own code; a chart object drawn before (see `built`) reuses its
  spec. The spec is then drawn with st.vega_lite_chart, so the browser receives the same
  element: same spec text, same datasets, same width and theme.
- `built(fn, *args, **kwargs)`: `fn(*args, **kwargs)` (a chart builder of analytics.charts),
  remembered per process for the same arguments (frames compared by content), so every session
  showing the same figures shares one chart object and its spec.

Both caches are small LRU maps keyed by content, so they never show stale figures: new figures
are new keys.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

import altair as alt
import polars as pl
import streamlit as st

MAX_ENTRIES = 512
_lock = threading.Lock()
_specs: OrderedDict[int, tuple[Any, dict]] = OrderedDict()  # id(chart) -> (chart, spec)
_charts: OrderedDict[tuple, Any] = OrderedDict()  # builder call -> chart


def draw(chart: alt.TopLevelMixin) -> None:
    """Draw a chart as it will be exported (its own font and colours, not the app theme): the
    element st.altair_chart(chart, width="stretch", theme=None) would draw."""
    spec = _spec_of(chart)
    if spec is None:  # a Streamlit without the converter used here
        st.altair_chart(chart, width="stretch", theme=None)
        return
    st.vega_lite_chart(dict(spec), width="stretch", theme=None)


def built(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """fn(*args, **kwargs), shared by every call with equal arguments (polars frames compared by
    content). The result must not be changed in place (Altair's methods return copies)."""
    key = (fn.__module__, fn.__qualname__, _key(args), _key(tuple(sorted(kwargs.items()))))
    with _lock:
        if (hit := _charts.get(key)) is not None:
            _charts.move_to_end(key)
            return hit
    chart = fn(*args, **kwargs)
    with _lock:
        _charts[key] = chart
        while len(_charts) > MAX_ENTRIES:
            _charts.popitem(last=False)
    return chart


def clear() -> None:
    """Forget every chart and spec (memory only: entries are keyed by content)."""
    with _lock:
        _specs.clear()
        _charts.clear()


def _key(value: Any) -> Any:
    """A hashable stand-in for an argument: a frame by its content (Arrow IPC bytes)."""
    if isinstance(value, pl.DataFrame):
        return ("frame", hashlib.blake2b(value.write_ipc(None).getvalue()).digest())
    if isinstance(value, tuple | list):
        return (type(value).__name__, *(_key(v) for v in value))
    if isinstance(value, dict):
        return ("dict", *((_key(k), _key(v)) for k, v in value.items()))
    hash(value)  # anything else must be hashable (str, int, float, bool, None)
    return (type(value).__name__, value)


def _spec_of(chart: alt.TopLevelMixin) -> dict | None:
    with _lock:
        if (hit := _specs.get(id(chart))) is not None and hit[0] is chart:
            _specs.move_to_end(id(chart))
            return hit[1]
    spec = _convert(chart)
    if spec is None:
        return None
    with _lock:
        _specs[id(chart)] = (chart, spec)  # the chart kept alive: its id is not reused
        while len(_specs) > MAX_ENTRIES:
            _specs.popitem(last=False)
    return spec


def _convert(chart: alt.TopLevelMixin) -> dict | None:
    """streamlit.elements.vega_charts._convert_altair_to_vega_lite_spec, without validation."""
    try:
        from streamlit.elements.vega_charts import _altair_globals_lock, _to_arrow_dataset
    except ImportError:
        return None
    datasets: dict[str, Any] = {}
    alt.data_transformers.register("to_arrow_dataset", _to_arrow_dataset)
    with _altair_globals_lock:
        theme = alt.theme.enable("none") if alt.theme.active == "default" else nullcontext()
        transformer = alt.data_transformers.enable("to_arrow_dataset", datasets=datasets)
        with theme, transformer:
            spec = chart.to_dict(validate=False)
    existing = spec.get("datasets")
    spec["datasets"] = {**existing, **datasets} if isinstance(existing, dict) else datasets
    return spec
