"""Composition rules (DOMAIN §7 C01–C08 and member qualifications), each tied to the model clause that sets it."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from fractions import Fraction

from .cn import percent
from .spec import Member, Spec
from .vocab import CERT_AND_TEST, INDUSTRY_USERS, REGULATOR, STAKEHOLDERS, TITLE_RANK, USERS, title_level


@dataclass(frozen=True)
class Finding:
    id: str
    clause: str
    severity: str  # "error" or "warn"
    message: str

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        label = "错误" if self.severity == "error" else "提示"
        return f"[{self.id} 示范条款 {self.clause}] {label}：{self.message}"


@dataclass(frozen=True)
class QuotaRow:
    """One line of the composition analysis table."""

    clause: str
    label: str
    count: int
    share: float
    limit: str
    ok: bool


def voting_members(spec: Spec) -> list[Member]:
    """Members who vote: shares are computed over these (DOMAIN §6)."""
    if spec.parameters["regulators.voting"]:
        return list(spec.members)
    return [m for m in spec.members if m.stakeholder != REGULATOR]


def category_counts(spec: Spec) -> Counter:
    return Counter(m.stakeholder for m in voting_members(spec))


def _share(count: int, total: int) -> Fraction:
    return Fraction(count, total) if total else Fraction(0)


def quota_rows(spec: Spec) -> list[QuotaRow]:
    """Each quota of 4.3.4–4.3.6 with its count, share and verdict; a share above its maximum fails, no rounding."""
    p = spec.parameters
    counts = category_counts(spec)
    total = sum(counts.values())
    rows = []
    cert = sum(counts[k] for k in CERT_AND_TEST)
    cert_max = Fraction(str(p["quota.cert_and_test_bodies.max_share"]))
    rows.append(QuotaRow("4.3.4", "认证机构＋检测机构", cert, float(_share(cert, total)),
                         f"≤{percent(float(cert_max))}", _share(cert, total) <= cert_max))
    ind = sum(counts[k] for k in INDUSTRY_USERS)
    lo = Fraction(str(p["quota.industry_users.min_share"]))
    hi = Fraction(str(p["quota.industry_users.max_share"]))
    rows.append(QuotaRow("4.3.5", "生产企业＋使用方＋行业组织", ind, float(_share(ind, total)),
                         f"{percent(float(lo))}～{percent(float(hi))}", lo <= _share(ind, total) <= hi))
    any_max = Fraction(str(p["quota.any_category.max_share"]))
    top, top_count = counts.most_common(1)[0] if counts else ("—", 0)
    rows.append(QuotaRow("4.3.6", f"单一类别最高（{top}）", top_count, float(_share(top_count, total)),
                         f"≤{percent(float(any_max))}", _share(top_count, total) <= any_max))
    return rows


def check_composition(spec: Spec) -> list[Finding]:
    """Every composition rule the roster breaks, errors first."""
    p, kind = spec.parameters, spec.org_kind
    voters = voting_members(spec)
    total = len(voters)
    counts = category_counts(spec)
    out: list[Finding] = []

    def add(rule: str, clause: str, message: str, severity: str = "error") -> None:
        out.append(Finding(rule, clause, severity, message))

    if not p["members.min"] <= total <= p["members.max"]:
        add("C01", "4.3.1", f"有表决权的{kind.member}为 {total} 名，应在 {p['members.min']}～{p['members.max']} 名之间")
    if p["members.odd_preferred"] and total % 2 == 0:
        add("C01", "4.3.2", f"有表决权的{kind.member}为 {total} 名（偶数），宜为奇数", "warn")
    for row in quota_rows(spec):
        if not row.ok:
            rule = {"4.3.4": "C02", "4.3.5": "C03", "4.3.6": "C04"}[row.clause]
            add(rule, row.clause, f"{row.label}占 {row.count}/{total}（{percent(row.share)}），应为 {row.limit}")
    per_employer = Counter(m.employer for m in voters)
    limit = p["quota.per_employer.max_members"]
    for employer, count in per_employer.items():
        if count > limit:
            add("C05", "4.3.7", f"同一单位“{employer}”有 {count} 名{kind.member}，不应超过 {limit} 名")
    distinct = len(counts)
    if distinct < p["categories.min_distinct"]:
        add("C06", "4.3.3", f"仅涵盖 {distinct} 类利益相关方，应不少于 {p['categories.min_distinct']} 类")
    if counts[USERS] < p["quota.users.min_members"]:
        add("C06", "4.3.8", f"使用方{kind.member}为 {counts[USERS]} 名，应不少于 {p['quota.users.min_members']} 名")
    out += _officer_findings(spec)
    provinces = {m.province for m in voters if m.province}
    if provinces and len(provinces) < p["region.min_provinces"]:
        add("C08", "4.3.9", f"{kind.member}来自 {len(provinces)} 个省份，宜不少于 {p['region.min_provinces']} 个")
    elif not provinces:
        add("C08", "4.3.9", "名单未填写省份（province），无法检查地域分布", "warn")
    out += _qualification_findings(spec)
    return sorted(out, key=lambda f: (f.severity != "error", f.id))


def _officer_findings(spec: Spec) -> list[Finding]:
    p, kind = spec.parameters, spec.org_kind
    chairs = [m for m in spec.members if m.role == kind.chair]
    vices = [m for m in spec.members if m.role == kind.vice]
    secretaries = [m for m in spec.members if m.role == kind.secretary]
    out = []
    if len(chairs) != p["chair.count"]:
        out.append(Finding("C07", "4.4.1", "error", f"{kind.chair}应为 {p['chair.count']} 名，名单中为 {len(chairs)} 名"))
    if len(vices) > p["vice_chairs.max"]:
        out.append(Finding("C07", "4.4.1", "error", f"{kind.vice}为 {len(vices)} 名，不应超过 {p['vice_chairs.max']} 名"))
    if not secretaries:
        out.append(Finding("C07", "4.4.1", "warn", f"名单中没有{kind.secretary}"))
    if p["officers.chair_vice_distinct_employer"]:
        leaders = Counter(m.employer for m in chairs + vices)
        for employer, count in leaders.items():
            if count > 1:
                out.append(Finding("C07", "4.4.2", "error",
                                   f"{kind.chair}、{kind.vice}中有 {count} 名来自同一单位“{employer}”"))
    mode = p["officers.chair_sg_distinct_employer"]
    if mode != "off" and {m.employer for m in chairs} & {m.employer for m in secretaries}:
        out.append(Finding("C07", "4.4.3", "error" if mode == "error" else "warn",
                           f"{kind.chair}与{kind.secretary}来自同一单位，原则上应分属不同单位"))
    return out


def _qualification_findings(spec: Spec) -> list[Finding]:
    p, kind = spec.parameters, spec.org_kind
    out = []
    for index, member in enumerate(voting_members(spec)):
        level = title_level(member.title)
        officer = member.role in (kind.chair, kind.vice)
        need = p["officer.min_title"] if officer else p["member.min_title"]
        clause = "4.5.3" if officer else "4.5.2"
        if level is None:
            out.append(Finding("Q01", clause, "warn", f"{member.name}：无法识别职称“{member.title}”，请人工核对是否达到{need}"))
        elif TITLE_RANK[level] < TITLE_RANK[need]:
            out.append(Finding("Q01", clause, "error",
                               f"{member.name}（{member.role}）职称为{member.title}（{level}），应具有{need}及以上职称"))
    return out


def stakeholder_table(spec: Spec) -> list[tuple[str, int, float]]:
    """(category, count, share) for every category, shares over voting members."""
    counts = category_counts(spec)
    total = sum(counts.values())
    return [(key, counts[key], float(_share(counts[key], total))) for key in STAKEHOLDERS if key != REGULATOR or counts[key]]
