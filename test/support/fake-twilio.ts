import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { twilioSignature } from '../../server/sms/providers/twilio-signature.ts';

export interface TwilioMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
}

/**
 * A local stand-in for Twilio speaking the documented subset the relay uses:
 * POST /2010-04-01/Accounts/{sid}/Messages.json (Basic auth, form body) → 201 JSON with
 * a message sid; status callbacks and inbound webhooks POSTed as forms and signed with
 * X-Twilio-Signature (HMAC-SHA1 of the URL and the sorted parameters, base64).
 */
export class FakeTwilio {
  readonly messages: TwilioMessage[] = [];
  private server: Server = createServer((req, res) => void this.handle(req, res));
  private failures: number[] = [];
  /** Status callbacks POSTed (and answered) before the create call returns, as Twilio may. */
  callbacksBeforeAnswer: string[] = [];

  constructor(
    readonly accountSid = 'AC' + 'a'.repeat(32),
    readonly authToken = 'twilio-test-token',
  ) {}

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next requests answer these HTTP statuses (429, 500…) instead of accepting. */
  failNext(...statuses: number[]) {
    this.failures.push(...statuses);
  }

  /** POSTs a signed status callback for a message, as Twilio does. */
  async statusCallback(sid: string, status: string, token = this.authToken): Promise<number> {
    const message = this.messages.find((m) => m.sid === sid);
    if (!message?.statusCallback) throw new Error(`no status callback for ${sid}`);
    return this.post(message.statusCallback, { MessageSid: sid, MessageStatus: status, AccountSid: this.accountSid, To: message.to, From: message.from }, token);
  }

  /** POSTs a signed inbound SMS webhook. */
  async inbound(url: string, from: string, body: string, token = this.authToken): Promise<number> {
    const sid = `SM${randomBytes(16).toString('hex')}`;
    return this.post(url, { MessageSid: sid, From: from, To: '+33700000000', Body: body, AccountSid: this.accountSid }, token);
  }

  private async post(url: string, params: Record<string, string>, token: string): Promise<number> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(token, url, params) },
      body: new URLSearchParams(params),
    });
    await res.arrayBuffer();
    return res.status;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = `/2010-04-01/Accounts/${this.accountSid}/Messages.json`;
    if (req.method !== 'POST' || req.url !== path) return json(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    const auth = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (req.headers.authorization !== auth) return json(401, { code: 20003, message: 'Authenticate', status: 401 });
    const failure = this.failures.shift();
    if (failure) return json(failure, { code: failure === 429 ? 20429 : 20500, message: 'Simulated failure', status: failure });
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const to = form.get('To') ?? '';
    if (!/^\+\d{6,15}$/.test(to)) return json(400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
    const message: TwilioMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from: form.get('From') ?? '',
      body: form.get('Body') ?? '',
      statusCallback: form.get('StatusCallback'),
    };
    this.messages.push(message);
    for (const status of this.callbacksBeforeAnswer) await this.statusCallback(message.sid, status);
    json(201, { sid: message.sid, status: 'queued', to: message.to, from: message.from, body: message.body });
  }
}
