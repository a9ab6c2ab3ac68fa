/**
 * The demo data `npm start` seeds on first run. Fictional people only; the seed grows with the
 * product (staff, beneficiaries and sample papers join as their features land).
 */
export const demoStructure = {
  name: 'CCAS de Démo',
  kind: 'ccas',
  siret: '21690123100011',
  address: '1 place de la Mairie, 69000 Lyon',
  contactEmail: 'accueil@ccas-demo.example',
  contactPhone: '+33400000000',
} as const;
