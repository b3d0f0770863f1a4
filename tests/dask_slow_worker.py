"""Preloaded by the Dask workers of ``tests/test_dask_engine.py`` (``dask worker --preload``): each
partition waits a little before it runs, so that a test can kill a worker while partitions are
in flight.  Results are untouched."""

from __future__ import annotations

import os
import time

from tqcheck.bitext import audit, filter

_DELAY = float(os.environ.get("TQCHECK_TEST_PARTITION_DELAY", "0.1"))


def _slowed(real):  # type: ignore[no-untyped-def]
    def slow(job, part):  # type: ignore[no-untyped-def]
        time.sleep(_DELAY)
        return real(job, part)

    slow.tqcheck_original = real  # type: ignore[attr-defined]
    return slow


# Dask may run a preload more than once in a process: wrap the original functions only.
for _module, _name in ((filter, "filter_partition"), (audit, "audit_partition")):
    _real = getattr(getattr(_module, _name), "tqcheck_original", getattr(_module, _name))
    setattr(_module, _name, _slowed(_real))
