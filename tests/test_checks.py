"""`charter check`: a drafted document passes; edits that break numbering, dates, content or values are caught."""
import json

import pytest
from docx import Document

from assistant.checks import check_document
from assistant.drafting import draft
from assistant.spec import load_spec, validate_spec_data


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    from assistant.resources import corpus_dir

    spec = load_spec(corpus_dir() / "examples" / "spec.yaml")
    out = tmp_path_factory.mktemp("check")
    return spec, draft(spec, "charter", out / "charter.docx"), draft(spec, "application", out / "application.docx")


def edited(source, target, edit):
    doc = Document(str(source))
    edit(doc)
    doc.save(str(target))
    return target


def ids(findings, severity="error"):
    return {f.id for f in findings if f.severity == severity}


def test_drafted_documents_pass(documents):
    spec, charter, application = documents
    assert check_document(charter, spec=spec) == []
    assert check_document(application, spec=spec) == []


def test_deleted_article_breaks_numbering_and_trace(documents, tmp_path):
    _, charter, _ = documents

    def delete_article_ten(doc):
        paragraph = next(p for p in doc.paragraphs if p.text.startswith("第十条"))
        paragraph._p.getparent().remove(paragraph._p)

    findings = check_document(edited(charter, tmp_path / "c.docx", delete_article_ten))
    assert {"C14", "C15"} <= ids(findings)
    assert any("第十条处为“第十一条”" in f.message for f in findings)


def test_zero_padded_date_and_missing_seal_date(documents, tmp_path):
    _, _, application = documents

    def pad_and_drop(doc):
        for p in doc.paragraphs:
            if p.text == "2026年3月27日":
                p.runs[0].text = "2026年03月27日"
        seal = next(p for p in doc.paragraphs if p.text == "主管单位（盖章）")
        date = seal._p.getnext()
        date.getparent().remove(date)

    findings = check_document(edited(application, tmp_path / "a.docx", pad_and_drop))
    messages = " ".join(f.message for f in findings if f.id == "C13")
    assert "2026年03月27日" in messages and "主管单位（盖章）" in messages


def test_removed_recusal_and_changed_value_are_reported(documents, tmp_path):
    spec, charter, _ = documents

    def edit(doc):
        for p in doc.paragraphs:
            for run in p.runs:
                run.text = run.text.replace("回避", "避让").replace("不多于31名", "不多于41名")

    findings = check_document(edited(charter, tmp_path / "c.docx", edit), spec=spec)
    assert any(f.id == "C10" and "回避" in f.message for f in findings)
    assert any(f.id == "C11" and "members.max = 31" in f.message for f in findings)


def test_spec_mismatch_and_cli(documents, run_cli, tmp_path, example_spec_data, write_spec):
    _, _, application = documents
    example_spec_data["members"].pop()
    example_spec_data["params"] = {"members.max": 33}
    other = write_spec(example_spec_data)
    result = run_cli("check", application, "--spec", other, "--json")
    assert result.exit_code == 1
    findings = json.loads(result.output)["files"][0]["findings"]
    messages = " ".join(f["message"] for f in findings if f["id"] == "C11")
    assert "委员名单表（22 人）与规格文件（21 人）不一致" in messages and "规格文件为 33" in messages
    assert validate_spec_data(example_spec_data)  # the other spec itself is valid


def test_not_a_docx_is_a_user_error(run_cli, tmp_path):
    bogus = tmp_path / "x.docx"
    bogus.write_text("not a zip", encoding="utf-8")
    result = run_cli("check", bogus)
    assert result.exit_code == 2 and "无法作为 DOCX 读取" in result.output and "Traceback" not in result.output
