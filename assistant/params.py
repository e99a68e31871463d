"""Clause parameters: the numbers of the model clause set, their ranges and provenance (corpus/parameters.yaml)."""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import Any, Mapping

from . import yamlio
from .cn import cn_fraction, percent
from .resources import corpus_dir

TYPES = ("int", "share", "fraction", "bool", "choice", "monthday")


@dataclass
class Parameter:
    name: str
    label: str
    type: str
    default: Any
    provenance: str
    source: str
    min: Any = None
    max: Any = None
    unit: str = ""
    choices: tuple[str, ...] = ()
    default_value: Any = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.default_value = self.coerce(self.default)

    def coerce(self, raw: Any) -> Any:
        """Return the typed value of `raw`, or raise ValueError with a Chinese reason."""
        if self.type == "int":
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise ValueError(f"应为整数，实际为 {raw!r}")
            value = raw
        elif self.type == "share":
            if isinstance(raw, bool) or not isinstance(raw, (int, float)):
                raise ValueError(f"应为 0 到 1 之间的小数，实际为 {raw!r}")
            value = float(raw)
        elif self.type == "fraction":
            try:
                value = Fraction(str(raw))
            except (ValueError, ZeroDivisionError):
                raise ValueError(f"应为分数，如 \"2/3\"，实际为 {raw!r}") from None
        elif self.type == "bool":
            if not isinstance(raw, bool):
                raise ValueError(f"应为 true 或 false，实际为 {raw!r}")
            return raw
        elif self.type == "choice":
            if raw not in self.choices:
                raise ValueError(f"取值应为 {'、'.join(self.choices)} 之一，实际为 {raw!r}")
            return raw
        else:  # monthday
            text = str(raw)
            try:
                month, day = (int(x) for x in text.split("-"))
                if not (1 <= month <= 12 and 1 <= day <= 31):
                    raise ValueError
            except ValueError:
                raise ValueError(f"应为“月-日”，如 \"01-31\"，实际为 {raw!r}") from None
            return f"{month:02d}-{day:02d}"
        low, high = self._bound(self.min), self._bound(self.max)
        if (low is not None and value < low) or (high is not None and value > high):
            raise ValueError(f"超出允许范围 {self.display(low)}～{self.display(high)}，实际为 {self.display(value)}")
        return value

    def _bound(self, bound: Any) -> Any:
        if bound is None:
            return None
        return Fraction(str(bound)) if self.type == "fraction" else bound

    def display(self, value: Any) -> str:
        """The form used in document text: 15, 50%, 三分之二, 1月31日."""
        if self.type == "share":
            return percent(value)
        if self.type == "fraction":
            return cn_fraction(Fraction(str(value)))
        if self.type == "monthday":
            month, day = (int(x) for x in str(value).split("-"))
            return f"{month}月{day}日"
        if self.type == "bool":
            return "是" if value else "否"
        return str(value)


@dataclass
class ParameterSet:
    """Typed values for every parameter: defaults overridden by a spec."""

    definitions: Mapping[str, Parameter]
    values: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def display(self, name: str) -> str:
        return self.definitions[name].display(self.values[name])

    def nested(self, *, display: bool) -> dict[str, Any]:
        """{"members": {"min": ...}} for templates: display strings or raw values."""
        tree: dict[str, Any] = {}
        for name, value in self.values.items():
            node = tree
            *parents, leaf = name.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = self.display(name) if display else _plain(value)
        return tree


def _plain(value: Any) -> Any:
    return float(value) if isinstance(value, Fraction) else value


@lru_cache(maxsize=1)
def load_parameters() -> Mapping[str, Parameter]:
    """Read corpus/parameters.yaml once."""
    path = corpus_dir() / "parameters.yaml"
    raw = yamlio.load_file(path)
    defs: dict[str, Parameter] = {}
    for name, entry in raw.items():
        if entry.get("type") not in TYPES:
            raise ValueError(f"{path}: {name}: unknown type {entry.get('type')!r}")
        param = Parameter(
            name=name,
            label=entry["label"],
            type=entry["type"],
            default=entry["default"],
            provenance=entry["provenance"],
            source=entry["source"],
            min=entry.get("min"),
            max=entry.get("max"),
            unit=entry.get("unit", ""),
            choices=tuple(entry.get("choices", ())),
        )
        defs[name] = param
    return defs


def parameter_set(overrides: Mapping[str, Any] | None = None) -> tuple[ParameterSet, list[tuple[str, str]]]:
    """Defaults with `overrides` applied; returns (set, problems) where problems are (name, reason)."""
    defs = load_parameters()
    params = ParameterSet(defs, {name: p.default_value for name, p in defs.items()})
    problems: list[tuple[str, str]] = []
    for name, raw in (overrides or {}).items():
        if name not in defs:
            problems.append((name, "未知参数"))
            continue
        try:
            params.values[name] = defs[name].coerce(raw)
        except ValueError as err:
            problems.append((name, str(err)))
    return params, problems


def flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"members": {"max": 25}} and {"members.max": 25} both -> {"members.max": 25}."""
    flat: dict[str, Any] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and name not in load_parameters():
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat
