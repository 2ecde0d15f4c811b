/** "1 article", "10,000 articles": a count with its noun, for messages and labels. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}
