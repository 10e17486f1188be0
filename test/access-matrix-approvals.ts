// The access-matrix test's requests for the approvals routes (issue 5).
import { approvalCarryOut, fixed, keepNurse, nurse, type Case } from './access-matrix-kit.js';

export const approvalRequests: Record<string, readonly Case[]> = {
  // Approvals: each person works on their own request (an approver's own request is refused, 第3 7(1)).
  'POST /api/approvals/requests': [
    {
      url: fixed('/api/approvals/requests'),
      body: () => ({ typeId: 'people.carryOut', form: { item: '行列試験' } }),
      then: keepNurse('draft', 'approvalDraft'),
    },
  ],
  'POST /api/approvals/requests/submit': [
    {
      url: fixed('/api/approvals/requests/submit'),
      body: () => ({ draft: { typeId: 'people.carryOut', form: approvalCarryOut } }),
      then: keepNurse('request', 'approvalRequest'),
    },
  ],
  'GET /api/approvals/requests/{id}': [
    {
      name: 'own request',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalRequest') ?? 'none'}`,
    },
    // Her ward's Manager (the step's seat), the Officer above, the security office and auditors read it.
    { name: "the nurse's request", url: () => `/api/approvals/requests/${nurse('request')}` },
  ],
  'POST /api/approvals/requests/{id}/submit': [
    {
      name: 'own incomplete draft',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalDraft') ?? 'none'}/submit`,
    },
    // Only she submits it (400: hers, still incomplete).
    { name: "the nurse's draft", url: () => `/api/approvals/requests/${nurse('draft')}/submit` },
  ],
  'POST /api/approvals/requests/{id}/decision': [
    {
      name: 'own request',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalRequest') ?? 'none'}/decision`,
      body: () => ({ decision: 'approve' }),
    },
    // Only the step's seat passes (400: the reason to reject is missing); the request stays waiting.
    {
      name: "the nurse's request, rejected without a reason",
      url: () => `/api/approvals/requests/${nurse('request')}/decision`,
      body: () => ({ decision: 'reject' }),
    },
  ],
  'POST /api/approvals/requests/{id}/withdraw': [
    {
      name: 'own request',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalRequest') ?? 'none'}/withdraw`,
      body: () => ({ reason: '行列試験' }),
    },
    // Only she withdraws it (409: she already has).
    {
      name: "the nurse's request",
      url: () => `/api/approvals/requests/${nurse('request')}/withdraw`,
      body: () => ({ reason: '行列試験' }),
    },
  ],
  'POST /api/approvals/emergencies': [
    {
      url: fixed('/api/approvals/emergencies'),
      body: () => ({
        typeId: 'exceptions.emergencyReport',
        form: { rule: '第7 1(16)' },
        carriedOutAt: '2026-03-31T15:00:00Z',
      }),
      then: keepNurse('emergency', 'approvalEmergency'),
    },
  ],
  'POST /api/approvals/requests/{id}/report': [
    {
      name: 'own emergency',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalEmergency') ?? 'none'}/report`,
      body: () => ({ form: { rule: '第7 1(16)', action: '仮接続', urgency: '機器の故障' } }),
    },
    // Only she reports it (409: she already has).
    {
      name: "the nurse's emergency",
      url: () => `/api/approvals/requests/${nurse('emergency')}/report`,
      body: () => ({ form: { rule: '第7 1(16)', action: '仮接続', urgency: '機器の故障' } }),
    },
  ],
  'POST /api/approvals/requests/{id}/acknowledge': [
    {
      name: 'own emergency',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalEmergency') ?? 'none'}/acknowledge`,
      body: () => ({}),
    },
  ],
  'GET /api/approvals/requests/{id}/record.pdf': [
    {
      name: 'own request',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalRequest') ?? 'none'}/record.pdf`,
    },
    {
      name: "the nurse's request",
      url: () => `/api/approvals/requests/${nurse('request')}/record.pdf`,
    },
  ],
  'POST /api/approvals/notifications/read': [
    { url: fixed('/api/approvals/notifications/read'), body: () => ({ all: true }) },
  ],
};
