/**
 * Post dates (`date`, `updated`), read as the YAML timestamp type defines
 * them (https://yaml.org/type/timestamp.html), so posts moved from Jekyll or
 * Hugo keep their dates. The frontmatter reader uses the YAML core schema,
 * which has no timestamp type: the date arrives here as the text written.
 *
 * Every date that cannot exist (30 February, hour 24, offset +15:00, year 0)
 * is refused here, with what is wrong, rather than rolled over by Date() or
 * left for a later step to fail on without a file and line.
 */
import { LIMITS } from "./limits.ts";

export const DATE_HINT = "a date like 2018-06-14 or 2018-06-14T09:30:00-04:00";

/** YAML's date-only form: always two-digit month and day; midnight UTC. */
const DATE_ONLY = /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})$/;

/**
 * YAML's combined form: one- or two-digit month, day and hour; `T`, `t` or
 * blanks between date and time; a fraction of any length; blanks, then `Z` or
 * an offset of hours with optional minutes; no zone means UTC. YAML requires
 * seconds; a time without them (`2018-06-14T09:30Z`) is accepted too because
 * it was before YAML's forms were, but only with a zone (see readPostDate).
 */
const DATE_TIME =
  /^(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})(?:[Tt]|[ \t]+)(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.(?<fraction>\d*))?)?(?:[ \t]*(?<zone>Z|(?<sign>[+-])(?<zoneHour>\d{1,2})(?::(?<zoneMinute>\d{2}))?))?$/;

/** No zone is further than 14 hours from UTC (Kiribati is +14:00): a larger offset is a typo. */
const MAX_OFFSET_MINUTES = 14 * 60;

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** A month's name, 1 to 12, in a BCP 47 language: the archive's in the site's, messages to authors in English. */
export function monthName(month: number, language = "en"): string {
  let format = monthFormats.get(language);
  if (!format) monthFormats.set(language, (format = new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" })));
  return format.format(Date.UTC(2000, month - 1, 1));
}

export type DateReading = { date: Date } | { problem: string };

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The instant a post date names, or what is wrong with it (a schema message: it reads after "expected"). */
export function readPostDate(text: string): DateReading {
  const parts = (DATE_ONLY.exec(text) ?? DATE_TIME.exec(text))?.groups;
  // A time without seconds and without a zone is neither YAML's form nor one accepted before.
  if (!parts || (parts.minute !== undefined && parts.second === undefined && parts.zone === undefined)) return { problem: DATE_HINT };
  const number = (digits: string | undefined) => Number(digits ?? 0);
  const [year, month, day] = [number(parts.year), number(parts.month), number(parts.day)];
  const [hour, minute, second] = [number(parts.hour), number(parts.minute), number(parts.second)];
  // The written year is checked: an offset moves the instant by at most 14 hours,
  // so the UTC year is at most one past a limit, still a year every feed reader parses.
  if (year < LIMITS.earliestYear || year > LIMITS.latestYear)
    return { problem: `a year from ${LIMITS.earliestYear} to ${LIMITS.latestYear}` };
  if (month < 1 || month > 12) return { problem: "a month from 1 to 12" };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { problem: `a day from 1 to ${days} for ${monthName(month)} ${year}` };
  if (hour > 23) return { problem: "an hour from 0 to 23" };
  if (minute > 59) return { problem: "minutes from 0 to 59" };
  // No leap second: a JavaScript Date, and so every page and feed, cannot hold one.
  if (second > 59) return { problem: "seconds from 0 to 59" };
  const zoneMinutes = number(parts.zoneHour) * 60 + number(parts.zoneMinute);
  if (number(parts.zoneMinute) > 59 || zoneMinutes > MAX_OFFSET_MINUTES) return { problem: "a time zone offset from -14:00 to +14:00" };
  const offset = parts.sign === "-" ? -zoneMinutes : zoneMinutes;
  // Milliseconds are all a Date holds; YAML readers drop the digits they cannot hold, as here.
  const millis = Number(`${parts.fraction ?? ""}000`.slice(0, 3));
  // setUTCFullYear, not Date.UTC, which reads years 0 to 99 as 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute - offset, second, millis);
  return { date };
}

/** The instant, or undefined for any text readPostDate refuses. */
export function parsePostDate(text: string): Date | undefined {
  const reading = readPostDate(text);
  return "date" in reading ? reading.date : undefined;
}
