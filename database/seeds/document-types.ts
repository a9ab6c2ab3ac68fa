import { createHash } from 'node:crypto';

/**
 * The referential of French papers (issue #5), applied by the migration that creates the documents
 * tables, so a fresh production install has it too. The platform admin edits it afterwards
 * (`updateDocumentType`). Fields are what a person may note about a paper; no field ever asks for
 * the NIR (RET-3: the social security number appears only as "numéro d'assuré" left to the user).
 *
 * `validityMonths`: how long such a paper is usually valid (null: no fixed validity).
 * `retentionMonths`: how long it is worth keeping after the vault is no longer used (RET-1 applies first).
 */

export const documentThemes = [
  { code: 'identite', label: 'Identité' },
  { code: 'sante', label: 'Santé' },
  { code: 'logement', label: 'Logement' },
  { code: 'ressources', label: 'Ressources et CAF' },
  { code: 'emploi', label: 'Emploi' },
  { code: 'impots', label: 'Impôts' },
  { code: 'famille', label: 'Famille' },
  { code: 'justice', label: 'Justice' },
  { code: 'vehicule', label: 'Véhicule' },
  { code: 'autre', label: 'Autre' },
] as const;

export type DocumentThemeCode = (typeof documentThemes)[number]['code'];

export type DocumentFieldKind = 'text' | 'date' | 'number';

export interface DocumentFieldDefinition {
  key: string;
  label: string;
  kind: DocumentFieldKind;
}

export interface DocumentTypeSeed {
  code: string;
  theme: DocumentThemeCode;
  label: string;
  fields: DocumentFieldDefinition[];
  validityMonths: number | null;
  retentionMonths: number | null;
}

const number = (label = 'Numéro'): DocumentFieldDefinition => ({ key: 'number', label, kind: 'text' });
const authority = (label = 'Délivré par'): DocumentFieldDefinition => ({ key: 'authority', label, kind: 'text' });
const period = (label = 'Période concernée'): DocumentFieldDefinition => ({ key: 'period', label, kind: 'text' });
const amount = (label = 'Montant (€)'): DocumentFieldDefinition => ({ key: 'amount', label, kind: 'number' });
const organisation = (label = 'Organisme'): DocumentFieldDefinition => ({ key: 'organisation', label, kind: 'text' });

const Y = 12;

export const documentTypeSeeds: DocumentTypeSeed[] = [
  // Identité
  {
    code: 'cni',
    theme: 'identite',
    label: "Carte nationale d'identité",
    fields: [number(), authority()],
    validityMonths: 15 * Y,
    retentionMonths: 10 * Y,
  },
  {
    code: 'passeport',
    theme: 'identite',
    label: 'Passeport',
    fields: [number(), authority()],
    validityMonths: 10 * Y,
    retentionMonths: 10 * Y,
  },
  {
    code: 'titre-sejour',
    theme: 'identite',
    label: 'Titre de séjour',
    fields: [number('Numéro du titre'), authority('Préfecture')],
    validityMonths: 12,
    retentionMonths: 10 * Y,
  },
  {
    code: 'recepisse-sejour',
    theme: 'identite',
    label: 'Récépissé de demande de titre de séjour',
    fields: [number(), authority('Préfecture')],
    validityMonths: 6,
    retentionMonths: 5 * Y,
  },
  {
    code: 'acte-naissance',
    theme: 'identite',
    label: 'Acte de naissance',
    fields: [authority('Mairie')],
    validityMonths: 3,
    retentionMonths: null,
  },
  {
    code: 'attestation-domiciliation',
    theme: 'identite',
    label: 'Attestation de domiciliation (élection de domicile)',
    fields: [organisation('Organisme domiciliataire')],
    validityMonths: 12,
    retentionMonths: 3 * Y,
  },
  {
    code: 'photo-identite',
    theme: 'identite',
    label: "Photo d'identité",
    fields: [],
    validityMonths: 6,
    retentionMonths: 12,
  },
  // Santé
  {
    code: 'carte-vitale',
    theme: 'sante',
    label: 'Carte Vitale',
    fields: [],
    validityMonths: null,
    retentionMonths: 5 * Y,
  },
  {
    code: 'attestation-droits-am',
    theme: 'sante',
    label: "Attestation de droits à l'Assurance maladie",
    fields: [organisation('Caisse (CPAM, MSA…)')],
    validityMonths: 12,
    retentionMonths: 5 * Y,
  },
  {
    code: 'complementaire-sante-solidaire',
    theme: 'sante',
    label: 'Complémentaire santé solidaire (C2S)',
    fields: [organisation()],
    validityMonths: 12,
    retentionMonths: 5 * Y,
  },
  {
    code: 'aide-medicale-etat',
    theme: 'sante',
    label: "Aide médicale de l'État (AME)",
    fields: [number('Numéro de carte')],
    validityMonths: 12,
    retentionMonths: 5 * Y,
  },
  {
    code: 'ordonnance',
    theme: 'sante',
    label: 'Ordonnance',
    fields: [{ key: 'prescriber', label: 'Prescripteur', kind: 'text' }],
    validityMonths: 3,
    retentionMonths: 3 * Y,
  },
  {
    code: 'carnet-vaccination',
    theme: 'sante',
    label: 'Carnet de vaccination',
    fields: [],
    validityMonths: null,
    retentionMonths: null,
  },
  {
    code: 'notification-mdph',
    theme: 'sante',
    label: 'Notification MDPH (AAH, RQTH, CMI)',
    fields: [number('Numéro de dossier')],
    validityMonths: 5 * Y,
    retentionMonths: 10 * Y,
  },
  // Logement
  {
    code: 'bail',
    theme: 'logement',
    label: 'Contrat de location (bail)',
    fields: [{ key: 'landlord', label: 'Bailleur', kind: 'text' }, amount('Loyer (€)')],
    validityMonths: null,
    retentionMonths: 5 * Y,
  },
  {
    code: 'quittance-loyer',
    theme: 'logement',
    label: 'Quittance de loyer',
    fields: [period(), amount()],
    validityMonths: null,
    retentionMonths: 3 * Y,
  },
  {
    code: 'attestation-hebergement',
    theme: 'logement',
    label: "Attestation d'hébergement",
    fields: [],
    validityMonths: 3,
    retentionMonths: 3 * Y,
  },
  {
    code: 'demande-logement-social',
    theme: 'logement',
    label: 'Demande de logement social (numéro unique)',
    fields: [number('Numéro unique départemental')],
    validityMonths: 12,
    retentionMonths: 5 * Y,
  },
  {
    code: 'facture-energie',
    theme: 'logement',
    label: "Facture d'énergie (électricité, gaz)",
    fields: [organisation('Fournisseur'), period()],
    validityMonths: 3,
    retentionMonths: 5 * Y,
  },
  {
    code: 'assurance-habitation',
    theme: 'logement',
    label: "Attestation d'assurance habitation",
    fields: [organisation('Assureur'), number('Numéro de contrat')],
    validityMonths: 12,
    retentionMonths: 3 * Y,
  },
  // Ressources et CAF
  {
    code: 'attestation-caf',
    theme: 'ressources',
    label: 'Attestation de paiement CAF',
    fields: [number('Numéro allocataire'), period()],
    validityMonths: 3,
    retentionMonths: 2 * Y,
  },
  {
    code: 'notification-rsa',
    theme: 'ressources',
    label: 'Notification de droits RSA',
    fields: [number('Numéro allocataire')],
    validityMonths: 12,
    retentionMonths: 5 * Y,
  },
  {
    code: 'notification-apl',
    theme: 'ressources',
    label: 'Notification APL / aide au logement',
    fields: [number('Numéro allocataire')],
    validityMonths: 12,
    retentionMonths: 5 * Y,
  },
  {
    code: 'releve-identite-bancaire',
    theme: 'ressources',
    label: "Relevé d'identité bancaire (RIB)",
    fields: [organisation('Banque')],
    validityMonths: null,
    retentionMonths: 5 * Y,
  },
  {
    code: 'attestation-retraite',
    theme: 'ressources',
    label: 'Attestation de pension de retraite',
    fields: [organisation('Caisse de retraite'), amount()],
    validityMonths: 12,
    retentionMonths: null,
  },
  {
    code: 'releve-bancaire',
    theme: 'ressources',
    label: 'Relevé de compte bancaire',
    fields: [organisation('Banque'), period()],
    validityMonths: 3,
    retentionMonths: 5 * Y,
  },
  // Emploi
  {
    code: 'attestation-france-travail',
    theme: 'emploi',
    label: 'Attestation France Travail (inscription ou paiement)',
    fields: [number('Identifiant France Travail'), period()],
    validityMonths: 3,
    retentionMonths: 3 * Y,
  },
  {
    code: 'contrat-travail',
    theme: 'emploi',
    label: 'Contrat de travail',
    fields: [
      { key: 'employer', label: 'Employeur', kind: 'text' },
      { key: 'startDate', label: 'Date de début', kind: 'date' },
    ],
    validityMonths: null,
    retentionMonths: 5 * Y,
  },
  {
    code: 'bulletin-salaire',
    theme: 'emploi',
    label: 'Bulletin de salaire',
    fields: [{ key: 'employer', label: 'Employeur', kind: 'text' }, period()],
    validityMonths: null,
    retentionMonths: null,
  },
  {
    code: 'certificat-travail',
    theme: 'emploi',
    label: 'Certificat de travail',
    fields: [{ key: 'employer', label: 'Employeur', kind: 'text' }],
    validityMonths: null,
    retentionMonths: null,
  },
  { code: 'cv', theme: 'emploi', label: 'CV', fields: [], validityMonths: null, retentionMonths: 2 * Y },
  {
    code: 'diplome',
    theme: 'emploi',
    label: 'Diplôme ou attestation de formation',
    fields: [{ key: 'title', label: 'Intitulé', kind: 'text' }],
    validityMonths: null,
    retentionMonths: null,
  },
  // Impôts
  {
    code: 'avis-imposition',
    theme: 'impots',
    label: "Avis d'imposition ou de non-imposition",
    fields: [
      { key: 'year', label: 'Année des revenus', kind: 'number' },
      { key: 'taxNumber', label: 'Numéro fiscal', kind: 'text' },
    ],
    validityMonths: 12,
    retentionMonths: 3 * Y,
  },
  {
    code: 'declaration-revenus',
    theme: 'impots',
    label: 'Déclaration de revenus',
    fields: [{ key: 'year', label: 'Année des revenus', kind: 'number' }],
    validityMonths: null,
    retentionMonths: 3 * Y,
  },
  // Famille
  {
    code: 'livret-famille',
    theme: 'famille',
    label: 'Livret de famille',
    fields: [],
    validityMonths: null,
    retentionMonths: null,
  },
  {
    code: 'acte-mariage-pacs',
    theme: 'famille',
    label: 'Acte de mariage ou attestation de PACS',
    fields: [authority('Mairie ou notaire')],
    validityMonths: 3,
    retentionMonths: null,
  },
  {
    code: 'jugement-divorce',
    theme: 'famille',
    label: 'Jugement de divorce ou de séparation',
    fields: [authority('Tribunal')],
    validityMonths: null,
    retentionMonths: null,
  },
  {
    code: 'certificat-scolarite',
    theme: 'famille',
    label: 'Certificat de scolarité',
    fields: [{ key: 'school', label: 'Établissement', kind: 'text' }],
    validityMonths: 12,
    retentionMonths: 2 * Y,
  },
  // Justice
  {
    code: 'decision-justice',
    theme: 'justice',
    label: 'Décision de justice',
    fields: [authority('Juridiction'), number('Numéro de dossier')],
    validityMonths: null,
    retentionMonths: null,
  },
  {
    code: 'convocation-justice',
    theme: 'justice',
    label: 'Convocation (tribunal, police)',
    fields: [authority('Émetteur'), { key: 'hearingDate', label: "Date de l'audience", kind: 'date' }],
    validityMonths: null,
    retentionMonths: 2 * Y,
  },
  {
    code: 'aide-juridictionnelle',
    theme: 'justice',
    label: "Décision d'aide juridictionnelle",
    fields: [number('Numéro de décision')],
    validityMonths: 12,
    retentionMonths: 5 * Y,
  },
  {
    code: 'depot-plainte',
    theme: 'justice',
    label: 'Récépissé de dépôt de plainte ou de déclaration de perte',
    fields: [authority('Service')],
    validityMonths: null,
    retentionMonths: 5 * Y,
  },
  // Véhicule
  {
    code: 'permis-conduire',
    theme: 'vehicule',
    label: 'Permis de conduire',
    fields: [number(), { key: 'categories', label: 'Catégories', kind: 'text' }],
    validityMonths: 15 * Y,
    retentionMonths: 10 * Y,
  },
  {
    code: 'certificat-immatriculation',
    theme: 'vehicule',
    label: "Certificat d'immatriculation (carte grise)",
    fields: [{ key: 'plate', label: 'Immatriculation', kind: 'text' }],
    validityMonths: null,
    retentionMonths: 5 * Y,
  },
  {
    code: 'assurance-vehicule',
    theme: 'vehicule',
    label: 'Attestation d’assurance véhicule',
    fields: [organisation('Assureur'), number('Numéro de contrat')],
    validityMonths: 12,
    retentionMonths: 3 * Y,
  },
  // Autre
  {
    code: 'courrier',
    theme: 'autre',
    label: 'Courrier reçu',
    fields: [{ key: 'sender', label: 'Expéditeur', kind: 'text' }],
    validityMonths: null,
    retentionMonths: 2 * Y,
  },
  { code: 'autre', theme: 'autre', label: 'Autre document', fields: [], validityMonths: null, retentionMonths: null },
];

/**
 * A stable UUID (version 5 layout) for a seeded type, so every install names the same paper with
 * the same id and re-running the seed can tell what already exists.
 */
export function documentTypeId(code: string): string {
  const hash = createHash('sha1').update(`consigne:document-type:${code}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
