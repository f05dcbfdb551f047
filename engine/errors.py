"""The one exception type that means "the user asked for something we cannot do", with a message for people."""

__all__ = ["UserInputError"]


class UserInputError(ValueError):
    """Bad model name, shape, file or number. The message names what is wrong and what is accepted."""
