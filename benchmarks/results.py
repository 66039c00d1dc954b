"""What the benchmark scripts share: the machine's description and RESULTS.md's sections."""

from __future__ import annotations

import os
import platform
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 2**20:.0f} GiB memory"
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs (nproc), {model}{memory}; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}"
    )


def replace_section(heading: str, text: str, path: Path = RESULTS) -> None:
    """Put `text` in place of the section `## heading` of RESULTS.md (appended if absent)."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    out, skipping, replaced = [], False, False
    for line in old.splitlines(keepends=True):
        if line.startswith("## "):
            skipping = line.strip() == f"## {heading}"
            if skipping and not replaced:
                out.append(text if text.endswith("\n") else text + "\n")
                out.append("\n")
                replaced = True
        if not skipping:
            out.append(line)
    if not replaced:
        if out and not out[-1].endswith("\n"):
            out.append("\n")
        out += ["\n", text]
    path.write_text("".join(out).rstrip() + "\n", encoding="utf-8")
