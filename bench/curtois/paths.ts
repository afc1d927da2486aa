/**
 * Where the Curtois–Qu benchmark files live: `../shared/data/curtois/` beside the repository (instances
 * `InstanceN.txt`, published rosters `solutions/InstanceN.Solution.P.roster`), or the folder named by the
 * environment variable `CURTOIS_DIR`. Lists the published rosters with the penalty their file name states.
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The data folder: `$CURTOIS_DIR` when set, else `../shared/data/curtois` relative to the repository root. */
export function curtoisDir(): string {
  const fromEnv = process.env["CURTOIS_DIR"];
  return fromEnv ? resolve(fromEnv) : fileURLToPath(new URL("../../../shared/data/curtois/", import.meta.url));
}

export function instancePath(instance: number, dir: string = curtoisDir()): string {
  return join(dir, `Instance${instance}.txt`);
}

export interface PublishedRoster {
  /** Instance number, 1–24. */
  instance: number;
  /** The objective value stated in the file name. */
  penalty: number;
  path: string;
}

const ROSTER_NAME = /^Instance(\d+)\.Solution\.(\d+)\.roster$/;

/** Every `solutions/InstanceN.Solution.P.roster`, by instance number. */
export function publishedRosters(dir: string = curtoisDir()): PublishedRoster[] {
  const folder = join(dir, "solutions");
  return readdirSync(folder)
    .flatMap((name) => {
      const m = ROSTER_NAME.exec(name);
      return m ? [{ instance: Number(m[1]), penalty: Number(m[2]), path: join(folder, name) }] : [];
    })
    .sort((a, b) => a.instance - b.instance);
}
