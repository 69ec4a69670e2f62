"""The first screen needs only Textual and the app shell: summarizers, speech and dialogs load later."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from support import SAMPLES

LATER = ("sumy.", "numpy", "nltk", "Stemmer", "pyttsx3", "trafilatura", "lxml", "markdown_it")
"""What the summary, the speech engine, an HTML article or the preview need, and the first screen doesn't
(sumy's package itself is there: language detection reads its stop-word lists)."""
DIALOGS = tuple(
    f"briefing.tui.screens.{name}" for name in ("choice", "export", "find", "help", "questions")
)
"""Each dialog's code loads when it first opens."""


LOADED = """
import sys

def loaded():
    # Which of `watched` are imported; "sumy." is any module inside sumy, not sumy itself.
    names = list(sys.modules)
    return sorted(
        w for w in watched
        if any(n.startswith(w) if w.endswith(".") else n == w or n.startswith(w + ".") for n in names)
    )
"""


def run(code: str, *args: str, cwd: Path) -> object:
    """Run `code` in a fresh interpreter (outside the checkout) and read the JSON it prints last."""
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_importing_the_app_loads_no_summarizer_speech_reader_or_dialog(tmp_path: Path) -> None:
    code = LOADED + textwrap.dedent(
        """
        import json, sys
        import briefing.tui.app
        watched = sys.argv[1:]
        print(json.dumps(loaded()))
        """
    )
    # textual is watched too, so the check is seen to notice an import
    assert run(code, "textual", *LATER, *DIALOGS, cwd=tmp_path) == ["textual"]


FIRST_PAINT = LOADED + textwrap.dedent(
    """
    import asyncio, datetime, json, sys, threading
    from pathlib import Path

    from briefing.summarize.length import Length
    from briefing.tui.app import BriefingApp
    from briefing.tui.session import open_inputs

    watched = sys.argv[2:]
    seen = {}

    class Painted(threading.Event):
        # What was loaded and shown when the app said its first screen was drawn.
        def set(self):
            if not seen:
                seen["modules"] = loaded()
                seen["subtitle"] = app.sub_title
                seen["summarized"] = app.entries[0].summary is not None
            super().set()

    opening = open_inputs([sys.argv[1]], method="lexrank", length=Length(sentences=3))
    app = BriefingApp(
        opening, out=Path("out"), day=datetime.date(2025, 3, 4), player=None, offer_draft=False
    )
    app.painted = Painted()

    async def main():
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(600):
                if app.text_ready:
                    break
                await pilot.pause(0.05)
            seen["later"] = loaded()
            seen["text"] = app.editor.text
            await pilot.press("ctrl+q")

    asyncio.run(main())
    print(json.dumps(seen))
    """
)


def test_first_paint_shows_the_title_before_the_summarizer_loads(tmp_path: Path) -> None:
    """At the first screen: the title, no summary yet, nothing heavy loaded; then the summary."""
    seen = run(FIRST_PAINT, str(SAMPLES / "harbour-tunnel.txt"), *LATER, *DIALOGS, cwd=tmp_path)
    title = "Harbour tunnel opens six months early as city counts the cost"
    assert seen["modules"] == []
    assert seen["subtitle"] == title
    assert seen["summarized"] is False
    # The summary follows on its worker, and loads what it needs there.
    assert str(seen["text"]).startswith(f"# {title}\n")
    assert "numpy" in seen["later"]
    assert not set(DIALOGS) & set(seen["later"])  # type: ignore[arg-type]
