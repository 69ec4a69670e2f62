"""Timed transcripts (WebVTT, SubRip) and chapter times, from a script and the marks of its audio."""

from __future__ import annotations

import bisect
import itertools
import json
import textwrap
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


LINE_CHARS = 42
"""Characters per caption line (the usual broadcast limit)."""
CUE_LINES = 2
"""Lines per cue: a longer sentence is split into several cues at estimated word times."""


def caption_lines(text: str) -> list[str]:
    """A cue's text wrapped into lines of at most LINE_CHARS (a longer word keeps a line of its own)."""
    return textwrap.wrap(_one_line(text), LINE_CHARS, break_long_words=False) or [""]


def _pieces(text: str) -> list[str]:
    """Split a sentence into the fewest captions of at most CUE_LINES lines, cutting between words."""
    words = _one_line(text).split(" ")
    pieces: list[str] = []
    current: list[str] = []
    for word in words:
        trial = [*current, word]
        if current and len(caption_lines(" ".join(trial))) > CUE_LINES:
            pieces.append(" ".join(current))
            current = [word]
        else:
            current = trial
    if current:
        pieces.append(" ".join(current))
    return pieces


def _time_at(
    fraction: float, segment_marks: list[tuple[float, float]], start: float, end: float
) -> float:
    """When a point `fraction` of the way through a sentence's spoken text is said.

    `segment_marks` are (fraction of the spoken text, seconds) of the engine's
    word marks inside the sentence; between them time goes by characters.
    """
    points = [(0.0, start), *segment_marks, (1.0, end)]
    for (f0, t0), (f1, t1) in itertools.pairwise(points):
        if f0 <= fraction <= f1:
            return t0 if f1 == f0 else t0 + (t1 - t0) * (fraction - f0) / (f1 - f0)
    return end


def _split_cue(
    text: str, start: float, end: float, spoken_length: int, word_marks: list[tuple[int, float]]
) -> list[Cue]:
    """A sentence's cue as several short ones; the written text's share of characters stands in
    for the spoken text's (numbers and dates are written shorter than they are said)."""
    pieces = _pieces(text)
    if len(pieces) == 1:
        return [Cue(start, end, text)]
    length = max(1, spoken_length)
    marks = [(min(1.0, o / length), min(max(t, start), end)) for o, t in word_marks]
    marks = [m for m in marks if 0.0 < m[0] < 1.0]
    total = sum(len(p) for p in pieces) + len(pieces) - 1
    result: list[Cue] = []
    done = 0
    cut = start
    for n, piece in enumerate(pieces):
        done += len(piece) + (1 if n else 0)
        if n == len(pieces) - 1:
            stop = end
        else:
            # The next piece starts with a word: cut where the engine said the nearest word began.
            estimate = _time_at((done + 1) / total, marks, start, end)
            later = [t for _, t in marks if t > cut]
            stop = max(cut, min(later, key=lambda t: abs(t - estimate)) if later else estimate)
        if stop - cut < MIN_CUE and result:
            last = result.pop()
            result.append(Cue(last.start, stop, f"{last.text} {piece}"))
        else:
            result.append(Cue(cut, max(stop, cut + MIN_CUE), piece))
        cut = result[-1].end
    return result


def cues(script: SpeechScript, audio: Audio) -> list[Cue]:
    """Caption-sized cues (written form), back to back from 0 to the end of the audio.

    One cue per sentence, or several when a sentence is longer than CUE_LINES
    lines of LINE_CHARS: it is cut between words at times estimated from the
    engine's word marks.
    """
    starts = sentence_starts(script, audio)
    sentences: list[tuple[float, float, int]] = []  # (start, end, segment index)
    for i in range(len(script.segments)):
        start = starts[i]
        end = starts[i + 1] if i + 1 < len(starts) else audio.seconds
        sentences.append((start, end, i))
    words = sorted((m.offset, m.seconds) for m in audio.marks if m.length)
    result: list[Cue] = []
    for start, end, i in sentences:
        segment = script.segments[i]
        text = segment.written
        if result and end - start < MIN_CUE:
            continue
        if result and start - result[-1].start < MIN_CUE:
            previous = result.pop()
            start, text = previous.start, f"{previous.text} {text}"
        end = max(end, start + MIN_CUE)
        low = bisect.bisect_left(words, (segment.offset, -1.0))
        high = bisect.bisect_left(words, (segment.offset + len(segment.spoken), -1.0))
        inside = [(o - segment.offset, t) for o, t in words[low:high]]
        result += _split_cue(text, start, end, len(segment.spoken), inside)
    if result and result[-1].end < audio.seconds:
        last = result[-1]
        result[-1] = Cue(last.start, audio.seconds, last.text)
    return result


def chapter_times(script: SpeechScript, audio: Audio) -> list[ChapterTime]:
    """Each chapter from its first sentence to the next chapter (the first from 0, the last to the end).

    Titles are distinct: the title section is called "Intro" when stories
    follow it, a chapter named like the one before it joins it (a single
    article whose headline is the title has one chapter), and a headline
    told twice gets a number.
    """
    starts = sentence_starts(script, audio)
    first: dict[int, float] = {}
    for segment, start in zip(script.segments, starts, strict=True):
        first.setdefault(segment.chapter, start)
    ordered = sorted(first.items(), key=lambda item: (item[1], item[0]))
    chapters: list[ChapterTime] = []
    for n, (index, start) in enumerate(ordered):
        end = ordered[n + 1][1] if n + 1 < len(ordered) else audio.seconds
        title = " ".join(script.chapters[index].title.split())
        if chapters and chapters[-1].title == title:
            chapters[-1] = ChapterTime(title, chapters[-1].start, end)
            continue
        chapters.append(ChapterTime(title, 0.0 if n == 0 else start, end))
    if len(chapters) > 1 and script.title and chapters[0].title == " ".join(script.title.split()):
        chapters[0] = ChapterTime(INTRO, chapters[0].start, chapters[0].end)
    seen: dict[str, int] = {}
    for n, chapter in enumerate(chapters):
        seen[chapter.title] = seen.get(chapter.title, 0) + 1
        if seen[chapter.title] > 1:
            chapters[n] = ChapterTime(
                f"{chapter.title} ({seen[chapter.title]})", chapter.start, chapter.end
            )
    return chapters


INTRO = "Intro"


def to_chapters_json(chapters: list[ChapterTime], title: str = "") -> str:
    """A Podcasting 2.0 JSON chapters file (application/json+chapters), as podcast apps read it."""
    data: dict[str, object] = {"version": "1.2.0"}
    if title:
        data["title"] = title
    data["chapters"] = [
        {"startTime": round(c.start, 3), "endTime": round(c.end, 3), "title": c.title}
        for c in chapters
    ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


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
        text = "\n".join(caption_lines(cue.text))
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
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
            "\n".join(caption_lines(cue.text)),
            "",
        ]
    return "\n".join(lines)
