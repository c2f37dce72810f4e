"""Citizens' satisfaction answers at the desk: kept from the change feed, counted for the report.

The portal's survey page (portal/citizen.py) announces each answer as a `survey.answer` change;
`keep_answer` stores the newest one per dossier (applying a change twice, or an older one after
a newer, changes nothing). `survey_figures` gives the Báo cáo page and `motcua report --json`
the same numbers: how many answers were last given in the period, the average of each question
and the count of each level of the overall question.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.citizen import QUESTION_KEYS, SCALE
from app.clock import to_local
from app.reports.period import Period
from app.store.models import Dossier, SurveyAnswer
from app.wire import SurveyChange


def keep_answer(session: Session, change: SurveyChange) -> bool:
    """Store the answer; False when it is not for a dossier of this desk or is older than the
    one kept (the feed is ordered, but a replayed page must not undo a newer answer)."""
    if session.get(Dossier, change.dossier_id) is None:
        return False
    answered_at, first_at = to_local(change.answered_at), to_local(change.first_at)
    row = session.get(SurveyAnswer, change.dossier_id)
    if row is None:
        session.add(SurveyAnswer(dossier_id=change.dossier_id, ratings=dict(change.ratings),
                                 comment=change.comment or "", first_at=first_at, answered_at=answered_at))
        return True
    if answered_at < row.answered_at:
        return False
    row.ratings, row.comment, row.first_at, row.answered_at = (dict(change.ratings), change.comment or "",
                                                               first_at, answered_at)
    return True


@dataclass(frozen=True)
class SurveyFigures:
    """Answers last given in the period: count, average per question (1–5, None without
    answers), and how many gave each level to the overall question."""

    answers: int = 0
    averages: Mapping[str, float | None] = field(default_factory=dict)
    overall: Mapping[int, int] = field(default_factory=dict)
    comments: int = 0

    @property
    def satisfied_rate(self) -> float | None:
        """Share of answers rating the overall question 4 or 5 (hài lòng, rất hài lòng)."""
        rated = sum(self.overall.values())
        return round((self.overall.get(4, 0) + self.overall.get(5, 0)) / rated, 4) if rated else None

    def to_dict(self) -> dict[str, Any]:
        return {"answers": self.answers, "averages": dict(self.averages),
                "overall": {str(level): count for level, count in self.overall.items()},
                "comments": self.comments, "satisfied_rate": self.satisfied_rate}


def survey_figures(session: Session, period: Period) -> SurveyFigures:
    rows = session.execute(select(SurveyAnswer.ratings, SurveyAnswer.comment)
                           .where(SurveyAnswer.answered_at >= period.begins,
                                  SurveyAnswer.answered_at < period.ends)).all()
    sums = {key: [0, 0] for key in QUESTION_KEYS}
    overall = {level: 0 for level, _ in SCALE}
    for ratings, _comment in rows:
        for key, value in (ratings or {}).items():
            if key in sums and isinstance(value, int):
                sums[key][0] += value
                sums[key][1] += 1
        level = (ratings or {}).get("overall")
        if level in overall:
            overall[level] += 1
    averages = {key: (round(total / count, 2) if count else None) for key, (total, count) in sums.items()}
    return SurveyFigures(answers=len(rows), averages=averages, overall=overall,
                         comments=sum(1 for _, comment in rows if comment))
