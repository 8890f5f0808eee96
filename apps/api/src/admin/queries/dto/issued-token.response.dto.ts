import { ApiProperty } from '@nestjs/swagger';

export const ISSUED_TOKEN_STATES = ['used', 'superseded', 'expired', 'outstanding'] as const;
export type IssuedTokenState = (typeof ISSUED_TOKEN_STATES)[number];

/** A confirmation link that was issued, and what became of it. Never the token or its digest. */
export class IssuedTokenResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  issuedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  usedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  supersededAt!: Date | null;

  @ApiProperty({
    enum: ISSUED_TOKEN_STATES,
    enumName: 'IssuedTokenState',
    description: 'outstanding: the link still works.',
  })
  state!: IssuedTokenState;
}
