"""Terminology from a glossary (``--glossary FILE``, TBX or CSV): required target terms and terms
that must not be translated."""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks._pairs import stem_match
from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.model import Segment, Sentence, Severity
from tqcheck.readers.glossary import Glossary, Term, load_glossary

__all__ = ["Glossary", "Term", "load_glossary"]  # re-exported from tqcheck.readers.glossary


def _glossary(segment: Segment, ctx: CheckContext) -> Glossary | None:
    if not segment.source or not segment.text.strip():
        return None
    return ctx.resources.glossary(segment.source_lang or ctx.source_lang,
                                  segment.target_lang or ctx.lang)


@register("TQ838", "glossary-term", Severity.WARNING, scope="segment", needs="glossary",
          on="pairs")
def find_glossary_terms(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A glossary term of the source not rendered with its required translation.

    What it does:
        For every glossary entry whose source term occurs in the source (whole words, any case),
        looks for one of its target terms in the translation, allowing inflected forms in languages
        that inflect (a stem match for Russian, German, Arabic and others; Arabic clitics like
        ``ال`` and ``و`` are stripped).  Needs ``--glossary FILE`` (CSV ``source,target`` — several
        targets separated by ``|`` — or TBX).

    Why it matters:
        Products, legal and medical texts fix their terms; MT picks a synonym that is correct
        language but the wrong term.

    Example:
        Glossary ``torrent,торрент``: ``Remove torrent`` → ``Удалить файл`` → flagged;
        ``Удалить торрента`` → accepted (inflected).
    """
    glossary = _glossary(segment, ctx)
    if glossary is None:
        return
    lang = segment.target_lang or ctx.lang
    for term, _ in glossary.for_source(segment.source or ""):
        if term.dnt or not term.targets:
            continue
        if not any(stem_match(t, segment.text, lang) for t in term.targets):
            want = " or ".join(f"'{t}'" for t in term.targets)
            yield Hit(0, len(segment.text),
                      f"glossary: '{term.source}' should be translated as {want}",
                      suggestion=term.targets[0])


@register("TQ839", "do-not-translate", Severity.ERROR, scope="segment", needs="glossary",
          on="pairs")
def find_do_not_translate(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A term on the do-not-translate list that the translation changed.

    What it does:
        For every glossary entry marked do-not-translate (a CSV row with an empty target, the
        target equal to the source, or a ``dnt`` column) whose term occurs in the source, flags the
        translation when it does not contain the term exactly as written.

    Why it matters:
        Product and brand names, commands and file names must survive translation; MT translates
        "Transmission" into the word for a gearbox.

    Example:
        Glossary ``Transmission,,dnt``: ``Quit Transmission`` → ``Quitter la transmission`` →
        flagged.
    """
    glossary = _glossary(segment, ctx)
    if glossary is None:
        return
    for term, _ in glossary.for_source(segment.source or ""):
        if term.dnt and term.source not in segment.text:
            yield Hit(0, len(segment.text), f"'{term.source}' must stay untranslated",
                      suggestion=term.source)
