/**
 * Detection and redaction figures over labeled JSONL sets: used by the tests and by the
 * guard CLI's `evaluate` command, so both report the same numbers.
 */
import { createInjectionDetector, type InjectionSource as UntrustedSource } from './injection/index.js';
import { redact } from './redaction/index.js';

const detector = createInjectionDetector();
const screenForInjection = (text: string, source: UntrustedSource) => detector.screen(text, { source });

export interface InjectionFigures {
  attacks: number;
  detected: number;
  detectionRate: number;
  benign: number;
  falsePositives: number;
  falsePositiveRate: number;
  missed: string[];
  falselyBlocked: string[];
}

export function evaluateInjection(attacks: { text: string; source: UntrustedSource }[], benign: { text: string; source: UntrustedSource }[]): InjectionFigures {
  const missed = attacks.filter((row) => screenForInjection(row.text, row.source).verdict !== 'block').map((row) => row.text);
  const falselyBlocked = benign.filter((row) => screenForInjection(row.text, row.source).verdict === 'block').map((row) => row.text);
  return {
    attacks: attacks.length,
    detected: attacks.length - missed.length,
    detectionRate: (attacks.length - missed.length) / attacks.length,
    benign: benign.length,
    falsePositives: falselyBlocked.length,
    falsePositiveRate: falselyBlocked.length / benign.length,
    missed,
    falselyBlocked,
  };
}

export interface RedactionFigures {
  secrets: number;
  redacted: number;
  recall: number;
  benign: number;
  falsePositives: number;
  falsePositiveRate: number;
  missed: string[];
  falselyRedacted: string[];
}

export function evaluateRedaction(cases: { text: string; secret: string | null; label: 'secret' | 'benign' }[]): RedactionFigures {
  const secrets = cases.filter((row) => row.label === 'secret');
  const benign = cases.filter((row) => row.label === 'benign');
  // A secret counts as redacted when its value, or any 8-character piece of it, is gone.
  const survives = (output: string, secret: string): boolean => {
    for (let start = 0; start + 8 <= secret.length; start += 4) if (output.includes(secret.slice(start, start + 8))) return true;
    return secret.length < 8 && output.includes(secret);
  };
  const missed = secrets.filter((row) => survives(redact(row.text).text, row.secret!)).map((row) => row.text);
  const falselyRedacted = benign.filter((row) => redact(row.text).redactions.length > 0).map((row) => row.text);
  return {
    secrets: secrets.length,
    redacted: secrets.length - missed.length,
    recall: (secrets.length - missed.length) / secrets.length,
    benign: benign.length,
    falsePositives: falselyRedacted.length,
    falsePositiveRate: falselyRedacted.length / benign.length,
    missed,
    falselyRedacted,
  };
}

// Figures of the v2 redaction and command sets (pii, config-secrets, commands): see that module.
export { commandSetFigures, devMisses, guardFileFigures, redactionSetFigures, type GuardFigureRow } from './redaction-command-figures.js';
