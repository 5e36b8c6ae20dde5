"""The citizens' chatbot: what a message means (understanding.py), then the answer — a procedure
from its catalogue record, an FAQ from the ward's own settings, an honest "not handled here", a
complaint (filed only when the citizen says so or confirms), a ticket's status — or, below the
confidence threshold, a clarifying question with the likeliest choices and "Gặp cán bộ".

Works on public.db only. Context per session (last procedure, pending choices, a complaint
awaiting confirmation or details) is a `ChatState`, kept in `chat_sessions.state`. A new message is
understood on its own first; the session's procedure is used only for a bare follow-up ("lệ phí
bao nhiêu?") that names nothing itself.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from appliance.citizen.accountability import asks_accountability
from appliance.citizen.asked_elsewhere import asked_elsewhere
from appliance.citizen.classify import Classification
from appliance.citizen.copy_certification import copy_instead
from appliance.citizen.hospital_papers import TOPIC as HOSPITAL_TOPIC
from appliance.citizen.hospital_papers import hospital_paper_asked
from appliance.citizen.lost_papers import copy_instead as lost_copy_instead
from appliance.citizen.matching import Procedure, ProcedureIndex, tokens
from appliance.citizen.official_name import named_instead
from appliance.citizen.online_procedure import named_procedure
from appliance.citizen.other_regime import is_social_protection, other_regime
from appliance.citizen.paper_mistakes import other_paper_wrong
from appliance.citizen.phrasings import FAQ_LABELS
from appliance.citizen.public import answers, replies, store
from appliance.citizen.public.chat_state import ChatState
from appliance.citizen.public.choosing import pick_with_model
from appliance.citizen.public.intake import (
    FiledTicket,
    IntakeError,
    TicketStatus,
    file_feedback,
    file_handover,
    ticket_status,
)
from appliance.citizen.public.preparing import complaint_router, prepare, understanding_for
from appliance.citizen.service_failures import reports_mishandling, reports_service_failure
from appliance.citizen.service_questions import asks_service
from appliance.citizen.understanding import Reading, Understanding, kind_of, procedure_threshold, thresholds
from appliance.citizen.unsure_complaints import offered_below_bar
from appliance.config import Settings
from appliance.engines import Embedder, Generator, engine

log = logging.getLogger(__name__)
TICKET = re.compile(r"\b(PA|HD)[\s\-]*([3467ACDEFGHJKMNPQRTUVWXY]{3})[\s\-]*([3467ACDEFGHJKMNPQRTUVWXY]{3})\b")
MAX_MESSAGE = 1000
HANDOVER_CUES = ("gap can bo", "chuyen can bo", "noi chuyen voi can bo", "gap nguoi that", "nguoi that tra loi",
                 "can bo tra loi", "gap nhan vien", "chuyen cho can bo", "ket noi can bo", "lien he can bo")
YES = {"co", "dong y", "gui", "gui phan anh", "gui di", "ok", "oke", "vang", "uh", "u", "dung", "dung roi", "1"}
NO = {"khong", "thoi", "huy", "khong gui", "khong a", "2", "khong toi muon hoi"}
TICKET_WORDS = {"phan", "anh", "kien", "nghi", "don", "khieu", "nai"}


@dataclass
class ChatReply:
    reply: str
    intent: str  # procedure | feedback | status | other (CONTRACT §2)
    detail: str  # answer, clarify, follow_up, filed, confirm_complaint, faq, out_of_scope, handover…
    procedure: Procedure | None = None
    ticket: FiledTicket | TicketStatus | None = None
    engine: str = "rules"
    choices: list[dict[str, str]] = field(default_factory=list)
    faq_topic: str | None = None
    aspects: list[str] = field(default_factory=list)
    qualifiers: list[str] = field(default_factory=list)
    confidence: float | None = None
    handover: str | None = None  # the HD code of a conversation handed to staff


def chat_embedder(settings: Settings) -> Embedder | None:
    """The embedder the chat ranks with, when the ward turned it on (settings.citizen_embeddings,
    or settings.citizen_embeddings_when_unsure for the messages the rules are unsure of) and one is
    installed; the website and Zalo use the same, so both channels answer alike."""
    wanted = settings.citizen_embeddings or settings.citizen_embeddings_when_unsure
    return engine(settings, "embedder") if wanted else None


def complaint_embedder(settings: Settings) -> Callable[[], Embedder | None] | None:
    """Where the complaint model gets the embedder (settings.citizen_complaint_model): asked when a
    complaint is filed, not when the bot is built, so an engines server that starts later is used."""
    if not settings.citizen_complaint_model:
        return None
    return lambda: engine(settings, "embedder")


def bot_for(settings: Settings, generator: Generator | None) -> ChatBot:
    """The chatbot as the ward configured it: the website and the Zalo worker build it alike."""
    return ChatBot(generator, settings.public_base_url, embedder=chat_embedder(settings),
                   complaint_second_opinion=settings.citizen_complaint_second_opinion,
                   embed_when_unsure=not settings.citizen_embeddings,
                   complaint_embedder=complaint_embedder(settings))


def procedure_index(conn: sqlite3.Connection) -> ProcedureIndex:
    """The rules' phrase index of the published catalogue alone (what the understanding's rules use)."""
    return understanding_for(conn, None).index


def mask_digits(text: str) -> str:
    """Phone numbers and ID numbers never go into the chat log."""
    return re.sub(r"\d[\d .]{6,}\d", lambda m: m.group(0)[:2] + "…", text)


def same_family(code: str | None, other: str | None) -> bool:
    """Two catalogue codes of one family: the same prefix before the dash (CTH-BS and CTH-HD: chứng thực)."""
    return bool(code and other and "-" in code and code.split("-", 1)[0] == other.split("-", 1)[0])


def _said(words: list[str], options: set[str]) -> bool:
    return " ".join(words) in options


class ChatBot:
    def __init__(self, generator: Generator | None = None, public_base_url: str = "",
                 embedder: Embedder | None = None, complaint_second_opinion: bool = False,
                 embed_when_unsure: bool = False,
                 complaint_embedder: Callable[[], Embedder | None] | None = None):
        self.generator = generator
        # The complaint model's embedder (complaint_model.py); None or an absent embedder: rules alone.
        self.complaint_embedder = complaint_embedder
        self.embedder = embedder
        self.embed_when_unsure = embed_when_unsure  # the embedder reads only what the rules are unsure of
        self.complaint_second_opinion = complaint_second_opinion  # settings.citizen_complaint_second_opinion
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

    def understanding(self, conn: sqlite3.Connection) -> Understanding:
        return understanding_for(conn, self.embedder, self.embed_when_unsure and self.embedder is not None)

    def prepare(self, conn: sqlite3.Connection) -> None:
        """Start the background builds this publication still needs (preparing.py); returns at once."""
        complaint = self.complaint_embedder() if self.complaint_embedder is not None else None
        prepare(conn, self.embedder, self.embed_when_unsure and self.embedder is not None, complaint)

    def classify_complaint(self, conn: sqlite3.Connection, text: str) -> Classification:
        """A complaint's category as the chat files it: below the calibrated threshold (or against the
        second opinion, where the ward turned it on) it waits "chờ phân loại" and names no department.
        The website's complaint form files through this too, so no channel tells a doubtful guess as final.
        With an embedder, the complaint model decides (complaint_model.py: better on wording nobody on the
        team wrote, docs/citizen.md); without one, or when it fails, the rules do, labelled "rules"."""
        embedder = self.complaint_embedder() if self.complaint_embedder is not None else None
        if embedder is not None:
            try:
                # None while the model is being prepared in the background (preparing.py): the
                # citizen does not wait for it; the rules classify, labelled "rules".
                router = complaint_router(conn, embedder)
                if router is not None:
                    return router.classify(text, second_opinion=self.complaint_second_opinion)
            except Exception:  # a broken engines server must not lose the citizen's complaint
                log.exception("complaint model failed; the rules classify this complaint")
        return self.understanding(conn).classify_complaint(text, second_opinion=self.complaint_second_opinion)

    # --- turn ----------------------------------------------------------------------------
    def handle(self, conn: sqlite3.Connection, session_id: str, message: str, *, channel: str = "web",
               channel_user: str | None = None, source_key: str | None = None) -> ChatReply:
        """One citizen message. `source_key` names where it came from (a Zalo event) so that a
        complaint or hand-over it files is filed once, however often the message is handled."""
        state = ChatState.from_json(store.session_state(conn, session_id))
        text = message.strip()[:MAX_MESSAGE]
        reply = self._turn(conn, state, text, channel, (session_id, channel_user, source_key))
        self._save(conn, session_id, channel, state, message, reply)
        return reply

    def _turn(self, conn: sqlite3.Connection, state: ChatState, message: str, channel: str,
              origin: tuple[str, str | None, str | None]) -> ChatReply:
        words = tokens(message)
        code = TICKET.search(message.upper())
        awaiting, state.awaiting = state.awaiting, None  # a pending question is answered now or dropped
        draft, state.draft = state.draft, ""
        choices, state.choices = state.choices, []
        if code or awaiting == "ticket_code" and 0 < len(words) <= 3:
            return self._status(conn, f"{code.group(1)}-{code.group(2)}-{code.group(3)}" if code else message)
        if self._wants_staff(words):
            return self._handover(conn, message, channel, origin)
        if awaiting == "confirm" and draft:
            if _said(words, YES) or _said(words, {replies.CONFIRM_YES.lower()}) or " ".join(words) == "gui phan anh":
                return self._file(conn, state, draft, channel, origin)
            if _said(words, NO) or " ".join(words) == " ".join(tokens(replies.CONFIRM_NO)):
                return ChatReply("Tôi chưa gửi phản ánh. Bạn cần hỏi thủ tục gì, cứ hỏi tôi nhé.", "other",
                                 "confirm_declined")
        understanding = self.understanding(conn)
        if awaiting == "details" and draft:
            reading = understanding.read(message)
            if not (reading.intent == "procedure" and reading.question):  # the complaint's details
                return self._file(conn, state, f"{draft}\n{message}".strip(), channel, origin)
        if choices:
            picked = self._pick(understanding, choices, words)
            if picked is not None:
                aspects, state.aspects = state.aspects, []
                return self._chosen(conn, state, understanding, picked, aspects, message, channel, origin)
        if not words:
            return ChatReply("Bạn vui lòng nhập câu hỏi hoặc nội dung phản ánh.", "other", "empty")
        reading = understanding.read(message)
        return self._act(conn, state, understanding, reading, message, channel, origin)

    def _act(self, conn: sqlite3.Connection, state: ChatState, understanding: Understanding, reading: Reading,
             message: str, channel: str, origin: tuple[str, str | None, str | None]) -> ChatReply:
        limits = thresholds()
        words = tokens(message)  # folded once: every reading below takes the same words
        sure = reading.confidence >= limits["answer"]
        entry = best_faq(conn, words)
        if entry is not None and not (sure and reading.intent in ("procedure", "complaint")):
            # The ward's own written answer to this question (admin FAQ, /quan-tri/cong-dan).
            return ChatReply(entry["answer"], "other", "faq", faq_topic=reading.topic if reading.intent == "faq"
                             else None, confidence=reading.confidence)
        if reading.intent == "chitchat" and (sure or reading.confidence >= limits["chitchat"]):
            return self._chitchat(message, reading)
        said_complaint = (reading.complaint_cue or asks_accountability(words)
                          or offered_below_bar(words))
        if reading.intent == "complaint" and (said_complaint or reading.confidence >= limits["complaint"]
                                              and not asks_service(words)):
            # Below the bar only when the citizen said it is a complaint ("phản ánh rác"), asked the ward who
            # answers for the problem ("phường có biết không?", session 17) or told how its service failed ("đùn
            # đẩy", "không ai nghe", session 20): then the bot asks for details, asks to confirm, or files; it
            # never files a complaint on its own guess. At the bar too, a question about a service for the citizen
            # ("… xin hỏi tra cứu ở đâu?", session 22) is asked about rather than offered as a complaint.
            return self._complaint(conn, state, reading, message, channel, origin)
        if reading.intent == "procedure" and reports_mishandling(words):
            # "xin xác nhận độc thân mà bị đẩy qua đẩy lại": how the office handled it, a complaint
            return self._complaint(conn, state, reading, message, channel, origin)
        if reading.intent == "procedure" and (official := named_instead(
                reading.code, words := words, understanding.rules.scores(words), understanding.index)):
            # "đăng ký thường trú online …" read as tạm trú: the procedure named by its whole name (session 23)
            return self._answer(state, understanding.by_code[official], reading, message)
        if reading.intent == "procedure" and (elsewhere := asked_elsewhere(
                words := words, understanding.rules.matcher.find(words))) is not None:
            # "hỏi thủ tục ly hôn …, (họ) đăng ký kết hôn ở phường": the matter asked is another office's (session 27)
            return self._out_of_scope(conn, understanding, replace(reading, intent="out_of_scope",
                                                                    label=f"oos:{elsewhere}"))
        if reading.intent == "procedure" and (copied_paper := lost_copy_instead(
                reading.code, words, understanding.procedures)) in understanding.by_code:
            # "giấy kết hôn bị chuột cắn nát, cần bản sao": the register gives the paper again as a copy; the
            # registration does not re-issue it (session 29)
            return self._answer(state, understanding.by_code[copied_paper or ""], reading, message)
        if reading.intent == "procedure" and hospital_paper_asked(words):
            # "giấy chứng sinh bệnh viện cấp bị ghi sai tên mẹ": the hospital's paper, corrected or re-issued where
            # it was issued (session 29)
            return self._out_of_scope(conn, understanding, replace(reading, intent="out_of_scope",
                                                                    label=f"oos:{HOSPITAL_TOPIC}"))
        if reading.intent == "procedure" and (office := other_paper_wrong(words)) is not None:
            # "căn cước ghi sai ngày sinh, sửa ở phường được không": the office that issued it corrects it (session 29)
            return self._out_of_scope(conn, understanding, replace(reading, intent="out_of_scope",
                                                                    label=f"oos:{office}"))
        if (reading.intent == "procedure" and reading.code in understanding.by_code
                and is_social_protection(" ".join(tokens(understanding.by_code[reading.code].name)))
                and (regime := other_regime(words)) is not None):
            # "vợ thương binh … trợ cấp tuất", "đóng bảo hiểm xã hội … trợ cấp mai táng": another regime's benefit,
            # not the ward's allowance or funeral support (session 29)
            return self._out_of_scope(conn, understanding, replace(reading, intent="out_of_scope",
                                                                    label=f"oos:{regime}"))
        # The phrase rules' scores only for a message read as out of scope: copy_instead answers None for the rest.
        copied = (copy_instead(reading.intent, understanding.rules.scores(words))
                  if reading.intent == "out_of_scope" else None)
        if copied is not None and copied in understanding.by_code:
            # a copy of another office's paper ("chứng thực copy of my passport") is certified here (session 25)
            return self._answer(state, understanding.by_code[copied], reading, message)
        answerable = (reading.intent == "procedure" and reading.code in understanding.by_code
                      and reading.confidence >= procedure_threshold(reading))
        if (not answerable and reading.intent == "procedure" and state.procedure in dict(reading.procedures())
                and (not sure or same_family(reading.code, state.procedure))):
            # The message names a family ("công chứng") whose likeliest members include the
            # procedure just answered: the conversation settles which one. Between the general bar and
            # the procedure bar (a reading surer than a guess, not sure enough to answer) only when its
            # likeliest procedure is of the same family as the conversation's (session 12: the refit's
            # larger index reads such family words more surely, up into that gap).
            return self._answer(state, understanding.by_code[state.procedure or ""], reading, message)
        if not sure and self._follow_up(state, understanding, reading, message):
            proc = understanding.by_code[state.procedure or ""]
            return self._answer(state, proc, reading, message, follow_up=True)
        if (reading.intent == "procedure" and reading.code in understanding.by_code
                and reading.confidence >= procedure_threshold(reading)):
            return self._answer(state, understanding.by_code[reading.code], reading, message)
        if sure and reading.intent == "faq" and reports_service_failure(reading.topic, words):
            # "gọi đường dây nóng cả tuần không ai nghe": a complaint about the service, not the FAQ it names
            return self._complaint(conn, state, reading, message, channel, origin)
        online = named_procedure(reading.label, reading.aspects, understanding.rules.scores(words))
        if online in understanding.by_code:  # "làm X online được không": X's record, its online aspect (session 21)
            return self._answer(state, understanding.by_code[online or ""], reading, message)
        if sure and reading.intent == "faq" and reading.topic:
            return self._faq(conn, understanding, reading.topic, reading)
        if reading.intent == "out_of_scope" and reading.confidence >= limits["out_of_scope"]:
            return self._out_of_scope(conn, understanding, reading)
        if reading.intent == "status" and reading.confidence >= limits["status"]:
            return self._status_help(conn, understanding, reading, message)
        options = [(label, self._choice(understanding, label)["title"])
                   for label in self._candidates(understanding, reading)]
        picked = pick_with_model(self.generator, message, options)
        if picked is not None:
            return self._chosen(conn, state, understanding, picked, reading.aspects, message, channel, origin,
                                engine="llm")
        return self._clarify(state, understanding, reading)

    # --- intents -------------------------------------------------------------------------
    def _chitchat(self, message: str, reading: Reading) -> ChatReply:
        words = tokens(message)
        if any(w in words for w in ("cam", "thank", "thanks", "tks", "camon")):
            return ChatReply("Rất vui được hỗ trợ bạn. Chúc bạn một ngày tốt lành!", "other", "thanks",
                             confidence=reading.confidence)
        return ChatReply(
            "Xin chào! Tôi là trợ lý tự động của UBND phường (không phải người thật). Tôi có thể:\n"
            "• hướng dẫn thủ tục hành chính (giấy tờ, lệ phí, thời hạn, nơi nộp);\n"
            "• trả lời giờ làm việc, địa chỉ, số điện thoại của phường;\n"
            "• nhận phản ánh, kiến nghị và cho bạn mã để theo dõi;\n"
            "• tra cứu tình trạng phản ánh theo mã (ví dụ PA-7K3-M4X);\n"
            "• chuyển câu hỏi cho cán bộ khi bạn bấm «Gặp cán bộ».\nBạn cần hỏi gì ạ?",
            "other", "greeting", confidence=reading.confidence, choices=[self._staff_choice()])

    def _complaint(self, conn: sqlite3.Connection, state: ChatState, reading: Reading, message: str, channel: str,
                   origin: tuple[str, str | None, str | None]) -> ChatReply:
        content = [w for w in tokens(message) if w not in ("phan", "anh", "khieu", "nai", "kien", "nghi")]
        if len(content) < 5:
            state.awaiting, state.draft = "details", message
            return ChatReply("Để chuyển đúng bộ phận, bạn mô tả rõ hơn giúp: sự việc gì, ở đâu (số nhà, ngõ, "
                             "tổ dân phố), từ khi nào?", "feedback", "ask_details", confidence=reading.confidence)
        if reading.complaint_cue:  # the citizen said it is a complaint: file it
            return self._file(conn, state, message, channel, origin)
        state.awaiting, state.draft = "confirm", message
        return ChatReply("Bạn muốn gửi nội dung trên thành phản ánh tới phường để cán bộ xử lý không? Phản ánh sẽ "
                         "có mã để bạn theo dõi.", "feedback", "confirm_complaint", confidence=reading.confidence,
                         choices=[{"id": "complaint", "title": replies.CONFIRM_YES},
                                  {"id": "no", "title": replies.CONFIRM_NO}])

    def _follow_up(self, state: ChatState, understanding: Understanding, reading: Reading, message: str) -> bool:
        """A bare follow-up on the procedure just answered ("lệ phí bao nhiêu?"): it asks about an
        aspect and names no procedure, topic or problem of its own."""
        if not reading.aspects or state.procedure not in understanding.by_code:
            return False
        if any(kind_of(label) != "complaint" for label in understanding.rules.scores(tokens(message))):
            return False  # it names a procedure, FAQ or out-of-scope topic itself: a new question
        # A complaint reading below the bar is only the default mass of a message that names nothing
        # ("lệ phí bn vậy"); a complaint the citizen announced is handled before this.
        return not reading.complaint_cue and reading.confidence < 0.9

    def _answer(self, state: ChatState, proc: Procedure, reading: Reading | None, question: str,
                follow_up: bool = False, engine: str | None = None) -> ChatReply:
        state.procedure = proc.code
        aspects = reading.aspects if reading else []
        qualifiers = reading.qualifiers if reading and not follow_up else []
        withheld = [q for q in qualifiers if q in replies.WITHHOLD_RECORD]
        if withheld:
            parts = [replies.withheld_intro(proc, qualifiers), replies.variant_note(proc, qualifiers),
                     f"Bạn xem toàn bộ hồ sơ thủ tục tại {self.procedure_link(proc)['url']} hoặc bấm «Gặp cán bộ» "
                     "để cán bộ hướng dẫn đúng trường hợp của bạn."]
            return ChatReply("\n\n".join(parts), "procedure", "variant", procedure=proc, aspects=aspects,
                             qualifiers=qualifiers, confidence=reading.confidence if reading else None,
                             choices=[self._staff_choice()], engine=engine or "rules")
        result = answers.answer(proc, aspects, question, self.generator)
        text = result.text
        if qualifiers:
            text += "\n\n" + replies.variant_note(proc, qualifiers)
        return ChatReply(text, "procedure", "follow_up" if follow_up else "answer", procedure=proc,
                         engine=engine or result.engine, aspects=aspects, qualifiers=qualifiers,
                         confidence=reading.confidence if reading else None)

    def _faq(self, conn: sqlite3.Connection, understanding: Understanding, topic: str,
             reading: Reading | None) -> ChatReply:
        text = replies.faq_answer(topic, store.ward_profile(conn), understanding.procedures)
        return ChatReply(text, "other", "faq", faq_topic=topic, confidence=reading.confidence if reading else None)

    def _out_of_scope(self, conn: sqlite3.Connection, understanding: Understanding, reading: Reading) -> ChatReply:
        topic = understanding.phrasings.out_of_scope.get(reading.topic or "")
        ward = store.ward_profile(conn).get("name") or "phường"
        return ChatReply(replies.out_of_scope_answer(topic, ward), "other", "out_of_scope",
                         confidence=reading.confidence)

    def _status_help(self, conn: sqlite3.Connection, understanding: Understanding, reading: Reading,
                     message: str) -> ChatReply:
        if TICKET_WORDS & set(tokens(message)):
            return ChatReply("Bạn vui lòng gửi mã phản ánh (ví dụ PA-7K3-M4X) để tôi tra cứu. Nếu không còn mã, "
                             "bạn bấm «Gặp cán bộ» để cán bộ kiểm tra giúp.", "status", "ask_code",
                             confidence=reading.confidence, choices=[self._staff_choice()])
        text = replies.faq_answer("tra_cuu_ho_so", store.ward_profile(conn), understanding.procedures)
        return ChatReply(text, "status", "status_help", faq_topic="tra_cuu_ho_so", confidence=reading.confidence)

    # --- choosing ------------------------------------------------------------------------
    def _staff_choice(self) -> dict[str, str]:
        return {"id": replies.HANDOVER, "title": replies.HANDOVER_TITLE}

    def _choice(self, understanding: Understanding, label: str) -> dict[str, str]:
        kind = kind_of(label)
        if kind == "proc":
            proc = understanding.by_code[label.split(":", 1)[1]]
            return {"id": label, "title": proc.name, **self.procedure_link(proc)}
        if kind == "faq":
            return {"id": label, "title": FAQ_LABELS.get(label.split(":", 1)[1], label)}
        if kind == "complaint":
            return {"id": "complaint", "title": replies.CONFIRM_YES}
        return {"id": label, "title": label}

    def _candidates(self, understanding: Understanding, reading: Reading) -> list[str]:
        """The 2–3 likeliest labels a citizen can choose from (procedures, FAQ topics, a complaint)."""
        floor = thresholds()["choice_floor"]
        out = [label for label, p in reading.ranked if p >= floor and kind_of(label) in ("proc", "faq", "complaint")]
        return out[:3]

    def _clarify(self, state: ChatState, understanding: Understanding, reading: Reading) -> ChatReply:
        labels = self._candidates(understanding, reading)
        choices = [self._choice(understanding, label) for label in labels]
        state.choices = [*labels, replies.HANDOVER]
        state.aspects = reading.aspects
        if labels:
            lines = "\n".join(f"{i}. {c['title']}" for i, c in enumerate(choices, 1))
            text = (f"Tôi chưa chắc bạn hỏi về việc nào. Có phải một trong các việc sau?\n{lines}\n"
                    f"Bạn bấm chọn (hoặc trả lời bằng số thứ tự), hoặc bấm «{replies.HANDOVER_TITLE}» để cán bộ "
                    "trả lời.")
            detail = "clarify"
        else:
            text = ("Xin lỗi, tôi chưa hiểu câu hỏi. Tôi hỗ trợ thủ tục hành chính của phường (ví dụ: khai sinh, "
                    "kết hôn, chứng thực, sổ đỏ, tạm trú), nhận phản ánh và tra cứu mã phản ánh. Bạn có thể hỏi "
                    f"lại cụ thể hơn, hoặc bấm «{replies.HANDOVER_TITLE}».")
            detail = "unknown"
        return ChatReply(text, "other" if not labels or kind_of(labels[0]) != "proc" else "procedure", detail,
                         choices=[*choices, self._staff_choice()], confidence=reading.confidence,
                         aspects=reading.aspects, qualifiers=reading.qualifiers)

    def _pick(self, understanding: Understanding, choices: list[str], words: list[str]) -> str | None:
        """Which offered choice the citizen took: a number, a button's title, or its name in words."""
        ids = [c if ":" in c or c in (replies.HANDOVER, "complaint") else f"proc:{c}" for c in choices]
        said = " ".join(words)
        numbers = [int(w) for w in words if w.isdigit()]
        if numbers and len(words) <= 4 and 1 <= numbers[0] <= len(ids):
            return ids[numbers[0] - 1]
        for label in ids:
            title = self._choice(understanding, label)["title"] if label != replies.HANDOVER else \
                replies.HANDOVER_TITLE
            if said == " ".join(tokens(title)):
                return label
        return None

    def _chosen(self, conn: sqlite3.Connection, state: ChatState, understanding: Understanding, label: str,
                aspects: list[str], message: str, channel: str, origin: tuple[str, str | None, str | None],
                engine: str | None = None) -> ChatReply:
        kind = kind_of(label)
        if label == replies.HANDOVER:
            return self._handover(conn, message, channel, origin)
        if kind == "proc":
            reading = understanding.read(message)
            chosen = Reading(intent="procedure", label=label, confidence=1.0, ranked=[(label, 1.0)],
                             qualifiers=reading.qualifiers, aspects=aspects or reading.aspects)
            return self._answer(state, understanding.by_code[label.split(":", 1)[1]], chosen, message,
                                engine=engine)
        if kind == "faq":
            return self._faq(conn, understanding, label.split(":", 1)[1], None)
        if label == "complaint":
            state.awaiting, state.draft = "details", ""
            return ChatReply("Bạn mô tả sự việc giúp tôi: việc gì, ở đâu (số nhà, ngõ, tổ dân phố), từ khi nào?",
                             "feedback", "ask_details")
        return ChatReply("Bạn cần hỏi gì, cứ hỏi tôi nhé.", "other", "empty")

    # --- complaint, hand-over, status ------------------------------------------------------
    def _wants_staff(self, words: list[str]) -> bool:
        said = f" {' '.join(words)} "
        return any(f" {cue} " in said for cue in HANDOVER_CUES) and len(words) <= 12

    def _handover(self, conn: sqlite3.Connection, message: str, channel: str,
                  origin: tuple[str, str | None, str | None]) -> ChatReply:
        session_id, channel_user, source_key = origin
        code = file_handover(conn, session_id, channel, last_message=mask_digits(message), channel_user=channel_user,
                             source_key=source_key)
        where = ("Cán bộ sẽ trả lời bạn qua Zalo này" if channel == "zalo" else
                 f"Bạn tra cứu câu trả lời bằng mã {code} ở mục «Tra cứu»")
        return ChatReply(f"Tôi đã chuyển cuộc trò chuyện (kèm các câu bạn đã hỏi) tới cán bộ phường, mã {code}. "
                         f"{where} trong giờ làm việc.", "other", "handover", handover=code)

    def _file(self, conn: sqlite3.Connection, state: ChatState, text: str, channel: str,
              origin: tuple[str, str | None, str | None]) -> ChatReply:
        _, channel_user, source_key = origin
        try:
            ticket = file_feedback(conn, text, channel=channel, channel_user=channel_user, source_key=source_key,
                                   classification=self.classify_complaint(conn, text))
        except IntakeError as exc:
            return ChatReply(str(exc), "feedback", "invalid")
        state.last_ticket = ticket["ticket_code"]
        deadline = "/".join(reversed(ticket["deadline"].split("-")))
        if ticket.get("pending"):
            routed = ("Phản ánh đang được cán bộ phân loại để chuyển tới đúng bộ phận xử lý; bạn tra cứu mã để biết "
                      "bộ phận nhận và tiến độ")
        else:
            routed = (f"(lĩnh vực: {ticket['category_label']}), chuyển tới {ticket['department']}; "
                      f"hạn trả lời: {deadline}")
        return ChatReply(
            f"Cảm ơn bạn đã phản ánh. Phản ánh đã được ghi nhận với mã {ticket['ticket_code']} {routed}. "
            "Bạn giữ mã này để tra cứu tình trạng xử lý. "
            "Nếu muốn cán bộ liên hệ lại, bạn có thể gửi phản ánh kèm số điện thoại qua mục «Gửi phản ánh».",
            "feedback", "filed", ticket=ticket, engine=ticket["engine"])

    def _status(self, conn: sqlite3.Connection, raw: str) -> ChatReply:
        found = ticket_status(conn, raw)
        if found is None:
            return ChatReply("Không tìm thấy phản ánh với mã này. Bạn kiểm tra lại mã (ví dụ PA-7K3-M4X) giúp tôi.",
                             "status", "not_found")
        deadline = "/".join(reversed(found["deadline"].split("-"))) if found["deadline"] else ""
        where = ("đang chờ cán bộ phân loại để chuyển tới bộ phận xử lý" if found["pending"]
                 else f"Đơn vị xử lý: {found['department']}" + (f"; hạn trả lời: {deadline}" if deadline else ""))
        text = f"{found['ticket_code']} ({found['category_label']}): {found['status_label']}. {where}."
        if found["reply"]:
            text += f"\nTrả lời của phường: {found['reply']}"
        return ChatReply(text, "status", "status", ticket=found)


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


_FAQ_STOP = {"cho", "hoi", "em", "toi", "a", "la", "gi", "co", "khong", "cua", "o", "va", "the", "nao", "duoc",
             "minh", "anh", "chi", "oi", "voi", "nhu", "thi", "can", "xin", "ad", "admin", "vay", "nhe", "phuong"}
