"""Loaders and the structure-aware chunker, on the real law texts and on generated DOCX/PDF/TXT files."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.corpus.chunking import chunk_source
from assistant.corpus.loaders import collect_files, load_source, short_title
from assistant.errors import CorpusError

ARTICLE_LINE = re.compile(r"^第[零〇一二三四五六七八九十百千]+条 ")
# Article counts as SOURCES.md states them; the test also recounts them from each file.
SOURCES_COUNTS = {
    "认证认可条例-2023.md": 77, "标准化法-2017.md": 45, "标准化法实施条例-1990.md": 44, "产品质量法-2018.md": 74,
    "社会团体登记管理条例-2016.md": 37, "上海市标准化条例-2019.md": 44, "山东省标准化条例-2020.md": 40,
    "上海市检验检测条例-2024.md": 48, "浙江省检验机构管理条例-2021.md": 56, "重庆市产品质量条例-2014.md": 53,
    "河南省产品质量监督管理条例-2012.md": 41, "进出口商品检验法-2021.md": 39, "计量法-2018.md": 34,
    "商用密码管理条例-2023.md": 67,
}


def law_paths(laws_dir: Path) -> list[Path]:
    return sorted(p for p in laws_dir.glob("*.md") if p.name != "SOURCES.md")


def test_every_law_file_has_one_chunk_per_article(laws_dir):
    paths = law_paths(laws_dir)
    assert {p.name for p in paths} == set(SOURCES_COUNTS)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        in_file = [line.split(" ", 1)[0] for line in text.splitlines() if ARTICLE_LINE.match(line)]
        chunks = chunk_source(load_source(path))
        clauses = [c.clause for c in chunks]
        assert clauses == in_file, path.name
        assert len(clauses) == SOURCES_COUNTS[path.name], path.name
        assert len({c.id for c in chunks}) == len(chunks)


def test_chunk_fields_and_verbatim_text(laws_dir):
    path = laws_dir / "认证认可条例-2023.md"
    chunks = {c.clause: c for c in chunk_source(load_source(path))}
    art = chunks["第十条"]
    assert art.document == "认证认可条例"
    assert art.id == "认证认可条例#第十条"
    assert art.source == str(path)
    assert art.heading == ("第二章 认证机构",)
    assert art.citation == "〔认证认可条例 第十条〕"
    # the article keeps its items and the paragraph after them
    assert "（四）注册资本不得少于人民币300万元；" in art.text
    assert art.text.splitlines()[-1].startswith("从事产品认证活动的认证机构")
    text = path.read_text(encoding="utf-8")
    for chunk in chunks.values():
        for paragraph in chunk.text.splitlines():
            assert paragraph in text
    assert chunks["第一条"].heading == ("第一章 总则",)  # "总 则" in the file: layout spaces dropped


def test_sections_inside_chapters(laws_dir):
    chunks = {c.clause: c for c in chunk_source(load_source(laws_dir / "产品质量法-2018.md"))}
    assert chunks["第二十六条"].heading == ("第三章 生产者、销售者的产品质量责任和义务", "第一节 生产者的产品质量责任和义务")
    assert chunks["第三十三条"].heading[-1] == "第二节 销售者的产品质量责任和义务"
    assert chunks["第四十一条"].heading == ("第四章 损害赔偿",)


def test_titles_drop_the_national_prefix(laws_dir):
    assert load_source(laws_dir / "标准化法-2017.md").title == "中华人民共和国标准化法"
    assert load_source(laws_dir / "标准化法-2017.md").name == "标准化法"
    assert short_title("《中华人民共和国计量法》") == "计量法"
    assert load_source(laws_dir / "上海市标准化条例-2019.md").name == "上海市标准化条例"


STANDARD_TEXT = """技术专家组工作规范
本规范适用于技术专家组。
4 组织机构
4.1 性质
技术专家组是非法人、非常设的技术组织。
4.2 委员
4.2.1 委员总数应为15～35人。
4.2.2 委员构成
委员应来自不同类型的单位：
（一）认证机构；
（二）生产企业。
5 运行
5.1 会议应有三分之二以上委员出席。
"""


def test_numbered_clauses_with_headings(tmp_path):
    path = tmp_path / "规范.txt"
    path.write_text(STANDARD_TEXT, encoding="utf-8")
    source = load_source(path)
    assert source.title == "技术专家组工作规范"
    chunks = {c.clause: c for c in chunk_source(source)}
    assert set(chunks) == {"4.1", "4.2.1", "4.2.2", "5.1", "第1段"}
    assert chunks["4.1"].title == "性质"
    assert chunks["4.1"].heading == ("4 组织机构",)
    assert chunks["4.2.2"].heading == ("4 组织机构", "4.2 委员")
    assert chunks["4.2.2"].text == "委员应来自不同类型的单位：\n（一）认证机构；\n（二）生产企业。"
    assert chunks["5.1"].text == "5.1 会议应有三分之二以上委员出席。"
    assert chunks["第1段"].text == "本规范适用于技术专家组。"


def test_gb18030_text_file(tmp_path):
    path = tmp_path / "规则.txt"
    path.write_bytes("第一条 本规则适用于全体委员。\n第二条 委员应当遵守章程。\n".encode("gb18030"))
    chunks = chunk_source(load_source(path))
    assert [c.clause for c in chunks] == ["第一条", "第二条"]
    assert chunks[0].document == "规则"


def test_docx_with_title_chapters_and_table(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某技术专家组章程", style="Title")
    document.add_heading("第一章 总则", level=1)
    document.add_paragraph("第一条 为规范技术专家组的工作，制定本章程。")
    document.add_paragraph("第二条　技术专家组应当遵循下列原则：")
    document.add_paragraph("（一）客观独立；")
    document.add_paragraph("（二）公开公正。")
    document.add_heading("第二章 组织机构", level=1)
    document.add_paragraph("第三条 技术专家组设主任委员一名。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "职务"
    table.cell(0, 1).text = "人数"
    path = tmp_path / "章程.docx"
    document.save(path)
    source = load_source(path)
    assert source.title == "某技术专家组章程"
    chunks = {c.clause: c for c in chunk_source(source)}
    assert list(chunks) == ["第一条", "第二条", "第三条"]
    assert chunks["第二条"].text.endswith("（二）公开公正。")
    assert chunks["第三条"].heading == ("第二章 组织机构",)
    assert "职务 | 人数" in chunks["第三条"].text


def _ascii_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with Helvetica text lines (pypdf reads it; no PDF writer dependency)."""
    content = "BT /F1 11 Tf 50 780 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_rejoins_wrapped_lines(tmp_path):
    path = tmp_path / "rules.pdf"
    path.write_bytes(_ascii_pdf(["Group rules", "4 Structure", "4.1 The group is a non-standing body that",
                                 "does not certify products.", "4.2 The chair is elected."]))
    chunks = {c.clause: c for c in chunk_source(load_source(path))}
    assert chunks["4.1"].text == "4.1 The group is a non-standing body thatdoes not certify products."
    assert chunks["4.2"].heading == ("4 Structure",)


@pytest.mark.parametrize("name,data,reason", [
    ("broken.pdf", b"not a pdf at all", "PDF"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "DOCX"),
    ("empty.md", b"\n\n", "没有正文"),
    ("notes.rtf", b"{\\rtf1}", "不支持的文件类型"),
])
def test_unreadable_files_raise_corpus_error(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CorpusError) as err:
        load_source(path)
    assert reason in str(err.value) and str(path) in str(err.value)


def test_collect_files_expands_folders_and_reports_missing(tmp_path):
    (tmp_path / "a.md").write_text("第一条 甲。", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("第一条 乙。", encoding="utf-8")
    (tmp_path / "sub" / "c.png").write_bytes(b"")
    files, missing = collect_files([tmp_path, tmp_path / "a.md", tmp_path / "nope.md"])
    assert [f.name for f in files] == ["a.md", "b.txt"]
    assert missing == [(tmp_path / "nope.md", "文件不存在")]
