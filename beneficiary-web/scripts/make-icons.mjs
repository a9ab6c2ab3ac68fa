// Renders the PWA icons (committed under public/icons/) from one SVG drawing with sharp.
// Run after changing the drawing: `npm run icons -w beneficiary-web`.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const outDir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const teal = '#17595f';

/**
 * The lock, drawn in a 64×64 box; `inset` shrinks it for the maskable safe zone.
 * @param {number} inset
 */
function lock(inset) {
  const scale = (64 - 2 * inset) / 64;
  return `<g transform="translate(${inset} ${inset}) scale(${scale})">
    <g fill="#fff" stroke="#fff">
      <rect x="16" y="28" width="32" height="22" rx="4" stroke="none"/>
      <path d="M23 28v-6a9 9 0 0 1 18 0v6" fill="none" stroke-width="5"/>
    </g>
    <circle cx="32" cy="38" r="3.5" fill="${teal}"/>
    <rect x="30.5" y="38" width="3" height="7" rx="1.5" fill="${teal}"/>
  </g>`;
}

/** `any` icons have rounded corners; maskable ones fill the square and keep the lock in the centre 80 %. */
const svg = (/** @type {{ maskable: boolean }} */ { maskable }) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
    <rect width="64" height="64" rx="${maskable ? 0 : 14}" fill="${teal}"/>
    ${lock(maskable ? 8 : 0)}
  </svg>`);

const targets = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

await mkdir(outDir, { recursive: true });
for (const { file, size, maskable } of targets) {
  await sharp(svg({ maskable }), { density: (72 * size) / 64 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(`${outDir}${file}`);
  console.log(`public/icons/${file} (${size}×${size})`);
}
