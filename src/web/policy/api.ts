import { useQuery } from '@tanstack/react-query';
import type {
  ChecklistView,
  ComplianceClauseDetail,
  ComplianceOverview,
  ComplianceTrendView,
  PolicyDocumentView,
} from '../../shared/api-types.js';
import type { PolicyParametersView, UnitProcedureView } from '../../shared/policy-api-types.js';
import { api, withQuery } from '../api/client.js';

export const complianceKeys = {
  all: ['compliance'] as const,
  document: ['compliance', 'document'] as const,
  status: ['compliance', 'status'] as const,
  clause: (id: string) => ['compliance', 'clause', id] as const,
  trend: (since: string | null) => ['compliance', 'trend', since] as const,
  checklist: ['compliance', 'checklist'] as const,
  parameters: ['compliance', 'parameters'] as const,
  procedures: ['compliance', 'procedures'] as const,
};

const seg = encodeURIComponent;

/** The standard's text does not change while the server runs. */
export const usePolicyDocument = () =>
  useQuery({
    queryKey: complianceKeys.document,
    queryFn: () => api<PolicyDocumentView>('/api/policy/document'),
    staleTime: Infinity,
  });

export const useComplianceStatus = () =>
  useQuery({ queryKey: complianceKeys.status, queryFn: () => api<ComplianceOverview>('/api/compliance/status') });

export const useClauseCompliance = (clauseId: string | null) =>
  useQuery({
    queryKey: complianceKeys.clause(clauseId ?? ''),
    queryFn: () => api<ComplianceClauseDetail>(`/api/compliance/clauses/${seg(clauseId ?? '')}`),
    enabled: clauseId !== null,
  });

export const useComplianceTrend = (since: string | null) =>
  useQuery({
    queryKey: complianceKeys.trend(since),
    queryFn: () => api<ComplianceTrendView>(withQuery('/api/compliance/trend', { since })),
  });

export const useChecklist = () =>
  useQuery({ queryKey: complianceKeys.checklist, queryFn: () => api<ChecklistView>('/api/compliance/checklist') });

export const recordExclusion = (body: { clauseId: string; unitCode: string | null; reason: string }) =>
  api<{ id: string }>('/api/compliance/exclusions', { method: 'POST', body });

export const endExclusion = (id: string, reason: string) =>
  api<{ id: string }>(`/api/compliance/exclusions/${seg(id)}/end`, { method: 'POST', body: { reason } });

export const takeSnapshot = () => api<{ id: string }>('/api/compliance/snapshots', { method: 'POST', body: {} });

export const recordChecklistAnswer = (
  itemId: string,
  body: { answer: 'yes' | 'no'; note: string; confirmedOn?: string; targetDate?: string | null },
) => api<{ id: string }>(`/api/compliance/checklist/items/${seg(itemId)}/answer`, { method: 'POST', body });

export const reportUrl = (format: 'pdf' | 'xlsx'): string => `/api/compliance/report.${format}`;
export const checklistUrl = (format: 'pdf' | 'xlsx'): string => `/api/compliance/checklist.${format}`;

/** The pack's parameters: value in force, default and the versions the committee approved (第3 6(2), 第9 3). */
export const usePolicyParameters = () =>
  useQuery({
    queryKey: complianceKeys.parameters,
    queryFn: () => api<PolicyParametersView>('/api/policy/parameters'),
  });

/** Bureaus' and divisions' implementing procedures with the Director's opinion (第3 3(2)). */
export const useUnitProcedures = () =>
  useQuery({
    queryKey: complianceKeys.procedures,
    queryFn: () => api<UnitProcedureView[]>('/api/policy/procedures'),
  });

/** The request form for a change of one parameter (the approvals page, filled in). */
export const changeRequestPath = (key: string): string =>
  `/approvals/new?${new URLSearchParams({ type: 'policy.change', 'f.parameterKey': key }).toString()}`;
