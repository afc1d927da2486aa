/**
 * The OpenAPI 3.1 document, generated (zod-openapi `createDocument`) from the same operations and zod
 * schemas that route and validate requests. Every operation answers errors as the Problem schema.
 */
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { operation, pathParams, type Operation } from "./operation.js";
import { ProblemSchema, type EtagResource } from "./problem.js";
import { VERSION } from "../src/version.js";

const ifMatchHeader = (resource: EtagResource) => z.string().meta({
  description: `The ETag the ${resource} was read with (\`"${resource}-N"\`): the write is made only if nobody wrote since (else 412). \`*\` overwrites whatever is stored. Without it: 428, nothing written.`,
});

function toOpenApi(op: Operation): ZodOpenApiOperationObject {
  const names = pathParams(op.path);
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, spec] of Object.entries(op.responses)) {
    const content = { ...(spec.schema ? { [spec.contentType ?? "application/json"]: spec.schema } : {}), ...spec.alternatives };
    responses[status] = Object.keys(content).length > 0
      ? { description: spec.description, content: Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }])) }
      : { description: spec.description };
  }
  const preconditions = op.ifMatch ? `, 412 (If-Match: the ${op.ifMatch} changed since it was read), 428 (a write to the ${op.ifMatch} without If-Match)` : "";
  responses.default = { description: `A problem (RFC 9457): 400 invalid, 401 no or bad token, 403 not allowed, 404, 405, 409, 413, 415${preconditions}, 503 (busy, or the store read-only or damaged), 507 (the server's disk full)`, content: { "application/problem+json": { schema: ProblemSchema } } };
  return {
    operationId: `${op.method}${op.path.replace(/\{(\w+)\}/g, "By-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    summary: op.summary,
    tags: [op.tag],
    ...(op.permission ? { security: [{ bearer: [] }], description: op.permissionNote ?? `Needs permission \`${op.permission}\`.` } : { security: [] }),
    ...(names.length > 0 || op.query || op.ifMatch
      ? {
          requestParams: {
            ...(names.length > 0 ? { path: z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) } : {}),
            ...(op.query ? { query: op.query } : {}),
            ...(op.ifMatch !== undefined ? { header: z.object({ "If-Match": ifMatchHeader(op.ifMatch) }) } : {}),
          },
        }
      : {}),
    ...(op.body ? { requestBody: { required: !op.bodyOptional, content: { "application/json": { schema: op.body } } } } : {}),
    responses,
  };
}

export function createOpenApiDocument(operations: readonly Operation[]): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of operations) paths[op.path] = { ...paths[op.path], [op.method]: toOpenApi(op) };
  return createDocument({
    openapi: "3.1.0",
    info: { title: "RxRoster API", version: VERSION, description: "Sites, planning data, solve jobs and schedules of hospital pharmacy departments." },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token from `rxroster token create`" } } },
    paths,
  });
}

/** GET /openapi.json: the document of `operations` and of itself, built once. */
export function openApiOperation(operations: readonly Operation[]): Operation {
  let document: object | undefined;
  const self: Operation = operation({
    method: "get", path: "/openapi.json", tag: "meta", summary: "This API's OpenAPI 3.1 document",
    responses: { 200: { description: "The OpenAPI document", schema: z.looseObject({ openapi: z.string() }) } },
    handle: () => {
      document ??= createOpenApiDocument([...operations, self]);
      return { status: 200, body: document };
    },
  });
  return self;
}
