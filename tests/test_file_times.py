"""The measured order of test files for the two workers (tests/file_times.py)."""

from __future__ import annotations

from pathlib import Path

from tests import file_times

JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest">
<testcase classname="tests.citizen.test_fresh" name="test_a[session 6]" time="30.5"/>
<testcase classname="tests.citizen.test_fresh" name="test_b" time="1.5"/>
<testcase classname="tests.ui.test_pages.TestPhone" name="test_fits" time="4.0"/>
<testcase classname="tests.test_network_isolation" name="test_no_call" time="2.0"/>
</testsuite></testsuites>
"""


def test_seconds_per_file_from_junit_xml(tmp_path: Path) -> None:
    xml = tmp_path / "times.xml"
    xml.write_text(JUNIT, encoding="utf-8")
    assert file_times.from_junit([str(xml)]) == {
        "citizen/test_fresh.py": 32.0, "ui/test_pages.py": 4.0, "test_network_isolation.py": 2.0}


def test_the_list_reads_back_and_an_unknown_file_is_estimated(tmp_path: Path) -> None:
    listing = tmp_path / "file_times.txt"
    listing.write_text("# measured\n32.0\tcitizen/test_fresh.py\nnot a number\tx.py\n\n", encoding="utf-8")
    times = file_times.load(listing)
    assert times == {"citizen/test_fresh.py": 32.0}
    assert file_times.weight("citizen/test_fresh.py", 3, times) == 32.0
    assert file_times.weight("new/test_new.py", 10, times) == 10 * file_times.UNKNOWN_PER_TEST_S
    assert file_times.load(tmp_path / "absent.txt") == {}


def test_the_shipped_list_names_files_that_exist() -> None:
    here = Path(file_times.__file__).resolve().parent
    times = file_times.load()
    assert times, "tests/file_times.txt is missing: the workers would take the files in their collected order"
    missing = [name for name in times if not (here / name).exists()]
    assert len(missing) <= len(times) // 10, missing  # a renamed file or two is only a worse order, not an error
