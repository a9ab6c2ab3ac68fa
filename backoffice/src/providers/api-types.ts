/**
 * Types of the API, taken from the OpenAPI document the server generates (`npm run api:types`),
 * never copied by hand. `Json<'getMe'>` is the JSON answer of an operation, `Body<'createBeneficiary'>`
 * its JSON request body, `Query<'listBeneficiaries'>` its query parameters.
 */
import type { operations } from '@consigne/server/openapi';

type Ops = operations;
type Success = 200 | 201;

export type Json<K extends keyof Ops, S extends number = Success> = {
  [Status in keyof Ops[K]['responses'] & S]: Ops[K]['responses'][Status] extends {
    content: { 'application/json': infer T };
  }
    ? T
    : never;
}[keyof Ops[K]['responses'] & S];

export type Body<K extends keyof Ops> = Ops[K] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Query<K extends keyof Ops> = Ops[K]['parameters'] extends { query?: infer Q } ? NonNullable<Q> : never;

export type Me = Json<'getMe'>;
export type StaffMe = Extract<Me, { kind: 'staff' }>;
export type Membership = StaffMe['memberships'][number];
export type StaffRole = Membership['role'];
export type Beneficiary = Json<'getBeneficiary'>;
export type BeneficiaryRow = Json<'listBeneficiaries'>['data'][number];
export type StaffMember = Json<'listStaff'>['data'][number];
export type Structure = Json<'getStructure'>;
export type AuditEvent = Json<'listAuditEvents'>['data'][number];
export type AuditAction = NonNullable<Query<'listAuditEvents'>['action']>;
export type Invitation = Json<'getInvitation'>;
export type TotpEnrolment = Json<'acceptInvitation'>;
export type PossibleDuplicate = Json<'createBeneficiary', 409>;
