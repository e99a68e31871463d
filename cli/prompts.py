"""Interactive drafting: asks each spec field in Chinese (its description is the question) and returns a dict."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click


def _ask_field(model, name: str, *, default: Any = None, optional: bool = False) -> Any:
    """Ask one field until its own validator accepts the answer."""
    from typing import Annotated

    from pydantic import TypeAdapter, ValidationError

    field = model.model_fields[name]
    adapter = TypeAdapter(Annotated[(field.annotation, *field.metadata)]) if field.metadata else TypeAdapter(field.annotation)
    question = field.description + ("（可留空）" if optional else "")
    while True:
        answer = click.prompt(question, default=default if default is not None else ("" if optional else None),
                              show_default=default is not None)
        if optional and answer == "":
            return None
        try:
            adapter.validate_python(answer)
            return answer
        except ValidationError as err:
            click.echo(f"  输入无效：{err.errors()[0]['msg'].removeprefix('Value error, ')}", err=True)


def _ask_model(model, *, optional: tuple[str, ...] = ()) -> dict:
    from pydantic import BaseModel

    out: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            click.echo(f"— {field.description} —")
            out[name] = _ask_model(annotation, optional=optional)
        elif annotation is bool:
            out[name] = click.confirm(field.description, default=bool(field.default))
        else:
            out[name] = _ask_field(model, name, optional=not field.is_required())
            if out[name] is None:
                del out[name]
    return out


def _ask_members(kind_name: str) -> list[dict]:
    from assistant.spec import Member
    from assistant.vocab import KINDS, STAKEHOLDERS

    source = click.prompt("委员名单：输入 CSV/XLSX 文件路径导入，或直接回车逐个输入", default="", show_default=False)
    if source:
        from assistant.roster import read_members

        members = read_members(Path(source))
        click.echo(f"已读取 {len(members)} 名委员。")
        return members
    kind = KINDS[kind_name]
    members: list[dict] = []
    while True:
        click.echo(f"— 第 {len(members) + 1} 名{kind.member}（姓名留空结束）—")
        name = click.prompt("姓名", default="", show_default=False)
        if not name:
            if members:
                return members
            click.echo("  至少需要一名委员。", err=True)
            continue
        member = {"name": name,
                  "role": click.prompt("拟任职务", type=click.Choice(kind.roles), default=kind.member),
                  "employer": _ask_field(Member, "employer"),
                  "title": _ask_field(Member, "title"),
                  "stakeholder": click.prompt("利益相关方类别", type=click.Choice(list(STAKEHOLDERS)))}
        for optional in ("phone", "email", "province"):
            value = _ask_field(Member, optional, optional=True)
            if value is not None:
                member[optional] = value
        members.append(member)


def ask_spec() -> dict:
    """Ask every field of a spec, in the order of the spec file."""
    from assistant.spec import Scheme, Secretariat, Spec
    from assistant.vocab import KINDS

    click.echo("请逐项填写组织信息（Ctrl-C 退出，不会写入任何文件）。")
    data: dict[str, Any] = {"kind": click.prompt("组织类型", type=click.Choice(list(KINDS)), default="技术委员会")}
    data["name"] = _ask_field(Spec, "name")
    click.echo("— 所服务的认证制度 —")
    data["scheme"] = _ask_model(Scheme)
    data["sponsor"] = _ask_field(Spec, "sponsor")
    click.echo("— 秘书处 —")
    data["secretariat"] = _ask_model(Secretariat)
    data["term_years"] = click.prompt("每届任期（年）", type=int, default=3)
    data["date"] = click.prompt("文件日期（YYYY-MM-DD）", default=dt.date.today().isoformat())
    data["members"] = _ask_members(data["kind"])
    return data


def offer_save(data: dict, path: Path | None) -> None:
    """Save the answers as a spec file: to --save-spec, or where the user says."""
    from assistant.fsutil import atomic_write_text
    from assistant.yamlio import dump_yaml

    if path is None:
        answer = click.prompt("保存为规格文件以便下次使用？输入路径，或直接回车跳过", default="", show_default=False)
        if not answer:
            return
        path = Path(answer)
    atomic_write_text(path, dump_yaml(data), force=False)
    click.echo(f"已保存规格文件：{path}")
