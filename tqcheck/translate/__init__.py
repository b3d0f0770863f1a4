"""Offline re-translation with Argos Translate packages.

``packages`` manages the packages directory (shared with ``argospm``), ``engine`` runs them with
CTranslate2 and SentencePiece, ``cache`` keeps translations between runs.  Nothing here imports
``argostranslate.translate``, stanza, spaCy or torch, and the heavy libraries (CTranslate2,
SentencePiece) are imported only when a translation actually runs.
"""
