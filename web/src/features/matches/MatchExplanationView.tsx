// Placeholder until the view is built.
export default function MatchExplanationView({
  direction,
}: {
  direction: 'forJobseeker' | 'forVacancy';
}) {
  return <p>{direction}</p>;
}
