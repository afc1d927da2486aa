/**
 * A test HTTP client that checks every response against the app's own OpenAPI document: the operation
 * matching the method and path, the response declared for the status (or `default`), its content type
 * and, with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses), its body.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the body is JSON, else the text. */
  body: any;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (malformed JSON and the like), with `contentType`. */
  rawBody?: string;
  contentType?: string;
  /** More request headers, e.g. If-None-Match. */
  headers?: Record<string, string>;
}

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS"]);

/** fetch's failure when the connection it reused was closed by the other side. */
function closedUnderfoot(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return code === "UND_ERR_SOCKET" || code === "ECONNRESET";
}

const pointer = (...parts: string[]): string => "#/" + parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

export class CheckedClient {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { method: string; template: string; pattern: RegExp }[];

  constructor(
    readonly baseUrl: string,
    private readonly doc: Doc,
  ) {
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.ajv);
    this.ajv.addSchema(doc as object, "api");
    this.templates = Object.entries(doc.paths).flatMap(([template, item]) =>
      Object.keys(item).map((method) => ({ method, template, pattern: new RegExp("^" + template.replace(/\{\w+\}/g, "[^/]+") + "$") })),
    );
    // Literal paths first so /schedules/analyze is not taken for /schedules/{scheduleId}.
    this.templates.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
    const send = () => fetch(this.baseUrl + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    let res: Response;
    try {
      res = await send();
    } catch (error) {
      // A kept-alive connection the server closed as it idled just as this request went out on it ("other
      // side closed": the test runner's timers run late under load). A request that changes nothing is sent
      // again once, as HTTP clients do (RFC 9110 §9.2.2); any other is the test's to see.
      if (!IDEMPOTENT.has(method.toUpperCase()) || !closedUnderfoot(error)) throw error;
      res = await send();
    }
    const text = await res.text();
    const contentType = res.headers.get("content-type") ?? "";
    const parsed = contentType.includes("json") && text !== "" ? JSON.parse(text) : text;
    this.check(method.toLowerCase(), path.split("?")[0]!, res.status, contentType, parsed);
    // Every conflict says which it is (its `code`, one of the document's), for a client to act on.
    if (res.status === 409 && (typeof parsed !== "object" || parsed === null || typeof parsed.code !== "string")) throw new Error(`${method} ${path}: a 409 without a code: ${text}`);
    return { status: res.status, headers: res.headers, body: parsed };
  }

  get = (path: string, token?: string) => this.request("GET", path, token === undefined ? {} : { token });
  /** `headers`: If-Match, which an edit or publish of a draft needs. */
  post = (path: string, body: unknown, token?: string, headers?: Record<string, string>) => this.request("POST", path, { body, ...(token === undefined ? {} : { token }), ...(headers ? { headers } : {}) });
  /** `headers`: If-Match, which every write to a site needs. */
  put = (path: string, body: unknown, token?: string, headers?: Record<string, string>) => this.request("PUT", path, { body, ...(token === undefined ? {} : { token }), ...(headers ? { headers } : {}) });

  /** Throws when a response does not match the document. */
  private check(method: string, path: string, status: number, contentType: string, body: unknown): void {
    const op = this.templates.find((t) => t.method === method && t.pattern.test(path));
    let schemaRef: string | undefined;
    let declaredType: string | undefined;
    if (op) {
      const responses = this.doc.paths[op.template]![method]!.responses;
      const key = String(status) in responses ? String(status) : "default";
      const response = responses[key];
      if (!response) throw new Error(`${method.toUpperCase()} ${path}: status ${status} is not in the OpenAPI document`);
      if (!response.content) return;
      const declared = Object.keys(response.content);
      declaredType = declared.find((type) => contentType.startsWith(type)) ?? declared[0]!;
      schemaRef = "api" + pointer("paths", op.template, method, "responses", key, "content", declaredType, "schema");
    } else {
      // OPTIONS is answered for every path from the document itself (204 and `Allow`), not an operation.
      if (method === "options" && status === 204) return;
      declaredType = "application/problem+json";
      schemaRef = "api#/components/schemas/Problem";
    }
    if (!contentType.startsWith(declaredType)) throw new Error(`${method.toUpperCase()} ${path} ${status}: content type ${contentType}, document says ${declaredType}`);
    let validate = this.validators.get(schemaRef);
    if (!validate) {
      validate = this.ajv.compile({ $ref: schemaRef });
      this.validators.set(schemaRef, validate);
    }
    if (!validate(body)) {
      throw new Error(`${method.toUpperCase()} ${path} ${status} does not match the OpenAPI document: ${this.ajv.errorsText(validate.errors)}`);
    }
  }
}
