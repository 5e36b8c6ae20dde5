"""The ward's identity, departments, staff directory and working-day calendar: what other features
call (drafting's ND30 header, the citizen routing, task assignees, meeting attendees, deadlines).

`get_profile` is None until the ward is set up: callers then say "cần xác nhận" rather than print
a made-up name. The directory is the people of the ward, not the logins: a person may have no
account, and `username` links the two when they do.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field

from appliance.config import Settings
from appliance.text import fold, normalize
from appliance.text.dates import WorkCalendar, parse_date
from appliance.ward import store


@dataclass(frozen=True)
class WardProfile:
    name: str                 # "Phường Hoa Sen"
    parent_body: str          # cơ quan chủ quản line of ND30 headers ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")
    issuer: str               # cơ quan ban hành ("ỦY BAN NHÂN DÂN PHƯỜNG HOA SEN")
    unit_code: str            # ký hiệu of the issuer in document numbers ("UBND")
    place_name: str           # địa danh in ND30 dates ("Hà Nội")
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    opening_hours: str = ""       # shown to citizens as written by the ward
    reception_schedule: str = ""  # lịch tiếp công dân
    demo: bool = False            # the built-in fictional ward of the demo data


@dataclass(frozen=True)
class StaffMember:
    id: int
    full_name: str
    title: str
    unit: str
    aliases: tuple[str, ...] = field(default_factory=tuple)
    username: str | None = None
    active: bool = True


class WardError(ValueError):
    """A value the ward's admin must correct; the message is Vietnamese, for people."""


REQUIRED_PROFILE = {"name": "Tên phường",
                    "unit_code": "Ký hiệu cơ quan trong số văn bản", "place_name": "Địa danh ghi ngày văn bản",
                    "address": "Địa chỉ trụ sở"}
PROFILE_LABELS = {**REQUIRED_PROFILE, "parent_body": "Cơ quan chủ quản",
                  "issuer": "Cơ quan ban hành (để trống: ỦY BAN NHÂN DÂN + tên phường)", "phone": "Điện thoại",
                  "email": "Thư điện tử",
                  "website": "Trang thông tin điện tử", "opening_hours": "Giờ làm việc",
                  "reception_schedule": "Lịch tiếp công dân"}
_UNIT_CODE = re.compile(r"^[A-ZĐ0-9][A-ZĐ0-9.\-]{0,19}$")


# --- profile ------------------------------------------------------------------------------------

def get_profile(conn: sqlite3.Connection) -> WardProfile | None:
    row = store.profile_row(conn)
    if row is None:
        return None
    return WardProfile(**{c: row[c] for c in store.PROFILE_COLUMNS}, demo=bool(row["demo"]))


def profile_problems(values: Mapping[str, object]) -> list[str]:
    """What is missing or malformed in a profile form, in Vietnamese ([] when it can be saved)."""
    problems = [f"Thiếu {label.lower()}." for key, label in REQUIRED_PROFILE.items()
                if not str(values.get(key) or "").strip()]
    code = str(values.get("unit_code") or "").strip()
    if code and not _UNIT_CODE.match(code):
        problems.append("Ký hiệu cơ quan chỉ gồm chữ in hoa, chữ số, dấu chấm hoặc gạch nối (ví dụ UBND).")
    return problems


def save_profile(conn: sqlite3.Connection, values: Mapping[str, object], *, username: str | None = None,
                 demo: bool = False) -> WardProfile:
    clean = {key: normalize(str(values.get(key) or "")).strip() for key in store.PROFILE_COLUMNS}
    if not clean["issuer"] and clean["name"]:
        clean["issuer"] = f"ỦY BAN NHÂN DÂN {clean['name'].upper()}"
    problems = profile_problems(clean)
    if problems:
        raise WardError(" ".join(problems))
    store.save_profile(conn, clean, demo=demo, username=username)
    profile = get_profile(conn)
    assert profile is not None
    return profile


def ward_settings(conn: sqlite3.Connection, settings: Settings) -> Settings:
    """`settings` with the ward's identity from its profile (the ND30 header of every draft, page
    titles); unchanged while the ward is not set up."""
    profile = get_profile(conn)
    if profile is None:
        return settings
    return settings.model_copy(update={
        "ward_name": profile.name, "ward_parent": profile.parent_body, "ward_place": profile.place_name,
        "ward_issuer": profile.issuer, "ward_unit_code": profile.unit_code})


def _profile(settings: Settings) -> WardProfile | None:
    if not settings.db_path.exists():
        return None
    conn = sqlite3.connect(f"file:{settings.db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return get_profile(conn)
    finally:
        conn.close()


def setup_needed(settings: Settings) -> bool:
    """True while the ward has no profile of its own (the admin is shown the wizard)."""
    profile = _profile(settings)
    return profile is None or (profile.demo and not settings.demo_mode)


def ward_display_name(settings: Settings) -> str:
    """The name pages print: the ward's profile once set up, the setting before."""
    profile = _profile(settings)
    return profile.name if profile is not None else settings.ward_name


def profile_dict(profile: WardProfile) -> dict[str, object]:
    return asdict(profile)


# --- departments and directory ----------------------------------------------------------------

def units(conn: sqlite3.Connection) -> list[str]:
    """The ward's departments in the admin's order; those only named in the directory follow."""
    named = [row["name"] for row in store.unit_rows(conn)]
    seen = {fold(n) for n in named}
    for member in directory(conn):
        if member.unit and fold(member.unit) not in seen:
            seen.add(fold(member.unit))
            named.append(member.unit)
    return named


def add_units(conn: sqlite3.Connection, names: Iterable[str]) -> int:
    added = 0
    for raw in names:
        name = normalize(raw).strip()
        if name:
            added += store.add_unit(conn, name, fold(name))
    return added


def _member(row: sqlite3.Row) -> StaffMember:
    return StaffMember(id=row["id"], full_name=row["full_name"], title=row["title"], unit=row["unit"],
                       aliases=tuple(json.loads(row["aliases"] or "[]")), username=row["username"],
                       active=bool(row["active"]))


def directory(conn: sqlite3.Connection, *, include_inactive: bool = False) -> list[StaffMember]:
    return [_member(row) for row in store.staff_rows(conn, active_only=not include_inactive)]


def save_member(conn: sqlite3.Connection, *, full_name: str, title: str = "", unit: str = "",
                aliases: Iterable[str] = (), username: str | None = None, phone: str = "", email: str = "",
                active: bool = True) -> bool:
    """Add a person, or update the one with the same name in the same unit. True when added."""
    name = " ".join(normalize(full_name).split())
    if not name:
        raise WardError("Thiếu họ và tên.")
    unit = normalize(unit).strip()
    if unit:
        add_units(conn, [unit])
    clean_aliases = [a for a in (" ".join(normalize(x).split()) for x in aliases) if a]
    return store.upsert_staff(conn, full_name=name, full_name_fold=fold(name), title=normalize(title).strip(),
                              unit=unit, aliases=clean_aliases, username=(username or "").strip() or None,
                              phone=phone.strip(), email=email.strip(), active=active)


def set_member_active(conn: sqlite3.Connection, staff_id: int, active: bool) -> bool:
    return store.set_staff_active(conn, staff_id, active)


# Forms of address said before a name in meetings and minutes; never part of the name itself.
HONORIFICS = ("dong chi", "d/c", "đ/c", "anh", "chi", "ong", "ba", "co", "chu", "bac", "em", "thay", "ban")


def _strip_honorific(folded: str) -> str:
    words = folded.replace("đ/c", "d/c").split()
    while words:
        for honorific in HONORIFICS:
            parts = honorific.split()
            if words[:len(parts)] == parts and len(words) > len(parts):
                words = words[len(parts):]
                break
        else:
            break
    return " ".join(words)


def match_person(conn: sqlite3.Connection, mention: str, *, unit_hint: str = "") -> list[StaffMember]:
    """People of the directory that `mention` may name, best first ([] when none).

    "anh Hùng", "Hùng", "đ/c Nguyễn Văn Hùng", "Lan tư pháp" (a given name with the unit or title),
    or an alias the admin entered. A unit hint (the unit said nearby) ranks that unit's people first.
    """
    said = _strip_honorific(fold(mention))
    if not said:
        return []
    said_words = said.split()
    hint_words = set(re.findall(r"\w+", fold(unit_hint)))
    scored: list[tuple[float, StaffMember]] = []
    for member in directory(conn):
        name_words = fold(member.full_name).split()
        context_words = set(re.findall(r"\w+", fold(f"{member.unit} {member.title}")))
        score = 0.0
        if any(_strip_honorific(fold(alias)) == said for alias in member.aliases):
            score = 100.0
        elif said == " ".join(name_words):
            score = 90.0
        elif said == fold(member.title):
            score = 80.0
        elif name_words and name_words[-1] in said_words:
            named = [w for w in said_words if w in name_words]
            others = [w for w in said_words if w not in name_words]
            if others and not all(w in context_words for w in others):
                continue  # "Lan kế toán" does not name Lan of Tư pháp
            score = 50.0 + 10 * len(named) + 15 * len(others)
        if not score:
            continue
        unit_words = set(re.findall(r"\w+", fold(member.unit)))
        if hint_words and len(hint_words & unit_words) * 2 >= len(hint_words):
            score += 20  # at least half the words of the hint name this person's unit
        scored.append((score, member))
    scored.sort(key=lambda item: (-item[0], item[1].full_name))
    return [member for _score, member in scored]


# --- working-day calendar -----------------------------------------------------------------------

@dataclass(frozen=True)
class CalendarDay:
    day: dt.date
    kind: str   # "off" | "work"
    note: str


def calendar_days(conn: sqlite3.Connection) -> list[CalendarDay]:
    return [CalendarDay(dt.date.fromisoformat(r["day"]), r["kind"], r["note"]) for r in store.calendar_rows(conn)]


def work_calendar(conn: sqlite3.Connection) -> WorkCalendar:
    """The ward's extra days off and compensatory working days, for every working-day count."""
    days = calendar_days(conn)
    return WorkCalendar(extra_off=frozenset(d.day for d in days if d.kind == "off"),
                        extra_work=frozenset(d.day for d in days if d.kind == "work"))


def set_calendar_day(conn: sqlite3.Connection, day: object, kind: str, note: str = "",
                     username: str | None = None) -> dt.date:
    parsed = parse_date(day)
    if parsed is None:
        raise WardError(f"Ngày không hợp lệ: «{day}» (viết dd/mm/yyyy).")
    if kind not in ("off", "work"):
        raise WardError("Chọn «nghỉ» hoặc «làm bù».")
    store.set_calendar_day(conn, parsed.isoformat(), kind, normalize(note).strip(), username)
    return parsed


def delete_calendar_day(conn: sqlite3.Connection, day: dt.date) -> bool:
    return store.delete_calendar_day(conn, day.isoformat())


def setup_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return store.counts(conn)
