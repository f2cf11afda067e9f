"""Errors raised by loaders, each carrying messages in Chinese for the user."""

from __future__ import annotations


class ReadError(Exception):
    """A file could not be read (unknown format, no text layer, bad encoding). 文件无法读取."""


class LoadError(Exception):
    """Input was rejected; nothing of it was stored. `messages` lists row-level problems."""

    def __init__(self, message: str, messages: list[str] | None = None) -> None:
        super().__init__(message)
        self.messages = messages or []

    def __str__(self) -> str:
        head = super().__str__()
        if not self.messages:
            return head
        return head + "\n" + "\n".join(f"  - {m}" for m in self.messages)
