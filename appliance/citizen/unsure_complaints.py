"""Session 20: a complaint the reading leaves below the bar, that tells how the ward's service failed
(docs/citizen.md "Session 20"; plain since session 22).

The chat offers to file a message as a complaint when its likeliest reading is a complaint at the `complaint` bar
(0.7), or below it when the citizen said so ("phản ánh", "khiếu nại") or asked who answers for it (accountability.py);
otherwise it asks which was meant. Session 16's signs that the ward's service failed (service_failures.py: pushed from
desk to desk, no receipt, nobody answering, the system failing, the staff at fault) were read only where the message
named a procedure or an FAQ topic surely. Told without the procedure's name surely read, the same complaint stayed
below the bar and the chat asked: "hồ sơ sang tên nộp từ tháng 3 … hỏi thì đùn đẩy sang văn phòng", "chứng thực 5
bản sao mà thu 50k, không có biên lai", "nộp online cứ báo lỗi hệ thống, gọi hotline thì không ai nghe", "cán bộ ghi
sai tên …, lỗi của phường" (dev and the halves of sessions 14, 15 and 18). Read only where the likeliest reading is
already a complaint: a procedure, FAQ or out-of-scope reading is never changed here.
"""

from __future__ import annotations

from collections.abc import Sequence

from appliance.citizen.service_failures import reports_failure, reports_mishandling


def offered_below_bar(words: Sequence[str]) -> bool:
    """A complaint read below the bar that reports the ward's service failed or was mishandled (folded words)."""
    return reports_mishandling(words) or reports_failure(words)
