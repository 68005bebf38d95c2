/**
 * A small, strict zip reader and writer for exchange packages, on node:zlib (pure computation: no files).
 *
 * The writer makes plain zip files (deflate, UTF-8 names, no data descriptors, no zip64) that every unzip
 * tool opens. The reader accepts only what a package can legitimately contain and refuses everything else
 * with a reason: it reads the central directory, checks every name, count and declared size against the
 * limits *before* inflating anything, inflates each entry with a hard output cap (a zip bomb stops at the
 * cap), and checks every size and CRC-32.
 */
import { Buffer } from 'node:buffer';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;

export interface ZipLimits {
  /** Most entries in one file. */
  maxEntries: number;
  /** Largest uncompressed entry, in bytes. */
  maxEntrySize: number;
  /** Largest sum of uncompressed entries, in bytes. */
  maxTotalSize: number;
  /** Highest uncompressed ÷ compressed ratio of an entry larger than `ratioFloor` (zip bombs). */
  maxRatio: number;
  /** Entries up to this size are not ratio-checked (a small file of spaces compresses very well). */
  ratioFloor: number;
}

/** The limits of an exchange package (docs/exchange.md). */
export const packageZipLimits: ZipLimits = {
  maxEntries: 10_000,
  maxEntrySize: 20 * MB,
  maxTotalSize: 200 * MB,
  maxRatio: 200,
  ratioFloor: 1 * MB,
};

/** Why a file is not an acceptable zip; each has its own message. */
export type ZipProblem =
  | 'empty'
  | 'not-zip'
  | 'truncated'
  | 'directory-damaged'
  | 'multi-disk'
  | 'zip64'
  | 'too-many-entries'
  | 'bad-name'
  | 'path-traversal'
  | 'absolute-path'
  | 'backslash'
  | 'duplicate-name'
  | 'encrypted'
  | 'method'
  | 'entry-too-large'
  | 'total-too-large'
  | 'ratio'
  | 'header-mismatch'
  | 'overlap'
  | 'bomb'
  | 'size-mismatch'
  | 'corrupt-data'
  | 'crc';

export class ZipError extends Error {
  readonly problem: ZipProblem;
  constructor(problem: ZipProblem, message: string) {
    super(message);
    this.name = 'ZipError';
    this.problem = problem;
  }
}

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** One entry exactly as written; `buildZip` lets tests (and the bad-package corpus) write malformed files. */
export interface RawZipEntry {
  name: string;
  /** The bytes stored after the local header (already compressed when method is 8). */
  stored: Uint8Array;
  method: number;
  crc: number;
  uncompressedSize: number;
  flags?: number;
  /** A different name in the local header than in the central directory. */
  localName?: string;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const FLAG_UTF8 = 0x0800;

function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** A raw entry for `data`: deflated when that is smaller, stored otherwise. */
export function rawEntry(name: string, data: Uint8Array): RawZipEntry {
  const deflated = deflateRawSync(data, { level: 9 });
  const useDeflate = deflated.length < data.length;
  return { name, stored: useDeflate ? deflated : data, method: useDeflate ? 8 : 0, crc: crc32(data) >>> 0, uncompressedSize: data.length };
}

/** Write raw entries as a zip file (no validation: malformed input gives a malformed file). */
export function buildZip(entries: RawZipEntry[], date = new Date(Date.UTC(1980, 0, 1))): Uint8Array {
  const { time, day } = dosDateTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const localName = Buffer.from(entry.localName ?? entry.name, 'utf8');
    const flags = entry.flags ?? FLAG_UTF8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(SIG_CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.stored.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, localName, Buffer.from(entry.stored));
    centrals.push(central, name);
    offset += local.length + localName.length + entry.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** Write entries (in the given order) as a zip file. */
export function writeZip(entries: ZipEntry[], date?: Date): Uint8Array {
  return buildZip(
    entries.map((entry) => rawEntry(entry.name, entry.data)),
    date,
  );
}

function sizeText(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;

/** Check an entry name: relative, `/`-separated, no `..`, no backslash, no control characters. */
export function checkEntryName(name: string): void {
  if (name.includes('\\')) throw new ZipError('backslash', `文件名“${name}”含有反斜杠（\\），交换包中的路径只能用“/”分隔，已拒绝`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw new ZipError('absolute-path', `文件名“${name}”是绝对路径，可能试图写到数据文件夹之外，已拒绝`);
  const segments = name.split('/');
  if (segments.includes('..')) throw new ZipError('path-traversal', `文件名“${name}”含有“..”，可能试图写到数据文件夹之外，已拒绝`);
  if (!name || name.length > 255 || controlCharacters.test(name) || segments.some((segment) => segment === '' || segment === '.')) {
    throw new ZipError('bad-name', `文件名“${name.replace(new RegExp(controlCharacters.source, 'g'), '?')}”不合规范（空的路径段、控制字符或过长）`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  offset: number;
}

/**
 * Read a zip file strictly; entries in central-directory order. Throws a ZipError naming the first problem.
 * Nothing is inflated until every name, count and declared size has passed the limits.
 */
export function readZip(input: Uint8Array, limits: ZipLimits = packageZipLimits): ZipEntry[] {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length === 0) throw new ZipError('empty', '文件是空的（0 字节），不是交换包');
  const startsLikeZip = bytes.length >= 4 && bytes.readUInt32LE(0) === SIG_LOCAL;
  if (!startsLikeZip && !(bytes.length >= 4 && bytes.readUInt32LE(0) === SIG_END)) {
    throw new ZipError('not-zip', '这不是报告台交换包：文件不是 zip 格式（.rdpkg 文件应由报告台导出）');
  }
  // The end-of-directory record: within the last 22 + 65535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === SIG_END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('truncated', '文件不完整：找不到 zip 目录的结尾，可能在复制或传输时被截断。请让对方重新发送');
  const diskNumber = bytes.readUInt16LE(end + 4);
  const directoryDisk = bytes.readUInt16LE(end + 6);
  const entriesOnDisk = bytes.readUInt16LE(end + 8);
  const entryCount = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  const commentLength = bytes.readUInt16LE(end + 20);
  if (diskNumber !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    throw new ZipError('multi-disk', '这是分卷压缩文件，交换包不支持分卷');
  }
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ZipError('zip64', '这是 ZIP64 格式的大文件，交换包不支持');
  }
  if (end + 22 + commentLength !== bytes.length) {
    throw new ZipError('truncated', '文件不完整：zip 目录结尾之后的长度不对，可能在传输时被截断或被追加了内容');
  }
  if (directoryOffset + directorySize > end) {
    throw new ZipError('truncated', '文件不完整：zip 目录指向文件末尾之外，可能在复制或传输时被截断');
  }
  if (entryCount > limits.maxEntries) {
    throw new ZipError('too-many-entries', `交换包包含 ${entryCount} 个文件，超过上限 ${limits.maxEntries} 个`);
  }

  const entries: CentralEntry[] = [];
  const seen = new Set<string>();
  let position = directoryOffset;
  let total = 0;
  for (let index = 0; index < entryCount; index++) {
    if (position + 46 > directoryOffset + directorySize || bytes.readUInt32LE(position) !== SIG_CENTRAL) {
      throw new ZipError('directory-damaged', `zip 目录已损坏（第 ${index + 1} 项无法读取）`);
    }
    const flags = bytes.readUInt16LE(position + 8);
    const method = bytes.readUInt16LE(position + 10);
    const crc = bytes.readUInt32LE(position + 16);
    const compressedSize = bytes.readUInt32LE(position + 20);
    const uncompressedSize = bytes.readUInt32LE(position + 24);
    const nameLength = bytes.readUInt16LE(position + 28);
    const extraLength = bytes.readUInt16LE(position + 30);
    const commentLen = bytes.readUInt16LE(position + 32);
    const offset = bytes.readUInt32LE(position + 42);
    const nameEnd = position + 46 + nameLength;
    if (nameEnd + extraLength + commentLen > directoryOffset + directorySize) {
      throw new ZipError('directory-damaged', `zip 目录已损坏（第 ${index + 1} 项超出目录范围）`);
    }
    let name: string;
    try {
      name = utf8.decode(bytes.subarray(position + 46, nameEnd));
    } catch {
      throw new ZipError('bad-name', `第 ${index + 1} 个文件的名称不是有效的 UTF-8 文字`);
    }
    checkEntryName(name);
    if (seen.has(name)) throw new ZipError('duplicate-name', `交换包中有两个同名文件“${name}”，无法确定该用哪一个，已拒绝`);
    seen.add(name);
    if (flags & 0x0001) throw new ZipError('encrypted', `文件“${name}”被加密了，交换包不能加密`);
    if (method !== 0 && method !== 8) throw new ZipError('method', `文件“${name}”使用了不支持的压缩方式（${method}），交换包只用 deflate`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || offset === 0xffffffff) {
      throw new ZipError('zip64', `文件“${name}”使用了 ZIP64 大小字段，交换包不支持`);
    }
    if (uncompressedSize > limits.maxEntrySize) {
      throw new ZipError('entry-too-large', `文件“${name}”解压后有 ${sizeText(uncompressedSize)}，超过单个文件上限 ${sizeText(limits.maxEntrySize)}`);
    }
    total += uncompressedSize;
    if (total > limits.maxTotalSize) {
      throw new ZipError('total-too-large', `交换包解压后总大小超过上限 ${sizeText(limits.maxTotalSize)}`);
    }
    entries.push({ name, flags, method, crc, compressedSize, uncompressedSize, offset });
    position = nameEnd + extraLength + commentLen;
  }
  if (position !== directoryOffset + directorySize) throw new ZipError('directory-damaged', 'zip 目录已损坏（目录长度与内容不符）');
  for (const { name, compressedSize, uncompressedSize } of entries) {
    if (uncompressedSize > limits.ratioFloor && uncompressedSize / Math.max(1, compressedSize) > limits.maxRatio) {
      throw new ZipError(
        'ratio',
        `文件“${name}”的压缩比异常（${sizeText(compressedSize)} 解压为 ${sizeText(uncompressedSize)}），疑似压缩炸弹，已拒绝`,
      );
    }
  }

  // Local headers: where each entry's data is; entries must not overlap (a classic zip-bomb trick).
  const spans = entries.map((entry) => {
    const at = entry.offset;
    if (at + 30 > directoryOffset || bytes.readUInt32LE(at) !== SIG_LOCAL) {
      throw new ZipError('header-mismatch', `文件“${entry.name}”的数据头已损坏或位置不对`);
    }
    const nameLength = bytes.readUInt16LE(at + 26);
    const extraLength = bytes.readUInt16LE(at + 28);
    const localName = bytes.subarray(at + 30, at + 30 + nameLength);
    if (!localName.equals(Buffer.from(entry.name, 'utf8'))) {
      throw new ZipError('header-mismatch', `文件“${entry.name}”的数据头中的名称与目录不一致，文件被改动过`);
    }
    const start = at + 30 + nameLength + extraLength;
    const stop = start + entry.compressedSize;
    if (stop > directoryOffset) throw new ZipError('truncated', `文件“${entry.name}”的数据不完整，交换包可能被截断`);
    return { entry, from: at, start, stop };
  });
  const byOffset = [...spans].sort((a, b) => a.from - b.from);
  for (let index = 1; index < byOffset.length; index++) {
    if (byOffset[index].from < byOffset[index - 1].stop) {
      throw new ZipError('overlap', `文件“${byOffset[index].entry.name}”与“${byOffset[index - 1].entry.name}”的数据重叠，疑似压缩炸弹，已拒绝`);
    }
  }

  return spans.map(({ entry, start, stop }) => {
    const stored = bytes.subarray(start, stop);
    let data: Buffer;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) {
        throw new ZipError('size-mismatch', `文件“${entry.name}”的大小与目录中登记的不一致`);
      }
      data = Buffer.from(stored);
    } else {
      try {
        data = inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw new ZipError('bomb', `文件“${entry.name}”解压后超过了登记的大小（${sizeText(entry.uncompressedSize)}），疑似压缩炸弹，已拒绝`);
        }
        throw new ZipError('corrupt-data', `文件“${entry.name}”的压缩数据已损坏，无法解压`);
      }
      if (data.length !== entry.uncompressedSize) {
        throw new ZipError('size-mismatch', `文件“${entry.name}”解压后的大小（${data.length} 字节）与目录中登记的（${entry.uncompressedSize} 字节）不一致`);
      }
    }
    if ((crc32(data) >>> 0) !== entry.crc >>> 0) {
      throw new ZipError('crc', `文件“${entry.name}”的校验和（CRC-32）不符，文件在传输中损坏或被改动`);
    }
    return { name: entry.name, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  });
}
