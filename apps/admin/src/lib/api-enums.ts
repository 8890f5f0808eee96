import type { components } from './api-schema';

type Schemas = components['schemas'];

// The back office's enums as the API's OpenAPI document declares them (api-schema.d.ts is generated from it),
// never copied here by hand: when the API adds a value, the dashboard's type-check says where it is missing.
export type AuditAction = Schemas['AuditAction'];
export type AuditTargetType = Schemas['AuditTargetType'];
export type StaffPermission = Schemas['StaffPermission'];
export type StaffRole = Schemas['StaffRole'];
export type UserStatus = Schemas['UserStatus'];
export type DeliveryState = Schemas['DeliveryState'];
export type DeliveryFilter = Schemas['DeliveryFilter'];
export type DeliveryChannel = Schemas['DeliveryChannel'];
export type IssuedTokenState = Schemas['IssuedTokenState'];
export type SortDirection = Schemas['SortDirection'];

/**
 * The values of an enum, in the order of a table that has one entry per value (declared with
 * `satisfies Record<AuditAction, …>`), for a list shown at run time. The table, not a copied list, is what makes
 * a new value fail the type-check instead of going silently missing from a dropdown.
 */
export function valuesOf<V extends string>(table: Record<V, unknown>): [V, ...V[]] {
  return Object.keys(table) as [V, ...V[]];
}

/** The value if it is one of the enum's, for reading untrusted text such as a URL's query. */
export function oneOf<V extends string>(values: readonly V[], value: string | null | undefined): V | undefined {
  return values.find((candidate) => candidate === value);
}
