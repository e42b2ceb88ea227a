import { describe, expect, it } from 'vitest';
import { composeSms } from '#core/sms/compose';
import { concatenationUdh, readReceipt, readText, sourceAddress, toSmppAddress, userData } from '../../../../server/sms/providers/smpp-pdus.ts';

describe('SMPP user data and receipts', () => {
  it('builds the concatenation UDH byte by byte: 05 00 03 ref total seq', () => {
    expect([...concatenationUdh(0x1a7, 3, 2)]).toEqual([0x05, 0x00, 0x03, 0xa7, 3, 2]);
  });

  it('a single GSM-7 message is unpacked septets with data_coding 0 and no UDH', () => {
    const data = userData(composeSms('Prix : 5€'), 1);
    expect(data).toMatchObject({ dataCoding: 0, esmClass: 0 });
    expect([...data.parts[0]!]).toEqual([0x50, 0x72, 0x69, 0x78, 0x20, 0x3a, 0x20, 0x35, 0x1b, 0x65]);
  });

  it('long messages get a UDH per part, UCS-2 big-endian with data_coding 8, never above 254 octets', () => {
    const gsm = userData(composeSms('a'.repeat(400)), 7);
    expect(gsm.esmClass).toBe(0x40);
    expect(gsm.parts.map((p) => p.length)).toEqual([159, 159, 6 + 94]);
    const ucs = userData(composeSms('ê'.repeat(140)), 9);
    expect(ucs.dataCoding).toBe(8);
    expect(ucs.parts.map((p) => p.length)).toEqual([140, 140, 6 + 12]);
    expect([...ucs.parts[2]!.subarray(0, 8)]).toEqual([5, 0, 3, 9, 3, 3, 0x00, 0xea]);
    for (const p of [...gsm.parts, ...ucs.parts]) expect(p.length).toBeLessThanOrEqual(254);
  });

  it('reads a receipt from its TLVs, or from the text form alone', () => {
    expect(readReceipt({ receipted_message_id: 'ABC', message_state: 2 }, '')).toMatchObject({ messageId: 'ABC', status: 'delivered' });
    const text = 'id:7F3A sub:001 dlvrd:000 submit date:2611230900 done date:2611230901 stat:UNDELIV err:034 text:Bonjour';
    expect(readReceipt({}, text)).toEqual({ messageId: '7F3A', status: 'undelivered', error: 'err:034 stat:UNDELIV' });
    expect(readReceipt({}, 'id:1 stat:EXPIRED err:000').status).toBe('expired');
  });

  it('reads replies in GSM-7, UCS-2 and with a UDH', () => {
    expect(readText(0, 0, Buffer.from([0x4f, 0x4b]))).toBe('OK');
    expect(readText(8, 0, Buffer.from([0x00, 0xe9, 0x00, 0x21]))).toBe('é!');
    expect(readText(0, 0x40, Buffer.from([5, 0, 3, 1, 2, 1, 0x42]))).toBe('B');
  });

  it('writes numbers as international digits and short names as alphanumeric senders', () => {
    expect(toSmppAddress('+33612345678')).toEqual({ ton: 1, npi: 1, addr: '33612345678' });
    expect(sourceAddress('Conclave')).toEqual({ ton: 5, npi: 0, addr: 'Conclave' });
  });
});
