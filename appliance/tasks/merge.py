"""Merging one anchor into the tasks proposed so far (`merge`): the same person again, accepting, confirming or
recapping is the same task (the last date said wins); a withdrawal, a deferral or "done already" cancels; a job
handed over or given "instead" moves with its content and date."""

from __future__ import annotations

import re
from collections.abc import Sequence

from appliance.tasks import withdrawals
from appliance.tasks.anchor import Anchor
from appliance.tasks.dialogue import Turn
from appliance.tasks.open_task import (
    OpenTask,
    content_words,
    key_of,
    overlaps,
    previous_speaker,
    same_job,
    support,
    word_pairs,
)
from appliance.tasks.phrases import AGREE, RECAP
from appliance.tasks.roster import Person
from appliance.text import fold


def _redates(live: list[OpenTask], turn: Turn) -> bool:
    """Session 13: the chair's short date naming the doer of the task they gave two turns back
    ("thế thứ Sáu Mai gửi" after another member's "giấy gọi phải thứ Sáu mới có")."""
    if not (turn.leads and live and live[-1].chair and live[-1].person.name
            and live[-1].touched == turn.index - 2):
        return False
    words = re.findall(r"\w+", fold(turn.text).lower())
    return len(words) <= 8 and fold(live[-1].person.name.split()[-1]).lower() in words


# "tuấn chuẩn bị hồ sơ đề nghị khen thưởng …" — "dạ … mới có bảy tổ nộp thôi ạ" — "tổ nào chưa nộp" — "dạ tổ hai
# tổ năm …" — "thì em gọi điện từng tổ trưởng nhắc luôn đi": how to do the task, told within an exchange of the chair
# and its doer alone (up to four turns on), not a second task (session 12 reached two turns back)
def _exchange(lines: Sequence[Turn], task: OpenTask, turn: Turn) -> bool:
    """Every turn since the task was given is the chair's or its doer's, four turns at most."""
    between = lines[task.turn + 1:turn.index]
    return 0 < turn.index - task.turn <= 4 and all(t.leads or key_of(t.speaker) == key_of(task.person) for t in between)


# Session 15 (docs/meetings.md, "Session 15"): a member's date said in reply ("anh ơi mai thứ Bảy ạ" from Hùng, after
# "… anh Hùng gửi sáng mai, còn anh Minh gửi thứ Hai nhé") does not move the deadline of another person's task that
# the chair gave: a member speaks for their own work (the chair's "Được, thứ Năm." still dates the task)
def _for_another(task: OpenTask, turn: Turn) -> bool:
    """The turn is a member's, and the task is a named other person's, given by someone else."""
    return not turn.leads and turn.speaker.kind == "staff" and task.person.kind == "staff" \
        and key_of(task.person) != key_of(turn.speaker) and task.said_by != turn.label


def merge(found: list[OpenTask], anchor: Anchor, turn: Turn, lines: Sequence[Turn]) -> None:
    if anchor.kind == "cancel" and anchor.defers:
        # (a person named: session 23's IF_LATER, that person's task of the last three turns)
        reach = 2 if anchor.person is None else 3
        put_off = [t for t in found if not t.cancelled and 0 < turn.index - t.turn <= reach
                   and withdrawals.shares_work(anchor.quote, t.content)
                   and (anchor.person is None or key_of(t.person) == key_of(anchor.person))]
        if put_off:
            put_off[-1].cancelled = put_off[-1].called_off = True
            put_off[-1].off_by = anchor.quote
        return
    if anchor.kind == "cancel":
        first = True
        for task in reversed(found):
            if task.cancelled or turn.index - task.turn > 2:
                continue
            if anchor.person is None or key_of(task.person) == key_of(anchor.person):
                # the latest task of whom it names is the one called off; earlier ones of theirs in the last
                # turns go as before, but the sentence model may still read them ("… anh tuấn liên hệ … dạ em
                # nhận … thì tuấn làm à không thôi để chị …")
                task.cancelled, task.called_off = True, first and anchor.calls_off
                task.off_by, first = anchor.quote if task.called_off else "", False
                if anchor.person is None:
                    break
        return
    if anchor.kind == "done":  # "em gửi chị rồi ạ": what was just asked of them is already done, not another
        # matter reported in the same breath ("Dạ. Báo cáo anh luôn, vỉa hè … nghiệm thu xong hôm qua rồi ạ")
        for task in reversed(found):
            if not task.cancelled and anchor.person is not None and key_of(task.person) == key_of(anchor.person) \
                    and 0 < turn.index - task.turn <= 2 and task.said_by != turn.label \
                    and (len(content_words(anchor.content)) <= 6
                         or word_pairs(task.content) & word_pairs(anchor.content)):
                task.cancelled = True
                break
        return
    if anchor.kind == "agree" and anchor.person is not None:  # the chair moving a named doer's date (clause_dates)
        named = [t for t in found if not t.cancelled and key_of(t.person) == key_of(anchor.person)]
        if named:
            named[-1].deadline = anchor.deadline or named[-1].deadline
            named[-1].touched = turn.index
            support(named[-1], anchor, turn.leads)
        return
    if anchor.kind == "agree":  # "Được, thứ Năm." / "ừ càng tốt thứ tư": the proposed deadline stands
        for task in reversed(found):
            if not task.cancelled and task.pending and (turn.index - task.turn <= 5
                                                        or turn.index - task.touched <= 2):
                task.deadline = anchor.deadline or task.pending[-1]
                task.pending.clear()
                task.restated = True
                return
        live = [t for t in found if not t.cancelled and turn.index - t.turn <= 2]
        # The chair's own postponement (follow_up) reaches the task discussed two turns back; the assignee's
        # "Ừ, thứ Năm anh đi" says when they go, within the deadline already given, and leaves it.
        near = turn.index - (2 if anchor.follow_up or _redates(live, turn) else 1)
        if anchor.deadline is not None and live and live[-1].touched >= near \
                and not (live[-1].deadline and key_of(live[-1].person) == key_of(turn.speaker)) \
                and not _for_another(live[-1], turn):
            live[-1].deadline = anchor.deadline
        return
    person = anchor.person
    assert person is not None
    mine = [t for t in found if not t.cancelled and key_of(t.person) == key_of(person)]
    if anchor.kind == "task" and anchor.deadline is None and not anchor.recap \
            and _ALSO.search(anchor.quote.lower()):
        # "Thế còn phần rạp, âm thanh, bàn ghế… Tuấn lo luôn nhé." after Tuấn's dated task: a part of it, as well
        earlier = [t for t in mine if t.deadline is not None and 0 < turn.index - t.touched <= 8]
        if earlier:
            earlier[-1].touched = turn.index
            support(earlier[-1], anchor, turn.leads)
            return
    if anchor.kind == "task" and anchor.deadline is None \
            and _LEADS_ONLY.fullmatch(re.split(r"[,;]", anchor.content.lower())[0]):
        # "ừ thì Trung tâm chủ trì, Phòng Văn hóa - Xã hội phối hợp": who leads the task given in the last turns
        lead = [t for t in mine if 0 < turn.index - t.touched <= 3]
        if lead:
            lead[-1].touched = turn.index
            support(lead[-1], anchor, turn.leads)
            return
    if anchor.recap and not mine and anchor.kind == "task" \
            and RECAP.search(anchor.quote.lower()):
        mine = [t for t in found if not t.cancelled and _unit_and_member(t.person, person)
                and len(content_words(t.content) & content_words(anchor.content)) >= 2]
    if anchor.recap and not mine and anchor.kind == "task" and anchor.deadline is None \
            and RECAP.search(anchor.quote.lower()):
        return  # "Tóm lại: …, anh Sơn trực giao thừa.": an undated recap item restating nothing read before
    if anchor.recap and mine and anchor.kind == "task":
        # "Tóm lại: …, Hùng lo hòa giải, …": the recap names a task given before, in fewer words; the one
        # it shares most words with (else the latest), with the date the recap says, if any.
        task = max(mine, key=lambda t: (len(content_words(t.content) & content_words(anchor.content)), t.turn))
        task.touched = turn.index
        # An unpunctuated recap ("tóm lại lan xong sổ kết hôn trước mười lăm em làm khai tử thì thứ hai …")
        # cannot tell which date is whose: it fills a missing date but does not move one; an item said on its
        # own ("Vậy chốt: Thắng dự toán vỉa hè mùng 4/12; …") says its date last, and that date wins.
        alone = len(_recap_item(anchor.quote).split()) <= _RECAP_ITEM
        if alone or not (task.deadline is None and _starts_only(task.quote, anchor.quote)):
            task.deadline = (anchor.deadline or task.deadline) if alone else (task.deadline or anchor.deadline)
        support(task, anchor, turn.leads)
        return
    if anchor.how == "first":
        # Without a directory, "anh Hùng" given a task and "Trần Văn Hùng" accepting it are one person.
        said = [t for t in found if not t.cancelled and t.person.kind == "said" and person.name
                and turn.index - t.turn <= 6 and t.person.name.split()[-1:] == person.name.split()[-1:]]
        person = said[-1].person if said else person
        mine = [t for t in found if not t.cancelled and key_of(t.person) == key_of(person) and turn.index - t.turn <= 6]
        if mine and re.match(r"^(?:xin\s+)?nhận\b", anchor.content.lower()):
            # "Tôi xin nhận nhiệm vụ và sẽ báo cáo đúng hạn": accepting the task given a few turns before
            mine[-1].deadline = anchor.deadline or mine[-1].deadline
            support(mine[-1], anchor, turn.leads)
            return
    # a task a member hands down (SESSION29_DELEGATE) is the one named's own, not their acceptance of another
    recent = [] if anchor.delegated else [t for t in found if not t.cancelled and key_of(t.person) == key_of(person)
              and (t.turn == turn.index
                   or (anchor.follow_up and t.touched >= turn.index - 1)
                   or (anchor.follow_up and turn.index - t.turn <= 2 and overlaps(t.content, anchor.content)))]
    if anchor.kind == "propose":
        # session 12: asking for another date for one's own task ("Anh Bảo, thứ Tư tuần sau em đi đo đạc …, em
        # xin báo anh vào thứ Năm được không ạ?") reaches that person's latest task however long ago it was given
        # (the chair's agreement, as before, must follow within a few turns)
        mine = [t for t in found if not t.cancelled and key_of(t.person) == key_of(person)]
        if mine and anchor.deadline is not None:
            mine[-1].pending.append(anchor.deadline)
            mine[-1].touched = turn.index
        return
    if not recent and anchor.how == "first" and person.kind == "voice" and anchor.deadline is None \
            and len(anchor.content.split()) <= 2:
        # "Dạ em đi luôn" from a voice nobody named, right after a task was given: accepting it, not a new task
        given = [t for t in found if not t.cancelled and t.touched >= turn.index - 1]
        if given:
            given[-1].restated = True
            return
    if not recent and anchor.follow_up and person.unit and len(anchor.content.split()) <= 4 and not anchor.delegated:
        # "Dạ, em nhận ạ" from the head of the unit just given a task: that task, not a new one
        recent = [t for t in found if not t.cancelled and t.person.kind == "unit" and t.person.name == person.unit
                  and turn.index - t.touched <= 2]
        if recent and turn.leads and person.kind == "staff" \
                and recent[-1].turn == turn.index and anchor.kind == "task" and not anchor.recap:
            recent[-1].person = person  # "… thì văn phòng lo. Chị Lan thuê xe nhé.": the unit's job, to its person
    if not recent and anchor.kind == "task" and turn.leads and not anchor.recap \
            and (AGREE.match(anchor.quote.lower()) or _agreed_first(turn, anchor.quote)):
        # "Em xin treo xong trước ngày 28 ạ." — "Ừ, anh Hùng treo cờ, băng rôn … trước ngày 28/12 nhé.": the chair
        # agreeing to what that person just offered with its date, in their own words
        recent = [t for t in found if not t.cancelled and key_of(t.person) == key_of(person) and t.self_given
                  and (t.deadline is not None and 0 < turn.index - t.turn <= 2
                       or t.deadline is None and turn.index - t.turn == 1)  # "để em lo ạ." — "Ừ Huy liên hệ …"
                  and (AGREE.match(anchor.quote.lower()) or anchor.deadline in (None, t.deadline))]
        if recent and not AGREE.match(anchor.quote.lower()):
            recent[-1].echoes.append(anchor.quote)  # (session 23) the chair's sentence is not added back as another
    if not recent and anchor.how == "second" and anchor.deadline is None and turn.leads:
        # "… tổng hợp danh sách … xong trước ngày mười" — "dạ nhưng mấy tổ năm nào cũng gửi chậm" — "thì em gọi
        # điện đôn đốc …": how to do the task just given to the one answering, not a task of its own
        recent = [t for t in found if not t.cancelled and key_of(t.person) == key_of(person) and t.chair
                  and (0 < turn.index - t.turn <= 2 or _exchange(lines, t, turn))]
    if not recent and anchor.how == "first" and not turn.leads \
            and len(content_words(anchor.content)) <= 2:
        # "dạ em gửi thứ ba ạ" a few turns after the chair gave that person a task (others answered in between):
        # accepting it, with the date said last
        recent = [t for t in found if not t.cancelled and key_of(t.person) == key_of(person) and t.chair
                  and 0 < turn.index - t.touched <= 6 and t.said_by != turn.label]
    if recent:
        task = recent[-1]
        task.touched = turn.index
        if task.turn != turn.index:
            support(task, anchor, turn.leads)
        if anchor.deadline is not None:
            task.deadline = anchor.deadline
        if anchor.inherits or len(anchor.content) > len(task.content) and task.turn == turn.index:
            task.content = task.content if anchor.inherits else anchor.content
        return
    again = [t for t in found if not t.cancelled and key_of(t.person) == key_of(person) and same_job(t.content,
                                                                                                anchor.content)]
    if not again and turn.leads and anchor.kind == "task" and anchor.deadline is not None \
            and not anchor.inherits and not anchor.recap:
        again = [t for t in found if not t.cancelled and key_of(t.person) == key_of(person) and t.chair
                 and t.deadline is not None and t.turn < turn.index
                 and not content_words(anchor.content) - content_words(t.content) - _REDATE_WORDS]
    if again and not anchor.inherits:
        # The chair's closing recap ("Kết luận: anh Hùng rà soát công trình sai phép, hạn 15/12") restates a
        # task given earlier: the same task, with the deadline said last.
        again[-1].touched = turn.index
        again[-1].deadline = anchor.deadline or again[-1].deadline
        support(again[-1], anchor, turn.leads)
        return
    content = anchor.content
    deadline = anchor.deadline
    if turn.leads and not anchor.inherits and _THIS_JOB.match(anchor.content.lower()):
        # "Việc đó Huy làm …" — "anh cho em lùi sang tuần sau được không ạ?" — "Thôi được, Thắng làm việc này":
        # "this job" given to another takes the task of the one who just asked to be spared it
        previous = previous_speaker(lines, turn)
        spared = [t for t in found if not t.cancelled and previous is not None and t.chair and t.person.name
                  and key_of(t.person) == key_of(previous.speaker) != key_of(person)
                  and 0 < turn.index - t.touched <= 3]
        if spared:
            spared[-1].cancelled = True
            content, deadline = spared[-1].content, deadline or spared[-1].deadline
    opens = anchor.quote.lower()
    if turn.leads and not anchor.inherits and (_INSTEAD.match(opens) or _INSTEAD_WIDE.match(opens)):
        # "Nam đo lại cho chính xác …" — "anh ơi em không mang thước, Huy có mang đấy ạ" — "thế thì Huy đo lại cho chính
        # xác …": the same job given to another right after its doer spoke is theirs now
        previous = previous_speaker(lines, turn)
        spared = [t for t in found if not t.cancelled and previous is not None and t.chair and t.person.name
                  and key_of(t.person) != key_of(person) and 0 < turn.index - t.touched <= 2
                  and (key_of(t.person) == key_of(previous.speaker) or _spoken_of(t.person, previous))
                  and (same_job(t.content, anchor.content) or _that_job(anchor.content))]
        if spared:
            spared[-1].cancelled = spared[-1].called_off = True
            deadline = deadline or spared[-1].deadline
    handed = [t for t in found if not t.cancelled and t.chair and anchor.hands_from is not None
              and (key_of(t.person) == key_of(anchor.hands_from)
                   # "Phòng Văn hóa - Xã hội làm …" — its head: "Dạ, để em giao anh Tuấn làm ạ" (SESSION29_DELEGATE)
                   or anchor.delegated and t.person.kind == "unit" and t.person.name == anchor.hands_from.unit)
              and (not anchor.delegated or 0 < turn.index - t.turn <= 3)]
    if handed:  # session 13: the task handed over, with its content and date
        handed[-1].cancelled = handed[-1].called_off = True
        content, deadline = handed[-1].content, deadline or handed[-1].deadline
    live = [t for t in found if not t.cancelled]
    if anchor.same_deadline and live:
        deadline = live[-1].deadline
    if anchor.inherits:
        withdrawn = [t for t in found if t.cancelled and turn.index - t.turn <= 1]
        given = [t for t in found if not t.cancelled and turn.index - t.turn <= 2
                 and key_of(t.person) != key_of(person)]
        previous = previous_speaker(lines, turn)
        excused = [t for t in found if not t.cancelled and previous is not None and t.chair
                   and key_of(t.person) == key_of(previous.speaker) != key_of(person) and turn.index - t.touched <= 6]
        if excused and not given:
            # "anh ơi tuần sau em đi họp quận cả tuần ạ" — "à thế à thôi trụ nước thì để huy làm …": the task of
            # the one who just gave their reason goes to another
            given = excused
        if not withdrawn and anchor.reassigns and given:
            given[-1].cancelled = True  # "À thôi, để anh Huy làm": the task just given goes to another
            given[-1].called_off = True
            withdrawn = given[-1:]
            deadline = deadline or withdrawn[-1].deadline
        if withdrawn:
            content = withdrawn[-1].content
    found.append(OpenTask(person, content, deadline, anchor.quote, turn.index, said_by=turn.label, how=anchor.how,
                       directed=anchor.directed, chair=turn.leads, self_given=key_of(turn.speaker) == key_of(person)))


# Session 16 (docs/meetings.md, "Session 16"): the chair giving the same job (two syllable pairs shared) to another
# person right after its doer answered (an excuse, pointing to someone better placed), opening with "thế thì", "vậy
# thì", "thôi", moves it (`merge`)
_INSTEAD = re.compile(r"^\W*(?:(?:ừ|ờ|à|vâng|được)\W+)?(?:thế thì|vậy thì|thế|vậy|thôi)\b")
# Session 20 (docs/meetings.md, "Session 20"): the same move when the chair agrees first in more words ("ừ đúng rồi thế
# thì lan tư pháp làm mẫu biên bản …, không phải hà nữa"), when the one who spoke before is not the doer but says
# why the doer cannot ("chị hà ơi huy nghỉ phép đến hai mươi để thắng làm thay" — "vâng thế thắng làm báo cáo đó nhé"),
# and when the job is pointed back to ("báo cáo đó", "việc ấy") rather than said again in two shared pairs
_INSTEAD_WIDE = re.compile(r"^\W*(?:(?:ừ|ờ|à|vâng|được|đúng rồi|đúng|rồi|ok)\W+){1,3}"
                           r"(?:thế thì|vậy thì|thế|vậy|thôi)\b")
_THAT_JOB = re.compile(r"^(?:\w+\s+){0,3}?(?:đó|ấy|đấy)\b")


def _spoken_of(doer: Person, previous: Turn) -> bool:
    """The turn before, not the chair's, names the doer by their given name ("huy nghỉ phép đến hai mươi …")."""
    given = fold(doer.name.split()[-1]).lower() if doer.kind == "staff" and doer.name else ""
    return bool(given) and not previous.leads \
        and given in re.findall(r"\w+", fold(previous.text).lower())


def _that_job(content: str) -> bool:
    """The job is pointed back to within its first words ("làm báo cáo đó nhé", "việc ấy"), or taken in the
    doer's place ("để anh Huy đi thay", "Hà trực thay nhé")."""
    lower = content.lower()
    return _THAT_JOB.match(lower) is not None or _STAND_IN.match(lower) is not None


# Session 23 (docs/meetings.md, "Session 23"): "thay" right after the verb says the job is done in the doer's place
# ("Việc này Thắng xuống kiểm tra …, trong tuần sau." — "Dạ anh, Thắng đang đi học lớp bồi dưỡng đến 20/1 ạ." — "À
# thế thì để anh Huy đi thay, vẫn trong tuần sau."): the same job, pointed back to, as "làm báo cáo đó"; the move
# keeps its other conditions (the chair, right after the doer spoke or was spoken of); "thay bóng đèn" (to replace)
# is a job of its own
_STAND_IN = re.compile(r"^(?:(?:đi|làm|lo|trực|dự|nhận)\s+)?thay(?:\s+(?:cho\s+)?(?:anh|chị|em|đồng chí)?\s*\w*)?"
                       r"\s*(?:[,.;!]|\s+(?:nhé|nha|luôn|vẫn|đi|ạ)\b|$)")

_THIS_JOB = re.compile(r"^(?:làm|lo|nhận|đảm nhận)\s+(?:việc|vụ|cái|phần)\s+(?:này|đó|ấy|đấy)\b")


# Session 19 (docs/meetings.md, "Session 19"): a job given to a unit, then in the same turn of the chair a person of
# that unit named for it in a few words ("Còn xe đưa thanh niên đi khám ngày 26 thì văn phòng lo. Chị Lan thuê xe
# nhé."): one task, the person's, with the unit's date (it had stayed the unit's, a wrong task and a missed one;
# `merge`)


# Session 19 (docs/meetings.md, "Session 19"): the chair giving a person who has a dated task a new date later in the
# meeting, naming no job of their own beyond the words of that task ("anh hùng làm sớm lên thứ sáu này nhé", "à chị
# lan giấy mời thì thứ sáu gửi cũng được"): that task's new date, not a second task
_REDATE_WORDS = {"lam", "gui", "nop", "xong", "trinh", "som", "len", "hon", "cung", "duoc", "thi", "nhe", "luon",
                 "phai", "hoan", "thanh", "cho", "anh", "chi", "em", "nay", "tuan", "sau", "nua"}




# An undated job "luôn" (as well) for someone given a dated task in the last eight turns ("Thế còn phần rạp, âm
# thanh, bàn ghế… Tuấn lo luôn nhé", "thì huy đôn đốc luôn trong đợt kiểm tra") adds to that task: no second task
_ALSO = re.compile(r"\bluôn\b")
# "X chủ trì" and nothing more, said of a task X was given in the last three turns (after a member said who else
# should do it): that task, with its helper, not a second one
_LEADS_ONLY = re.compile(r"\W*(?:vẫn\s+)?(?:là\s+)?chủ trì(?:\s+(?:chính|nhé|nha|luôn))*\W*")


# Session 23 (docs/meetings.md, "Session 23"): a task given with the day it starts and no end ("công an phường chủ
# trì … ra quân giải tỏa bắt đầu từ thứ hai tuần sau làm liên tục cả tháng") has no deadline; an unpunctuated recap,
# which cannot tell whose a date is ("… công an ra quân từ thứ hai nam chỉ giới trước mười tám …"), does not give it
# one; a recap item said on its own still does
STARTS = re.compile(r"\b(?:bắt đầu từ|bắt đầu|kể từ|từ)\s+(?:ngày\s+|hôm\s+|sáng\s+|đêm\s+)?(?:thứ|mùng|mồng|tuần|mai|"
                    r"đầu|\d)")
# Session 23 (docs/meetings.md, "Session 23"): the chair's bare agreement said as a sentence of its own before the
# order ("Lan: … lịch đi thăm ngày 28/1, thứ Tư này em trình chị Hạnh" — "Ừ. Lịch thăm chị Lan làm cho xong, đúng hạn
# nhé."): agreeing to what that person just offered, as "Ừ, anh Hùng treo cờ … nhé" is; not a new matter ("Ừ. Còn
# việc khác, chị Lan …") nor another date ("Ừ. Chị Lan soạn báo cáo tháng trước thứ Sáu.")
_BARE_AGREE = re.compile(r"^\W*(?:ừ|được|vâng|ok|đồng ý|tốt)\W*?[.!]\s+")


def _agreed_first(turn: Turn, quote: str) -> bool:
    """The turn opens with a bare agreement and the quote is the sentence right after it."""
    bare = _BARE_AGREE.match(turn.text.lower())
    return bare is not None and turn.text.lower()[bare.end():].startswith(quote.lower().strip()[:24]) \
        and not re.match(r"^\W*(?:còn|về|tiếp|ngoài ra|thêm)\b", quote.lower())


_ENDS = re.compile(r"\b(?:xong|hoàn thành|kết thúc|đến|tới)\b")


def _starts_only(given: str, recap: str) -> bool:
    """The task was given with its start and no end, and the recap's date is not said as its end ("… từ thứ hai xong
    trước ngày hai mươi" is)."""
    if STARTS.search(given.lower()) is None:
        return False
    starts = list(STARTS.finditer(recap.lower()))
    return not starts or _ENDS.search(recap.lower()[starts[-1].end():]) is None


_RECAP_ITEM = 16  # words: longer, the quote runs over several recap items (a recogniser run)
# Session 12 (docs/meetings.md, "Session 12"): the recap's first item is measured without its header ("Anh chốt lại
# nhé: anh Hùng cùng anh Minh làm phương án vỉa hè, thứ Hai tuần sau trình anh;"): the item alone says its date.


def _recap_item(quote: str) -> str:
    head, colon, rest = quote.partition(":")
    return rest if colon and RECAP.search(head.lower()) else quote


# Session 18 (docs/meetings.md, "Session 18"): a closing recap naming a unit ("Nhắc lại: công an rà soát pháo, …")
# restates the task given earlier to one of its people ("Đồng chí trưởng công an tiếp tục cho rà soát …"), and one
# naming a person restates the task given to their unit: that task (the one sharing most words), not a second one.
# An explicit recap's item with no date that restates no task read before ("Tóm lại: …, anh Sơn trực giao thừa.",
# where the task was given with its date in words the rules missed) is no task of its own: the recap names work given
# earlier, and its date is there (abstention: the secretary sees the recap in the biên bản)
def _unit_and_member(had: Person, said: Person) -> bool:
    """One of the two is a unit and the other a person of the directory in that unit."""
    return bool(had.kind == "staff" and said.kind == "unit" and had.unit and had.unit == said.name
                or had.kind == "unit" and said.kind == "staff" and said.unit and said.unit == had.name)
