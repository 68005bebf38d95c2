/**
 * Base64 (RFC 4648, with padding) in plain TypeScript, so the core needs neither Node's Buffer nor the browser's
 * atob/btoa. Decoding expects text already checked against /^[A-Za-z0-9+/]*={0,2}$/ with a length divisible
 * by four; like Buffer it drops the unused low bits of the last character.
 */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const values = new Uint8Array(128);
for (let index = 0; index < alphabet.length; index++) values[alphabet.charCodeAt(index)] = index;

/** Characters turned into a string per String.fromCharCode call (its argument list has a limit). */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const codes = new Uint16Array(Math.ceil(bytes.length / 3) * 4);
  let out = 0;
  for (let at = 0; at < bytes.length; at += 3) {
    const rest = bytes.length - at;
    const triple = (bytes[at] << 16) | ((rest > 1 ? bytes[at + 1] : 0) << 8) | (rest > 2 ? bytes[at + 2] : 0);
    codes[out++] = alphabet.charCodeAt(triple >>> 18);
    codes[out++] = alphabet.charCodeAt((triple >>> 12) & 63);
    codes[out++] = rest > 1 ? alphabet.charCodeAt((triple >>> 6) & 63) : 61;
    codes[out++] = rest > 2 ? alphabet.charCodeAt(triple & 63) : 61;
  }
  let text = '';
  for (let at = 0; at < codes.length; at += CHUNK) text += String.fromCharCode(...codes.subarray(at, at + CHUNK));
  return text;
}

export function base64ToBytes(text: string): Uint8Array {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let at = 0; at < text.length; at += 4) {
    const quad =
      (values[text.charCodeAt(at)] << 18) |
      (values[text.charCodeAt(at + 1)] << 12) |
      (values[text.charCodeAt(at + 2) & 127] << 6) |
      values[text.charCodeAt(at + 3) & 127];
    if (out < bytes.length) bytes[out++] = quad >>> 16;
    if (out < bytes.length) bytes[out++] = (quad >>> 8) & 255;
    if (out < bytes.length) bytes[out++] = quad & 255;
  }
  return bytes;
}
