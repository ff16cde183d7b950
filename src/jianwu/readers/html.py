"""Government web pages -> ``SourceText`` (to be built: issue 9)."""

from __future__ import annotations

import re

from ..errors import InputError
from . import SourceText

# Markup at the start of a file: <!DOCTYPE html>, <html>, <head>, <meta charset=...>
HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b", re.I | re.S)


def looks_like_html(raw: bytes) -> bool:
    return bool(HTML_START.match(raw[:4096].lstrip(b"\xef\xbb\xbf")))


def read_html(raw: bytes, name: str) -> SourceText:
    raise InputError(name, "web page: not supported yet")
