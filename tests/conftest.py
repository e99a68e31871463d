"""Shared fixtures: the example spec, the shared law texts (skipped when ../shared is absent)."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAWS_DIR = ROOT.parent / "shared" / "reference" / "laws"


@pytest.fixture(scope="session")
def example_spec_path() -> Path:
    from assistant.resources import corpus_dir

    return corpus_dir() / "examples" / "spec.yaml"


@pytest.fixture()
def example_spec_data(example_spec_path) -> dict:
    """A fresh, mutable copy of the example spec as parsed data."""
    from assistant import yamlio

    return copy.deepcopy(yamlio.load_file(example_spec_path))


@pytest.fixture(scope="session")
def laws_dir() -> Path:
    if not LAWS_DIR.is_dir():
        pytest.skip("../shared/reference/laws is not available")
    return LAWS_DIR


@pytest.fixture(scope="session")
def law_index_dir(laws_dir, tmp_path_factory) -> Path:
    """An index of the 14 shared law files (plus the model clause set), built once; tests only read it."""
    from assistant.retrieval.index import Index

    directory = tmp_path_factory.mktemp("laws") / "index"
    Index(directory).add(sorted(p for p in laws_dir.glob("*.md") if p.name != "SOURCES.md"))
    return directory


@pytest.fixture(scope="session")
def law_searcher(law_index_dir):
    from assistant.retrieval.index import Index

    return Index(law_index_dir).searcher()


@pytest.fixture()
def write_spec(tmp_path):
    """Write spec data to a YAML file in tmp_path and return its path."""
    from assistant.yamlio import dump_yaml

    def write(data: dict, name: str = "spec.yaml") -> Path:
        path = tmp_path / name
        path.write_text(dump_yaml(data), encoding="utf-8")
        return path

    return write


@pytest.fixture()
def run_cli():
    """Invoke the `charter` CLI in-process; returns click's Result."""
    from click.testing import CliRunner

    from cli.main import cli

    def run(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, [str(a) for a in args], input=input)

    return run
