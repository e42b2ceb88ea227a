import { maskPhone } from '#core/people/mask';
import type { Caller } from '../accounts/sessions.ts';
import {
  CreateApiKeyRequest,
  CreateFigureRequest,
  CreateListRequest,
  CreateScheduleRequest,
  FigureValueRequest,
  MessagePreviewRequest,
  PreviewRequest,
  SendRequest,
  UpdateFigureRequest,
  UpdateScheduleRequest,
  ValuesQuery,
} from '#core/api/figures';
import { ErrorCode } from '#core/api/errors';
import { isDay } from '#core/figures/days';
import { addDays, dayIn } from '#core/figures/days';
import { z } from 'zod';
import { authenticate, requireAdmin } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { isController, requireController, requireFigureScope, valuesWriter, writerName, writerOrg } from './access.ts';
import { listAlerts, markAlertRead } from './alerts.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { previewMessage, previewSend } from './compose.ts';
import { figureRows } from './morning.ts';
import { listControllers, grantController, revokeController } from './controllers.ts';
import { createFigure, figureRow, getFigure, listFigures, listValues, saveValue, updateFigure } from './figures.ts';
import { importCsv } from './import.ts';
import { createList, getList, listLists, recipientsOf, updateList } from './lists.ts';
import { createSchedule, deleteSchedule, getSchedule, listSchedules, orgTimeZone, updateSchedule } from './schedules.ts';
import { sendNow } from './send-now.ts';
import { readBody, readJson, readNoBody } from '../http/body.ts';
import { validate } from '../validate.ts';
import { Refusal, notFound } from '../errors.ts';
import type { Request, Router } from '../http/router.ts';

/** Daily figures, recipient lists, schedules, alerts, ERP keys and controllers. */
export function figuresRoutes(router: Router, ctx: Context, changed: () => void) {
  const controller = (req: Request) => requireController(ctx, req.raw.headers.authorization);
  const admin = async (req: Request) => {
    const me = await authenticate(ctx, req.raw.headers.authorization);
    requireAdmin(me);
    return me;
  };
  const day = (req: Request) => {
    const value = req.params.date ?? '';
    if (!isDay(value)) throw new Refusal(ErrorCode.validation, `date: "${value}" is not a date as YYYY-MM-DD`, [{ path: 'date', message: 'a date as YYYY-MM-DD' }]);
    return value;
  };

  // Fixed paths first: `/api/figures/:id` would otherwise take them.
  router
    .on('GET', '/api/figures/me', async (req) => {
      const me = await authenticate(ctx, req.raw.headers.authorization);
      return { body: { controller: await isController(ctx, me), timeZone: await orgTimeZone(ctx, me.orgId) } };
    })
    .on('GET', '/api/figures/alerts', async (req) => {
      const me = await controller(req);
      return { body: { alerts: await listAlerts(ctx, me.orgId, req.query.get('unread') === '1') } };
    })
    .on('POST', '/api/figures/alerts/:id/read', async (req) => {
      const me = await controller(req);
      await readNoBody(req.raw);
      if (!(await markAlertRead(ctx, me.orgId, req.params.id ?? ''))) throw notFound('alert');
      return {};
    })
    .on('POST', '/api/figures/import', async (req) => {
      const writer = await valuesWriter(ctx, req.raw.headers.authorization);
      const result = await importCsv(ctx, writer, await csvBody(req), null);
      changed();
      return { status: 201, body: result };
    })
    .on('GET', '/api/figures/schedules', async (req) => ({ body: { schedules: await listSchedules(ctx, (await controller(req)).orgId) } }))
    .on('POST', '/api/figures/schedules', async (req) => {
      const me = await controller(req);
      const created = await createSchedule(ctx, me, await readJson(req.raw, CreateScheduleRequest));
      changed();
      return { status: 201, body: created };
    })
    .on('POST', '/api/figures/schedules/preview', async (req) => {
      const me = await controller(req);
      const input = await readJson(req.raw, MessagePreviewRequest);
      const figures = await figureRows(ctx, me.orgId, input.figureIds);
      await getList(ctx, me.orgId, input.listId);
      const preview = await previewMessage(ctx, me.orgId, figures, input.date, input.listId);
      return { body: { ...preview, recipients: preview.recipients.map((r) => ({ ...r, phone: phoneFor(me, r.phone) })) } };
    })
    .on('GET', '/api/figures/schedules/:id', async (req) => ({ body: await getSchedule(ctx, (await controller(req)).orgId, req.params.id ?? '') }))
    .on('PATCH', '/api/figures/schedules/:id', async (req) => {
      const me = await controller(req);
      const updated = await updateSchedule(ctx, me, req.params.id ?? '', await readJson(req.raw, UpdateScheduleRequest));
      changed();
      return { body: updated };
    })
    .on('DELETE', '/api/figures/schedules/:id', async (req) => {
      await deleteSchedule(ctx, (await controller(req)).orgId, req.params.id ?? '');
      return {};
    })
    .on('GET', '/api/figures/api-keys', async (req) => ({ body: { keys: await listApiKeys(ctx, (await admin(req)).orgId) } }))
    .on('POST', '/api/figures/api-keys', async (req) => {
      const me = await admin(req);
      const input = await readJson(req.raw, CreateApiKeyRequest);
      return { status: 201, body: { ...(await createApiKey(ctx, me, input.name, input.figureIds)), scope: 'figures:write' } };
    })
    .on('DELETE', '/api/figures/api-keys/:id', async (req) => {
      await revokeApiKey(ctx, (await admin(req)).orgId, req.params.id ?? '');
      return {};
    })
    .on('GET', '/api/figures/controllers', async (req) => {
      const me = await admin(req);
      return { body: { controllers: await listControllers(ctx, me.orgId) } };
    })
    .on('PUT', '/api/figures/controllers/:userId', async (req) => {
      const me = await admin(req);
      await readNoBody(req.raw);
      await grantController(ctx, me, req.params.userId ?? '');
      return {};
    })
    .on('DELETE', '/api/figures/controllers/:userId', async (req) => {
      await revokeController(ctx, await admin(req), req.params.userId ?? '');
      return {};
    });

  router
    .on('GET', '/api/figures', async (req) => ({ body: { figures: await listFigures(ctx, (await controller(req)).orgId) } }))
    .on('POST', '/api/figures', async (req) => {
      const me = await controller(req);
      return { status: 201, body: await createFigure(ctx, me, await readJson(req.raw, CreateFigureRequest)) };
    })
    .on('GET', '/api/figures/:id', async (req) => ({ body: await getFigure(ctx, (await controller(req)).orgId, req.params.id ?? '') }))
    .on('PATCH', '/api/figures/:id', async (req) => {
      const me = await controller(req);
      return { body: await updateFigure(ctx, me, req.params.id ?? '', await readJson(req.raw, UpdateFigureRequest)) };
    })
    .on('GET', '/api/figures/:id/values', async (req) => {
      const me = await controller(req);
      const figure = await figureRow(ctx, me.orgId, req.params.id ?? '');
      const query = validate(ValuesQuery, Object.fromEntries(req.query));
      const to = query.to ?? dayIn(ctx.now(), 'Europe/Paris');
      const from = query.from ?? addDays(to, -30);
      return { body: { values: await listValues(ctx, figure.id, from, to) } };
    })
    .on('PUT', '/api/figures/:id/values/:date', async (req) => {
      const writer = await valuesWriter(ctx, req.raw.headers.authorization);
      const figure = await figureRow(ctx, writerOrg(writer), req.params.id ?? '');
      requireFigureScope(writer, figure.id);
      const date = day(req);
      const input = await readJson(req.raw, FigureValueRequest);
      const value = await saveValue(ctx, figure.id, date, input, writer.kind === 'key' ? 'api' : 'form', writerName(writer));
      changed();
      return { body: value };
    })
    .on('POST', '/api/figures/:id/import', async (req) => {
      const writer = await valuesWriter(ctx, req.raw.headers.authorization);
      const figure = await figureRow(ctx, writerOrg(writer), req.params.id ?? '');
      requireFigureScope(writer, figure.id);
      const result = await importCsv(ctx, writer, await csvBody(req), figure.id);
      changed();
      return { status: 201, body: result };
    })
    .on('POST', '/api/figures/:id/preview', async (req) => {
      const me = await controller(req);
      const figure = await figureRow(ctx, me.orgId, req.params.id ?? '');
      const input = await readJson(req.raw, PreviewRequest);
      await getList(ctx, me.orgId, input.listId);
      const preview = await previewSend(ctx, figure, input.date, input.listId, input.template);
      return { body: { ...preview, recipients: preview.recipients.map((r) => ({ ...r, phone: phoneFor(me, r.phone) })) } };
    })
    .on('POST', '/api/figures/:id/send', async (req) => {
      const me = await controller(req);
      const figure = await figureRow(ctx, me.orgId, req.params.id ?? '');
      const input = await readJson(req.raw, SendRequest);
      const watch = Number(req.query.get('watchMinutes') ?? 15);
      const sent = await sendNow(ctx, me, figure, input.date, input.listId, Number.isFinite(watch) && watch > 0 ? watch : 15);
      return { status: 201, body: { ...sent, messages: sent.messages.map((m) => ({ ...m, to: phoneFor(me, m.to) ?? '' })) } };
    });

  router
    .on('GET', '/api/lists', async (req) => ({ body: { lists: await listLists(ctx, (await controller(req)).orgId) } }))
    .on('POST', '/api/lists', async (req) => {
      const me = await controller(req);
      return { status: 201, body: await createList(ctx, me, await readJson(req.raw, CreateListRequest)) };
    })
    .on('GET', '/api/lists/:id', async (req) => ({ body: await getList(ctx, (await controller(req)).orgId, req.params.id ?? '') }))
    .on('PUT', '/api/lists/:id', async (req) => {
      const me = await controller(req);
      return { body: await updateList(ctx, me, req.params.id ?? '', await readJson(req.raw, CreateListRequest)) };
    })
    .on('GET', '/api/lists/:id/recipients', async (req) => {
      const me = await controller(req);
      await getList(ctx, me.orgId, req.params.id ?? '');
      const recipients = await recipientsOf(ctx.db, me.orgId, req.params.id ?? '');
      return { body: { recipients: recipients.map((r) => ({ ...r, phone: phoneFor(me, r.phone) })) } };
    });
}

/**
 * Phone numbers are for administrators and their owners: a controller who is not an
 * administrator sees who gets the SMS, and a masked number, never the number itself.
 */
function phoneFor(caller: Caller, phone: string | null): string | null {
  if (phone === null || phone === '' || caller.role === 'admin') return phone;
  return maskPhone(phone);
}

/** A CSV sent as text/csv (or text/plain), or as JSON `{"csv": "..."}`. */
async function csvBody(req: Request): Promise<string> {
  const type = req.raw.headers['content-type'] ?? '';
  if (/^application\/json\b/i.test(type)) return (await readJson(req.raw, z.strictObject({ csv: z.string().max(2_000_000) }), 2_100_000)).csv;
  if (!/^text\/(csv|plain)\b/i.test(type)) throw new Refusal(ErrorCode.unsupportedMediaType, 'Send the CSV as text/csv.');
  return (await readBody(req.raw, 2_000_000)).toString('utf8');
}
