import { EscoBroader } from './esco-broader.entity';
import { EscoDescription } from './esco-description.entity';
import { EscoImport } from './esco-import.entity';
import { EscoIscoGroup } from './esco-isco-group.entity';
import { EscoLabel } from './esco-label.entity';
import { EscoLinkingModel } from './esco-linking-model.entity';
import { EscoOccupationSkill } from './esco-occupation-skill.entity';
import { EscoOccupation } from './esco-occupation.entity';
import { EscoSkillGroup } from './esco-skill-group.entity';
import { EscoSkillRelation } from './esco-skill-relation.entity';
import { EscoSkill } from './esco-skill.entity';

export {
  EscoBroader,
  EscoDescription,
  EscoImport,
  EscoIscoGroup,
  EscoLabel,
  EscoLinkingModel,
  EscoOccupationSkill,
  EscoOccupation,
  EscoSkillGroup,
  EscoSkillRelation,
  EscoSkill,
};

export const TAXONOMY_ENTITIES = [
  EscoSkill,
  EscoOccupation,
  EscoIscoGroup,
  EscoSkillGroup,
  EscoLabel,
  EscoDescription,
  EscoOccupationSkill,
  EscoSkillRelation,
  EscoBroader,
  EscoImport,
  EscoLinkingModel,
];
