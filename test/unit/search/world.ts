/** The world the fix-and-optimize search's tests solve, shared by the files that run the search. */
import { smallWorld } from "../../fixtures/small-world.js";

/** A pharmacist by day in central every day, and the pay-period band on: the first schedule has room to improve. */
export const demanding = (days: number) =>
  smallWorld(days, { floors: [{ area: "central", roleFamily: "pharmacist", count: 1, from: "07:00", to: "15:00" }] }, { payBand: true });
