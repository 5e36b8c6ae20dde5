"""Rule-based Vietnamese task extraction from meeting transcripts (the "rules" engine).

A sentence is a task when it directs someone ("giao", "đề nghị", "yêu cầu", "phân công", "chịu
trách nhiệm", "phụ trách", "khẩn trương"…) or names a person/unit together with a deadline and an
action; statements of what was done ("đã", "cho biết", "nêu ý kiến") are not. Who: the first person
(honorific + name) after the directive word, else the first before it, else the unit. Unit: a
known ward body or a "Phòng …"/"tổ dân phố số N" phrase. Deadline: appliance.tasks.deadlines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass

from appliance.tasks.deadlines import find_deadline, fold_keep
from appliance.text import normalize
from appliance.text.dates import WorkCalendar

HONORIFIC = r"(?:dong chi|d/c|anh|chi|ong|ba|em|co|chu|bac)"
_TITLES = r"(?:(?:pho\s+)?chu tich|truong phong|pho truong phong|truong|can bo|cong chuc)\s+"
_SURNAMES = {"nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho",
             "ngo", "duong", "ly", "dinh", "trinh", "dao", "mai", "luong", "ta", "cao", "lam", "chu", "ha",
             "kieu", "to", "quach", "phung", "trieu", "doan", "van", "thai", "la", "tong"}
# Words that end a lower-case name: verbs, prepositions and unit words that follow a name.
_STOP = {"phong", "ban", "cong", "trung", "tam", "to", "hoi", "doan", "tram", "bo", "phu", "chiu", "co",
         "se", "khan", "chu", "phoi", "hoan", "bao", "kiem", "lap", "gui", "ra", "tong", "nop", "chuan", "thuc",
         "trien", "lam", "xay", "vao", "cho", "bi", "va", "voi", "nam", "noi", "cap", "dam", "ben", "thuoc",
         "truong", "pho", "dang", "rasoat", "xu", "theo", "tai", "o", "cua", "nho", "de", "yeu", "giao", "huong",
         "so", "tiep", "lien", "soan", "trinh", "tang", "van", "can", "phai", "duoc", "da", "cung", "thong"}
DIRECTIVE = re.compile(r"\b(?:giao(?: cho| nhiem vu cho)?|de nghi|yeu cau|phan cong|nho|chiu trach nhiem|"
                       r"co trach nhiem|chu tri|phu trach|khan truong|dam nhan|dam nhiem|can phai|giao nhiem vu)\b")
REPORTED = re.compile(r"\b(?:da|cho biet|neu y kien|phat bieu|noi rang|bao cao rang|trinh bay|nhan manh|moi)\b")
ACTION = re.compile(r"\b(?:hoan thanh|hoan thien|bao cao|nop|gui|trinh|xong|kiem tra|ra soat|chuan bi|to chuc|"
                    r"lap|cap nhat|tong hop|trien khai|thuc hien|xay dung|giai quyet)\b")
UNITS: list[tuple[str, str]] = [
    ("Phòng Kinh tế, Hạ tầng và Đô thị", r"phong kinh te(?:,? ha tang va do thi)?"),
    ("Phòng Văn hóa - Xã hội", r"phong van hoa(?:\s*[-–,]?\s*xa hoi)?"),
    ("Văn phòng HĐND và UBND",
     r"van phong(?: hdnd va ubnd| uy ban(?: nhan dan)?| hoi dong nhan dan va uy ban nhan dan)?"),
    ("Trung tâm Phục vụ hành chính công", r"trung tam phuc vu hanh chinh cong|bo phan mot cua"),
    ("Công an phường", r"cong an phuong"),
    ("Ban Chỉ huy Quân sự phường", r"ban chi huy quan su(?: phuong)?"),
    ("Ủy ban MTTQ phường", r"(?:uy ban )?mat tran to quoc(?: phuong)?|mttq"),
    ("Đoàn Thanh niên", r"doan thanh nien(?: phuong)?"),
    ("Hội Liên hiệp Phụ nữ", r"hoi (?:lien hiep )?phu nu(?: phuong)?"),
    ("Hội Cựu chiến binh", r"hoi cuu chien binh"),
    ("Hội Người cao tuổi", r"hoi nguoi cao tuoi"),
    ("Trạm Y tế phường", r"tram y te(?: phuong)?"),
    ("Chi cục Thuế", r"chi cuc thue"),
]
_UNIT_RE = [(name, re.compile(rf"\b(?:{pattern})\b")) for name, pattern in UNITS]
_TDP = re.compile(r"\b(?:to dan pho|tdp)\s+(?:so\s+)?(\d{1,3})\b")
# Honorifics are matched with their accents: folded, "chú" would be "chủ trì" and "chị" "chỉ huy".
_PERSON = re.compile(r"(?<!\w)(?:đồng chí|đ/c|anh|chị|ông|bà|em|cô|chú|bác)\s+", re.IGNORECASE)
_TITLE = re.compile(rf"{_TITLES}")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SPEAKER = re.compile(r"^\s*[^:\n]{1,40}:\s*")


@dataclass(frozen=True)
class ExtractedTask:
    assignee: str
    unit: str
    content: str
    deadline: str | None
    quote: str

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)


def sentences(text: str) -> list[str]:
    """Transcript → sentences (speaker prefixes dropped; ';' splits clauses that each assign)."""
    out = []
    for line in re.split(r"\n\s*\n|(?<=[.!?;])\s+|\n(?=[^\n]{1,40}:)", normalize(text)):
        line = _SPEAKER.sub("", line.replace("\n", " ")).strip()
        for part in re.split(r"(?<=[;])\s*", line):
            if part.strip(" ;"):
                out.append(part.strip(" ;"))
    return out


def _person_at(text: str, folded: str, start: int, unit_starts: set[int]) -> tuple[str, int, int] | None:
    """A name right after an honorific: capitalised words, or one lower-case word (recogniser output)."""
    title = _TITLE.match(folded, start)
    if title:
        start = title.end()
    words = [w for w in _WORD.finditer(text, start)]
    if not words or words[0].start() - start > 2:
        return None
    names: list[re.Match[str]] = []
    for w in words[:4]:
        if names and w.start() - names[-1].end() > 1:
            break
        token = folded[w.start():w.end()]
        if w.start() in unit_starts:
            break
        if w.group(0)[0].isupper():
            names.append(w)
            continue
        if not names and token not in _STOP and len(token) > 1:
            names.append(w)
        break
    if not names:
        return None
    if len(names) > 1 and not names[0].group(0)[0].isupper():
        names = names[:1]
    return text[names[0].start():names[-1].end()], names[0].start(), names[-1].end()


def _people(text: str, folded: str, units: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    unit_starts = {u[1] for u in units}
    for m in _PERSON.finditer(text):
        person = _person_at(text, folded, m.end(), unit_starts)
        if person is None:
            continue
        name, _s, end = person
        honorific = text[m.start():m.end()].strip()
        found.append((f"{honorific} {name}" if not honorific[0].isupper() else f"{honorific.lower()} {name}",
                      m.start(), end))
    # Full names without an honorific: "Nguyễn Thị Hoa" (a surname then two capitalised words).
    for m in re.finditer(r"\b([A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\W\d_]*)(?:\s+[A-ZĐ][^\W\d_]*){2,3}", text):
        if fold_keep(m.group(1)) in _SURNAMES and not any(s <= m.start() < e for _n, s, e in found) \
                and m.start() not in unit_starts:
            found.append((m.group(0), m.start(), m.end()))
    return sorted(found, key=lambda p: p[1])


def _units(folded: str, text: str) -> list[tuple[str, int, int]]:
    found = [(name, m.start(), m.end()) for name, rx in _UNIT_RE for m in rx.finditer(folded)]
    found += [(f"Tổ dân phố số {m.group(1)}", m.start(), m.end()) for m in _TDP.finditer(folded)]
    found.sort(key=lambda u: (u[1], -u[2]))
    kept: list[tuple[str, int, int]] = []
    for unit in found:  # the longest match at a place wins ("văn phòng hđnd và ubnd" over "văn phòng")
        if not any(unit[1] < e and s < unit[2] for _n, s, e in kept):
            kept.append(unit)
    return kept


_DANGLING = re.compile(r"(?:[,\s]+(?:hoàn thành|xong|hạn chót là|thời hạn|chậm nhất|trước|trong|vào|ngay))+\s*$",
                       re.IGNORECASE)


def _clean(content: str) -> str:
    content = re.sub(r"\s+", " ", content).strip(" ,.;:-–")
    content = _DANGLING.sub("", content).strip(" ,.;:-–")
    return content[:1].upper() + content[1:] if content else content


def extract_from_sentence(sentence: str, meeting: dt.date,
                          calendar: WorkCalendar | None = None) -> ExtractedTask | None:
    folded = fold_keep(sentence)
    directive = DIRECTIVE.search(folded)
    deadline = find_deadline(sentence, meeting, folded, calendar)
    units = _units(folded, sentence)
    people = _people(sentence, folded, units)
    if not people and not units:
        return None
    if directive is None:
        # No directive word: a person/unit with a deadline and an action is still a task, unless reported.
        if deadline is None or not ACTION.search(folded) or REPORTED.search(folded):
            return None
    elif REPORTED.search(folded[:directive.start()]) and not deadline:
        return None
    anchor = directive.start() if directive else 0
    after = [p for p in people if p[1] >= anchor]
    person = (after or people)[0] if (after or people) else None
    if person is not None:
        near = [u for u in units if u[1] >= person[1]] or units
        unit = near[0][0] if near and near[0][1] - person[2] < 60 else ""
        assignee, who_end = person[0], person[2]
        unit_end = max((u[2] for u in units if u[0] == unit and u[1] >= person[1]), default=who_end)
        body_start = max(who_end, unit_end if unit_end - who_end < 60 else who_end)
    else:
        cand = [u for u in units if u[1] >= anchor] or units
        assignee = unit = cand[0][0]
        body_start = cand[0][2]
    body = sentence[body_start:]
    if deadline is not None and deadline[1] >= body_start:
        body = sentence[body_start:deadline[1]] + sentence[deadline[2]:]
    content = _clean(re.sub(r"^\s*(?:,|\(|\)|bên|thuộc|của)\s*", "", body))
    return ExtractedTask(assignee=assignee, unit=unit, content=content or _clean(sentence),
                         deadline=deadline[0].isoformat() if deadline else None, quote=sentence.strip())


def extract_tasks(text: str, meeting_date: dt.date, calendar: WorkCalendar | None = None) -> list[ExtractedTask]:
    tasks = []
    for sentence in sentences(text):
        task = extract_from_sentence(sentence, meeting_date, calendar)
        if task is not None:
            tasks.append(task)
    return tasks
