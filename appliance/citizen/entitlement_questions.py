"""Session 28: a citizen asking what they may receive is asking, not complaining (`SESSION28_ENTITLEMENT_ASKED`,
docs/citizen.md "Session 28").

"con của thương binh được hỗ trợ gì", "ông nhiễm chất độc da cam có được trợ cấp không", "thân nhân liệt sĩ làm hồ sơ
hưởng chế độ ở đâu", "Xin hỏi tôi muốn được hưởng lại trợ cấp thương binh thì làm thế nào ạ" (s28): the fusion model
reads intent from the words of the matter, and the words of benefits (trợ cấp, chế độ, thương binh, hộ nghèo) are the
words of the social-policy complaints it learnt ("… chưa nhận được trợ cấp", "… bị cắt chế độ"), so a question about
them was read as a complaint at the bar and offered as one. What tells them apart is not the topic but the shape of
the sentence: a question asks whether or what the citizen *may receive* ("được" before a verb of receiving, closed by
"không / gì / bao nhiêu / nào"), or names the file *for receiving* ("thủ tục / hồ sơ hưởng …"); a complaint about the
same benefit tells that it was not received or was taken away ("chưa được nhận", "không được hưởng", "bị cắt", "tại
sao …", "vẫn …"). Any grievance word keeps the message a complaint; so does a complaint cue, an accountability
closer or a failed service (read before this, in `ChatBot._act`).

Read only where the likeliest reading is a complaint the citizen did not announce: the chat then asks which was meant
(the clarifying question) instead of offering "Gửi phản ánh". It never names a procedure or the out-of-scope answer.
"""

from __future__ import annotations

from collections.abc import Sequence

# Read at call time by public/chat.ChatBot._act. A question about what the citizen may receive (a benefit, a
# support, an exemption, a confirmation) is not a complaint about it: asked about, never offered as a complaint.
# off by rule R1 (session 28): on the 49 fresh messages it reads (19 sets), on / off alone, right / unsure / wrong:
# procedure 32/5/0 both, complaint category 4/2/0 against 5/1/0 (one fresh complaint asked about instead of filed),
# out of scope 4/1/0 both, question or complaint 41/8/0 against 42/7/0: right falls, wrong does not (training: s28's
# war-invalid question goes back to a complaint offered, out of scope wrong +1)
SESSION28_ENTITLEMENT_ASKED = False

# Folded verbs of receiving after "được" ("được hưởng", "được hỗ trợ", "được miễn học phí", "được nhà nước cho tiền",
# "được xác nhận"). "được phép" is no receiving (a complaint asks whether someone else's doing is allowed).
RECEIVE = frozenset(("huong", "nhan", "ho", "tro", "mien", "giam", "cap", "cho", "xac", "lanh", "linh", "boi", "tang",
                     "xet", "vay"))
# Folded closers of a question asked after the receiving verb, at most CLOSE_WINDOW words on ("… được hỗ trợ gì",
# "… được bao nhiêu", "… thì làm thế nào", "… ở đâu"); never "nào cũng" ("năm nào cũng hẹn": every year).
ASKING = frozenset(("gi", "nao", "nhieu", "dau", "sao"))
# "không" closes a question only at the message's end or before a particle or a next question ("… có được trợ cấp
# không ạ, làm đơn ở đâu"); elsewhere it negates ("… lại không có tên").
NOT_WORDS = frozenset(("khong", "ko", "hong", "hok", "k", "kg"))
PARTICLES = frozenset(("a", "ad", "ah", "ak", "ha", "vay", "nhi", "nhe", "chau", "em", "anh", "chi", "ban", "va",
                       "hay"))
CLOSE_WINDOW = 10
# Folded nouns of a file and the "hưởng" after them: the file for receiving ("thủ tục hưởng trợ cấp …", "làm hồ sơ
# hưởng chế độ ở đâu").
FILE_NOUNS = frozenset(("tuc", "so"))
# Folded words of a grievance: not received yet ("chưa"), promised, cut, stopped, wrong. Any of them keeps the
# message a complaint whatever its form. Only words whose folded form is no common word of a question ("mãi" folds as
# "mai táng", "vẫn" as "văn bản", "tại" as "tại phường", "mà" as southern "má", "bị" alone is also "bị nhiễm / bệnh").
GRIEVANCE = frozenset(("chua", "hua", "cat", "ngung", "sai"))
# Two-word grievances: asked why, still not, refused, nobody, for long, pushed around, and "bị" before a verb of
# taking away, refusing or handing back ("bị cắt", "bị từ chối", "bị trả về", "bị hạ", "bị giảm", "bị thu hồi").
GRIEVANCE_PAIRS = frozenset((("tai", "sao"), ("vi", "sao"), ("sao", "lai"), ("sao", "khong"), ("van", "khong"),
                             ("khong", "duoc"), ("ko", "duoc"), ("k", "duoc"), ("khong", "ai"), ("mai", "khong"),
                             ("qua", "lau"), ("lau", "roi"), ("dun", "day"),
                             *(("bi", verb) for verb in ("cat", "tu", "tra", "ha", "giam", "thu", "dung", "ngung",
                                                         "loai", "bo", "gay", "danh", "tru"))))


def _grievance(words: Sequence[str]) -> bool:
    if GRIEVANCE & set(words):
        return True
    return any(tuple(words[i:i + 2]) in GRIEVANCE_PAIRS for i in range(len(words) - 1))


def _closed(words: Sequence[str], start: int) -> bool:
    """A question word within CLOSE_WINDOW words from `start`."""
    end = min(len(words), start + CLOSE_WINDOW)
    for j in range(start, end):
        if words[j] in ASKING and words[j + 1:j + 2] != ["cung"]:
            return True
        if words[j] in NOT_WORDS and (j + 1 == len(words) or words[j + 1] in PARTICLES):
            return True
    return False


def _receive_asked(words: Sequence[str]) -> bool:
    """"được" + a verb of receiving, closed by a question; not a petition ("đề nghị được hỗ trợ")."""
    return any(words[i] == "duoc" and words[i + 1] in RECEIVE and words[max(0, i - 2):i] != ["de", "nghi"]
               and _closed(words, i + 2) for i in range(len(words) - 1))


def _file_for_receiving(words: Sequence[str]) -> bool:
    """"thủ tục / hồ sơ hưởng …": the file asked for receiving a benefit."""
    return any(words[i] in FILE_NOUNS and words[i + 1] == "huong" for i in range(len(words) - 1))


def asks_entitlement(words: Sequence[str]) -> bool:
    """The folded message asks what the citizen may receive, or the file for receiving it, and tells no grievance."""
    if not SESSION28_ENTITLEMENT_ASKED or _grievance(words):
        return False
    return _receive_asked(words) or _file_for_receiving(words)
