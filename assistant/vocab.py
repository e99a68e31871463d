"""The controlled vocabularies: organization kinds, their role names, stakeholder categories."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    short: str          # 本委员会 / 本专家组
    chair: str
    vice: str
    member: str
    secretary: str
    plenary: str

    @property
    def roles(self) -> tuple[str, ...]:
        return (self.chair, self.vice, self.member, self.secretary)


KINDS: dict[str, Kind] = {
    "技术委员会": Kind("技术委员会", "委员会", "主任委员", "副主任委员", "委员", "秘书长", "全体委员会议"),
    "技术专家组": Kind("技术专家组", "专家组", "组长", "副组长", "成员", "秘书", "全体成员会议"),
}

STAKEHOLDERS: dict[str, str] = {
    "认证机构": "认证机构",
    "检测机构": "检验检测机构、实验室",
    "生产企业": "生产企业、获证企业",
    "使用方": "使用方、采购方、消费者",
    "科研院所": "科研院所、高等院校",
    "行业组织": "行业协会等行业组织",
    "监管部门": "市场监管等行政管理部门",
    "标准化组织": "标准化机构、标准化技术委员会",
}
REGULATOR = "监管部门"
CERT_AND_TEST = ("认证机构", "检测机构")
INDUSTRY_USERS = ("生产企业", "使用方", "行业组织")
USERS = "使用方"

# 职称 keywords, most specific first; the first keyword found in the title decides its level.
TITLE_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("正高", "正高级"), ("教授级", "正高级"),
    ("副研究员", "高级"), ("副教授", "高级"), ("副主任", "高级"), ("副编审", "高级"),
    ("助理研究员", "中级"), ("助理工程师", "初级"), ("技术员", "初级"), ("助教", "初级"),
    ("研究员", "正高级"), ("教授", "正高级"), ("主任医师", "正高级"), ("编审", "正高级"),
    ("高级", "高级"), ("高工", "高级"),
    ("中级", "中级"), ("工程师", "中级"), ("讲师", "中级"), ("经济师", "中级"), ("会计师", "中级"),
    ("主治医师", "中级"), ("初级", "初级"),
)
TITLE_RANK = {"初级": 1, "中级": 2, "高级": 3, "正高级": 4}


def title_level(title: str) -> str | None:
    """Map a free-text 职称 to 正高级/高级/中级/初级, or None when no keyword is known."""
    return next((level for word, level in TITLE_KEYWORDS if word in title), None)
