/**
 * `npm run icons`: draw resources/icon.svg (the one drawing of the app icon) into the sizes the platforms want:
 * resources/icons/png/<n>x<n>.png (resvg), resources/icons/icon.ico (png-to-ico, Windows: window, taskbar,
 * installer), resources/icons/icon.icns (macOS; the container is a header and PNG chunks, written here) and
 * resources/icons/icon.png (512 px, Linux AppImage), and the NSIS installer's images: resources/installer/sidebar.bmp
 * (164 × 314, welcome and finish pages of the installer and the uninstaller) and resources/installer/header.bmp
 * (150 × 57, the other pages) — the same icon on the tile's blue, as 24-bit BMP (the only format NSIS takes).
 * Same input, same bytes: nothing time- or machine-dependent goes into the files (no fonts: the drawing has no text).
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

/** NSIS installer images: [file, width, height, icon size, icon top]. */
const installerImages = [
  ['installer/sidebar.bmp', 164, 314, 112, 64],
  ['installer/header.bmp', 150, 57, 45, 6],
];

/**
 * The icon centred on a vertical band of the tile's blues, as an SVG of its own: the icon's drawing is nested as an
 * inner <svg> (its own viewBox), so there is still one drawing of the icon.
 */
function installerSvg(iconSvg, width, height, iconSize, iconTop) {
  const source = iconSvg.toString('utf8');
  const inner = source.slice(source.indexOf('>', source.indexOf('<svg')) + 1, source.lastIndexOf('</svg>'));
  const viewBox = /viewBox="([^"]+)"/.exec(source)[1];
  const x = Math.round((width - iconSize) / 2);
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      '<defs><linearGradient id="band" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#eef3fa"/><stop offset="1" stop-color="#c9d8ee"/></linearGradient></defs>' +
      `<rect width="${width}" height="${height}" fill="url(#band)"/>` +
      `<svg x="${x}" y="${iconTop}" width="${iconSize}" height="${iconSize}" viewBox="${viewBox}">${inner}</svg>` +
      '</svg>',
  );
}

/** A bottom-up 24-bit BMP (BITMAPINFOHEADER) of RGBA pixels over white; rows padded to 4 bytes. */
function bmp24(rgba, width, height) {
  const rowSize = Math.ceil((width * 3) / 4) * 4;
  const data = Buffer.alloc(rowSize * height);
  for (let y = 0; y < height; y += 1) {
    const row = (height - 1 - y) * rowSize;
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 4;
      const alpha = rgba[at + 3] / 255;
      const over = (channel) => Math.round(rgba[at + channel] * alpha + 255 * (1 - alpha));
      data[row + x * 3] = over(2);
      data[row + x * 3 + 1] = over(1);
      data[row + x * 3 + 2] = over(0);
    }
  }
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + data.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(width, 18);
  header.writeInt32LE(height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(data.length, 34);
  header.writeInt32LE(2835, 38);
  header.writeInt32LE(2835, 42);
  return Buffer.concat([header, data]);
}

function renderBmp(svg) {
  const { Resvg } = require('@resvg/resvg-js');
  const rendered = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, shapeRendering: 2 }).render();
  return bmp24(rendered.pixels, rendered.width, rendered.height);
}

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
  for (const [relative, width, height, iconSize, iconTop] of installerImages) {
    await write(relative, renderBmp(installerSvg(svg, width, height, iconSize, iconTop)));
  }
  return written;
}

module.exports = { makeIcons, pngSizes, icoSizes, installerImages };

if (require.main === module) {
  makeIcons(process.argv[2] ? path.resolve(process.argv[2]) : undefined).then(
    (files) => console.log(`icons: wrote ${files.length} files under ${process.argv[2] || 'resources/'}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
