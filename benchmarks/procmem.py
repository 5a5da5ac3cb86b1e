"""Read this process's memory figures from Linux /proc/self/status."""

from __future__ import annotations

from pathlib import Path


def proc_status_mb(field: str) -> float | None:
    """The value of a /proc/self/status field such as "VmRSS" or "VmHWM", in MB; None where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None
