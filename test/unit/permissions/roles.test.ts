// Roles and the checks built on them, read as a member meets them: the names people type for a role, who a rule
// lets act by role alone, when the use case must look at how the actor stands to the subject, and which refusals
// are written to the audit trail.
import { describe, expect, it } from "vitest";
import { buttonRuleId, COMMAND_RULES, type Rule } from "../../../src/domain/permission-table.js";
import { refusalKind } from "../../../src/domain/refusals.js";
import { dependsOnRelation, isRole, parseRole, relationsAllow, rolesAllow } from "../../../src/domain/roles.js";

describe("a role as typed", () => {
  it("is read from its code, its plural or a Chinese name, in any case", () => {
    expect(["admin", "Admins", "管理员"].map(parseRole)).toEqual(["admin", "admin", "admin"]);
    expect(["MANAGER", "managers", "主管"].map(parseRole)).toEqual(["manager", "manager", "manager"]);
    expect(["reviewer", "reviewers", "审核员"].map(parseRole)).toEqual(["reviewer", "reviewer", "reviewer"]);
    expect(["operator", "operators", "运营"].map(parseRole)).toEqual(["operator", "operator", "operator"]);
  });
  it("is nothing for a word that names no role", () => {
    expect(["", "owner", "超级管理员", "guest"].map(parseRole)).toEqual([undefined, undefined, undefined, undefined]);
    expect([isRole("reviewer"), isRole("Reviewer"), isRole("owner")]).toEqual([true, false, false]);
  });
});

describe("acting by role alone", () => {
  it("lets every member act under a rule for anyone, even one who holds no role", () => {
    expect(rolesAllow({ roles: "any" }, [])).toBe(true);
    expect(rolesAllow(COMMAND_RULES["help"]!, [])).toBe(true);
  });
  it("lets a member act who holds any one of the roles a rule names, and admins always", () => {
    const makers: Rule = { roles: ["manager", "operator"] };
    expect(rolesAllow(makers, ["operator"])).toBe(true);
    expect(rolesAllow(makers, ["manager"])).toBe(true);
    expect(rolesAllow(makers, ["admin"])).toBe(true);
    expect(rolesAllow(makers, ["reviewer"])).toBe(false);
    expect(rolesAllow(makers, [])).toBe(false);
  });
  it("lets nobody act by role under a rule of relations only, not even an admin", () => {
    expect(rolesAllow({ roles: [], relations: ["level_reviewer"] }, ["admin", "manager", "reviewer", "operator"])).toBe(false);
  });
});

describe("acting by how one stands to the subject", () => {
  it("allows when the actor holds one of the rule's relations, and never under a rule without relations", () => {
    const crew: Rule = { roles: ["manager"], relations: ["commander", "role_holder"] };
    expect(relationsAllow(crew, ["role_holder"])).toBe(true);
    expect(relationsAllow(crew, ["self", "commander"])).toBe(true);
    expect(relationsAllow(crew, ["author"])).toBe(false);
    expect(relationsAllow(crew, [])).toBe(false);
    expect(relationsAllow({ roles: ["admin"] }, ["self", "commander", "proposer"])).toBe(false);
  });
  it("makes the use case look at the subject only for a rule that names relations", () => {
    expect(dependsOnRelation({ roles: ["admin"], relations: ["self"] })).toBe(true);
    expect(dependsOnRelation({ roles: ["admin"] })).toBe(false);
    expect(dependsOnRelation({ roles: "any", relations: [] })).toBe(false);
    expect(dependsOnRelation(COMMAND_RULES["people.quiet_set"]!)).toBe(true);
    expect(dependsOnRelation(COMMAND_RULES["people.grant"]!)).toBe(false);
  });
});

describe("a numbered button", () => {
  it("shares the rule of its row whatever its number, and other ids are their own row", () => {
    expect(buttonRuleId("review.back_2")).toBe("review.back");
    expect(buttonRuleId("review.back_12")).toBe("review.back");
    expect(buttonRuleId("sla.reply")).toBe("sla.reply");
    expect(buttonRuleId("kpi.detail_x")).toBe("kpi.detail_x");
  });
});

describe("refusals written to the audit trail", () => {
  it("are those about permission, about how one stands to the subject, and about a forged or stale button", () => {
    expect(refusalKind("auth.forbidden")).toBe("permission");
    expect(refusalKind("people.last_admin")).toBe("permission");
    expect(refusalKind("review.own_work")).toBe("relation");
    expect(refusalKind("topic.own_vote")).toBe("relation");
    expect(refusalKind("action.malformed")).toBe("payload");
    expect(refusalKind("action.stale")).toBe("payload");
  });
  it("leave out typos and bad values", () => {
    expect(["quiet.bad_range", "zone.unknown", "topic.unknown_platform", ""].map(refusalKind)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
