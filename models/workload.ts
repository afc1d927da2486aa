/**
 * Consistency checks of the workload part of a planning input (standards and forecasts) that a schema
 * alone cannot express. Called by `checkReferences`; each returns problems naming the field.
 */
import { addDays, localMidnightOf, type PlanningInput } from "./input.js";
import type { Forecast, ProductivityStandard } from "./demand-input.js";
import type { Problem } from "./problems.js";
import { MAX_WORKLOAD_PEOPLE } from "./primitives.js";

const number = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 1 });

/**
 * Each standard takes the whole volume of its workload type (forecasts carry no area), so a second
 * standard for the same type, role family and area counts the work twice, and two areas of one role
 * family on one type each take all of it. A pharmacist and a technician standard on one type are two
 * kinds of work on the same units and both count.
 */
function standardsSplitOrRepeated(standards: readonly ProductivityStandard[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, number>();
  const areaOf = new Map<string, number>();
  standards.forEach((s, i) => {
    const exact = `${s.workloadType}|${s.roleFamily}|${s.area}`;
    const repeated = first.get(exact);
    if (repeated !== undefined) {
      problems.push({ path: `productivityStandards[${i}]`, message: `the same workload type, role family and area as productivityStandards[${repeated}] (${s.workloadType}, ${s.roleFamily}, ${s.area}): each standard takes the type's whole volume, so the work would count twice; keep one` });
      return;
    }
    first.set(exact, i);
    const family = `${s.workloadType}|${s.roleFamily}`;
    const other = areaOf.get(family);
    if (other === undefined) {
      areaOf.set(family, i);
      return;
    }
    const otherArea = standards[other]!.area;
    problems.push({
      path: `productivityStandards[${i}].area`,
      message: `${s.workloadType} already has a ${s.roleFamily} standard in ${otherArea} (productivityStandards[${other}]); forecasts carry no area, so each area would take the whole volume: give each area its own workload type (say ${s.workloadType}-${s.area}) with its own forecast`,
      value: s.area,
    });
  });
  return problems;
}

/**
 * A lead off the interval grid puts each hour's work across one more interval, where it is rounded up
 * to whole people in both (the demo's chemotherapy, lead 90 on hourly intervals: 11 % more staff-hours).
 */
function leadsOffGrid(input: PlanningInput): Problem[] {
  return input.productivityStandards.flatMap((s, i): Problem[] =>
    s.leadMinutes % input.intervalMinutes === 0
      ? []
      : [{ path: `productivityStandards[${i}].leadMinutes`, message: `must be a multiple of intervalMinutes (${input.intervalMinutes}): an hour's work would straddle two intervals and be rounded up to whole people in each (or set intervalMinutes to one it is a multiple of)`, value: s.leadMinutes }],
  );
}

/** Hours of the local days from `start` (inclusive) to `days` days later: 23 or 25 on a clock change. */
function localDays(start: string, days: number, zone: string): { date: string; hours: number }[] {
  const out: { date: string; hours: number }[] = [];
  for (let d = 0; d < days; d++) {
    const date = addDays(start, d);
    out.push({ date, hours: localMidnightOf(addDays(start, d + 1), zone).diff(localMidnightOf(date, zone), "hours").hours });
  }
  return out;
}

function clockChangeWords(date: string, hours: number): string {
  if (hours === 23) return `${date}, when the clock skips an hour, takes 23`;
  if (hours === 25) return `${date}, when the clock repeats an hour, takes 25 (that hour twice)`;
  return `${date} has ${number(hours)} hours`;
}

/**
 * An hourly series is read as elapsed hours from its start's local midnight. 24 values a local day
 * across a clock change would put every hour after the change an hour off (the 09:00 peak at 10:00); such
 * a series is one whose length is a whole number of days and that does not end at a local midnight.
 */
function hourlyAcrossClockChange(forecast: Forecast & { kind: "hourly" }, at: string, zone: string): Problem | undefined {
  const count = forecast.unitsPerHour.length;
  if (count === 0 || count % 24 !== 0) return undefined;
  const start = localMidnightOf(forecast.start, zone);
  const end = start.plus({ hours: count });
  if (end.equals(localMidnightOf(end.toISODate()!, zone))) return undefined;
  const days = localDays(forecast.start, count / 24, zone);
  const changes = days.filter((d) => d.hours !== 24).map((d) => clockChangeWords(d.date, d.hours));
  const hours = days.reduce((sum, d) => sum + d.hours, 0);
  const span = `the ${days.length} local days from ${forecast.start}`;
  const fits = Number.isInteger(hours) ? `${span} take ${number(hours)} values` : `${span} hold ${number(hours)} hours, which hourly values cannot cover`;
  return {
    path: `${at}.unitsPerHour`,
    message: `${count} values (24 a day) are read as elapsed hours from ${forecast.start} 00:00, so they end at ${end.toFormat("yyyy-MM-dd HH:mm")}, not at a midnight: every hour after the clock change would be due an hour off the local clock. Give one value per hour the clock shows: ${fits} (${changes.join("; ")})`,
  };
}

/**
 * The most people a standard's work can need at once: an interval takes at most one hour of work of each
 * forecast (a forecast's hours do not overlap), and a profile's hour at most its day's volume.
 */
function peakPeople(standard: ProductivityStandard, forecasts: readonly Forecast[]): number {
  let units = 0;
  for (const f of forecasts) {
    if (f.workloadType !== standard.workloadType) continue;
    const hours = f.kind === "hourly" ? f.unitsPerHour : [f.dailyUnits, ...Object.values(f.dailyUnitsByDate)];
    units += hours.reduce((most, u) => Math.max(most, u), 0);
  }
  return (units * standard.minutesPerUnit) / 60;
}

/**
 * Every required count must be a whole number of people: the schema's bounds keep each forecast and
 * standard finite, and this keeps their sum per area and role family within what a schedule can hold.
 */
function workloadTooLarge(input: PlanningInput): Problem[] {
  const bySeries = new Map<string, { index: number; people: number }[]>();
  input.productivityStandards.forEach((s, index) => {
    const key = `${s.area}|${s.roleFamily}`;
    bySeries.set(key, [...(bySeries.get(key) ?? []), { index, people: peakPeople(s, input.forecasts) }]);
  });
  const problems: Problem[] = [];
  for (const parts of bySeries.values()) {
    const total = parts.reduce((sum, p) => sum + p.people, 0);
    if (total <= MAX_WORKLOAD_PEOPLE) continue;
    const largest = parts.reduce((a, b) => (b.people > a.people ? b : a));
    const s = input.productivityStandards[largest.index]!;
    const sources = input.forecasts.flatMap((f, i) => (f.workloadType === s.workloadType ? [`forecasts[${i}]`] : [])).join(", ");
    problems.push({
      path: `productivityStandards[${largest.index}].minutesPerUnit`,
      message: `${s.workloadType} (${sources}) at ${s.minutesPerUnit} min per unit could need ${number(largest.people)} ${s.roleFamily}s at once in ${s.area}${parts.length > 1 ? ` (${number(total)} with the area's other standards)` : ""}, more than the ${number(MAX_WORKLOAD_PEOPLE)} a schedule can hold: check minutesPerUnit and the forecast's volume`,
      value: s.minutesPerUnit,
    });
  }
  return problems;
}

export function checkWorkload(input: PlanningInput): Problem[] {
  const problems = [...standardsSplitOrRepeated(input.productivityStandards), ...leadsOffGrid(input)];
  input.forecasts.forEach((f, i) => {
    if (f.kind !== "hourly") return;
    const problem = hourlyAcrossClockChange(f, `forecasts[${i}]`, input.site.timeZone);
    if (problem) problems.push(problem);
  });
  return [...problems, ...workloadTooLarge(input)];
}
