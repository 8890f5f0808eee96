import { ApiProperty } from '@nestjs/swagger';
import { AuditEntryResponseDto } from './audit-entry.response.dto';

export class AuditLogPageResponseDto {
  @ApiProperty({ type: () => [AuditEntryResponseDto], description: 'Newest first.' })
  items!: AuditEntryResponseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last.' })
  nextCursor!: string | null;
}
