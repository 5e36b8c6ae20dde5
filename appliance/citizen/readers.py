"""The citizen chat's reader of a catalogue: one service for every feature that reads a message as
the chat does.

`reader_for` builds the chat's understanding of a catalogue without its embedder (phrase rules,
lexical similarity to the writers' examples: understanding.py) once per catalogue and classifier,
a quarter of a second, and hands out the same one afterwards. The chat builds on it
(public/preparing.py adds the staff's published examples' classifier and, in the background, the
embedder); knowledge search asks it how the chat would read a question (knowledge/bridge.py).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from appliance.citizen.classify import FeedbackClassifier
from appliance.citizen.matching import Procedure
from appliance.citizen.phrasings import load
from appliance.citizen.understanding import Understanding

# Readers kept at once: a process serves one or two catalogues (the staff library's and the published
# one), and the classifier of the staff's examples changes only when they are published again.
KEEP = 4

CatalogueKey = tuple[tuple[str, str, bool, str], ...]
_lock = threading.Lock()
_readers: dict[tuple[CatalogueKey, int], tuple[FeedbackClassifier | None, Understanding]] = {}


def catalogue_key(procedures: Sequence[Procedure]) -> CatalogueKey:
    """Every field of every record: the chat answers from the records its reader holds, so a changed
    fee is a new reader, not only a changed name or alias (repr: the same record, read the same way,
    gives the same text; half the cost of JSON)."""
    return tuple((p.code, p.name, p.police, repr(p.data)) for p in procedures)


def reader_for(procedures: Sequence[Procedure], classifier: FeedbackClassifier | None = None) -> Understanding:
    """The chat's understanding of this catalogue without the embedder (its phrase index included),
    built once per catalogue and `classifier` (None: the classifier's own seed cues). The same object
    is returned while both stay the same: callers that want the embedder add it with
    `Understanding.with_semantic`, which copies it."""
    key = (catalogue_key(procedures), id(classifier))
    with _lock:
        found = _readers.get(key)
        if found is not None and found[0] is classifier:
            return found[1]
        reader = Understanding(procedures, load(procedures), classifier=classifier)
        if len(_readers) >= KEEP:
            del _readers[next(iter(_readers))]  # the oldest
        _readers[key] = (classifier, reader)
        return reader
