"""Preloaded by the Dask workers of ``tests/test_dask_engine.py`` (``dask worker --preload``): each
partition waits a little before it runs, so that a test can kill a worker while partitions are
in flight.  Results are untouched.

With ``TQCHECK_TEST_TRANSLATE_IN_PARTITIONS=MODELS_DIR`` each record checker also translates one
English sentence into German with the genuine Argos test packages in ``MODELS_DIR`` before it
checks (no built-in record check translates: the records leave out the checks that need a
``--source`` file), so that a test can see which packages a partition's signature names."""

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


_MODELS = os.environ.get("TQCHECK_TEST_TRANSLATE_IN_PARTITIONS")


def _translating(real):  # type: ignore[no-untyped-def]
    def check(self, records):  # type: ignore[no-untyped-def]
        from tqcheck.translate.engine import DecodeOptions, TranslationService

        service = TranslationService(_MODELS, DecodeOptions(beam_size=1, compute_type="float32"),
                                     use_cache=False, progress=False)
        try:
            service.translate(["The ministers met on Monday."], "en", "de")
        finally:
            service.close()
        return real(self, records)

    check.tqcheck_original = real  # type: ignore[attr-defined]
    return check


if _MODELS:
    _real_check = getattr(audit.RecordChecker.check, "tqcheck_original", audit.RecordChecker.check)
    audit.RecordChecker.check = _translating(_real_check)  # type: ignore[method-assign]
