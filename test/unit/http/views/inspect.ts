/** Small string probes over rendered HTML, enough for structural checks without a DOM library. */

export function forms(page: string): string[] {
  return [...page.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]);
}

export function openingTag(form: string): string {
  return /^<form\b[^>]*>/.exec(form)?.[0] ?? '';
}

export function count(page: string, pattern: RegExp): number {
  return [...page.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))].length;
}

/** ids of every input/textarea/select that a person fills in (not hidden ones). */
export function controlIds(page: string): string[] {
  return [...page.matchAll(/<(input|textarea|select)\b([^>]*)>/g)].filter((m) => !/type="hidden"/.test(m[2] ?? '')).map((m) => /\bid="([^"]+)"/.exec(m[2] ?? '')?.[1] ?? '(no id)');
}

export function h1Text(page: string): string {
  return (/<h1>([\s\S]*?)<\/h1>/.exec(page)?.[1] ?? '').replace(/<[^>]+>/g, '').trim();
}
