// The access-matrix test's requests for the information-asset routes (第4): each person registers a class II
// asset for the ward (own unit) and acts on it.
import { assetBody, code, fixed, keep, type Case } from './access-matrix-kit.js';

export const assetRequests: Record<string, readonly Case[]> = {
  // Information assets (第4): each person registers a class II asset for the ward (own unit) and acts on it.
  'POST /api/assets': [
    {
      url: fixed('/api/assets'),
      body: (_, w) => ({ ...assetBody, owningUnitId: w.ownUnitId }),
      then: keep('asset'),
    },
  ],
  'GET /api/assets/{id}': [
    { name: 'own asset', url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}` },
  ],
  'PUT /api/assets/{id}': [
    {
      name: 'own asset',
      url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}`,
      body: () => ({ systemName: '電子カルテ' }),
    },
  ],
  'POST /api/assets/{id}/derive': [
    {
      name: 'own asset',
      url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}/derive`,
      body: () => ({ kind: 'copy' }),
    },
  ],
  'POST /api/assets/{id}/reclassify': [
    {
      name: 'own asset',
      url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}/reclassify`,
      body: () => ({ classification: 1, reason: '行列試験' }),
    },
  ],
  'POST /api/assets/{id}/erase': [
    {
      name: 'own asset (not a draft)',
      url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}/erase`,
      body: () => ({ reason: '行列試験' }),
    },
  ],
  'POST /api/assets/{id}/ruling': [
    {
      name: 'own asset (already classified)',
      url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}/ruling`,
      body: () => ({ proposedClassification: 2 }),
    },
  ],
  'POST /api/assets/{id}/publications': [
    {
      name: 'own class II asset',
      url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}/publications`,
      body: () => ({ channel: '掲示板', contentBase64: 'eA==' }),
    },
  ],
  'POST /api/assets/publications/{id}/check': [
    { url: fixed('/api/assets/publications/none/check'), body: () => ({ contentBase64: 'eA==' }) },
  ],
  'POST /api/assets/media': [
    {
      url: fixed('/api/assets/media'),
      body: (who, w) => ({
        code: `MX-${code(who)}`,
        label: '行列試験',
        kind: 'usbMemory',
        owningUnitId: w.ownUnitId,
        purpose: 'working',
      }),
      then: keep('medium'),
    },
  ],
  'PUT /api/assets/media/{id}': [
    {
      name: 'own medium',
      url: (who) => `/api/assets/media/${who.created.get('medium') ?? 'none'}`,
      body: (who, w) => ({
        code: `MX-${code(who)}`,
        label: '行列試験2',
        kind: 'usbMemory',
        owningUnitId: w.ownUnitId,
        purpose: 'working',
      }),
    },
  ],
  'POST /api/assets/places': [
    {
      url: fixed('/api/assets/places'),
      body: (who, w) => ({
        code: `PX-${code(who)}`,
        name: '行列試験',
        kind: 'cabinet',
        owningUnitId: w.ownUnitId,
      }),
      then: keep('place'),
    },
  ],
  'PUT /api/assets/places/{id}': [
    {
      name: 'own place',
      url: (who) => `/api/assets/places/${who.created.get('place') ?? 'none'}`,
      body: (who, w) => ({
        code: `PX-${code(who)}`,
        name: '行列試験2',
        kind: 'cabinet',
        owningUnitId: w.ownUnitId,
      }),
    },
  ],
  'POST /api/assets/handlings': [
    {
      name: 'own class II asset (needs permission)',
      url: fixed('/api/assets/handlings'),
      body: (who) => ({
        kind: 'transport',
        assetId: who.created.get('asset') ?? 'none',
        performedAt: '2026-03-31T23:00:00Z',
      }),
    },
  ],
  'POST /api/assets/handlings/{id}/complete': [
    {
      url: fixed('/api/assets/handlings/none/complete'),
      body: () => ({ performedAt: '2026-03-31T23:00:00Z' }),
    },
  ],
  'POST /api/assets/disposals': [
    {
      url: fixed('/api/assets/disposals'),
      body: () => ({ handlingId: 'none', performedAt: '2026-03-31T23:00:00Z', method: 'shred' }),
    },
  ],
  'GET /api/assets/disposals/{id}/certificate.pdf': [
    { url: fixed('/api/assets/disposals/none/certificate.pdf') },
  ],
  'GET /api/assets/exports': [{ url: fixed('/api/assets/exports?register=assets&format=xlsx') }],
  'POST /api/assets/import': [
    {
      url: fixed('/api/assets/import?dryRun=true'),
      body: () => ({
        format: 'csv',
        sheet: 'assets',
        contentBase64: Buffer.from(
          '資産番号,名称,形態,所管部署コード,重要性分類\r\nIA-MX-1,行列試験,電子,KANGO-4E,II\r\n',
        ).toString('base64'),
      }),
    },
  ],
};
