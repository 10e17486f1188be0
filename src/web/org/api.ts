import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  GapReport,
  HistoryEntry,
  StaffView,
  UnitCompartments,
  UnitDetail,
  UnitSummary,
} from '../../shared/api-types.js';
import { api, historyPath, withQuery } from '../api/client.js';
import type { ContactChart, ImportRequest, ImportResult, OrgSheet } from './types.js';

export const orgKeys = {
  all: ['org'] as const,
  units: ['org', 'units'] as const,
  unit: (id: string) => ['org', 'unit', id] as const,
  compartments: (unitId: string) => ['org', 'compartments', unitId] as const,
  staff: (params: StaffSearch) => ['org', 'staff', params] as const,
  gaps: ['org', 'gaps'] as const,
  chart: ['org', 'chart'] as const,
  history: (subject: string) => ['records', 'history', subject] as const,
};

export interface StaffSearch {
  q?: string;
  unitId?: string;
  limit?: number;
  offset?: number;
}

const seg = encodeURIComponent;

export const useUnits = () =>
  useQuery({ queryKey: orgKeys.units, queryFn: () => api<UnitSummary[]>('/api/org/units') });

export const useUnit = (id: string) =>
  useQuery({ queryKey: orgKeys.unit(id), queryFn: () => api<UnitDetail>(`/api/org/units/${seg(id)}`) });

export const useStaffSearch = (params: StaffSearch, enabled = true) =>
  useQuery({
    queryKey: orgKeys.staff(params),
    queryFn: () => api<{ items: StaffView[]; total: number }>('/api/org/staff', { query: { ...params } }),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useGapReport = () =>
  useQuery({ queryKey: orgKeys.gaps, queryFn: () => api<GapReport>('/api/org/gap-report') });

export const useContactChart = () =>
  useQuery({ queryKey: orgKeys.chart, queryFn: () => api<ContactChart>('/api/org/contact-chart') });

export const useHistory = (subject: string, enabled: boolean) =>
  useQuery({
    queryKey: orgKeys.history(subject),
    queryFn: () => api<HistoryEntry[]>(historyPath(subject)),
    enabled,
  });

export const importOrg = (dryRun: boolean, body: ImportRequest): Promise<ImportResult> =>
  api<ImportResult>('/api/org/import', { method: 'POST', query: { dryRun }, body });

export const exportUrl = (format: 'xlsx' | 'csv', sheet?: OrgSheet): string =>
  withQuery('/api/org/export', { format, sheet });

export const contactChartPdfUrl = '/api/org/contact-chart.pdf';

/** Compartments of a unit (第7 1(1)イ): all for whoever manages them, else the caller's own. */
export const useCompartments = (unitId: string) =>
  useQuery({
    queryKey: orgKeys.compartments(unitId),
    queryFn: () => api<UnitCompartments>(`/api/org/units/${seg(unitId)}/compartments`),
  });

export interface NewCompartment {
  nameJa: string;
  nameEn: string;
  purpose: string;
  validFrom: string;
}

export const createCompartment = (unitId: string, body: NewCompartment): Promise<{ id: string }> =>
  api(`/api/org/units/${seg(unitId)}/compartments`, { method: 'POST', body });

export const renameCompartment = (id: string, body: { nameJa: string; nameEn: string }): Promise<unknown> =>
  api(`/api/org/compartments/${seg(id)}`, { method: 'PUT', body });

export const closeCompartment = (id: string, body: { validTo: string; reason: string }): Promise<unknown> =>
  api(`/api/org/compartments/${seg(id)}/close`, { method: 'POST', body });

export const addCompartmentMember = (
  id: string,
  body: { employeeNumber: string; startDate: string; endDate: string; note: string },
): Promise<{ id: string }> => api(`/api/org/compartments/${seg(id)}/members`, { method: 'POST', body });

export const endCompartmentMember = (id: string, membershipId: string, endDate: string): Promise<unknown> =>
  api(`/api/org/compartments/${seg(id)}/members/${seg(membershipId)}/end`, {
    method: 'POST',
    body: { endDate },
  });
