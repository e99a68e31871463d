"""Replace one `## Section` of benchmarks/RESULTS.md, leaving the others as they are."""
from __future__ import annotations

import re
from pathlib import Path

HEADER = "# Benchmark results\n\nEach section is written by its script in `benchmarks/`; rerun the script to refresh it.\n"


def replace_section(path: Path, heading: str, body: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    block = body.rstrip() + "\n\n"
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block
    path.write_text(text, encoding="utf-8")
