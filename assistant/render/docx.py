"""list[Block] -> a DOCX laid out per GB/T 9704-2012 (A4, margins, 3号仿宋 body, PAGE field footers)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..fsutil import atomic_path
from .blocks import AnnexLabel, Article, ChapterHeading, Heading, PageBreak, Paragraph, Subtitle, Table, Title

# Font names as official templates name them; fallbacks are recorded in the font table (w:altName).
FONTS = {
    "title": ("方正小标宋简体", "SimSun"),
    "body": ("仿宋_GB2312", "FangSong"),
    "hei": ("黑体", "SimHei"),
    "kai": ("楷体_GB2312", "KaiTi"),
    "song": ("宋体", "SimSun"),
}
LATIN_FONT = "Times New Roman"
PT = {"二号": 22, "三号": 16, "四号": 14, "小四": 12, "五号": 10.5}  # 字号 -> pt
LINE_PITCH_PT = 28.95  # 22 lines per 225 mm type area (GB/T 9704 5.2.3, common practice value)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}  # GB/T 9704 5.2.1: type area 156 x 225 mm


def write_docx(blocks: Iterable, out: Path, *, force: bool = False, reference: Path | None = None,
               core_title: str = "") -> Path:
    """Lay out `blocks` and save atomically to `out`."""
    document = build_document(blocks, reference=reference, core_title=core_title)
    with atomic_path(out, force=force) as tmp:
        document.save(str(tmp))
    return Path(out)


def build_document(blocks: Iterable, *, reference: Path | None = None, core_title: str = ""):
    from docx import Document

    document = Document(str(reference)) if reference else Document()
    _setup_page(document)
    _setup_styles(document)
    _register_fallback_fonts(document)
    writer = _Writer(document)
    for block in blocks:
        writer.add(block)
    document.core_properties.title = core_title
    document.core_properties.author = "charter-assistant"
    return document


def _setup_page(document) -> None:
    from docx.shared import Mm

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = Mm(MARGINS_MM["top"])
        section.bottom_margin = Mm(MARGINS_MM["bottom"])
        section.left_margin = Mm(MARGINS_MM["left"])
        section.right_margin = Mm(MARGINS_MM["right"])
        section.footer_distance = Mm(28)  # the number's dashes sit 7 mm below the type area (GB/T 9704 7.5)
    document.settings.odd_and_even_pages_header_footer = True
    for section in document.sections:
        _page_number(section.footer.paragraphs[0], odd=True)
        _page_number(section.even_page_footer.paragraphs[0], odd=False)


def _page_number(paragraph, *, odd: bool) -> None:
    """GB/T 9704 7.5: — 1 —, 4号 宋体, odd pages right and even pages left, indented one character."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    if odd:
        fmt.right_indent = Pt(PT["四号"])
    else:
        fmt.left_indent = Pt(PT["四号"])

    def run(text=None):
        r = paragraph.add_run(text)
        _font(r, "song", PT["四号"])
        return r

    run("— ")
    for kind, value in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        r = run(value if kind == "text" else None)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = value
            r._r.append(instr)
        elif kind != "text":
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            r._r.append(char)
    run(" —")


def _set_east_asian(element, name: str) -> None:
    from docx.oxml.ns import qn

    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    lang = element.get_or_add_rPr().find(qn("w:lang"))
    if lang is None:
        from docx.oxml import OxmlElement

        lang = OxmlElement("w:lang")
        element.get_or_add_rPr().append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _font(run, role: str, size_pt: float, *, bold: bool = False) -> None:
    from docx.shared import Pt

    _set_east_asian(run._element, FONTS[role][0])
    run.font.size = Pt(size_pt)
    run.font.bold = bold


def _setup_styles(document) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    normal = document.styles["Normal"]
    _set_east_asian(normal.element, FONTS["body"][0])
    normal.font.size = Pt(PT["三号"])
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    footer = document.styles["Footer"] if "Footer" in [s.name for s in document.styles] else None
    if footer is not None:
        footer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _register_fallback_fonts(document) -> None:
    """Name each CJK font's fallback in the font table (w:altName), for machines without the GB2312 fonts."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    font_part = next((rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FONT_TABLE), None)
    if font_part is None:
        return
    from lxml import etree

    root = etree.fromstring(font_part.blob)
    existing = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name, alt in FONTS.values():
        if name in existing:
            continue
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, val in (("w:altName", alt), ("w:charset", "86"), ("w:family", "auto"), ("w:pitch", "variable")):
            child = OxmlElement(tag)
            child.set(qn("w:val"), val)
            font.append(child)
        root.append(font)
        existing.add(name)
    font_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class _Writer:
    def __init__(self, document):
        self.doc = document

    def add(self, block) -> None:
        handlers = {Title: self._title, Subtitle: self._subtitle, ChapterHeading: self._chapter,
                    Heading: self._heading, Article: self._article, Paragraph: self._text,
                    AnnexLabel: self._annex, PageBreak: self._pagebreak, Table: self._table}
        handlers[type(block)](block)

    def _paragraph(self, *, align: str = "justify", indent: bool = True, keep_next: bool = False):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        p = self.doc.add_paragraph()
        p.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                       "right": WD_ALIGN_PARAGRAPH.RIGHT, "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
        if indent:
            _first_line_chars(p, 200)
        else:
            p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.keep_with_next = keep_next
        return p

    def _title(self, block: Title) -> None:
        from docx.shared import Pt

        p = self._paragraph(align="center", indent=False)
        p.paragraph_format.space_after = Pt(LINE_PITCH_PT)
        p.paragraph_format.line_spacing = Pt(36)
        _font(p.add_run(block.text), "title", PT["二号"])

    def _subtitle(self, block: Subtitle) -> None:
        p = self._paragraph(align="center", indent=False)
        _font(p.add_run(block.text), "kai", PT["三号"])

    def _chapter(self, block: ChapterHeading) -> None:
        p = self._paragraph(align="center", indent=False, keep_next=True)
        _font(p.add_run(block.text), "hei", PT["三号"])

    def _heading(self, block: Heading) -> None:
        p = self._paragraph(keep_next=True)
        _font(p.add_run(block.text), "hei" if block.level == 1 else "kai", PT["三号"])

    def _article(self, block: Article) -> None:
        first = self._paragraph()
        _font(first.add_run(block.label + "\u3000"), "hei", PT["三号"])
        paragraphs = block.paragraphs or [""]
        _font(first.add_run(paragraphs[0]), "body", PT["三号"])
        for text in paragraphs[1:] + block.items:
            _font(self._paragraph().add_run(text), "body", PT["三号"])

    def _text(self, block: Paragraph) -> None:
        from docx.shared import Pt

        p = self._paragraph(align=block.align, indent=block.indent)
        if block.note:
            p.paragraph_format.line_spacing = Pt(PT["四号"] * 1.5)
            _font(p.add_run(block.text), "kai", PT["四号"])
        else:
            _font(p.add_run(block.text), "hei" if block.bold else "body", PT["三号"])

    def _annex(self, block: AnnexLabel) -> None:
        p = self._paragraph(align="left", indent=False)
        _font(p.add_run(block.text), "hei", PT["三号"])

    def _pagebreak(self, block: PageBreak) -> None:
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _table(self, block: Table) -> None:
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        table = self.doc.add_table(rows=1 + len(block.rows), cols=len(block.header))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        header_tr = table.rows[0]._tr
        tr_pr = header_tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")  # repeat the header row on every page
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
        for r, values in enumerate([block.header] + block.rows):
            cells = table.rows[r].cells
            for c, value in enumerate(values):
                p = cells[c].paragraphs[0]
                p.paragraph_format.first_line_indent = Pt(0)
                p.paragraph_format.line_spacing = 1.0
                from docx.enum.text import WD_LINE_SPACING

                p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
                _font(p.add_run(str(value)), "hei" if r == 0 else "body", block.font_pt)
        if block.widths_mm:
            table.autofit = False
            for column, width in zip(table.columns, block.widths_mm):
                column.width = Mm(width)  # tblGrid, which LibreOffice reads
            for row in table.rows:
                for cell, width in zip(row.cells, block.widths_mm):
                    cell.width = Mm(width)  # tcW, which Word reads
        self.doc.add_paragraph()


def _first_line_chars(paragraph, hundredths: int) -> None:
    """w:firstLineChars: an indent in characters (200 = two characters), as Word writes it."""
    from docx.oxml.ns import qn

    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(hundredths))
    ind.set(qn("w:firstLine"), str(int(PT["三号"] * 20 * hundredths / 100)))
