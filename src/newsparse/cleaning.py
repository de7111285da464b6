"""Text the tree may hold: control characters, NULs, lone surrogates, non-characters and
bidi embedding controls removed (raw, or as numeric character references), CR/CRLF made LF.

:func:`clean_text` cleans decoded text; :func:`clean_utf8` tells, from the bytes alone,
whether a page's UTF-8 would come out of it unchanged, so that :func:`newsparse.document.load`
can hand such bytes to the parser as they came.  (Moved out of ``document.py`` as it was.)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsparse import _accel
from newsparse.charset import Decoded

__all__ = ["CONTROL", "clean_bytes", "clean_text", "clean_utf8", "plain_utf8"]

#: Characters never allowed in the tree: C0 controls but tab/newline/CR, DEL, C1
#: controls, lone surrogates, the non-characters U+FDD0-FDEF, U+FFFE, U+FFFF, and the
#: bidi embedding/override/isolate controls U+202A-202E, U+2066-2069: they carry no
#: text, come in push/pop pairs that extraction splits, and an unmatched one reorders
#: everything after it when displayed ("Trojan Source"). The bidi marks U+200E/200F
#: and U+061C are kept: single, scope-free, and needed to show mixed-direction text.
CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
    "\ufdd0-\ufdef\ufffe\uffff]"
)
_DROPPED = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]+"
)
_SPACED = re.compile("[\x0b\x0c]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_C1 = re.compile("[\x80-\x9f]")
_CHAR_REF = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,10}));?")
_C1_AS_CP1252 = {
    chr(b): bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", "")
    for b in range(0x80, 0xA0)
}


def _control_replacement(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\x0b\x0c":
        return " "
    if "\x80" <= char <= "\x9f":
        return _C1_AS_CP1252[char]  # text decoded as Latin-1 that was really windows-1252
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return ""  # NUL, other controls and non-characters are dropped


def _dropped_code(code: int) -> bool:
    """Whether :func:`clean_text` rewrites a character reference to ``code``: a control
    character (not ``&#0;``, tab or newline), a bidi control or a non-character."""
    return (
        (0 < code < 0x20 and code not in (0x09, 0x0A))
        or code == 0x7F
        or 0x202A <= code <= 0x202E
        or 0x2066 <= code <= 0x2069
        or 0xFDD0 <= code <= 0xFDEF
        or ((code & 0xFFFE) == 0xFFFE and code <= 0x10FFFF)
    )


def _char_ref_replacement(match: re.Match[str]) -> str:
    hex_digits, dec_digits = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(dec_digits)
    if code in (0x0B, 0x0C):
        return " "
    if code == 0x0D:
        return "&#10;"
    if _dropped_code(code):
        return ""
    return match.group()


def clean_text(text: str) -> str:
    """``text`` without a leading BOM, control characters, NULs, lone surrogates or
    non-characters, raw or as numeric character references; CR/CRLF become LF.

    Raw C1 controls (U+0080-U+009F, what windows-1252 text read as Latin-1 contains)
    become the windows-1252 characters they stand for.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if CONTROL.search(text):
        # Plain replacements first (C speed), the per-character mapping only for C1.
        text = _DROPPED.sub("", text)
        text = _SPACED.sub(" ", text)
        text = _SURROGATE.sub("\ufffd", text)
        if _C1.search(text):
            text = _C1.sub(_control_replacement, text)
    if "&#" in text:
        text = _CHAR_REF.sub(_char_ref_replacement, text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


#: The bytes :func:`clean_text` changes, as UTF-8: C0 controls but tab and newline (CR
#: is tested apart), DEL; the multi-byte ones (C1 controls, bidi controls, non-characters)
#: after a test for their lead byte (one fast ``in``), each pattern with a literal prefix.
_C0_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_BIDI_UTF8 = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")
_NONCHAR_UTF8 = re.compile(rb"\xef(?:\xb7[\x90-\xaf]|\xbf[\xbe\xbf])")
_CHAR_REF_BYTES = re.compile(rb"&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,10}));?")


def clean_utf8_python(data: bytes) -> bool:
    """Whether :func:`clean_text` would leave the text whose UTF-8 encoding is ``data``
    unchanged: no BOM, CR, control character or non-character, raw or as a character
    reference it rewrites (lone surrogates cannot be encoded in UTF-8).

    Byte tests (``in``, ``translate``, patterns with a literal prefix) are several times
    faster than the character-class scans of :func:`clean_text` over the decoded text,
    and a page that passes them is handed to the parser as it came, not decoded, cleaned
    and encoded again.
    """
    if data.startswith(b"\xef\xbb\xbf") or b"\r" in data:
        return False
    if len(data.translate(None, _C0_BYTES)) != len(data):
        return False
    if b"\xc2" in data and _C1_UTF8.search(data):
        return False
    if b"\xe2" in data and _BIDI_UTF8.search(data):
        return False
    if b"\xef" in data and _NONCHAR_UTF8.search(data):
        return False
    for match in _CHAR_REF_BYTES.finditer(data):  # its literal "&#" is found fast
        hex_digits, dec_digits = match.groups()
        code = int(hex_digits, 16) if hex_digits else int(dec_digits)
        if _dropped_code(code):  # CR, VT and FF among them: rewritten, not dropped
            return False
    return True


#: Whether :func:`clean_text` would leave the text whose UTF-8 encoding is ``data``
#: unchanged (see :func:`clean_utf8_python`, the reference; compiled where built: one C
#: pass over the bytes, :mod:`newsparse._accel.loadscan`).
clean_utf8: Callable[[bytes], bool] = _accel.twin("loadscan", "clean_utf8", clean_utf8_python)


def plain_utf8_python(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8 (as Python's strict decoder takes it) whose text
    :func:`clean_text` leaves unchanged (the reference twin of the compiled one)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return clean_utf8_python(data)


#: Whether ``data`` is valid UTF-8 whose text :func:`clean_text` leaves unchanged: such
#: bytes go to the parser as they came, and need not be decoded at all (compiled where
#: built: the UTF-8 checked in :func:`clean_utf8`'s pass, :mod:`newsparse._accel.loadscan`).
plain_utf8: Callable[[bytes], bool] = _accel.twin("loadscan", "plain_utf8", plain_utf8_python)


def clean_bytes(decoded: Decoded) -> bytes | None:
    """The UTF-8 bytes of the page's text when :func:`clean_text` has nothing to clean in
    it (the input bytes themselves when they are that text's UTF-8); None otherwise."""
    data = decoded.utf8
    if data is None:
        try:
            data = decoded.text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: clean_text replaces them
            return None
    return data if clean_utf8(data) else None
