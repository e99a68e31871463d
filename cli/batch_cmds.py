"""Commands: batch (run one document per organization of a spreadsheet), batch example."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

DOC_KINDS = ("application", "charter")
MAX_PRINTED_PROBLEMS = 30
STATUS_LABEL = {"ok": "已生成", "invalid": "有误", "failed": "失败", "cancelled": "取消"}


class DefaultGroup(click.Group):
    """`charter batch INPUT …` runs the default command; `charter batch example OUT` is a subcommand.

    A first token that is not a subcommand name (an input path or an option) starts the default command's
    arguments; `charter batch run INPUT …` spells it out (for an input file literally named "example", or use
    ./example). The default command is not listed as a subcommand; its options are shown in the group's help.
    """

    default: click.Command | None = None

    def set_default(self, command: click.Command) -> click.Command:
        self.default = command
        return command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = [self.default.name, *args]
        return super().parse_args(ctx, args)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if self.default is not None and name == self.default.name:
            return self.default
        return super().get_command(ctx, name)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return ["INPUT --kind KIND --out-dir DIR [OPTIONS]", "|", "example OUT.xlsx"]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [r for p in self.default.get_params(ctx)
                   if isinstance(p, click.Option) and p.name != "help" and (r := p.get_help_record(ctx))]
        with formatter.section("生成选项（charter batch INPUT …）"):
            formatter.write_dl(records)
        super().format_options(ctx, formatter)


@click.group(cls=DefaultGroup)
def batch() -> None:
    """批量生成组建申请书或章程：每个组织一份 DOCX。

    \b
    charter batch INPUT --kind application|charter --out-dir DIR [--jobs N] [--name "{id}-{name}"] [--force] [--strict]
    charter batch example OUT.xlsx

    退出码：0 全部成功；1 有组织数据有误或生成失败（其余照常生成）；2 输入无法读取（缺少工作表或必需列、
    文件损坏）或输出文件已存在；130/143 被 Ctrl-C（SIGINT）或 SIGTERM 中止（已完成的文件保留，报告照常写出）。
    """


@batch.set_default
@click.command("run")
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", required=True, type=click.Choice(DOC_KINDS),
              help="生成组建申请书（application，附章程草案）或章程（charter）。")
@click.option("--out-dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="输出目录；所有文件只写在此目录内。")
@click.option("--members", type=click.Path(dir_okay=False, path_type=Path),
              help="成员表 CSV（INPUT 为组织表 CSV 时必填）。")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="并行工作进程数（默认：CPU 数）。")
@click.option("--name", "name_pattern", default="{id}-{name}", show_default=True,
              help="文件名模式，可用 {id} {name} {kind} {row} {date} {scheme.name} 等字段；自动清理非法字符并去重。")
@click.option("--force", is_flag=True, help="覆盖输出目录中已有的同名文件和报告。")
@click.option("--strict", is_flag=True, help="组成规则的提示（warn）也视为数据有误，不生成该组织的文件。")
def batch_run(input_path: Path, kind: str, out_dir: Path, members: Path | None, jobs: int | None,
              name_pattern: str, force: bool, strict: bool) -> None:
    """按输入（XLSX、CSV 或 YAML/JSON 规格列表）为每个组织生成一份 DOCX，并写出 report.csv 和 report.json。

    XLSX 需含 organizations 和 members 两个工作表（列名见 `charter batch example` 生成的示例）。
    数据有误的行会被报告（工作表、行号、列、原因）并跳过，其余组织照常生成。
    """
    from assistant.batch import run_batch

    progress = _Progress()
    result = run_batch(input_path, kind=kind, out_dir=out_dir, members=members, jobs=jobs, name_pattern=name_pattern,
                       force=force, strict=strict, on_start=progress.start, on_result=progress.advance)
    progress.close()
    _print_summary(result)
    if result.cancelled:
        sys.exit(128 + result.signal)
    if result.summary.invalid or result.summary.failed:
        sys.exit(1)


@batch.command("example")
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="覆盖已有文件。")
def batch_example(output: Path, force: bool) -> None:
    """写出一份填好的示例工作簿（organizations、members、说明三个工作表；表头批注说明每一列）。"""
    from assistant.batch import write_example

    write_example(output, force=force)
    click.echo(f"已写入示例工作簿：{output}")
    click.echo(f"试运行：charter batch {output} --kind application --out-dir 输出目录")


class _Progress:
    """A tqdm bar on stderr when it is a terminal (and tqdm is installed); plain lines otherwise."""

    def __init__(self) -> None:
        self.bar = None
        self.total = 0
        self.done = 0

    def start(self, total: int) -> None:
        self.total = total
        if sys.stderr.isatty() and not os.environ.get("CI"):
            try:
                from tqdm import tqdm
            except ImportError:
                return
            self.bar = tqdm(total=total, unit="份", desc="生成", file=sys.stderr, dynamic_ncols=True)

    def advance(self, outcome) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
            if outcome.status != "ok":
                self.bar.write(_line(outcome), file=sys.stderr)
            return
        width = len(str(self.total))
        target = outcome.output if outcome.status == "ok" else _line(outcome)
        if outcome.status == "ok":
            target = f"{STATUS_LABEL['ok']} {outcome.id or ''} {target}"
        click.echo(f"[{self.done:>{width}}/{self.total}] {target}", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _line(outcome) -> str:
    label = STATUS_LABEL.get(outcome.status, outcome.status)
    detail = "；".join(map(str, outcome.problems[:2]))
    detail = detail or "；".join(f"{f['id']} {f['message']}" for f in outcome.findings if f["severity"] == "error")
    detail = detail or (outcome.error.strip().splitlines() or [""])[-1]
    return f"{label} {outcome.id or ''} {outcome.name}" + (f"：{detail}" if detail else "")


def _print_summary(result) -> None:
    s = result.summary
    printed = 0
    for outcome in result.outcomes:
        if outcome.status not in ("invalid", "failed"):
            continue
        head = f"{outcome.id or '（无编号）'} {outcome.name}".strip()
        for problem in outcome.problems:
            if printed < MAX_PRINTED_PROBLEMS:
                click.echo(f"  {head}：{problem}")
            printed += 1
        for finding in outcome.findings:
            if finding["severity"] == "error" or outcome.status == "invalid" and not outcome.problems:
                if printed < MAX_PRINTED_PROBLEMS:
                    click.echo(f"  {head}（{outcome.sheet} 第{outcome.row}行）：[{finding['id']} 示范条款 "
                               f"{finding['clause']}] {finding['message']}")
                printed += 1
        if outcome.error:
            if printed < MAX_PRINTED_PROBLEMS:
                click.echo(f"  {head}：生成失败：{outcome.error.strip().splitlines()[-1]}")
            printed += 1
    if printed > MAX_PRINTED_PROBLEMS:
        click.echo(f"  ……另有 {printed - MAX_PRINTED_PROBLEMS} 处问题，见报告")
    state = "已中止" if result.cancelled else "完成"
    click.echo(f"{state}：共 {s.total} 个组织，已生成 {s.ok}，数据有误 {s.invalid}，失败 {s.failed}"
               + (f"，未处理 {s.cancelled}" if s.cancelled else "")
               + f"；用时 {result.seconds:.1f} 秒（{result.jobs} 个进程）。")
    if result.broken:
        click.echo("注意：有工作进程意外退出，其余组织未处理。")
    click.echo(f"报告：{result.report_csv}、{result.report_json}")


COMMANDS = [batch]
