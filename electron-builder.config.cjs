/**
 * Packaging with electron-builder (`npm run dist:win`, `npm run dist:linux`). Installers are built on a machine
 * with internet access (electron-builder downloads Electron and NSIS); tests/integration/packaging.test.ts checks this
 * configuration and the fuses hook here. Output goes to release/.
 */
const productName = 'ReportDesk 报告台';

module.exports = {
  appId: 'cn.reportdesk.desktop',
  productName,
  executableName: 'reportdesk',
  copyright: 'ReportDesk 报告台',
  directories: { output: 'release', buildResources: 'resources' },
  // The built app (out/), its manifest and the icon the window uses; sources, tests and docs stay out.
  files: ['out/**/*', 'package.json', 'resources/icons/**/*', '!**/*.map'],
  asar: true,
  // resvg is a native module (a .node file per platform): it must live outside the asar to be loaded.
  asarUnpack: ['**/node_modules/@resvg/**'],
  // Built-in templates and the demo office, read at start from resources/seeds (see electron/main/index.ts).
  extraResources: [
    { from: 'seeds/templates', to: 'seeds/templates', filter: ['**/*.json'] },
    { from: 'seeds/demo', to: 'seeds/demo', filter: ['**/*.json'] },
  ],
  // A double-click on an exchange package opens ReportDesk's import preview.
  fileAssociations: [
    {
      ext: 'rdpkg',
      name: 'ReportDesk.Package',
      description: '报告台交换文件',
      mimeType: 'application/x-reportdesk-package',
      icon: 'icons/icon.ico',
      role: 'Editor',
    },
  ],
  // The record-integrity fuses (RunAsNode, NODE_OPTIONS, --inspect off; asar integrity, asar only on).
  afterPack: './scripts/after-pack.cjs',
  win: {
    icon: 'resources/icons/icon.ico',
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'zip', arch: ['x64'] },
    ],
    artifactName: 'ReportDesk-${version}-${arch}.${ext}',
  },
  nsis: {
    // Per user, no administrator rights; the person may choose the folder.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    language: '2052',
    unicode: true,
    installerIcon: 'resources/icons/icon.ico',
    uninstallerIcon: 'resources/icons/icon.ico',
    installerHeaderIcon: 'resources/icons/icon.ico',
    // The installer's images (npm run icons): welcome/finish pages and the header of the other pages.
    installerSidebar: 'resources/installer/sidebar.bmp',
    uninstallerSidebar: 'resources/installer/sidebar.bmp',
    installerHeader: 'resources/installer/header.bmp',
    shortcutName: '报告台',
    uninstallDisplayName: productName,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    artifactName: 'ReportDesk-Setup-${version}.${ext}',
  },
  linux: {
    icon: 'resources/icons/png',
    target: [{ target: 'AppImage', arch: ['x64'] }],
    category: 'Office',
    executableName: 'reportdesk',
    artifactName: 'ReportDesk-${version}-${arch}.${ext}',
    desktop: { entry: { Name: '报告台', Comment: productName } },
  },
  mac: { icon: 'resources/icons/icon.icns', category: 'public.app-category.productivity' },
};
