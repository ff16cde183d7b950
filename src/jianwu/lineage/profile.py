"""What the parent search needs of one document, computed once: its ``Profile``.

A profile is small (about 2 KB: keys, citations, a 128-value MinHash of the body) so
that a corpus of 100,000 documents fits in memory as profiles while the documents
themselves stay on disk.  The body's shingle set (sorted ``uint32``, 4 bytes per
8-character shingle), which confirming a candidate needs, is kept apart: in the profile
for an in-memory corpus, in the index database (``corpus.store``) for ``jianwu index``,
which loads it only for the few documents that are candidates.

Signatures and shingle sets are ``bytes`` (little-endian ``uint32``, ``minhash.pack_u32``), so
that a stored profile loads, and the parent search runs, without NumPy; making a profile
uses it (the body's signature).

``jianwu index`` computes profiles in its worker processes, right after parsing.
"""

from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from ..model import Document
from ..numpy_or_not import PROFILE_EXTRA_MS_PER_CHAR, use_numpy
from ..patterns import compile_pattern
from .cites import Cited, child_province, citations_of
from .keys import TitleKey, number_key, own_title_key
from .minhash import minhash as minhash_values
from .minhash import pack_u32, plain_minhash

if TYPE_CHECKING:
    import numpy as np

# Characters that carry the text: punctuation, spaces and numbering do not.
NOT_TEXT_CHAR = compile_pattern(r"[^\p{Han}\p{N}]")
SHINGLE = 8  # characters: long enough that shared boilerplate phrases are rare, short enough for OCR damage
TITLE_PERM, TEXT_PERM = 64, 128
# Shingles of a body sampled for the MinHash (1 in SAMPLE by hash): keeps 100,000 documents cheap.
SAMPLE = 4


def body_text(doc: Document) -> str:
    """The plan's own text (from the first clause on), reduced to the characters that carry it."""
    start = doc.clauses[0].span[0] if doc.clauses else 0
    return NOT_TEXT_CHAR.sub("", doc.text[start:])


def shingle_values(text: str, n: int = SHINGLE) -> "np.ndarray":
    """The CRC-32 of every ``n``-character window of ``text`` (UTF-8), sorted and unique (``uint32``)."""
    import numpy as np  # making a profile uses it (here and for the body's signature); using one does not

    if len(text) < n:
        return np.empty(0, dtype=np.uint32)
    data = text.encode("utf-8")
    # Byte offset of every character (1-4 bytes in UTF-8), so each window is one bytes slice.
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    widths = 1 + (points >= 0x80).astype(np.int64) + (points >= 0x800) + (points >= 0x10000)
    offsets = np.concatenate(([0], np.cumsum(widths))).tolist()
    crc = zlib.crc32
    values = np.fromiter((crc(data[s:e]) for s, e in zip(offsets[: -n], offsets[n:])), dtype=np.uint32, count=len(text) - n + 1)
    return np.unique(values)


def plain_shingle_values(text: str, n: int = SHINGLE) -> list[int]:
    """``shingle_values`` in plain Python (``numpy_or_not``): each window's UTF-8 encoded on its own
    (the same bytes as the window's slice of the whole text's, and quicker than finding the slices)."""
    crc = zlib.crc32
    return sorted({crc(text[s : s + n].encode("utf-8")) for s in range(len(text) - n + 1)})


def shingles(text: str, n: int = SHINGLE) -> bytes:
    """``shingle_values`` packed as little-endian ``uint32`` (``minhash.pack_u32``): the set a profile keeps."""
    return shingle_values(text, n).astype("<u4").tobytes()


def bigrams(text: str) -> list[bytes]:
    return [text[i : i + 2].encode("utf-8") for i in range(max(len(text) - 1, 1))]


@lru_cache(maxsize=4096)
def title_minhash(family: str) -> bytes:
    """The signature of a title family's character bigrams (the same family is looked up by many children)."""
    return plain_minhash(bigrams(family), TITLE_PERM)


def text_minhash(values: "np.ndarray") -> bytes:
    """The signature of a body (``shingle_values``): the shingles whose hash is divisible by SAMPLE,
    each hashed as its 4 little-endian bytes."""
    sampled = values[values % SAMPLE == 0].astype("<u4").tobytes()
    return minhash_values([sampled[i : i + 4] for i in range(0, len(sampled), 4)], TEXT_PERM)


def plain_text_minhash(values: list[int]) -> bytes:
    """``text_minhash`` of ``plain_shingle_values``, in plain Python."""
    sampled = pack_u32(v for v in values if v % SAMPLE == 0)
    return plain_minhash([sampled[i : i + 4] for i in range(0, len(sampled), 4)], TEXT_PERM)


@dataclass
class Profile:
    """A document as the parent search sees it."""

    id: str
    sha256: str
    level: Optional[str]
    region: Optional[str]
    key: Optional[TitleKey]  # its own title's key (the issuer's region when the title names none)
    number: Optional[str]  # its own 文号's key
    cites: tuple[Cited, ...]  # what it cites
    province: Optional[str]  # the province it belongs to (named in its region, or named most in its text)
    minhash: bytes  # of the body's sampled shingles (TEXT_PERM values, pack_u32)
    shingles: Optional[bytes] = None  # the body's shingle set (pack_u32); None when kept elsewhere


def profile_of(doc: Document) -> Profile:
    key = own_title_key(doc.title)
    if key is not None and key.region is None and doc.region and doc.level != "national":
        # 关于推动城乡建设绿色发展的实施意见 of 甘肃省委办公厅: the issuer's region, so that a
        # citation of another province's plan of that title never matches it.
        key = TitleKey(doc.region, key.plan, key.family)
    body = body_text(doc)
    if use_numpy(PROFILE_EXTRA_MS_PER_CHAR * len(body)):  # a process's first profile in plain Python (numpy_or_not)
        values = shingle_values(body)
        minhash, shingle_set = text_minhash(values), values.astype("<u4").tobytes()
    else:
        plain = plain_shingle_values(body)
        minhash, shingle_set = plain_text_minhash(plain), pack_u32(plain)
    return Profile(
        id=doc.id,
        sha256=doc.sha256,
        level=doc.level,
        region=doc.region,
        key=key,
        number=number_key(doc.doc_number) if doc.doc_number else None,
        cites=tuple(citations_of(doc)),
        province=child_province(doc),
        minhash=minhash,
        shingles=shingle_set,
    )


def pack_profile(profile: Profile) -> tuple[bytes, bytes]:
    """(the profile without its shingles, the shingles) as two blobs for the index database."""
    bare = replace(profile, shingles=None)
    return pickle.dumps(bare, protocol=pickle.HIGHEST_PROTOCOL), profile.shingles or b""


def unpack_profile(blob: bytes) -> Optional[Profile]:
    """A stored profile, or None for one this jianwu does not read (stored by a version whose
    signatures were NumPy arrays): it is made again."""
    try:
        profile = pickle.loads(blob)
    except Exception:  # noqa: BLE001  (a module or class since renamed: made again)
        return None
    return profile if isinstance(profile, Profile) and isinstance(profile.minhash, bytes) else None


def unpack_shingles(blob: bytes) -> bytes:
    return blob
