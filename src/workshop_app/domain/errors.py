"""The domain's exceptions."""

__all__ = ["DomainError"]


class DomainError(ValueError):
    """An operation would make the session invalid; nothing was changed."""
