// npm's preinstall: stop at once, in one line, on a Node older than the desk needs. Written in
// the oldest JavaScript any Node still parses, so that an old Node can run it.
var need = [22, 12];
var have = process.versions.node.split('.').map(Number);
if (have[0] < need[0] || (have[0] === need[0] && have[1] < need[1])) {
  process.stderr.write(
    'Source Desk needs Node.js 22.12 or later (24 LTS recommended); this is ' +
      process.version +
      '. Get Node 24 from https://nodejs.org, or run `nvm install` here (.nvmrc says 24).\n',
  );
  process.exit(1);
}
