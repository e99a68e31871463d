"""Draft a charter or an establishment application from a validated spec."""
from __future__ import annotations

from pathlib import Path

from ..errors import AssistantError
from ..spec import Spec

DOCUMENT_KINDS = ("charter", "application")


def build_blocks(spec: Spec, kind: str, template_dir: Path | None = None) -> list:
    from .application import application_blocks
    from .charter import charter_blocks

    if kind == "charter":
        return charter_blocks(spec, template_dir)
    if kind == "application":
        return application_blocks(spec, template_dir)
    raise AssistantError(f"未知文件类型“{kind}”；可选：{'、'.join(DOCUMENT_KINDS)}")


def draft(spec: Spec, kind: str, out: str | Path, *, force: bool = False, template_dir: Path | None = None) -> Path:
    """Render `kind` ("charter" | "application") for `spec` to `out` (DOCX), atomically; never overwrites without force."""
    from ..render.docx import write_docx

    out = Path(out)
    if out.exists() and not force:
        from ..errors import OutputExistsError

        raise OutputExistsError("文件已存在，如需覆盖请使用 --force", where=str(out))
    blocks = build_blocks(spec, kind, template_dir)
    reference = Path(template_dir) / "reference.docx" if template_dir else None
    title = f"{spec.name}章程" if kind == "charter" else f"关于组建{spec.name}的申请"
    return write_docx(blocks, out, force=force,
                      reference=reference if reference and reference.is_file() else None, core_title=title)
