// The README's code blocks, so tests can run or compile them exactly as written.
import { readFileSync } from 'node:fs';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The first ```lang block under the heading `heading` (up to the next heading of any level). */
export function readmeBlock(heading, lang) {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) {
    throw new Error(`README.md has no heading '${heading}'`);
  }
  const section = readme.slice(start + heading.length + 2).split(/\n#{2,3} /)[0];
  const block = new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```').exec(section);
  if (!block) {
    throw new Error(`README.md has no \`\`\`${lang} block under '${heading}'`);
  }
  return block[1];
}
