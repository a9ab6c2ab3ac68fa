import sharp, { type Sharp } from 'sharp';

/**
 * A phone-like photo: a smooth gradient with sensor-like noise and some dark "text" bars, so
 * JPEG sizes land where real photos of papers land (a flat colour would compress to nothing).
 */
export async function noisyPhoto(width: number, height: number, quality = 92): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 0x2545f491;
  const noise = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return ((seed >>> 0) % 41) - 20;
  };
  for (let y = 0; y < height; y++) {
    const inTextLine = Math.floor(y / 40) % 3 === 1;
    for (let x = 0; x < width; x++) {
      const base = 140 + Math.round((60 * x) / width) + Math.round((40 * y) / height);
      const ink = inTextLine && Math.floor(x / 9) % 4 !== 0 ? -110 : 0;
      const offset = (y * width + x) * 3;
      pixels[offset] = clamp(base + ink + noise());
      pixels[offset + 1] = clamp(base - 10 + ink + noise());
      pixels[offset + 2] = clamp(base - 25 + ink + noise());
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

const clamp = (value: number) => Math.max(0, Math.min(255, value));

/** Red on the left half, blue on the right: orientation mistakes are visible in two pixels. */
export async function twoColourImage(width: number, height: number): Promise<Sharp> {
  const half = Math.floor(width / 2);
  return sharp({ create: { width, height, channels: 3, background: '#ff0000' } }).composite([
    { input: { create: { width: width - half, height, channels: 3, background: '#0000ff' } }, left: half, top: 0 },
  ]);
}

export const SECRET_MARKERS = ['SECRET-ARTIST-7731', 'SECRET-XMP-4412'] as const;

/**
 * A JPEG shot "sideways" (EXIF orientation 6, i.e. to be turned 90° clockwise for display),
 * with an author, GPS coordinates and an XMP packet that must not survive normalisation.
 */
export async function sidewaysJpegWithMetadata(): Promise<Buffer> {
  const image = await twoColourImage(200, 100);
  const flat = await image.jpeg().toBuffer();
  return sharp(flat)
    .withExif({
      IFD0: { Artist: SECRET_MARKERS[0] },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 3/1' },
    })
    .withXmp(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
        `<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="${SECRET_MARKERS[1]}"/>` +
        `</rdf:RDF></x:xmpmeta>`,
    )
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

/**
 * A 64 × 48 HEVC-coded HEIC (as an iPhone writes), red on the left and blue on the right.
 * Made once with libheif's heif-enc (x265): no encoder for it exists in node_modules.
 */
export const tinyHeic = (): Buffer =>
  Buffer.from(
    [
      'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAeFtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAA',
      'AAAAAA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAAExpbG9jAQAAAERAAAMAAQAAAAAAAAIFAAEAAAAAAAAALQACAAEA',
      'AAAAAAAAAQAAAAAAAAAIAAMAAAAAAAACMgABAAAAAAAAALgAAABNaWluZgAAAAAAAwAAABVpbmZlAgAAAQABAABodmMxAAAA',
      'ABVpbmZlAgAAAAACAABncmlkAAAAABVpbmZlAgAAAQADAABFeGlmAAAAANVpcHJwAAAAs2lwY28AAABzaHZjQwEDcAAAAAAA',
      'AAAAAB7wAPz9+PgAAA8DIAABABhAAQwB//8DcAAAAwCQAAADAAADAB66AkAhAAEAJ0IBAQNwAAADAJAAAAMAAAMAHqAggQWW',
      '6uSmubAgAAADACAAAAMAISIAAQAGRAHBc8CJAAAAFGlzcGUAAAAAAAAAQAAAAEAAAAAUaXNwZQAAAAAAAABAAAAAMAAAABBw',
      'aXhpAAAAAAMICAgAAAAaaXBtYQAAAAAAAAACAAECgQIAAgIDhAAAAChpcmVmAAAAAAAAAA5kaW1nAAIAAQABAAAADmNkc2MA',
      'AwABAAIAAADtbWRhdAAAACkoAa8ZgO9Jpb//3+Mf9fav+Ke82tP9dc8H7AzD0OWp1dSjQwUniNuZogAAAABJSSoACAAAAAYA',
      'EgEDAAEAAAABAAAAGgEFAAEAAABWAAAAGwEFAAEAAABeAAAAKAEDAAEAAAACAAAAEwIDAAEAAAABAAAAaYcEAAEAAABmAAAA',
      'AAAAADhjAADoAwAAOGMAAOgDAAAGAACQBwAEAAAAMDIxMAGRBwAEAAAAAQIDAACgBwAEAAAAMDEwMAGgAwABAAAA//8AAAKg',
      'BAABAAAAQAAAAAOgBAABAAAAMAAAAAAAAAA=',
    ].join(''),
    'base64',
  );
