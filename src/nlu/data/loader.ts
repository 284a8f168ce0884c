/**
 * Reading training data from disk: one YAML file, or every .yml/.yaml file
 * under a directory. Files are visited in sorted path order so the merged
 * result (and its hash) never depends on how the filesystem lists them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TrainingData } from '../types';
import { TrainingDataError } from './errors';
import { mergeTrainingData } from './merge';
import { parseTrainingYaml } from './yaml-parser';

const YAML_FILE = /\.ya?ml$/i;

/**
 * Loads a Rasa NLU YAML file, or all YAML files under a directory (recursively),
 * merged into one TrainingData.
 *
 * @throws TrainingDataError when the path does not exist, a directory holds no
 *   YAML files, or any file is invalid (with its file and line).
 */
export function loadTrainingData(fileOrDir: string): TrainingData {
  const absolute = path.resolve(fileOrDir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new TrainingDataError('training data file or directory does not exist', displayPath(absolute));
  }
  if (!stat.isDirectory()) return loadFile(absolute);
  const files = listYamlFiles(absolute);
  if (files.length === 0) {
    throw new TrainingDataError('directory contains no .yml/.yaml training files', displayPath(absolute));
  }
  return mergeTrainingData(files.map(loadFile));
}

function loadFile(absolute: string): TrainingData {
  const shown = displayPath(absolute);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (err) {
    throw new TrainingDataError(`cannot read file: ${(err as Error).message}`, shown);
  }
  return parseTrainingYaml(text, shown);
}

/** Every YAML file under `dir`, sorted by path; hidden entries (.git, editor files) are skipped. */
function listYamlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && YAML_FILE.test(entry.name)) found.push(full);
    }
  };
  walk(dir);
  // Plain code-unit order, not locale order, so every machine agrees.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Paths inside the working directory are shown relative ("intents/x.yml"), others absolute. */
function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}
