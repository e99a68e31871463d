"""The outcome of each organization and the report.csv / report.json written at the end of a batch."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..fsutil import atomic_write_bytes, atomic_write_text
from .sources import Location

OK, INVALID, FAILED, CANCELLED = "ok", "invalid", "failed", "cancelled"
STATUS_TEXT = {OK: "已生成", INVALID: "数据有误，已跳过", FAILED: "生成失败", CANCELLED: "已取消，未处理"}
REPORT_CSV, REPORT_JSON = "report.csv", "report.json"

# Column meanings, written into report.json so the CSV's English keys are explained in one place.
COLUMNS = {
    "id": "组织编号（组织表 id 列；YAML/JSON 列表中为 id 键或序号）",
    "name": "组织名称",
    "status": "状态：ok 已生成；invalid 数据有误，已跳过；failed 生成失败；cancelled 已取消，未处理",
    "output": "生成的文件名（位于输出目录内）",
    "sheet": "问题所在的工作表或文件",
    "row": "问题所在的行号（表头为第 1 行；YAML/JSON 列表为第几项）",
    "column": "问题所在的列（按输入中的列名）",
    "reason": "问题说明；多处问题逐条列出",
    "findings": "组成规则检查结果，含规则编号和示范条款号（错误使该组织无效；提示仅供参考，--strict 时也视为无效）",
    "seconds": "处理该组织所用时间（秒）",
}


@dataclass
class Problem:
    """One thing wrong with an organization's input, and where it is."""

    sheet: str
    row: int | None
    column: str
    reason: str
    path: str = ""
    unit: str = "行"

    @classmethod
    def at(cls, location: Location, reason: str, path: str = "") -> "Problem":
        return cls(location.sheet, location.row, location.column, reason, path, location.unit)

    def __str__(self) -> str:
        return f"{Location(self.sheet, self.row, self.column, self.unit)}：{self.reason}"


@dataclass
class Outcome:
    """What happened to one organization."""

    seq: int
    id: str | None
    name: str
    sheet: str
    row: int | None
    status: str = CANCELLED
    output: str = ""
    problems: list[Problem] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("seq")
        data["seconds"] = round(self.seconds, 4)
        for problem in data["problems"]:
            problem.pop("unit")
        return data

    def csv_row(self) -> list[Any]:
        first = self.problems[0] if self.problems else None
        reason = str(self.problems[0].reason) if len(self.problems) == 1 else "\n".join(map(str, self.problems))
        if self.error:
            reason = "\n".join(filter(None, [reason, self.error.splitlines()[-1] if self.error else ""]))
        findings = "\n".join(finding_text(f) for f in self.findings)
        return [self.id or "", self.name, self.status, self.output,
                first.sheet if first else self.sheet, (first.row if first else self.row) or "",
                first.column if first else "", reason, findings, f"{self.seconds:.3f}"]


def finding_text(finding: dict[str, Any]) -> str:
    label = "错误" if finding.get("severity") == "error" else "提示"
    return f"{finding.get('id')}（示范条款 {finding.get('clause')}）{label}：{finding.get('message')}"


@dataclass
class Summary:
    total: int = 0
    ok: int = 0
    invalid: int = 0
    failed: int = 0
    cancelled: int = 0

    @classmethod
    def of(cls, outcomes: Iterable[Outcome]) -> "Summary":
        summary = cls()
        for outcome in outcomes:
            summary.total += 1
            setattr(summary, outcome.status, getattr(summary, outcome.status) + 1)
        return summary


def write_reports(out_dir: Path, outcomes: list[Outcome], meta: dict[str, Any]) -> tuple[Path, Path]:
    """Write report.csv (UTF-8 with BOM, so Excel shows the Chinese) and report.json, atomically."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(list(COLUMNS))
    for outcome in outcomes:
        writer.writerow(outcome.csv_row())
    csv_path = atomic_write_bytes(out_dir / REPORT_CSV, buffer.getvalue().encode("utf-8-sig"), force=True)
    document = {**meta, "summary": asdict(Summary.of(outcomes)), "columns": COLUMNS,
                "organizations": [o.as_dict() for o in outcomes]}
    json_path = atomic_write_text(out_dir / REPORT_JSON, json.dumps(document, ensure_ascii=False, indent=1) + "\n",
                                  force=True)
    return csv_path, json_path
