"""Document blocks: the seam between jinja2 text and python-docx layout."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Title:
    text: str


@dataclass
class Subtitle:
    """A centred line under a title (e.g. 示范条款 notice, applicant, date)."""

    text: str


@dataclass
class ChapterHeading:
    """第一章　总则: centred 黑体."""

    text: str


@dataclass
class Heading:
    """Level 1 一、(黑体), level 2 （一）(楷体)."""

    text: str
    level: int = 1


@dataclass
class Article:
    """第一条　… with further 款 paragraphs and （一） items; clause_id traces it to the model clause."""

    label: str
    paragraphs: list[str]
    items: list[str]
    clause_id: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass
class Paragraph:
    text: str
    indent: bool = True
    align: str = "justify"  # justify | center | right | left
    bold: bool = False
    note: bool = False  # a smaller 楷体 remark
    keep_next: bool = False  # keep on the page of the next paragraph (seal blocks)


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths_mm: list[float] | None = None
    font_pt: float = 12


@dataclass
class PageBreak:
    pass


@dataclass
class Orientation:
    """Start a new section (on a new page) whose pages are landscape or portrait."""

    landscape: bool


@dataclass
class AnnexLabel:
    """附件1: 3号黑体, top left (GB/T 9704 7.3.7)."""

    text: str


Block = Title | Subtitle | ChapterHeading | Heading | Article | Paragraph | Table | PageBreak | Orientation | AnnexLabel
