"""Page bytes to text: which charset, and how sure.

The order is the one browsers follow (the WHATWG encoding sniffing algorithm), with
detection where browsers would fall back to a locale default:

1. a byte-order mark (``"bom"``);
2. UTF-16/32 without a BOM, told by where the NULs of ASCII characters fall
   (``"detected"``);
3. bytes that are valid UTF-8 with multi-byte characters are UTF-8 whatever the page
   declares (a legacy charset cannot produce them by accident);
4. the transport's charset (``encoding=``, e.g. the HTTP Content-Type), then the page's
   ``<meta charset>`` / ``<meta http-equiv>`` / ``<?xml encoding?>``; labels are
   resolved with the WHATWG label table (:mod:`webencodings`), so ``latin1`` and
   ``ascii`` mean windows-1252, ``gb2312`` means GBK, and a ``<meta>`` saying UTF-16
   means UTF-8. A declaration is only checked (with charset-normalizer) when the page
   has bytes it could get wrong: non-ASCII bytes that are not UTF-8. A declaration
   whose decoding fails, or that the detector finds clearly worse than another
   charset (a Turkish page labelled windows-1252, a windows-1251 page labelled
   ISO-8859-1), is overruled (``"detected"``);
5. no usable declaration: pure ASCII is UTF-8 (``"default"``); a UTF-8 page with a few
   stray windows-1252 bytes keeps both; anything else is detected with
   charset-normalizer (``"detected"``), windows-1252 (``"default"``) when the detector
   has no answer.

Unsafe or meaningless labels (UTF-7, ``replacement``, codecs that are not charsets)
are ignored. Decoding never raises: bytes no candidate can read become U+FFFD.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Literal

import webencodings

from newsparse import _accel

__all__ = [
    "Decoded",
    "EncodingSource",
    "codec_for_label",
    "decode",
    "decode_bytes",
    "utf8_source",
]

EncodingSource = Literal["bom", "transport", "meta", "detected", "default"]
"""Where the charset a page was decoded with came from."""


@dataclass(frozen=True)
class Decoded:
    """A page's text and the charset it was read with."""

    text: str
    encoding: str
    """The WHATWG name of the charset used (``"utf-8"``, ``"windows-1251"``, ``"shift_jis"``)."""
    source: EncodingSource | None
    """Where that charset came from: the BOM, the transport, the page's ``<meta>``,
    detection from the bytes, or the default."""
    utf8: bytes | None = field(default=None, repr=False, compare=False)
    """The input bytes when they are exactly ``text`` encoded as UTF-8 (ASCII, or valid
    UTF-8 without a BOM), so that they need not be encoded again; None otherwise."""


#: Byte-order marks, longest first (the UTF-32-LE BOM starts with the UTF-16-LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_BOM_PREFIXES = tuple(bom for bom, _ in BOMS)
#: A valid multi-byte UTF-8 sequence (tells UTF-8 with a few stray bytes from a legacy page).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
#: A charset declared in the page: <meta charset>, <meta http-equiv content>, <?xml encoding?>.
_DECLARED = re.compile(
    rb"""<meta\b[^>]{0,512}?\bcharset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]{1,40})"""
    rb"""|<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["']([a-zA-Z0-9_.:\-]{1,40})""",
    re.IGNORECASE,
)
#: How far into the page a charset declaration is looked for.
_DECLARATION_WINDOW = 65536
#: The words one of ``_DECLARED``'s branches must hold, and how far before its word a
#: match can start at most: "<meta" and 512 characters (the other branch: "<?xml" and
#: 200).
_KEYWORDS = (b"charset", b"encoding")
_BEFORE_KEYWORD = 5 + 512

#: The Python codec that decodes what the web means by a WHATWG encoding name, where
#: Python's codec of the same name is narrower (WHATWG's GBK decoder is GB18030's, its
#: Shift_JIS is Microsoft's code page 932, its EUC-KR is code page 949...).
_WEB_CODEC: dict[str, str] = {
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "euc-kr": "cp949",
    "iso-8859-8-i": "iso8859-8",
    "windows-874": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
    "macintosh": "mac-roman",
}
#: WHATWG encodings never used on page content: "replacement" (labels of unsafe
#: charsets such as ISO-2022-KR and HZ) and "x-user-defined" (read as windows-1252).
_UNUSABLE = frozenset({"replacement"})
#: Stateful 7-bit encodings: their bytes are valid ASCII, so only the declaration tells them.
_SEVEN_BIT = frozenset({"iso-2022-jp"})
_UTF16 = frozenset({"utf-16le", "utf-16be"})

#: Most undecodable bytes read one by one as windows-1252 in a mostly-UTF-8 page.
_MAX_FALLBACK_BYTES = 20_000
#: How much more mojibake-like (charset-normalizer's chaos) the declared charset's
#: reading may be than the cleanest reading before the declaration is overruled.
_CHAOS_SLACK = 0.02
#: Detection reads at most this many bytes of the page.
_DETECT_BYTES = 262_144


def codec_for_label(label: str | None, *, transport: bool = False) -> str | None:
    """The WHATWG encoding name a charset label stands for; None when unknown or unusable.

    UTF-16 labels count only from the transport: a page that says UTF-16 in its own
    markup was readable as ASCII, so it is not UTF-16 (WHATWG: read it as UTF-8).
    """
    if not label or len(label) > 60 or not label.isascii():
        return None
    enc = webencodings.lookup(label.strip().strip("\"'"))
    if enc is None or enc.name in _UNUSABLE:
        return None
    name = str(enc.name)
    if name == "x-user-defined":
        return "windows-1252"
    if name in _UTF16 and not transport:
        return "utf-8"
    return name


def _python_codec(name: str) -> str:
    if name in _WEB_CODEC:
        return _WEB_CODEC[name]
    enc = webencodings.lookup(name)
    return str(enc.codec_info.name) if enc is not None else "cp1252"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the bytes UTF-8 could not decode as windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("newsparse-cp1252", _cp1252_fallback)


def unmarked_utf16_32(sample: bytes) -> str | None:
    """UTF-16/32 without a BOM, told by where the NUL bytes of ASCII characters fall."""
    if len(sample) < 8:
        return None
    quarter = max(1, len(sample) // 4)
    lanes = [sample[i::4].count(0) / quarter for i in range(4)]
    if min(lanes[1:]) > 0.6 and lanes[0] < 0.1:
        return "utf-32-le"
    if min(lanes[:3]) > 0.6 and lanes[3] < 0.1:
        return "utf-32-be"
    even = (lanes[0] + lanes[2]) / 2
    odd = (lanes[1] + lanes[3]) / 2
    if odd > 0.6 and even < 0.1:
        return "utf-16-le"
    if even > 0.6 and odd < 0.1:
        return "utf-16-be"
    return None


def _first_keyword_python(data: bytes, end: int) -> int:
    """The first position in ``data[:end]`` of one of ``_KEYWORDS``, ASCII letters in any
    case (the reference twin of the compiled one); -1 where there is none."""
    window = data[: max(end, 0)].lower()  # (ASCII letters only, as IGNORECASE on bytes)
    found = [at for at in (window.find(word) for word in _KEYWORDS) if at >= 0]
    return min(found) if found else -1


_first_keyword = _accel.twin("loadscan", "first_keyword", _first_keyword_python)


def _declared(data: bytes) -> str | None:
    """The encoding a charset declaration near the top of the page names, if usable.

    The pattern is tried at every "<" of the window, which costs ~0.2 ms on a page
    without a declaration: it is searched from where a match can start at the earliest,
    ``_BEFORE_KEYWORD`` before the first of the words every match holds (none: no
    match).  No match starts earlier, so the matches are those of a search from 0."""
    keyword = _first_keyword(data, _DECLARATION_WINDOW)
    if keyword < 0:
        return None
    start = max(0, keyword - _BEFORE_KEYWORD)
    for match in _DECLARED.finditer(data, start, _DECLARATION_WINDOW):
        label = match.group(1) or match.group(2)
        name = codec_for_label(label.decode("ascii", errors="replace"))
        if name:
            return name
    return None


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode page bytes to text (see :func:`decode_bytes`), never raising."""
    return decode_bytes(data, encoding).text


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode page bytes to text, deterministically and without ever raising.

    ``encoding`` is the transport's charset label (e.g. from the HTTP Content-Type).
    The module docstring gives the order of precedence.
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            return Decoded(text, codec.replace("-le", "le").replace("-be", "be"), "bom")
    transport = codec_for_label(encoding, transport=True) if isinstance(encoding, str) else None
    if transport in _UTF16:
        text = data.decode(_python_codec(transport), errors="replace")
        return Decoded(text, transport, "transport")
    head = data[:4096]
    unmarked = unmarked_utf16_32(head) if head.count(0) else None
    if unmarked:
        text = data.decode(unmarked, errors="replace")
        return Decoded(text, unmarked.replace("-le", "le").replace("-be", "be"), "detected")
    declared = _declarations(data, transport)
    if data.isascii():
        return _ascii(data, declared)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        source: EncodingSource = next((s for n, s in declared if n == "utf-8"), "detected")
        return Decoded(text, "utf-8", source, data)
    legacy = next(((n, s) for n, s in declared if n != "utf-8"), None)
    if legacy is not None:
        return _checked(data, *legacy)
    if _UTF8_MULTIBYTE.search(data):
        mixed = _mixed_utf8(data)
        if mixed is not None:
            said: EncodingSource = next((s for n, s in declared if n == "utf-8"), "detected")
            return Decoded(mixed, "utf-8", said)
    return _detected(data) or Decoded(
        data.decode("cp1252", errors="replace"), "windows-1252", "default"
    )


def utf8_source(data: bytes, encoding: str | None = None) -> EncodingSource | None:
    """For ``data`` that is valid UTF-8: where :func:`decode_bytes` says the charset comes
    from when it reads ``data`` as the UTF-8 it is (it then returns
    ``Decoded(data.decode(), "utf-8", <this>, data)``); None where it reads it otherwise
    (a BOM, a UTF-16 transport, a UTF-16/32 NUL pattern, a 7-bit stateful encoding).
    decode_bytes' own steps, without decoding."""
    if data.startswith(_BOM_PREFIXES):
        return None
    transport = codec_for_label(encoding, transport=True) if isinstance(encoding, str) else None
    if transport in _UTF16:
        return None
    head = data[:4096]
    if head.count(0) and unmarked_utf16_32(head):
        return None
    declared = _declarations(data, transport)
    ascii_only = data.isascii()
    if ascii_only and any(n in _SEVEN_BIT for n, _ in declared) and b"\x1b" in data:
        return None  # (_ascii may read it in that encoding)
    for name, source in declared:
        if name == "utf-8":
            return source
    return "default" if ascii_only else "detected"


def _declarations(data: bytes, transport: str | None) -> list[tuple[str, EncodingSource]]:
    """The usable charset declarations of the page: the transport's, then the page's own."""
    declared: list[tuple[str, EncodingSource]] = []
    if transport:
        declared.append((transport, "transport"))
    meta = _declared(data)
    if meta:
        declared.append((meta, "meta"))
    return declared


def _ascii(data: bytes, declared: list[tuple[str, EncodingSource]]) -> Decoded:
    """A page of ASCII bytes: UTF-8, unless it declares a 7-bit stateful encoding it uses."""
    for name, source in declared:
        if name in _SEVEN_BIT and b"\x1b" in data:
            return Decoded(data.decode(_python_codec(name), errors="replace"), name, source)
    for name, source in declared:
        if name == "utf-8":
            return Decoded(data.decode("ascii"), "utf-8", source, data)
    return Decoded(data.decode("ascii"), "utf-8", "default", data)


def _mixed_utf8(data: bytes) -> str | None:
    """A UTF-8 page with stray windows-1252 bytes pasted in, each read as windows-1252;
    None when too many bytes are not UTF-8 for it to be that."""
    kept = data.decode("utf-8", errors="ignore")
    dropped = len(data) - len(kept.encode("utf-8"))
    if dropped <= _MAX_FALLBACK_BYTES:
        non_ascii = len(kept) - len(kept.encode("ascii", errors="ignore"))
        if non_ascii >= dropped or dropped <= 3:
            return data.decode("utf-8", errors="newsparse-cp1252")
        return None
    return None


# ------------------------------------------------------------------ detection


@dataclass(frozen=True)
class _Candidate:
    name: str
    """WHATWG name."""
    codec: str
    """Python codec."""
    coherence: float
    """How much the decoded text looks like a language (0-1)."""
    chaos: float
    """How much the decoded text looks like mojibake (0-1)."""

    @property
    def score(self) -> float:
        """Coherence minus four times the chaos: mojibake weighs most."""
        return self.coherence - 4 * self.chaos


def _candidates(data: bytes) -> list[_Candidate]:
    """charset-normalizer's readings of the bytes, best first, named as the web names them."""
    from charset_normalizer import from_bytes

    results = from_bytes(data[:_DETECT_BYTES], preemptive_behaviour=False)
    out: list[_Candidate] = []
    seen: set[str] = set()
    for match in results:
        aliases = [match.encoding, *match.could_be_from_charset]
        # One decoding, several names: prefer the web's default when it is one of them.
        names = [n for n in (codec_for_label(a.replace("_", "-")) for a in aliases) if n]
        if not names:
            continue
        name = "windows-1252" if "windows-1252" in names else names[0]
        if name in seen:
            continue
        seen.add(name)
        out.append(
            _Candidate(name, _python_codec(name), float(match.coherence), float(match.chaos))
        )
    out.sort(key=lambda c: -c.score)
    return out


#: Windows-1252, the web's default, is taken over a better-scored candidate when the
#: language evidence for both is this close (short Western texts score alike in many
#: single-byte charsets, and the detector then picks Baltic or Central European ones).
_DEFAULT_COHERENCE_SLACK = 0.02


def _best(candidates: list[_Candidate]) -> _Candidate:
    best = candidates[0]
    default = next((c for c in candidates if c.name == "windows-1252"), None)
    if default is not None and default.coherence >= best.coherence - _DEFAULT_COHERENCE_SLACK:
        return default
    return best


def _detected(data: bytes) -> Decoded | None:
    """The page decoded with the charset detection finds best, or None without an answer."""
    candidates = _candidates(data)
    if not candidates:
        return None
    best = _best(candidates)
    return Decoded(data.decode(best.codec, errors="replace"), best.name, "detected")


def _checked(data: bytes, name: str, source: EncodingSource) -> Decoded:
    """The page decoded with its declared legacy charset, unless the bytes say otherwise."""
    codec = _python_codec(name)
    if name == "windows-1252" and _UTF8_MULTIBYTE.search(data):
        mixed = _mixed_utf8(data)
        if mixed is not None:  # UTF-8 with a few stray windows-1252 bytes
            return Decoded(mixed, "utf-8", "detected")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        text = None
    candidates = _candidates(data)
    if not candidates:
        return Decoded(text if text is not None else data.decode(codec, "replace"), name, source)
    if text is not None and _plausible(data, name, candidates):
        return Decoded(text, name, source)
    best = _best(candidates)
    other = data.decode(best.codec, errors="replace")
    if other == text:  # the detector's choice reads the same: the declaration was right
        return Decoded(text, name, source)
    return Decoded(other, best.name, "detected")


def _plausible(data: bytes, name: str, candidates: list[_Candidate]) -> bool:
    """Whether the declared charset's reading shows no more mojibake than the cleanest
    reading the detector found (by name, or by giving the same text as a candidate):
    then the declaration stands, as in a browser. Only a reading the detector rejects,
    or finds clearly messier than another, is overruled."""
    sample = data[:_DETECT_BYTES]
    own_text = sample.decode(_python_codec(name), errors="replace")
    cleanest = min(c.chaos for c in candidates)
    return any(
        c.chaos <= cleanest + _CHAOS_SLACK
        and (c.name == name or sample.decode(c.codec, errors="replace") == own_text)
        for c in candidates
    )
