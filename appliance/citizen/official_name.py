"""Session 23: a procedure named by its full official name is not answered as another one (docs/citizen.md "Session
23"; on by rule R1 in session 23, plain behaviour since session 25, rule R8).

"đăng ký thường trú online trên vneid được không hay phải lên công an phường": the message holds a procedure's whole
official name ("Đăng ký thường trú") and no phrase of any other procedure, yet the fusion model's likeliest procedure
was another one (đăng ký tạm trú: its examples hold "online", "vneid", "công an phường"), and the chat answered the
other procedure's papers. Where the likeliest reading is a procedure, the phrase rules name exactly one procedure, by
a hit that is its whole official name, and that procedure is not the reading's, the chat answers the named one. Over
every training half and dev the rules name one procedure by its whole name in 180 messages; the reading named another
procedure in one (the message above).
"""

from __future__ import annotations

from collections.abc import Sequence

from appliance.citizen.matching import ProcedureIndex, tokens

# Read by public/chat.ChatBot._act.

def named_instead(code: str | None, words: Sequence[str], scores: dict[str, float], index: ProcedureIndex
                  ) -> str | None:
    """The one procedure the message names by its whole official name, when the reading's procedure (`code`) is
    another and the phrase rules (`scores`) name no other procedure; else None."""
    if code is None:
        return None
    named = [key.split(":", 1)[1] for key in scores if key.startswith("proc:")]
    if len(named) != 1 or named[0] == code or named[0] not in index.by_code:
        return None
    name = tuple(tokens(index.by_code[named[0]].name))
    return named[0] if any(tuple(words[i:i + len(name)]) == name for i in range(len(words) - len(name) + 1)) else None
