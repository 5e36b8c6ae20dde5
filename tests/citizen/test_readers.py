"""One reader of a catalogue (appliance/citizen/readers.py): the chat and knowledge search read a
message with the same rules + lexical understanding, built once per catalogue and classifier, and a
changed record (not only a changed name or alias) gives a new one."""

from __future__ import annotations

import uuid

from appliance.citizen.classify import FeedbackClassifier
from appliance.citizen.matching import Procedure
from appliance.citizen.public import preparing, store
from appliance.citizen.public.intake import classifier_for
from appliance.citizen.public.store import public_db
from appliance.citizen.readers import reader_for
from appliance.knowledge import bridge
from appliance.knowledge.procedures import load_catalogue


def _records() -> list[Procedure]:
    return [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]


def test_the_chat_reads_with_the_catalogues_one_reader(citizen_settings):
    with public_db(citizen_settings) as conn:
        # A catalogue version no other test published: the chat's cache (keyed by the published version,
        # not by every field) must miss, so what is checked is how it builds, whichever test ran before
        # in this process (CI of d4046b4 failed here after another test's catalogue of the same size).
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('catalogue_version', ?)",
                     (f"test-readers-{uuid.uuid4()}",))
        chat = preparing.understanding_for(conn, None)
        assert chat is reader_for(store.procedures(conn), classifier_for(conn))
        assert chat.read("làm giấy khai sinh cho con cần gì").code == "HT-KS"


def test_one_reader_per_catalogue_and_classifier_shared_with_knowledge_search():
    first = reader_for(_records())
    assert reader_for(_records()) is first  # the same catalogue read again: built once
    assert bridge._readers_of(load_catalogue()) is first  # knowledge search asks the same service
    assert bridge.citizen_reading(load_catalogue(), "công chứng di chúc ở văn phòng công chứng nào").intent \
        == "out_of_scope"
    changed = _records()
    changed[0].data["fee"] = "thay đổi để thử"
    other = reader_for(changed)
    assert other is not first and other.by_code[changed[0].code].data["fee"] == "thay đổi để thử"
    assert first.by_code[changed[0].code].data["fee"] != "thay đổi để thử"
    staff = FeedbackClassifier()
    assert reader_for(_records(), staff) is not first and reader_for(_records(), staff).classifier is staff
