// Parses each .ics file named on the command line with ical.js and prints, as JSON,
// every event's UID, SUMMARY, SEQUENCE, STATUS and start/end (Unix seconds, or the
// date of an all-day entry), so the Python tests can compare them with icalendar's.
// A file ical.js cannot parse gets {error} instead, so the others are still read.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function moment(time) {
  if (!time) return null;
  return time.isDate ? time.toString() : time.toUnixTime();
}

function read(file) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return {
    name: root.getFirstPropertyValue("name"),
    events: root.getAllSubcomponents("vevent").map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        sequence: event.sequence,
        status: component.getFirstPropertyValue("status"),
        tzid: event.startDate.isDate ? null : event.startDate.zone.tzid,
        start: moment(event.startDate),
        end: component.hasProperty("dtend") ? moment(event.endDate) : null,
      };
    }),
  };
}

const result = {};
for (const file of process.argv.slice(2)) {
  try {
    result[file] = read(file);
  } catch (error) {
    result[file] = { error: String(error) };
  }
}
process.stdout.write(JSON.stringify(result));
