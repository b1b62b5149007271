"""Errors the domain raises for bad input: each carries a message a user can act on."""


class ValidationError(ValueError):
    """Input that cannot be accepted; ``field`` names what was wrong, ``message`` says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
