"""Plain text in any common encoding -> ``SourceText``."""

from __future__ import annotations

from . import SourceText


def read_text(raw: bytes, name: str) -> SourceText:
    from ..normalize import decode

    text, encoding = decode(raw, name)
    return SourceText(text=text, format="text", encoding=encoding)
