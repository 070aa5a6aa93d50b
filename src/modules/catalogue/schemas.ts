import { Type } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';
import { CatalogueDocument } from './schema.ts';

export const VersionInfo = {
  version: Type.Integer({ minimum: 1, description: '版本号' }),
  checksum: Type.String({ description: '文档 SHA-256（键排序后的 JSON）' }),
  note: Type.String({ description: '修改说明' }),
  authorName: Type.String({ description: '发布人' }),
  createdAt: DateTime,
  itemCount: Type.Integer({ minimum: 0, description: '检测项目数' }),
};

export const CatalogueVersionInfo = Type.Object(VersionInfo);

export const CatalogueSchema = Type.Object({ ...VersionInfo, document: CatalogueDocument });

export const ItemChanges = Type.Object({
  added: Type.Array(Type.String()),
  removed: Type.Array(Type.String()),
  changed: Type.Array(Type.String()),
});

export const PublishBody = Type.Object(
  {
    basedOnVersion: Type.Integer({ minimum: 1, description: '编辑所基于的版本号；已有更新版本时返回 409' }),
    note: Type.String({ minLength: 2, maxLength: 500, description: '本版修改说明' }),
    document: CatalogueDocument,
  },
  { additionalProperties: false },
);
