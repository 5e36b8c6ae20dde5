"""A question about the ward's own office is not answered by the article of another level of government.

The laws on receiving citizens and on complaints give one article to each level: "Tiếp công dân tại Trụ sở tiếp công
dân cấp tỉnh" (Điều 12 Luật Tiếp công dân), "… cấp huyện" (Điều 13), "Việc tiếp công dân ở xã, phường, thị trấn"
(Điều 15); "Thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện / cấp tỉnh" beside the one of "xã, phường, thị trấn"
(Điều 17, 18, 21 Luật Khiếu nại). Their words are the same but the level, and the province's and the district's
articles say "Chủ tịch Ủy ban nhân dân … trực tiếp tiếp công dân … ít nhất 01 ngày trong 01 tháng" in the very words of
"Chủ tịch UBND phường phải trực tiếp tiếp công dân ít nhất mấy ngày": they were ranked before the ward's (session 22:
six training questions of four writers). Since session 22 (plain behaviour since session 24): when the question
names the ward or the commune ("phường", "cấp xã", "UBND xã") and no other level (no "tỉnh", "huyện", "quận", "thành
phố", "trung ương" anywhere in it), an article whose title names another level's office loses
OTHER_LEVEL_PENALTY of its score; the article stays findable. And the laws name the ward by its level: "Ủy ban nhân
dân xã, phường, thị trấn (sau đây gọi chung là Ủy ban nhân dân cấp xã)" (khoản 1 Điều 15 Luật Tiếp công dân, and so
throughout): the judgement of whether a passage answers (relevance.features) counts the word "phường" of a question
as said by a passage saying "cấp xã" (`commune_words`), as it is said by one saying "phường". Since session 23 (plain
behaviour since session 25) the ranking does too (search.py): of two articles with the same title, the one of the
ward's level ("… thông báo cho Ủy ban nhân dân cấp xã …", Điều 23 Luật Nuôi con nuôi) comes before the one of another
office (Điều 39, the same title, for an adoption abroad).
"""

from __future__ import annotations

import re

from appliance.text import fold_tokens

OTHER_LEVEL_PENALTY = 0.3
# The ward or the commune named (folded, padded): "phường", "cấp xã", "UBND xã", "Ủy ban (nhân dân) xã", "chủ tịch xã";
# not "trợ cấp xã hội" (folded "tro cap xa hoi").
_WARD = re.compile(r" (?:phuong|cap xa(?! hoi )|ubnd xa|uy ban (?:nhan dan )?xa|chu tich xa) ")
# Another level named anywhere in the question (folded; "tỉnh" folds with "tình", "quận" with "quan": such a question
# is left as it is, the rule keeps to questions that name the ward alone).
_OTHER_LEVEL_ASKED = re.compile(r" (?:tinh|huyen|quan|thanh pho|trung uong|thi xa) ")
# An article title naming the office of another level (folded, padded): "cấp tỉnh", "cấp huyện", "Ủy ban nhân dân
# tỉnh", "Ban Tiếp công dân trung ương", "… ở tỉnh, thành phố trực thuộc Trung ương", "các cơ quan Trung ương".
_OTHER_LEVEL_TITLE = re.compile(r" (?:cap tinh|cap huyen|uy ban nhan dan tinh|tiep cong dan trung uong|"
                                r"tiep cong dan o trung uong|o tinh thanh pho truc thuoc trung uong|"
                                r"cac co quan trung uong) ")

# The commune level as the laws name it (folded, padded), and the word it covers.
_COMMUNE_LEVEL = re.compile(r" cap xa (?!hoi )")
_WARD_WORDS = frozenset({"phuong"})


def asks_ward(folded_query: str) -> bool:
    """Whether the question (folded) names the ward or commune level and no other."""
    padded = f" {folded_query.strip()} "
    return bool(_WARD.search(padded)) and not _OTHER_LEVEL_ASKED.search(padded)


def commune_words(folded_text: str) -> frozenset[str]:
    """The words a passage (folded) says by naming the commune level: "phuong" when it says "cấp xã"."""
    return _WARD_WORDS if _COMMUNE_LEVEL.search(f" {folded_text} ") else frozenset()


def adjustment(folded_query: str, article_title: str) -> float:
    """The score an article loses (a negative number, or 0) for a question on the ward's office (module docstring)."""
    if not asks_ward(folded_query):
        return 0.0
    title = f" {' '.join(fold_tokens(article_title or ''))} "
    return -OTHER_LEVEL_PENALTY if _OTHER_LEVEL_TITLE.search(title) else 0.0
