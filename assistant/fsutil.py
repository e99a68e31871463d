"""Atomic file writes: a temp file in the target folder, then os.replace; nothing half-written is left."""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator

from .errors import AssistantError, OutputExistsError


_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextlib.contextmanager
def atomic_path(target: str | Path, *, force: bool = False) -> Iterator[Path]:
    """Yield a temp path beside `target`; on success it replaces `target`, on any error it is removed."""
    target = Path(target)
    if target.exists() and not force:
        raise OutputExistsError("文件已存在，如需覆盖请使用 --force", where=str(target))
    if target.is_dir():
        raise AssistantError("输出路径是一个目录", where=str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as err:
        raise AssistantError(f"无法写入：{err.strerror}", where=str(target)) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the file the mode a plain open() would
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def atomic_write_bytes(target: str | Path, data: bytes, *, force: bool = False) -> Path:
    with atomic_path(target, force=force) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def atomic_write_text(target: str | Path, text: str, *, force: bool = False) -> Path:
    return atomic_write_bytes(target, text.encode("utf-8"), force=force)


def check_input_file(path: Path, *, max_bytes: int, error: type[AssistantError] = AssistantError) -> int:
    """Raise `error` naming `path` unless it is a readable file of at most `max_bytes`; return its size."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise error(f"无法读取文件：{err.strerror}", where=str(path)) from None
    if path.is_dir():
        raise error("应为文件，实际为目录", where=str(path))
    if size > max_bytes:
        raise error(f"文件过大（{size} 字节，上限 {max_bytes} 字节）", where=str(path))
    return size
