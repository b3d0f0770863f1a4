"""Where partitions run: in this process (``local``, the default) or on a Dask cluster (``dask``).

Both call the same function on the same partitions and return results in partition order, so
their outputs are the same, byte for byte.  A partition task is a pure function of its input
range (it writes its outputs atomically under its own name), so Dask may run it again after a
worker dies — a retried partition replaces its own files and is merged once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tqcheck.errors import InputError, MissingExtraError

if TYPE_CHECKING:
    from tqcheck.audit import FileResult
    from tqcheck.checks.registry import Rule
    from tqcheck.config import Settings

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")

T = TypeVar("T")
R = TypeVar("R")

#: Times Dask runs a task again after it raised (worker deaths are retried by the scheduler
#: itself, up to ``distributed.scheduler.allowed-failures``).
RETRIES = 2


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise MissingExtraError("--engine dask", "dask") from None
    return distributed


@contextmanager
def dask_client(scheduler: str | None, workers: int | None = None) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, or of a local cluster of worker processes."""
    distributed = _distributed()
    if scheduler:
        try:
            import dask

            # Dask's connect timeout (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT).
            timeout = dask.config.get("distributed.comm.timeouts.connect", "30s")
            client = distributed.Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
        try:
            yield client
        finally:
            client.close()
        return
    from tqcheck.audit import default_jobs

    n = workers or default_jobs()
    with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


def map_ordered(func: Callable[[T], R], items: Sequence[T], engine: str = "local",
                scheduler: str | None = None, workers: int | None = None,
                name: str = "tqcheck") -> Iterator[R]:
    """``func`` over ``items``, results in the order of ``items``."""
    if engine == "local":
        for item in items:
            yield func(item)
        return
    if engine != "dask":
        raise InputError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    if not items:
        return
    import uuid

    token = uuid.uuid4().hex[:12]
    with dask_client(scheduler, workers) as client:
        futures = client.map(func, items, key=[f"{name}-{token}-{i}" for i in range(len(items))],
                             retries=RETRIES, pure=False)
        try:
            for future in futures:
                yield future.result()
        finally:
            client.cancel(futures)


# --- audit on a cluster -----------------------------------------------------------------------


def _run_audit_task(task: tuple[Any, ...]) -> Any:
    kind = task[0]
    if kind == "part":
        from tqcheck.bitext.audit import audit_partition

        return audit_partition(task[1], task[2])
    from pathlib import Path

    from tqcheck.audit import audit_file
    from tqcheck.checks.registry import all_rules

    _, path, settings, codes = task
    by_code = {r.code: r for r in all_rules()}
    return audit_file(Path(path), settings, [by_code[c] for c in codes])


def dask_runner(scheduler: str | None, workers: int | None = None,
                size: int | None = None) -> Callable[..., Iterator[Any]]:
    """A :data:`tqcheck.audit.Runner` that audits on a Dask cluster: a corpus file in
    partitions, any other file as one task."""
    from tqcheck.bitext.records import DEFAULT_PARTITION_RECORDS

    part_size = size or DEFAULT_PARTITION_RECORDS

    def run(files: list[tuple[Path, str]], settings: Settings, rules: Sequence[Rule], jobs: int
            ) -> Iterator[FileResult]:
        from tqcheck.audit import FileResult
        from tqcheck.bitext.audit import make_job, merge_audit, spec_for
        from tqcheck.bitext.records import corpus_format, plan_partitions
        from tqcheck.model import FileError

        codes = tuple(r.code for r in rules)
        tasks: list[tuple[Any, ...]] = []
        # Per file: a result known now (an error), or the job and how many tasks it has.
        layout: list[Any] = []
        for path, shown in files:
            fmt = corpus_format(path, settings.read.format_in)
            if not fmt:
                tasks.append(("file", str(path.resolve()), settings, codes))
                layout.append(str(path.resolve()))
                continue
            try:
                job = make_job(path.resolve(), spec_for(path, fmt, settings), settings, rules)
                parts = plan_partitions(path, job.spec, part_size)
            except InputError as exc:
                layout.append(FileResult([], error=FileError(shown, str(exc))))
                continue
            tasks.extend(("part", job, p) for p in parts)
            layout.append((job, len(parts)))
        results = map_ordered(_run_audit_task, tasks, "dask", scheduler, workers, "tqcheck-audit")
        for (_, shown), item in zip(files, layout, strict=True):
            if isinstance(item, FileResult):
                yield item
            elif isinstance(item, str):
                yield renamed(next(results), shown, item)
            else:
                job, n = item
                merged = merge_audit(job, [next(results) for _ in range(n)])
                # Paths as the user gave them, as the local engine reports them.
                yield renamed(merged, shown, job.path)

    return run


def renamed(result: FileResult, path: str, resolved: str) -> FileResult:
    """``result`` with the path ``resolved`` shown as ``path`` (as the user gave it)."""
    from dataclasses import replace

    if path == resolved:
        return result
    result.findings = [replace(f, path=path) for f in result.findings]
    if result.summary:
        result.summary = replace(result.summary, path=path)
    if result.error:
        result.error = replace(result.error, path=path,
                               message=result.error.message.replace(resolved, path))
    result.notes = [n.replace(resolved, path) for n in result.notes]
    return result
