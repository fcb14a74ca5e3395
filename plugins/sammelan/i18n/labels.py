"""Readable names for the fixed choices in the data, marked for translation."""

from __future__ import annotations

from sammelan.i18n.catalog import N_

CONCLAVE_STATUS = {
    "scheduled": N_("Scheduled"),
    "postponed": N_("Postponed"),
    "rescheduled": N_("Rescheduled"),
    "cancelled": N_("Cancelled"),
    "moved-online": N_("Moved online"),
    "held": N_("Held"),
    "unreported": N_("Outcome not yet reported"),
}
SESSION_STATUS = {"scheduled": N_("Scheduled"), "cancelled": N_("Cancelled")}
ORGANIZER_ROLE = {
    "host": N_("Host"),
    "co-organizer": N_("Co-organizer"),
    "nodal-agency": N_("Nodal agency"),
    "nodal-psu": N_("Nodal defence PSU"),
    "partner": N_("Partner"),
    "media": N_("Media partner"),
}
SPEAKER_ROLE = {
    "chief-guest": N_("Chief guest"),
    "guest-of-honour": N_("Guest of honour"),
    "chair": N_("Chair"),
    "moderator": N_("Moderator"),
    "speaker": N_("Speaker"),
    "presenter": N_("Presenter"),
}
SESSION_KIND = {
    "inauguration": N_("Inauguration"),
    "keynote": N_("Keynote"),
    "address": N_("Address"),
    "panel": N_("Panel discussion"),
    "seminar": N_("Seminar"),
    "workshop": N_("Workshop"),
    "presentation": N_("Presentation"),
    "exhibition": N_("Exhibition"),
    "b2b-meetings": N_("B2B meetings"),
    "discussion": N_("Discussion"),
    "session": N_("Session"),
}
PARTICIPATION = {"confirmed": N_("Confirmed"), "tentative": N_("Likely (not yet confirmed)")}
LANGUAGE_NAME = {"hi": "हिन्दी", "en": "English"}

ALL = {"conclave_status": CONCLAVE_STATUS, "session_status": SESSION_STATUS,
       "organizer_role": ORGANIZER_ROLE, "speaker_role": SPEAKER_ROLE,
       "session_kind": SESSION_KIND, "participation": PARTICIPATION}
