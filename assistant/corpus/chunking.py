"""Structure-aware chunking: one chunk per unit people cite (第X条 with its items, or a numbered clause like 5.2.3)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .loaders import Source

CN_NUM = "零〇一二三四五六七八九十百千"
_PART = re.compile(rf"^#*\s*(第[{CN_NUM}\d]+[编章节])(?:[\s　]+(.*)|$)")
_ARTICLE = re.compile(rf"^(第[{CN_NUM}\d]+条(?:之[{CN_NUM}]+)?)(?:[\s　]+|(?=[^\s　，、的规之]))(.*)$")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,3}){0,5})[\s　]+(\S.*)$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_CN_HEADING = re.compile(rf"^[{CN_NUM}]+、\s*(\S.{{0,30}})$")
_SENTENCE_END = re.compile(r"[。；：！？.;:!?]")
_LEVEL = {"编": 0, "章": 1, "节": 2}
PARAGRAPH_GROUP_CHARS = 500


@dataclass
class Chunk:
    """One citable unit. `id` is unique in an index: "认证认可条例#第九条", "示范条款#5.4.4"."""

    id: str
    document: str
    source: str
    clause: str
    heading: tuple[str, ...]
    text: str
    title: str = ""
    kind: str = "user"
    aliases: tuple[str, ...] = ()  # everyday words for what the unit rules: searched, never shown

    @property
    def citation(self) -> str:
        return f"〔{self.document} {self.clause}〕" if self.clause else f"〔{self.document}〕"

    @property
    def search_text(self) -> str:
        """What search sees: headings and clause title help short questions ("法定人数") find the unit."""
        parts = [self.document, *self.heading]
        if self.title:
            parts.append(self.title)
        if self.aliases:
            parts.append(" ".join(self.aliases))
        parts.append(self.text)
        return "\n".join(parts)

    def to_dict(self) -> dict:
        return {"id": self.id, "document": self.document, "source": self.source, "clause": self.clause,
                "heading": list(self.heading), "text": self.text, "title": self.title, "kind": self.kind,
                **({"aliases": list(self.aliases)} if self.aliases else {})}

    @classmethod
    def from_dict(cls, data: dict) -> "Chunk":
        return cls(data["id"], data["document"], data["source"], data["clause"], tuple(data["heading"]),
                   data["text"], data.get("title", ""), data.get("kind", "user"), tuple(data.get("aliases", ())))


def is_structural(line: str, *, heading_only: bool = False) -> bool:
    """True if `line` starts a chapter/section/article/numbered clause (a PDF line that must not be joined)."""
    if _PART.match(line) or _MD_HEADING.match(line):
        return True
    if heading_only:
        return False
    return bool(_ARTICLE.match(line) or _NUMBERED.match(line) or re.match(r"^[（(][一二三四五六七八九十]+[）)]", line))


def _squash(title: str) -> str:
    """Headings are spaced for layout ("总 则", "第一章　总则"): drop the spaces inside Chinese titles."""
    return re.sub(r"(?<=[^\x00-\x7f])[\s　]+(?=[^\x00-\x7f])", "", title.strip())


def _heading_label(number: str, title: str) -> str:
    title = _squash(title or "")
    return f"{number} {title}".strip()


class _Unit:
    def __init__(self, clause: str, heading: tuple[str, ...], first: str, title: str = ""):
        self.clause = clause
        self.heading = heading
        self.title = title
        self.paragraphs = [first] if first else []


def chunk_source(source: Source, *, document: str | None = None, kind: str | None = None) -> list[Chunk]:
    """Split a Source into chunks; paragraphs outside any unit are grouped into 第N段 chunks."""
    document = document or source.name
    kind = kind or source.kind
    parts: dict[int, str] = {}
    numbered_titles: dict[str, str] = {}
    md_levels: dict[int, str] = {}
    units: list[_Unit] = []
    current: _Unit | None = None
    loose: list[tuple[int, str, tuple[str, ...]]] = []

    def heading_path() -> tuple[str, ...]:
        return tuple(md_levels[k] for k in sorted(md_levels)) + tuple(parts[k] for k in sorted(parts))

    paragraphs = source.paragraphs
    for index, para in enumerate(paragraphs):
        part = _PART.match(para)
        if part:
            level = _LEVEL[part.group(1)[-1]]
            parts = {k: v for k, v in parts.items() if k < level}
            parts[level] = _heading_label(part.group(1), part.group(2))
            current = None
            continue
        md = _MD_HEADING.match(para)
        if md:
            level = len(md.group(1))
            md_levels = {k: v for k, v in md_levels.items() if k < level}
            md_levels[level] = _squash(md.group(2))
            current = None
            continue
        article = _ARTICLE.match(para)
        if article:
            current = _Unit(article.group(1), heading_path(), para)
            units.append(current)
            continue
        numbered = _NUMBERED.match(para)
        if numbered and ("." in numbered.group(1) or _is_heading_text(numbered.group(2))):
            number, rest = numbered.group(1), numbered.group(2)
            ancestors = tuple(f"{k} {numbered_titles[k]}" for k in _prefixes(number) if k in numbered_titles)
            if _is_heading_text(rest) and _next_is_child(paragraphs, index, number):
                numbered_titles[number] = _squash(rest)
                current = None
                continue
            if _is_heading_text(rest):
                current = _Unit(number, heading_path() + ancestors, "", title=_squash(rest))
                numbered_titles[number] = _squash(rest)
            else:
                current = _Unit(number, heading_path() + ancestors, para)
            units.append(current)
            continue
        cn_heading = _CN_HEADING.match(para)
        if cn_heading and not _SENTENCE_END.search(para):
            md_levels = {k: v for k, v in md_levels.items() if k < 7}
            md_levels[7] = para
            current = None
            continue
        if current is not None:
            current.paragraphs.append(para)
        else:
            loose.append((index, para, heading_path()))

    chunks: list[Chunk] = []
    source_name = str(source.path)
    for unit in units:
        text = "\n".join(unit.paragraphs) or unit.title
        chunks.append(Chunk("", document, source_name, unit.clause, unit.heading, text, unit.title, kind))
    chunks.extend(_group_loose(loose, document, source_name, kind))
    return _assign_ids(chunks)


def _is_heading_text(text: str) -> bool:
    return len(text) <= 30 and not _SENTENCE_END.search(text)


def _prefixes(number: str) -> list[str]:
    pieces = number.split(".")
    return [".".join(pieces[:i]) for i in range(1, len(pieces))]


def _next_is_child(paragraphs: list[str], index: int, number: str) -> bool:
    for para in paragraphs[index + 1:]:
        m = _NUMBERED.match(para)
        if m:
            return m.group(1).startswith(number + ".")
        if _ARTICLE.match(para) or _PART.match(para):
            return False
    return False


def _group_loose(loose, document: str, source: str, kind: str) -> list[Chunk]:
    chunks: list[Chunk] = []
    group: list[tuple[int, str, tuple[str, ...]]] = []

    def flush():
        if group:
            first = group[0][0] + 1
            chunks.append(Chunk("", document, source, f"第{first}段", group[0][2],
                                "\n".join(p for _, p, _ in group), "", kind))
            group.clear()

    for item in loose:
        if group and (item[0] != group[-1][0] + 1 or item[2] != group[0][2]
                      or sum(len(p) for _, p, _ in group) + len(item[1]) > PARAGRAPH_GROUP_CHARS):
            flush()
        group.append(item)
    flush()
    return chunks


def _assign_ids(chunks: list[Chunk]) -> list[Chunk]:
    seen: dict[str, int] = {}
    for chunk in chunks:
        base = f"{chunk.document}#{chunk.clause}"
        count = seen.get(base, 0) + 1
        seen[base] = count
        chunk.id = base if count == 1 else f"{base}~{count}"
    return chunks
