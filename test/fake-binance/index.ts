export {
  startFakeBinance,
  FAKE_BINANCE_API_KEY,
  FAKE_BINANCE_SECRET,
  type FakeBinance,
  type FakeBinanceOptions,
} from './start-fake-binance';
export { type Fault, type RecordedRequest } from './faults';
export { DEFAULT_SYMBOLS, type FakeSymbol } from './symbols';
export { signPayload } from './verify-request';
