/**
 * electron-builder afterPack hook: flip the packaged Electron binary's fuses so the shipped app cannot be turned
 * into a general Node runtime or debugged from outside, and loads only its own, integrity-checked asar:
 * RunAsNode, NODE_OPTIONS and --inspect off; embedded asar integrity validation and only-load-from-asar on.
 */
const path = require('node:path');

/** The fuses ReportDesk ships with (FuseV1Options name → on/off). */
const fuseSettings = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
};

/** The Electron executable electron-builder just packed, per platform. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

async function afterPack(context) {
  const { flipFuses, FuseV1Options, FuseVersion } = await import('@electron/fuses');
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 };
  for (const [name, value] of Object.entries(fuseSettings)) config[FuseV1Options[name]] = value;
  await flipFuses(electronBinary(context), config);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseSettings = fuseSettings;
module.exports.electronBinary = electronBinary;
