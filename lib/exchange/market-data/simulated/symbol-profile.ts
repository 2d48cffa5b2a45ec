/**
 * What the simulated market knows about a symbol: its price level, its volatility, its traded
 * volume and its filters. Known majors get realistic levels; anything else is derived from a
 * hash of the asset name, so every `BASE/QUOTE` has a stable, plausible personality.
 */
import { hashString, uniform } from './hash';

/** Stablecoins priced at one US dollar. */
const USD_ASSETS = new Set(['USDT', 'USDC', 'FDUSD', 'BUSD', 'TUSD', 'DAI', 'USD', 'USDP']);

interface AssetTraits {
  /** Typical price in USD. */
  usd: number;
  /** Per-minute log-return standard deviation in the normal regime. */
  minuteVol: number;
  /** Typical traded value per minute, USD. */
  usdVolumePerMinute: number;
}

const KNOWN_ASSETS: Record<string, AssetTraits> = {
  BTC: { usd: 60_000, minuteVol: 0.0007, usdVolumePerMinute: 1_200_000 },
  ETH: { usd: 3_000, minuteVol: 0.0009, usdVolumePerMinute: 500_000 },
  SOL: { usd: 150, minuteVol: 0.0013, usdVolumePerMinute: 200_000 },
  BNB: { usd: 550, minuteVol: 0.0009, usdVolumePerMinute: 80_000 },
  XRP: { usd: 0.55, minuteVol: 0.0011, usdVolumePerMinute: 90_000 },
  DOGE: { usd: 0.12, minuteVol: 0.0014, usdVolumePerMinute: 70_000 },
  ADA: { usd: 0.45, minuteVol: 0.0012, usdVolumePerMinute: 30_000 },
  AVAX: { usd: 35, minuteVol: 0.0014, usdVolumePerMinute: 25_000 },
  LINK: { usd: 15, minuteVol: 0.0013, usdVolumePerMinute: 25_000 },
  LTC: { usd: 80, minuteVol: 0.0011, usdVolumePerMinute: 20_000 },
};

function assetTraits(asset: string): AssetTraits {
  const known = KNOWN_ASSETS[asset];
  if (known) return known;
  if (USD_ASSETS.has(asset)) return { usd: 1, minuteVol: 0.00002, usdVolumePerMinute: 50_000 };
  const key = hashString(`asset:${asset}`);
  return {
    usd: 10 ** (-2 + 4.5 * uniform(key, 0, 0)),
    minuteVol: 0.0009 + 0.0009 * uniform(key, 0, 1),
    usdVolumePerMinute: 10 ** (3.5 + 1.5 * uniform(key, 0, 2)),
  };
}

export interface SymbolProfile {
  symbol: string;
  base: string;
  quote: string;
  /** Random key for this (seed, symbol): every draw of the path hangs off it. */
  key: number;
  /** Long-run price level in quote currency. */
  basePrice: number;
  /** Per-minute log-return standard deviation in the normal regime. */
  minuteVol: number;
  /** Typical traded value per minute in quote currency. */
  quoteVolumePerMinute: number;
  tickSize: string;
  stepSize: string;
  maxQty: string;
  /** Minimum order value in quote currency. */
  minNotional: string;
}

/** Splits `BASE/QUOTE`; returns null for anything else. */
export function splitSymbol(symbol: string): { base: string; quote: string } | null {
  const match = /^([A-Z0-9]{1,20})\/([A-Z0-9]{1,20})$/.exec(symbol);
  return match?.[1] && match[2] ? { base: match[1], quote: match[2] } : null;
}

/** `10^exponent` as a plain decimal string: 2 → "100", -3 → "0.001". */
export function powerOfTenText(exponent: number): string {
  return exponent >= 0 ? `1${'0'.repeat(exponent)}` : `0.${'0'.repeat(-exponent - 1)}1`;
}

/** The profile of `symbol` under `seed`, or null when the symbol is not `BASE/QUOTE`. */
export function symbolProfile(seed: string, symbol: string): SymbolProfile | null {
  const parts = splitSymbol(symbol);
  if (!parts) return null;
  const base = assetTraits(parts.base);
  const quote = assetTraits(parts.quote);
  const basePrice = base.usd / quote.usd;
  const magnitude = Math.floor(Math.log10(basePrice));
  const tickExponent = Math.min(-2, magnitude - 4);
  const stepExponent = Math.ceil(Math.log10(1 / base.usd)) - 1;
  const maxQtyExponent = Math.floor(Math.log10(5e8 / base.usd));
  const quoteIsUsd = USD_ASSETS.has(parts.quote);
  return {
    symbol,
    ...parts,
    key: hashString(`${seed}|${symbol}`),
    basePrice,
    minuteVol: Math.max(base.minuteVol, quote.minuteVol),
    quoteVolumePerMinute: base.usdVolumePerMinute / quote.usd,
    tickSize: powerOfTenText(tickExponent),
    stepSize: powerOfTenText(stepExponent),
    maxQty: `9${'0'.repeat(Math.max(0, maxQtyExponent))}`,
    minNotional: quoteIsUsd ? '5' : powerOfTenText(Math.floor(Math.log10(5 / quote.usd))),
  };
}
