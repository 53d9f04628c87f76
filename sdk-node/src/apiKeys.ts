import { MalformedApiKeyError } from './errors.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const PREFIX_LENGTH = 'sk_test_'.length;
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;

/**
 * Checks the shape of a secret key on the client, so that a typo or a pasted publishable key fails
 * at once, without a request: `sk_test_` or `sk_live_`, 32 base62 characters, and a 6-character
 * base62 CRC32 of everything before it. Returns whether it is a live key; the message of a refusal
 * never repeats the key.
 */
export function livemodeOf(key: unknown): boolean {
  if (typeof key !== 'string' || key.trim() === '') {
    throw new MalformedApiKeyError(
      'No API key. Pass your secret key (sk_test_… or sk_live_…) as apiKey, e.g. from PROOFDESK_API_KEY.',
    );
  }
  if (key.startsWith('pk_')) {
    throw new MalformedApiKeyError(
      'A publishable key (pk_…) was given; the API client needs a secret key (sk_test_… or sk_live_…), ' +
        'used only on your server.',
    );
  }
  if (key.startsWith('whsec_')) {
    throw new MalformedApiKeyError(
      'A webhook signing secret (whsec_…) was given as apiKey. Pass it to Webhooks.constructEvent to verify ' +
        'webhooks; the API client needs a secret key (sk_test_… or sk_live_…).',
    );
  }
  const live = key.startsWith('sk_live_');
  if (!live && !key.startsWith('sk_test_')) {
    throw new MalformedApiKeyError(
      'The API key must start with sk_test_ or sk_live_; check that the whole secret key was copied.',
    );
  }
  const prefix = key.slice(0, PREFIX_LENGTH);
  const expectedLength = PREFIX_LENGTH + RANDOM_LENGTH + CHECKSUM_LENGTH;
  if (key.length !== expectedLength) {
    throw new MalformedApiKeyError(
      `The ${prefix}… key has ${key.length} characters, but Proofdesk keys have ${expectedLength}; ` +
        'check that it was copied whole, without spaces or quotes.',
    );
  }
  if (![...key.slice(PREFIX_LENGTH)].every((c) => BASE62.includes(c))) {
    throw new MalformedApiKeyError(
      `The ${prefix}… key contains characters other than letters and digits after its prefix; ` +
        'check that it was copied whole.',
    );
  }
  const body = key.slice(0, key.length - CHECKSUM_LENGTH);
  if (checksum(body) !== key.slice(key.length - CHECKSUM_LENGTH)) {
    throw new MalformedApiKeyError(
      `The ${prefix}… key's checksum does not match: a character was changed or mistyped. Copy the key again.`,
    );
  }
  return live;
}

/** The base62 CRC32 that ends every key. */
export function checksum(body: string): string {
  let value = crc32(new TextEncoder().encode(body));
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
