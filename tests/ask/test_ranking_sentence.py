"""A ranking answer names its measure in a sentence a leader reads as Vietnamese ("xếp thủ tục theo «Trễ
hạn», cao nhất là …"), for counts, rates and averages alike; until session 16 it said "thủ tục có trễ hạn
cao nhất", "cán bộ xử lý có đã giải quyết cao nhất"."""
from __future__ import annotations

import re

from tests.ask.answering import asker


def test_ranking_answers_name_the_measure_they_rank_by(ask_db):
    ask = asker(ask_db)
    for said, measure, word in (("thủ tục nào trễ hạn nhiều nhất năm nay", "Trễ hạn", "cao nhất"),
                                ("cán bộ nào trả kết quả nhiều nhất tháng 9", "Đã giải quyết", "cao nhất"),
                                ("lĩnh vực nào giải quyết chậm nhất năm nay", "Thời gian giải quyết trung bình",
                                 "chậm nhất")):
        got = ask(said)
        assert got.status == "ok", said
        assert re.search(rf": xếp [^,]+ theo «{measure}», {word}[^,]* là ", got.answer), got.answer
        assert " có đã " not in got.answer and " có trễ hạn " not in got.answer
