/**
 * Which projects a witness is registered for at an instant, from the append-only effects of their authorization
 * events. A grant takes effect when it is registered on the platform (二(二): 书面授权后在监管平台注册登记 — not
 * before); an end (revocation, replacement by another witness) takes effect when it happened in reality, however
 * late it was registered. For one project, the last effect in force at the instant decides.
 */
export interface CoverageEffect {
  projectId: string;
  effect: 'grant' | 'end';
  effectiveAt: Date;
  /** Registration order: breaks ties between effects at the same instant (the later-registered wins). */
  seq: number;
}

/** Projects covered at `at`, each with the start of its unbroken coverage. */
export function coverageAt(effects: readonly CoverageEffect[], at: Date): Map<string, Date> {
  const ordered = effects
    .filter((e) => e.effectiveAt.getTime() <= at.getTime())
    .sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.seq - b.seq);
  const covered = new Map<string, Date>();
  for (const e of ordered) {
    if (e.effect === 'end') covered.delete(e.projectId);
    else if (!covered.has(e.projectId)) covered.set(e.projectId, e.effectiveAt);
  }
  return covered;
}
