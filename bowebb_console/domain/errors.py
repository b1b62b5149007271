"""The one error model: every failure a person is shown carries a code and its values.

``code`` is a stable dotted name (``customers.stale_edit``, ``db.unreachable``); the UI looks
the code up in its translated texts and fills in ``params``; it never reads ``message``.
``message`` is plain English for the CLI and for tests; it never holds a password, and since
it may name a customer or a person it is never written to the log file either.
"""

from __future__ import annotations

from collections.abc import Mapping


class ShownError(Exception):
    """A failure a user can act on: ``code`` for the UI, ``message`` for the CLI."""

    def __init__(self, code: str, message: str, params: Mapping[str, object] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params: dict[str, str] = {k: str(v) for k, v in (params or {}).items()}

    def __str__(self) -> str:
        return self.message


class ValidationError(ShownError, ValueError):
    """Input that cannot be accepted; ``field`` names what was wrong, ``code`` why."""

    def __init__(
        self,
        field: str,
        message: str,
        code: str = "",
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(code or f"invalid.{field}", message, params)
        self.field = field
