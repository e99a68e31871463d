"""Template files and the variables every template string sees."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import yamlio
from ..cn import cn_date
from ..errors import TemplateError
from ..render.text import evaluate, render_string
from ..resources import templates_dir
from ..spec import Spec


@dataclass
class Template:
    name: str
    path: Path
    data: dict

    def render(self, source: str, context: dict, where: str) -> str:
        """Render one string; template line breaks are joined without spaces, as Chinese text needs."""
        text = render_string(source, context, where=f"{self.path.name}: {where}")
        return "".join(line.strip(" \t\r") for line in text.splitlines())

    def when(self, entry: dict, context: dict, where: str) -> bool:
        condition = entry.get("when")
        return True if condition is None else bool(evaluate(condition, context, where=f"{self.path.name}: {where}"))


_CACHE: dict[Path, Template] = {}


def load_template(kind: str, template_dir: Path | None = None) -> Template:
    """templates/<kind>/<kind>.yaml, from `template_dir` when it has one, else the bundled copy."""
    path = templates_dir() / kind / f"{kind}.yaml"
    if template_dir is not None:
        if not Path(template_dir).is_dir():
            raise TemplateError("模板目录不存在", where=str(template_dir))
        custom = Path(template_dir) / kind / f"{kind}.yaml"
        if custom.is_file():
            path = custom
    path = path.resolve()
    if path not in _CACHE:
        data = yamlio.load_file(path)
        if not isinstance(data, dict):
            raise TemplateError("模板顶层应为映射", where=str(path))
        _CACHE[path] = Template(kind, path, data)
    return _CACHE[path]


def as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def template_context(spec: Spec) -> dict[str, Any]:
    kind = spec.org_kind
    params = spec.parameters
    return {
        "name": spec.name,
        "kind": spec.kind,
        "short": kind.short,
        "role": {"chair": kind.chair, "vice": kind.vice, "member": kind.member, "secretary": kind.secretary},
        "plenary": kind.plenary,
        "scheme": spec.scheme.model_dump(),
        "sponsor": spec.sponsor,
        "secretariat": spec.secretariat.model_dump(),
        "term_years": spec.term_years,
        "date": cn_date(spec.date),
        "p": params.nested(display=True),
        "v": params.nested(display=False),
    }
