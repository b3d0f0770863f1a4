"""``--engine dask`` on a real cluster: a scheduler and two worker processes on 127.0.0.1.

The kept and dropped files and the JSON report must be the local engine's, byte for byte, also
when a worker is killed while partitions are in flight (Dask runs its tasks again elsewhere; no
record is lost or written twice).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from tests.conftest import ROOT
from tests.test_bitext import PAIRS
from tqcheck.cli import main

pytestmark = pytest.mark.slow

PRELOAD = ROOT / "tests" / "dask_slow_worker.py"
FIELDS = ["--text-field", "tgt", "--source-field", "src", "--id-field", "id", "--lang", "de",
          "--source-lang", "en"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env["DASK_DISTRIBUTED__WORKER__DAEMON"] = "False"
    return env


def _corpus(folder: Path, copies: int = 60) -> Path:
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        n = 0
        for _ in range(copies):
            for s, t in PAIRS:
                n += 1
                fh.write(json.dumps({"id": f"r{n}", "src": s, "tgt": t}, ensure_ascii=False) + "\n")
    return path


def _wait_for(path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} did not appear")
        time.sleep(0.05)


@contextlib.contextmanager
def cluster(folder: Path, workers: int = 2, delay: float = 0.0,
            extra_env: dict[str, str] | None = None
            ) -> Iterator[tuple[str, list[subprocess.Popen[bytes]]]]:
    """A ``dask scheduler`` and ``workers`` ``dask worker`` processes (no nanny: a killed
    worker stays dead); yields the scheduler address and the worker processes."""
    env = {**_env(), **(extra_env or {})}
    env["TQCHECK_TEST_PARTITION_DELAY"] = str(delay)
    sched_file = folder / "scheduler.json"
    log = (folder / "dask.log").open("wb")
    procs: list[subprocess.Popen[bytes]] = []
    try:
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
             "--port", "0", "--no-dashboard", "--scheduler-file", str(sched_file)],
            env=env, stdout=log, stderr=log))
        _wait_for(sched_file)
        address = json.loads(sched_file.read_text(encoding="utf-8"))["address"]
        worker_procs = [subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
             "--no-nanny", "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{i}",
             "--preload", str(PRELOAD)],
            env=env, stdout=log, stderr=log) for i in range(workers)]
        procs.extend(worker_procs)
        subprocess.run(
            [sys.executable, "-c", "import sys; from distributed import Client; "
             "c = Client(sys.argv[1], timeout=60); c.wait_for_workers(int(sys.argv[2]), timeout=60); "
             "c.close()", address, str(workers)],
            env=env, check=True, stdout=log, stderr=log, timeout=90)
        yield address, worker_procs
    finally:
        # Workers hold nothing worth a graceful close; the scheduler goes last.
        for p in reversed(procs):
            if p.poll() is None:
                p.kill()
            p.wait(timeout=30)
        log.close()


def _cli(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", "from tqcheck.cli import run; run()", *args],
                            env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _local(corpus: Path, out: Path) -> tuple[bytes, bytes, str]:
    out.mkdir()
    keep, drop = out / "keep.jsonl", out / "drop.jsonl"
    assert main(["filter", str(corpus), *FIELDS, "--keep", str(keep), "--drop", str(drop),
                 "--partition-size", "50"]) == 0
    report = out / "report.json"
    assert main(["audit", str(corpus), *FIELDS, "--format", "json", "-o", str(report), "-q"]) == 1
    return keep.read_bytes(), drop.read_bytes(), report.read_text(encoding="utf-8")


def test_dask_cluster_gives_the_local_bytes(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    keep, drop, report = _local(corpus, tmp_path / "local")
    assert keep and drop
    out = tmp_path / "dask"
    out.mkdir()
    with cluster(tmp_path) as (address, _):
        run = _cli(["filter", str(corpus), *FIELDS, "--keep", str(out / "keep.jsonl"),
                    "--drop", str(out / "drop.jsonl"), "--engine", "dask", "--scheduler", address,
                    "--partition-size", "37"])
        _stdout, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr
        audit_run = _cli(["audit", str(corpus), *FIELDS, "--format", "json", "--engine", "dask",
                          "--scheduler", address, "--partition-size", "45", "-q"])
        audit_out, stderr = audit_run.communicate(timeout=300)
        assert audit_run.returncode == 1, stderr
    assert (out / "keep.jsonl").read_bytes() == keep
    assert (out / "drop.jsonl").read_bytes() == drop
    assert audit_out == report


def test_dask_partitions_record_the_model_packages_they_used(tmp_path: Path,
                                                          models: Path) -> None:
    """The signature names the translation packages a partition used on a Dask worker, as the
    local engine's does (each partition records them where it runs; merged per file)."""
    corpus = _corpus(tmp_path, copies=3)
    extra = {"TQCHECK_TEST_TRANSLATE_IN_PARTITIONS": str(models),
             "TQCHECK_CACHE_DIR": str(tmp_path / "cache"),
             "XDG_DATA_HOME": str(tmp_path / "xdg-data")}
    args = ["audit", str(corpus), *FIELDS, "--format", "json", "-q", "--partition-size", "20"]

    def signature(*more: str) -> dict[str, object]:
        run = subprocess.Popen(
            [sys.executable, "-c", "import tests.dask_slow_worker; from tqcheck.cli import run; "
             "run()", *args, *more], env={**_env(), **extra, "TQCHECK_TEST_PARTITION_DELAY": "0"},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        out, err = run.communicate(timeout=300)
        assert run.returncode == 1, err
        result: dict[str, object] = json.loads(out)["signature"]
        return result

    local = signature()
    used = local["models"]
    assert isinstance(used, list) and [(m["kind"], m["pair"]) for m in used] == [("argos", "en-de")]
    with cluster(tmp_path, extra_env=extra) as (address, _):
        dask = signature("--engine", "dask", "--scheduler", address)
    assert dask["models"] == local["models"]


def test_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    keep, drop, _ = _local(corpus, tmp_path / "local")
    out = tmp_path / "dask"
    out.mkdir()
    workdir = out / ".keep.jsonl.tqcheck-parts"
    with cluster(tmp_path, delay=0.15) as (address, workers):
        run = _cli(["filter", str(corpus), *FIELDS, "--keep", str(out / "keep.jsonl"),
                    "--drop", str(out / "drop.jsonl"), "--engine", "dask", "--scheduler", address,
                    "--partition-size", "20", "--format", "json"])
        deadline = time.monotonic() + 120
        while len(list(workdir.glob("*.done.json"))) < 4:
            assert run.poll() is None, run.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.02)
        done_before = len(list(workdir.glob("*.done.json")))
        workers[0].send_signal(signal.SIGKILL)
        stdout, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr
        assert workers[0].wait(timeout=10) == -signal.SIGKILL
    summary = json.loads(stdout)
    assert done_before < summary["partitions"]  # the kill came while partitions were left
    assert summary["records"] == len(PAIRS) * 60
    assert (out / "keep.jsonl").read_bytes() == keep
    assert (out / "drop.jsonl").read_bytes() == drop
    assert sorted(p.name for p in out.iterdir()) == ["drop.jsonl", "keep.jsonl"]


def test_engine_dask_without_scheduler_starts_a_local_cluster(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, copies=5)
    keep, drop, _report = _local(corpus, tmp_path / "local")
    out = tmp_path / "dask"
    out.mkdir()
    run = _cli(["filter", str(corpus), *FIELDS, "--keep", str(out / "keep.jsonl"), "--drop",
                str(out / "drop.jsonl"), "--engine", "dask", "--workers", "2",
                "--partition-size", "7"])
    _, stderr = run.communicate(timeout=300)
    assert run.returncode == 0, stderr
    assert (out / "keep.jsonl").read_bytes() == keep
    assert (out / "drop.jsonl").read_bytes() == drop


def test_unreachable_scheduler_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path, copies=1)
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "2s")  # _env() copies it
    run = _cli(["filter", str(corpus), *FIELDS, "--keep", str(tmp_path / "k.jsonl"),
                "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == 2
    assert stderr.startswith("tqcheck: error: --scheduler tcp://127.0.0.1:9: cannot connect")
    assert len(stderr.strip().splitlines()) == 1
