"""Output file names from a pattern such as "{id}-{name}": sanitized, length-capped, unique, inside the out dir."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any, Mapping

from ..errors import AssistantError

DEFAULT_PATTERN = "{id}-{name}"
SUFFIX = ".docx"
PATTERN_FIELDS = {
    "id": "组织编号", "row": "所在行号", "name": "组织名称", "kind": "组织类型", "sponsor": "主管（指导）单位",
    "date": "文件日期", "term_years": "每届任期", "scheme.name": "认证制度名称", "scheme.owner": "认证方案所有者",
    "scheme.category": "认证制度类别", "secretariat.host": "秘书处承担单位",
}
MAX_CHARS = 80
MAX_BYTES = 200  # ext4/NTFS allow 255 bytes; keep room for the atomic-write temp prefix and suffix
FALLBACK = "未命名"

_FIELD = re.compile(r"\{([^{}]*)\}")
_RESERVED = re.compile(r'[/\\:*?"<>|]')
_DOTS = re.compile(r"\.{2,}")
_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)


class NamePattern:
    """A validated file-name pattern; fields are the names in PATTERN_FIELDS."""

    def __init__(self, pattern: str):
        text = pattern[: -len(SUFFIX)] if pattern.lower().endswith(SUFFIX) else pattern
        fields = _FIELD.findall(text)
        unknown = [f for f in fields if f not in PATTERN_FIELDS]
        if unknown or "{" in _FIELD.sub("", text) or "}" in _FIELD.sub("", text):
            allowed = "、".join("{" + k + "}" for k in PATTERN_FIELDS)
            bad = "、".join("{" + f + "}" for f in unknown) or "花括号不成对"
            raise AssistantError(f"文件名模式无效（{bad}）；可用字段：{allowed}", where="--name")
        if not fields:
            raise AssistantError("文件名模式至少应包含一个字段，如 {id}", where="--name")
        self.text = text

    def render(self, values: Mapping[str, Any]) -> str:
        """The raw (unsanitized) stem; a missing value becomes empty."""
        return _FIELD.sub(lambda m: _text(values.get(m.group(1))), self.text)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def sanitize(stem: str, *, max_chars: int = MAX_CHARS, max_bytes: int = MAX_BYTES - len(SUFFIX)) -> str:
    """A safe file-name stem: no separators, no "..", no reserved or control characters, capped in length."""
    text = unicodedata.normalize("NFC", stem)
    # Cc: control characters; Cf: invisible format characters such as U+202E, which can disguise an extension.
    text = "".join("_" if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") else ch for ch in text)
    text = _RESERVED.sub("_", text)
    text = _DOTS.sub("_", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"_{2,}", "_", text)
    text = _truncate(text.strip(" ._"), max_chars, max_bytes).rstrip(" .")
    text = text.lstrip(" .")  # no hidden files, no leading dot
    if not text:
        return FALLBACK
    if _DEVICE.match(text):
        text = "_" + text  # Windows device names (CON, NUL, COM1 …) cannot be file names
    return text


def _truncate(text: str, max_chars: int, max_bytes: int) -> str:
    text = text[:max_chars]
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    return text


class NameAllocator:
    """Hands out unique file names in one directory; a clash gets "-2", "-3" … (compared case-insensitively)."""

    def __init__(self, directory: Path, reserved: tuple[str, ...] = ()):
        self.directory = directory
        self._taken = {name.casefold() for name in reserved}

    def allocate(self, raw_stem: str) -> Path:
        stem = sanitize(raw_stem)
        candidate, number = stem, 1
        while (candidate + SUFFIX).casefold() in self._taken:
            number += 1
            tail = f"-{number}"
            candidate = _truncate(stem, MAX_CHARS - len(tail), MAX_BYTES - len(SUFFIX) - len(tail)) + tail
        name = candidate + SUFFIX
        self._taken.add(name.casefold())
        path = self.directory / name
        if path.parent != self.directory or Path(name).name != name:  # defence in depth; sanitize makes this unreachable
            raise AssertionError(f"unsafe output name {name!r}")
        return path
