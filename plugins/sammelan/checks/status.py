"""Checks of a conclave's status: against its other fields and against the build date.

A conclave whose last day has passed but which still says `scheduled` is most
often one whose organizers forgot to record what happened (held, cancelled,
postponed). That is a warning, an error under --strict (CI), so the bundled
content must always say what became of a past conclave.
"""

from __future__ import annotations

import datetime as dt

from sammelan.errors import Problem
from sammelan.i18n.messages import msg
from sammelan.model.choices import ConclaveStatus
from sammelan.sources.yamldoc import Document


def check(doc: Document, today: dt.date, start: dt.date | None,
          end: dt.date | None) -> list[Problem]:
    return _rescheduling(doc) + _against_today(doc, today, start, end)


def _rescheduling(doc: Document) -> list[Problem]:
    d = doc.data
    if d["status"] == ConclaveStatus.RESCHEDULED and "previous_start" not in d:
        return [Problem(doc.where(("status",)),
                        msg("a rescheduled conclave needs its previous first day"),
                        msg("add `previous_start: YYYY-MM-DD` (the date it was first "
                            "announced for)"), "status")]
    if "previous_start" in d and d["status"] != ConclaveStatus.RESCHEDULED:
        return [Problem(doc.where(("previous_start",)),
                        msg("`previous_start` is only for a rescheduled conclave"),
                        msg("remove it, or set `status: rescheduled`"), "previous_start")]
    return []


def _against_today(doc: Document, today: dt.date, start: dt.date | None,
                   end: dt.date | None) -> list[Problem]:
    status = ConclaveStatus(doc.data["status"])  # the schema requires it, one of these
    if end and end < today and status == ConclaveStatus.SCHEDULED:
        return [Problem(doc.where(("status",)),
                        msg("the conclave ended on %(end)s but is still `scheduled`",
                            end=end.isoformat()),
                        msg("set `status: held` if it took place, `unreported` if you do not "
                            "know yet, or cancelled/postponed/rescheduled"),
                        "status", warning=True)]
    if start and start > today and status.after_the_event:
        return [Problem(doc.where(("status",)),
                        msg("`%(status)s` is for a conclave that has taken place, but this one "
                            "starts on %(start)s", status=str(status), start=start.isoformat()),
                        msg("set `status: scheduled` until its last day has passed"), "status",
                        warning=True)]
    return []
