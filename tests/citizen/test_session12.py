"""Session 12: the conversation's procedure settles a family word read between the general bar and the
procedure bar only within one family of the catalogue (chat.same_family)."""

from appliance.citizen.public.chat import same_family
from appliance.knowledge.procedures import load_catalogue


def test_same_family_is_the_code_prefix() -> None:
    assert same_family("CTH-BS", "CTH-HD")
    assert same_family("HT-KS", "HT-KT")
    assert not same_family("CTH-BS", "HT-KS")
    assert not same_family("CU-TAM", "CTH-CK")
    assert not same_family(None, "HT-KS") and not same_family("HT-KS", None) and not same_family("", "")


def test_every_catalogue_code_has_a_family() -> None:
    codes = [p.code for p in load_catalogue()]
    assert codes and all("-" in code and code.split("-", 1)[0] for code in codes)
    assert all(same_family(code, code) for code in codes)
