"""Suffix -> loader. Every loader returns a Source: a title and the document's paragraphs, verbatim."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import CorpusError
from ..fsutil import check_input_file

MAX_FILE_BYTES = 50 * 1024 * 1024
INFO_END = "<!-- INFO END -->"
_NATIONAL_PREFIX = "中华人民共和国"
_TITLE_MAX = 60


@dataclass
class Source:
    """One loaded document: `paragraphs` are its non-empty lines/paragraphs in order, as written in the file."""

    title: str
    path: Path
    paragraphs: list[str] = field(default_factory=list)
    kind: str = "user"

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def name(self) -> str:
        """The name used in citations: the title without the 中华人民共和国 prefix (认证认可条例)."""
        return short_title(self.title)


def short_title(title: str) -> str:
    """中华人民共和国认证认可条例 -> 认证认可条例; 《X》 -> X."""
    title = title.strip().strip("《》").strip()
    if title.startswith(_NATIONAL_PREFIX) and len(title) > len(_NATIONAL_PREFIX):
        title = title[len(_NATIONAL_PREFIX):]
    return title


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CorpusError("无法识别文本编码（应为 UTF-8 或 GB18030）", where=str(path))


def _clean(line: str) -> str:
    return line.replace("\u00a0", " ").strip()


def load_markdown(path: Path) -> Source:
    """`# title`, an optional metadata block ending with <!-- INFO END -->, then headings and paragraphs."""
    lines = _read_text(path).splitlines()
    title = ""
    start = 0
    for i, line in enumerate(lines):
        if line.strip() == INFO_END:
            start = i + 1
            break
    for line in lines[:start] if start else lines:
        if line.startswith("# "):
            title = line[2:].strip()
            break
    paragraphs = []
    for line in lines[start:]:
        text = _clean(line)
        if not text or text.startswith("<!--"):
            continue
        if text.startswith("# ") and not title:
            title = text[2:].strip()
            continue
        paragraphs.append(text)
    return Source(title or path.stem, path, paragraphs)


def load_text(path: Path) -> Source:
    """One paragraph per non-empty line; a short first line without sentence punctuation is the title."""
    paragraphs = [_clean(line) for line in _read_text(path).splitlines()]
    paragraphs = [p for p in paragraphs if p]
    title = path.stem
    if paragraphs and _looks_like_title(paragraphs[0]):
        title = paragraphs.pop(0).strip("《》")
    return Source(title, path, paragraphs)


def _looks_like_title(line: str) -> bool:
    from .chunking import is_structural

    return len(line) <= _TITLE_MAX and not re.search(r"[。；，：:;,]", line) and not is_structural(line)


def load_docx(path: Path) -> Source:
    """Paragraphs and table cells in document order; the Title style (or core title) is the title."""
    import zipfile

    import docx
    from docx.opc.exceptions import OpcError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(str(path))
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as err:
        raise CorpusError(f"不是有效的 DOCX 文件（{err.__class__.__name__}）", where=str(path)) from None
    title = (document.core_properties.title or "").strip()
    paragraphs: list[str] = []
    body = document.element.body
    for block in body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            from docx.text.paragraph import Paragraph

            para = Paragraph(block, document)
            text = _clean(para.text)
            if not text:
                continue
            style = (para.style.name if para.style is not None else "") or ""
            if not title and style == "Title":
                title = text
                continue
            paragraphs.append(text)
        elif tag == "tbl":
            from docx.table import Table

            for row in Table(block, document).rows:
                cells = []
                for cell in row.cells:
                    value = _clean(cell.text)
                    if value and value not in cells:
                        cells.append(value)
                if cells:
                    paragraphs.append(" | ".join(cells))
    if not title and paragraphs and _looks_like_title(paragraphs[0]):
        title = paragraphs.pop(0)
    return Source(title or path.stem, path, paragraphs)


_PDF_BREAK_AFTER = re.compile(r"[。；：！？:;!?]$")


def load_pdf(path: Path) -> Source:
    """Text of every page; wrapped lines are joined unless a line ends a sentence or the next one starts a unit."""
    from .chunking import is_structural

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise CorpusError("PDF 文件已加密，无法读取", where=str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as err:
        raise CorpusError(f"不是有效的 PDF 文件：{err}", where=str(path)) from None
    paragraphs: list[str] = []
    for page in pages:
        for raw in page.splitlines():
            line = _clean(raw)
            if not line or re.fullmatch(r"[-—－\s]*\d+[-—－\s]*", line):
                continue  # page numbers
            if paragraphs and not _PDF_BREAK_AFTER.search(paragraphs[-1]) and not is_structural(line) \
                    and not is_structural(paragraphs[-1], heading_only=True):
                paragraphs[-1] += line
            else:
                paragraphs.append(line)
    if not any(paragraphs):
        raise CorpusError("PDF 中没有可提取的文字（可能是扫描件）", where=str(path))
    title = path.stem
    if paragraphs and _looks_like_title(paragraphs[0]):
        title = paragraphs.pop(0)
    return Source(title, path, paragraphs)


LOADERS: dict[str, Callable[[Path], Source]] = {
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_text,
    ".docx": load_docx,
    ".pdf": load_pdf,
}


def load_source(path: str | Path) -> Source:
    """Load one file by its suffix; raise CorpusError naming the file and the reason."""
    path = Path(path)
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        supported = " ".join(sorted(LOADERS))
        raise CorpusError(f"不支持的文件类型 {path.suffix or '（无扩展名）'}，支持：{supported}", where=str(path))
    check_input_file(path, max_bytes=MAX_FILE_BYTES, error=CorpusError)
    try:
        source = loader(path)
    except OSError as err:
        raise CorpusError(f"无法读取文件：{err.strerror or err}", where=str(path)) from None
    if not source.paragraphs:
        raise CorpusError("文件中没有正文", where=str(path))
    return source


def collect_files(paths) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Expand folders (recursively, supported suffixes only, sorted); missing paths are returned as failures."""
    files: list[Path] = []
    missing: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in LOADERS
                                and not p.name.startswith(".")))
        elif path.exists():
            files.append(path)
        else:
            missing.append((path, "文件不存在"))
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, missing
