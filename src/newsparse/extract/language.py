"""The language of a page whose markup does not say it, detected from its text.

Two steps, cheapest first:

1. **Script**: Hangul is Korean, kana is Japanese, Han without kana is Chinese, Arabic
   letters are Arabic, Cyrillic with Ukrainian-only letters (і ї є ґ) is Ukrainian.
   This needs no model and is right for every page in those scripts.
2. **py3langid** (the optional ``lang`` extra: ``pip install newsparse[lang]``) for
   everything else (Latin and other Cyrillic text): a naive Bayes model over byte
   n-grams of 97 languages, about 0.3 ms per page once loaded (loading the model
   takes about a second, once per process, on the first page that needs it).
   Without it, Russian is still told from the Cyrillic script, and Latin-script
   pages get no language rather than a guess.

A result is given only with enough text (:data:`MIN_LETTERS` letters) and, from the
model, only above :data:`MIN_PROBABILITY`.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from functools import lru_cache
from typing import Any

__all__ = ["MIN_LETTERS", "MIN_PROBABILITY", "detect_language"]

MIN_LETTERS = 20
"""Fewer letters than this give no language."""

MIN_PROBABILITY = 0.4
"""The model's answer is kept only when its probability is at least this."""

_SAMPLE = 1000
"""Characters of title and body text read."""

_UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
_RUSSIAN_ONLY = frozenset("ыэъёЫЭЪЁ")


def detect_language(title: str | None, text: str | None) -> str | None:
    """The language of the title and body text as an ISO 639-1 code, or None."""
    sample = f"{title or ''}\n{text or ''}"[:_SAMPLE]
    scripts = _script_counts(sample)
    letters = sum(scripts.values())
    if letters < MIN_LETTERS:
        return None
    by_script = _by_script(sample, scripts, letters)
    if by_script is not None:
        return by_script
    return _by_model(sample)


def _script_counts(sample: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in sample:
        if not ch.isalpha():
            continue
        script = _script(ch)
        counts[script] = counts.get(script, 0) + 1
    return counts


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250:
        return "latin"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    if 0x600 <= code < 0x700 or 0x750 <= code < 0x780 or 0xFB50 <= code < 0xFE00:
        return "arabic"
    if 0x3040 <= code < 0x3100 or 0x31F0 <= code < 0x3200 or 0xFF66 <= code < 0xFF9E:
        return "kana"
    if 0xAC00 <= code < 0xD7B0 or 0x1100 <= code < 0x1200 or 0x3130 <= code < 0x3190:
        return "hangul"
    if 0x4E00 <= code < 0xA000 or 0x3400 <= code < 0x4DC0 or 0xF900 <= code < 0xFB00:
        return "han"
    if 0x1E00 <= code < 0x1F00:
        return "latin"  # Latin Extended Additional (Vietnamese)
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0].lower() or "other"


def _by_script(sample: str, scripts: dict[str, int], letters: int) -> str | None:
    """The language a script alone tells, or None when the script is shared by many."""
    hangul, kana, han = scripts.get("hangul", 0), scripts.get("kana", 0), scripts.get("han", 0)
    cjk = hangul + kana + han
    if cjk * 2 >= letters:
        if hangul >= kana and hangul * 4 >= cjk:
            return "ko"
        if kana * 10 >= cjk:
            return "ja"
        return "zh"
    if scripts.get("arabic", 0) * 2 >= letters:
        model = _by_model(sample)  # Persian and Urdu share the script
        return model if model in ("fa", "ur", "ps") else "ar"
    if scripts.get("cyrillic", 0) * 2 >= letters:
        ukrainian = sum(ch in _UKRAINIAN_ONLY for ch in sample)
        russian = sum(ch in _RUSSIAN_ONLY for ch in sample)
        if ukrainian > russian:
            return "uk"
        model = _by_model(sample)
        if model is not None:
            return model
        return "ru" if russian else None
    return None


def _by_model(sample: str) -> str | None:
    identifier = _identifier()
    if identifier is None:
        return None
    lang, probability = identifier.classify(sample)
    if float(probability) < MIN_PROBABILITY:
        return None
    return str(lang)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model with normalised probabilities (read-only once loaded), or None
    when the optional ``lang`` extra is not installed."""
    if importlib.util.find_spec("py3langid") is None:
        return None
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
