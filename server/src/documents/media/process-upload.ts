import { copyFile } from 'node:fs/promises';
import { unprocessable } from '../../http/errors.js';
import type { Antivirus } from './antivirus.js';
import { combineJpegsIntoPdf } from './combine-pdf.js';
import { displayTitle } from './display-title.js';
import { normaliseImage, type NormalisedImage } from './image.js';
import { checkPdf } from './pdf-check.js';
import { writePdfThumbnail } from './pdf-thumbnail.js';
import { sniffFile } from './sniff.js';
import { describeOutput, newTempPath, removeQuietly, type OutputFile } from './temp-output.js';

export interface UploadedFile {
  /** Temp file written by the upload route, size already capped (UP-2). */
  path: string;
  /** As sent by the device: used for the title only. */
  originalName: string;
}

export interface ProcessUploadInput {
  files: readonly UploadedFile[];
  /** The files are photos of one paper (front/back, pages), to be put into one PDF. */
  combine: boolean;
  /** Where outputs are written; the caller removes them once stored. */
  tmpDir: string;
  /** When absent no scan is made: the caller decides whether an antivirus is required. */
  antivirus?: Antivirus;
}

export interface ProcessedUpload {
  mime: 'application/pdf' | 'image/jpeg';
  pages: number;
  title: string;
  main: OutputFile;
  thumbnail: OutputFile;
  width?: number;
  height?: number;
}

type ProcessedContent = Omit<ProcessedUpload, 'title'>;

export const MAX_COMBINED_PHOTOS = 20;

const noFile = () => unprocessable('no_file', 'Aucun fichier reçu. Choisissez une photo ou un PDF, puis envoyez-le.');
const oneFileAtATime = () =>
  unprocessable(
    'one_file_at_a_time',
    "Envoyez un seul fichier à la fois, ou réunissez les photos d'un même papier en un seul document.",
  );
const tooManyPhotos = () =>
  unprocessable(
    'too_many_photos',
    `Un document peut avoir ${MAX_COMBINED_PHOTOS} photos au plus. Envoyez les autres photos dans un autre document.`,
    { max: MAX_COMBINED_PHOTOS },
  );
const pdfNotAlone = () =>
  unprocessable('pdf_not_alone', 'Un PDF doit être envoyé seul. Envoyez un PDF à la fois, et les photos à part.');

/**
 * Turns what was uploaded into what is stored: one checked PDF, or one clean JPEG, or several
 * photos made into one PDF; always with a thumbnail. Inputs are left untouched; outputs are new
 * files in tmpDir, removed here if processing fails.
 */
export async function processUpload({
  files,
  combine,
  tmpDir,
  antivirus,
}: ProcessUploadInput): Promise<ProcessedUpload> {
  const [first] = files;
  if (!first) throw noFile();
  if (files.length > 1 && !combine) throw oneFileAtATime();
  if (files.length > MAX_COMBINED_PHOTOS) throw tooManyPhotos();

  // The scan sees exactly what was sent, before any of our parsers opens it.
  for (const file of files) await antivirus?.scanFile(file.path);

  const mimes = [];
  for (const file of files) mimes.push(await sniffFile(file.path));

  const title = displayTitle(first.originalName);
  if (mimes.includes('application/pdf')) {
    if (files.length > 1) throw pdfNotAlone();
    return { title, ...(await processPdf(first.path, tmpDir)) };
  }
  if (files.length === 1) return { title, ...asPhoto(await normaliseImage(first.path, tmpDir)) };
  return { title, ...(await combinePhotos(files, tmpDir)) };
}

async function processPdf(inputPath: string, tmpDir: string): Promise<ProcessedContent> {
  const { pages } = await checkPdf(inputPath);
  // Stored as sent (signatures of official documents stay valid), under a name of our own.
  const mainPath = newTempPath(tmpDir, 'pdf');
  try {
    await copyFile(inputPath, mainPath);
    return {
      mime: 'application/pdf',
      pages,
      main: await describeOutput(mainPath),
      thumbnail: await writePdfThumbnail(pages, tmpDir),
    };
  } catch (error) {
    await removeQuietly([mainPath]);
    throw error;
  }
}

const asPhoto = ({ mime, width, height, main, thumbnail }: NormalisedImage): ProcessedContent => ({
  mime,
  pages: 1,
  main,
  thumbnail,
  width,
  height,
});

async function combinePhotos(files: readonly UploadedFile[], tmpDir: string): Promise<ProcessedContent> {
  const photos: NormalisedImage[] = [];
  try {
    // One after the other: each decode can take a few hundred MB at 40 MP.
    for (const file of files) photos.push(await normaliseImage(file.path, tmpDir));
    const main = await combineJpegsIntoPdf(
      photos.map((photo) => photo.main.path),
      tmpDir,
    );
    const [cover, ...others] = photos;
    await removeQuietly([...photos.map((photo) => photo.main.path), ...others.map((photo) => photo.thumbnail.path)]);
    // The first photo's own thumbnail is a truer preview than a generic PDF icon.
    return { mime: 'application/pdf', pages: photos.length, main, thumbnail: cover!.thumbnail };
  } catch (error) {
    await removeQuietly(photos.flatMap((photo) => [photo.main.path, photo.thumbnail.path]));
    throw error;
  }
}
