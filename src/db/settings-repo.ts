// Settings kept in the database, one record per key; a missing key reads as its default.
import { useLiveQuery } from 'dexie-react-hooks';
import { type AnjuDatabase, db } from './database';

export async function readSetting<T>(database: AnjuDatabase, key: string, fallback: T): Promise<T> {
  const rec = await database.settings.get(key);
  return rec === undefined ? fallback : (rec.value as T);
}

export async function writeSetting<T>(database: AnjuDatabase, key: string, value: T): Promise<void> {
  await database.settings.put({ key, value });
}

/** The live value of a setting (its default until loaded or when unset). */
export function useSetting<T>(key: string, fallback: T): T {
  const value = useLiveQuery(() => readSetting(db, key, fallback), [key]);
  return value ?? fallback;
}

export function saveSetting<T>(key: string, value: T): Promise<void> {
  return writeSetting(db, key, value);
}
