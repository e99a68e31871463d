"""Batch inputs: an XLSX workbook, a pair of CSV files or a YAML/JSON list, read into one record per organization.

Organizations are kept as compact rows and members as one tuple per row grouped by organization id, so an
organization's spec dict is built only when it is about to be drafted; nothing per document is held.
"""
from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from ..errors import AssistantError
from .columns import (ID, MEMBERS, ORG_ID, ORGANIZATIONS, Header, cell_value, columns, flat_values,
                      normalize_header, resolve_header, row_dict, set_path)

SHEET_NAMES = {
    ORGANIZATIONS: ("organizations", "组织", "组织表", "组织信息"),
    MEMBERS: ("members", "成员", "成员表", "委员", "委员名单", "成员名单"),
}
TABLE_SUFFIXES = (".xlsx", ".xlsm")
SPEC_SUFFIXES = (".yaml", ".yml", ".json")
MAX_SPEC_LIST_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class Location:
    """Where a value came from: sheet (or file), row (or list item) and column as the user wrote it."""

    sheet: str
    row: int | None
    column: str = ""
    unit: str = "行"   # 行 for a table row, 项 for an item of a YAML/JSON list

    def __str__(self) -> str:
        text = self.sheet
        if self.row is not None:
            text += f" 第{self.row}{self.unit}"
        return text + (f" {self.column}" if self.column else "")


_MEMBER_PATH = re.compile(r"^members\[(\d+)\](?:\.(.+))?$")


@dataclass
class Provenance:
    """Maps a spec field path (`members[3].stakeholder`) back to the cell it came from."""

    sheet: str
    row: int
    columns: Mapping[str, str]          # spec path -> header text
    member_sheet: str
    member_rows: Sequence[int]
    member_columns: Mapping[str, str]
    unit: str = "行"

    def locate(self, path: str) -> Location:
        match = _MEMBER_PATH.match(path)
        if match and int(match.group(1)) < len(self.member_rows):
            leaf = match.group(2) or ""
            column = self.member_columns.get(leaf, leaf) if self.member_columns else path
            return Location(self.member_sheet, self.member_rows[int(match.group(1))], column, self.unit)
        if not self.columns:  # a YAML/JSON item: the field path is the column
            return Location(self.sheet, self.row, path, self.unit)
        if path.startswith("work_plan"):
            return Location(self.sheet, self.row, self.columns.get("work_plan", path), self.unit)
        probe = path
        while probe:
            if probe in self.columns:
                return Location(self.sheet, self.row, self.columns[probe], self.unit)
            probe = probe.rpartition(".")[0]
        return Location(self.sheet, self.row, path, self.unit)


@dataclass
class Record:
    """One organization as read, before its members are attached."""

    seq: int
    row: int
    id: str | None
    raw: Any                         # the row's cells, or the YAML/JSON item
    duplicate_of: int | None = None  # another row with the same id


@dataclass
class Orphans:
    """Member rows whose org_id names no organization."""

    org_id: str | None
    locations: list[Location] = field(default_factory=list)


class Source:
    """Records of one input; `build` turns a record into the spec dict a worker validates."""

    label: str
    records: list[Record]
    orphans: list[Orphans]

    def location(self, record: Record, column: str = "") -> Location:
        raise NotImplementedError

    def fields(self, record: Record) -> dict[str, Any]:
        """Scalar organization values by dotted path (for file-name patterns)."""
        raise NotImplementedError

    def build(self, record: Record) -> tuple[dict[str, Any], Provenance]:
        raise NotImplementedError


def open_source(path: str | Path, *, members: str | Path | None = None) -> Source:
    """Read a batch input; AssistantError (exit 2) when the input itself cannot be used."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise AssistantError("输入文件不存在或不是文件", where=str(path))
    if members is not None and suffix != ".csv":
        raise AssistantError("--members 只用于 CSV 输入（成员表 CSV）", where=str(members))
    if suffix in TABLE_SUFFIXES:
        return TableSource.from_xlsx(path)
    if suffix == ".csv":
        if members is None:
            raise AssistantError("CSV 输入需要用 --members 指定成员表 CSV 文件", where=str(path))
        return TableSource.from_csv(path, Path(members))
    if suffix in SPEC_SUFFIXES:
        return SpecListSource(path)
    if suffix == ".xls":
        raise AssistantError("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx", where=str(path))
    raise AssistantError("不支持的输入格式；可用 .xlsx、.csv（配合 --members）、.yaml/.yml/.json", where=str(path))


class TableSource(Source):
    """An organizations table and a members table (two sheets, or two CSV files)."""

    def __init__(self, label: str, org_rows: Iterator[tuple[int, Sequence[Any]]], org_sheet: str,
                 member_rows: Iterator[tuple[int, Sequence[Any]]], member_sheet: str):
        self.label = label
        self.org_header = _header(org_rows, ORGANIZATIONS, org_sheet)
        self.member_header = _header(member_rows, MEMBERS, member_sheet)
        self._org_columns = self.org_header.header_of()
        self._member_columns = self.member_header.header_of()
        self.records = self._read_organizations(org_rows)
        self._members = self._read_members(member_rows)
        known = {r.id for r in self.records if r.id is not None}
        self.orphans = [
            Orphans(org_id, [Location(member_sheet, row, self._member_columns[ORG_ID]) for row, *_ in rows])
            for org_id, rows in self._members.items() if org_id not in known
        ]

    @classmethod
    def from_xlsx(cls, path: Path) -> "TableSource":
        workbook = open_workbook(path)
        try:
            sheets = {kind: find_sheet(workbook, kind, path) for kind in (ORGANIZATIONS, MEMBERS)}
            return cls(path.name, sheet_rows(sheets[ORGANIZATIONS]), sheets[ORGANIZATIONS].title,
                       sheet_rows(sheets[MEMBERS]), sheets[MEMBERS].title)
        finally:
            workbook.close()

    @classmethod
    def from_csv(cls, path: Path, members: Path) -> "TableSource":
        if not members.is_file():
            raise AssistantError("成员表文件不存在或不是文件", where=str(members))
        return cls(path.name, csv_rows(path), path.name, csv_rows(members), members.name)

    def _read_organizations(self, rows: Iterator[tuple[int, Sequence[Any]]]) -> list[Record]:
        id_index, id_column = self.org_header.index(ID), _column(self.org_header, ID)
        records: list[Record] = []
        first: dict[str, Record] = {}
        for row, cells in rows:
            if is_blank(cells):
                continue
            org_id = cell_value(cells[id_index] if id_index < len(cells) else None, id_column)
            record = Record(len(records), row, org_id, tuple(cells))
            if org_id in first:
                # Members are linked by id, so neither organization's roster is known: both are invalid.
                record.duplicate_of = first[org_id].row
                first[org_id].duplicate_of = first[org_id].duplicate_of or row
            elif org_id is not None:
                first[org_id] = record
            records.append(record)
        return records

    def _read_members(self, rows: Iterator[tuple[int, Sequence[Any]]]) -> dict[str | None, list[tuple]]:
        # One compact tuple per member row: (row, *values in header order), grouped by org_id.
        index = self.member_header.index(ORG_ID)
        id_column = _column(self.member_header, ORG_ID)
        wanted = [i for i, _, _ in self.member_header.positions]
        groups: dict[str | None, list[tuple]] = {}
        for row, cells in rows:
            if is_blank(cells):
                continue
            org_id = cell_value(cells[index] if index < len(cells) else None, id_column)
            values = (cells[i] if i < len(cells) else None for i in wanted)
            # Roles, titles, categories, employers and provinces repeat from row to row: keep one copy of each.
            groups.setdefault(org_id, []).append((row, *(sys.intern(v) if type(v) is str else v for v in values)))
        return groups

    def location(self, record: Record, column: str = "") -> Location:
        return Location(self.org_header.sheet, record.row, self._org_columns.get(column, column))

    def fields(self, record: Record) -> dict[str, Any]:
        return flat_values(row_dict(record.raw, self.org_header))

    def build(self, record: Record) -> tuple[dict[str, Any], Provenance]:
        data = row_dict(record.raw, self.org_header, skip=(ID,))
        rows = self._members.pop(record.id, [])  # each group is used once; popping frees it
        member_columns = [c for _, c, _ in self.member_header.positions]
        members = []
        for row, *values in rows:
            member: dict[str, Any] = {}
            for column, value in zip(member_columns, values):
                if column.path != ORG_ID:
                    set_path(member, column.path, cell_value(value, column))
            members.append(member)
        data["members"] = members
        provenance = Provenance(self.org_header.sheet, record.row, self._org_columns,
                                self.member_header.sheet, [r[0] for r in rows], self._member_columns)
        return data, provenance


class SpecListSource(Source):
    """A YAML/JSON list of specs (or a mapping with an `organizations` list); an optional `id` key per item."""

    def __init__(self, path: Path):
        from .. import yamlio

        self.label = path.name
        data = yamlio.load_file(path, max_bytes=MAX_SPEC_LIST_BYTES)
        if isinstance(data, Mapping) and isinstance(data.get(ORGANIZATIONS), list):
            data = data[ORGANIZATIONS]
        if not isinstance(data, list):
            raise AssistantError("应为规格列表（每项一个组织），或含 organizations 列表的映射", where=str(path))
        self.records = []
        first: dict[str, int] = {}
        for number, item in enumerate(data, start=1):
            org_id = item.get(ID) if isinstance(item, Mapping) else None
            org_id = str(number) if org_id is None else str(org_id).strip() or None
            record = Record(number - 1, number, org_id, item)
            if org_id in first:
                record.duplicate_of = first[org_id]
            elif org_id is not None:
                first[org_id] = number
            self.records.append(record)
        self.orphans = []

    def location(self, record: Record, column: str = "") -> Location:
        return Location(self.label, record.row, column, "项")

    def fields(self, record: Record) -> dict[str, Any]:
        return flat_values(record.raw) if isinstance(record.raw, Mapping) else {}

    def build(self, record: Record) -> tuple[Any, Provenance]:
        item = record.raw
        if isinstance(item, Mapping):
            item = {k: v for k, v in item.items() if k != ID}
            count = len(item.get("members") or []) if isinstance(item.get("members"), list) else 0
        else:
            count = 0
        provenance = Provenance(self.label, record.row, {}, self.label, [record.row] * count, {}, "项")
        return item, provenance


def _column(header: Header, path: str):
    return next(c for _, c, _ in header.positions if c.path == path)


def is_blank(cells: Sequence[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _header(rows: Iterator[tuple[int, Sequence[Any]]], table: str, sheet: str) -> Header:
    for _, cells in rows:
        if not is_blank(cells):
            return resolve_header(cells, table, sheet=sheet)
    raise AssistantError("表格为空：第一行应为列名", where=sheet)


def open_workbook(path: Path):
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise AssistantError(f"无法读取 Excel 文件（{type(err).__name__}）；请确认是 .xlsx 格式且未损坏", where=str(path)) from None
    except OSError as err:
        raise AssistantError(f"无法读取文件：{err.strerror}", where=str(path)) from None


def find_sheet(workbook, table: str, path: Path):
    wanted = {normalize_header(n) for n in SHEET_NAMES[table]}
    for name in workbook.sheetnames:
        if normalize_header(name) in wanted:
            return workbook[name]
    names = "、".join(workbook.sheetnames)
    raise AssistantError(f"缺少工作表 {table}（也可命名为 {'、'.join(SHEET_NAMES[table][1:])}）；现有工作表：{names}",
                         where=str(path))


def sheet_rows(sheet) -> Iterator[tuple[int, Sequence[Any]]]:
    sheet.reset_dimensions()  # some writers store a wrong <dimension>; read what is really there
    return enumerate(sheet.iter_rows(values_only=True), start=1)


def _csv_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM), else GB18030, which Excel uses for CSV on Chinese Windows."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "gb18030"
    except OSError as err:
        raise AssistantError(f"无法读取文件：{err.strerror}", where=str(path)) from None


def csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(record number, cells); the header is record 1, as a spreadsheet shows the file."""
    import csv

    encoding = _csv_encoding(path)
    handle = path.open(encoding=encoding, newline="")
    try:
        sample = handle.read(64 * 1024)
        handle.seek(0)
        try:
            dialect = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.reader(handle, delimiter=dialect.delimiter, quotechar='"')
        try:
            for number, cells in enumerate(reader, start=1):
                yield number, cells
        except (csv.Error, UnicodeDecodeError) as err:
            raise AssistantError(f"CSV 格式错误（第 {reader.line_num} 行）：{err}", where=str(path)) from None
    finally:
        handle.close()
