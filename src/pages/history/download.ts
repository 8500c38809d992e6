// A chosen file's bytes, for restoring or merging a backup.
export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
