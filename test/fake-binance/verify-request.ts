/**
 * Binance's checks on a SIGNED request: API key header, HMAC-SHA256 signature over
 * `totalParams` (the raw query string, signature removed, followed by the raw body), and the
 * timestamp window (`recvWindow`, default 5000 ms, at most 60000; at most 1 s ahead).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { binanceErrors } from './binance-errors';
import { type IncomingCall } from './loopback-server';

const withoutSignature = (raw: string): string =>
  raw
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('signature='))
    .join('&');

export function signPayload(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

/** Throws Binance's answer when the key, the signature or the timestamp is wrong. */
export function verifySignedRequest(
  call: IncomingCall,
  credentials: { apiKey: string; secret: string },
  now: number,
): void {
  const key = call.headers['x-mbx-apikey'];
  if (typeof key !== 'string' || !/^[A-Za-z0-9]{1,128}$/.test(key))
    throw binanceErrors.apiKeyFormat();
  if (key !== credentials.apiKey) throw binanceErrors.invalidApiKey();
  const signature = call.params.signature;
  if (!signature) throw binanceErrors.mandatory('signature');
  const expected = signPayload(
    withoutSignature(call.rawQuery) + withoutSignature(call.rawBody),
    credentials.secret,
  );
  const given = Buffer.from(signature.toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected)))
    throw binanceErrors.badSignature();
  const timestamp = Number(call.params.timestamp);
  if (!call.params.timestamp || !Number.isInteger(timestamp))
    throw binanceErrors.mandatory('timestamp');
  const recvWindow = call.params.recvWindow === undefined ? 5000 : Number(call.params.recvWindow);
  if (!(recvWindow <= 60_000)) throw binanceErrors.recvWindowTooLarge();
  if (timestamp > now + 1000) throw binanceErrors.aheadOfServer();
  if (now - timestamp > recvWindow) throw binanceErrors.outsideRecvWindow();
}
