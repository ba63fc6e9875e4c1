import type { Section } from './markdown.ts';

export interface ScenarioContext {
  /** Shorter runs for a smoke test: the figures are not meant to be published. */
  quick: boolean;
  log(message: string): void;
}

export interface Scenario {
  name: string;
  run(context: ScenarioContext): Promise<Section>;
}
