import { useQuery } from '@tanstack/react-query';
import type {
  AssetDetailView,
  AssetDisposalView,
  AssetHandlingView,
  AssetImportResult,
  AssetListView,
  MediumView,
  StorageCheckView,
  StoragePlaceView,
} from '../../shared/api-types.js';
import { api, withQuery, type Query } from '../api/client.js';

/** The assets module's API (第4), as TanStack Query hooks and plain calls. */

export const assetKeys = {
  all: ['assets'] as const,
  list: (q: Query) => ['assets', 'list', q] as const,
  one: (id: string) => ['assets', 'one', id] as const,
  media: (q: Query) => ['assets', 'media', q] as const,
  places: ['assets', 'places'] as const,
  storage: (q: Query) => ['assets', 'storage', q] as const,
  handlings: (q: Query) => ['assets', 'handlings', q] as const,
  disposals: (q: Query) => ['assets', 'disposals', q] as const,
};

const seg = encodeURIComponent;

export const useAssets = (q: Query) =>
  useQuery({ queryKey: assetKeys.list(q), queryFn: () => api<AssetListView>('/api/assets', { query: q }) });
export const useAsset = (id: string) =>
  useQuery({ queryKey: assetKeys.one(id), queryFn: () => api<AssetDetailView>(`/api/assets/${seg(id)}`) });
export const useMedia = (q: Query) =>
  useQuery({
    queryKey: assetKeys.media(q),
    queryFn: () => api<MediumView[]>('/api/assets/media', { query: q }),
  });
export const usePlaces = () =>
  useQuery({ queryKey: assetKeys.places, queryFn: () => api<StoragePlaceView[]>('/api/assets/places') });
export const useStorageCheck = (q: Query) =>
  useQuery({
    queryKey: assetKeys.storage(q),
    queryFn: () => api<StorageCheckView>('/api/assets/storage-check', { query: q }),
  });
export const useHandlings = (q: Query) =>
  useQuery({
    queryKey: assetKeys.handlings(q),
    queryFn: () => api<AssetHandlingView[]>('/api/assets/handlings', { query: q }),
  });
export const useDisposals = (q: Query) =>
  useQuery({
    queryKey: assetKeys.disposals(q),
    queryFn: () => api<AssetDisposalView[]>('/api/assets/disposals', { query: q }),
  });

type Body = Record<string, unknown>;
const post = <T>(path: string, body: Body) => api<T>(path, { method: 'POST', body });
const put = <T>(path: string, body: Body) => api<T>(path, { method: 'PUT', body });

export const registerAsset = (body: Body) =>
  post<{ id: string; code: string; rulingRequestId: string | null }>('/api/assets', body);
export const updateAsset = (id: string, body: Body) => put<{ id: string }>(`/api/assets/${seg(id)}`, body);
export const deriveAsset = (id: string, body: Body) =>
  post<{ id: string; code: string }>(`/api/assets/${seg(id)}/derive`, body);
export const reclassifyAsset = (id: string, body: Body) =>
  post<unknown>(`/api/assets/${seg(id)}/reclassify`, body);
export const eraseDraft = (id: string, body: Body) => post<unknown>(`/api/assets/${seg(id)}/erase`, body);
export const askRuling = (id: string, body: Body) => post<unknown>(`/api/assets/${seg(id)}/ruling`, body);
export const publishAsset = (id: string, body: Body) =>
  post<{ id: string; sha256: string }>(`/api/assets/${seg(id)}/publications`, body);
export const checkPublication = (id: string, body: Body) =>
  post<{ ok: boolean; expected: string; actual: string }>(`/api/assets/publications/${seg(id)}/check`, body);
export const registerMedium = (body: Body) => post<{ id: string }>('/api/assets/media', body);
export const updateMedium = (id: string, body: Body) =>
  put<{ id: string }>(`/api/assets/media/${seg(id)}`, body);
export const registerPlace = (body: Body) => post<{ id: string }>('/api/assets/places', body);
export const updatePlace = (id: string, body: Body) =>
  put<{ id: string }>(`/api/assets/places/${seg(id)}`, body);
export const completeHandling = (id: string, body: Body) =>
  post<unknown>(`/api/assets/handlings/${seg(id)}/complete`, body);
export const recordDisposal = (body: Body) =>
  post<{ id: string; recordNo: string }>('/api/assets/disposals', body);
export const importAssets = (dryRun: boolean, body: Body) =>
  post<AssetImportResult>(`/api/assets/import?dryRun=${String(dryRun)}`, body);

export const exportUrl = (
  register: 'assets' | 'media' | 'handlings' | 'disposals',
  format: 'xlsx' | 'pdf',
  q: Query,
) => withQuery('/api/assets/exports', { ...q, register, format });
export const certificateUrl = (disposalId: string): string =>
  `/api/assets/disposals/${seg(disposalId)}/certificate.pdf`;

/** The approvals form, opened for a request about this record with its name and class filled in. */
export const requestUrl = (
  typeId: 'assets.transport' | 'assets.provision' | 'assets.disposal',
  ref: string,
  name: string,
  classification: number,
): string =>
  withQuery('/approvals/new', { type: typeId, ref, 'f.assetName': name, 'f.classification': classification });

/** A datetime-local value (Japan time on screen) as an instant. */
export const instantOf = (local: string): string => (local === '' ? '' : new Date(local).toISOString());
