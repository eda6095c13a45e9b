/**
 * Acme Logistics' people: 4 departments, 3 locations in 2 time zones, heads of department
 * with team leads under them (two-level reporting lines), 3 instructors and an L&D admin.
 * Keys are stable handles for the seed; e-mails are derived from names.
 */
import type { Role } from '../generated/prisma/enums.ts';

export const DEMO_DOMAIN = 'acme.example';

export interface DemoPerson {
  key: string;
  name: string;
  department: 'Operations' | 'Sales' | 'Engineering' | 'People & Culture';
  location: 'London' | 'Manchester' | 'New York';
  jobRole: string;
  manager?: string;
  roles?: Role[];
  hiredDaysAgo: number;
}

const named: DemoPerson[] = [
  // Heads of department
  {
    key: 'olivia',
    name: 'Olivia Grant',
    department: 'Operations',
    location: 'London',
    jobRole: 'Head of Operations',
    hiredDaysAgo: 2900,
  },
  {
    key: 'marcus',
    name: 'Marcus Reed',
    department: 'Sales',
    location: 'New York',
    jobRole: 'Head of Sales',
    hiredDaysAgo: 2100,
  },
  {
    key: 'hannah',
    name: 'Hannah Kim',
    department: 'Engineering',
    location: 'London',
    jobRole: 'Head of Engineering',
    hiredDaysAgo: 1800,
  },
  {
    key: 'grace',
    name: 'Grace Liu',
    department: 'People & Culture',
    location: 'London',
    jobRole: 'Head of People',
    hiredDaysAgo: 2500,
  },
  // Team leads
  {
    key: 'tom',
    name: 'Tom Fletcher',
    department: 'Operations',
    location: 'Manchester',
    jobRole: 'Warehouse Supervisor',
    manager: 'olivia',
    hiredDaysAgo: 1500,
  },
  {
    key: 'nadia',
    name: 'Nadia Hussain',
    department: 'Operations',
    location: 'London',
    jobRole: 'Facilities Supervisor',
    manager: 'olivia',
    hiredDaysAgo: 1200,
  },
  {
    key: 'maya',
    name: 'Maya Chen',
    department: 'Sales',
    location: 'London',
    jobRole: 'Sales Manager',
    manager: 'marcus',
    hiredDaysAgo: 1100,
  },
  {
    key: 'jordan',
    name: 'Jordan Blake',
    department: 'Sales',
    location: 'New York',
    jobRole: 'Sales Manager',
    manager: 'marcus',
    hiredDaysAgo: 900,
  },
  {
    key: 'ben',
    name: 'Ben Carter',
    department: 'Engineering',
    location: 'London',
    jobRole: 'Engineering Manager',
    manager: 'hannah',
    hiredDaysAgo: 1000,
  },
  {
    key: 'elena',
    name: 'Elena Rossi',
    department: 'Engineering',
    location: 'New York',
    jobRole: 'Engineering Manager',
    manager: 'hannah',
    hiredDaysAgo: 800,
  },
  {
    key: 'chloe',
    name: 'Chloe Martin',
    department: 'People & Culture',
    location: 'London',
    jobRole: 'L&D Manager',
    manager: 'grace',
    hiredDaysAgo: 1300,
  },
  {
    key: 'omar',
    name: 'Omar Haddad',
    department: 'People & Culture',
    location: 'New York',
    jobRole: 'HR Manager',
    manager: 'grace',
    hiredDaysAgo: 700,
  },
  // L&D admin and instructors
  {
    key: 'avery',
    name: 'Avery Clarke',
    department: 'People & Culture',
    location: 'London',
    jobRole: 'L&D Administrator',
    manager: 'chloe',
    roles: ['employee', 'admin'],
    hiredDaysAgo: 600,
  },
  {
    key: 'dana',
    name: 'Dana Whitfield',
    department: 'People & Culture',
    location: 'London',
    jobRole: 'Trainer',
    manager: 'chloe',
    roles: ['employee', 'instructor'],
    hiredDaysAgo: 1400,
  },
  {
    key: 'lee',
    name: 'Lee Okafor',
    department: 'People & Culture',
    location: 'Manchester',
    jobRole: 'Trainer',
    manager: 'chloe',
    roles: ['employee', 'instructor'],
    hiredDaysAgo: 1000,
  },
  {
    key: 'rosa',
    name: 'Rosa Delgado',
    department: 'People & Culture',
    location: 'New York',
    jobRole: 'Trainer',
    manager: 'omar',
    roles: ['employee', 'instructor'],
    hiredDaysAgo: 500,
  },
  // Employees the README names
  {
    key: 'priya',
    name: 'Priya Shah',
    department: 'Sales',
    location: 'London',
    jobRole: 'Account Executive',
    manager: 'maya',
    hiredDaysAgo: 400,
  },
  {
    key: 'sam',
    name: 'Sam Brooks',
    department: 'Sales',
    location: 'London',
    jobRole: 'Account Executive',
    manager: 'maya',
    hiredDaysAgo: 250,
  },
  {
    key: 'kofi',
    name: 'Kofi Mensah',
    department: 'Operations',
    location: 'Manchester',
    jobRole: 'Forklift Operator',
    manager: 'tom',
    hiredDaysAgo: 650,
  },
  {
    key: 'new-joiner',
    name: 'Isla Novak',
    department: 'Engineering',
    location: 'London',
    jobRole: 'Software Engineer',
    manager: 'ben',
    hiredDaysAgo: 6,
  },
];

const FIRST = [
  'James',
  'Amelia',
  'Noah',
  'Sophia',
  'Liam',
  'Ava',
  'Ethan',
  'Mia',
  'Lucas',
  'Zara',
  'Oscar',
  'Ruby',
  'Leo',
  'Freya',
  'Arjun',
  'Layla',
  'Mateo',
  'Hana',
  'Felix',
  'Chen',
  'Aisha',
  'Daniel',
  'Ines',
  'Tariq',
  'Yusuf',
  'Emma',
  'Jack',
  'Lily',
  'Ryan',
  'Nora',
  'Diego',
  'Eva',
  'Kai',
  'Maria',
  'Samuel',
  'Olga',
  'Theo',
  'Anya',
  'Ravi',
  'Julia',
];
const LAST = [
  'Walker',
  'Hughes',
  'Evans',
  'Turner',
  'Baker',
  'Wright',
  'Patel',
  'Khan',
  'Murphy',
  'Lopez',
  'Kowalski',
  'Nguyen',
  'Adeyemi',
  'Silva',
  'Fischer',
  'Jensen',
  'Moreau',
  'Costa',
  'Ali',
  'Tanaka',
];

/** Staff under each team lead: [lead, department, location, job role, how many]. */
const TEAMS: [string, DemoPerson['department'], DemoPerson['location'], string, number][] = [
  ['tom', 'Operations', 'Manchester', 'Forklift Operator', 9],
  ['nadia', 'Operations', 'London', 'Facilities Technician', 6],
  ['maya', 'Sales', 'London', 'Account Executive', 3],
  ['jordan', 'Sales', 'New York', 'Account Executive', 6],
  ['ben', 'Engineering', 'London', 'Software Engineer', 6],
  ['elena', 'Engineering', 'New York', 'Software Engineer', 5],
  ['omar', 'People & Culture', 'New York', 'HR Advisor', 2],
  ['chloe', 'People & Culture', 'London', 'HR Advisor', 3],
];

function generated(): DemoPerson[] {
  const out: DemoPerson[] = [];
  let n = 0;
  for (const [lead, department, location, jobRole, count] of TEAMS) {
    for (let i = 0; i < count; i += 1, n += 1) {
      const name = `${FIRST[n % FIRST.length]} ${LAST[(n * 7) % LAST.length]}`;
      out.push({
        key: `staff-${n}`,
        name,
        department,
        location,
        jobRole,
        manager: lead,
        hiredDaysAgo: 60 + ((n * 97) % 1800),
      });
    }
  }
  return out;
}

export const DEMO_PEOPLE: DemoPerson[] = [...named, ...generated()];
