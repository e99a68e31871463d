"""Checks on a charter or application DOCX as submitted (DOMAIN §7 C09–C16): what a regulator reviews after editing."""
from __future__ import annotations

import re
from pathlib import Path

from .cn import cn_number
from .errors import AssistantError
from .rules import Finding

CHAPTER = re.compile(r"^第([一二三四五六七八九十]+)章[\u3000 ]+(.+)$")
ARTICLE = re.compile(r"^第([一二三四五六七八九十百零]+)条[\u3000 ]")
ITEM = re.compile(r"^（([一二三四五六七八九十]+)）")
TRACE_VALUE = re.compile(r"([a-z_.]+) = ([^；]+)")

# C10: what every charter must state, each as (label, pattern over the charter text).
REQUIRED_STATEMENTS = (
    ("任期", r"任期"),
    ("法定出席人数", r"出席"),
    ("表决通过条件", r"通过"),
    ("章程的修改", r"章程的修改|修改本章程|章程修改"),
    ("撤销或注销", r"撤销|注销"),
    ("经费", r"经费"),
    ("保密", r"保密"),
    ("回避", r"回避"),
    ("不从事认证活动", r"不从事认证活动"),
    ("解释权", r"负责解释"),
    ("施行日期", r"施行"),
)


def _numbers(words: list[str]) -> dict[str, int]:
    table = {cn_number(i): i for i in range(1, 1000)}
    return {w: table.get(w, -1) for w in words}


def _charter_part(paragraphs: list[str]) -> list[str]:
    """The charter text: from the first chapter heading to the trace-table annex (or the end)."""
    start = next((i for i, p in enumerate(paragraphs) if CHAPTER.match(p)), None)
    if start is None:
        return []
    end = next((i for i in range(start, len(paragraphs)) if "条款对照表" in paragraphs[i]), len(paragraphs))
    return paragraphs[start:end]


def check_document(path: str | Path, *, spec=None) -> list[Finding]:
    """Findings for one charter or application DOCX; `spec` (optional) adds C11 comparisons with the spec."""
    from .render import readback

    import zipfile

    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    path = Path(path)
    if not path.is_file():
        raise AssistantError("文件不存在", where=str(path))
    try:
        paragraphs = readback.paragraphs(path)
        tables = readback.tables(path)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as err:
        raise AssistantError(f"无法作为 DOCX 读取（{type(err).__name__}）", where=str(path)) from None
    out: list[Finding] = []
    charter = _charter_part(paragraphs)
    out += _check_charter(charter)
    out += _check_dates_and_seals(paragraphs)
    out += _check_trace(charter, tables)
    if not any("示范条款" in p for p in paragraphs):
        out.append(Finding("C16", "—", "error", "文件未标注其依据的“示范条款”（示范条款不是标准原文，应予说明）"))
    if spec is not None:
        out += _check_against_spec(tables, spec)
    return sorted(out, key=lambda f: (f.severity != "error", f.id))


def _check_charter(charter: list[str]) -> list[Finding]:
    if not charter:
        return [Finding("C09", "—", "error", "未找到章程正文（第一章……）")]
    out = []
    chapters = [m for p in charter if (m := CHAPTER.match(p))]
    numbers = _numbers([m.group(1) for m in chapters])
    expected = list(range(1, len(chapters) + 1))
    if [numbers[m.group(1)] for m in chapters] != expected:
        out.append(Finding("C14", "—", "error", "章的序号不连续：" + "、".join(f"第{m.group(1)}章" for m in chapters)))
    if len(chapters) < 10:
        out.append(Finding("C09", "—", "error", f"章程只有 {len(chapters)} 章，应包括总则至附则共十章"))
    labels = [m.group(1) for p in charter if (m := ARTICLE.match(p))]
    values = _numbers(labels)
    for index, label in enumerate(labels, 1):
        if values[label] != index:
            out.append(Finding("C14", "—", "error", f"条的序号不连续：第{cn_number(index)}条处为“第{label}条”"))
            break
    previous = 0
    for paragraph in charter:
        if ARTICLE.match(paragraph) or CHAPTER.match(paragraph):
            previous = 0
        elif m := ITEM.match(paragraph):
            number = _numbers([m.group(1)])[m.group(1)]
            if number != previous + 1:
                out.append(Finding("C14", "—", "error", f"项的序号不连续：“{paragraph[:20]}”"))
            previous = number
    text = "".join(charter)
    for label, pattern in REQUIRED_STATEMENTS:
        if not re.search(pattern, text):
            out.append(Finding("C10", "—", "error", f"章程未规定“{label}”"))
    if "必须" in text:
        out.append(Finding("C12", "—", "warn", "章程中使用了“必须”，宜改为“应当”"))
    return out


def _check_dates_and_seals(paragraphs: list[str]) -> list[Finding]:
    out = []
    for paragraph in paragraphs:
        for m in re.finditer(r"\d{4}年(\d{1,2})月(\d{1,2})日", paragraph):
            if m.group(1).startswith("0") or m.group(2).startswith("0"):
                out.append(Finding("C13", "—", "error", f"日期“{m.group(0)}”不应补零（GB/T 9704：2023年3月7日）"))
    for index, paragraph in enumerate(paragraphs):
        if "（盖章）" in paragraph:
            following = paragraphs[index + 1:index + 3]
            if not any(re.search(r"\d{4}年\d{1,2}月\d{1,2}日|年\s*月\s*日", p) for p in following):
                out.append(Finding("C13", "—", "error", f"盖章栏“{paragraph}”后缺少日期"))
    return out


def _check_trace(charter: list[str], tables: list[list[list[str]]]) -> list[Finding]:
    """C11/C15: the trace table covers every article, and every value it lists appears in its article."""
    trace = next((t for t in tables if t and t[0][:2] == ["章程条款", "示范条款"]), None)
    if trace is None:
        return [Finding("C15", "—", "warn", "未找到条款对照表，无法核对各条所依据的示范条款")]
    from .clauses import load_library

    library = load_library()
    articles: dict[str, str] = {}
    current = None
    for paragraph in charter:
        if m := ARTICLE.match(paragraph):
            current = f"第{m.group(1)}条"
            articles[current] = paragraph
        elif current and not CHAPTER.match(paragraph):
            articles[current] += paragraph
    out = []
    listed = [row[0] for row in trace[1:]]
    if listed != list(articles):
        missing = [a for a in articles if a not in listed]
        out.append(Finding("C15", "—", "error", "条款对照表与章程条文不一致" + (f"：缺少{'、'.join(missing[:5])}" if missing else "")))
    for article, clause_id, _title, values in (row[:4] for row in trace[1:]):
        if clause_id not in library:
            out.append(Finding("C15", clause_id, "error", f"{article}所依据的示范条款 {clause_id} 不存在"))
        body = articles.get(article, "")
        for name, value in TRACE_VALUE.findall(values):
            if value.strip() not in body:
                out.append(Finding("C11", clause_id, "error", f"{article}中未见对照表所列参数值 {name} = {value.strip()}"))
    return out


def _check_against_spec(tables: list[list[list[str]]], spec) -> list[Finding]:
    """C11: the roster table equals the spec's members, and the trace values equal its parameter set."""
    out = []
    roster = next((t for t in tables if t and t[0][:3] == ["序号", "姓名", "拟任职务"]), None)
    if roster is not None:
        rows = [tuple(r[1:3]) for r in roster[1:]]
        wanted = [(m.name, m.role) for m in spec.members]
        if rows != wanted:
            out.append(Finding("C11", "—", "error", f"委员名单表（{len(rows)} 人）与规格文件（{len(wanted)} 人）不一致"))
    trace = next((t for t in tables if t and t[0][:2] == ["章程条款", "示范条款"]), None)
    for row in (trace or [[]])[1:]:
        for name, value in TRACE_VALUE.findall(row[3]):
            if name in spec.parameters.values and spec.parameters.display(name) != value.strip():
                out.append(Finding("C11", row[1], "error",
                                   f"{row[0]}：{name} 为 {value.strip()}，规格文件为 {spec.parameters.display(name)}"))
    return out
