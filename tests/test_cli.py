"""The CLI as a user meets it: demo, draft, prompts, start-up cost, help for every command."""
import subprocess
import sys
from pathlib import Path

from assistant.render import readback

ROOT = Path(__file__).resolve().parents[1]


def test_demo_writes_spec_and_both_documents(run_cli, tmp_path):
    result = run_cli("demo", "-o", tmp_path / "demo")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "demo").iterdir())
    assert names == ["application.docx", "charter.docx", "spec.yaml"]
    assert readback.outline(tmp_path / "demo" / "charter.docx")[0] == "第一章\u3000总则"
    again = run_cli("demo", "-o", tmp_path / "demo")
    assert again.exit_code == 2 and "--force" in again.output


def test_draft_from_spec_and_refuse_overwrite(run_cli, tmp_path, example_spec_path):
    out = tmp_path / "申请书.docx"
    first = run_cli("draft", "application", "--spec", example_spec_path, "-o", out)
    assert first.exit_code == 0 and out.exists(), first.output
    before = out.read_bytes()
    second = run_cli("draft", "application", "--spec", example_spec_path, "-o", out)
    assert second.exit_code == 2 and "已存在" in second.output and out.read_bytes() == before
    third = run_cli("draft", "application", "--spec", example_spec_path, "-o", out, "--force")
    assert third.exit_code == 0


def _answers(members: list[list[str]]) -> str:
    lines = ["技术专家组", "光伏组件认证技术专家组",
             "光伏组件产品认证", "国推自愿性认证", "某认证中心", "晶体硅光伏组件",
             "国家认监委（示例）",
             "某认证中心", "北京市海淀区示例路1号", "李四", "010-12345678", "", "n",
             "3", "2026-05-01",
             ""]  # no file: enter members one by one
    for m in members:
        lines += m
    lines.append("")  # empty name ends the roster
    return "\n".join(lines) + "\n"


def test_interactive_draft_asks_fields_and_saves_spec(run_cli, tmp_path):
    members = [[f"专家{i}", "组长" if i == 0 else "成员", f"单位{i}", "高级工程师", cat, "", "", ""]
               for i, cat in enumerate(["科研院所", "认证机构", "生产企业", "使用方", "行业组织"])]
    members[0][5] = "13800000000"
    out, saved = tmp_path / "c.docx", tmp_path / "saved.yaml"
    result = run_cli("draft", "charter", "-o", out, "--save-spec", saved, input=_answers(members))
    assert result.exit_code == 0, result.output
    assert "组织名称" in result.output and "利益相关方类别" in result.output
    assert readback.paragraphs(out)[0] == "光伏组件认证技术专家组章程"
    from assistant.spec import load_spec

    spec = load_spec(saved)
    assert [m.name for m in spec.members] == [f"专家{i}" for i in range(5)]
    assert spec.members[0].phone == "13800000000"
    assert "C01" in result.output  # 5 members is below the minimum: reported, still drafted


def test_interactive_reasks_invalid_answers(run_cli, tmp_path):
    members = [["专家", "组长", "单位", "高级工程师", "科研院所", "电话？", "010-1234567", "", ""]]
    result = run_cli("draft", "charter", "-o", tmp_path / "c.docx", "--save-spec", tmp_path / "s.yaml",
                     input=_answers(members))
    assert "电话号码格式不正确" in result.output
    assert result.exit_code == 0, result.output


def test_help_is_fast_and_imports_nothing_heavy():
    code = ("import sys, cli.main; heavy = [m for m in ('chromadb', 'langchain_core', 'jieba', 'docx', 'numpy', "
            "'openpyxl', 'pydantic') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_command_has_help_and_is_in_readme(run_cli):
    from cli.main import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")

    def walk(group, prefix):
        for name, command in group.commands.items():
            yield prefix + [name], command
            if hasattr(command, "commands"):
                yield from walk(command, prefix + [name])

    for path, command in walk(cli, []):
        result = run_cli(*path, "--help")
        assert result.exit_code == 0 and command.help, path
        assert f"charter {' '.join(path)}" in readme, f"README does not mention `charter {' '.join(path)}`"


def test_interactive_draft_imports_roster_from_xlsx(run_cli, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["序号", "姓名", "职务", "工作单位", "职称", "类别", "联系电话"])
    for i, cat in enumerate(["科研院所", "认证机构", "生产企业", "使用方", "行业组织"], 1):
        sheet.append([i, f"专家{i}", "组长" if i == 1 else "成员", f"单位{i}", "高级工程师", cat, 13800000000 + i])
    workbook.save(tmp_path / "roster.xlsx")
    answers = _answers([]).rsplit("\n", 3)[0] + "\n" + str(tmp_path / "roster.xlsx") + "\n"
    out, saved = tmp_path / "c.docx", tmp_path / "s.yaml"
    result = run_cli("draft", "application", "-o", out, "--save-spec", saved, input=answers)
    assert result.exit_code == 0, result.output
    assert "已读取 5 名委员" in result.output
    roster = next(t for t in readback.tables(out) if t[0][:2] == ["序号", "姓名"])
    assert [row[1] for row in roster[1:]] == [f"专家{i}" for i in range(1, 6)]


def test_roster_file_with_unknown_column_is_refused(run_cli, tmp_path):
    (tmp_path / "roster.csv").write_text("姓名,爱好\n张三,钓鱼\n", encoding="utf-8")
    answers = _answers([]).rsplit("\n", 3)[0] + "\n" + str(tmp_path / "roster.csv") + "\n"
    result = run_cli("draft", "charter", "-o", tmp_path / "c.docx", input=answers)
    assert result.exit_code == 2 and "爱好" in result.output and "roster.csv" in result.output
    assert not (tmp_path / "c.docx").exists()
