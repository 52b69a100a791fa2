// Scoring a drill (应急演练): were steps done on time, were the roles claimed, were updates sent on cadence.
// Each part is a share of 0..1; the score is their average in percent.

/** What a drill did, as the timeline shows it. */
export interface DrillFacts {
  steps: { dueAt: Date; doneAt: Date | null }[];
  roles: { required: boolean; claimed: boolean }[];
  /** Updates the cadence asked for over the drill's duration (at least 1). */
  updatesExpected: number;
  updatesSent: number;
  startedAt: Date;
  endedAt: Date;
}

/** The drill's score and its parts. */
export interface DrillScore {
  score: number;
  stepsOnTime: number;
  stepsTotal: number;
  rolesClaimed: number;
  rolesRequired: number;
  updatesSent: number;
  updatesExpected: number;
  durationMinutes: number;
}

function share(part: number, whole: number): number {
  return whole === 0 ? 1 : Math.min(1, part / whole);
}

/** Scores a finished drill. */
export function scoreDrill(f: DrillFacts): DrillScore {
  const stepsOnTime = f.steps.filter((s) => s.doneAt !== null && s.doneAt.getTime() <= s.dueAt.getTime()).length;
  const required = f.roles.filter((r) => r.required);
  const rolesClaimed = required.filter((r) => r.claimed).length;
  const updatesExpected = Math.max(1, f.updatesExpected);
  const parts = [share(stepsOnTime, f.steps.length), share(rolesClaimed, required.length), share(f.updatesSent, updatesExpected)];
  return {
    score: Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 100),
    stepsOnTime,
    stepsTotal: f.steps.length,
    rolesClaimed,
    rolesRequired: required.length,
    updatesSent: f.updatesSent,
    updatesExpected,
    durationMinutes: Math.max(0, Math.round((f.endedAt.getTime() - f.startedAt.getTime()) / 60_000)),
  };
}

/** Updates a cadence asks for over a span: one per full cadence period. */
export function expectedUpdates(startedAt: Date, endedAt: Date, cadenceMinutes: number): number {
  return Math.floor((endedAt.getTime() - startedAt.getTime()) / (cadenceMinutes * 60_000));
}
