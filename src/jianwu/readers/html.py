"""Government web pages -> ``SourceText``: the article, its 信息公开 table, nothing else.

The page is decoded with the charset it declares (a BOM, ``<meta charset>``,
``<meta http-equiv="Content-Type" content="…; charset=gbk">``, the XML declaration;
gb2312 and gbk are decoded as their superset gb18030, as browsers do), else UTF-8,
else GB18030.  Then ``html_body`` finds the article container and turns it into
lines; the 信息公开 table (索引号, 发文机关, 成文日期, 发文字号 …) comes first, as the
``字段：值`` lines that ``metadata.py`` reads.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from ..model import Warning_
from . import SourceText

# <meta charset="gb2312"> / <meta http-equiv="Content-Type" content="text/html; charset=gbk">
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*(?P<charset>[A-Za-z0-9_.:-]+)", re.I)
# <?xml version="1.0" encoding="gb2312"?>
XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]+encoding\s*=\s*[\"'](?P<charset>[A-Za-z0-9_.:-]+)", re.I)
# Charsets a page may declare that are decoded as a superset (what browsers do).
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "gb_2312-80": "gb18030",
             "euc-cn": "gb18030", "big5": "big5hkscs", "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "utf-8",
             "us-ascii": "utf-8"}
CHARSET_SCAN_BYTES = 4096


def _declared(raw: bytes) -> str | None:
    head = raw[:CHARSET_SCAN_BYTES]
    m = XML_ENCODING.match(head) or META_CHARSET.search(head)
    if not m:
        return None
    label = m.group("charset").decode("ascii", "replace").lower()
    label = SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_page(raw: bytes, name: str) -> tuple[str, str, list[Warning_]]:
    """(text, encoding, warnings) of a web page's bytes."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", "replace"), "utf-8-sig", []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", "replace").lstrip("\ufeff"), "utf-16", []
    declared = _declared(raw)
    tried = [declared] if declared else []
    tried += [enc for enc in ("utf-8", "gb18030") if enc not in tried]
    for encoding in tried:
        try:
            return raw.decode(encoding), encoding, []
        except UnicodeDecodeError:
            continue
    encoding = declared or "utf-8"
    text = raw.decode(encoding, "replace")
    bad = text.count("\ufffd")
    return text, encoding, [Warning_("undecodable_bytes", f"{bad} byte sequence(s) not valid {encoding} were replaced by U+FFFD")]


def read_html(raw: bytes, name: str) -> SourceText:
    from .html_body import page_lines

    text, encoding, warnings = decode_page(raw, name)
    lines, metadata = page_lines(text)
    body = "\n".join(lines)
    if not body.strip():
        raise InputError(name, "web page has no text in its body (is the article loaded by a script?)")
    return SourceText(text=body, format="html", encoding=encoding, warnings=tuple(warnings), metadata=metadata)
