import type { beneficiariesFr } from './fr';

export const beneficiariesEn: typeof beneficiariesFr = {
  name: 'Beneficiary |||| Beneficiaries',
  fields: {
    firstName: 'First name',
    lastName: 'Last name',
    birthDate: 'Date of birth',
    phone: 'Mobile phone',
    email: 'Email (optional)',
    locale: 'Language of messages',
    status: 'Account',
    createdAt: 'Registered on',
  },
  filters: { search: 'Name or phone', status: 'Account status' },
  status: { active: 'Active', locked: 'Locked' },
  help: {
    phone: 'A French mobile number: the person receives their sign-in codes there.',
    identity: 'To correct the name, date of birth, email or language: “Edit”.',
  },
  sections: { identity: 'Identity', account: 'Account and sign-in', follows: 'Organisations supporting them' },
  account: {
    locked: 'Account locked',
    locked_since: 'since %{date}',
    reason: 'Reason: %{reason}',
    unlocked: 'The account is not locked.',
    sessions: 'No device signed in |||| 1 device signed in |||| %{smart_count} devices signed in',
    emergency_codes:
      'No emergency card in use |||| 1 emergency card code left |||| %{smart_count} emergency card codes left',
  },
  lock_reasons: { too_many_failed_codes: 'too many wrong codes' },
  follows: { yours: 'your organisation', since: 'since %{date}', active: 'Active', pending: 'Awaiting consent' },
  actions: {
    create: 'Open a vault',
    edit: 'Edit',
    unlock: 'Unlock',
    revoke_sessions: 'Sign out all their devices',
    emergency_card: 'Print a new emergency card',
    change_phone: 'Change phone number',
  },
  confirm: {
    revoke_title: 'Sign out all their devices?',
    revoke_content: 'The person will have to sign in again with an SMS code on each phone or computer.',
  },
  card: {
    title: 'Print a new emergency card',
    intro:
      'Only with the person present. The card holds 10 one-time codes to open their vault without SMS: hand it over in person. The previous card stops working, and the person gets an SMS saying a card was printed.',
    totp: 'Your authentication code',
    totp_help: 'The 6-digit code of your app, to confirm it is you.',
    submit: 'Print the card',
  },
  phone: {
    title: 'Change phone number',
    intro:
      'Only with the person present. Current number: %{phone}. All their devices will be signed out and both numbers get a message.',
    new_phone: 'New mobile number',
    totp: 'Your authentication code',
    totp_help: 'The 6-digit code of your app, to confirm it is you.',
    submit: 'Change number',
  },
  duplicate: {
    title: 'This vault may already exist',
    matched_phone: 'An account already exists with this phone number.',
    matched_identity: 'An account already exists with the same names and date of birth.',
    follow_intro:
      'You can ask to support this person. They must agree: in their app, or right now at the desk with a code sent by SMS.',
    open_existing: 'Open their file',
    someone_else: 'It is someone else: create anyway',
    ask_app: 'Ask in their app',
    ask_desk: 'They are here: code by SMS',
    desk_intro: 'A code was just sent to the person by SMS. Ask them to read it to you.',
    desk_code: 'Code the person received',
    desk_confirm: 'Confirm the code',
  },
  notify: {
    created_sms: 'Vault opened. The welcome SMS is on its way.',
    created_no_sms: 'Vault opened, but the welcome SMS could not be sent. Give the person the link.',
    follow_requested_app: 'Request sent: the person will answer in their app.',
    follow_confirmed: 'Done: your organisation now supports this person.',
    unlocked: 'Account unlocked.',
    sessions_revoked: 'No device to sign out. |||| 1 device signed out. |||| %{smart_count} devices signed out.',
    card_issued: 'New emergency card downloaded: print it and hand it to the person.',
    phone_changed: 'Number changed. All their devices were signed out.',
  },
};
