"""Quản trị over real HTTP: hub, users (add, lock, reset), audit log viewer."""


from appliance.db import connect
from tests.conftest import login


def test_admin_manages_users_and_sees_audit(server):
    with server.client() as admin:
        csrf = login(admin, "admin", "admin-demo")
        hub = admin.get("/quan-tri")
        assert hub.status_code == 200 and "Người dùng" in hub.text and "Nhật ký hệ thống" in hub.text
        r = admin.post("/quan-tri/nguoi-dung", data={"csrf_token": csrf, "username": "phochutich",
                                                     "password": "mat-khau-moi", "role": "leader",
                                                     "full_name": "Trần Thị Bình"})
        assert r.status_code == 200 and "Đã tạo tài khoản phochutich" in r.text
        short = admin.post("/quan-tri/nguoi-dung", data={"csrf_token": csrf, "username": "x1",
                                                         "password": "ngan", "role": "staff"})
        assert short.status_code == 422 and "8 ký tự" in short.text
        with server.client() as leader:
            login(leader, "phochutich", "mat-khau-moi")
            assert leader.get("/hoi-dap").status_code == 200
            conn = connect(server.server.config.app.state.settings.db_path)
            uid = conn.execute("SELECT id FROM users WHERE username = 'phochutich'").fetchone()[0]
            conn.close()
            assert admin.post(f"/quan-tri/nguoi-dung/{uid}/khoa", data={"csrf_token": csrf}).status_code == 303
            # the locked user's session ends at once
            assert leader.get("/hoi-dap").status_code == 303
        log = admin.get("/quan-tri/nhat-ky?action=user")
        assert "user.add" in log.text and "user.lock" in log.text
        # People read sentences naming the person, not codes (issue 20).
        assert "Quản trị hệ thống tạo tài khoản phochutich (vai trò Lãnh đạo)." in log.text
        assert "Quản trị hệ thống khóa tài khoản phochutich." in log.text and "<code>user.add</code>" not in log.text


def test_non_admins_cannot_reach_admin(server):
    with server.client() as c:
        csrf = login(c, "lanhdao", "lanhdao-demo")
        assert c.get("/quan-tri").status_code == 403
        assert c.post("/quan-tri/nguoi-dung", data={"csrf_token": csrf, "username": "x", "password": "12345678",
                                                    "role": "admin"}).status_code == 403
