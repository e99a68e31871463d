"""Commands: spec (schema, example, validate), draft, demo, check."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

DOC_KINDS = ("charter", "application")


def _print_findings(findings, *, err: bool = True) -> None:
    for finding in findings:
        click.echo(str(finding), err=err)


@click.group()
def spec() -> None:
    """规格文件：查看结构、生成示例、校验。"""


@spec.command("schema")
def spec_schema() -> None:
    """输出规格文件的 JSON Schema。"""
    from assistant.spec import spec_schema as schema

    click.echo(json.dumps(schema(), ensure_ascii=False, indent=2))


@spec.command("example")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="写入文件（默认输出到屏幕）。")
@click.option("--force", is_flag=True, help="覆盖已有文件。")
def spec_example(output: Path | None, force: bool) -> None:
    """生成一份完整的示例规格文件（YAML）。"""
    from assistant.examples import example_spec_text
    from assistant.fsutil import atomic_write_text

    if output is None:
        click.echo(example_spec_text(), nl=False)
        return
    atomic_write_text(output, example_spec_text(), force=force)
    click.echo(f"已写入示例规格：{output}")


@spec.command("validate")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="存在任何组成规则问题（错误或提示）时以退出码 1 结束。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出结果。")
def spec_validate(file: Path, strict: bool, as_json: bool) -> None:
    """校验规格文件：字段问题退出码 2；组成规则问题在 --strict 下退出码 1。"""
    from assistant.rules import check_composition
    from assistant.spec import load_spec

    loaded = load_spec(file)
    findings = check_composition(loaded)
    if as_json:
        click.echo(json.dumps({"file": str(file), "valid": True, "findings": [f.as_dict() for f in findings]},
                              ensure_ascii=False, indent=2))
    else:
        _print_findings(findings, err=False)
        errors = sum(f.severity == "error" for f in findings)
        click.echo(f"{file}：字段校验通过；组成规则 {errors} 项错误、{len(findings) - errors} 项提示。")
    if strict and findings:
        sys.exit(1)


@click.command()
@click.argument("kind", type=click.Choice(DOC_KINDS))
@click.option("--spec", "spec_file", type=click.Path(path_type=Path), help="规格文件（YAML/JSON）；省略时逐项提问。")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="输出 DOCX 路径。")
@click.option("--template-dir", type=click.Path(file_okay=False, path_type=Path), help="自定义模板目录。")
@click.option("--force", is_flag=True, help="覆盖已有文件。")
@click.option("--save-spec", type=click.Path(dir_okay=False, path_type=Path), help="把提问得到的内容保存为规格文件。")
def draft(kind: str, spec_file: Path | None, output: Path, template_dir: Path | None, force: bool,
          save_spec: Path | None) -> None:
    """起草章程（charter）或组建申请书（application）。"""
    from assistant.drafting import draft as draft_document
    from assistant.errors import OutputExistsError
    from assistant.rules import check_composition
    from assistant.spec import load_spec, validate_spec_data

    if output.exists() and not force:
        raise OutputExistsError("文件已存在，如需覆盖请使用 --force", where=str(output))
    if spec_file is not None:
        loaded = load_spec(spec_file)
    else:
        from .prompts import ask_spec, offer_save

        data = ask_spec()
        loaded = validate_spec_data(data, source="（交互输入）")
        offer_save(data, save_spec)
    _print_findings(check_composition(loaded))
    path = draft_document(loaded, kind, output, force=force, template_dir=template_dir)
    click.echo(f"已生成：{path}")


@click.command()
@click.option("-o", "--output", "out_dir", default="demo", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="输出目录。")
@click.option("--force", is_flag=True, help="覆盖已有文件。")
def demo(out_dir: Path, force: bool) -> None:
    """用内置示例规格生成章程和组建申请书。"""
    from assistant.examples import run_demo

    for kind, path in run_demo(out_dir, force=force).items():
        click.echo(f"已生成：{path}")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--spec", "spec_file", type=click.Path(path_type=Path), help="与该规格文件核对委员名单和参数取值。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出结果。")
def check(files: tuple[Path, ...], spec_file: Path | None, as_json: bool) -> None:
    """审查已提交的章程或组建申请书 DOCX：章节、条款编号、必备内容、日期、盖章栏、条款对照；有错误时退出码 1。"""
    from assistant.checks import check_document
    from assistant.spec import load_spec

    loaded = load_spec(spec_file) if spec_file else None
    results = {str(f): check_document(f, spec=loaded) for f in files}
    if as_json:
        click.echo(json.dumps({"files": [{"file": name, "findings": [f.as_dict() for f in findings]}
                                         for name, findings in results.items()]}, ensure_ascii=False, indent=2))
    else:
        for name, findings in results.items():
            errors = sum(f.severity == "error" for f in findings)
            click.echo(f"{name}：{errors} 项错误、{len(findings) - errors} 项提示")
            for finding in findings:
                click.echo(f"  {finding}")
    if any(f.severity == "error" for findings in results.values() for f in findings):
        sys.exit(1)


COMMANDS = [spec, draft, demo, check]
