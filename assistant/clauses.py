"""The model clause set (示范条款集, corpus/clauses.yaml): clauses, headings, and their text with parameters filled in."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import yamlio
from .params import ParameterSet, parameter_set
from .render.text import render_string
from .resources import corpus_dir

PARAM_REF = re.compile(r"\b[pv]\.([a-z_]+(?:\.[a-z_]+)*)")


@dataclass(frozen=True)
class Clause:
    id: str
    title: str
    template: str
    params: tuple[str, ...]
    provenance: str
    heading_path: tuple[str, ...]

    @property
    def chapter(self) -> str:
        return self.id.split(".")[0]

    def render(self, params: ParameterSet) -> str:
        return render_string(self.template, {"p": params.nested(display=True), "v": params.nested(display=False)},
                             where=f"corpus/clauses.yaml: {self.id}")


@dataclass(frozen=True)
class ClauseText:
    """One clause with its values filled in, as the retrieval index and the trace table see it."""

    id: str
    title: str
    heading_path: tuple[str, ...]
    text: str
    params: dict[str, str]
    provenance: str


class ClauseLibrary:
    def __init__(self, title: str, label: str, notice: str, sections: dict[str, str], clauses: list[Clause],
                 subject: str = ""):
        self.title = title
        self.subject = subject  # what every clause is about (技术专家组织), though few clauses name it
        self.label = label
        self.notice = notice
        self.sections = sections
        self.clauses = clauses
        self._by_id = {c.id: c for c in clauses}

    def __contains__(self, clause_id: str) -> bool:
        return clause_id in self._by_id

    def get(self, clause_id: str) -> Clause:
        return self._by_id[clause_id]

    def texts(self, params: ParameterSet | None = None) -> list[ClauseText]:
        """Every clause rendered with `params` (defaults when None)."""
        params = params or parameter_set()[0]
        return [
            ClauseText(c.id, c.title, c.heading_path, c.render(params),
                       {name: params.display(name) for name in c.params}, c.provenance)
            for c in self.clauses
        ]


def _heading_path(clause_id: str, sections: dict[str, str]) -> tuple[str, ...]:
    parts = clause_id.split(".")
    path = []
    for depth in range(1, len(parts)):
        key = ".".join(parts[:depth])
        if key in sections:
            path.append(f"{key} {sections[key]}")
    return tuple(path)


@lru_cache(maxsize=1)
def load_library() -> ClauseLibrary:
    """Read corpus/clauses.yaml once."""
    raw = yamlio.load_file(corpus_dir() / "clauses.yaml")
    sections = {str(s["id"]): s["title"] for s in raw.get("sections", [])}
    clauses = [
        Clause(
            id=str(entry["id"]),
            title=entry["title"],
            template=entry["text"],
            params=tuple(entry.get("params") or ()),
            provenance=entry.get("provenance", ""),
            heading_path=_heading_path(str(entry["id"]), sections),
        )
        for entry in raw["clauses"]
    ]
    return ClauseLibrary(raw["title"], raw["label"], raw["notice"], sections, clauses, raw.get("subject", ""))


@lru_cache(maxsize=1)
def search_aliases() -> dict[str, tuple[str, ...]]:
    """corpus/clause_aliases.yaml: everyday words for what each clause rules (一家公司派几个人), added to its
    searchable text so questions in everyday words find it; not clause text, never shown."""
    raw = yamlio.load_file(corpus_dir() / "clause_aliases.yaml") or {}
    library = load_library()
    out = {}
    for clause_id, words in raw.items():
        clause_id = str(clause_id)
        if clause_id not in library:
            raise ValueError(f"corpus/clause_aliases.yaml：{clause_id} 不是 corpus/clauses.yaml 中的条款")
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise ValueError(f"corpus/clause_aliases.yaml：{clause_id} 的别称应为词语列表")
        out[clause_id] = tuple(w.strip() for w in words)
    return out


def referenced_params(template: str) -> set[str]:
    """Parameter names a template string prints or tests (p.X / v.X)."""
    return set(PARAM_REF.findall(template))
