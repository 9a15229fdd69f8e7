"""Progress bars: on a terminal only, in the archive's language, never losing an item."""

from __future__ import annotations

import pytest

from jejak import parallel, progress


@pytest.fixture(autouse=True)
def fresh_settings():
    """Builds run in this process elsewhere in the suite set the archive's language."""
    saved = dict(progress._settings)
    progress._settings.update(progress.DEFAULTS)
    yield
    progress._settings.clear()
    progress._settings.update(saved)


def test_no_bar_without_a_terminal(capsys):
    progress.configure(enabled=None)
    assert list(progress.track(range(200), 200, "images")) == list(range(200))
    assert capsys.readouterr().err == ""  # pytest's stderr is not a terminal


def test_quiet_hides_the_bar(capsys):
    progress.configure(enabled=False)
    assert list(progress.track(range(200), 200, "images")) == list(range(200))
    assert capsys.readouterr().err == ""


def test_bar_is_indonesian_by_default(capsys):
    progress.configure(enabled=True)
    assert list(progress.track(range(200), 200, "images")) == list(range(200))
    err = capsys.readouterr().err
    assert "gambar dan pratinjau PDF" in err and "/200" in err


def test_bar_in_english_when_asked(capsys):
    progress.configure(language="en", enabled=True)
    progress.default_language("id")  # the archive's language does not override --lang en
    list(progress.track(range(100), 100, "bodies"))
    assert "record bodies" in capsys.readouterr().err


def test_archive_language_when_the_command_names_none(capsys):
    progress.configure(enabled=True)
    progress.default_language("en")
    list(progress.track(range(100), 100, "pages"))
    assert "generating pages" in capsys.readouterr().err


def test_short_work_draws_nothing(capsys):
    progress.configure(enabled=True)
    assert list(progress.track(range(10), 10, "images")) == list(range(10))
    assert capsys.readouterr().err == ""


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork")
def test_parallel_work_moves_one_bar_for_all_shares(capsys):
    progress.configure(enabled=True)
    items = list(range(300))
    assert parallel.map_ordered(items, lambda n: n + 1, 3, progress="pages") == \
        [n + 1 for n in items]
    err = capsys.readouterr().err
    assert "membuat halaman" in err and "/300" in err  # the parent's share counts for three
