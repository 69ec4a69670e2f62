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

| Mark | Meaning |
|---|---|
| ● | in the summary, and in the text as written |
| ◐ | in the summary, but you edited its line |
| ◌ | in the summary, but no longer in the text |
| ○ | not in the summary |

**Right**, the briefing's Markdown. Edit it freely: putting a sentence in or
out only adds or removes that sentence's line, so your other edits stay. If
the line was edited, you are asked what to do.

## Keys

| Key | Action |
|---|---|
| space / enter | put the highlighted sentence in or out |
| + / - | longer / shorter summary |
| tab / shift+tab | next / previous control |
| alt+↑ / alt+↓ | move the current article up / down (several articles) |
| ctrl+s | save the Markdown to the output folder |
| ctrl+e | export: Markdown, HTML, audio... |
| ctrl+l | listen (again to stop) |
| f2 | switch between the text and the preview |
| ctrl+t | light / dark theme (remembered) |
| ctrl+p | every action, searchable |
| f1 | this help |
| ctrl+q | quit (asks if there are unsaved changes) |

## Methods

{methods}

Your work is saved as a draft every few seconds and when you quit; opening
the same articles again offers to restore it.

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
