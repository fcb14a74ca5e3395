"""Readable names for the fixed choices in the data, marked for translation.

Each mapping must name every value of its choice (`exhaustive` refuses the import
otherwise), so a value added to the data model cannot reach a page without a label.
"""

from __future__ import annotations

from sammelan.i18n.catalog import N_
from sammelan.model.choices import (
    ConclaveStatus,
    DateInference,
    OrganizingRole,
    Participation,
    PersonPart,
    SessionKind,
    SpeakerRole,
    exhaustive,
)

CONCLAVE_STATUS = exhaustive(ConclaveStatus, {
    ConclaveStatus.SCHEDULED: N_("Scheduled"),
    ConclaveStatus.POSTPONED: N_("Postponed"),
    ConclaveStatus.RESCHEDULED: N_("Rescheduled"),
    ConclaveStatus.CANCELLED: N_("Cancelled"),
    ConclaveStatus.MOVED_ONLINE: N_("Moved online"),
    ConclaveStatus.HELD: N_("Held"),
    ConclaveStatus.UNREPORTED: N_("Dates have passed; no report yet"),
})
ORGANIZER_ROLE = exhaustive(OrganizingRole, {
    OrganizingRole.HOST: N_("Host"),
    OrganizingRole.CO_ORGANIZER: N_("Co-organizer"),
    OrganizingRole.NODAL_AGENCY: N_("Nodal agency"),
    OrganizingRole.NODAL_PSU: N_("Nodal defence PSU"),
    OrganizingRole.PARTNER: N_("Partner"),
    OrganizingRole.MEDIA: N_("Media partner"),
})
SPEAKER_ROLE = exhaustive(SpeakerRole, {
    SpeakerRole.CHIEF_GUEST: N_("Chief guest"),
    SpeakerRole.GUEST_OF_HONOUR: N_("Guest of honour"),
    SpeakerRole.CHAIR: N_("Chair"),
    SpeakerRole.MODERATOR: N_("Moderator"),
    SpeakerRole.SPEAKER: N_("Speaker"),
    SpeakerRole.PRESENTER: N_("Presenter"),
})
SESSION_KIND = exhaustive(SessionKind, {
    SessionKind.INAUGURATION: N_("Inauguration"),
    SessionKind.KEYNOTE: N_("Keynote"),
    SessionKind.ADDRESS: N_("Address"),
    SessionKind.PANEL: N_("Panel discussion"),
    SessionKind.SEMINAR: N_("Seminar"),
    SessionKind.WORKSHOP: N_("Workshop"),
    SessionKind.PRESENTATION: N_("Presentation"),
    SessionKind.EXHIBITION: N_("Exhibition"),
    SessionKind.B2B_MEETINGS: N_("B2B meetings"),
    SessionKind.DISCUSSION: N_("Discussion"),
    SessionKind.SESSION: N_("Session"),
    SessionKind.VALEDICTORY: N_("Valedictory session"),
    SessionKind.CLOSING: N_("Closing"),
    SessionKind.REGISTRATION: N_("Registration"),
    SessionKind.TEA_BREAK: N_("Tea break"),
    SessionKind.LUNCH_BREAK: N_("Lunch break"),
    SessionKind.NETWORKING: N_("Networking"),
    SessionKind.PRESS_CONFERENCE: N_("Press conference"),
})
PARTICIPATION = exhaustive(Participation, {
    Participation.CONFIRMED: N_("Confirmed"),
    Participation.TENTATIVE: N_("Likely (not yet confirmed)"),
})
# Headings of a conclave's "Also named" list: what each person there did.
PERSON_PART = exhaustive(PersonPart, {
    PersonPart.PARTICIPANT: N_("Taking part"),
    PersonPart.PRESENT: N_("Present"),
    PersonPart.MEDIA_BRIEFING: N_("At the press conference"),
})
# Beside a conclave's dates: what of them no report states.
DATE_INFERENCE = exhaustive(DateInference, {
    DateInference.YEAR: N_("The year is inferred: the report does not give it."),
    DateInference.DATELINE: N_("The date is the report's dateline; the report gives no date "
                               "for the event itself."),
    DateInference.PUBLICATION: N_("The date is when the report was published; the report "
                                  "gives no date for the event itself."),
})
LANGUAGE_NAME = {"hi": "हिन्दी", "en": "English"}

# What the templates read as `labels`, e.g. `labels.conclave_status[c.status]`. A session's
# status has no label: the agenda marks a cancelled session with its own words.
ALL = {"conclave_status": CONCLAVE_STATUS, "organizer_role": ORGANIZER_ROLE,
       "speaker_role": SPEAKER_ROLE, "session_kind": SESSION_KIND,
       "participation": PARTICIPATION, "person_part": PERSON_PART,
       "date_inference": DATE_INFERENCE}
