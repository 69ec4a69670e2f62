"""Timed transcripts (WebVTT, SubRip) and chapter times, from a script and the marks of its audio."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from briefing.models import Audio
from briefing.speech.script import SpeechScript

MIN_CUE = 0.001


@dataclass(frozen=True)
class Cue:
    """One sentence on screen from `start` to `end` seconds."""

    start: float
    end: float
    text: str


@dataclass(frozen=True)
class ChapterTime:
    """A chapter of the audio: its title and where it starts and ends, in seconds."""

    title: str
    start: float
    end: float


def sentence_starts(script: SpeechScript, audio: Audio) -> list[float]:
    """When each segment of the script starts in the audio.

    A segment starts at its first mark (render_script puts a zero-length mark
    at every segment's offset; word marks from any engine also do). Segments
    without a mark are placed by their share of characters between neighbours.
    """
    marks = sorted(audio.marks, key=lambda m: (m.offset, m.seconds))
    offsets = [m.offset for m in marks]
    known: list[float | None] = []
    for segment in script.segments:
        i = bisect.bisect_left(offsets, segment.offset)
        end = segment.offset + max(1, len(segment.spoken))
        known.append(marks[i].seconds if i < len(marks) and marks[i].offset < end else None)
    return _fill(known, [s.offset for s in script.segments], len(script.text), audio.seconds)


def _fill(
    known: list[float | None], offsets: list[int], length: int, seconds: float
) -> list[float]:
    """Interpolate missing start times by character offset; force them into order."""
    points = [(0, 0.0)] + [(o, t) for o, t in zip(offsets, known, strict=True) if t is not None]
    points.append((max(length, 1), seconds))
    starts: list[float] = []
    for offset, time in zip(offsets, known, strict=True):
        if time is None:
            j = bisect.bisect_right([p[0] for p in points], offset)
            (o0, t0), (o1, t1) = points[max(0, j - 1)], points[min(j, len(points) - 1)]
            time = t0 if o1 == o0 else t0 + (t1 - t0) * (offset - o0) / (o1 - o0)
        starts.append(min(max(time, starts[-1] if starts else 0.0), seconds))
    if starts:
        starts[0] = 0.0
    return starts


def cues(script: SpeechScript, audio: Audio) -> list[Cue]:
    """One cue per sentence (its written form), back to back from 0 to the end of the audio."""
    starts = sentence_starts(script, audio)
    result: list[Cue] = []
    for i, segment in enumerate(script.segments):
        start = starts[i]
        end = starts[i + 1] if i + 1 < len(starts) else audio.seconds
        text = segment.written
        if result and end - start < MIN_CUE:
            continue
        if result and start - result[-1].start < MIN_CUE:
            previous = result.pop()
            start, text = previous.start, f"{previous.text} {text}"
        result.append(Cue(start, max(end, start + MIN_CUE), text))
    if result and result[-1].end < audio.seconds:
        last = result[-1]
        result[-1] = Cue(last.start, audio.seconds, last.text)
    return result


def chapter_times(script: SpeechScript, audio: Audio) -> list[ChapterTime]:
    """Each chapter from its first sentence to the next chapter (the first from 0, the last to the end)."""
    starts = sentence_starts(script, audio)
    first: dict[int, float] = {}
    for segment, start in zip(script.segments, starts, strict=True):
        first.setdefault(segment.chapter, start)
    ordered = sorted(first.items())
    chapters: list[ChapterTime] = []
    for n, (index, start) in enumerate(ordered):
        end = ordered[n + 1][1] if n + 1 < len(ordered) else audio.seconds
        chapters.append(ChapterTime(script.chapters[index].title, 0.0 if n == 0 else start, end))
    return chapters


def _timestamp(seconds: float, separator: str) -> str:
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _one_line(text: str) -> str:
    """Cue text can't hold blank lines or the cue arrow."""
    return " ".join(text.split()).replace("-->", "->")


def to_vtt(cue_list: list[Cue], title: str = "") -> str:
    """A WebVTT file, as a browser's <track> element reads it."""
    header = "WEBVTT" + (f" - {_one_line(title)}" if title else "")
    lines = [header, ""]
    for n, cue in enumerate(cue_list, start=1):
        text = _one_line(cue.text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines += [
            str(n),
            f"{_timestamp(cue.start, '.')} --> {_timestamp(cue.end, '.')}",
            text,
            "",
        ]
    return "\n".join(lines)


def to_srt(cue_list: list[Cue]) -> str:
    """A SubRip (.srt) file."""
    lines: list[str] = []
    for n, cue in enumerate(cue_list, start=1):
        lines += [
            str(n),
            f"{_timestamp(cue.start, ',')} --> {_timestamp(cue.end, ',')}",
            _one_line(cue.text),
            "",
        ]
    return "\n".join(lines)
