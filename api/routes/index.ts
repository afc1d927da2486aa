/**
 * Every operation of the API, in the order they are matched. To add routes, export an `Operation[]` from
 * a module in this folder and add one line below; the OpenAPI document picks them up by itself.
 */
import type { Operation } from "../operation.js";
import { calendarOperations } from "./calendars.js";
import { candidateOperations } from "./candidates.js";
import { jobOperations } from "./jobs.js";
import { metaOperations } from "./meta.js";
import { reportOperations } from "./reports.js";
import { scheduleOperations } from "./schedules.js";
import { siteOperations } from "./sites.js";
import { staffOperations } from "./staff.js";

export const OPERATIONS: readonly Operation[] = [
  ...metaOperations,
  ...siteOperations,
  ...staffOperations,
  ...scheduleOperations,
  ...candidateOperations,
  ...jobOperations,
  ...calendarOperations,
  ...reportOperations,
];
