// Exchange accounts and the paper exchange's tables (issue 4).
export {};
