/**
 * `npm run icons`: draw resources/icon.svg (the one drawing of the app icon) into the sizes the platforms want:
 * resources/icons/png/<n>x<n>.png (resvg), resources/icons/icon.ico (png-to-ico, Windows: window, taskbar,
 * installer), resources/icons/icon.icns (macOS; the container is a header and PNG chunks, written here) and
 * resources/icons/icon.png (512 px, Linux AppImage). Same input, same bytes: nothing time- or machine-dependent
 * goes into the files (no fonts: the drawing has no text).
 */
const { mkdir, readFile, writeFile } = require('node:fs/promises');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const icoSizes = [16, 24, 32, 48, 64, 256];
/** icns chunk types holding PNG data, by pixel size. */
const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

function renderPng(svg, size) {
  const { Resvg } = require('@resvg/resvg-js');
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false }, shapeRendering: 2 });
  return Buffer.from(resvg.render().asPng());
}

/** The Apple icon container: 'icns', total length, then (type, length, PNG) chunks, big-endian. */
function icns(chunks) {
  const parts = chunks.map(([type, png]) => {
    const header = Buffer.alloc(8);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([header, ...parts]);
}

/** Write every icon file under `outDir` (resources/ by default); returns the written paths, relative. */
async function makeIcons(outDir = path.join(root, 'resources')) {
  const svg = await readFile(path.join(root, 'resources', 'icon.svg'));
  const pngs = new Map(pngSizes.map((size) => [size, renderPng(svg, size)]));
  const written = [];
  const write = async (relative, data) => {
    const file = path.join(outDir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
    written.push(relative);
  };
  for (const [size, png] of pngs) await write(`icons/png/${size}x${size}.png`, png);
  const { default: pngToIco } = await import('png-to-ico');
  await write('icons/icon.ico', await pngToIco(icoSizes.map((size) => pngs.get(size))));
  await write('icons/icon.icns', icns(icnsTypes.map(([type, size]) => [type, pngs.get(size)])));
  await write('icons/icon.png', pngs.get(512));
  return written;
}

module.exports = { makeIcons, pngSizes, icoSizes };

if (require.main === module) {
  makeIcons(process.argv[2] ? path.resolve(process.argv[2]) : undefined).then(
    (files) => console.log(`icons: wrote ${files.length} files under ${process.argv[2] || 'resources/'}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
