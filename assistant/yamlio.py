"""The one YAML/JSON loader: user files get errors with line and column."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import AssistantError

MAX_INPUT_BYTES = 5 * 1024 * 1024


def load_file(path: str | Path, *, max_bytes: int = MAX_INPUT_BYTES) -> Any:
    """Parse a .yaml/.yml/.json file; raise AssistantError naming the file, line and column."""
    from .fsutil import check_input_file

    path = Path(path)
    check_input_file(path, max_bytes=max_bytes)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise AssistantError(f"不是 UTF-8 编码的文本（第 {err.start} 字节）", where=str(path)) from None
    except OSError as err:
        raise AssistantError(f"无法读取文件：{err.strerror}", where=str(path)) from None
    return loads(text, where=str(path), json_syntax=path.suffix.lower() == ".json")


def loads(text: str, *, where: str = "", json_syntax: bool = False) -> Any:
    if json_syntax:
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise AssistantError(f"JSON 语法错误（第 {err.lineno} 行第 {err.colno} 列）：{err.msg}", where=where) from None
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        pos = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else "位置未知"
        raise AssistantError(f"YAML 语法错误（{pos}）：{err.problem or err}", where=where) from None
    except yaml.YAMLError as err:
        raise AssistantError(f"YAML 语法错误：{err}", where=where) from None


def _loader():
    """SafeLoader that keeps dates as text: a bad date like 2026-02-30 then gets a field-level message."""
    import yaml

    class TextDateLoader(yaml.SafeLoader):
        pass

    TextDateLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return TextDateLoader


def dump_yaml(data: Any) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
