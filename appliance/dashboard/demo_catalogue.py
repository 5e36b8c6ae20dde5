"""Procedures, officers and fields of the demo ward, with the behaviour the generator gives them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoProcedure:
    name: str
    field: str
    working_days: int  # 0 = returned the same day
    weight: float  # relative share of records
    late_rate: float  # chance a resolved record is returned after its due date


PROCEDURES = [
    DemoProcedure("Chứng thực bản sao từ bản chính", "Chứng thực", 0, 30, 0.01),
    DemoProcedure("Chứng thực chữ ký", "Chứng thực", 0, 12, 0.01),
    DemoProcedure("Chứng thực hợp đồng, giao dịch", "Chứng thực", 2, 5, 0.04),
    DemoProcedure("Đăng ký khai sinh", "Hộ tịch", 0, 9, 0.01),
    DemoProcedure("Đăng ký khai tử", "Hộ tịch", 0, 2.5, 0.01),
    DemoProcedure("Đăng ký kết hôn", "Hộ tịch", 0, 3.5, 0.02),
    DemoProcedure("Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, 6, 0.03),
    DemoProcedure("Đăng ký nhận cha, mẹ, con", "Hộ tịch", 3, 0.6, 0.05),
    DemoProcedure("Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "Hộ tịch", 3, 1.5, 0.05),
    DemoProcedure("Cấp bản sao trích lục hộ tịch", "Hộ tịch", 0, 5, 0.01),
    DemoProcedure("Đăng ký giám hộ", "Hộ tịch", 3, 0.3, 0.05),
    DemoProcedure("Đăng ký thành lập hộ kinh doanh", "Hộ kinh doanh", 3, 3, 0.05),
    DemoProcedure("Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", 15, 1.8, 0.14),
    DemoProcedure("Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai", 20, 1.6, 0.22),
    DemoProcedure("Đăng ký biến động đất đai", "Đất đai", 10, 3, 0.18),
    DemoProcedure("Trợ cấp xã hội hàng tháng", "Bảo trợ xã hội", 15, 1.2, 0.06),
    DemoProcedure("Hỗ trợ chi phí mai táng", "Bảo trợ xã hội", 3, 0.6, 0.04),
]

OFFICERS = {
    "Chứng thực": ["Lê Minh Tuấn", "Phạm Thu Hà", "Trần Văn Hùng"],
    "Hộ tịch": ["Nguyễn Thị Lan", "Vũ Thị Mai", "Phạm Thu Hà"],
    "Hộ kinh doanh": ["Đỗ Quang Huy"],
    "Xây dựng": ["Hoàng Văn Nam", "Đỗ Quang Huy"],
    "Đất đai": ["Hoàng Văn Nam", "Ngô Đức Thắng"],
    "Bảo trợ xã hội": ["Bùi Thanh Hương"],
}

# Monthly seasonality (Tết in late January / February slows everything down).
SEASON = {1: 1.25, 2: 0.7, 3: 1.05, 4: 1.0, 5: 1.0, 6: 1.05, 7: 1.1, 8: 0.95, 9: 1.0, 10: 1.05, 11: 1.05, 12: 1.2}
