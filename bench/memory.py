"""Memory figures of the running process, for benchmarks that run each case in a fresh one."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_kib() -> int:
    """This process's peak resident memory since its exec (``VmHWM``).

    ``getrusage``'s ``ru_maxrss`` would also count the parent's pages that the child had
    between fork and exec, so a parent that just filled a large database inflates it.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
