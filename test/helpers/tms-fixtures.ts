/** Small builders for TMS tests: people, a course, a venue, a session, on a real database. */
import type { Db } from '../../src/db/open-db.ts';
import type { Prisma } from '../../src/generated/prisma/client.ts';
import type { Role } from '../../src/generated/prisma/enums.ts';
import { loadActor, type Actor } from '../../src/features/people/actor.ts';

let counter = 0;
const unique = () => `${process.pid}-${++counter}`;

export async function makePerson(
  db: Db,
  options: {
    name?: string;
    roles?: Role[];
    managerId?: string;
    departmentId?: string;
    timeZone?: string;
  } = {},
): Promise<Actor> {
  const id = unique();
  const person = await db.prisma.person.create({
    data: {
      email: `p${id}@acme.example`,
      name: options.name ?? `Person ${id}`,
      roles: options.roles ?? ['employee'],
      managerId: options.managerId ?? null,
      departmentId: options.departmentId ?? null,
      timeZone: options.timeZone ?? 'Europe/London',
    },
  });
  return loadActor(db.prisma, person.id);
}

/** Many plain employees in one insert (race tests need hundreds). */
export async function makePeople(db: Db, n: number, departmentId?: string): Promise<string[]> {
  const batch = unique();
  const data = Array.from({ length: n }, (_, i) => ({
    email: `b${batch}-${i}@acme.example`,
    name: `Learner ${String(i + 1).padStart(3, '0')}`,
    departmentId: departmentId ?? null,
  }));
  await db.prisma.person.createMany({ data });
  const rows = await db.prisma.person.findMany({
    where: { email: { in: data.map((d) => d.email) } },
    select: { id: true, email: true },
  });
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return data.map((d) => byEmail.get(d.email)!);
}

export async function makeCourse(db: Db, data: Partial<Prisma.CourseCreateInput> = {}) {
  return db.prisma.course.create({
    data: { code: `C-${unique()}`, title: 'First Aid at Work', kind: 'ilt', ...data },
  });
}

export async function makeVenue(db: Db, data: Partial<Prisma.VenueCreateInput> = {}) {
  return db.prisma.venue.create({
    data: { name: `Room ${unique()}`, timeZone: 'Europe/London', capacity: 30, ...data },
  });
}

export async function makeDepartment(db: Db, name = `Dept ${unique()}`) {
  return db.prisma.department.create({ data: { name } });
}
