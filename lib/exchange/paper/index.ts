export { createPaperExchange, PAPER_CAPABILITIES, type PaperExchange } from './paper-exchange';
export { type PaperExchangeOptions } from './paper-context';
export { type MatchReport } from './match-open-orders';
export { resetPaperAccount } from './reset-paper-account';
export { paperSettingsSchema, readPaperSettings, type PaperSettings } from './paper-settings';
export { ensurePaperAccount } from '../../db/queries/paper';
