import { useQuery } from '@tanstack/react-query';
import type { DeviceDetailView, DeviceListView } from '../../shared/api-types.js';
import { api, withQuery, type Query } from '../api/client.js';

/** The facilities module's API (第5: the device register), as TanStack Query hooks and plain calls. */

export const deviceKeys = {
  all: ['facilities'] as const,
  list: (q: Query) => ['facilities', 'list', q] as const,
  one: (id: string) => ['facilities', 'one', id] as const,
};

const seg = encodeURIComponent;

export const useDevices = (q: Query) =>
  useQuery({
    queryKey: deviceKeys.list(q),
    queryFn: () => api<DeviceListView>('/api/facilities/devices', { query: q }),
  });
export const useDevice = (id: string) =>
  useQuery({
    queryKey: deviceKeys.one(id),
    queryFn: () => api<DeviceDetailView>(`/api/facilities/devices/${seg(id)}`),
  });

type Body = Record<string, unknown>;
const post = <T>(path: string, body: Body) => api<T>(path, { method: 'POST', body });

export const registerDevice = (body: Body) =>
  post<{ id: string; assetTag: string }>('/api/facilities/devices', body);
export const updateDevice = (id: string, body: Body) =>
  api<{ id: string }>(`/api/facilities/devices/${seg(id)}`, { method: 'PUT', body });
export const recordMaintenance = (id: string, body: Body) =>
  post<{ id: string }>(`/api/facilities/devices/${seg(id)}/maintenance`, body);
export const recordRepair = (id: string, body: Body) =>
  post<{ id: string }>(`/api/facilities/devices/${seg(id)}/repairs`, body);
export const disposeDevice = (id: string, body: Body) =>
  post<{ id: string; status: string }>(`/api/facilities/devices/${seg(id)}/disposal`, body);

/** The approvals form for placing this device off-site (第5 1(5)), decided by the CISO. */
export const offsiteRequestUrl = (deviceId: string, name: string): string =>
  withQuery('/approvals/new', {
    type: 'facilities.offsitePlacement',
    ref: `device:${deviceId}`,
    'f.device': name,
  });

/** A device register file (CSV or Excel): a dry run first (`dryRun`), then the import. */
export const importDevicesFile = (dryRun: boolean, body: Body) =>
  post<{ dryRun: boolean; created: number }>(
    `/api/facilities/devices/import-file?dryRun=${String(dryRun)}`,
    body,
  );
