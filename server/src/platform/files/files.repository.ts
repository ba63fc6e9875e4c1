import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { files } from '../platform.tables.ts';

const fileColumns = {
  id: files.id,
  storageKey: files.storageKey,
  name: files.name,
  size: files.size,
  mimeType: files.mimeType,
  inlineImage: files.inlineImage,
  sha256: files.sha256,
  uploadedBy: files.uploadedBy,
  createdAt: files.createdAt,
};

export type FileRow = { [K in keyof typeof fileColumns]: (typeof files.$inferSelect)[K] };

export async function insertFile(db: Db, values: Omit<typeof files.$inferInsert, 'id' | 'createdAt'>): Promise<FileRow> {
  const [row] = await db.insert(files).values(values).returning(fileColumns);
  return row;
}

export async function getFile(db: Db, id: string): Promise<FileRow | null> {
  const [row] = await db.select(fileColumns).from(files).where(eq(files.id, id));
  return row ?? null;
}
