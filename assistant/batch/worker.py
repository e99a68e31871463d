"""What a worker process does with one organization: validate (the one spec path), check composition, draft."""
from __future__ import annotations

import os
import signal
import time
import traceback
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import AssistantError, SpecError


class Task(NamedTuple):
    seq: int
    data: Any           # the spec dict as read; validated here, in the worker
    out: str            # absolute output path inside the out dir
    kind: str           # "application" | "charter"
    force: bool
    strict: bool


def initialize() -> None:
    """Worker start-up: leave Ctrl-C to the parent, and pay the imports once while the parent reads the input."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .. import drafting, rules  # noqa: F401


def ready() -> int:
    return os.getpid()


def process(task: Task) -> dict[str, Any]:
    """Outcome fields for one organization; a bug is reported as "failed" with its traceback, not raised."""
    from ..drafting import draft
    from ..rules import check_composition
    from ..spec import validate_spec_data

    start = time.perf_counter()
    result: dict[str, Any] = {"seq": task.seq, "status": "ok", "problems": [], "findings": [], "error": ""}
    try:
        spec = validate_spec_data(task.data)
    except SpecError as err:
        result.update(status="invalid", problems=list(err.problems))
    else:
        try:
            findings = check_composition(spec)
            result["findings"] = [f.as_dict() for f in findings]
            if any(f.severity == "error" or task.strict for f in findings):
                result["status"] = "invalid"
            else:
                draft(spec, task.kind, Path(task.out), force=task.force)
        except AssistantError as err:
            result.update(status="failed", error=str(err))
        except Exception:  # a bug: keep the traceback in the report, carry on with the other organizations
            result.update(status="failed", error=traceback.format_exc())
    result["seconds"] = time.perf_counter() - start
    return result
