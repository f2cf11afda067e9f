"""The quarterly workbook's layout, which the template writes and the reader reads back: sheet
names, headers and the status words (进展状态). docs/progress-workbook.md describes it."""

from __future__ import annotations

import re

TEMPLATE_VERSION = 1
TASK_SHEET, INDICATOR_SHEET, GUIDE_SHEET, META_SHEET = "任务进展", "指标数据", "填报说明", "_meta"
TASK_HEADERS = ("单位", "编号", "任务", "本单位角色", "完成时限", "进展状态", "进展说明", "佐证材料", "计划", "任务ID")  # fmt: skip
INDICATOR_HEADERS = ("单位", "编号", "指标", "目标", "分子含义", "分子", "分母含义", "分母", "实际值", "说明", "计划", "指标ID")  # fmt: skip
NOT_APPLICABLE = "—"  # a cell that does not apply (分子 of a count indicator)

# ---------------------------------------------------------------- status words (进展状态)

STATUSES = ("未启动", "推进中", "已完成", "长期推进", "滞后")
STATUS_WORDS = {
    **dict.fromkeys(("完成", "已完成", "全部完成"), "已完成"),
    **dict.fromkeys(("进行中", "正在推进", "推进中", "正在进行", "实施中"), "推进中"),
    **dict.fromkeys(("未开始", "未启动", "尚未启动"), "未启动"),
    **dict.fromkeys(("长期推进", "持续推进", "长期坚持", "常态化推进"), "长期推进"),
    **dict.fromkeys(("滞后", "延期", "逾期", "未按期完成"), "滞后"),
}


def parse_status(text: str) -> str | None:
    """The canonical status for an accepted spelling (" 已完成 ", "完成"), else None."""
    return STATUS_WORDS.get(text) or STATUS_WORDS.get(re.sub(r"\s+", "", text))
