// Save bytes as a file through the browser's download (no server, nothing leaves the computer).
import { saveBytes } from '../../ui/download';

export { saveBytes };

export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
