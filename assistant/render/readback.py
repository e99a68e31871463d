"""Read a generated DOCX back: paragraphs, outline, tables, fonts. Used by tests and reviewers."""
from __future__ import annotations

import re
from pathlib import Path

CHAPTER = re.compile(r"^第[一二三四五六七八九十百]+章\u3000")
ARTICLE = re.compile(r"^(第[一二三四五六七八九十百零]+条)\u3000")


def paragraphs(path: str | Path) -> list[str]:
    from docx import Document

    return [p.text for p in Document(str(path)).paragraphs]


def text(path: str | Path) -> str:
    """All paragraph text, then every table row as cells joined by " | "."""
    from docx import Document

    doc = Document(str(path))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(lines)


def outline(path: str | Path) -> list[str]:
    """The chapter headings (第一章　总则 …) in order."""
    return [t for t in paragraphs(path) if CHAPTER.match(t)]


def article_labels(path: str | Path) -> list[str]:
    return [m.group(1) for t in paragraphs(path) if (m := ARTICLE.match(t))]


def tables(path: str | Path) -> list[list[list[str]]]:
    from docx import Document

    return [[[cell.text for cell in row.cells] for row in table.rows] for table in Document(str(path)).tables]


def find_table(path: str | Path, first_header: str, *, column: int = 0) -> list[list[str]]:
    """The first table whose header row has `first_header` in `column`."""
    for table in tables(path):
        if table and len(table[0]) > column and table[0][column] == first_header:
            return table
    raise LookupError(f"no table with header {first_header!r} in {path}")
