import { type RiskPolicy } from './policy-schema';

/**
 * Defaults, following common practice. Rules that are off by default still carry the value
 * they start with when switched on. See README.md for the reasoning behind each number.
 */
export const DEFAULT_RISK_POLICY: RiskPolicy = {
  killSwitch: { enabled: true, allowReducing: true },
  maxDrawdown: { enabled: false, maxPct: 25 },
  dailyLoss: { enabled: false, maxLoss: null, maxLossPct: 5 },
  tradingHours: { enabled: false, windows: [], days: [0, 1, 2, 3, 4, 5, 6] },
  minConfidence: { enabled: true, min: 60 },
  minBalance: { enabled: true, min: 10 },
  minTradeValue: { enabled: true, min: 5, minPct: null },
  maxTradeValue: { enabled: true, max: null, maxPct: 10 },
  riskPerTrade: { enabled: true, pct: 1, requireStop: false },
  maxOpenPositions: { enabled: true, total: 10, perBot: 1 },
  maxOpenOrdersPerSymbol: { enabled: true, max: 1 },
  maxTradesPerDay: { enabled: true, max: 10 },
  maxOrderValue: { enabled: false, max: 1000 },
  maxPositionValue: { enabled: false, max: 5000 },
  duplicateCooldown: { enabled: true, seconds: 60 },
  stopLossCooldown: { enabled: false, minutes: 60 },
  performance: {
    enabled: true,
    minTrades: 5,
    winRateBelowPct: 40,
    losingStreakAtLeast: 3,
    confidenceIncrease: 10,
    sizeMultiplier: 0.5,
  },
};
