/**
 * French strings: the default language and the reference for every other one.
 * Plain words, short sentences (« facile à lire et à comprendre »): the people using the app may
 * read French as a second language.
 */
export const fr = {
  'app.name': 'Consigne',
  'app.tagline': 'Coffre-fort numérique solidaire',
  'language.label': 'Langue',

  'welcome.title': 'Mes papiers en sécurité',
  'welcome.intro':
    'Gardez une copie de vos papiers ici : carte d’identité, titre de séjour, attestations… Vous les retrouvez depuis n’importe quel téléphone.',
  'welcome.phone.label': 'Votre numéro de téléphone',
  'welcome.phone.hint': 'Nous vous envoyons un code par SMS pour vous connecter.',
  'welcome.submit': 'Recevoir un code',
  'welcome.help': 'Besoin d’aide ? Demandez à la personne qui vous accompagne.',

  'error.network': 'Pas de connexion. Vérifiez votre réseau et réessayez.',
  'error.unknown': 'Une erreur est survenue. Réessayez plus tard.',
} as const;

export type MessageKey = keyof typeof fr;
/** Every translation must provide the same keys as French. */
export type Messages = Record<MessageKey, string>;
