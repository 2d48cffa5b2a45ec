export { describeExchangeContract } from './describe-exchange-contract';
export { type ContractOptions, type ContractVenue } from './contract-types';
