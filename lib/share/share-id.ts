/** Share ids: 12 base58 characters from a CSPRNG (~70 bits), not guessable or enumerable. */
const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
export const SHARE_ID_LENGTH = 12;
export const shareIdPattern = new RegExp(`^[${ALPHABET}]{${SHARE_ID_LENGTH}}$`);

export function newShareId(): string {
  const bytes = new Uint8Array(SHARE_ID_LENGTH * 2);
  crypto.getRandomValues(bytes);
  let id = "";
  // Rejection sampling keeps every character equally likely (58 does not divide 256).
  for (const byte of bytes) {
    if (byte >= 58 * 4) continue;
    id += ALPHABET[byte % 58];
    if (id.length === SHARE_ID_LENGTH) return id;
  }
  return id + newShareId().slice(id.length);
}

export function isShareId(value: string): boolean {
  return shareIdPattern.test(value);
}
