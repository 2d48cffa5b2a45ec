export {
  createCcxtExchange,
  type CcxtExchangeOptions,
  type CcxtVenue,
} from './create-ccxt-exchange';
export { overrideApiUrls } from './override-api-urls';
export { BINANCE_CAPABILITIES } from './binance-profile';
export { ALPACA_CAPABILITIES } from './alpaca-profile';
export { type GracePeriod } from './resolve-unknown';
