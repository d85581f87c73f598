"""Read one report file into text: plain text in any common Chinese encoding, .docx, .pdf, .html (the page's
article without the site's navigation and footer: :mod:`govreports.corpus.webpages`).

Every failure raises :class:`ReadError` with a short reason a researcher can act on ("empty file",
"PDF has no text layer (scanned image?): run OCR first", ...). Nothing here writes to disk.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from govreports.corpus.webpages import page_text

__all__ = ["SUFFIXES", "RawDocument", "ReadError", "decode_bytes", "read_file"]

#: File suffixes the loader reads, and the format each maps to.
SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
}

_HINTS = {
    ".doc": "old Word .doc is not supported: save it as .docx",
    ".wps": "WPS .wps is not supported: save it as .docx",
    ".rtf": ".rtf is not supported: save it as .docx or .txt",
}

# Encodings tried strictly, in order. UTF-8 first: GBK bytes are almost never valid UTF-8, while many
# UTF-8 byte strings are valid GB18030. GB18030 is a superset of GBK and GB2312.
_ENCODINGS = ("utf-8", "gb18030", "big5")
_CJK = re.compile(r"[\u4e00-\u9fff]")


class ReadError(Exception):
    """A file could not be read as a report; ``str(error)`` is the reason."""


@dataclass(frozen=True)
class RawDocument:
    """Text of one file as read, before any cleaning.

    Attributes:
        text: decoded or extracted text.
        format: ``txt``, ``docx``, ``pdf`` or ``html``.
        encoding: the detected encoding for ``txt`` and ``html``; ``None`` for the others.
        extraction: for ``html``, how the report was taken from the page (:mod:`govreports.corpus.webpages`):
            ``main``, or ``extended: …``/``page: …`` with the reason; ``None`` for the others.
    """

    text: str
    format: str
    encoding: str | None
    extraction: str | None = None


def read_file(path: str | Path) -> RawDocument:
    """Read a report file.

    Args:
        path: a ``.txt``/``.md``, ``.docx``, ``.pdf`` or ``.html``/``.htm`` file.

    Returns:
        The raw text with the format and, for text formats, the encoding.

    Raises:
        ReadError: empty file, binary or undecodable content, an unreadable .docx, a PDF without a
            text layer, or a file type the loader does not read. ``OSError`` from the file system
            (missing file, no permission) is wrapped in ``ReadError`` too.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    fmt = SUFFIXES.get(suffix)
    if fmt is None:
        hint = _HINTS.get(suffix, f"file type '{suffix or '(none)'}' is not read (use .txt, .docx, .pdf, .html)")
        raise ReadError(hint)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(f"cannot open: {error.strerror or error}") from error
    if not data.strip():
        raise ReadError("empty file")
    if fmt == "txt":
        text, encoding = decode_bytes(data)
        raw = RawDocument(text, "txt", encoding)
    elif fmt == "html":
        text, encoding = _decode_html(data)
        page = page_text(text)
        raw = RawDocument(page.text, "html", encoding, page.method + (f": {page.reason}" if page.reason else ""))
    elif fmt == "docx":
        raw = RawDocument(_docx_text(data), "docx", None)
    else:
        raw = RawDocument(_pdf_text(data), "pdf", None)
    if not raw.text.strip():
        raise ReadError("no text in the file" if fmt != "pdf" else "PDF has no text layer (scanned image?): run OCR first")
    return raw


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file, detecting the encoding.

    A byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise UTF-16 without a mark is recognised by
    its pattern of zero bytes, then UTF-8, GB18030 (which covers GBK and GB2312) and Big5 are tried
    strictly, in that order.

    Returns:
        ``(text, encoding)``; a BOM is not part of the text.

    Raises:
        ReadError: the bytes hold NUL bytes outside UTF-16 ("binary file"), or no supported encoding
            decodes them ("undecodable").
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16), utf16
    if b"\x00" in data or _control_ratio(data) > 0.05:
        raise ReadError("binary file, not text")
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ReadError("undecodable: not valid UTF-8, UTF-16, GB18030/GBK or Big5")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ReadError(f"undecodable: invalid {encoding} at byte {error.start}") from error


def _utf16_without_bom(data: bytes) -> str | None:
    """Return ``utf-16-le``/``utf-16-be`` when every other byte is mostly zero, as in ASCII-rich UTF-16.

    Chinese UTF-16 has few zero bytes, so the check also accepts text whose even (or odd) positions
    decode to mostly CJK characters.
    """
    sample = data[: 4096 - (min(len(data), 4096) % 2)]
    if len(sample) < 4:
        return None
    for encoding, zero_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        zeros = sample[zero_at::2].count(0)
        if zeros / (len(sample) / 2) > 0.3 and sample[1 - zero_at :: 2].count(0) == 0:
            return encoding
    if b"\x00" in sample:  # Chinese UTF-16 with some ASCII: try both byte orders, keep the CJK-rich one
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = sample.decode(encoding)
            except UnicodeDecodeError:
                continue
            if len(_CJK.findall(text)) > len(text) * 0.3:
                return encoding
    return None


def _control_ratio(data: bytes) -> float:
    sample = data[:4096]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # deleting them counts them
    return controls / len(sample)


#: Bytes below 32 other than tab, line feed, form feed, carriage return and escape.
_CONTROL_BYTES = bytes(byte for byte in range(32) if byte not in (9, 10, 12, 13, 27))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def _decode_html(data: bytes) -> tuple[str, str]:
    """Decode a web page: a declared ``<meta charset>`` first, then the same detection as text."""
    match = _META_CHARSET.search(data[:4096])
    if match:
        declared = match.group(1).decode("ascii").lower()
        declared = {"gb2312": "gb18030", "gbk": "gb18030"}.get(declared, declared)
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def _docx_text(data: bytes) -> str:
    """Paragraphs of a Word document in order, one a line; table rows as lines with cells joined by tabs."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReadError("not a readable .docx file (damaged, or another format renamed)") from error
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(data: bytes) -> str:
    """Text layer of a PDF via pdfminer.six; an empty string when the PDF has none."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError:  # pragma: no cover - older pdfminer
        PDFPasswordIncorrect = PDFSyntaxError  # type: ignore[misc,assignment]
    try:
        return extract_text(io.BytesIO(data))
    except PDFPasswordIncorrect as error:
        raise ReadError("PDF is password-protected") from error
    except PDFSyntaxError as error:
        raise ReadError("not a readable PDF (damaged, or another format renamed)") from error
    except Exception as error:  # pdfminer raises many internal error types on damaged files
        raise ReadError(f"PDF could not be parsed: {type(error).__name__}") from error
