"""schedule.xml: the schedule data written in the element order of the format's XSD."""

from __future__ import annotations

import xml.etree.ElementTree as ET

# Event children in the order frab writes them (the XSD accepts any order).
EVENT_FIELDS = ("date", "start", "duration", "room", "slug", "url", "title", "subtitle",
                "track", "type", "language", "abstract", "description")


def to_xml(data: dict, url: str) -> bytes:
    sched = data["schedule"]
    conf = sched["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=data["generator"]["name"])
    _text(root, "url", url)
    _text(root, "version", sched["version"])
    conference = ET.SubElement(root, "conference")
    for tag, value in (("title", conf["title"]), ("acronym", conf["acronym"]),
                       ("start", conf["start"]), ("end", conf["end"]),
                       ("days", str(conf["daysCount"])),
                       ("timeslot_duration", conf["timeslot_duration"]),
                       ("base_url", sched["base_url"]), ("url", conf["url"]),
                       ("time_zone_name", conf["time_zone_name"])):
        _text(conference, tag, value)
    guids = {r["name"]: r["guid"] for r in conf["rooms"]}
    for day in conf["days"]:
        element = ET.SubElement(root, "day", index=str(day["index"]), date=day["date"],
                                start=day["day_start"], end=day["day_end"])
        for name, events in day["rooms"].items():
            room = ET.SubElement(element, "room", name=name, guid=guids[name])
            for event in events:
                _event(room, event)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "utf-8",
                                                                    xml_declaration=False) + b"\n"


def _event(room: ET.Element, event: dict) -> None:
    element = ET.SubElement(room, "event", guid=event["guid"], id=str(event["id"]))
    for field in EVENT_FIELDS:
        if field == "slug":
            continue  # the XSD's slug pattern is stricter than our session ids
        _text(element, field, event[field])
    persons = ET.SubElement(element, "persons")
    for p in event["persons"]:
        _text(persons, "person", p["name"]).set("guid", p["guid"])
    ET.SubElement(element, "links")


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    child = ET.SubElement(parent, tag)
    child.text = value
    return child
