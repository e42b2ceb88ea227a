import { ErrorCode } from '#core/api/errors';
import { csvProblem, parseFiguresCsv, type CsvProblem } from '#core/figures/csv';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { Refusal } from '../errors.ts';
import { requireFigureScope, writerName, writerOrg, type FiguresWriter } from './access.ts';
import { figureRow } from './figures.ts';

/** Rows staged per statement: 20,000 rows are 40 statements, each letting other requests in after it. */
export const rowsPerStatement = 500;

/**
 * A CSV of daily values, all or nothing: every row is checked (format, then that its
 * figure exists and the writer may write it) before one statement writes them all.
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
  const problems: CsvProblem[] = [];
  const rows = parsed.rows.map((row) => {
    const id = row.figure === null ? figureId : (byLabel.get(row.figure.toLowerCase()) ?? null);
    if (!id) problems.push(row.figure === null ? csvProblem(row.line, 'noFigureChosen') : csvProblem(row.line, 'unknownFigure', { figure: row.figure }));
    else if (figureId && id !== figureId) problems.push(csvProblem(row.line, 'otherFigure', { figure: row.figure ?? '' }));
    else {
      try {
        requireFigureScope(writer, id);
      } catch {
        problems.push(csvProblem(row.line, 'notAllowed', { key: writer.kind === 'key' ? writer.name : '' }));
      }
    }
    return { ...row, figureId: id };
  });
  if (problems.length > 0) throw refusal(problems);
  const at = ctx.now().toISOString();
  const by = writerName(writer);
  const source = writer.kind === 'key' ? 'api' : 'csv';
  // All or nothing, without holding the store for the whole import: the rows wait in
  // figure_import_rows, 500 per statement (other requests are served between two), then
  // one statement moves them all into figure_values.
  const importId = newId();
  const staleBefore = new Date(ctx.now().getTime() - 3_600_000).toISOString();
  await ctx.db.run('DELETE FROM figure_import_rows WHERE started_at < ?', [staleBefore]);
  try {
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      const batch = rows.slice(start, start + rowsPerStatement);
      await ctx.db.run(
        `INSERT INTO figure_import_rows (import_id, line, figure_id, day, value, forecast, last_year, started_at)
         VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        batch.flatMap((row, i) => [importId, start + i, row.figureId!, row.date, row.value, row.forecast, row.lastYear, at]),
      );
    }
    await ctx.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO figure_values (figure_id, day, value, forecast, last_year, source, updated_by, updated_at)
         SELECT figure_id, day, value, forecast, last_year, ?, ?, ? FROM figure_import_rows WHERE import_id = ? ORDER BY line
         ON CONFLICT (figure_id, day) DO UPDATE SET value = excluded.value, forecast = excluded.forecast, last_year = excluded.last_year,
           source = excluded.source, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [source, by, at, importId],
      );
    });
  } finally {
    await ctx.db.run('DELETE FROM figure_import_rows WHERE import_id = ?', [importId]);
  }
  return { imported: rows.length, figures: [...new Set(rows.map((r) => r.figureId!))] };
}

/** Every problem, in English in the message, and as a code with its line and particulars in the issues. */
function refusal(problems: CsvProblem[]) {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new Refusal(
    ErrorCode.validation,
    `Nothing was imported: line ${first.line}: ${first.reason}${more}.`,
    problems.map((p) => ({ path: `line ${p.line}`, message: p.reason, code: `csv.${p.code}`, params: { ...p.params, line: p.line } })),
  );
}
