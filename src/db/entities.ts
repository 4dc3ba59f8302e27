import { TAXONOMY_ENTITIES } from '../taxonomy/entities';

/** Every entity the service maps; listed explicitly so that build output and tests agree. */
export const ALL_ENTITIES = [...TAXONOMY_ENTITIES];
