"""The one place that finds the bundled templates/ and corpus/ (wheel or checkout)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """Return the bundled `templates` or `corpus` folder."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled data folder {name!r} not found next to {_PACKAGE}")


def templates_dir() -> Path:
    return data_dir("templates")


def corpus_dir() -> Path:
    return data_dir("corpus")
