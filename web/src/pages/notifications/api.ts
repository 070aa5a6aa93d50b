import { api } from '../../api.ts';

export interface Notification {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  batchId: string | null;
  filingId: string | null;
  createdAt: string;
  readAt: string | null;
}

export const listNotifications = (f: { unread?: boolean }, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<{ items: Notification[]; total: number; unread: number }>('/notifications', { ...f, page, pageSize }, signal);
export const unreadCount = (signal?: AbortSignal) => api.get<{ unread: number }>('/notifications/unread-count', undefined, signal);
export const markRead = (id: string) => api.post<Notification>(`/notifications/${id}/read`);
export const markAllRead = () => api.post<{ updated: number }>('/notifications/read-all');
