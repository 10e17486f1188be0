/** The two logs of a deployment: every state change in Mamori, and access logs ingested from other systems. */
export const ledgerLogs = ['audit', 'vault'] as const;
export type LedgerLog = (typeof ledgerLogs)[number];
