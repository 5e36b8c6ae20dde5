"""Foundation: resident memory of both apps on the demo ward; shell page vs /healthz."""

from __future__ import annotations

import httpx

from bench.common import demo_data_dir, median_ms, report, rss_mb, served, timings
from tests.conftest import free_port


def main() -> None:
    with demo_data_dir() as data:
        staff_port, public_port = free_port(), free_port()
        with served(data, "serve-staff", staff_port) as staff, served(data, "serve-public", public_port) as public:
            base = f"http://127.0.0.1:{staff_port}"
            with httpx.Client(base_url=base) as c:
                c.post("/login", data={"username": "lanhdao", "password": "lanhdao-demo"})
                shell = timings(lambda: c.get("/hoi-dap").raise_for_status(), repeat=60)
                health = timings(lambda: c.get("/healthz").raise_for_status(), repeat=60)
                for path in ("/", "/tra-cuu", "/phan-anh", "/cuoc-hop"):
                    c.get(path)
            staff_rss, public_rss = rss_mb(staff.pid), rss_mb(public.pid)
    for label, rss in (("cán bộ", staff_rss), ("công dân", public_rss)):
        verdict = "" if rss <= 250 else "  [CHƯA ĐẠT]"
        print(f"RSS ứng dụng {label}: {rss:.0f} MB (mục tiêu ≤ 250 MB){verdict}")
    report("trang khung (median)", median_ms(shell), median_ms(health))
