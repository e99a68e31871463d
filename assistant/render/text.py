"""The sandboxed jinja2 environment: templates render plain text; user values stay data."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Mapping

from ..cn import cn_date, cn_number
from ..errors import TemplateError


@lru_cache(maxsize=1)
def environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    # Output is text handed to python-docx, which escapes XML itself; escaping here would print "&amp;".
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    env.filters["cn"] = cn_number
    env.filters["cn_date"] = cn_date
    return env


@lru_cache(maxsize=4096)
def _compile(source: str):
    return environment().from_string(source)


def render_string(source: str, context: Mapping[str, Any], *, where: str) -> str:
    """Render one template string; errors name the template location."""
    from jinja2 import TemplateError as JinjaError

    try:
        return _compile(source).render(**context).strip(" \t\r\n")  # keep full-width spaces (U+3000)
    except JinjaError as err:
        raise TemplateError(f"模板错误：{err}", where=where) from None


@lru_cache(maxsize=1024)
def _compile_expression(expression: str):
    return environment().compile_expression(expression, undefined_to_none=False)


def evaluate(expression: str, context: Mapping[str, Any], *, where: str) -> Any:
    """Evaluate a `when:` condition."""
    from jinja2 import TemplateError as JinjaError

    try:
        return _compile_expression(expression)(**context)
    except JinjaError as err:
        raise TemplateError(f"条件表达式错误：{err}", where=where) from None
