/**
 * Binance spot error answers with the venue's exact codes and texts: ccxt maps errors by message
 * first and by code second, so the wording must match the real API to the character.
 */
export interface BinanceErrorBody {
  code: number;
  msg: string;
}

/** An error answer: HTTP status plus Binance's JSON body. */
export class BinanceApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: BinanceErrorBody,
  ) {
    super(body.msg);
    this.name = 'BinanceApiError';
  }
}

const error = (status: number, code: number, msg: string) =>
  new BinanceApiError(status, { code, msg });

export const binanceErrors = {
  badSignature: () => error(400, -1022, 'Signature for this request is not valid.'),
  apiKeyFormat: () => error(401, -2014, 'API-key format invalid.'),
  invalidApiKey: () => error(401, -2015, 'Invalid API-key, IP, or permissions for action.'),
  outsideRecvWindow: () =>
    error(400, -1021, 'Timestamp for this request is outside of the recvWindow.'),
  aheadOfServer: () =>
    error(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time."),
  recvWindowTooLarge: () => error(400, -1131, 'recvWindow must be less than 60000'),
  insufficientBalance: () =>
    error(400, -2010, 'Account has insufficient balance for requested action.'),
  duplicateOrder: () => error(400, -2010, 'Duplicate order sent.'),
  wouldTriggerImmediately: () => error(400, -2010, 'Stop price would trigger immediately.'),
  wouldMatchAndTake: () => error(400, -2010, 'Order would immediately match and take.'),
  orderDoesNotExist: () => error(400, -2013, 'Order does not exist.'),
  unknownOrder: () => error(400, -2011, 'Unknown order sent.'),
  orderListDoesNotExist: () => error(400, -2011, 'Unknown order sent.'),
  archived: () =>
    error(
      400,
      -2026,
      'Order was canceled or expired with no executed qty over 90 days ago and has been archived.',
    ),
  filterFailure: (filter: string) => error(400, -1013, `Filter failure: ${filter}`),
  marketClosed: () => error(400, -1013, 'Market is closed.'),
  invalidSymbol: () => error(400, -1121, 'Invalid symbol.'),
  invalidInterval: () => error(400, -1120, 'Invalid interval.'),
  invalidSide: () => error(400, -1117, 'Invalid side.'),
  invalidOrderType: () => error(400, -1116, 'Invalid orderType.'),
  invalidTimeInForce: () => error(400, -1115, 'Invalid timeInForce.'),
  unsupportedOrderCombination: () => error(400, -1014, 'Unsupported order combination.'),
  mandatory: (param: string) =>
    error(400, -1102, `Mandatory parameter '${param}' was not sent, was empty/null, or malformed.`),
  eitherParam: (a: string, b: string) =>
    error(400, -1102, `Param '${a}' or '${b}' must be sent, but both were empty/null!`),
  badParamValue: (param: string) =>
    error(
      400,
      -1100,
      `Illegal characters found in parameter '${param}'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.`,
    ),
  invalidLimit: () => error(400, -1130, "Data sent for parameter 'limit' is not valid."),
  unknownPath: () => error(404, -1000, 'Not found.'),
  tooManyRequests: () =>
    error(
      429,
      -1003,
      'Too many requests; current limit is 6000 request weight per 1 MINUTE. Please use the websocket for live updates to avoid polling the API.',
    ),
  banned: (untilMs: number) =>
    error(
      418,
      -1003,
      `Way too many requests; IP(127.0.0.1) banned until ${untilMs}. Please use the websocket for live updates to avoid bans.`,
    ),
} as const;
