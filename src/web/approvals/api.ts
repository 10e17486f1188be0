import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApprovalRequestSummary,
  ApprovalRequestView,
  ApprovalTaskView,
  ApprovalTypeView,
  NotificationView,
} from '../../shared/api-types.js';
import { api } from '../api/client.js';

export type FormValue = string | number | boolean | null;
export type FormValues = Record<string, FormValue>;

export interface DraftBody {
  typeId: string;
  form: FormValues;
  resourceUnitId?: string | null;
}

export const approvalKeys = {
  all: ['approvals'] as const,
  types: ['approvals', 'types'] as const,
  tasks: ['approvals', 'tasks'] as const,
  mine: ['approvals', 'mine'] as const,
  request: (id: string) => ['approvals', 'request', id] as const,
  notifications: ['approvals', 'notifications'] as const,
};

const seg = encodeURIComponent;

export const useRequestTypes = () =>
  useQuery({
    queryKey: approvalKeys.types,
    queryFn: () => api<ApprovalTypeView[]>('/api/approvals/types'),
    staleTime: 10 * 60_000,
  });

export const useMyTasks = () =>
  useQuery({ queryKey: approvalKeys.tasks, queryFn: () => api<ApprovalTaskView[]>('/api/approvals/tasks') });

export const useMyRequests = () =>
  useQuery({
    queryKey: approvalKeys.mine,
    queryFn: () => api<ApprovalRequestSummary[]>('/api/approvals/requests'),
  });

export const useRequest = (id: string) =>
  useQuery({
    queryKey: approvalKeys.request(id),
    queryFn: () => api<ApprovalRequestView>(`/api/approvals/requests/${seg(id)}`),
  });

export const useNotifications = () =>
  useQuery({
    queryKey: approvalKeys.notifications,
    queryFn: () => api<{ unread: number; items: NotificationView[] }>('/api/approvals/notifications'),
  });

export const recordPdfUrl = (id: string): string => `/api/approvals/requests/${seg(id)}/record.pdf`;

interface Created {
  id: string;
  refNo: string;
  status: string;
}

export const submitNew = (body: DraftBody) =>
  api<Created>('/api/approvals/requests/submit', { method: 'POST', body: { draft: body } });
export const saveDraft = (body: DraftBody) =>
  api<Created>('/api/approvals/requests', { method: 'POST', body });
export const recordEmergency = (body: DraftBody & { carriedOutAt: string }) =>
  api<Created>('/api/approvals/emergencies', { method: 'POST', body });

export type RequestAction =
  | { kind: 'decision'; decision: 'approve' | 'reject'; comment: string; overrideReason?: string }
  | { kind: 'acknowledge'; comment: string }
  | { kind: 'withdraw'; reason: string }
  | { kind: 'submit' }
  | { kind: 'report' };

const perform = (id: string, action: RequestAction) => {
  const path = `/api/approvals/requests/${seg(id)}`;
  switch (action.kind) {
    case 'decision':
      return api<{ status: string }>(`${path}/decision`, {
        method: 'POST',
        body: {
          decision: action.decision,
          comment: action.comment === '' ? null : action.comment,
          ...(action.overrideReason === undefined ? {} : { overrideReason: action.overrideReason }),
        },
      });
    case 'acknowledge':
      return api<{ status: string }>(`${path}/acknowledge`, {
        method: 'POST',
        body: { comment: action.comment === '' ? null : action.comment },
      });
    case 'withdraw':
      return api<{ status: string }>(`${path}/withdraw`, {
        method: 'POST',
        body: { reason: action.reason === '' ? null : action.reason },
      });
    case 'submit':
      return api<{ status: string }>(`${path}/submit`, { method: 'POST' });
    case 'report':
      return api<{ status: string }>(`${path}/report`, { method: 'POST', body: {} });
  }
};

/** Acts on a request, then re-reads it, my tasks, my requests and my notifications. */
export const useRequestAction = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: RequestAction) => perform(id, action),
    onSuccess: () => client.invalidateQueries({ queryKey: approvalKeys.all }),
  });
};

export const useMarkRead = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      api<{ read: number }>('/api/approvals/notifications/read', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: approvalKeys.notifications }),
  });
};
