/**
 * The demo data `npm start` seeds on first run (development only: production refuses SEED_DEMO).
 * Fictional people only. The staff password and TOTP secrets are public on purpose.
 */
export const demoStructure = {
  name: 'CCAS de Démo',
  kind: 'ccas',
  siret: '21690123100011',
  address: '1 place de la Mairie, 69000 Lyon',
  contactEmail: 'accueil@ccas-demo.example',
  contactPhone: '+33400000000',
} as const;

export const demoPassword = 'demo-consigne-2026';

export const demoStaff = [
  {
    email: 'admin@ccas-demo.example',
    displayName: 'Alice Admin (démo)',
    role: 'admin',
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  },
  {
    email: 'referente@ccas-demo.example',
    displayName: 'Rachida Référente (démo)',
    role: 'referent',
    totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
  },
] as const;

export const demoBeneficiary = {
  firstName: 'Camille',
  lastName: 'Démo',
  birthDate: '1984-06-02',
  phone: '+33600000001',
  locale: 'fr',
} as const;

/** Specimen papers in the demo vault: drawn at seed time, clearly marked SPÉCIMEN. */
export const demoPapers = [
  {
    title: "Carte d'identité (spécimen)",
    typeCode: 'cni',
    kind: 'photo',
    visibility: 'shared',
    issueDate: '2019-05-14',
    expiryDate: '2034-05-13',
  },
  {
    title: 'Attestation CAF (spécimen)',
    typeCode: 'attestation-caf',
    kind: 'pdf',
    visibility: 'shared',
    issueDate: '2026-10-02',
  },
  {
    title: 'Carte Vitale (spécimen)',
    typeCode: 'carte-vitale',
    kind: 'photo',
    visibility: 'private',
  },
] as const;
