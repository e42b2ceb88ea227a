import { ErrorCode } from '#core/api/errors';
import { parseFiguresCsv } from '#core/figures/csv';
import type { Context } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { requireFigureScope, writerName, writerOrg, type FiguresWriter } from './access.ts';
import { figureRow, putValue } from './figures.ts';

/**
 * A CSV of daily values, all or nothing: every row is checked (format, then that its
 * figure exists and the writer may write it) before one transaction writes them all.
 * A refusal names each bad line; nothing is written.
 */
export async function importCsv(
  ctx: Context,
  writer: FiguresWriter,
  text: string,
  figureId: string | null,
): Promise<{ imported: number; figures: string[] }> {
  const orgId = writerOrg(writer);
  const parsed = parseFiguresCsv(text);
  if (!parsed.ok) throw refusal(parsed.problems);
  const byLabel = new Map(
    (await ctx.db.all<{ id: string; label: string }>('SELECT id, label FROM figures WHERE org_id = ?', [orgId])).map((f) => [
      f.label.toLowerCase(),
      f.id,
    ]),
  );
  if (figureId) await figureRow(ctx, orgId, figureId);
  const problems: { line: number; reason: string }[] = [];
  const rows = parsed.rows.map((row) => {
    const id = row.figure === null ? figureId : (byLabel.get(row.figure.toLowerCase()) ?? null);
    if (!id) problems.push({ line: row.line, reason: row.figure === null ? 'no figure column, and no figure chosen' : `no figure named "${row.figure}"` });
    else if (figureId && id !== figureId) problems.push({ line: row.line, reason: `"${row.figure}" is not the figure being imported` });
    else {
      try {
        requireFigureScope(writer, id);
      } catch (err) {
        problems.push({ line: row.line, reason: (err as Error).message });
      }
    }
    return { ...row, figureId: id };
  });
  if (problems.length > 0) throw refusal(problems);
  const at = ctx.now().toISOString();
  const by = writerName(writer);
  await ctx.db.transaction(async (tx) => {
    for (const row of rows) {
      await putValue(tx, row.figureId!, row.date, { value: row.value, forecast: row.forecast, lastYear: row.lastYear }, writer.kind === 'key' ? 'api' : 'csv', by, at);
    }
  });
  return { imported: rows.length, figures: [...new Set(rows.map((r) => r.figureId!))] };
}

function refusal(problems: { line: number; reason: string }[]) {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new HttpError(
    ErrorCode.validation,
    `Nothing was imported: line ${first.line}: ${first.reason}${more}.`,
    problems.map((p) => ({ path: `line ${p.line}`, message: p.reason })),
  );
}
