"""The leaders' question box on the batches written blind in sessions 7, 8, 9, 11, 12, 13, 14, 15, 17, 18, 19, 20, 23,
24, 25, 26, 27, 28 and 29 (README.md in each folder): questions written from the KPI definitions and the development
set's conventions only, each batch split mechanically into a training half (train7/ … train29/: read and tuned on, so
their floors only keep what was reached) and a fresh half (fresh7/ … fresh29/: frozen, never read, measured before
and once at the end of a session). Graded against the independent computation over the demo ward's rows
(tests/ask/spec_reference.py), as the held-out set is. Floors are what was measured; issue 16's targets (right
≥ 85 %, confidently wrong ≤ 1 %) are beside them. A fresh set's failure prints counts only."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ask import spec_eval

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class BlindSet:
    folder: str
    session: str
    sha256: str
    questions: int
    right: float  # the least share right
    wrong: float  # the most share confidently wrong
    fresh: bool  # never read: a failure shows counts only

    @property
    def path(self) -> Path:
        return HERE / self.folder / "leader_questions.toml"


# Rule R5 (session 20): floors at least one case below the right and at the wrong of each set's figures at the
# start of session 20 (main d6adc37) and at its end (rule R1, docs/ask.md "Session 20").
SETS = {
    # 38 / 10 / 5 of 53 before session 7; 39 / 9 / 5 after it (consulted three times, counts only, to narrow
    # one change: docs/ask.md); 42 / 7 / 4 once at the end of session 8; 43 / 7 / 3 once at the end of session 9;
    # 44 / 7 / 2 once at the end of session 10 (understand.SESSION10_ONE_STOP)
    # 45 / 7 / 1 at the start of session 20 (floors raised by rule R5)
    "fresh7": BlindSet("fresh7", "session 7", "d88496716eccf4fb5bd90c5e311739709bf695b9c52db3fb6aebdcb1f092242b",
                       53, 0.849, 0.019, True),  # 45 / 6 / 2 at the end of session 12 (rule R1)
    # 49 / 7 / 1 of 57 before session 7's fixes, 57 / 0 / 0 after
    "train7": BlindSet("train7", "session 7", "9db4590b6edf1c69af47ee49bbe8646bf4abf6151783133e395a5180fca7cd52",
                       57, 0.982, 0.000, False),  # 56 / 1 / 0 since session 16 (a bare noun phrase is unsure)
    # 47 / 12 / 5 of 64 before session 8; 49 / 10 / 5 once at its end; 53 / 7 / 4 once at the end of session 9;
    # 55 / 6 / 3 once at the end of session 10 (SESSION10_ONE_STOP, nodata.SESSION10_MORE_MISSING)
    # 60 / 3 / 1 at the start of session 20 (floors raised by rule R5)
    "fresh8": BlindSet("fresh8", "session 8", "927bfddf1eee27eeda7daf1ff4d97b65109cace728d6f4a093cf67f77e86fcbb",
                       64, 0.921, 0.016, True),  # 57 / 5 / 2 at the end of session 12 (rule R1)
    # 58 / 4 / 2 at the end of session 14 (rule R1)
    # 45 / 18 / 3 of 66 before session 8 (46 and 2 once «nộp online» was graded as the online count); 66 / 0 / 0
    "train8": BlindSet("train8", "session 8", "80cc92c862dc9b3ad6e39772301b428238c153a2a41f04ba94d8f46910127c3d",
                       66, 1.000, 0.000, False),
    # 44 / 18 / 3 of 65 before session 9 (main 98cb0b5); 45 / 18 / 2 once at its end
    "fresh9": BlindSet("fresh9", "session 9", "ebadc5c8378cca6eeb9c84cec55339844a8743a93283da91bc64b9fd401d89d5",
                       65, 0.753, 0.016, True),  # 49 / 15 / 1 at the end of session 12 (rule R1)
    # 42 / 20 / 3 of 65 before session 9 (main 98cb0b5); 44 / 20 / 1 with the grader's compare date
    # (spec_eval.Grader._compare_at); 46 / 19 / 0 with the reason clause (doubts.reason_clause); 57 / 8 / 0
    # with session 9's spoken forms (docs/ask.md); 60 / 5 / 0 with doubts.said_endings and residence as no data;
    # 61 / 4 / 0 with an order said as who goes first (measures.SAID_ORDER_DESC)
    "train9": BlindSet("train9", "session 9", "3e6ebbfb7107fc952defea8b1ff20360d8a3f18a2694c0ea0bdbf9f1f6bcb8e0",
                       65, 0.938, 0.000, False),
    # 44 / 17 / 4 of 65 on arrival, before session 11 changed anything (main c8d557d)
    # Once at the end of session 11 (rule R1: SESSION11_VERSUS, _CLASSIFIER, _WHICH_AFTER_LIST on; the four
    # others moved nothing on any fresh set and are off): fresh7 45 / 6 / 2, fresh8 56 / 6 / 2, fresh9 48 / 15 / 2,
    # fresh11 46 / 15 / 4 (all off: 44 / 7 / 2, 55 / 6 / 3, 45 / 18 / 2, 44 / 17 / 4)
    # 51 / 14 / 0 at the start of session 20 (floors raised by rule R5)
    "fresh11": BlindSet("fresh11", "session 11", "7733436e3d29a57b04dabefe96f5bae5ec8ba51890fa5d4e0c18f0d00158a60b",
                        65, 0.784, 0.000, True),  # 49 / 14 / 2 at the end of session 12 (rule R1)
    # 51 / 13 / 1 at the end of session 14 (rule R1)
    # 45 / 17 / 3 of 65 on arrival, before anyone read it (main c8d557d); 53 / 11 / 1 with all seven session-11
    # flags; 49 / 15 / 1 with the three that rule R1 kept on (the four switched off fixed only cases of this half)
    # 58 / 7 / 0 at the start of session 20 (floors raised by rule R5)
    "train11": BlindSet("train11", "session 11", "a812263f49840293aa387e5cbb2477bc218d18562f40a78391da49b2148c9d29",
                        65, 0.876, 0.000, False),  # 51 / 13 / 1 at the end of session 12
    # 52 / 12 / 1 at the end of session 14
    # 31 / 28 / 6 of 65 on arrival, before session 12 changed anything (main bb04fe5; the same with the grader of
    # the session's end). Once at the end of session 12 (rule R1, docs/ask.md "Session 12": six flags on, four on by
    # R1b): fresh7 45 / 6 / 2, fresh8 57 / 5 / 2, fresh9 49 / 15 / 1, fresh11 49 / 14 / 2, fresh12 35 / 25 / 5 (all
    # session-12 flags off: 45 / 6 / 2, 56 / 6 / 2, 48 / 15 / 2, 46 / 15 / 4, 31 / 28 / 6; all on: fresh12 36 / 23 / 6)
    # 43 / 20 / 2 at the start of session 20 (floors raised by rule R5)
    "fresh12": BlindSet("fresh12", "session 12", "7394dadcf7234f436f25058c2d0cda9cf91c1c352a8a96f565a4c4231507d798",
                        65, 0.646, 0.031, True),  # 37 / 23 / 5 at the end of session 13 (rule R1)
    # 38 / 23 / 4 at the end of session 14 (rule R1)
    # 37 / 24 / 4 of 65 on arrival, before anyone read it (main bb04fe5; graded with session 12's grader, which
    # learnt the batch's groups by quarter and week, two groups compared and lists ordered by deadline: the product
    # unchanged); 56 / 8 / 1 with the session-12 flags all on (docs/ask.md, Session 12); 41 / 23 / 1 with the flags
    # rule R1 kept on (the others moved no fresh verdict or, SHORTHAND, added a wrong with its right)
    # 45 / 19 / 1 at the start of session 20 (floors raised by rule R5)
    "train12": BlindSet("train12", "session 12", "44a58aab8154d9eb05ca54f82e35ecb4f729107574af6002293f5c57f90e4103",
                        65, 0.676, 0.016, False),
    # 35 / 27 / 3 of 65 on arrival, before session 13 changed anything (main d95dbc6)
    # 46 / 18 / 1 at the start of session 20 (floors raised by rule R5)
    "fresh13": BlindSet("fresh13", "session 13", "f2b0a69eebb27891ed1651da173c72cc90ae8e15c9c188b65207b648100070d3",
                        65, 0.692, 0.016, True),  # 37 / 25 / 3 at the end of session 13 (rule R1)
    # 40 / 22 / 3 at the end of session 14 (rule R1)
    # 29 / 35 / 1 of 65 on arrival, before anyone read it (main d95dbc6); 50 / 15 / 0 with the eleven session-13 flags
    # (docs/ask.md, Session 13)
    # 50 / 15 / 0 at the start of session 20 (floors raised by rule R5)
    "train13": BlindSet("train13", "session 13", "f0b390572bcf00a5fa960229ff01e47b987059d0a9dd4fb9b8d6cb629512f474",
                        65, 0.753, 0.000, False),  # 39 / 26 / 0 with the flags rule R1 kept on (all on: 50 / 15 / 0)
    # 42 / 23 / 0 at the end of session 14
    # on arrival, before session 14 changed anything (main 00b543f): 37 / 23 / 5 of 65
    # 48 / 14 / 3 at the start of session 20 (floors raised by rule R5)
    "fresh14": BlindSet("fresh14", "session 14", "a565fafd90725a3ffb0758e7a684128d4f9fab7d5a286e40ebbac91e29af3af5",
                        65, 0.723, 0.047, True),  # 41 / 20 / 4 at the end of session 14 (rule R1; all on the same)
    # on arrival, before anyone read it (main 00b543f): 35 / 24 / 6 of 65
    # 47 / 18 / 0 at the start of session 20 (floors raised by rule R5)
    "train14": BlindSet("train14", "session 14", "ae3096b154ce929860c4d33cc410c09cd9195b7c39ff0c5611aff4b87351a85e",
                        65, 0.707, 0.000, False),  # 41 / 21 / 3 with the flags R1 kept (all on: 48 / 14 / 3)
    # 38 / 26 / 1 at the start of session 20 (floors raised by rule R5)
    "fresh15": BlindSet("fresh15", "session 15", "352f95bd88bc74301e77db71a559713c51ce8be4c806b076e2b4f757553b4e18",
                        65, 0.584, 0.016, True),  # 30 / 30 / 5 on arrival (main 750e649)
    # 44 / 20 / 1 at the start of session 20 (floors raised by rule R5)
    "train15": BlindSet("train15", "session 15", "52fcd45ac5989198d694c80bdf0931d5abe6c57c1351ef23dd5c00de943d6f52",
                        65, 0.661, 0.016, False),  # 41 / 18 / 6 on arrival, before anyone read it (main 750e649)
    # 39 / 25 / 1 in session 16 (the bare noun phrase made unsure: five wrongs unsure, two rights unsure)
    # 36 / 28 / 1 at the start of session 20 (floors raised by rule R5)
    "fresh17": BlindSet("fresh17", "session 17", "2e58c796eab78c924702145c4b76d2cd0cea204411774be2314804cc9be55d64",
                        65, 0.538, 0.016, True),  # 29 / 35 / 1 on arrival (main 5367aa5)
    # 48 / 17 / 0 at the start of session 20 (floors raised by rule R5)
    "train17": BlindSet("train17", "session 17", "240d55556d10b4ab94e8115a4e82e51e0520a93c530f6f9452617edaa32bad55",
                        65, 0.723, 0.000, False),  # 42 / 21 / 2 on arrival, before anyone read it (main 5367aa5)
    # 41 / 21 / 3 at the start of session 20 (floors raised by rule R5)
    "fresh18": BlindSet("fresh18", "session 18", "10e7763faea8d13147642cf13a668a4b05d99e4e436c6420e3a173b5b8c5f834",
                        65, 0.615, 0.047, True),  # 40 / 21 / 4 on arrival (main 0da93ef)
    # 41 / 23 / 1 at the start of session 20 (floors raised by rule R5)
    "train18": BlindSet("train18", "session 18", "3f9a770cced2c859e6e86e4e10bcf780c0e5e52c61a1559f92f4335c5fccd061",
                        65, 0.630, 0.016, False),  # 37 / 24 / 4 on arrival, before anyone read it (main 0da93ef)
    # 53 / 9 / 3 at the start of session 20 (floors raised by rule R5)
    "fresh19": BlindSet("fresh19", "session 19", "7ea06c5edb37f5aa77b2a3be71af1139cec2df0dd1c64bbeab5e3cc2fc07ef81",
                        65, 0.800, 0.047, True),  # 42 / 20 / 3 on arrival (main 70f0611)
    # 49 / 16 / 0 at the start of session 20 (floors raised by rule R5)
    "train19": BlindSet("train19", "session 19", "ee3a3b145f1b775f051d931d6993850b131583c9be20252e598567c16a95e1be",
                        65, 0.738, 0.000, False),  # 40 / 24 / 1 on arrival, before anyone read it (main 70f0611)
    "fresh20": BlindSet("fresh20", "session 20", "101d8769403d2d2d739d44f38cae2bbf054961c819efe26caa4eedbc320f00e3",
                        65, 0.769, 0.016, True),  # 46 / 17 / 2 on arrival (main d6adc37)
    # 51 / 13 / 1 at the end of session 28 (rule R1; 50 / 14 / 1 with its flags off): floor one case below (R5)
    "train20": BlindSet("train20", "session 20", "c229a7165746416487d4c4baa4e1488a3a4310b015a5762f14c3e1fbcb7d1888",
                        65, 0.723, 0.000, False),  # 47 / 16 / 2 on arrival, before anyone read it (main d6adc37)
    "fresh23": BlindSet("fresh23", "session 23", "a601f4d9e42c9bfa449821ccd9843f46ea8ef2d225ff2f595592f50a9c7fc4c7",
                        65, 0.569, 0.000, True),  # 38 / 27 / 0 on arrival (main 6054386)
    "train23": BlindSet("train23", "session 23", "b791e5da1743e8c41b755f5c5d08587761efbee4772729b9903aa000db1e9215",
                        65, 0.569, 0.031, False),  # 38 / 25 / 2 on arrival, before anyone read it (main 6054386)
    "fresh24": BlindSet("fresh24", "session 24", "7ac30533bed8c11eb963218adaa0cc675d66ef7651e883ca422412647dc0fcaa",
                        65, 0.523, 0.047, True),  # 35 / 28 / 2 on arrival (main 9689c6c)
    "train24": BlindSet("train24", "session 24", "aaa51341305b159c1024b8e38e24e4cb30b3424be807f914f660cd73cce51a50",
                        65, 0.553, 0.031, False),  # 37 / 27 / 1 on arrival, before anyone read it (main 9689c6c)
    "fresh25": BlindSet("fresh25", "session 25", "071b0a96363449ec042b14a78e1803d4530c0beecbf303f3b4d9ef40ac7daef2",
                        65, 0.661, 0.016, True),  # 41 / 24 / 0 on arrival (main 8c9c7e8); floors one case either way
    # 44 / 21 / 0 at the end of session 28 (its R7 fixes; 43 / 22 / 0 at its start): floor one case below (R5)
    "train25": BlindSet("train25", "session 25", "6b2276122d30e1042bbfb4daf4ca40df4aa466064990007d54e19a5e80d33c33",
                        65, 0.600, 0.031, False),  # 40 / 24 / 1 on arrival, before anyone read it (main 8c9c7e8)
    "fresh26": BlindSet("fresh26", "session 26", "d69cb44e7a8dc22f605e175c9c595a23d20fba37e1227b1906b509c5567dce27",
                        65, 0.538, 0.031, True),  # 34 / 30 / 1 on arrival (main 1353d26); floors one case either way
    # 36 / 28 / 1 at the end of session 28 (rule R1; 35 / 29 / 1 with its flags off): floor one case below (R5)
    "train26": BlindSet("train26", "session 26", "c85024ed051b5e03ecd100e055be598e1bc7b96c00268c2719595e22c9d50b6f",
                        65, 0.369, 0.047, False),  # 25 / 38 / 2 on arrival, before anyone read it (main 1353d26)
    "fresh27": BlindSet("fresh27", "session 27", "90d9264b01b76e58f49c0261f111b85e86f131e518635cd296aef367a7a5e05f",
                        65, 0.461, 0.016, True),  # 31 / 34 / 0 on arrival (main f88e16c); floors one case either way
    "train27": BlindSet("train27", "session 27", "2ef84d48bbf51d643b8c463b53547fca7486a772b994b5e36b90dc672720f76d",
                        65, 0.461, 0.047, False),  # 31 / 32 / 2 on arrival, before anyone read it (main f88e16c)
    "fresh28": BlindSet("fresh28", "session 28", "9efbde4071949923ad6957f6668028eb8cf00dfdcb4d817b54e4d7f3251274e7",
                        65, 0.369, 0.016, True),  # 25 / 39 / 1 on arrival (main 00354e8); floors one case either way
    # 25 / 40 / 0 at the end of session 28 (its R7 fixes): the wrong one case above (R5)
    "train28": BlindSet("train28", "session 28", "e4870e70d35902f38cee4849059f52d93280d728ada694235dc78ed684fc7925",
                        65, 0.369, 0.016, False),  # 25 / 39 / 1 on arrival, before anyone read it (main 00354e8)
    # 25 / 40 / 0 at the end of session 28 as shipped (32 / 33 / 0 with all its flags on)
    "fresh29": BlindSet("fresh29", "session 29", "829b517c6eaca878e0f54c2d73cb772eb9efd05c9364912f7748da3b58d59eed",
                        65, 0.476, 0.062, True),  # 32 / 30 / 3 on arrival (main 7465732); floors one case either way
    "train29": BlindSet("train29", "session 29", "929868c2b54c4604a6f5a1cb416319e563917a9307cdc78ea7e9ddfda1efca53",
                        65, 0.492, 0.062, False),  # 33 / 29 / 3 on arrival, before anyone read it (main 7465732)
}


@pytest.mark.parametrize("name", list(SETS))
def test_the_set_is_kept_as_received_with_its_provenance(name):
    spec = SETS[name]
    raw = spec.path.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == spec.sha256
    assert f"({spec.session})".encode() in raw[:600] and b"Provenance:" in raw[:600]
    assert len(spec_eval.load(spec.path)) == spec.questions


@pytest.fixture(scope="module")
def demo_db(demo_settings):
    return demo_settings.db_path


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SETS))
def test_leader_questions(demo_db, name):
    spec = SETS[name]
    summary = spec_eval.evaluate(demo_db, spec_eval.load(spec.path))
    print("\n" + summary.line(f"{name} ({spec.session})"))
    right, wrong = summary.rate("right"), summary.rate("wrong")  # plain floats: a failure prints no case
    shown = summary.line(name) if spec.fresh else summary.misses()
    assert right >= spec.right, shown
    assert wrong <= spec.wrong, shown
