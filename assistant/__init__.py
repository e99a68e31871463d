"""charter-assistant: draft charters and establishment applications, answer clause questions, offline.

Public API (imported lazily so that `import assistant` stays cheap):
    load_spec(path) -> Spec            validate_spec_data(dict) -> Spec
    check_composition(spec) -> list[Finding]
    draft(spec, "charter" | "application", out_path, force=False) -> Path
    run_batch(...), write_example(path)   (see assistant.batch)
    Index(dir).add(paths); answer(question, Index(dir).searcher()) -> Answer(text, citations)
"""
from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "load_spec": "assistant.spec",
    "validate_spec_data": "assistant.spec",
    "Spec": "assistant.spec",
    "check_composition": "assistant.rules",
    "draft": "assistant.drafting",
    "run_batch": "assistant.batch",
    "write_example": "assistant.batch",
    "read_members": "assistant.roster",
    "Index": "assistant.retrieval.index",
    "answer": "assistant.qa",
    "AssistantError": "assistant.errors",
    "SpecError": "assistant.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
