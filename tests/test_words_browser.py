"""No English and no "None" anywhere a person reads: the real app in headless Chromium.

Signed in as demo_admin, every page is read as it first shows, then again with a unit chosen in
the sidebar's 单位 filter; before reading, every expander is opened (its header clicked), every
dataframe is hovered (its toolbar would appear) and every visible toolbar button hovered (its
tooltip would appear). What is read:

- the visible text: every text node whose element is laid out, not hidden, not clipped to
  nothing (Streamlit's screen-reader-only "11 options available." is not on screen) and not
  drawn at font size 0 (a stylesheet may hide an English text and show Chinese in its place);
  Material icons are excluded: the DOM holds the ligature ("keyboard_arrow_down"), the bundled
  font draws an arrow;
- the `title`, `aria-label` and `placeholder` attributes of visible elements (tooltips, icon
  buttons, empty pickers: "Choose options", "Download as CSV" live there);
- the cells of every st.dataframe, twice. The glide data grid draws its cells on a canvas, so
  they are not in the page's text; but it keeps an accessible copy of the rows in view inside
  the canvas, a `<table role=grid>` of `th`/`td` cells holding the formatted values ("3.9",
  "2026-10-16 12:34:00"). The test scrolls each grid down and across and reads that table at
  every step. That copy leaves a missing value blank, whatever the canvas prints for it ("None"
  unless st.dataframe's `placeholder` says otherwise), so the test also reads what the server
  sent: it listens to the page's websocket, decodes Streamlit's ForwardMsg protobuf, and for
  each dataframe element checks its Arrow data (every cell and column name, not only those on
  screen) and its `placeholder`: a null cell must be drawn as "—", a text cell must not be
  empty, "None" or English.

A finding is a run of two or more ASCII letters not on the short allowlists below, a
"None"/"nan"/"NaN"/"null", or a count printed with decimals ("5.00次"). The failure lists each
finding with its page and the text around it.
"""

from __future__ import annotations

import re
import shutil

import pytest

from demo.database import ensure_demo_db
from tests.dbfile import file_rows
from tests.test_browser import ARGS, CHROMIUM, go, running_app, settle, sign_in

pytestmark = pytest.mark.browser

PAGES = {  # navigation title: test id (the page's file)
    "总览": "overview",
    "按单位": "units",
    "按行动": "actions",
    "按年度": "years",
    "指标": "indicators",
    "计划与任务": "plans",
    "数据填报": "progress",
    "审计日志": "audit",
}

# Latin that is part of a Chinese office's vocabulary: the file formats the app reads and
# writes, named on its buttons and hints ("下载数据（Excel）", "导出汇报幻灯片（PPT）",
# "支持 XLSX、XLS、CSV 文件"), "MB" of the upload limit, and "ID" as in 任务ID (a column of the
# fill-in sheet). Compared in upper case.
FORMATS = {"PPT", "PPTX", "EXCEL", "WORD", "WPS", "PNG", "SVG", "CSV", "PDF", "XLSX", "XLS"}
FORMATS |= {"DOCX", "DOC", "TXT", "MD", "HTML", "HTM", "ID", "MB"}
# Tokens removed before looking, because people chose them: file names (the demo's inputs are
# qinghe_2025_plan.txt…), account names (added from the database in `names` below) and hex
# digests (the audit log records a file's SHA-256).
FILES = r"[\w\-.（）()]+\.(?:xlsx|xls|csv|txt|md|html?|docx|pdf)\b|\b[0-9a-f]{16,}\b"
# Accessible names written in English for screen readers only (never drawn on screen) that no
# parameter or stylesheet changes: Streamlit 1.67's sidebar, page list and collapse button, a
# selectbox's open button, a date field's parts and calendar button, the "?" icon of a `help=`
# tooltip (the tooltip itself is Chinese); and Vega's name for a chart's title, which it writes
# even with `aria: false` in the chart config and in the title (that setting does remove the
# "X-axis titled … for a linear scale…" names of axes, legends and marks, so those count), and
# "Vega visualization", vega-embed's name for every chart's frame (a tile's sparkline too).
CHROME_NAMES = re.compile(
    r"〔无障碍名称〕(?:Sidebar|App pages|Open|Collapse sidebar|Expand sidebar|Choose date"
    r"|(?:year|month|day), .*|Help for .*|(?:Sub)?[Tt]itle text '.*'|Vega visualization)",
    re.DOTALL,
)
WORD = re.compile(r"[A-Za-z]{2,}")
EMPTY = re.compile(r"(?<![A-Za-z])(?:None|nan|NaN|null)(?![A-Za-z])")
# a count with decimals ("5.00次"), or a measured figure with more decimals than it has
# ("≤ 5.0个工作日", "3.90个工作日"); rates keep their one decimal ("85.0%", "+5.0个百分点")
COUNT = re.compile(r"\d+\.\d+(?=\s*(?:次|项|条|件|人|家|名|份|个(?!百分点|工作日)))")
TRAILING = re.compile(r"(?<![\d.])\d+\.\d*0(?!\d)(?=\s*[\u4e00-\u9fff])(?!\s*个百分点)")

TEXTS = """() => {
    const hidden = e => {
        for (let a = e; a && a !== document.body; a = a.parentElement) {
            const s = getComputedStyle(a);
            if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return true;
            if (s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)') return true;
        }
        const r = e.getBoundingClientRect();
        return r.width <= 1 || r.height <= 1 || parseFloat(getComputedStyle(e).fontSize) === 0;
    };
    const seen = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const e = n.parentElement;
        if (!n.textContent.trim() || e.closest('style, script, noscript, canvas')) continue;
        if (e.closest('[data-testid=stIconMaterial]') || hidden(e)) continue;
        seen.push(n.textContent);
    }
    const names = {title: '提示', 'aria-label': '无障碍名称', placeholder: '占位提示'};
    for (const e of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
        if (e.closest('canvas') || hidden(e)) continue;
        for (const [a, name] of Object.entries(names)) {
            if (a === 'placeholder' && e.value) continue;  // a chosen value covers it
            if (e.getAttribute(a)) seen.push(`〔${name}〕${e.getAttribute(a)}`);
        }
    }
    return seen;
}"""

CELLS = """grid => [...grid.querySelectorAll('table[role=grid] tr')].flatMap(tr =>
    [...tr.querySelectorAll('th, td')].map(c =>
        [+tr.getAttribute('aria-rowindex'), +c.getAttribute('aria-colindex'), c.textContent]))"""
STEP = """(s, axis) => {
    const [pos, size, total] = axis === 'down'
        ? ['scrollTop', 'clientHeight', 'scrollHeight'] : ['scrollLeft', 'clientWidth', 'scrollWidth'];
    if (s[pos] + s[size] >= s[total] - 1) return false;
    s[pos] += Math.max(s[size] * 0.8, 1);
    return true;
}"""


class Sent:
    """What the server sent to the page: every binary websocket frame (one ForwardMsg each).
    A large element seen before may come again as a reference to its hash only."""

    def __init__(self) -> None:
        self.frames: list[bytes] = []
        self.by_hash: dict[str, object] = {}

    def listen(self, websocket) -> None:
        websocket.on("framereceived", self.receive)

    def receive(self, payload) -> None:
        if isinstance(payload, bytes | bytearray):
            self.frames.append(bytes(payload))

    def dataframes(self, since: int) -> list:
        """The st.dataframe elements in the frames received since frame number `since`."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        found = []
        for raw in self.frames:  # all of them: a reference may point back before `since`
            msg = ForwardMsg.FromString(raw)
            if msg.hash:
                self.by_hash[msg.hash] = msg
        for raw in self.frames[since:]:
            msg = ForwardMsg.FromString(raw)
            if msg.WhichOneof("type") == "ref_hash":
                msg = self.by_hash.get(msg.ref_hash, msg)
            if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
                continue
            if msg.delta.new_element.WhichOneof("type") == "dataframe":
                found.append(msg.delta.new_element.dataframe)
        return found


def sent_texts(where: str, sent: Sent, since: int, chosen: re.Pattern) -> list[str]:
    """Each dataframe the server sent since `since`: its null cells must be drawn as "—" (the
    element's placeholder), its text cells neither empty nor English, like the page's text."""
    import pyarrow as pa

    found, texts = [], []
    for frame in sent.dataframes(since):
        if not frame.arrow_data.data:
            continue
        table = pa.ipc.open_stream(frame.arrow_data.data).read_all()
        for name, column in zip(table.column_names, table.columns, strict=True):
            if name.startswith("__") or name == "_index":  # Streamlit's own index column
                continue
            texts.append(name)
            if column.null_count and frame.placeholder != "—":
                found.append(
                    f"{where}: 表格「{name}」列有空值，画作 {frame.placeholder or 'None'!r}"
                )
            for value in column.to_pylist():
                text = "、".join(map(str, value)) if isinstance(value, list) else value
                if isinstance(text, str) and not text.strip():
                    found.append(f"{where}: 表格「{name}」列有空白单元格（应为 —）")
                elif isinstance(text, str):
                    texts.append(text)
    return list(dict.fromkeys(found)) + findings(where, texts, chosen)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The signed-in page, and the names people chose (accounts) as a pattern to skip."""
    from playwright.sync_api import sync_playwright

    db = tmp_path_factory.mktemp("words") / "demo.duckdb"
    ensure_demo_db(db)
    before = db.with_name("before.duckdb")
    shutil.copyfile(db, before)
    accounts = file_rows(before, "select name from accounts union select actor from audit_log")
    names = "|".join(re.escape(name) for (name,) in sorted(accounts, key=len, reverse=True))
    pattern = re.compile(rf"{FILES}|(?<![A-Za-z_])(?:{names})(?![A-Za-z_])", re.IGNORECASE)
    with running_app(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(30_000)
        sent = Sent()
        page.on("websocket", sent.listen)
        page.goto(url)
        sign_in(page)
        yield page, pattern, sent
        browser.close()


def findings(where: str, texts: list[str], chosen: re.Pattern) -> list[str]:
    """Each English word, empty marker or decimal count in these texts, with its surroundings."""
    found = []
    for text in texts:
        if CHROME_NAMES.fullmatch(text):
            continue
        clean = chosen.sub(lambda m: "·" * len(m.group()), text)
        hits = [m for r in (WORD, EMPTY, COUNT, TRAILING) for m in r.finditer(clean)]
        for m in hits:
            if m.re is WORD and m.group().upper() in FORMATS:
                continue
            around = text[max(0, m.start() - 20) : m.end() + 20].replace("\n", " ⏎ ")
            found.append(f"{where}: {m.group()!r} in …{around}…")
    return found


def open_expanders(page) -> None:
    """Click the header of every closed expander so what it holds is drawn and readable."""
    closed = page.locator("[data-testid=stExpander] details:not([open]) > summary")
    for _ in range(closed.count()):
        closed.first.click()
        page.wait_for_timeout(150)
    settle(page)


def visible_grids(page) -> list:
    grids = page.locator("[data-testid=stDataFrame]")
    return [grids.nth(i) for i in range(grids.count()) if grids.nth(i).is_visible()]


def settled_cells(page, grid) -> dict[tuple[int, int], str]:
    """The accessible table's cells once it has caught up with the last scroll (it is redrawn
    a few frames later): two reads 100 ms apart agree."""
    last = None
    for _ in range(20):
        page.wait_for_timeout(100)
        now = grid.evaluate(CELLS)
        if now == last:
            break
        last = now
    return {(r, c): text for r, c, text in last}


def grid_rows(page, grid) -> list[str]:
    """The rows of one dataframe as " | "-joined cells. The accessible table holds only the rows
    and columns in view, so the grid is scrolled down and across, and each cell is kept by its
    row and column index."""
    grid.scroll_into_view_if_needed()
    scroller = grid.locator(".dvn-scroller").first
    scroller.evaluate("s => { s.scrollTop = 0; s.scrollLeft = 0; }")
    cells: dict[tuple[int, int], str] = {}
    down = True
    while down:
        scroller.evaluate("s => { s.scrollLeft = 0; }")
        across = True
        while across:
            for at, text in settled_cells(page, grid).items():  # a cell drawn once is kept
                if not cells.get(at):
                    cells[at] = text
            across = scroller.evaluate(STEP, "across")
        down = scroller.evaluate(STEP, "down")
    rows: dict[int, list[str]] = {}
    for (r, _), text in sorted(cells.items()):
        rows.setdefault(r, []).append(text)
    return [" | ".join(row) for _, row in sorted(rows.items())]


def grid_texts(page) -> list[str]:
    """Every row of every visible dataframe."""
    return [row for grid in visible_grids(page) for row in grid_rows(page, grid)]


def hover_texts(page) -> list[str]:
    """Hover every dataframe and each visible button of its toolbar: what then shows."""
    texts = []
    for grid in visible_grids(page):
        grid.scroll_into_view_if_needed()
        grid.hover()
        page.wait_for_timeout(200)
        texts += page.evaluate(TEXTS)
        buttons = grid.locator("[data-testid=stElementToolbar] button")
        for j in range(buttons.count()):
            if buttons.nth(j).is_visible():
                buttons.nth(j).hover()
                page.wait_for_timeout(300)
                texts += page.evaluate(TEXTS)
    return texts


def read_page(page, where: str, chosen: re.Pattern, sent: Sent, since: int) -> list[str]:
    open_expanders(page)
    texts = page.evaluate(TEXTS) + hover_texts(page) + grid_texts(page)
    if visible_grids(page):  # the listener works: the tables drawn were also seen as sent
        assert sent.dataframes(since), f"{where}: no dataframe seen on the websocket"
    return findings(where, texts, chosen) + sent_texts(where, sent, since, chosen)


def unit_filter(page):
    boxes = page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]")
    return boxes.filter(has=page.get_by_text("单位", exact=True))


def choose_unit(page, index: int) -> str | None:
    """Pick an option of the sidebar's 单位 filter (0 is 全部单位), if the page has one."""
    box = unit_filter(page)
    if not box.count():
        return None
    box.first.click()
    option = page.get_by_role("option").nth(index)
    name = option.inner_text()
    option.click()
    settle(page)
    return name


@pytest.mark.parametrize("title", list(PAGES), ids=list(PAGES.values()))
def test_no_english_and_no_none_on_the_page(app, title):
    page, chosen, sent = app
    since = len(sent.frames)
    go(page, title)
    found = read_page(page, title, chosen, sent, since)
    since = len(sent.frames)
    if unit := choose_unit(page, 1):
        found += read_page(page, f"{title}（{unit}）", chosen, sent, since)
        choose_unit(page, 0)
    assert not found, "\n".join(dict.fromkeys(found))


def test_a_restore_shows_the_new_state_with_its_message(app):
    """数据填报 → 恢复: when 已恢复… shows, the history already shows the restored upload in
    force (the state is read again before the message), and the audit log names it in words."""
    page, chosen, sent = app
    go(page, "数据填报")
    box = page.locator("[data-testid=stSelectbox]").filter(has_text="恢复被替换的上传")
    upload = box.locator("input").first.input_value() or box.inner_text()
    number = re.search(r"第 (\d+) 号上传", upload).group(1)
    history = page.locator("[data-testid=stDataFrame]").last  # 上传记录, below the forms
    before = next(r for r in grid_rows(page, history) if r.startswith(f"{number} | "))
    assert "全部在用" not in before
    page.get_by_role("button", name="恢复", exact=True).click()
    page.get_by_text(f"已恢复第 {number} 号上传").wait_for()
    settle(page)
    after = next(r for r in grid_rows(page, history) if r.startswith(f"{number} | "))
    assert "全部在用" in after, after
    since = len(sent.frames)
    go(page, "审计日志")
    log = page.locator("[data-testid=stDataFrame]").first
    assert any("恢复上传" in r and f"上传 {number}" in r for r in grid_rows(page, log))
    where = "审计日志（恢复之后）"
    assert not findings(where, page.evaluate(TEXTS), chosen) + sent_texts(
        where, sent, since, chosen
    )
