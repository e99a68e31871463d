"""The bundled example spec and the demo job (both documents from it)."""
from __future__ import annotations

from pathlib import Path

from .resources import corpus_dir

DEMO_FILES = {"spec": "spec.yaml", "charter": "charter.docx", "application": "application.docx"}


def example_spec_text() -> str:
    return (corpus_dir() / "examples" / "spec.yaml").read_text(encoding="utf-8")


def run_demo(out_dir: str | Path, *, force: bool = False) -> dict[str, Path]:
    """Write the example spec and both documents drafted from it into `out_dir`."""
    from .drafting import draft
    from .errors import OutputExistsError
    from .fsutil import atomic_write_text
    from .spec import load_spec

    out_dir = Path(out_dir)
    targets = {key: out_dir / name for key, name in DEMO_FILES.items()}
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing and not force:
        raise OutputExistsError(f"文件已存在：{'、'.join(existing)}；如需覆盖请使用 --force")
    atomic_write_text(targets["spec"], example_spec_text(), force=True)
    spec = load_spec(targets["spec"])
    for kind in ("charter", "application"):
        draft(spec, kind, targets[kind], force=True)
    return targets
