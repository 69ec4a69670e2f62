"""One spelling for every quote, dash, space, control and fraction character (any language)."""

from __future__ import annotations

import re

_CHAR_MAP = str.maketrans(
    {
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\ufeff": "",
        "\u00ad": "",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2026": "...",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2032": "'",
        "\u02bc": "'",
        "\u2044": "/",
        "\u2215": "/",
        "\u2103": "°C",
        "\u2109": "°F",
        "\u00ba": "°",
        "\u02da": "°",
        "\u00b2": "²",
    }
)
_VULGAR = {
    "½": "1/2",
    "⅓": "1/3",
    "⅔": "2/3",
    "¼": "1/4",
    "¾": "3/4",
    "⅕": "1/5",
    "⅖": "2/5",
    "⅗": "3/5",
    "⅘": "4/5",
    "⅙": "1/6",
    "⅚": "5/6",
    "⅛": "1/8",
    "⅜": "3/8",
    "⅝": "5/8",
    "⅞": "7/8",
}
_VULGAR_RE = re.compile(r"(\d?)\s?([" + "".join(_VULGAR) + "])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff]")
_APOSTROPHE = re.compile(r"(?<=\w)[’‘](?=\w)|(?<=s)’(?=\s|$|[,.;:!?])|[’‘](?=\d0s)")


def unify_characters(text: str) -> str:
    """One spelling for every quote, dash, space and fraction character."""
    text = _CONTROL.sub(" ", text.translate(_CHAR_MAP))
    text = _VULGAR_RE.sub(lambda m: (f"{m[1]} " if m[1] else " ") + _VULGAR[m[2]], text)
    text = _APOSTROPHE.sub("'", text)
    return text.replace("‘", '"').replace("’", '"')
