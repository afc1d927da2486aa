import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULE_IDS } from "../../models/index.js";
import { RULES } from "../../solver/rules/index.js";

describe("rule registry", () => {
  it("lists every rule id once, in the order of RULE_IDS", () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  it("puts hard-by-default rules before soft ones", () => {
    const firstSoft = RULES.findIndex((r) => !r.hardByDefault);
    expect(RULES.slice(firstSoft).every((r) => !r.hardByDefault)).toBe(true);
  });

  it("gives every rule a check and a build half", () => {
    for (const rule of RULES) expect({ id: rule.id, check: typeof rule.check, build: typeof rule.build }).toEqual({ id: rule.id, check: "function", build: "function" });
  });

  it("documents every rule in the README", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const id of RULE_IDS) expect(readme, id).toContain(`\`${id}\``);
  });
});
