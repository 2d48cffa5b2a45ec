/**
 * The live-update contract shared by the worker's Socket.IO server, every publisher (web and
 * worker) and the browser. Browser code imports this file: it holds types, constants and zod
 * schemas only (type-only imports from the DB schema are erased at build time; `zod/mini` keeps
 * the browser bundle small).
 *
 * Events are small notifications, not the data itself: ids, statuses and the few numbers a page
 * shows at once. Pages keep their data in TanStack Query and refetch what an event invalidates.
 * Money and quantities are decimal strings, exactly as stored; times are ISO 8601 strings.
 */
import * as z from 'zod/mini';
import type {
  Bot,
  BotCycle,
  ExchangeAccount,
  Order,
  Position,
  Signal,
  UserRole,
} from '../db/schema';

/** The room every socket of one user joins. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** The room admins' sockets also join (system log, system-wide job progress). */
export const ADMIN_ROOM = 'admin';

/** A bot was started, stopped, paused or resumed (by a user or by the system, e.g. a halt). */
export interface BotStatusEvent {
  botId: string;
  status: Bot['status'];
  reason: string | null;
  at: string;
}

export interface CycleStartedEvent {
  botId: string;
  cycleId: string;
  slotAt: string;
  at: string;
}

export interface CycleFinishedEvent {
  botId: string;
  cycleId: string;
  outcome: BotCycle['outcome'];
  /** What the cycle decided (buy / sell / hold / close), when it got that far. */
  action: string | null;
  signalId: string | null;
  durationMs: number;
  message: string | null;
  at: string;
}

/** A strategy (rule or AI) decided; `decisionId` links an AI decision log row. */
export interface DecisionEvent {
  botId: string;
  cycleId: string | null;
  decisionId: string | null;
  strategyKind: Bot['strategyKind'];
  action: 'buy' | 'sell' | 'hold' | 'close';
  confidence: number | null;
  /** A short summary for a toast or a list row (the full text is in the decision log). */
  summary: string | null;
  at: string;
}

export interface SignalReceivedEvent {
  signalId: string;
  botId: string | null;
  source: Signal['source'];
  symbol: string;
  action: Signal['action'];
  at: string;
}

/** The signal went through the risk engine: executed, rejected (with the reason) or failed. */
export interface SignalDecidedEvent {
  signalId: string;
  botId: string | null;
  status: Signal['status'];
  reason: string | null;
  at: string;
}

export interface OrderUpdatedEvent {
  orderId: string;
  botId: string | null;
  positionId: string | null;
  symbol: string;
  side: Order['side'];
  role: Order['role'];
  status: Order['status'];
  quantity: string;
  filledQuantity: string;
  averagePrice: string | null;
  at: string;
}

export interface PositionOpenedEvent {
  positionId: string;
  botId: string | null;
  symbol: string;
  quantity: string;
  entryPrice: string;
  takeProfit: string | null;
  stopLoss: string | null;
  protection: Position['protection'];
  at: string;
}

export interface PositionClosedEvent {
  positionId: string;
  botId: string | null;
  symbol: string;
  exitPrice: string | null;
  exitReason: NonNullable<Position['exitReason']>;
  realizedPnl: string | null;
  realizedPnlPct: string | null;
  durationMs: number | null;
  at: string;
}

/**
 * The latest price of a symbol a user trades (sent to that user's room, throttled to one per
 * account and symbol every few seconds): the price the account's venue quotes.
 */
export interface PriceTickEvent {
  accountId: string;
  venue: ExchangeAccount['venue'];
  symbol: string;
  price: string;
  time: string;
}

/** One line of a bot's own log (the bot page streams it). */
export interface BotLogEvent {
  botId: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  time: string;
}

/** One line of the system log (admin console only). */
export interface LogLineEvent {
  level: 'debug' | 'info' | 'warn' | 'error';
  source: string;
  message: string;
  time: string;
}

/** Progress of a long job, e.g. a backtest: `percent` from 0 to 100. */
export interface JobProgressEvent {
  jobId: string;
  kind: 'backtest' | 'reflection' | 'export' | (string & {});
  status: 'queued' | 'running' | 'completed' | 'failed';
  percent: number;
  message: string | null;
  at: string;
}

/** Event name → payload: the one map both sides are typed against. */
export interface RealtimeEventMap {
  'bot:status': BotStatusEvent;
  'bot:log': BotLogEvent;
  'cycle:started': CycleStartedEvent;
  'cycle:finished': CycleFinishedEvent;
  'decision:made': DecisionEvent;
  'signal:received': SignalReceivedEvent;
  'signal:decided': SignalDecidedEvent;
  'order:updated': OrderUpdatedEvent;
  'position:opened': PositionOpenedEvent;
  'position:closed': PositionClosedEvent;
  'price:tick': PriceTickEvent;
  'log:line': LogLineEvent;
  'job:progress': JobProgressEvent;
}

export type RealtimeEvent = keyof RealtimeEventMap;

export const REALTIME_EVENTS = [
  'bot:status',
  'bot:log',
  'cycle:started',
  'cycle:finished',
  'decision:made',
  'signal:received',
  'signal:decided',
  'order:updated',
  'position:opened',
  'position:closed',
  'price:tick',
  'log:line',
  'job:progress',
] as const satisfies readonly RealtimeEvent[];

/** Events that may only ever go to the admin room. */
export const ADMIN_ONLY_EVENTS = ['log:line'] as const satisfies readonly RealtimeEvent[];
export type AdminOnlyEvent = (typeof ADMIN_ONLY_EVENTS)[number];

export function isAdminOnlyEvent(event: RealtimeEvent): event is AdminOnlyEvent {
  return (ADMIN_ONLY_EVENTS as readonly RealtimeEvent[]).includes(event);
}

/** Socket.IO's typing: what the server sends to browsers. */
export type ServerToClientEvents = {
  [E in RealtimeEvent]: (payload: RealtimeEventMap[E]) => void;
};

/** Browsers send nothing: a socket's rooms follow from who it authenticated as. */
export type ClientToServerEvents = Record<never, never>;

/** What the server knows about an authenticated socket. */
export interface RealtimeSocketData {
  userId: string;
  role: UserRole;
}

/**
 * Why the server refused a connection, in `connect_error`'s `err.data.code`. `token_*` codes
 * mean "get a fresh token and try again"; `user_inactive` means "stop: signed out or disabled".
 */
export const connectErrorCodes = [
  'token_missing',
  'token_expired',
  'token_invalid',
  'user_inactive',
  'server_error',
] as const;
export type ConnectErrorCode = (typeof connectErrorCodes)[number];

export const connectErrorDataSchema = z.object({
  code: z.enum(connectErrorCodes),
  message: z.string(),
});
export type ConnectErrorData = z.infer<typeof connectErrorDataSchema>;

/** `GET /api/realtime/token`'s body: a token valid for 60 s and the Socket.IO server's URL. */
export const realtimeTokenResponseSchema = z.object({
  token: z.string().check(z.minLength(1)),
  url: z.url(),
});
export type RealtimeTokenResponse = z.infer<typeof realtimeTokenResponseSchema>;
