import type { Messages } from './fr';

export const en: Messages = {
  'app.name': 'Consigne',
  'app.tagline': 'A free digital safe for your papers',
  'language.label': 'Language',

  'welcome.title': 'My papers, kept safe',
  'welcome.intro':
    'Keep a copy of your papers here: ID card, residence permit, certificates… You can find them again from any phone.',
  'welcome.phone.label': 'Your phone number',
  'welcome.phone.hint': 'We send you a code by text message to sign in.',
  'welcome.submit': 'Get a code',
  'welcome.help': 'Need help? Ask the person who supports you.',

  'error.network': 'No connection. Check your network and try again.',
  'error.unknown': 'Something went wrong. Please try again later.',
};
