"""Domain errors. The CLI turns each into one Vietnamese line and a non-zero exit.

Library code raises these instead of printing, so the same failure reads the same from
the command line, from a test and from another program.
"""

from __future__ import annotations

from pathlib import Path


class CchcError(Exception):
    """Base of every error the toolkit reports to a user (message in Vietnamese)."""

    exit_code = 1


class InputFileError(CchcError):
    """A source file that cannot be read as a document: missing, empty, binary, too big…"""

    exit_code = 2

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):  # crosses process boundaries (cchc ingest --jobs)
        return (InputFileError, (self.path, self.problem))


class StoreError(CchcError):
    """The graph store cannot be opened, read or written."""

    exit_code = 3


class QueryError(CchcError):
    """A named query is unknown, a parameter is missing or a SPARQL text is malformed."""

    exit_code = 4


class ResourceMissingError(CchcError):
    """A packaged data file (ontology, query, template, pattern) is not where it should be."""

    exit_code = 5
