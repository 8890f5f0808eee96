import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_ENTRY_COLUMNS, type AuditEntryRow, toAuditEntry } from './audit-entry.row';
import { AuditLogPageResponseDto } from './dto/audit-log-page.response.dto';
import { AuditLogRequestDto } from './dto/audit-log.request.dto';
import { DEFAULT_PAGE_SIZE } from './dto/users-list.request.dto';
import { instantFrom } from './instant';
import { decodeKeysetCursor, encodeKeysetCursor, keysetCreatedAtSql } from './keyset.cursor';

/** What staff did, newest first, a keyset page at a time. */
@Injectable()
export class AuditLogQuery {
  constructor(private readonly dataSource: DataSource) {}

  async list(request: AuditLogRequestDto): Promise<AuditLogPageResponseDto> {
    const values: unknown[] = [];
    const bind = (value: unknown) => `$${values.push(value)}`;
    const clauses: string[] = [];
    if (request.staffId !== undefined) clauses.push(`a.staff_id = ${bind(request.staffId)}::uuid`);
    if (request.action !== undefined) clauses.push(`a.action = ${bind(request.action)}`);
    if (request.targetType !== undefined) clauses.push(`a.target_type = ${bind(request.targetType)}`);
    if (request.targetId !== undefined) clauses.push(`a.target_id = ${bind(request.targetId)}`);
    if (request.from !== undefined) {
      clauses.push(`a.created_at >= ${bind(instantFrom(request.from, 'from').toISOString())}::timestamptz`);
    }
    if (request.to !== undefined) {
      clauses.push(`a.created_at < ${bind(instantFrom(request.to, 'to').toISOString())}::timestamptz`);
    }
    if (request.cursor !== undefined) {
      const after = decodeKeysetCursor(request.cursor);
      if (!after) throw new RangeError('cursor is not a cursor of this list: validate it with IsKeysetCursor');
      clauses.push(`(a.created_at, a.id) < (${bind(after.createdAt)}::timestamptz, ${bind(after.id)}::uuid)`);
    }
    const limit = request.limit ?? DEFAULT_PAGE_SIZE;
    // One row more than the page says whether another page follows.
    const rows = await this.dataSource.query<(AuditEntryRow & { position: string })[]>(
      `SELECT ${AUDIT_ENTRY_COLUMNS}, ${keysetCreatedAtSql('a.created_at')} AS position
         FROM audit_log a
         ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT ${bind(limit + 1)}`,
      values,
    );
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      items: shown.map(toAuditEntry),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ createdAt: last.position, id: last.id }) : null,
    };
  }
}
