// Placeholder until the view is built: the ranked vacancies for a jobseeker (JobseekerView).
export function VacancyMatches({ jobseekerId }: { jobseekerId: string }) {
  return <p>{jobseekerId}</p>;
}
