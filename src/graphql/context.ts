import { DataSource } from 'typeorm';
import { createTaxonomyLoaders, TaxonomyLoaders } from '../taxonomy/loaders/taxonomy-loaders';
import { TaxonomySearchService } from '../taxonomy/taxonomy-search.service';

/** Long-lived services shared by every request. */
export interface Services {
  dataSource: DataSource;
  taxonomySearch: TaxonomySearchService;
}

/** What each GraphQL request carries: services and its own DataLoaders. */
export interface RequestContext {
  services: Services;
  loaders: TaxonomyLoaders;
}

export function createRequestContext(services: Services): RequestContext {
  return { services, loaders: createTaxonomyLoaders(services.dataSource) };
}
