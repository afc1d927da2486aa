/**
 * The OpenAPI document: valid OpenAPI 3.1 by an independent validator, one operation per route with a
 * problem response, If-Match a required header on writes to a site, and the response checker used by
 * every API test really refuses a wrong body.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "../../api/routes/index.js";
import { CheckedClient } from "./openapi-client.js";
import { closeAndCheckLogs, startHarness, type Harness } from "./harness.js";

let h: Harness;
let doc: any;

beforeAll(async () => {
  h = await startHarness();
  doc = (await h.api.get("/openapi.json")).body;
});
afterAll(async () => {
  await closeAndCheckLogs(h);
});

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by @seriousme/openapi-schema-validator", async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("has every operation, each with a problem+json answer and a unique operationId", () => {
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item as object).map(([method, op]) => ({ path, method, op })));
    expect(operations).toHaveLength(OPERATIONS.length + 1);
    for (const { op } of operations) expect(op.responses.default.content["application/problem+json"].schema.$ref).toBe("#/components/schemas/Problem");
    expect(new Set(operations.map(({ op }) => op.operationId)).size).toBe(operations.length);
    expect(doc.paths["/sites"].post.requestBody.content["application/json"].schema).toBeDefined();
  });

  it("states what the job routes need as their per-job check decides it, not only the first gate", () => {
    // Every operation whose access is decided per resource says so in words of its own.
    for (const op of OPERATIONS.filter((o) => o.access !== undefined)) expect(op.permissionNote, `${op.method} ${op.path}`).toBeDefined();
    const read = doc.paths["/jobs/{jobId}"].get.description;
    expect(read).toMatch(/solve job.*`schedule:read` and `site:read`.*FTE report job.*`report:read`/);
    const cancel = doc.paths["/jobs/{jobId}/cancel"].post.description;
    expect(cancel).toMatch(/solve job.*`schedule:write` and `site:read`.*FTE report job.*`report:read`/);
    expect(doc.paths["/jobs/{jobId}"].delete.description).toBe(cancel);
    expect(doc.paths["/jobs/{jobId}/stop"].post.description).toMatch(/`schedule:write` and `site:read`.*409/);
  });

  it("documents request bodies from the same zod schemas that validate them", () => {
    const solve = doc.paths["/sites/{siteId}/schedules"].post.requestBody.content["application/json"].schema;
    expect(solve.$ref).toBe("#/components/schemas/SolveRequest");
    expect(doc.components.schemas.SolveRequest.properties.timeLimitSeconds).toMatchObject({ minimum: 1, maximum: 3600 });
    expect(doc.components.schemas.SolveRequest.additionalProperties).toBe(false);
  });

  it("declares If-Match a required header on every write to a site or draft, and 412 and 428 among its problems, naming which", () => {
    const writes = OPERATIONS.filter((op) => op.ifMatch !== undefined);
    expect(new Set(writes.map((op) => op.ifMatch))).toEqual(new Set(["site", "schedule"]));
    for (const { path, method, ifMatch } of writes) {
      const op = doc.paths[path][method];
      expect(op.parameters, `${method} ${path}`).toContainEqual(expect.objectContaining({ in: "header", name: "If-Match", required: true }));
      expect(op.responses.default.description, `${method} ${path}`).toContain(`412 (If-Match: the ${ifMatch} changed since it was read), 428 (a write to the ${ifMatch} without If-Match)`);
    }
    const others = OPERATIONS.filter((op) => op.ifMatch === undefined);
    for (const { path, method } of others) {
      expect(doc.paths[path][method].parameters ?? [], `${method} ${path}`).not.toContainEqual(expect.objectContaining({ in: "header" }));
      expect(doc.paths[path][method].responses.default.description, `${method} ${path}`).not.toMatch(/412|428/);
    }
  });

  it("makes the test client refuse a response that does not match", async () => {
    const strict = structuredClone(doc);
    strict.paths["/healthz"].get.responses["200"].content["application/json"].schema = { type: "object", required: ["uptime"] };
    const client = new CheckedClient(h.api.baseUrl, strict);
    await expect(client.get("/healthz")).rejects.toThrow(/does not match the OpenAPI document/);
  });
});
