import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { Actor } from './actor';

/** A development user of fixtures/people/users.json: `npm run token -- --user <user>`. */
export interface FixtureUser extends Omit<Actor, 'id' | 'operations'> {
  user: string;
  note?: string;
}

export function loadFixtureUsers(): FixtureUser[] {
  return JSON.parse(
    fs.readFileSync(path.join(PROJECT_ROOT, 'fixtures', 'people', 'users.json'), 'utf8'),
  ) as FixtureUser[];
}

/** The actor a fixture user's token carries (as `npm run token` issues it). */
export function fixtureActor(user: FixtureUser): Actor {
  const { user: id, role, employmentArea, employerId, jobseekerId } = user;
  return { id, role, employmentArea, employerId, jobseekerId };
}
