"""A bridge on the chat's reading alone needs the question to name something of the procedure.

When the phrase matcher finds no procedure in the question, the bridge still cites the procedure the citizen chat reads
with its confidence for answering (bridge.READ_AS). The chat reads the whole message with a model, and reads questions
about the ward's records as the procedure whose records they are: "sổ hộ tịch phải lưu trữ bao lâu" is read as the
birth registration (0,80), and the bridge cited "Thủ tục đăng ký khai sinh" (Điều 16 Luật Hộ tịch) for a question on
keeping the register.

Session 27 (`SESSION27_CHAT_NAMED`, read at call time by bridge.read): such a bridge needs the question to share at
least one syllable (folded) with the procedure's name or its aliases in the catalogue, beyond filler
(indexing.STOPWORDS) and the words every procedure shares ("đăng ký", "thủ tục", "cấp", "giấy", "làm"). Measured on the
tunable sets before building: every one of the 46 chat-only bridges of the training halves, development and check sets
and the citizen training halves shares one (all right), so none of them is touched; "chau em mo coi … muon dang ky lam
giam ho" shares "giám hộ", "so chung thuc sang nam moi …" shares "chứng thực".
"""

from __future__ import annotations

from appliance.knowledge.indexing import STOPWORDS
from appliance.text import fold_tokens

# Session 27 (rule R1, measured once at the end): a chat-only bridge needs a syllable of the procedure named.
# off by rule R1 (session 27): no fresh verdict moved (legal 0, citizen 2 questions gated, both unchanged) and no
# training wrong comes back with it off (R1b): fresh BM25 legal 250/105/30, citizen 726/106/1 on and off
SESSION27_CHAT_NAMED = False

# Words of many procedures' names and of asking for any procedure (folded).
_EVERY_PROCEDURE = frozenset("dang ky thu tuc cap giay xin lam".split())


def names_procedure(name: str, aliases: tuple[str, ...], query: str) -> bool:
    """Whether the question shares a syllable with the procedure's `name` or `aliases` beyond filler and the words of
    every procedure (module docstring); always True with the flag off."""
    if not SESSION27_CHAT_NAMED:
        return True
    own = set(fold_tokens(" ".join([name, *aliases]))) - STOPWORDS - _EVERY_PROCEDURE
    return bool(own & set(fold_tokens(query)))
