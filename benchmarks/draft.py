"""Drafting speed: both documents for a 21-member spec (median of 10), and `charter --help` start-up.

Run: python benchmarks/draft.py [--write]   (--write replaces the "## Drafting" section of benchmarks/RESULTS.md)
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _machine import machine_facts  # noqa: E402
from results import replace_section  # noqa: E402


def spec_21():
    from assistant import yamlio
    from assistant.resources import corpus_dir
    from assistant.spec import validate_spec_data

    data = yamlio.load_file(corpus_dir() / "examples" / "spec.yaml")
    data["members"] = [m for m in data["members"] if m["stakeholder"] != "监管部门"]
    assert len(data["members"]) == 21
    return validate_spec_data(data)


def time_drafts(runs: int = 10) -> dict[str, list[float]]:
    from assistant.drafting import draft

    spec = spec_21()
    out = {"charter": [], "application": [], "both": []}
    with tempfile.TemporaryDirectory() as tmp:
        draft(spec, "application", Path(tmp) / "warm.docx")  # imports and template parsing, once
        for i in range(runs):
            t0 = time.perf_counter()
            draft(spec, "charter", Path(tmp) / f"c{i}.docx")
            t1 = time.perf_counter()
            draft(spec, "application", Path(tmp) / f"a{i}.docx")
            t2 = time.perf_counter()
            out["charter"].append(t1 - t0)
            out["application"].append(t2 - t1)
            out["both"].append(t2 - t0)
    return out


def time_first_draft_in_new_process() -> float:
    code = ("import time,sys,tempfile,pathlib; t=time.perf_counter(); sys.path.insert(0, 'benchmarks');"
            "import draft as d; from assistant.drafting import draft; s=d.spec_21(); p=pathlib.Path(tempfile.mkdtemp());"
            "draft(s,'charter',p/'c.docx'); draft(s,'application',p/'a.docx'); print(time.perf_counter()-t)")
    return float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout)


def time_help(runs: int = 10) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cli.main", "--help"], cwd=ROOT, capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    drafts = time_drafts()
    cold = statistics.median(time_first_draft_in_new_process() for _ in range(3))
    helps = time_help()
    ms = lambda xs: f"{statistics.median(xs) * 1000:.0f} ms"  # noqa: E731
    lines = [
        "## Drafting",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} with `python benchmarks/draft.py --write`.",
        *machine_facts(),
        "",
        "| measure | median | target |",
        "|---|---|---|",
        f"| charter, 21 members (warm process, 10 runs) | {ms(drafts['charter'])} | |",
        f"| application incl. annexed charter (warm, 10 runs) | {ms(drafts['application'])} | |",
        f"| both documents together (warm, 10 runs) | {ms(drafts['both'])} | ≤ 500 ms |",
        f"| both documents in a new process, imports included (3 runs) | {cold * 1000:.0f} ms | |",
        f"| `charter --help` start-up (`python -m cli.main --help`, 10 runs) | {ms(helps)} | ≤ 300 ms |",
        "",
        f"Spread of 'both' over 10 runs: min {min(drafts['both']) * 1000:.0f} ms, max {max(drafts['both']) * 1000:.0f} ms.",
    ]
    text = "\n".join(lines)
    print(text)
    if "--write" in sys.argv:
        replace_section(ROOT / "benchmarks" / "RESULTS.md", "## Drafting", text)


if __name__ == "__main__":
    main()
