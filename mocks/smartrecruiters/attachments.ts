/**
 * SmartRecruiters' results attachment upload (reference B.5) [C]:
 *   POST /assessment-api/v202010/orders/:orderId/results/attachment   multipart/form-data → 201 {"url"}
 *   401 / 403 (scope assessment_result_manage) / 404 unknown order; not for inline orders [C].
 * The part name is not stated [gap]: settings.attachmentFieldName ('attachment', the old API's name [I];
 * '*' takes any file part). Whether the upload joins the result's attachments is not stated either:
 * settings.attachmentUploadAddsToResult (default true) [I]. The stored file is served at the returned URL.
 * Parsed with the Fetch API's own multipart reader (Request#formData), no extra dependency.
 */
import express, { Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { Collection } from '../../harness/store/store.ts';
import type { SmartRecruitersAttachment } from '../../schemas/generated/smartrecruiters/package-result.ts';
import { SmartRecruitersError } from './errors.ts';
import { requireToken } from './token-check.ts';
import { stateOf } from './state.ts';
import { clock } from '../../harness/clock.ts';

const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

interface StoredAttachment {
  id: string;
  orderId: string;
  name: string;
  contentType: string;
  size: number;
  base64: string;
  createdAt: string;
}

const stores = new WeakMap<EmulatorContext, Promise<Collection<StoredAttachment>>>();
function files(ctx: EmulatorContext): Promise<Collection<StoredAttachment>> {
  let s = stores.get(ctx);
  if (!s) stores.set(ctx, (s = ctx.store.collection<StoredAttachment>('attachments')));
  return s;
}

const attachmentType = (contentType: string): SmartRecruitersAttachment['type'] =>
  contentType === 'application/pdf' ? 'PDF_URL' : contentType.startsWith('video/') ? 'VIDEO_URL' : 'OTHER_URL';

export function attachmentRoutes(ctx: EmulatorContext): Router {
  const r = Router();
  const raw = express.raw({ type: () => true, limit: MAX_ATTACHMENT_BYTES + 64 * 1024 });

  r.post('/assessment-api/v202010/orders/:orderId/results/attachment', async (req, res, next) => {
    res.locals.hop = 'result-mapping';
    const state = await stateOf(ctx);
    requireToken(state, req, 'assessment_result_manage');
    if (!req.is('multipart/form-data')) {
      throw new SmartRecruitersError(415, 'UNSUPPORTED_MEDIA_TYPE', `The attachment must be sent as multipart/form-data, got ${req.headers['content-type'] ?? 'none'}`);
    }
    next();
  }, raw, async (req, res) => {
    const state = await stateOf(ctx);
    const order = state.orders.get(req.params.orderId);
    if (!order) throw new SmartRecruitersError(404, 'ORDER_NOT_FOUND', `Assessment order ${JSON.stringify(req.params.orderId)} not found`);
    res.locals.orderId = order.bridgeOrderId ?? order.orderId;
    if (order.mode === 'inline') throw new SmartRecruitersError(400, 'INLINE_ORDER_ATTACHMENT', 'Attachments cannot be added to inline orders');
    let form: FormData;
    try {
      form = await new Request('http://attachment.local/', { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body: req.body as Buffer }).formData();
    } catch (e) {
      throw new SmartRecruitersError(400, 'INVALID_MULTIPART', `The multipart body could not be read: ${(e as Error).message}`);
    }
    const field = state.settings().attachmentFieldName;
    const parts = [...form.entries()].filter(([, v]) => typeof v !== 'string') as [string, File][];
    const hit = field === '*' ? parts[0] : parts.find(([k]) => k === field);
    if (!hit) {
      throw new SmartRecruitersError(400, 'MISSING_ATTACHMENT', `No file in the multipart part ${JSON.stringify(field)}${parts.length ? `; file parts sent: ${parts.map(([k]) => k).join(', ')}` : '; no file part was sent'}`, [
        { pointer: `/${field}`, message: 'is required (a file part)', expected: field, actual: parts.map(([k]) => k) },
      ]);
    }
    const file = hit[1];
    if (file.size > MAX_ATTACHMENT_BYTES) throw new SmartRecruitersError(413, 'PAYLOAD_TOO_LARGE', `The attachment is ${file.size} bytes; at most ${MAX_ATTACHMENT_BYTES}`);
    const bytes = Buffer.from(await file.arrayBuffer());
    const id = randomUUID();
    const contentType = file.type || 'application/octet-stream';
    await (await files(ctx)).put(id, { id, orderId: order.orderId, name: file.name || 'attachment', contentType, size: bytes.length, base64: bytes.toString('base64'), createdAt: clock.iso() });
    const url = `${ctx.selfUrl()}/assessment-api/v202010/attachments/${id}`;
    if (state.settings().attachmentUploadAddsToResult) {
      await state.orders.mutate(order.orderId, (cur) => {
        if (!cur) return { result: undefined };
        const attachments = [...(cur.result.attachments ?? []), { type: attachmentType(contentType), url }];
        return { value: { ...cur, result: { ...cur.result, attachments } }, result: undefined };
      });
    }
    res.status(201).json({ url });
  });

  /** The stored file, as the recruiter downloads it under Download Reports. */
  r.get('/assessment-api/v202010/attachments/:id', async (req, res) => {
    const f = (await files(ctx)).get(req.params.id);
    if (!f) throw new SmartRecruitersError(404, 'ATTACHMENT_NOT_FOUND', 'Attachment not found');
    res.setHeader('content-type', f.contentType);
    res.setHeader('content-disposition', `attachment; filename="${f.name.replace(/[^\w.-]/g, '_')}"`);
    res.send(Buffer.from(f.base64, 'base64'));
  });
  return r;
}
