"""list[Block] -> a DOCX laid out per GB/T 9704-2012 (A4, margins, 3号仿宋 body, PAGE field footers)."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import escape

from ..fsutil import atomic_path
from .blocks import (AnnexLabel, Article, ChapterHeading, Heading, Orientation, PageBreak, Paragraph, Subtitle,
                     Table, Title)

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


_TITLE_TOKEN = "CHARTER-ASSISTANT-TITLE"
_SECTION_TOKEN = "<!--section-end:{}-->"  # replaced by a copy of the base section properties


def write_docx(blocks: Iterable, out: Path, *, force: bool = False, reference: Path | None = None,
               core_title: str = "") -> Path:
    """Lay out `blocks` and save atomically to `out`."""
    data = docx_bytes(blocks, reference=reference, core_title=core_title)
    with atomic_path(out, force=force) as tmp:
        tmp.write_bytes(data)
    return Path(out)


def docx_bytes(blocks: Iterable, *, reference: Path | None = None, core_title: str = "") -> bytes:
    """The DOCX package: a cached base (page, styles, footers) with this document's body spliced in."""
    writer = _Writer()
    for block in blocks:
        writer.add(block)
    key = (str(reference), reference.stat().st_mtime_ns) if reference else None
    return _base_package(key).package(writer.xml(), core_title)


@dataclass(frozen=True)
class _BasePackage:
    parts: tuple[tuple[str, bytes], ...]
    body_prefix: str
    body_suffix: str

    def section_properties(self, landscape: bool) -> str:
        """The base w:sectPr (margins, page-number footers), turned to landscape if asked."""
        sect = self.body_suffix[:self.body_suffix.index("</w:sectPr>") + len("</w:sectPr>")]
        if not landscape:
            return sect
        size = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"[^>]*/>', sect)
        landscape_size = f'<w:pgSz w:w="{size.group(2)}" w:h="{size.group(1)}" w:orient="landscape"/>'
        return sect.replace(size.group(0), landscape_size)

    def package(self, body_xml: str, title: str) -> bytes:
        for landscape in (False, True):
            token = _SECTION_TOKEN.format("landscape" if landscape else "portrait")
            body_xml = body_xml.replace(token, f"<w:p><w:pPr>{self.section_properties(landscape)}</w:pPr></w:p>")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.parts:
                if name == "word/document.xml":
                    data = (self.body_prefix + body_xml + self.body_suffix).encode("utf-8")
                elif name == "docProps/core.xml":
                    data = data.replace(_TITLE_TOKEN.encode(), escape(title).encode("utf-8"))
                archive.writestr(name, data)
        return buffer.getvalue()


@lru_cache(maxsize=8)
def _base_package(reference_key: tuple[str, int] | None) -> _BasePackage:
    """Built once per process with python-docx: page setup, styles, fallback fonts, page-number footers."""
    from docx import Document

    document = Document(reference_key[0]) if reference_key else Document()
    body = document.element.body
    for child in list(body):
        if child is not body.sectPr:
            body.remove(child)
    _setup_page(document)
    _setup_styles(document)
    _register_fallback_fonts(document)
    document.core_properties.title = _TITLE_TOKEN
    document.core_properties.author = "charter-assistant"
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = tuple((name, archive.read(name)) for name in archive.namelist())
    xml = dict(parts)["word/document.xml"].decode("utf-8")
    open_tag = re.search(r"<w:body[^>]*>", xml)
    split = xml.rindex("<w:sectPr")
    return _BasePackage(parts, xml[:open_tag.end()], xml[split:])


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


def _font(run, role: str, size_pt: float) -> None:
    from docx.shared import Pt

    _set_east_asian(run._element, FONTS[role][0])
    run.font.size = Pt(size_pt)


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


_ALIGN = {"justify": "both", "center": "center", "right": "right", "left": "left"}
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _run_xml(text: str, role: str, size_pt: float) -> str:
    """One run; line breaks inside `text` become w:br. Built as text: python-docx's element API is 10x slower."""
    if _ILLEGAL_XML.search(text):
        raise ValueError(f"text contains an XML-illegal character: {text!r}")
    font = FONTS[role][0]
    half_points = round(size_pt * 2)
    props = (f'<w:rPr><w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{font}"/>'
             f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/><w:lang w:eastAsia="zh-CN"/></w:rPr>')
    parts = [f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in text.replace("\t", " ").split("\n")]
    return f"<w:r>{props}{'<w:br/>'.join(parts)}</w:r>"


def _paragraph_xml(runs: str, *, align: str = "justify", indent: bool = True, keep_next: bool = False,
                   spacing: str = "") -> str:
    ppr = "<w:keepNext/>" if keep_next else ""
    ppr += spacing
    if indent:
        ppr += f'<w:ind w:firstLineChars="200" w:firstLine="{int(PT["三号"] * 20 * 2)}"/>'
    else:
        ppr += '<w:ind w:firstLine="0"/>'
    ppr += f'<w:jc w:val="{_ALIGN[align]}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


def _exact(pt: float) -> str:
    return f'<w:spacing w:line="{round(pt * 20)}" w:lineRule="exact"/>'


class _Writer:
    """Turns blocks into WordprocessingML text for the document body."""

    def __init__(self):
        self.parts: list[str] = []
        self.landscape = False

    def add(self, block) -> None:
        handlers = {Title: self._title, Subtitle: self._subtitle, ChapterHeading: self._chapter,
                    Heading: self._heading, Article: self._article, Paragraph: self._text,
                    AnnexLabel: self._annex, PageBreak: self._pagebreak, Orientation: self._orientation,
                    Table: self._table}
        handlers[type(block)](block)

    def xml(self) -> str:
        return "".join(self.parts)

    def _title(self, block: Title) -> None:
        spacing = f'<w:spacing w:after="{round(LINE_PITCH_PT * 20)}" w:line="720" w:lineRule="exact"/>'
        self.parts.append(_paragraph_xml(_run_xml(block.text, "title", PT["二号"]), align="center", indent=False,
                                         spacing=spacing))

    def _subtitle(self, block: Subtitle) -> None:
        self.parts.append(_paragraph_xml(_run_xml(block.text, "kai", PT["三号"]), align="center", indent=False))

    def _chapter(self, block: ChapterHeading) -> None:
        self.parts.append(_paragraph_xml(_run_xml(block.text, "hei", PT["三号"]), align="center", indent=False,
                                         keep_next=True))

    def _heading(self, block: Heading) -> None:
        role = "hei" if block.level == 1 else "kai"
        self.parts.append(_paragraph_xml(_run_xml(block.text, role, PT["三号"]), keep_next=True))

    def _article(self, block: Article) -> None:
        paragraphs = block.paragraphs or [""]
        first = _run_xml(block.label + "\u3000", "hei", PT["三号"]) + _run_xml(paragraphs[0], "body", PT["三号"])
        self.parts.append(_paragraph_xml(first))
        for text in paragraphs[1:] + block.items:
            self.parts.append(_paragraph_xml(_run_xml(text, "body", PT["三号"])))

    def _text(self, block: Paragraph) -> None:
        if block.note:
            run, spacing = _run_xml(block.text, "kai", PT["四号"]), _exact(PT["四号"] * 1.5)
        else:
            run, spacing = _run_xml(block.text, "hei" if block.bold else "body", PT["三号"]), ""
        self.parts.append(_paragraph_xml(run, align=block.align, indent=block.indent, spacing=spacing,
                                         keep_next=block.keep_next))

    def _annex(self, block: AnnexLabel) -> None:
        self.parts.append(_paragraph_xml(_run_xml(block.text, "hei", PT["三号"]), align="left", indent=False))

    def _pagebreak(self, block: PageBreak) -> None:
        self.parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def _orientation(self, block: Orientation) -> None:
        # A paragraph's w:sectPr closes the section before it, so it carries the orientation that is ending.
        self.parts.append(_SECTION_TOKEN.format("landscape" if self.landscape else "portrait"))
        self.landscape = block.landscape

    def _table(self, block: Table) -> None:
        widths = block.widths_mm or [156 / len(block.header)] * len(block.header)
        twips = [round(w / 25.4 * 1440) for w in widths]
        out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
               '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>']
        out += [f'<w:gridCol w:w="{w}"/>' for w in twips]
        out.append("</w:tblGrid>")
        single = '<w:spacing w:line="240" w:lineRule="auto"/>'
        for r, values in enumerate([block.header] + block.rows):
            # Rows never split across pages; the header row repeats on every page.
            out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if r == 0
                       else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for value, width in zip(values, twips):
                run = _run_xml(str(value), "hei" if r == 0 else "body", block.font_pt)
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                           f'{_paragraph_xml(run, align="left", indent=False, spacing=single)}</w:tc>')
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.parts.append("".join(out))
        self.parts.append(_paragraph_xml("", indent=False))
