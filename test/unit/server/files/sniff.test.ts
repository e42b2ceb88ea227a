import { describe, expect, it } from 'vitest';
import { sniffFile } from '../../../../server/files/sniff.ts';

const sniff = (text: string | Buffer, tail: Buffer = Buffer.alloc(0)) => {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  return sniffFile(bytes.subarray(0, 8192), bytes.length, async () => tail);
};

describe('a file’s type is read from its bytes', () => {
  it('HTML is HTML whatever it is named, after spaces and a BOM, in any case', async () => {
    expect(await sniff('<!DOCTYPE html><html></html>')).toEqual({ type: 'text/html', charset: null });
    expect(await sniff('\xef\xbb\xbf  \n<Script>alert(1)</script>')).toEqual({ type: 'text/html', charset: null });
    expect(await sniff('<!-- x -->')).toMatchObject({ type: 'text/html' });
    expect(await sniff('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>')).toMatchObject({ type: 'image/svg+xml' });
    // A tag must end its word: "<bold claims>" is text.
    expect(await sniff('<bold claims> in a note')).toMatchObject({ type: 'text/plain' });
  });

  it('PDF and images by their signatures', async () => {
    expect(await sniff('%PDF-1.7\n...')).toMatchObject({ type: 'application/pdf' });
    expect(await sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toMatchObject({ type: 'image/png' });
    expect(await sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ type: 'image/jpeg' });
    expect(await sniff('GIF89a....')).toMatchObject({ type: 'image/gif' });
  });

  it('texts that start like a signature stay texts', async () => {
    expect(await sniff('BMW quarterly figures')).toMatchObject({ type: 'text/plain' });
    expect(await sniff('MZ Industries: offer')).toMatchObject({ type: 'text/plain' });
    expect(await sniff('ID3 tags are explained here')).toMatchObject({ type: 'text/plain' });
  });

  it('UTF-8 text, a French Excel CSV in Windows-1252, and bytes', async () => {
    expect(await sniff(Buffer.from('Délai;Prix\n3;12 €\n', 'utf8'))).toEqual({ type: 'text/plain', charset: 'utf-8' });
    expect(await sniff(Buffer.from('D\xe9lai;Prix\n3;12 \x80\n', 'latin1'))).toEqual({ type: 'text/plain', charset: 'windows-1252' });
    expect(await sniff(Buffer.from([1, 2, 3, 0, 255]))).toEqual({ type: 'application/octet-stream', charset: null });
    expect(await sniff(Buffer.alloc(0))).toEqual({ type: 'application/octet-stream', charset: null });
  });

  it('a UTF-8 character cut at the end of the head is still UTF-8 text', async () => {
    const long = Buffer.from('é'.repeat(6000), 'utf8');
    expect(await sniff(long)).toEqual({ type: 'text/plain', charset: 'utf-8' });
  });

  it('Office documents are ZIP files told apart by their parts’ names', async () => {
    const zip = Buffer.from('PK\x03\x04\x14\x00[Content_Types].xml', 'latin1');
    expect(await sniff(zip, Buffer.from('PK\x01\x02 word/document.xml PK\x05\x06'))).toMatchObject({ type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(await sniff(zip, Buffer.from('xl/workbook.xml'))).toMatchObject({ type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(await sniff(zip, Buffer.from('ppt/presentation.xml'))).toMatchObject({ type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
    expect(await sniff(zip, Buffer.from('photos/a.jpg'))).toMatchObject({ type: 'application/zip' });
  });
});
