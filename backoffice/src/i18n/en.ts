import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { auditEventsEn } from '../audit-events/i18n/en';
import { beneficiariesEn } from '../beneficiaries/i18n/en';
import { documentTypesEn } from '../document-types/i18n/en';
import { documentsEn } from '../documents/i18n/en';
import { staffEn } from '../staff/i18n/en';
import { structureSettingsEn } from '../structure-settings/i18n/en';
import { structuresEn } from '../structures/i18n/en';

export const en: TranslationMessages = {
  ...englishMessages,
  consigne: {
    name: 'Consigne',
    space: 'Staff area',
    login: {
      title: 'Sign in',
      intro: 'For staff of partner organisations only.',
      email: 'Email address',
      password: 'Password',
      submit: 'Sign in',
      code_title: 'Verification code',
      code_intro: 'Open your authenticator app and type the 6-digit code shown for Consigne.',
      code: '6-digit code',
      verify: 'Confirm',
      use_recovery: 'I do not have my phone: use a recovery code',
      use_totp: 'Use the app code',
      recovery_title: 'Recovery code',
      recovery_intro:
        'Type one of the 10 recovery codes you received when activating your account. Each code works once.',
      recovery_code: 'Recovery code',
      forgot_link: 'Forgot your password?',
      forgot_title: 'Forgotten password',
      forgot_intro: 'Give your email address: if it has an account, you will receive a link to choose a new password.',
      forgot_submit: 'Send me a link',
      forgot_sent: 'If this address has an account, an email is on its way. The link is valid for a short time.',
      back: 'Back to sign-in',
    },
    session: {
      expired: 'Your session has ended. Sign in again to carry on where you left off.',
      not_staff: 'This area is for staff only.',
    },
    enrolment: {
      title: 'Activate your account',
      intro_structure: 'Hello %{name}. You are invited to join %{structure} on Consigne, as “%{role}”.',
      intro_platform: 'Hello %{name}. You are invited to administer the Consigne platform.',
      step_password: '1. Choose your password',
      password: 'New password',
      password_confirm: 'The same password again',
      rules_title: 'Password rules',
      rule_length: 'At least %{count} characters (an easy-to-remember sentence works well)',
      rule_common: 'Not a too-common password (those are refused)',
      rule_match: 'Both entries are the same',
      rule_met: 'met',
      rule_not_met: 'not met yet',
      next: 'Continue',
      step_totp: '2. Link your authenticator app',
      totp_intro:
        'In your app (Aegis, FreeOTP, Google Authenticator, Microsoft Authenticator…), add an account by scanning this QR code, or by typing the key below. Then type the 6-digit code it shows.',
      qr_alt: 'QR code to scan with your authenticator app',
      secret_label: 'Key to type by hand',
      confirm_code: 'Confirm the code',
      codes_title: '3. Keep your recovery codes',
      codes_intro:
        'If you lose your phone, each of these codes signs you in once. Print them or store them somewhere safe: they will not be shown again.',
      codes_file_title: 'Consigne — recovery codes of %{email}',
      print: 'Print',
      download: 'Download (.txt)',
      copy: 'Copy',
      codes_saved: 'I have stored my recovery codes safely',
      continue: 'Go to the staff area',
      invalid_title: 'This link does not work',
      invalid_help: 'Ask the person who manages your organisation for a new invitation.',
      to_login: 'Go to sign-in',
      join_title: 'Join a structure',
      join_intro: 'You are invited to join %{structure} %{as}.',
      join_account: 'This invitation is for the account %{email}. Nothing changes until you accept it.',
      join_sign_in_first: 'Sign in with this account first: you will come back to this page afterwards.',
      join_sign_in: 'Sign in to accept',
      join_submit: 'Join %{structure} %{as}',
      join_as: { admin: 'as an administrator', referent: 'as a referent' },
    },
    reset: {
      title: 'New password',
      submit: 'Save the password',
      done: 'Password saved. Sign in with your new password and your code.',
    },
    roles: { admin: 'Administrator', referent: 'Caseworker', platform: 'Consigne team' },
    structure_switcher: { label: 'Organisation' },
    settings: { menu: 'Settings' },
    errors: {
      network: 'The server does not answer. Check the internet connection and try again.',
      not_found: 'This does not exist or is not available to you.',
    },
    language: 'Language',
    validation: { siret: 'A SIRET number has 14 digits, without spaces.' },
  },
  resources: {
    beneficiaries: beneficiariesEn,
    documents: documentsEn,
    staff: staffEn,
    structures: structuresEn,
    'structure-settings': structureSettingsEn,
    'audit-events': auditEventsEn,
    'document-types': documentTypesEn,
  },
};
