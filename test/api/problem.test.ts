/**
 * The error map: a bug answers a generic 500 problem with no stack or message of the bug, and is logged
 * once; an expected refusal keeps its status, detail, field errors and headers.
 */
import type { AddressInfo } from "node:net";
import express from "express";
import { expect, it } from "vitest";
import { errorHandler, HttpProblem } from "../../api/problem.js";

async function answer(thrown: unknown): Promise<{ status: number; type: string | null; body: any; logged: string[]; headers: Headers }> {
  const logged: string[] = [];
  const app = express();
  app.get("/boom", () => {
    throw thrown;
  });
  app.use(errorHandler((line) => logged.push(line)));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/boom`);
    return { status: res.status, type: res.headers.get("content-type"), body: await res.json(), logged, headers: res.headers };
  } finally {
    server.close();
  }
}

it("answers a bug with a generic 500 problem and logs it without telling the client", async () => {
  const res = await answer(new TypeError("secret internals at db.ts:42"));
  expect(res.status).toBe(500);
  expect(res.type).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual({ type: "https://rxroster.dev/problems/internal-error", title: "Internal server error", status: 500, detail: "an unexpected error occurred; it has been logged" });
  expect(res.logged).toHaveLength(1);
  expect(res.logged[0]).toMatch(/secret internals/);
});

it("answers an expected refusal with its status, field errors and headers", async () => {
  const res = await answer(new HttpProblem(401, "no token", [{ path: "a[0]", message: "bad", value: 3 }], { "WWW-Authenticate": "Bearer" }));
  expect(res.status).toBe(401);
  expect(res.body).toMatchObject({ status: 401, detail: "no token", errors: [{ path: "a[0]", message: "bad", value: 3 }] });
  expect(res.headers.get("www-authenticate")).toBe("Bearer");
  expect(res.logged).toEqual([]);
});

it("keeps every error out of shared caches, as every answer to a token is (a 409 may quote a colleague's leave)", async () => {
  for (const thrown of [new HttpProblem(409, "Ann is on leave (FMLA) on 2026-03-04"), new TypeError("bug")]) {
    expect((await answer(thrown)).headers.get("cache-control")).toBe("private, no-cache");
  }
});
