"""Session 26: a question on what the law says is not vetoed by the chat's out-of-scope reading.

The citizen chat reads divorce, custody, a denunciation or a fare discount as matters the ward does not handle, and it
is right about the procedure: a divorce is filed at the court. The bridge therefore hid every passage the ranking found
answering such a question (bridge.overrules). But "sau khi ly hôn người không trực tiếp nuôi con có nghĩa vụ cấp dưỡng
không" asks what the law says, not where to go, and the library holds that law (Điều 82 Luật Hôn nhân và gia đình):
a civil servant asked it wants the article. The chat's out-of-scope reading still vetoes a question that asks where or
at which office something is done (bridge.asks_agency), whether the ward does it ("nộp đơn ở phường được không"), or
for a procedure's papers or steps ("cần giấy tờ gì", "làm thế nào"): those are the chat's to answer ("not here").

Both places the reading vetoes ask this: bridge.overrules (passages the judgement found answering) and bridge.read
(below its bar: the other readings, a title repeated whole, official words, the embedder's confirmation, may then
answer; no procedure is bridged, since the chat reads none).

`SESSION26_LAW_ASKED` (rule R1, measured once at the end; read at call time by bridge.overrules and bridge.read)."""

from __future__ import annotations

import re

# off by rule R1 (session 26): fresh BM25 on 251/101/33, said so 97 (legal) and 703/103/1, said so 809 (citizen) against
# off 250/102/33, 98 and 703/103/1, 811: one right more, three questions without an answer here answered
SESSION26_LAW_ASKED = False

# The ward's office named as where something is done or asked to do it (folded): "ở phường", "lên ủy ban", "ra xã".
_AT_THE_OFFICE = re.compile(r"\b(?:o|tai|len|ra|ve) (?:phuong|xa|uy ban|ubnd)\b")
# A procedure's papers or steps asked (folded): "giấy tờ gì", "hồ sơ gồm", "thủ tục", "làm sao", "làm thế nào".
_ASKS_PROCEDURE = re.compile(r"\b(?:thu tuc|giay to|ho so|can nhung gi|can mang|nop nhung gi|lam sao|"
                             r"lam (?:nhu )?the nao|lam gi|o dau|di dau|cho nao)\b")


def asks_the_law(folded_query: str, asks_agency: bool) -> bool:
    """Whether a question (folded, padded with spaces) the chat reads as out of the ward's scope asks what the law says
    rather than where or how a procedure is done (`asks_agency`: bridge.asks_agency of it); False with the flag off."""
    if not SESSION26_LAW_ASKED or asks_agency:
        return False
    return not (_AT_THE_OFFICE.search(folded_query) or _ASKS_PROCEDURE.search(folded_query))
