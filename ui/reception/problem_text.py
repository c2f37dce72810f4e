"""Problems of a reception, in the official's language.

The service names each problem's field ("applicant.id_number", "documents[1].received"), explains
it in English for logs and the intake command, and gives it a kind with parameters; the screen
shows the kind's translated sentence (ui/problem_texts/reception.py) next to the field, never the
English. A chip-ID QR refused by the parser is worded the same way, by its kind.
"""

from __future__ import annotations

from app.identity.cccd import CccdParseError
from app.reception.model import FieldProblem
from ui import problems


def problem_text(problem: FieldProblem) -> str:
    """The sentence to show for `problem` on screen, chosen by its kind (or error class)."""
    worded = problems.problem_text(problem.kind, problem.params)
    if worded is None:
        problems.log.info("reception problem shown without a sentence of its own (kind %r): %s",
                          problem.kind, problem)
        return problems.problem_text("", code="input") or problems.generic_text()
    return worded


def qr_problem_text(error: CccdParseError) -> str:
    """Why a chip-ID QR payload was refused: a clause, chosen by the parser's kind."""
    return problems.problem_text(error.kind, error.params, code=error.code) or ""
