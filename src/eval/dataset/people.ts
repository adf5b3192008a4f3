/**
 * Responders of the evaluation scenarios, beyond the sample incidents' people: other teams,
 * and names with accents and apostrophes so matching and scrubbing meet them.
 */
import type { Person } from '../../incidents/types.js';

export const evalPeople = {
  inesDuarte: { id: 'PUEV001', name: 'Inês Duarte', team: 'Search Platform' },
  oluAdeyemi: { id: 'PUEV002', name: 'Oluwaseun Adeyemi', team: 'Identity' },
  graceLiu: { id: 'PUEV003', name: 'Grace Liu', team: 'Edge Platform' },
  samirHaddad: { id: 'PUEV004', name: 'Samir Haddad', team: 'Mobile Platform' },
  freyaNilsson: { id: 'PUEV005', name: 'Freya Nilsson', team: 'Billing' },
  arjunMehta: { id: 'PUEV006', name: 'Arjun Mehta', team: 'Core Infrastructure' },
  chloeMartin: { id: 'PUEV007', name: 'Chloé Martin', team: 'Incident Command' },
  bartoszKowalczyk: { id: 'PUEV008', name: 'Bartosz Kowalczyk', team: 'Data Platform' },
  amaraNwosu: { id: 'PUEV009', name: 'Amara Nwosu', team: 'Customer Support' },
  seanOBrien: { id: 'PUEV010', name: "Seán O'Brien", team: 'Checkout' },
  yukiTanaka: { id: 'PUEV011', name: 'Yuki Tanaka', team: 'Storage' },
  lenaFischer: { id: 'PUEV012', name: 'Lena Fischer', team: 'Partner Integrations' },
} as const satisfies Record<string, Person>;
