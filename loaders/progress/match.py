"""Matching the rows of an uploaded progress workbook (季度填报) to the catalog: units, tasks by
ID, number (编号) or text, indicators by ID or name (loaders.progress.sheet reads the rows).

Lookup is built once per upload; what it derives from a cell (a unit's canonical name, a number
key, a text key) is cached per distinct cell value, since a sheet repeats the same units, numbers
and words on thousands of rows.
"""

from __future__ import annotations

from loaders.progress.catalog import Catalog, CatalogIndicator, CatalogTask
from loaders.progress.values import cell_text, number_key, parse_number, text_key

_UNSET = object()


class Lookup:
    """Dicts built once per upload from the Catalog: units, tasks by number, indicators by name.

    task() and indicator() return the match, or a message tail (after "「表」第N行") saying why
    there is none.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._units: dict[object, str | None] = {}
        self._numbers: dict[object, tuple | None] = {}
        self._keys: dict[object, str] = {}
        self._idents: dict[object, int | None] = {}
        self._unit_tasks: dict[str, list[CatalogTask]] = {}
        self._by_unit: dict[object, dict[str, list[CatalogTask]]] = {}
        self._singles: dict[object, dict[str, CatalogTask]] = {}
        self._texts: dict[int, tuple[str, str]] | None = None
        self.tasks = {t.task_id: t for t in catalog.tasks}
        self.targets = {i.target_id: i for i in catalog.indicators}
        titles = {t.plan_id: t.plan_title for t in catalog.tasks}
        self.plan_keys = {plan_id: text_key(title) for plan_id, title in titles.items()}
        self.keys = {t.task_id: self.number_key(t.number) for t in catalog.tasks}
        self.names = {i.target_id: text_key(i.indicator) for i in catalog.indicators}
        self.clauses = {i.target_id: text_key(i.text) for i in catalog.indicators}
        self.owners: dict[tuple, list[CatalogTask]] = {}  # key -> tasks, any unit
        self.by_value: dict[object, list[CatalogTask]] = {}  # ("ar"/"cn", n) -> n -> tasks
        for task in catalog.tasks:
            key = self.keys[task.task_id]
            self.owners.setdefault(key, []).append(task)
            if key and key[0] != "raw":
                self.by_value.setdefault(key[1], []).append(task)
        self.unit_targets: dict[str, list[CatalogIndicator]] = {}
        self.by_name: dict[tuple[str, str], list[CatalogIndicator]] = {}
        for ind in catalog.indicators:
            for unit in ind.units:
                self.unit_targets.setdefault(unit, []).append(ind)
                self.by_name.setdefault((unit, self.names[ind.target_id]), []).append(ind)

    @property
    def texts(self) -> dict[int, tuple[str, str]]:
        """task_id -> (text_key of the text, of the title); built on first use."""
        if self._texts is None:
            self._texts = {
                t.task_id: (text_key(t.text), text_key(t.title)) for t in self.catalog.tasks
            }
        return self._texts

    def unit_tasks(self, unit: str) -> list[CatalogTask]:
        """Tasks naming the unit in any role, in catalog order (cached per unit)."""
        tasks = self._unit_tasks.get(unit)
        if tasks is None:
            tasks = self._unit_tasks[unit] = self.catalog.tasks_of_unit(unit)
        return tasks

    def unit(self, written: object) -> str | None:
        """The canonical unit of a written name (cached per distinct cell value)."""
        found = self._units.get(_slot(written), _UNSET)
        if found is _UNSET:
            name = cell_text(written)
            known = name in self.catalog.units
            found = name if known or not name else self.catalog.resolve_unit(name)
            found = self._units[_slot(written)] = found or None
        return found  # type: ignore[return-value]

    def key(self, value: object) -> str:
        """text_key of a cell, cached per distinct cell value."""
        found = self._keys.get(_slot(value))
        if found is None:
            found = self._keys[_slot(value)] = text_key(cell_text(value))
        return found

    def number_key(self, value: object):
        """number_key, cached per distinct cell value."""
        found = self._numbers.get(_slot(value), _UNSET)
        if found is _UNSET:
            found = self._numbers[_slot(value)] = number_key(value)
        return found

    def ident(self, value: object) -> int | None:
        """A hidden ID cell as an int (calamine gives floats), cached per distinct cell value."""
        found = self._idents.get(_slot(value), _UNSET)
        if found is _UNSET:
            found = self._idents[_slot(value)] = _ident(value)
        return found  # type: ignore[return-value]

    def describe(self, is_task: bool, ident: int) -> tuple[str, str]:
        """("任务", "编号1") / ("指标", "群众满意度") for duplicate-row messages."""
        if is_task:
            return "任务", f"编号{self.tasks[ident].number}"
        return "指标", self.targets[ident].indicator

    def task_of_ident(self, value: object) -> CatalogTask | None:
        """The task of a hidden 任务ID cell, if any (whether the row's unit has it is not checked)."""
        return self.tasks.get(self.ident(value))  # type: ignore[arg-type]

    def quick_task(
        self, unit: str, number: object, task_id: object, weak: bool
    ) -> CatalogTask | None:
        """The task a row names by its hidden 任务ID (with a matching or empty 编号), or by a 编号
        that only one of the unit's tasks has (not a 序号); None when the text must decide."""
        key = self.number_key(number)
        by_id = self.task_of_ident(task_id)
        if by_id is not None and unit in by_id.roles and key in (None, self.keys[by_id.task_id]):
            return by_id
        if weak or key is None:
            return None
        numbered = self._numbered(unit, key)
        return numbered[0] if len(numbered) == 1 else None

    def task(self, unit: str, cells: dict, weak: bool, labels: dict) -> CatalogTask | str:
        """The unit's task named by a row: hidden 任务ID, else 编号 (the text decides between
        plans, and comes first when the number is a 序号), else the task text."""
        number = cells.get("number", "")
        quick = self.quick_task(unit, number, cells.get("task_id", ""), weak)
        if quick is not None:
            return quick
        key = self.number_key(number)
        numbered = self._numbered(unit, key)
        text = cell_text(cells.get("task", ""))
        tkey, pkey = self.key(cells.get("task", "")), self.key(cells.get("plan", ""))
        if numbered and not (weak and tkey):
            hits = _by_plan(numbered, pkey, self.plan_keys)
            hits = (self._by_text(hits, tkey) or hits) if len(hits) > 1 and tkey else hits
            if len(hits) == 1:
                return hits[0]
            plans = "、".join(dict.fromkeys(t.plan_title for t in hits))
            return (
                f"「{labels['number']}」为「{cell_text(number)}」对应「{unit}」的多项任务"
                f"（{plans}），请在「{labels['task']}」列填写任务名称以区分"
            )
        if tkey:
            hits = self._by_text(self.unit_tasks(unit), tkey)
            hits = _by_plan(hits, pkey, self.plan_keys)
            if len(hits) == 1 or (not hits and len(numbered) == 1):
                return (hits or numbered)[0]
            if hits:
                numbers = "、".join(t.number for t in hits)
                return (
                    f"「{labels['task']}」「{_short(text)}」对应「{unit}」的多项任务"
                    f"（编号{numbers}），请填写「{labels['number']}」以区分"
                )
        return self._task_missing(unit, key, number, text, labels)

    def _numbered(self, unit: str, key) -> list[CatalogTask]:
        """The unit's tasks with that number key; else with the same value in the other style
        ("(一)" for "1")."""
        return [] if key is None else self._by_units(key).get(unit, [])

    def _by_units(self, key) -> dict[str, list[CatalogTask]]:
        by_unit = self._by_unit.get(key)
        if by_unit is None:
            by_unit = self._by_unit[key] = self._numbered_units(key)
        return by_unit

    def _numbered_units(self, key) -> dict[str, list[CatalogTask]]:
        """unit -> its tasks with the number key, else (for units without one) with its value."""
        only = self._only_task(key)
        if only is not None:  # the usual case
            return dict.fromkeys(only.roles, [only])
        exact: dict[str, list[CatalogTask]] = {}
        for task in self.owners.get(key, ()):
            for unit in task.roles:
                exact.setdefault(unit, []).append(task)
        loose: dict[str, list[CatalogTask]] = {}
        for task in self.by_value.get(key[1], ()) if key[0] != "raw" else ():
            for unit in task.roles:
                if unit not in exact:
                    loose.setdefault(unit, []).append(task)
        return {**loose, **exact}

    def _only_task(self, key) -> CatalogTask | None:
        """The one task with the number key when no other task has its value in another style:
        then each of its units has exactly that task for the number."""
        owners = self.owners.get(key, [])
        alike = self.by_value.get(key[1], []) if key[0] != "raw" else []
        return owners[0] if len(owners) == 1 and all(t is owners[0] for t in alike) else None

    def single_tasks(self, number: object, weak: bool) -> dict[str, CatalogTask]:
        """unit -> its one task with the number of a 编号 cell, as quick_task finds it for a row
        without a hidden 任务ID ({} when the number alone cannot decide: a 序号 column, or no
        number); units with several such tasks are left out."""
        key = self.number_key(number)
        if weak or key is None:
            return {}
        singles = self._singles.get(key)
        if singles is None:
            only = self._only_task(key)
            if only is not None:  # the usual case: every unit of the one task
                singles = dict.fromkeys(only.roles, only)
            else:
                by_unit = self._by_units(key).items()
                singles = {u: tasks[0] for u, tasks in by_unit if len(tasks) == 1}
            self._singles[key] = singles
        return singles

    def _by_text(self, tasks: list[CatalogTask], key: str) -> list[CatalogTask]:
        """Tasks whose text or title equals the cell; else whose text contains it (an excerpt of
        4+ characters); else whose title (4+ characters) is contained in it."""
        texts = self.texts
        exact = [t for t in tasks if key in texts[t.task_id]]
        if exact or len(key) < 4:
            return exact
        inside = [t for t in tasks if key in texts[t.task_id][0]]
        return inside or [
            t for t in tasks if 4 <= len(texts[t.task_id][1]) and texts[t.task_id][1] in key
        ]

    def _task_missing(self, unit: str, key, number: object, text: str, labels: dict) -> str:
        if key is not None:
            written = cell_text(number)
            others = [t for t in self.owners.get(key, []) if unit not in t.roles]
            if others:
                owners = "、".join(dict.fromkeys(u for t in others for u in t.roles))
                return (
                    f"「{labels['number']}」为「{written}」的任务（{_short(others[0].title)}）"
                    f"不是「{unit}」承担的任务（承担单位：{owners}）"
                )
            return f"「{labels['number']}」为「{written}」，「{unit}」没有该编号的任务，请核对编号"
        if text:
            return (
                f"「{labels['task']}」为「{_short(text)}」，未找到「{unit}」承担的对应任务，"
                f"请填写「{labels['number']}」或与计划一致的任务名称"
            )
        return f"未填写「{labels['number']}」或「{labels['task']}」，无法确定是哪项任务"

    def indicator(
        self, unit: str, cells: dict, year: int | None, labels: dict
    ) -> CatalogIndicator | str:
        """The unit's indicator named by a row: hidden 指标ID, else 指标 (exact name, then
        containment, then the clause of the plan it was read from: "每年至少开展1次执法监督检查"),
        narrowed to the task of 编号 when given and to the row's year."""
        name = cells.get("indicator", "")
        nkey = self.key(name)
        by_id = self.targets.get(self.ident(cells.get("target_id", "")))  # type: ignore[arg-type]
        if by_id is not None and unit in by_id.units and nkey in ("", self.names[by_id.target_id]):
            return by_id
        label = labels["indicator"]
        if not nkey:
            return f"未填写「{label}」"
        hits = self.by_name.get((unit, nkey)) or [
            i
            for i in self.unit_targets.get(unit, [])
            if nkey in self.names[i.target_id] or self.names[i.target_id] in nkey
        ]
        if not hits and len(nkey) >= 4:  # the clause of the plan, as people copy it
            hits = [
                i
                for i in self.unit_targets.get(unit, [])
                if nkey in self.clauses[i.target_id]
                or (len(self.clauses[i.target_id]) >= 4 and self.clauses[i.target_id] in nkey)
            ]
        if len(hits) > 1:
            hits = [i for i in hits if year is None or i.year in (None, year)] or hits
            key = self.number_key(cells.get("number", ""))
            hits = [i for i in hits if self.keys.get(i.task_id) == key] or hits
        if len(hits) == 1:
            return hits[0]
        if hits:
            numbers = "、".join(f"编号{i.task_number}" for i in hits)
            return (
                f"「{label}」为「{cell_text(name)}」，对应「{unit}」的多个指标（{numbers}），"
                f"请填写「{labels['number']}」以区分"
            )
        owners = [
            u for i in self.catalog.indicators if self.names[i.target_id] == nkey for u in i.units
        ]
        tail = f"（由{'、'.join(dict.fromkeys(owners))}报送）" if owners else ""
        return f"「{label}」为「{cell_text(name)}」，不是「{unit}」需报送的指标{tail}"


def _slot(value: object) -> object:
    """A cell value as a cache key: TRUE/FALSE cells apart from 1 and 0 (True == 1)."""
    return (bool, value) if value.__class__ is bool else value


def _ident(value: object) -> int | None:
    """A hidden ID cell as an int (calamine gives floats)."""
    number = parse_number(value) if value not in ("", None) else None
    return int(number.value) if number and number.value.is_integer() else None


def _by_plan(tasks: list[CatalogTask], pkey: str, plan_keys: dict[int, str]) -> list[CatalogTask]:
    """Tasks of the plan named in the 计划 cell, when it names one of them."""
    if not pkey or len(tasks) < 2:
        return tasks
    return [
        t for t in tasks if pkey in plan_keys[t.plan_id] or plan_keys[t.plan_id] in pkey
    ] or tasks


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
