import { api } from '../../api.ts';
import type { MachineCredential } from '../../types.ts';

export const listCredentials = () => api.get<{ items: MachineCredential[] }>('/machine-credentials').then((r) => r.items);

export const createCredential = (name: string) => api.post<{ credential: MachineCredential; secret: string }>('/machine-credentials', { name });

export const revokeCredential = (id: string) => api.post<MachineCredential>(`/machine-credentials/${encodeURIComponent(id)}/revoke`);
