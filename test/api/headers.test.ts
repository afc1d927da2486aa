/**
 * The security headers every answer carries, over real HTTP: no MIME sniffing, HSTS for this host alone
 * (not its sibling subdomains), no CORS (no browser page of another origin reads the API), and errors kept
 * out of shared caches as answers are.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { closeAndCheckLogs, startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

it("sends nosniff and HSTS without includeSubDomains, and no CORS header, on answers and errors alike", async () => {
  for (const path of ["/openapi.json", "/sites", "/no/such/route"]) {
    const res = await fetch(`${h.api.baseUrl}${path}`, { headers: { origin: "https://elsewhere.example" } });
    expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    expect(res.headers.get("strict-transport-security"), path).toBe("max-age=31536000");
    expect(res.headers.get("access-control-allow-origin"), path).toBeNull();
  }
});
