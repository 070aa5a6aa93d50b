import type { Schema } from '../../types.ts';
import { api } from '../../api.ts';

export type Notification = Schema<'Notification'>;

export const listNotifications = (f: { unread?: boolean }, page: number, pageSize: number, signal: AbortSignal) =>
  api.get<{ items: Notification[]; total: number; unread: number }>('/notifications', { ...f, page, pageSize }, signal);
export const unreadCount = (signal?: AbortSignal) => api.get<{ unread: number }>('/notifications/unread-count', undefined, signal);
export const markRead = (id: string) => api.post<Notification>(`/notifications/${id}/read`);
export const markAllRead = () => api.post<{ updated: number }>('/notifications/read-all');
