"""Read this process's memory figures from Linux /proc/self/status."""

from __future__ import annotations

import resource
import sys
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


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB.

    Linux: VmHWM, because ru_maxrss survives exec and would report the parent's peak in a fresh subprocess.
    Elsewhere ru_maxrss (KB on Linux, bytes on macOS).
    """
    high_water = proc_status_mb("VmHWM")
    if high_water is not None:
        return high_water
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
