import { readFile } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

/** A data file whose content is not valid JSON or does not match its schema. */
export class CorruptFileError extends Error {
  readonly file: string;
  constructor(file: string, reason: string) {
    super(reason);
    this.name = 'CorruptFileError';
    this.file = file;
  }
}

/**
 * lowdb adapter for one JSON file: reads are validated by a core schema (a failure is a CorruptFileError,
 * never silently replaced by defaults), writes are atomic (temp file, fsync, rename).
 */
export class ValidatedJsonFile<T> implements Adapter<T> {
  readonly file: string;
  private readonly schema: z.ZodType<T>;

  constructor(file: string, schema: z.ZodType<T>) {
    this.file = file;
    this.schema = schema;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return parseValidated(this.file, text, this.schema);
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.file, serializeDocument(data));
  }
}

/** The bytes of a data file: JSON indented by one space (readable in a text editor, small on disk). */
export function serializeDocument(data: unknown): string {
  return JSON.stringify(data, null, 1);
}

/** Parse JSON text and validate it; CorruptFileError naming the first problem otherwise. */
export function parseValidated<T>(file: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CorruptFileError(file, `不是有效的 JSON：${(error as Error).message}`);
  }
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(json);
  } catch (error) {
    // Whatever makes a file impossible to check (it is hostile or damaged) makes it unreadable, never a crash
    // of the caller: the background check moves it aside and goes on.
    throw new CorruptFileError(file, `无法读取：${(error as Error).message}`);
  }
  if (!result.success) {
    const first = result.error.issues[0];
    throw new CorruptFileError(file, `内容不符合格式：${first.path.join('.') || '(根)'} ${first.message}`);
  }
  return result.data;
}

/** Read one validated document through lowdb; null when the file does not exist. */
export async function readDocument<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  const db = new Low<T | null>(new ValidatedJsonFile(file, schema) as Adapter<T | null>, null);
  await db.read();
  return db.data;
}

/** Write one document through lowdb, atomically. */
export async function writeDocument<T>(file: string, schema: z.ZodType<T>, data: T): Promise<void> {
  const db = new Low<T>(new ValidatedJsonFile(file, schema), data);
  db.data = data;
  await db.write();
}
