export {
  startFakeAlpaca,
  FAKE_ALPACA_KEY_ID,
  FAKE_ALPACA_SECRET,
  type FakeAlpaca,
  type FakeAlpacaOptions,
} from './start-fake-alpaca';
export { DEFAULT_ASSETS as DEFAULT_ALPACA_ASSETS, type FakeAsset } from './alpaca-ledger';
