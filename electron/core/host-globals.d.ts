/**
 * The host globals the core may use: each exists, with this meaning, in Node and in browsers alike (WHATWG and
 * ECMAScript host APIs). The core is type-checked against ES2023 alone (tsconfig.core.json: no DOM library, no
 * @types/node), so anything else a host provides — `document`, `window`, `process`, `Buffer`, `require` — fails
 * the check. Declared as narrowly as the core uses them; add a global here only if both hosts have it.
 */
export {};

declare global {
  /** Warnings only: the core reports what it skipped; logging proper belongs to the hosts. */
  var console: {
    warn(...data: unknown[]): void;
  };

  /** UTF-8 only (the only encoding the WHATWG TextEncoder has). */
  class TextEncoder {
    encode(input?: string): Uint8Array;
  }

  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
    decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
  }

  /** Timers: the handle is opaque (a number in browsers, an object in Node). */
  interface TimerHandle {
    readonly __timerHandle: unique symbol;
  }
  function setTimeout(callback: () => void, delay?: number): TimerHandle;
  function clearTimeout(handle: TimerHandle | undefined): void;

  function structuredClone<T>(value: T): T;

  /** Web Crypto's random UUIDs (Node 19+ and browsers in secure contexts). */
  var crypto: {
    randomUUID(): `${string}-${string}-${string}-${string}-${string}`;
  };
}
