"""Review notes (待核对): where the parser was unsure about a task, in a few Chinese words, so the
coordinator knows where to look. Every task gets a list (empty when nothing is doubtful)."""

from __future__ import annotations

import re

from loaders.numbering import cn_to_int
from loaders.plans.units import looks_like_unit

_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?\s*%|(?:率|比例|占比)(?:达到?|保持|不低于|不少于)")
_ODD_NAME_RE = re.compile(r"无关|牵头|负责|配合|其中|下同|除|以上|以下|[:;。]")
_NUMBER_RE = re.compile(r"\d+|[一二三四五六七八九十百零〇两]+")


def number_value(number: str) -> int | None:
    """The value of a task number as written: "7" -> 7, "(十二)" -> 12, "第三条" -> 3."""
    m = _NUMBER_RE.search(number)
    return cn_to_int(m.group(0)) if m else None


def task_notes(task: dict) -> list[str]:
    """Doubts about one task, from its own fields."""
    notes = []
    named = task["lead_units"] + task["responsible_units"] + task["cooperating_units"]
    if not task["lead_units"] and not task["responsible_units"]:
        notes.append(
            "未找到牵头或责任单位" if not named else "只找到配合单位，未找到牵头或责任单位"
        )
    odd = [n for n in named if _ODD_NAME_RE.search(n) or not looks_like_unit(n) or len(n) > 25]
    if odd:
        notes.append("单位名称可能有误：" + "、".join(odd))
    if task["deadline_text"] and not task["deadline"] and not task["ongoing"]:
        notes.append(f"完成时限未能识别：{task['deadline_text']}")
    if not task["targets"] and _FIGURE_RE.search(task["text"]):
        notes.append("含有数值目标，但未能读出指标")
    return notes


def annotate(actions: list[dict]) -> None:
    """Fill every task's review_notes, including jumps in the numbering within an action
    (numbers may restart at 1 under each action or group; each form of number — 1. or (1) —
    counts on its own, as a title's sub-items may stand among their parent's siblings)."""
    for action in actions:
        last: dict[str, tuple[int, str]] = {}  # form of number -> (value, number as written)
        for task in action["tasks"]:
            notes = task_notes(task)
            value = number_value(task["number"])
            form = _NUMBER_RE.sub("N", task["number"] or "")
            if value is not None:
                previous = last.get(form)
                if previous is not None and value not in (previous[0] + 1, 1):
                    notes.append(f"编号不连续：上一项为{previous[1]}")
                last[form] = (value, task["number"])
            task["review_notes"] = notes
