"""Spec validation: every problem named by its field path, exit 2, nothing written."""
import json

import pytest

from assistant.errors import SpecError
from assistant.spec import load_spec, validate_spec_data


def mutate(data, path, value):
    """Set (or delete, with value=DELETE) a dotted/indexed path like members[3].role in nested data."""
    parts = path.replace("[", ".").replace("]", "").split(".")
    node = data
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    last = int(parts[-1]) if parts[-1].isdigit() else parts[-1]
    if value is DELETE:
        del node[last]
    else:
        node[last] = value


DELETE = object()

BAD_INPUTS = [
    ("kind", "技术小组", "kind", "未知组织类型"),
    ("name", DELETE, "name", "缺少必填字段"),
    ("name", 42, "name", "应为文本"),
    ("name", "专家\x07组", "name", "控制字符"),
    ("name", "   ", "name", "不能为空"),
    ("scheme.owner", DELETE, "scheme.owner", "缺少必填字段"),
    ("scheme", "一个字符串", "scheme", "应为映射"),
    ("secretariat.contact.phone", "电话", "secretariat.contact.phone", "电话号码格式不正确"),
    ("secretariat.contact.email", "not-an-email", "secretariat.contact.email", "电子邮箱格式不正确"),
    ("term_years", "三年", "term_years", "应为整数"),
    ("term_years", 50, "term_years", "超出允许范围"),
    ("date", "2026-02-30", "date", "有效日期"),
    ("date", "2026/3/27", "date", "YYYY-MM-DD"),
    ("members", "王建华", "members", "应为列表"),
    ("members[3].stakeholder", "厂家", "members[3].stakeholder", '未知类别 "厂家"'),
    ("members[2].role", "组长", "members[2].role", "未知职务"),
    ("members[4].name", DELETE, "members[4].name", "缺少必填字段"),
    ("members[0].nickname", "老王", "members[0].nickname", "未知字段"),
    ("members[5].name", "王建华", None, None),  # made a duplicate of members[0] below
    ("params", {"members.max": 1000}, "params.members.max", "超出允许范围"),
    ("params", {"no.such.param": 1}, "params.no.such.param", "未知参数"),
    ("params", {"quorum": "abc"}, "params.quorum", "应为分数"),
    ("params", {"members.min": 30, "members.max": 20}, "params.members.min", "不应大于"),
    ("surprise", 1, "surprise", "未知字段"),
]


@pytest.mark.parametrize("path, value, field, reason", BAD_INPUTS, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD_INPUTS)])
def test_bad_spec_exits_2_names_the_field_and_writes_nothing(example_spec_data, write_spec, run_cli, tmp_path,
                                                             path, value, field, reason):
    mutate(example_spec_data, path, value)
    if field is None:  # duplicate member
        example_spec_data["members"][5]["employer"] = example_spec_data["members"][0]["employer"]
        field, reason = "members[5]", "与 members[0] 重复"
    spec_path = write_spec(example_spec_data)
    out = tmp_path / "out.docx"
    result = run_cli("draft", "charter", "--spec", spec_path, "-o", out)
    assert result.exit_code == 2, result.output
    assert f"{field}: " in result.output and reason in result.output, result.output
    assert "Traceback" not in result.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [spec_path]


def test_all_problems_reported_at_once(example_spec_data):
    example_spec_data["kind"] = "小组"
    example_spec_data["members"][1]["stakeholder"] = "厂家"
    example_spec_data["date"] = "明天"
    example_spec_data["params"] = {"quorum": "9/8"}
    with pytest.raises(SpecError) as caught:
        validate_spec_data(example_spec_data)
    paths = {path for path, _ in caught.value.problems}
    assert paths == {"kind", "members[1].stakeholder", "date", "params.quorum"}


@pytest.mark.parametrize("content, message", [
    ("kind: [\n", "YAML 语法错误（第 2 行第 1 列）"),
    ("- 1\n- 2\n", "顶层应为映射"),
    ("", "顶层应为映射"),
])
def test_unparseable_files(tmp_path, run_cli, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    result = run_cli("spec", "validate", path)
    assert result.exit_code == 2 and message in result.output and str(path) in result.output


def test_bad_json_reports_line_and_column(tmp_path, run_cli):
    path = tmp_path / "bad.json"
    path.write_text('{"kind": "技术委员会",\n "name": }', encoding="utf-8")
    result = run_cli("spec", "validate", path)
    assert result.exit_code == 2 and "JSON 语法错误（第 2 行" in result.output


def test_huge_and_binary_and_missing_files(tmp_path, run_cli):
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"# " + b"x" * (6 * 1024 * 1024))
    assert "文件过大" in run_cli("spec", "validate", huge).output
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    assert "不是 UTF-8" in run_cli("spec", "validate", binary).output
    missing = run_cli("spec", "validate", tmp_path / "nope.yaml")
    assert missing.exit_code == 2 and "nope.yaml" in missing.output


def test_composition_findings_carry_clause_ids_and_strict_exit(example_spec_data, write_spec, run_cli):
    # Four members from one employer (limit 3) and an even count.
    for member in example_spec_data["members"][4:7]:
        member["employer"] = "华信认证中心有限公司"
    example_spec_data["members"].append({"name": "新委员", "role": "委员", "employer": "另一单位", "title": "工程师",
                                         "stakeholder": "科研院所", "province": "北京市"})
    path = write_spec(example_spec_data)
    relaxed = run_cli("spec", "validate", path)
    assert relaxed.exit_code == 0
    assert "C05 示范条款 4.3.7" in relaxed.output and "华信认证中心有限公司" in relaxed.output
    assert "示范条款 4.3.2" in relaxed.output
    strict = run_cli("spec", "validate", path, "--strict", "--json")
    assert strict.exit_code == 1
    findings = json.loads(strict.output)["findings"]
    assert {"id": "C05", "clause": "4.3.7", "severity": "error"}.items() <= findings[0].items()


def test_example_spec_is_clean_and_roundtrips(run_cli, tmp_path):
    out = tmp_path / "example.yaml"
    assert run_cli("spec", "example", "-o", out).exit_code == 0
    spec = load_spec(out)
    assert spec.kind == "技术委员会" and len(spec.members) == 22
    result = run_cli("spec", "validate", out, "--strict")
    assert result.exit_code == 0, result.output
    again = run_cli("spec", "example", "-o", out)
    assert again.exit_code == 2 and "--force" in again.output


def test_schema_describes_fields_in_chinese(run_cli):
    result = run_cli("spec", "schema")
    schema = json.loads(result.output)
    assert set(schema["required"]) >= {"kind", "name", "scheme", "sponsor", "secretariat", "term_years", "members", "date"}
    assert schema["$defs"]["Member"]["properties"]["stakeholder"]["description"] == "利益相关方类别"


def test_yaml_dates_and_numeric_phones_are_accepted(example_spec_data):
    example_spec_data["date"] = "2026-03-27"
    example_spec_data["members"][0]["phone"] = 13800000000
    spec = validate_spec_data(example_spec_data)
    assert spec.date.isoformat() == "2026-03-27" and spec.members[0].phone == "13800000000"
