import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS } from '../src/config/app-config';

const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

describe('README', () => {
  it('shows the two quick-start lines', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });

  it.each(SETTINGS.map((setting) => setting.variable))('documents %s in the configuration table', (variable) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${variable}\` +\\|`, 'm'));
  });

  it('lists every npm script a person runs', () => {
    const { scripts } = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of Object.keys(scripts)) {
      expect(readme).toContain(name === 'start' || name === 'test' ? `npm ${name}` : `npm run ${name}`);
    }
  });
});
