"""Demo data never lands on a unit that holds real work: real records, people's accounts,
documents the ward added or its own identity. `appliance demo-data` names what it found."""

from __future__ import annotations

import sqlite3

from appliance.auth.demo import DEMO_USERS
from appliance.auth.users import list_users
from appliance.dashboard.store import imported_record_count
from appliance.knowledge.documents import added_document_titles
from appliance.ward import get_profile


def _some(names: list[str], limit: int = 3) -> str:
    shown = ", ".join(f"«{n}»" for n in names[:limit])
    return shown + (f" và {len(names) - limit} mục khác" if len(names) > limit else "")


def real_data(conn: sqlite3.Connection) -> list[str]:
    """What on this unit is not demo data, one Vietnamese line each ([] when nothing is)."""
    found = []
    demo_names = {u[0] for u in DEMO_USERS}
    people = [a.username for a in list_users(conn) if a.username not in demo_names]
    if people:
        found.append(f"{len(people)} tài khoản người dùng thật: {_some(people)}")
    records = imported_record_count(conn)
    if records:
        found.append(f"{records:,} hồ sơ nhập từ tệp sổ theo dõi".replace(",", "."))
    documents = added_document_titles(conn)
    if documents:
        found.append(f"{len(documents)} văn bản do đơn vị thêm: {_some(documents)}")
    profile = get_profile(conn)
    if profile is not None and not profile.demo:
        found.append(f"thông tin đơn vị đã thiết lập: {profile.name}")
    return found


def refusal(found: list[str]) -> str:
    lines = ["Không nạp dữ liệu mẫu: thiết bị này đang có dữ liệu thật, dữ liệu mẫu sẽ trộn lẫn vào đó.",
             *(f"  - {line}" for line in found),
             "Dữ liệu mẫu chỉ dùng cho máy trình diễn hoặc môi trường tập huấn: hãy nạp trên một thiết bị mới "
             "(hoặc thư mục dữ liệu riêng, APPLIANCE_DATA_DIR) đặt ở chế độ trình diễn (demo_mode = true)."]
    return "\n".join(lines)
