/**
 * The on-call engineers of the demo account. Shared by the sample incidents so that one
 * person keeps one id across incidents, as in PagerDuty.
 */
import type { Person } from '../types.js';

/** Every person who appears in the sample data, by a short handle. */
export const samplePeople = {
  priyaRaman: { id: 'PU7RAMN', name: 'Priya Raman', team: 'Payments SRE' },
  marcusOyelaran: { id: 'PU2OYLR', name: 'Marcus Oyelaran', team: 'Database Reliability' },
  elenaKovacs: { id: 'PU4KVCS', name: 'Elena Kovacs', team: 'Payments Engineering' },
  hannahLindqvist: { id: 'PU9LNDQ', name: 'Hannah Lindqvist', team: 'Incident Command' },
  tomaszWrobel: { id: 'PU3WRBL', name: 'Tomasz Wrobel', team: 'Edge Platform' },
  liamOConnor: { id: 'PUAOCNR', name: "Liam O'Connor", team: 'Core Infrastructure' },
  nadiaOkafor: { id: 'PUBOKFR', name: 'Nadia Okafor', team: 'Customer Support' },
  kenjiWatanabe: { id: 'PU8WTNB', name: 'Kenji Watanabe', team: 'Orders' },
  jonasBecker: { id: 'PUCBCKR', name: 'Jonas Becker', team: 'Platform Config' },
  rafaelNunes: { id: 'PU0NUNS', name: 'Rafael Nunes', team: 'Identity' },
  diegoCastellanos: { id: 'PU5CSTL', name: 'Diego Castellanos', team: 'Network Engineering' },
  aishaKarimi: { id: 'PU6KRMI', name: 'Aisha Karimi', team: 'Streaming Platform' },
  sofiaMarchetti: { id: 'PU1MRCH', name: 'Sofia Marchetti', team: 'Recommendations' },
  mateoAlvarez: { id: 'PUDALVZ', name: 'Mateo Alvarez', team: 'Recommendations' },
} as const satisfies Record<string, Person>;
