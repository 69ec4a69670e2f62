"""The open articles, in briefing order; the highlighted one is the article being edited."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.tui.messages import ArticleChosen, MoveArticle

_MOVE = Binding.Group("Move", compact=True)


class ArticleList(OptionList):
    """Pick the article to work on; alt+up/alt+down move it within the briefing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # One footer item for both, so the app's keys still fit at 80 columns.
        Binding("alt+up,ctrl+up", "move(-1)", "Move up", key_display="alt+↑", group=_MOVE),
        Binding("alt+down,ctrl+down", "move(1)", "Move down", key_display="↓", group=_MOVE),
    ]

    def show(self, titles: list[str], current: int) -> None:
        self.clear_options()
        self.add_options(
            Option(f"{number}. {title}", id=f"a{number - 1}")
            for number, title in enumerate(titles, start=1)
        )
        if titles:
            self.highlighted = current

    def action_move(self, delta: int) -> None:
        self.post_message(MoveArticle(delta))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(ArticleChosen(int(event.option.id[1:])))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
