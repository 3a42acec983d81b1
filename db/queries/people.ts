import { eq, sql } from 'drizzle-orm';
import { db } from '../client';
import { users, type NewUser, type Role, type User } from '../schema';

/** The fields a signed-in person's own pages may show; never the password hash. */
export type StaffMember = Pick<User, 'id' | 'name' | 'email' | 'role' | 'slug' | 'bio' | 'active' | 'sessionVersion'>;

const staffColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  slug: users.slug,
  bio: users.bio,
  active: users.active,
  sessionVersion: users.sessionVersion,
};

export async function getUserByEmail(email: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}

export async function getStaffMember(id: string): Promise<StaffMember | null> {
  const [row] = await db.select(staffColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function createUser(input: Omit<NewUser, 'id' | 'createdAt' | 'updatedAt'> & { role: Role }): Promise<StaffMember> {
  const [row] = await db
    .insert(users)
    .values({ ...input, email: input.email.trim().toLowerCase() })
    .returning(staffColumns);
  return row;
}

/** Ends every session this person has, on every device, at once. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` }).where(eq(users.id, userId));
}
