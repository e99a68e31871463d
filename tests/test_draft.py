"""Generated DOCX read back with python-docx: numbering, trace table, roster, composition, fonts, page setup."""
import re

import pytest
from docx import Document
from docx.oxml.ns import qn

from assistant.cn import cn_number
from assistant.clauses import load_library
from assistant.drafting import draft
from assistant.render import readback
from assistant.spec import load_spec, validate_spec_data


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    from assistant.resources import corpus_dir

    spec = load_spec(corpus_dir() / "examples" / "spec.yaml")
    out = tmp_path_factory.mktemp("docs")
    return spec, draft(spec, "charter", out / "charter.docx"), draft(spec, "application", out / "application.docx")


def test_charter_chapters_and_articles_are_continuous(drafted):
    _, charter, _ = drafted
    chapters = readback.outline(charter)
    assert chapters[0] == "第一章\u3000总则" and chapters[-1] == "第十章\u3000附则" and len(chapters) == 10
    assert [c.split("\u3000")[0] for c in chapters] == [f"第{cn_number(i)}章" for i in range(1, 11)]
    labels = readback.article_labels(charter)
    assert len(labels) >= 50
    assert labels == [f"第{cn_number(i)}条" for i in range(1, len(labels) + 1)]


def test_items_are_numbered_per_article(drafted):
    _, charter, _ = drafted
    lines = readback.paragraphs(charter)
    runs, current = [], None
    for line in lines:
        if readback.ARTICLE.match(line):
            current = []
            runs.append(current)
        elif (m := re.match(r"^（([一二三四五六七八九十]+)）", line)) and current is not None:
            current.append(m.group(1))
    numbered = [r for r in runs if r]
    assert numbered, "some article has items"
    for items in numbered:
        assert items == [cn_number(i) for i in range(1, len(items) + 1)]


def test_trace_table_covers_every_article(drafted):
    _, charter, _ = drafted
    table = readback.find_table(charter, "章程条款")
    library = load_library()
    assert [row[0] for row in table[1:]] == readback.article_labels(charter)
    for article, clause_id, title, _values in table[1:]:
        assert clause_id in library and library.get(clause_id).title == title
    values = {row[1]: row[3] for row in table[1:]}
    assert "members.max = 31" in values["4.3.1"]  # the spec's override, not the default 35
    assert "term_years = 3" in " ".join(values.values())


def test_charter_text_uses_spec_values_and_charter_register(drafted):
    spec, charter, _ = drafted
    text = readback.text(charter)
    assert f"{spec.name}章程" in text
    assert "31名" in text and "35名" not in text
    assert "示范条款" in text and "不是标准原文" in text
    assert "必须" not in text
    assert "不从事认证活动" in text


def test_application_roster_equals_members(drafted):
    spec, _, application = drafted
    roster = next(t for t in readback.tables(application) if t[0][:3] == ["序号", "姓名", "拟任职务"])
    assert roster[0] == ["序号", "姓名", "拟任职务", "工作单位", "职称", "类别", "联系方式"]
    assert len(roster) - 1 == len(spec.members)
    for row, member in zip(roster[1:], spec.members):
        assert row[1:6] == [member.name, member.role, member.employer, member.title, member.stakeholder]
        assert member.phone in row[6]


def test_application_composition_shares(drafted):
    _, _, application = drafted
    table = readback.find_table(application, "利益相关方类别")
    rows = {r[0]: (r[1], r[2]) for r in table[1:]}
    assert rows["生产企业"] == ("5", "23.8%")  # 5 of 21 voting members
    assert rows["认证机构"] == ("3", "14.3%")
    assert rows["合计"] == ("21", "100%")
    assert "监管部门" not in rows  # non-voting liaison is not counted
    checks = readback.find_table(application, "示范条款")
    verdicts = {r[0]: r[3] for r in checks[1:]}
    assert verdicts["4.3.4"] == "符合" and set(verdicts.values()) == {"符合"}
    assert any("6名，28.6%" in r[2] for r in checks[1:])


def test_failing_quota_is_marked(example_spec_data, tmp_path):
    for member in example_spec_data["members"][10:18]:
        member["stakeholder"] = "认证机构"
    spec = validate_spec_data(example_spec_data)
    out = draft(spec, "application", tmp_path / "a.docx")
    checks = readback.find_table(out, "示范条款")
    verdicts = {r[0]: r[3] for r in checks[1:]}
    assert verdicts["4.3.4"] == "不符合"
    findings = readback.find_table(out, "规则")
    assert any(r[0] == "C02" and r[1] == "4.3.4" for r in findings[1:])


def test_application_sections_seals_and_annexes(drafted):
    spec, _, application = drafted
    lines = readback.paragraphs(application)
    assert lines[0] == f"关于组建{spec.name}的申请"
    headings = [l for l in lines if re.match(r"^[一二三四五六七八九十]+、", l)]
    assert [h.split("、", 1)[1] for h in headings] == [
        "基本情况", "组建的必要性和工作范围", "组织机构和人员组成", "委员组成分析", "秘书处承担单位及工作条件",
        "工作计划", "意见及盖章"]
    assert sum("（盖章）" in l for l in lines) == 3
    assert "2026年3月27日" in lines and "2026年03月27日" not in "".join(lines)
    assert "附件1" in lines and "附件2" in lines
    assert f"附件：1．{spec.name}委员名单" in lines  # GB/T 9704 7.3.5.3 附件说明 after the body
    assert f"{spec.name}章程" in lines  # the charter draft is annexed
    basic = readback.find_table(application, "项目")
    assert ["组织名称", spec.name] in basic


def test_page_setup_fonts_and_footer(drafted):
    _, charter, application = drafted
    for path in (charter, application):
        doc = Document(str(path))
        section = doc.sections[0]
        mm = lambda length: round(length.mm, 1)  # noqa: E731 - DOCX stores twips
        assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
        assert (mm(section.top_margin), mm(section.left_margin)) == (37, 28)
        assert (mm(section.bottom_margin), mm(section.right_margin)) == (35, 26)
        normal = doc.styles["Normal"]
        assert normal.font.size.pt == 16
        assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
        footer_xml = section.footer._element.xml
        assert "PAGE" in footer_xml and "fldChar" in footer_xml
        assert doc.settings.odd_and_even_pages_header_footer
        assert "PAGE" in section.even_page_footer._element.xml
        eastasia = {r._element.rPr.rFonts.get(qn("w:eastAsia")) for p in doc.paragraphs for r in p.runs if r.text}
        assert {"仿宋_GB2312", "黑体", "方正小标宋简体"} <= eastasia
    title_run = Document(str(charter)).paragraphs[0].runs[0]
    assert title_run.font.size.pt == 22


def test_table_header_rows_repeat_and_rows_do_not_split(drafted):
    _, _, application = drafted
    for table in Document(str(application)).tables:
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_roster_annex_is_a_landscape_section(drafted):
    _, _, application = drafted
    doc = Document(str(application))
    orientations = [(round(s.page_width.mm), round(s.page_height.mm)) for s in doc.sections]
    assert orientations == [(210, 297), (297, 210), (210, 297)]
    assert all("PAGE" in s.footer._element.xml for s in doc.sections)


def test_user_text_is_data_not_template(example_spec_data, tmp_path):
    example_spec_data["name"] = "{{ 7*7 }}委员会 & <联盟> 🚀"
    example_spec_data["members"][0]["employer"] = "{% for x in range(3) %}X{% endfor %}研究院"
    spec = validate_spec_data(example_spec_data)
    out = draft(spec, "application", tmp_path / "a.docx")
    text = readback.text(out)
    assert "{{ 7*7 }}委员会 & <联盟> 🚀" in text and "49委员会" not in text
    assert "{% for x in range(3) %}X{% endfor %}研究院" in text


def test_never_overwrites_without_force(drafted, tmp_path):
    spec, _, _ = drafted
    out = tmp_path / "c.docx"
    out.write_bytes(b"keep me")
    from assistant.errors import OutputExistsError

    with pytest.raises(OutputExistsError):
        draft(spec, "charter", out)
    assert out.read_bytes() == b"keep me"
    draft(spec, "charter", out, force=True)
    assert readback.outline(out)
    assert [p.name for p in tmp_path.iterdir()] == ["c.docx"]  # no temp files left


def test_expert_group_uses_its_own_role_names(example_spec_data, tmp_path):
    mapping = {"主任委员": "组长", "副主任委员": "副组长", "委员": "成员", "秘书长": "秘书"}
    example_spec_data["kind"] = "技术专家组"
    example_spec_data["name"] = "智能家电绿色低碳认证技术专家组"
    for member in example_spec_data["members"]:
        member["role"] = mapping[member["role"]]
    spec = validate_spec_data(example_spec_data)
    out = draft(spec, "charter", tmp_path / "c.docx")
    body = "\n".join(readback.paragraphs(out))  # the trace table quotes the model clauses' own titles
    assert "本专家组" in body and "组长" in body and "主任委员" not in body and "本委员会" not in body


def test_template_dir_overrides_bundled_template(drafted, tmp_path):
    spec, _, _ = drafted
    custom = tmp_path / "tpl" / "charter"
    custom.mkdir(parents=True)
    (custom / "charter.yaml").write_text(
        'title: "{{ name }}工作规则"\nchapters:\n  - title: 总则\n    articles:\n'
        '      - clause: "4.1"\n        text: 本{{ short }}每届任期{{ term_years }}年。\n', encoding="utf-8")
    out = draft(spec, "charter", tmp_path / "c.docx", template_dir=tmp_path / "tpl")
    assert readback.paragraphs(out)[0] == f"{spec.name}工作规则"
    assert readback.article_labels(out) == ["第一条"]


def test_broken_template_names_its_location(drafted, tmp_path, run_cli, example_spec_path):
    custom = tmp_path / "tpl" / "charter"
    custom.mkdir(parents=True)
    (custom / "charter.yaml").write_text(
        'title: "{{ name }"\nchapters: []\n', encoding="utf-8")
    result = run_cli("draft", "charter", "--spec", example_spec_path, "-o", tmp_path / "c.docx",
                     "--template-dir", tmp_path / "tpl")
    assert result.exit_code == 2 and "charter.yaml: title" in result.output
    assert not (tmp_path / "c.docx").exists()


def test_association_paragraphs_only_for_association_hosts(example_spec_data, tmp_path):
    plain = readback.text(draft(validate_spec_data(example_spec_data), "charter", tmp_path / "a.docx"))
    example_spec_data["secretariat"]["association"] = True
    spec = validate_spec_data(example_spec_data)
    branch = readback.text(draft(spec, "charter", tmp_path / "b.docx"))
    assert "分支机构" not in plain and "财务审计" not in plain
    assert f"作为{spec.secretariat.host}的分支机构设立" in branch and "财务审计" in branch
    assert readback.article_labels(tmp_path / "a.docx") == readback.article_labels(tmp_path / "b.docx")


def test_work_plan_from_spec_or_template_default(example_spec_data, tmp_path):
    example_spec_data["work_plan"] = ["自行编写的任务", {"task": "第二项", "due": "2027年1月"}]
    given = draft(validate_spec_data(example_spec_data), "application", tmp_path / "a.docx")
    table = next(t for t in readback.tables(given) if t[0][1] == "工作任务")
    assert table[1:] == [["1", "自行编写的任务", "—", "—"], ["2", "第二项", "2027年1月", "—"]]
    del example_spec_data["work_plan"]
    default = draft(validate_spec_data(example_spec_data), "application", tmp_path / "b.docx")
    table = next(t for t in readback.tables(default) if t[0][1] == "工作任务")
    assert "批准组建后90日内" in table[1][2] and len(table) == 5  # the template's plan, with parameter values
