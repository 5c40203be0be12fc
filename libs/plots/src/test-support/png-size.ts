/** The PNG signature: \x89 P N G \r \n \x1a \n. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Width and height of a PNG image from its IHDR chunk (bytes 16–23, big-endian), after checking
 * the signature and that the first chunk is IHDR.
 */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  for (let k = 0; k < 8; k++) {
    if (png[k] !== PNG_SIGNATURE[k]) throw new Error(`not a PNG: byte ${k} is ${png[k]}, the signature has ${PNG_SIGNATURE[k]}`);
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const type = String.fromCharCode(png[12], png[13], png[14], png[15]);
  if (type !== 'IHDR') throw new Error(`not a PNG: the first chunk is '${type}', not 'IHDR'`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
