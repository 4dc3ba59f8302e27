// Placeholder until the view is built: a vacancy's ranked candidates (VacancyView).
export function CandidateMatches({ vacancyId }: { vacancyId: string }) {
  return <p>{vacancyId}</p>;
}
