"""Batch input reading, column aliases, file names and provenance (no documents drafted here)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.batch.columns import MEMBERS, ORGANIZATIONS, alias_table, cell_value, columns, resolve_header
from assistant.batch.naming import NameAllocator, NamePattern, sanitize
from assistant.batch.sources import Location, Provenance, open_source
from assistant.errors import AssistantError

ORG_HEADER = ["id", "kind", "name", "scheme.name", "scheme.category", "scheme.owner", "scheme.scope", "sponsor",
              "secretariat.host", "secretariat.address", "secretariat.contact.name", "secretariat.contact.phone",
              "term_years", "date"]
MEMBER_HEADER = ["org_id", "name", "role", "employer", "title", "stakeholder"]


def _workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_chinese_headers_come_from_the_spec_descriptions():
    orgs, members = alias_table(ORGANIZATIONS), alias_table(MEMBERS)
    assert orgs["名称"] == "name" and orgs["组织名称"] == "name"
    assert orgs["认证制度名称"] == "scheme.name" and orgs["秘书处承担单位"] == "secretariat.host"
    assert orgs["主管单位"] == "sponsor" and orgs["每届任期"] == "term_years"  # "主管（指导）单位", "每届任期（年）"
    assert members["利益相关方类别"] == "stakeholder" and members["所在省份"] == "province"
    from assistant.spec import Member

    assert {c.label for c in columns(MEMBERS)[1:]} == {f.description.split("（")[0] for f in Member.model_fields.values()}


def test_header_accepts_full_width_parentheses_params_and_skips_ignored_columns():
    header = resolve_header(["序号", "编号", "组织类型", "组织名称", "认证制度（方案）名称", "认证制度类别", "认证方案所有者",
                             "认证范围", "主管（指导）单位", "秘书处承担单位", "秘书处地址", "联系人姓名", "联系电话",
                             "每届任期（年）", "文件日期", "委员人数上限", "params.quorum", "备注"],
                            ORGANIZATIONS, sheet="organizations")
    paths = [c.path for _, c, _ in header.positions]
    assert paths[0] == "id" and "params.members.max" in paths and "params.quorum" in paths
    assert header.header_of()["scheme.name"] == "认证制度（方案）名称"


@pytest.mark.parametrize("cells, message", [
    (ORG_HEADER[:-1], "缺少必需的列：date（文件日期）"),
    (ORG_HEADER + ["颜色"], "无法识别的列：颜色"),
    (ORG_HEADER + ["组织名称"], "列“name”和列“组织名称”都对应 name"),
])
def test_bad_header_is_an_input_error(cells, message):
    with pytest.raises(AssistantError) as err:
        resolve_header(cells, ORGANIZATIONS, sheet="organizations")
    assert message in str(err.value) and err.value.exit_code == 2


def test_cell_values_from_xlsx_and_csv_end_up_alike():
    by_path = {c.path: c for c in columns(ORGANIZATIONS)}
    assert cell_value(7.0, by_path["id"]) == "7" and cell_value(" 7 ", by_path["id"]) == "7"
    assert cell_value("3", by_path["term_years"]) == 3
    assert cell_value("  ", by_path["name"]) is None
    assert cell_value(dt.datetime(2026, 3, 27), by_path["date"]) == dt.datetime(2026, 3, 27)
    assert cell_value("甲\n乙 | 2026年6月 | 秘书处", by_path["work_plan"]) == [
        "甲", {"task": "乙", "due": "2026年6月", "owner": "秘书处"}]
    from assistant.batch.columns import param_column

    assert cell_value("31", param_column("params.members.max")) == 31
    assert cell_value("是", param_column("params.regulators.voting")) is True
    assert cell_value("2/3", param_column("params.quorum")) == "2/3"


def test_missing_sheet_lists_the_sheets_found(tmp_path):
    path = _workbook(tmp_path / "a.xlsx", {"organizations": [ORG_HEADER], "Sheet9": [MEMBER_HEADER]})
    with pytest.raises(AssistantError) as err:
        open_source(path)
    assert "缺少工作表 members" in str(err.value) and "Sheet9" in str(err.value)


@pytest.mark.parametrize("name, content, message", [
    ("broken.xlsx", b"not a zip", "无法读取 Excel 文件"),
    ("old.xls", b"x", "不支持旧版 .xls"),
    ("a.txt", b"x", "不支持的输入格式"),
])
def test_unreadable_input_is_an_input_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AssistantError) as err:
        open_source(path)
    assert message in str(err.value)


def test_csv_needs_members_and_reads_gb18030(tmp_path):
    orgs = tmp_path / "orgs.csv"
    orgs.write_bytes((",".join(["编号", *ORG_HEADER[1:]]) + "\r\n" + "1,技术委员会,名称甲" + "," * 11 + "\r\n")
                     .encode("gb18030"))
    with pytest.raises(AssistantError, match="--members"):
        open_source(orgs)
    members = tmp_path / "m.csv"
    members.write_text(";".join(MEMBER_HEADER) + "\n1;张三;委员;单位;高级工程师;使用方\n9;李四;委员;单位;工程师;使用方\n",
                       encoding="utf-8")
    source = open_source(orgs, members=members)
    (record,) = source.records
    data, provenance = source.build(record)
    assert data["name"] == "名称甲" and data["members"] == [
        {"name": "张三", "role": "委员", "employer": "单位", "title": "高级工程师", "stakeholder": "使用方"}]
    assert provenance.member_rows == [2]
    assert [(o.org_id, [l.row for l in o.locations]) for o in source.orphans] == [("9", [3])]


def test_provenance_maps_field_paths_to_cells(tmp_path):
    path = _workbook(tmp_path / "a.xlsx", {
        "组织": [["组织编号", *ORG_HEADER[1:]], [], ["A1", "技术委员会"], ["A1", "技术专家组"]],
        "成员": [["组织编号", "姓名", "拟任职务", "工作单位", "职称", "利益相关方类别"], ["A1", "甲"], [], ["A1", "乙"]],
    })
    source = open_source(path)
    first, second = source.records
    assert (first.row, first.duplicate_of, second.row, second.duplicate_of) == (3, 4, 4, 3)
    data, provenance = source.build(first)
    assert [m["name"] for m in data["members"]] == ["甲", "乙"]
    assert data["scheme"] == {} and data["secretariat"] == {"contact": {}}  # empty cells: each leaf is then named
    assert provenance.locate("members[1].stakeholder") == Location("成员", 4, "利益相关方类别")
    assert provenance.locate("members[0]") == Location("成员", 2, "")
    assert provenance.locate("secretariat.contact.phone") == Location("组织", 3, "secretariat.contact.phone")
    assert provenance.locate("name") == Location("组织", 3, "name")


def test_yaml_list_items_are_located_by_item_number(tmp_path, example_spec_data):
    from assistant.yamlio import dump_yaml

    path = tmp_path / "list.yaml"
    path.write_text(dump_yaml([{"id": "x", **example_spec_data}, example_spec_data, "oops"]), encoding="utf-8")
    source = open_source(path)
    assert [r.id for r in source.records] == ["x", "2", "3"]
    data, provenance = source.build(source.records[0])
    assert "id" not in data
    assert str(provenance.locate("members[3].stakeholder")) == "list.yaml 第1项 members[3].stakeholder"


def test_json_mapping_with_an_organizations_list(tmp_path, example_spec_data):
    import json

    path = tmp_path / "list.json"
    path.write_text(json.dumps({"organizations": [{**example_spec_data, "date": "2026-03-27", "id": 7}]},
                               ensure_ascii=False), encoding="utf-8")
    (record,) = open_source(path).records
    assert record.id == "7" and record.row == 1
    path.write_text('{"organizations": 3}', encoding="utf-8")
    with pytest.raises(AssistantError, match="应为规格列表"):
        open_source(path)


def test_members_option_only_for_csv(tmp_path):
    path = _workbook(tmp_path / "a.xlsx", {"organizations": [ORG_HEADER], "members": [MEMBER_HEADER]})
    with pytest.raises(AssistantError, match="只用于 CSV"):
        open_source(path, members=tmp_path / "m.csv")


@pytest.mark.parametrize("raw, expected", [
    ("7-../../evil", "7-_evil"),
    ("..", "未命名"),
    ("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j"),
    ("CON", "_CON"),
    ("nul.txt", "_nul.txt"),
    ("  .隐藏", "隐藏"),
    ("a\u202egpj.exe", "a_gpj.exe"),
    ("行1\n行2\t列", "行1_行2_列"),
])
def test_sanitize(raw, expected):
    assert sanitize(raw) == expected


def test_sanitize_caps_length_in_characters_and_bytes():
    assert len(sanitize("甲" * 300).encode("utf-8")) <= 195
    assert len(sanitize("a" * 300)) == 80


def test_allocator_gives_unique_names_inside_the_directory(tmp_path):
    allocator = NameAllocator(tmp_path, reserved=("report.csv",))
    names = [allocator.allocate(s).name for s in ["甲", "甲", "甲", "../甲", "A", "a"]]
    assert names == ["甲.docx", "甲-2.docx", "甲-3.docx", "甲-4.docx", "A.docx", "a-2.docx"]
    long = [allocator.allocate("x" * 200) for _ in range(2)]
    assert long[0] != long[1] and all(p.parent == tmp_path for p in long)


def test_name_pattern_fields_are_checked():
    assert NamePattern("{id}-{scheme.name}.docx").render({"id": "3", "scheme.name": "光伏"}) == "3-光伏"
    with pytest.raises(AssistantError, match=r"\{owner\}"):
        NamePattern("{id}-{owner}")
    with pytest.raises(AssistantError, match="花括号不成对"):
        NamePattern("{id}-{name")
    with pytest.raises(AssistantError, match="至少应包含一个字段"):
        NamePattern("固定名")


def test_provenance_unknown_path_falls_back_to_the_path():
    provenance = Provenance("organizations", 5, {"name": "名称"}, "members", [7], {"name": "姓名"})
    assert provenance.locate("params.quorum") == Location("organizations", 5, "params.quorum")
    assert provenance.locate("members[4].name") == Location("organizations", 5, "members[4].name")
