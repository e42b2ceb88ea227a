import type { IdeaBoxSettings } from '#core/api/idea-funnel';
import { StageNamesSchema } from '#core/api/idea-funnel';
import type { StageNames } from '#core/ideas/stages';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { ideaBox, requireBoxFacilitator } from './access.ts';

/** A box's moderation and stage names as stored; names that no longer parse are left out. */
export async function boxFunnel(ctx: Context, boxId: string): Promise<IdeaBoxSettings> {
  const row = await ctx.db.get<{ idea_premoderation: number; idea_stage_names: string }>(
    'SELECT idea_premoderation, idea_stage_names FROM activities WHERE id = ?',
    [boxId],
  );
  return { premoderation: row?.idea_premoderation === 1, stageNames: parseNames(row?.idea_stage_names ?? '{}') };
}

function parseNames(json: string): StageNames {
  try {
    const parsed = StageNamesSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** A facilitator turns pre-moderation on or off and names the stages; what is left out stays. */
export async function updateBoxSettings(ctx: Context, caller: Caller, boxId: string, patch: Partial<IdeaBoxSettings>): Promise<IdeaBoxSettings> {
  const box = await ideaBox(ctx, caller, boxId);
  requireBoxFacilitator(box);
  const now = await boxFunnel(ctx, box.id);
  const next: IdeaBoxSettings = { premoderation: patch.premoderation ?? now.premoderation, stageNames: clean(patch.stageNames ?? now.stageNames) };
  await ctx.db.run('UPDATE activities SET idea_premoderation = ?, idea_stage_names = ? WHERE id = ?', [
    next.premoderation ? 1 : 0,
    JSON.stringify(next.stageNames),
    box.id,
  ]);
  return next;
}

/** An empty name means "the default name". */
function clean(names: StageNames): StageNames {
  return Object.fromEntries(Object.entries(names).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as StageNames;
}
