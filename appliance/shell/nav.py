"""The staff navigation. Paths are bookmarked by people (CONTRACT §2), so they never change."""

from __future__ import annotations

from dataclasses import dataclass

from appliance.auth.roles import LEADER_ROLES, STAFF_ROLES, WALL_ROLES


@dataclass(frozen=True)
class NavItem:
    path: str
    label: str
    roles: tuple[str, ...]
    icon: str  # a short glyph; no icon fonts from outside


NAV = [
    NavItem("/", "Tổng quan", STAFF_ROLES, "▦"),
    NavItem("/hoi-dap", "Hỏi đáp số liệu", STAFF_ROLES, "?"),
    NavItem("/tra-cuu", "Tra cứu", STAFF_ROLES, "⌕"),
    NavItem("/soan-thao", "Soạn thảo", STAFF_ROLES, "✎"),
    NavItem("/tom-tat", "Tóm tắt", STAFF_ROLES, "≡"),
    NavItem("/phan-anh", "Phản ánh", STAFF_ROLES, "✉"),
    NavItem("/cuoc-hop", "Cuộc họp", STAFF_ROLES, "◉"),
    NavItem("/nhiem-vu", "Nhiệm vụ", STAFF_ROLES, "✓"),
    NavItem("/wall", "Màn hình", WALL_ROLES, "▣"),
    NavItem("/quan-tri", "Quản trị", ("admin",), "⚙"),
]
# Leaders' items come first on phones; kept here so the wall role check has one source.
LEADER_ONLY = LEADER_ROLES
