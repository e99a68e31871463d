"""Batch table columns: spec paths, their Chinese aliases (from the spec's field descriptions) and cell values."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Mapping

from ..errors import AssistantError

ORGANIZATIONS = "organizations"
MEMBERS = "members"
ID = "id"
ORG_ID = "org_id"
PARAMS_PREFIX = "params."

# Header synonyms the field descriptions do not give; everything else is derived from spec.py.
EXTRA_ALIASES: dict[str, dict[str, str]] = {
    ORGANIZATIONS: {
        "编号": ID, "组织编号": ID,
        "名称": "name", "类型": "kind",
        "认证制度": "scheme.name", "认证方案": "scheme.name", "认证方案名称": "scheme.name",
        "认证类别": "scheme.category", "制度类别": "scheme.category",
        "方案所有者": "scheme.owner", "所有者": "scheme.owner", "适用产品": "scheme.scope",
        "指导单位": "sponsor", "承担单位": "secretariat.host",
        "秘书处联系人": "secretariat.contact.name", "联系人": "secretariat.contact.name",
        "秘书处联系电话": "secretariat.contact.phone", "电话": "secretariat.contact.phone",
        "秘书处电子邮箱": "secretariat.contact.email", "邮箱": "secretariat.contact.email",
        "任期": "term_years", "日期": "date",
    },
    MEMBERS: {
        "组织编号": ORG_ID, "所属组织": ORG_ID, "组织id": ORG_ID,
        "职务": "role", "单位": "employer", "类别": "stakeholder", "利益相关方": "stakeholder",
        "电话": "phone", "手机": "phone", "邮箱": "email", "省份": "province",
    },
}

# Columns a spreadsheet often carries for people, not for the spec: skipped, not reported as unknown.
IGNORED_HEADERS = ("序号", "备注", "说明", "no.", "#")

_PAREN = re.compile(r"\([^()]*\)")
_MARKER = re.compile(r"\((必填|可选|选填)\)$")


@dataclass(frozen=True)
class Column:
    """One column a batch table may have."""

    path: str           # spec path ("scheme.name", "params.members.max"); "id"/"org_id" link the sheets
    label: str          # Chinese name, shown in the example workbook
    help: str           # what to put in the cell
    required: bool
    aliases: tuple[str, ...] = ()
    type: str = "text"  # text | id | int | bool | date | lines | param


def normalize_header(text: Any) -> str:
    """Compare headers loosely: full-width forms, spaces, case and a (必填)/(可选) marker do not matter."""
    value = unicodedata.normalize("NFKC", str(text))
    value = re.sub(r"\s+", "", value).casefold()
    return _MARKER.sub("", value)


def _description_aliases(description: str) -> list[str]:
    head = re.split(r"[：:，,]", unicodedata.normalize("NFKC", description), maxsplit=1)[0]
    return [head, _PAREN.sub("", head)]


def _leaf_columns(model, prefix: str, required_parent: bool, context: tuple[str, ...] = ()) -> list[Column]:
    from pydantic import BaseModel

    out = []
    for name, field in model.model_fields.items():
        path = prefix + name
        required = required_parent and field.is_required()
        description = field.description or name
        ann = field.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            out += _leaf_columns(ann, path + ".", required, (*context, description))
            continue
        if path in ("members", "params"):  # their own sheet / params.* columns
            continue
        kind = "bool" if ann is bool else {"term_years": "int", "date": "date", "work_plan": "lines"}.get(path, "text")
        aliases = tuple(dict.fromkeys(_description_aliases(description)))
        help_text = " › ".join((*context, description)) + ("；每行一项任务" if kind == "lines" else "")
        out.append(Column(path, aliases[-1] or name, help_text, required, aliases, kind))
    return out


@lru_cache(maxsize=None)
def columns(sheet: str) -> tuple[Column, ...]:
    """The fixed columns of `sheet` (organizations or members), derived from the spec models."""
    from ..spec import Member, Spec

    if sheet == ORGANIZATIONS:
        link = Column(ID, "编号", "组织编号，在本表中唯一；成员表用它关联组织", True, (), "id")
        return (link, *_leaf_columns(Spec, "", True))
    link = Column(ORG_ID, "组织编号", "所属组织的编号，对应组织表的 id 列", True, (), "id")
    return (link, *_leaf_columns(Member, "", True))


@lru_cache(maxsize=None)
def alias_table(sheet: str) -> dict[str, str]:
    """normalized header -> column path; an alias two columns share is dropped rather than guessed."""
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for column in columns(sheet):
        names = {column.path, column.label, *column.aliases}
        if sheet == MEMBERS:
            names.add("members." + column.path)
        for name in names:
            key = normalize_header(name)
            if table.get(key, column.path) != column.path:
                clashes.add(key)
            table.setdefault(key, column.path)
    for key in clashes:
        del table[key]
    for name, path in EXTRA_ALIASES[sheet].items():
        table[normalize_header(name)] = path
    return table


@lru_cache(maxsize=None)
def _param_aliases() -> dict[str, str]:
    from ..params import load_parameters

    table = {}
    for name, param in load_parameters().items():
        for alias in (PARAMS_PREFIX + name, name, param.label, "参数." + name):
            table.setdefault(normalize_header(alias), PARAMS_PREFIX + name)
    return table


def param_column(path: str) -> Column:
    from ..params import load_parameters

    param = load_parameters()[path[len(PARAMS_PREFIX):]]
    return Column(path, param.label, f"覆盖示范条款参数 {param.name}（{param.label}）", False, (), "param")


@dataclass(frozen=True)
class Header:
    """The columns found in one sheet's header row, by position."""

    sheet: str                      # the sheet or file name as the user wrote it
    positions: tuple[tuple[int, Column, str], ...]   # (index, column, header text)

    def index(self, path: str) -> int | None:
        return next((i for i, c, _ in self.positions if c.path == path), None)

    def header_of(self) -> dict[str, str]:
        """spec path -> the header text the user wrote."""
        return {c.path: text for _, c, text in self.positions}


_IGNORED = {normalize_header(h) for h in IGNORED_HEADERS}


def resolve_header(cells: Iterable[Any], table: str, *, sheet: str, optional: Iterable[str] = ()) -> Header:
    """Map a header row to columns; unknown, duplicate or missing required columns make the input unreadable.

    `optional` names required columns that this caller can do without (org_id for a lone roster).
    """
    aliases = alias_table(table)
    by_path = {c.path: c for c in columns(table)}
    positions, unknown, seen = [], [], {}
    for index, cell in enumerate(cells):
        if cell is None or not str(cell).strip():
            continue  # a blank header: formatting left over, not data
        text = str(cell).strip()
        key = normalize_header(text)
        if key in _IGNORED or key.startswith("#"):
            continue
        path = aliases.get(key) or (_param_aliases().get(key) if table == ORGANIZATIONS else None)
        if path is None:
            unknown.append(text)
            continue
        if path in seen:
            raise AssistantError(f"列“{seen[path]}”和列“{text}”都对应 {path}，请只保留一列", where=sheet)
        seen[path] = text
        column = by_path.get(path) or param_column(path)
        positions.append((index, column, text))
    if unknown:
        known = "、".join(c.path for c in columns(table))
        raise AssistantError(f"无法识别的列：{'、'.join(unknown)}。可用的列：{known}；参数列写作 params.参数名", where=sheet)
    missing = [c for c in columns(table) if c.required and c.path not in seen and c.path not in set(optional)]
    if missing:
        names = "、".join(f"{c.path}（{c.label}）" for c in missing)
        raise AssistantError(f"缺少必需的列：{names}", where=sheet)
    return Header(sheet, tuple(positions))


def cell_value(value: Any, column: Column) -> Any:
    """A cell as the spec expects it; None for an empty cell. XLSX and CSV cells end up alike here."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
    elif isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel stores 3 as 3.0 in some writers
    if column.type == "id":
        return str(value)
    if isinstance(value, dt.datetime) and column.type != "date":
        value = value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    elif isinstance(value, dt.date) and column.type != "date":
        value = value.isoformat()
    if column.type == "int" and isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value):
        return int(value)
    if column.type == "bool" and isinstance(value, str):
        return _bool_from_text(value)
    if column.type == "lines" and isinstance(value, str):
        return [_work_item(line) for line in value.splitlines() if line.strip()]
    if column.type == "param" and isinstance(value, str):
        return _param_from_text(column.path[len(PARAMS_PREFIX):], value)
    return value


def _work_item(line: str) -> str | dict[str, str]:
    """"任务 | 完成时间 | 责任方" -> a WorkItem dict; a line without "|" stays a plain task."""
    parts = [part.strip() for part in re.split(r"[|｜]", line)]
    if len(parts) == 1:
        return parts[0]
    item = {"task": parts[0]}
    item.update({key: value for key, value in zip(("due", "owner"), parts[1:]) if value})
    if len(parts) > 3:
        item["owner"] = " | ".join(parts[2:])  # extra bars belong to the last field; validation reports nothing odd
    return item


_TRUE = {"true", "yes", "y", "1", "是", "对", "真"}
_FALSE = {"false", "no", "n", "0", "否", "不", "假"}


def _param_from_text(name: str, text: str) -> Any:
    """CSV cells are text; give a parameter its type so it validates like a YAML value would."""
    from ..params import load_parameters

    kind = load_parameters()[name].type
    try:
        if kind == "int":
            return int(text)
        if kind == "share":
            return float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        return text  # validation names the parameter and the reason
    if kind == "bool":
        return _bool_from_text(text)
    return text


def _bool_from_text(text: str) -> Any:
    """是/否, true/false, 1/0 -> bool; anything else stays text for validation to name."""
    lowered = text.casefold()
    return True if lowered in _TRUE else False if lowered in _FALSE else text


def set_path(data: dict, path: str, value: Any) -> None:
    """data["scheme"]["name"] = value for "scheme.name"; params keep their dotted name as one key."""
    if path.startswith(PARAMS_PREFIX):
        if value is not None:
            data.setdefault("params", {})[path[len(PARAMS_PREFIX):]] = value
        return
    *parents, leaf = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})  # created even when empty: a missing cell is then named by its leaf
    if value is not None:
        node[leaf] = value


def row_dict(cells: tuple, header: Header, *, skip: Iterable[str] = ()) -> dict[str, Any]:
    """Nested spec dict of one row (columns in `skip` left out)."""
    skipped = set(skip)
    data: dict[str, Any] = {}
    for index, column, _ in header.positions:
        if column.path in skipped:
            continue
        set_path(data, column.path, cell_value(cells[index] if index < len(cells) else None, column))
    return data


def flat_values(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"scheme": {"name": x}} -> {"scheme.name": x} (scalars only), for file-name patterns."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, Mapping):
            out.update(flat_values(value, f"{prefix}{key}."))
        elif not isinstance(value, list):
            out[f"{prefix}{key}"] = value
    return out
