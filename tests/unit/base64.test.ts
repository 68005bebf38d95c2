import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../electron/core/common/base64';

describe('core base64', () => {
  it('encodes and decodes as Node does, for every length remainder and past one fromCharCode chunk', () => {
    for (const size of [0, 1, 2, 3, 4, 5, 64, 0x8000 * 3 + 1]) {
      const bytes = randomBytes(size);
      const text = bytes.toString('base64');
      expect(bytesToBase64(bytes)).toBe(text);
      expect(Buffer.from(base64ToBytes(text)).equals(bytes)).toBe(true);
    }
  });

  it('drops the unused low bits of the last character, as Buffer does', () => {
    for (const text of ['AB==', 'ABC=', 'AP//']) expect(Buffer.from(base64ToBytes(text))).toEqual(Buffer.from(text, 'base64'));
  });
});
