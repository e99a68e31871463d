"""User mistakes. The CLI prints them without a traceback and exits 2."""
from __future__ import annotations


class AssistantError(Exception):
    """A user mistake; `where` names the file, field or row it concerns."""

    exit_code = 2

    def __init__(self, message: str, *, where: str = ""):
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class SpecError(AssistantError):
    """An invalid spec; `problems` lists every (path, message) found."""

    def __init__(self, problems: list[tuple[str, str]], *, source: str = ""):
        self.problems = problems
        self.source = source
        lines = [f"{path}: {msg}" if path else msg for path, msg in problems]
        head = f"{source}: " if source else ""
        super().__init__(head + f"发现 {len(problems)} 处问题\n" + "\n".join("  " + line for line in lines))


class TemplateError(AssistantError):
    """A template that cannot be loaded or rendered."""


class RowError(AssistantError):
    """A bad row of a batch input."""


class CorpusError(AssistantError):
    """A corpus file that cannot be read, or an index that cannot be used."""


class OutputExistsError(AssistantError):
    """Refusing to overwrite existing files without --force."""
