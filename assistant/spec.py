"""The spec: one organization's facts (YAML/JSON), validated with every problem named by its field path."""
import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Mapping, Optional, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from . import yamlio
from .errors import SpecError
from .params import ParameterSet, flatten, parameter_set
from .vocab import KINDS, STAKEHOLDERS, Kind

MAX_MEMBERS = 500
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"[\r\n\t]")
_PHONE = re.compile(r"^[0-9+\-() ]{5,30}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _clean(value: Any, *, multiline: bool = False, max_len: int = 200) -> str:
    if not isinstance(value, str):
        raise ValueError(f"应为文本，实际为 {type(value).__name__}")
    if _CONTROL.search(value):
        bad = _CONTROL.search(value).group()
        raise ValueError(f"含有不可用的控制字符 U+{ord(bad):04X}")
    if not multiline and _LINE_BREAKS.search(value.strip()):
        raise ValueError("不应包含换行符或制表符")
    value = value.strip()
    if not value:
        raise ValueError("不能为空")
    if len(value) > max_len:
        raise ValueError(f"过长（{len(value)} 字，上限 {max_len} 字）")
    return value


def _choice(value: str, options, what: str) -> str:
    if value not in options:
        raise ValueError(f'未知{what} "{value}"; 可选: {"、".join(options)}')
    return value


def _check_phone(value: str) -> str:
    if not _PHONE.match(value):
        raise ValueError(f'电话号码格式不正确："{value}"')
    return value


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f'电子邮箱格式不正确："{value}"')
    return value


def _text_type(max_len: int = 200, *, multiline: bool = False, numeric_ok: bool = False, optional: bool = False,
               pattern=None):
    def check(value: Any) -> Any:
        if value is None and optional:
            return None
        if numeric_ok and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        value = _clean(value, multiline=multiline, max_len=max_len)
        return pattern(value) if pattern else value

    return Annotated[Optional[str] if optional else str, BeforeValidator(check)]


Text = _text_type()
ShortText = _text_type(50)
OptText = _text_type(100, optional=True)
OptEmail = _text_type(100, optional=True, pattern=_check_email)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Contact(_Model):
    name: ShortText = Field(description="联系人姓名")
    phone: _text_type(30, numeric_ok=True, pattern=_check_phone) = Field(description="联系电话")
    email: OptEmail = Field(None, description="电子邮箱")



class Secretariat(_Model):
    host: Text = Field(description="秘书处承担单位")
    address: Text = Field(description="秘书处地址")
    contact: Contact = Field(description="秘书处联系人")
    association: bool = Field(False, description="承担单位是否为社会团体（本组织作为其分支机构设立）")


class Scheme(_Model):
    name: Text = Field(description="认证制度（方案）名称")
    category: Text = Field(description="认证制度类别", examples=["国推自愿性认证", "一般自愿性认证", "区域品牌认证"])
    owner: Text = Field(description="认证方案所有者")
    scope: _text_type(2000, multiline=True) = Field(description="认证范围（适用产品）")


class Member(_Model):
    name: ShortText = Field(description="姓名")
    role: ShortText = Field(description="拟任职务")
    employer: Text = Field(description="工作单位")
    title: ShortText = Field(description="职称")
    stakeholder: ShortText = Field(description="利益相关方类别")
    phone: _text_type(30, numeric_ok=True, optional=True, pattern=_check_phone) = Field(None, description="联系电话")
    email: OptEmail = Field(None, description="电子邮箱")
    province: OptText = Field(None, description="所在省份")


    @field_validator("stakeholder")
    @classmethod
    def _stakeholder(cls, value: str) -> str:
        return _choice(value, tuple(STAKEHOLDERS), "类别")


class WorkItem(_Model):
    task: _text_type(500, multiline=True) = Field(description="工作任务")
    due: OptText = Field(None, description="完成时间")
    owner: OptText = Field(None, description="责任方")


class Spec(_Model):
    """One technical expert organization: what the charter and the application are drafted from."""

    kind: str = Field(description="组织类型：技术委员会 或 技术专家组")
    name: _text_type(100) = Field(description="组织名称")
    scheme: Scheme = Field(description="所服务的认证制度")
    sponsor: Text = Field(description="主管（指导）单位")
    secretariat: Secretariat = Field(description="秘书处")
    term_years: int = Field(description="每届任期（年）")
    members: list[Member] = Field(description="委员名单", max_length=MAX_MEMBERS)
    date: dt.date = Field(description="文件日期，格式 YYYY-MM-DD")
    params: dict[str, Any] = Field(default_factory=dict, description="覆盖示范条款参数，如 members.max: 25")
    work_plan: list[Union[str, WorkItem]] = Field(default_factory=list, description="工作计划")

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("应为文本")
        return _choice(value, tuple(KINDS), "组织类型")

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise ValueError(f'日期应为 YYYY-MM-DD 格式的有效日期，实际为 "{value}"')

    @field_validator("work_plan", mode="before")
    @classmethod
    def _plan(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [_clean(v, multiline=True, max_len=500) if isinstance(v, str) else v for v in value]
        return value

    @property
    def org_kind(self) -> Kind:
        return KINDS[self.kind]

    _parameters: Optional[ParameterSet] = PrivateAttr(default=None)

    @property
    def parameters(self) -> ParameterSet:
        return self._parameters



_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "list_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "too_long": f"条目过多（上限 {MAX_MEMBERS}）",
}


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("str", "WorkItem"):  # union branch names of work_plan items
            continue
        else:
            out += ("." if out else "") + str(part)
    return out


def _problems(err: ValidationError) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for item in err.errors(include_url=False):
        loc = tuple(item["loc"])
        if item["type"] == "value_error":
            message = str(item["ctx"]["error"])
        else:
            message = _MESSAGES.get(item["type"], item["msg"])
        problems.append((_path(loc), message))
    # A union failure reports each branch; keep one line per path and message.
    return list(dict.fromkeys(problems))


def validate_spec_data(data: Any, *, source: str = "") -> Spec:
    """Validate a parsed spec; raise SpecError listing every problem with its field path."""
    if not isinstance(data, Mapping):
        raise SpecError([("", "规格文件的顶层应为映射（键: 值）")], source=source)
    problems: list[tuple[str, str]] = []
    spec = None
    try:
        spec = Spec.model_validate(dict(data))
    except ValidationError as err:
        problems += _problems(err)
    problems += _member_problems(data)
    params, param_problems = _parameters(data)
    problems += param_problems
    if problems or spec is None:
        raise SpecError(list(dict.fromkeys(problems)), source=source)
    spec._parameters = params
    return spec


def _member_problems(data: Mapping) -> list[tuple[str, str]]:
    """Roles that do not fit the kind, and members listed twice; checked on the raw data so they show with all else."""
    members = data.get("members")
    if not isinstance(members, list):
        return []
    kind = KINDS.get(data.get("kind")) if isinstance(data.get("kind"), str) else None
    problems = []
    seen: dict[tuple, int] = {}
    for index, member in enumerate(members):
        if not isinstance(member, Mapping):
            continue
        role = member.get("role")
        if kind and isinstance(role, str) and role.strip() and role.strip() not in kind.roles:
            problems.append((f"members[{index}].role", f'未知职务 "{role}"; {kind.name}可选: {"、".join(kind.roles)}'))
        key = (str(member.get("name", "")).strip(), str(member.get("employer", "")).strip())
        if all(key) and key in seen:
            problems.append((f"members[{index}]", f"与 members[{seen[key]}] 重复（姓名和工作单位相同）"))
        seen.setdefault(key, index)
    return problems


def _parameters(data: Mapping) -> tuple[Optional[ParameterSet], list[tuple[str, str]]]:
    raw = data.get("params") or {}
    if not isinstance(raw, Mapping):
        return None, []  # the model reports the wrong type
    overrides = flatten(raw)
    term = data.get("term_years")
    problems: list[tuple[str, str]] = []
    if isinstance(term, int) and not isinstance(term, bool):
        if "term_years" in overrides and overrides["term_years"] != term:
            problems.append(("params.term_years", f"与 term_years（{term}）不一致"))
        overrides["term_years"] = term
    params, bad = parameter_set(overrides)
    problems += [("term_years" if name == "term_years" and "term_years" not in raw else f"params.{name}", msg)
                 for name, msg in bad]
    if not bad:
        problems += [(f"params.{low}", msg) for low, msg in _range_conflicts(params)]
    return params, problems


def _range_conflicts(params: ParameterSet) -> list[tuple[str, str]]:
    pairs = (("members.min", "members.max"),
             ("quota.industry_users.min_share", "quota.industry_users.max_share"))
    return [(low, f"不应大于 {high}（{params.display(low)} > {params.display(high)}）")
            for low, high in pairs if params[low] > params[high]]


def load_spec(path: str | Path) -> Spec:
    """Read and validate a YAML/JSON spec file."""
    data = yamlio.load_file(path)
    return validate_spec_data(data, source=str(path))


def spec_schema() -> dict[str, Any]:
    """The JSON Schema of the spec file."""
    return Spec.model_json_schema()
