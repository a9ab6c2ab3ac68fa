import { demoStructure } from '@consigne/database/seeds/demo';
import type { Deps } from '../deps.js';
import { createStructure, findStructureByName } from '../structures/structure.service.js';

export interface DemoSummary {
  created: boolean;
  describe(): string[];
}

/** Seeds the demo on first run only: a second start finds the demo structure and changes nothing. */
export async function seedDemo(deps: Deps): Promise<DemoSummary> {
  const created = await deps.db.transaction(async (em) => {
    if (await findStructureByName(em, demoStructure.name)) return false;
    await createStructure(em, deps.clock, demoStructure);
    return true;
  });
  return {
    created,
    describe: () => [`Démo : structure « ${demoStructure.name} »${created ? ' créée' : ''}.`],
  };
}
