// The one way a text's {name} placeholders are filled, for every text file of the project. A
// placeholder without a value stays visible as {name}, so a missing value shows in tests and on screen.
export function fillTemplate(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
