// Builds better-sqlite3's native module for Electron into out/native/better_sqlite3.node, leaving
// node_modules built for Node (tests and headless mode need that one). The Electron main process
// passes this file to better-sqlite3 as `nativeBinding`; packaging ships it as an extra resource.
//
//   node scripts/build-native-electron.mjs [--if-missing] [--target <electron version>]
//                                          [--arch <arch>] [--nodedir <electron headers>]
//
// First tries a prebuilt binary (prebuild-install, as better-sqlite3's own install does), then
// compiles with node-gyp against Electron's headers (downloaded, or --nodedir for offline builds).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const { values } = parseArgs({
  options: { 'if-missing': { type: 'boolean' }, target: { type: 'string' }, arch: { type: 'string' }, nodedir: { type: 'string' } },
});

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const electronVersion = values.target ?? readJson(join(root, 'node_modules/electron/package.json')).version;
const sqliteDir = join(root, 'node_modules/better-sqlite3');
const sqliteVersion = readJson(join(sqliteDir, 'package.json')).version;
const arch = values.arch ?? process.arch;
const outDir = join(root, 'out/native');
const output = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'better_sqlite3.json');
const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch };

if (values['if-missing'] && existsSync(output) && existsSync(stampFile) && JSON.stringify(readJson(stampFile)) === JSON.stringify(stamp)) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is already built (${output}).`);
  process.exit(0);
}

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})…`);
const work = mkdtempSync(join(tmpdir(), 'sk-native-'));
try {
  // A private copy: building in node_modules would replace the Node build the tests use.
  const nodeBuild = join(sqliteDir, 'build');
  cpSync(sqliteDir, work, { recursive: true, filter: (src) => src !== nodeBuild && !src.startsWith(`${nodeBuild}${sep}`) });
  const built = join(work, 'build/Release/better_sqlite3.node');
  if (!prebuilt(work) || !existsSync(built)) compile(work);
  if (!existsSync(built)) throw new Error('the build finished without producing build/Release/better_sqlite3.node');
  mkdirSync(outDir, { recursive: true });
  copyFileSync(built, output);
  writeFileSync(stampFile, `${JSON.stringify(stamp)}\n`);
  console.log(`Wrote ${output}`);
} catch (error) {
  console.error(`build-native-electron: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function prebuilt(cwd) {
  const bin = tryResolve('prebuild-install/bin.js');
  if (!bin || values.nodedir) return false;
  const ok = run(process.execPath, [bin, '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--platform=${process.platform}`], cwd);
  if (!ok) console.log('No prebuilt binary for this Electron; compiling instead.');
  return ok;
}

function compile(cwd) {
  const gyp = nodeGyp();
  const args = ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`];
  args.push(values.nodedir ? `--nodedir=${values.nodedir}` : '--dist-url=https://electronjs.org/headers');
  const ok = gyp ? run(process.execPath, [gyp, ...args], cwd) : run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'node-gyp', ...args], cwd);
  if (!ok) throw new Error('node-gyp failed (it needs a C++ toolchain and Electron’s headers: network, or --nodedir)');
}

/** node-gyp from the project, else the copy bundled with npm. */
function nodeGyp() {
  const local = tryResolve('node-gyp/bin/node-gyp.js');
  if (local) return local;
  const npmCli = process.env.npm_execpath ?? which('npm');
  if (!npmCli) return null;
  const bundled = join(dirname(realpathSync(npmCli)), '../node_modules/node-gyp/bin/node-gyp.js');
  return existsSync(bundled) ? bundled : null;
}

function tryResolve(id) {
  try {
    return require.resolve(id);
  } catch {
    return null;
  }
}

function which(command) {
  const result = spawnSync(process.platform === 'win32' ? 'where' : 'which', [command], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split(/\r?\n/)[0] : null;
}
