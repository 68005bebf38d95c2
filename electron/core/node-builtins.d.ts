/**
 * The Node built-ins the core still imports, declared for tsconfig.core.json (which has no @types/node) with
 * only the members the core calls. They are pure computation the layer map allows (.dependency-cruiser.cjs,
 * core-has-no-io), each imported by name in the file that needs it — never a global:
 *
 *   node:zlib    exchange/zip.ts (zip entries), insight/chart-png.ts (the PNG's image data)
 *   node:buffer  exchange/zip.ts (zip records), import/xlsx-reader.ts (exceljs reads Buffer chunks)
 *   node:stream  export/xlsx-stream.ts, import/xlsx-reader.ts (exceljs's streaming workbook writer and reader)
 *   node:timers  export/xlsx-stream.ts (setImmediate: one event-loop turn while exceljs compresses)
 *
 * These files are the ones that tie the core to Node; the other programs (tsconfig.node.json,
 * tsconfig.tests.json) check the same files against the full @types/node.
 */

declare module 'node:buffer' {
  export class Buffer extends Uint8Array {
    static from(text: string, encoding: 'utf8'): Buffer;
    static from(data: Uint8Array | readonly number[]): Buffer;
    static from(buffer: ArrayBufferLike, byteOffset?: number, length?: number): Buffer;
    static alloc(size: number): Buffer;
    static concat(list: readonly Uint8Array[]): Buffer;
    subarray(start?: number, end?: number): Buffer;
    equals(other: Uint8Array): boolean;
    readUInt16LE(offset: number): number;
    readUInt32LE(offset: number): number;
    writeUInt16LE(value: number, offset: number): number;
    writeUInt32LE(value: number, offset: number): number;
  }
}

declare module 'node:zlib' {
  import type { Buffer } from 'node:buffer';
  export function crc32(data: Uint8Array | string, value?: number): number;
  export function deflateRawSync(data: Uint8Array, options?: { level?: number }): Buffer;
  export function inflateRawSync(data: Uint8Array, options?: { maxOutputLength?: number }): Buffer;
  export function deflateSync(data: Uint8Array, options?: { level?: number }): Buffer;
}

declare module 'node:stream' {
  type Callback = (error?: Error | null) => void;
  export class Readable {
    static from(chunks: Iterable<unknown>): Readable;
  }
  export class Writable {
    constructor(options: { write(chunk: Uint8Array, encoding: string, callback: Callback): void; final?(callback: Callback): void });
    readonly writableLength: number;
    on(event: 'error', listener: (error: Error) => void): this;
    once(event: 'drain', listener: () => void): this;
  }
}

declare module 'node:timers' {
  export function setImmediate(callback: () => void): unknown;
}
