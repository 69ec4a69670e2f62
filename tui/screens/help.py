"""The F1 help screen: what the marks mean and every key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

HELP = """\
# briefing: review and edit

**Left**, the article: every sentence, with the method's score (the best
sentence is 1.00). Subheads are shown as headings and can't be chosen.

| Mark | Meaning (the line under the list says it too) |
|---|---|
| ● in | in the summary, and in the text as written |
| ◐ edited | in the summary, but you edited its line |
| ◌ missing | in the summary, but no longer in the text |
| ○ out | not in the summary |

**Right**, the briefing's Markdown. Edit it freely: putting a sentence in or
out only adds or removes that sentence's line, so your other edits stay. If
the line was edited, you are asked what to do.

## Keys

| Key | Action |
|---|---|
| space / enter | put the highlighted sentence in or out |
| + / - | longer / shorter summary: one sentence, about a sentence's words, or 5% |
| tab / shift+tab | next / previous control |
| alt+↑ / alt+↓ | move the current article up / down (several articles) |
| ctrl+z / ctrl+y | undo / redo in the text; the choices and story order follow |
| ctrl+f / f3 | find in the text, or in the sentence list when it has focus / find next |
| ctrl+o | edit the Markdown in $VISUAL or $EDITOR; the marks follow what you saved |
| ctrl+s | save: back to the briefing's own file (reopened or saved before), else the output folder |
| ctrl+p, "Save as" | save under another name or folder |
| ctrl+e | export: Markdown, HTML, audio... (file name and folder; the folder is remembered) |
| ctrl+l | listen; again to cancel the render or stop the player |
| f2 | switch between the text and the preview |
| ctrl+t | light / dark theme (remembered) |
| ctrl+p | every action, searchable |
| f1 | this help |
| ctrl+q | quit (asks if there are unsaved changes) |

## Methods

{methods}

Your work is saved as a draft every few seconds, when you quit, and when the
terminal is closed or the app is told to stop (SIGHUP, SIGTERM). Opening the
same articles again, by any path, offers to restore it; an article that changed
since is named, and its marks follow the text. While one editor has these
articles open, a second one opens them read-only.

Press **escape** to close.
"""


def help_text() -> str:
    """The help, with every summarizing method the core offers and what it does."""
    from briefing.summarize.registry import METHODS

    rows = ["| Method | What it picks |", "|---|---|"]
    for name, method in METHODS.items():
        rows.append(f"| {name} | {method.description.replace('|', '/')} |")
    return HELP.replace("{methods}", "\n".join(rows))


class HelpScreen(ModalScreen[None]):
    """Keys and marks, closed with escape, f1 or q."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "close", "Close")]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help") as box:
            box.border_title = "Help"
            box.border_subtitle = "escape closes"
            yield Markdown(help_text())
        yield Footer()  # this screen's keys, not those of the screen below

    def action_close(self) -> None:
        self.dismiss(None)
