import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  LedgerLogName,
  LedgerSearchResult,
  LedgerStatusView,
  LedgerVerificationView,
} from '../../shared/ledger-api-types.js';
import { api } from '../api/client.js';

/** What the entry list is filtered by; times are ISO instants with an offset (the page sends Japan time). */
export interface LedgerFilter {
  log: LedgerLogName;
  actor?: string;
  kind?: string;
  subject?: string;
  from?: string;
  to?: string;
}

export const ledgerKeys = {
  all: ['ledger'] as const,
  status: ['ledger', 'status'] as const,
  kinds: (log: LedgerLogName) => ['ledger', 'kinds', log] as const,
  search: (filter: LedgerFilter, before: string | null) => ['ledger', 'search', filter, before] as const,
};

const seg = encodeURIComponent;

export const PAGE_SIZE = 50;

export const useLedgerStatus = () =>
  useQuery({ queryKey: ledgerKeys.status, queryFn: () => api<LedgerStatusView>('/api/ledger/status') });

export const useLedgerKinds = (log: LedgerLogName) =>
  useQuery({
    queryKey: ledgerKeys.kinds(log),
    queryFn: () => api<string[]>(`/api/ledger/${seg(log)}/kinds`),
  });

export const useLedgerSearch = (filter: LedgerFilter, before: string | null) =>
  useQuery({
    queryKey: ledgerKeys.search(filter, before),
    queryFn: () =>
      api<LedgerSearchResult>('/api/ledger/search', {
        query: { ...filter, before, limit: PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });

/** Recomputes the whole log on the server; the run is recorded (a `ledger.verified` entry). */
export const runVerification = (log: LedgerLogName) =>
  api<LedgerVerificationView>(`/api/ledger/${seg(log)}/verifications`, { method: 'POST' });

/** Signs a checkpoint now if the log grew; the answer is the signed note. */
export const signCheckpoint = (log: LedgerLogName) =>
  api<string>(`/api/ledger/${seg(log)}/checkpoint`, { method: 'POST', responseType: 'text' });

/** The proof file of one entry (downloaded: the route answers with content-disposition attachment). */
export const proofUrl = (log: LedgerLogName, index: number): string =>
  `/api/ledger/${seg(log)}/entries/${String(index)}/proof`;
