"""Start-up stays lean: listing help or methods imports none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap

import pytest
from support import SAMPLES

HEAVY = {"textual", "nltk", "sumy", "pyttsx3", "numpy"}


def imported(*args: str) -> set[str]:
    """Top-level packages `python -m briefing ARGS` imports, from -X importtime."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "briefing", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tempfile.mkdtemp(prefix="briefing-startup-"),  # the installed package, not ./briefing
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "package":  # the header line
                names.add(name)
    assert "briefing.cli" in names  # the report really was read
    return names


def top_level(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


NOT_FOR_SUMMARIZING = {"textual", "nltk", "pyttsx3", "requests", "pycountry", "regex"}
"""What summarizing with the default method never needs: NLTK and its friends, sumy's web fetcher."""


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("methods",),
        ("methods", "--json"),
        ("summarize", "--help"),
        ("daily", "--help"),
    ],
)
def test_help_and_methods_import_nothing_heavy(args: tuple[str, ...]) -> None:
    names = imported(*args)
    assert not HEAVY & top_level(names)
    assert "importlib.metadata" not in names  # only --version needs it
    # dataclasses loads inspect, ast and dis: a tenth of --help; the pipeline's values load later
    assert not {"dataclasses", "inspect"} & names
    # typing, and the file writer's hashlib and tempfile, cost as much again (json: --json only)
    assert not {"typing", "hashlib", "tempfile"} & names
    assert ("json" in names) == ("--json" in args)


def test_version_still_works() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("briefing ")
    assert proc.stdout.split()[1][0].isdigit() or proc.stdout.split()[1] == "unknown"


def test_summarize_loads_neither_the_app_nor_the_speech_engine() -> None:
    names = top_level(imported("summarize", str(SAMPLES / "harbour-tunnel.txt")))
    assert not {"textual", "pyttsx3"} & names


@pytest.mark.parametrize("args", [(), ("--json",), ("--method", "lead")])
def test_summarize_with_the_default_method_imports_no_nltk_and_no_sumy_models(
    args: tuple[str, ...],
) -> None:
    """The Snowball stemmer is PyStemmer's, the document model ours; only sumy's stop-word files are read."""
    names = imported("summarize", str(SAMPLES / "harbour-tunnel.txt"), *args)
    assert not NOT_FOR_SUMMARIZING & top_level(names)
    assert not {name for name in names if name.startswith("sumy.")}
    # a local file never loads the downloader and its HTTP stack
    assert not {"briefing.fetch", "urllib.request", "http.client"} & names


def test_story_matching_stems_titles_without_nltk() -> None:
    """The daily brief stems every story's title and lead to merge repeats: PyStemmer, not NLTK."""
    code = textwrap.dedent(
        """
        import sys
        from briefing.daily.sources import Candidate
        from briefing.daily.stories import group
        from briefing.ingest import read_article
        from briefing.models import Article

        article = read_article(sys.argv[1])
        retold = Article("Harbour tunnel opens months early", "other", article.blocks)
        groups = group([Candidate(article, "A", "a", None, "a"), Candidate(retold, "B", "b", None, "b")])
        print(len(groups), sorted(n for n in ("nltk", "requests", "sumy.utils") if n in sys.modules))
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLES / "harbour-tunnel.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["1", "[]"]


NOT_FOR_A_REPEAT = {"numpy", "Stemmer", "sumy", "lameenc", "mutagen", "pyttsx3", "trafilatura"}
"""What a daily re-run that finds nothing new never needs: it keeps the day's files as they are."""


def test_daily_imports_no_nltk_and_a_rerun_with_nothing_new_imports_no_pipeline(
    tmp_path,
) -> None:
    articles = [str(SAMPLES / "harbour-tunnel.txt"), str(SAMPLES / "community-garden.md")]
    out = str(tmp_path / "out")
    first = top_level(imported("daily", *articles, "--out", out, "--json"))
    assert not NOT_FOR_SUMMARIZING & first
    assert {"numpy", "lameenc"} <= first  # the report is of a run that summarized and encoded
    again = top_level(imported("daily", *articles, "--out", out, "--json"))
    assert not (NOT_FOR_A_REPEAT | NOT_FOR_SUMMARIZING) & again
