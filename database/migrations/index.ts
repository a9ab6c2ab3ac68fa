import { CreateStructures1764000000000 } from './1764000000000-create-structures.js';

/** Every migration, in order. They use TypeORM's schema builder only, so they run on SQLite and MariaDB. */
export const migrations = [CreateStructures1764000000000];
