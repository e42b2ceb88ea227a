import { describe, expect, it } from 'vitest';
import { cleanFileName, isPreviewable } from '#core/api/files';
import { fileKind } from '#core/files/kind';

describe('file names', () => {
  it('keep only the last path segment, without controls or bidirectional marks, never empty', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\Alice\\offre.pdf')).toBe('offre.pdf');
    expect(cleanFileName('facture\u202Efdp.exe')).toBe('facturefdp.exe');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('ab c.txt');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName('')).toBe('file');
  });

  it('a long name is cut to 200 characters, its extension kept', () => {
    const cut = cleanFileName(`${'é'.repeat(300)}.xlsx`);
    expect([...cut]).toHaveLength(200);
    expect(cut.endsWith('é.xlsx')).toBe(true);
  });
});

describe('what a file is to a person', () => {
  it('is read from the type the relay found; the name only tells texts apart', () => {
    expect(fileKind('text/plain', 'budget.CSV')).toBe('csv');
    expect(fileKind('text/plain', 'notes.md')).toBe('markdown');
    expect(fileKind('text/html', 'offre.pdf')).toBe('page');
    expect(fileKind('application/pdf', 'scan.txt')).toBe('pdf');
    expect(fileKind('image/svg+xml', 'logo.svg')).toBe('page');
    expect(fileKind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'x')).toBe('spreadsheet');
  });

  it('only images, PDF and plain text are previewable (served inline)', () => {
    expect(['image/png', 'application/pdf', 'text/plain'].every(isPreviewable)).toBe(true);
    expect(['text/html', 'image/svg+xml', 'application/octet-stream'].some(isPreviewable)).toBe(false);
  });
});
