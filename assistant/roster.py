"""A member roster from a CSV or XLSX file (the interactive draft's import), read with the batch column rules."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .batch.columns import MEMBERS, ORG_ID, resolve_header, row_dict
from .batch.sources import TABLE_SUFFIXES, is_blank, csv_rows, find_sheet, open_workbook, sheet_rows
from .errors import AssistantError


def read_members(path: str | Path) -> list[dict[str, Any]]:
    """Member dicts in file order; headers may be field names or their Chinese aliases (姓名, 工作单位, 类别 …)."""
    path = Path(path)
    if not path.is_file():
        raise AssistantError("文件不存在", where=str(path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = csv_rows(path)
    elif suffix in TABLE_SUFFIXES:
        workbook = open_workbook(path)
        names = workbook.sheetnames
        sheet = find_sheet(workbook, MEMBERS, path) if len(names) > 1 else workbook[names[0]]
        rows = sheet_rows(sheet)
    else:
        raise AssistantError("委员名单应为 .csv 或 .xlsx 文件", where=str(path))
    header = None
    members = []
    for _, cells in rows:
        if is_blank(cells):
            continue
        if header is None:
            header = resolve_header(cells, MEMBERS, sheet=path.name, optional=(ORG_ID,))
            continue
        members.append(row_dict(tuple(cells), header, skip=(ORG_ID,)))
    if not members:
        raise AssistantError("名单中没有委员", where=str(path))
    return members
