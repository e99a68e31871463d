"""The establishment application (组建申请书): templates/application/application.yaml plus tables computed from the roster."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Callable

from ..cn import cn_number, percent
from ..errors import TemplateError
from ..render.blocks import AnnexLabel, Heading, Orientation, PageBreak, Paragraph, Table, Title
from ..rules import Finding, category_counts, check_composition, quota_rows, stakeholder_table, voting_members
from ..spec import Spec, WorkItem
from .charter import charter_blocks
from .context import as_list, load_template, template_context

VERDICT = {"error": "不符合", "warn": "符合（有提示）", None: "符合"}


def application_blocks(spec: Spec, template_dir: Path | None = None) -> list:
    """Cover, body sections, seals, annex 1 roster, annex 2 charter draft."""
    template = load_template("application", template_dir)
    findings = check_composition(spec)
    context = _context(spec, findings)
    tables = _tables(spec, findings, template, context)
    blocks: list = []
    numbering = {"h1": 0, "h2": 0}
    for section in ("cover", "body"):
        for index, entry in enumerate(template.data[section]):
            where = f"{section}[{index}]"
            if not template.when(entry, context, where):
                continue
            kind = next((k for k in entry if k != "when"), None)
            value = entry.get(kind)
            render = lambda text: template.render(str(text), context, where)  # noqa: E731
            if kind == "title":
                blocks.append(Title(render(value)))
            elif kind == "h1":
                numbering["h1"] += 1
                numbering["h2"] = 0
                blocks.append(Heading(f"{cn_number(numbering['h1'])}、{render(value)}", 1))
            elif kind == "h2":
                numbering["h2"] += 1
                blocks.append(Heading(f"（{cn_number(numbering['h2'])}）{render(value)}", 2))
            elif kind == "p":
                blocks += [Paragraph(render(text)) for text in as_list(value)]
            elif kind in ("left", "right"):
                blocks.append(Paragraph(render(value), indent=False, align=kind))
            elif kind == "blank":
                blocks += [Paragraph("", indent=False) for _ in range(int(value))]
            elif kind == "table":
                if value not in tables:
                    raise TemplateError(f"未知表格“{value}”；可用：{'、'.join(tables)}", where=f"{template.path.name}: {where}")
                blocks.append(tables[value]())
            elif kind == "seals":
                blocks += _seals(spec, template, context)
            elif kind == "pagebreak":
                blocks.append(PageBreak())
            elif kind == "orientation":
                blocks.append(Orientation(landscape=value == "landscape"))
            elif kind == "annex":
                blocks.append(AnnexLabel(render(value)))
            elif kind == "charter":
                blocks += charter_blocks(spec, template_dir)
            else:
                raise TemplateError(f"未知块类型“{kind}”", where=f"{template.path.name}: {where}")
    return blocks


def _context(spec: Spec, findings: list[Finding]) -> dict:
    kind = spec.org_kind
    context = template_context(spec)
    voters = voting_members(spec)
    roles = Counter(m.role for m in spec.members)
    context.update(
        applicant=spec.scheme.owner,
        counts={"total": len(spec.members), "voting": len(voters), "categories": len(category_counts(spec)),
                "provinces": len({m.province for m in voters if m.province})},
        officers={"chair_count": roles[kind.chair], "vice_count": roles[kind.vice],
                  "secretary_count": roles[kind.secretary]},
        findings={"errors": sum(f.severity == "error" for f in findings),
                  "warnings": sum(f.severity == "warn" for f in findings)},
    )
    return context


def _seals(spec: Spec, template, context) -> list:
    """GB/T 9704 7.3.5: every seal block carries （盖章） and a date line."""
    blocks: list = []
    for index, seal in enumerate(template.data["seals"]):
        where = f"seals[{index}]"
        lines = [(f"{template.render(seal['opinion'], context, where)}：", "left"), ("", "left"), ("", "left"),
                 (template.render(seal["org"], context, where), "right"), (seal["seal"], "right"),
                 (context["date"] if seal.get("dated") else "年\u3000\u3000月\u3000\u3000日", "right")]
        blocks += [Paragraph(text, indent=False, align=align, keep_next=i < len(lines) - 1)
                   for i, (text, align) in enumerate(lines)]
    return blocks


def _tables(spec: Spec, findings: list[Finding], template, context) -> dict[str, Callable[[], Table]]:
    kind, params = spec.org_kind, spec.parameters
    voters = voting_members(spec)

    def basic_info() -> Table:
        chair = next((m for m in spec.members if m.role == kind.chair), None)
        secretary = next((m for m in spec.members if m.role == kind.secretary), None)
        person = lambda m: f"{m.name}（{m.employer}，{m.title}）" if m else "—"  # noqa: E731
        sec = spec.secretariat
        rows = [
            ["组织名称", spec.name], ["组织类型", spec.kind], ["服务的认证制度", spec.scheme.name],
            ["制度类别", spec.scheme.category], ["认证方案所有者", spec.scheme.owner], ["认证范围", spec.scheme.scope],
            ["主管单位", spec.sponsor], ["秘书处承担单位", sec.host], ["秘书处地址", sec.address],
            ["联系人及电话", f"{sec.contact.name}　{sec.contact.phone}"], ["电子邮箱", sec.contact.email or "—"],
            [f"拟任{kind.chair}", person(chair)], [f"拟任{kind.secretary}", person(secretary)],
            [f"{kind.member}人数", f"{len(spec.members)}名（有表决权{len(voters)}名）"],
            ["每届任期", f"{spec.term_years}年"],
        ]
        return Table(["项目", "内容"], rows, widths_mm=[40, 116])

    def officers() -> Table:
        order = {kind.chair: 0, kind.vice: 1, kind.secretary: 2}
        chosen = sorted((m for m in spec.members if m.role in order), key=lambda m: order[m.role])
        return Table(["职务", "姓名", "工作单位", "职称", "类别"],
                     [[m.role, m.name, m.employer, m.title, m.stakeholder] for m in chosen],
                     widths_mm=[26, 20, 60, 28, 22])

    def categories() -> Table:
        rows = [[key, str(count), percent(share)] for key, count, share in stakeholder_table(spec)]
        rows.append(["合计", str(len(voters)), "100%"])
        return Table(["利益相关方类别", "人数", "占比"], rows, widths_mm=[70, 40, 46])

    def composition() -> Table:
        return Table(["示范条款", "要求", "实际", "结论"], _composition_rows(spec, findings),
                     widths_mm=[20, 58, 50, 28], font_pt=10.5)

    def findings_table() -> Table:
        return Table(["规则", "示范条款", "级别", "说明"],
                     [[f.id, f.clause, "错误" if f.severity == "error" else "提示", f.message] for f in findings],
                     widths_mm=[14, 20, 14, 108], font_pt=10.5)

    def secretariat() -> Table:
        sec = spec.secretariat
        return Table(["项目", "内容"], [
            ["承担单位", sec.host], ["地址", sec.address], ["联系人", sec.contact.name],
            ["联系电话", sec.contact.phone], ["电子邮箱", sec.contact.email or "—"],
            ["专职工作人员", f"不少于{params.display('secretariat.fulltime_staff.min')}名"],
        ], widths_mm=[40, 116])

    def work_plan() -> Table:
        if spec.work_plan:
            items = [WorkItem(task=item) if isinstance(item, str) else item for item in spec.work_plan]
        else:  # the template's default first-year plan
            items = [WorkItem(**{key: template.render(str(val), context, f"default_work_plan[{i}].{key}")
                                 for key, val in entry.items()})
                     for i, entry in enumerate(template.data.get("default_work_plan", []))]
        rows = [[str(n), item.task, item.due or "—", item.owner or "—"] for n, item in enumerate(items, 1)]
        return Table(["序号", "工作任务", "完成时间", "责任方"], rows, widths_mm=[14, 80, 36, 26])

    def roster() -> Table:
        rows = []
        for number, m in enumerate(spec.members, 1):
            contact = "\n".join(x for x in (m.phone, m.email) if x) or "—"
            rows.append([str(number), m.name, m.role, m.employer, m.title, m.stakeholder, contact])
        return Table(["序号", "姓名", "拟任职务", "工作单位", "职称", "类别", "联系方式"], rows,
                     widths_mm=[14, 20, 27, 60, 30, 26, 66], font_pt=12)  # landscape: 243 mm

    return {"basic_info": basic_info, "officers": officers, "categories": categories,
            "composition": composition, "findings": findings_table, "secretariat": secretariat,
            "work_plan": work_plan, "roster": roster}


def _composition_rows(spec: Spec, findings: list[Finding]) -> list[list[str]]:
    """Requirement, actual value and verdict for every composition clause; verdicts agree with the findings."""
    kind, p = spec.org_kind, spec.parameters
    voters = voting_members(spec)
    counts = category_counts(spec)
    worst: dict[str, str] = {}
    for f in findings:
        if worst.get(f.clause) != "error":
            worst[f.clause] = f.severity
    employer, top = Counter(m.employer for m in voters).most_common(1)[0] if voters else ("—", 0)
    provinces = {m.province for m in voters if m.province}
    chairs = sum(m.role == kind.chair for m in spec.members)
    vices = sum(m.role == kind.vice for m in spec.members)
    rows = [
        ("4.3.1", f"有表决权的{kind.member}{p.display('members.min')}～{p.display('members.max')}名", f"{len(voters)}名"),
        ("4.3.2", f"{kind.member}人数宜为奇数", f"{len(voters)}名"),
        ("4.3.3", f"涵盖不少于{p.display('categories.min_distinct')}类利益相关方", f"{len(counts)}类"),
    ]
    rows += [(q.clause, f"{q.label}占比{q.limit}", f"{q.count}名，{percent(q.share)}") for q in quota_rows(spec)]
    rows += [
        ("4.3.7", f"同一单位不超过{p.display('quota.per_employer.max_members')}名", f"最多{top}名（{employer}）"),
        ("4.3.8", f"使用方不少于{p.display('quota.users.min_members')}名", f"{counts['使用方']}名"),
        ("4.3.9", f"来自不少于{p.display('region.min_provinces')}个省份", f"{len(provinces)}个" if provinces else "未填写"),
        ("4.4.1", f"{kind.chair}{p.display('chair.count')}名，{kind.vice}不超过{p.display('vice_chairs.max')}名",
         f"{kind.chair}{chairs}名，{kind.vice}{vices}名"),
        ("4.4.2", f"{kind.chair}、{kind.vice}分属不同单位", "见组织机构表"),
        ("4.4.3", f"{kind.chair}与{kind.secretary}原则上分属不同单位", "见组织机构表"),
        ("4.5.2", f"{kind.member}具有{p['member.min_title']}及以上职称", "见委员名单"),
        ("4.5.3", f"{kind.chair}、{kind.vice}具有{p['officer.min_title']}及以上职称", "见组织机构表"),
    ]
    return [[clause, need, actual, VERDICT[worst.get(clause)]] for clause, need, actual in rows]
