"""Language identification behind one interface.

``detect_document_language`` picks a document's target language from a sample of its text.  (The
full sentence-level cascade arrives with the language-ID checks.)
"""

from __future__ import annotations

from collections.abc import Iterable

_SAMPLE_CHARS = 4000


def detect_document_language(texts: Iterable[str]) -> str | None:
    """The language of a document from a sample of its segments, or None when unsure."""
    sample = ""
    for t in texts:
        sample += t + "\n"
        if len(sample) >= _SAMPLE_CHARS:
            break
    if len(sample.split()) < 3:
        return None
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    return str(best.lang).split("-")[0] if best.prob >= 0.8 else None
