export {
  appendEntries,
  entryBytes,
  leafHash,
  type AppendedEntry,
  type LedgerDraft,
  type LedgerLog,
} from './append.js';
export { canonicalJson, type JsonValue } from './canonical-json.js';
export { entriesForSubject, ledgerSize, type LedgerEntryView } from './read-entries.js';
