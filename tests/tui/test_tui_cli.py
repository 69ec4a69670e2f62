"""`briefing edit` on the command line: bad inputs fail before the app starts, with one line."""

from __future__ import annotations

from pathlib import Path


def test_edit_help_names_the_options(cli) -> None:
    result = cli("edit", "--help")
    assert result.returncode == 0
    for option in ("--method", "--sentences", "--words", "--ratio", "--voice", "--out"):
        assert option in result.stdout


def test_a_missing_article_is_one_line_and_exit_1(cli, tmp_path: Path) -> None:
    result = cli("edit", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "missing.txt: no such file" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_unknown_voice_is_one_line_and_exit_1(cli) -> None:
    result = cli("edit", "samples/harbour-tunnel.txt", "--voice", "nobody", cwd=Path.cwd())
    assert result.returncode == 1
    assert "unknown voice 'nobody'" in result.stderr and result.stderr.count("\n") == 1


def test_without_a_terminal_it_says_so_instead_of_hanging(cli) -> None:
    result = cli("edit", "samples/harbour-tunnel.txt", stdin="", cwd=Path.cwd())
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr and "Traceback" not in result.stderr
