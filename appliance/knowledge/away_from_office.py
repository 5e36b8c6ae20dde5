"""Certification away from the office, asked in a citizen's words.

"Ông nằm liệt giường, cán bộ phường có đến nhà chứng thực được không" is answered by Điều 10 Nghị định 23/2015
("Địa điểm chứng thực": outside the office for a person "già yếu, không thể đi lại được"), which shares only
"chứng thực" with the question; the procedures' articles, which share more, outrank it. Since session 17
(read by search.py), a question about certification (chứng thực) that asks for it at home or for a person who
cannot travel gets the official words of that article among its search terms (`TERMS`, folded; not among the words
an answer must contain)."""

from __future__ import annotations

import re

from appliance.knowledge.indexing import query_terms

_CERTIFY = re.compile(r"\bchung thuc\b")
# At home, or a person who cannot come (folded): "đến nhà", "tận nhà", "xuống nhà", "tại nhà", "nằm liệt giường",
# "không đi lại được", "không đi được", "nằm viện", "bị tạm giam".
_AWAY = re.compile(r"\b(den (?:tan )?nha|tan nha|xuong nha|tai nha|ve nha|liet giuong|khong (?:the )?di (?:lai )?duoc|"
                   r"nam vien|tam giam|tam giu)\b")
TERMS = "địa điểm chứng thực ngoài trụ sở già yếu không thể đi lại"


def extra_terms(folded_query: str) -> tuple[list[str], list[str]]:
    """(syllables, pairs) to add to the question's search terms; none unless the question asks for certification
    away from the office."""
    padded = f" {folded_query} "
    if not (_CERTIFY.search(padded) and _AWAY.search(padded)):
        return [], []
    return query_terms(TERMS)
