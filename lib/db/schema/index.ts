export * from './users';
export * from './system';
export * from './exchange';
export * from './market-data';
