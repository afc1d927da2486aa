/** Public operations that say nothing about any site: a health check (the OpenAPI document is added by app.ts). */
import { operation, type Operation } from "../operation.js";
import { HealthSchema } from "../schemas.js";

export const metaOperations: Operation[] = [
  operation({
    method: "get", path: "/healthz", tag: "meta", summary: "Liveness: answers while the server runs",
    responses: { 200: { description: "Alive", schema: HealthSchema } },
    handle: () => ({ status: 200, body: { status: "ok" as const } }),
  }),
];
