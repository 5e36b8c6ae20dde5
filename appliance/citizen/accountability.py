"""A complaint that ends by asking who answers for the problem (session 17; on by rule R1, unconditional since
session 19).

"… mất bóp lần thứ mấy rồi. Phường có biết không?", "… nước rác chảy lênh láng, ai chịu trách nhiệm?", "Cán bộ cầm
điện thoại chơi suốt… Rứa là phục vụ dân à?": the citizen tells a problem and closes with a question to the ward that
asks nothing a record or an FAQ answers: who is responsible, whether the ward knows, why nobody acts. The question mark
and the question words make the reading unsure between a complaint and a question, and the chat asked which one was
meant. Over every training batch and dev these closers were written in complaints only (38 messages in fourteen files:
thirteen writers and dev; no question, FAQ or out-of-scope message has one).

Read only where the message's likeliest reading is already a complaint (public/chat.py): the chat then offers to file
it ("Gửi phản ánh"), as for a sure complaint; a procedure, FAQ or out-of-scope reading is never changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from appliance.citizen.matching import PhraseSet, tokens

# Written with accents for reading; folded below (the message is folded the same way).
CLOSERS = (
    "phường có biết", "phường có biết không", "ai chịu trách nhiệm", "ai quản lý", "có ai kiểm tra", "ai kiểm tra",
    "phường có xử lý", "sao phường không", "sao không ai", "ai giải quyết", "phường có làm gì", "phục vụ dân",
)
_CLOSERS: PhraseSet[None] = PhraseSet((tokens(p), None) for p in CLOSERS)


def asks_accountability(words: Sequence[str]) -> bool:
    """The folded message asks the ward who answers for its problem."""
    return _CLOSERS.any_in(words)
