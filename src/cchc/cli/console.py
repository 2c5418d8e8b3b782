"""The two consoles: results go to stdout, progress and diagnostics to stderr."""

from rich.console import Console
from rich.text import Text

out = Console(soft_wrap=True)
err = Console(stderr=True)


def error_line(error: Exception) -> Text:
    """One line "Lỗi: <file>: <problem>", with the message printed literally (no markup)."""
    return Text.assemble(("Lỗi: ", "bold red"), " ".join(str(error).split()))
