"""YAML front matter: split a Markdown file into its properties and body, and write properties back."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from typing import Any

_BLOCK = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_EMPTY_BLOCK = re.compile(r"\A---[ \t]*\r?\n---[ \t]*(?:\r?\n|\Z)")


def split(text: str) -> tuple[dict[str, Any], str]:
    """The front matter's properties (parsed as YAML) and the body after it.

    Block-style YAML (`source:` then `  - a` lines, as Obsidian writes it) reads
    the same as flow style. Front matter that isn't valid YAML is read line by
    line as `key: value`, so a hand-edited file with one slip still opens.
    """
    empty = _EMPTY_BLOCK.match(text)
    if empty:
        return {}, text[empty.end() :]
    match = _BLOCK.match(text)
    if not match:
        return {}, text
    body = text[match.end() :]
    import yaml

    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return _lenient(match.group(1)), body
    if data is None:
        return {}, body
    if not isinstance(data, dict):
        return {}, text
    return {str(k): v for k, v in data.items()}, body


def _lenient(block: str) -> dict[str, Any]:
    """`key: value` lines, values as JSON where they parse, else as text."""
    meta: dict[str, Any] = {}
    for line in block.splitlines():
        key, sep, raw = line.partition(":")
        if not sep or not key.strip() or key[:1].isspace():
            continue
        raw = raw.strip()
        try:
            meta[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            meta[key.strip()] = raw.strip("'\"")
    return meta


def dump(properties: dict[str, Any]) -> str:
    """The properties as a front matter block ("---" lines included), in the order given.

    Lists are written block style, one item a line, as Obsidian does; dates
    stay dates; every string is quoted when YAML would read it as another type.
    """
    import yaml

    text = yaml.dump(
        properties,
        Dumper=_dumper(),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,
    )
    return f"---\n{text}---\n"


def printable(text: str) -> str:
    """Text without control or format characters (a title must parse as one YAML line)."""
    kept = (
        " " if ch in "\t\n\r\v\f\x85\u2028\u2029" else ch
        for ch in text
        if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn") or ch in "\t\n\r\v\f"
    )
    return " ".join("".join(kept).split())


@functools.cache
def _dumper() -> type:
    """SafeDumper with timestamps written the ISO way (a T between date and time), built on first use."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def datetime_as_iso(dumper: yaml.SafeDumper, value: dt.datetime) -> yaml.ScalarNode:
        return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())

    Dumper.add_representer(dt.datetime, datetime_as_iso)
    return Dumper
