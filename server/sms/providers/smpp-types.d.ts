/**
 * Types for the parts of the `smpp` package (0.5.1, untyped JavaScript) the relay and
 * its tests use. Field names are those of the SMPP specification.
 */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  /** The parameters and TLVs of the PDUs we send and read (a PDU carries those of its command). */
  export interface PduFields {
    command_status?: number;
    sequence_number?: number;
    system_id?: string;
    password?: string;
    system_type?: string;
    interface_version?: number;
    addr_ton?: number;
    addr_npi?: number;
    address_range?: string;
    service_type?: string;
    source_addr_ton?: number;
    source_addr_npi?: number;
    source_addr?: string;
    dest_addr_ton?: number;
    dest_addr_npi?: number;
    destination_addr?: string;
    esm_class?: number;
    protocol_id?: number;
    priority_flag?: number;
    registered_delivery?: number;
    data_coding?: number;
    /** Raw user data: the relay switches the package's text transcoding off (see smpp-pdus.ts). */
    short_message?: Buffer;
    message_payload?: Buffer;
    message_id?: string;
    receipted_message_id?: string;
    message_state?: number;
    user_message_reference?: number;
  }

  export type CommandName =
    | 'bind_transceiver'
    | 'bind_transceiver_resp'
    | 'submit_sm'
    | 'submit_sm_resp'
    | 'deliver_sm'
    | 'deliver_sm_resp'
    | 'enquire_link'
    | 'enquire_link_resp'
    | 'unbind'
    | 'unbind_resp'
    | 'generic_nack';

  export class PDU implements PduFields {
    constructor(command: CommandName, fields?: PduFields);
    command: CommandName | 'unknown';
    command_length: number;
    command_id: number;
    command_status: number;
    sequence_number: number;
    system_id?: string;
    password?: string;
    source_addr?: string;
    destination_addr?: string;
    esm_class?: number;
    registered_delivery?: number;
    data_coding?: number;
    short_message?: Buffer;
    message_payload?: Buffer;
    message_id?: string;
    receipted_message_id?: string;
    message_state?: number;
    user_message_reference?: number;
    isResponse(): boolean;
    response(fields?: PduFields): PDU;
    toBuffer(): Buffer;
  }

  export interface SessionEvents {
    connect: [];
    close: [];
    error: [Error];
    pdu: [PDU];
  }

  export class Session extends EventEmitter {
    socket: Socket;
    send(pdu: PDU, onResponse?: (response: PDU) => void, onSent?: (pdu: PDU) => void): boolean;
    bind_transceiver(fields: PduFields, onResponse?: (response: PDU) => void): boolean;
    submit_sm(fields: PduFields, onResponse?: (response: PDU) => void): boolean;
    deliver_sm(fields: PduFields, onResponse?: (response: PDU) => void): boolean;
    enquire_link(fields?: PduFields, onResponse?: (response: PDU) => void): boolean;
    unbind(fields?: PduFields, onResponse?: (response: PDU) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
  }

  export class Server extends NetServer {
    sessions: Session[];
  }

  export function connect(options: { url?: string; host?: string; port?: number; auto_enquire_link_period?: number }): Session;
  export function createServer(listener: (session: Session) => void): Server;

  interface ParamDef {
    filter?: unknown;
  }
  export const commands: Record<string, { id: number; params?: Record<string, ParamDef> }>;
  export const tlvs: Record<string, { id: number; filter?: unknown }>;

  export const ESME_ROK: number;
  export const ESME_RSYSERR: number;
  export const ESME_RINVDSTADR: number;
  export const ESME_RTHROTTLED: number;
  export const ESME_RMSGQFUL: number;
  export const ESME_RBINDFAIL: number;
  export const ESME_RINVPASWD: number;
  export const ESME_RINVSYSID: number;
}
