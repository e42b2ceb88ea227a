import path from 'node:path';
import type { Config, IdeasConfig } from '../config.ts';

/** The idea box's limits (config.ts `ideas`), with the folder its photos are stored in. */
export interface IdeasSettings extends IdeasConfig {
  /** Where photos are stored, each under a random name. */
  photoDir: string;
}

export function ideasSettings(config: Config): IdeasSettings {
  return { ...config.ideas, photoDir: path.join(config.dataDir, 'photos') };
}
