/**
 * Customers: varied names, unique example.com emails, phones and addresses in
 * the US (mostly), Canada, the UK, Germany, France and Australia, plus the
 * latent tastes (favorite clusters, sizes, activity) that drive their orders.
 */
import type { CategoryDef } from './catalog-kit';
import { CATEGORY_DEFS, RELATED_CATEGORIES } from './catalog';
import type { Affinity } from './clusters';
import type { Rng } from './prng';
import { DAY } from './time';
import type { CustomerRow, ShippingAddress } from './types';

const FEMALE_NAMES = [
  'Olivia', 'Emma', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Amelia', 'Harper', 'Evelyn', 'Abigail', 'Emily', 'Ella', 'Chloe', 'Grace', 'Zoe',
  'Nora', 'Hannah', 'Aaliyah', 'Priya', 'Ananya', 'Mei', 'Yuki', 'Hana', 'Sofia', 'Lucia', 'Camila', 'Valentina', 'Fatima', 'Aisha', 'Amara',
  'Ngozi', 'Leila', 'Noor', 'Ingrid', 'Freya', 'Chiara', 'Elena', 'Margot', 'Claire', 'Siobhan', 'Keira', 'Maya', 'Rosa', 'Kaia', 'Lina',
];
const MALE_NAMES = [
  'Liam', 'Noah', 'Oliver', 'Elijah', 'James', 'William', 'Benjamin', 'Lucas', 'Henry', 'Theodore', 'Jack', 'Daniel', 'Michael', 'Owen', 'Ethan',
  'Mateo', 'Diego', 'Santiago', 'Carlos', 'Javier', 'Arjun', 'Rohan', 'Vikram', 'Wei', 'Hiroshi', 'Kenji', 'Minjun', 'Omar', 'Yusuf', 'Tariq',
  'Kwame', 'Chidi', 'Malik', 'Lars', 'Erik', 'Matteo', 'Luca', 'Pierre', 'Hugo', 'Finn', 'Declan', 'Connor', 'Rafael', 'Andre', 'Samir',
];
const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson',
  'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young',
  'Nguyen', 'Tran', 'Kim', 'Park', 'Chen', 'Wang', 'Li', 'Zhang', 'Tanaka', 'Sato', 'Patel', 'Shah', 'Singh', 'Kumar', 'Gupta',
  'Okafor', 'Adeyemi', 'Mensah', 'Haddad', 'Khan', 'Ali', 'Cohen', 'Rossi', 'Bianchi', 'Muller', 'Schmidt', 'Schneider', 'Fischer', 'Dubois', 'Moreau',
  'Lefebvre', 'Laurent', "O'Brien", 'Murphy', 'Kelly', 'Byrne', 'Andersen', 'Nilsen', 'Johansson', 'Kowalski', 'Novak', 'Silva', 'Santos', 'Costa', 'Reyes',
];

/** [city, region label for the address, postal pattern (# digit, @ letter), phone prefix]. */
type City = readonly [string, string, string, string];
const CITIES: Readonly<Record<string, readonly City[]>> = {
  US: [
    ['Portland', 'OR', '972##', '+1 503'], ['Seattle', 'WA', '981##', '+1 206'], ['Austin', 'TX', '787##', '+1 512'], ['Denver', 'CO', '802##', '+1 303'],
    ['Chicago', 'IL', '606##', '+1 312'], ['Brooklyn', 'NY', '112##', '+1 718'], ['Boston', 'MA', '021##', '+1 617'], ['San Diego', 'CA', '921##', '+1 619'],
    ['Atlanta', 'GA', '303##', '+1 404'], ['Minneapolis', 'MN', '554##', '+1 612'], ['Nashville', 'TN', '372##', '+1 615'], ['Phoenix', 'AZ', '850##', '+1 602'],
    ['Philadelphia', 'PA', '191##', '+1 215'], ['Columbus', 'OH', '432##', '+1 614'], ['Raleigh', 'NC', '276##', '+1 919'], ['Salt Lake City', 'UT', '841##', '+1 801'],
    ['Miami', 'FL', '331##', '+1 305'], ['Madison', 'WI', '537##', '+1 608'], ['Pittsburgh', 'PA', '152##', '+1 412'], ['Sacramento', 'CA', '958##', '+1 916'],
    ['Kansas City', 'MO', '641##', '+1 816'], ['Richmond', 'VA', '232##', '+1 804'], ['Boise', 'ID', '837##', '+1 208'], ['San Francisco', 'CA', '941##', '+1 415'],
  ],
  CA: [['Toronto', 'ON', 'M5V #@#', '+1 416'], ['Vancouver', 'BC', 'V6B #@#', '+1 604'], ['Montreal', 'QC', 'H2X #@#', '+1 514'], ['Calgary', 'AB', 'T2P #@#', '+1 403'], ['Ottawa', 'ON', 'K1P #@#', '+1 613']],
  GB: [['London', '', 'SW1A #@@', '+44 7700'], ['Manchester', '', 'M1 #@@', '+44 7700'], ['Bristol', '', 'BS1 #@@', '+44 7700'], ['Edinburgh', '', 'EH1 #@@', '+44 7700'], ['Leeds', '', 'LS1 #@@', '+44 7700']],
  DE: [['Berlin', '', '101##', '+49 30'], ['Munich', '', '803##', '+49 89'], ['Hamburg', '', '200##', '+49 40'], ['Cologne', '', '506##', '+49 221'], ['Frankfurt', '', '603##', '+49 69']],
  FR: [['Paris', '', '750##', '+33 6'], ['Lyon', '', '6900#', '+33 6'], ['Marseille', '', '1300#', '+33 6'], ['Bordeaux', '', '3300#', '+33 6'], ['Lille', '', '5900#', '+33 6']],
  AU: [['Sydney', 'NSW', '20##', '+61 4'], ['Melbourne', 'VIC', '30##', '+61 4'], ['Brisbane', 'QLD', '40##', '+61 4'], ['Perth', 'WA', '60##', '+61 4'], ['Adelaide', 'SA', '50##', '+61 4']],
};
const COUNTRY_WEIGHTS = { US: 70, CA: 8, GB: 8, DE: 5, FR: 4, AU: 5 } as const;

const STREETS = ['Maple', 'Oak', 'Cedar', 'Pine', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Main', 'Sunset', 'River', 'Church', 'Mill', 'Highland', 'Spring', 'Willow', 'Chestnut', 'Walnut', 'Franklin'];
const SUFFIXES = ['St', 'Ave', 'Rd', 'Blvd', 'Ln', 'Dr', 'Way', 'Ct', 'Pl'];
const GB_STREETS = ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Park Avenue', 'Mill Lane', 'King Street', 'Queens Road'];
const DE_STREETS = ['Hauptstraße', 'Lindenstraße', 'Schillerstraße', 'Goethestraße', 'Bahnhofstraße', 'Gartenweg', 'Bergstraße', 'Kirchplatz'];
const FR_STREETS = ['rue de la Paix', 'rue Victor Hugo', 'rue des Lilas', 'rue du Moulin', 'avenue Voltaire', 'boulevard Saint-Michel', 'rue de la République'];

export interface CustomerProfile {
  id: number;
  gender: 'f' | 'm';
  address: ShippingAddress;
  /** Relative number of orders (0 for browse-only customers and personas). */
  activity: number;
  favoriteClusters: number[];
  shoeSize: string;
  apparelSize: string;
  createdAtMs: number;
}

function fillPattern(rng: Rng, pattern: string): string {
  return pattern.replace(/[#@]/g, (c) => (c === '#' ? String(rng.int(0, 9)) : String.fromCharCode(65 + rng.int(0, 25))));
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function phoneFor(rng: Rng, country: string, prefix: string): string {
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  if (country === 'US' || country === 'CA') return `${prefix}-555-${digits(4)}`;
  if (country === 'GB') return `${prefix} 900${digits(3)}`;
  return `${prefix} ${digits(4)} ${digits(4)}`;
}

function streetFor(rng: Rng, country: string): string {
  const num = rng.int(1, 9800);
  const apt = rng.chance(0.2) ? ` Apt ${rng.int(1, 30)}${rng.pick(['', 'A', 'B', 'C'])}` : '';
  if (country === 'GB') return `${rng.int(1, 220)} ${rng.pick(GB_STREETS)}`;
  if (country === 'DE') return `${rng.pick(DE_STREETS)} ${rng.int(1, 120)}`;
  if (country === 'FR') return `${rng.int(1, 180)} ${rng.pick(FR_STREETS)}`;
  return `${num} ${rng.pick(STREETS)} ${rng.pick(SUFFIXES)}${apt}`;
}

/** Taste: a main category, often a related second one, and 1-2 favorite clusters in each. */
export function favoriteClustersFor(rng: Rng, affinity: Affinity, first?: string): number[] {
  const defs: readonly CategoryDef[] = CATEGORY_DEFS;
  const main = first ?? rng.weighted(defs, defs.map((d) => d.share)).name;
  const categories = [main];
  if (rng.chance(0.75)) {
    const related = RELATED_CATEGORIES[main] ?? [];
    const second = related.length > 0 && rng.chance(0.7) ? rng.pick(related) : rng.pick(defs).name;
    if (second !== main) categories.push(second);
  }
  const favorites: number[] = [];
  for (const category of categories) {
    const ids = affinity.byCategory.get(category) ?? [];
    if (ids.length === 0) continue;
    const weights = ids.map((id) => affinity.clusters[id]?.weight ?? 0);
    const count = Math.min(ids.length, rng.chance(0.5) ? 2 : 1);
    for (let i = 0; i < count; i++) {
      const id = rng.weighted(ids, weights);
      if (!favorites.includes(id)) favorites.push(id);
    }
  }
  return favorites;
}

function sizesFor(rng: Rng, gender: 'f' | 'm'): { shoeSize: string; apparelSize: string } {
  const shoe = gender === 'm' ? rng.normal(10, 1.1) : rng.normal(8, 1);
  const shoeSize = String(Math.min(gender === 'm' ? 13 : 11, Math.max(gender === 'm' ? 7 : 6, Math.round(shoe * 2) / 2)));
  const apparelSize = rng.weighted(['S', 'M', 'L', 'XL', 'XXL'], gender === 'm' ? [12, 32, 33, 17, 6] : [30, 36, 22, 9, 3]);
  return { shoeSize, apparelSize };
}

export interface CustomerSet {
  rows: CustomerRow[];
  profiles: CustomerProfile[];
}

/**
 * Generates customers with ids from `firstId`; `emails` holds addresses already
 * taken (the personas'). createdAt is provisional: the order generator moves it
 * before each customer's first order.
 */
export function generateCustomers(rng: Rng, count: number, firstId: number, refMs: number, affinity: Affinity, emails: Set<string>): CustomerSet {
  const rows: CustomerRow[] = [];
  const profiles: CustomerProfile[] = [];
  for (let i = 0; i < count; i++) {
    const id = firstId + i;
    const gender: 'f' | 'm' = rng.chance(0.52) ? 'f' : 'm';
    const first = rng.pick(gender === 'f' ? FEMALE_NAMES : MALE_NAMES);
    const last = rng.pick(LAST_NAMES);
    const style = rng.weighted(['dot', 'joined', 'initial'], [70, 15, 15]);
    const base = style === 'dot' ? `${slug(first)}.${slug(last)}` : style === 'joined' ? `${slug(first)}${slug(last)}` : `${slug(first).charAt(0)}.${slug(last)}`;
    let email = `${base}${rng.int(1, 99)}@example.com`;
    while (emails.has(email)) email = `${base}${rng.int(1, 9999)}@example.com`;
    emails.add(email);

    const country = rng.weightedKey(COUNTRY_WEIGHTS);
    const [city, region, postal, phonePrefix] = rng.pick(CITIES[country] ?? []);
    const name = `${first} ${last}`;
    const address: ShippingAddress = { name, line1: streetFor(rng, country), city: region ? `${city}, ${region}` : city, postalCode: fillPattern(rng, postal), country };
    const createdAtMs = rng.chance(0.55) ? refMs - rng.int(548, 1100) * DAY - rng.int(0, 86_399) * 1000 : refMs - rng.int(7, 540) * DAY - rng.int(0, 86_399) * 1000;
    rows.push({
      id,
      externalId: `cus_${String(id).padStart(6, '0')}`,
      email,
      name,
      phone: rng.chance(0.88) ? phoneFor(rng, country, phonePrefix) : null,
      city,
      country,
      createdAt: new Date(createdAtMs),
    });
    profiles.push({
      id,
      gender,
      address,
      activity: rng.chance(0.08) ? 0 : Math.exp(rng.normal(0, 0.7)),
      favoriteClusters: favoriteClustersFor(rng, affinity),
      ...sizesFor(rng, gender),
      createdAtMs,
    });
  }
  return { rows, profiles };
}
