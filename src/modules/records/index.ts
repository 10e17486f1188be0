// Cross-cutting record views: the history tab every record has.
export { listRecordHistory } from './list-record-history.js';
export { registerRecordsRoutes } from './records.routes.js';
export { searchLedgerEntries } from './search-ledger-entries.js';
