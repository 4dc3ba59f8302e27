import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import type { Language as ApiLanguage } from '../../gql/graphql';

const SkillLabel = graphql(`
  query SkillLabel($uri: ID!, $language: Language!) {
    skill(uri: $uri) {
      uri
      preferredLabel(language: $language)
    }
  }
`);

const OccupationLabel = graphql(`
  query OccupationLabel($uri: ID!, $language: Language!) {
    occupation(uri: $uri) {
      uri
      preferredLabel(language: $language)
    }
  }
`);

export interface ConceptLabels {
  /** The preferred label by URI; null where the taxonomy has none. */
  labels: ReadonlyMap<string, string | null>;
  complete: boolean;
}

/**
 * Names of ESCO skills and occupations given only by URI. The contract links no `skill` on
 * AssessedSkill and no occupation on Jobseeker.desiredOccupationUris, so each name is one small
 * query, all sent at once once the profile is in (urql's cache keeps them for the next visit).
 * When the contract gains those links, this hook goes and the profile query asks for the labels.
 */
export function useConceptLabels(
  skillUris: readonly string[],
  occupationUris: readonly string[],
  language: ApiLanguage,
): ConceptLabels {
  const client = useClient();
  const [state, setState] = useState<ConceptLabels>({ labels: new Map(), complete: false });
  const key = `${language}|${skillUris.join(' ')}|${occupationUris.join(' ')}`;

  useEffect(() => {
    let current = true;
    setState((previous) => ({ labels: previous.labels, complete: false }));
    const skills = skillUris.map(async (uri) => {
      const result = await client.query(SkillLabel, { uri, language }).toPromise();
      return [uri, result.data?.skill?.preferredLabel ?? null] as const;
    });
    const occupations = occupationUris.map(async (uri) => {
      const result = await client.query(OccupationLabel, { uri, language }).toPromise();
      return [uri, result.data?.occupation?.preferredLabel ?? null] as const;
    });
    Promise.all([...skills, ...occupations])
      .then((entries) => {
        if (current) setState({ labels: new Map(entries), complete: true });
      })
      .catch(() => {
        // A name that cannot be fetched shows its URI; the profile itself is still shown.
        if (current) setState((previous) => ({ labels: previous.labels, complete: true }));
      });
    return () => {
      current = false;
    };
    // The key stands for the two lists and the language (new arrays each render, same content).
  }, [client, key]);

  return state;
}
