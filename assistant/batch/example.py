"""`charter batch example`: a filled workbook whose header comments explain every column."""
from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from ..fsutil import atomic_path
from .columns import MEMBERS, ORGANIZATIONS, Column, columns, param_column

AUTHOR = "charter-assistant"
MAX_ROWS = 2000  # rows the drop-down lists cover
# 技术专家组 role names for the second example organization (DOMAIN §3: 组长/副组长/成员/秘书).
GROUP_ROLES = {"主任委员": "组长", "副主任委员": "副组长", "委员": "成员", "秘书长": "秘书"}


def example_specs() -> list[tuple[str, dict[str, Any]]]:
    """(id, spec) pairs: the bundled example 技术委员会 and a 技术专家组 made from it."""
    from .. import yamlio
    from ..resources import corpus_dir

    committee = yamlio.load_file(corpus_dir() / "examples" / "spec.yaml")
    group = copy.deepcopy(committee)
    group["kind"] = "技术专家组"
    group["name"] = committee["name"].replace("技术委员会", "技术专家组")
    group["scheme"]["name"] = committee["scheme"]["name"].replace("绿色低碳", "智慧健康")
    group["date"] = "2026-04-15"
    group["term_years"] = 4
    group["params"] = {"members.max": 25, "quorum": "3/4"}
    for member in group["members"]:
        member["role"] = GROUP_ROLES[member["role"]]
    for item in group["work_plan"]:
        item["task"] = item["task"].replace("全体委员会议", "全体成员会议")
    return [("A001", committee), ("A002", group)]


def _comment(column: Column, sheet: str) -> str:
    from ..spec import Scheme
    from ..vocab import KINDS, STAKEHOLDERS

    lines = [f"{column.label}（{'必填' if column.required else '可选'}）", column.help]
    if column.path == "kind":
        lines.append("可选：" + "、".join(KINDS))
    elif column.path == "role":
        lines += [f"{name}可选：{'、'.join(kind.roles)}" for name, kind in KINDS.items()]
    elif column.path == "stakeholder":
        lines.append("可选：" + "、".join(STAKEHOLDERS))
    elif column.path == "scheme.category":
        lines.append("例如：" + "、".join(Scheme.model_fields["category"].examples or ()))
    elif column.path == "date":
        lines.append("填 Excel 日期，或文本 YYYY-MM-DD")
    elif column.path == "term_years":
        lines.append("整数，如 3")
    elif column.type == "lines":
        lines.append("格式：任务 | 完成时间 | 责任方（后两项可省略）")
    elif column.type == "param":
        lines.append("不填则用示范条款默认值；可另加 params.参数名 列覆盖其他参数")
    aliases = [a for a in column.aliases if a != column.label]
    if sheet == ORGANIZATIONS and column.path == "id" or sheet == MEMBERS and column.path == "org_id":
        aliases = ["组织编号"]
    lines.append("列名也可写作：" + "、".join([column.label, *aliases]))
    return "\n".join(lines)


def _rows(specs: list[tuple[str, dict[str, Any]]], org_columns: list[Column]) -> tuple[list[list], list[list]]:
    orgs, members = [], []
    for org_id, spec in specs:
        row = []
        for column in org_columns:
            if column.path == "id":
                row.append(org_id)
            elif column.path.startswith("params."):
                row.append(spec.get("params", {}).get(column.path[len("params."):]))
            elif column.path == "work_plan":
                row.append("\n".join(_plan_line(item) for item in spec.get("work_plan", [])))
            elif column.path == "date":
                row.append(_date_cell(spec.get("date")))
            else:
                node: Any = spec
                for part in column.path.split("."):
                    node = node.get(part) if isinstance(node, dict) else None
                row.append(node)
        orgs.append(row)
        for member in spec["members"]:
            members.append([org_id] + [member.get(c.path) for c in columns(MEMBERS)[1:]])
    return orgs, members


def _date_cell(value: Any) -> Any:
    """A real Excel date when the value is a valid date; otherwise the text as given (so bad dates stay bad)."""
    try:
        return dt.date.fromisoformat(str(value)) if value is not None else None
    except ValueError:
        return str(value)


def _plan_line(item: Any) -> str:
    if isinstance(item, str):
        return item
    parts = [item.get("task", ""), item.get("due") or "", item.get("owner") or ""]
    while parts and not parts[-1]:
        parts.pop()
    return " | ".join(parts)


def write_example(out: str | Path, *, force: bool = False) -> Path:
    """Write the example workbook (two organizations, their members, a 说明 sheet) atomically."""
    return write_workbook(out, example_specs(), force=force)


def write_workbook(out: str | Path, specs: list[tuple[str, dict[str, Any]]], *, force: bool = False) -> Path:
    """Write (id, spec) pairs as a batch workbook with commented headers; tests and benchmarks use it too."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..vocab import KINDS, STAKEHOLDERS

    param_names = sorted({name for _, spec in specs for name in spec.get("params", {})})
    org_columns = [*columns(ORGANIZATIONS)[:-1], *(param_column("params." + n) for n in param_names),
                   columns(ORGANIZATIONS)[-1]]
    org_rows, member_rows = _rows(specs, org_columns)
    workbook = Workbook()
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    sheets = ((ORGANIZATIONS, org_columns, org_rows), (MEMBERS, list(columns(MEMBERS)), member_rows))
    for index, (title, cols, rows) in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = title
        sheet.append([c.path for c in cols])
        for cell, column in zip(sheet[1], cols):
            cell.font, cell.fill = bold, fill
            cell.comment = Comment(_comment(column, title), AUTHOR, width=320, height=160)
            letter = cell.column_letter
            sheet.column_dimensions[letter].width = 40 if column.type == "lines" else 18
        for row in rows:
            sheet.append(row)
        for column_index, column in enumerate(cols, start=1):
            letter = sheet.cell(row=1, column=column_index).column_letter
            if column.type == "date":
                for (cell,) in sheet.iter_rows(min_row=2, min_col=column_index, max_col=column_index):
                    cell.number_format = "yyyy-mm-dd"
            if column.type == "lines":
                for (cell,) in sheet.iter_rows(min_row=2, min_col=column_index, max_col=column_index):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            choices = {"kind": list(KINDS), "stakeholder": list(STAKEHOLDERS),
                       "role": list(dict.fromkeys(r for k in KINDS.values() for r in k.roles))}.get(column.path)
            if choices:
                check = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
                check.error, check.errorTitle = "请从下拉列表中选择", "取值无效"
                sheet.add_data_validation(check)
                check.add(f"{letter}2:{letter}{MAX_ROWS}")
        sheet.freeze_panes = "B2"
    _guide(workbook.create_sheet("说明"), org_columns, bold, fill)
    out = Path(out)
    with atomic_path(out, force=force) as tmp:
        workbook.save(tmp)
    return out


def _guide(sheet, org_columns: list[Column], bold, fill) -> None:
    from openpyxl.styles import Alignment

    sheet.append(["本工作簿供 charter batch 使用：organizations 表每行一个组织，members 表每行一名委员（成员），"
                  "用 org_id 对应组织的 id。表头第一行为列名，可用下列英文列名或中文列名；"
                  "“序号”“备注”列和以 # 开头的列会被忽略。其他工作表（如本表）不会被读取。"])
    sheet.append([])
    sheet.append(["工作表", "列名", "中文名", "必填", "说明"])
    for cell in sheet[3]:
        cell.font, cell.fill = bold, fill
    for title, cols in ((ORGANIZATIONS, org_columns), (MEMBERS, list(columns(MEMBERS)))):
        for column in cols:
            sheet.append([title, column.path, column.label, "是" if column.required else "否",
                          _comment(column, title).split("\n", 1)[1]])
    for letter, width in zip("ABCDE", (16, 28, 18, 6, 90)):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=4):
        row[4].alignment = Alignment(wrap_text=True, vertical="top")
