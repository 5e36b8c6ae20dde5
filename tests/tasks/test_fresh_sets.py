"""Task extraction on the fresh held-out sets written blind (README.md in each folder): session 6's fresh
half (`fresh/`), session 7's batch frozen whole (`fresh7/`), session 8's fresh halves of two writers
(`fresh8/`), session 9's fresh halves (`fresh9/`), session 10's (`fresh10/`), session 11's (`fresh11/`),
session 12's (`fresh12/`), session 15's (`fresh15/`), session 17's (`fresh17/`), session 18's (`fresh18/`),
session 19's (`fresh19/`), session 20's (`fresh20/`), session 29's (`fresh29/`). Each
frozen before the session that received it changed anything and never tuned on, so its figure is an honest measure
on transcripts nobody fitted the extractor to. Floors are the figures measured; the issue's target (F1 ≥ 0.85) is
higher."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pytest

from tests.tasks.test_heldout import _run, ward  # noqa: F401  (the fixture is used by name)
from tests.tasks.transcripts import HERE, load


@dataclass(frozen=True)
class FreshSet:
    folder: str
    marker: str  # what its provenance header says of the session
    files: dict[str, str]  # name → SHA-256
    meetings: int
    f1: float


# Floors since session 12 (rule R1 at its end, /work/notes/SESSION12.md; docs/meetings.md "Session 12"): right /
# wrong / missed s6 60 / 30 / 33, fresh7 176 / 51 / 50, fresh8 82 / 37 / 28, fresh9 53 / 28 / 21, fresh10 27 / 10 / 11,
# fresh11 64 / 25 / 14, fresh12 22 / 15 / 15 (484 / 196 / 172 over all; 469 / 226 / 187 with every session-12 flag off).
# Session 13, rule R1 once at the end (docs/meetings.md "Session 13"; ten settings on, four off): right / wrong /
# missed s6 60 / 30 / 33 (0.656), fresh7 176 / 50 / 50 (0.779), fresh8 83 / 36 / 27 (0.725), fresh9 53 / 27 / 21
# (0.688), fresh10 27 / 10 / 11 (0.720), fresh11 64 / 25 / 14 (0.766), fresh12 29 / 8 / 8 (0.784); every
# session-13 setting off: 484 / 196 / 172 as at the end of session 12. The floors are these.
# Session 14, rule R1 once at the end (docs/meetings.md "Session 14"; nine settings on, six off): right / wrong / missed
# s6 60 / 30 / 33 (0.656), fresh7 176 / 50 / 50 (0.779), fresh8 84 / 34 / 26 (0.737), fresh9 54 / 26 / 20 (0.701),
# fresh10 28 / 9 / 10 (0.747), fresh11 64 / 24 / 14 (0.771), fresh12 29 / 8 / 8 (0.784): 495 / 181 / 161 over all
# (every session-14 setting on: 493 / 180 / 163; all off: 492 / 186 / 164). fresh8, 9, 10 and 11's floors moved.
SETS = {
    # 0.581 before session 6's changes (main 5e095cb), 0.599 after them (the fitted scorer 0.582); 0.613 (57 right,
    # 36 wrong, 36 missed) once at the end of session 8
    # 0.743 (65 right, 17 wrong, 28 missed) at the start of session 20 (floor raised by rule R5)
    "session 6": FreshSet("fresh", "session 6", {
        "meeting_transcripts.toml": "a2367c7719eb440ac13a2456b51f00ab82f2e01ea23c46355162293a52279491"}, 20, 0.742),
    # 0.704 (162 right, 72 wrong, 64 missed of 226) before session 7's changes (main 821390d), 0.708 at its end;
    # 0.741 (338 / 456) at the end of session 8; 0.748 (169 right, 57 wrong, 57 missed) at the end of session 9
    # 0.803 (175 right, 35 wrong, 51 missed) at the start of session 20 (floor raised by rule R5)
    "session 7": FreshSet("fresh7", "(session 7)", {
        "meetings_a.toml": "85c8203e277017c65ed46bc1422589c34c4f27ea8a4c8bb55001cd43f159a442",
        "meetings_b.toml": "9d618969448b0a269cf31fa2a4b486f74e00259758d4f8cd8619ad10953855db"}, 40, 0.802),
    # ^ 0.751 (170 right, 57 wrong, 56 missed) once at the end of session 10 (clauses.SESSION10_OFFER)
    # 0.630 (74 right, 51 wrong, 36 missed of 110; by writer 0.519 and 0.769) before session 8's task changes
    # (main 12ab0be); 0.693 (158 / 228: 79 right, 39 wrong, 31 missed) once at its end
    # 0.736 (81 right, 29 wrong, 29 missed) at the start of session 20 (floor raised by rule R5)
    "session 8": FreshSet("fresh8", "(session 8)", {
        "meetings_a.toml": "417147ffd9f7b7f4e36c87406148fa462c897bba2c17965a0f383d8f729b611b",
        "meetings_b.toml": "fb8aca2b709d3b4acb5cfd875c0b654a1681c278d993f545965f8fc260d65649"}, 20, 0.735),
    # ^ 0.731 (83 right, 34 wrong, 27 missed) at the end of session 15: the withdrawn-task reading on by rule R1
    # (over the fresh sets one right fewer here, two wrong fewer on fresh7); 0.736 (84 / 34 / 26) before
    # ^ session 12's helper (counts only, never read): every SESSION12_* setting on 0.699 (80 right, 39 wrong, 30
    # missed), the rules' settings on with the session 8 sentence model 0.698 (81 / 41 / 29): one task under the
    # floor of 0.700 (0.701 at the end of session 11); with the lead's rule R1 choice 0.716 (82 / 37 / 28): the floor
    # 0.667 (26 right, 18 wrong, 8 missed of 34) before session 9's changes (main 98cb0b5)
    # 0.628 (49 right, 33 wrong, 25 missed of 74) with the second writer's half added (meetings_a.toml, frozen
    # when that writer finished), still before any change; 0.637 (50 right, 33 wrong, 24 missed) at its end
    # 0.730 (54 right, 20 wrong, 20 missed) at the start of session 20 (floor raised by rule R5)
    "session 9": FreshSet("fresh9", "(session 9)", {
        "meetings_a.toml": "00f5568332a35d75844856836d97abcddabbfef42122cd99d3200d1ccae9e82e",
        "meetings_b.toml": "03b9d22969b1cf45bedd8995f74a341a9f316468f783d6b848dfb8e08340a2a2"}, 12, 0.729),
    # ^ 0.646 (51 right, 33 wrong, 23 missed) once at the end of session 10 (phrases.SESSION10_NOT_DEFERRED)
    # 0.692 (27 right, 13 wrong, 11 missed of 38) on arrival, before any change (main 69a364f)
    # 0.767 (28 right, 7 wrong, 10 missed) at the start of session 20 (floor raised by rule R5)
    "session 10": FreshSet("fresh10", "(session 10)", {
        "meetings_b.toml": "5271fc6bfa81f245d900890a69c595be6075ab9cdca089687ff502ceef1d8c47"}, 6, 0.766),
    # 0.705 (31 right, 16 wrong, 10 missed) on arrival of writer A, before any change (main c8d557d)
    # writer B's half (raw recogniser text) arrived after the end measurement: 0.651 (27 right, 19 wrong, 10 missed)
    # on c8d557d, 0.667 (27 / 17 / 10) with the clause model on; both halves together at the end: the floor
    # Session 11, rule R1 once at the end: the clause model on (clause_model.SESSION11_CLAUSE_MODEL): session 6
    # 0.616 (57 / 35 / 36), session 7 0.757 (173 / 58 / 53), session 8 0.701 (81 / 40 / 29), session 9 0.667
    # (52 / 30 / 22), session 10 0.701 (27 / 12 / 11), session 11 0.705 unchanged; the floors are those.
    # 0.840 (68 right, 16 wrong, 10 missed) at the start of session 20 (floor raised by rule R5)
    "session 11": FreshSet("fresh11", "(session 11)", {
        "meetings_a.toml": "42ddfe3ee37b9bbe4ce5b76b5f9f1619af301f10e0ea326300a059619815e408",
        "meetings_b.toml": "650ae4c12c4c5cac36f06ba60a37bafd561cd27403827682048670f263fa6c8d"}, 12, 0.839),
    # 0.579 (22 right, 17 wrong, 15 missed) on arrival, before any session-12 change (main bb04fe5)
    # 0.795 (29 right, 7 wrong, 8 missed) at the start of session 20 (floor raised by rule R5)
    "session 12": FreshSet("fresh12", "(session 12)", {
        "meetings_c.toml": "ed482eb2b37ce9e980fa033955e8af97d3086176eec1c66bfdcc2f8ef8d82953"}, 6, 0.794),
    # 0.683 (42 right, 19 wrong, 20 missed of 62; writer A 25 / 10 / 7, writer B 17 / 9 / 13) on arrival, before any
    # session-15 change (main 750e649)
    # 0.732 (45 right, 16 wrong, 17 missed) at the start of session 20 (floor raised by rule R5)
    "session 15": FreshSet("fresh15", "(session 15)", {
        "meetings_a.toml": "e72c863963b438699e813d2bd81887793fe4b565bc6e7330bf56916bbfdc6373",
        "meetings_b.toml": "df815f4f9baca277f0201ceb86bf5e624a6a86eb73c3b461db416430241f8fcf"}, 12, 0.731),
    # 0.657 (23 right, 13 wrong, 11 missed of 34) on arrival, before any session-17 change (main 5367aa5)
    "session 17": FreshSet("fresh17", "(session 17)", {
        "meetings.toml": "a8df29b7ed75cda3ca6274c85f164231e057e3775ef9ac355b723d22c2dae4f6"}, 6, 0.656),
    # 0.767 (28 right, 8 wrong, 9 missed of 37) on arrival, before any session-18 change (main 0da93ef)
    # 0.778 (28 right, 7 wrong, 9 missed) at the start of session 20 (floor raised by rule R5)
    "session 18": FreshSet("fresh18", "(session 18)", {
        "meetings.toml": "107f24185d17c1bf9cdb11db3413f1827879ae86014983aacb8872f85385b90f"}, 6, 0.777),
    # 0.853 (29 right, 5 wrong, 5 missed of 39) on arrival, before any session-19 change (main 70f0611)
    "session 19": FreshSet("fresh19", "(session 19)", {
        "meetings.toml": "8668483a98c7f176aa4b80ae6d15e4d219629493acfdab6ab4df2680adbffad6"}, 6, 0.852),
    # 0.857 (36 right, 7 wrong, 5 missed of 41) on arrival, before any session-20 change (main d6adc37)
    "session 20": FreshSet("fresh20", "(session 20)", {
        "meetings.toml": "bc01c258f72a257554bd3832b34bb16c515e384f230fab82ba61144704c07bf3"}, 6, 0.856),
    # 0.840 (34 right, 9 wrong, 4 missed of 38) on arrival, before any session-29 change (main 9935cd3)
    "session 29": FreshSet("fresh29", "(session 29)", {
        "meetings.toml": "349e20706d0f4052393ef50f0791a62d53122d12c1f76cf7d53795937a5356c5"}, 6, 0.839),
}


@pytest.mark.parametrize("name", list(SETS))
def test_the_fresh_set_is_the_one_received(name):
    spec = SETS[name]
    for file, digest in spec.files.items():
        path = HERE / spec.folder / file
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, file
        assert spec.marker in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(SETS))
def test_fresh_f1_with_deadlines_and_directory_assignees(ward, name):  # noqa: F811
    spec = SETS[name]
    meetings = [m for file in spec.files for m in load(HERE / spec.folder / file)]
    # counts only in a failure: pytest would print the meetings (blind cases) an assert names
    count, f1 = len(meetings), _run(ward, meetings, f"fresh held-out (blind, {name})")
    del meetings
    assert count == spec.meetings, f"{count} meetings"
    assert f1 >= spec.f1, f"F1 {f1:.4f} under the floor {spec.f1}"
