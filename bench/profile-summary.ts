/** Self time of a V8 .cpuprofile by function and by package/file (see bench/profile-registration.ts). */
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const profile = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self.entries()].filter(([id]) => ['(idle)', '(program)', '(garbage collector)'].includes(byId.get(id)!.callFrame.functionName));
const where = (url: string) => {
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1]!;
  const s = url.match(/\/(src|bench)\/(.*)$/);
  return s ? `${s[1]}/${s[2]}` : url || '(native)';
};
const group = (key: (n: Node) => string) => {
  const sums = new Map<string, number>();
  for (const [id, t] of self) sums.set(key(byId.get(id)!), (sums.get(key(byId.get(id)!)) ?? 0) + t);
  return [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 30));
};
console.log(`total ${(total / 1000).toFixed(0)} ms; ${idle.map(([id, t]) => `${byId.get(id)!.callFrame.functionName} ${(t / 1000).toFixed(0)} ms`).join(', ')}`);
console.log('\nby file/package (self):');
for (const [k, t] of group((n) => where(n.callFrame.url))) console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
console.log('\nby function (self):');
for (const [k, t] of group((n) => `${n.callFrame.functionName || '(anon)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber}`)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);

// Inclusive time of the project's own functions (each frame counted once per sample).
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const [id, t] of self) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur)!;
    const key = `${n.callFrame.functionName || '(anon)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber}`;
    if ((n.callFrame.url.includes('/src/') || process.argv[4] === 'all') && !seen.has(key)) {
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + t);
    }
  }
}
console.log('\nproject functions, inclusive (synchronous part only):');
for (const [k, t] of [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 30))) console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
