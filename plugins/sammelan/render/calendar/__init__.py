"""Calendars: the entries of a conclave, .ics files, add-to-calendar links, SEQUENCE."""
