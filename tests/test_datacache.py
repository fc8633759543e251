"""The disk cache of compiled word lists: used when valid, never in the way."""

import pytest

from brief import datacache


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("alpha\n")
    return path


def test_a_value_is_built_once_and_then_read_back(tmp_path, source, monkeypatch):
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    assert datacache.cached("t", [source], lambda: {"n": 1}) == {"n": 1}

    def fail():
        raise AssertionError("built again")

    assert datacache.cached("t", [source], fail) == {"n": 1}


def test_a_changed_source_builds_afresh_and_leaves_one_file(tmp_path, source, monkeypatch):
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    datacache.cached("t", [source], lambda: 1)
    source.write_text("beta\n")
    assert datacache.cached("t", [source], lambda: 2) == 2
    assert len(list((tmp_path / "cache").glob("t-*.pickle"))) == 1


def test_a_damaged_cache_file_is_built_again(tmp_path, source, monkeypatch):
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    datacache.cached("t", [source], lambda: 1)
    for path in (tmp_path / "cache").glob("t-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert datacache.cached("t", [source], lambda: 3) == 3


def test_a_folder_that_cannot_be_written_or_an_empty_setting_only_skips_the_cache(tmp_path, source, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(blocker / "cache"))
    assert datacache.cached("t", [source], lambda: 4) == 4
    monkeypatch.setenv("BRIEF_CACHE_DIR", "")
    assert datacache.cached("t", [source], lambda: 5) == 5
