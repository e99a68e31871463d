"""`run_batch`: one document per organization, drafted in worker processes, with a report of every row.

Memory stays bounded: at most `jobs * IN_FLIGHT_PER_JOB` spec dicts exist at a time, workers write their own
files, and the parent keeps one small Outcome per organization. Ctrl-C (SIGINT) or SIGTERM stops submitting,
lets the running drafts finish (each file is written atomically), marks the rest "cancelled" and still writes
the report; a second signal terminates the workers, and any temp file they leave is removed, as is a document a
terminated worker finished but never reported: the report and the folder always agree.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..errors import AssistantError, OutputExistsError
from . import worker
from .naming import DEFAULT_PATTERN, NameAllocator, NamePattern
from .report import CANCELLED, FAILED, INVALID, OK, REPORT_CSV, REPORT_JSON, Outcome, Problem, Summary, write_reports
from .sources import Provenance, Record, Source, open_source

DOCUMENT_KINDS = ("application", "charter")
IN_FLIGHT_PER_JOB = 4
POLL_SECONDS = 0.2
TERMINATE_GRACE_SECONDS = 10.0  # after a second signal, how long to wait for the pool to report the killed drafts
MAX_LISTED = 20


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    summary: Summary
    report_csv: Path
    report_json: Path
    seconds: float
    jobs: int
    signal: int | None = None          # the signal that cancelled the run
    broken: bool = False               # a worker process died

    @property
    def cancelled(self) -> bool:
        return self.signal is not None


@dataclass
class _Planned:
    record: Record
    outcome: Outcome
    path: Path | None = None           # None: invalid before drafting (no id, duplicate id)


@dataclass
class _Signals:
    received: list[int] = field(default_factory=list)

    def handle(self, signum, frame) -> None:  # only notes it; the loop decides, so no exception lands in pool code
        self.received.append(signum)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def run_batch(input_path: str | Path, *, kind: str, out_dir: str | Path, members: str | Path | None = None,
              jobs: int | None = None, name_pattern: str = DEFAULT_PATTERN, force: bool = False,
              strict: bool = False, on_start: Callable[[int], None] | None = None,
              on_result: Callable[[Outcome], None] | None = None) -> BatchResult:
    """Draft `kind` for every organization of the input into `out_dir`; bad rows are reported and skipped."""
    started, clock, started_ns = dt.datetime.now().astimezone(), time.perf_counter(), time.time_ns()
    if kind not in DOCUMENT_KINDS:
        raise AssistantError(f"未知文件类型“{kind}”；可选：{'、'.join(DOCUMENT_KINDS)}", where="--kind")
    if jobs is not None and jobs < 1:
        raise AssistantError("应为正整数", where="--jobs")
    pattern = NamePattern(name_pattern)
    out_dir = Path(out_dir).absolute()
    if out_dir.exists() and not out_dir.is_dir():
        raise AssistantError("输出目录是一个文件", where=str(out_dir))
    jobs = jobs or default_jobs()
    # Workers start first: they import the renderer while the parent reads the input, and they are forked
    # before the input is in memory, so they do not carry a copy of it.
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=worker.initialize)
    stopped, broken = None, False
    try:
        executor.submit(worker.ready)
        read_start = time.perf_counter()
        source = open_source(input_path, members=members)
        read_seconds = time.perf_counter() - read_start
        plan = _plan(source, pattern, out_dir)
        _refuse_existing(plan, out_dir, force)
        out_dir.mkdir(parents=True, exist_ok=True)
        if on_start:
            on_start(len(plan))
        stopped, broken = _execute(executor, source, plan, kind=kind, force=force, strict=strict, jobs=jobs,
                                   on_result=on_result)
    finally:
        executor.shutdown(wait=stopped is None or len(stopped) < 2, cancel_futures=True)
    _remove_temp_files(out_dir, plan)
    _remove_unreported_documents(plan, since_ns=started_ns)
    outcomes = [p.outcome for p in plan]
    seconds = time.perf_counter() - clock
    meta = {"input": str(input_path), "members": str(members) if members else None, "kind": kind,
            "out_dir": str(out_dir), "name_pattern": pattern.text, "jobs": jobs, "strict": strict, "force": force,
            "status": "cancelled" if stopped else "incomplete" if broken else "complete",
            "signal": signal.Signals(stopped[0]).name if stopped else None,
            "started": started.isoformat(timespec="seconds"), "seconds": round(seconds, 3),
            "read_seconds": round(read_seconds, 3)}
    csv_path, json_path = write_reports(out_dir, outcomes, meta)
    return BatchResult(outcomes, Summary.of(outcomes), csv_path, json_path, seconds, jobs,
                       stopped[0] if stopped else None, broken)


def _plan(source: Source, pattern: NamePattern, out_dir: Path) -> list[_Planned]:
    """An Outcome and a unique file name for every organization, in input order; id problems found here."""
    allocator = NameAllocator(out_dir, reserved=(REPORT_CSV, REPORT_JSON))
    plan = []
    for record in source.records:
        fields = source.fields(record)
        name = fields.get("name")
        location = source.location(record)
        outcome = Outcome(record.seq, record.id, "" if name is None else str(name), location.sheet, location.row)
        planned = _Planned(record, outcome)
        if record.id is None:
            outcome.status = INVALID
            outcome.problems.append(Problem.at(source.location(record, "id"), "缺少组织编号（id）", "id"))
        elif record.duplicate_of is not None:
            outcome.status = INVALID
            outcome.problems.append(Problem.at(source.location(record, "id"),
                                               f"组织编号“{record.id}”重复（另见第 {record.duplicate_of} 行）", "id"))
        else:
            planned.path = allocator.allocate(pattern.render({**fields, "id": record.id, "row": record.row}))
        plan.append(planned)
    for group in source.orphans:
        first = group.locations[0]
        reason = (f"成员的组织编号“{group.org_id}”在组织表中不存在" if group.org_id is not None
                  else "成员行缺少组织编号（org_id）")
        outcome = Outcome(len(plan), group.org_id, "", first.sheet, first.row, INVALID,
                          problems=[Problem.at(loc, reason, "org_id") for loc in group.locations])
        plan.append(_Planned(Record(len(plan), first.row or 0, group.org_id, None), outcome))
    return plan


def _refuse_existing(plan: list[_Planned], out_dir: Path, force: bool) -> None:
    if force or not out_dir.is_dir():
        return
    targets = [p.path for p in plan if p.path is not None] + [out_dir / REPORT_CSV, out_dir / REPORT_JSON]
    existing = [t.name for t in targets if t.exists() or t.is_symlink()]
    if existing:
        listed = "\n".join("  " + name for name in existing[:MAX_LISTED])
        more = f"\n  ……共 {len(existing)} 个" if len(existing) > MAX_LISTED else ""
        raise OutputExistsError(f"以下 {len(existing)} 个文件已存在，未指定 --force 时不覆盖：\n{listed}{more}",
                                where=str(out_dir))


def _tasks(source: Source, plan: list[_Planned], kind: str, force: bool,
           strict: bool) -> Iterator[tuple[_Planned, Provenance, worker.Task]]:
    for planned in plan:
        if planned.path is None:
            continue
        data, provenance = source.build(planned.record)  # built just before submission: bounded memory
        yield planned, provenance, worker.Task(planned.record.seq, data, str(planned.path), kind, force, strict)


@contextlib.contextmanager
def _signals_noted() -> Iterator[_Signals]:
    state = _Signals()
    if threading.current_thread() is not threading.main_thread():
        yield state
        return
    previous = {s: signal.signal(s, state.handle) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield state
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _execute(executor: ProcessPoolExecutor, source: Source, plan: list[_Planned], *, kind: str, force: bool,
             strict: bool, jobs: int, on_result) -> tuple[list[int] | None, bool]:
    """Submit with a bounded queue, collect outcomes; returns (signals received, whether the pool broke)."""
    for planned in plan:
        if planned.outcome.status == INVALID and on_result:
            on_result(planned.outcome)
    pending = _tasks(source, plan, kind, force, strict)
    in_flight: dict[Future, tuple[_Planned, Provenance]] = {}
    broken = cancel_requested = False
    terminated_at: float | None = None
    workers = getattr(executor, "_processes", None) or {}  # no public API; shutdown() drops the attribute
    with _signals_noted() as signals:
        while True:
            stopping = bool(signals.received) or broken
            while not stopping and len(in_flight) < jobs * IN_FLIGHT_PER_JOB:
                item = next(pending, None)
                if item is None:
                    break
                planned, provenance, task = item
                try:
                    in_flight[executor.submit(worker.process, task)] = (planned, provenance)
                except BrokenProcessPool:
                    broken = stopping = True
            if stopping and not cancel_requested:
                # the pool's own thread cancels what has not started (running drafts finish and are kept):
                # cancelling futures from here races with that thread when the pool breaks, and Python 3.11's
                # terminate_broken then dies on a cancelled future, leaving the running ones unresolved forever
                executor.shutdown(wait=False, cancel_futures=True)
                cancel_requested = True
            if len(signals.received) >= 2 and terminated_at is None:
                _terminate(workers)
                terminated_at = time.monotonic()
            if not in_flight:
                break
            if terminated_at is not None and time.monotonic() - terminated_at > TERMINATE_GRACE_SECONDS:
                break  # the workers are gone; whatever the pool has not reported by now stays "cancelled"
            done, _ = wait(in_flight, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            done |= {f for f in in_flight if f.cancelled()}  # cancelled by the pool: wait() never reports them
            for future in done:
                planned, provenance = in_flight.pop(future)
                broken |= _record(future, planned, provenance, cancelling=bool(signals.received))
                if on_result:
                    on_result(planned.outcome)
    return (list(signals.received) or None), broken


def _record(future: Future, planned: _Planned, provenance: Provenance, *, cancelling: bool) -> bool:
    """Fill the outcome from a finished future; True when the worker process died."""
    outcome = planned.outcome
    if future.cancelled():
        return False
    error = future.exception()
    if isinstance(error, BrokenProcessPool):
        if not cancelling:  # a worker killed by our own stop is a cancellation, not a failure
            outcome.status, outcome.error = FAILED, "工作进程意外退出，本组织未完成"
        return True
    if error is not None:
        outcome.status, outcome.error = FAILED, f"{type(error).__name__}: {error}"
        return False
    result = future.result()
    outcome.status = result["status"]
    outcome.seconds = result["seconds"]
    outcome.findings = result["findings"]
    outcome.error = result["error"]
    outcome.problems = [Problem.at(provenance.locate(path), reason, path) for path, reason in result["problems"]]
    if outcome.status == OK:
        outcome.output = planned.path.name
    return False


def _terminate(workers: dict) -> None:
    """Second Ctrl-C: stop the workers now; their temp files are removed afterwards."""
    for process in list(workers.values()):
        with contextlib.suppress(ProcessLookupError, OSError):
            process.terminate()


def _remove_unreported_documents(plan: list[_Planned], *, since_ns: int) -> None:
    """A worker terminated after writing its document but before reporting it leaves a complete file behind a
    "cancelled" row; remove such files written by this run, so that every document in the folder is one the report
    lists as done (an older file kept under --force is not this run's and stays)."""
    for planned in plan:
        path = planned.path
        if planned.outcome.status != CANCELLED or path is None:
            continue
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_mtime_ns >= since_ns:
                path.unlink()


def _remove_temp_files(out_dir: Path, plan: list[_Planned]) -> None:
    """Remove atomic-write temp files (".NAME.xxxx.part") of our own targets left by a terminated worker."""
    if not out_dir.is_dir():
        return
    targets = {p.path.name for p in plan if p.path is not None}
    for entry in os.scandir(out_dir):
        name = entry.name
        if name.startswith(".") and name.endswith(".part") and name[1:-5].rpartition(".")[0] in targets:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
