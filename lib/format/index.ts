/**
 * Display formatting for money, percentages, quantities and times. Pure functions usable in
 * server and client components alike. Inputs may be decimal strings (as stored) or numbers;
 * a missing or non-finite value renders as an em dash.
 */
export { formatMoney, formatSignedMoney, formatPrice, formatQty } from './money';
export { formatPercent, formatSignedPercent, formatRatio } from './percent';
export { formatDateTime, formatDuration, formatRelative, formatTime } from './time';
export { toneOf, toneClass, type Tone } from './tone';
