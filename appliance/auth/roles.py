ROLES = ("admin", "leader", "staff", "display")
ROLE_LABELS = {
    "admin": "Quản trị viên",
    "leader": "Lãnh đạo",
    "staff": "Cán bộ, công chức",
    "display": "Màn hình treo tường",
}
# Who may use the staff features by default; admin may do everything, display only the wall.
STAFF_ROLES = ("admin", "leader", "staff")
LEADER_ROLES = ("admin", "leader")
WALL_ROLES = ("admin", "leader", "display")
