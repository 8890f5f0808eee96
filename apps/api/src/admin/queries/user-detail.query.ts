import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type UserStatus } from '@gatehouse/domain/users/user-status';
import { describeDeliveryEvent } from '@gatehouse/domain/deliverability/delivery-event-description';
import type { DeliveryEventSource } from '@gatehouse/domain/deliverability/delivery-event';
import type { Suppression } from '@gatehouse/domain/deliverability/suppression';
import { TypeOrmDeliveryHistory } from '@gatehouse/infrastructure/persistence/delivery-history.typeorm-reader';
import { TypeOrmSuppressions } from '@gatehouse/infrastructure/persistence/suppressions.typeorm-repository';
import { AUDIT_ENTRY_COLUMNS, type AuditEntryRow, toAuditEntry } from './audit-entry.row';
import { DeliveryResponseDto } from './dto/delivery.response.dto';
import { IssuedTokenResponseDto, type IssuedTokenState } from './dto/issued-token.response.dto';
import { SuppressionResponseDto } from './dto/suppression.response.dto';
import { UserDetailResponseDto } from './dto/user-detail.response.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface UserRow {
  id: string;
  email: string;
  email_normalized: string;
  status: UserStatus;
  locale: string;
  created_at: Date;
  confirmed_at: Date | null;
  updated_at: Date;
  sign_in_locked_until: Date | null;
}

interface TokenRow {
  id: string;
  issued_at: Date;
  expires_at: Date;
  used_at: Date | null;
  superseded_at: Date | null;
}

/** One person as support sees them: the account, its links, its emails and what staff did to it. */
@Injectable()
export class UserDetailQuery {
  private readonly deliveryHistory: TypeOrmDeliveryHistory;
  private readonly suppressions: TypeOrmSuppressions;

  constructor(private readonly dataSource: DataSource) {
    this.deliveryHistory = new TypeOrmDeliveryHistory(dataSource);
    this.suppressions = new TypeOrmSuppressions(dataSource);
  }

  /** Null when there is no such user (an id that is not even a UUID included). */
  async find(userId: string, now: Date): Promise<UserDetailResponseDto | null> {
    if (!UUID.test(userId)) return null;
    const [users, tokens, deliveries, events, audit] = await Promise.all([
      this.dataSource.query<UserRow[]>(
        // The lockout in force, if any: the sign-in page counts a person's attempts under their unique key.
        `SELECT u.id, u.email, u.email_normalized, u.status, u.locale, u.created_at, u.confirmed_at, u.updated_at,
                f.locked_until AS sign_in_locked_until
           FROM users u
           LEFT JOIN user_sign_in_failures f ON f.email_normalized = u.email_normalized AND f.locked_until > $2
          WHERE u.id = $1`,
        [userId, now],
      ),
      // Named columns only: the digests of the link and the code never leave the database.
      this.dataSource.query<TokenRow[]>(
        `SELECT id, issued_at, expires_at, used_at, superseded_at
           FROM confirmation_tokens
          WHERE user_id = $1
          ORDER BY issued_at DESC, id DESC`,
        [userId],
      ),
      this.deliveryHistory.forUser(userId),
      this.deliveryHistory.eventsForUser(userId),
      this.dataSource.query<AuditEntryRow[]>(
        `SELECT ${AUDIT_ENTRY_COLUMNS}
           FROM audit_log a
          WHERE a.target_type = 'user' AND a.target_id = $1
          ORDER BY a.created_at DESC, a.id DESC`,
        [userId],
      ),
    ]);
    const [user] = users;
    if (!user) return null;
    const suppression = await this.suppressions.find(user.email_normalized);
    return {
      id: user.id,
      email: user.email,
      status: user.status,
      locale: user.locale,
      createdAt: user.created_at,
      confirmedAt: user.confirmed_at,
      updatedAt: user.updated_at,
      tokens: tokens.map((token) => toIssuedToken(token, now)),
      deliveries: deliveries.map((delivery): DeliveryResponseDto => ({
        id: delivery.id,
        channel: delivery.channel,
        template: delivery.template,
        recipient: delivery.recipient,
        state: delivery.state,
        attempts: delivery.attempts,
        lastError: delivery.lastError,
        createdAt: delivery.createdAt,
        sentAt: delivery.sentAt,
        nextAttemptAt: delivery.nextAttemptAt,
      })),
      deliveryEvents: events.map((event) => ({
        id: event.id,
        emailId: event.outboxId,
        provider: event.provider as DeliveryEventSource,
        kind: event.kind,
        bounceType: event.bounceType,
        smtpStatus: event.smtpStatus,
        diagnostic: event.diagnostic,
        description: describeDeliveryEvent(event),
        occurredAt: event.occurredAt,
        receivedAt: event.receivedAt,
      })),
      suppression: suppression && toSuppression(suppression, now),
      signInLockedUntil: user.sign_in_locked_until,
      audit: audit.map(toAuditEntry),
    };
  }
}

function toIssuedToken(row: TokenRow, now: Date): IssuedTokenResponseDto {
  return {
    id: row.id,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    supersededAt: row.superseded_at,
    state: tokenState(row, now),
  };
}

// The same order of reasons as ConfirmationToken.state() in the domain, whose "usable" reads "outstanding" here.
function tokenState(row: TokenRow, now: Date): IssuedTokenState {
  if (row.used_at) return 'used';
  if (row.superseded_at) return 'superseded';
  if (now.getTime() >= row.expires_at.getTime()) return 'expired';
  return 'outstanding';
}

function toSuppression(suppression: Suppression, now: Date): SuppressionResponseDto {
  const { cause, smtpStatus, diagnostic, since, until } = suppression.snapshot();
  return {
    cause,
    reason: suppression.describe(),
    smtpStatus,
    diagnostic,
    since,
    until,
    active: suppression.isActiveAt(now),
  };
}
