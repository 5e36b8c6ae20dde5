"""What the browser tests measure on each page, in the page itself (one evaluate per check).

Phone layout (`PHONE_JS`): the page does not scroll sideways, and no word is broken across lines
or sticks out of its box ("no element narrower than its longest word"); text inside a container
that scrolls sideways on purpose (a wide table with its hint) is exempt.

English (`TEXT_JS` + `english_words`): the text a person sees (visible text, placeholders,
tooltips, labels for screen readers, button values, the title) outside code elements (<code>,
<kbd>, <pre>, <samp>: commands and codes people type) must hold no English. A word counts as
English when it is in ENGLISH_WORDS (frequent English words of user interfaces and of what the
browser and libraries print: "Please", "field", "December", "Mon", "null"...), minus the few that
are also Vietnamese syllables written without marks (to, do, in, an, no, hay, con, ban, tin...).
Proper names, codes (UBND, PA-7K3-M4X, HT-KS) and numbers are not in the list, so they pass.
Identifiers also fail: snake_case (moi_truong), dotted actions (feedback.view), ISO dates
(2026-12-04: people read dd/mm/yyyy).
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).parent

# The scripts open with one comment line; Playwright wants the bare function.
PHONE_JS = (HERE / "phone_check.js").read_text(encoding="utf-8").split("\n", 1)[1]

TEXT_JS = (HERE / "text_check.js").read_text(encoding="utf-8").split("\n", 1)[1]

# Frequent English words of interfaces, browser widgets, error pages and library output.
ENGLISH_WORDS = frozenset("""
about above account action actions active add added address after again all allowed already also and any
apply april are ask at august available back bad before below browse but button by cancel cannot category
change changed check choose chosen clear click close code confirm content continue could create created
current data date day days december default delete denied description detail details did disabled display
does done download draft edit empty enabled engine enter error errors example failed false february field
fields file files fill filter find first for forbidden found friday from get go has have help hide home
hour hours how hybrid if import info input internal invalid is issued it january july june last later
leader list load loading local locked login logout march may message minute minutes missing model monday
month more must name new next none not november null number october of off ok only open or other out
page password pending please previous queued question read ready record records remote remove request
required reset result results retry role running saturday save saved search second seconds select
september server service settings show sign size sorry staff status submit success sunday task tasks
text that the there this thursday time today tomorrow too total transcript true try tuesday type unknown
undefined unlock update updated upload user username valid value view wall warning was wednesday week
what when which will with year yes yesterday you your jan feb mar apr jun jul aug sep sept oct nov dec
mon tue wed thu fri sat sun nan bm25 llm rules extractive embedding embeddings reranker template person
feedback ticket meeting summary report dashboard export backend fallback proposed assigned cancelled
transcriber diarizer diarization generator embedder production
""".split())
# Also Vietnamese syllables when written without marks, or names people use: never counted.
VIETNAMESE_ALSO = frozenset("to do in an no on hay may con ban tin long sang nam ma me the thu".split())

# Names of software and hardware codes the model catalogue prints for the technician: proper names.
ALLOWED = frozenset({"pyannote.audio", "int8_float16", "float16", "int8"})

_WORD = re.compile(r"[A-Za-zÀ-ỹĐđ0-9_.:'’/-]+")
_IDENT = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$|^[a-z]+(?:\.[a-z_]+)+$")
_DOMAIN = re.compile(r"\.(vn|com|net|org|gov|edu|io)$")
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


_MARKER = re.compile(r"^\[(native .*|form .*)\]$", re.M)


def english_words(text: str) -> list[str]:
    """The English words, identifiers and ISO dates in `text` (each once, in order), and the
    markers text_check.js writes for the browser's own widgets ("[native date input tu]")."""
    found: list[str] = [m.group(0) for m in _MARKER.finditer(text)]
    text = _MARKER.sub("", text)
    for match in _ISO_DATE.finditer(text):
        found.append(match.group(0))
    for raw in _WORD.findall(text):
        token = raw.strip(".:'’/-")
        if not token:
            continue
        if token in ALLOWED:
            continue
        if _IDENT.match(token) and not _DOMAIN.search(token):
            found.append(token)
            continue
        for part in re.split(r"[/:.'’-]", token):
            word = part.lower()
            if word.isascii() and word in ENGLISH_WORDS and word not in VIETNAMESE_ALSO and not part.isupper():
                found.append(part)
    return list(dict.fromkeys(found))
