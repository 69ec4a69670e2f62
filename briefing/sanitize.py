"""Text made safe for where it goes: no control characters in, XML-legal out, inert on a terminal."""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
"""C0 and C1 controls (tab and line ends kept), noncharacters and lone surrogates."""
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Everything XML 1.0 forbids in a document, even as a character reference: all but tab, line
ends, U+0020-U+D7FF, U+E000-U+FFFD and U+10000 on (the forbidden ranges, listed: the allowed
ones, negated, cost the regex compiler 10 ms at every start)."""
_TERMINAL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_TERMINAL_KEEPING_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """`text` without control characters: they carry no words and break XML, HTML and terminals.

    Form feeds become line breaks (they separate pages); the rest are dropped.
    """
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub("", text.replace("\f", "\n"))


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids, so a document built from it always parses."""
    return _NOT_XML.sub("", text)


def for_terminal(text: str, *, keep_lines: bool = False) -> str:
    """`text` from the network with every control character shown as an escape, never obeyed.

    A server's status line or a feed's title may carry ESC sequences that would
    retitle or clear the user's terminal (or cron's mail): ESC becomes "\\x1b".
    `keep_lines` leaves line breaks and tabs (for messages of several lines).
    """
    pattern = _TERMINAL_KEEPING_LINES if keep_lines else _TERMINAL
    return pattern.sub(lambda m: repr(m.group())[1:-1], text)
