import { createHash, randomBytes } from 'node:crypto';

/** Link tokens and session ids are stored hashed: a read of the table signs nobody in. */
export const hashSecret = (value: string): string => createHash('sha256').update(value).digest('hex');

export const newSecret = (): string => randomBytes(32).toString('base64url');

/** base64url of 32 bytes; anything else is refused before a database look-up. */
export const looksLikeSecret = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value);
