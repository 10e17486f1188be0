export { appendEntries, entryBytes, leafHash, type AppendedEntry, type LedgerDraft } from './append.js';
export { canonicalJson, type JsonValue } from './canonical-json.js';
export { entriesForSubject, ledgerSize, type LedgerEntryView } from './read-entries.js';
export { ledgerLogs, type LedgerLog } from './types.js';
export { entryKinds, searchEntries, type EntrySearch, type FoundEntry } from './search.js';
