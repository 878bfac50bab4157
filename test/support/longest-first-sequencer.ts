import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's own order runs one project's files after another's (alphabetically by project), so
 * that a long file of a late project starts last and holds up the end of the run. This order
 * starts the longest files first, whatever their project: by how long each took in the last run
 * (Vitest's cache), else by what its project usually takes.
 */
const USUAL_SECONDS: Readonly<Record<string, number>> = { restart: 90, browser: 60, infra: 30, clock: 20, resilience: 20, integration: 15, tools: 15, local: 10, unit: 1 };

/** Their files take turns on one stack: how long one took includes its wait for the others. */
const TAKING_TURNS = new Set(['clock', 'resilience']);

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const expected = (spec: TestSpecification): number => {
      const key = `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`;
      const last = TAKING_TURNS.has(spec.project.name) ? undefined : this.ctx.cache.getFileTestResults(key);
      return last && !last.failed ? last.duration : (USUAL_SECONDS[spec.project.name] ?? 10) * 1000;
    };
    return [...files].sort((a, b) => a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder || expected(b) - expected(a));
  }
}
