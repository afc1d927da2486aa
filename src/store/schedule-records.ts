/**
 * A schedule as the store keeps it: the record its readers get (a draft or a published version), the row
 * it is stored as, and the mapping between them; a published version also as the calendar's history reads
 * it (`PublishedVersion`). What changes with a column of the schedules table changes here together.
 */
import type { Assignment, PlanningInput } from "../../models/index.js";
import type { DateRange } from "../calendar/coverage.js";
import type { PublishedVersion } from "../calendar/events.js";

export type ScheduleStatus = "draft" | "published";
/** Where a schedule came from: a solve job, a manager's post, or publishing a draft. */
export type ScheduleSource = "solve" | "manual" | "publish";

export interface ScheduleRecord {
  id: string;
  siteId: string;
  status: ScheduleStatus;
  /** Published version number, 1, 2, … per site. */
  version?: number;
  source: ScheduleSource;
  /** The job (source solve) or draft (source publish) it came from. */
  sourceId?: string;
  /** 1, raised by every edit of a draft: its ETag `"schedule-N"`. */
  revision: number;
  /** The latest published version when it was drafted (0: none yet), raised to the version it is published as. */
  baseVersion: number;
  /** The site's input revision its shifts were drafted against (absent for drafts stored before it was kept). */
  siteRevision?: number;
  /**
   * The dates a published version speaks for, when a publish withdrew dates beyond its horizon (absent:
   * its horizon, as for every version published before it was recorded).
   */
  covers?: DateRange;
  assignments: Assignment[];
  createdAt: string;
  updatedAt: string;
}

export interface ScheduleRow {
  id: string;
  site_id: string;
  status: ScheduleStatus;
  version: number | null;
  source: ScheduleSource;
  source_id: string | null;
  revision: number;
  base_version: number;
  site_revision: number | null;
  covers_start: string | null;
  covers_end: string | null;
  assignments: string;
  created_at: string;
  updated_at: string;
}

/** A row's recorded coverage (both columns or neither: they are written together). */
function coversOf(row: { covers_start: string | null; covers_end: string | null }): { covers?: DateRange } {
  return row.covers_start !== null && row.covers_end !== null ? { covers: { start: row.covers_start, end: row.covers_end } } : {};
}

export const VERSION_COLUMNS = "version, created_at, assignments, input, covers_start, covers_end";
export type VersionRow = { version: number; created_at: string; assignments: string; input: string | null; covers_start: string | null; covers_end: string | null };

export function toPublishedVersion(r: VersionRow): PublishedVersion {
  return {
    version: r.version,
    publishedAt: r.created_at,
    schedule: { assignments: JSON.parse(r.assignments) },
    ...(r.input !== null ? { input: JSON.parse(r.input) as PlanningInput } : {}),
    ...coversOf(r),
  };
}

export function toRecord(row: ScheduleRow): ScheduleRecord {
  return {
    id: row.id,
    siteId: row.site_id,
    status: row.status,
    ...(row.version !== null ? { version: row.version } : {}),
    source: row.source,
    ...(row.source_id !== null ? { sourceId: row.source_id } : {}),
    revision: row.revision,
    baseVersion: row.base_version,
    ...(row.site_revision !== null ? { siteRevision: row.site_revision } : {}),
    ...coversOf(row),
    assignments: JSON.parse(row.assignments) as Assignment[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
