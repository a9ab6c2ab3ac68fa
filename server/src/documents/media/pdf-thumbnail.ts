import sharp from 'sharp';
import { describeOutput, newTempPath, type OutputFile } from './temp-output.js';

const WIDTH = 240;
const HEIGHT = 320;

/**
 * The prebuilt libvips cannot render PDF pages, so a PDF gets a generic sheet icon showing its
 * page count. Digits are drawn as seven-segment shapes: the server image may have no fonts.
 */
export async function writePdfThumbnail(pages: number, tmpDir: string): Promise<OutputFile> {
  const path = newTempPath(tmpDir, 'webp');
  await sharp(Buffer.from(iconSvg(pages)))
    .webp({ quality: 80 })
    .toFile(path);
  return describeOutput(path);
}

function iconSvg(pages: number): string {
  const label = pages > 999 ? '999' : String(pages);
  const digitWidth = 36;
  const gap = 10;
  const labelWidth = label.length * digitWidth + (label.length - 1) * gap;
  const left = (WIDTH - labelWidth) / 2;
  const digits = [...label].map((digit, index) => sevenSegment(digit, left + index * (digitWidth + gap), 190)).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <rect width="${WIDTH}" height="${HEIGHT}" fill="#eef1f5"/>
  ${pages > 1 ? '<path d="M42 36 H172 L212 76 V300 H42 Z" fill="#c9d1dc" transform="translate(10 -10)"/>' : ''}
  <path d="M28 28 H160 L212 80 V300 H28 Z" fill="#ffffff" stroke="#5b6b80" stroke-width="6" stroke-linejoin="round"/>
  <path d="M160 28 V80 H212" fill="#dfe5ec" stroke="#5b6b80" stroke-width="6" stroke-linejoin="round"/>
  <g fill="#b7c2cf">
    <rect x="56" y="100" width="128" height="10"/>
    <rect x="56" y="124" width="100" height="10"/>
    <rect x="56" y="148" width="116" height="10"/>
  </g>
  <g fill="#c0392b">${digits}</g>
</svg>`;
}

/** Segments a–g of a 36 × 64 digit, clockwise from the top, g in the middle. */
const SEGMENTS: Record<string, string> = {
  a: '<rect x="4" y="0" width="28" height="7"/>',
  b: '<rect x="29" y="4" width="7" height="28"/>',
  c: '<rect x="29" y="32" width="7" height="28"/>',
  d: '<rect x="4" y="57" width="28" height="7"/>',
  e: '<rect x="0" y="32" width="7" height="28"/>',
  f: '<rect x="0" y="4" width="7" height="28"/>',
  g: '<rect x="4" y="28.5" width="28" height="7"/>',
};

const DIGIT_SEGMENTS = ['abcdef', 'bc', 'abdeg', 'abcdg', 'bcfg', 'acdfg', 'acdefg', 'abc', 'abcdefg', 'abcdfg'];

function sevenSegment(digit: string, x: number, y: number): string {
  const segments = DIGIT_SEGMENTS[Number(digit)] ?? '';
  return `<g transform="translate(${x} ${y})">${[...segments].map((segment) => SEGMENTS[segment]).join('')}</g>`;
}
