// Preloaded into a served app (`node --import`): writes "icu-spy <what>" to stderr whenever the
// process asks ICU for what loads its date or number data (~20 ms the first time on a slow
// machine). test/integration/serve/launch-icu.test.ts reads it.
const report = (what) => process.stderr.write(`icu-spy ${what}\n`);
for (const name of ['DateTimeFormat', 'NumberFormat', 'RelativeTimeFormat', 'Collator']) {
  const original = Intl[name];
  Intl[name] = new Proxy(original, {
    construct: (target, args) => (report(`new Intl.${name}`), Reflect.construct(target, args)),
    apply: (target, self, args) => (report(`Intl.${name}()`), Reflect.apply(target, self, args)),
    get: (target, key) => (key === 'supportedLocalesOf' ? (...args) => (report(`Intl.${name}.supportedLocalesOf`), target.supportedLocalesOf(...args)) : Reflect.get(target, key)),
  });
}
for (const [owner, method] of [
  [Date.prototype, 'toLocaleString'],
  [Date.prototype, 'toLocaleDateString'],
  [Date.prototype, 'toLocaleTimeString'],
  [Number.prototype, 'toLocaleString'],
  [String.prototype, 'localeCompare'],
]) {
  const original = owner[method];
  owner[method] = function (...args) {
    report(method);
    return original.apply(this, args);
  };
}
