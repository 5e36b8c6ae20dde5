"""The citizens' chatbot: intent, procedure answers from the catalogue, complaints, ticket status.

Works on public.db only. Context per session (last procedure, a pending choice between two
procedures, a complaint awaiting details) is a `ChatState`, kept in `chat_sessions.state`.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass, field

from appliance.citizen.matching import PhraseSet, Procedure, ProcedureIndex, tokens
from appliance.citizen.public import answers, store
from appliance.citizen.public.chat_state import ChatState
from appliance.citizen.public.intake import (
    FiledTicket,
    IntakeError,
    TicketStatus,
    classifier_for,
    file_feedback,
    ticket_status,
)
from appliance.citizen.vocabulary import ASPECTS
from appliance.engines import Generator

TICKET = re.compile(r"\bPA[\s\-]*([3467ACDEFGHJKMNPQRTUVWXY]{3})[\s\-]*([3467ACDEFGHJKMNPQRTUVWXY]{3})\b")
MAX_MESSAGE = 1000
GREETINGS = {"xin", "chao", "hello", "hi", "alo", "admin", "oi", "a", "em", "anh", "chi", "ban", "shop", "ad",
             "chau", "bac", "co", "chu", "buoi", "sang", "toi", "chieu", "ha", "helo", "hey", "u", "da", "vang"}
THANKS = ("cam on", "thank", "thanks", "tks", "camon")
COMPLAINT_CUES = ("phan anh", "khieu nai", "to cao", "kien nghi", "buc xuc", "de nghi xu ly", "yeu cau xu ly",
                  "de nghi phuong", "de nghi cac co quan", "de nghi kiem tra", "mong phuong", "nho phuong",
                  "gop y", "de xuat", "bao cao viec", "trinh bao")
STATUS_CUES = ("tra cuu phan anh", "tinh trang phan anh", "ma phan anh", "phan anh cua toi", "ket qua phan anh",
               "ma ho so phan anh", "kiem tra phan anh", "tra cuu ma", "xem tien do")
QUESTION_CUES = ("cho hoi", "xin hoi", "hoi ve", "can gi", "the nao", "o dau", "bao nhieu", "bao lau", "co duoc",
                 "co can", "co phai", "lam sao", "muon", "xin", "thu tuc", "lam gi", "co mat", "duoc khong",
                 "khong a", "nhu nao", "can nhung", "can mang", "nop dau", "lay ngay")


@dataclass
class ChatReply:
    reply: str
    intent: str  # procedure | feedback | status | other (CONTRACT §2)
    detail: str  # answer, clarify, follow_up, filed, ask_details, status, ask_code, not_found, greeting…
    procedure: Procedure | None = None
    ticket: FiledTicket | TicketStatus | None = None
    engine: str = "rules"
    choices: list[dict[str, str]] = field(default_factory=list)


_index_lock = threading.Lock()
_index_cache: dict[tuple[object, ...], ProcedureIndex] = {}  # one entry: the published catalogue


def procedure_index(conn: sqlite3.Connection) -> ProcedureIndex:
    key = store.catalogue_key(conn)
    with _index_lock:
        index = _index_cache.get(key)
        if index is None:
            _index_cache.clear()
            index = _index_cache[key] = ProcedureIndex(store.procedures(conn))
        return index


_PHRASE_SETS: dict[int, PhraseSet[None]] = {}


def _has(words: list[str], phrases: tuple[str, ...] | list[str]) -> bool:
    key = id(phrases)  # the cue lists are module constants: build each matcher once
    matcher = _PHRASE_SETS.get(key)
    if matcher is None:
        matcher = _PHRASE_SETS[key] = PhraseSet((p.split(), None) for p in phrases)
    return matcher.any_in(words)


_ASPECT_MATCHER: PhraseSet[str] = PhraseSet((cue.split(), aspect) for aspect, cues in ASPECTS.items() for cue in cues)


def detect_aspects(words: list[str]) -> list[str]:
    found = {aspect for _, _, aspect in _ASPECT_MATCHER.find(words)}
    return [aspect for aspect in ASPECTS if aspect in found]


_FAQ_STOP = {"cho", "hoi", "em", "toi", "a", "la", "gi", "co", "khong", "cua", "o", "va", "the", "nao", "duoc",
             "minh", "anh", "chi", "oi", "voi", "nhu", "thi", "can", "xin", "ad", "admin", "vay", "nhe", "phuong"}


def best_faq(conn: sqlite3.Connection, words: list[str]) -> sqlite3.Row | None:
    """The ward's published FAQ entry whose question words the message mostly contains."""
    said = set(words) - _FAQ_STOP
    best, best_score = None, 0.0
    for row in store.faq(conn):
        wanted = set(tokens(row["question"])) - _FAQ_STOP
        overlap = len(wanted & said)
        score = overlap / len(wanted) if wanted else 0.0
        if overlap >= 2 and score >= 0.6 and score > best_score:
            best, best_score = row, score
    return best


def mask_digits(text: str) -> str:
    """Phone numbers and ID numbers never go into the chat log."""
    return re.sub(r"\d[\d .]{6,}\d", lambda m: m.group(0)[:2] + "…", text)


class ChatBot:
    def __init__(self, generator: Generator | None = None, public_base_url: str = ""):
        self.generator = generator
        self.base_url = public_base_url.rstrip("/")
        # One writer at a time, woken at once: SQLite's own busy wait sleeps in growing steps, which
        # is what many concurrent chats would otherwise spend their time on.
        self._write_lock = threading.Lock()

    # --- session -------------------------------------------------------------------------
    def _save(self, conn: sqlite3.Connection, session_id: str, channel: str, state: ChatState, message: str,
              reply: ChatReply) -> None:
        code = reply.procedure.code if reply.procedure else None
        if reply.intent == "feedback":  # the complaint itself lives in the inbox, then only on the staff side
            message = "(nội dung phản ánh: chuyển vào hộp phản ánh của phường)"
        turn = store.Turn(mask_digits(message), reply.intent, reply.reply, code, reply.engine)
        with self._write_lock:
            store.save_turn(conn, session_id, channel, state.to_json(), turn)

    def procedure_link(self, proc: Procedure) -> dict[str, str]:
        return {"code": proc.code, "name": proc.name, "url": f"{self.base_url}/thu-tuc/{proc.code}"}

    # --- turn ----------------------------------------------------------------------------
    def handle(self, conn: sqlite3.Connection, session_id: str, message: str, *, channel: str = "web",
               channel_user: str | None = None, source_key: str | None = None) -> ChatReply:
        """One citizen message. `source_key` names where it came from (a Zalo event) so that a
        complaint it files is filed once, however often the message is handled."""
        state = ChatState.from_json(store.session_state(conn, session_id))
        reply = self._turn(conn, state, message.strip()[:MAX_MESSAGE], channel, (channel_user, source_key))
        self._save(conn, session_id, channel, state, message, reply)
        return reply

    def _turn(self, conn: sqlite3.Connection, state: ChatState, message: str, channel: str,
              origin: tuple[str | None, str | None]) -> ChatReply:
        words = tokens(message)
        index = procedure_index(conn)
        code = TICKET.search(message.upper())
        awaiting, state.awaiting = state.awaiting, None  # a pending question is answered now or dropped
        draft, state.draft = state.draft, ""
        if code or awaiting == "ticket_code" and len(words) <= 3:
            return self._status(conn, f"PA-{code.group(1)}-{code.group(2)}" if code else message)
        if awaiting == "details":
            asks_procedure = _has(words, QUESTION_CUES) and (r := index.rank(message)) and r[0].score >= 1.0
            if not asks_procedure:  # the details of the complaint begun in the previous message
                return self._file(conn, state, f"{draft}\n{message}".strip(), channel, origin)
        if state.choices:
            picked = self._pick(index, state, words)
            if picked is not None:
                aspects, state.aspects = state.aspects, []
                state.choices = []
                return self._answer(state, picked, aspects, message)
            state.choices = []
        if not words:
            return ChatReply("Bạn vui lòng nhập câu hỏi hoặc nội dung phản ánh.", "other", "empty")
        if _has(words, THANKS) and len(words) <= 6:
            return ChatReply("Rất vui được hỗ trợ bạn. Chúc bạn một ngày tốt lành!", "other", "thanks")
        if set(words) <= GREETINGS:
            return ChatReply(
                "Xin chào! Tôi là trợ lý tự động của UBND phường. Tôi có thể:\n"
                "• hướng dẫn thủ tục hành chính (giấy tờ, lệ phí, thời hạn, nơi nộp);\n"
                "• nhận phản ánh, kiến nghị và cho bạn mã để theo dõi;\n"
                "• tra cứu tình trạng phản ánh theo mã (ví dụ PA-7K3-M4X).\nBạn cần hỏi gì ạ?",
                "other", "greeting")
        if _has(words, STATUS_CUES):
            state.awaiting = "ticket_code"
            return ChatReply("Bạn vui lòng gửi mã phản ánh (ví dụ PA-7K3-M4X) để tôi tra cứu.", "status", "ask_code")
        ranked = index.rank(message)
        aspects = detect_aspects(words)
        top = ranked[0].score if ranked else 0.0
        asking = "?" in message or _has(words, QUESTION_CUES)
        issue = classifier_for(conn).issue_strength(message)
        complaint_cue = _has(words, COMPLAINT_CUES)
        faq = best_faq(conn, words) if top < 1.0 and not complaint_cue else None
        if faq is not None:  # the ward's own answer to a common non-procedure question
            return ChatReply(faq["answer"], "other", "faq")
        if complaint_cue or (issue >= 1.0 and not (asking and top >= 1.0)):
            if len(words) < 5:
                state.awaiting = "details"
                state.draft = message
                return ChatReply("Để chuyển đúng bộ phận, bạn mô tả rõ hơn giúp: sự việc gì, ở đâu (số nhà, ngõ, "
                                 "tổ dân phố), từ khi nào?", "feedback", "ask_details")
            return self._file(conn, state, message, channel, origin)
        if top >= 1.0 or (top > 0 and aspects):
            candidates = index.candidates(message, ranked)
            current = state.procedure
            if len(candidates) > 1 and current not in {m.procedure.code for m in candidates}:
                state.choices = [m.procedure.code for m in candidates]
                state.aspects = aspects
                lines = "\n".join(f"{i}. {m.procedure.name}" for i, m in enumerate(candidates, 1))
                return ChatReply(f"Bạn muốn hỏi về thủ tục nào?\n{lines}\nBạn trả lời bằng số thứ tự giúp tôi.",
                                 "procedure", "clarify",
                                 choices=[self.procedure_link(m.procedure) for m in candidates])
            chosen = index.by_code[current] if len(candidates) > 1 and current else ranked[0].procedure
            return self._answer(state, chosen, aspects, message)
        if aspects and state.procedure in index.by_code:
            return self._answer(state, index.by_code[state.procedure], aspects, message, follow_up=True)
        return ChatReply(
            "Xin lỗi, tôi chưa hiểu câu hỏi. Tôi hỗ trợ thủ tục hành chính của phường (ví dụ: khai sinh, kết hôn, "
            "chứng thực, sổ đỏ, tạm trú), nhận phản ánh và tra cứu mã phản ánh. Bạn có thể hỏi lại cụ thể hơn, "
            "hoặc gọi bộ phận một cửa trong giờ hành chính.", "other", "out_of_scope")

    def _pick(self, index: ProcedureIndex, state: ChatState, words: list[str]) -> Procedure | None:
        choices = [c for c in state.choices if c in index.by_code]
        numbers = [int(w) for w in words if w.isdigit()]
        if numbers and 1 <= numbers[0] <= len(choices) and len(words) <= 4:
            return index.by_code[choices[numbers[0] - 1]]
        ranked = [m for m in index.rank(" ".join(words)) if m.procedure.code in choices]
        return ranked[0].procedure if ranked else None

    def _answer(self, state: ChatState, proc: Procedure, aspects: list[str], question: str,
                follow_up: bool = False) -> ChatReply:
        state.procedure = proc.code
        result = answers.answer(proc, aspects, question, self.generator)
        return ChatReply(result.text, "procedure", "follow_up" if follow_up else "answer", procedure=proc,
                         engine=result.engine)

    def _file(self, conn: sqlite3.Connection, state: ChatState, text: str, channel: str,
              origin: tuple[str | None, str | None]) -> ChatReply:
        channel_user, source_key = origin
        try:
            ticket = file_feedback(conn, text, channel=channel, channel_user=channel_user, source_key=source_key)
        except IntakeError as exc:
            return ChatReply(str(exc), "feedback", "invalid")
        state.last_ticket = ticket["ticket_code"]
        deadline = "/".join(reversed(ticket["deadline"].split("-")))
        return ChatReply(
            f"Cảm ơn bạn đã phản ánh. Phản ánh đã được ghi nhận với mã {ticket['ticket_code']} "
            f"(lĩnh vực: {ticket['category_label']}), chuyển tới {ticket['department']}; "
            f"hạn trả lời: {deadline}. Bạn giữ mã này để tra cứu tình trạng xử lý. "
            "Nếu muốn cán bộ liên hệ lại, bạn có thể gửi phản ánh kèm số điện thoại qua mục «Gửi phản ánh».",
            "feedback", "filed", ticket=ticket, engine=ticket["engine"])

    def _status(self, conn: sqlite3.Connection, raw: str) -> ChatReply:
        found = ticket_status(conn, raw)
        if found is None:
            return ChatReply("Không tìm thấy phản ánh với mã này. Bạn kiểm tra lại mã (ví dụ PA-7K3-M4X) giúp tôi.",
                             "status", "not_found")
        deadline = "/".join(reversed(found["deadline"].split("-")))
        text = (f"Phản ánh {found['ticket_code']} ({found['category_label']}): {found['status_label']}. "
                f"Đơn vị xử lý: {found['department']}; hạn trả lời: {deadline}.")
        if found["reply"]:
            text += f"\nTrả lời của phường: {found['reply']}"
        return ChatReply(text, "status", "status", ticket=found)
