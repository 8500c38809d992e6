// The one SHA-256 of the app, as lowercase hex, by Web Crypto (in the page, in the reader's worker and in Node):
// file hashes, content hashes of returns, backup checksums and sync revisions all come from here.

const encoder = new TextEncoder();

/** SHA-256 of bytes, or of a text's UTF-8 bytes, as 64 lowercase hex digits. */
export async function sha256Hex(input: Uint8Array | string): Promise<string> {
  const data = typeof input === 'string' ? encoder.encode(input) : input;
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  let out = '';
  for (const byte of new Uint8Array(digest)) out += byte.toString(16).padStart(2, '0');
  return out;
}
