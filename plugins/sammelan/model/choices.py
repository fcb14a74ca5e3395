"""The fixed choices of the data, each defined once, and what the model knows about them.

Every `enum` of schemas/*.schema.json has its class here with the same values in the
same order (tests/test_choices.py holds them equal). The classes are StrEnums: a member
is the very string the organizer wrote, so comparisons with plain strings, templates,
JSON and f-strings behave as before.

A module that maps a choice to something (a label, a schema.org or iCalendar status)
builds its mapping with `exhaustive`, which refuses at import time a mapping that
misses a value: a value added to a schema and here then stops the build at once,
naming what to add, instead of passing validation and failing on a KeyError mid-render.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import TypeVar


class ConclaveStatus(StrEnum):
    SCHEDULED = "scheduled"
    POSTPONED = "postponed"  # the new date is not known yet
    RESCHEDULED = "rescheduled"  # the new date is known; the data gives previous_start
    CANCELLED = "cancelled"
    MOVED_ONLINE = "moved-online"
    HELD = "held"  # it took place
    UNREPORTED = "unreported"  # its last day has passed; no report yet of what became of it

    @property
    def after_the_event(self) -> bool:
        """A report of what became of the conclave, so only for one whose days have come."""
        return self in (ConclaveStatus.HELD, ConclaveStatus.UNREPORTED)

    @property
    def changes_plans(self) -> bool:
        """News a visitor must act on: the day, the place or the whole event changed."""
        return self in (ConclaveStatus.POSTPONED, ConclaveStatus.RESCHEDULED,
                        ConclaveStatus.CANCELLED, ConclaveStatus.MOVED_ONLINE)


class Attendance(StrEnum):
    OFFLINE = "offline"
    ONLINE = "online"
    MIXED = "mixed"


class OrganizingRole(StrEnum):
    """What an organization does for a conclave (OrganizerRole.roles in entities.py)."""

    HOST = "host"
    CO_ORGANIZER = "co-organizer"
    NODAL_AGENCY = "nodal-agency"
    NODAL_PSU = "nodal-psu"
    PARTNER = "partner"
    MEDIA = "media"


class Participation(StrEnum):
    """Whether a speaker or a participating organization is confirmed or only likely."""

    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"


class PersonPart(StrEnum):
    """What someone named with a conclave, but in none of its sessions, did (or is to do)
    there: a report that names a person present or taking part does not make them a
    speaker."""

    PARTICIPANT = "participant"  # took part (e.g. "सक्रिय भागीदारी की")
    PRESENT = "present"  # was, or is to be, present ("उपस्थित रहेंगे")
    MEDIA_BRIEFING = "media-briefing"  # at the press conference that announced it


class DateInference(StrEnum):
    """What of a conclave's dates no report states for the event itself: the page says so
    beside them, as it says when a time is not announced."""

    YEAR = "year"  # the report gives the day and month but no year
    DATELINE = "dateline"  # the day is the report's dateline
    PUBLICATION = "publication"  # the day is when the report was published


class SessionKind(StrEnum):
    INAUGURATION = "inauguration"
    KEYNOTE = "keynote"
    ADDRESS = "address"
    PANEL = "panel"
    SEMINAR = "seminar"
    WORKSHOP = "workshop"
    PRESENTATION = "presentation"
    EXHIBITION = "exhibition"
    B2B_MEETINGS = "b2b-meetings"
    DISCUSSION = "discussion"
    SESSION = "session"
    VALEDICTORY = "valedictory"
    CLOSING = "closing"
    REGISTRATION = "registration"
    TEA_BREAK = "tea-break"
    LUNCH_BREAK = "lunch-break"
    NETWORKING = "networking"
    PRESS_CONFERENCE = "press-conference"

    @property
    def is_break(self) -> bool:
        """A pause in the agenda: shown on the page in its place, but no event of its own
        (no structured-data sub-event, no "add this session to your calendar")."""
        return self in (SessionKind.TEA_BREAK, SessionKind.LUNCH_BREAK)


class SessionStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"  # the session stays on the agenda, struck through


class SpeakerRole(StrEnum):
    """What a speaker does in a session."""

    CHIEF_GUEST = "chief-guest"
    GUEST_OF_HONOUR = "guest-of-honour"
    CHAIR = "chair"
    MODERATOR = "moderator"
    SPEAKER = "speaker"
    PRESENTER = "presenter"

    @property
    def performs(self) -> bool:
        """Whether this role is a part in the programme (schema.org's `performer`: "a
        presenter, musician… or actor"): each of these speaks to the audience or leads a
        session. A role not listed here does not: someone named as present, or as having
        taken part without speaking, is no performer (render/jsonld.py)."""
        return self in (SpeakerRole.CHIEF_GUEST, SpeakerRole.GUEST_OF_HONOUR,
                        SpeakerRole.CHAIR, SpeakerRole.MODERATOR, SpeakerRole.SPEAKER,
                        SpeakerRole.PRESENTER)


class OrganizationKind(StrEnum):
    GOVERNMENT = "government"
    CHAMBER = "chamber"
    ASSOCIATION = "association"
    PSU = "psu"
    COMPANY = "company"
    MEDIA = "media"
    CONSULTANCY = "consultancy"
    OTHER = "other"


C = TypeVar("C", bound=StrEnum)
V = TypeVar("V")


def exhaustive(choices: type[C], mapping: Mapping[C, V]) -> Mapping[str, V]:
    """`mapping`, read-only and keyed by the plain values, once it is known to cover every
    member of `choices` and nothing else; a TypeError naming the difference otherwise."""
    values = [member.value for member in choices]
    missing = [value for value in values if value not in mapping]
    unknown = [str(key) for key in mapping if key not in values]
    if missing or unknown:
        raise TypeError(f"a mapping of {choices.__name__} must cover each of its values "
                        f"exactly: missing {missing}, unknown {unknown}")
    # Plain-string keys: templates and the loader's raw data look values up as text, and
    # a member, being that text, finds the same entry.
    return MappingProxyType({value: mapping[value] for value in values})
