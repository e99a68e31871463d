"""Templates and corpus ship inside the wheel; the installed `charter` works from any directory."""
import importlib.metadata
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _installed_files():
    try:
        dist = importlib.metadata.distribution("charter-assistant")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("charter-assistant is not installed (run `pip install .`)")
    files = [str(f) for f in dist.files or []]
    if not any(f.startswith("assistant/") for f in files):
        pytest.skip("editable install: no wheel contents to check")
    return files


def test_wheel_carries_templates_corpus_and_cli():
    files = _installed_files()
    for needed in ("assistant/_data/templates/charter/charter.yaml",
                   "assistant/_data/templates/application/application.yaml",
                   "assistant/_data/corpus/clauses.yaml", "assistant/_data/corpus/parameters.yaml",
                   "assistant/_data/corpus/examples/spec.yaml", "assistant/cli/main.py",
                   "assistant/retrieval/calibration.json", "assistant/retrieval/calibration-e5.json",
                   "assistant/retrieval/ranker.json", "assistant/retrieval/ranker-e5.json"):
        assert needed in files, needed


def test_installed_charter_runs_demo_from_another_directory(tmp_path):
    _installed_files()
    script = Path(sys.executable).with_name("charter")
    if not script.exists():
        script = shutil.which("charter")
    assert script, "console script `charter` missing"
    result = subprocess.run([str(script), "demo", "-o", "out"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["application.docx", "charter.docx", "spec.yaml"]
