"""A subject without official text, named only by words the passages found say themselves, is not what is asked.

The registry lists documents the library holds no text for (Luật Đất đai 2024 …) and the catalogue the phrases of the
procedures resting on them ("đăng ký đất đai lần đầu"). bridge.read weighs those phrases over the whole question, so
"khiếu nại quyết định kỷ luật … thời hiệu khiếu nại lần đầu là bao nhiêu ngày" names Luật Đất đai by "lần đầu", and a
subject without text stops every reading that would answer from the ranking's own passages: the whole title repeated
(title_asked.py), the embedder's confirmation (dense.py), a rule in fixed official words (official_words.py). The
"not found" then names Luật Đất đai (session 23: four training questions of three writers, two of them answered by
Điều 48 Luật Khiếu nại, "Thời hiệu khiếu nại", once the land law is not named).

When the ranking's passages answer, bridge.overrules already weighs those subjects by the words the passages shown
first do not say ("khiếu nại lần đầu" answered by the complaints law is not overruled by "lần đầu" of a first land
title). Since session 23 (plain behaviour since session 25): a question the ranking did not answer and
the bridge read as no procedure keeps only the subjects bridge.overrules keeps for the same passages. Only documents
without any text here: a document held without the article a procedure rests on (Điều 22 Nghị định 123/2015, the
certificate of marital status) is the question's own subject, and the passages of its law say its words anyway. A
question read as outside the ward's work, or bridged to a procedure, is left as it was, and so is a document the
catalogue cites for the figure asked of a procedure it recognised ("hỗ trợ chi phí mai táng … bao nhiêu tiền": Nghị
định 76/2024, subjects.basis_gaps): the question's words do not name it, the procedure does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace

from appliance.knowledge import bridge


def unsaid(conn: sqlite3.Connection, query: str, reading: bridge.Reading, shown: Sequence[str]) -> bridge.Reading:
    """`reading` without the documents without text (gaps) that the passages shown first (`shown`, folded) say the
    words of, as bridge.overrules weighs them."""
    if not reading.gaps or reading.bridged is not None or reading.out_of_scope:
        return reading
    named = {gap.number for gap in bridge.gaps(conn, query)}   # named by the words, not a figure's text
    still = bridge.overrules(conn, query, shown)
    kept = {gap.number for gap in still.gaps} if still is not None and not still.out_of_scope else set()
    return replace(reading, gaps=tuple(gap for gap in reading.gaps
                                       if gap.has_text or gap.number not in named or gap.number in kept))
