"""Runs whose process died (`kill -9`, an OOM kill, a reboot) hold their pool slots for ever, and every
later step of the `duckdb_warehouse` pool would wait for them. Before a load starts, the runs this
machine launched whose process is gone are marked failed and their slots freed, as are the slots of runs
that ended. Runs launched elsewhere (the daemon, another host) are left to Dagster's run monitoring.
"""

from __future__ import annotations

import os
import socket

import dagster as dg

PID_TAG = "newsevents/pid"
HOST_TAG = "newsevents/host"
LIVE_STATUSES = (dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED)


def process_tags() -> dict[str, str]:
    """Tags that say which process runs a run, so a later load can tell whether it is still alive."""
    return {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}


def is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # a process of another user
    return True


def is_dead(run: dg.DagsterRun) -> bool:
    """Whether a run launched on this machine lost its process."""
    pid, host = run.tags.get(PID_TAG), run.tags.get(HOST_TAG)
    if pid is None or host != socket.gethostname() or not pid.isdigit():
        return False
    return int(pid) != os.getpid() and not is_alive(int(pid))


def free_dead_runs(instance: dg.DagsterInstance) -> list[str]:
    """Mark the runs of dead processes failed and free the pool slots of runs that are not running;
    returns the ids of the runs whose slots were freed."""
    freed = []
    for run_id in sorted(instance.event_log_storage.get_concurrency_run_ids()):
        run = instance.get_run_by_id(run_id)
        if run is not None and run.status in LIVE_STATUSES:
            if not is_dead(run):
                continue
            instance.report_run_failed(run, "its process is gone (killed?); marked failed and its pool slots freed by a later load")
        instance.event_log_storage.free_concurrency_slots_for_run(run_id)
        freed.append(run_id)
    return freed
