"""Machine and version facts printed with every benchmark result."""
from __future__ import annotations

import importlib.metadata
import os
import platform


def machine_facts(packages: tuple[str, ...] = ("python-docx", "jinja2", "click", "pydantic")) -> list[str]:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    mem = "unknown"
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(next(line.split()[1] for line in f if line.startswith("MemTotal")))
            mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    versions = []
    for name in packages:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return [f"- machine: {platform.system()} {platform.machine()}, {os.cpu_count()} cores, {mem}, {cpu}",
            f"- Python {platform.python_version()}; " + ", ".join(versions)]
