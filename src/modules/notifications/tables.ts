import type { Generated, Selectable } from 'kysely';

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  batch_id: string | null;
  filing_id: string | null;
  dedupe_key: string;
  created_at: Date;
  read_at: Date | null;
}
export type NotificationRow = Selectable<NotificationsTable>;

declare module '../../kernel/db/types.ts' {
  interface Database {
    notifications: NotificationsTable;
  }
}
